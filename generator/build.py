"""The build: pages → parse → model (YAML specs) → render → format → write.

Each stage is a module of its own; this one only runs them in order, collects every
diagnostic, and computes the figures of the run summary from what actually happened.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from . import specio
from .diagnostics import Diagnostic, count_by_code, count_by_severity, sort_key
from .fmt import format_python
from .model import Operation
from .naming import resolve_collisions
from .pages import PageFile, discover
from .parse import PageResult, parse_file
from .render import render_package
from .replay import plan
from .write import write_tree

MARKER = ".graphdoc"
_T = TypeVar("_T")
_R = TypeVar("_R")


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _map(function: Callable[[_T], _R], items: list[_T], jobs: int) -> list[_R]:
    """``map`` over processes when it pays; results keep input order, so output is the same."""
    if jobs <= 1 or len(items) < 64:
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(function, items, chunksize=max(1, len(items) // (jobs * 8))))


def _parse_page(job: tuple[PageFile, str]) -> PageResult:
    page, api_version = job
    return parse_file(page.path, api_version, page.source)


def _format_file(job: tuple[str, str]) -> str:
    relative, text = job
    return format_python(relative, text) if relative.endswith(".py") else text


@dataclass
class BuildResult:
    pages: list[PageFile]
    operations: list[Operation]
    diagnostics: list[Diagnostic]
    tests_written: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def examples(self) -> int:
        return sum(len(op.examples) for op in self.operations)

    def summary(self) -> dict[str, object]:
        kinds = Counter(page.kind for page in self.pages)
        return {
            "pages": len(self.pages),
            "api_pages": kinds.get("api", 0),
            "resource_pages": kinds.get("resource", 0),
            "operations": len(self.operations),
            "examples": self.examples,
            "tests_written": self.tests_written,
            "diagnostics": count_by_severity(self.diagnostics),
            "diagnostics_by_code": count_by_code(self.diagnostics),
            "seconds": {stage: round(seconds, 3) for stage, seconds in self.timings.items()},
        }


class _Clock:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


def analyse(paths: list[str], api_version: str, jobs: int = 1) -> BuildResult:
    """Read and parse every page, name the operations; no output is written."""
    result = BuildResult([], [], [])
    clock = _Clock(result.timings)
    result.pages = discover(paths)
    clock.lap("discover")
    display = {page.source: page.path for page in result.pages}
    operations: list[Operation] = []
    api_pages = [(page, api_version) for page in result.pages if page.kind == "api"]
    for parsed in _map(_parse_page, api_pages, jobs):
        result.diagnostics.extend(parsed.diagnostics)
        if parsed.operation is not None:
            operations.append(parsed.operation)
    clock.lap("parse")

    def report(source: str, line: int, code: str, message: str) -> None:
        result.diagnostics.append(Diagnostic(display.get(source, source), line, code, message))

    result.operations = resolve_collisions(operations, report)
    clock.lap("model")
    return result


def lint(paths: list[str], api_version: str, jobs: int = 1) -> BuildResult:
    result = analyse(paths, api_version, jobs)
    display = {page.source: page.path for page in result.pages}
    for operation in result.operations:
        path = display.get(operation.source, operation.source)
        plan(
            operation,
            lambda line, code, message, path=path: result.diagnostics.append(
                Diagnostic(path, line, code, message)
            ),
        )
    result.diagnostics.sort(key=sort_key)
    return result


def build(
    paths: list[str], out: Path, specs: Path, package: str, api_version: str, jobs: int = 1
) -> BuildResult:
    result = analyse(paths, api_version, jobs)
    clock = _Clock(result.timings)
    display = {page.source: page.path for page in result.pages}

    def report(source: str, line: int, code: str, message: str) -> None:
        result.diagnostics.append(Diagnostic(display.get(source, source), line, code, message))

    spec_files = {}
    for operation in result.operations:
        name = operation.id
        suffix = 2
        while f"{name}.yaml" in spec_files:
            name, suffix = f"{operation.id}-{suffix}", suffix + 1
        spec_files[f"{name}.yaml"] = specio.dump(operation)
    clock.lap("model")
    rendered = render_package(result.operations, package, api_version, report)
    result.tests_written = rendered.tests_written
    clock.lap("render")
    result.diagnostics.sort(key=sort_key)
    report = {key: value for key, value in result.summary().items() if key != "seconds"}
    rendered.files["report.json"] = (
        json.dumps(report, indent=2) + "\n"
    )  # no timings: output stays deterministic
    jobs_list = sorted(rendered.files.items())
    files = dict(zip((relative for relative, _ in jobs_list), _map(_format_file, jobs_list, jobs)))
    clock.lap("format")
    write_tree(out, files, marker=MARKER)  # first: the specs folder may live inside it
    write_tree(specs / api_version, spec_files, marker=MARKER)
    clock.lap("write")
    return result
