"""Measure what type-checking a small program against the full English 2021 v1.0 client costs.

1. Build the package from ../shared/corpus (graph-docs-en-2021/api-reference/v1.0) into
   --out, or reuse --out when it already holds one.
2. Write a 12-line program that uses typed results, sync and async (a read, a list, a raw
   response), and run ``mypy --strict`` on it with a new, empty cache each time (the cold
   case: a user's first check), --runs times: median wall time and peak RSS of the mypy
   process. Then once more with the warm cache it left (a user's next check).
3. The same with pyright in strict mode (``typeCheckingMode: strict``) when pyright is found ($GRAPHDOC_PYRIGHT,
   ``.ci/node``, or PATH); it keeps no cache between runs.

    python benchmarks/bench_typecheck.py [--out DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_client import PAGES, UNPACK, build_package

REPO = Path(__file__).resolve().parents[1]

PROGRAM = """\
from graphdoc_client import AsyncGraphClient, GraphClient
from graphdoc_client.types import Message, User


def subjects(client: GraphClient) -> list[str]:
    me: User = client.user.get()
    raw = client.with_raw_response.message.get("m1").parse()
    return [me.get("displayName", ""), raw.get("subject", ""), *(m.get("subject", "") for m in client.user.list_messages(top=5))]


async def first(client: AsyncGraphClient) -> Message:
    return await client.message.get("m1")
"""


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB, from ``wait4``) and exit status of one run."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, text=True)
    output = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({code}):\n{output[-2000:]}")
    return wall, usage.ru_maxrss / 1024, code


def pyright_command() -> str | None:
    given = os.environ.get("GRAPHDOC_PYRIGHT")
    if given:
        return given
    installed = REPO / ".ci" / "node" / "node_modules" / ".bin" / "pyright"
    return str(installed) if installed.exists() else shutil.which("pyright")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="the package folder (built if empty)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="graphdoc-bench-typecheck-"))
    out = args.out or work / "package"
    if not (out / "graphdoc_client" / "__init__.py").exists():
        build_package(out)
    program = work / "program.py"
    program.write_text(PROGRAM, encoding="utf-8")
    lines = PROGRAM.count("\n")
    modules = sum(1 for _ in (out / "graphdoc_client").rglob("*.py"))
    print(
        f"package {out} ({modules} modules), program of {lines} lines; load average "
        f"{os.getloadavg()[0]:.2f}, {os.cpu_count()} cores"
    )
    env = {**os.environ, "MYPYPATH": str(out)}
    rows = []
    cold = []
    for run in range(args.runs):
        cache = work / f"mypy-cache-{run}"
        command = [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(cache),
            str(program),
        ]
        cold.append(timed(command, env, work))
    rows.append(("mypy --strict, cold cache", cold))
    warm = [timed(command, env, work) for _ in range(args.runs)]  # (the last run's cache)
    rows.append(("mypy --strict, warm cache", warm))
    found = pyright_command()
    if found:
        config = {"typeCheckingMode": "strict", "extraPaths": [str(out)]}
        (work / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
        command = [found, "--pythonpath", sys.executable, "-p", str(work), str(program)]
        rows.append(
            (
                "pyright (strict)",
                [timed(command, os.environ.copy(), work) for _ in range(args.runs)],
            )
        )
    else:
        print("pyright not found: skipped ($GRAPHDOC_PYRIGHT, .ci/node or PATH)")
    print(f"{'checker':28} {'runs':>4} {'median s':>9} {'min s':>7} {'RSS MB':>7} {'failed':>6}")
    for name, results in rows:
        walls = [wall for wall, _, _ in results]
        rss = statistics.median(rss for _, rss, _ in results)
        failed = sum(code != 0 for _, _, code in results)
        print(
            f"{name:28} {len(results):>4} {statistics.median(walls):>9.2f} {min(walls):>7.2f}"
            f" {rss:>7.0f} {failed:>6}"
        )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
