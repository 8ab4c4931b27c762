"""The only way doc text enters generated Python source.

Doc pages are untrusted input: a title holding ``\"\"\"`` or ``{{`` must not end a string,
a docstring or a template expression in the generated code. So templates never paste
text; they receive ready source fragments from :func:`literal` (a ``repr``-style
literal of any JSON-like value) and :func:`docstring` (a triple-quoted literal whose
content is escaped so that it means exactly the given text).

Fragments come out the way black writes them (double quotes, :func:`bracketed` lines), so
that black, which still formats every file, finds little to do: it runs much faster on
already-formatted code, and formatting is the slowest stage of a build.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Sequence, Union

LINE_LENGTH = 100
_DOC_ESCAPES = {"\\": "\\\\", '"': '\\"', "\r": "\\r", "\t": "\\t"}


def literal(value: Any) -> str:
    """Python source for a JSON-like value (None, bool, int, float, str, bytes, list, tuple, dict)."""
    if isinstance(value, str):
        return string(value)
    if value is None or isinstance(value, (bool, int, bytes)):
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


def string(text: str) -> str:
    """``repr(text)`` in black's quotes: double, unless that needs more escapes."""
    source = repr(text)
    if source[0] == '"':
        return source
    singles, doubles = text.count("'"), text.count('"')
    if doubles > singles:
        return source
    body = source[1:-1].replace("\\'", "'").replace('"', '\\"')
    return '"' + body + '"'


@dataclass(frozen=True)
class Bracket:
    """A bracketed, comma-separated source fragment that :func:`bracketed` may split."""

    opening: str  # "f(", "(", "{", "["
    items: tuple["Item", ...]
    closing: str
    collection: bool = True  # a display (tuple, dict, list), which black never hugs

    def flat(self) -> str:
        inner = ", ".join(flat(item) for item in self.items)
        if self.collection and self.opening == "(" and len(self.items) == 1:
            inner += ","
        return self.opening + inner + self.closing


Item = Union[str, Bracket]


def flat(item: Item) -> str:
    return item if isinstance(item, str) else item.flat()


def bracketed(
    head: str, items: Sequence[Item], tail: str, indent: str = "", *, collection: bool = False
) -> list[str]:
    """Lines of ``head item, … tail`` as black splits them when they do not fit.

    Black's order: everything on one line; else (calls and signatures only) the items on
    one indented line between the brackets; else one item per line with a trailing
    comma, splitting any item that still does not fit the same way.
    """
    whole = indent + Bracket(head, tuple(items), tail, collection).flat()
    if len(whole) <= LINE_LENGTH:
        return [whole]
    inner = indent + "    "
    if not collection and not (head.startswith(("def ", "async def ")) and len(items) == 1):
        # (black gives a lone parameter a trailing comma, which then keeps it exploded)
        hugged = inner + ", ".join(flat(item) for item in items)
        if len(hugged) <= LINE_LENGTH:
            return [indent + head, hugged, *_closing(indent, tail)]
    lines = [indent + head]
    for item in items:
        if isinstance(item, Bracket):
            lines += bracketed(
                item.opening, item.items, item.closing + ",", inner, collection=item.collection
            )
        else:
            lines += _parameter(inner, item + ",")
    return lines + _closing(indent, tail)


_ANNOTATED = re.compile(r"(\*{0,2}\w+): ([^\[\](),=]+)( = .+)?,")


def parenthesized(indent: str, head: str, value: str, tail: str) -> list[str] | None:
    """``head value tail`` too long for a line, as black lays it out when it adds optional
    parentheses: ``value`` alone on an indented line between them; ``None`` when even
    that line does not fit (black then leaves the line as it is)."""
    inner = f"{indent}    {value}"
    if len(inner) > LINE_LENGTH:
        return None
    return [f"{indent}{head}(", inner, f"{indent}){tail}"]


def _parameter(indent: str, item: str) -> list[str]:
    """A line of a split signature, ``name: str | None = None,``; too long, black puts its
    annotation in parentheses, and if it does not fit there either, splits it at each
    ``|`` (a long body type's name)."""
    line = indent + item
    found = _ANNOTATED.fullmatch(item)
    if len(line) <= LINE_LENGTH or found is None:
        return [line]
    name, annotation, default = found.groups()
    tail = f"{default or ''},"
    lines = parenthesized(indent, f"{name}: ", annotation, tail)
    if lines is not None:
        return lines
    first, *rest = annotation.split(" | ")
    if not rest:
        return [line]
    inside = [f"{indent}    {first}", *(f"{indent}    | {part}" for part in rest)]
    return [f"{indent}{name}: (", *inside, f"{indent}){tail}"]


_PLAIN_RETURN = re.compile(r"\) -> ([\w.]+)(:.*)")


def _closing(indent: str, tail: str) -> list[str]:
    """The closing line of a split bracket, ``) -> Page[X]:``; too long, black splits it
    in turn inside the subscript that closes last (``) -> RawResponse[`` / ``Page[X]`` /
    ``]:``), when what it holds is one item."""
    line = indent + tail
    end = tail.rfind("]")
    if len(line) <= LINE_LENGTH:
        return [line]
    plain = _PLAIN_RETURN.fullmatch(tail)
    if end < 0 and plain is not None:  # ``) -> LongName: ...``: black's optional parentheses
        return parenthesized(indent, ") -> ", plain.group(1), plain.group(2)) or [line]
    if end < 0:
        return [line]
    depth, start = 0, -1
    for position in range(end, -1, -1):
        depth += {"]": 1, "[": -1}.get(tail[position], 0)
        if depth == 0:
            start = position
            break
    inner = tail[start + 1 : end]
    if start < 0 or _top_level_comma(inner):
        return [line]
    return [line[: len(indent) + start + 1], f"{indent}    {inner}", indent + tail[end:]]


def _top_level_comma(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"[": 1, "(": 1, "]": -1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            return True
    return False


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


def _triple_quoted_body(text: str) -> str:
    """``text`` escaped to sit between triple double quotes; line breaks stay as they are."""
    if "\\" in text or '"' in text or not text.replace("\n", " ").isprintable():
        return "".join(_doc_char(char) for char in text)
    return text  # nothing to escape: the common case, skipped at once


def text_block(text: str) -> str:
    """A triple-quoted string literal meaning exactly ``text``, its lines kept as they are.

    For data laid out as text (a group's endpoint table): black leaves a string alone,
    where it would split and rejoin a literal per item.
    """
    return '"""' + _triple_quoted_body(text) + '"""'


def data_block(text: str) -> str:
    """:func:`text_block` for data full of double quotes (JSON lines): written as they are
    when nothing in them needs escaping, as black leaves them, so a diff stays readable."""
    plain = '"""' not in text and "\\" not in text and not text.endswith('"')
    if plain and text.replace("\n", " ").isprintable():
        return '"""' + text + '"""'
    return text_block(text)


def docstring(text: str, indent: str = "") -> str:
    """A triple-quoted docstring literal meaning ``text`` (lines re-indented), padded with
    a space where it starts or ends with a quote, as black pads it."""
    body = _triple_quoted_body(text.strip("\n"))
    lines = body.split("\n")
    if len(lines) > 1:
        body = "\n".join(
            [lines[0]] + [(indent + line) if line.strip() else "" for line in lines[1:]]
        )
        body += "\n" + indent
    if body.startswith('"'):
        body = " " + body
    if body.endswith('"'):
        body += " "
    return '"""' + body + '"""'


@dataclass(frozen=True)
class Cut:
    """Where an operation's code starts in a rendered module: at a module-level statement,
    or at its method (``in_class``; group modules cut there). The format stage cuts a
    long module there into pieces it formats apart (:func:`.fmt.pieces`).

    ``verbatim`` code is laid out by construction (names and types through
    :func:`bracketed`, no page text): it is only compiled, never given to black, whose
    slowest input it was (the async stubs). The tests hold it to black's layout.
    """

    offset: int
    in_class: bool
    verbatim: bool = False
