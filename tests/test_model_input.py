"""Issue 29: the YAML model is an input, read as strictly as a page, and every read of an
input is bounded. Each finding of the red team is reproduced here on model files of our own
(copies of the committed ``specs/model``, edited), through the ``graphdoc`` command.

A bad model file costs only itself: ``path:line: GD009 …``, the rest renders; never code
run from the model, an internal error, a hang or an unbounded read.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from generator.parse import specio
from generator.cli import main
from generator.core.errors import ModelInvalid

from .conftest import REPO
from .model_mutants import MARKER, PAYLOADS
from .test_reliability import build, example, page

SEND = "message-send.yaml"


@pytest.fixture
def model(tmp_path: Path) -> Path:
    """A copy of the committed model (its ``v1.0`` folder is edited by the tests)."""
    specs = tmp_path / "specs"
    shutil.copytree(REPO / "specs" / "model", specs)
    return specs


def render(specs: Path, out: Path, capsys) -> tuple[int, str]:
    status = main(["render", "--specs", str(specs), "--out", str(out), "--jobs", "1"])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, (file, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def touch_everything(out: Path, cwd: Path) -> None:
    """Import the rendered package and touch every group and method of a client, where a
    payload pasted into the source would run (module, class body, group property)."""
    program = (
        "import graphdoc_client as p\n"
        "c = p.GraphClient(token='t')\n"
        "for g in [n for n in dir(c) if not n.startswith('_')]:\n"
        "    group = getattr(c, g, None)\n"
        "    for m in [n for n in dir(group) if not n.startswith('_')]:\n"
        "        getattr(group, m, None)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(out)}
    run = subprocess.run(
        [sys.executable, "-c", program], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-2000:]


# The model runs no code, whatever a name holds ------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(
    "field, old",
    [("name", "\nname: send\n"), ("group", "\ngroup: message\n"), ("param", "- name: message_id")],
)
def test_a_hostile_name_in_the_model_is_gd009_and_runs_nothing(
    model, tmp_path, capsys, monkeypatch, field, old, payload
):
    monkeypatch.chdir(tmp_path)
    key = "- name" if field == "param" else f"\n{field}"
    new = f"{key}: {json.dumps(payload)}" + ("" if field == "param" else "\n")
    edit(model / "v1.0" / SEND, old, new)
    out = tmp_path / "out"
    status, output = render(model, out, capsys)
    assert status == 1, output
    assert f"{SEND}:" in output and "GD009" in output, output
    assert "internal error" not in output
    group = (out / "graphdoc_client" / "groups" / "message.py").read_text(encoding="utf-8")
    assert "def get(" in group and "def send(" not in group  # the rest of the group renders
    touch_everything(out, tmp_path)
    assert not (tmp_path / MARKER).exists()


def test_a_dunder_method_is_refused_and_its_group_still_works(model, tmp_path, capsys):
    edit(model / "v1.0" / SEND, "\nname: send\n", "\nname: __init__\n")
    status, output = render(model, tmp_path / "out", capsys)
    line = (model / "v1.0" / SEND).read_text(encoding="utf-8").split("\n").index("name: __init__")
    assert status == 1 and f"{SEND}:{line + 1}: GD009" in output, output
    assert "'__init__' is not a Python name" in output
    touch_everything(tmp_path / "out", tmp_path)


# A malformed model file is GD009 for that file, never an internal error ------------------


def _set(*path: object, value: object) -> Callable[[Any], Any]:
    def mutate(data: Any) -> Any:
        inner = data
        for key in path[:-1]:
            inner = inner[key]
        inner[path[-1]] = value
        return data

    return mutate


# Each a text edit (old → new), or a function of the file's data (dumped back as YAML).
MUTATIONS: dict[str, tuple[Any, Any]] = {
    "empty file": (None, ""),
    "null": (None, "null\n"),
    "a list": (None, "- 1\n"),
    "variants: []": (_set("variants", value=[]), None),
    "permissions: null": (_set("permissions", value=None), None),
    "string for a list": (_set("variants", value="just text"), None),
    "list for a string": (_set("title", value=["a", "b"]), None),
    "null in a list": (_set("examples", 0, value=None), None),
    "null for a mapping": (_set("variants", 0, value=None), None),
    "mapping for a bool": (_set("headers", 0, "required", value={"a": 1}), None),
    "number for a name": (_set("name", value=7), None),
    "bool for a status": (_set("response", "status", value=True), None),
    "negative line": ("\nline: 8\n", "\nline: -1\n"),
    "huge number": ("\nline: 8\n", "\nline: 1" + "0" * 5000 + "\n"),
    "unknown kind": ("kind: delegated_work", "kind: superuser"),
    "status out of range": ("status: 202", "status: 9999"),
    "not a method": ("http_method: POST", "http_method: 'POST /x'"),
    "two documents": ("\nline: 8\n", "\nline: 8\n---\nid: x\n"),
    "python tag": ("\nline: 8\n", "\nline: !!python/object/apply:os.system ['true']\n"),
    "merge key": ("headers:\n", "<<: {title: x}\nheaders:\n"),
    "undefined alias": ("\nline: 8\n", "\nline: *nowhere\n"),
    "a param missing from the path": ("- name: message_id", "- name: other_id"),
    "a param given twice": (
        "  - name: message_id\n    placeholder: id\n  line: 28",
        "  - name: message_id\n    placeholder: id\n  - name: message_id\n    placeholder: id\n"
        "  line: 28",
    ),
    "not UTF-8": (None, b"id: \xff\n"),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_malformed_model_file_is_gd009_and_the_rest_renders(model, tmp_path, capsys, mutation):
    old, new = MUTATIONS[mutation]
    file = model / "v1.0" / SEND
    if callable(old):
        data = old(yaml.safe_load(file.read_text(encoding="utf-8")))
        file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    elif old is None:
        file.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
    else:
        edit(file, old, new)
    status, output = render(model, tmp_path / "out", capsys)
    assert "internal error" not in output
    assert status == 1 and f"{SEND}:" in output and "GD009" in output, output
    assert (tmp_path / "out" / "graphdoc_client" / "groups" / "user.py").exists()


def test_a_key_given_twice_is_refused_at_its_second_line(model, tmp_path, capsys):
    edit(model / "v1.0" / SEND, "\nname: send\n", "\nname: send\nname: send_later\n")
    text = (model / "v1.0" / SEND).read_text(encoding="utf-8").split("\n")
    status, output = render(model, tmp_path / "out", capsys)
    second = text.index("name: send_later") + 1
    assert status == 1 and f"{SEND}:{second}: GD009" in output and "given twice" in output


def test_a_broken_type_file_is_gd009_and_the_rest_renders(model, tmp_path, capsys):
    (model / "v1.0" / "types" / "user.yaml").write_text("name: null\n", encoding="utf-8")
    status, output = render(model, tmp_path / "out", capsys)
    assert status == 1 and "user.yaml:1: GD009" in output, output
    assert "internal error" not in output


def test_the_loader_builds_no_object_whatever_the_tag():
    for text in (
        "id: !!python/name:os.system x\n",
        "id: !!binary aGVsbG8=\n",
        "? [a, b]\n: 1\n",
        "id: &a [*a]\n",
    ):
        with pytest.raises(ModelInvalid):
            specio.load(text)


def test_permissions_from_a_model_with_a_broken_file_answers_for_the_rest(model, capsys):
    edit(model / "v1.0" / SEND, "\nname: send\n", f"\nname: {json.dumps(PAYLOADS[0])}\n")
    (model / "v1.0" / "user-get.yaml").write_text("permissions: null\n", encoding="utf-8")
    status = main(["permissions", "--specs", str(model), "message.get"])
    captured = capsys.readouterr()
    assert "internal error" not in captured.err
    assert f"{SEND}:" in captured.err and "user-get.yaml:1: GD009" in captured.err
    assert "Mail.Read" in captured.out  # message.get is answered
    assert status == 1  # a model with files left out fails the gate


# Every read bounded: the model, the scan ------------------------------------------------

# A child that may use 500 MB of memory and 10 s of CPU time at most: a hostile input that
# needs more is killed, and the test fails on its exit status.
BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (500 * 2**20, 500 * 2**20))
resource.setrlimit(resource.RLIMIT_CPU, (10, 10))
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def bounded(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BOUNDED, *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,  # a hang (a FIFO read) ends the test, not the suite
    )


def laughs(levels: int = 12) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_hostile_model_files_are_refused_within_bounds(model, tmp_path):
    folder = model / "v1.0"
    (folder / "laughs.yaml").write_text(laughs(), encoding="utf-8")
    assert len(laughs()) < 2048  # 10**12 values once expanded
    os.symlink("/dev/zero", folder / "zero.yaml")
    os.mkfifo(folder / "fifo.yaml")
    with open(folder / "big.yaml", "wb") as stream:
        stream.write(b"title: '" + b"x" * (specio.MAX_MODEL_BYTES + 10) + b"'\n")
    deep = "[" * 150 + "]" * 150  # (libyaml stops at 1,000 levels, graphdoc at 100)
    (folder / "deep.yaml").write_text(f"examples: {deep}\n", encoding="utf-8")
    (folder / "wide.yaml").write_text("- 1\n" * (specio.MAX_VALUES + 5), encoding="utf-8")
    run = bounded("render", "--specs", str(model), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert run.returncode == 1, run.stderr[-3000:]
    out = run.stdout + run.stderr
    for name, reason in [
        ("laughs", "aliases counted"),
        ("zero", "a device"),
        ("fifo", "a FIFO"),
        ("big", "larger than 8 MiB"),
        ("deep", "nested deeper"),
        ("wide", "more than"),
    ]:
        assert f"{name}.yaml:" in out and reason in out, (name, out[-3000:])
    assert (tmp_path / "out" / "graphdoc_client" / "groups" / "message.py").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_the_scan_reads_no_fifo_device_or_huge_file(tmp_path):
    program = tmp_path / "program"
    program.mkdir()
    (program / "ok.py").write_text("client.message.get(message_id='1')\n", encoding="utf-8")
    os.mkfifo(program / "fifo.py")
    os.symlink("/dev/zero", program / "zero.py")
    with open(program / "huge.py", "wb") as stream:
        stream.write(b"x = 1\n" * (5 * 1024 * 1024 // 6 + 10))
    specs = REPO / "specs" / "model"
    run = bounded("permissions", "--specs", str(specs), "--scan", str(program), cwd=tmp_path)
    out = run.stdout + run.stderr
    assert "internal error" not in out and run.returncode in (0, 1), out[-3000:]
    for name, reason in [("fifo", "a FIFO"), ("zero", "a device"), ("huge", "larger than")]:
        assert f"{name}.py" in out and reason in out, (name, out[-3000:])


# The small ones -------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_nan_in_an_example_writes_json_and_no_failing_test(tmp_path, capsys, number):
    plain = example(
        "plain",
        "POST https://graph.microsoft.com/v1.0/me/drive/items/02B/createUploadSession",
        "HTTP/1.1 200 OK",
    )
    status, output = build(tmp_path, page(body=f'{{"size": {number}}}', more=plain), capsys)
    assert status == 0, output
    assert "NaN or Infinity" in output
    examples = list((tmp_path / "build" / "pkg" / "tests" / "examples").glob("*.json"))
    assert examples

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in an examples file")

    for file in examples:
        json.loads(file.read_text(encoding="utf-8"), parse_constant=refuse)


# A process whose writes under its first argument fail as on a full disk (/dev/full): the
# files are created, and every write to them fails with ENOSPC.
FULL_DISK = """
import builtins, os, sys
root = os.path.abspath(sys.argv[1])
under = lambda path: os.path.abspath(os.fsdecode(path)).startswith(root)
real_open, real_os_open = builtins.open, os.open
def full_open(file, mode="r", *args, **kwargs):
    if isinstance(file, (str, bytes, os.PathLike)) and under(file) and set(mode) & set("wax+"):
        real_open(file, mode).close()
        return real_open("/dev/full", mode.replace("x", "w"), *args, **kwargs)
    return real_open(file, mode, *args, **kwargs)
def full_os_open(path, flags, *args, **kwargs):
    if under(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
        os.close(real_os_open(path, flags, *args, **kwargs))
        return real_os_open("/dev/full", os.O_WRONLY)
    return real_os_open(path, flags, *args, **kwargs)
builtins.open, os.open = full_open, full_os_open
from generator.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_fresh_cache_on_a_full_disk_only_costs_speed(tmp_path):
    cache = tmp_path / "cache"
    for _ in range(2):
        run = subprocess.run(
            [sys.executable, "-c", FULL_DISK, str(cache), "build", str(REPO / "specs" / "pages")]
            + ["--out", str(tmp_path / "out"), "--specs", str(tmp_path / "specs")]
            + ["--cache", str(cache), "--jobs", "1", "--quiet"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr[-2000:]
    assert (tmp_path / "out" / "graphdoc_client" / "groups" / "message.py").exists()


def test_staging_left_by_a_killed_build_goes_with_the_next_build_that_writes_nothing(tmp_path):
    args = ["build", str(REPO / "specs" / "pages"), "--out", str(tmp_path / "out")]
    args += ["--specs", str(tmp_path / "specs"), "--jobs", "1", "--quiet"]
    assert main(args) == 0
    leftovers = [
        tmp_path / "out.graphdoc-new-4242-deadbeef",
        tmp_path / "specs" / "v1.0.graphdoc-new-4242-deadbeef",
        tmp_path / "out.graphdoc-old-4242-deadbeef",
    ]
    for folder in leftovers:
        (folder / "groups").mkdir(parents=True)
        (folder / "groups" / "half.py").write_text("x = 1\n", encoding="utf-8")
    before = (tmp_path / "out" / "graphdoc_client" / "groups" / "message.py").stat().st_mtime_ns
    assert main(args) == 0  # nothing changed: nothing is written
    after = (tmp_path / "out" / "graphdoc_client" / "groups" / "message.py").stat().st_mtime_ns
    assert before == after
    assert not [folder for folder in leftovers if folder.exists()]
