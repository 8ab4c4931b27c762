"""Client names from page names, predictable by users (the rules are in the README).

group = the page stem up to the first ``-`` (``message-send`` → ``message``);
method = the rest in snake_case (``user-list-messages`` → ``client.user.list_messages``).
Keywords get a trailing ``_``; collisions are resolved in page-path order, the later
page getting ``_2``, ``_3`` …, and every adjustment is reported.
"""

from __future__ import annotations

import hashlib
import keyword
import re
from dataclasses import replace
from typing import Callable, Container, Iterable

from .diagnostics import NAME_ADJUSTED, NAME_COLLISION
from .model import Operation
from .runtime._contract import RESERVED_PARAMETERS

# Attributes of the generated client and group classes that a group or method may not shadow.
RESERVED_GROUPS = frozenset(
    {
        "close",
        "aclose",
        "with_options",
        "with_raw_response",
        "with_streaming_response",
        "base_url",
        "timeout",
        "max_retries",
        "request",
    }
)
RESERVED_METHODS = frozenset({"client"})


_SNAKE = re.compile(r"[a-z][a-z0-9_]*")
NAME_LIMIT = 255  # characters: far over any page's, and a name is also a file name
_RESERVED = {"group": RESERVED_GROUPS, "method": RESERVED_METHODS, "parameter": RESERVED_PARAMETERS}


def name_problem(name: str, kind: str) -> str:
    """Why ``name`` may not be a ``kind`` (``group``, ``method``, ``parameter``) name of the
    client, or ``""``. The rules are those the names made from pages and overrides follow
    (:func:`names_for`, :func:`python_name`, :func:`.paths.identifier`): snake_case ASCII
    starting with a letter (so never a dunder nor a private name), not a keyword, not a
    name the client or its groups already use. A name read back from a model file, which
    anyone may edit, must follow them too: it becomes Python source as it is."""
    if not _SNAKE.fullmatch(name) or len(name) > NAME_LIMIT:
        shown = name if len(name) <= 60 else name[:57] + "..."
        return (
            f"{kind} name {shown!r} is not a Python name as graphdoc makes them "
            "(snake_case: a-z, 0-9 and _, starting with a letter)"
        )
    if keyword.iskeyword(name):
        return f"{kind} name {name!r} is a Python keyword"
    if name in _RESERVED[kind]:
        return f"{kind} name {name!r} is taken by the client itself"
    return ""


def unique(base: str, taken: Container[str], separator: str = "_", start: int = 2) -> str:
    """``base``, or the first of ``base{separator}2``, ``base{separator}3`` … not in ``taken``.

    Every name graphdoc makes unique (method, example, spec file, test id) goes through
    here, so the suffixes users see follow one rule.
    """
    name, suffix = base, start
    while name in taken:
        name, suffix = f"{base}{separator}{suffix}", suffix + 1
    return name


_UNSAFE_FILE_CHARS = re.compile(r"[^0-9A-Za-z._-]+")
FILE_NAME_LIMIT = 120  # characters: well under every filesystem's 255 bytes, suffixes included


def file_name(text: str) -> str:
    """``text`` as one file name that no page content can turn into another folder.

    Every name graphdoc writes that comes from a page (an operation id, hence a spec file
    name; an example's name) passes here: only letters, digits, ``.``, ``_`` and ``-``
    remain, it never starts with ``.`` (so never ``..`` nor a hidden file), and a long one
    is cut and given a hash of the whole, so that two long names stay apart.
    """
    name = _UNSAFE_FILE_CHARS.sub("-", text).lstrip(".-") or "page"
    if len(name) > FILE_NAME_LIMIT:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = f"{name[: FILE_NAME_LIMIT - 9]}-{digest}"
    return name


def _identifier(text: str) -> str:
    name = re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_") or "call"
    return "n_" + name if name[0].isdigit() else name


def python_name(text: str) -> str:
    """A user-chosen name (an override's) as an identifier: snake_case, keyword-safe."""
    name = _identifier(text)
    return name + "_" if keyword.iskeyword(name) else name


def split_stem(stem: str) -> tuple[str, str]:
    group, _, rest = stem.partition("-")
    return _identifier(group), _identifier(rest) if rest else "call"


def names_for(stem: str, line: int, report: Callable[[int, str, str], None]) -> tuple[str, str]:
    group, method = split_stem(stem)
    adjusted: list[str] = []
    if keyword.iskeyword(group) or group in RESERVED_GROUPS or group.startswith("_"):
        group, adjusted = group + "_", adjusted + [f"group {group!r} → {group}_"]
    if keyword.iskeyword(method) or method in RESERVED_METHODS:
        method, adjusted = method + "_", adjusted + [f"method {method!r} → {method}_"]
    for change in adjusted:
        report(line, NAME_ADJUSTED, f"name adjusted: {change}")
    return group, method


def resolve_collisions(
    operations: Iterable[Operation], report: Callable[[str, int, str, str], None]
) -> list[Operation]:
    """Give every operation a unique ``group.method``; the earlier page path keeps the name."""
    taken: dict[str, Operation] = {}
    result: list[Operation] = []
    for operation in sorted(operations, key=lambda op: (op.source, op.id)):
        name = unique(operation.qualified_name, taken).removeprefix(f"{operation.group}.")
        if name != operation.name:
            first = taken[f"{operation.group}.{operation.name}"]
            report(
                operation.source,
                operation.line,
                NAME_COLLISION,
                f"{operation.group}.{operation.name} is already {first.source}; this page is {operation.group}.{name}",
            )
            operation = replace(operation, name=name)
        taken[f"{operation.group}.{name}"] = operation
        result.append(operation)
    return result
