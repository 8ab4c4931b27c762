"""The real documentation snapshots in ../shared/corpus, built end to end.

Runs whenever the corpora are beside the project (CI always has them): each snapshot and
API version is built into a temporary folder, every generated module must compile and
import, every generated replay test must pass, and the rates in report.json must hold.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from generator.cli import main

CORPORA = ("graph-docs-en-2021", "graph-docs-es-2019", "graph-docs-current-sample")
VERSIONS = ("v1.0", "beta")
# The targets, which every snapshot and version meets.
MIN_RATES = {
    "api_pages_to_operation": 99.5,
    "permission_rows_understood": 99.5,
    "operations_permissions_understood": 99.0,
    "graph_examples_replayed": 97.0,
}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_builds_compiles_and_replays(corpus, version, corpus_root, tmp_path, capsys):
    pages = corpus_root / corpus / "api-reference" / version
    out = tmp_path / "out"
    code = main(
        [
            "build",
            str(pages),
            "--api-version",
            version,
            "--out",
            str(out),
            "--specs",
            str(out / "specs"),
            "--quiet",
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Traceback" not in captured.err and "internal error" not in captured.err

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for rate, minimum in MIN_RATES.items():
        assert report["rates_percent"][rate] >= minimum, (rate, report["rates_percent"])
    # Every page without an operation says why.
    by_code = report["diagnostics_by_code"]
    assert report["pages_without_operation"] <= by_code.get("GD011", 0) + by_code.get("GD001", 0)

    env = {**os.environ, "PYTHONPATH": str(out), "PYTHONDONTWRITEBYTECODE": "1"}
    compiled = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "."], cwd=out, capture_output=True, text=True
    )
    assert compiled.returncode == 0, compiled.stdout[-2000:]
    imported = subprocess.run(
        [sys.executable, "-c", "import graphdoc_client"],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", "tests"],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    passed = re.search(r"(\d+) passed", tests.stdout.strip().split("\n")[-1])
    assert passed and int(passed.group(1)) >= report["replay_tests"], tests.stdout[-500:]
