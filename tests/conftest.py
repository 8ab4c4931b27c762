"""Shared paths for graphdoc's own tests."""

from __future__ import annotations

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
