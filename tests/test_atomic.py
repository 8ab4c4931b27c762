"""A build killed at any moment leaves the previous output whole and usable."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import REPO

KILL_AFTER = (0.2, 0.5, 0.8, 1.1, 1.4, 1.7, 2.0, 2.4)  # seconds into a build of ~2 s


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def command(pages: Path, out: Path, specs: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator",
        "build",
        str(pages),
        "--out",
        str(out),
        "--specs",
        str(specs),
        "--quiet",
        "--jobs",
        "1",
    ]


def test_killed_builds_leave_the_old_or_the_new_output(tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(REPO / "specs" / "pages", pages)
    out, specs = tmp_path / "generated", tmp_path / "model"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run(command(pages, out, specs), env=env, check=True, capture_output=True)
    old_out, old_specs = tree(out), tree(specs)

    page = pages / "api" / "message-get.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("# message: get", "# message: get (changed)"),
        encoding="utf-8",
    )
    reference = tmp_path / "reference"
    subprocess.run(
        command(pages, reference / "out", reference / "model"),
        env=env,
        check=True,
        capture_output=True,
    )
    new_out, new_specs = tree(reference / "out"), tree(reference / "model")
    assert new_out != old_out

    outcomes = []
    for delay in KILL_AFTER:
        process = subprocess.Popen(
            command(pages, out, specs),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        current_out, current_specs = tree(out), tree(specs)
        assert current_out in (old_out, new_out), f"mixed output after a kill at {delay} s"
        assert current_specs in (old_specs, new_specs), f"mixed specs after a kill at {delay} s"
        imported = subprocess.run(
            [sys.executable, "-c", "import graphdoc_client"], cwd=out, capture_output=True
        )
        assert imported.returncode == 0
        outcomes.append("new" if current_out == new_out else "old")
    # A build after all the kills cleans up what they left and completes.
    subprocess.run(command(pages, out, specs), env=env, check=True, capture_output=True)
    assert tree(out) == new_out
    assert not list(tmp_path.glob("*.graphdoc-new*")) and not list(tmp_path.glob("*.graphdoc-old*"))
    assert "old" in outcomes  # some kill points did land mid-build
