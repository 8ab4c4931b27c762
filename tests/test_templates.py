"""Templates own the generated code: ``graphdoc build --templates DIR`` replaces a built-in
template by name, and an override can extend the one it replaces (``graphdoc/<name>``).
Here a team adds a tracing decorator to every method, and the package still passes
``mypy --strict``."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path


from generator.cli import main

from .conftest import REPO

TRACING = '''\
"""A tracing decorator of our own, typed so that the methods keep their signatures."""

from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
CALLS: list[str] = []


def traced(function: F) -> F:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        CALLS.append(function.__qualname__)
        return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
'''

GROUP = """\
{% extends "graphdoc/package/groups/group.py.jinja" %}
{% block imports %}
from tracing_hooks import traced
{% endblock %}
"""


def _templates(folder: Path) -> Path:
    method = (REPO / "templates/package/groups/method.py.jinja").read_text(encoding="utf-8")
    head = '{{ layout("    def " ~ name'
    assert head in method
    groups = folder / "package" / "groups"
    groups.mkdir(parents=True)
    (groups / "method.py.jinja").write_text(
        method.replace(head, "    @traced\n" + head, 1),
        encoding="utf-8",
    )
    (groups / "group.py.jinja").write_text(GROUP, encoding="utf-8")
    return folder


def _build(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "out"
    args = ["build", "--out", str(out), "--specs", str(tmp_path / "specs"), "--quiet", *extra]
    assert main(args) == 0
    return out


def _decorated(module: Path) -> tuple[int, int]:
    """The methods of the module's class, and how many of them are ``@traced``."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    methods = [n for c in classes for n in c.body if isinstance(n, ast.FunctionDef)]
    traced = [
        m
        for m in methods
        if any(isinstance(d, ast.Name) and d.id == "traced" for d in m.decorator_list)
    ]
    return len(methods), len(traced)


def test_an_overridden_method_template_changes_every_method(tmp_path, monkeypatch):
    templates = _templates(tmp_path / "templates")
    out = _build(tmp_path, "--templates", str(templates))
    groups = sorted((out / "graphdoc_client" / "groups").glob("[!_]*.py"))
    counted = [_decorated(module) for module in groups]
    assert groups and all(methods and methods == traced for methods, traced in counted)
    plain = _build(tmp_path / "plain")
    assert all(_decorated(m)[1] == 0 for m in (plain / "graphdoc_client/groups").glob("[!_]*.py"))

    # the decorated package runs, and the decorator sees each call
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "tracing_hooks.py").write_text(TRACING, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out), str(tmp_path / "hooks")])}
    program = (
        "import httpx, tracing_hooks\n"
        "from graphdoc_client import GraphClient\n"
        "reply = lambda request: httpx.Response(200, json={'id': 'u1'})\n"
        "with GraphClient(token='t', transport=httpx.MockTransport(reply)) as client:\n"
        "    assert client.user.get(user_id='ada')['id'] == 'u1'\n"
        "print(tracing_hooks.CALLS)\n"
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "UserOperations.get" in run.stdout

    # and still passes mypy --strict, decorator included
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(out), str(tmp_path / "hooks")])}
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
    command += ["-p", "graphdoc_client", "-m", "tracing_hooks"]
    checked = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_changed_template_rebuilds_every_group(tmp_path):
    templates = _templates(tmp_path / "templates")
    out = _build(tmp_path, "--templates", str(templates))  # with the cache: a manifest
    method = templates / "package" / "groups" / "method.py.jinja"
    method.write_text(method.read_text(encoding="utf-8").replace("@traced", "@traced  # v2"))
    _build(tmp_path, "--templates", str(templates))
    user = (out / "graphdoc_client" / "groups" / "user.py").read_text(encoding="utf-8")
    assert "@traced  # v2" in user


def test_a_missing_templates_folder_is_one_line(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path / "o"), "--templates", str(tmp_path / "nope")]) == 2
    assert "--templates" in capsys.readouterr().err
