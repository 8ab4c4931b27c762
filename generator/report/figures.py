"""The run report: every figure computed from what the run saw and produced.

``report.json`` is written beside the package (or where ``--report`` says) and holds no
timings or absolute paths, so the same input gives the same bytes. The rates are the
ones graphdoc is held to on the real documentation: api pages that became operations,
permission rows understood (of the rows that name a permission, in a well-formed table or
not), operations whose permissions were understood in full, and example requests to Graph
that became replay tests. A table counts rows, not tables: a table that gave three kinds
but lost a fourth row naming a permission does not count as understood.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, NamedTuple

from .. import __version__
from ..core.diagnostics import (
    Diagnostic,
    EXAMPLE_COLLECTION_MISMATCH,
    EXAMPLE_PROPERTY_UNKNOWN,
    EXAMPLE_VALUE_KIND,
    HTTP_REQUEST_MISSING,
    PAGE_UNREADABLE,
    TYPE_UNRESOLVED,
    count_by_code,
    count_by_severity,
)
from ..core.model import PERMISSION_KINDS, Operation
from ..pages.discover import PageFile
from ..parse.permissions import UNTYPED
from ..parse.urls import on_graph_host


def _rate(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 100.0


class Facts(NamedTuple):
    """What the report counts of one operation: kept by a build for the operations it
    does not load again, so a rebuild counts the whole package without its model.
    (A tuple: a manifest holds thousands, read back on every rebuild.)"""

    source: str
    api_version: str
    variants: bool
    permissions_source: bool  # a permissions table was found (not a missing include)
    all_permission_kinds: bool
    status: bool
    example_requests: int
    graph_requests: int
    tests: int  # replay tests written for it
    rows_understood: tuple[int, ...] = (0, 0, 0)  # per kind: rows read, naming a permission
    # per kind, then kind unknown, then rows of a table that has no permission types at all
    rows_lost: tuple[int, ...] = (0, 0, 0, 0, 0)
    # per kind: 1 when a supported row names a permission; the names of every row
    permission_kinds: tuple[int, ...] = (0, 0, 0)
    permission_names: tuple[str, ...] = ()


def facts(operation: Operation, tests: int) -> Facts:
    permissions = operation.permissions
    with_source = bool(permissions.line) and not permissions.missing_include
    requests = [example.request for example in operation.examples]
    understood = [0] * len(PERMISSION_KINDS)
    for row in permissions.rows:
        understood[PERMISSION_KINDS.index(row.kind)] += row.supported
    lost = [0] * (len(PERMISSION_KINDS) + 2)
    for kind, _ in permissions.lost:
        if kind in PERMISSION_KINDS:
            lost[PERMISSION_KINDS.index(kind)] += 1
        else:
            lost[-1 if kind == UNTYPED else -2] += 1
    return Facts(
        source=operation.source,
        api_version=operation.api_version,
        variants=bool(operation.variants),
        permissions_source=with_source,
        all_permission_kinds=with_source
        and {row.kind for row in permissions.rows} >= set(PERMISSION_KINDS),
        status=bool(operation.response.status),
        example_requests=len(requests),
        graph_requests=sum(1 for request in requests if on_graph_host(request.url)),
        tests=tests,
        rows_understood=tuple(understood),
        rows_lost=tuple(lost),
        permission_kinds=tuple(
            int(
                any(
                    row.kind == kind and row.supported and (row.least or row.higher)
                    for row in permissions.rows
                )
            )
            for kind in PERMISSION_KINDS
        ),
        permission_names=tuple(
            sorted(
                {
                    name
                    for row in permissions.rows
                    for choice in row.least + row.higher
                    for name in choice
                }
            )
        ),
    )


def _counts(
    pages: list[PageFile], operations: list[Facts], diagnostics: list[Diagnostic]
) -> dict[str, Any]:
    page_kinds = Counter(page.kind for page in pages)
    api_pages = page_kinds.get("api", 0)
    # pages, not operations: a page may also yield an operation shown only by its example
    sources = {op.source for op in operations if op.variants}
    with_operation = sum(1 for page in pages if page.kind == "api" and page.source in sources)
    with_source = sum(1 for op in operations if op.permissions_source)
    complete = sum(1 for op in operations if op.all_permission_kinds)
    with_rows = sum(1 for op in operations if op.permissions_source or any(op.rows_lost))
    understood = sum(1 for op in operations if op.all_permission_kinds and not any(op.rows_lost))
    rows: dict[str, dict[str, int]] = {
        kind: {
            "understood": sum(op.rows_understood[i] for op in operations),
            "lost": sum(op.rows_lost[i] for op in operations),
        }
        for i, kind in enumerate(PERMISSION_KINDS)
    }
    rows["kind_unknown"] = {"understood": 0, "lost": sum(op.rows_lost[-2] for op in operations)}
    rows_read = sum(item["understood"] for item in rows.values())
    rows_lost = sum(item["lost"] for item in rows.values())
    untyped = sum(op.rows_lost[-1] for op in operations)
    requests = sum(op.example_requests for op in operations)
    graph_requests = sum(op.graph_requests for op in operations)
    tests = sum(op.tests for op in operations)
    return {
        "files_seen": len(pages),
        "api_pages": api_pages,
        "resource_pages": page_kinds.get("resource", 0),
        "pages_without_operation": api_pages - with_operation,
        "operations": len(operations),
        "operations_with_variants": sum(1 for op in operations if op.variants),
        "operations_with_permissions_source": with_source,
        "operations_with_all_permission_kinds": complete,
        "operations_with_permissions_understood": understood,
        "permission_rows": {
            "understood": rows_read,
            "lost": rows_lost,
            "by_kind": rows,
            "in_tables_without_types": untyped,
        },
        "operations_with_status": sum(1 for op in operations if op.status),
        "operations_with_examples": sum(1 for op in operations if op.example_requests),
        "example_requests": requests,
        "example_requests_on_graph": graph_requests,
        "replay_tests": tests,
        "rates_percent": {
            "api_pages_to_operation": _rate(with_operation, api_pages),
            "permission_rows_understood": _rate(rows_read, rows_read + rows_lost),
            "operations_permissions_understood": _rate(understood, with_rows),
            "permissions_all_kinds": _rate(complete, with_source),  # deprecated: counts tables
            "graph_examples_replayed": _rate(tests, graph_requests),
        },
        "permissions_coverage": _coverage(operations),
        "diagnostics_by_severity": count_by_severity(diagnostics),
        "diagnostics_by_code": count_by_code(diagnostics),
    }


# The diagnostics that say an api page gave no operation (and why).
NO_OPERATION = frozenset({PAGE_UNREADABLE, HTTP_REQUEST_MISSING})


def pages_without_operation(diagnostics: list[Diagnostic]) -> list[dict[str, object]]:
    """Each page that gave no operation, with the diagnostic that says why, in path order."""
    found: dict[str, Diagnostic] = {}
    for diagnostic in diagnostics:
        if diagnostic.code in NO_OPERATION and diagnostic.path not in found:
            found[diagnostic.path] = diagnostic
    return [
        {"path": d.path, "line": d.line, "code": d.code, "message": d.message}
        for _, d in sorted(found.items())
    ]


def _coverage(operations: list[Facts]) -> dict[str, Any]:
    """What ``graphdoc permissions`` can answer: the operations with permissions for each
    kind, and how many operations name each permission (by name)."""
    uses = Counter(name for op in operations for name in op.permission_names)
    return {
        "operations_by_kind": {
            kind: sum(op.permission_kinds[i] for op in operations)
            for i, kind in enumerate(PERMISSION_KINDS)
        },
        "operations_by_permission": {name: uses[name] for name in sorted(uses)},
    }


def _types(figures: dict[str, Any], diagnostics: list[Diagnostic]) -> dict[str, Any]:
    """The types of the resource pages, and the example responses that disagree with them."""
    codes = Counter(d.code for d in diagnostics)
    found = dict(figures)
    found["rates_percent"] = {
        "resource_pages_to_type": _rate(
            figures["resource_pages_to_type"], figures["resource_pages_describing_a_type"]
        ),
        "resource_pages_to_type_of_all": _rate(
            figures["resource_pages_to_type"], figures["resource_pages"]
        ),
        "properties_resolved": _rate(figures["properties_resolved"], figures["properties"]),
    }
    found["properties_unresolved_reported"] = codes.get(TYPE_UNRESOLVED, 0)
    found["example_mismatches"] = {
        "unknown_property": codes.get(EXAMPLE_PROPERTY_UNKNOWN, 0),
        "wrong_kind": codes.get(EXAMPLE_VALUE_KIND, 0),
        "collection_or_single": codes.get(EXAMPLE_COLLECTION_MISMATCH, 0),
    }
    return found


def build_report(
    pages: list[PageFile],
    operations: list[Facts],
    diagnostics: list[Diagnostic],
    api_version: str,
    types: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The whole report, and the same figures per API version."""
    report: dict[str, Any] = {"graphdoc": __version__}
    counts = _counts(pages, operations, diagnostics)
    report.update(counts)
    report["pages_giving_no_operation"] = pages_without_operation(diagnostics)
    if types is not None and types["resource_pages"]:
        report["types"] = _types(types, diagnostics)
    versions = sorted({op.api_version for op in operations} | {api_version})
    report["by_api_version"] = {}
    if len(versions) == 1:  # the usual case: the same figures again
        report["by_api_version"][versions[0]] = dict(counts)
        return report
    for version in versions:
        members = [op for op in operations if op.api_version == version]
        sources = {op.source for op in members}
        version_pages = pages if len(versions) == 1 else [p for p in pages if p.source in sources]
        report["by_api_version"][version] = _counts(version_pages, members, diagnostics)
    return report


def table(report: dict[str, Any]) -> str:
    """A compact text table of the report, printed at the end of a run."""
    rates = report["rates_percent"]
    permission_rows = report["permission_rows"]
    severities = report["diagnostics_by_severity"]
    rows: Iterable[tuple[str, object]] = (
        (
            "pages read",
            f"{report['files_seen']} ({report['api_pages']} api, {report['resource_pages']} resource)",
        ),
        ("operations", f"{report['operations']} ({rates['api_pages_to_operation']}% of api pages)"),
        (
            "permission rows",
            f"{permission_rows['understood']} understood of {permission_rows['understood'] + permission_rows['lost']} naming a permission ({rates['permission_rows_understood']}%)"
            + (
                f"; {permission_rows['in_tables_without_types']} more in tables without types"
                if permission_rows["in_tables_without_types"]
                else ""
            ),
        ),
        (
            "with permissions",
            f"{report['operations_with_permissions_understood']} understood in full ({rates['operations_permissions_understood']}%)",
        ),
        ("with status", report["operations_with_status"]),
        (
            "examples",
            f"{report['example_requests']} ({report['example_requests_on_graph']} to Graph)",
        ),
        (
            "tests written",
            f"{report['replay_tests']} ({rates['graph_examples_replayed']}% of examples to Graph)",
        ),
        ("diagnostics", ", ".join(f"{count} {name}" for name, count in severities.items())),
    )
    return "\n".join(f"{label:<18}{value}" for label, value in rows)
