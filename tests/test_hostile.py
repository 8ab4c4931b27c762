"""Hostile pages: doc text that tries to break out of strings, docstrings and templates.

Each case plants one hostile string in one place of a page (title, summary, placeholder,
header, permission, example URL or body). The build must finish, every generated module
must compile, and the generated code must have exactly the shape it has for a harmless
twin page: the hostile text can change string contents, never code. Module level may
hold only imports, definitions and literal data, and the text must come back unchanged
where it is shown as data (the model, the example files).
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import json
import re
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest

from generator.parse import specio
from generator.cli import main

HOSTILE = {
    "triple-double": 'ends """ here',
    "triple-single": "ends ''' here",
    "backslash": "C:\\path\\n\\u0041 \\",
    "braces": "{} {0} {name} {{ x }}",
    "jinja": "{{ 7*7 }} {% for x in y %}{% endfor %} {# c #}",
    "newlines": "line one\nline two\r\nthree",
    "nul": "nul \x00 byte",
    "separators": "a\u2028b\u2029c\x85d\x0ce",
    "import": "__import__('os').system('echo pwned')",
    "fstring": "f'{__import__(\"os\").getcwd()}'",
    "long": "x" * 5000,
    "keyword": "class",
    "digits": "123abc",
    "quotes": "\"'\"'`",
}
SLOTS = ("title", "summary", "placeholder", "query", "header", "permission", "url", "body")


def page(slot: str, text: str) -> str:
    """A well-formed page with ``text`` in one slot (harmless twin: any plain text)."""
    one_line = " ".join(text.split()) or "x"
    title = f"widget: {one_line}" if slot == "title" else "widget: get"
    summary = text if slot == "summary" else "Gets a widget."
    placeholder = (
        "{" + one_line.replace("}", "").replace("{", "").replace("/", "") + "}"
        if slot == "placeholder"
        else "{id}"
    )
    header = one_line.replace("|", "") if slot == "header" else "Authorization"
    permission = one_line.replace("|", "") if slot == "permission" else "Widget.Read"
    url_value = one_line.replace(" ", "%20") if slot == "url" else "w1"
    # (braces would make a query placeholder: another parameter, rightly)
    query = "?note=" + re.sub("[`{}]", "", one_line) if slot == "query" else ""
    body = json.dumps({"note": text, text: [text]}) if slot == "body" else '{"id": "w1"}'
    return textwrap.dedent("""\
        # {title}

        {summary}

        ## Permissions

        |Permission type | Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account) | {permission} |
        |Delegated (personal Microsoft account) | Not supported. |
        |Application | Widget.Read.All |

        ## HTTP request

        ```http
        POST /widgets/{placeholder}/run{query}
        ```

        ## Request headers

        | Name | Description |
        |:---|:---|
        | {header} | Required. |

        ## Response

        If successful, this method returns a `200 OK` response code.

        ## Example

        <!-- {{ "blockType": "request", "name": "run_widget" }} -->
        ```http
        POST https://graph.microsoft.com/v1.0/widgets/{url_value}/run
        Content-type: application/json

        {body}
        ```

        <!-- {{ "blockType": "response" }} -->
        ```http
        HTTP/1.1 200 OK
        Content-type: application/json

        {body}
        ```
        """).format(
        title=title,
        summary=summary,
        permission=permission,
        placeholder=placeholder,
        header=header,
        url_value=url_value,
        query=query,
        body=body,
    )


def build(tmp: Path, text: str, status: int = 0) -> Path:
    """Build one page into ``tmp/out`` (specs in ``tmp/specs``); the exit status must be ``status``."""
    pages = tmp / "pages"
    pages.mkdir(parents=True)
    (pages / "widget-run.md").write_text(text, encoding="utf-8")
    out = tmp / "out"
    arguments = ["build", str(pages), "--out", str(out), "--specs", str(tmp / "specs")]
    assert main([*arguments, "--quiet", "--jobs", "1"]) == status
    return out


@contextlib.contextmanager
def imported_from(folder: Path, name: str) -> Iterator[ModuleType]:
    """Module ``name`` of the package built in ``folder``; any other build's package that
    this process imported (the embedded one) is set aside meanwhile."""
    ours = lambda module: module.split(".")[0] == "graphdoc_client"  # noqa: E731
    aside = {module: sys.modules.pop(module) for module in list(sys.modules) if ours(module)}
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))
        for module in [module for module in sys.modules if ours(module)]:
            del sys.modules[module]
        sys.modules.update(aside)


def shape(source: str) -> str:
    """The AST with every string's content erased: what the code does, not what it says."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
            node.value = type(node.value)()
        elif isinstance(node, ast.Name):
            node.id = "_"
        elif isinstance(node, ast.arg):
            node.arg = "_"
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            node.name = "_"
        elif isinstance(node, ast.keyword) and node.arg:
            node.arg = "_"
        elif isinstance(node, ast.Attribute):
            node.attr = "_"
        elif isinstance(node, ast.alias):
            node.name, node.asname = "_", None
        elif isinstance(node, ast.ImportFrom):
            node.module = "_"
    return ast.dump(tree)


# What the package may call while it is imported: nothing that reads, writes or runs anything.
ALLOWED_CALLS = {
    "endpoints",
    "re.compile",
    "logging.getLogger",
    "frozenset",
    "TypeVar",
    "TypedDict",
}


def _data(node: ast.expr) -> None:
    """Literal data, names of definitions, or containers of them; anything else raises."""
    if isinstance(node, (ast.Name, ast.Attribute)):
        return
    if isinstance(node, ast.Subscript):  # a type alias: Union[str, Callable[[], str]]
        _data(node.value)
        _data(node.slice)
    elif isinstance(node, ast.BinOp):  # str | None, 64 * 1024
        _data(node.left)
        _data(node.right)
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        for item in node.elts:
            _data(item)
    elif isinstance(node, ast.Dict):
        for item in node.keys + node.values:
            if item is not None:
                _data(item)
    else:
        ast.literal_eval(node)


def _is_typing_construct(node: ast.stmt) -> bool:
    """``_X = TypedDict(…)`` (a request body's keys no class can name), ``_P = ParamSpec(…)``,
    ``X: TypeAlias = …``."""
    if isinstance(node, ast.AnnAssign):
        return ast.unparse(node.annotation) == "TypeAlias"
    return (
        isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and ast.unparse(node.value.func) in ("TypedDict", "TypeVar", "ParamSpec")
    )


def check_module_level(path: Path) -> None:
    """Importing a module runs only imports (stdlib, httpx, the package), definitions and data."""
    _check_statements(path, ast.parse(path.read_text(encoding="utf-8")).body)


def _check_statements(path: Path, statements: list[ast.stmt]) -> None:
    for node in statements:
        if isinstance(node, ast.ImportFrom) and node.level:
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top in (
                    "httpx",
                    "__future__",
                ), f"{path}: import {name}"
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the module docstring
        if isinstance(node, ast.If) and ast.unparse(node.test) == "not TYPE_CHECKING":
            assert not node.orelse, f"{path}:{node.lineno}"
            _check_statements(path, node.body)  # (run at import: as module level)
            continue
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` (never run) and its `else:`
            assert ast.unparse(node.test) == "TYPE_CHECKING", f"{path}:{node.lineno}"
            assert all(
                isinstance(item, (ast.Import, ast.ImportFrom, ast.ClassDef, ast.FunctionDef))
                or _is_typing_construct(item)
                for item in node.body
            ), path
            _check_statements(path, node.orelse)
            continue
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            value = node.value
            if isinstance(value, ast.Call):
                assert (
                    ast.unparse(value.func) in ALLOWED_CALLS
                ), f"{path}:{node.lineno}: {ast.unparse(value)[:80]}"
                for argument in value.args + [k.value for k in value.keywords]:
                    _data(argument)
            else:
                _data(value)
            continue
        raise AssertionError(f"{path}: unexpected module-level statement {ast.dump(node)[:200]}")


@pytest.mark.parametrize("slot", SLOTS)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_stays_data(slot, name, tmp_path):
    if "\x00" in page(
        slot, HOSTILE[name]
    ):  # a NUL byte marks a binary file: refused, with one line
        out = build(tmp_path, page(slot, HOSTILE[name]), status=2)
        assert not out.exists() and not (tmp_path / "specs").exists()
        return
    hostile = build(tmp_path / "hostile", page(slot, HOSTILE[name]))
    twin = build(tmp_path / "twin", page(slot, "plain"))
    hostile_files = sorted(p.relative_to(hostile) for p in hostile.rglob("*.py*"))
    assert hostile_files == sorted(p.relative_to(twin) for p in twin.rglob("*.py*"))
    for relative in hostile_files:
        source = (hostile / relative).read_text(encoding="utf-8")
        compile(source, str(relative), "exec")
        assert shape(source) == shape((twin / relative).read_text(encoding="utf-8")), relative
        if relative.parts[0] == "graphdoc_client" and relative.suffix == ".py":
            check_module_level(hostile / relative)  # what `import graphdoc_client` can run

    [spec] = (tmp_path / "hostile" / "specs" / "v1.0").glob("*.yaml")
    operation = specio.load(spec.read_text(encoding="utf-8"))
    # the group's endpoint table reads back as exactly the documented variants
    with imported_from(hostile, f"graphdoc_client.groups.{operation.group}") as module:
        endpoint = module._ENDPOINTS[operation.name]
    assert endpoint.variants == tuple(variant.target for variant in operation.variants)
    if slot == "summary" and name not in ("nul",):
        group_source = next((hostile / "graphdoc_client" / "groups").glob("widget*.py")).read_text(
            encoding="utf-8"
        )
        docs = [
            ast.get_docstring(n) or ""
            for n in ast.walk(ast.parse(group_source))
            if isinstance(n, ast.FunctionDef)
        ]
        assert any(" ".join(operation.summary.split()) in " ".join(doc.split()) for doc in docs)
    if slot == "body":
        [example] = operation.examples
        assert example.request.body == {"note": HOSTILE[name], HOSTILE[name]: [HOSTILE[name]]}
        data = json.loads(
            (hostile / "tests" / "examples" / "widget.json").read_text(encoding="utf-8")
        )
        [case] = data.values()
        assert case["request"]["body"] == example.request.body
