"""Model → source text of every file of the generated package and its tests.

All decisions (names, signatures, docstrings, literals) are made here in Python and
handed to the templates as ready, escaped fragments, so the templates only lay out code
and stay readable next to what they produce.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any, Callable

import jinja2

from . import __version__
from .model import Operation, PermissionRow
from .fmt import Cut
from .pysource import LINE_LENGTH, bracketed, docstring, literal, text_block
from .replay import ReplayCase, signature_params

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
BASE_URLS = {"v1.0": "https://graph.microsoft.com/v1.0", "beta": "https://graph.microsoft.com/beta"}
_KIND_LABELS = {
    "delegated_work": "Delegated (work or school account)",
    "delegated_personal": "Delegated (personal Microsoft account)",
    "application": "Application",
}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


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
class OperationView:
    """Ready source of one operation: its endpoint table entry (text, escaped with the whole
    table), signature, docstring and call."""

    endpoint: str
    signature: str
    docstring: str
    call: str


def is_paged(operation: Operation) -> bool:
    """A list operation: a GET answering with a collection (``value`` and ``@odata.nextLink``)."""
    if operation.http_method != "GET":
        return False
    if operation.response.is_collection:
        return True
    return any(
        example.response is not None
        and example.response.body_kind == "json"
        and isinstance(example.response.body, dict)
        and isinstance(example.response.body.get("value"), list)
        for example in operation.examples
    )


def endpoint_entry(operation: Operation) -> str:
    """The operation's lines in its group's endpoint table (read by ``_runtime.endpoints``):
    ``name METHOD [paged] [parameter=style …]``, then each variant indented by four spaces."""
    styles = {
        param.name: param.style
        for v in operation.variants
        for param in v.params
        if param.style != "segment"
    }
    head = [operation.name, operation.http_method]
    if is_paged(operation):
        head.append("paged")
    head += [f"{name}={style}" for name, style in sorted(styles.items())]
    variants = ["    " + variant.target for variant in operation.variants]
    return "\n".join([" ".join(head), *variants])


def operation_view(operation: Operation) -> OperationView:
    required, optional = signature_params(operation)
    params = ["self"] + [f"{name}: str" for name in required] + ["*"]
    params += [f"{name}: str | None = None" for name in optional]
    body = operation.request_body
    if body.kind == "json":
        params.append("body: Mapping[str, Any] | None = None")
    elif body.kind == "binary":
        params += [
            "content: FileContent",
            f"content_type: str = {literal('application/octet-stream')}",
        ]
    params.append("**options: Unpack[RequestOptions]")
    if params[-2] == "*":
        params.remove("*")
    return OperationView(
        endpoint=endpoint_entry(operation),
        signature="\n".join(bracketed(f"def {operation.name}(", params, ") -> Any:", "    ")),
        docstring=docstring(operation_doc(operation), indent="        "),
        call="\n".join(
            bracketed("return self._call(", [literal(operation.name), "locals()"], ")", "        ")
        ),
    )


def render_group(group: str, operations: list[Operation]) -> tuple[str, tuple[Cut, ...]]:
    """The module of a group, and where its operations start (see :class:`Cut`)."""
    views = [operation_view(op) for op in operations]
    uses_file = any(op.request_body.kind == "binary" for op in operations)
    uses_mapping = any(op.request_body.kind == "json" for op in operations)
    typing_imports = ", ".join(["Any"] + (["Mapping"] if uses_mapping else []) + ["Unpack"])
    names = ", ".join(op.name for op in operations)
    text = _render(
        "package/groups/group.py.jinja",
        module_doc=docstring(f"Operations of the {group} group: {names}."),
        cls=class_name(group),
        class_doc=docstring(
            f"{group} operations ({len(operations)}), reached as client.{group}.", indent="    "
        ),
        operations=views,
        endpoints=text_block("\n" + "\n".join(view.endpoint for view in views) + "\n"),
        uses_file=uses_file,
        typing_imports=typing_imports,
    )
    cuts: list[Cut] = []
    position = text.index("\nclass ")
    for view in views:
        position = text.index("\n" + view.signature.split("\n", 1)[0], position) + 1
        cuts.append(Cut(position, in_class=True))
    return text, tuple(cuts)


def _case_key(operation: Operation, case: ReplayCase, taken: set[str]) -> str:
    base = f"{operation.name}:{case.example.name}"
    key, suffix = base, 2
    while key in taken:
        key, suffix = f"{base}#{suffix}", suffix + 1
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


def _param_count(operation: Operation) -> int:
    return min(len(variant.params) for variant in operation.variants)


def _fewest(operations: list[Operation], prefer: str = "") -> Operation | None:
    """The operation callable with the fewest path arguments; among those, one of the
    ``user`` group (the most familiar), then one whose name contains ``prefer``."""
    return min(
        operations,
        key=lambda op: (_param_count(op), op.group != "user", prefer not in op.name),
        default=None,
    )


def readme_samples(operations: list[Operation]) -> dict[str, str | None]:
    """The calls the README's examples make, picked from the package's own operations.

    Each is ``group.method(...)`` source (the README prefixes ``client.``), or ``None``
    when the package has no operation of that kind (the README then leaves it out).
    """
    gets = [
        op
        for op in operations
        if op.http_method == "GET" and not is_paged(op) and op.response.body_kind == "json"
    ]
    lists = [op for op in operations if is_paged(op)]
    get = _fewest(gets, "get") or _fewest(
        [op for op in operations if op.request_body.kind != "binary"]
    )
    listing = _fewest(lists, "list")
    delta = _fewest([op for op in lists if "delta" in op.name])
    missing = min(  # a lookup by one id, to show a 404
        (op for op in gets if any(v.params for v in op.variants)),
        key=lambda op: (
            min(len(v.params) for v in op.variants if v.params) != 1,
            op.group != "user",
            "get" not in op.name,
        ),
        default=None,
    )
    upload = _fewest([op for op in operations if op.request_body.kind == "binary"], "content")
    download = _fewest(
        [op for op in operations if op.http_method == "GET" and op.response.body_kind == "binary"],
        "content",
    )
    return {
        "read": _sample_call(get) if get else None,
        "read_timeout": _sample_call(get, options="timeout=5.0") if get else None,
        "list": _sample_call(listing, options="top=10") if listing else None,
        "list_options": (
            _sample_call(
                listing,
                options='select=["id"], top=25, count=True, headers={"ConsistencyLevel": "eventual"}',
            )
            if listing
            else None
        ),
        "delta": _sample_call(delta) if delta else None,
        "missing": _sample_call(missing, value="does-not-exist") if missing else None,
        "upload": _sample_call(upload) if upload else None,
        "download": _sample_call(download or get) if (download or get) else None,
    }


def _import(module: str, name: str, indent: str) -> str:
    """``from .groups.<module> import <name>``, wrapped in parentheses as black does."""
    line = f"{indent}from .groups.{module} import {name}"
    if len(line) <= LINE_LENGTH:
        return line
    return "\n".join(
        bracketed(f"from .groups.{module} import (", [name], ")", indent, collection=True)
    )


@dataclass(frozen=True)
class Rendered:
    files: dict[str, str]  # relative path → text (unformatted Python)
    cuts: dict[str, tuple[Cut, ...]] = field(default_factory=dict)  # of the group modules


def render_package(
    operations: list[Operation],
    replay_cases: dict[str, list[ReplayCase]],
    package: str,
    api_version: str,
    group_module: Callable[[str, list[Operation]], tuple[str, tuple[Cut, ...]]] = render_group,
) -> Rendered:
    """Every file of the package (under ``package/``) and its tests (under ``tests/``).

    ``group_module`` renders one group's module; the build passes a cached one.
    """
    files: dict[str, str] = {}
    cuts: dict[str, tuple[Cut, ...]] = {}
    ordered = sorted(operations, key=lambda op: (op.group, op.name))
    groups = []
    base_url = BASE_URLS[api_version]
    for group, members in groupby(ordered, key=lambda op: op.group):
        members = list(members)
        name = f"{package}/groups/{group}.py"
        files[name], cuts[name] = group_module(group, members)
        groups.append(
            {
                "property": "\n".join(
                    bracketed(f"def {group}(", ["self"], f") -> {class_name(group)}:", "    ")
                ),
                "import_checking": _import(group, class_name(group), "    "),
                "import_local": _import(group, class_name(group), "        "),
                "module": group,
                "cls": class_name(group),
                "docstring": docstring(
                    f"Operations of the {group} group ({len(members)}).", indent="        "
                ),
                "operations": members,
            }
        )
        cases = [(op, case) for op in members for case in replay_cases.get(op.qualified_name, ())]
        if cases:
            files[f"tests/examples/{group}.json"] = render_examples(cases)
    context = {
        "package": package,
        "api_version": api_version,
        "api_version_literal": literal(api_version),
        "base_url": literal(base_url),
        "version": literal(__version__),
        "groups": groups,
    }
    files[f"{package}/__init__.py"] = _render("package/__init__.py.jinja", **context)
    files[f"{package}/_client.py"] = _render("package/_client.py.jinja", **context)
    for module in ("_auth", "_base", "_errors", "_paging", "_response", "_retry", "_runtime"):
        files[f"{package}/{module}.py"] = _render(f"package/{module}.py.jinja", **context)
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
        groups_package_literal=json.dumps(f"{package}.groups"),
    )
    files["README.md"] = _render(
        "package/README.md.jinja",
        **context,
        rows=[_readme_row(op) for op in ordered],
        samples=readme_samples(ordered),
    )
    for name in ("__init__", "conftest", "test_sync", "test_async", "test_readme"):
        files[f"tests/client_runtime/{name}.py"] = _render(
            f"tests/client_runtime/{name}.py.jinja", **context
        )
    return Rendered(files, cuts)
