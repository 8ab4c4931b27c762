"""Same input, same bytes: serial or parallel, any working folder, hash seed or locale."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

PAGES = REPO / "specs" / "pages"


def digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def build(out: Path, cwd: Path, jobs: int, **env: str) -> dict[str, str]:
    command = [
        sys.executable,
        "-m",
        "generator",
        "build",
        str(PAGES),
        "--out",
        str(out),
        "--specs",
        str(out / "specs"),
        "--quiet",
        "--jobs",
        str(jobs),
        "--no-cache",  # every build of the matrix parses and formats for itself
    ]
    environment = {**os.environ, "PYTHONPATH": str(REPO), **env}
    subprocess.run(command, cwd=cwd, env=environment, check=True, capture_output=True)
    return digest(out)


def test_builds_are_byte_identical_across_the_matrix(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    reference = build(tmp_path / "a", REPO, 1, PYTHONHASHSEED="0", LC_ALL="C")
    matrix = {
        "parallel": build(tmp_path / "b", REPO, 2, PYTHONHASHSEED="0", LC_ALL="C"),
        "other folder": build(tmp_path / "c", elsewhere, 1, PYTHONHASHSEED="0", LC_ALL="C"),
        "other hash seed": build(tmp_path / "d", REPO, 2, PYTHONHASHSEED="12345", LC_ALL="C"),
        "other locale": build(
            tmp_path / "e",
            elsewhere,
            2,
            PYTHONHASHSEED="random",
            LC_ALL="C.UTF-8",
            LANG="es_ES.UTF-8",
        ),
    }
    for name, result in matrix.items():
        assert result == reference, name
