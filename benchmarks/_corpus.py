"""What the benchmark scripts share: where the corpus is, and the build they time."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UNPACK = REPO.parent / "shared" / "corpus" / "unpack"


def build_command(pages: Path, version: str, out: Path, jobs: int | None = None) -> list[str]:
    """The graphdoc build of one corpus version, specs inside the package folder."""
    command = [sys.executable, "-m", "generator", "build", str(pages), "--api-version", version]
    command += ["--out", str(out), "--specs", str(out / "specs"), "--quiet"]
    return command + (["--jobs", str(jobs)] if jobs else [])
