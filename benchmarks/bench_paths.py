"""Time the build of one page with very many path lines: 10,000 against 100,000.

Every per-page step must cost time in proportion to the page's size (issue 19: a page of
30,000 path lines took 38.6 s, one of 100,000 did not finish in 300 s), so the figure
that matters is the ratio of the two builds: about 10 when the costs are linear.

The page is written here: ``N`` ``GET`` lines of three shapes (``/users/{id}/…`` with its
``/me`` alias, a distinct placeholder per line, plain segments), and three examples, one
matching a line, one an undocumented ``/me`` form of one, and one matching nothing, so
that path derivation (:mod:`generator.parse.derive`) and replay planning look at every line.
Each build runs as ``python -m generator build PAGE --jobs 1 --no-cache --quiet`` in a
child process; the figures are its wall time and its own time per stage.

    python benchmarks/bench_paths.py [--lines 10000,100000] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def page(lines: int) -> str:
    shapes = (
        "GET /users/{{id}}/widgets/{{widget-id}}/part{0}",
        "GET /gadgets/{{gadget{0}}}/items",
        "GET /sprockets/s{0}/cogs/{{cog-id}}",
    )
    paths = "\n".join(shapes[index % 3].format(index) for index in range(lines))
    examples = "".join(
        f"""
<!-- {{ "blockType": "request", "name": "example-{number}" }} -->
```http
GET https://graph.microsoft.com/v1.0{url}
```

<!-- {{ "blockType": "response" }} -->
```http
HTTP/1.1 200 OK
Content-type: application/json

{{"value": []}}
```
"""
        for number, url in enumerate(
            ("/users/ada/widgets/w1/part0", "/me/widgets/w1/part3", "/nothing/like/it")
        )
    )
    return f"""# widget: list

Lists widgets.

## HTTP request

```http
{paths}
```

## Response

If successful, this method returns a `200 OK` response code.

## Examples
{examples}"""


def build(folder: Path, lines: int) -> tuple[float, str]:
    pages = folder / f"pages-{lines}" / "api"
    pages.mkdir(parents=True)
    (pages / "widget-list.md").write_text(page(lines), encoding="utf-8")
    out = folder / f"out-{lines}"
    command = [sys.executable, "-m", "generator", "build", str(pages.parent), "--out", str(out)]
    command += ["--specs", str(out / "specs"), "--jobs", "1", "--no-cache", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"build of {lines} lines failed ({run.returncode}): {run.stderr[-500:]}")
    stages = re.search(r"^seconds\s+(.*)$", run.stdout, re.M)
    return seconds, stages.group(1) if stages else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", default="10000,100000")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(size) for size in args.lines.split(",")]
    figures: dict[int, float] = {}
    print(f"{'path lines':>10}  {'seconds':>8}  stages (the build's own seconds)")
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            times, stages = [], ""
            for run in range(args.runs):
                seconds, stages = build(Path(scratch) / f"run{run}", size)
                times.append(seconds)
            figures[size] = statistics.median(times)
            print(f"{size:>10}  {figures[size]:>8.1f}  {stages}")
    base = sizes[0]
    for size in sizes[1:]:
        print(
            f"ratio {size} / {base} lines: {figures[size] / figures[base]:.1f}"
            f" (size ratio {size / base:.0f}; linear costs give about that)"
        )


if __name__ == "__main__":
    main()
