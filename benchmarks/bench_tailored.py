"""Measure a tailored client (``graphdoc build --only-used``) beside the full one.

1. Build the full English 2021 v1.0 client from ../shared/corpus into --full (or reuse it),
   and the client tailored to a program of about ten operations (mail, files, users) from
   the same pages.
2. For each package, in the same run: its installed size (``pip install --target``, bytecode
   included), ``import`` in a fresh interpreter of a clean environment (median of --runs),
   ``mypy --strict`` on the program with a new, empty cache (median of --runs), and
   ``pyright`` in strict mode when it is found.

    python benchmarks/bench_tailored.py [--full DIR] [--runs 5]
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

from bench_client import PAGES, UNPACK, build_package, clean_environment, folder_size, install
from bench_typecheck import pyright_command, timed

REPO = Path(__file__).resolve().parents[1]

PROGRAM = """\
\"\"\"Mail, files and users: about ten operations.\"\"\"

from graphdoc_client import GraphClient


def run(client: GraphClient) -> list[str]:
    seen = [str(client.user.get().get("displayName"))]
    seen += [str(u.get("id")) for u in client.user.list(top=5)]
    seen += [str(m.get("subject")) for m in client.user.list_messages(top=5)]
    seen += [str(m.get("subject")) for m in client.mail_folder.list_messages("inbox")]
    client.user.send_mail(body={"message": {"subject": "Hi"}})
    client.message.send("m1")
    seen.append(str(client.message.get("m1").get("subject")))
    seen += [str(i.get("name")) for i in client.drive_item.list_children("root")]
    client.drive_item.put_content(item_id="i1", content=b"x")
    seen += [str(g.get("id")) for g in client.group.list_members("g1")]
    return seen
"""


def tailored_package(out: Path, program: Path) -> None:
    root = Path(
        subprocess.run([str(UNPACK)], capture_output=True, text=True, check=True).stdout.strip()
    )
    command = [sys.executable, "-m", "generator", "build", str(root / PAGES)]
    command += ["--api-version", "v1.0", "--out", str(out), "--specs", str(out / "specs")]
    command += ["--quiet", "--only-used", str(program)]
    subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)


def import_ms(python: str, runs: int) -> float:
    code = "import time; t = time.perf_counter(); import graphdoc_client; print(time.perf_counter() - t)"
    for _ in range(2):  # bytecode written, file cache warm
        subprocess.run([python, "-c", code], check=True, capture_output=True)
    return statistics.median(
        float(
            subprocess.run([python, "-c", code], check=True, capture_output=True, text=True).stdout
        )
        * 1000
        for _ in range(runs)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", type=Path, help="the full package's folder (built if empty)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="graphdoc-bench-tailored-"))
    program = work / "app" / "program.py"
    program.parent.mkdir()
    program.write_text(PROGRAM, encoding="utf-8")
    full = args.full or work / "full"
    if not (full / "graphdoc_client" / "__init__.py").exists():
        build_package(full)
    tailored = work / "tailored"
    started = time.perf_counter()
    tailored_package(tailored, program.parent)
    build_seconds = time.perf_counter() - started
    operations = sum(
        text.count("\n    def ")
        for text in (
            p.read_text() for p in (tailored / "graphdoc_client" / "groups").glob("[!_]*.py")
        )
    )
    print(
        f"program of {PROGRAM.count(chr(10))} lines; tailored package: {operations} operations,"
        f" built in {build_seconds:.1f} s; load average {os.getloadavg()[0]:.2f},"
        f" {os.cpu_count()} cores"
    )
    checker = pyright_command()
    rows = []
    for name, out in (("full", full), ("tailored", tailored)):
        place = work / f"{name}-install"
        place.mkdir()
        site = install(out, place)
        size, files, _ = folder_size(site / "graphdoc_client")
        python = clean_environment(place, site)
        env = {**os.environ, "MYPYPATH": str(out)}
        mypy = [
            timed(
                [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(place / f"c{run}")]
                + [str(program)],
                env,
                work,
            )
            for run in range(args.runs)
        ]
        pyright = float("nan")
        if checker:
            config = {"typeCheckingMode": "strict", "extraPaths": [str(out)]}
            (place / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
            command = [checker, "--pythonpath", sys.executable, "-p", str(place), str(program)]
            pyright = statistics.median(
                timed(command, os.environ.copy(), place)[0] for _ in range(args.runs)
            )
        rows.append(
            (
                name,
                size / 1024,
                files,
                import_ms(python, args.runs),
                statistics.median(w for w, _, _ in mypy),
                sum(code != 0 for _, _, code in mypy),
                pyright,
            )
        )
    print(
        f"{'package':10} {'installed KB':>12} {'files':>6} {'import ms':>9}"
        f" {'mypy cold s':>11} {'failed':>6} {'pyright s':>9}"
    )
    for name, kb, files, imported, mypy_s, failed, pyright_s in rows:
        print(
            f"{name:10} {kb:>12.0f} {files:>6} {imported:>9.1f} {mypy_s:>11.2f} {failed:>6}"
            f" {pyright_s:>9.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
