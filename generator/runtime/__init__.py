"""The runtime of every generated package, as plain Python.

Each module here but :mod:`._generated` is copied verbatim into a generated package
(:data:`MODULES`); the generator renders that one from its template in
``templates/package/``, and writes the package's permissions table,
``_permissions_data.jsonl`` (a sample of which is here, for :mod:`.permissions`).
Being real modules, they are type-checked and unit-tested where they are written, and
:mod:`._contract` is imported by both the generator and the runtime. Nothing here may
import from the generator.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
# The modules copied as they are, in the order the package lists them.
MODULES = (
    "_auth",
    "_base",
    "_batch",
    "_contract",
    "_errors",
    "_paging",
    "_response",
    "_retry",
    "_runtime",
    "permissions",
    "_upload",
)


def source(module: str) -> str:
    """The text of a runtime module, as it is copied into a package."""
    return (HERE / f"{module}.py").read_text(encoding="utf-8")
