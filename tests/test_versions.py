"""``graphdoc build DOCS/api-reference``: each API version into its own package, in one run."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cli import main

from .test_cli import PAGE


def _tree(root: Path) -> Path:
    tree = root / "api-reference"
    for version in ("v1.0", "beta"):
        api = tree / version / "api"
        api.mkdir(parents=True)
        (api / "widget-get.md").write_text(PAGE, encoding="utf-8")
        (api / "gadget-get.md").write_text(
            PAGE.replace("widget", "gadget").replace("Widget", "Gadget"), encoding="utf-8"
        )
    return tree


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_a_docs_tree_builds_each_version_into_its_package(tmp_path, capsys):
    tree = _tree(tmp_path)
    out, specs, report = tmp_path / "out", tmp_path / "specs", tmp_path / "report.json"
    command = ["build", str(tree), "--out", str(out), "--specs", str(specs), "--package", "graph"]
    assert main(command + ["--report", str(report), "--quiet"]) == 0
    for version, package, base in (("v1.0", "graph_v1", "v1.0"), ("beta", "graph_beta", "beta")):
        generated = (out / version / package / "_generated.py").read_text(encoding="utf-8")
        assert f'DEFAULT_BASE_URL = "https://graph.microsoft.com/{base}"' in generated
        assert (out / version / package / "groups" / "widget.py").is_file()
        assert sorted(p.name for p in (specs / version).glob("*.yaml")) == [
            "gadget-get.yaml",
            "widget-get.yaml",
        ]
    reports = json.loads(report.read_text(encoding="utf-8"))
    assert sorted(reports) == ["beta", "v1.0"]
    assert (
        list(reports["beta"]["by_api_version"]) == ["beta"] and reports["v1.0"]["operations"] == 2
    )
    summary = capsys.readouterr().out
    assert f"package written   {out / 'v1.0'}" in summary and f"{out / 'beta'}" in summary


def test_a_rebuild_of_both_versions_writes_what_a_build_from_nothing_writes(tmp_path):
    tree = _tree(tmp_path)
    out = tmp_path / "out"
    command = ["build", str(tree), "--out", str(out), "--specs", str(out / "specs"), "--quiet"]
    assert main(command) == 0
    for version in ("v1.0", "beta"):
        page = tree / version / "api" / "widget-get.md"
        page.write_text(
            page.read_text().replace("Returns one widget.", f"Returns a {version} widget.")
        )
    assert main(command) == 0
    fresh = tmp_path / "fresh"
    assert (
        main(
            ["build", str(tree), "--out", str(fresh), "--specs", str(fresh / "specs")]
            + ["--quiet", "--no-cache"]
        )
        == 0
    )
    assert _files(out) == _files(fresh)
    assert (
        b"Returns a beta widget."
        in (out / "beta" / "graphdoc_client_beta" / "groups" / "widget.py").read_bytes()
    )


def test_api_version_picks_one_version_of_a_tree(tmp_path):
    tree = _tree(tmp_path)
    out = tmp_path / "out"
    command = ["build", str(tree), "--out", str(out), "--specs", str(tmp_path / "s"), "--quiet"]
    assert main(command + ["--api-version", "beta"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["beta"]
