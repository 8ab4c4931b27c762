"""An operation's permissions as a line of the package's permissions table.

The table is the one form of the permissions both the generated package
(``permissions.py``, copied from the runtime) and ``graphdoc permissions`` read, so the
command line answers from a model exactly what the package answers from its data. A line
is a JSON array (see :meth:`generator.runtime.permissions.Catalog.from_table`): JSON, as
the standard library reads it fast, and as a line per operation, so a data module is a
string black leaves alone and a diff shows the operations whose permissions changed.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.model import PERMISSION_KINDS, Operation, PermissionRow


def is_me_only(operation: Operation) -> bool:
    """Every path of the operation addresses the signed-in user (``/me``), so no
    application permission lets it run, whatever the table lists."""
    return bool(operation.variants) and all(
        variant.path == "/me" or variant.path.startswith("/me/") for variant in operation.variants
    )


def _kind(rows: list[PermissionRow]) -> Any:
    """``None`` (no row), ``False`` (not supported) or ``[least, higher]``; several rows of a
    kind (one per resource) are alternatives of each other, in documented order."""
    if not rows:
        return None
    supported = [row for row in rows if row.supported]
    if not supported:
        return False
    least: list[list[str]] = []
    higher: list[list[str]] = []
    for row in supported:
        least += [list(choice) for choice in row.least if list(choice) not in least]
    for row in supported:
        higher += [list(choice) for choice in row.higher if list(choice) not in least + higher]
    return [least, higher]


def table_line(operation: Operation) -> str:
    rows = operation.permissions.rows
    kinds = [_kind([row for row in rows if row.kind == kind]) for kind in PERMISSION_KINDS]
    data = [operation.qualified_name, operation.id, is_me_only(operation), *kinds]
    return json.dumps(data, ensure_ascii=False)


def table(operations: list[Operation]) -> str:
    """The table of ``operations``, in name order."""
    lines = sorted((op.qualified_name, table_line(op)) for op in operations)
    return "".join(line + "\n" for _, line in lines)
