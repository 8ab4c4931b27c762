"""Reading the almost-JSON that doc pages contain.

About 0.5% of annotation comments and 3% of example bodies are not strict JSON: trailing
commas, raw tabs inside strings, typographic quotes, a missing comma at a line end, no-break
spaces in the indentation. Older pages also elide part of a body on a line of its own
(``<...trimmed...>``, ``...``), leave keys unquoted (``text: {``) or
write a placeholder where a value goes (``"enabled": boolean-value``, ``[key-credentials]``).
Those few repairs recover nearly all of them, and the caller reports every repair;
anything else is reported rather than guessed at.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from ..core.errors import NotJSON

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
_LITERALS = frozenset({"true", "false", "null"})


# A string literal, or the rest of the text after an unterminated opening quote.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\\?$)', re.S)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_BARE_WORD = re.compile(r"(?<![0-9.+\-])[A-Za-z_][\w.\-]*")  # not the e of 1e5


def _outside_strings(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to every stretch between string literals, which
    are content and stay as written; every repair below works this way."""
    out: list[str] = []
    last = 0
    for literal in _STRING.finditer(text):
        out += [change(text[last : literal.start()]), literal.group()]
        last = literal.end()
    out.append(change(text[last:]))
    return "".join(out)


def _spaces(stretch: str) -> str:
    return "".join(
        (
            " "
            if (char not in " \t\r\n" and char.isspace()) or char == "\ufeff"
            else _FULL_WIDTH.get(char, char)
        )
        for char in stretch
    )


def _plain_spaces(text: str) -> str:
    """Unicode spaces (no-break, narrow no-break, ideographic…) between tokens → plain spaces,
    and full-width commas and colons there (typed with an East Asian input method) → ASCII.

    Translated pages carry them in the indentation; inside strings they are content and stay.
    """
    return _outside_strings(text, _spaces)


def _drop_trailing_commas(text: str) -> str:
    """Remove commas that directly precede ``}`` or ``]``, outside string literals."""
    return _outside_strings(text, lambda stretch: _TRAILING_COMMA.sub(r"\1", stretch))


def _word(match: re.Match[str]) -> str:
    return match.group() if match.group() in _LITERALS else json.dumps(match.group())


def _quote_words(text: str) -> str:
    """Bare words outside strings (an unquoted key, a placeholder value) → JSON strings."""
    return _outside_strings(text, lambda stretch: _BARE_WORD.sub(_word, stretch))


MAX_DEPTH = 64  # arrays and objects nested deeper are refused (real bodies stay under 20)
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _depth(text: str) -> int:
    """How deep arrays and objects nest in ``text``, strings skipped: one linear pass, so that
    a hostile body is refused before the recursive parser and every later walk of the value
    (YAML, rendering) meets it."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0
    deepest = depth = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        depth = depth + 1 if bracket in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _no_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate (``"\\ud800"`` decodes to one) replaced by U+FFFD:
    no UTF-8 file can hold one, so it would fail every write of the model or the code."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_no_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_no_surrogates(key): _no_surrogates(item) for key, item in value.items()}
    return value


def loads(text: str) -> tuple[Any, bool]:
    """Parse ``text`` leniently; return the value and whether a repair was needed.

    Values nested deeper than :data:`MAX_DEPTH` are not JSON here, and lone surrogates
    become U+FFFD."""
    if _depth(text) > MAX_DEPTH:
        raise NotJSON(f"arrays and objects nested deeper than {MAX_DEPTH} levels")
    value, repaired = _loads(text)
    if "\\u" in text and _SURROGATE.search(json.dumps(value, ensure_ascii=False)):
        value = _no_surrogates(value)
    return value, repaired


def _loads(text: str) -> tuple[Any, bool]:
    try:
        return json.loads(text), False
    except ValueError as error:
        first_error = error
    candidates: tuple[str, ...] = (
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
