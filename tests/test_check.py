"""``graphdoc build --check`` (a CI gate on docs drift), ``--quiet`` and the report's list
of pages that gave no operation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from generator import incremental
from generator.cli import main
from generator.incremental import cache

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


def _stamps(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (the cache included) with its mtime and size."""
    return {
        path: (info.st_mtime_ns, info.st_size)
        for path, info in ((p, p.stat()) for p in sorted(root.rglob("*")) if p.is_file())
    }


def _built(tmp_path: Path) -> tuple[Path, list[str]]:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "widget-get.md").write_text(PAGE, encoding="utf-8")
    (pages / "gadget-get.md").write_text(PAGE.replace("widget", "gadget"), encoding="utf-8")
    out, specs = tmp_path / "out", tmp_path / "specs"
    build = ["build", str(pages), "--out", str(out), "--specs", str(specs), "--quiet"]
    assert main(build + ["--jobs", "1"]) == 0
    return pages, build


def test_check_of_an_unchanged_output_answers_from_the_manifest_and_writes_nothing(
    tmp_path, own_cache, monkeypatch, capsys
):
    """The quick answer: no stage run, and the cache untouched, its entries not even
    marked used (aged first, so that a read would mark them)."""
    _, build = _built(tmp_path)
    old = time.time() - 2 * cache.TOUCH_AFTER
    for path in own_cache.rglob("*"):
        os.utime(path, (old, old))
    before = _stamps(tmp_path)

    def stages(*args: object, **kwargs: object) -> None:
        raise AssertionError("the unchanged output was built again in memory")

    monkeypatch.setattr(incremental, "_produce", stages)
    monkeypatch.setattr(incremental, "pipeline_check", stages)
    capsys.readouterr()
    assert main(build + ["--check"]) == 0
    assert capsys.readouterr().err == "output up to date\n"
    assert _stamps(tmp_path) == before, "--check wrote something"


DRIFTS = ["page", "page added", "page removed", "output edited", "output removed", "generator"]


@pytest.mark.parametrize("drift", DRIFTS)
def test_check_detects_every_drift_after_a_build(tmp_path, own_cache, monkeypatch, capsys, drift):
    """A changed, new or removed page, a hand-edited or removed output file (edited to the
    same size: only its mtime tells), and another generator (its fingerprint is in every
    hash) each make the check run the stages (through the cache, read only), and it says
    what the bare pipeline's check (``--no-cache``) says, line for line; nothing is
    written, the cache included (its entries aged, so that a read would mark them)."""
    pages, build = _built(tmp_path)
    module = tmp_path / "out" / "graphdoc_client" / "groups" / "widget.py"
    produced: list[object] = []
    produce = incremental._produce

    def spy(*args: object, **kwargs: object) -> object:
        produced.append(args)
        return produce(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "_produce", spy)
    expected = 1
    if drift == "page":
        (pages / "widget-get.md").write_text(PAGE.replace("one widget", "a widget"))
    elif drift == "page added":
        (pages / "gizmo-get.md").write_text(PAGE.replace("widget", "gizmo"), encoding="utf-8")
    elif drift == "page removed":
        (pages / "gadget-get.md").unlink()
    elif drift == "output edited":
        text = module.read_text(encoding="utf-8")
        module.write_text(text.replace("widget", "wodget", 1), encoding="utf-8")
    elif drift == "output removed":
        module.unlink()
    else:  # the output is as built, but by another graphdoc: checked in full, and clean
        monkeypatch.setattr(cache, "fingerprint", lambda: "another graphdoc")
        expected = 0
    old = time.time() - 2 * cache.TOUCH_AFTER
    for path in own_cache.rglob("*"):
        os.utime(path, (old, old))
    before = _stamps(tmp_path)
    capsys.readouterr()
    assert main(build + ["--check"]) == expected
    assert len(produced) == 1
    lines = capsys.readouterr().out
    assert main(build + ["--check", "--no-cache"]) == expected
    assert lines == capsys.readouterr().out
    if drift.startswith("output"):
        assert f"{module}" in lines
    assert (expected == 1) == bool(lines)
    assert _stamps(tmp_path) == before, "--check wrote something"


def _pip_artefacts(out: Path) -> None:
    """What ``pip install OUT`` leaves in OUT (setuptools' build and egg-info folders), plus
    a wheel folder and bytecode, as pip 25 and setuptools 80 write them."""
    for name in ("build/lib/graphdoc_client/__init__.py", "build/bdist.linux-x86_64/x"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("# pip's copy\n", encoding="utf-8")
    egg = out / "graphdoc_client.egg-info"
    egg.mkdir()
    for name in ("PKG-INFO", "SOURCES.txt", "top_level.txt", "requires.txt"):
        (egg / name).write_text("graphdoc_client\n", encoding="utf-8")
    (out / "dist").mkdir()
    (out / "dist" / "graphdoc_client-0.1.0-py3-none-any.whl").write_bytes(b"PK")
    (out / "graphdoc_client" / "__pycache__").mkdir(exist_ok=True)
    (out / "graphdoc_client" / "__pycache__" / "_client.cpython-311.pyc").write_bytes(b"\0")


def _modern_setuptools() -> bool:
    try:
        import setuptools

        major = int(setuptools.__version__.split(".")[0])
        return major >= 77
    except (ImportError, ValueError):
        return False


@pytest.mark.parametrize("cached", [True, False])
def test_check_passes_after_pip_install_of_the_output(tmp_path, cached, capsys):
    """``pip install ./out`` writes ``build/`` and ``*.egg-info`` into the output; a check
    (from the manifest, or in full with ``--no-cache``) ignores them, and so does the next
    build. pip itself runs offline (``--no-build-isolation --no-deps``, into a temporary
    target) where this Python has a setuptools the package accepts (>= 77); elsewhere its
    files are made as it makes them."""
    _, build = _built(tmp_path)
    out = tmp_path / "out"
    if _modern_setuptools():
        command = [sys.executable, "-m", "pip", "install", "-q", "--no-build-isolation"]
        command += ["--no-deps", "--no-index", "--target", str(tmp_path / "site"), str(out)]
        subprocess.run(command, check=True, capture_output=True)
        assert (out / "build").is_dir()
    else:
        _pip_artefacts(out)
    flags = [] if cached else ["--no-cache"]
    capsys.readouterr()
    assert main(build + ["--check"] + flags) == 0, capsys.readouterr().out
    assert main(build) == 0
    assert "package unchanged" in capsys.readouterr().out
