"""The ``graphdoc`` command: build, parse, lint, codes.

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
from pathlib import Path
from typing import Sequence

from . import __version__, cache, specio
from .build import BuildResult, Settings, analyse, build
from .workers import default_jobs
from .diagnostics import CODES, Diagnostic, load_suppressions
from .fmt import InvalidSource
from .pages import InputError
from .parse import parse_file
from .report import table
from .write import OutputError

DEFAULT_PAGES = "specs/pages"
DEFAULT_OVERRIDES = "specs/overrides"
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--api-version", default="v1.0", choices=("v1.0", "beta"))
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
        "--quiet", action="store_true", help="print the summary only, not each diagnostic"
    )
    _common(run)

    show = commands.add_parser("parse", help="print the endpoint model of pages as YAML")
    show.add_argument("pages", nargs="+", metavar="PAGE")
    show.add_argument("--api-version", default="v1.0", choices=("v1.0", "beta"))

    check = commands.add_parser("lint", help="report diagnostics only")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", default="text", choices=("text", "json", "github"))
    _common(check)

    commands.add_parser("codes", help="print the table of diagnostic codes")
    return parser


def _settings(args: argparse.Namespace, default_pages: bool) -> Settings:
    suppressions = ()
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
    return Settings(args.api_version, max(1, args.jobs), overrides, suppressions, store)


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


def _write_report(result: BuildResult, path: str | None) -> None:
    if path:
        try:
            Path(path).write_text(json.dumps(result.report, indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            raise OutputError(f"{path}: cannot write report: {error.strerror or error}") from None


def _summary(result: BuildResult, out_dir: str) -> str:
    lines = [table(result.report)]
    applied = result.report["diagnostics_by_code"].get("GD060", 0)
    if applied:
        lines.append(f"{'overrides applied':<18}{applied}")
    if result.report.get("diagnostics_suppressed"):
        lines.append(f"{'suppressed':<18}{result.report['diagnostics_suppressed']}")
    state = "package unchanged" if result.unchanged else "package written"
    lines.append(f"{state:<18}{out_dir} (report.json inside)")
    seconds = ", ".join(f"{stage} {value:.1f}" for stage, value in result.timings.items())
    lines.append(f"{'seconds':<18}{seconds}")
    return "\n".join(lines)


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
    result = build(paths, Path(args.out), Path(args.specs), args.package, settings)
    _write_report(result, args.report)
    if not args.quiet:
        _print_diagnostics(result.diagnostics)
    print(_summary(result, args.out), file=sys.stdout if args.quiet else sys.stderr)
    errors = result.report["diagnostics_by_severity"]["error"]
    return 1 if args.strict and errors else 0


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
    _write_report(result, args.report)
    _print_diagnostics(result.diagnostics, args.format)
    return 1 if result.report["diagnostics_by_severity"]["error"] else 0


def _codes(_: argparse.Namespace) -> int:
    print("| Code | Name | Severity | Meaning |")
    print("|---|---|---|---|")
    for code in CODES.values():
        print(f"| {code.code} | {code.slug} | {code.severity} | {code.summary} |")
    return 0


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
    handler = {"build": _build, "parse": _parse, "lint": _lint, "codes": _codes}[args.command]
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
