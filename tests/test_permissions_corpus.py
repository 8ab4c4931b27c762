"""``graphdoc permissions --scan`` on the English 2021 v1.0 documentation.

A program written here calls 30 operations across mail, calendar, files, users, groups
and Teams. Only those pages are built (from the corpus, where their includes are), the
program is scanned, and each operation's answer must be its page's table as parsed; the
fewest permissions per kind are printed (``pytest -s``) and checked to serve every call.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.model import PERMISSION_KINDS
from generator.parse import parse_file
from generator.permission_table import is_me_only, table_line

from .conftest import need_shared

CALLS = {
    # mail
    "message-send": 'client.message.send("m1")',
    "message-get": 'client.message.get("m1")',
    "user-list-messages": "client.user.list_messages(top=10)",
    "user-sendmail": "mail.send_mail(body={})",
    "mailfolder-list-messages": 'client.mail_folder.list_messages("inbox")',
    # calendar
    "user-list-events": "client.user.list_events()",
    "user-post-events": "client.user.post_events(body={})",
    "event-get": 'client.event.get("e1")',
    "event-accept": 'client.with_options(timeout=5).event.accept("e1", body={})',
    "calendar-getschedule": "client.calendar.getschedule(body={})",
    # files
    "drive-get": "client.drive.get()",
    "driveitem-get": 'client.drive_item.get("i1")',
    "driveitem-list-children": 'client.drive_item.list_children("i1")',
    "driveitem-get-content": 'client.with_streaming_response.driveitem.get_content("i1")',
    "driveitem-put-content": 'client.drive_item.put_content("i1", content=b"x")',
    # users
    "user-get": "client.user.get()",
    "user-list": "client.user.list()",
    "user-update": "client.user.update(body={})",
    "user-list-memberof": "client.user.list_memberof()",
    # groups
    "group-list": "client.group.list()",
    "group-get": 'client.group.get("g1")',
    "group-list-members": 'client.group.list_members("g1")',
    "group-post-members": 'client.with_raw_response.group.post_members("g1", body={})',
    # Teams
    "team-get": 'teams.get("t1")',
    "team-list-members": 'teams.list_members("t1")',
    "user-list-joinedteams": "client.user.list_joinedteams()",
    "channel-list": 'client.channel.list("t1")',
    "channel-post-messages": 'client.channel.post_messages("t1", "c1", body={})',
    "chatmessage-get": 'client.chatmessage.get("t1", "c1", "m1")',
    "chat-list-messages": 'client.chat.list_messages("c1")',
}


def _program() -> str:
    lines = ["from graph_v1 import AsyncGraphClient, GraphClient", "", ""]
    lines.append("def sync_part() -> None:")
    lines.append('    with GraphClient(token="t") as client:')
    lines.append("        mail = client.user")
    lines.append("        teams = client.team")
    for page, call in list(CALLS.items())[:15]:
        lines.append(f"        {call}")
    lines += ["", "", "async def async_part() -> None:"]
    lines.append('    async with AsyncGraphClient(token="t") as client:')
    lines.append("        mail = client.user")
    lines.append("        teams = client.team")
    for page, call in list(CALLS.items())[15:]:
        lines.append(f"        await {call}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def built(corpus_root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    need_shared()
    api = corpus_root / "graph-docs-en-2021" / "api-reference" / "v1.0" / "api"
    pages = [str(api / f"{page}.md") for page in CALLS]
    out = tmp_path_factory.mktemp("corpus-permissions")
    status = main(
        ["build", *pages, "--out", str(out / "pkg"), "--specs", str(out / "specs")]
        + ["--package", "graph_v1", "--no-cache", "--jobs", "2", "--quiet"]
    )
    assert status == 0
    return api, out


def test_a_program_of_30_operations_gets_each_pages_table(built, capsys):
    api, out = built
    program = out / "app.py"
    program.write_text(_program(), encoding="utf-8")
    status = main(
        ["permissions", "--specs", str(out / "specs"), "--scan", str(program), "--format", "json"]
    )
    answer = json.loads(capsys.readouterr().out)
    assert status == 0
    assert answer["unresolved"] == []
    assert len(answer["calls"]) == len(CALLS)
    assert len(answer["operations"]) == len(CALLS)
    for page in CALLS:
        operation = parse_file(str(api / f"{page}.md"), "v1.0").operation
        assert operation is not None
        documented = json.loads(table_line(operation))[3:]
        found = answer["operations"][f"{operation.group}.{operation.name}"]
        for kind, expected in zip(PERMISSION_KINDS, documented):
            access = found[kind]
            if isinstance(expected, list) and not (kind == "application" and is_me_only(operation)):
                assert [access["least"], access["higher"]] == expected, (page, kind)
                assert access["supported"] == bool(expected[0] or expected[1]), (page, kind)
            else:
                assert not access["supported"], (page, kind)
    for kind, required in answer["required"].items():
        chosen = set(required["permissions"])
        for name, choice in required["choices"].items():
            assert set(choice) <= chosen
            assert (
                choice in answer["operations"][name][kind]["least"]
                or not answer["operations"][name][kind]["least"]
            )
        with capsys.disabled():
            print(f"\n{kind}: {len(chosen)} permissions: {', '.join(sorted(chosen))}")
            for name, why in required["unsupported"].items():
                print(f"  not {kind}: {name}: {why}")
