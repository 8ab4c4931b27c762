"""Time and peak memory of ``graphdoc render`` and ``graphdoc permissions --scan`` on each
hostile input of issue 29, one process each (the bound: 10 s and 500 MB).

    python benchmarks/bench_model_input.py

Each row of the first table is one run of the command in a process of its own, on a copy of the committed
model (``specs/model``) with one hostile file added: wall time, the process's peak
resident memory (``ru_maxrss`` of that child, from ``os.wait4``), its exit status and the
diagnostic it printed for the file (the render of the rest of the model is most of the
time; the baseline row renders the model alone). The second table reads each hostile file
alone, in-process: the time and the peak of Python's allocations (``tracemalloc``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.parse import specio  # noqa: E402
from generator.core.errors import ModelInvalid  # noqa: E402
from generator.scopes.scan import MAX_SOURCE_BYTES  # noqa: E402


def laughs(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


def model_inputs(folder: Path) -> dict[str, Path]:
    """Each hostile model file, written into ``folder``."""
    made: dict[str, Path] = {}
    folder.mkdir(parents=True)

    def text(name: str, content: str | bytes) -> None:
        path = folder / f"hostile-{len(made)}.yaml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        made[name] = path

    text("billion-laughs (1 KB, 10**12 values)", laughs(12))
    text(f"values at the cap ({specio.MAX_VALUES:,} scalars)", "- 1\n" * (specio.MAX_VALUES - 1))
    text("just over the cap", "- 1\n" * (specio.MAX_VALUES + 1))
    text(
        "one 8 MiB string (under the size cap)",
        b"title: '" + b"x" * (specio.MAX_MODEL_BYTES - 20) + b"'\n",
    )
    text("over the size cap", b"title: '" + b"x" * (specio.MAX_MODEL_BYTES + 20) + b"'\n")
    text("nested 150 deep", "examples: " + "[" * 150 + "]" * 150 + "\n")
    text("nested 5,000 deep", "examples: " + "[" * 5000 + "]" * 5000 + "\n")
    zero = folder / "dev-zero.yaml"
    os.symlink("/dev/zero", zero)
    made["a link to /dev/zero"] = zero
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    made["a FIFO"] = fifo
    return made


def measure(args: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB, exit status and output of one command."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        child = subprocess.Popen(
            [sys.executable, "-m", "generator", *args],
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), text


def read(path: Path) -> float:
    """Seconds to read and load one model file, refused or not."""
    start = time.perf_counter()
    try:
        specio.load(specio.read_model_file(path))
    except ModelInvalid:
        pass
    return time.perf_counter() - start


def main() -> None:
    print(f"{'input':<42}{'seconds':>9}{'peak MB':>9}{'exit':>6}  diagnostic")
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        seconds, peak, code, _ = measure(
            ["render", "--specs", str(REPO / "specs" / "model"), "--out", str(root / "out")]
            + ["--jobs", "1"],
            root,
        )
        print(
            f"{'render: the model as committed (baseline)':<42}{seconds:>9.2f}{peak:>9.0f}{code:>6}"
        )
        for name, path in model_inputs(root / "hostile").items():
            specs = root / "specs"
            shutil.rmtree(specs, ignore_errors=True)
            shutil.copytree(REPO / "specs" / "model", specs)
            target = specs / "v1.0" / path.name
            if path.is_symlink():
                os.symlink(os.readlink(path), target)
            elif path.exists() and not path.is_file():
                os.mkfifo(target)
            else:
                shutil.copy(path, target)
            seconds, peak, code, text = measure(
                ["render", "--specs", str(specs), "--out", str(root / "out"), "--jobs", "1"], root
            )
            line = next((line for line in text.splitlines() if path.name in line), "(none)")
            print(
                f"{'render: ' + name:<42}{seconds:>9.2f}{peak:>9.0f}{code:>6}  {line.split('GD009 ')[-1][:90]}"
            )
        print(f"\n{'the hostile file read alone (in-process)':<42}{'seconds':>9}{'peak MB':>9}")
        for name, path in model_inputs(root / "again").items():
            seconds = read(path)  # (timed apart: tracing allocations slows Python down)
            tracemalloc.start()
            read(path)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            print(f"{name:<42}{seconds:>9.3f}{peak:>9.1f}")
        program = root / "program"
        program.mkdir()
        (program / "app.py").write_text("client.message.get(message_id='1')\n", encoding="utf-8")
        os.mkfifo(program / "fifo.py")
        os.symlink("/dev/zero", program / "zero.py")
        (program / "huge.py").write_bytes(b"x = 1\n" * (MAX_SOURCE_BYTES // 6 + 10))
        specs = REPO / "specs" / "model"
        seconds, peak, code, text = measure(
            ["permissions", "--specs", str(specs), "--scan", str(program)], root
        )
        found = [line for line in text.splitlines() if "cannot read" in line]
        print(
            f"{'scan: a FIFO, /dev/zero, a 4 MiB+ file':<42}{seconds:>9.2f}{peak:>9.0f}{code:>6}  {len(found)} files listed unreadable"
        )


if __name__ == "__main__":
    main()
