"""The ``graphdoc`` command as users meet it: build, parse, lint, and the golden package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import REPO

PAGE = """\
# widget: get

Returns one widget.

## Permissions

|Permission type | Permissions (from least to most privileged)|
|:---|:---|
|Delegated (work or school account) | Widget.Read |
|Delegated (personal Microsoft account) | Not supported. |
|Application | Widget.Read.All |

## HTTP request

```http
GET /widgets/{id}
```

## Response

If successful, this method returns a `200 OK` response code.

## Example

<!-- { "blockType": "request", "name": "get_widget" } -->
```http
GET https://graph.microsoft.com/v1.0/widgets/w1
```

<!-- { "blockType": "response" } -->
```http
HTTP/1.1 200 OK
Content-type: application/json

{"id": "w1"}
```
"""


_ARTIFACTS = (
    "__pycache__",
    "build",
    ".pytest_cache",
)  # left by Python, pip and pytest, not by graphdoc


def _tree(root: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if path.is_file() and not any(p in _ARTIFACTS or p.endswith(".egg-info") for p in parts):
            files["/".join(parts)] = path.read_bytes()
    return files


def _compare(expected_root: Path, actual_root: Path) -> None:
    expected, actual = _tree(expected_root), _tree(actual_root)
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(name for name in set(expected) & set(actual) if expected[name] != actual[name])
    assert not (missing or extra or changed), (
        f"{expected_root} is not what graphdoc builds now (refresh: graphdoc build)\n"
        f"missing: {missing}\nextra: {extra}\nchanged: {changed}"
    )


def test_committed_package_and_specs_are_what_build_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    out, specs = tmp_path / "generated", tmp_path / "model"
    assert main(["build", "--quiet", "--jobs", "1", "--out", str(out), "--specs", str(specs)]) == 0
    _compare(REPO / "generated", out)
    _compare(REPO / "specs" / "model", specs)


def test_build_twice_is_identical_and_keeps_unchanged_files(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    out, specs = tmp_path / "out", tmp_path / "specs"
    assert main(["build", "--quiet", "--out", str(out), "--specs", str(specs)]) == 0
    first = _tree(out)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.py")}
    assert main(["build", "--quiet", "--jobs", "1", "--out", str(out), "--specs", str(specs)]) == 0
    assert _tree(out) == first
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.py")} == mtimes


def test_build_summary_and_package(tmp_path, capsys):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "widget-get.md").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    code = main(
        [
            "build",
            str(tmp_path / "pages"),
            "--out",
            str(out),
            "--specs",
            str(tmp_path / "specs"),
            "--package",
            "widgets",
        ]
    )
    assert code == 0
    err = capsys.readouterr().err
    assert (
        "operations        1 (100.0% of api pages)" in err and "tests written     1 (100.0%" in err
    )
    assert (tmp_path / "specs" / "v1.0" / "widget-get.yaml").is_file()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=out,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(out)},
    )
    assert run.returncode == 0 and " passed" in run.stdout, run.stdout + run.stderr


def test_missing_path_is_one_clear_line(tmp_path, capsys):
    code = main(
        [
            "build",
            str(tmp_path / "nowhere"),
            "--out",
            str(tmp_path / "out"),
            "--specs",
            str(tmp_path / "s"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such file" in err


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    out = tmp_path / "precious"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["build", "--out", str(out), "--specs", str(tmp_path / "specs")]) == 2
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert "refusing" in capsys.readouterr().err


def test_lint_text_json_and_exit_status(tmp_path, capsys):
    good = tmp_path / "widget-get.md"
    good.write_text(PAGE.replace("`200 OK`", "`201 Created`"), encoding="utf-8")
    bad = tmp_path / "widget-broken.md"
    bad.write_text("# widget: broken\n\nNo request here.\n", encoding="utf-8")
    assert main(["lint", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.strip().split("\n")
    assert (
        f"{bad}:1: GD011 no HTTP request section with a `METHOD path` line; no operation" in lines
    )
    assert any(line.startswith(f"{good}:") and " GD043 " in line for line in lines)
    assert main(["lint", str(good), "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [item["code"] for item in items] == ["GD043"]
    assert (
        items[0]["severity"] == "warning"
        and items[0]["line"] == PAGE.split("\n").index("HTTP/1.1 200 OK") + 1
    )


def test_strict_fails_on_errors(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "widget-get.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pages" / "widget-broken.md").write_text("# widget: broken\n", encoding="utf-8")
    args = [
        "build",
        str(tmp_path / "pages"),
        "--out",
        str(tmp_path / "out"),
        "--specs",
        str(tmp_path / "s"),
        "--quiet",
    ]
    assert main(args) == 0
    assert main(args + ["--strict"]) == 1


def test_parse_prints_yaml(tmp_path, capsys):
    page = tmp_path / "widget-get.md"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["parse", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("id: widget-get\n")
    assert "- [Widget.Read]" in out


@pytest.mark.parametrize("command", [["codes"], ["--version"]])
def test_informational_commands(command, capsys):
    try:
        assert main(command) == 0
    except SystemExit as stop:  # argparse's --version
        assert stop.code == 0
    assert capsys.readouterr().out


def test_readme_documents_every_diagnostic_code(capsys):
    assert main(["codes"]) == 0
    table = capsys.readouterr().out.strip()
    assert table in (REPO / "README.md").read_text(
        encoding="utf-8"
    ), "refresh it: graphdoc codes --readme README.md"


def test_codes_refreshes_the_readme_table(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "# x\n\n| Code | Name | Severity | Meaning |\n|---|---|---|---|\n| GD000 | old | info | Gone. |\n\nAfter.\n",
        encoding="utf-8",
    )
    assert main(["codes", "--readme", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert "GD000" not in text and "| GD001 | page-unreadable |" in text
    assert text.startswith("# x\n\n| Code |") and text.endswith("\n\nAfter.\n")


def test_a_rebuild_with_nothing_changed_touches_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    out = tmp_path / "out"
    args = ["build", "--quiet", "--out", str(out), "--specs", str(out / "specs")]
    assert main(args) == 0
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in [out, *out.rglob("*")]}
    assert main(args) == 0
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in [out, *out.rglob("*")]} == before
