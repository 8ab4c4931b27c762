"""The incremental layer: the pipeline's stages, run again only where the inputs changed.

The stages (:mod:`generator.pipeline`) know nothing of this package. It wraps them at
their boundaries:

- **parse**: each page's work is kept in the cache under a hash of the page's bytes,
  the includes it names and the settings (:class:`Inputs`);
- **assemble** and **render**: a :class:`.plan.RebuildPlan` made from the manifest of
  the last build of the same output redoes only the units (groups) a change touches, and
  carries the others over; a build with no manifest runs a :class:`.plan.FullPlan`;
- **render** of one group is kept under the specs of its operations, and **format** of
  one piece under its text;
- **write** starts from the spare tree of the last build and links the files it keeps.

The tests compare every rebuild of a series of edits with a build from nothing
(``--no-cache``, the bare pipeline) byte for byte.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from ..assemble.cross_page import Model, PageWork, assemble, group_vocabulary
from ..core.errors import FileTooLarge
from ..format.pieces import Piece, warm_formatter
from ..core.model import Operation
from ..pages.discover import PageFile, discover, include_path, page_bytes
from ..pipeline import (
    BuildResult,
    Clock,
    FormatMap,
    Settings,
    Types,
    collector_paused,
    conclude,
    format_files,
    no_operation,
    overrides_of,
    page_job,
    parallel_format,
    parse_resources,
    pool,
    type_spec_files,
    types_of,
)
from ..pipeline import check as pipeline_check
from ..pipeline import compare
from ..render.pysource import Cut
from ..render.pytypes import render_types
from ..render.package import (
    GroupFiles,
    GroupModule,
    Typing,
    keep_compiled_templates,
    use_templates,
    render_group,
    typing_of,
)
from ..core.workers import Workers
from ..write.tree import (
    Signatures,
    Spare,
    Staged,
    Written,
    commit_together,
    locked,
    packaging_artefact,
    stage_tree,
)
from . import cache
from .manifest import FileMemo, Manifest, Unit
from .plan import FullPlan, Output, RebuildPlan

__all__ = ["build", "check"]

FEW_PAGES = 16  # a rebuild of so many changed pages, or fewer, uses one warm worker
MARKER = ".graphdoc"

_INCLUDE = re.compile(r"!INCLUDE\s*\[[^\]\n]*\]\(([^)\s]+)\)", re.I)


class Inputs:
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
            return "missing"  # (not to be read: see pages.include_path)
        if path not in self._hashes:
            folder = os.path.dirname(path)
            if folder not in self._folders:  # a corpus may lack whole folders of includes
                self._folders[folder] = os.path.isdir(folder)
            self._hashes[path] = self.memo.file_hash(path) if self._folders[folder] else "missing"
        return self._hashes[path]

    def page_key(self, page: PageFile) -> str:
        signature, known = self.memo.recall(page.path)
        if isinstance(known, tuple):
            key, includes = known
            if all(self._hash(path) == digest for path, digest in includes):
                self.memo.remember(page.path, signature, known)
                return str(key)
        try:
            data = page_bytes(page)
        except (OSError, FileTooLarge):
            return ""  # unreadable: parsed (and reported) every time
        named: list[tuple[str, str]] = []  # the includes the page names, and their paths
        if b"!include" in data.lower():
            names = sorted(set(_INCLUDE.findall(data.decode("utf-8", "replace"))))
            named = [(name, include_path(page, name)) for name in names]
        depends = [f"{name}={self._hash(path)}" for name, path in named]
        key = cache.key("parse", self.settings.api_version, page.path, page.source, data, *depends)
        hashes = tuple((path, self._hash(path)) for _, path in named)
        self.memo.remember(page.path, signature, (key, hashes))
        return key

    def settings_key(self) -> list[str]:
        settings = self.settings
        parts = [settings.api_version, repr(settings.suppressions)]
        for folder in (settings.overrides, settings.templates):
            for file in sorted(folder.rglob("*")) if folder is not None else ():
                if file.is_file():
                    parts.append(f"{file.as_posix()}={self._hash(str(file))}")
        return parts


@dataclass
class _Reading:
    """The start of every run: the pages found, and the key of each api page."""

    pages: list[PageFile]  # every page found
    api_pages: list[PageFile]
    keys: list[str]  # of each api page
    inputs: str  # a hash of all the build depends on; "" if a page cannot be read
    memo: FileMemo
    resource_pages: list[PageFile]
    types: str  # a hash of every resource page: when it changes, every unit is redone


def _read(paths: list[str], settings: Settings, memo: FileMemo, clock: Clock) -> _Reading:
    pages = discover(paths)
    clock.lap("discover")
    inputs = Inputs(settings, memo)
    api_pages = [page for page in pages if page.kind == "api"]
    keys = [inputs.page_key(page) for page in api_pages]
    resource_pages = [page for page in pages if page.kind == "resource"]
    resource_keys = [inputs.page_key(page) for page in resource_pages]
    types = cache.key("types", *resource_keys) if all(resource_keys) else ""
    digest = ""
    if all(keys) and types:  # an unreadable page is parsed, and reported, every time
        listing = [f"{page.kind}:{page.path}" for page in pages]
        digest = cache.key("inputs", *listing, *keys, types, *inputs.settings_key())
    clock.lap("read")
    return _Reading(pages, api_pages, keys, digest, memo, resource_pages, types)


def _work_page(job: tuple[PageFile, str, cache.Store, str]) -> PageWork:
    page, api_version, store, key = job
    work = page_job(page, api_version)
    if key:
        store.put(key, work)
    return work


def _cached_works(  # type: ignore[no-untyped-def]
    settings: Settings, workers: Workers, read_only: bool = False
):
    """Parse-stage memo: what each page yields, from the cache, else parsed (in parallel)
    and kept."""
    store = cache.Store(settings.cache, "parse", read_only)

    def works(pages: list[PageFile], keys: list[str]) -> list[PageWork]:
        found: list[PageWork | None] = [store.get(key) if key else None for key in keys]
        missing = [index for index, work in enumerate(found) if work is None]
        jobs = [(pages[index], settings.api_version, store, keys[index]) for index in missing]
        parsed = workers.map(  # (a few: parsed here)
            _work_page, jobs, least=settings.jobs + 1, stage="parse pages"
        )
        for index, work in zip(missing, parsed):
            found[index] = work
        return [work for work in found if work is not None]

    return works


def _cached_types(
    reading: _Reading, settings: Settings, workers: Workers, read_only: bool = False
) -> tuple[Types, dict[str, str]]:
    """Parse-stage memo for resource pages: the run's types, resolved, and their specs,
    kept under the keys of every resource page (a type resolves against all the others,
    so they go together)."""
    store = cache.Store(settings.cache, "types", read_only)
    found: tuple[Types, dict[str, str]] | None = store.get(reading.types) if reading.types else None
    if found is None:
        types = types_of(parse_resources(reading.resource_pages, workers))
        found = (types, type_spec_files(types.index))
        if reading.types:
            store.put(reading.types, found)
    return found


def template_key(settings: Settings) -> str:
    """The bytes of the ``--templates`` folder, for the keys of what is rendered with them."""
    folder = settings.templates
    if folder is None:
        return ""
    files = sorted(file for file in folder.rglob("*") if file.is_file())
    return cache.key("templates", *(f"{f.relative_to(folder)}={cache.file_hash(f)}" for f in files))


def _cached_group_module(
    model: Model, settings: Settings, typing: Typing, types_key: str, read_only: bool = False
) -> GroupModule:
    """Render-stage memo: a group module kept under the specs of its operations (a spec
    holds all of an operation) and the run's types (its return types come from them)."""
    specs = {op.qualified_name: spec for op, spec in zip(model.operations, model.specs)}
    store = cache.Store(settings.cache, "group", read_only)
    templates_key = template_key(settings)

    def module(group: str, operations: list[Operation]) -> GroupFiles:
        specs_of = (specs[op.qualified_name] for op in operations)
        key = cache.key("group", group, types_key, templates_key, *specs_of)
        found = store.get(key)
        if found is None:
            found = render_group(group, operations, typing)
            store.put(key, found)
        return found  # type: ignore[no-any-return]

    return module


def _cached_types_module(
    settings: Settings, typing: Typing, types_key: str, read_only: bool = False
) -> tuple[str, tuple[Cut, ...]]:
    """Render-stage memo: the ``types`` module, kept under the run's types."""
    store = cache.Store(settings.cache, "group", read_only)
    key = cache.key("types-module", types_key) if types_key else ""
    found: tuple[str, tuple[Cut, ...]] | None = store.get(key) if key else None
    if found is None:
        found = render_types(typing.index, typing.names)
        if key:
            store.put(key, found)
    return found


def _cached_format(settings: Settings, workers: Workers, read_only: bool = False) -> FormatMap:
    """Format-stage memo: a formatted piece kept under its text."""
    store = cache.Store(settings.cache, "format", read_only)
    run = parallel_format(workers)

    def format_all(todo: Sequence[Piece]) -> list[str]:
        # verbatim pieces are only compiled: cheaper than a cache entry
        keys = {
            piece: cache.key("format", str(piece.in_class), piece.text)
            for piece in todo
            if not piece.verbatim
        }
        done: dict[Piece, str] = {}
        for piece, key in keys.items():
            text = store.get(key)
            if text is not None:
                done[piece] = text
        missing = [piece for piece in todo if piece not in done]
        for piece, text in zip(missing, run(missing)):
            if piece in keys:
                store.put(keys[piece], text)
            done[piece] = text
        return [done[piece] for piece in todo]

    return format_all


def build(
    paths: list[str],
    out: Path,
    specs: Path,
    package: str,
    settings: Settings,
    shared: Workers | None = None,
) -> BuildResult:
    """:func:`_build`, with the output folders locked (:func:`.write.locked`)."""
    with locked(out, specs / settings.api_version):
        return _build(paths, out, specs, package, settings, shared)


@dataclass
class _Start:
    """What a build or a check knows before it analyses: the last build's manifest, if
    this output is still as it left it (else None), and the pages read."""

    where: str  # the manifest's key
    model_dir: Path
    previous: Manifest | None
    reading: _Reading
    unchanged: bool  # every input as the last build read it, and the output as it left it
    templates: str  # the key of the --templates folder (see template_key)


def _start(
    paths: list[str],
    out: Path,
    specs: Path,
    package: str,
    settings: Settings,
    clock: Clock,
    read_only: bool = False,
) -> _Start:
    assert settings.cache is not None, "the bare pipeline builds without a cache"
    model_dir = (specs / settings.api_version).resolve()
    states = cache.Store(settings.cache, "state", read_only)
    where = _state_key(paths, out, model_dir, package)
    found = states.get(where)
    previous: Manifest | None = found if isinstance(found, Manifest) else None
    if previous is not None and _snapshot(out, model_dir) != previous.outputs:
        previous = None  # someone changed or removed an output file: build it all again
    memo = FileMemo(previous.memo if previous else None, time.time_ns())
    reading = _read(paths, settings, memo, clock)
    templates = template_key(settings)
    if previous is not None and reading.inputs and reading.inputs == previous.inputs:
        return _Start(where, model_dir, previous, reading, True, templates)
    if previous is not None and (not previous.incremental or settings.overrides is not None):
        previous = None
    if previous is not None and (not reading.types or reading.types != previous.types):
        previous = None  # the types changed: any example may now check otherwise
    if previous is not None and templates != previous.templates:
        previous = None  # other templates: every file may come out otherwise
    return _Start(where, model_dir, previous, reading, False, templates)


@collector_paused
def _build(
    paths: list[str],
    out: Path,
    specs: Path,
    package: str,
    settings: Settings,
    shared: Workers | None = None,
) -> BuildResult:
    """Build the package into ``out`` and the specs into ``specs``, redoing only what changed.

    The manifest of the last build of the same output says what is already there: a
    rebuild analyses and renders only the units its changed pages touch. Every other unit
    is taken as it was, so the result is the same as a build from nothing.
    """
    assert settings.cache is not None, "the bare pipeline builds without a cache"
    result = BuildResult()
    clock = Clock(result.timings)
    start = _start(paths, out, specs, package, settings, clock)
    previous, reading, where = start.previous, start.reading, start.where
    states = cache.Store(settings.cache, "state")
    result.pages = reading.pages
    if start.unchanged:
        assert previous is not None
        result.report, result.diagnostics = previous.report, previous.diagnostics
        result.unchanged = True  # and the output is as it was left: nothing to do
        if reading.memo.kept != previous.memo:  # files now old enough to be remembered
            states.put(where, replace(previous, memo=reading.memo.kept))
        return result
    with pool(settings.jobs, shared) as workers:
        plan, units, output = _produce(paths, package, settings, start, result, clock, workers)
    spares = settings.cache / cache.SPARES / where
    workers.stage("write")
    outputs, kept_spares = _write(out, start.model_dir, output, previous, spares)
    clock.lap("write")
    manifest = Manifest(
        inputs=reading.inputs,
        pages=plan.page_units(),
        units=units,
        outputs=outputs,
        spares=kept_spares,
        api_version=settings.api_version,
        shared=output.shared,
        report=result.report,
        diagnostics=result.diagnostics,
        incremental=settings.overrides is None,
        memo=reading.memo.kept,
        types=reading.types,
        templates=start.templates,
    )
    if previous is not None:
        manifest.reuse_bytes(previous)
    states.put(where, manifest)
    cache.prune(settings.cache)
    return result


def _produce(
    paths: list[str],
    package: str,
    settings: Settings,
    start: _Start,
    result: BuildResult,
    clock: Clock,
    workers: Workers,
    read_only: bool = False,
) -> tuple[FullPlan, dict[str, Unit], Output]:
    """The stages from parse to format, each through its cache (only read, for a check):
    the plan, the records of every unit, and the files (those carried over named)."""
    assert settings.cache is not None
    previous, reading = start.previous, start.reading
    load = _cached_works(settings, workers, read_only)
    plan: FullPlan = (
        FullPlan(reading.api_pages, reading.keys, load)
        if previous is None
        else RebuildPlan(reading.api_pages, reading.keys, previous, load)
    )
    if plan.little(FEW_PAGES):  # one worker, warmed with black only if it will format
        # (what the built-in templates render is already black's layout: see render)
        workers.start(warm=warm_formatter if settings.templates else None, little=True)
    else:  # (importing black first would slow the parsing down)
        workers.start()
    types, type_specs = _cached_types(reading, settings, workers, read_only)
    result.types = types.index
    plan.known = group_vocabulary(types.index)
    units = _analyse(paths, reading, plan, settings, result, clock, types)
    use_templates(settings.templates)
    if not read_only:
        keep_compiled_templates(settings.cache / "templates")
    workers.stage("render")
    typing = typing_of(result.types)
    group_module = _cached_group_module(result.model, settings, typing, reading.types, read_only)
    output = plan.render(result.model, units, package, settings.api_version, group_module)
    types_file = f"{package}/types.py"
    if previous is None:
        output.files[types_file], output.cuts[types_file] = _cached_types_module(
            settings, typing, reading.types, read_only
        )
        output.specs.update(type_specs)
    else:  # the last build's types (else no previous), so their files are its files
        output.kept[types_file] = types_file
        output.kept_specs.update((name, name) for name in type_specs)
    output.files["report.json"] = json.dumps(result.report, indent=2) + "\n"
    clock.lap("render")
    output.files.update(
        format_files(output.files, output.cuts, _cached_format(settings, workers, read_only))
    )
    clock.lap("format")
    return plan, units, output


def _state_key(paths: list[str], out: Path, model_dir: Path, package: str) -> str:
    """Where the manifest of the last build of this output (by these arguments) is kept."""
    return cache.key("state", os.getcwd(), *paths, str(out.resolve()), str(model_dir), package)


@collector_paused
def check(
    paths: list[str],
    out: Path,
    specs: Path,
    package: str,
    settings: Settings,
    shared: Workers | None = None,
) -> tuple[BuildResult, list[str]]:
    """What a build would change in ``out`` and ``specs``, writing nothing (not even the
    cache), as :func:`.pipeline.check` says it, and as fast as a build would be.

    It starts as a build does, from the manifest of the last build of the same output
    (read through a read-only store: nothing written, no entry marked used). When every
    page, include and setting hashes as that build's did (the generator's own bytes are in
    every hash) and every output file has the size, mtime and inode that build left, a
    build would change nothing: the check says so without building. Otherwise it runs the
    build's stages through the cache, read only, redoing what a rebuild would redo, and
    compares the files a build would write with those on disk, byte for byte (a file the
    rebuild would carry over is the file on disk, as the manifest proves). Without a cache
    (``--no-cache``) it is :func:`.pipeline.check`.
    """
    if settings.cache is None:
        return pipeline_check(paths, out, specs, package, settings, shared)
    result = BuildResult()
    clock = Clock(result.timings)
    start = _start(paths, out, specs, package, settings, clock, read_only=True)
    result.pages = start.reading.pages
    if start.unchanged:
        result.unchanged = True
        return result, []
    with pool(settings.jobs, shared) as workers:
        _, _, output = _produce(paths, package, settings, start, result, clock, workers, True)
    model_dir = specs / settings.api_version  # (named as the user gave it)
    changes = compare(out, model_dir, output.files, output.specs, output.kept, output.kept_specs)
    return result, changes


def _analyse(
    paths: list[str],
    reading: _Reading,
    plan: FullPlan,
    settings: Settings,
    result: BuildResult,
    clock: Clock,
    types: Types,
) -> dict[str, Unit]:
    """The model of the units the build must redo, and the records of every unit."""
    overrides, problems = overrides_of(settings)
    while True:  # again if a stray example of the analysed pages lands in another unit
        works = plan.works(plan.pages())
        clock.lap("parse")
        context = plan.context(works)
        result.model = assemble(works, reading.pages, overrides, context, types=types.index)
        if not plan.widen(result.model):
            break
    result.model.diagnostics.extend(problems)
    units = plan.merge(result.model)
    figures = [record.facts for unit in units.values() for record in unit.operations]
    diagnostics = [d for unit in units.values() for d in unit.diagnostics]
    diagnostics += types.diagnostics  # of the resource pages: found anew by every build
    result.diagnostics, result.report = conclude(
        reading.pages, figures, diagnostics, settings, types.figures
    )
    clock.lap("model")
    if not result.report["operations"]:  # nothing to generate: say why, write nothing
        raise no_operation(paths, len(reading.api_pages), result.diagnostics)
    return units


def _write(
    out: Path,
    model_dir: Path,
    output: Output,
    previous: Manifest | None,
    spares_folder: Path,
) -> tuple[Signatures, dict[str, Signatures]]:
    """Write the package and the specs: the signature of every file written, and of the
    files of each tree kept as a spare (``package``, ``specs``: see :class:`.write.Spare`)."""
    root, files = out.resolve(), output.files
    spares: dict[str, Signatures] = {}

    def tree(name: str, target: Path, files: dict[str, str], kept: dict[str, str]) -> Staged:
        folder = target.resolve()
        present = _relative(folder, previous.outputs) if previous is not None else None
        recorded = previous.spares.get(name) if previous is not None else None
        spare = Spare(spares_folder / name, recorded)
        return stage_tree(target, files, MARKER, kept, present, spare)

    def signatures(name: str, staged: Staged, written: Written) -> Signatures:
        if written.spare is not None:
            spares[name] = written.spare
        return _under(staged.target, written.files)

    if model_dir.is_relative_to(root):  # the specs live inside the package folder:
        inside = model_dir.relative_to(root).as_posix()  # one tree, one atomic swap
        files.update({f"{inside}/{name}": text for name, text in output.specs.items()})
        kept = output.kept | {
            f"{inside}/{name}": f"{inside}/{old}" for name, old in output.kept_specs.items()
        }
        staged = tree("package", out, files, kept)
        return signatures("package", staged, staged.commit()), spares
    package = tree("package", out, files, output.kept)
    staged_specs: list[Staged] = []

    def stage_specs() -> Staged:
        staged_specs.append(tree("specs", model_dir, output.specs, output.kept_specs))
        return staged_specs[0]

    written_package, written_specs = commit_together(package, stage_specs)
    outputs = signatures("package", package, written_package)
    return outputs | signatures("specs", staged_specs[0], written_specs), spares


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
    """Size, modification time and inode of every file under the output folders, but what
    packaging tools left there."""
    found: Signatures = {}
    roots = [folder.resolve() for folder in folders]
    for folder in roots:
        if any(other != folder and folder.is_relative_to(other) for other in roots):
            continue  # the specs inside the package folder: walked with it
        prefix = len(str(folder)) + 1
        for path, info in cache.files_under(folder):
            if packaging_artefact(path[prefix:].replace(os.sep, "/")):
                continue  # (pip's build files: see write.packaging_artefact)
            found[path] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return found
