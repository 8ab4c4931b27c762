"""Time graphdoc builds of the English 2021 corpus: cold, no-change rebuild, one page changed.

The pages of ../shared/corpus (graph-docs-en-2021, api-reference/<version>) are copied to a
temporary folder first, so that pages can be edited there. For each API version:

- cold:              an empty output folder and an empty cache folder (XDG_CACHE_HOME);
- no change:         the same build again, nothing changed;
- one page touched:  one page's mtime moved forward, its text unchanged;
- one page changed:  one sentence added to one page's description (a new one each run).

Each build runs as `python -m generator build ... --quiet` in a child process, from the
repo root. Figures: wall time, pages read per second, files the build created, rewrote or
deleted in its output folder, peak memory, and the build's own time per stage (its
`seconds` summary line). Every figure is the median over the runs.

    python benchmarks/bench_build.py [--runs 3] [--cold-runs 1] [--versions v1.0,beta] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _corpus import REPO, UNPACK, build_command

CORPUS = "graph-docs-en-2021"
SCENARIOS = ("cold", "no change", "one page touched", "one page changed")


def tree_memory(pid: int) -> int:
    """Proportional set size (bytes) of a process and all its descendants, now."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue  # the process ended meanwhile
    return total


def run_build(command: list[str], env: dict[str, str]) -> dict:
    """Run one build; wall time, its stdout, peak RSS of its largest process, sampled tree PSS."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=errors)
        peak_tree, done = [0], threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak_tree[0] = max(peak_tree[0], tree_memory(child.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        with child.stdout:  # type: ignore[union-attr]
            stdout = child.stdout.read().decode("utf-8", "replace")  # type: ignore[union-attr]
        _, status, usage = os.wait4(child.pid, 0)  # rusage of this build only
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    if child.returncode != 0:
        raise SystemExit(
            f"build failed ({child.returncode}): {' '.join(command)}\n{stderr[-2000:]}"
        )
    stages = {}
    for line in stdout.splitlines():
        if line.startswith("seconds"):
            stages = {name: float(value) for name, value in re.findall(r"(\w+) ([\d.]+)", line)}
    pages = re.search(r"pages read\s+(\d+)", stdout)
    return {
        "wall": wall,
        "pages": int(pages.group(1)) if pages else 0,
        "rss": usage.ru_maxrss / 1024,  # MB; ru_maxrss is in KB on Linux
        "tree": peak_tree[0] / 2**20,
        "stages": stages,
    }


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under ``folder`` with its inode, size and mtime: a rewrite changes one."""
    found = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            info = os.stat(path)
            found[path] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return found


def files_written(before: dict, after: dict) -> int:
    return sum(before.get(path) != state for path, state in after.items()) + len(
        before.keys() - after.keys()
    )


def edit_description(page: Path, run: int) -> None:
    """Add a sentence to the first prose line after the page title (its description)."""
    lines = page.read_text(encoding="utf-8").split("\n")
    seen_title = False
    for number, line in enumerate(lines):
        text = line.strip()
        if text.startswith("# "):
            seen_title = True
        elif seen_title and text and not text.startswith(("Namespace", "[!", "<", "#", ">", "|")):
            lines[number] = f"{line.rstrip()} Benchmark edit {run}."
            page.write_text("\n".join(lines), encoding="utf-8")
            return
    raise SystemExit(f"{page}: no description line to edit")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each rebuild (default 3)")
    parser.add_argument("--cold-runs", type=int, default=1, help="cold builds (default 1)")
    parser.add_argument("--versions", default="v1.0,beta", help="default: v1.0,beta")
    parser.add_argument("--jobs", type=int, help="passed to graphdoc build (default: its own)")
    parser.add_argument("--page", default="api/message-send.md", help="the page to touch/edit")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    root = Path(
        subprocess.run([str(UNPACK)], capture_output=True, text=True, check=True).stdout.strip()
    )
    work = Path(tempfile.mkdtemp(prefix="graphdoc-bench-build-"))
    print(f"corpus {root / CORPUS}, work folder {work}")
    print(
        f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}, jobs {args.jobs or 'default'}, "
        f"cold runs {args.cold_runs}, rebuild runs {args.runs}"
    )
    results: dict[tuple[str, str], list[dict]] = {}
    try:
        for version in args.versions.split(","):
            pages = work / "pages" / version
            shutil.copytree(root / CORPUS / "api-reference" / version, pages)
            page = pages / args.page
            for cold in range(args.cold_runs):
                out = work / f"out-{version}-{cold}"
                env = {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-{version}-{cold}")}
                command = build_command(pages, version, out, args.jobs)
                plan = [("cold", None)]
                if cold == args.cold_runs - 1:  # the rebuilds follow the last cold build
                    for scenario in SCENARIOS[1:]:
                        plan += [(scenario, run) for run in range(args.runs)]
                for scenario, run in plan:
                    if scenario == "one page touched":
                        stamp = time.time() + 10 * (run + 1)
                        os.utime(page, (stamp, stamp))
                    elif scenario == "one page changed":
                        edit_description(page, run)
                    before = snapshot(out) if out.exists() else {}
                    figures = run_build(command, env)
                    figures["written"] = files_written(before, snapshot(out))
                    results.setdefault((version, scenario), []).append(figures)
                    print(f"  {version} {scenario}: {figures['wall']:.2f} s", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(results, args.versions.split(","))
    return 0


def print_table(results: dict[tuple[str, str], list[dict]], versions: list[str]) -> None:
    stages: list[str] = []
    for runs in results.values():
        for figures in runs:
            stages += [name for name in figures["stages"] if name not in stages]
    header = f"{'version':<10}{'scenario':<18}{'runs':>5}{'wall s':>9}{'pages/s':>9}{'written':>9}"
    header += f"{'RSS MB':>8}{'tree MB':>9}" + "".join(f"{name:>9}" for name in stages)
    print()
    print("Medians. wall: whole child process. written: files created/rewritten/deleted in --out.")
    print("RSS MB: peak of the largest build process. tree MB: peak PSS of the build and its")
    print(
        "workers, sampled every 50 ms. Stage columns: the build's own `seconds` line (0.1 s steps)."
    )
    print(header)
    print("-" * len(header))
    totals: dict[str, list[float]] = {}
    for version in versions:
        for scenario in SCENARIOS:
            runs = results.get((version, scenario))
            if not runs:
                continue
            wall = median([f["wall"] for f in runs])
            pages = median([f["pages"] / f["wall"] for f in runs])
            row = f"{version:<10}{scenario:<18}{len(runs):>5}{wall:>9.2f}{pages:>9.0f}"
            row += f"{median([f['written'] for f in runs]):>9.0f}"
            row += (
                f"{median([f['rss'] for f in runs]):>8.0f}{median([f['tree'] for f in runs]):>9.0f}"
            )
            row += "".join(
                f"{median([f['stages'][s] for f in runs if s in f['stages']]):>9.1f}"
                for s in stages
            )
            print(row)
            totals.setdefault(scenario, []).append(wall)
    if len(versions) > 1:
        for scenario, walls in totals.items():
            if len(walls) == len(versions):
                print(
                    f"{'+'.join(versions):<10}{scenario:<18}{'':>5}{sum(walls):>9.2f}  (sum of medians)"
                )


if __name__ == "__main__":
    raise SystemExit(main())
