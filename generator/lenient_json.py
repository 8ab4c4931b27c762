"""Reading the almost-JSON that doc pages contain.

About 0.5% of annotation comments and 3% of example bodies are not strict JSON: trailing
commas, raw tabs inside strings, typographic quotes, a missing comma at a line end, no-break
spaces in the indentation. Older pages also elide part of a body on a line of its own
(``<...response trimmed for brevity...>``, ``...``), leave keys unquoted (``text: {``) or
write a placeholder where a value goes (``"enabled": boolean-value``, ``[key-credentials]``).
Those few repairs recover nearly all of them, and the caller reports every repair;
anything else is reported rather than guessed at.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SMART_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"'})


# A value ending a line and a key starting the next, with no comma between them.
_MISSING_COMMA = re.compile(r'("|\d|true|false|null|\}|\])([ \t]*\r?\n[ \t]*")')


# A line holding only an elision: ``...``, ``…`` or ``<...response trimmed...>``.
_ELISION = re.compile(
    r"^[ \t]*(?:\.\.\.|…|<[^<>\n]*(?:\.\.\.|…)[^<>\n]*>)[ \t]*,?[ \t]*\r?\n", re.M
)
# ``{ ... }`` or ``[ … ]``: a value elided in place.
_ELIDED_VALUE = re.compile(r"([\[{])[ \t]*(?:\.\.\.|…)[ \t]*([\]}])")
_FULL_WIDTH = {"\uff0c": ",", "\uff1a": ":"}
_WORD = re.compile(r"[A-Za-z_][\w.\-]*")
_LITERALS = frozenset({"true", "false", "null"})
_NUMBER_TAIL = frozenset("0123456789.+-")  # 1e5: the e belongs to the number


class NotJSON(ValueError):
    """The text is not JSON, even after the lenient repairs."""


def _plain_spaces(text: str) -> str:
    """Unicode spaces (no-break, narrow no-break, ideographic…) between tokens → plain spaces,
    and full-width commas and colons there (typed with an East Asian input method) → ASCII.

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
        else:
            char = _FULL_WIDTH.get(char, char)
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


def _quote_words(text: str) -> str:
    """Bare words outside strings (an unquoted key, a placeholder value) → JSON strings."""
    out: list[str] = []
    index, in_string, escaped = 0, False, False
    while index < len(text):
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif (word := _WORD.match(text, index)) and not (out and out[-1][-1:] in _NUMBER_TAIL):
            token = word.group()
            out.append(token if token in _LITERALS else json.dumps(token))
            index = word.end()
            continue
        out.append(char)
        index += 1
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
    if any(
        char not in " \t\r\n" and char.isspace() or char in "\ufeff\uff0c\uff1a" for char in text
    ):
        candidates += tuple(_plain_spaces(candidate) for candidate in candidates[1:])
    shaped = _ELIDED_VALUE.sub(r"\1\2", _ELISION.sub("", text.translate(_SMART_QUOTES)))
    shaped = _quote_words(_plain_spaces(shaped))
    candidates += (_MISSING_COMMA.sub(r"\1,\2", _drop_trailing_commas(shaped)),)
    for candidate in candidates:
        try:
            return json.loads(candidate, strict=False), True
        except ValueError:
            continue
    raise NotJSON(str(first_error)) from None
