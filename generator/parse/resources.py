"""Resource pages → the types they document (:class:`Resource`, :class:`EnumType`).

Localized editions translate headings, column names and descriptions, so a table is
recognised by its shape, never by its wording:

- a *property table* has two or three columns (name | type | description); its first
  column holds identifier-shaped names and its second type-shaped cells (``String``,
  ``Edm.Int32``, ``[recipient](recipient.md)``, ``Collection(x)``, ``x collection``,
  ``microsoft.graph.x``). A method table fails the first test (its names are links), a
  description-only table the second;
- an *enum table* lists identifier-shaped members alone, or with integer values.

The first property table of a page holds its properties and the second its relationships
(navigation properties); an anchored or English heading above a table confirms which,
and wins when it says otherwise. The JSON representation (the fence after the
``"blockType": "resource"`` annotation) only cross-checks the table, and its annotation
gives the base type, the key and whether the type is open. Every doubt is a diagnostic;
a type word that is neither a known primitive (in any language graphdoc knows) nor a link
stays ``unknown`` until every page is read and it can be resolved against all the types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import lenient_json
from ..core.diagnostics import (
    ENUM_MEMBERS_UNTRUSTED,
    PROPERTY_FROM_JSON,
    PROPERTY_NAME_FROM_JSON,
    PROPERTY_ROW_MALFORMED,
    FILE_TOO_LARGE,
    PAGE_OUTSIDE_INPUT,
    PAGE_UNREADABLE,
    TYPE_CELL_UNCLEAR,
    TYPE_MISSING,
    TYPE_REPRESENTATION_MISMATCH,
    Diagnostic,
    Report,
    Reporter,
)
from ..core.errors import FileTooLarge, NotJSON
from ..pages.discover import inside, read_limited
from ..core.model import PYTHON_PRIMITIVES, EnumType, Property, Resource, TypeRef
from .structure import Block, load_page, section_key

# Canonical Edm primitive names by lower-case spelling (``Edm.`` prefix dropped first).
PRIMITIVES: dict[str, str] = {
    name.lower(): name
    for name in (
        "String",
        "Int16",
        "Int32",
        "Int64",
        "Byte",
        "SByte",
        "Boolean",
        "Single",
        "Double",
        "Decimal",
        "DateTimeOffset",
        "Date",
        "TimeOfDay",
        "Duration",
        "Guid",
        "Binary",
        "Stream",
    )
}
# Other spellings of the primitives seen in tables: English shorthands and the words of
# the localized editions. They help; a word not here is resolved against the types, and
# reported if it names none (never read as String by default).
PRIMITIVE_WORDS: dict[str, str] = {
    "int": "Int32",
    "integer": "Int32",
    "long": "Int64",
    "bool": "Boolean",
    "datetime": "DateTimeOffset",
    "float": "Double",
    "number": "Double",
    "timestamp": "DateTimeOffset",
    "url": "String",
    # es, pt, fr, de, it
    "cadena": "String",
    "cadenas": "String",
    "booleano": "Boolean",
    "booleana": "Boolean",
    "entero": "Int32",
    "fecha": "Date",
    "booléen": "Boolean",
    "chaîne": "String",
    "zeichenfolge": "String",
    "cadeia": "String",
    "inteiro": "Int32",
    "stringa": "String",
}
# Localized type phrases of the translated editions (pt, es, fr, de, it): they help read a
# type cell, and never decide alone where the JSON representation shows the property
# (its JSON kind must agree; see ``_json_settles``).
LOCALIZED_PRIMITIVES: dict[str, str] = {
    "cadeia de caracteres": "String",
    "cadeias de caracteres": "String",
    "cadeia": "String",
    "cadena": "String",
    "cadenas": "String",
    "chaîne": "String",
    "cadena de caracteres": "String",
    "booliano": "Boolean",
    "booleano": "Boolean",
    "booleana": "Boolean",
    "booléen": "Boolean",
    "duplo": "Double",
    "doble": "Double",
    "duração": "Duration",
    "duración": "Duration",
    "durée": "Duration",
    "binário": "Binary",
    "binária": "Binary",
    "binario": "Binary",
    "fluxo": "Stream",
    "secuencia": "Stream",
    "inteiro": "Int32",
    "entero": "Int32",
    "data": "Date",
    "fecha": "Date",
    "número inteiro": "Int32",
    "zeichenfolge": "String",
    "stringa": "String",
}
_CONNECTORS = frozenset({"de", "of", "da", "do", "des", "du", "di", "von", "der"})
# Words that make a type cell a collection (``String collection``, ``Colección String``).
COLLECTION_WORDS = frozenset(
    {"collection", "colección", "coleção", "coleccion", "colecao", "sammlung", "集合"}
    | {"コレクション", "컬렉션", "коллекция", "raccolta", "verzameling", "kolekcja"}
    | {"conjunto", "coleções", "colecciones", "collections", "مجموعة", "集合体", "kolekcji"}
)
# Fragments of a description that state read-only or nullability, in known languages.
_READ_ONLY: tuple[str, ...] = ("read-only", "read only", "readonly", "solo lectura", "sólo lectura")
_READ_ONLY += ("somente leitura", "lecture seule", "schreibgeschützt", "只读", "読み取り専用")
_NOT_NULLABLE: tuple[str, ...] = (
    "not nullable",
    "non-nullable",
    "no acepta valores null",
    "no admite valores null",
)
_NOT_NULLABLE += ("não anulável", "no puede ser null", "not null")
_NULLABLE = ("nullable", "acepta valores null", "admite valores null", "anulable", "pode ser nulo")

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_COLLECTION_OF = re.compile(r"^collection\s*(?:\(\s*(.+?)\s*\)|of\s+(\S+))$", re.I)
_IDENTIFIER = re.compile(r"^@?[A-Za-z_][\w.@-]*$")
# A name cell of a property table: an identifier, or one translated word (``вес``), which
# only the JSON representation can turn into the property's name (see ``_with_json``).
_NAME_SHAPED = re.compile(r"^@?[^\W\d][\w.@-]*$")
_TYPE_NAME = re.compile(r"^[A-Za-z_][\w.]*$")
_NAMESPACE = re.compile(r"\b(microsoft\.graph(?:\.[A-Za-z_]\w*)*)\b")
_INTEGER = re.compile(r"^-?\d+$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_TAGS = re.compile(r"<[^>]+>")
_TOKEN = re.compile(r"[A-Za-z_][\w]*")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_NOTE = re.compile(r"\s+\([^()]*\)$")

# The front matter keys by which a localized edition marks a page: its content locale,
# and how it was translated (any value: a translated page). Structure, not words.
LOCALE_KEY = "ms.contentlocale"
TRANSLATION_KEY = "ms.translationtype"


@dataclass(frozen=True)
class ResourceResult:
    """What one resource page gave: the types it documents, and why not more."""

    path: str
    types: tuple[Resource | EnumType, ...]
    diagnostics: tuple[Diagnostic, ...]
    described: bool  # the page has the structure of a type (a table or annotation of one)
    # The words the page's code holds (JSON fences: keys and the identifiers in string
    # values; code spans: ``Possible values are `low`, `high```): the same in every
    # edition, against which a translated page's enum members are checked once every
    # page is read.
    words: frozenset[str] = frozenset()
    # Enums of a translated page whose members only prose shows (no code span, not
    # camelCase), by qualified name: kept only if the run's JSON shows every one of them.
    unverified: tuple[tuple[str, tuple[str, ...]], ...] = ()


def plain(text: str) -> str:
    """A cell's text without links, tags or emphasis."""
    text = _LINK.sub(r"\1", text)
    text = _TAGS.sub(" ", text.replace("&nbsp;", " "))
    return " ".join(text.replace("**", "").replace("`", "").split())


def _cell_name(cell: str) -> str:
    return plain(cell).strip("* ").replace("\\", "")


def _stem(target: str) -> str:
    """The file stem of a link target: ``../resources/message.md#x`` → ``message``."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path.lower().endswith(".md"):
        return ""
    return Path(path).name[:-3].lower()


def primitive(word: str) -> str:
    """The canonical primitive a type word names, or ``""``."""
    key = word.strip().lower()
    if key.startswith("edm."):
        key = key[4:]
    return PRIMITIVES.get(key) or PRIMITIVE_WORDS.get(key, "")


def type_of(cell: str) -> TypeRef | None:
    """The type a type cell names, or None when the cell is not type-shaped.

    A link decides by its target (the page), a bare word is a primitive when graphdoc
    knows it, else a name left to resolve. Words beside the type make it a collection
    when they are known collection words; any other word makes the cell not type-shaped.
    """
    text = _TAGS.sub(" ", cell.replace("&nbsp;", " ")).replace("`", "").replace("**", "")
    text = _REFERENCE_LINK.sub(r"[\1](#)", " ".join(text.split())).strip(" .")
    text = _NOTE.sub("", text).strip()  # ``String (read-only)``: the note is the description's
    if not text:
        return None
    collection = False
    inner = _COLLECTION_OF.match(text)
    if inner:
        text, collection = inner.group(1) or inner.group(2), True
    links = list(_LINK.finditer(text))
    if len(links) > 1:
        return None
    page = ""
    if links:
        link = links[0]
        rest = (text[: link.start()] + " " + text[link.end() :]).split()
        inside_words = plain(link.group(1)).split()
        if any(word.lower() in COLLECTION_WORDS for word in inside_words):
            collection = True  # ``[coleção accessPackage](accesspackage.md)``
        name = " ".join(w for w in inside_words if w.lower() not in COLLECTION_WORDS)
        page = _stem(link.group(2))
    else:
        words = text.split()
        typed = [w for w in words if _TYPE_NAME.match(w) and w.lower() not in COLLECTION_WORDS]
        if len(typed) != 1:
            return None
        name = typed[0]
        rest = [w for w in words if w is not name]
    for word in rest:
        if word.lower().strip("()") in COLLECTION_WORDS:
            collection = True
        else:
            return None
    inner = _COLLECTION_OF.match(name)
    if inner:
        name, collection = inner.group(1) or inner.group(2), True
    if not name or not _TYPE_NAME.match(name.replace(" ", "")) or not name.isascii():
        if not page:
            return None  # (Graph's type names are ASCII: ``Строка`` is a translated word)
        # a translated link text: the target names the type, by its anchor on a page of
        # several types (``enums.md#deliveryspeed-values``), else by the page
        fragment = links[0].group(2).partition("#")[2].split("-")[0] if links else ""
        name = fragment if _WIRE.match(fragment) else page
    name = name.replace(" ", "")
    known = primitive(name)
    if known and (not page or _edm(name)):
        # ``[DateTimeOffset](timestamp.md)``: a page about the primitive, not a type
        return TypeRef(known, collection, "primitive")
    return TypeRef(name, collection, "unknown", page)


def _edm(name: str) -> bool:
    key = name.lower()
    return (key[4:] if key.startswith("edm.") else key) in PRIMITIVES


def read_type(cell: str) -> TypeRef | None:
    """A type cell's type: :func:`type_of`, else :func:`loose_type`; a bare word that names
    no primitive but is a localized type phrase (``Booliano``) is read as that phrase."""
    ref = type_of(cell)
    if ref is not None and (ref.kind != "unknown" or ref.page):
        return ref
    return loose_type(cell) or ref


def loose_type(cell: str) -> TypeRef | None:
    """A type cell :func:`type_of` cannot read, read more loosely: one link among
    translated words (``conjunto [alert](alert.md)``), or a localized type phrase
    (``Coleção de cadeias de caracteres``). The caller confirms it against the JSON
    representation where it can."""
    text = _TAGS.sub(" ", cell.replace("&nbsp;", " ")).replace("`", "").replace("**", "")
    text = _REFERENCE_LINK.sub(r"[\1](#)", " ".join(text.split())).strip(" .")
    text = _NOTE.sub("", text).strip()
    links = list(_LINK.finditer(text))
    words = [w.strip("().,;:").lower() for w in _LINK.sub(" ", text).split()]
    collection = any(word in COLLECTION_WORDS for word in words)
    if len(links) == 1:
        page = _stem(links[0].group(2))
        name = plain(links[0].group(1)).replace(" ", "")
        if name and _edm(name):
            return TypeRef(primitive(name), collection, "primitive")
        if not page:
            return None
        if not name or not _TYPE_NAME.match(name):
            name = page
        return TypeRef(name, collection, "unknown", page)
    if links:
        return None
    rest = [w for w in words if w and w not in COLLECTION_WORDS]
    if rest and rest[0] in _CONNECTORS:
        rest = rest[1:]  # ``Coleção de cadeias de caracteres``
    phrase = " ".join(rest)
    known = LOCALIZED_PRIMITIVES.get(phrase) or primitive(phrase.replace(" ", ""))
    if not known and len(rest) == 1:
        known = LOCALIZED_PRIMITIVES.get(rest[0].rstrip("s"), "")
    return TypeRef(known, collection, "primitive") if known else None


def is_property_table(block: Block, keys: frozenset[str] = frozenset()) -> bool:
    """Whether a table lists properties, by shape: 2 to 4 columns; names (not links to
    other pages) in the first; in the second, types — cells :func:`type_of` reads, or
    (translated) cells :func:`loose_type` reads or whose row names a key of the page's
    JSON representation (``keys``). At least one type must be a primitive, a link or a
    collection: a column of plain values (``preset0 | Red``) is no type column."""
    if block.kind != "table" or len(block.rows) < 2:
        return False
    header = block.rows[0]
    if not 2 <= len(header) <= 4:
        return False
    body = [row for row in block.rows[1:] if any(cell.strip() for cell in row)]
    named = [
        row for row in body if _NAME_SHAPED.match(_cell_name(row[0])) and "../api/" not in row[0]
    ]
    strict = [type_of(row[1]) if len(row) > 1 else None for row in named]
    loose = [read_type(row[1]) if len(row) > 1 else None for row in named]
    typed = sum(1 for ref in strict if ref is not None)
    read = sum(1 for ref in loose if ref is not None)
    strong = sum(
        1
        for ref, row in zip(loose, named)
        if ref is not None
        and (ref.kind == "primitive" or ref.collection or "](" in row[1] or "][" in row[1])
    )
    in_json = sum(1 for row in named if _cell_name(row[0]) in keys)
    # a section label row (``**Attachments**`` alone) is allowed; most rows must fit
    if not body or len(named) * 3 < len(body) * 2 or not (strong or in_json * 2 >= len(body)):
        return False
    fits = len(named)
    return typed * 4 >= fits * 3 or read * 4 >= fits * 3 or in_json * 2 >= fits


def resource_link(text: str) -> tuple[str, str] | None:
    """The first link of ``text`` to a page of a ``resources`` folder: its stem, and the
    sentence around it."""
    for link in _LINK.finditer(text):
        target = link.group(2).split("#", 1)[0]
        if "resources/" in target and target.lower().endswith(".md"):
            start = max(text.rfind(".", 0, link.start()) + 1, 0)
            end = text.find(". ", link.end())
            return _stem(target), text[start : end if end >= 0 else len(text)]
    return None


def _is_enum_table(block: Block) -> bool:
    if block.kind != "table" or not block.rows:
        return False
    header, body = block.rows[0], block.rows[1:]
    if not body or len(header) > 3:
        return False
    # members are identifiers, or (translated) short words, read and then distrusted
    if not all(_member_shaped(row[0]) for row in body if row and row[0].strip()):
        return False
    if len(header) == 1:
        return True
    values = [row[1].strip() for row in body if len(row) > 1 and row[1].strip()]
    return bool(values) and all(_INTEGER.match(value) for value in values)


def _member_shaped(cell: str) -> bool:
    name = _cell_name(cell)
    if _IDENTIFIER.match(name):
        return True
    return not _LINK.search(cell) and 0 < len(name.split()) <= 4 and len(name) <= 60


def _flags(description: str) -> tuple[bool | None, bool | None]:
    """(nullable, read-only) as the description states them, ``None`` when it does not."""
    lowered = description.lower()
    read_only = True if any(word in lowered for word in _READ_ONLY) else None
    nullable: bool | None = None
    if any(word in lowered for word in _NOT_NULLABLE):
        nullable = False
    elif any(word in lowered for word in _NULLABLE):
        nullable = True
    return nullable, read_only


def properties_of(
    block: Block, report: Report, shown: dict[str, Any] | None = None
) -> tuple[Property, ...]:
    """The rows of a property table. A row whose type cell is not type-shaped is reported
    (GD073) and kept with an unknown type, so that no documented property is lost; a row
    with no name where a name belongs is reported (GD102) and skipped, the rest read.

    A type read from a localized word (``Booliano``) never decides alone: where the JSON
    representation (``shown``) gives the property a value of another JSON kind (``12``
    for a ``Cadeia``), the JSON's type is taken (GD072)."""
    found: list[Property] = []
    for offset, row in enumerate(block.rows[1:]):
        line = block.line + 2 + offset
        if not row or not row[0].strip():
            if any(cell.strip() for cell in row):
                report(line, PROPERTY_ROW_MALFORMED, "a property row with no name; skipped")
            continue
        name = _cell_name(row[0])
        if len(row) < 2 or not any(cell.strip() for cell in row[1:]):
            continue  # a label row (``**Attachments**``)
        if not _NAME_SHAPED.match(name):
            report(
                line,
                PROPERTY_ROW_MALFORMED,
                f"a property row whose name {name[:40]!r} is no identifier; skipped",
            )
            continue
        if not row[1].strip():
            report(line, TYPE_CELL_UNCLEAR, f"property {name!r} has no type")
            found.append(Property(name, TypeRef(""), line=line))
            continue
        ref = read_type(row[1])
        strict = type_of(row[1])
        if ref is not None and ref.kind == "primitive" and (strict is None or strict != ref):
            hint = _json_hint(shown.get(name)) if shown else None
            if hint is not None and _json_family(hint) != _json_family(ref):
                report(
                    line,
                    TYPE_REPRESENTATION_MISMATCH,
                    f"property {name!r}: the type word {plain(row[1])[:40]!r} reads as "
                    f"{ref.name}, the JSON representation shows {hint.name}; the JSON's is kept",
                )
                ref = replace(hint, collection=hint.collection or ref.collection)
        if ref is None:
            report(
                line,
                TYPE_CELL_UNCLEAR,
                f"property {name!r}: type cell {plain(row[1])[:60]!r} names no type",
            )
            ref = TypeRef("")
        description = plain(row[-1]) if len(row) > 2 else ""
        nullable, read_only = _flags(description)
        found.append(Property(name, ref, nullable, read_only, description, line))
    return tuple(found)


def _annotation(
    blocks: tuple[Block, ...], report: Report
) -> tuple[dict[str, Any], int, Block | None]:
    """The page's resource annotation, its line, and the JSON fence it introduces."""
    for index, block in enumerate(blocks):
        if block.kind != "html":
            continue
        for match in _COMMENT.finditer(block.text):
            body = match.group(1).strip()
            if not body.startswith("{") or "resource" not in body.lower():
                continue
            try:
                data, _ = lenient_json.loads(body)
            except NotJSON:
                continue
            if not isinstance(data, dict):
                continue
            kind = next((v for k, v in data.items() if k.lower() == "blocktype"), "")
            if str(kind).strip().lower() != "resource":
                continue
            line = block.line + block.text.count("\n", 0, match.start())
            fence = next((b for b in blocks[index + 1 :] if b.kind == "fence"), None)
            return data, line, fence
    return {}, 0, None


def _split_name(qualified: str) -> tuple[str, str]:
    qualified = qualified.strip().lstrip("#")
    if "." not in qualified:
        return "", qualified
    namespace, _, name = qualified.rpartition(".")
    return namespace, name


def _heading_before(blocks: tuple[Block, ...], index: int) -> Block | None:
    for block in reversed(blocks[:index]):
        if block.kind == "heading":
            return block
    return None


def _enum_name(
    heading: Block | None,
    stem: str,
    title: Block | None,
    labels: frozenset[str],
    spelled: dict[str, str],
) -> str:
    """The enum a members table lists, by structure: the token of its heading that the
    heading's anchor starts with; else, on a page of several enums, the one token of the
    heading that is not a label word all the page's enum headings share (``values``,
    ``valores``); else its one camelCase token; the same on the page title for a page of
    one enum, where the stem's last part may also name it (``…-dayofweek``)."""
    last = stem.rsplit("-", 1)[-1]
    for block in (heading, title):
        if block is None:
            continue
        tokens = _TOKEN.findall(plain(block.text))
        anchor = block.anchor.lower().replace("-", "")
        for token in tokens:
            lowered = token.lower()
            if len(lowered) > 2 and (
                (anchor.startswith(lowered) and anchor != lowered) or lowered == last
            ):
                return str(token)
        if (
            block is heading
            and anchor
            and not any(anchor.startswith(token.lower()) for token in tokens if len(token) > 2)
        ):
            # an explicit anchor no word of the heading matches: the heading was
            # translated (``valores de importancia`` over ``importance-values``)
            whole = block.anchor.lower().split("-")
            parts = [part for part in whole if part not in labels]
            if len(parts) == 1 and len(whole) > 1 and _WIRE.match(parts[0]):
                return spelled.get(parts[0], parts[0])
        rest = [t for t in tokens if t.lower() not in labels]
        if block is heading and labels and len(rest) == 1:
            return str(rest[0])
        camel = [t for t in tokens if re.search(r"[a-z][A-Z]", t)]
        if len(camel) == 1:
            return str(camel[0])
    return ""


def _label_words(headings: list[Block | None]) -> frozenset[str]:
    """The words most enum headings (or their anchors) of a page share: labels, not names
    (``values``, ``valores``)."""
    present = [h for h in headings if h is not None]
    if len(present) < 2:
        return frozenset()
    counts: dict[str, int] = {}
    for heading in present:
        words = {t.lower() for t in _TOKEN.findall(plain(heading.text))}
        words |= set(heading.anchor.lower().split("-")) - {""}
        for token in words:
            counts[token] = counts.get(token, 0) + 1
    return frozenset(word for word, count in counts.items() if count * 2 > len(present))


_WIRE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def member_doubt(members: tuple[str, ...]) -> str:
    """Why the members of an enum table cannot be the values Graph sends, or ``""``:
    a member that is no ASCII identifier (a space, an accent: translated prose), or
    members whose first letters mix cases (``domingo``, ``Martes``) as machine
    translation leaves them; Graph's members share one case."""
    odd = [member for member in members if not _WIRE.match(member)]
    if odd:
        return f"members {', '.join(repr(m) for m in odd[:3])} are not identifiers"
    if not members:
        return "no members"
    cases = {member[0].isupper() for member in members if member != "unknownFutureValue"}
    if len(cases) > 1:
        return "its members mix upper- and lower-case first letters"
    return ""


def _self_evident(member: str) -> bool:
    """A member translation leaves as it is: camelCase or with digits (``alwaysEnabled``)."""
    return bool(re.search(r"[a-z][A-Z0-9]|[0-9]", member)) or member == "unknownFutureValue"


def _json_words(blocks: tuple[Block, ...]) -> frozenset[str]:
    words: set[str] = set()
    for block in blocks:
        if block.kind != "fence" or "json" not in block.info.lower():
            continue
        try:
            data, _ = lenient_json.loads(block.text)
        except NotJSON:
            continue
        stack: list[Any] = [data]
        while stack and len(words) < 100_000:
            value = stack.pop()
            if isinstance(value, dict):
                words.update(str(key) for key in value)
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str):
                words.update(_TOKEN.findall(value))
    return frozenset(words)


def json_kind(value: Any) -> str:
    """The JSON kind of a decoded value, as diagnostics name it."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _cross_check(
    resource: Resource,
    data: dict[str, Any],
    example: Any,
    line: int,
    report: Report,
) -> None:
    """Compare the property tables with the JSON representation (GD072). An array in the
    JSON settles a type cell whose collection word graphdoc did not know."""
    if not isinstance(example, dict):
        return
    optional = {str(name) for name in data.get("optionalProperties") or () if isinstance(name, str)}
    documented = {p.name: p for p in resource.properties + resource.relationships}
    shown = {key: value for key, value in example.items() if "@" not in key}
    for key in shown:
        if key not in documented:
            report(
                line,
                TYPE_REPRESENTATION_MISMATCH,
                f"{resource.name}: JSON representation shows {key!r}, no table documents it",
            )
    for prop in resource.properties:
        if prop.name not in shown and prop.name not in optional:
            report(
                prop.line,
                TYPE_REPRESENTATION_MISMATCH,
                f"{resource.name}: property {prop.name!r} is missing from the JSON representation",
            )
    for prop in resource.properties + resource.relationships:
        if prop.name not in shown or shown[prop.name] is None or not prop.type.name:
            continue
        kind = json_kind(shown[prop.name])
        if prop.type.collection and kind != "array":
            report(
                prop.line,
                TYPE_REPRESENTATION_MISMATCH,
                f"{resource.name}.{prop.name}: a collection in the table, {kind} in the JSON representation",
            )
        elif not prop.type.collection and kind == "array":
            report(
                prop.line,
                TYPE_REPRESENTATION_MISMATCH,
                f"{resource.name}.{prop.name}: a single value in the table, an array in the JSON representation",
            )
        elif kind == "object" and prop.type.kind == "primitive" and prop.type.name != "Stream":
            report(
                prop.line,
                TYPE_REPRESENTATION_MISMATCH,
                f"{resource.name}.{prop.name}: {prop.type.name} in the table, an object in the JSON representation",
            )


_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def json_type(value: Any) -> TypeRef | None:
    """The type a JSON representation's value shows: ``"String (timestamp)"``, ``true``,
    ``12``, ``["String"]``, ``{"@odata.type": "microsoft.graph.x"}``; ``None`` when it
    shows none (``null``, an object without its type)."""
    if isinstance(value, list):
        inner = json_type(value[0]) if value else None
        return replace(inner, collection=True) if inner is not None else None
    if isinstance(value, bool):
        return TypeRef("Boolean", False, "primitive")
    if isinstance(value, int):
        return TypeRef("Int32", False, "primitive")
    if isinstance(value, float):
        return TypeRef("Double", False, "primitive")
    if isinstance(value, dict):
        declared = value.get("@odata.type")
        if isinstance(declared, str) and _TYPE_NAME.match(declared.strip().lstrip("#")):
            return TypeRef(declared.strip().lstrip("#"), False, "unknown")
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    head = text.split("(", 1)[0].strip()
    note = text[len(head) :].lower()
    if "timestamp" in note or _TIMESTAMP.match(text):
        return TypeRef("DateTimeOffset", False, "primitive")
    known = primitive(head) if " " not in head else ""
    if known:
        return TypeRef(known, False, "primitive")
    if text.lstrip("#").lower().startswith("microsoft.graph.") and _TYPE_NAME.match(
        text.lstrip("#")
    ):
        return TypeRef(text.lstrip("#"), False, "unknown")
    return TypeRef("String", False, "primitive")


def _json_hint(value: Any) -> TypeRef | None:
    """The type a JSON value shows with confidence: a literal (``true``, ``12``) or a
    primitive's name (``"Boolean"``, ``"String (timestamp)"``), never a bare string."""
    if isinstance(value, list):
        inner = _json_hint(value[0]) if value else None
        return replace(inner, collection=True) if inner is not None else None
    if isinstance(value, (bool, int, float)):
        return json_type(value)
    if isinstance(value, str):
        head = value.strip().split("(", 1)[0].strip()
        if primitive(head) or "timestamp" in value.lower():
            return json_type(value)
    return None


def _json_family(ref: TypeRef) -> str:
    """The JSON kind a primitive travels as: strings, numbers or booleans."""
    python = {"str": "string", "int": "number", "float": "number", "bool": "boolean"}
    return python.get(PYTHON_PRIMITIVES.get(ref.name, ""), ref.name)


def _kind_fits(ref: TypeRef, value: Any) -> bool:
    if value is None or not ref.name:
        return True
    if isinstance(value, list) != ref.collection:
        return False
    return True


def _with_json(
    properties: tuple[Property, ...],
    relationships: tuple[Property, ...],
    shown: dict[str, Any],
    line: int,
    has_table: bool,
    report: Report,
    translated: bool = True,
) -> tuple[tuple[Property, ...], tuple[Property, ...]]:
    """The table rows, with what the JSON representation (code in every edition) settles:

    - on a translated page (or for a name in another script), a row whose name is no JSON
      key, between two rows that are, takes the one key the JSON shows between those two
      that no row names (a translated name: GD101). On a page in the language it was
      written in, the table's name holds (the JSON then has a typo: GD072);
    - an array in the JSON makes a single-valued row a collection (GD072);
    - a row whose type cell named no type takes the type the JSON value shows;
    - with no property table at all, the JSON's keys are the properties (GD103)."""
    keys = list(shown)
    position = {key: index for index, key in enumerate(keys)}
    rows = list(properties + relationships)
    taken = {prop.name for prop in rows if prop.name in position}
    groups: dict[tuple[int, int], list[int]] = {}
    for index, prop in enumerate(rows):
        if prop.name in position or (not translated and prop.name.isascii()):
            continue
        before = [position[p.name] for p in rows[:index] if p.name in position]
        after = [position[p.name] for p in rows[index + 1 :] if p.name in position]
        if before or after:
            low = max(before) if before else -1
            high = min(after) if after else len(keys)
            groups.setdefault((low, high), []).append(index)
    for (low, high), members in groups.items():
        candidates = [key for key in keys[low + 1 : high] if key not in taken]
        if len(candidates) != len(members):
            continue
        pairs = list(zip(members, candidates))
        if not all(_kind_fits(rows[index].type, shown[key]) for index, key in pairs):
            continue
        for index, key in pairs:
            prop = rows[index]
            report(
                prop.line,
                PROPERTY_NAME_FROM_JSON,
                f"property {prop.name!r} is no key of the JSON representation; "
                f"it stands where the JSON shows {key!r}, which is kept",
            )
            rows[index] = replace(prop, name=key)
            taken.add(key)
    for index, prop in enumerate(rows):
        value = shown.get(prop.name)
        if value is None:
            continue
        found = json_type(value)
        if not prop.type.name and found is not None:
            rows[index] = replace(prop, type=found)
        elif isinstance(value, list) and prop.type.name and not prop.type.collection:
            report(
                prop.line,
                TYPE_REPRESENTATION_MISMATCH,
                f"property {prop.name!r}: a single value in the table, an array in the JSON "
                "representation; read as a collection",
            )
            rows[index] = replace(prop, type=replace(prop.type, collection=True))
    split = len(properties)
    if not has_table:
        for key, value in shown.items():
            if not _IDENTIFIER.match(key):
                continue
            found = json_type(value) or TypeRef("")
            report(
                line,
                PROPERTY_FROM_JSON,
                f"property {key!r} is shown only by the JSON representation; typed from it",
            )
            rows.insert(split, Property(key, found, line=line))
            split += 1
    return tuple(rows[:split]), tuple(rows[split:])


def _named(rows: tuple[Property, ...], report: Report) -> tuple[Property, ...]:
    """The rows whose name is an identifier: a translated name the JSON representation did
    not settle is no property name of Graph's (GD102)."""
    kept: list[Property] = []
    for prop in rows:
        if _IDENTIFIER.match(prop.name) and prop.name.isascii():
            kept.append(prop)
        else:
            report(
                prop.line,
                PROPERTY_ROW_MALFORMED,
                f"property {prop.name!r}: a translated name no key of the JSON representation "
                "settles; skipped",
            )
    return tuple(kept)


def parse_resource_text(path: str, text: str, source: str | None = None) -> ResourceResult:
    """The types of a resource page's text; never raises on page content."""
    report = Reporter(path)
    page, _, _ = load_page(path, text)
    stem = Path(path).name.split(".")[0].lower()
    blocks = page.blocks
    title = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
    title_tokens = _TOKEN.findall(plain(title.text)) if title is not None else []
    data, annotation_line, fence = _annotation(blocks, report)
    namespace = ""
    for block in blocks:
        if block.kind == "paragraph" and block.depth == 0 and block.text.count(" ") < 6:
            found = _NAMESPACE.search(block.text)
            if found:
                namespace = found.group(1)
                break
    summary = ""
    for block in blocks:
        if block.kind == "heading" and title is not None and block.line > title.line:
            break
        if (
            block.kind == "paragraph"
            and block.depth == 0
            and title is not None
            and block.line > title.line
        ):
            if not _NAMESPACE.search(block.text) and not block.text.startswith(("[!", ">", "<!--")):
                summary = plain(block.text)
                break
    if not summary:
        summary = str(page.front_matter.get("description") or "").strip()
    front = page.front_matter
    locale = str(front.get(LOCALE_KEY) or "").strip().lower()
    translated = bool(locale and not locale.startswith("en")) or bool(
        str(front.get(TRANSLATION_KEY) or "").strip()
    )
    example: Any = None
    if fence is not None:
        try:
            example, _ = lenient_json.loads(fence.text)
        except NotJSON:
            report(
                fence.line, TYPE_REPRESENTATION_MISMATCH, "the JSON representation does not parse"
            )
    shown = (
        {k: v for k, v in example.items() if isinstance(k, str) and "@" not in k}
        if isinstance(example, dict)
        else {}
    )
    doc_type = str(page.front_matter.get("doc_type") or "").strip().lower()
    # a page its front matter calls conceptual (an overview) documents no type unless a
    # resource annotation says so: its tables of scenarios and links are not properties
    conceptual = doc_type.startswith("conceptual") and not data
    tables: list[tuple[int, Block]] = [
        (index, block)
        for index, block in enumerate(blocks)
        if not conceptual and is_property_table(block, frozenset(shown))
    ]
    enums = [(index, block) for index, block in enumerate(blocks) if _is_enum_table(block)]
    types: list[Resource | EnumType] = []
    described = bool(tables or enums or data) or doc_type.startswith(("resource", "enum"))
    odata_type = str(data.get("@odata.type") or data.get("@type") or "") if data else ""
    if tables or data:
        properties: tuple[Property, ...] = ()
        relationships: tuple[Property, ...] = ()
        position = 0
        for index, block in tables:
            heading = _heading_before(blocks, index)
            key = section_key(heading) if heading is not None else ""
            if key.startswith("method"):
                continue  # a methods table of plain names (``List | Collection of x``)
            read = properties_of(block, report, shown)
            if key.startswith("relationship") or (not key.startswith("propert") and position == 1):
                relationships += read
            elif key.startswith("propert") or position == 0:
                properties += read
            else:
                report(
                    block.line,
                    TYPE_CELL_UNCLEAR,
                    "a further property table that is neither properties nor relationships; read as properties",
                )
                properties += read
            position += 1
        if shown and fence is not None:
            json_line = annotation_line or fence.line
            properties, relationships = _with_json(
                properties, relationships, shown, json_line, bool(tables), report, translated
            )
        properties, relationships = _named(properties, report), _named(relationships, report)
        type_namespace, name = _split_name(odata_type) if odata_type else ("", "")
        if not name:
            name = next((t for t in title_tokens if stem.endswith(t.lower())), "")
            name = name or next((t for t in title_tokens if re.search(r"[a-z][A-Z]", t)), "")
            name = name or (title_tokens[0] if title_tokens else stem)
        base = data.get("baseType") if data else None
        resource = Resource(
            name=name,
            namespace=type_namespace or namespace or "microsoft.graph",
            base_type=str(base).lstrip("#") if isinstance(base, str) else "",
            key=str(data.get("keyProperty") or "") if data else "",
            open_type=bool(data.get("openType")) and str(data.get("openType")).lower() != "false",
            abstract=str(data.get("abstract") or data.get("isAbstract") or "").lower() == "true",
            properties=properties,
            relationships=relationships,
            description=summary,
            source=source or path,
            line=title.line if title is not None else 1,
        )
        if fence is not None and example is not None:
            _cross_check(resource, data, example, annotation_line or fence.line, report)
        if not tables and not shown:
            report(
                resource.line,
                TYPE_MISSING,
                f"{resource.name}: no property table; the type has no properties",
            )
        types.append(resource)
    code = set(_CODE_SPAN.findall(text))
    unverified: list[tuple[str, tuple[str, ...]]] = []
    headings = [_heading_before(blocks, index) for index, _ in enums]
    spelled = {token.lower(): token for token in _TOKEN.findall(text) if not token.islower()}
    labels = _label_words(headings) if len(enums) > 1 else frozenset()
    for (index, block), heading in zip(enums, headings):
        enum_name = _enum_name(heading, stem, title if len(enums) == 1 else None, labels, spelled)
        cells = [row[0] for row in block.rows[1:] if row and row[0].strip()]
        members = tuple(_cell_name(cell) for cell in cells)
        if not enum_name:
            report(block.line, TYPE_MISSING, "an enum table with no type name above it")
            continue
        enum_namespace = namespace or "microsoft.graph"
        doubt = member_doubt(members)
        if doubt:
            report(
                block.line,
                ENUM_MEMBERS_UNTRUSTED,
                f"enum {enum_name}: {doubt}; typed str",
            )
            members = ()
        elif translated:
            prose = tuple(
                member
                for member, cell in zip(members, cells)
                if "`" not in cell and member not in code and not _self_evident(member)
            )
            if prose:
                unverified.append((f"{enum_namespace}.{enum_name}", prose))
        types.append(
            EnumType(
                enum_name,
                members,
                enum_namespace,
                "",
                source or path,
                heading.line if heading is not None else block.line,
            )
        )
    if not types:
        report(
            title.line if title is not None else 1,
            TYPE_MISSING,
            "no type: no property, enum or resource annotation",
        )
    return ResourceResult(
        path,
        tuple(types),
        tuple(report.items),
        described,
        _json_words(blocks) | frozenset(w for span in code for w in _TOKEN.findall(span)),
        tuple(unverified),
    )


def parse_resource_file(path: str, source: str | None = None, root: str = "") -> ResourceResult:
    """Read a resource page as api pages are read: inside its docs tree (``root``), a
    regular file, within the size limit."""
    report = Reporter(path)
    if root and inside(root, path) is None:
        report(
            1, PAGE_OUTSIDE_INPUT, "page leads out of the input folder, or is not a regular file"
        )
        return ResourceResult(path, (), tuple(report.items), False)
    try:
        text = read_limited(path).decode("utf-8-sig")
    except FileTooLarge as error:
        report(1, FILE_TOO_LARGE, f"page {error}")
        return ResourceResult(path, (), tuple(report.items), False)
    except (OSError, UnicodeDecodeError) as error:
        report(1, PAGE_UNREADABLE, f"cannot read page: {error}")
        return ResourceResult(path, (), tuple(report.items), False)
    return parse_resource_text(path, text.replace("\r\n", "\n").replace("\r", "\n"), source)
