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
from generator.core.model import PERMISSION_KINDS
from generator.parse.page import parse_file
from generator.render.permission_table import is_me_only, table_line
from generator.scopes import query

from .conftest import need_shared

CALLS = {
    # page: the call, with {} for client.<group>.<method> as the build names it (or
    # {m} for the method alone, called on an alias of its group)
    # mail
    "message-send": '{}("m1")',
    "message-get": '{}("m1")',
    "user-list-messages": "{}(top=10)",
    "user-sendmail": "mail.{m}(body={{}})",
    "mailfolder-list-messages": '{}("inbox")',
    # calendar
    "user-list-events": "{}()",
    "user-post-events": "{}(body={{}})",
    "event-get": '{}("e1")',
    "event-accept": 'client.with_options(timeout=5).{g}.{m}("e1", body={{}})',
    "calendar-getschedule": "{}(body={{}})",
    # files
    "drive-get": "{}()",
    "driveitem-get": '{}(item_id="i1")',
    "driveitem-list-children": '{}("i1")',
    "driveitem-get-content": 'client.with_streaming_response.{g}.{m}(item_id="i1")',
    "driveitem-put-content": '{}(item_id="i1", content=b"x")',
    # users
    "user-get": "{}()",
    "user-list": "{}()",
    "user-update": "{}(body={{}})",
    "user-list-memberof": "{}()",
    # groups
    "group-list": "{}()",
    "group-get": '{}("g1")',
    "group-list-members": '{}("g1")',
    "group-post-members": 'client.with_raw_response.{g}.{m}("g1", body={{}})',
    # Teams
    "team-get": 'teams.{m}("t1")',
    "team-list-members": 'teams.{m}("t1")',
    "user-list-joinedteams": "{}()",
    "channel-list": '{}("t1")',
    "channel-post-messages": '{}("t1", "c1", body={{}})',
    "chatmessage-get": '{}("m1", team_id="t1", channel_id="c1")',
    "chat-list-messages": '{}("c1")',
}


def _program(names: dict[str, str]) -> str:
    """The program, calling each page's operation by the name the build gave it."""

    def call(page: str) -> str:
        group, method = names[page].split(".")
        return CALLS[page].format(f"client.{group}.{method}", g=group, m=method)

    mail, teams = names["user-sendmail"].split(".")[0], names["team-get"].split(".")[0]
    lines = ["from graph_v1 import AsyncGraphClient, GraphClient", "", ""]
    lines.append("def sync_part() -> None:")
    lines.append('    with GraphClient(token="t") as client:')
    lines.append(f"        mail = client.{mail}")
    lines.append(f"        teams = client.{teams}")
    for page in list(CALLS)[:15]:
        lines.append(f"        {call(page)}")
    lines += ["", "", "async def async_part() -> None:"]
    lines.append('    async with AsyncGraphClient(token="t") as client:')
    lines.append(f"        mail = client.{mail}")
    lines.append(f"        teams = client.{teams}")
    for page in list(CALLS)[15:]:
        lines.append(f"        await {call(page)}")
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
    names = {
        entry.page: name for name, entry in query.from_specs(out / "specs" / "v1.0").entries.items()
    }
    program.write_text(_program(names), encoding="utf-8")
    status = main(
        ["permissions", "--specs", str(out / "specs"), "--scan", str(program), "--format", "json"]
    )
    answer = json.loads(capsys.readouterr().out)
    assert status == 0
    assert answer["unresolved"] == []
    assert len(answer["calls"]) == len(CALLS)
    assert len(answer["operations"]) == len(CALLS)
    # a call without user_id= takes a /me path: application access cannot make it
    me_called = {
        call["operation"]
        for call in answer["calls"]
        if all(v == "/me" or v.startswith("/me/") for v in call["variants"])
    }
    for page in CALLS:
        operation = parse_file(str(api / f"{page}.md"), "v1.0").operation
        assert operation is not None
        documented = json.loads(table_line(operation))[3:]
        name = names[page]  # the run names operations, not the page alone
        found = answer["operations"][name]
        for kind, expected in zip(PERMISSION_KINDS, documented):
            access = found[kind]
            if kind == "application" and name in me_called and not is_me_only(operation):
                assert not access["supported"], (page, kind)
                assert access["reason"].startswith("called only through /me paths"), (page, kind)
            elif isinstance(expected, list) and not (
                kind == "application" and is_me_only(operation)
            ):
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
