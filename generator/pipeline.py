"""The run, stage by stage: pages → parse → assemble → render → format → write.

Each function here is one stage or the whole run, and each stage is a module of its own;
this module only hands each stage's result to the next. Nothing here remembers an
earlier run: the incremental layer (:mod:`.incremental`) wraps these same stages with a
cache and a manifest, and a test checks that both write the same bytes.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, TypeVar

from .parse import specio
from .assemble.cross_page import (
    Model,
    PageWork,
    assemble,
    group_vocabulary,
    page_work,
    planned,
    spec_files,
)
from .core.diagnostics import (
    MODEL_FILE_INVALID,
    PERMISSION_NAME_TYPO,
    Diagnostic,
    Suppression,
    sort_key,
    suppress,
)
from .core.errors import InputError, ModelInvalid
from .core.model import Operation
from .format.pieces import Piece, format_piece, pieces
from .assemble.overrides import Override
from .assemble.overrides import load as load_overrides
from .pages.discover import PageFile, discover
from .parse.permission_names import suspects
from .parse.page import PageResult, page_failed, parse_file
from .render.pysource import Cut
from .render.package import (
    check_renders,
    in_blacks_layout,
    render_package,
    typing_of,
    use_templates,
)
from .render.tailor import Tailor, reached_types, restrict
from .report.figures import Facts, build_report, facts
from .parse.resources import ResourceResult, parse_resource_file
from .assemble.typecheck import TypeIndex, build_index, type_figures, type_specs
from .core.workers import Workers
from .write.tree import commit_together, differences, locked, stage_tree, write_tree

MARKER = ".graphdoc"  # the file that marks a folder as graphdoc's output
PIECE_LINES = 200  # a group module longer than this formats in pieces of about this size
_R = TypeVar("_R")


@dataclass(frozen=True)
class Settings:
    """What a run reads besides the pages."""

    api_version: str = "v1.0"
    jobs: int = 1
    overrides: Path | None = None  # a folder of override files
    suppressions: tuple[Suppression, ...] = ()
    cache: Path | None = None  # the cache folder; None: no cache
    templates: Path | None = None  # templates replacing built-in ones of the same name
    # ``--only-used``: what of the model to keep (a tailored package; built without a cache)
    tailor: Tailor | None = None


@dataclass
class BuildResult:
    """What a run found and did, for the command line and the tests."""

    pages: list[PageFile] = field(default_factory=list)
    model: Model = field(default_factory=Model)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # suppressed ones left out
    report: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    unchanged: bool = False  # the build found its output already up to date
    types: TypeIndex = field(default_factory=TypeIndex)

    @property
    def operations(self) -> list[Any]:
        return self.model.operations

    @property
    def cases(self) -> dict[str, Any]:
        return self.model.cases


class Clock:
    """Seconds spent in each stage, summed over the stage's visits."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


def collector_paused(function: Callable[..., _R]) -> Callable[..., _R]:
    """Run ``function`` with Python's cycle collector paused.

    A build keeps every page's model until it ends: millions of objects, few of them in
    cycles, which the collector would otherwise walk again and again as they pile up.
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


@contextlib.contextmanager
def pool(jobs: int, shared: Workers | None = None) -> Iterator[Workers]:
    """The workers of one run: ``shared`` ones (a run over several versions), or new ones
    that end with the run."""
    if shared is not None:
        yield shared
        return
    with Workers(jobs) as workers:
        yield workers


# the stages


def page_job(page: PageFile, api_version: str) -> PageWork:
    """One page's work, as a worker does it: parsed, planned, and rendered once alone, so
    that a page a stage fails on costs only itself (its GD005), never the build."""
    try:
        work = page_work(page, api_version)
        if work.parsed.operation is not None:
            check_renders(work.parsed.operation, list(work.cases))
    except Exception as error:  # a bug a page found: that page's error, not the build's
        work = PageWork(page_failed(page.path, error))
    return work


def _page_job(job: tuple[PageFile, str]) -> PageWork:
    return page_job(*job)


def parse_pages(pages: Sequence[PageFile], api_version: str, workers: Workers) -> list[PageWork]:
    """Parse and plan every api page, in parallel; a few pages are done in this process."""
    jobs = [(page, api_version) for page in pages]
    return workers.map(_page_job, jobs, least=workers.jobs + 1, stage="parse pages")


def _resource_work(page: PageFile) -> ResourceResult:
    """One resource page's types; a page the parser fails on costs only itself (GD005)."""
    try:
        return parse_resource_file(page.path, page.source, page.root)
    except Exception as error:  # a bug a page found: that page's error, not the build's
        return ResourceResult(page.path, (), page_failed(page.path, error).diagnostics, False)


def parse_resources(pages: Sequence[PageFile], workers: Workers) -> list[ResourceResult]:
    """Read every resource page's types, in parallel."""
    return workers.map(_resource_work, list(pages), least=workers.jobs + 1, stage="read types")


def _operation_only(job: tuple[PageFile, str]) -> Operation | None:
    page, api_version = job
    try:
        return parse_file(page.path, api_version, page.source, page.root).operation
    except Exception:  # a bug a page found: the lint and build report it (GD005)
        return None


def documented(
    paths: list[str], settings: Settings, operations: bool = True
) -> tuple[TypeIndex, list[Operation]]:
    """The types and (if asked) the operations of pages, parsed only: what comparing
    the docs with Microsoft's metadata needs (``graphdoc drift``), without planning,
    rendering or assembling."""
    pages = discover(paths)
    api_pages = [page for page in pages if page.kind == "api"] if operations else []
    resource_pages = [page for page in pages if page.kind == "resource"]
    with pool(settings.jobs) as workers:
        workers.start()
        jobs = [(page, settings.api_version) for page in api_pages]
        found = workers.map(_operation_only, jobs, least=workers.jobs + 1) if jobs else []
        types = types_of(parse_resources(resource_pages, workers))
    return types.index, [operation for operation in found if operation is not None]


@dataclass(frozen=True)
class Types:
    """The types of a run, resolved, with their diagnostics and report figures."""

    index: TypeIndex
    diagnostics: tuple[Diagnostic, ...]
    figures: dict[str, Any]


def types_of(results: Sequence[ResourceResult]) -> Types:
    """All the types of the resource pages read (in path order), resolved against each other."""
    found: list[Diagnostic] = [d for result in results for d in result.diagnostics]
    ordered = sorted(results, key=lambda result: result.path)
    index = build_index(
        ((result.path, result.types) for result in ordered),
        lambda *args: found.append(Diagnostic(*args)),
        frozenset().union(*(result.words for result in results)),
        {name: members for result in results for name, members in result.unverified},
    )
    group_vocabulary(index)  # (kept with the index: a rebuild reads it from the cache)
    figures = type_figures(
        len(results),
        sum(1 for result in results if result.described),
        sum(1 for result in results if result.types),
        index,
    )
    return Types(index, tuple(found), figures)


def type_spec_files(index: TypeIndex) -> dict[str, str]:
    """The spec of each type, under ``types/``."""
    return {name: specio.dump(item) for name, item in type_specs(index).items()}


def overrides_of(settings: Settings) -> tuple[list[Override] | None, list[Diagnostic]]:
    """The override entries of the settings' folder, and what is wrong with its files."""
    if settings.overrides is None:
        return None, []
    found: list[Diagnostic] = []
    entries = load_overrides(settings.overrides, lambda *args: found.append(Diagnostic(*args)))
    return entries, found


def conclude(
    pages: list[PageFile],
    figures: list[Facts],
    diagnostics: list[Diagnostic],
    settings: Settings,
    types: dict[str, Any] | None = None,
) -> tuple[list[Diagnostic], dict[str, Any]]:
    """The run's diagnostics (suppressions applied, in order) and its report."""
    kept, suppressed = suppress(diagnostics, list(settings.suppressions))
    kept.sort(key=sort_key)
    report = build_report(pages, figures, kept, settings.api_version, types)
    report["diagnostics_suppressed"] = suppressed
    return kept, report


def permission_typos(
    operations: Sequence[Operation], pages: Sequence[PageFile]
) -> list[Diagnostic]:
    """GD120 for permission names that look like typos of a name the run uses more often
    (:mod:`.permission_names`): a run of every page sees them all, so ``lint`` checks this."""
    counts: dict[str, int] = {}
    places: dict[str, list[tuple[str, int]]] = {}
    display = {page.source: page.path for page in pages}
    for operation in operations:
        seen: set[str] = set()
        for row in operation.permissions.rows:
            for alternative in row.least + row.higher:
                for name in alternative:
                    if name not in seen:
                        seen.add(name)
                        counts[name] = counts.get(name, 0) + 1
                    line = row.line or operation.permissions.line or operation.line
                    where = (display.get(operation.source, operation.source), line)
                    if where not in places.setdefault(name, []):
                        places[name].append(where)
    found: list[Diagnostic] = []
    for name, other in suspects(counts).items():
        for path, line in places[name]:
            found.append(
                Diagnostic(
                    path,
                    line,
                    PERMISSION_NAME_TYPO,
                    f"permission {name!r} looks like a misspelling of {other!r}"
                    f" (named by {counts[other]} page(s), this one by {counts[name]})",
                )
            )
    return found


def figures_of(model: Model) -> list[Facts]:
    return [facts(op, len(model.cases.get(op.qualified_name, ()))) for op in model.operations]


def no_operation(paths: Sequence[str], api_pages: int, diagnostics: list[Diagnostic]) -> InputError:
    """The error of a run that found nothing to generate: say why, write nothing."""
    first = next((d for d in diagnostics if d.severity == "error"), None)
    reason = f"; first error: {first.format()}" if first else ""
    return InputError(f"{', '.join(paths)}: no operation in {api_pages} api page(s){reason}")


def model_specs(model: Model) -> dict[str, str]:
    """The spec file of each operation, named by its id in model order."""
    ordered = sorted(
        zip(model.operations, model.specs), key=lambda pair: model.order[pair[0].qualified_name]
    )
    names = spec_files([operation.id for operation, _ in ordered])
    return {name: text for name, (_, text) in zip(names, ordered)}


FormatMap = Callable[[Sequence[Piece]], list[str]]


def format_files(
    files: dict[str, str], cuts: dict[str, tuple[Cut, ...]], format_all: FormatMap
) -> dict[str, str]:
    """Every Python file of ``files`` formatted by black, in pieces cut at operations;
    ``format_all`` formats a list of pieces (in parallel, or from a cache)."""
    jobs: dict[str, list[tuple[Piece, str]]] = {}
    whole = (Cut(0, in_class=False, verbatim=in_blacks_layout()),)  # a file with no cuts
    for name, text in files.items():
        if name.endswith((".py", ".pyi")):  # (a stub is Python too: its cuts say verbatim)
            jobs[name] = pieces(name, text, cuts.get(name) or whole, PIECE_LINES)
    todo = list(dict.fromkeys(piece for parts in jobs.values() for piece, _ in parts))
    done = dict(zip(todo, format_all(todo)))
    return {
        name: "".join(done[piece] + gap for piece, gap in parts) for name, parts in jobs.items()
    }


def parallel_format(workers: Workers) -> FormatMap:
    def format_all(todo: Sequence[Piece]) -> list[str]:
        longest_first = sorted(todo, key=lambda piece: -len(piece.text))
        formatted = workers.map(format_piece, longest_first, chunksize=1, stage="format code")
        done = dict(zip(longest_first, formatted))
        return [done[piece] for piece in todo]

    return format_all


# the whole run


@collector_paused
def analyse(paths: list[str], settings: Settings, shared: Workers | None = None) -> BuildResult:
    """Read and parse every page, apply overrides, name the operations, plan replay tests."""
    result = BuildResult()
    clock = Clock(result.timings)
    result.pages = discover(paths)
    clock.lap("discover")
    api_pages = [page for page in result.pages if page.kind == "api"]
    resource_pages = [page for page in result.pages if page.kind == "resource"]
    with pool(settings.jobs, shared) as workers:
        workers.start()
        works = parse_pages(api_pages, settings.api_version, workers)
        types = types_of(parse_resources(resource_pages, workers))
    clock.lap("parse")
    workers.stage("assemble")
    result.types = types.index
    overrides, problems = overrides_of(settings)
    result.model = assemble(works, result.pages, overrides, types=types.index)
    clock.lap("model")
    result.diagnostics, result.report = conclude(
        result.pages,
        figures_of(result.model),
        result.model.diagnostics
        + problems
        + list(types.diagnostics)
        + permission_typos(result.model.operations, result.pages),
        settings,
        types.figures,
    )
    return result


@collector_paused
def build(
    paths: list[str],
    out: Path,
    specs: Path,
    package: str,
    settings: Settings,
    shared: Workers | None = None,
) -> BuildResult:
    """Build the package into ``out`` and the specs into ``specs``, from nothing."""
    with locked(out, specs / settings.api_version):
        result, files, specs_files = generate(paths, package, settings, shared)
        clock = Clock(result.timings)
        write_outputs(out, specs / settings.api_version, files, specs_files)
        clock.lap("write")
    return result


def check(
    paths: list[str],
    out: Path,
    specs: Path,
    package: str,
    settings: Settings,
    shared: Workers | None = None,
) -> tuple[BuildResult, list[str]]:
    """What a build would change in ``out`` and ``specs``, writing nothing (not even the
    cache): each file that would be created, rewritten or deleted, as ``would … PATH``."""
    result, files, specs_files = generate(paths, package, settings, shared)
    return result, compare(out, specs / settings.api_version, files, specs_files)


def compare(
    out: Path,
    model_dir: Path,
    files: dict[str, str],
    specs: dict[str, str],
    kept: dict[str, str] | None = None,
    kept_specs: dict[str, str] | None = None,
) -> list[str]:
    """How the package folder and the model folder differ from the files a build writes
    there (and those it would carry over, ``kept``: see :func:`.write.differences`), as
    ``would … PATH`` lines; the specs inside the package folder are one tree with it."""
    kept, kept_specs = kept or {}, kept_specs or {}
    root = out.resolve()
    if model_dir.resolve().is_relative_to(root):
        inside = model_dir.resolve().relative_to(root).as_posix()
        files = files | {f"{inside}/{name}": text for name, text in specs.items()}
        kept = kept | {f"{inside}/{new}": f"{inside}/{old}" for new, old in kept_specs.items()}
        return differences(out, files, MARKER, kept)
    return differences(out, files, MARKER, kept) + differences(model_dir, specs, MARKER, kept_specs)


def generate(
    paths: list[str], package: str, settings: Settings, shared: Workers | None = None
) -> tuple[BuildResult, dict[str, str], dict[str, str]]:
    """Every file of the package (with ``report.json``) and every spec file, in memory."""
    with pool(settings.jobs, shared) as workers:
        result = analyse(paths, settings, workers)
        if not result.report["operations"]:
            api_pages = sum(1 for page in result.pages if page.kind == "api")
            raise no_operation(paths, api_pages, result.diagnostics)
        clock = Clock(result.timings)
        model = result.model
        workers.stage("render")
        tailoring, module_types = None, None
        if settings.tailor is not None:
            tailoring = settings.tailor(model.operations)
            model = result.model = restrict(model, tailoring)
            result.report["tailored_operations"] = len(model.operations)
            module_types = reached_types(model.operations, typing_of(result.types))
        use_templates(settings.templates)
        rendered = render_package(
            model.operations,
            model.cases,
            package,
            settings.api_version,
            result.types,
            tailoring,
            module_types,
        )
        files = rendered.files
        files["report.json"] = json.dumps(result.report, indent=2) + "\n"
        clock.lap("render")
        files.update(format_files(files, rendered.cuts, parallel_format(workers)))
        clock.lap("format")
    return result, files, model_specs(model) | type_spec_files(result.types)


def write_outputs(out: Path, model_dir: Path, files: dict[str, str], specs: dict[str, str]) -> None:
    """Write the package and the specs, each tree swapped in whole; the specs inside the
    package folder are written with it, as one tree."""
    root, model_dir = out.resolve(), model_dir.resolve()
    if model_dir.is_relative_to(root):
        inside = model_dir.relative_to(root).as_posix()
        files = files | {f"{inside}/{name}": text for name, text in specs.items()}
        write_tree(out, files, MARKER)
        return
    commit_together(stage_tree(out, files, MARKER), lambda: stage_tree(model_dir, specs, MARKER))


def model_problem(file: Path, error: ModelInvalid) -> Diagnostic:
    """The diagnostic (GD009) of a model file that does not load: the file is left out,
    the rest of the model is used."""
    message = " ".join(f"model file does not load: {error}".split())
    return Diagnostic(str(file), error.line, MODEL_FILE_INVALID, message)


def read_model(model_dir: Path) -> tuple[list[PageWork], list[Any], list[Diagnostic]]:
    """The operations of a model folder (``*.yaml``, as :func:`build` writes them): each
    page's operation planned anew, the operations made from examples, and a diagnostic
    for each file that does not load."""
    if not model_dir.is_dir():
        raise InputError(f"{model_dir}: no such model folder")
    works: list[PageWork] = []
    adopted = []
    problems: list[Diagnostic] = []
    for file in sorted(model_dir.glob("*.yaml")):
        try:
            text = specio.read_model_file(file)
            operation = specio.load(text)
        except ModelInvalid as error:
            problems.append(model_problem(file, error))
            continue
        if operation.shown_by:
            adopted.append(operation)
        else:
            works.append(planned(PageResult(operation.source, operation, ()), text))
    works.sort(key=lambda work: (work.parsed.path, work.spec))
    return works, adopted, problems


@collector_paused
def render_model(model_dir: Path, out: Path, package: str, settings: Settings) -> BuildResult:
    """Render the package from a model folder alone: the model on disk is the interface,
    and an edit of it is an override. Writes what :func:`build` writes, but
    ``report.json``, whose figures describe the pages, which are not read here."""
    with locked(out):
        return _render_model(model_dir, out, package, settings)


def read_types(folder: Path, problems: list[Diagnostic]) -> TypeIndex:
    """The types of a model folder's ``types/`` (resolved when they were written)."""
    index = TypeIndex()
    for file in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            index.add(specio.load_type(specio.read_model_file(file)))
        except ModelInvalid as error:
            problems.append(model_problem(file, error))
    return index


def _render_model(model_dir: Path, out: Path, package: str, settings: Settings) -> BuildResult:
    result = BuildResult()
    clock = Clock(result.timings)
    works, adopted, problems = read_model(model_dir)
    result.types = read_types(model_dir / "types", problems)
    clock.lap("read")
    result.model = assemble(works, [], None, (), adopted, types=result.types)
    clock.lap("model")
    result.diagnostics, result.report = conclude(
        [], figures_of(result.model), result.model.diagnostics + problems, settings
    )
    if not result.model.operations:
        raise InputError(f"{model_dir}: no operation in the model")
    model = result.model
    use_templates(settings.templates)
    rendered = render_package(
        model.operations, model.cases, package, settings.api_version, result.types
    )
    clock.lap("render")
    with Workers(settings.jobs) as workers:
        workers.start()
        files = format_files(rendered.files, rendered.cuts, parallel_format(workers))
    rendered.files.update(files)
    clock.lap("format")
    write_tree(out, rendered.files, MARKER)
    clock.lap("write")
    return result
