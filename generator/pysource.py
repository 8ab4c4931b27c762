"""The only way doc text enters generated Python source.

Doc pages are untrusted input: a title holding ``\"\"\"`` or ``{{`` must not end a string,
a docstring or a template expression in the generated code. So templates never paste
text; they receive ready source fragments from :func:`literal` (a ``repr``-style
literal of any JSON-like value) and :func:`docstring` (a triple-quoted literal whose
content is escaped so that it means exactly the given text).
"""

from __future__ import annotations

import math
from typing import Any

_DOC_ESCAPES = {"\\": "\\\\", '"': '\\"', "\r": "\\r", "\t": "\\t"}


def literal(value: Any) -> str:
    """Python source for a JSON-like value (None, bool, int, float, str, bytes, list, tuple, dict)."""
    if value is None or isinstance(value, (bool, int, str, bytes)):
        return repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return f"float({repr(str(value))})"
        return repr(value)
    if isinstance(value, tuple):
        inner = ", ".join(literal(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{literal(key)}: {literal(item)}" for key, item in value.items()) + "}"
        )
    raise TypeError(f"no literal for {type(value).__name__}")


def _doc_char(char: str) -> str:
    if char in _DOC_ESCAPES:
        return _DOC_ESCAPES[char]
    if char == "\n" or char.isprintable():
        return char
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    )


def docstring(text: str, indent: str = "") -> str:
    """A triple-quoted docstring literal meaning exactly ``text`` (lines re-indented)."""
    body = "".join(_doc_char(char) for char in text.strip("\n"))
    lines = body.split("\n")
    if len(lines) > 1:
        body = "\n".join(
            [lines[0]] + [(indent + line) if line.strip() else "" for line in lines[1:]]
        )
        body += "\n" + indent
    return '"""' + body + '"""'
