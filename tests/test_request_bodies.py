"""Request bodies typed from the pages: a ``TypedDict`` of the request body table, or the
resource the prose names, wherever the page documents one; an example that disagrees is
a diagnostic (GD090), a body with no type one too (GD091); the ``@odata.*`` keys examples
send are declared, and a ``null`` they send makes the property take ``None``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.format.pieces import format_python, pieces
from generator.pipeline import Settings, analyse
from generator.render.pybodies import body_type
from generator.render.package import render_package, typing_of

from .pages import md
from .test_typed_client import _pyright_command

GADGET = md("""
    # gadget resource type

    Namespace: microsoft.graph

    A thing a widget works with.

    ## Properties

    | Property | Type | Description |
    |:---------|:-----|:------------|
    | id | String | The key. Read-only. |
    | label | String | What people call it. |
    | size | Int32 | How big it is. |

    ## JSON representation

    <!-- { "blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.gadget" } -->
    ```json
    {"id": "string", "label": "string", "size": 1024}
    ```
    """)


PAGE = """\
# {title}

Does something to widgets.

## Permissions

|Permission type | Permissions (from least to most privileged)|
|:---|:---|
|Delegated (work or school account) | Widget.ReadWrite |
|Delegated (personal Microsoft account) | Not supported. |
|Application | Widget.ReadWrite.All |

## HTTP request

```http
{method} {path}
```

## Request body

{body}

## Response

If successful, this method returns a `204 No Content` response code.

## Example

<!-- {{ "blockType": "request", "name": "example" }} -->
```http
{method} https://graph.microsoft.com/v1.0{url}
Content-type: application/json

{example}
```

<!-- {{ "blockType": "response" }} -->
```http
HTTP/1.1 204 No Content
```
"""


def _page(title: str, request: str, body: str, example: str) -> str:
    method, _, path = request.partition(" ")
    url = path.replace("{id}", "w1")
    return PAGE.format(title=title, method=method, path=path, body=body, url=url, example=example)


TABLE = """\
| Parameter | Type | Description |
|:----------|:-----|:------------|
| gadget | [gadget](../resources/gadget.md) | The gadget to run with. |
| tags | String collection | Labels for the run. |
| from | String | Who asks for the run. |
| @odata.id | String | The widget, by reference. |
| mood | [mood](../resources/mood.md) | A type no page of the run documents. |"""
LONG = "recalibrateeverysensorandreportbackwhenthewholeprocedureisdone"
PAGES = {
    "widget-run.md": _page(
        "widget: run",
        "POST /widgets/{id}/run",
        TABLE,
        '{"gadget": {"label": "drill"}, "tags": ["fast"], "from": "ada", "mood": 3}',
    ),
    "widget-create.md": _page(
        "widget: create",
        "POST /widgets",
        "In the request body, supply a JSON representation of a"
        " [gadget](../resources/gadget.md) object.",
        '{"label": "saw", "size": 2}',
    ),
    "widget-rename.md": _page(
        "widget: rename",
        "PATCH /widgets/{id}",
        "| Property | Type | Description |\n|:--|:--|:--|\n| label | String | The new label. |",
        # a key its table does not document, a null, an annotation key
        '{"label": null, "colour": "red", "owner@odata.bind": "https://x/users/u1"}',
    ),
    "widget-attach.md": _page(
        "widget: attach",
        "POST /widgets/{id}/attach",
        "In the request body, supply a JSON representation of a"
        " [gadget](../resources/gadget.md) object.",
        '{"label": "saw", "parts@odata.bind": ["https://x/parts/p1"], "size": "2"}',
    ),
    "widget-poke.md": _page(
        "widget: poke",
        "POST /widgets/{id}/poke",
        "Say how hard to poke.",  # neither a table nor a resource: no type
        '{"hard": true}',
    ),
    # a body type's name too long for a signature's line: black's layout all the same
    f"widget-{LONG}.md": _page(
        f"widget: {LONG}",
        f"POST /widgets/{{id}}/{LONG}",
        "| Parameter | Type | Description |\n|:--|:--|:--|\n| force | Boolean | Even if busy. |",
        '{"force": true}',
    ),
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bodies") / "docs"
    (root / "api").mkdir(parents=True)
    (root / "resources").mkdir()
    (root / "resources" / "gadget.md").write_text(GADGET, encoding="utf-8")
    for name, text in PAGES.items():
        (root / "api" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rendered(docs):
    result = analyse([str(docs)], Settings(api_version="v1.0"))
    package = render_package(
        result.operations, result.cases, "graphdoc_client", "v1.0", result.types
    )
    return result, package


def test_a_body_table_becomes_a_typed_dict_of_the_group_stub_module(rendered):
    _, package = rendered
    module = package.files["graphdoc_client/groups/widget.py"]
    stub = package.files["graphdoc_client/groups/_widget.pyi"]
    assert (  # (first after the imports: one blank line before it, as black puts it)
        "import Group, RequestOptions\n\n"
        "_WidgetAttachBodyFields = TypedDict(\n"
        '    "_WidgetAttachBodyFields", {"parts@odata.bind": "str | list[str]"}, total=False\n'
        ")\n"
        "\n\n"
        "class WidgetAttachBody(_types.Gadget, _WidgetAttachBodyFields, total=False):\n"
        '    """The JSON body of widget.attach: a Gadget, and the annotations its page\'s'
        ' examples send."""\n'
        "\n\n"
    ) in stub
    assert (
        "\n\n\n"
        "_WidgetRenameBodyFields = TypedDict(\n"
        '    "_WidgetRenameBodyFields", {"owner@odata.bind": "str | list[str]"}, total=False\n'
        ")\n"
        "\n\n"
        "class WidgetRenameBody(_types.ODataObject, _WidgetRenameBodyFields, total=False):\n"
        '    """The JSON body of widget.rename, as its page\'s table documents it."""\n'
        "\n"
        "    label: str | None\n"
    ) in stub
    assert (
        "\n\n\n"
        "_WidgetRunBodyFields = TypedDict(\n"
        '    "_WidgetRunBodyFields", {"from": "str", "@odata.id": "str"}, total=False\n'
        ")\n"
        "\n\n"
        "class WidgetRunBody(_types.ODataObject, _WidgetRunBodyFields, total=False):\n"
        '    """The JSON body of widget.run, as its page\'s table documents it."""\n'
        "\n"
        "    gadget: _types.Gadget\n"
        "    tags: list[str]\n"
        "    mood: Any\n"
        "\n\n"
    ) in stub
    assert "from typing import Any, Mapping, TypedDict, Unpack\n" in stub
    assert "\nfrom .. import types as _types\n" in stub
    # the module imports the body types for its signatures, for type checkers only
    checking = module.split("\nif TYPE_CHECKING:\n", 1)[1].split("\n_ENDPOINTS = ", 1)[0]
    assert "        AsyncWidgetOperations as AsyncWidgetOperations,\n" in checking
    assert "WidgetRunBody" in checking and "class WidgetRunBody" not in module
    # each method's body: the table's type, the resource the prose names, any mapping
    # where the page documents neither
    assert "body: WidgetRunBody | None = None" in module
    assert "body: WidgetRenameBody | None = None" in module
    assert "body: _types.Gadget | None = None" in module
    assert "body: Mapping[str, Any] | None = None" in module
    assert "from typing import TYPE_CHECKING, Any, Mapping, Unpack\n" in module


def test_the_body_types_are_in_blacks_layout_whole_and_in_pieces(rendered):
    _, package = rendered
    for name in ("graphdoc_client/groups/widget.py", "graphdoc_client/groups/_widget.pyi"):
        text = package.files[name]
        assert format_python(name, text) == text
        parts = pieces(name, text, package.cuts[name], 1)
        assert "".join(piece.text + gap for piece, gap in parts) == text
    stub = "graphdoc_client/groups/_widget.pyi"
    assert [
        piece.verbatim for piece, _ in pieces(stub, package.files[stub], package.cuts[stub], 1)
    ] == [True]


def test_each_body_is_typed_as_its_page_documents_it(rendered):
    result, _ = rendered
    typing = typing_of(result.types)
    verdicts = {op.name: body_type(op, typing.index, typing.names) for op in result.operations}
    assert {name: found.verdict for name, found in verdicts.items()} == {
        "attach": "resource",
        "run": "table",
        "create": "resource",
        "poke": "untyped",
        "rename": "table",
        LONG: "table",
    }
    assert verdicts["run"].unresolved == 1  # mood: Any
    assert verdicts["rename"].nullable == {"label"}
    assert [p.type_page for p in [op.request_body for op in result.operations]].count("gadget") == 2


def test_an_example_against_its_body_type_and_an_untyped_body_are_diagnosed(docs, capsys):
    """The example's defects are reported on its request line, each with the key; the
    untyped body with its cause (at the request line). The exit status stays 0: no error."""
    assert main(["lint", str(docs)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if " GD09" in line]
    found = [line.split("/api/", 1)[1] for line in lines]
    assert found == [
        "widget-attach.md:31: GD090 widget.attach: example 'example': body.size: a JSON"
        " string, the type Int32 (int)",
        "widget-poke.md:31: GD091 widget.poke: body= takes any mapping: its page has no"
        " request body table and its prose names no resource",
        "widget-rename.md:33: GD090 widget.rename: example 'example': body: the type"
        " declares no key 'colour'",
    ], lines


PROGRAM = """\
from graphdoc_client import GraphClient


def run(client: GraphClient) -> None:
    client.widget.run("w1", body={"from": "ada", "@odata.id": "w2", "mood": [1]})
    client.widget.create(body={"label": "saw", "@odata.type": "#microsoft.graph.gadget"})
    client.widget.rename("w1", body={"label": None, "owner@odata.bind": "https://x/u/u1"})
    client.widget.attach("w1", body={"label": "saw", "parts@odata.bind": ["https://x/p/1"]})
    client.widget.poke("w1", body={"hard": True, "anything": [1]})
    client.widget.run("w1", body={"gadget": {"lable": "drill"}})
    client.widget.create(body={"size": "big"})
    client.widget.rename("w1", body={"colour": "red"})
    client.widget.attach("w1", body={"size": None})
"""
WRONG = [10, 11, 12, 13]  # the lines of the program's wrong bodies


@pytest.fixture(scope="module")
def built(docs, tmp_path_factory) -> Path:
    """The package of the pages, and beside it the program that calls it."""
    folder = tmp_path_factory.mktemp("built")
    arguments = ["build", str(docs), "--out", str(folder / "out"), "--specs", str(folder / "s")]
    assert main([*arguments, "--quiet", "--jobs", "1", "--no-cache"]) == 0
    (folder / "program.py").write_text(PROGRAM, encoding="utf-8")
    return folder


def test_mypy_refuses_a_misspelt_body_key_and_takes_a_right_body(built, tmp_path):
    env = {**os.environ, "MYPYPATH": str(built / "out")}
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "c")]
    run = subprocess.run(
        command + ["program.py"],  # (and the package modules it imports)
        capture_output=True,
        text=True,
        env=env,
        cwd=built,
    )
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert [int(line.split(":")[1]) for line in errors] == WRONG, run.stdout
    assert all(line.startswith("program.py:") for line in errors)


def test_pyright_refuses_a_misspelt_body_key_and_takes_a_right_body(built):
    """The package (its functional ``TypedDict`` of a body included) and the program under
    pyright in strict mode (``typeCheckingMode: strict``), found as the typed client's
    tests find it."""
    command = _pyright_command()
    if command is None:
        if os.environ.get("CI_REQUIRE_PYRIGHT") == "1":
            pytest.fail("pyright not found (CI_REQUIRE_PYRIGHT=1: required)")
        pytest.skip("pyright not found ($GRAPHDOC_PYRIGHT, .ci/node or PATH)")
    config = {"typeCheckingMode": "strict", "extraPaths": [str(built / "out")]}
    (built / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    run = subprocess.run(
        [command, "--outputjson", "--pythonpath", sys.executable, "-p", str(built)]
        + [str(built / "out" / "graphdoc_client"), str(built / "program.py")],
        capture_output=True,
        text=True,
        cwd=built,
        timeout=600,
    )
    report = json.loads(run.stdout)
    errors = [item for item in report["generalDiagnostics"] if item["severity"] == "error"]
    assert all(Path(item["file"]).name == "program.py" for item in errors), errors
    assert sorted(item["range"]["start"]["line"] + 1 for item in errors) == WRONG, errors
