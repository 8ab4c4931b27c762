"""Build every reference corpus in ../shared/corpus (v1.0 and beta) and print what came out.

For each build: pages, operations, examples, replay tests written, diagnostics by code,
wall time and peak memory of the build; then whether the package compiles and imports,
and (with --run-tests) the result of its replay tests. Figures are read from each
build's report.json, never typed in.

    python benchmarks/corpus_build.py [--run-tests] [--only en-2021]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import REPO, UNPACK, build_command

CORPORA = ("graph-docs-en-2021", "graph-docs-es-2019", "graph-docs-current-sample")


def _run(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--run-tests", action="store_true", help="also run each package's replay tests"
    )
    parser.add_argument("--only", help="a corpus name fragment, e.g. en-2021")
    args = parser.parse_args()
    root = Path(_run([str(UNPACK)]).stdout.strip())
    work = Path(tempfile.mkdtemp(prefix="graphdoc-corpus-"))
    for corpus in CORPORA:
        if args.only and args.only not in corpus:
            continue
        for version in ("v1.0", "beta"):
            pages = root / corpus / "api-reference" / version
            out = work / f"{corpus}-{version}"
            started = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            build = _run(
                build_command(pages, version, out),
                cwd=REPO,
            )
            wall = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            print(f"## {corpus} {version}")
            if build.returncode != 0:
                print(f"build failed ({build.returncode}): {build.stderr.strip()}")
                continue
            report = json.loads((out / "report.json").read_text(encoding="utf-8"))
            traceback = "Traceback" in build.stderr or "internal error" in build.stderr
            print(
                f"pages {report['files_seen']} ({report['api_pages']} api), operations {report['operations']}, "
                f"examples {report['example_requests']} ({report['example_requests_on_graph']} to Graph), "
                f"tests written {report['replay_tests']}, rates {json.dumps(report['rates_percent'])}"
            )
            print(
                f"wall {wall:.1f} s, peak RSS {max(peak, before) / 1024:.0f} MB (max over builds so far), "
                f"traceback: {traceback}"
            )
            print("diagnostics " + json.dumps(report["diagnostics_by_severity"]))
            print("by code " + json.dumps(report["diagnostics_by_code"]))
            compiled = (
                _run([sys.executable, "-m", "compileall", "-q", "."], cwd=out).returncode == 0
            )
            env = {**os.environ, "PYTHONPATH": str(out)}
            imported = (
                _run([sys.executable, "-c", "import graphdoc_client"], cwd=out, env=env).returncode
                == 0
            )
            print(
                f"compileall: {'ok' if compiled else 'FAILED'}, import: {'ok' if imported else 'FAILED'}"
            )
            if args.run_tests:
                tests = _run(
                    [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                    cwd=out,
                    env=env,
                )
                print(
                    "replay tests: "
                    + (
                        tests.stdout.strip().split("\n")[-1]
                        if tests.stdout
                        else tests.stderr[-300:]
                    )
                )
            print()
    print(f"outputs in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
