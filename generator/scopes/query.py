"""``graphdoc permissions``: the fewest permissions for some calls, and the CI gate.

The catalog comes from a model folder (the same table a package would hold, made from the
specs) or from a built package's data file, read as text (a package built by an older
graphdoc holds it as a module, read as text too, never imported): the answer must not
depend on the package being installed, nor run its code.
"""

from __future__ import annotations

import ast
import json
import posixpath
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..parse import specio
from ..core.bounded import CONFIG_LIMIT, read_bounded
from ..core.diagnostics import Diagnostic
from ..core.errors import FileTooLarge, InputError, ModelInvalid
from ..core.model import Operation
from ..parse.permission_names import OPENID_SCOPES, suggestion, suspects
from ..render.permission_table import table
from ..pipeline import model_problem
from ..runtime.permissions import (
    DATA_FILE,
    KIND_LABELS,
    KINDS,
    Access,
    Catalog,
    Check,
    OperationPermissions,
    Requirement,
)
from . import endpoints as endpoint_table
from .endpoints import Endpoints
from .scan import Call, Scan, Unresolved

__all__ = [
    "KINDS",
    "Answer",
    "Call",
    "Finding",
    "answer",
    "as_json",
    "from_package",
    "from_specs",
    "text",
]

# Where a page says what an operation needs: the file, the line of each kind's row, and
# the page that includes that file (when the table is an include).
Origins = dict[str, tuple[str, dict[str, int], str]]

DATA_MODULE = "_permissions_data.py"  # where a package of an older graphdoc holds it
ME_ONLY_CALLS = "called only through /me paths"


@dataclass(frozen=True)
class Source:
    """What ``graphdoc permissions`` answers from: the permissions, the endpoint table the
    scan resolves calls with, and where the pages say each permission (when known)."""

    catalog: Catalog
    endpoints: Endpoints
    origins: Origins


def from_specs(model_dir: Path, problems: list[Diagnostic] | None = None) -> Catalog:
    """The catalog of a model folder (``*.yaml`` as ``graphdoc build`` writes them)."""
    return load_specs(model_dir, problems).catalog


def load_specs(model_dir: Path, problems: list[Diagnostic] | None = None) -> Source:
    """The catalog, endpoints and origins of a model folder. A file that does not load is
    left out with a diagnostic (GD009) added to ``problems``, as ``graphdoc render`` leaves
    it out."""
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
    return Source(
        Catalog.from_table(table(operations)), Endpoints(operations), _origins(operations)
    )


def _origins(operations: list[Operation]) -> Origins:
    found: Origins = {}
    for operation in operations:
        lines: dict[str, int] = {}
        for row in operation.permissions.rows:
            lines.setdefault(row.kind, row.line or operation.permissions.line)
        source, included_by = operation.source, ""
        if operation.permissions.source:  # the rows' lines are the include's
            folder = posixpath.dirname(operation.source)
            source = posixpath.normpath(posixpath.join(folder, operation.permissions.source))
            included_by = operation.source
        found[operation.qualified_name] = (source, lines, included_by)
    return found


def load_package(folder: Path) -> Source:
    """The catalog and endpoints of a built package (no page lines: a package has none)."""
    catalog = from_package(folder)
    package = _package_folder(folder)
    origins: Origins = {name: (entry.page, {}, "") for name, entry in catalog.entries.items()}
    return Source(catalog, endpoint_table.from_package(package), origins)


def _package_folder(folder: Path) -> Path:
    for name in (DATA_FILE, DATA_MODULE):  # (the module: a package of an older graphdoc)
        candidates = [folder / name, *sorted(folder.glob(f"*/{name}"))]
        found = [path for path in candidates if path.is_file()]
        if found:
            return found[0].parent
    return folder


def from_package(folder: Path) -> Catalog:
    """The catalog of a built package: ``folder`` is the package or the folder holding it."""
    found: list[Path] = []
    for name in (DATA_FILE, DATA_MODULE):
        candidates = [folder / name, *sorted(folder.glob(f"*/{name}"))]
        found = found or [path for path in candidates if path.is_file()]
    if not found:
        raise InputError(f"{folder}: no generated package with {DATA_FILE} here")
    if len(found) > 1:
        names = ", ".join(str(path.parent) for path in found)
        raise InputError(f"{folder}: several packages ({names}); give one of them")
    try:
        text = read_bounded(found[0], CONFIG_LIMIT).decode("utf-8")
    except (OSError, UnicodeDecodeError, ValueError, FileTooLarge) as error:
        raise InputError(f"{found[0]}: cannot be read: {error}") from None
    if found[0].name == DATA_FILE:
        try:
            return Catalog.from_table(text)
        except (ValueError, TypeError, KeyError, IndexError) as error:
            raise InputError(f"{found[0]}: not a permissions table: {error}") from None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError) as error:
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
    allow_unresolved: bool = False
    # calls that take (or may take) a /me path: application access cannot make them
    impossible: tuple[tuple[Call, str], ...] = ()
    origins: Origins = field(default_factory=dict)
    explain: bool = False
    misspelt: tuple[tuple[str, str], ...] = ()  # a chosen name that looks like a typo, of what

    @property
    def gate_fails_unresolved(self) -> bool:
        return self.check is not None and bool(self.unresolved) and not self.allow_unresolved

    @property
    def gate_fails_impossible(self) -> bool:
        return self.check is not None and self.check.kind == "application" and bool(self.impossible)

    def findings(self) -> list[Finding]:
        """The unresolved calls, then the gate's verdict, each with its place."""
        level = "error" if self.gate_fails_unresolved else "warning"
        found = [Finding(u.path, u.line, level, u.message) for u in self.unresolved]
        application = self.check is None and "application" in {r.kind for r in self.requirements}
        if self.gate_fails_impossible or application:
            level = "error" if self.gate_fails_impossible else "notice"
            found += [Finding(c.path, c.line, level, why) for c, why in self.impossible]
        for name, other in self.misspelt:
            found.append(
                Finding(
                    "",
                    0,
                    "notice",
                    f"permission {name} (in a set above) looks like a misspelling of {other}:"
                    " the page may be wrong (GD120 in graphdoc lint)",
                )
            )
        if self.check is None:
            return found
        if self.gate_fails_unresolved:
            found.append(
                Finding(
                    "",
                    0,
                    "error",
                    f"{len(self.unresolved)} call(s) or file(s) not resolved: the gate cannot tell"
                    " whether the grant covers them, so it fails (--allow-unresolved accepts them)",
                )
            )
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
                    (
                        f"{operation}: not possible with {label} access: {why}"
                        if why.startswith(ME_ONLY_CALLS)
                        else f"{operation}: missing {label} permission: {why}"
                    ),
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
        return 1 if self.gate_fails_unresolved or self.gate_fails_impossible else 0

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
                {
                    "path": c.path,
                    "line": c.line,
                    "operation": c.operation,
                    "variants": list(c.variants),
                    "how": c.how,
                }
                for c in self.calls
            ]
            data["unresolved"] = [
                {"path": u.path, "line": u.line, "message": u.message} for u in self.unresolved
            ]
            data["not_possible_with_application"] = [
                {"path": c.path, "line": c.line, "operation": c.operation, "message": why}
                for c, why in self.impossible
            ]
        if self.misspelt:
            data["misspelt_permissions"] = dict(self.misspelt)
        if self.explain:
            data["explain"] = {r.kind: self.explained(r) for r in self.requirements}
        if self.check is not None:
            data["check"] = {
                "kind": self.check.kind,
                "ok": self.status == 0,
                "unresolved_allowed": self.allow_unresolved,
                "missing": {name: why for name, why in self.check.missing},
                "excess": list(self.check.excess),
                "used": list(self.check.used),
            }
        return data

    def explained(self, requirement: Requirement) -> dict[str, list[dict[str, Any]]]:
        """Per permission of the set: the operations whose chosen alternative holds it,
        the page (and line) that says so, and the calls that make them."""
        calls: dict[str, list[Call]] = {}
        for call in self.calls:
            calls.setdefault(call.operation, []).append(call)
        found: dict[str, list[dict[str, Any]]] = {scope: [] for scope in requirement.scopes}
        for operation, alternative in requirement.choices:
            page, lines, included_by = self.origins.get(operation, ("", {}, ""))
            for scope in alternative:
                found.setdefault(scope, []).append(
                    {
                        "operation": operation,
                        "page": page,
                        "line": lines.get(requirement.kind, 0),
                        "included_by": included_by,
                        "together_with": [other for other in alternative if other != scope],
                        "calls": [f"{c.path}:{c.line}" for c in calls.get(operation, [])],
                    }
                )
        return found


def _me(target: str) -> bool:
    path = target.partition("?")[0]
    return path == "/me" or path.startswith("/me/")


def variant_aware(
    catalog: Catalog, calls: tuple[Call, ...]
) -> tuple[Catalog, tuple[tuple[Call, str], ...]]:
    """The catalog as the calls use it: an operation every call of which takes a ``/me``
    path cannot run with application access, whatever its other paths allow; and the
    calls of other operations that take, or may take, a ``/me`` path."""
    by_operation: dict[str, list[Call]] = {}
    for call in calls:
        by_operation.setdefault(call.operation, []).append(call)
    entries: list[OperationPermissions] = []
    impossible: list[tuple[Call, str]] = []
    for name, entry in catalog.entries.items():
        mine = by_operation.get(name, [])
        if mine and entry.kind("application").supported:
            only_me = [c for c in mine if c.variants and all(_me(t) for t in c.variants)]
            maybe_me = [
                c
                for c in mine
                if any(_me(t) for t in c.variants) and not all(_me(t) for t in c.variants)
            ]
            if len(only_me) == len(mine):
                first = only_me[0]
                reason = (
                    f"{ME_ONLY_CALLS} ({first.path}:{first.line})," " which need a signed-in user"
                )
                entry = replace(
                    entry,
                    access=tuple(
                        Access(a.kind, a.least, a.higher, reason) if a.kind == "application" else a
                        for a in entry.access
                    ),
                )
            else:
                impossible += [
                    (
                        c,
                        f"{name}: {c.variants[0].partition('?')[0]} is not possible with application"
                        " access (a /me path needs a signed-in user; pass user_id=)",
                    )
                    for c in only_me
                ]
                impossible += [
                    (
                        c,
                        f"{name}: the call may take a /me path, which is not possible with"
                        " application access (the source does not say whether user_id= is given)",
                    )
                    for c in maybe_me
                ]
        entries.append(entry)
    return Catalog(entries), tuple(sorted(impossible, key=lambda i: (i[0].path, i[0].line)))


def check_granted(
    names: list[str], catalog: Catalog, source: str = "", lines: dict[str, int] | None = None
) -> None:
    """Refuse granted names no page names: a misspelt grant would otherwise be reported
    as over-privilege while the permission it meant is missing."""
    known = {
        scope
        for entry in catalog.entries.values()
        for access in entry.access
        for alternative in access.least + access.higher
        for scope in alternative
    }
    unknown = [name for name in dict.fromkeys(names) if name not in known | OPENID_SCOPES]
    if not unknown:
        return
    problems = []
    for name in unknown:
        close = suggestion(name, known)
        hint = f" (did you mean {close}?)" if close else ""
        line = (lines or {}).get(name)
        where = f" at {source}:{line}" if source and line else ""
        problems.append(f"{name}{where}{hint}")
    raise InputError(
        f"granted permission(s) that no page of the model names: {'; '.join(problems)}"
    )


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
    requirements = tuple(catalog.requirement(ordered, kind) for kind in kinds)
    chosen = {scope for requirement in requirements for scope in requirement.scopes}
    return Answer(
        ordered,
        requirements,
        scanned.calls if scanned else (),
        scanned.unresolved if scanned else (),
        misspelt=tuple(
            (name, other) for name, other in misspelt_names(catalog).items() if name in chosen
        ),
    )


def misspelt_names(catalog: Catalog) -> dict[str, str]:
    """Permission names of the catalog that look like typos of a name more operations
    use (GD120's rule, on the operations at hand): name → the name it likely means."""
    counts: dict[str, int] = {}
    for entry in catalog.entries.values():
        names = {
            scope
            for access in entry.access
            for alternative in access.least + access.higher
            for scope in alternative
        }
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return suspects(counts)


def text(result: Answer, catalog: Catalog) -> str:
    """The answer for a person: per kind, the set, then each operation's share of it."""
    lines: list[str] = []
    if result.calls or result.unresolved:
        lines.append(f"calls found: {len(result.calls)}")
        for call in result.calls:
            how = "" if call.how == "call" else f" ({call.how})"
            paths = ", ".join(t.partition("?")[0] for t in call.variants)
            lines.append(f"  {call.path}:{call.line}: {call.operation}{how}: {paths}")
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
        if result.explain:
            for scope, needs in result.explained(requirement).items():
                lines.append(f"  why {scope}:")
                for need in needs:
                    where = f"{need['page']}:{need['line']}"
                    if not need["line"]:  # a built package keeps page ids, not lines
                        where = f"page {need['page']} (read from a package: no line)"
                    together = need["together_with"]
                    also = f" (with {', '.join(together)})" if together else ""
                    if need["included_by"]:
                        where += f" (included by {need['included_by']})"
                    lines.append(f"    {need['operation']}{also}: the page says so at {where}")
                    for place in need["calls"]:
                        lines.append(f"      called at {place}")
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
