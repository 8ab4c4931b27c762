"""Permission tables: who may call an operation, and with which least-privileged scopes.

Three shapes exist: the legacy 2-column table (type | permissions, in the order its header
states), the current 3-column table (type | least privileged | higher privileged), inline
or through an ``[!INCLUDE]`` of ``includes/permissions/NAME.md``, and the transposed
per-resource table (resource | one column per permission type).

Every edition is read the same way, because the structure is the same in every language
while the words are not: row kinds come from the rows' order (delegated work or school,
delegated personal, application: the order of every 2- and 3-column table of the shared
corpora), and a known label only confirms it; lists split on the separators of every
script; the direction of a 2-column list comes from its header when graphdoc knows the
phrase, else from the permission names themselves (``X.Read`` is below ``X.ReadWrite``).
A cell with no permission name in it ("Not supported.", "No admitida.", "不支持。", empty
…) means no permission, whatever its wording, so no list of translations is needed for
that. Words help (known labels, header phrases, "and"/"or"), but never decide alone:
where only a word could decide and it is unknown, a diagnostic says what was assumed.
"""

from __future__ import annotations

import re
from typing import Literal

from ..core.diagnostics import (
    PERMISSIONS_CONNECTOR_AMBIGUOUS,
    PERMISSIONS_DIRECTION_CONTRADICTED,
    PERMISSIONS_DIRECTION_INFERRED,
    PERMISSIONS_INCOMPLETE,
    PERMISSIONS_ROW_KIND_BY_POSITION,
    PERMISSIONS_ROW_ORDER_UNUSUAL,
    PERMISSIONS_ROW_UNRECOGNISED,
    PERMISSIONS_TABLE_MALFORMED,
    Report,
)
from ..core.model import PERMISSION_KINDS, PermissionKind, PermissionRow, Permissions
from .structure import Block

Order = Literal["least_to_most", "most_to_least", "unstated", "columns"]

_SCOPE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_TAGS = re.compile(r"<[^>]+>")
_INCLUDE = re.compile(r"\[!INCLUDE\s*\[[^\]]*\]\(([^)\s]+)\)\s*\]", re.I)
_LETTER = re.compile(r"[^\W\d_]")
# List separators of every script the documentation is written in: the Latin comma and
# semicolon, the ideographic and full-width comma, enumeration comma and semicolon, the
# Arabic comma and semicolon, the small forms, the Greek question mark (its semicolon),
# the Ethiopic and Armenian commas, and a line break (``<br>`` or a newline) in a cell.
_SEPARATORS = re.compile(
    "[,;\n\u037e\u055d\u060c\u061b\u1363\u1364\u2e41\u3001\uff0c\uff1b\ufe10\ufe11\ufe50\ufe51\ufe54]"
)
# Words that join two permission names. Known words decide "one of" against "all of";
# an unknown word is read as "all of" (asking for more never under-states a requirement)
# and reported.
_OR_WORDS = frozenset(
    {"or", "o", "ou", "oder", "of", "oppure", "или", "либо", "或", "或者", "または", "또는"}
    | {"أو", "lub", "albo", "veya", "ya da", "vagy", "eller", "nebo", "sau", "hoặc", "หรือ"}
)
_AND_WORDS = frozenset(
    {"and", "y", "e", "et", "und", "en", "и", "和", "及", "以及", "および", "と", "및"}
    | {"그리고", "و", "i", "oraz", "ve", "és", "og", "och", "a", "și", "và", "และ"}
    | {"plus", "más", "mais", "além de"}
)

# Lower-case fragments of row labels; order matters (personal before the generic delegated).
_LABELS: tuple[tuple[PermissionKind, tuple[str, ...]], ...] = (
    ("delegated_personal", ("personal", "persönlich", "personnel", "pessoal", "個人", "个人")),
    (
        "delegated_work",
        (
            "work or school",
            "profesional o educativa",
            "professionnel",
            "geschäfts",
            "corporativa",
            "delegated",
            "delegado",
            "délégué",
            "delegiert",
            "delegato",
        ),
    ),
    (
        "application",
        ("application", "aplicación", "anwendung", "aplicativo", "applicazione", "app-only"),
    ),
)
_MOST_TO_LEAST: tuple[str, ...] = (
    "most to least",
    "de más a menos",
    "du plus au moins",
    "vom höchsten",
)
_MOST_TO_LEAST += ("máximos a mínimos",)
_LEAST_TO_MOST: tuple[str, ...] = (
    "least to most",
    "de menos a más",
    "du moins au plus",
    "vom niedrigsten",
)
_LEAST_TO_MOST += ("menos para a com mais", "do mínimo para o mais", "do menos para o mais")

# The privilege order of permission names, as data. A name is RESOURCE.ACCESS[.QUALIFIER];
# two names compare only when each part compares (same word, or both ranked here), and a
# resource compares only with itself or one it is known to cover.
_ACCESS_RANK = {"readbasic": 1, "read": 2, "readwrite": 3, "manage": 4, "fullcontrol": 5}
_QUALIFIER_RANK = {"": 0, "ownedby": 1, "shared": 1, "all": 2}
_COVERS = {
    "directory": frozenset(
        {"user", "group", "groupmember", "application", "device", "administrativeunit"}
    ),
}


def _clean(cell: str) -> str:
    cell = _LINK.sub(r"\1", cell)
    cell = _BREAK.sub("\n", cell)
    cell = _TAGS.sub(" ", cell)
    return cell.replace("**", "").replace("`", "").replace("&nbsp;", " ").strip()


def names_in(cell: str) -> list[str]:
    """The permission-shaped names of a cell, in order."""
    return _SCOPE.findall(_clean(cell))


def _scopes(cell: str) -> tuple[tuple[tuple[str, ...], ...], list[str]]:
    """Alternatives in documented order, and the unknown words read as "all of"."""
    alternatives: list[tuple[str, ...]] = []
    unknown: list[str] = []
    for piece in _SEPARATORS.split(_clean(cell)):
        matches = list(_SCOPE.finditer(piece))
        if not matches:
            continue
        group = [matches[0].group(0)]
        for previous, match in zip(matches, matches[1:]):
            between = " ".join(
                piece[previous.end() : match.start()].replace("\\", "").replace("*", "").split()
            ).lower()
            if not _LETTER.search(between) or between in _OR_WORDS:
                alternatives.append(tuple(group))
                group = [match.group(0)]
                continue
            if between not in _AND_WORDS:
                unknown.append(between)
            group.append(match.group(0))
        alternatives.append(tuple(group))
    return tuple(alternatives), unknown


def scopes_of(cell: str) -> tuple[tuple[str, ...], ...]:
    """Alternatives in documented order; each a tuple of scopes needed together.

    Every list separator (``,`` ``;`` ``、`` ``，`` ``；`` ``،`` …, a line break) and a
    known "or" separate alternatives, as does mere space or punctuation; "and" in any
    known language, or an unknown word, makes a conjunction. Footnote asterisks are dropped.
    """
    return _scopes(cell)[0]


def row_kind(label: str) -> PermissionKind | None:
    text = _clean(label).lower()
    for kind, fragments in _LABELS:
        if any(fragment in text for fragment in fragments):
            return kind
    return None


def _rank(name: str) -> tuple[str, str, int | None, str, int | None]:
    parts = name.lower().split(".")
    access, qualifier = parts[1], ".".join(parts[2:])
    return parts[0], access, _ACCESS_RANK.get(access), qualifier, _QUALIFIER_RANK.get(qualifier)


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def compare(first: str, second: str) -> int:
    """-1 when ``first`` is less privileged than ``second``, 1 when more, 0 when the order
    of privilege says nothing (different resources, unranked words, or equal)."""
    res1, acc1, a1, qual1, q1 = _rank(first)
    res2, acc2, a2, qual2, q2 = _rank(second)
    if res1 == res2:
        dr = 0
    elif res2 in _COVERS.get(res1, ()):
        dr = 1
    elif res1 in _COVERS.get(res2, ()):
        dr = -1
    else:
        return 0
    if acc1 == acc2:
        da = 0
    elif a1 is not None and a2 is not None:
        da = _sign(a1 - a2)
    else:
        return 0
    if qual1 == qual2:
        dq = 0
    elif q1 is not None and q2 is not None:
        dq = _sign(q1 - q2)
    else:
        return 0
    parts = (dr, da, dq)
    if min(parts) >= 0 and max(parts) > 0:
        return 1
    if max(parts) <= 0 and min(parts) < 0:
        return -1
    return 0


def direction_votes(cells: list[str]) -> tuple[int, int]:
    """(pairs listed least privileged first, pairs listed most privileged first)."""
    rising = falling = 0
    for cell in cells:
        names = [group[0] for group in scopes_of(cell)]
        for index, first in enumerate(names):
            for second in names[index + 1 :]:
                order = compare(first, second)
                rising += order < 0
                falling += order > 0
    return rising, falling


def _transposed_kinds(header: tuple[str, ...]) -> list[PermissionKind | None] | None:
    """For a per-resource table (resource | delegated work | delegated personal | application)."""
    kinds = [row_kind(cell) for cell in header[1:]]
    return kinds if sum(1 for kind in kinds if kind) >= 2 else None


def _is_sub_row(label: str) -> bool:
    """Intune "workflow" rows: ``&nbsp; &nbsp; **Policy Set**`` under a permission type."""
    return label.lstrip().startswith(("&nbsp;", "**", "\u00a0"))


def _is_sub(label: str, kind: PermissionKind | None) -> bool:
    """Whether a row after a permission type is one of its workflow rows: an indented label
    always is, whatever its words (a workflow may be named like a type); a bold one only
    when its words name no type."""
    indented = label.lstrip().startswith(("&nbsp;", "\u00a0"))
    return indented or (kind is None and _is_sub_row(label))


def _main_rows(body: list[tuple[str, ...]]) -> int:
    """How many rows are a permission type of their own (not a workflow sub-row)."""
    count = 0
    for row in body:
        label = row[0] if row else ""
        if not (count and _is_sub(label, row_kind(label))):
            count += 1
    return count


def _is_permission_table(table: Block) -> bool:
    """Structure first: a 2- or 3-column table of at most three permission types naming a
    permission (or one with a known label), or a 4-column per-resource table."""
    if len(table.rows) < 2:
        return False
    if _transposed_kinds(table.rows[0]) is not None:
        return True
    body = [row for row in table.rows[1:] if any(cell.strip() for cell in row)]
    scoped = sum(1 for row in body if any(names_in(cell) for cell in row[1:]))
    if len(table.rows[0]) == 4:
        return scoped >= 1 and not any(names_in(row[0]) for row in body if row)
    if len(table.rows[0]) not in (2, 3):
        return False
    known = sum(1 for row in body if row and row_kind(row[0]))
    return known >= 1 or (1 <= _main_rows(body) <= len(PERMISSION_KINDS) and scoped >= 1)


def _order(header: tuple[str, ...]) -> tuple[Order, bool, bool]:
    """(order, whether a known phrase stated it, whether the header has a phrase at all)."""
    if len(header) == 3:
        return "columns", True, True
    text = _clean(header[1]).lower() if len(header) > 1 else ""
    if any(marker in text for marker in _MOST_TO_LEAST):
        return "most_to_least", True, True
    if any(marker in text for marker in _LEAST_TO_MOST):
        return "least_to_most", True, True
    return "unstated", False, bool(re.search(r"[(（].+[)）]", text))


def _direction(header: tuple[str, ...], cells: list[str], line: int, report: Report) -> Order:
    """The header's stated direction, checked against the names; else the names' own."""
    order, understood, phrase = _order(header)
    if order == "columns":
        return order
    rising, falling = direction_votes(cells)
    if understood:
        against = falling if order == "least_to_most" else rising
        if against and against > rising + falling - against:
            report(
                line,
                PERMISSIONS_DIRECTION_CONTRADICTED,
                f"the header says {order.replace('_', ' ')}, but {against} of"
                f" {rising + falling} comparable pairs of names are listed the other way",
            )
        return order
    if rising != falling:
        inferred: Order = "least_to_most" if rising > falling else "most_to_least"
        said = f"header {_clean(header[1])!r}" if phrase else "header states no order"
        report(
            line,
            PERMISSIONS_DIRECTION_INFERRED,
            f"{said}: read as {inferred.replace('_', ' ')} from the names"
            f" ({rising} pairs rising, {falling} falling)",
        )
        return inferred
    if phrase:
        if any(len(scopes_of(cell)) > 1 for cell in cells):
            report(
                line,
                PERMISSIONS_DIRECTION_INFERRED,
                f"header {_clean(header[1])!r} is not understood and the names do not tell;"
                " read as least to most privileged",
            )
        return "least_to_most"
    return "unstated"


def _split_order(
    documented: tuple[tuple[str, ...], ...], order: str
) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """(least, higher): the least privileged end of a documented list, the rest in documented order."""
    if order == "most_to_least":
        return documented[-1:], documented[:-1]
    return documented[:1], documented[1:]


def _transposed(
    table: Block, kinds: list[PermissionKind | None], resource: str, report: Report
) -> list[PermissionRow]:
    rows = []
    for index, row in enumerate(table.rows[1:]):
        line = table.line + 2 + index
        label = _clean(row[0]) if row else ""
        for kind, cell in zip(kinds, row[1:]):
            if kind is not None:
                least, higher = _split_order(_cell_scopes(cell, line, report), "unstated")
                name = " / ".join(part for part in (resource, label) if part)
                rows.append(PermissionRow(kind, bool(least), least, higher, line, name))
    return rows


def _cell_scopes(cell: str, line: int, report: Report) -> tuple[tuple[str, ...], ...]:
    found, unknown = _scopes(cell)
    for word in dict.fromkeys(unknown):
        report(
            line,
            PERMISSIONS_CONNECTOR_AMBIGUOUS,
            f"{word!r} between two permission names read as 'and'",
        )
    return found


def from_table(table: Block, report: Report, resource: str = "") -> Permissions:
    """Rows of one permissions table; ``resource`` names what the table is for, if several are."""
    header = table.rows[0]
    transposed = _transposed_kinds(header)
    if transposed is None and len(header) == 4:
        transposed = list(PERMISSION_KINDS)
        report(
            table.line, PERMISSIONS_ROW_KIND_BY_POSITION, "per-resource columns read by position"
        )
    if transposed is not None:
        ordered = sorted(
            _transposed(table, transposed, resource, report),
            key=lambda r: PERMISSION_KINDS.index(r.kind),
        )
        return Permissions(tuple(ordered), "unstated", "", table.line)
    body = [
        (table.line + 2 + i, tuple(row) + ("",) * (len(header) - len(row)))
        for i, row in enumerate(table.rows[1:])
        if any(c.strip() for c in row)
    ]
    kinds = _row_kinds(body, report)
    cells = [row[1] for _, row in body if len(row) > 1] if len(header) == 2 else []
    order = _direction(header, cells, table.line, report)
    rows: list[PermissionRow] = []
    lost: list[tuple[str, int]] = []
    seen: set[str] = set()
    current: PermissionKind | None = None
    for index, (line, row) in enumerate(body):
        cells = list(row[1:])
        kind, name = kinds[index], resource
        label = _clean(row[0])
        if kind == "sub":
            if current is None:
                lost.extend(_lost("", line, cells))
                continue
            kind, name = current, " / ".join(part for part in (resource, label) if part)
        elif kind is None:
            report(
                line,
                PERMISSIONS_ROW_UNRECOGNISED,
                f"permission row {label!r} has no known permission type",
            )
            lost.extend(_lost("", line, cells))
            current = None
            continue
        elif kind in seen:
            report(
                line, PERMISSIONS_ROW_UNRECOGNISED, f"permission row {label!r} repeats type {kind}"
            )
            lost.extend(_lost(kind, line, cells))
            current = None
            continue
        else:
            current = kind
            seen.add(kind)
            following = kinds[index + 1] if index + 1 < len(body) else None
            if not any(cell.strip() for cell in cells) and following == "sub":
                continue  # a heading row: its sub-rows follow
        if order == "columns":
            least = _cell_scopes(cells[0], line, report)
            higher = _cell_scopes(cells[1], line, report)
        else:
            least, higher = _split_order(_cell_scopes(cells[0], line, report), order)
        rows.append(PermissionRow(kind, bool(least or higher), least, higher, line, name))
    missing = [kind for kind in PERMISSION_KINDS if kind not in seen]
    if missing and rows:
        report(
            table.line,
            PERMISSIONS_INCOMPLETE,
            f"permissions table has no row for {', '.join(missing)}",
        )
    rows.sort(key=lambda r: PERMISSION_KINDS.index(r.kind))
    return Permissions(tuple(rows), order, "", table.line, lost=tuple(lost))


def _lost(kind: str, line: int, cells: list[str]) -> list[tuple[str, int]]:
    """The row, if it names a permission: a row without one loses nothing."""
    return [(kind, line)] if any(names_in(cell) for cell in cells) else []


def _row_kinds(
    body: list[tuple[int, tuple[str, ...]]], report: Report
) -> list[PermissionKind | Literal["sub"] | None]:
    """Each row's kind: its label's when understood, else its position's among the rows that
    are a permission type (workflow sub-rows are ``sub``), else ``None``."""
    found: list[PermissionKind | Literal["sub"] | None] = []
    mains: list[int] = []
    for index, (_, row) in enumerate(body):
        kind = row_kind(row[0])
        if mains and _is_sub(row[0], kind):
            found.append("sub")
            continue
        found.append(kind)
        mains.append(index)
    taken = {found[index] for index in mains if found[index] is not None}
    for position, index in enumerate(mains):
        if found[index] is not None or position >= len(PERMISSION_KINDS):
            continue
        by_position = PERMISSION_KINDS[position]
        if by_position in taken:
            continue
        taken.add(by_position)
        found[index] = by_position
        line, row = body[index]
        report(
            line,
            PERMISSIONS_ROW_KIND_BY_POSITION,
            f"permission row {_clean(row[0])!r}: type {by_position} taken from its position",
        )
    previous = -1
    for index in mains:
        line, row = body[index]
        labelled_kind = found[index] if row_kind(row[0]) else None
        if labelled_kind is None:
            continue
        rank = PERMISSION_KINDS.index(labelled_kind)
        if rank < previous:
            report(
                line,
                PERMISSIONS_ROW_ORDER_UNUSUAL,
                f"permission row {_clean(row[0])!r} is labelled {labelled_kind} after a row of"
                f" type {PERMISSION_KINDS[previous]}; the label was followed",
            )
            break
        previous = rank
    return found


_DELIMITER = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _cells(line: str) -> tuple[str, ...]:
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return tuple(cell.strip() for cell in re.split(r"(?<!\\)\|", text))


def _malformed_table(block: Block) -> tuple[Block, int] | None:
    """A pipe table markdown-it did not read (a delimiter row with more or fewer cells than
    its header): the table it was meant to be, and the line of its header."""
    lines = block.text.split("\n")
    for index in range(len(lines) - 1):
        header, delimiter = lines[index].strip(), lines[index + 1].strip()
        if not (header.startswith("|") and _DELIMITER.match(delimiter)):
            continue
        width = len(_cells(header))
        rows = [_cells(header)]
        for text in lines[index + 2 :]:
            if "|" not in text:
                break
            cells = _cells(text)
            rows.append(cells[:width] + ("",) * (width - len(cells)))
        line = block.line + index
        table = Block("table", line, line + len(rows), rows=tuple(rows), depth=block.depth)
        return table, len(_cells(delimiter))
    return None


def tables(
    blocks: list[Block] | tuple[Block, ...], report: Report | None = None
) -> list[tuple[Block, str]]:
    """Every permissions table among the blocks, with the sub-heading it sits under; a
    pipe table the Markdown parser rejected is read too, and reported when ``report`` is
    given."""
    found, heading = [], ""
    for block in blocks:
        if block.kind == "heading":
            heading = _clean(block.text)
        elif block.kind == "table" and _is_permission_table(block):
            found.append((block, heading))
        elif block.kind == "paragraph" and "|" in block.text:
            recovered = _malformed_table(block)
            if recovered is None or not _is_permission_table(recovered[0]):
                continue
            table, delimiter = recovered
            if report is not None:
                report(
                    table.line,
                    PERMISSIONS_TABLE_MALFORMED,
                    f"permissions table's delimiter row has {delimiter} cells for a header of"
                    f" {len(table.rows[0])}; read row by row",
                )
            found.append((table, heading))
    return found


UNTYPED = "untyped"  # the kind of a lost row of a table with no permission types at all


def stray_rows(blocks: list[Block] | tuple[Block, ...]) -> list[tuple[str, int]]:
    """Rows naming a permission in tables that are not permission tables (e.g. a table of
    resources and the permission each needs): lost, as far as the model is concerned."""
    lost: list[tuple[str, int]] = []
    for block in blocks:
        if block.kind == "table" and not _is_permission_table(block):
            for index, row in enumerate(block.rows[1:]):
                lost.extend(_lost(UNTYPED, block.line + 2 + index, list(row[1:])))
    return lost


def include_target(blocks: list[Block]) -> tuple[str, int] | None:
    """The permissions include of a section: (relative path, line)."""
    for block in blocks:
        if block.kind in ("paragraph", "html"):
            for match in _INCLUDE.finditer(block.text):
                # only permission includes, not the notes and disclaimers included nearby
                if "permissions" in match.group(1).lower():
                    return match.group(1), block.line + block.text.count("\n", 0, match.start())
    return None
