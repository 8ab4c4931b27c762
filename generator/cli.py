"""The ``graphdoc`` command: build, parse, lint, render, permissions, codes.

Problems with the user's input (a missing path, an unwritable folder, a bad suppressions
file) end the run with one clear line and a non-zero exit; problems in pages are
diagnostics and never stop it.
"""

from __future__ import annotations

import argparse
import builtins
import json
import keyword
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

from . import __version__, incremental, pipeline
from .parse import csdl
from .report import drift
from .parse import specio
from .core.diagnostics import CODES, OVERRIDE_APPLIED, Diagnostic, Suppression, load_suppressions
from .core.bounded import CONFIG_LIMIT, read_bounded
from .core.errors import FileTooLarge, InputError, InvalidSource, OutputError
from .incremental import cache
from .pages.discover import API_VERSIONS, version_folders
from .parse.page import parse_file
from .pipeline import BuildResult, Settings, analyse
from .report.figures import table
from .parse.permission_names import OPENID_SCOPES
from .scopes import query
from .scopes.endpoints import Endpoints
from .scopes.scan import Scan, scan
from .core.model import Operation
from .render.permission_table import table as permission_table
from .render.package import Tailoring
from .runtime.permissions import KIND_LABELS, Catalog
from .core.workers import Workers, default_jobs

DEFAULT_PAGES = "specs/pages"
DEFAULT_OVERRIDES = "specs/overrides"
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--api-version",
        choices=API_VERSIONS,
        help="the API version of the pages (default: v1.0; for a folder holding v1.0/ and"
        " beta/, the one version to build)",
    )
    command.add_argument(
        "--jobs", type=int, default=default_jobs(), help="worker processes (default: all cores)"
    )
    command.add_argument(
        "--overrides",
        metavar="DIR",
        help=f"override files (default: {DEFAULT_OVERRIDES} for the embedded pages)",
    )
    command.add_argument(
        "--suppressions", metavar="FILE", help="YAML list of {code, file, line?} to suppress"
    )
    command.add_argument("--report", metavar="FILE", help="also write report.json here")
    command.add_argument(
        "--cache",
        metavar="DIR",
        default=str(cache.default_root()),
        help="reuse parse and format results kept here (default: %(default)s)",
    )
    command.add_argument(
        "--no-cache", action="store_true", help="parse and format everything afresh"
    )


def _templates_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--templates",
        metavar="DIR",
        help="templates that replace the built-in ones of the same name (e.g."
        " package/groups/method.py.jinja); the built-in ones stay reachable as graphdoc/<name>",
    )


def _templates(args: argparse.Namespace) -> Path | None:
    if not getattr(args, "templates", None):
        return None
    folder = Path(args.templates)
    if not folder.is_dir():
        raise InputError(f"--templates {args.templates}: no such folder")
    return folder


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="graphdoc",
        description="Generate a Microsoft Graph client from its API reference pages.",
    )
    parser.add_argument("--version", action="version", version=f"graphdoc {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser(
        "build", help="parse pages, write the model (YAML) and the client package"
    )
    run.add_argument(
        "paths", nargs="*", metavar="PATH", help=f"page files or folders (default: {DEFAULT_PAGES})"
    )
    run.add_argument(
        "--out", default="generated", help="package output folder (default: generated)"
    )
    run.add_argument(
        "--specs", default="specs/model", help="model output folder (default: specs/model)"
    )
    run.add_argument(
        "--package",
        default="graphdoc_client",
        help="Python package name (default: graphdoc_client)",
    )
    run.add_argument(
        "--strict", action="store_true", help="exit 1 when any error diagnostic is reported"
    )
    run.add_argument(
        "--quiet",
        action="store_true",
        help="print the summary and the errors only, not each warning",
    )
    run.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and name the files when the output would change",
    )
    _templates_option(run)
    run.add_argument(
        "--only-used",
        nargs="+",
        metavar="SRC",
        help="a tailored package: only the operations these Python files or folders call"
        " (found as graphdoc permissions --scan finds them)",
    )
    run.add_argument(
        "--operations",
        metavar="FILE",
        help="a tailored package: the operations listed in FILE (group.method or page id,"
        " one a line, # comments), with those of --only-used",
    )
    run.add_argument(
        "--allow-unresolved",
        action="store_true",
        help="with --only-used: build even when the scan cannot resolve some calls",
    )
    _common(run)

    show = commands.add_parser("parse", help="print the endpoint model of pages as YAML")
    show.add_argument("pages", nargs="+", metavar="PAGE", help="page files (Markdown) to parse")
    show.add_argument(
        "--api-version",
        default="v1.0",
        choices=("v1.0", "beta"),
        help="the API version of the pages (default: %(default)s)",
    )

    check = commands.add_parser("lint", help="report diagnostics only")
    check.add_argument("paths", nargs="+", metavar="PATH", help="page files or folders")
    check.add_argument(
        "--format",
        default="text",
        choices=("text", "json", "github"),
        help="text lines (path:line: CODE message), a JSON list, or GitHub Actions"
        " annotations (default: %(default)s)",
    )
    _common(check)

    draw = commands.add_parser(
        "render", help="write the client package from a model folder alone (no pages read)"
    )
    draw.add_argument("--specs", default="specs/model", help="model folder (default: specs/model)")
    draw.add_argument("--out", required=True, help="package output folder")
    draw.add_argument(
        "--package",
        default="graphdoc_client",
        help="Python package name (default: graphdoc_client)",
    )
    draw.add_argument(
        "--api-version",
        default="v1.0",
        choices=("v1.0", "beta"),
        help="the model's version: reads SPECS/VERSION (default: %(default)s)",
    )
    draw.add_argument(
        "--jobs", type=int, default=default_jobs(), help="worker processes (default: all cores)"
    )
    _templates_option(draw)

    ask = commands.add_parser(
        "permissions",
        help="the fewest permissions for some operations, or for the calls a program makes",
        description="For each kind of access, the smallest set of permissions that lets every"
        " given operation run (an exact search among each one's least privileged choices)."
        " With --granted or --granted-file, a CI gate: exit 1 when a permission is missing.",
    )
    ask.add_argument(
        "items",
        nargs="*",
        metavar="OP|PATH",
        help="operations (group.method or a page id); with --scan, Python files or folders",
    )
    ask.add_argument(
        "--scan",
        action="store_true",
        help="find the calls to the client in the Python code at the paths given (never run)",
    )
    ask.add_argument(
        "--kind",
        choices=("delegated-work", "delegated-personal", "application"),
        help="one kind of access (default: all three; delegated-work for a grant check)",
    )
    ask.add_argument(
        "--format",
        default="text",
        choices=("text", "json", "github"),
        help="text, JSON, or GitHub Actions annotations (default: %(default)s)",
    )
    ask.add_argument("--specs", default="specs/model", help="model folder (default: specs/model)")
    ask.add_argument(
        "--api-version",
        default="v1.0",
        choices=("v1.0", "beta"),
        help="the model's version: reads SPECS/VERSION (default: %(default)s)",
    )
    ask.add_argument(
        "--package-dir", metavar="DIR", help="read a built package's permissions, not the model"
    )
    ask.add_argument("--granted", metavar="A,B,C", help="the permissions the app is granted")
    ask.add_argument(
        "--granted-file", metavar="FILE", help="the permissions the app is granted, one a line"
    )
    ask.add_argument(
        "--fail-on-excess",
        action="store_true",
        help="also exit 1 when a granted permission is needed by no call",
    )
    ask.add_argument(
        "--allow-unresolved",
        action="store_true",
        help="let the gate pass although some calls (or files) could not be resolved",
    )
    ask.add_argument(
        "--explain",
        action="store_true",
        help="per permission chosen, the calls that need it and the page line that says so",
    )

    compare = commands.add_parser(
        "drift",
        help="compare the pages with Microsoft's published metadata (CSDL) and permissions map",
    )
    compare.add_argument(
        "paths", nargs="+", metavar="PATH", help="page files or folders to compare"
    )
    compare.add_argument(
        "--csdl", required=True, metavar="FILE", help="the v1.0 $metadata (CSDL XML, or .xz)"
    )
    compare.add_argument(
        "--permissions", metavar="FILE", help="devx-content permissions.json (or .xz)"
    )
    compare.add_argument(
        "--format",
        default="text",
        choices=("text", "json", "github"),
        help="text (default), json (the figures and every difference), or github annotations",
    )
    _common(compare)

    codes = commands.add_parser("codes", help="print the table of diagnostic codes")
    codes.add_argument(
        "--readme", metavar="FILE", help="refresh the table in this Markdown file instead"
    )
    return parser


def _settings(args: argparse.Namespace, default_pages: bool) -> Settings:
    suppressions: tuple[Suppression, ...] = ()
    if args.suppressions:
        try:
            suppressions = tuple(load_suppressions(args.suppressions))
        except ValueError as error:
            raise InputError(str(error)) from None
    overrides = Path(args.overrides) if args.overrides else None
    if args.overrides and not overrides.is_dir():  # type: ignore[union-attr]
        raise InputError(f"--overrides {args.overrides}: no such folder")
    if overrides is None and default_pages and Path(DEFAULT_OVERRIDES).is_dir():
        overrides = Path(DEFAULT_OVERRIDES)
    store = None if args.no_cache else Path(args.cache)
    version = args.api_version or API_VERSIONS[0]
    settings = Settings(
        version, max(1, args.jobs), overrides, suppressions, store, _templates(args)
    )
    tailor = _tailor(args)
    if tailor is not None:  # (the incremental layer keeps whole packages)
        settings = replace(settings, cache=None, tailor=tailor)
    return settings


def _names_file(option: str, path: str, limit: int) -> list[tuple[int, str]]:
    """The names of a list file (``--operations``, ``--granted-file``): one a line, ``#``
    starting a comment; each with its line. Read bounded, as every input is."""
    try:
        text = read_bounded(path, limit).decode("utf-8")
    except (OSError, UnicodeDecodeError, FileTooLarge) as error:
        raise InputError(f"{option} {path}: {error}") from None
    found = (
        (number, line.split("#", 1)[0].strip()) for number, line in enumerate(text.splitlines(), 1)
    )
    return [(number, name) for number, name in found if name]


def _listed_operations(path: str) -> list[str]:
    return [name for _, name in _names_file("--operations", path, 1 << 20)]


class _Tailor:
    """``--only-used`` / ``--operations``: given every operation of the model, the ones to
    keep, found as ``graphdoc permissions --scan`` finds them, and the permissions the
    tailored package's README lists (the same answer as that command's)."""

    def __init__(self, sources: list[str], listed: list[str], allow_unresolved: bool) -> None:
        self.sources, self.listed, self.allow_unresolved = sources, listed, allow_unresolved
        self.scanned: Scan | None = None

    def how(self) -> str:
        parts = (["--only-used " + " ".join(self.sources)] if self.sources else []) + (
            [f"--operations ({len(self.listed)} listed)"] if self.listed else []
        )
        return "graphdoc build " + " ".join(parts)

    def __call__(self, operations: list[Operation]) -> Tailoring:
        catalog = Catalog.from_table(permission_table(operations))
        if self.sources:
            self.scanned = scan(self.sources, Endpoints(operations))
            catalog, _ = query.variant_aware(catalog, self.scanned.calls)
            unresolved = self.scanned.unresolved
            for item in unresolved:
                print(f"{item.path}:{item.line}: not resolved: {item.message}", file=sys.stderr)
            if unresolved and not self.allow_unresolved:
                raise InputError(
                    f"--only-used: {len(unresolved)} call(s) the scan cannot resolve (above);"
                    " a tailored client could lack what they call: resolve them, list their"
                    " operations with --operations, or pass --allow-unresolved"
                )
        result = query.answer(catalog, self.listed, query.KINDS, self.scanned)
        if not result.operations:
            raise InputError("--only-used: the sources call no operation of the model")
        return Tailoring(
            operations=frozenset(result.operations),
            how=self.how(),
            permissions=tuple((KIND_LABELS[r.kind], r.scopes) for r in result.requirements),
            unsupported=tuple(
                (KIND_LABELS[r.kind], tuple(name for name, _ in r.unsupported))
                for r in result.requirements
                if r.unsupported
            ),
        )


def _tailor(args: argparse.Namespace) -> _Tailor | None:
    sources = list(getattr(args, "only_used", None) or [])
    listed_file = getattr(args, "operations", None)
    if not sources and not listed_file:
        return None
    for source in sources:
        if not Path(source).exists():
            raise InputError(f"--only-used {source}: no such file or folder")
    listed = _listed_operations(listed_file) if listed_file else []
    return _Tailor(sources, listed, bool(getattr(args, "allow_unresolved", False)))


def _github(diagnostic: Diagnostic) -> str:
    """A GitHub Actions workflow command, escaped as the runner expects."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    level = _GITHUB_LEVEL[diagnostic.severity]
    return f"::{level} file={prop(diagnostic.path)},line={diagnostic.line},title={prop(diagnostic.code)}::{data(diagnostic.message)}"


def _print_diagnostics(diagnostics: Sequence[Diagnostic], style: str = "text") -> None:
    out = sys.stdout
    if style == "json":
        json.dump([d.as_dict() for d in diagnostics], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    for diagnostic in diagnostics:
        out.write((_github(diagnostic) if style == "github" else diagnostic.format()) + "\n")


def _write_report(report: dict[str, Any], path: str | None) -> None:
    """``report`` to ``path``, if given (a build of several versions: by version)."""
    if path:
        try:
            Path(path).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            raise OutputError(f"{path}: cannot write report: {error.strerror or error}") from None


def _summary(result: BuildResult, out_dir: str) -> str:
    lines = [table(result.report)]
    applied = result.report["diagnostics_by_code"].get(OVERRIDE_APPLIED, 0)
    if applied:
        lines.append(f"{'overrides applied':<18}{applied}")
    if result.report.get("diagnostics_suppressed"):
        lines.append(f"{'suppressed':<18}{result.report['diagnostics_suppressed']}")
    state = "package unchanged" if result.unchanged else "package written"
    lines.append(f"{state:<18}{out_dir} (report.json inside)")
    seconds = ", ".join(f"{stage} {value:.1f}" for stage, value in result.timings.items())
    lines.append(f"{'seconds':<18}{seconds}")
    return "\n".join(lines)


class TerminalProgress:
    """One line on a terminal's stderr saying where a long build is (``graphdoc: v1.0
    parse pages 1234/5678``), rewritten in place and cleared before the summary.

    Only for a build that has run :data:`PROGRESS_AFTER` seconds (a short build prints
    nothing more), at most every :data:`PROGRESS_EVERY` seconds; a build whose stderr is
    not a terminal, or a ``--quiet`` one, gets none (:func:`progress_for`).
    """

    def __init__(self, stream: Any, after: float, every: float) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.after, self.every = after, every
        self.prefix = ""  # the API version, in a build of several
        self.shown = 0.0  # when the line was last written (0: it is not on screen)
        self.last = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < self.after:
            return
        if self.shown and now - self.shown < self.every and 0 < done < total:
            return  # (the first and the last count of a stage are always shown)
        count = f" {done}/{total}" if total else ""
        line = f"graphdoc: {self.prefix}{stage}{count}"
        if line != self.last:
            self.stream.write(f"\r\x1b[K{line}")
            self.stream.flush()
            self.last = line
        self.shown = now

    def clear(self) -> None:
        """Take the line away (before anything else is printed)."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown, self.last = 0.0, ""


PROGRESS_AFTER = 2.0  # seconds a build runs before it shows its progress
PROGRESS_EVERY = 0.1  # seconds between two updates of the line


def progress_for(args: argparse.Namespace) -> TerminalProgress | None:
    """The progress line of a build: on a terminal only, and never with ``--quiet``."""
    stream = sys.stderr
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):  # (a closed or odd stream: a test's capture)
        terminal = False
    if args.quiet or not terminal:
        return None
    return TerminalProgress(stream, PROGRESS_AFTER, PROGRESS_EVERY)


# What the package imports, or what would shadow it, besides the standard library.
_TAKEN_PACKAGE_NAMES = frozenset(
    {"httpx", "h11", "httpcore", "anyio", "certifi", "idna", "sniffio"}
)


def check_package_name(name: str) -> None:
    """Refuse a ``--package`` that cannot be imported as the client, with one line.

    A keyword or ``None`` cannot be imported at all; a builtin, a standard-library module
    or a dependency's name (``httpx``) would shadow that module for every program that
    installs the client, the client itself included.
    """
    if not name.isidentifier() or not name.isascii():
        raise InputError(f"--package {name!r} is not a Python identifier")
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        raise InputError(f"--package {name!r} is a Python keyword")
    if (
        name in dir(builtins)
        or name.lower() in sys.stdlib_module_names
        or name in sys.builtin_module_names
    ):
        raise InputError(
            f"--package {name!r} would shadow Python's own {name!r}; pick another name"
        )
    if name.startswith("__"):
        raise InputError(f"--package {name!r}: a dunder name is Python's own; pick another name")
    if name.lower() in _TAKEN_PACKAGE_NAMES:
        raise InputError(f"--package {name!r} would shadow the package {name!r} the client needs")


def check_out(out: str) -> None:
    """Refuse an ``--out`` that holds the working folder: the build replaces ``--out``
    whole, so the folder the command runs in (``--out .``) would be swapped from under it."""
    folder = Path(os.path.realpath(out))
    here = Path(os.path.realpath(os.getcwd()))
    if here == folder or here.is_relative_to(folder):
        raise InputError(
            f"--out {out}: holds the current folder, and the build replaces --out whole;"
            " name a folder of its own (e.g. --out build)"
        )


def _build(args: argparse.Namespace) -> int:
    paths = args.paths or [DEFAULT_PAGES]
    check_package_name(args.package)
    check_out(args.out)
    settings = _settings(args, default_pages=not args.paths)
    versions = version_folders(paths)
    if args.api_version:
        versions = [
            (version, folder) for version, folder in versions if version == args.api_version
        ]
    progress = progress_for(args)
    try:
        if args.check:
            return _check(args, paths, versions, settings, progress)
        return _build_versions(args, paths, versions, settings, progress)
    finally:
        if progress is not None:
            progress.clear()


def _build_versions(
    args: argparse.Namespace,
    paths: list[str],
    versions: list[tuple[str, str]],
    settings: Settings,
    progress: TerminalProgress | None,
) -> int:
    if not versions:  # pages of one version
        with Workers(settings.jobs, progress) as workers:
            result = _run_build(
                paths, Path(args.out), Path(args.specs), args.package, settings, workers
            )
        if progress is not None:
            progress.clear()
        _write_report(result.report, args.report)
        return _conclude_build(args, result, args.out)
    # a documentation tree: each version into its own package, in one process
    status, reports = 0, {}
    with Workers(settings.jobs, progress) as workers:
        for version, folder in versions:
            out = Path(args.out) / version
            package = f"{args.package}_{version.split('.')[0]}"
            if progress is not None:
                progress.prefix = f"{version} "
            result = _run_build(
                [folder],
                out,
                Path(args.specs),
                package,
                replace(settings, api_version=version),
                workers,
            )
            if progress is not None:
                progress.clear()
            reports[version] = result.report
            status = max(status, _conclude_build(args, result, str(out)))
    _write_report(reports, args.report)
    return status


def _check(
    args: argparse.Namespace,
    paths: list[str],
    versions: list[tuple[str, str]],
    settings: Settings,
    progress: TerminalProgress | None = None,
) -> int:
    """``build --check``: the build in memory, compared with what is on disk."""
    runs = [(paths, Path(args.out), args.package, settings)]
    if versions:
        runs = [
            (
                [folder],
                Path(args.out) / version,
                f"{args.package}_{version.split('.')[0]}",
                replace(settings, api_version=version),
            )
            for version, folder in versions
        ]
    changes: list[str] = []
    with Workers(settings.jobs, progress) as workers:
        for run_paths, out, package, run_settings in runs:
            if progress is not None and versions:
                progress.prefix = f"{run_settings.api_version} "
            _, found = incremental.check(
                run_paths, out, Path(args.specs), package, run_settings, workers
            )
            changes += found
    if progress is not None:
        progress.clear()
    for line in changes:
        print(line)
    changes += _calls_missing(settings, [out for _, out, _, _ in runs])
    if changes:
        print(f"{len(changes)} file(s) would change: run graphdoc build", file=sys.stderr)
        return 1
    print("output up to date", file=sys.stderr)
    return 0


def _calls_missing(settings: Settings, outs: list[Path]) -> list[str]:
    """With ``--only-used --check``: each call of the sources whose operation the package
    on disk lacks, as ``path:line: …`` (the gate of a project that commits its tailored
    client)."""
    tailor = settings.tailor
    if not isinstance(tailor, _Tailor) or tailor.scanned is None:
        return []
    found: list[str] = []
    for out in outs:
        try:
            held = set(query.from_package(out).entries)
        except InputError:
            held = set()
        for call in tailor.scanned.calls:
            if call.operation not in held:
                found.append(
                    f"{call.path}:{call.line}: calls {call.operation}, which the package in"
                    f" {out} lacks"
                )
    for line in found:
        print(line)
    return found


def _conclude_build(args: argparse.Namespace, result: BuildResult, out: str) -> int:
    """Print the diagnostics (with ``--quiet``, the errors only: warnings stay counted) and
    the summary; the exit status."""
    if args.quiet:
        _print_diagnostics([d for d in result.diagnostics if d.severity == "error"])
    else:
        _print_diagnostics(result.diagnostics)
    print(_summary(result, out), file=sys.stdout if args.quiet else sys.stderr)
    errors = result.report["diagnostics_by_severity"]["error"]
    return 1 if args.strict and errors else 0


def _run_build(
    paths: list[str],
    out: Path,
    specs: Path,
    package: str,
    settings: Settings,
    workers: Workers | None = None,
) -> BuildResult:
    """The bare pipeline without a cache; with one, the incremental layer around it."""
    if settings.cache is None:
        return pipeline.build(paths, out, specs, package, settings, workers)
    return incremental.build(paths, out, specs, package, settings, workers)


def _parse(args: argparse.Namespace) -> int:
    status = 0
    documents = []
    for page in args.pages:
        if not Path(page).is_file():
            raise InputError(f"{page}: no such file")
        result = parse_file(page, args.api_version)
        for diagnostic in result.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        if result.operation is None:
            status = 1
            continue
        documents.append(specio.dump(result.operation))
    sys.stdout.write("---\n".join(documents))
    return status


def _lint(args: argparse.Namespace) -> int:
    result = analyse(args.paths, _settings(args, default_pages=False))
    _write_report(result.report, args.report)
    _print_diagnostics(result.diagnostics, args.format)
    return 1 if result.report["diagnostics_by_severity"]["error"] else 0


def _drift(args: argparse.Namespace) -> int:
    """The docs against Microsoft's metadata: each difference as a diagnostic at its page
    line, and the figures (JSON output: ``figures`` and ``diagnostics``)."""
    metadata = csdl.read_csdl(args.csdl)
    permissions = csdl.read_permissions(args.permissions) if args.permissions else None
    paths = list(args.paths)
    versions = version_folders(paths)
    if versions:  # a documentation tree: the CSDL is of one version
        wanted = args.api_version or API_VERSIONS[0]
        paths = [folder for version, folder in versions if version == wanted]
        if not paths:
            raise InputError(f"no {wanted} folder under {', '.join(args.paths)}")
    settings = _settings(args, default_pages=False)
    index, operations = pipeline.documented(paths, settings, permissions is not None)
    found, figures = drift.drift(index, operations, metadata, permissions)
    _write_report(figures, args.report)
    if args.format == "json":
        body = {"figures": figures, "diagnostics": [d.as_dict() for d in found]}
        json.dump(body, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    _print_diagnostics(found, args.format)
    rates = figures["rates_percent"]
    print(
        f"{'types documented':<26}{figures['types_documented']} "
        f"({figures['types_unknown_to_csdl']} not in the metadata)\n"
        f"{'csdl properties present':<26}{rates['csdl_properties_present_of_documented_types']}%"
        f" of the documented types' {figures['csdl_properties_of_documented_types']}\n"
        f"{'property types agree':<26}{rates['property_types_agree']}%"
        f" ({rates['property_types_agree_or_str_for_enum']}% with str for an enum)\n"
        f"{'enums clean':<26}{rates['enums_clean']}% of {figures['enums_shared']}\n"
        f"{'permission names unknown':<26}{figures['permission_names_unknown']}"
        + ("" if args.permissions else " (no --permissions)")
        + f"\n{'least privileged differ':<26}{figures['least_privileged_differ']}",
        file=sys.stderr,
    )
    return 0


def _render(args: argparse.Namespace) -> int:
    check_package_name(args.package)
    settings = Settings(args.api_version, max(1, args.jobs), templates=_templates(args))
    model_dir = Path(args.specs) / args.api_version
    result = pipeline.render_model(model_dir, Path(args.out), args.package, settings)
    _print_diagnostics(result.diagnostics)
    report = result.report
    print(
        f"{'operations':<18}{report['operations']}\n"
        f"{'tests written':<18}{report['replay_tests']}\n"
        f"{'package written':<18}{args.out} (from {model_dir})",
        file=sys.stderr,
    )
    return 1 if report["diagnostics_by_severity"]["error"] else 0


def _granted(args: argparse.Namespace) -> tuple[list[str], tuple[str, int], dict[str, int]]:
    """The granted permissions, where they are written, and the line of each (in a file)."""
    names: list[str] = []
    lines: dict[str, int] = {}
    source = ("", 0)
    if args.granted:
        names += [name.strip() for name in args.granted.split(",") if name.strip()]
    if args.granted_file:
        source = (args.granted_file, 1)
        for number, name in _names_file("--granted-file", args.granted_file, CONFIG_LIMIT):
            names.append(name)
            lines.setdefault(name, number)
    return names, source, lines


def _permissions(args: argparse.Namespace) -> int:
    problems: list[Diagnostic] = []
    if args.package_dir:
        source = query.load_package(Path(args.package_dir))
    else:
        source = query.load_specs(Path(args.specs) / args.api_version, problems)
    catalog = source.catalog
    for problem in problems:  # (files left out: stderr, as stdout may be JSON)
        print(problem.format(), file=sys.stderr)
    if not args.items:
        raise InputError("give operations (group.method or page ids), or --scan PATH...")
    gate = bool(args.granted or args.granted_file)
    kind = (args.kind or ("delegated-work" if gate else "")).replace("-", "_")
    kinds = (kind,) if kind else query.KINDS
    granted: tuple[list[str], tuple[str, int], dict[str, int]] = ([], ("", 0), {})
    if gate:
        granted = _granted(args)
        query.check_granted(granted[0], catalog, granted[1][0], granted[2])
    scanned = None
    impossible: tuple[tuple[query.Call, str], ...] = ()
    if args.scan:
        for path in args.items:
            if not Path(path).exists():
                raise InputError(f"{path}: no such file or folder")
        scanned = scan(args.items, source.endpoints)
        catalog, impossible = query.variant_aware(catalog, scanned.calls)
        result = query.answer(catalog, [], kinds, scanned)
    else:
        result = query.answer(catalog, args.items, kinds)
    result = replace(
        result,
        impossible=impossible,
        origins=source.origins,
        explain=args.explain,
        allow_unresolved=args.allow_unresolved,
    )
    if gate:
        names, where, lines = granted
        result = replace(
            result,
            # OpenID Connect scopes (openid, profile…) are granted beside permissions, not one
            check=catalog.check(
                result.operations, [n for n in names if n not in OPENID_SCOPES], kind
            ),
            granted_source=where,
            granted_lines=lines,
            fail_on_excess=args.fail_on_excess,
        )
    findings = result.findings()
    if args.format == "json":
        sys.stdout.write(query.as_json(result, catalog))
    elif args.format == "github":
        for finding in findings:
            print(finding.github())
        for requirement in result.requirements:
            scopes = ", ".join(requirement.scopes) or "(none)"
            print(f"::notice title=least privileged ({requirement.kind})::{scopes}")
    else:
        sys.stdout.write(query.text(result, catalog))
        for finding in findings:
            print(finding.text())
    return max(result.status, 1) if problems else result.status


def _codes(args: argparse.Namespace) -> int:
    table = code_table()
    if not args.readme:
        print(table)
        return 0
    path = Path(args.readme)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    start = text.find(table.split("\n", 1)[0])
    if start < 0:
        raise InputError(f"{path}: no table of diagnostic codes to refresh")
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    updated = text[:start] + table + text[end:]
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return 0


def code_table() -> str:
    """The Markdown table of every diagnostic code, from the registry."""
    lines = ["| Code | Name | Severity | Meaning |", "|---|---|---|---|"]
    lines += [f"| {c.code} | {c.slug} | {c.severity} | {c.summary} |" for c in CODES.values()]
    return "\n".join(lines)


def _quiet_stdout() -> None:
    """Point stdout at the null device: the reader is gone, and Python's final flush of the
    buffered rest would fail again (and print a traceback) on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # (a stdout without a descriptor: a test's capture)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {
        "build": _build,
        "render": _render,
        "parse": _parse,
        "lint": _lint,
        "permissions": _permissions,
        "codes": _codes,
        "drift": _drift,
    }
    handler = handlers[args.command]
    try:
        return handler(args)
    except (InputError, OutputError) as error:
        print(f"graphdoc: error: {error}", file=sys.stderr)
        return 2
    except InvalidSource as error:
        print(f"graphdoc: internal error: {error}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `graphdoc codes | head`: the reader has all it wanted
        _quiet_stdout()
        return 141
    except Exception as error:  # an internal error: one line, unless --debug
        if args.debug:
            raise
        print(
            f"graphdoc: internal error: {type(error).__name__}: {error} (run with --debug for the traceback)",
            file=sys.stderr,
        )
        return 3
