"""Time graphdoc builds of the English 2021 corpus: cold, no-change rebuild, one page changed.

The pages of ../shared/corpus (graph-docs-en-2021, api-reference/<version>) are copied to a
temporary folder first, so that pages can be edited there. For each API version:

- cold:              an empty output folder and an empty cache folder (XDG_CACHE_HOME);
- no change:         the same build again, nothing changed;
- check:             `graphdoc build --check` of that unchanged output (it must exit 0 and
                     write nothing: its "written" figure is 0);
- one page touched:  one page's mtime moved forward, its text unchanged;
- one page changed:  one sentence added to one page's description (a new one each run).

Then, unless --no-together, both versions in one run, as `graphdoc build <api-reference>`
builds them (one process, shared start-up, imports, workers and cache): cold, no change,
check, and one page changed (the same page edited in each version).

With --against DIR (a checkout of another commit, e.g. `git worktree add DIR HEAD~1`),
every build is run twice, once with this checkout and once with DIR, alternating, in the
same conditions; the table then shows both medians and their ratio (this / other).

Each build runs as `python -m generator build ... --quiet` in a child process, from the
repo root (or DIR). Figures: wall time, pages read per second, files the build created, rewrote or
deleted in its output folder, peak memory, and the build's own time per stage (its
`seconds` summary line). Every figure is the median over the runs.

    python benchmarks/bench_build.py [--runs 3] [--cold-runs 1] [--versions v1.0,beta] [--jobs N]
        [--no-together] [--against DIR [--together-against]]
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
SCENARIOS = ("cold", "no change", "check", "one page touched", "one page changed")
TOGETHER = "v1.0+beta"  # both versions in one run
TOGETHER_SCENARIOS = ("cold", "no change", "check", "one page changed")


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


def run_build(command: list[str], env: dict[str, str], cwd: Path = REPO) -> dict:
    """Run one build; wall time, its stdout, peak RSS of its largest process, sampled tree PSS."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=errors)
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
    stages: dict[str, float] = {}
    for line in stdout.splitlines():  # summed over the versions of a run that builds several
        if line.startswith("seconds"):
            for name, value in re.findall(r"(\w+) ([\d.]+)", line):
                stages[name] = stages.get(name, 0.0) + float(value)
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
    parser.add_argument("--no-together", action="store_true", help="skip the one-run build")
    parser.add_argument("--against", metavar="DIR", help="a checkout to compare with (A/B)")
    parser.add_argument(
        "--together-against",
        action="store_true",
        help="with --against, compare the one-run build of both versions too",
    )
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
    checkouts = [("", REPO)] + ([("other ", Path(args.against).resolve())] if args.against else [])
    versions = args.versions.split(",")
    try:
        for version in versions:
            pages = work / "pages" / version
            shutil.copytree(root / CORPUS / "api-reference" / version, pages)
        for version in versions:
            pages = work / "pages" / version
            for cold in range(args.cold_runs):
                plan = [("cold", None)]
                if cold == args.cold_runs - 1:  # the rebuilds follow the last cold build
                    for scenario in SCENARIOS[1:]:
                        plan += [(scenario, run) for run in range(args.runs)]
                run_plan(
                    plan,
                    [pages / args.page],
                    work,
                    f"{version}-{cold}",
                    version,
                    checkouts,
                    lambda out: build_command(pages, version, out, args.jobs),
                    results,
                )
        if not args.no_together and len(versions) > 1:
            tree = work / "pages"
            plan = [("cold", None)] + [
                (scenario, run) for scenario in TOGETHER_SCENARIOS[1:] for run in range(args.runs)
            ]
            edited = [tree / version / args.page for version in versions]
            run_plan(  # (only this checkout, unless asked: an older one may not build a tree)
                plan,
                edited,
                work,
                "together",
                TOGETHER,
                checkouts if args.together_against else checkouts[:1],
                lambda out: together_command(tree, out, args.jobs),
                results,
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(results, versions, bool(args.against))
    return 0


def together_command(tree: Path, out: Path, jobs: int | None) -> list[str]:
    """The build of a documentation tree holding v1.0/ and beta/: both in one process."""
    command = [sys.executable, "-m", "generator", "build", str(tree), "--out", str(out)]
    command += ["--specs", str(out / "specs"), "--quiet"]
    return command + (["--jobs", str(jobs)] if jobs else [])


def run_plan(plan, pages, work, name, label, checkouts, command_for, results) -> None:  # type: ignore[no-untyped-def]
    """Run each scenario of ``plan`` with every checkout in turn (A, B, A, B …)."""
    for scenario, run in plan:
        if scenario == "one page touched":
            stamp = time.time() + 10 * (run + 1)
            for page in pages:
                os.utime(page, (stamp, stamp))
        elif scenario == "one page changed":
            for page in pages:
                edit_description(page, run)
        for prefix, checkout in checkouts:
            out = work / f"out-{prefix.strip() or 'this'}-{name}"
            env = {
                **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                "XDG_CACHE_HOME": str(work / f"cache-{prefix.strip() or 'this'}-{name}"),
            }  # (bytecode is written and reused, as on a developer's machine)
            before = snapshot(out) if out.exists() else {}
            command = command_for(out) + (["--check"] if scenario == "check" else [])
            figures = run_build(command, env, checkout)
            figures["written"] = files_written(before, snapshot(out))
            results.setdefault((prefix + label, scenario), []).append(figures)
            print(f"  {prefix}{label} {scenario}: {figures['wall']:.2f} s", file=sys.stderr)


def print_table(
    results: dict[tuple[str, str], list[dict]], versions: list[str], compared: bool
) -> None:
    stages: list[str] = []
    for runs in results.values():
        for figures in runs:
            stages += [name for name in figures["stages"] if name not in stages]
    header = f"{'build':<16}{'scenario':<18}{'runs':>5}{'wall s':>9}{'pages/s':>9}{'written':>9}"
    header += f"{'RSS MB':>8}{'tree MB':>9}" + "".join(f"{name:>9}" for name in stages)
    print()
    print("Medians. wall: whole child process. written: files created/rewritten/deleted in --out.")
    print("RSS MB: peak of the largest build process. tree MB: peak PSS of the build and its")
    print("workers, sampled every 50 ms. Stage columns: the build's own `seconds` lines (0.1 s")
    print(f"steps; summed over the versions for {TOGETHER}, which builds both in one process).")
    print(header)
    print("-" * len(header))
    labels = versions + ([TOGETHER] if any(key[0] == TOGETHER for key in results) else [])
    totals: dict[str, list[float]] = {}
    for label in labels:
        for prefix in ("", "other ") if compared else ("",):
            for scenario in SCENARIOS:
                runs = results.get((prefix + label, scenario))
                if not runs:
                    continue
                wall = median([f["wall"] for f in runs])
                pages = median([f["pages"] / f["wall"] for f in runs])
                row = f"{prefix + label:<16}{scenario:<18}{len(runs):>5}{wall:>9.2f}{pages:>9.0f}"
                row += f"{median([f['written'] for f in runs]):>9.0f}"
                row += f"{median([f['rss'] for f in runs]):>8.0f}"
                row += f"{median([f['tree'] for f in runs]):>9.0f}"
                row += "".join(
                    f"{median([f['stages'][s] for f in runs if s in f['stages']]):>9.1f}"
                    for s in stages
                )
                print(row)
                if label != TOGETHER:
                    totals.setdefault(prefix + scenario, []).append(wall)
    if len(versions) > 1:
        for scenario, walls in totals.items():
            if len(walls) == len(versions):
                print(
                    f"{'+'.join(versions):<16}{scenario:<18}{'':>5}{sum(walls):>9.2f}  (sum of medians, separate runs)"
                )
    if compared:
        print()
        print("A/B: this checkout / the other, median wall of alternating runs (below 1: faster).")
        for label in labels:
            for scenario in SCENARIOS:
                this, other = results.get((label, scenario)), results.get(
                    ("other " + label, scenario)
                )
                if this and other:
                    ratio = median([f["wall"] for f in this]) / median([f["wall"] for f in other])
                    print(f"{label:<16}{scenario:<18}{ratio:>9.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
