"""Permission tables: who may call an operation, and with which least-privileged scopes.

Two shapes exist: the legacy 2-column table (type | permissions, in the order its header
states) and the current 3-column table (type | least privileged | higher privileged),
inline or through an ``[!INCLUDE]`` of ``includes/permissions/NAME.md``. Row kinds are
recognised from known labels in several languages, else from row order. A cell with no
scope name in it ("Not supported.", "No admitida.", "Not available.", empty …) means no
scope, whatever its wording, so no list of translations is needed for that.
"""

from __future__ import annotations

import re
from typing import Callable

from .model import PERMISSION_KINDS, PermissionKind, PermissionRow, Permissions
from .structure import Block

Report = Callable[[int, str, str], None]

_SCOPE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAGS = re.compile(r"<[^>]+>")
_OR_WORDS = frozenset({"or", "o", "ou", "oder", "of", "oppure", "или", "或"})
_INCLUDE = re.compile(r"\[!INCLUDE\s*\[[^\]]*\]\(([^)\s]+)\)\s*\]", re.I)

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
_MOST_TO_LEAST = ("most to least", "de más a menos", "du plus au moins", "vom höchsten")


def _clean(cell: str) -> str:
    cell = _LINK.sub(r"\1", cell)
    cell = _TAGS.sub(" ", cell)
    return cell.replace("**", "").replace("`", "").replace("&nbsp;", " ").strip()


def scopes_of(cell: str) -> tuple[tuple[str, ...], ...]:
    """Alternatives in documented order; each a tuple of scopes needed together.

    Commas, semicolons and "or" separate alternatives; any other word between two scope
    names ("and", "y", "et") makes them a conjunction. Footnote asterisks are dropped.
    """
    alternatives: list[tuple[str, ...]] = []
    for piece in re.split(r"[,;]", _clean(cell)):
        matches = list(_SCOPE.finditer(piece))
        if not matches:
            continue
        group = [matches[0].group(0)]
        for previous, match in zip(matches, matches[1:]):
            between = (
                piece[previous.end() : match.start()]
                .replace("\\", "")
                .replace("*", "")
                .strip()
                .lower()
            )
            if not between or between in _OR_WORDS:
                alternatives.append(tuple(group))
                group = [match.group(0)]
            else:
                group.append(match.group(0))
        alternatives.append(tuple(group))
    return tuple(alternatives)


def row_kind(label: str) -> PermissionKind | None:
    text = _clean(label).lower()
    for kind, fragments in _LABELS:
        if any(fragment in text for fragment in fragments):
            return kind
    return None


def _transposed_kinds(header: tuple[str, ...]) -> list[PermissionKind | None] | None:
    """For a per-resource table (resource | delegated work | delegated personal | application)."""
    kinds = [row_kind(cell) for cell in header[1:]]
    return kinds if sum(1 for kind in kinds if kind) >= 2 else None


def _is_permission_table(table: Block) -> bool:
    if len(table.rows) < 2:
        return False
    if _transposed_kinds(table.rows[0]) is not None:
        return True
    if len(table.rows[0]) not in (2, 3):
        return False
    body = table.rows[1:]
    known = sum(1 for row in body if row and row_kind(row[0]))
    scoped = sum(1 for row in body if any(_SCOPE.search(_clean(cell)) for cell in row[1:]))
    return known >= 1 or (len(body) == 3 and scoped >= 1)


def _order(header: tuple[str, ...]) -> str:
    if len(header) == 3:
        return "columns"
    if any(marker in _clean(header[1]).lower() for marker in _MOST_TO_LEAST):
        return "most_to_least"
    return "least_to_most" if re.search(r"\(.+\)", header[1]) else "unstated"


def _split_order(documented: tuple[tuple[str, ...], ...], order: str) -> tuple[tuple, tuple]:
    """(least, higher): the least privileged end of a documented list, the rest in documented order."""
    if order == "most_to_least":
        return documented[-1:], documented[:-1]
    return documented[:1], documented[1:]


def _transposed(
    table: Block, kinds: list[PermissionKind | None], resource: str
) -> list[PermissionRow]:
    rows = []
    for index, row in enumerate(table.rows[1:]):
        line = table.line + 2 + index
        label = _clean(row[0]) if row else ""
        for kind, cell in zip(kinds, row[1:]):
            if kind is not None:
                least, higher = _split_order(scopes_of(cell), "unstated")
                name = " / ".join(part for part in (resource, label) if part)
                rows.append(PermissionRow(kind, bool(least), least, higher, line, name))
    return rows


def _is_sub_row(label: str) -> bool:
    """Intune "workflow" rows: ``&nbsp; &nbsp; **Policy Set**`` under a permission type."""
    return label.lstrip().startswith(("&nbsp;", "**", "\u00a0"))


def from_table(table: Block, report: Report, resource: str = "") -> Permissions:
    """Rows of one permissions table; ``resource`` names what the table is for, if several are."""
    header = table.rows[0]
    transposed = _transposed_kinds(header)
    if transposed is not None:
        rows = sorted(
            _transposed(table, transposed, resource), key=lambda r: PERMISSION_KINDS.index(r.kind)
        )
        return Permissions(tuple(rows), "unstated", "", table.line)
    body = [
        (table.line + 2 + i, row)
        for i, row in enumerate(table.rows[1:])
        if any(c.strip() for c in row)
    ]
    # Known labels decide; only a table with no known label at all is read by row order.
    by_order = len(body) == 3 and not any(row_kind(row[0]) for _, row in body)
    order = _order(header)
    rows: list[PermissionRow] = []
    seen: set[str] = set()
    current: PermissionKind | None = None
    for index, (line, row) in enumerate(body):
        cells = list(row[1:]) + [""] * (len(header) - len(row))
        kind = PERMISSION_KINDS[index] if by_order else row_kind(row[0])
        name = resource
        if kind is None and current is not None and _is_sub_row(row[0]):
            kind, name = current, " / ".join(part for part in (resource, _clean(row[0])) if part)
        elif kind is None:
            report(line, "GD021", f"permission row {_clean(row[0])!r} has no known permission type")
            continue
        elif kind in seen:
            report(line, "GD021", f"permission row {_clean(row[0])!r} repeats type {kind}")
            continue
        else:
            current = kind
            seen.add(kind)
            following = body[index + 1][1] if index + 1 < len(body) else ("",)
            if (
                not any(cell.strip() for cell in cells)
                and row_kind(following[0]) is None
                and _is_sub_row(following[0])
            ):
                continue  # a heading row: its sub-rows follow
        if order == "columns":
            least, higher = scopes_of(cells[0]), scopes_of(cells[1])
        else:
            least, higher = _split_order(scopes_of(cells[0]), order)
        rows.append(PermissionRow(kind, bool(least or higher), least, higher, line, name))
    missing = [kind for kind in PERMISSION_KINDS if kind not in seen]
    if missing and rows:
        report(table.line, "GD023", f"permissions table has no row for {', '.join(missing)}")
    rows.sort(key=lambda r: PERMISSION_KINDS.index(r.kind))
    return Permissions(tuple(rows), order, "", table.line)  # type: ignore[arg-type]


def tables(blocks: list[Block] | tuple[Block, ...]) -> list[tuple[Block, str]]:
    """Every permissions table among the blocks, with the sub-heading it sits under."""
    found, heading = [], ""
    for block in blocks:
        if block.kind == "heading":
            heading = _clean(block.text)
        elif block.kind == "table" and _is_permission_table(block):
            found.append((block, heading))
    return found


def include_target(blocks: list[Block]) -> tuple[str, int] | None:
    """The permissions include of a section: (relative path, line)."""
    for block in blocks:
        if block.kind in ("paragraph", "html"):
            for match in _INCLUDE.finditer(block.text):
                # only permission includes, not the notes and disclaimers included nearby
                if "permissions" in match.group(1).lower():
                    return match.group(1), block.line + block.text.count("\n", 0, match.start())
    return None
