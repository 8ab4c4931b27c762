"""The endpoint model: what one documentation page says about one Graph operation.

Everything downstream (YAML specs, the generated client, its replay tests, permission
tooling) reads this model and never the Markdown, so it records facts as documented —
permission order as written, the original path template beside its normalised form,
example bodies as the page shows them — and leaves interpretation to its consumers.
The classes are frozen so a parsed page can be shared between stages and processes
without anyone mutating it behind another stage's back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PermissionKind = Literal["delegated_work", "delegated_personal", "application"]
PERMISSION_KINDS: tuple[PermissionKind, ...] = (
    "delegated_work",
    "delegated_personal",
    "application",
)

BodyKind = Literal["none", "json", "text", "binary"]
ParamStyle = Literal["segment", "path", "function", "argument", "query"]


@dataclass(frozen=True)
class PathParam:
    """A placeholder of a path template, under the Python name the client exposes.

    ``style`` says how a value is encoded: ``segment`` (one path segment, ``/`` encoded),
    ``path`` (inside ``root:/…:`` addressing, where ``/`` is meaningful), ``function``
    (inside ``f(name='…')`` where quotes are doubled), ``argument`` (an unquoted
    ``f(name=…)``: the caller writes the OData literal, quotes included) or ``query``.
    """

    name: str
    placeholder: str
    style: ParamStyle = "segment"


@dataclass(frozen=True)
class PathVariant:
    """One documented ``METHOD path`` line.

    ``template`` is the line as written; ``path`` is normalised (leading slash, no host or
    version, ``{python_name}`` placeholders) and ``query`` holds any query string the
    template carries, with placeholders renamed the same way.
    """

    template: str
    path: str
    params: tuple[PathParam, ...] = ()
    query: str = ""
    line: int = 0
    derived_from: str = ""  # set when an example, not the HTTP request section, shows this form

    @property
    def target(self) -> str:
        """The path with its fixed query, as one string: ``/me/events?$filter=…``."""
        return self.path + (f"?{self.query}" if self.query else "")


@dataclass(frozen=True)
class PermissionRow:
    """One permission type of the permissions table.

    Each scope entry is a tuple of scope names that are needed *together* (a documented
    ``A and B``); entries are alternatives, kept in documented order. ``least`` is what the
    table marks (or its stated order implies) as least privileged; ``higher`` the rest.
    """

    kind: PermissionKind
    supported: bool
    least: tuple[tuple[str, ...], ...] = ()
    higher: tuple[tuple[str, ...], ...] = ()
    line: int = 0
    resource: str = ""  # what the row is for, when the page has per-resource tables or rows


@dataclass(frozen=True)
class Permissions:
    """The permissions of an operation and where they came from."""

    rows: tuple[PermissionRow, ...] = ()
    order: Literal["least_to_most", "most_to_least", "unstated", "columns"] = "unstated"
    source: str = ""  # the include file (relative to the page) when not inline
    line: int = 0  # of the table or include; 0 when the page has neither
    missing_include: bool = False  # the include named at ``line`` does not exist
    # Rows that name a permission but could not be placed (kind when known, else ""; line):
    # kept so a run can say how much of the documentation it did not understand.
    lost: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Header:
    name: str
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class QueryOption:
    """An OData query option or function/query parameter the page documents."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class HttpMessage:
    """The HTTP text of an example request or response, parsed but not interpreted.

    ``body`` is the decoded JSON value when ``body_kind`` is ``json``, else the text.
    """

    method: str = ""  # requests only
    url: str = ""  # requests only, as written
    status: int = 0  # responses only
    headers: tuple[tuple[str, str], ...] = ()
    body_kind: BodyKind = "none"
    body: Any = None
    content_type: str = ""
    line: int = 0

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None


@dataclass(frozen=True)
class Example:
    name: str
    request: HttpMessage
    response: HttpMessage | None = None
    truncated: bool = False
    response_type: str = ""  # @odata.type of the response annotation
    is_collection: bool = False
    followup: HttpMessage | None = None  # the answer at the Location of a 3xx ``response``


TypeKind = Literal["primitive", "complex", "enum", "entity", "unknown"]

# Edm primitives as JSON carries them: dates, times, durations and GUIDs are strings.
PYTHON_PRIMITIVES = {
    "String": "str",
    "Guid": "str",
    "DateTimeOffset": "str",
    "Date": "str",
    "TimeOfDay": "str",
    "Duration": "str",
    "Binary": "str",
    "Stream": "str",
    "Boolean": "bool",
    "Int16": "int",
    "Int32": "int",
    "Int64": "int",
    "Byte": "int",
    "SByte": "int",
    "Double": "float",
    "Single": "float",
    "Decimal": "float",
}


@dataclass(frozen=True)
class TypeRef:
    """The type of a property as its table documents it.

    ``name`` is the canonical Edm name of a primitive (``String``), else the type's name as
    linked or written (``recipient``, ``microsoft.graph.importance``). ``page`` is the stem
    of the resource page a link points to: types are resolved by it, not by the link's
    wording, which localized editions translate. ``kind`` is ``unknown`` until every page
    of a run is read and the name is resolved against all the types.
    """

    name: str
    collection: bool = False
    kind: TypeKind = "unknown"
    page: str = ""


@dataclass(frozen=True)
class Property:
    """A row of a property table (of a resource, or of a request body).

    ``nullable`` and ``read_only`` are ``None`` when the page does not say.
    """

    name: str
    type: TypeRef
    nullable: bool | None = None
    read_only: bool | None = None
    description: str = ""
    line: int = 0


@dataclass(frozen=True)
class Resource:
    """A type a resource page documents: its Properties table, and what its JSON
    representation's annotation adds (base type, key, open type)."""

    name: str
    namespace: str = "microsoft.graph"
    base_type: str = ""  # qualified, as the annotation writes it
    key: str = ""
    open_type: bool = False
    abstract: bool = False
    properties: tuple[Property, ...] = ()
    relationships: tuple[Property, ...] = ()
    description: str = ""
    source: str = ""
    line: int = 0

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class EnumType:
    """An enumeration: from a members table, or the possible values a property lists."""

    name: str
    members: tuple[str, ...]  # no default: a spec always shows it, telling enums apart
    namespace: str = "microsoft.graph"
    description: str = ""
    source: str = ""
    line: int = 0

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class Response:
    """The documented response. ``odata_type`` and ``is_collection`` are the response
    annotation's; ``type_page`` and ``prose_collection`` what the Response prose says
    (the resource page its link points to, and whether it speaks of a collection), for
    the pages whose response has no annotation."""

    status: int | None = None
    status_line: int = 0
    odata_type: str = ""
    is_collection: bool = False
    body_kind: BodyKind = "json"
    type_page: str = ""
    prose_collection: bool = False


@dataclass(frozen=True)
class RequestBody:
    """The documented request body. ``type_page`` is the resource page the Request body
    prose links to (``supply a JSON representation of a [user] object``), for the pages
    that document their body as a type rather than with a table."""

    kind: BodyKind = "none"
    content_type: str = ""
    properties: tuple[Property, ...] = ()  # the request body table, when the page has one
    type_page: str = ""


@dataclass(frozen=True)
class Operation:
    """One Graph operation, as documented by one page."""

    id: str  # the page stem, e.g. ``message-send``
    api_version: str
    source: str  # page path as given to the build (posix), for docstrings and diagnostics
    title: str
    summary: str
    group: str
    name: str  # Python method name
    http_method: str
    variants: tuple[PathVariant, ...]
    permissions: Permissions = field(default_factory=Permissions)
    query_options: tuple[QueryOption, ...] = ()
    headers: tuple[Header, ...] = ()
    request_body: RequestBody = field(default_factory=RequestBody)
    response: Response = field(default_factory=Response)
    examples: tuple[Example, ...] = ()
    line: int = 1
    # For an operation no page documents, the example of its page that alone shows it
    # (GD063). Kept in the spec so that rendering from the model knows it.
    shown_by: str = ""

    @property
    def qualified_name(self) -> str:
        return f"{self.group}.{self.name}"
