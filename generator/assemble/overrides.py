"""Overrides: fixing a documentation defect without editing the documentation.

An override file is a YAML list of entries, each naming a page (its stem, as in the
spec file name) and what to change once it is parsed:

    - page: message-send             # required: the operation id (page stem)
      api_version: v1.0              # optional: only for this API version
      group: message                 # rename the group …
      name: send_draft               # … or the method
      status: 202                    # the documented success status
      add_variants: ["/me/mailFolders/{id}/messages/{id}/send"]   # parsed like the page's own
      remove_variants: ["/users/{id | userPrincipalName}/messages/{id}/send"]  # as written

Every entry that applies is reported (GD060) and every entry that cannot (GD061), at its
line in the override file, so an override never acts silently or goes stale unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from ..core.bounded import CONFIG_LIMIT, read_bounded
from ..core.diagnostics import OVERRIDE_APPLIED, OVERRIDE_INVALID, PathReport
from ..core.errors import FileTooLarge
from ..core.model import Operation
from ..parse.naming import python_name
from ..parse.paths import parse_template

_KEYS = frozenset(
    {"page", "api_version", "group", "name", "status", "add_variants", "remove_variants"}
)


@dataclass(frozen=True)
class Override:
    path: str
    line: int
    entry: dict[str, Any]


def load(folder: Path, report: PathReport) -> list[Override]:
    overrides: list[Override] = []
    for file in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        try:
            root = yaml.compose(read_bounded(file, CONFIG_LIMIT).decode("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, FileTooLarge) as error:
            report(str(file), 1, OVERRIDE_INVALID, f"override file is not readable YAML: {error}")
            continue
        if root is None:
            continue
        if not isinstance(root, yaml.SequenceNode):
            report(
                str(file),
                root.start_mark.line + 1,
                OVERRIDE_INVALID,
                "override file must be a list of entries",
            )
            continue
        for node in root.value:
            line = node.start_mark.line + 1
            entry = yaml.safe_load(yaml.serialize(node))
            problem = _check(entry)
            if problem:
                report(str(file), line, OVERRIDE_INVALID, problem)
                continue
            overrides.append(Override(str(file), line, entry))
    return overrides


def _check(entry: Any) -> str:
    if not isinstance(entry, dict) or not isinstance(entry.get("page"), str):
        return "override entry needs a `page:` (the page stem, e.g. message-send)"
    unknown = set(entry) - _KEYS
    if unknown:
        return f"override entry has unknown keys: {', '.join(sorted(unknown))}"
    for key in ("add_variants", "remove_variants"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return f"`{key}` must be a list of path templates"
    if "status" in entry and not (
        isinstance(entry["status"], int) and 100 <= entry["status"] < 600
    ):
        return "`status` must be an HTTP status code"
    return ""


def apply(
    operations: list[Operation], overrides: list[Override], report: PathReport
) -> list[Operation]:
    by_id: dict[str, list[int]] = {}
    for index, operation in enumerate(operations):
        by_id.setdefault(operation.id, []).append(index)
    result = list(operations)
    for override in overrides:
        entry = override.entry
        targets = [
            i
            for i in by_id.get(entry["page"], [])
            if entry.get("api_version") in (None, result[i].api_version)
        ]
        if not targets:
            report(
                override.path,
                override.line,
                OVERRIDE_INVALID,
                f"override names no page that was read: {entry['page']!r}",
            )
            continue
        for index in targets:
            operation, changes = _apply_one(result[index], override, report)
            result[index] = operation
            if changes:
                report(
                    override.path,
                    override.line,
                    OVERRIDE_APPLIED,
                    f"override applied to {operation.id}: {'; '.join(changes)}",
                )
    return result


def _apply_one(
    operation: Operation, override: Override, report: PathReport
) -> tuple[Operation, list[str]]:
    entry = override.entry
    changes: list[str] = []
    updates: dict[str, Any] = {}
    for key in ("group", "name"):
        if key in entry:
            updates[key] = python_name(str(entry[key]))
            changes.append(f"{key} {getattr(operation, key)} → {updates[key]}")
    if "status" in entry:
        updates["response"] = replace(operation.response, status=entry["status"])
        changes.append(f"status {operation.response.status} → {entry['status']}")
    variants = list(operation.variants)
    for template in entry.get("remove_variants", []):
        kept = [v for v in variants if v.template != template.strip()]
        if len(kept) == len(variants):
            report(
                override.path,
                override.line,
                OVERRIDE_INVALID,
                f"{operation.id} has no variant {template!r} to remove",
            )
        else:
            changes.append(f"removed {template}")
        variants = kept
    for template in entry.get("add_variants", []):
        variant = parse_template(
            template,
            override.line,
            lambda line, code, message: report(override.path, line, code, message),
        )
        variants.append(replace(variant, line=0))
        changes.append(f"added {template}")
    if not variants:
        report(
            override.path,
            override.line,
            OVERRIDE_INVALID,
            f"override would leave {operation.id} without a path; not applied",
        )
        return operation, []
    updates["variants"] = tuple(variants)
    return replace(operation, **updates), changes
