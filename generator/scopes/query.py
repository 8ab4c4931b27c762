"""``graphdoc permissions``: the fewest permissions for some calls, and the CI gate.

The catalog comes from a model folder (the same table a package would hold, made from the
specs) or from a built package's data module, read as text and never imported: the
answer must not depend on the package being installed, nor run its code.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import specio
from ..bounded import CONFIG_LIMIT, read_bounded
from ..diagnostics import Diagnostic
from ..errors import FileTooLarge, InputError, ModelInvalid
from ..permission_table import table
from ..pipeline import model_problem
from ..runtime.permissions import KIND_LABELS, KINDS, Catalog, Check, Requirement

__all__ = ["KINDS", "Answer", "Finding", "answer", "as_json", "from_package", "from_specs", "text"]
from .scan import Call, Scan, Unresolved

DATA_MODULE = "_permissions_data.py"


def from_specs(model_dir: Path, problems: list[Diagnostic] | None = None) -> Catalog:
    """The catalog of a model folder (``*.yaml`` as ``graphdoc build`` writes them). A
    file that does not load is left out with a diagnostic (GD009) added to ``problems``,
    as ``graphdoc render`` leaves it out."""
    if not model_dir.is_dir():
        raise InputError(f"{model_dir}: no such model folder")
    operations = []
    for file in sorted(model_dir.glob("*.yaml")):
        try:
            operations.append(specio.load(specio.read_model_file(file)))
        except ModelInvalid as error:
            if problems is not None:
                problems.append(model_problem(file, error))
    if not operations:
        raise InputError(f"{model_dir}: no operation in the model")
    return Catalog.from_table(table(operations))


def from_package(folder: Path) -> Catalog:
    """The catalog of a built package: ``folder`` is the package or the folder holding it."""
    candidates = [folder / DATA_MODULE, *sorted(folder.glob(f"*/{DATA_MODULE}"))]
    found = [path for path in candidates if path.is_file()]
    if not found:
        raise InputError(f"{folder}: no generated package with {DATA_MODULE} here")
    if len(found) > 1:
        names = ", ".join(str(path.parent) for path in found)
        raise InputError(f"{folder}: several packages ({names}); give one of them")
    try:
        tree = ast.parse(read_bounded(found[0], CONFIG_LIMIT).decode("utf-8"))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError, FileTooLarge) as error:
        raise InputError(f"{found[0]}: cannot be read: {error}") from None
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "TABLE" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return Catalog.from_table(node.value.value)
    raise InputError(f"{found[0]}: no TABLE string in it")


def groups_of(catalog: Catalog) -> dict[str, frozenset[str]]:
    methods: dict[str, set[str]] = {}
    for name in catalog.entries:
        group, method = name.split(".", 1)
        methods.setdefault(group, set()).add(method)
    return {group: frozenset(names) for group, names in sorted(methods.items())}


@dataclass(frozen=True)
class Finding:
    """One line of the gate's verdict: ``path:line: message``."""

    path: str
    line: int
    level: str  # error, warning, notice
    message: str
    title: str = "graphdoc permissions"

    def text(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path else ""
        return f"{where}{self.level}: {self.message}"

    def github(self) -> str:
        def data(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def prop(text: str) -> str:
            return data(text).replace(":", "%3A").replace(",", "%2C")

        where = f"file={prop(self.path)},line={self.line}," if self.path else ""
        return f"::{self.level} {where}title={prop(self.title)}::{data(self.message)}"


@dataclass(frozen=True)
class Answer:
    """All that ``graphdoc permissions`` says about some operations."""

    operations: tuple[str, ...]
    requirements: tuple[Requirement, ...]
    calls: tuple[Call, ...] = ()
    unresolved: tuple[Unresolved, ...] = ()
    check: Check | None = None
    granted_source: tuple[str, int] = ("", 0)  # where the grant is written: path, line
    granted_lines: dict[str, int] = field(default_factory=dict)
    fail_on_excess: bool = False

    def findings(self) -> list[Finding]:
        """The unresolved calls, then the gate's verdict, each with its place."""
        found = [Finding(u.path, u.line, "warning", u.message) for u in self.unresolved]
        if self.check is None:
            return found
        first: dict[str, Call] = {}
        for each in self.calls:
            first.setdefault(each.operation, each)
        label = KIND_LABELS[self.check.kind]
        for operation, why in self.check.missing:
            call = first.get(operation)
            found.append(
                Finding(
                    call.path if call else "",
                    call.line if call else 0,
                    "error",
                    f"{operation}: missing {label} permission: {why}",
                )
            )
        level = "error" if self.fail_on_excess else "notice"
        path = self.granted_source[0]
        for scope in self.check.excess:
            found.append(
                Finding(
                    path,
                    self.granted_lines.get(scope, self.granted_source[1]),
                    level,
                    f"granted {label} permission {scope} is needed by no call (over-privilege)",
                )
            )
        return found

    @property
    def status(self) -> int:
        if self.check is None:
            return 0
        if self.check.missing or (self.fail_on_excess and self.check.excess):
            return 1
        return 0

    def as_dict(self, catalog: Catalog) -> dict[str, Any]:
        data: dict[str, Any] = {
            "operations": {
                name: {
                    access.kind: {
                        "supported": access.supported,
                        "least": [list(a) for a in access.least],
                        "higher": [list(a) for a in access.higher],
                        **({"reason": access.reason} if access.reason else {}),
                    }
                    for access in catalog.entries[name].access
                }
                for name in self.operations
            },
            "required": {
                r.kind: {
                    "permissions": list(r.scopes),
                    "complete": r.complete,
                    "choices": {name: list(a) for name, a in r.choices},
                    "unsupported": {name: why for name, why in r.unsupported},
                    "minimal_sets": r.ties,
                    "other_minimal_sets": [list(o) for o in r.others],
                }
                for r in self.requirements
            },
        }
        if self.calls or self.unresolved:
            data["calls"] = [
                {"path": c.path, "line": c.line, "operation": c.operation} for c in self.calls
            ]
            data["unresolved"] = [
                {"path": u.path, "line": u.line, "message": u.message} for u in self.unresolved
            ]
        if self.check is not None:
            data["check"] = {
                "kind": self.check.kind,
                "ok": self.status == 0,
                "missing": {name: why for name, why in self.check.missing},
                "excess": list(self.check.excess),
                "used": list(self.check.used),
            }
        return data


def answer(
    catalog: Catalog,
    names: list[str],
    kinds: tuple[str, ...] = KINDS,
    scanned: Scan | None = None,
) -> Answer:
    try:
        operations = [catalog.resolve(name) for name in names]
    except KeyError as error:
        raise InputError(str(error.args[0])) from None
    if scanned is not None:
        operations += list(scanned.operations)
    ordered = tuple(sorted(set(operations)))
    return Answer(
        ordered,
        tuple(catalog.requirement(ordered, kind) for kind in kinds),
        scanned.calls if scanned else (),
        scanned.unresolved if scanned else (),
    )


def text(result: Answer, catalog: Catalog) -> str:
    """The answer for a person: per kind, the set, then each operation's share of it."""
    lines: list[str] = []
    if result.calls or result.unresolved:
        lines.append(f"calls found: {len(result.calls)}")
        for call in result.calls:
            lines.append(f"  {call.path}:{call.line}: {call.operation}")
        if result.unresolved:
            lines.append(f"calls not resolved: {len(result.unresolved)}")
            for item in result.unresolved:
                lines.append(f"  {item.path}:{item.line}: {item.message}")
        lines.append("")
    lines.append(f"operations: {len(result.operations)}")
    width = max((len(name) for name in result.operations), default=0)
    for requirement in result.requirements:
        label = KIND_LABELS[requirement.kind]
        scopes = ", ".join(requirement.scopes) or "(none)"
        lines.append("")
        lines.append(f"{label}: {scopes}")
        if not requirement.complete:
            lines.append(f"  not enough: {len(requirement.unsupported)} operation(s) cannot run")
        chosen = dict(requirement.choices)
        for name in result.operations:
            access = catalog.entries[name].kind(requirement.kind)
            if name in chosen:
                options = " | ".join(" and ".join(a) for a in access.choices)
                lines.append(f"  {name:<{width}}  {' and '.join(chosen[name])}  (least: {options})")
            else:
                lines.append(f"  {name:<{width}}  not supported: {access.reason}")
        if requirement.ties > 1:
            others = "; ".join(", ".join(other) for other in requirement.others)
            lines.append(
                f"  {requirement.ties} minimal sets of {len(requirement.scopes)}; chosen: the one"
                f" whose operations use their first documented choices most (others: {others})"
            )
    if result.check is not None:
        check = result.check
        lines.append("")
        lines.append(
            f"granted ({KIND_LABELS[check.kind]}): "
            + ("enough" if not check.missing else f"{len(check.missing)} operation(s) lack")
            + (f"; not needed: {', '.join(check.excess)}" if check.excess else "")
        )
    return "\n".join(lines) + "\n"


def as_json(result: Answer, catalog: Catalog) -> str:
    return json.dumps(result.as_dict(catalog), indent=2, ensure_ascii=False) + "\n"
