"""Replays every documented example through the client, one test per record.

The records live in ``examples/<group>.json``, one file per resource group: the call to
make, the request it must send and the documented reply. Select a group or an operation
with ``-k``, e.g. ``pytest tests/test_examples.py -k message.send``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

EXAMPLES = Path(__file__).parent / "examples"


def _cases() -> Iterator[Any]:
    for file in sorted(EXAMPLES.glob("*.json")):
        records = json.loads(file.read_text(encoding="utf-8"))
        for key, record in records.items():
            yield pytest.param(file.stem, record, id=f"{file.stem}.{key}")


@pytest.mark.parametrize(("group", "record"), list(_cases()))
def test_example(replay, group: str, record: dict[str, Any]) -> None:
    replay(group, record)
