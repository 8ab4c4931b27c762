"""A tailored client (``graphdoc build --only-used SRC``): only the operations a program
calls, the types they reach and their permissions; type-checked, replayed, gated by
``--check``, on the embedded pages and programs of our own."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import REPO
from .test_typed_client import _pyright_command

PROGRAM = '''\
"""Mail, files and users: the calls an app of ours makes."""

from graphdoc_client import GraphClient


def run(client: GraphClient) -> None:
    me = client.user.get()
    print(me.get("displayName"))
    for message in client.user.list_messages(top=5):
        print(message.get("subject"))
    client.user.send_mail(body={"message": {"subject": "Hi"}})
    client.message.send("m1")
    print(len(client.profile_photo.get()))
    client.drive_item.put_content(parent_id="root", filename="a.txt", content=b"x")
'''

NOT_TAILORED = """\
from graphdoc_client import GraphClient


def run(client: GraphClient) -> None:
    client.user.get()
    client.user.list_contacts()
    client.event.get("e1")
"""


def _build(tmp_path: Path, sources: Path, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "out"
    args = ["build", "--out", str(out), "--specs", str(out / "specs"), "--quiet"]
    return main(args + ["--only-used", str(sources), *extra]), out


@pytest.fixture(scope="module")
def tailored(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tailored")
    app = folder / "app"
    app.mkdir()
    (app / "mail.py").write_text(PROGRAM, encoding="utf-8")
    status, out = _build(folder, app)
    assert status == 0
    return app, out


def _methods(out: Path) -> set[str]:
    found = set()
    for module in (out / "graphdoc_client" / "groups").glob("[!_]*.py"):
        if module.name != "__init__.py":
            text = module.read_text(encoding="utf-8")
            found |= {
                f"{module.stem}.{name}" for name in re.findall(r"^    def (\w+)\(", text, re.M)
            }
    return found


def test_only_the_operations_called_are_built(tailored):
    _, out = tailored
    assert _methods(out) == {
        "user.get",
        "user.list_messages",
        "user.send_mail",
        "message.send",
        "profile_photo.get",
        "drive_item.put_content",
    }
    types = (out / "graphdoc_client" / "types.py").read_text(encoding="utf-8")
    full = (REPO / "generated" / "graphdoc_client" / "types.py").read_text(encoding="utf-8")
    kept = set(re.findall(r"^class (\w+)\(", types, re.M))
    assert kept < set(re.findall(r"^class (\w+)\(", full, re.M))
    assert {"User", "Message", "DriveItem", "ItemReference"} <= kept  # returned, or reached
    assert "MailFolder" not in kept  # no call reaches it


def test_the_readme_lists_the_permissions_of_graphdoc_permissions_scan(tailored, capsys):
    app, out = tailored
    readme = (out / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| ([a-z][^|]*?) \| ([^|]*?) \|$", readme, re.M))
    assert main(["permissions", "--scan", str(app), "--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    labels = {
        "delegated_work": "delegated (work or school account)",
        "delegated_personal": "delegated (personal Microsoft account)",
        "application": "application",
    }
    expected = {
        labels[kind]: ", ".join(item["permissions"]) or "(none needed)"
        for kind, item in answer["required"].items()
    }
    assert rows == expected


def test_the_tailored_package_and_the_program_pass_mypy_strict(tailored, tmp_path):
    app, out = tailored
    env = {**os.environ, "MYPYPATH": str(out)}
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "c")]
    run = subprocess.run(
        command + [str(out / "graphdoc_client"), str(app / "mail.py")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    bad = tmp_path / "bad.py"
    bad.write_text(NOT_TAILORED, encoding="utf-8")
    run = subprocess.run(
        command + [str(bad)], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    lines = {int(m) for m in re.findall(r"bad\.py:(\d+): error", run.stdout)}
    assert lines == {6, 7}, run.stdout  # list_contacts and the event group: not tailored in


def test_the_tailored_package_passes_pyright_strict(tailored, tmp_path):
    command = _pyright_command()
    if command is None:
        if os.environ.get("CI_REQUIRE_PYRIGHT") == "1":
            pytest.fail("pyright not found (CI_REQUIRE_PYRIGHT=1: required)")
        pytest.skip("pyright not found; install it with the README's npm command")
    app, out = tailored
    config = {"typeCheckingMode": "strict", "extraPaths": [str(out)]}
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    (tmp_path / "bad.py").write_text(NOT_TAILORED, encoding="utf-8")
    run = subprocess.run(
        [command, "--outputjson", "--pythonpath", sys.executable, "-p", str(tmp_path)]
        + [str(out / "graphdoc_client"), str(app / "mail.py"), str(tmp_path / "bad.py")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    report = json.loads(run.stdout)
    errors = [
        (Path(item["file"]).name, item["range"]["start"]["line"] + 1)
        for item in report["generalDiagnostics"]
        if item["severity"] == "error"
    ]
    assert set(errors) == {("bad.py", 6), ("bad.py", 7)}, errors


def test_a_call_not_tailored_in_names_only_used_at_run_time(tailored):
    _, out = tailored
    program = (
        "import httpx\n"
        "from graphdoc_client import GraphClient\n"
        "client = GraphClient(token='t', transport=httpx.MockTransport(lambda r: httpx.Response(204)))\n"
        "for reach in (lambda: client.user.list_contacts, lambda: client.event):\n"
        "    try:\n"
        "        reach()\n"
        "    except AttributeError as error:\n"
        "        print(error)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(out)}
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and all("--only-used" in line for line in lines), lines
    assert "list_contacts" in lines[0] and "'event'" in lines[1]


def test_the_tailored_packages_replay_tests_pass(tailored):
    _, out = tailored
    env = {**os.environ, "PYTHONPATH": str(out)}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(out / "tests")],
        capture_output=True,
        text=True,
        env=env,
        cwd=out,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert re.search(r"\d+ passed", run.stdout)


def test_check_names_the_line_of_a_newly_called_operation(tailored, tmp_path, capsys):
    app, out = tailored
    args = ["build", "--out", str(out), "--specs", str(out / "specs"), "--only-used", str(app)]
    assert main(args + ["--check"]) == 0
    extra = tmp_path / "app"
    extra.mkdir()
    (extra / "mail.py").write_text(PROGRAM + "    client.user.list_contacts()\n", encoding="utf-8")
    capsys.readouterr()
    args[-1] = str(extra)
    assert main(args + ["--check"]) == 1
    printed = capsys.readouterr().out
    assert f"{extra / 'mail.py'}:15: calls user.list_contacts, which the package in" in printed


def test_a_call_the_scan_cannot_resolve_stops_the_build_unless_allowed(tmp_path, capsys):
    app = tmp_path / "app"
    app.mkdir()
    dynamic = PROGRAM + "    getattr(client.user, 'get')()\n"
    (app / "mail.py").write_text(dynamic, encoding="utf-8")
    status, _ = _build(tmp_path, app)
    assert status == 2
    err = capsys.readouterr().err
    assert "mail.py:15" in err and "--allow-unresolved" in err
    status, out = _build(tmp_path, app, "--allow-unresolved")
    assert status == 0 and (out / "graphdoc_client" / "groups" / "user.py").exists()


def test_a_tailored_build_is_deterministic(tailored, tmp_path):
    app, out = tailored
    _, again = _build(tmp_path, app)

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts and p.name != ".graphdoc"
        }

    assert files(again) == files(out)
