"""Every generated URL right, on the English 2021 v1.0 corpus: the calls that once sent a
wrong URL (a literal ``...`` segment, `` | user-principal-name`` in a path, ``/users/me``),
sent through ``httpx.MockTransport`` from the package built from the real pages, and the
diagnostics naming the doc patterns that caused them.

The v1.0 ``api`` folder is built once for the module (``--no-cache --jobs 2``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

PAGES = "graph-docs-en-2021/api-reference/v1.0/api"

# (call, the path it must send); run in a process importing the built package.
CALLS = [
    ('client.message.reply_all("m1", body={})', "POST", "/v1.0/me/messages/m1/replyAll"),
    (
        'client.message.list_attachments("m1", mail_folder_id="f1", child_folder_id="c1",'
        ' attachment_id="a1")',
        "GET",
        "/v1.0/me/mailFolders/f1/childFolders/c1/messages/m1/attachments/a1",
    ),
    (
        'client.contact.get("k1", contact_folder_id="f1", child_folder_id="c1")',
        "GET",
        "/v1.0/me/contactFolders/f1/childFolders/c1/contacts/k1",
    ),
    (
        'client.chat.get_members("c1", "m1", user_id="u1")',
        "GET",
        "/v1.0/users/u1/chats/c1/members/m1",
    ),
    ('client.chat.get_members("c1", "m1")', "GET", "/v1.0/chats/c1/members/m1"),
    (
        'client.drive_item.list_children(item_path="Docs/Q1 plan")',
        "GET",
        "/v1.0/me/drive/root:/Docs/Q1%20plan:/children",
    ),
    ('client.drive_item.list_children("i1")', "GET", "/v1.0/me/drive/items/i1/children"),
]

SCRIPT = """
import json, sys
import httpx
from graphdoc_client import GraphClient

sent = []
def handler(request):
    sent.append([request.method, request.url.raw_path.decode()])
    return httpx.Response(200, json={"value": []})

client = GraphClient(token="t", transport=httpx.MockTransport(handler))
for call in json.loads(sys.argv[1]):
    eval(call)
print(json.dumps(sent))
"""


@pytest.fixture(scope="module")
def built(corpus_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("urls") / "out"
    code = main(
        [
            "build",
            str(corpus_root / PAGES),
            "--api-version",
            "v1.0",
            "--out",
            str(out),
            "--specs",
            str(out / "specs"),
            "--no-cache",
            "--jobs",
            "2",
            "--quiet",
        ]
    )
    assert code == 0
    return out


def test_the_calls_send_the_right_urls(built: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(built), "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps([call for call, _, _ in CALLS])],
        cwd=built,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    sent = json.loads(run.stdout)
    assert sent == [[method, path] for _, method, path in CALLS]


def test_no_variant_holds_a_misread_pattern(built: Path) -> None:
    tables = "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted((built / "graphdoc_client" / "groups").glob("*.py"))
    )
    variants = [
        line.strip().partition("?")[0] for line in tables.split("\n") if line.startswith("    /")
    ]
    assert len(variants) > 2000
    assert [v for v in variants if "/..." in v or "\u2026" in v] == []
    assert [v for v in variants if "|" in v] == []
    assert [v for v in variants if v.lower().startswith("/users/me/")] == []


def test_the_causes_are_diagnosed_and_every_page_gives_an_operation(built: Path) -> None:
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    by_code = report["diagnostics_by_code"]
    for code in ("GD007", "GD017", "GD018", "GD019", "GD039"):
        assert by_code.get(code, 0) >= 1, code
    assert by_code.get("GD011", 0) == 0
    assert report["pages_without_operation"] == 0
    specs = built / "specs"
    for page in ("site-get", "chat-post-members"):
        assert list(specs.rglob(f"{page}.yaml")), page
    upload = next(specs.rglob("driveitem-createuploadsession.yaml")).read_text(encoding="utf-8")
    assert "status: 507" not in upload
