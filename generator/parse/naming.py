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
from functools import lru_cache
from typing import Callable, Container, Iterable

from ..core.diagnostics import NAME_ADJUSTED, NAME_COLLISION
from ..core.model import Operation
from ..runtime._contract import RESERVED_PARAMETERS

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
        "batch",
        "follow",
        "upload",
    }
)
RESERVED_METHODS = frozenset({"client"})


_SNAKE = re.compile(r"[a-z][a-z0-9_]*")
_RESERVED = {"group": RESERVED_GROUPS, "method": RESERVED_METHODS, "parameter": RESERVED_PARAMETERS}


def name_problem(name: str, kind: str) -> str:
    """Why ``name`` may not be a ``kind`` (``group``, ``method``, ``parameter``) name of the
    client, or ``""``. The rules are those the names made from pages and overrides follow
    (:func:`names_for`, :func:`python_name`, :func:`.paths.identifier`): snake_case ASCII
    starting with a letter (so never a dunder nor a private name), not a keyword, not a
    name the client or its groups already use. A name read back from a model file, which
    anyone may edit, must follow them too: it becomes Python source as it is."""
    if not _SNAKE.fullmatch(name):
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


@lru_cache(maxsize=1 << 16)
def _identifier(text: str) -> str:
    name = re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_") or "call"
    return "n_" + name if name[0].isdigit() else name


def python_name(text: str) -> str:
    """A user-chosen name (an override's) as an identifier: snake_case, keyword-safe."""
    name = _identifier(text)
    return name + "_" if keyword.iskeyword(name) else name


# Words from structure. A page stem crushes the case out of the names it is made of
# (``user-sendmail``), but the page's own code spells them: its paths (``/me/sendMail``),
# the code in its title, the types it names. A token of the stem that one of those
# identifiers spells, case aside, takes that identifier's word boundaries.
_CODE_IDENTIFIER = re.compile(r"(?<![0-9A-Za-z])[A-Za-z][0-9A-Za-z]*(?![0-9A-Za-z])")
_WORD = re.compile(
    r"[A-Z]{2,}s(?=[A-Z]|[0-9]|$)|[A-Z]+(?=[A-Z][a-z]|[0-9]|$)|[A-Z]?[a-z]+|[A-Z]+|[0-9]+"
)
Vocabulary = dict[str, tuple[str, ...]]  # an identifier in lower case → its words


def camel_words(identifier: str) -> tuple[str, ...]:
    """``sendMail`` → ``("send", "mail")``; ``B2XUserFlow`` → ``("b2", "x", "user", "flow")``
    is avoided by keeping digits with the letters before them (``b2x``, ``windows10``)."""
    words: list[str] = []
    for word in _WORD.findall(identifier):
        if word.isdigit() and words:
            words[-1] += word
        elif words and words[-1][-1:].isdigit() and word.islower():
            words[-1] += word  # ``b2x``, ``office365``…: a digit run stays inside its word
        elif words == [identifier[:1]] and identifier[:1].islower():
            words[
                -1
            ] += word.lower()  # ``iOS…``, ``eBook``, ``oAuth2`` → ``ios``, ``ebook``, ``oauth2``
        else:
            words.append(word.lower())
    return tuple(words)


def vocabulary(texts: Iterable[str]) -> Vocabulary:
    """The identifiers of ``texts`` (code: paths, type names) that have several words.

    Where two spellings differ (``oneNote``/``onenote``), the one with more words wins,
    then the first in sorted order, so the result does not depend on the texts' order."""
    found: Vocabulary = {}
    for identifier in sorted({m for text in texts for m in _CODE_IDENTIFIER.findall(text)}):
        words = camel_words(identifier)
        key = identifier.lower()
        if len(words) > 1 and len(words) > len(found.get(key, ())):
            found[key] = words
    return found


def pieces_of(known: Vocabulary) -> Vocabulary:
    """The pieces :func:`segment` may put together: the identifiers, and their words."""
    pieces: Vocabulary = dict(known)
    for words in known.values():
        for word in words:
            if len(word) > 1:
                pieces.setdefault(word, (word,))
    for word in [word for word in pieces if len(pieces[word]) == 1]:
        # ``appcatalogs``, ``featurerolloutpolicies``; and ``widgetfolder`` from ``widgetFolders``
        plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
        pieces.setdefault(plural, (plural,))
        if word.endswith("ies") and len(word) > 4:
            pieces.setdefault(word[:-3] + "y", (word[:-3] + "y",))
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            pieces.setdefault(word[:-1], (word[:-1],))
    return pieces


def segment(token: str, known: Vocabulary, pieces: Vocabulary | None = None) -> tuple[str, ...]:
    """``token`` (lower case, no separators) as words: the identifier of ``known`` it
    spells, else the fewest identifiers or words of ``known`` that spell it end to end;
    else the token as one word. Ties go to the longer first piece, so the result is
    deterministic."""
    if token in known:
        return known[token]
    if pieces is None:
        pieces = pieces_of(known)
    best: list[tuple[int, tuple[str, ...]] | None] = [None] * (len(token) + 1)
    best[0] = (0, ())
    for end in range(1, len(token) + 1):
        for start in range(end):
            before = best[start]
            words = pieces.get(token[start:end])
            if before is None or words is None:
                continue
            candidate = (before[0] + 1, before[1] + words)
            current = best[end]
            if current is None or candidate[0] < current[0]:
                best[end] = candidate
    found = best[len(token)]
    return found[1] if found is not None and found[0] > 0 else (token,)


def snake_words(token: str, known: Vocabulary, pieces: Vocabulary | None = None) -> str:
    """Each ``_``-separated part of ``token`` segmented by ``known``, joined by ``_``."""
    if pieces is None:
        pieces = pieces_of(known)
    return "_".join(
        "_".join(segment(part, known, pieces)) if part else part for part in token.split("_")
    )


# Pages of an area prefix, ``intune-<area>-<resource>-<action>``: hundreds of device
# management pages share the first token; their resource is the group.
AREA_PREFIXES = frozenset({"intune"})


@lru_cache(maxsize=1 << 16)
def stem_tokens(stem: str) -> tuple[str, str]:
    """The group and method tokens of a page stem, before any word is found in them."""
    parts = stem.split("-")
    if len(parts) >= 4 and parts[0].lower() in AREA_PREFIXES:
        parts = parts[2:]
    group, rest = parts[0], "-".join(parts[1:])
    return _identifier(group), _identifier(rest) if rest else "call"


def group_token(stem: str) -> str:
    """The group token of a page stem (:func:`stem_tokens`' first), without the method's."""
    parts = stem.split("-")
    if len(parts) >= 4 and parts[0].lower() in AREA_PREFIXES:
        return _identifier(parts[2])
    return _identifier(parts[0])


def area_prefixed(stem: str) -> bool:
    """Whether the page's group comes from an area prefix (it yields a name it shares)."""
    parts = stem.split("-")
    return len(parts) >= 4 and parts[0].lower() in AREA_PREFIXES


def names_for(
    stem: str, line: int, report: Callable[[int, str, str], None], known: Vocabulary | None = None
) -> tuple[str, str]:
    """The group token and the method name of a page: the method's words found in
    ``known`` (the page's own identifiers). The group is named across pages
    (:func:`group_names`), so that every page of a group says it the same way."""
    group, method = stem_tokens(stem)
    method = snake_words(method, known or {})
    adjusted: list[str] = []
    if keyword.iskeyword(group) or group in RESERVED_GROUPS or group.startswith("_"):
        group, adjusted = group + "_", adjusted + [f"group {group!r} → {group}_"]
    if keyword.iskeyword(method) or method in RESERVED_METHODS:
        method, adjusted = method + "_", adjusted + [f"method {method!r} → {method}_"]
    for change in adjusted:
        report(line, NAME_ADJUSTED, f"name adjusted: {change}")
    return group, method


def group_name(
    token: str, known: Vocabulary, pieces: Vocabulary | None = None, own: Vocabulary | None = None
) -> str:
    """A group token (``profilephoto``) in words (``profile_photo``), from the run's type
    names, the same for every page of the group. A token no type name splits
    (``appcatalogs``) takes the words its page's paths give it (``/appCatalogs``), if any."""
    name = snake_words(token, known, pieces)
    if "_" not in name and own:
        name = snake_words(token, own)
    if keyword.iskeyword(name) or name in RESERVED_GROUPS:
        name += "_"
    return name


def group_names(operations: Iterable[Operation], known: Vocabulary) -> list[Operation]:
    """Every operation whose group is still its stem's token, named by :func:`group_name`.

    A token no type name splits takes the words the paths of all its pages give it, so
    that every page of a group names it alike (a rebuild re-analyses every page of such
    a token together: see ``incremental.plan``). A group read from a model file is already
    named, and is left as it is."""
    operations = list(operations)
    pieces = pieces_of(known)
    paths: dict[str, list[str]] = {}
    for operation in operations:
        token = stem_tokens(operation.id)[0]
        if operation.group in (token, token + "_"):
            paths.setdefault(token, []).extend(v.path for v in operation.variants)
    names = {
        token: group_name(token, known, pieces, vocabulary(sorted(set(found))))
        for token, found in paths.items()
    }
    result: list[Operation] = []
    for operation in operations:
        name = names.get(stem_tokens(operation.id)[0])
        if name is not None and operation.group != name:
            operation = replace(operation, group=name)
        result.append(operation)
    return result


def resolve_collisions(
    operations: Iterable[Operation], report: Callable[[str, int, str, str], None]
) -> list[Operation]:
    """Give every operation a unique ``group.method``; the earlier page path keeps the name,
    a page named after its resource before one of an area prefix (``intune-<area>-…``).
    An area page that loses its name takes its area's (``get_onboarding``) before a number,
    so that its name does not depend on how many pages of other areas an edition has."""
    taken: dict[str, Operation] = {}
    result: list[Operation] = []
    ordered = sorted(operations, key=lambda op: (area_prefixed(op.id), op.source, op.id))
    for operation in ordered:
        base = operation.qualified_name
        if base in taken and area_prefixed(operation.id):
            base = f"{base}_{_identifier(operation.id.split('-')[1])}"
        name = unique(base, taken).removeprefix(f"{operation.group}.")
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
    return sorted(result, key=lambda op: (op.source, op.id))
