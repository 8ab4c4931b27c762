"""The permissions scan (``graphdoc permissions --scan``): its time on a large program, and
its time and memory on hostile files.

Figures printed, never asserted:

- a 5,000-line program using every client surface (method calls with and without
  ``user_id=``, aliases, raw responses, batches, ``request``, ``follow``, ``upload``) against
  the embedded model (``specs/model/v1.0``): the wall and CPU time of the whole command as
  a child process (median of ``--runs``), and of the scan alone in this process (CPU time
  is the figure to compare on a shared machine, whose load inflates wall time);
- hostile files, each scanned in a child process: a ``+`` chain of 5,000 terms, an
  attribute chain of 20,000, 5,000 nested lambdas, 3,000 chained aliases (each defined
  after its use), 5,000 names bound to client groups, 3,000 client subclasses (each before
  its base): wall time and peak RSS (``os.wait4``),
  and what the scan said of the file.

Run from the repo root: ``python benchmarks/bench_scan.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.scopes import query  # noqa: E402
from generator.scopes.scan import scan  # noqa: E402

SPECS = REPO / "specs" / "model"

# One block of lines of the large program; {i} makes each block's names its own.
BLOCK = """\
def task_{i}(client: GraphClient, user_id: str | None = None) -> None:
    messages_{i} = client.message
    messages_{i}.get("m{i}")
    messages_{i}.get("m{i}", user_id="u{i}")
    client.with_raw_response.user.get(user_id=user_id)
    with client.batch() as b:
        b.group.get("g{i}")
        b.user.list()
    client.request("GET", f"/users/{{user_id}}/messages")
    client.follow("/me/drive/items/i{i}/children?$skiptoken={i}")
    client.upload(b"x", item_path="docs/{i}.txt")
    fetch_{i} = client.event.get
    fetch_{i}("e{i}")

"""
HEAD = "from graphdoc_client import GraphClient\n\n\n"


def large_program(lines: int) -> str:
    block_lines = BLOCK.count("\n")
    blocks = [BLOCK.format(i=i) for i in range(lines // block_lines + 1)]
    text = HEAD + "".join(blocks)
    return "\n".join(text.splitlines()[:lines]) + "\n"


def hostile() -> dict[str, str]:
    chain = ["from graphdoc_client import GraphClient", "c = GraphClient()"]
    chain += [f"def f{i}():\n    a{i} = a{i + 1}" for i in range(3000)]
    chain += ["a3000 = c.message", "a0.get('m', user_id='u')"]
    many = ["from graphdoc_client import GraphClient", "c = GraphClient()"]
    many += [f"g{i} = c.message\ng{i}.get('m{i}', user_id='u')" for i in range(5000)]
    classes = ["from graphdoc_client import GraphClient"]
    classes += [f"class C{i}(C{i + 1}):\n    pass" for i in range(3000)]
    classes += ["class C3000(GraphClient):\n    pass", "C0().message.get('m', user_id='u')"]
    return {
        "3,000 subclasses, bases last": "\n".join(classes) + "\n",
        "plus chain of 5,000 terms": "x = " + " + ".join(["a"] * 5000) + "\n",
        "attribute chain of 20,000": "x = a" + ".b" * 20000 + "\n",
        "5,000 nested lambdas": "f = " + "lambda: " * 5000 + "1\n",
        "3,000 chained aliases": "\n".join(chain) + "\n",
        "5,000 group aliases": "\n".join(many) + "\n",
    }


def command(path: Path, specs: Path = SPECS) -> list[str]:
    return [sys.executable, "-m", "generator", "permissions", "--specs", str(specs)] + [
        "--scan",
        str(path),
        "--format",
        "json",
    ]


def child(args: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user and system: the figure a busy machine does not
    inflate), peak RSS in MB (``os.wait4``) and stdout of a child process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    out = process.stdout.read()
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped here
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, out.decode("utf-8", "replace")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--specs",
        type=Path,
        default=SPECS,
        help="a model folder (default: the embedded one; e.g. one built from a whole corpus)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder) / "program.py"
        program.write_text(large_program(args.lines), encoding="utf-8")
        source = query.load_specs(args.specs / "v1.0")
        start, cpu_start = time.perf_counter(), time.process_time()
        found = scan([str(program)], source.endpoints)
        alone, alone_cpu = time.perf_counter() - start, time.process_time() - cpu_start
        runs = [child(command(program, args.specs)) for _ in range(args.runs)]
        lines = len(program.read_text(encoding="utf-8").splitlines())
        print(
            f"program of {lines} lines: {len(found.calls)} calls found,"
            f" {len(found.unresolved)} unresolved"
        )
        print(f"  scan alone (in process)      wall {alone:.2f} s, CPU {alone_cpu:.2f} s")
        wall = statistics.median(run[0] for run in runs)
        cpu = statistics.median(run[1] for run in runs)
        print(f"  whole command (median of {args.runs})  wall {wall:.2f} s, CPU {cpu:.2f} s")
        print(f"  load average while measuring: {os.getloadavg()[0]:.1f}")
        print()
        print(f"{'hostile file':<30}{'wall s':>8}{'CPU s':>8}{'RSS MB':>8}  what the scan said")
        for name, text in hostile().items():
            path = Path(folder) / "hostile.py"
            path.write_text(text, encoding="utf-8")
            seconds, cpu, rss, out = child(command(path, args.specs))
            said = "no output"
            if out.strip():
                answer = json.loads(out)
                unresolved = answer.get("unresolved", [])
                said = (
                    unresolved[0]["message"][:60]
                    if unresolved
                    else f"{len(answer.get('calls', []))} calls"
                )
            print(f"{name:<30}{seconds:>8.2f}{cpu:>8.2f}{rss:>8.0f}  {said}")


if __name__ == "__main__":
    main()
