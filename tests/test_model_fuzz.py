"""The model fuzz (issue 29): every field of the committed model files mutated — breakout
strings, identifiers with comments and line breaks, dunders, wrong types, nulls — and each
mutant rendered. What must hold for every one: no internal error (a mutant either renders
or is GD009 for its file), no payload reaching the generated code as code, nothing written
outside ``--out``.

The mutants are listed in a fixed order and sampled with a fixed seed
(:mod:`tests.model_mutants`). Most are rendered in-process up to the source text, whose
syntax trees are searched for the payloads' names (a payload that only ever sits inside a
string literal runs nothing); a few go through the whole ``graphdoc render`` command, and
their package is imported and every group and method touched, the payload's marker file
being the proof that nothing ran.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline, runtime
from generator.assemble.cross_page import assemble
from generator.cli import main
from generator.render.package import render_package

from .conftest import REPO
from .model_mutants import MARKER, Mutant, sample

MODEL = REPO / "specs" / "model" / "v1.0"
PAYLOAD_NAMES = frozenset({"__import__", "zz"})
COPIED = frozenset(f"pkg/{module}.py" for module in runtime.MODULES)  # as they are


def _folder(mutant: Mutant, root: Path) -> Path:
    """A model folder holding the mutant: an operation's file alone with the types, or the
    types (one mutated) with an operation that returns one of them."""
    folder = root / "v1.0"
    shutil.copytree(MODEL / "types", folder / "types")
    if mutant.file.startswith("types/"):
        shutil.copy(MODEL / "message-get.yaml", folder)
    (folder / mutant.file).write_text(mutant.text(MODEL), encoding="utf-8")
    return folder


def _runs_payload(source: str) -> bool:
    """Whether a payload's names are code in ``source`` (not text inside a literal)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id in PAYLOAD_NAMES:
            return True
        if isinstance(node, ast.Attribute) and node.attr == "system":
            return True
    return False


def _render_in_process(folder: Path) -> tuple[int, dict[str, str]]:
    """What ``graphdoc render`` does up to the source text: the GD009 count and the files."""
    works, adopted, problems = pipeline.read_model(folder)
    types = pipeline.read_types(folder / "types", problems)
    model = assemble(works, [], None, (), adopted, types=types)
    if not model.operations:
        return len(problems), {}
    rendered = render_package(model.operations, model.cases, "pkg", "v1.0", types)
    return len(problems), rendered.files


def test_model_mutants_render_or_are_gd009_and_never_become_code(tmp_path):
    mutants = sample(MODEL, names=120, others=260)
    assert len(mutants) == 380
    refused = rendered = 0
    hostile: list[tuple[str, str, str]] = []
    for number, mutant in enumerate(mutants):
        root = tmp_path / str(number)
        problems, files = _render_in_process(_folder(mutant, root))
        refused += problems > 0
        rendered += bool(files)
        hostile += [
            (mutant.file, mutant.where, name)
            for name, text in files.items()
            if name.endswith((".py", ".pyi")) and name not in COPIED and _runs_payload(text)
        ]
        shutil.rmtree(root)
    assert not hostile, hostile[:10]
    assert refused and rendered  # both outcomes met: the sample is not one-sided


@pytest.mark.parametrize("index", range(4))
def test_model_mutants_through_the_command_run_nothing_and_write_only_out(tmp_path, index):
    mutant = sample(MODEL, names=4, others=0, seed=2029)[index]
    specs = tmp_path / "specs"
    shutil.copytree(REPO / "specs" / "model", specs)
    (specs / "v1.0" / mutant.file).write_text(mutant.text(MODEL), encoding="utf-8")
    before = set(tmp_path.rglob("*"))
    out = tmp_path / "out"
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        status = main(["render", "--specs", str(specs), "--out", str(out), "--jobs", "1"])
    finally:
        os.chdir(cwd)
    assert status in (0, 1), mutant
    written = {path for path in set(tmp_path.rglob("*")) - before if out not in path.parents}
    assert written == {out}, sorted(written)[:10]
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
        [sys.executable, "-c", program], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert not (tmp_path / MARKER).exists(), mutant
