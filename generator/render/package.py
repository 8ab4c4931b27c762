"""Model → source text of every file of the generated package and its tests.

All decisions (names, signatures, docstrings, literals) are made here in Python and
handed to the templates as ready, escaped fragments, so the templates only lay out code
and stay readable next to what they produce.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

import jinja2

from .. import __version__, runtime
from ..core.model import Operation, PermissionRow
from ..parse.naming import unique
from .permission_table import table_line
from .pybodies import MAPPING, group_bodies
from .pytypes import ANY_OBJECT, TYPES_ALIAS, TypeNames, result_item, render_types
from .pysource import (
    LINE_LENGTH,
    Cut,
    bracketed,
    docstring,
    literal,
    parenthesized,
    text_block,
)
from ..assemble.typecheck import TypeIndex
from ..plan.replay import ReplayCase, positional_params, signature_params
from ..runtime._contract import TableRow, table_entry
from ..runtime.permissions import DATA_FILE as PERMISSIONS_DATA

GroupFiles = dict[str, tuple[str, tuple[Cut, ...]]]  # a group's files under groups/, cut
GroupModule = Callable[[str, list[Operation]], GroupFiles]
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# ``Any`` as a name of its own, not ``_types.Any`` (a resource of that name) nor a longer one.
_BARE_ANY = re.compile(r"(?<![\w.])Any\b")
BASE_URLS = {"v1.0": "https://graph.microsoft.com/v1.0", "beta": "https://graph.microsoft.com/beta"}
_KIND_LABELS = {
    "delegated_work": "Delegated (work or school account)",
    "delegated_personal": "Delegated (personal Microsoft account)",
    "application": "Application",
}


_OVERRIDES: list[Path] = []  # the folder of ``--templates``, if any


def use_templates(folder: Path | None) -> None:
    """Render with the templates of ``folder`` before the built-in ones (``--templates``).

    A template of the same name replaces the built-in one; the built-in ones stay
    reachable as ``graphdoc/<name>``, so an override can ``{% extends %}`` the template it
    replaces and change only a block."""
    _OVERRIDES[:] = [folder] if folder is not None else []
    environment.cache_clear()


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(str(TEMPLATES))
    loader: jinja2.BaseLoader = builtin
    if _OVERRIDES:
        loader = jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader([str(folder) for folder in _OVERRIDES]),
                jinja2.PrefixLoader({"graphdoc": builtin}),
                builtin,
            ]
        )
    made = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    made.globals["layout"] = layout
    return made


def in_blacks_layout() -> bool:
    """Whether the files rendered now are in black's layout as they come out: those of the
    built-in templates are (the tests hold every one of them to it, on our pages and on a
    corpus), and are only compiled; with templates of the user's own, black formats them."""
    return not _OVERRIDES


def layout(head: str, items: list[str], tail: str) -> str:
    """``head`` + ``items`` + ``tail`` as black lays them out: on one line, else split at
    the brackets (the indent is ``head``'s own). Templates call it as ``layout(...)``."""
    indent = head[: len(head) - len(head.lstrip(" "))]
    return "\n".join(bracketed(head.lstrip(" "), items, tail, indent))


def keep_compiled_templates(folder: Path) -> None:
    """Keep the compiled templates in ``folder`` (jinja checks them against the sources):
    a rebuild spends more time compiling templates than rendering them."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a cache that cannot be written is only slower
    environment().bytecode_cache = _BytecodeCache(str(folder))


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, whose failures cost only speed: a full disk or
    a folder that cannot be read leaves the template compiled afresh, never a failed build."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def class_name(group: str) -> str:
    return "".join(part.capitalize() for part in group.split("_") if part) + "Operations"


def scopes_text(choices: tuple[tuple[str, ...], ...]) -> str:
    return ", ".join(" and ".join(choice) for choice in choices)


def _permission_line(row: PermissionRow) -> str:
    label = _KIND_LABELS[row.kind]
    if not row.supported:
        return f"{label}: not supported"
    return f"{label}: {scopes_text(row.least or row.higher)}"


def operation_doc(operation: Operation) -> str:
    lines = textwrap.wrap(
        operation.summary or operation.title,
        width=88,
        break_on_hyphens=False,
        break_long_words=False,
    ) + [""]
    lines += [f"{operation.http_method} {variant.target}" for variant in operation.variants]
    rows = operation.permissions.rows
    if rows:
        lines += ["", "Permissions (least privileged):"] + [
            "    " + _permission_line(row) for row in rows
        ]
    response = operation.response
    returns = []
    if response.status:
        returns.append(f"{response.status} on success")
    if response.odata_type:
        kind = "a collection of " if response.is_collection else ""
        returns.append(f"{kind}{response.odata_type}")
    if returns:
        lines += ["", "Returns: " + ", ".join(returns) + "."]
    if is_paged(operation):
        lines += [
            "",
            "A list operation: returns a Page; iterating it yields every item of every page.",
        ]
    lines += ["", f"Documented in {operation.source}"]
    return "\n".join(lines)


@dataclass(frozen=True)
class Mode:
    """A response mode of ``client.with_raw_response``, ``client.with_streaming_response``
    or a ``client.batch()`` block: how its typing-only classes are named, and what its
    methods return (``wrapper`` of the plain return type, awaited first on the async
    client)."""

    name: str  # also the typing function that types the client's ``request`` (_base.py)
    prefix: str  # of its classes: ``RawMessageOperations``
    is_async: bool
    wrapper: str
    attribute: str  # the client property whose type it is

    @property
    def head(self) -> str:
        return "async def" if self.is_async and self.wrapper == "RawResponse" else "def"

    @property
    def client(self) -> str:
        return "AsyncAPIClient" if self.is_async else "SyncAPIClient"


MODES = (
    Mode("async_batch", "AsyncBatch", True, "BatchResult", "batch()"),
    Mode("async_raw", "AsyncRaw", True, "RawResponse", "with_raw_response"),
    Mode("async_stream", "AsyncStream", True, "AsyncStreamed", "with_streaming_response"),
    Mode("batch", "Batch", False, "BatchResult", "batch()"),
    Mode("raw", "Raw", False, "RawResponse", "with_raw_response"),
    Mode("stream", "Stream", False, "Streamed", "with_streaming_response"),
)


@dataclass(frozen=True)
class OperationView:
    """Ready source of one operation: its endpoint table entry (text, escaped with the whole
    table), signature, docstring, call, and its typing-only async signature."""

    endpoint: str
    signature: str  # (what the module's imports are worked out from)
    docstring: str
    call: str
    async_stub: str
    mode_stubs: dict[str, str]  # by response mode (see ``MODES``): its typing-only signature
    method: dict[str, Any] = field(default_factory=dict)  # the values of ``method.py.jinja``


def is_paged(operation: Operation) -> bool:
    """A list operation: a GET answering with a collection (``value`` and ``@odata.nextLink``).

    A GET whose every path ends in a key (``/signIns/{id}``) reads one entity, whatever an
    example shows; otherwise the response annotation, or an example's ``value`` array,
    says it is a list.
    """
    if operation.http_method != "GET" or is_download(operation):
        return False
    if operation.response.is_collection:
        return True
    if all(_reads_one_entity(variant.path) for variant in operation.variants):
        return False
    return any(
        example.response is not None
        and example.response.body_kind == "json"
        and isinstance(example.response.body, dict)
        and isinstance(example.response.body.get("value"), list)
        for example in operation.examples
    )


def _reads_one_entity(path: str) -> bool:
    """Whether a path addresses one entity by its key: its last segment is a placeholder
    (``/users/{user_id}``), not a collection or a function."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return last.startswith("{") and last.endswith("}") and last.count("{") == 1


# The last path segments whose GET answers with the body itself, not a JSON object: a
# property's raw value, a file's content, a collection's count (as text).
_ANSWER_SEGMENTS = ("$value", "content", "$count")


def answer_segment(path: str) -> str:
    """The last segment of ``path`` when it is one of ``_ANSWER_SEGMENTS`` (in any letter
    case), else ``""``."""
    last = path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].lower()
    return last if last in _ANSWER_SEGMENTS else ""


def is_download(operation: Operation) -> bool:
    """An operation that answers with bytes: a binary response body, a documented 302 to
    the content (reports, file contents), or a GET whose every path ends in ``/$value``,
    ``/content`` or ``/$count``. Decided by structure (status, path segments), never by
    the prose."""
    response = operation.response
    if response.body_kind == "binary":
        return True
    if operation.http_method != "GET":
        return False
    if response.status == 302:
        return True
    return all(answer_segment(variant.path) for variant in operation.variants)


def split_by_answer(
    members: list[Operation], cases: dict[str, list[ReplayCase]]
) -> tuple[list[Operation], dict[str, list[ReplayCase]]]:
    """``members`` (a group's, in method order) with each GET whose paths answer in kinds
    of their own split in methods of their own, and the replay cases moved with them.

    A method returns one type: a page whose paths mix ``/me/photo`` (a JSON object) and
    ``/me/photo/$value`` (the bytes) keeps the JSON paths under its own name and gives the
    others to ``<method>_value``, ``<method>_content`` or ``<method>_count`` (by their last
    segment; made unique in the group), each returning ``bytes``.
    """
    taken = {operation.name for operation in members}
    split: list[Operation] = []
    moved = dict(cases)
    for operation in members:
        kinds: dict[str, list[Any]] = {}
        for variant in operation.variants:
            kinds.setdefault(answer_segment(variant.path), []).append(variant)
        if operation.http_method != "GET" or len(kinds) < 2 or "" not in kinds:
            split.append(operation)
            continue
        own = cases.get(operation.qualified_name, [])
        examples = {
            segment: tuple(
                example
                for example in operation.examples
                if answer_segment(urlsplit(example.request.url).path) == segment
            )
            for segment in kinds
        }
        split.append(replace(operation, variants=tuple(kinds[""]), examples=examples[""]))
        moved[operation.qualified_name] = [case for case in own if not answer_segment(case.path)]
        for segment in sorted(segment for segment in kinds if segment):
            name = unique(f"{operation.name}_{segment.lstrip('$')}", taken)
            taken.add(name)
            part = replace(
                operation,
                name=name,
                variants=tuple(kinds[segment]),
                examples=examples[segment],
                response=replace(operation.response, body_kind="binary", is_collection=False),
            )
            split.append(part)
            moved[part.qualified_name] = [
                _rebound(case, operation, part)
                for case in own
                if answer_segment(case.path) == segment
            ]
    return sorted(split, key=lambda op: op.name), moved


def _rebound(case: ReplayCase, original: Operation, part: Operation) -> ReplayCase:
    """``case`` (planned for ``original``) as a call of ``part``, split from it: the path
    parameters ``part`` requires positional, the others by keyword, in the same order."""
    required, _ = signature_params(original)
    given = dict(zip(required, case.args))
    given.update(case.kwargs)
    wanted, _ = signature_params(part)
    args = tuple(given.pop(name) for name in wanted if name in given)
    return replace(case, args=args, kwargs=tuple(given.items()))


@dataclass(frozen=True)
class Tailoring:
    """A tailored package (``graphdoc build --only-used``, see :mod:`.tailor`): the
    operations kept (``group.method``), how it was tailored (its README and its run-time
    message say so), and the permissions its README lists: per kind of access, the least
    privileged set for exactly those operations, and the operations a kind cannot call."""

    operations: frozenset[str]
    how: str
    permissions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    unsupported: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Typing:
    """What typed signatures need of the run: its types and their Python names."""

    index: TypeIndex | None = None
    names: TypeNames = field(default_factory=lambda: TypeNames({}))


def typing_of(types: TypeIndex | None) -> Typing:
    return Typing(types, TypeNames.of(types))


def return_types(operation: Operation, typing: Typing) -> tuple[str, str, bool]:
    """The return annotation of the sync method, of the async one, and whether the async
    one is a coroutine (a list operation's is not: it returns an ``AsyncPageRequest`` to
    ``await`` or ``async for`` over)."""
    response = operation.response
    if is_download(operation):
        return "bytes", "bytes", True
    item = result_item(operation, typing.index, typing.names)
    if is_paged(operation):
        return f"Page[{item}]", f"AsyncPageRequest[{item}]", False
    if response.status in (202, 204) or response.body_kind == "none":
        # (an example answering with an object says the answer may have one: ``Prefer:
        # return=representation``)
        found = f"{item} | None" if _shows_an_object(operation) else "None"
        return found, found, True
    if item != ANY_OBJECT or operation.http_method == "GET" or _shows_an_object(operation):
        if _shows_nothing(operation):  # (an example answering with no body)
            item = f"{item} | None"
        return item, item, True
    return "Any", "Any", True


def _shows_nothing(operation: Operation) -> bool:
    return any(
        example.response is not None
        and 200 <= example.response.status < 300
        and example.response.body_kind == "none"
        for example in operation.examples
    )


def _shows_an_object(operation: Operation) -> bool:
    return any(
        example.response is not None
        and example.response.body_kind == "json"
        and isinstance(example.response.body, dict)
        for example in operation.examples
    )


def endpoint_entry(operation: Operation) -> str:
    """The operation's lines in its group's endpoint table (read by ``_runtime.endpoints``):
    ``name METHOD [paged] [parameter=style …]``, then each variant indented by four spaces."""
    styles: dict[str, str] = {
        param.name: param.style
        for v in operation.variants
        for param in v.params
        if param.style != "segment"
    }
    variants = tuple(variant.target for variant in operation.variants)
    row = TableRow(
        operation.name,
        operation.http_method,
        variants,
        styles,
        is_paged(operation),
        is_download(operation),
    )
    return table_entry(row)


def operation_view(
    operation: Operation, typing: Typing | None = None, body_type: str = MAPPING
) -> OperationView:
    """The source of one operation; ``body_type`` is what its JSON ``body`` takes (for
    type checkers: at run time any mapping is sent)."""
    typing = typing or Typing()
    required, optional = signature_params(operation)
    positional = positional_params(operation)
    params = ["self"] + [f"{name}: str" for name in required]
    params += [f"{name}: str | None = None" for name in positional] + ["*"]
    params += [f"{name}: str | None = None" for name in optional if name not in positional]
    passed = [f"{name}={name}" for name in required + optional]
    body = operation.request_body
    if body.kind == "json":
        params.append(f"body: {body_type} | None = None")
        passed.append("body=body")
    elif body.kind == "binary":
        params += [
            "content: FileContent",
            f"content_type: str = {literal('application/octet-stream')}",
        ]
        passed += ["content=content", "content_type=content_type"]
    params.append("**options: Unpack[RequestOptions]")
    if params[-2] == "*":
        params.remove("*")
    sync_type, async_type, coroutine = return_types(operation, typing)
    head = "async def" if coroutine else "def"
    stub = bracketed(f"{head} {operation.name}(", params, f") -> {async_type}: ...", "    ")
    awaited = async_type if coroutine else async_type.replace("AsyncPageRequest[", "AsyncPage[", 1)
    mode_stubs = {
        mode.name: "\n".join(
            bracketed(
                f"{mode.head} {operation.name}(",
                params,
                f") -> {mode.wrapper}[{awaited if mode.is_async else sync_type}]: ...",
                "    ",
            )
        )
        for mode in MODES
    }
    method = {
        "name": operation.name,
        "params": params,
        "returns": sync_type,
        "docstring": docstring(operation_doc(operation), indent="        "),
        "call_args": [literal(operation.name), "options", *passed],
        "http_method": operation.http_method,
        "paths": [variant.path for variant in operation.variants],
        "source": operation.source,
        "group": operation.group,
    }
    return OperationView(
        method=method,
        endpoint=endpoint_entry(operation),
        signature="\n".join(
            bracketed(f"def {operation.name}(", params, f") -> {sync_type}:", "    ")
        ),
        docstring=docstring(operation_doc(operation), indent="        "),
        call="\n".join(
            bracketed(
                "return self._call(", [literal(operation.name), "options", *passed], ")", "        "
            )
        ),
        async_stub="\n".join(stub),
        mode_stubs=mode_stubs,
    )


def stub_module_name(group: str) -> str:
    """The typing-only stub module of a group (no group name starts with ``_``)."""
    return f"_{group}"


def render_group(
    group: str, operations: list[Operation], typing: Typing | None = None
) -> GroupFiles:
    """A group's files under ``groups/``, each with where its pieces start (see :class:`Cut`):
    its module (the endpoint table and the sync class, what runs), and its stub module
    ``_<group>.pyi`` with every typing-only declaration (the async class, the classes of
    the response modes, the request bodies). Python never imports a stub, and does not
    compile it at install: the typing costs the installed package nothing but its text.
    """
    typing = typing or Typing()
    operations, _ = split_by_answer(operations, {})
    stub_module = stub_module_name(group)
    bodies = group_bodies(operations, typing.index, typing.names, _module_names(group))
    views = [
        operation_view(op, typing, bodies.annotations.get(op.qualified_name, MAPPING))
        for op in operations
    ]
    uses_file = any(op.request_body.kind == "binary" for op in operations)
    signatures = " ".join(view.signature for view in views)
    # An unused import is an error to pyright in strict mode: each name only where it is used.
    typing_imports = ", ".join(
        ["TYPE_CHECKING"]
        + (["Any"] if _BARE_ANY.search(signatures) else [])
        + (["Mapping"] if f"{MAPPING} |" in signatures else [])
        + ["Unpack"]
    )
    body_names = sorted(
        {name for name in bodies.annotations.values() if name != MAPPING and "." not in name}
    )
    async_cls = async_class_name(group)
    checking = [f"from .._paging import Page"] if "Page[" in signatures else []
    if f"{TYPES_ALIAS}." in signatures:
        checking.append(f"from .. import types as {TYPES_ALIAS}")
    imported = [f"{async_cls} as {async_cls}", *body_names]
    checking = ["    " + line for line in checking]
    checking.append(_import(stub_module, ", ".join(imported), "    ", package="."))
    names = ", ".join(op.name for op in operations)
    methods = [
        _render("package/groups/method.py.jinja", **view.method).strip("\n") for view in views
    ]
    text = _render(
        "package/groups/group.py.jinja",
        methods=methods,
        module_doc=docstring(f"Operations of the {group} group: {names}."),
        cls=class_name(group),
        operations=views,
        endpoints=text_block("\n" + "\n".join(view.endpoint for view in views) + "\n"),
        uses_file=uses_file,
        typing_imports=typing_imports,
        checking=checking,
        async_alias=_assignment(async_cls, class_name(group), "    "),
        class_doc=docstring(
            f"{group} operations ({len(operations)}), reached as client.{group}.", indent="    "
        ),
    )
    # The built-in templates write black's layout (see ``layout``): compiled, not formatted.
    # Templates of the user's own (``--templates``) are given to black.
    verbatim = in_blacks_layout()
    cuts: list[Cut] = [Cut(0, in_class=False, verbatim=verbatim)]
    position = text.index("\nclass ")
    for method in methods:  # each method a piece of its own, decorators and all
        position = text.index(method, position)
        cuts.append(Cut(position, in_class=True, verbatim=verbatim))
        position += len(method)
    end = text.index("\nif not TYPE_CHECKING:", position) + 1
    cuts.append(Cut(end, in_class=False, verbatim=verbatim))
    stub = _render_stub(group, views, bodies.source, uses_file)
    return {
        f"{group}.py": (text, tuple(cuts)),
        f"{stub_module}.pyi": (stub, (Cut(0, in_class=False, verbatim=True),)),
    }


def _render_stub(group: str, views: list[OperationView], bodies: str, uses_file: bool) -> str:
    """The stub module of a group, in black's layout by construction (compiled, never
    formatted: a corpus group declares thousands of signatures)."""
    classes = _mode_classes(group, views)
    declared = " ".join([bodies, *classes, *(view.async_stub for view in views)])
    typing_names = [
        name
        for name, used in (
            ("Any", _BARE_ANY.search(declared) is not None),
            ("Mapping", "Mapping[" in declared),
            ("TypedDict", "TypedDict" in bodies),
            ("Unpack", True),
        )
        if used
    ]
    paging = [name for name in ("AsyncPage", "AsyncPageRequest", "Page") if f"{name}[" in declared]
    runtime = (["FileContent"] if uses_file else []) + ["Group", "RequestOptions"]
    return _render(
        "package/groups/group.pyi.jinja",
        module_doc=docstring(
            f"Typing-only declarations of the {group} group: the async client's class, the"
            " classes of the raw and streaming clients, and the request bodies. A stub"
            " module: type checkers read it, Python never imports it."
        ),
        typing_imports=", ".join(typing_names),
        uses_types=f"{TYPES_ALIAS}." in declared,
        types_alias=TYPES_ALIAS,
        paging_imports=", ".join(paging),
        runtime_imports=", ".join(runtime),
        # (black puts one blank line between the imports and a first assignment, two
        # before a class)
        bodies="\n" + bodies if bodies.startswith("class ") else bodies,
        async_cls=async_class_name(group),
        async_doc=docstring(
            f"The same operations as :class:`{class_name(group)}`, as the async client's calls"
            " are typed: awaitable. At run time both clients share one class.",
            indent="    ",
        ),
        operations=views,
        modes=classes,
    )


def mode_class_name(group: str, mode: Mode) -> str:
    """The class of ``group``'s methods as a response mode's client types them."""
    return mode.prefix + class_name(group)


def _mode_classes(group: str, views: list[OperationView]) -> list[str]:
    """For type checkers only: a class per response mode whose methods have the plain
    ones' parameters and return what that mode returns (``RawResponse[Message]``).

    Written out, not derived with a ``ParamSpec`` transform, which type checkers solve
    per method: on a corpus that made checking a small program several times slower.
    """
    return [
        f"class {mode_class_name(group, mode)}:\n"
        + "\n\n".join(view.mode_stubs[mode.name] for view in views)
        for mode in MODES
    ]


def _annotated(indent: str, name: str, annotation: str) -> str:
    """``name: annotation`` as black lays out a line too long: the annotation in
    parentheses on a line of its own."""
    line = f"{indent}{name}: {annotation}"
    if len(line) <= LINE_LENGTH:
        return line
    return "\n".join(parenthesized(indent, f"{name}: ", annotation, "") or [line])


def _assignment(target: str, value: str, indent: str) -> str:
    """``target = value`` as black lays out a name too long for one line."""
    line = f"{indent}{target} = {value}"
    if len(line) <= LINE_LENGTH:
        return line
    return "\n".join(parenthesized(indent, f"{target} = ", value, "") or [line])


def async_class_name(group: str) -> str:
    return "Async" + class_name(group)


def _module_names(group: str) -> set[str]:
    """The names a group module defines or imports at module level, that no body type
    may take."""
    imported = {"annotations", "TYPE_CHECKING", "Any", "Mapping", "TypedDict", "Unpack"}
    imported |= {"FileContent", "Group", "RequestOptions", "endpoints", "AsyncPageRequest"}
    imported |= {"Page", "AsyncPage", "AsyncStreamed", "RawResponse", "Streamed", "BatchResult"}
    imported |= {TYPES_ALIAS, "_ENDPOINTS"}
    classes = {class_name(group), async_class_name(group)}
    return imported | classes | {mode_class_name(group, mode) for mode in MODES}


def _case_key(operation: Operation, case: ReplayCase, taken: set[str]) -> str:
    key = unique(f"{operation.name}:{case.example.name}", taken, separator="#")
    taken.add(key)
    return key


def case_record(operation: Operation, case: ReplayCase) -> dict[str, Any]:
    """One replay test as data: the call to make, the request it must send, the reply.

    Tests are data rather than code so that thousands of examples cost the formatter and
    the importer nothing; the shared harness in ``conftest.py`` turns a record into a call.
    """
    request: dict[str, Any] = {
        "method": case.method,
        "path": case.path,
        "query": [list(pair) for pair in case.query],
    }
    request.update(case.data())
    del request["response"]
    request.pop("redirect", None)
    call: dict[str, Any] = {"args": list(case.args), "kwargs": dict(case.kwargs)}
    if case.content is not None:
        binary = operation.request_body.kind == "binary"
        call["content_argument"] = "content" if binary else "raw_body"
        if binary and case.content_type:
            call["kwargs"]["content_type"] = case.content_type
    record: dict[str, Any] = {
        "operation": operation.name,
        "example": case.example.name,
        "source": f"{case.source or operation.source}:{case.example.request.line}",
        "call": call,
        "request": request,
    }
    if case.redirect is not None:
        record["redirect"] = case.redirect
    record["response"] = case.response
    return record


def render_examples(cases: list[tuple[Operation, ReplayCase]]) -> str:
    """The examples file of a group (JSON): one replay test per record."""
    taken: set[str] = set()
    lines = [
        json.dumps(_case_key(operation, case, taken), ensure_ascii=False)
        + ": "
        + json.dumps(case_record(operation, case), ensure_ascii=False)
        for operation, case in cases
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"  # a record per line: short diffs, fast to write


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _readme_row(operation: Operation) -> dict[str, str]:
    least = [row for row in operation.permissions.rows if row.supported]
    return {
        "call": f"client.{operation.group}.{operation.name}",
        "http": _cell(f"{operation.http_method} {operation.variants[0].path}"),
        "title": _cell(operation.title),
        "permissions": _cell("; ".join(_permission_line(row) for row in least)) or "not documented",
    }


def _sample_call(operation: Operation, value: str | None = None, options: str = "") -> str:
    """``group.method(args)`` calling ``operation`` through its smallest documented path.

    Path arguments are ``"<name>"`` placeholders, or ``value`` for the first of them (then
    through the smallest path that has one).
    """
    required, optional = signature_params(operation)
    sets = [{param.name for param in v.params} for v in operation.variants]
    given = min((names for names in sets if names or value is None), key=len)
    names = [name for name in required + optional if name in given]
    values = {name: f"<{name}>" for name in names}
    if value is not None and names:
        values[names[0]] = value
    arguments = [literal(values[name]) for name in required]
    arguments += [f"{name}={literal(values[name])}" for name in optional if name in given]
    if operation.request_body.kind == "binary":
        arguments += ["content=file", f"content_type={literal('application/pdf')}"]
    if options:
        arguments.append(options)
    return f"{operation.group}.{operation.name}({', '.join(arguments)})"


Rank = tuple[Any, ...]
Candidate = tuple[Rank, dict[str, str]]  # how well an operation fits a README sample; its calls


def _fewest(
    operations: list[Operation], prefer: str = ""
) -> tuple[Rank, Operation] | tuple[None, None]:
    """The operation callable with the fewest path arguments; among those, one of the
    ``user`` group (the most familiar), then one whose name contains ``prefer``."""
    ranked = [
        ((min(len(v.params) for v in op.variants), op.group != "user", prefer not in op.name), op)
        for op in operations
    ]
    return min(ranked, key=lambda pair: pair[0], default=(None, None))


def sample_candidates(operations: list[Operation]) -> dict[str, Candidate]:
    """The best operation of ``operations`` for each README sample, ranked, with its calls.

    Ranks compare across groups, so the package's samples are the best of each group's
    candidates (:func:`pick_samples`): a rebuild keeps the candidates of the groups it
    does not render again.
    """
    gets = [
        op
        for op in operations
        if op.http_method == "GET" and not is_paged(op) and op.response.body_kind == "json"
    ]
    lists = [op for op in operations if is_paged(op)]
    found: dict[str, Candidate] = {}

    def offer(
        kind: str,
        ranked: tuple[Rank, Operation] | tuple[None, None],
        **calls: dict[str, str],
    ) -> None:
        rank, operation = ranked
        if rank is not None and operation is not None:
            found[kind] = (
                rank,
                {name: _sample_call(operation, **how) for name, how in calls.items()},
            )

    reads: dict[str, dict[str, str]] = {"read": {}, "read_timeout": {"options": "timeout=5.0"}}
    offer("get", _fewest(gets, "get"), **reads)
    offer(
        "get_any", _fewest([op for op in operations if op.request_body.kind != "binary"]), **reads
    )
    listing = {
        "list": {"options": "top=10"},
        "list_options": {
            "options": 'select=["id"], top=25, count=True, headers={"ConsistencyLevel": "eventual"}'
        },
    }
    offer("list", _fewest(lists, "list"), **listing)
    offer("delta", _fewest([op for op in lists if "delta" in op.name]), delta={})
    lookups = [  # a lookup by one id, to show a 404
        (
            (
                min(len(v.params) for v in op.variants if v.params) != 1,
                op.group != "user",
                "get" not in op.name,
            ),
            op,
        )
        for op in gets
        if any(v.params for v in op.variants)
    ]
    missing = min(lookups, key=lambda pair: pair[0], default=(None, None))
    offer("missing", missing, missing={"value": "does-not-exist"})
    uploads = [op for op in operations if op.request_body.kind == "binary"]
    offer("upload", _fewest(uploads, "content"), upload={})
    downloads = [
        op for op in operations if op.http_method == "GET" and op.response.body_kind == "binary"
    ]
    offer("download", _fewest(downloads, "content"), download={})
    return found


def pick_samples(candidates: list[dict[str, Candidate]]) -> dict[str, str | None]:
    """The calls the README's examples make: the best candidate of each kind.

    Each is ``group.method(...)`` source (the README prefixes ``client.``), or ``None``
    when the package has no operation of that kind (the README then leaves it out). On a
    tie the first candidate wins, so ``candidates`` come in group order.
    """
    best: dict[str, Candidate] = {}
    for found in candidates:
        for kind, (rank, calls) in found.items():
            if kind not in best or rank < best[kind][0]:
                best[kind] = (rank, calls)
    chosen: dict[str, str] = {}
    for kind in ("get_any", "get", "list", "delta", "missing", "upload", "download"):
        chosen.update(best[kind][1] if kind in best else {})  # "get" overrides "get_any"
    chosen.setdefault("download", chosen.get("read", ""))
    names = ("read", "read_timeout", "list", "list_options", "delta", "missing", "upload")
    return {name: chosen.get(name) or None for name in (*names, "download")}


def permission_samples(lines: list[str]) -> list[str]:
    """Two operations for the README's permissions example: ones a signed-in user can call
    (delegated, work or school), those every mail app makes when the package has them."""
    usable = []
    for line in lines:
        name, _, _, work, *_ = json.loads(line)
        if isinstance(work, list) and (work[0] or work[1]):
            usable.append(name)
    preferred = [name for name in ("message.send", "user.list_messages") if name in usable]
    return (preferred + [name for name in usable if name not in preferred])[:2]


def readme_samples(operations: list[Operation]) -> dict[str, str | None]:
    return pick_samples([sample_candidates(operations)])


def _import(module: str, name: str, indent: str, package: str = ".groups.") -> str:
    """``from .groups.<module> import <name>``, wrapped in parentheses as black does."""
    line = f"{indent}from {package}{module} import {name}"
    if len(line) <= LINE_LENGTH:
        return line
    head = f"from {package}{module} import ("
    return "\n".join(bracketed(head, name.split(", "), ")", indent, collection=True))


@dataclass(frozen=True)
class Rendered:
    files: dict[str, str]  # relative path → text (unformatted Python)
    cuts: dict[str, tuple[Cut, ...]] = field(default_factory=dict)  # of the group modules


@dataclass(frozen=True)
class GroupSummary:
    """What the package's shared files (client, README) need of a group.

    A rebuild keeps it for the groups it does not render again, so the shared files are
    rendered from every group without loading their operations.
    """

    name: str
    size: int  # operations
    rows: tuple[dict[str, str], ...]  # the README's table, in method order
    samples: dict[str, Candidate]
    permissions: tuple[str, ...] = ()  # its lines of the permissions table, in method order


def summarise_group(group: str, members: list[Operation]) -> GroupSummary:
    members, _ = split_by_answer(members, {})
    rows = tuple(_readme_row(op) for op in members)
    lines = tuple(table_line(op) for op in members)
    return GroupSummary(group, len(members), rows, sample_candidates(members), lines)


def render_group_files(
    package: str,
    group: str,
    members: list[Operation],
    replay_cases: dict[str, list[ReplayCase]],
    group_module: GroupModule = render_group,
) -> Rendered:
    """A group's own files: its module, its stub module and its examples (``members`` in
    method order)."""
    rendered = group_module(group, members)  # (which splits them, by their specs alone)
    members, replay_cases = split_by_answer(members, replay_cases)
    files = {f"{package}/groups/{name}": text for name, (text, _) in rendered.items()}
    cuts = {f"{package}/groups/{name}": cut for name, (_, cut) in rendered.items()}
    cases = [(op, case) for op in members for case in replay_cases.get(op.qualified_name, ())]
    if cases:
        files[f"tests/examples/{group}.json"] = render_examples(cases)
    return Rendered(files, cuts)


def check_renders(operation: Operation, cases: list[ReplayCase]) -> None:
    """Render ``operation`` alone, as its group will, and drop the text: run on each page
    in the workers, so that an operation the templates cannot render raises there, where
    it costs its page (GD005), rather than in the group render, where it would stop the
    build."""
    render_group_files("check", operation.group, [operation], {operation.qualified_name: cases})
    summarise_group(operation.group, [operation])


def render_shared(
    package: str,
    api_version: str,
    groups: list[GroupSummary],
    tailoring: Tailoring | None = None,
) -> dict[str, str]:
    """Every file of the package and its tests but the groups' own (``groups`` in order)."""
    files: dict[str, str] = {}
    context = {
        "tailored": literal(tailoring.how) if tailoring is not None else literal(""),
        "tailoring": tailoring,
        "package": package,
        "api_version": api_version,
        "api_version_literal": literal(api_version),
        "base_url": literal(BASE_URLS[api_version]),
        "version": literal(__version__),
        "modes": MODES,
        "groups": [
            {
                "property": "\n".join(
                    bracketed(
                        f"def {group.name}(", ["self"], f") -> {class_name(group.name)}:", "    "
                    )
                ),
                "import_checking": _import(group.name, class_name(group.name), "    ")
                + "\n"
                + _import(
                    stub_module_name(group.name),
                    ", ".join(
                        sorted(
                            [async_class_name(group.name)]
                            + [mode_class_name(group.name, mode) for mode in MODES]
                        )
                    ),
                    "    ",
                ),
                "modes": {
                    mode.name: _annotated("        ", group.name, mode_class_name(group.name, mode))
                    for mode in MODES
                },
                "async_property": "\n".join(
                    bracketed(
                        f"def {group.name}(",
                        ["self"],
                        f") -> {async_class_name(group.name)}: ...",
                        "        ",
                    )
                ),
                "import_local": _import(group.name, class_name(group.name), "        "),
                "module": group.name,
                "cls": class_name(group.name),
                "docstring": docstring(
                    f"Operations of the {group.name} group ({group.size}).", indent="        "
                ),
            }
            for group in groups
        ],
    }
    files[f"{package}/__init__.py"] = _render("package/__init__.py.jinja", **context)
    files[f"{package}/_client.py"] = _render("package/_client.py.jinja", **context)
    for module in runtime.MODULES:
        files[f"{package}/{module}.py"] = runtime.source(module)
    files[f"{package}/_generated.py"] = _render("package/_generated.py.jinja", **context)
    table = "".join(line + "\n" for group in groups for line in group.permissions)
    files[f"{package}/{PERMISSIONS_DATA}"] = table  # data, read on the first question
    files[f"{package}/groups/__init__.py"] = _render("package/groups/__init__.py.jinja", **context)
    files[f"{package}/py.typed"] = ""
    files["tests/conftest.py"] = _render("tests/conftest.py.jinja", **context)
    files["tests/test_examples.py"] = _render("tests/test_examples.py.jinja", **context)
    files["pyproject.toml"] = _render(
        "package/pyproject.toml.jinja",
        distribution=json.dumps(package.replace("_", "-")),
        version=json.dumps(__version__),
        description=json.dumps(
            f"Microsoft Graph {api_version} client generated by graphdoc from the Graph API reference."
        ),
        package_literal=json.dumps(package),
        package_data_literal=json.dumps([PERMISSIONS_DATA]),
        groups_package_literal=json.dumps(f"{package}.groups"),
    )
    files["README.md"] = _render(
        "package/README.md.jinja",
        **context,
        rows=[row for group in groups for row in group.rows],
        samples=pick_samples([group.samples for group in groups]),
        permission_samples=[
            literal(name)
            for name in permission_samples([line for group in groups for line in group.permissions])
        ],
    )
    for name in ("__init__", "conftest", "test_sync", "test_async", "test_readme"):
        files[f"tests/client_runtime/{name}.py"] = _render(
            f"tests/client_runtime/{name}.py.jinja", **context
        )
    return files


def groups_of(operations: list[Operation]) -> list[tuple[str, list[Operation]]]:
    """The groups of ``operations`` in name order, each with its members in method order."""
    ordered = sorted(operations, key=lambda op: (op.group, op.name))
    return [(group, list(members)) for group, members in groupby(ordered, key=lambda op: op.group)]


def render_package(
    operations: list[Operation],
    replay_cases: dict[str, list[ReplayCase]],
    package: str,
    api_version: str,
    types: TypeIndex | None = None,
    tailoring: Tailoring | None = None,
    module_types: TypeIndex | None = None,
) -> Rendered:
    """Every file of the package (under ``package/``) and its tests (under ``tests/``).

    A tailored package (``tailoring``) holds in its ``types`` module only
    ``module_types`` (the types its operations reach), named as in the full package."""
    files: dict[str, str] = {}
    cuts: dict[str, tuple[Cut, ...]] = {}
    summaries = []
    typing = typing_of(types)
    if module_types is not None:  # any other type is a dict[str, Any] in this package
        kept = {name: typing.names.names[name] for name in module_types.qualified}
        typing = Typing(typing.index, TypeNames(kept))
    types_file = f"{package}/types.py"
    in_module = module_types if module_types is not None else typing.index
    files[types_file], cuts[types_file] = render_types(in_module, typing.names)

    def module(group: str, members: list[Operation]) -> GroupFiles:
        return render_group(group, members, typing)

    for group, members in groups_of(operations):
        rendered = render_group_files(package, group, members, replay_cases, module)
        files.update(rendered.files)
        cuts.update(rendered.cuts)
        summaries.append(summarise_group(group, members))
    files.update(render_shared(package, api_version, summaries, tailoring))
    return Rendered(files, cuts)
