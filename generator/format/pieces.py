"""Formatting generated Python in-process with the pinned black, and refusing broken code.

The mode is explicit so a user's black configuration never changes the output; every file
is compiled before it is written, so a rendering bug can never leave invalid code behind.
Formatting is memoised by content: the runtime modules are the same in every build, and
black is the slowest stage, so a process formats each distinct text once.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..core.errors import InvalidSource
from ..render.pysource import Cut

_CLASS = "class _Piece:\n"


@lru_cache(maxsize=1)
def _black() -> tuple[Any, Any]:
    """black and its mode, imported on first use: a build that formats nothing skips it."""
    import black

    mode = black.Mode(line_length=100, target_versions={black.mode.TargetVersion.PY311})
    return black, mode


def format_python(path: str, source: str) -> str:
    return _format(path, source)


def _compiled(path: str, source: str) -> None:
    try:
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as error:
        raise InvalidSource(
            f"{path}:{error.lineno}: generated code does not compile: {error.msg}"
        ) from None


@lru_cache(maxsize=512)
def _format(path: str, source: str) -> str:
    _compiled(path, source)
    black, mode = _black()
    # black builds a large tree of cyclic nodes; collecting cycles while it works costs
    # much of its time and frees nothing, so the collector waits until it is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        formatted: str = black.format_str(source, mode=mode)
        return formatted
    finally:
        if collecting:
            gc.enable()


@dataclass(frozen=True)
class Piece:
    """A run of whole statements of one file, formatted on its own (a format job)."""

    path: str
    text: str
    in_class: bool = False  # methods: formatted inside a stand-in class
    verbatim: bool = False  # black's layout by construction: compiled only (see Cut)


def pieces(path: str, source: str, cuts: tuple[Cut, ...], lines: int) -> list[tuple[Piece, str]]:
    """``source`` as pieces of about ``lines`` lines, each with the separator that follows it.

    A group module of thousands of operations would be one long black run on one core;
    cut at operation boundaries, its pieces format in parallel, and a rebuild re-formats
    only the piece whose operation changed. The renderer writes black's own layout, so
    formatting the pieces gives what formatting the whole file gives.
    """
    starts: list[tuple[int, bool, bool]] = [(0, False, False)]
    size, last = 0, 0
    for cut in cuts:
        size += source.count("\n", last, cut.offset)
        last = cut.offset
        if cut.offset == starts[-1][0]:  # (a cut where a piece starts: that piece's kind)
            starts[-1] = (cut.offset, cut.in_class, cut.verbatim)
        elif (cut.in_class, cut.verbatim) != starts[-1][1:] or size >= lines:
            starts.append((cut.offset, cut.in_class, cut.verbatim))
            size = 0
    result = []
    for index, (start, in_class, verbatim) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(source)
        chunk = source[start:end]
        body = chunk.rstrip("\n") + "\n"
        result.append((Piece(path, body, in_class, verbatim), chunk[len(body) :]))
    return result


def warm_formatter() -> None:
    """Import black now, in a worker that will format later (see ``Workers.start``)."""
    _black()


def format_piece(piece: Piece) -> str:
    if piece.verbatim:
        _compiled(piece.path, _CLASS + piece.text if piece.in_class else piece.text)
        return piece.text
    if not piece.in_class:
        return _format(piece.path, piece.text)
    formatted = _format(piece.path, _CLASS + piece.text)
    if not formatted.startswith(_CLASS):
        raise InvalidSource(f"{piece.path}: black moved a method out of its class")
    return formatted[len(_CLASS) :]
