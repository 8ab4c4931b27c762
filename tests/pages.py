"""Helpers for tests that write small pages inline."""

from __future__ import annotations

import textwrap


def md(text: str) -> str:
    """An indented triple-quoted page as Markdown."""
    return textwrap.dedent(text).lstrip("\n")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` line containing ``needle``."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} not in text")
