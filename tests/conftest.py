"""Shared paths for graphdoc's own tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_f69242d1968bee3e.txt"


@pytest.fixture
def repo() -> Path:
    return REPO


def need_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project (CI always has it)")


@pytest.fixture(scope="session")
def corpus_root() -> Path:
    unpack = SHARED / "corpus" / "unpack"
    if not unpack.exists():
        pytest.skip("../shared/corpus is not beside the project (CI always has it)")
    target = os.environ.get("GRAPHDOC_CORPUS_DIR") or str(
        Path.home() / ".cache" / "graphdoc-corpus"
    )
    run = subprocess.run([str(unpack), target], capture_output=True, text=True, check=True)
    return Path(run.stdout.strip())


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch) -> Path:
    """Each test builds with an empty cache of its own: cold builds, never the user's cache."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "graphdoc"


def _committed_outputs() -> dict[str, bytes]:
    return {
        path.relative_to(REPO).as_posix(): path.read_bytes()
        for folder in ("specs", "generated")
        for path in sorted((REPO / folder).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and ".pytest_cache" not in path.parts
    }


@pytest.fixture(scope="session", autouse=True)
def committed_outputs_stay_untouched():
    """No test may write into the project's own specs/ or generated/ (they are golden files)."""
    before = _committed_outputs()
    yield
    after = _committed_outputs()
    changed = sorted(
        name for name in set(before) | set(after) if before.get(name) != after.get(name)
    )
    assert not changed, f"a test changed the committed outputs: {changed[:10]}"
