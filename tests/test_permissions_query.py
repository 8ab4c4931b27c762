"""``graphdoc permissions`` and the package's ``permissions`` module, as users meet them.

Pages and models written here: one permission, several operations, permissions needed
together, alternatives, kinds not supported, application access to ``/me`` paths, a case
where a greedy choice needs more permissions than the exact search, the scan of a sample
program, and the gate's exit codes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.parse import specio
from generator.cli import main
from generator.core.model import Operation, PathVariant, PermissionRow, Permissions
from generator.runtime.permissions import minimal_cover

from .conftest import REPO

HEADER = "|Permission type|Least privileged permissions|Higher privileged permissions|"


def page(title: str, request: str, work: str, personal: str, application: str) -> str:
    request = request.replace("\n", "\n        ")  # indented as the text dedented below
    return textwrap.dedent(f"""\
        # {title}

        Does something to widgets.

        ## Permissions

        {HEADER}
        |:---|:---|:---|
        |Delegated (work or school account)|{work}|
        |Delegated (personal Microsoft account)|{personal}|
        |Application|{application}|

        ## HTTP request

        ```http
        {request}
        ```

        ## Response

        If successful, this method returns a `200 OK` response code.
        """)


PAGES = {
    # one permission per kind; not supported for personal accounts
    "widget-get.md": page(
        "widget: get",
        "GET /widgets/{id}",
        "Widget.Read|Widget.ReadWrite",
        "Not supported.|Not supported.",
        "Widget.Read.All|Not available.",
    ),
    # two permissions needed together ("all of")
    "widget-update.md": page(
        "widget: update",
        "PATCH /widgets/{id}",
        "Widget.ReadWrite and Gadget.Read|Not available.",
        "Widget.ReadWrite and Gadget.Read|Not available.",
        "Widget.ReadWrite.All|Not available.",
    ),
    # two least privileged alternatives
    "widget-list.md": page(
        "widget: list",
        "GET /widgets",
        "Widget.ReadBasic, Widget.Read|Widget.ReadWrite",
        "Widget.ReadBasic, Widget.Read|Not available.",
        "Widget.Read.All|Not available.",
    ),
    # only /me paths: no application permission lets it run, whatever the table says
    "widget-mine.md": page(
        "widget: mine",
        "GET /me/widgets\nGET /me/widgets/{id}",
        "Widget.Read|Not available.",
        "Widget.Read|Not available.",
        "Widget.Read.All|Not available.",
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("widgets")
    for name, text in PAGES.items():
        (root / "api").mkdir(exist_ok=True)
        (root / "api" / name).write_text(text, encoding="utf-8")
    status = main(
        [
            "build",
            str(root / "api"),
            "--out",
            str(root / "out"),
            "--specs",
            str(root / "specs"),
            "--package",
            "widgets",
            "--no-cache",
            "--jobs",
            "1",
            "--quiet",
        ]
    )
    assert status == 0
    return root


def ask(built: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["permissions", "--specs", str(built / "specs"), *args])
    return status, capsys.readouterr().out


def required(built: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    status, out = ask(built, capsys, "--format", "json", *args)
    assert status == 0
    return json.loads(out)


def test_one_operation_by_name_or_page_id(built, capsys):
    by_name = required(built, capsys, "widget.get")
    assert by_name == required(built, capsys, "widget-get")
    assert by_name["required"]["delegated_work"]["permissions"] == ["Widget.Read"]
    assert by_name["required"]["application"]["permissions"] == ["Widget.Read.All"]
    assert by_name["operations"]["widget.get"]["delegated_work"]["higher"] == [["Widget.ReadWrite"]]


def test_not_supported_is_said_with_its_reason(built, capsys):
    answer = required(built, capsys, "widget.get", "--kind", "delegated-personal")
    personal = answer["required"]["delegated_personal"]
    assert personal["complete"] is False
    assert personal["permissions"] == []
    assert "not supported" in personal["unsupported"]["widget.get"]
    status, out = ask(built, capsys, "widget.get")
    assert status == 0 and "widget.get  not supported: not supported" in out


def test_all_of_and_several_operations(built, capsys):
    answer = required(built, capsys, "widget.update", "widget.get", "--kind", "delegated-work")
    work = answer["required"]["delegated_work"]
    # least privileged choices only: widget.get keeps Widget.Read, though Widget.ReadWrite
    # (one of its higher choices) is in the set for widget.update
    assert work["permissions"] == ["Gadget.Read", "Widget.Read", "Widget.ReadWrite"]
    assert work["choices"]["widget.update"] == ["Widget.ReadWrite", "Gadget.Read"]


def test_alternatives_choose_the_first_documented_and_say_there_were_others(built, capsys):
    answer = required(built, capsys, "widget.list", "--kind", "delegated-work")
    work = answer["required"]["delegated_work"]
    assert work["permissions"] == ["Widget.ReadBasic"]
    assert work["minimal_sets"] == 2
    assert work["other_minimal_sets"] == [["Widget.Read"]]
    # with widget.get in the set, Widget.Read serves both: one permission, not two
    both = required(built, capsys, "widget.list", "widget.get", "--kind", "delegated-work")
    assert both["required"]["delegated_work"]["permissions"] == ["Widget.Read"]
    assert both["required"]["delegated_work"]["minimal_sets"] == 1


def test_application_access_to_me_paths_is_not_supported(built, capsys):
    answer = required(built, capsys, "widget.mine", "widget.get", "--kind", "application")
    application = answer["required"]["application"]
    assert application["unsupported"] == {
        "widget.mine": "every path starts with /me, which needs a signed-in user"
    }
    assert application["permissions"] == ["Widget.Read.All"]  # for widget.get alone
    work = required(built, capsys, "widget.mine", "--kind", "delegated-work")
    assert work["required"]["delegated_work"]["permissions"] == ["Widget.Read"]


def test_unknown_operation_is_an_input_error(built, capsys):
    assert main(["permissions", "--specs", str(built / "specs"), "widget.nothing"]) == 2
    assert "no operation widget.nothing" in capsys.readouterr().err


# the exact search, on a model written here


def _operation(name: str, least: tuple[tuple[str, ...], ...]) -> Operation:
    rows = tuple(PermissionRow(kind, True, least) for kind in ("delegated_work", "application"))
    return Operation(
        id=f"gizmo-{name}",
        api_version="v1.0",
        source=f"api/gizmo-{name}.md",
        title=name,
        summary="",
        group="gizmo",
        name=name,
        http_method="GET",
        variants=(PathVariant(f"/gizmos/{name}", f"/gizmos/{name}"),),
        permissions=Permissions(rows),
    )


# Gizmo.All serves four operations: a greedy choice takes it first, then needs Y and Z too.
GREEDY_TRAP = {
    "a": (("Gizmo.All",), ("Gizmo.Y",)),
    "b": (("Gizmo.All",), ("Gizmo.Y",)),
    "c": (("Gizmo.All",), ("Gizmo.Z",)),
    "d": (("Gizmo.All",), ("Gizmo.Z",)),
    "e": (("Gizmo.Y",),),
    "f": (("Gizmo.Z",),),
}


def _greedy(requirements: list[tuple[tuple[str, ...], ...]]) -> set[str]:
    """The usual greedy cover: the permission that serves most open operations, first."""
    chosen: set[str] = set()
    open_ = list(requirements)
    while open_:
        counts: dict[str, int] = {}
        for alternatives in open_:
            for scope in {s for a in alternatives for s in a}:
                counts[scope] = counts.get(scope, 0) + 1
        chosen.add(max(sorted(counts), key=lambda s: counts[s]))
        open_ = [alts for alts in open_ if not any(set(a) <= chosen for a in alts)]
    return chosen


def test_the_search_is_exact_where_greedy_is_not(tmp_path, capsys):
    folder = tmp_path / "model" / "v1.0"
    folder.mkdir(parents=True)
    for name, least in GREEDY_TRAP.items():
        (folder / f"gizmo-{name}.yaml").write_text(
            specio.dump(_operation(name, least)), encoding="utf-8"
        )
    assert _greedy(list(GREEDY_TRAP.values())) == {"Gizmo.All", "Gizmo.Y", "Gizmo.Z"}
    status = main(
        ["permissions", "--specs", str(tmp_path / "model"), "--format", "json"]
        + [f"gizmo.{name}" for name in GREEDY_TRAP]
    )
    answer = json.loads(capsys.readouterr().out)
    assert status == 0
    work = answer["required"]["delegated_work"]
    assert work["permissions"] == ["Gizmo.Y", "Gizmo.Z"]
    assert work["minimal_sets"] == 1
    assert work["choices"]["gizmo.a"] == ["Gizmo.Y"] and work["choices"]["gizmo.c"] == ["Gizmo.Z"]


def test_ties_are_broken_the_same_way_every_time():
    requirements = [(("B",), ("A",)), (("C",), ("D",))]
    cover = minimal_cover(requirements)
    assert sorted(cover.scopes) == ["B", "C"]  # each requirement's first documented choice
    assert cover.ties == 4
    assert [sorted(other) for other in cover.others] == [["A", "C"], ["B", "D"]]
    assert minimal_cover(list(reversed(requirements))).scopes == cover.scopes


def test_all_of_alternatives_and_supersets():
    # (A and B) or C; C or D: C serves both
    assert sorted(minimal_cover([(("A", "B"), ("C",)), (("D",), ("C",))]).scopes) == ["C"]
    # a choice containing another is never better
    assert sorted(minimal_cover([(("A", "B"), ("A",))]).scopes) == ["A"]


def test_the_search_stays_fast_on_many_alternatives():
    requirements = [
        tuple((f"S{(i + j) % 25}",) for j in range(4)) + ((f"T{i}", "U"),) for i in range(40)
    ]
    cover = minimal_cover(requirements)
    assert len(cover.scopes) == 7  # 25 scopes, each serving four operations: ceil(40 / 4) ≥ 7
    assert all(any(set(a) <= cover.scopes for a in alts) for alts in requirements)


# the scan of a program and the gate

PROGRAM = """\
import asyncio
from widgets import AsyncGraphClient, GraphClient


def listing(client: GraphClient) -> None:
    widgets = client.widget              # an alias of a group
    for item in widgets.list(top=5):
        print(item)
    client.with_raw_response.widget.get("w1")


c = GraphClient(token="t")
c.with_options(timeout=5).widget.update("w1", body={})
getattr(c.widget, "get")("w2")           # dynamic: not resolved
c.widget.explode()                       # no such operation


async def main() -> None:
    async with AsyncGraphClient(token="t") as client:
        print(await client.widget.get("w3"))
"""


@pytest.fixture
def program(tmp_path: Path) -> Path:
    folder = tmp_path / "app"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "main.py").write_text(PROGRAM, encoding="utf-8")
    (folder / "notes.txt").write_text("client.widget.mine()", encoding="utf-8")
    return folder


def test_scan_finds_sync_async_and_aliased_calls_and_lists_the_rest(built, program, capsys):
    status, out = ask(built, capsys, "--scan", str(program), "--format", "json")
    answer = json.loads(out)
    main_py = (program / "sub" / "main.py").as_posix()
    assert status == 0
    assert [(c["line"], c["operation"]) for c in answer["calls"]] == [
        (7, "widget.list"),
        (9, "widget.get"),
        (13, "widget.update"),
        (20, "widget.get"),
    ]
    assert {c["path"] for c in answer["calls"]} == {main_py}
    assert [(u["line"], u["message"].split(":")[0]) for u in answer["unresolved"]] == [
        (14, "dynamic call"),
        (15, "unknown method"),
    ]
    assert answer["required"]["delegated_work"]["permissions"] == [
        "Gadget.Read",
        "Widget.Read",
        "Widget.ReadWrite",
    ]
    status, out = ask(built, capsys, "--scan", str(program))
    assert f'{main_py}:14: warning: dynamic call: getattr(c.widget, "get")' in out


def test_the_gate_passes_fails_on_missing_and_on_excess(built, program, capsys, tmp_path):
    enough = "Gadget.Read,Widget.Read,Widget.ReadWrite"
    # the program has a dynamic call: the gate cannot vouch for it unless told to accept it
    status, out = ask(built, capsys, "--scan", str(program), "--granted", enough)
    assert status == 1
    main_py = (program / "sub" / "main.py").as_posix()
    assert f"{main_py}:14: error: dynamic call" in out
    assert "not resolved: the gate cannot tell" in out and "--allow-unresolved" in out
    program_args = ("--scan", str(program), "--allow-unresolved")
    assert ask(built, capsys, *program_args, "--granted", enough)[0] == 0
    status, out = ask(built, capsys, *program_args, "--granted", "Widget.ReadWrite")
    assert status == 1
    assert f"{main_py}:13: error: widget.update: missing" in out
    # Widget.ReadWrite serves every read too (a higher choice): Widget.Read is in excess
    more = enough + ",Widget.Read.All"
    status, out = ask(built, capsys, *program_args, "--granted", more)
    assert status == 0 and "Widget.Read.All is needed by no call" in out
    granted = tmp_path / "granted.txt"
    granted.write_text("Gadget.Read\nWidget.ReadWrite\n# reads\nWidget.Read\n", encoding="utf-8")
    status, out = ask(
        built, capsys, *program_args, "--granted-file", str(granted), "--fail-on-excess"
    )
    assert status == 1
    assert (
        f"{granted}:4: error: granted delegated (work or school account) permission Widget.Read"
        in out
    )
    status, out = ask(
        built,
        capsys,
        "--scan",
        str(program),
        "--kind",
        "application",
        "--granted",
        "Widget.Read.All",
        "--format",
        "github",
    )
    assert status == 1
    assert f"::error file={main_py},line=13,title=graphdoc permissions::widget.update" in out
    assert "::error file=" + main_py + ",line=14," in out  # the dynamic call, now an error


def test_the_package_answers_as_the_command_line_and_loads_its_data_lazily(built, capsys):
    package = built / "out"
    from_package = main(
        [
            "permissions",
            "--package-dir",
            str(package),
            "--format",
            "json",
            "widget.list",
            "widget.mine",
        ]
    )
    assert from_package == 0
    assert json.loads(capsys.readouterr().out) == required(
        built, capsys, "widget.list", "widget.mine"
    )
    script = textwrap.dedent("""\
        import builtins, io, sys
        opened = []
        real_open = io.open
        def spy(file, *args, **kwargs):
            opened.append(str(file))
            return real_open(file, *args, **kwargs)
        io.open = builtins.open = spy
        import widgets
        assert "widgets.permissions" not in sys.modules
        assert not [name for name in opened if "_permissions_data" in name], opened
        needed = widgets.permissions.required(["widget.list", "widget-get"], kind="delegated_work")
        assert [name for name in opened if "_permissions_data" in name], opened
        print(needed.scopes, widgets.permissions.for_operation("widget.mine").kind("application").reason)
        """)
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=package, capture_output=True, text=True, check=True
    )
    assert (
        run.stdout == "('Widget.Read',) every path starts with /me, which needs a signed-in user\n"
    )


def test_the_permissions_table_is_a_data_file_the_package_installs(built):
    """The table is data (no module, so no ``.pyc`` twin at install), named as package data
    in the package's pyproject, and holds one JSON array per operation."""
    import tomllib

    package = built / "out"
    assert not list(package.rglob("_permissions_data.py"))
    data = package / "widgets" / "_permissions_data.jsonl"
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    assert {row[0] for row in rows} >= {"widget.list", "widget.mine"}
    project = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["setuptools"]["package-data"] == {"widgets": [data.name]}


def test_the_golden_package_imports_without_its_permissions():
    script = (
        "import sys, graphdoc_client\n"
        "print(sorted(m for m in sys.modules if 'permissions' in m))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO / "generated",
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout == "[]\n"
