"""``graphdoc build --check`` (a CI gate on docs drift), ``--quiet`` and the report's list
of pages that gave no operation."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from generator.cli import main

from .conftest import REPO
from .test_cli import PAGE


def _files(root: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_check_passes_on_an_up_to_date_output_and_fails_after_a_page_edit(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "widget-get.md").write_text(PAGE, encoding="utf-8")
    out, specs = tmp_path / "out", tmp_path / "specs"
    build = ["build", str(pages), "--out", str(out), "--specs", str(specs), "--quiet"]
    assert main(build) == 0
    before = _files(tmp_path)
    capsys.readouterr()
    assert main(build + ["--check"]) == 0
    assert capsys.readouterr().out == ""
    (pages / "widget-get.md").write_text(PAGE.replace("Returns one widget.", "Returns a widget."))
    (pages / "gadget-get.md").write_text(PAGE.replace("widget", "gadget"), encoding="utf-8")
    assert main(build + ["--check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"would rewrite {out / 'graphdoc_client' / 'groups' / 'widget.py'}" in lines
    assert f"would create {out / 'graphdoc_client' / 'groups' / 'gadget.py'}" in lines
    assert f"would create {specs / 'v1.0' / 'gadget-get.yaml'}" in lines
    after = _files(tmp_path)
    del after["pages/widget-get.md"], after["pages/gadget-get.md"]
    del before["pages/widget-get.md"]
    assert after == before, "--check wrote something"


def test_check_on_the_embedded_pages_is_clean(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    assert main(["build", "--check"]) == 0, capsys.readouterr().out


def test_quiet_prints_every_error_line_and_the_report_lists_pages_without_operation(
    tmp_path, capsys
):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "widget-get.md").write_text(PAGE, encoding="utf-8")
    (pages / "broken-get.md").write_text("# broken: get\n\nNo request here.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert (
        main(["build", str(pages), "--out", str(out), "--specs", str(tmp_path / "s"), "--quiet"])
        == 0
    )
    printed = capsys.readouterr().out
    broken = pages / "broken-get.md"
    assert f"{broken}:1: GD011 " in printed
    assert "GD020" not in printed  # a warning: counted, not printed
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in report["pages_giving_no_operation"]] == [str(broken)]
    assert report["pages_giving_no_operation"][0]["code"] == "GD011"


def test_the_generated_package_has_a_test_extra():
    project = tomllib.loads((REPO / "generated" / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(
        dep.startswith("pytest") for dep in project["project"]["optional-dependencies"]["test"]
    )
