"""Reading the almost-JSON that doc pages contain.

About 0.5% of annotation comments and 3% of example bodies are not strict JSON: trailing
commas, raw tabs inside strings, typographic quotes, a missing comma at a line end, no-break
spaces in the indentation. Those few repairs recover nearly all
of them; anything else is reported by the caller rather than guessed at.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SMART_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"'})


# A value ending a line and a key starting the next, with no comma between them.
_MISSING_COMMA = re.compile(r'("|\d|true|false|null|\}|\])([ \t]*\r?\n[ \t]*")')


class NotJSON(ValueError):
    """The text is not JSON, even after the lenient repairs."""


def _plain_spaces(text: str) -> str:
    """Unicode spaces (no-break, narrow no-break, ideographic…) between tokens → plain spaces.

    Translated pages carry them in the indentation; inside strings they are content and stay.
    """
    out: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char not in " \t\r\n" and char.isspace() or char == "\ufeff":
            char = " "
        out.append(char)
    return "".join(out)


def _drop_trailing_commas(text: str) -> str:
    """Remove commas that directly precede ``}`` or ``]``, outside string literals."""
    out: list[str] = []
    in_string = False
    escaped = False
    pending_comma: int | None = None
    for char in text:
        if in_string:
            out.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
            pending_comma = None
        elif char == ",":
            pending_comma = len(out)
        elif char in "}]" and pending_comma is not None:
            del out[pending_comma]
            pending_comma = None
        elif not char.isspace():
            pending_comma = None
        out.append(char)
    return "".join(out)


def loads(text: str) -> tuple[Any, bool]:
    """Parse ``text`` leniently; return the value and whether a repair was needed."""
    try:
        return json.loads(text), False
    except ValueError as error:
        first_error = error
    candidates = (
        text,
        _drop_trailing_commas(text),
        _drop_trailing_commas(text.translate(_SMART_QUOTES)),
        _MISSING_COMMA.sub(r"\1,\2", _drop_trailing_commas(text.translate(_SMART_QUOTES))),
    )
    if any(char not in " \t\r\n" and char.isspace() or char == "\ufeff" for char in text):
        candidates += tuple(_plain_spaces(candidate) for candidate in candidates[1:])
    for candidate in candidates:
        try:
            return json.loads(candidate, strict=False), True
        except ValueError:
            continue
    raise NotJSON(str(first_error)) from None
