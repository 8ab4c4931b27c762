"""The scan behind ``graphdoc permissions --scan`` and its gate, on pages and programs of
our own: every client surface (sync, async, raw, aliases, methods as values, batch,
upload, request, follow, attributes of user objects), the variant a call takes (``/me``
or ``/users/{id}``), calls it cannot resolve, granted names that no page names, and files
too deep or too big to analyse.

The pages are ours (mail, files, directory, Teams, reports); each program's needs are
written here by hand from those pages' tables, and the gate is checked against an
independent reading of them: it must never pass a grant that leaves a call uncovered.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from generator.cli import main
from generator.scopes import query
from generator.scopes.scan import scan_source

from .conftest import need_shared

HEADER = "|Permission type|Least privileged permissions|Higher privileged permissions|"


def page(title: str, requests: list[str], work: str, personal: str, application: str) -> str:
    request = "\n".join(requests)
    return (
        f"# {title}\n\nA call of our own test service.\n\n## Permissions\n\n{HEADER}\n"
        f"|:---|:---|:---|\n"
        f"|Delegated (work or school account)|{work}|\n"
        f"|Delegated (personal Microsoft account)|{personal}|\n"
        f"|Application|{application}|\n\n"
        f"## HTTP request\n\n```http\n{request}\n```\n\n"
        "## Response\n\nIf successful, this method returns a `200 OK` response code.\n"
    )


NO = "Not supported.|Not supported."
PAGES = {
    # mail: /me and /users/{id} variants
    "message-get.md": page(
        "message: get",
        ["GET /me/messages/{message_id}", "GET /users/{id}/messages/{message_id}"],
        "Mail.ReadBasic|Mail.Read",
        "Mail.ReadBasic|Mail.Read",
        "Mail.ReadBasic.All|Mail.Read",
    ),
    "user-sendmail.md": page(
        "user: sendMail",
        ["POST /me/sendMail", "POST /users/{id}/sendMail"],
        "Mail.Send|Not available.",
        "Mail.Send|Not available.",
        "Mail.Send|Not available.",
    ),
    "attachment-createuploadsession.md": page(
        "attachment: createUploadSession",
        [
            "POST /me/messages/{id}/attachments/createUploadSession",
            "POST /users/{id}/messages/{id}/attachments/createUploadSession",
        ],
        "Mail.ReadWrite|Not available.",
        "Mail.ReadWrite|Not available.",
        "Mail.ReadWrite|Not available.",
    ),
    "message-post-attachments.md": page(
        "message: add attachment",
        [
            "POST /me/messages/{id}/attachments",
            "POST /users/{id}/messages/{id}/attachments",
        ],
        "Mail.ReadWrite|Not available.",
        "Mail.ReadWrite|Not available.",
        "Mail.ReadWrite|Not available.",
    ),
    # files: the two requests of an upload, and a listing
    "driveitem-put-content.md": page(
        "driveItem: upload content",
        [
            "PUT /me/drive/items/{parent-id}:/{filename}:/content",
            "PUT /me/drive/root:/{item-path}:/content",
            "PUT /drives/{drive-id}/items/{item-id}/content",
        ],
        "Files.ReadWrite|Files.ReadWrite.All",
        "Files.ReadWrite|Files.ReadWrite.All",
        "Files.ReadWrite.All|Sites.ReadWrite.All",
    ),
    "driveitem-createuploadsession.md": page(
        "driveItem: createUploadSession",
        [
            "POST /me/drive/root:/{item-path}:/createUploadSession",
            "POST /me/drive/items/{parent-id}:/{filename}:/createUploadSession",
            "POST /drives/{drive-id}/items/{item-id}/createUploadSession",
        ],
        "Files.ReadWrite|Files.ReadWrite.All",
        "Files.ReadWrite|Files.ReadWrite.All",
        "Files.ReadWrite.All|Sites.ReadWrite.All",
    ),
    "driveitem-list-children.md": page(
        "driveItem: list children",
        [
            "GET /me/drive/items/{item-id}/children",
            "GET /drives/{drive-id}/items/{item-id}/children",
        ],
        "Files.Read|Files.ReadWrite",
        "Files.Read|Files.ReadWrite",
        "Files.Read.All|Files.ReadWrite.All",
    ),
    # directory
    "group-post-groups.md": page(
        "group: create",
        ["POST /groups"],
        "Group.ReadWrite.All|Directory.ReadWrite.All",
        NO,
        "Group.Create|Group.ReadWrite.All",
    )
    # an example with JSON bodies: an operation that holds dicts (not hashable)
    + "\n## Examples\n\n### Request\n\n```http\nPOST https://graph.microsoft.com/v1.0/groups\n"
    + 'Content-type: application/json\n\n{"displayName": "Team"}\n```\n\n### Response\n\n'
    + '```http\nHTTP/1.1 201 Created\nContent-type: application/json\n\n{"id": "g1"}\n```\n',
    "user-list.md": page(
        "user: list",
        ["GET /users"],
        "User.ReadBasic.All|User.Read.All",
        NO,
        "User.Read.All|Directory.Read.All",
    ),
    "user-get.md": page(
        "user: get",
        ["GET /me", "GET /users/{id}"],
        "User.Read|User.Read.All",
        "User.Read|Not available.",
        "User.Read.All|Directory.Read.All",
    ),
    # Teams
    "team-get.md": page(
        "team: get",
        ["GET /teams/{team-id}"],
        "Team.ReadBasic.All|TeamSettings.Read.All",
        NO,
        "Team.ReadBasic.All|TeamSettings.Read.All",
    ),
    "channel-post-messages.md": page(
        "channel: send message",
        ["POST /teams/{team-id}/channels/{channel-id}/messages"],
        "ChannelMessage.Send|Group.ReadWrite.All",
        NO,
        NO,
    ),
    # reports
    "reportroot-getemailactivitycounts.md": page(
        "reportRoot: getEmailActivityCounts",
        ["GET /reports/getEmailActivityCounts(period='{period_value}')"],
        "Reports.Read.All|Not available.",
        NO,
        "Reports.Read.All|Not available.",
    ),
}

# The pages' tables again, as the independent checker below reads them: per operation
# page, per kind, the alternatives (least, then higher); None: not supported.
TABLES: dict[str, dict[str, list[list[str]] | None]] = {}
for _name, _text in PAGES.items():
    _rows = [
        line
        for line in _text.splitlines()
        if line.startswith("|Delegated") or line.startswith("|Application")
    ]
    _kinds = {}
    for _kind, _row in zip(query.KINDS, _rows):
        _cells = _row.strip("|").split("|")[1:]
        _alts = [[c] for c in _cells if "." in c and not c.startswith("Not")]
        _kinds[_kind] = _alts or None
    TABLES[_name[:-3]] = _kinds


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("service")
    (root / "api").mkdir()
    for name, text in PAGES.items():
        (root / "api" / name).write_text(text, encoding="utf-8")
    status = main(
        ["build", str(root / "api"), "--out", str(root / "out"), "--specs", str(root / "specs")]
        + ["--package", "service", "--no-cache", "--jobs", "1", "--quiet"]
    )
    assert status == 0
    return root


@pytest.fixture(scope="module")
def names(built: Path) -> dict[str, str]:
    """Page id → ``group.method`` as the build named it (names are the build's business)."""
    source = query.load_specs(built / "specs" / "v1.0")
    return {entry.page: name for name, entry in source.catalog.entries.items()}


def ask(built: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["permissions", "--specs", str(built / "specs"), *args])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def write(tmp_path: Path, name: str, source: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def call(names: dict[str, str], page_id: str) -> str:
    """``group.method`` of a page, as code calls it: ``client.group.method``."""
    return names[page_id]


def every_surface(names: dict[str, str]) -> str:
    n = names.get
    return textwrap.dedent(f"""\
        import asyncio
        from service import AsyncGraphClient, GraphClient


        class Mailer:
            client: GraphClient

            def __init__(self, client: GraphClient) -> None:
                self.client = client

            def notify(self, user: str) -> None:
                self.client.{n('user-sendmail')}(user_id=user, body={{}})


        def run() -> None:
            client = GraphClient(token="t")
            people = client.{n('user-get').split('.')[0]}
            people.{n('user-get').split('.')[1]}(user_id="u1")
            client.with_raw_response.{n('message-get')}("m1", user_id="u1")
            with client.batch() as b:
                b.{n('group-post-groups')}(body={{}})
                b.{n('user-list')}()
                b.{n('team-get')}("t1")
            client.upload(open("report.txt", "rb"), item_path="docs/report.txt")
            client.request("GET", "/reports/getEmailActivityCounts(period='D7')")
            client.follow("https://graph.microsoft.com/v1.0/drives/d1/items/i1/children?$skiptoken=x")
            Mailer(client).notify("u2")


        async def arun() -> None:
            async with AsyncGraphClient(token="t") as client:
                await client.{n('channel-post-messages')}("t1", "c1", body={{}})
        """)


def test_every_client_surface_gets_the_exact_minimal_set(built, names, tmp_path, capsys):
    program = write(tmp_path, "app.py", every_surface(names))
    status, out = ask(built, capsys, "--scan", str(program), "--format", "json")
    assert status == 0, out
    answer = json.loads(out)
    assert answer["unresolved"] == []
    found = {(c["line"], c["operation"], c["how"]) for c in answer["calls"]}
    expected_pages = {
        (12, "user-sendmail", "call"),
        (18, "user-get", "call"),
        (19, "message-get", "call"),
        (21, "group-post-groups", "call"),
        (22, "user-list", "call"),
        (23, "team-get", "call"),
        (24, "driveitem-put-content", "upload"),
        (24, "driveitem-createuploadsession", "upload"),
        (25, "reportroot-getemailactivitycounts", "request"),
        (26, "driveitem-list-children", "follow"),
        (32, "channel-post-messages", "call"),
    }
    assert found == {(line, names[page_id], how) for line, page_id, how in expected_pages}
    required = answer["required"]
    # read off the pages above: each call's least privileged permission
    assert required["delegated_work"]["permissions"] == sorted(
        [
            "Mail.Send",
            "User.Read",
            "Mail.ReadBasic",
            "Group.ReadWrite.All",
            "User.ReadBasic.All",
            "Team.ReadBasic.All",
            "Files.ReadWrite",
            "Reports.Read.All",
            "Files.Read",
            "ChannelMessage.Send",
        ]
    )
    assert required["application"]["permissions"] == sorted(
        [
            "Mail.Send",
            "User.Read.All",
            "Mail.ReadBasic.All",
            "Group.Create",
            "Team.ReadBasic.All",
            "Reports.Read.All",
            "Files.Read.All",
        ]
    )
    # the upload goes to the signed-in user's drive (/me/drive): not with application access
    assert sorted(required["application"]["unsupported"]) == sorted(
        names[p]
        for p in ("channel-post-messages", "driveitem-put-content", "driveitem-createuploadsession")
    )
    # every call passed user_id=, so none is a /me call
    assert answer["not_possible_with_application"] == []


def test_a_dynamic_call_fails_the_gate_with_its_line(built, names, tmp_path, capsys):
    group, method = names["message-get"].split(".")
    program = write(
        tmp_path,
        "dyn.py",
        f"""\
        from service import GraphClient
        client = GraphClient(token="t")
        client.{group}.{method}("m1")
        name = input()
        getattr(client.{group}, name)("m2")
        client.request("GET", name)
        """,
    )
    status, out = ask(built, capsys, "--scan", str(program), "--granted", "Mail.ReadBasic")
    assert status == 1
    assert f"{program.as_posix()}:5: error: dynamic call" in out
    assert f"{program.as_posix()}:6: error: request: the path is not literal" in out
    assert "--allow-unresolved" in out
    status, out = ask(
        built, capsys, "--scan", str(program), "--granted", "Mail.ReadBasic", "--allow-unresolved"
    )
    assert status == 0
    assert f"{program.as_posix()}:5: warning: dynamic call" in out


def test_the_variant_decides_me_or_users(built, names, tmp_path, capsys):
    group, method = names["message-get"].split(".")
    program = write(
        tmp_path,
        "variants.py",
        f"""\
        from service import GraphClient


        def read(client: GraphClient, user_id: str | None = None) -> None:
            client.{group}.{method}("m1")                      # /me
            client.{group}.{method}("m2", user_id="u1")        # /users/{{id}}
            client.{group}.{method}("m3", user_id=user_id)     # either: may be None
        """,
    )
    status, out = ask(built, capsys, "--scan", str(program), "--format", "json")
    answer = json.loads(out)
    variants = {c["line"]: c["variants"] for c in answer["calls"]}
    assert variants == {
        5: ["/me/messages/{message_id}"],
        6: ["/users/{user_id}/messages/{message_id}"],
        7: ["/me/messages/{message_id}", "/users/{user_id}/messages/{message_id}"],
    }
    impossible = {
        (c["line"], c["message"].split(":")[1].strip())
        for c in answer["not_possible_with_application"]
    }
    assert {line for line, _ in impossible} == {5, 7}
    status, out = ask(
        built,
        capsys,
        "--scan",
        str(program),
        "--kind",
        "application",
        "--granted",
        "Mail.ReadBasic.All",
    )
    assert status == 1
    assert (
        f"{program.as_posix()}:5: error: {group}.{method}: /me/messages/{{message_id}} is not possible"
        in out
    )
    assert f"{program.as_posix()}:7: error: {group}.{method}: the call may take a /me path" in out
    # only /me calls: application access cannot make them at all
    only_me = write(
        tmp_path, "me.py", f"from service import GraphClient\nGraphClient().{group}.{method}('m')\n"
    )
    status, out = ask(
        built, capsys, "--scan", str(only_me), "--kind", "application", "--format", "json"
    )
    application = json.loads(out)["required"]["application"]
    assert application["permissions"] == []
    assert "called only through /me paths" in application["unsupported"][f"{group}.{method}"]


def test_a_misspelt_grant_is_an_error_with_a_suggestion(built, names, tmp_path, capsys):
    program = write(
        tmp_path,
        "send.py",
        f"from service import GraphClient\nGraphClient().{names['user-sendmail']}(body={{}})\n",
    )
    status, out = ask(built, capsys, "--scan", str(program), "--granted", "Mail.Sned")
    assert status == 2
    assert "Mail.Sned (did you mean Mail.Send?)" in out
    status, out = ask(
        built, capsys, "--scan", str(program), "--granted", "Mail.Send,openid,offline_access"
    )
    assert status == 0
    granted = tmp_path / "granted.txt"
    granted.write_text("Mail.Send\n# and\nZzz.Qqq.All\n", encoding="utf-8")
    status, out = ask(built, capsys, "--scan", str(program), "--granted-file", str(granted))
    assert status == 2
    assert f"Zzz.Qqq.All at {granted}:3" in out and "did you mean" not in out


def test_explain_says_which_calls_need_each_permission_and_where_the_page_says_so(
    built, names, tmp_path, capsys
):
    program = write(
        tmp_path,
        "send.py",
        f"from service import GraphClient\nGraphClient().{names['user-sendmail']}(body={{}})\n",
    )
    status, out = ask(
        built, capsys, "--scan", str(program), "--kind", "delegated-work", "--explain"
    )
    assert status == 0
    assert "why Mail.Send:" in out
    assert f"{names['user-sendmail']}: the page says so at user-sendmail.md:9" in out
    assert f"called at {program.as_posix()}:2" in out


# the gate against an independent reading of the pages, on programs of our own

PROGRAMS: dict[str, tuple[str, list[str]]] = {
    # name: (body using {page-id} placeholders for client.group.method, the pages it calls)
    "mail-read": ("client.{message-get}('m', user_id='u')", ["message-get"]),
    "mail-send": ("client.{user-sendmail}(body={{}})", ["user-sendmail"]),
    "mail-both": (
        "f = client.{message-get}\nf('m')\nclient.{user-sendmail}(user_id='u', body={{}})",
        ["message-get", "user-sendmail"],
    ),
    "mail-attach": (
        "client.upload(data, attach_to='/me/messages/m1', name='a.txt')",
        ["message-post-attachments", "attachment-createuploadsession"],
    ),
    "mail-attach-small": (  # the size is in the source: one request, no session
        "client.upload(b'x', attach_to='/me/messages/m1', name='a.txt')",
        ["message-post-attachments"],
    ),
    "files-upload": (
        "client.upload(open('a', 'rb'), parent_id='p', name='a.txt')",
        ["driveitem-put-content", "driveitem-createuploadsession"],
    ),
    "files-list": (
        "client.request('GET', f'/drives/{{drive}}/items/{{item}}/children')",
        ["driveitem-list-children"],
    ),
    "directory-users": (
        "with client.batch() as b:\n    b.{user-list}()\n    b.{user-get}(user_id='u')",
        ["user-list", "user-get"],
    ),
    "directory-groups": (
        "client.request('POST', 'https://graph.microsoft.com/v1.0/groups', json={{}})",
        ["group-post-groups"],
    ),
    "teams": (
        "list(map(client.{team-get}, ['t1', 't2']))\n"
        "client.with_options(timeout=3).{channel-post-messages}('t', 'c', body={{}})",
        ["team-get", "channel-post-messages"],
    ),
    "reports": (
        "client.request('GET', \"/reports/getEmailActivityCounts(period='D30')\")",
        ["reportroot-getemailactivitycounts"],
    ),
    "mixed": (
        "client.{user-get}()\nclient.follow('/me/drive/items/i/children?$skiptoken=2')\n"
        "client.upload(b'', item_path='x/y.txt')",
        ["user-get", "driveitem-list-children", "driveitem-put-content"],
    ),
}


def _program(names: dict[str, str], body: str) -> str:
    for page_id, name in sorted(names.items(), key=lambda item: -len(item[0])):
        body = body.replace("{" + page_id + "}", name)
    body = body.replace("{{", "{").replace("}}", "}")
    return "from service import GraphClient\nclient = GraphClient(token='t')\n" + body + "\n"


def _enough(pages: list[str], granted: set[str], kind: str) -> bool:
    """The pages' own answer: every page has an alternative the grant holds."""
    for page_id in pages:
        alternatives = TABLES[page_id][kind]
        if alternatives is None or not any(set(a) <= granted for a in alternatives):
            return False
    return True


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_gate_never_passes_a_grant_the_pages_call_too_small(
    built, names, tmp_path, capsys, name
):
    body, pages = PROGRAMS[name]
    program = write(tmp_path, f"{name}.py", _program(names, body))
    status, out = ask(
        built, capsys, "--scan", str(program), "--kind", "delegated-work", "--format", "json"
    )
    answer = json.loads(out)
    assert answer["unresolved"] == [], answer["unresolved"]
    assert sorted({c["operation"] for c in answer["calls"]}) == sorted(names[p] for p in pages)
    needed = answer["required"]["delegated_work"]["permissions"]
    assert _enough(pages, set(needed), "delegated_work")
    documented = sorted({s for p in pages for a in (TABLES[p]["delegated_work"] or []) for s in a})
    grants = (
        [needed, [], documented]
        + [[s for s in needed if s != left_out] for left_out in needed]
        + [[s for s in documented if s != left_out] for left_out in documented]
    )
    for granted in grants:
        status, out = ask(
            built,
            capsys,
            "--scan",
            str(program),
            "--kind",
            "delegated-work",
            "--granted",
            ",".join(granted) or "openid",
        )
        assert status == (0 if _enough(pages, set(granted), "delegated_work") else 1), (
            granted,
            out,
        )


# files the scan cannot analyse, and its cost


@pytest.mark.parametrize(
    "source, reason",
    [
        ("x = " + " + ".join(["a"] * 5000) + "\n", "nested too deeply"),
        ("x = a" + ".b" * 20000 + "\n", "nested too deeply"),
        ("f = " + "lambda: " * 5000 + "1\n", "too complex"),
    ],
    ids=["plus-chain", "attribute-chain", "nested-lambdas"],
)
def test_a_file_too_deep_to_analyse_is_unresolved_not_an_internal_error(
    built, tmp_path, capsys, source, reason
):
    (tmp_path / "deep.py").write_text(source, encoding="utf-8")
    (tmp_path / "fine.py").write_text("print('hello')\n", encoding="utf-8")
    status, out = ask(built, capsys, "--scan", str(tmp_path), "--granted", "openid")
    assert status == 1
    assert f"{(tmp_path / 'deep.py').as_posix()}:1: error: not analysed: {reason}" in out
    status, out = ask(
        built, capsys, "--scan", str(tmp_path), "--granted", "openid", "--allow-unresolved"
    )
    assert status == 0


def test_a_long_chain_of_aliases_resolves(built, names):
    group, method = names["message-get"].split(".")
    lines = ["from service import GraphClient", "c = GraphClient()"]
    # each alias defined after its use in the file: learnt in reverse order of the text
    count = 3000
    lines += [f"def f{i}():\n    a{i} = a{i + 1}" for i in range(count)]
    lines += [f"a{count} = c.{group}", f"a0.{method}('m', user_id='u')"]
    source = "\n".join(lines) + "\n"
    endpoints = query.load_specs(built / "specs" / "v1.0").endpoints
    calls, lost = scan_source("chain.py", source, endpoints)
    assert lost == []
    assert [(call.line, call.operation) for call in calls] == [
        (len(source.splitlines()), f"{group}.{method}")
    ]


def test_an_attribute_chain_that_parses_is_followed_without_recursion(built, names):
    group, method = names["message-get"].split(".")
    # 900 levels parse; the scan must not recurse on them either
    source = f"from service import GraphClient\nc = GraphClient()\nx = c.{group}{'.x' * 900}\nc.{group}.{method}('m', user_id='u')\n"
    endpoints = query.load_specs(built / "specs" / "v1.0").endpoints
    calls, lost = scan_source("chain.py", source, endpoints)
    assert [(call.line, call.operation) for call in calls] == [(4, f"{group}.{method}")]


# misspelt permission names on pages: GD120 in ``graphdoc lint``

TYPO_PAGES = {
    "widget-get.md": ("GET /widgets/{id}", "Widget.ReadWrite.All|Not available."),
    "widget-list.md": ("GET /widgets", "Widget.ReadWrite.All|Not available."),
    "widget-update.md": ("PATCH /widgets/{id}", "Widget.Read.WriteAll|Not available."),
    "gadget-get.md": ("GET /gadgets/{id}", "Gadget.ReadWrite.All|Not available."),
    "gadget-list.md": ("GET /gadgets", "Gadget.ReadWrite.All|Gadget.Read.All"),
    "gadget-delete.md": ("DELETE /gadgets/{id}", "Gadget.WriteWrite.All|Not available."),
    "flow-get.md": ("GET /flows/{id}", "IdentityUserFlow.Read.All|Not available."),
    "flow-list.md": ("GET /flows", "IdentityUserFlow.Read.All|Not available."),
    "flow-delete.md": ("DELETE /flows/{id}", "IdentityUserflow.Read.All|Not available."),
    # rare names that are not typos of anything: Mail.Read and Mail.Send, Files.Read.All
    "thing-get.md": ("GET /things/{id}", "Mail.Read|Files.Read.All"),
    "thing-send.md": ("POST /things/{id}/send", "Mail.Send|Files.ReadWrite.All"),
}


def test_lint_flags_permission_names_that_look_misspelt(tmp_path, capsys):
    for name, (request, cell) in TYPO_PAGES.items():
        text = page(name[:-3].replace("-", ": "), [request], cell, NO, cell)
        (tmp_path / name).write_text(text, encoding="utf-8")
    status = main(["lint", str(tmp_path), "--no-cache", "--jobs", "1"])
    out = capsys.readouterr()
    found = sorted(
        (line.split(":")[0].rsplit("/", 1)[-1], line.split("'")[1], line.split("'")[3])
        for line in (out.out + out.err).splitlines()
        if " GD120 " in line
    )
    assert status == 0
    assert found == [
        ("flow-delete.md", "IdentityUserflow.Read.All", "IdentityUserFlow.Read.All"),
        ("flow-delete.md", "IdentityUserflow.Read.All", "IdentityUserFlow.Read.All"),
        ("gadget-delete.md", "Gadget.WriteWrite.All", "Gadget.ReadWrite.All"),
        ("gadget-delete.md", "Gadget.WriteWrite.All", "Gadget.ReadWrite.All"),
        ("widget-update.md", "Widget.Read.WriteAll", "Widget.ReadWrite.All"),
        ("widget-update.md", "Widget.Read.WriteAll", "Widget.ReadWrite.All"),
    ]  # each on its two rows (work, application)
    # and an answer that chooses such a name says so
    out_dir = tmp_path.parent / (tmp_path.name + "-out")
    assert (
        main(
            ["build", str(tmp_path), "--out", str(out_dir / "pkg"), "--specs", str(out_dir)]
            + ["--package", "typos", "--no-cache", "--jobs", "1", "--quiet"]
        )
        == 0
    )
    capsys.readouterr()
    names = {e.page: n for n, e in query.from_specs(out_dir / "v1.0").entries.items()}
    status = main(["permissions", "--specs", str(out_dir), names["widget-update"]])
    assert status == 0
    assert (
        "notice: permission Widget.Read.WriteAll (in a set above) looks like a misspelling of"
        " Widget.ReadWrite.All" in capsys.readouterr().out
    )


def test_lint_of_the_english_pages_flags_their_three_misspelt_names(corpus_root, capsys):
    need_shared()
    api = corpus_root / "graph-docs-en-2021" / "api-reference" / "v1.0" / "api"
    pages = ["chatmessage-get", "educationclass-delta", "identityuserflowattribute-list"]
    # the names they misspell, as the pages around them spell them
    others = [
        "channel-get",
        "educationclass-get",
        "educationclass-list",
        "identityuserflowattribute-get",
    ]
    others += ["identityuserflowattribute-update", "group-get", "group-update"]
    paths = [str(api / f"{name}.md") for name in pages + others]
    status = main(["lint", *paths, "--no-cache", "--jobs", "1"])
    out = capsys.readouterr()
    flagged = {line.split("'")[1] for line in (out.out + out.err).splitlines() if " GD120 " in line}
    assert status in (0, 1)
    assert flagged == {
        "Group.Read.WriteAll",
        "EduRoster.WriteWrite.All",
        "IdentityUserflow.ReadWrite.All",
    }


def test_a_built_package_answers_the_scan_as_the_model_does(built, names, tmp_path, capsys):
    program = write(tmp_path, "app.py", every_surface(names))
    status, from_specs = ask(built, capsys, "--scan", str(program), "--format", "json")
    assert status == 0
    status = main(
        ["permissions", "--package-dir", str(built / "out"), "--scan", str(program)]
        + ["--format", "json"]
    )
    from_package = json.loads(capsys.readouterr().out)
    assert status == 0
    expected = json.loads(from_specs)
    assert from_package["calls"] == expected["calls"]
    assert from_package["required"] == expected["required"]


def test_clients_known_by_their_class_and_calls_on_unknown_objects_said_loudly(
    built, names, tmp_path, capsys
):
    group, method = names["message-get"].split(".")
    team_group, team_method = names["team-get"].split(".")
    group_class = group.replace("_", " ").title().replace(" ", "") + "Operations"
    program = write(
        tmp_path,
        "kinds.py",
        f"""\
        from service import GraphClient
        from service.groups.{group} import {group_class}
        from app.graph import shared_client


        class Tenant(GraphClient):
            pass


        def mailbox(client: GraphClient) -> {group_class}:
            return client.{group}


        def read(box: {group_class}, anything) -> None:
            box.{method}("m1", user_id="u")                        # 15: a parameter typed as the group
            mailbox(Tenant()).{method}("m2", user_id="u")          # 16: a function typed as returning it
            first, second = Tenant(), 3
            first.{team_group}.{team_method}("t1")                 # 18: unpacked from a tuple
            anything.{team_group}.{team_method}("t2")              # 19: not annotated: loud
            shared_client.{group}.{method}("m3")                   # 20: imported: loud
            mapping = dict()
            mapping.{group}.{method}("x")                          # 22: bound here to something else
        """,
    )
    status, out = ask(built, capsys, "--scan", str(program), "--format", "json")
    answer = json.loads(out)
    assert [(c["line"], c["operation"]) for c in answer["calls"]] == [
        (15, f"{group}.{method}"),
        (16, f"{group}.{method}"),
        (18, f"{team_group}.{team_method}"),
    ]
    assert [(u["line"], u["message"].split(" (")[0]) for u in answer["unresolved"]] == [
        (19, f"{team_group}.{team_method} called on an object not known to be a client"),
        (20, f"{group}.{method} called on an object not known to be a client"),
    ]


# many programs made of the surfaces above, many grants: the gate against the pages

SNIPPETS: list[tuple[str, list[tuple[str, bool]]]] = [
    # code (page ids in braces stand for client.<group>.<method>), [(page called, by /me)]
    ("{message-get}('m')", [("message-get", True)]),
    ("{message-get}('m', user_id='u')", [("message-get", False)]),
    ("{user-sendmail}(body={{}})", [("user-sendmail", True)]),
    ("{user-sendmail}(user_id='u', body={{}})", [("user-sendmail", False)]),
    (
        "client.upload(data, item_path='a.txt')",
        [("driveitem-put-content", True), ("driveitem-createuploadsession", True)],
    ),
    (
        "client.upload(data, item_id='i', drive='/drives/d1')",
        [("driveitem-put-content", False), ("driveitem-createuploadsession", False)],
    ),
    ("client.request('GET', '/users')", [("user-list", False)]),
    ("client.request('POST', '/groups', json={{}})", [("group-post-groups", False)]),
    ("{team-get}('t')", [("team-get", False)]),
    ("{channel-post-messages}('t', 'c', body={{}})", [("channel-post-messages", False)]),
    (
        "client.request('GET', \"/reports/getEmailActivityCounts(period='D7')\")",
        [("reportroot-getemailactivitycounts", False)],
    ),
    (
        "client.follow('/drives/d/items/i/children?$skiptoken=1')",
        [("driveitem-list-children", False)],
    ),
    ("{user-get}()", [("user-get", True)]),
    ("{user-get}(user_id='u')", [("user-get", False)]),
]


def _gate_ok(calls: list[tuple[str, bool]], granted: set[str], kind: str) -> bool:
    """The pages' answer: every call can run with the grant."""
    for page_id, by_me in calls:
        if kind == "application" and by_me:
            return False
        alternatives = TABLES[page_id][kind]
        if alternatives is None or not any(set(a) <= granted for a in alternatives):
            return False
    return True


@pytest.mark.parametrize("kind", ["delegated_work", "application"])
def test_the_gate_agrees_with_the_pages_on_random_programs_and_grants(
    built, names, tmp_path, capsys, kind
):
    import random

    chooser = random.Random(25)
    documented = sorted({s for tables in TABLES.values() for a in (tables[kind] or []) for s in a})
    checked = 0
    for number in range(25):
        chosen = chooser.sample(SNIPPETS, chooser.randint(1, 4))
        body = "\n".join("client." + code if code.startswith("{") else code for code, _ in chosen)
        calls = [call for _, each in chosen for call in each]
        program = write(tmp_path, f"p{number}.py", _program(names, body))
        status, out = ask(
            built,
            capsys,
            "--scan",
            str(program),
            "--kind",
            kind.replace("_", "-"),
            "--format",
            "json",
        )
        needed = json.loads(out)["required"][kind]["permissions"]
        grants = [needed, [s for s in needed[1:]]]
        grants += [
            chooser.sample(documented, chooser.randint(0, len(documented))) for _ in range(3)
        ]
        for granted in grants:
            status, out = ask(
                built,
                capsys,
                "--scan",
                str(program),
                "--kind",
                kind.replace("_", "-"),
                "--granted",
                ",".join(granted) or "openid",
            )
            assert status == (0 if _gate_ok(calls, set(granted), kind) else 1), (body, granted, out)
            checked += 1
    assert checked == 125


def test_a_file_too_big_to_analyse_is_unresolved(built, monkeypatch):
    from generator.scopes import scan as scan_module

    endpoints = query.load_specs(built / "specs" / "v1.0").endpoints
    source = "x = 1\n" * 1000
    monkeypatch.setattr(scan_module, "MAX_SOURCE_CHARS", 5000)
    calls, lost = scan_source("big.py", source, endpoints)
    assert calls == [] and [(u.line, u.message.split(" (")[0]) for u in lost] == [
        (1, "not analysed: too big")
    ]
    monkeypatch.setattr(scan_module, "MAX_SOURCE_CHARS", 10**6)
    monkeypatch.setattr(scan_module, "MAX_NODES", 100)
    calls, lost = scan_source("big.py", source, endpoints)
    assert [u.message.split(" (")[0] for u in lost] == ["not analysed: too big"]


def test_following_the_link_of_a_page_a_call_answered(built, names, tmp_path, capsys):
    group, method = names["user-list"].split(".")
    program = write(
        tmp_path,
        "pages.py",
        f"""\
        from service import AsyncGraphClient, GraphClient


        def every_user(client: GraphClient) -> None:
            page = client.{group}.{method}()
            while page.next_link:
                page = client.follow(page.next_link)                 # 7: more of user.list


        async def changes(client: AsyncGraphClient, saved) -> None:
            page = await client.{group}.{method}()
            page = await client.follow(page.delta_link)              # 12: the same
            await client.follow(saved.next_link)                     # 13: unknown page
        """,
    )
    status, out = ask(built, capsys, "--scan", str(program), "--format", "json")
    answer = json.loads(out)
    assert [(c["line"], c["operation"], c["how"]) for c in answer["calls"]] == [
        (5, f"{group}.{method}", "call"),
        (7, f"{group}.{method}", "follow"),
        (11, f"{group}.{method}", "call"),
        (12, f"{group}.{method}", "follow"),
    ]
    assert [(u["line"], u["message"].split(":")[0]) for u in answer["unresolved"]] == [
        (13, "follow")
    ]
