"""The build: pages → parse → model (YAML specs) → render → format → write.

Each stage is a module of its own; this one only runs them in order, collects every
diagnostic, and computes the figures of the run summary from what actually happened.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import cache, specio
from .diagnostics import Diagnostic, Suppression, sort_key, suppress
from .fmt import Cut, Piece, format_piece, pieces, warm_formatter
from .manifest import FileMemo, IndexKey, Manifest, Unit
from .model import Example, Operation
from .naming import resolve_collisions
from .overrides import apply as apply_overrides
from .overrides import load as load_overrides
from .pages import FileTooLarge, InputError, PageFile, discover, include_path, page_bytes
from .parse import PageResult, page_failed, parse_file
from .render import check_renders, keep_compiled_templates, render_group
from .replay import ReplayCase, operation_index, plan, replay_elsewhere, stray_key
from .report import Facts, build_report, facts
from .scope import Output, Scope
from .secondary import secondary_operation
from .workers import Workers
from .write import Signatures, Spare, Staged, locked, stage_tree

MARKER = ".graphdoc"
_R = TypeVar("_R")


def _collector_paused(function: Callable[..., _R]) -> Callable[..., _R]:
    """Run ``function`` with Python's cycle collector paused.

    A build keeps every page's model until it ends: millions of objects, few of them in
    cycles. The collector would walk them all again and again as they pile up; loading
    the cached pages of the beta corpus took 0.9 s with it and 0.4 s without.
    """

    @functools.wraps(function)
    def paused(*args: Any, **kwargs: Any) -> _R:
        collecting = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if collecting:
                gc.enable()

    return paused


@dataclass(frozen=True)
class PageWork:
    """All that one page yields on its own; computed in a worker, cached under its key.

    The replay plan and the spec text depend only on the page's operation, so they are
    worked out next to the parse, in parallel; the main process redoes them only for an
    operation that an override or a name collision changed.
    """

    parsed: PageResult
    cases: tuple[ReplayCase, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # those of the replay plan
    strays: tuple[Example, ...] = ()  # examples that call another page's operation
    spec: str = ""


def _work(page: PageFile, api_version: str, store: cache.Store, key: str) -> PageWork:
    try:
        work = _page_work(page, api_version)
    except Exception as error:  # a bug a page found: that page's error (GD005), not the build's
        work = PageWork(page_failed(page.path, error))
    if key:
        store.put(key, work)
    return work


def _page_work(page: PageFile, api_version: str) -> PageWork:
    parsed = parse_file(page.path, api_version, page.source, page.root)
    operation = parsed.operation
    work = PageWork(parsed)
    if operation is not None:
        found: list[Diagnostic] = []
        strays: list[Example] = []
        cases = plan(
            operation,
            lambda line, code, message: found.append(Diagnostic(page.path, line, code, message)),
            strays,
        )
        work = PageWork(parsed, tuple(cases), tuple(found), tuple(strays), specio.dump(operation))
        check_renders(operation, cases)  # (what would stop the whole build later, stops this page)
    return work


def _work_page(job: tuple[PageFile, str, cache.Store, str]) -> PageWork:
    return _work(*job)


FEW_PAGES = 16  # a rebuild of so many changed pages, or fewer, uses one warm worker
PIECE_LINES = 200  # a group module longer than this formats in pieces of about this size


@dataclass
class BuildResult:
    pages: list[PageFile]
    operations: list[Operation]
    diagnostics: list[Diagnostic]
    cases: dict[str, list[ReplayCase]] = field(default_factory=dict)  # by qualified name
    report: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    inputs: str = ""  # a hash of all the build depends on; "" if a page cannot be read
    unchanged: bool = False  # the build found its output already up to date
    specs: list[str] = field(default_factory=list)  # the YAML of each operation, in order
    order: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # operation order, by name
    extras: set[str] = field(default_factory=set)  # operations shown only by an example
    strays: dict[str, set[IndexKey]] = field(default_factory=dict)  # by page: stray examples
    links: set[tuple[str, str]] = field(default_factory=set)  # groups: example home, replay

    def forget_model(self) -> None:
        """Drop what :func:`_model` made, before it runs again on more pages."""
        self.operations, self.cases, self.specs, self.diagnostics = [], {}, [], []
        self.order, self.extras, self.strays, self.links = {}, set(), {}, set()

    def add(self, path: str, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(path, line, code, message))


class _Clock:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


@dataclass(frozen=True)
class Settings:
    """What a run reads besides the pages."""

    api_version: str = "v1.0"
    jobs: int = 1
    overrides: Path | None = None  # a folder of override files
    suppressions: tuple[Suppression, ...] = ()
    cache: Path | None = None  # the cache folder; None: no cache


_INCLUDE = re.compile(r"!INCLUDE\s*\[[^\]\n]*\]\(([^)\s]+)\)", re.I)


class _Inputs:
    """The cache key of each page: its bytes, the includes it names, the settings.

    A page whose file and includes are as the last build saw them (:class:`FileMemo`) is
    not read again: a corpus has thousands of pages and more includes.
    """

    def __init__(self, settings: Settings, memo: FileMemo) -> None:
        self.settings = settings
        self.memo = memo
        self._hashes: dict[str, str] = {}
        self._folders: dict[str, bool] = {}  # folder → whether it is there

    def _hash(self, path: str) -> str:
        if not path:
            return "missing"  # (not to be read: see include_path)
        if path not in self._hashes:
            folder = os.path.dirname(path)
            if folder not in self._folders:  # a corpus may lack whole folders of includes
                self._folders[folder] = os.path.isdir(folder)
            self._hashes[path] = self.memo.file_hash(path) if self._folders[folder] else "missing"
        return self._hashes[path]

    def page_key(self, page: PageFile) -> str:
        signature, known = self.memo.recall(page.path)
        if known is not None:
            key, includes = known  # type: ignore[misc]
            if all(self._hash(path) == digest for path, digest in includes):
                self.memo.remember(page.path, signature, known)
                return key
        try:
            data = page_bytes(page)
        except (OSError, FileTooLarge):
            return ""  # unreadable: parsed (and reported) every time
        includes: list[tuple[str, str]] = []
        if b"!include" in data.lower():
            names = sorted(set(_INCLUDE.findall(data.decode("utf-8", "replace"))))
            includes = [(name, include_path(page, name)) for name in names]
        depends = [f"{name}={self._hash(path)}" for name, path in includes]
        key = cache.key("parse", self.settings.api_version, page.path, page.source, data, *depends)
        hashes = tuple((path, self._hash(path)) for _, path in includes)
        self.memo.remember(page.path, signature, (key, hashes))
        return key

    def settings_key(self) -> list[str]:
        settings = self.settings
        parts = [settings.api_version, repr(settings.suppressions)]
        if settings.overrides is not None:
            for file in sorted(settings.overrides.rglob("*")):
                if file.is_file():
                    parts.append(f"{file.as_posix()}={self._hash(str(file))}")
        return parts


@dataclass
class _Reading:
    """The start of every run: the pages found, and the key of each api page."""

    result: BuildResult
    pages: list[PageFile]  # the api pages
    keys: list[str]  # of each api page
    memo: FileMemo


def _read(paths: list[str], settings: Settings, memo: FileMemo | None = None) -> _Reading:
    result = BuildResult([], [], [])
    clock = _Clock(result.timings)
    result.pages = discover(paths)
    clock.lap("discover")
    memo = memo or FileMemo(None, time.time_ns())
    inputs = _Inputs(settings, memo)
    api_pages = [page for page in result.pages if page.kind == "api"]
    keys = [inputs.page_key(page) for page in api_pages]
    if all(keys):  # an unreadable page is parsed, and reported, every time
        listing = [f"{page.kind}:{page.path}" for page in result.pages]
        result.inputs = cache.key("inputs", *listing, *keys, *inputs.settings_key())
    clock.lap("read")
    return _Reading(result, api_pages, keys, memo)


def _page_works(
    pages: list[PageFile], keys: list[str], settings: Settings, workers: Workers
) -> list[PageWork]:
    """What each page yields on its own: from the cache, else parsed (in parallel)."""
    store = cache.Store(settings.cache, "parse")
    found: list[PageWork | None] = [store.get(key) if key else None for key in keys]
    missing = [index for index, work in enumerate(found) if work is None]
    jobs = [(pages[index], settings.api_version, store, keys[index]) for index in missing]
    parsed = workers.map(_work_page, jobs, least=settings.jobs + 1)  # a few pages: parsed here
    for index, work in zip(missing, parsed):
        found[index] = work
    return found  # type: ignore[return-value]


@_collector_paused
def analyse(paths: list[str], settings: Settings) -> BuildResult:
    """Read and parse every page, apply overrides, name the operations, plan replay tests."""
    reading = _read(paths, settings)
    result = reading.result
    clock = _Clock(result.timings)
    with Workers(settings.jobs) as workers:
        workers.start()
        works = _page_works(reading.pages, reading.keys, settings, workers)
    clock.lap("parse")
    _model(result, works, settings)
    clock.lap("model")
    tests = {name: len(cases) for name, cases in result.cases.items()}
    figures = [facts(op, tests.get(op.qualified_name, 0)) for op in result.operations]
    _conclude(result, figures, result.diagnostics, settings)
    return result


def _model(
    result: BuildResult,
    found: list[PageWork],
    settings: Settings,
    context: list[Operation] | None = None,
) -> None:
    """The operations of ``found``: overrides applied, named, with their replay cases.

    ``context`` holds operations of other pages that stray examples may call (all of
    them are in ``found`` unless a rebuild analyses only part of the pages).
    """
    display = {page.source: page.path for page in result.pages}
    operations: list[Operation] = []
    works: dict[str, PageWork] = {}
    for work in found:
        result.diagnostics.extend(work.parsed.diagnostics)
        if work.parsed.operation is not None:
            operations.append(work.parsed.operation)
            works[work.parsed.operation.source] = work
    if settings.overrides is not None:
        overrides = load_overrides(settings.overrides, result.add)
        operations = apply_overrides(operations, overrides, result.add)
    result.operations = resolve_collisions(
        operations, lambda source, *rest: result.add(display.get(source, source), *rest)
    )
    strays: list[tuple[Operation, Example]] = []
    for operation in result.operations:
        result.order[operation.qualified_name] = (0, operation.source, operation.id)
        work = works.get(operation.source)
        original = work.parsed.operation if work is not None else None
        if original is not None and _same_but_name(operation, original):
            assert work is not None
            result.cases[operation.qualified_name] = list(work.cases)
            result.diagnostics.extend(work.diagnostics)
            found_strays = list(work.strays)
        else:  # an override changed it: plan it here
            path = display.get(operation.source, operation.source)
            found_strays = []
            result.cases[operation.qualified_name] = plan(
                operation,
                lambda line, code, message, path=path: result.add(path, line, code, message),
                found_strays,
            )
        strays += [(operation, example) for example in found_strays]
        keys = result.strays.setdefault(operation.source, set())
        keys.update(stray_key(example) for example in found_strays)
        unchanged = work is not None and original is operation  # its spec is the worker's
        result.specs.append(work.spec if unchanged and work else specio.dump(operation))
    index = operation_index(result.operations + (context or []))
    adopted: dict[str, int] = {}
    for home, example in strays:
        elsewhere = replay_elsewhere(example, home, index)
        if elsewhere is not None:
            target, case = elsewhere
            result.cases.setdefault(target.qualified_name, []).append(case)
            result.links.add((home.group, target.group))
            where = display.get(target.source, target.source)
            message = (
                f"example {example.name!r} calls client.{target.group}.{target.name}"
                f" (documented in {where}): replayed against it"
            )
            result.add(
                display.get(home.source, home.source), example.request.line, "GD062", message
            )
            continue
        extra = secondary_operation(home, example)
        if extra is not None:
            count = adopted[home.qualified_name] = adopted.get(home.qualified_name, 0) + 1
            order = (1, home.source, home.id, count)
            _adopt(result, home, example, extra, display.get(home.source, home.source), order)


def _conclude(
    result: BuildResult, figures: list[Facts], diagnostics: list[Diagnostic], settings: Settings
) -> None:
    """The run's diagnostics, suppressions applied and in order, and its report."""
    result.diagnostics, suppressed = suppress(diagnostics, list(settings.suppressions))
    result.diagnostics.sort(key=sort_key)
    result.report = build_report(result.pages, figures, result.diagnostics, settings.api_version)
    result.report["diagnostics_suppressed"] = suppressed


def build(
    paths: list[str], out: Path, specs: Path, package: str, settings: Settings
) -> BuildResult:
    """:func:`_build`, with the output folders locked (:func:`.write.locked`)."""
    with locked(out, specs / settings.api_version):
        return _build(paths, out, specs, package, settings)


@_collector_paused
def _build(
    paths: list[str], out: Path, specs: Path, package: str, settings: Settings
) -> BuildResult:
    """Build the package into ``out`` and the specs into ``specs``, redoing only what changed.

    With a cache, the manifest of the last build of the same output says what is already
    there (:mod:`.manifest`): a rebuild analyses and renders only the units its changed
    pages touch. Every other unit is taken as it was, so the result is the same as a
    build from nothing (the tests compare them).
    """
    model_dir = (specs / settings.api_version).resolve()
    states = cache.Store(settings.cache, "state")
    where = cache.key("state", os.getcwd(), *paths, str(out.resolve()), str(model_dir), package)
    previous: Manifest | None = states.get(where)
    if previous is not None and _snapshot(out, model_dir) != previous.outputs:
        previous = None  # someone changed or removed an output file: build it all again
    reading = _read(paths, settings, FileMemo(previous.memo if previous else None, time.time_ns()))
    result = reading.result
    if previous is not None and result.inputs and result.inputs == previous.inputs:
        result.report, result.diagnostics = previous.report, previous.diagnostics
        result.unchanged = True  # and the output is as it was left: nothing to do
        if reading.memo.kept != previous.memo:  # files now old enough to be remembered
            states.put(where, replace(previous, memo=reading.memo.kept))
        return result
    if previous is None or not previous.incremental or settings.overrides is not None:
        previous = None
    with Workers(settings.jobs) as workers:
        scope = Scope(
            reading.pages,
            reading.keys,
            previous,
            lambda chosen, keys: _page_works(chosen, keys, settings, workers),
        )
        if scope.little(FEW_PAGES):  # one warm worker: see Workers
            workers.start(warm=warm_formatter, little=True)
        else:  # (importing black first would slow the parsing down)
            workers.start()
        units = _analyse_scope(paths, reading, scope, settings)
        clock = _Clock(result.timings)
        if settings.cache is not None:
            keep_compiled_templates(settings.cache / "templates")
        output = scope.render(
            result, units, package, settings.api_version, _group_module(result, settings)
        )
        output.files["report.json"] = json.dumps(result.report, indent=2) + "\n"
        clock.lap("render")
        output.files.update(_format(output.files, output.cuts, settings, workers))
        clock.lap("format")
    spares = settings.cache / cache.SPARES / where if settings.cache is not None else None
    outputs, kept_spares = _write(out, model_dir, output, previous, spares)
    clock.lap("write")
    if settings.cache is not None:
        manifest = Manifest(
            inputs=result.inputs,
            pages=scope.page_units(),
            units=units,
            outputs=outputs,
            spares=kept_spares,
            api_version=settings.api_version,
            shared=output.shared,
            report=result.report,
            diagnostics=result.diagnostics,
            incremental=settings.overrides is None,
            memo=reading.memo.kept,
        )
        states.put(where, manifest)
        cache.prune(settings.cache)
    return result


def _analyse_scope(
    paths: list[str], reading: _Reading, scope: Scope, settings: Settings
) -> dict[str, Unit]:
    """The model of the units the build must redo, and the records of every unit."""
    result = reading.result
    clock = _Clock(result.timings)
    while True:  # again if a stray example of the analysed pages lands in another group
        result.forget_model()
        works = scope.works(scope.pages())
        clock.lap("parse")
        _model(result, works, settings, scope.context(works))
        if not scope.widen(result):
            break
    units = scope.merge(result)
    figures = [record.facts for unit in units.values() for record in unit.operations]
    _conclude(result, figures, [d for unit in units.values() for d in unit.diagnostics], settings)
    clock.lap("model")
    if not result.report["operations"]:  # nothing to generate: say why, write nothing
        first = next((d for d in result.diagnostics if d.severity == "error"), None)
        reason = f"; first error: {first.format()}" if first else ""
        raise InputError(
            f"{', '.join(paths)}: no operation in {len(reading.pages)} api page(s){reason}"
        )
    return units


def _write(
    out: Path,
    model_dir: Path,
    output: Output,
    previous: Manifest | None,
    spares_folder: Path | None,
) -> tuple[Signatures, dict[str, Signatures]]:
    """Write the package and the specs: the signature of every file written, and of the
    files of each tree kept as a spare (``package``, ``specs``: see :class:`.write.Spare`),
    in ``spares_folder`` (``None``: no spares)."""
    root, files = out.resolve(), output.files
    spares: dict[str, Signatures] = {}

    def tree(name: str, target: Path, files: dict[str, str], kept: dict[str, str]) -> Staged:
        folder = target.resolve()
        present = _relative(folder, previous.outputs) if previous is not None else None
        spare = None
        if spares_folder is not None:
            recorded = previous.spares.get(name) if previous is not None else None
            spare = Spare(spares_folder / name, recorded)
        return stage_tree(target, files, MARKER, kept, present, spare)

    def commit(name: str, staged: Staged) -> Signatures:
        written = staged.commit()
        if written.spare is not None:
            spares[name] = written.spare
        return _under(staged.target, written.files)

    if model_dir.is_relative_to(root):  # the specs live inside the package folder:
        inside = model_dir.relative_to(root).as_posix()  # one tree, one atomic swap
        files.update({f"{inside}/{name}": text for name, text in output.specs.items()})
        kept = output.kept | {
            f"{inside}/{name}": f"{inside}/{old}" for name, old in output.kept_specs.items()
        }
        return commit("package", tree("package", out, files, kept)), spares
    package = tree("package", out, files, output.kept)  # both staged before either is swapped
    try:
        specs = tree("specs", model_dir, output.specs, output.kept_specs)
    except BaseException:
        package.discard()
        raise
    try:
        outputs = commit("package", package)
    except BaseException:
        specs.discard()
        raise
    return outputs | commit("specs", specs), spares


def _group_module(
    result: BuildResult, settings: Settings
) -> Callable[[str, list[Operation]], tuple[str, tuple[Cut, ...]]]:
    """:func:`render_group`, cached by the specs of the group's operations (a spec holds
    all of an operation): a rebuild renders only the groups whose operations changed."""
    specs = {op.qualified_name: spec for op, spec in zip(result.operations, result.specs)}
    store = cache.Store(settings.cache, "group")

    def module(group: str, operations: list[Operation]) -> tuple[str, tuple[Cut, ...]]:
        key = cache.key("group", group, *(specs[op.qualified_name] for op in operations))
        found = store.get(key)
        if found is None:
            found = render_group(group, operations)
            store.put(key, found)
        return found

    return module


def _adopt(
    result: BuildResult,
    home: Operation,
    example: Example,
    extra: Operation,
    path: str,
    order: tuple[Any, ...],
) -> None:
    """Add an operation shown only by ``example`` of ``home``'s page, and move the example to it."""
    taken = {operation.qualified_name for operation in result.operations}
    name, suffix = extra.name, 2
    while f"{extra.group}.{name}" in taken:
        name, suffix = f"{extra.name}_{suffix}", suffix + 1
    extra = replace(extra, name=name)
    result.add(
        path,
        example.request.line,
        "GD063",
        f"example {example.name!r} ({extra.http_method} {extra.variants[0].path}) is a call"
        f" no page documents: added as client.{extra.group}.{extra.name}",
    )
    at = next(
        i for i, op in enumerate(result.operations) if op.qualified_name == home.qualified_name
    )
    current = result.operations[at]
    kept = tuple(item for item in current.examples if item is not example)
    result.operations[at] = replace(current, examples=kept)
    result.specs[at] = specio.dump(result.operations[at])
    result.operations.append(extra)
    result.order[extra.qualified_name] = order
    result.extras.add(extra.qualified_name)
    result.cases[extra.qualified_name] = plan(
        extra, lambda line, code, message: result.add(path, line, code, message)
    )
    result.specs.append(specio.dump(extra))


def _format(
    files: dict[str, str], cuts: dict[str, tuple[Cut, ...]], settings: Settings, workers: Workers
) -> dict[str, str]:
    """Every Python file formatted by black: cached by content, in parallel, in pieces."""
    jobs: dict[str, list[tuple[Piece, str]]] = {}
    for name, text in files.items():
        if name.endswith(".py"):
            jobs[name] = pieces(name, text, cuts.get(name, ()), PIECE_LINES)
    store = cache.Store(settings.cache, "format")
    keys = {
        piece: cache.key("format", str(piece.in_class), piece.text)
        for parts in jobs.values()
        for piece, _ in parts
    }
    done: dict[Piece, str] = {}
    for piece, key in keys.items():
        text = store.get(key) if settings.cache is not None else None
        if text is not None:
            done[piece] = text
    todo = sorted((p for p in keys if p not in done), key=lambda p: -len(p.text))
    for piece, text in zip(todo, workers.map(format_piece, todo, chunksize=1)):
        store.put(keys[piece], text)
        done[piece] = text
    return {
        name: "".join(done[piece] + gap for piece, gap in parts) for name, parts in jobs.items()
    }


def _same_but_name(operation: Operation, original: Operation) -> bool:
    """Whether only a name collision changed ``operation``, which no replay case depends on."""
    if operation is original:
        return True
    return operation.name != original.name and replace(original, name=operation.name) == operation


def _relative(root: Path, found: Signatures) -> Signatures:
    prefix = f"{root}{os.sep}"
    size = len(prefix)  # (plain string operations: thousands of files)
    if os.sep == "/":
        return {path[size:]: value for path, value in found.items() if path.startswith(prefix)}
    return {
        path[size:].replace(os.sep, "/"): value
        for path, value in found.items()
        if path.startswith(prefix)
    }


def _under(root: Path, found: Signatures) -> Signatures:
    prefix = f"{root}{os.sep}"
    if os.sep == "/":
        return {prefix + name: value for name, value in found.items()}
    return {prefix + name.replace("/", os.sep): value for name, value in found.items()}


def _snapshot(*folders: Path) -> Signatures:
    """Size, modification time and inode of every file under the output folders."""
    found: Signatures = {}
    roots = [folder.resolve() for folder in folders]
    for folder in roots:
        if any(other != folder and folder.is_relative_to(other) for other in roots):
            continue  # the specs inside the package folder: walked with it
        for path, info in cache.files_under(folder):
            found[path] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return found
