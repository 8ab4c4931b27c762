"""All the types of a run, resolved, and the docs' example responses checked against them.

A type's table names other types by link or by word; only once every resource page is
read can a name be resolved, so resolution is cross-page work: a link resolves by its
target page (localized editions translate the link text, never the file name), a word by
the type names of the run. What stays unresolved is reported (GD071), never guessed.

Each example response body is then a test of the documentation: every property it shows
must be one its type (or its base types, or the derived type its ``@odata.type`` names)
documents, unless the type is open, and every value must be of its type's JSON kind.
``@odata.*`` annotations are not properties; ``truncated`` examples only omit
properties, which is never reported, so they are checked like the others.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Literal, Mapping, Sequence

from ..core.diagnostics import (
    BASE_TYPE_CYCLE,
    BODY_EXAMPLE_CONTRADICTS,
    BODY_UNTYPED,
    PROPERTY_NAME_COLLISION,
    ENUM_MEMBERS_UNTRUSTED,
    EXAMPLE_COLLECTION_MISMATCH,
    EXAMPLE_PROPERTY_UNKNOWN,
    EXAMPLE_VALUE_KIND,
    PathReport,
    Report,
    TYPE_DUPLICATE,
    TYPE_HOME_CONFLICT,
    TYPE_UNRESOLVED,
)
from ..parse.resources import json_kind
from ..core.model import PYTHON_PRIMITIVES, EnumType, Operation, Property, Resource, TypeRef
from ..parse.naming import unique

Type = Resource | EnumType
_STRINGS = frozenset(
    {"String", "Guid", "DateTimeOffset", "Date", "TimeOfDay", "Duration", "Binary"}
)
_NUMBERS = frozenset({"Int16", "Int32", "Int64", "Byte", "SByte", "Single", "Double", "Decimal"})
_DEPTH = 12  # nesting a check follows; deeper values are not checked


def _short(name: str) -> str:
    name = name.strip().lstrip("#")
    if name.lower().startswith("collection(") and name.endswith(")"):
        name = name[11:-1]
    return name.rsplit(".", 1)[-1].lower()


def _unwrap(name: str) -> tuple[str, bool]:
    name = name.strip().lstrip("#")
    if name.lower().startswith("collection(") and name.endswith(")"):
        return name[11:-1].strip().lstrip("#"), True
    return name, False


@dataclass
class TypeIndex:
    """The types of a run by qualified name, short name and page; resolved."""

    types: list[Type] = field(default_factory=list)
    qualified: dict[str, Type] = field(default_factory=dict)  # lower-case qualified name
    short: dict[str, list[Type]] = field(default_factory=dict)  # lower-case name
    pages: dict[str, list[Type]] = field(default_factory=dict)  # page stem
    # the words groups are named with (assemble.cross_page.group_vocabulary), worked out
    # once and kept with the index in the cache
    words: dict[str, tuple[str, ...]] | None = None

    def add(self, item: Type) -> None:
        self.types.append(item)
        self.qualified[item.qualified_name.lower()] = item
        self.short.setdefault(item.name.lower(), []).append(item)
        self.pages.setdefault(_page(item), []).append(item)

    def find(self, name: str, page: str = "", namespace: str = "") -> Type | None:
        """The type a page link or a name designates; an unqualified name, written inside
        ``namespace`` (``callType`` on a ``callRecords`` page), within that namespace
        first."""
        if page and page in self.pages:
            on_page = self.pages[page]
            if len(on_page) == 1:
                return on_page[0]
            named = [t for t in on_page if t.name.lower() == _short(name)]
            if named:
                return named[0]
        name, _ = _unwrap(name)
        if namespace and "." not in name:
            inner = self.qualified.get(f"{namespace}.{name}".lower())
            if inner is not None:
                return inner
        if name.lower() in self.qualified:
            return self.qualified[name.lower()]
        if ("microsoft.graph." + name).lower() in self.qualified:
            return self.qualified[("microsoft.graph." + name).lower()]
        found = self.short.get(_short(name), [])
        return found[0] if found else None

    def base(self, resource: Resource) -> Resource | None:
        found = self.find(resource.base_type) if resource.base_type else None
        return found if isinstance(found, Resource) and found is not resource else None

    def chain(self, resource: Resource) -> list[Resource]:
        """The type and its base types, nearest first (a loop ends the chain)."""
        chain: list[Resource] = []
        current: Resource | None = resource
        while current is not None and current not in chain:
            chain.append(current)
            current = self.base(current)
        return chain

    def members(self, resource: Resource) -> dict[str, Property]:
        """Every property and relationship of a type, its base types' included."""
        found: dict[str, Property] = {}
        for item in reversed(self.chain(resource)):
            for prop in item.properties + item.relationships:
                found[prop.name] = prop
        return found

    def is_open(self, resource: Resource) -> bool:
        return any(item.open_type for item in self.chain(resource))

    def derives(self, resource: Resource, ancestor: Resource) -> bool:
        return ancestor in self.chain(resource)

    def kind_of(self, item: Type) -> str:
        if isinstance(item, EnumType):
            return "enum"
        chain = self.chain(item)
        entity = any(t.key or t.qualified_name.lower() == "microsoft.graph.entity" for t in chain)
        return "entity" if entity else "complex"


def _page(item: Type) -> str:
    return item.source.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()


def _home_rank(item: Resource, path: str) -> int:
    """How surely ``path`` is the home page of ``item``: its file name is the type's name
    (``user.md``), or ends with it (``intune-devices-user.md``), or neither."""
    stem = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    name = item.name.lower()
    return 2 if stem == name else 1 if stem.rsplit("-", 1)[-1] == name else 0


def _conflicts(home: Resource, guest: Resource, home_path: str, report: PathReport) -> None:
    """A page other than a type's home that states its base type or key otherwise (GD104)."""
    for what, mine, theirs in (
        ("base type", home.base_type, guest.base_type),
        ("key", home.key, guest.key),
    ):
        if theirs and mine and mine.lower() != theirs.lower():
            report(
                home_path,
                home.line,
                TYPE_HOME_CONFLICT,
                f"{home.qualified_name}: {guest.source} gives the {what} {theirs!r}, "
                f"its home page {mine!r}; the home page holds",
            )


def _merged(first: Resource, later: Resource) -> Resource:
    """One type documented in parts (Intune's ``deviceManagement``): the home page's
    description, base type, key and properties, then the properties only the other
    page has."""
    names = {p.name for p in first.properties + first.relationships}
    return replace(
        first,
        base_type=first.base_type or later.base_type,  # what the home page leaves unsaid
        key=first.key or later.key,
        description=first.description or later.description,
        properties=first.properties + tuple(p for p in later.properties if p.name not in names),
        relationships=first.relationships
        + tuple(p for p in later.relationships if p.name not in names),
    )


def type_file(item: Type) -> str:
    """A type's name as its spec file calls it: short in ``microsoft.graph``, else with
    the rest of its namespace (``callRecords.callRecord``)."""
    namespace = item.namespace
    if namespace.lower().startswith("microsoft.graph."):
        return f"{namespace[16:]}.{item.name}"
    return item.name if namespace.lower() == "microsoft.graph" else f"{namespace}.{item.name}"


def build_index(
    found: Iterable[tuple[str, Sequence[Type]]],
    report: PathReport,
    words: frozenset[str] = frozenset(),
    unverified: Mapping[str, tuple[str, ...]] | None = None,
) -> TypeIndex:
    """The resolved types of ``found`` (each page's display path and types, in path
    order): duplicates reported (GD074), every property type resolved or reported (GD071).

    ``unverified`` holds the members of translated pages' enums that only prose shows:
    such an enum keeps its members when the run's JSON (``words``) shows every one of
    them, else it is typed ``str`` (GD100): a translated member is never a ``Literal``."""
    raw = TypeIndex()
    paths: dict[int, str] = {}
    doubtful = {key.lower(): value for key, value in (unverified or {}).items()}
    for path, types in found:
        for item in types:
            key = item.qualified_name.lower()
            if isinstance(item, EnumType) and key in doubtful and item.members:
                unseen = [member for member in doubtful[key] if member not in words]
                if unseen:
                    shown = ", ".join(repr(member) for member in unseen[:3])
                    report(
                        path,
                        item.line,
                        ENUM_MEMBERS_UNTRUSTED,
                        f"enum {item.name}: members {shown} are prose on a translated page "
                        "and no JSON of the run shows them; typed str",
                    )
                    item = replace(item, members=())
            if key in raw.qualified:
                other = raw.qualified[key]
                if isinstance(other, EnumType) and isinstance(item, EnumType):
                    if item.members and not other.members:  # the trusted one wins
                        raw.types[raw.types.index(other)] = item
                        raw.qualified[key] = item
                        for group in (raw.short[item.name.lower()], raw.pages[_page(other)]):
                            group[group.index(other)] = item
                        raw.pages.setdefault(_page(item), []).append(item)
                        paths[id(item)] = path
                        continue
                report(
                    path,
                    item.line,
                    TYPE_DUPLICATE,
                    f"type {item.qualified_name} is also documented by {other.source}",
                )
                if isinstance(other, Resource) and isinstance(item, Resource):
                    item_home = _home_rank(item, path) > _home_rank(other, paths[id(other)])
                    home, guest = (item, other) if item_home else (other, item)
                    _conflicts(home, guest, path if item_home else paths[id(other)], report)
                    merged = _merged(home, guest)
                    raw.types[raw.types.index(other)] = merged
                    raw.qualified[key] = merged
                    for group in (raw.short[merged.name.lower()], raw.pages[_page(other)]):
                        group[group.index(other)] = merged
                    if item_home:
                        raw.pages.setdefault(_page(item), []).append(merged)
                    paths[id(merged)] = path if item_home else paths[id(other)]
                continue
            raw.add(item)
            paths[id(item)] = path
    cut = _cycles(raw, paths, report)
    index = TypeIndex()
    for item in raw.types:
        if isinstance(item, Resource):
            path = paths[id(item)]
            seen: set[str] = set()
            item = replace(
                item,
                base_type="" if item.qualified_name.lower() in cut else item.base_type,
                properties=_distinct(item, item.properties, seen, path, raw, report),
                relationships=_distinct(item, item.relationships, seen, path, raw, report),
            )
        index.add(item)
    return index


def _distinct(
    owner: Resource,
    props: tuple[Property, ...],
    seen: set[str],
    path: str,
    raw: TypeIndex,
    report: PathReport,
) -> tuple[Property, ...]:
    """``props`` resolved, without a name equal to an earlier one after NFKC normalisation
    (``ﬁle``/``file``): Python reads both as one identifier (GD107)."""
    kept: list[Property] = []
    for prop in props:
        key = unicodedata.normalize("NFKC", prop.name)
        if key in seen:
            report(
                path,
                prop.line,
                PROPERTY_NAME_COLLISION,
                f"{owner.name}.{prop.name}: the same name as another property once "
                "normalised (NFKC); dropped",
            )
            continue
        seen.add(key)
        kept.append(_resolved(prop, raw, owner, path, report))
    return tuple(kept)


def _cycles(raw: TypeIndex, paths: dict[int, str], report: PathReport) -> set[str]:
    """The types whose base type closes a cycle of base types (``a`` → ``b`` → ``a``, or
    ``a`` → ``a``): that base type is dropped (GD106), so every chain ends and the types
    module defines each base before the types that extend it."""
    cut: set[str] = set()
    done: set[str] = set()
    for start in sorted(
        (t for t in raw.types if isinstance(t, Resource)), key=lambda t: t.qualified_name.lower()
    ):
        trail: list[Resource] = []
        current: Resource | None = start
        while current is not None:
            key = current.qualified_name.lower()
            if key in done or key in cut:
                break
            if current in trail:
                closing = trail[-1]
                cut.add(closing.qualified_name.lower())
                report(
                    paths.get(id(closing), closing.source),
                    closing.line,
                    BASE_TYPE_CYCLE,
                    f"{closing.qualified_name}: base type {closing.base_type} closes a cycle "
                    "of base types; dropped",
                )
                break
            trail.append(current)
            found = raw.find(current.base_type) if current.base_type else None
            current = found if isinstance(found, Resource) else None
        done.update(t.qualified_name.lower() for t in trail)
    return cut


def _resolved(
    prop: Property, raw: TypeIndex, owner: Resource, path: str, report: PathReport
) -> Property:
    ref = resolved_ref(prop.type, raw, owner.namespace)
    if ref is None:
        shown = f"{prop.type.name} ({prop.type.page}.md)" if prop.type.page else prop.type.name
        report(
            path,
            prop.line,
            TYPE_UNRESOLVED,
            f"{owner.name}.{prop.name}: type {shown} is no primitive and no type of this run",
        )
        return prop
    return prop if ref is prop.type else replace(prop, type=ref)


def resolved_ref(ref: TypeRef, index: TypeIndex, namespace: str = "") -> TypeRef | None:
    """``ref`` with the qualified name and kind of the type it designates, or ``None`` when
    it designates none: the one resolution of a property type, for resource tables and
    request body tables alike. A primitive or an empty name is returned as it is."""
    if ref.kind == "primitive" or not ref.name:
        return ref
    target = index.find(ref.name, ref.page, namespace)
    if target is None:
        return None
    kind = index.kind_of(target)
    return replace(ref, name=target.qualified_name, kind=kind)  # type: ignore[arg-type]


def response_type(
    operation: Operation, index: TypeIndex, example_type: str = "", example_collection: bool = False
) -> tuple[Type | None, bool, str]:
    """The documented type of an operation's response (or of one example's), whether it is
    a collection, and the name as documented: the annotation's ``@odata.type`` first, then
    the resource page the Response prose links to."""
    response = operation.response
    name, collection = _unwrap(example_type or response.odata_type)
    collection = collection or example_collection or (response.is_collection and not example_type)
    if name:
        return index.find(name), collection, name
    if response.type_page:
        return index.find("", response.type_page), response.prose_collection, response.type_page
    return None, False, ""


def _untyped(name: str) -> bool:
    """Graph's ``Json`` type: any JSON value at all, whatever the page says it holds."""
    return name.rsplit(".", 1)[-1].lower() == "json"


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return text in ("NaN", "INF", "-INF")
    return True


class _Checker:
    def __init__(self, index: TypeIndex, report: Callable[[str, str], None]) -> None:
        self.index = index
        self.report = report  # (code, message)

    def value(self, where: str, ref: TypeRef, value: Any, depth: int) -> None:
        if value is None or depth > _DEPTH or not ref.name:
            return
        kind = json_kind(value)
        if ref.collection:
            if kind != "array":
                self.report(
                    EXAMPLE_COLLECTION_MISMATCH,
                    f"{where}: documented as a collection of {ref.name}, the example shows a {kind}",
                )
                return
            for item in value:
                self.value(where + "[]", replace(ref, collection=False), item, depth + 1)
            return
        if kind == "array":
            self.report(
                EXAMPLE_COLLECTION_MISMATCH,
                f"{where}: documented as one {ref.name}, the example shows an array",
            )
            return
        expected = self.expected(ref)
        if expected and kind not in expected:
            if "number" in expected and kind == "string" and _numeric(value):
                return
            wanted = " or ".join(sorted(expected))
            self.report(
                EXAMPLE_VALUE_KIND,
                f"{where}: {ref.name} is a JSON {wanted}, the example shows a {kind}",
            )
            return
        if kind == "object" and ref.kind in ("complex", "entity") and not _untyped(ref.name):
            target = self.index.find(ref.name, ref.page)
            if isinstance(target, Resource):
                self.object(where, target, value, depth + 1)

    def expected(self, ref: TypeRef) -> frozenset[str]:
        if ref.kind == "primitive":
            if ref.name in _STRINGS:
                return frozenset({"string"})
            if ref.name in _NUMBERS:
                return frozenset({"number"})
            if ref.name == "Boolean":
                return frozenset({"boolean"})
            return frozenset()  # Stream: anything
        if _untyped(ref.name):
            return frozenset()  # the workbook's untyped JSON value: anything
        if ref.kind == "enum":
            return frozenset({"string"})
        if ref.kind in ("complex", "entity"):
            return frozenset({"object"})
        return frozenset()

    def object(self, where: str, resource: Resource, body: dict[str, Any], depth: int) -> None:
        declared = body.get("@odata.type")
        if isinstance(declared, str) and declared.strip("#"):
            derived = self.index.find(declared)
            if derived is None or not isinstance(derived, Resource):
                return  # a type this run does not know: nothing to check it against
            resource = derived
        members = self.index.members(resource)
        open_type = self.index.is_open(resource)
        for key, value in body.items():
            if key.startswith("@") or "@" in key:
                continue  # instance annotations (``@odata.etag``, ``name@odata.type``)
            prop = members.get(key)
            if prop is None:
                if not open_type:
                    self.report(
                        EXAMPLE_PROPERTY_UNKNOWN,
                        f"{where}: {resource.name} has no property {key!r}",
                    )
                continue
            self.value(f"{where}.{key}", prop.type, value, depth)


def check_examples(operation: Operation, index: TypeIndex, report: Report) -> int:
    """Check each example response body of ``operation`` against its documented type;
    mismatches are reported at the response's line. Returns how many were checked."""
    checked = 0
    for example in operation.examples:
        response = example.response
        if (
            response is None
            or response.body_kind != "json"
            or not 200 <= response.status < 300
            and response.status
        ):
            continue
        body = response.body
        if not isinstance(body, (dict, list)):
            continue
        found, collection, name = response_type(
            operation, index, example.response_type, example.is_collection
        )
        if not isinstance(found, Resource):
            continue
        checked += 1
        line = response.line
        checker = _Checker(
            index, lambda code, message: report(line, code, f"example {example.name!r}: {message}")
        )
        if collection:
            items = body.get("value") if isinstance(body, dict) else body
            if not isinstance(items, list):
                report(
                    line,
                    EXAMPLE_COLLECTION_MISMATCH,
                    f"example {example.name!r}: documented as a collection of {found.name}, the example shows one object",
                )
                continue
            for item in items:
                if isinstance(item, dict):
                    checker.object("value[]", found, item, 1)
            continue
        if isinstance(body, list) or (
            isinstance(body.get("value"), list)
            and "value" not in index.members(found)
            and not [key for key in body if "@" not in key and key != "value"]
        ):
            report(
                line,
                EXAMPLE_COLLECTION_MISMATCH,
                f"example {example.name!r}: documented as one {found.name}, the example shows a collection",
            )
            continue
        checker.object(found.name, found, body, 1)
    return checked


def type_figures(pages: int, described: int, with_type: int, index: TypeIndex) -> dict[str, Any]:
    """The report's figures on the types of a run."""
    resources = [t for t in index.types if isinstance(t, Resource)]
    props = [p for t in resources for p in t.properties + t.relationships]
    resolved = sum(1 for p in props if p.type.kind != "unknown")
    return {
        "resource_pages": pages,
        "resource_pages_describing_a_type": described,
        "resource_pages_to_type": with_type,
        "types": len(resources),
        "enum_types": len(index.types) - len(resources),
        "properties": len(props),
        "properties_resolved": resolved,
    }


def type_specs(index: TypeIndex) -> dict[str, Type]:
    """Each type under its spec file name (``types/<name>.yaml``), made unique."""
    taken: set[str] = set()
    found: dict[str, Type] = {}
    for item in sorted(index.types, key=lambda t: (type_file(t).lower(), t.source)):
        name = unique(type_file(item), taken, separator="-")
        taken.add(name)
        found[f"types/{name}.yaml"] = item
    return found


# Request bodies. A JSON body is typed wherever its page documents it: by its request
# body table, else as the resource its prose names. The page's examples are then checked
# against that type as a type checker checks a literal (every key declared, every value of
# its type, no ``null``); one that disagrees is a defect of the example (GD090), never a
# reason to give the type up. Two things examples show are taken as documentation: an
# ``@odata.*`` annotation key (``members@odata.bind``, ``@odata.id``), which Graph reads on
# a body and no table lists, is declared on the body type; and a ``null`` a table property
# is sent, which Graph reads as "clear it", makes that property take ``None``.

# table: typed by its table; resource: typed as the resource its prose names; untyped:
# neither (the cause says which).
BodyVerdict = Literal["table", "resource", "untyped"]
# How a type checker sees a JSON value given to each Python type (``bool`` is an ``int``
# to it, and an ``int`` a ``float``).
_ACCEPTS: dict[str, Callable[[Any], bool]] = {
    "str": lambda value: isinstance(value, str),
    "int": lambda value: isinstance(value, int),
    "float": lambda value: isinstance(value, (int, float)),
    "bool": lambda value: isinstance(value, bool),
}
ODATA_TYPE_KEY = "@odata.type"
_ODATA_TYPE_REF = TypeRef("String", kind="primitive")
_PROBLEMS = 3  # reported per example: the first few say enough


@dataclass(frozen=True)
class BodyCheck:
    """How an operation's JSON body is typed, and what its examples say against it.

    ``fields`` are a table's properties, resolved (``@odata.type`` left to the
    ``ODataObject`` every body extends); ``resource`` the type a resource body is;
    ``unresolved`` how many of the table's property types name no type of the run (typed
    ``Any``); ``nullable`` the table's properties an example sends ``null``;
    ``annotations`` the ``@odata.*`` keys the examples send that the type does not
    declare, each with the JSON it takes (``bind``: one URL or a list of them;
    ``string``; ``any``); ``problems`` each contradicting example's line and message;
    ``cause`` why a body stays untyped."""

    verdict: BodyVerdict
    fields: dict[str, TypeRef] = field(default_factory=dict)
    resource: Resource | None = None
    unresolved: int = 0
    nullable: frozenset[str] = frozenset()
    annotations: tuple[tuple[str, str], ...] = ()
    problems: tuple[tuple[int, str], ...] = ()
    cause: str = ""


def body_check(operation: Operation, index: TypeIndex | None) -> BodyCheck:
    """The type of ``operation``'s JSON body, and its examples checked against it."""
    body = operation.request_body
    index = index or TypeIndex()  # (a page rendered alone knows no types)
    conformance = _Conformance(index)
    fields: dict[str, TypeRef] = {}
    unresolved = 0
    resource: Resource | None = None
    if body.properties:
        verdict: BodyVerdict = "table"
        for prop in body.properties:
            if prop.name in fields or prop.name == ODATA_TYPE_KEY:
                continue
            ref = resolved_ref(prop.type, index)
            if ref is None or not ref.name:
                unresolved += 1
                ref = replace(prop.type, kind="unknown")
            fields[prop.name] = ref
        declared = {ODATA_TYPE_KEY: _ODATA_TYPE_REF, **fields}
    else:
        resource = page_resource(index, body.type_page) if body.type_page else None
        if resource is None:
            if body.type_page:
                cause = f"its prose names {body.type_page}.md, which documents no type of this run"
            else:
                cause = "its page has no request body table and its prose names no resource"
            return BodyCheck("untyped", cause=cause)
        verdict = "resource"
        declared = conformance.fields(resource)
    nullable: set[str] = set()
    annotations: dict[str, str] = {}
    problems: list[tuple[int, str]] = []
    for example in operation.examples:
        request = example.request
        if request.body_kind != "json":
            continue
        found: list[str] = []
        value = request.body
        if not isinstance(value, dict):
            found.append(f"the body is a JSON {json_kind(value)}, the type an object")
            value = {}
        for key, item in value.items():
            if key not in declared:
                if "@odata." in key:
                    kind = "bind" if key.endswith("@odata.bind") else "string"
                    annotations.setdefault(key, kind if isinstance(item, str) else "any")
                    if kind == "bind":
                        annotations[key] = "bind"
                    continue
                found.append(f"body: the type declares no key {key!r}")
            elif item is None and verdict == "table":
                nullable.add(key)
            else:
                conformance.check(f"body.{key}", declared[key], item, found, 1)
        problems += [
            (request.line, f"example {example.name!r}: {text}") for text in found[:_PROBLEMS]
        ]
    return BodyCheck(
        verdict,
        fields,
        resource,
        unresolved,
        frozenset(nullable),
        tuple(sorted(annotations.items())),
        tuple(problems),
    )


def check_body(operation: Operation, index: TypeIndex | None, report: Report) -> BodyCheck:
    """Report what :func:`body_check` finds: each contradicting example (GD090), and an
    untyped body with its cause (GD091, at the first example request, else line 1)."""
    found = body_check(operation, index)
    for line, message in found.problems:
        report(line, BODY_EXAMPLE_CONTRADICTS, f"{operation.group}.{operation.name}: {message}")
    if found.verdict == "untyped":
        lines = [e.request.line for e in operation.examples if e.request.body_kind == "json"]
        report(
            (lines or [1])[0],
            BODY_UNTYPED,
            f"{operation.group}.{operation.name}: body= takes any mapping: {found.cause}",
        )
    return found


def page_resource(index: TypeIndex, page: str) -> Resource | None:
    """The resource a page documents: the one type of the page, else its one resource
    (a page may document enums beside it)."""
    found = index.find("", page)
    if isinstance(found, Resource):
        return found
    resources = [item for item in index.pages.get(page, ()) if isinstance(item, Resource)]
    return resources[0] if len(resources) == 1 else None


class _Conformance:
    """Whether a JSON value type-checks as a Python type of the types module would, and
    where it does not."""

    def __init__(self, index: TypeIndex) -> None:
        self.index = index
        self._fields: dict[str, dict[str, TypeRef]] = {}

    def check(self, where: str, ref: TypeRef, value: Any, out: list[str], depth: int) -> None:
        if depth > _DEPTH:
            return
        if value is None:
            out.append(f"{where}: null, where the type takes {_shown(ref)}")
            return
        if ref.collection:
            if not isinstance(value, list):
                out.append(f"{where}: a JSON {json_kind(value)}, the type a list of {ref.name}")
                return
            single = replace(ref, collection=False)
            for number, item in enumerate(value):
                self.check(f"{where}[{number}]", single, item, out, depth + 1)
            return
        if ref.kind == "primitive":
            python = PYTHON_PRIMITIVES.get(ref.name, "Any")
            if python in _ACCEPTS and not _ACCEPTS[python](value):
                out.append(f"{where}: a JSON {json_kind(value)}, the type {ref.name} ({python})")
            return
        if _untyped(ref.name):
            return  # (Graph's Json: any JSON)
        item = self.index.qualified.get(ref.name.lower())
        if isinstance(item, EnumType):
            members = item.members or ("",)
            if not isinstance(value, str) or value not in members:
                out.append(f"{where}: {value!r} is no member of {item.name}")
            return
        if isinstance(item, Resource):
            self.object(where, self.fields(item), item.name, value, out, depth)
            return
        if ref.kind != "unknown" and not isinstance(value, dict):
            out.append(f"{where}: a JSON {json_kind(value)}, the type an object")

    def object(
        self,
        where: str,
        fields: dict[str, TypeRef],
        name: str,
        value: Any,
        out: list[str],
        depth: int,
    ) -> None:
        if not isinstance(value, dict):
            out.append(f"{where}: a JSON {json_kind(value)}, the type {name} (an object)")
            return
        for key, item in value.items():
            if key not in fields:
                out.append(f"{where}: {name} declares no key {key!r}")
            else:
                self.check(f"{where}.{key}", fields[key], item, out, depth + 1)

    def fields(self, item: Resource) -> dict[str, TypeRef]:
        """The keys of a resource's ``TypedDict`` and their types, as the types module
        declares them: its base types' first (a ``TypedDict`` never redefines one)."""
        key = item.qualified_name.lower()
        if key not in self._fields:
            chain: list[Resource] = []
            current: Resource | None = item
            while current is not None and current not in chain:
                chain.append(current)
                base = self.index.qualified.get(current.base_type.lower())
                current = base if isinstance(base, Resource) and current.base_type else None
            found = {ODATA_TYPE_KEY: _ODATA_TYPE_REF}
            for resource in reversed(chain):
                for prop in resource.properties + resource.relationships:
                    if prop.name:
                        found.setdefault(prop.name, prop.type)
            self._fields[key] = found
        return self._fields[key]


def _shown(ref: TypeRef) -> str:
    name = ref.name or "an unknown type"
    return f"a list of {name}" if ref.collection else name
