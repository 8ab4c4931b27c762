"""The JSON annotation comments that mark example blocks (``<!-- { "blockType": … } -->``).

They are read leniently, as doc writers type them: trailing commas, raw tabs, ``"true"``
strings, ``name`` as a list, any case of ``blockType``. A comment that cannot be repaired
still yields its ``blockType`` and ``name`` when those can be picked out of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from . import lenient_json
from ..core.diagnostics import ANNOTATION_REPAIRED, ANNOTATION_UNPARSEABLE
from ..core.errors import NotJSON

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_FIELD = re.compile(r'"(blockType|name)"\s*:\s*"([^"]*)"', re.I)


@dataclass(frozen=True)
class Annotation:
    block_type: str  # lower-case; "" for page annotations
    names: tuple[str, ...]
    truncated: bool
    is_collection: bool
    odata_type: str
    line: int


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def _get(data: dict[str, Any], key: str) -> Any:
    for candidate, value in data.items():
        if candidate.lower() == key.lower():
            return value
    return None


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(item).strip() for item in value if str(item).strip())
    return ()


def annotations_in(
    html: str, first_line: int, report: Callable[[int, str, str], None]
) -> list[Annotation]:
    """All annotations in an HTML block starting at ``first_line``."""
    found: list[Annotation] = []
    for match in _COMMENT.finditer(html):
        body = match.group(1).strip()
        if not body.startswith("{"):
            continue
        line = first_line + html.count("\n", 0, match.start())
        try:
            data, repaired = lenient_json.loads(body)
        except NotJSON as error:
            salvaged = {key.lower(): value for key, value in _FIELD.findall(body)}
            report(line, ANNOTATION_UNPARSEABLE, f"annotation is not JSON ({error})")
            if "blocktype" not in salvaged:
                continue
            data, repaired = {
                "blockType": salvaged["blocktype"],
                "name": salvaged.get("name", ""),
            }, False
        if repaired:
            report(
                line,
                ANNOTATION_REPAIRED,
                "annotation repaired (trailing comma or raw control character)",
            )
        if not isinstance(data, dict):
            report(line, ANNOTATION_UNPARSEABLE, "annotation is JSON but not an object")
            continue
        block_type = _get(data, "blockType")
        found.append(
            Annotation(
                block_type=str(block_type).strip().lower() if block_type is not None else "",
                names=_names(_get(data, "name")),
                truncated=_flag(_get(data, "truncated")),
                is_collection=_flag(_get(data, "isCollection")),
                odata_type=str(_get(data, "@odata.type") or ""),
                line=line,
            )
        )
    return found
