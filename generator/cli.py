"""The ``graphdoc`` command: build, parse, lint, codes.

Problems with the user's input (a missing path, an unwritable folder) end the run with
one clear line and a non-zero exit; problems in pages are diagnostics and never stop it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from . import __version__, specio
from .build import BuildResult, build, default_jobs, lint
from .diagnostics import CODES, Diagnostic
from .fmt import InvalidSource
from .pages import InputError
from .parse import parse_file
from .write import OutputError

DEFAULT_PAGES = "specs/pages"


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
    run.add_argument("--api-version", default="v1.0", choices=("v1.0", "beta"))
    run.add_argument(
        "--strict", action="store_true", help="exit 1 when any error diagnostic is reported"
    )
    run.add_argument(
        "--quiet", action="store_true", help="print the summary only, not each diagnostic"
    )
    run.add_argument(
        "--jobs", type=int, default=default_jobs(), help="worker processes (default: all cores)"
    )

    show = commands.add_parser("parse", help="print the endpoint model of pages as YAML")
    show.add_argument("pages", nargs="+", metavar="PAGE")
    show.add_argument("--api-version", default="v1.0", choices=("v1.0", "beta"))

    check = commands.add_parser("lint", help="report diagnostics only")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--api-version", default="v1.0", choices=("v1.0", "beta"))
    check.add_argument("--format", default="text", choices=("text", "json"))
    check.add_argument(
        "--jobs", type=int, default=default_jobs(), help="worker processes (default: all cores)"
    )

    commands.add_parser("codes", help="print the table of diagnostic codes")
    return parser


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    out = sys.stdout
    for diagnostic in diagnostics:
        out.write(diagnostic.format() + "\n")


def _summary(result: BuildResult, out_dir: str | None) -> str:
    figures = result.summary()
    severities = figures["diagnostics"]
    assert isinstance(severities, dict)
    lines = [
        f"pages read        {figures['pages']} ({figures['api_pages']} api, {figures['resource_pages']} resource)",
        f"operations        {figures['operations']}",
        f"examples          {figures['examples']}",
        f"tests written     {figures['tests_written']}",
        "diagnostics       " + ", ".join(f"{count} {name}" for name, count in severities.items()),
    ]
    if out_dir:
        lines.append(f"package written   {out_dir}")
    seconds = figures["seconds"]
    assert isinstance(seconds, dict)
    lines.append(
        "seconds           " + ", ".join(f"{stage} {value:.1f}" for stage, value in seconds.items())
    )
    return "\n".join(lines)


def _build(args: argparse.Namespace) -> int:
    paths = args.paths or [DEFAULT_PAGES]
    package = args.package
    if not package.isidentifier():
        raise InputError(f"--package {package!r} is not a Python identifier")
    result = build(
        paths, Path(args.out), Path(args.specs), package, args.api_version, max(1, args.jobs)
    )
    if not args.quiet:
        _print_diagnostics(result.diagnostics)
    print(_summary(result, args.out), file=sys.stderr if not args.quiet else sys.stdout)
    errors = sum(1 for d in result.diagnostics if d.severity == "error")
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
    result = lint(args.paths, args.api_version, max(1, args.jobs))
    if args.format == "json":
        json.dump(
            [d.as_dict() for d in result.diagnostics], sys.stdout, indent=2, ensure_ascii=False
        )
        sys.stdout.write("\n")
    else:
        _print_diagnostics(result.diagnostics)
    return 1 if any(d.severity == "error" for d in result.diagnostics) else 0


def _codes(_: argparse.Namespace) -> int:
    print("| Code | Name | Severity | Meaning |")
    print("|---|---|---|---|")
    for code in CODES.values():
        print(f"| {code.code} | {code.slug} | {code.severity} | {code.summary} |")
    return 0


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
    except Exception as error:  # an internal error: one line, unless --debug
        if args.debug:
            raise
        print(
            f"graphdoc: internal error: {type(error).__name__}: {error} (run with --debug for the traceback)",
            file=sys.stderr,
        )
        return 3


__all__ = ["main"]
