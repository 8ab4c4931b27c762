"""Issue 19: what a second build, a killed build and a broken disk can still do to the
output. Builds run through the ``graphdoc`` command (in this process, or as a process of
its own when it must be killed or run twice at once)."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.write import tree as write
from generator.cli import main

from .conftest import REPO
from .test_atomic import tree

PAGES = REPO / "specs" / "pages"


def arguments(out: Path, specs: Path, *extra: str) -> list[str]:
    return ["build", str(PAGES), "--out", str(out), "--specs", str(specs), "--quiet", *extra]


def leftovers(folder: Path) -> list[str]:
    return sorted(
        path.name
        for path in folder.rglob("*")
        if ".graphdoc-new" in path.name or ".graphdoc-old" in path.name
    )


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def test_a_second_build_of_a_locked_output_fails_with_one_line(tmp_path, capsys):
    out, specs = tmp_path / "out", tmp_path / "specs"
    with write.locked(out, specs / "v1.0"):
        assert main(arguments(out, specs, "--jobs", "1")) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "another graphdoc build is writing it" in error
    assert not out.exists()
    assert main(arguments(out, specs, "--jobs", "1")) == 0  # the lock went with its holder


def test_two_builds_at_once_leave_one_whole_output(tmp_path):
    out, specs = tmp_path / "out", tmp_path / "specs"
    reference = tmp_path / "reference"
    subprocess.run(
        command(*arguments(reference / "out", reference / "specs", "--jobs", "1", "--no-cache")),
        env=ENV,
        check=True,
        capture_output=True,
    )
    runs = [
        subprocess.Popen(
            command(*arguments(out, specs, "--jobs", "1", "--no-cache")),
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [(run.wait(), run.stderr.read()) for run in runs]
    for status, error in results:
        assert status == 0 or (
            status == 2 and "another graphdoc build is writing it" in error
        ), error
    assert any(status == 0 for status, _ in results)
    assert tree(out) == tree(reference / "out") and tree(specs) == tree(reference / "specs")
    assert leftovers(tmp_path) == []
    assert main(arguments(out, specs, "--jobs", "1")) == 0  # later builds are not refused


def test_staging_names_are_unique_per_build(tmp_path):
    names = {write._sibling(tmp_path / "out", ".graphdoc-new") for _ in range(50)}
    assert len(names) == 50


def test_a_full_disk_leaves_no_staging_behind(tmp_path, monkeypatch, capsys):
    out, specs = tmp_path / "out", tmp_path / "specs"
    assert main(arguments(out, specs, "--jobs", "1")) == 0
    before = tree(out), tree(specs)
    page = tmp_path / "pages"
    shutil.copytree(PAGES, page)
    target = page / "api" / "message-get.md"
    target.write_text(target.read_text().replace("# message: get", "# message: get (new)"))

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write, "_carry_over", full)
    status = main(["build", str(page), "--out", str(out), "--specs", str(specs), "--jobs", "1"])
    assert status == 2 and "No space left on device" in capsys.readouterr().err
    assert leftovers(tmp_path) == [] and (tree(out), tree(specs)) == before
    monkeypatch.undo()
    assert main(["build", str(page), "--out", str(out), "--specs", str(specs), "--jobs", "1"]) == 0


def test_a_build_dying_between_the_two_swaps_is_repaired_by_the_next(tmp_path, monkeypatch):
    """Both trees are staged before either is swapped; a build killed between the two
    swaps leaves a new package with old specs, which the next build sees and rebuilds."""
    out, specs = tmp_path / "out", tmp_path / "specs"
    assert main(arguments(out, specs, "--jobs", "1")) == 0
    page = tmp_path / "pages"
    shutil.copytree(PAGES, page)
    target = page / "api" / "message-get.md"
    target.write_text(target.read_text().replace("# message: get", "# message: get (new)"))
    reference = tmp_path / "reference"
    assert (
        main(
            [
                "build",
                str(page),
                "--out",
                str(reference / "out"),
                "--specs",
                str(reference / "specs"),
                "--jobs",
                "1",
                "--no-cache",
            ]
        )
        == 0
    )
    real_commit = write.Staged.commit
    commits: list[Path] = []

    def dies_on_the_second(self):
        commits.append(self.target)
        if len(commits) == 2:
            raise SystemExit("killed")  # (as a kill would: nothing after it runs)
        return real_commit(self)

    monkeypatch.setattr(write.Staged, "commit", dies_on_the_second)
    with pytest.raises(SystemExit):
        main(["build", str(page), "--out", str(out), "--specs", str(specs), "--jobs", "1"])
    assert tree(out) == tree(reference / "out") and tree(specs) != tree(reference / "specs")
    monkeypatch.undo()
    assert main(["build", str(page), "--out", str(out), "--specs", str(specs), "--jobs", "1"]) == 0
    assert tree(out) == tree(reference / "out") and tree(specs) == tree(reference / "specs")
    assert leftovers(tmp_path) == []  # what the killed build left is gone too


def test_an_out_that_is_a_symlink_is_followed(tmp_path):
    real = tmp_path / "real"
    link = tmp_path / "link"
    real.mkdir()
    link.symlink_to(real)
    for _ in range(2):
        assert main(arguments(link, tmp_path / "specs", "--jobs", "1")) == 0
        assert link.is_symlink() and link.resolve() == real
        assert (real / "graphdoc_client" / "__init__.py").is_file()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("package", "says"),
    [
        ("class", "keyword"),
        ("None", "keyword"),
        ("match", "keyword"),
        ("httpx", "shadow the package"),
        ("json", "shadow Python's own"),
        ("print", "shadow Python's own"),
        ("__main__", "dunder"),
        ("my-client", "not a Python identifier"),
        ("clïent", "not a Python identifier"),
    ],
)
def test_an_unusable_package_name_is_refused_with_one_line(tmp_path, capsys, package, says):
    assert main(arguments(tmp_path / "out", tmp_path / "specs", "--package", package)) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and says in error and "internal error" not in error
    assert not (tmp_path / "out").exists()


def test_out_holding_the_current_folder_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for out in (".", str(tmp_path), ".."):
        assert main(["build", str(PAGES), "--out", out, "--specs", "specs"]) == 2
        assert "holds the current folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_codes_into_a_closed_pipe_is_no_internal_error():
    reader, writer = os.pipe()
    os.close(reader)
    try:
        run = subprocess.run(
            command("codes"), env=ENV, stdout=writer, stderr=subprocess.PIPE, text=True
        )
    finally:
        os.close(writer)
    assert run.returncode == 141 and run.stderr == ""


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_their_build_is_killed(tmp_path):
    build = subprocess.Popen(
        command(*arguments(tmp_path / "out", tmp_path / "specs", "--jobs", "2", "--no-cache")),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and build.poll() is None and time.monotonic() < deadline:
        workers = _children(build.pid)
        time.sleep(0.05)
    assert len(workers) == 2, "the build ended before its workers were seen"
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10  # a bound on the wait, not a measured figure
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived their build"
