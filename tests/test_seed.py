"""The page graphdoc started from (Spanish, 2015 format) must always parse exactly right."""

from __future__ import annotations

import subprocess
import sys

import yaml

from generator.parse.page import parse_file

from .conftest import REPO, SEED, need_shared


def test_seed_model():
    need_shared()
    result = parse_file(str(SEED), "v1.0")
    operation = result.operation
    assert operation is not None
    assert operation.title == "message: send"
    assert (operation.group, operation.name) == ("message", "send")
    assert operation.http_method == "POST"
    assert [v.path for v in operation.variants] == [
        "/me/messages/{message_id}/send",
        "/users/{user_id}/messages/{message_id}/send",
    ]
    rows = {row.kind: row for row in operation.permissions.rows}
    assert set(rows) == {"delegated_work", "delegated_personal", "application"}
    for row in rows.values():
        assert row.supported and row.least == (("Mail.Send",),) and row.higher == ()
    assert operation.response.status == 202
    assert [example.name for example in operation.examples] == ["message_send"]
    assert operation.examples[0].response is not None
    assert operation.examples[0].response.status == 200
    mismatches = [d for d in result.diagnostics if d.code == "GD043"]
    assert len(mismatches) == 1
    response_line = SEED.read_text(encoding="utf-8").split("\n").index("HTTP/1.1 200 OK") + 1
    assert mismatches[0].line == response_line
    assert mismatches[0].format().startswith(f"{SEED}:{response_line}: GD043 ")
    assert [d.code for d in result.diagnostics] == ["GD043"]


def test_seed_parse_command():
    need_shared()
    run = subprocess.run(
        [sys.executable, "-m", "generator", "parse", str(SEED)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 0
    model = yaml.safe_load(run.stdout)
    assert model["title"] == "message: send"
    assert model["http_method"] == "POST"
    assert [v["path"] for v in model["variants"]] == [
        "/me/messages/{message_id}/send",
        "/users/{user_id}/messages/{message_id}/send",
    ]
    assert model["response"]["status"] == 202
    assert [e["name"] for e in model["examples"]] == ["message_send"]
    response_line = SEED.read_text(encoding="utf-8").split("\n").index("HTTP/1.1 200 OK") + 1
    assert f"{SEED}:{response_line}: GD043 " in run.stderr
