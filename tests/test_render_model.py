"""The model on disk is the interface: ``graphdoc render`` from the YAML model alone writes
the package ``graphdoc build`` writes, byte for byte (but ``report.json``, which describes
the pages), and an edit of the model is an edit of the package."""

from __future__ import annotations

import shutil
from pathlib import Path


from generator.cli import main

from .conftest import REPO


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != "report.json"
    }


def _build_then_render(pages: list[str], tmp_path: Path, version: str = "v1.0") -> None:
    built, specs, rendered = tmp_path / "built", tmp_path / "specs", tmp_path / "rendered"
    status = main(
        ["build", *pages, "--out", str(built), "--specs", str(specs), "--api-version", version]
        + ["--quiet", "--no-cache", "--jobs", "2"]
    )
    assert status == 0
    assert (
        main(["render", "--specs", str(specs), "--out", str(rendered)] + ["--api-version", version])
        == 0
    )
    expected, got = _files(built), _files(rendered)
    assert sorted(got) == sorted(expected)
    different = [name for name in expected if expected[name] != got[name]]
    assert not different, different[:10]
    assert not (rendered / "report.json").exists()


def test_render_from_the_embedded_model(tmp_path):
    _build_then_render([str(REPO / "specs" / "pages")], tmp_path)


# Page-name prefixes of a corpus sample: mail, files, calendar, directory, Teams, and the
# pages whose examples call other pages' operations (GD062) or show calls of their own (GD063).
SAMPLE = ("message-", "driveitem-", "event-", "user-", "group-", "chat", "site-", "calendar")


def test_render_from_a_corpus_model(corpus_root, tmp_path):
    api = corpus_root / "graph-docs-en-2021" / "api-reference" / "v1.0" / "api"
    pages = sorted(str(page) for page in api.glob("*.md") if page.name.startswith(SAMPLE))
    assert len(pages) > 200
    _build_then_render(pages, tmp_path)
    specs = list((tmp_path / "specs" / "v1.0").glob("*.yaml"))
    assert any(
        "shown_by:" in spec.read_text(encoding="utf-8") for spec in specs
    ), "the sample holds an operation made from an example (GD063)"


def test_an_edit_of_the_model_is_an_edit_of_the_package(tmp_path, capsys):
    specs = tmp_path / "specs"
    shutil.copytree(REPO / "specs" / "model", specs)
    spec = specs / "v1.0" / "message-send.yaml"
    text = spec.read_text(encoding="utf-8")
    assert "\nname: send\n" in text
    spec.write_text(text.replace("\nname: send\n", "\nname: send_now\n"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", "--specs", str(specs), "--out", str(out)]) == 0
    module = (out / "graphdoc_client" / "groups" / "message.py").read_text(encoding="utf-8")
    assert "def send_now(" in module and "def send(" not in module


def test_a_broken_model_file_is_a_diagnostic(tmp_path, capsys):
    specs = tmp_path / "specs"
    shutil.copytree(REPO / "specs" / "model", specs)
    broken = specs / "v1.0" / "zz-broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    assert main(["render", "--specs", str(specs), "--out", str(tmp_path / "out")]) == 1
    assert f"{broken}:1: GD009 model file does not load" in capsys.readouterr().out
    assert (tmp_path / "out" / "graphdoc_client" / "groups" / "message.py").is_file()


def test_a_missing_model_folder_is_one_line(tmp_path, capsys):
    assert main(["render", "--specs", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"graphdoc: error: {tmp_path / 'nowhere' / 'v1.0'}: no such model folder"]
