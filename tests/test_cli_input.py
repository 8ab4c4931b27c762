"""Bad input at the command line: one clear line on stderr, a non-zero exit, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

GOOD = (REPO / "specs" / "pages" / "api" / "message-get.md").read_text(encoding="utf-8")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.split("\n") if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("graphdoc: error: ")
    return lines[0]


def test_missing_path(tmp_path):
    assert "no such file" in one_error_line(run("build", "nowhere", "--out", "out", cwd=tmp_path))


def test_empty_folder(tmp_path):
    (tmp_path / "pages").mkdir()
    assert "no pages" in one_error_line(run("build", "pages", "--out", "out", cwd=tmp_path))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "content", [b"\xff\xfe# caf\xe9 \x80\x81\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"]
)
def test_a_page_that_is_not_text(tmp_path, content):
    (tmp_path / "widget-get.md").write_bytes(content)
    line = one_error_line(run("build", "widget-get.md", "--out", "out", cwd=tmp_path))
    assert "GD001" in line and "widget-get.md:1" in line
    assert not (tmp_path / "out").exists()


def test_an_unreadable_page_among_good_ones_is_a_diagnostic(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "message-get.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "pages" / "widget-get.md").write_bytes(b"\xff\xfe\x00binary")
    result = run("build", "pages", "--out", "out", "--specs", "specs", cwd=tmp_path)
    assert result.returncode == 0
    assert "widget-get.md:1: GD001" in result.stdout
    assert (tmp_path / "out" / "graphdoc_client" / "groups" / "message.py").is_file()


def test_a_symlink_loop(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "message-get.md").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "pages", tmp_path / "pages" / "again")  # a folder that contains itself
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    assert run("build", "pages", "--out", "out", "--specs", "specs", cwd=tmp_path).returncode == 0
    assert "loop-a" in one_error_line(run("build", "loop-a", "--out", "out", cwd=tmp_path))


def test_an_unwritable_output_folder(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "message-get.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    line = one_error_line(
        run("build", "pages", "--out", "blocker/out", "--specs", "specs", cwd=tmp_path)
    )
    assert "blocker/out" in line


def test_a_bad_package_name(tmp_path):
    bad = ("build", "pages", "--package", "not-an-identifier", "--out", "out")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "message-get.md").write_text(GOOD, encoding="utf-8")
    assert "--package" in one_error_line(run(*bad, cwd=tmp_path))
