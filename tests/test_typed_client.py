"""The typed client: results typed from the resource pages, exact signatures, and the
mistakes a type checker must catch (a misspelt property or keyword, a forgotten await).

Both checkers users run are held to it: ``mypy --strict`` and pyright in strict mode (``typeCheckingMode: strict``) pass on
the committed package (built from ``specs/pages``) and on a typed program, and report each
mistake of a failing program on its line. pyright comes from npm: ``$GRAPHDOC_PYRIGHT``,
else ``.ci/node`` (where ``.ci/run`` and the README install it), else ``PATH``; without it
its tests skip, unless ``CI_REQUIRE_PYRIGHT=1`` makes a missing pyright a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from generator.cli import main

from .conftest import REPO
from .test_cli import PAGE

GOOD = """\
from graphdoc_client import AsyncGraphClient, GraphClient
from graphdoc_client.types import Message, User


def names(client: GraphClient) -> list[str]:
    me: User = client.user.get()
    mail: list[Message] = list(client.user.list_messages(top=5))
    return [me.get("displayName", ""), *(m.get("subject", "") for m in mail)]


async def first_subject(client: AsyncGraphClient) -> str:
    me: User = await client.user.get()
    await client.message.forward("m1", body={"comment": "FYI"})
    async for message in client.user.list_messages(top=1):
        sender = message.get("from")
        address = sender.get("emailAddress") if sender else None
        return address.get("address", "") if address else ""
    return me.get("mail", "")


async def first_page(client: AsyncGraphClient) -> list[Message]:
    page = await client.user.list_messages(top=5)
    return page.items


def raw_reads(client: GraphClient) -> tuple[str, bytes]:
    answer = client.with_raw_response.message.get("m1")
    message: Message = answer.parse()
    with client.with_streaming_response.profile_photo.get() as streamed:
        photo: bytes = streamed.read()
    return f"{answer.status_code} {answer.request_id} {message.get('subject')}", photo


async def async_raw_reads(client: AsyncGraphClient) -> Message:
    answer = await client.with_raw_response.message.get("m1")
    async with client.with_streaming_response.message.get("m1") as streamed:
        await streamed.aread()
    return answer.parse()


def write(client: GraphClient) -> None:
    client.user.send_mail(
        body={
            "message": {
                "subject": "Lunch?",
                "body": {"contentType": "text", "content": "Thursday, 12:30."},
                "toRecipients": [{"emailAddress": {"address": "ada@contoso.com"}}],
            },
            "saveToSentItems": False,
        }
    )
    client.user.update(body={"jobTitle": "Buyer", "@odata.type": "#microsoft.graph.user"})
    client.user.post_users(body={"displayName": "Ada", "accountEnabled": True})


def helpers(client: GraphClient, link: str) -> list[str]:
    item = client.upload(
        b"data", item_path="docs/a.txt", progress=lambda sent, total: print(sent, total)
    )
    with client.batch() as batch:
        got = batch.message.get("m1", select=["subject"])
        sent = batch.message.send("m1", depends_on=got)
        listed = batch.user.list_messages(top=2)
        anything = batch.request("GET", "/me")
    message: Message = got.result()
    nothing: None = sent.result()
    mail: list[Message] = list(listed.result())
    answer = client.request("GET", "/me", deadline=30, max_response_size=1 << 20)
    names = [answer.get("displayName", "")] if isinstance(answer, dict) else []
    for value in client.request("GET", "/users", paged=True):
        names.append(str(value))
    names += [str(value) for value in client.follow(link).items]
    raw = client.with_raw_response.request("GET", "/me")
    names.append(str(raw.parse()) + str(anything.result()) + str(nothing) + str(len(mail)))
    return [str(item.get("id")), str(message.get("subject")), *names]


async def async_helpers(client: AsyncGraphClient, link: str) -> list[str]:
    item = await client.upload(b"data", item_id="i1", chunk=327_680, resumes=2)
    async with client.batch() as batch:
        got = batch.user.get()
        listed = batch.user.list_messages(top=2)
    me: User = got.result()
    mail: list[Message] = [message async for message in listed.result()]
    answer = await client.request("GET", "/me")
    names = [str(value) async for value in client.request("GET", "/users", paged=True)]
    page = await client.follow(link)
    return [str(item), str(me), str(answer), str(len(mail)), str(page.items), *names]
"""

BAD = """\
from graphdoc_client import AsyncGraphClient, GraphClient


def misspelt(client: GraphClient) -> None:
    message = client.message.get("m1")
    print(message["subjet"])
    client.user.get(usr_id="bob@contoso.com")


async def forgotten(client: AsyncGraphClient) -> None:
    me = client.user.get()
    print(me["displayName"])


def raw_misspelt(client: GraphClient) -> None:
    print(client.with_raw_response.message.get("m1").parse()["subjet"])
    client.with_raw_response.user.get(usr_id="bob@contoso.com")


def bodies(client: GraphClient) -> None:
    client.user.send_mail(body={"mesage": {"subject": "Hi"}})
    client.user.send_mail(body={"message": {"toRecipients": [{"emailAddress": {"adress": ""}}]}})
    client.user.send_mail(body={"saveToSentItems": "yes"})
    client.user.update(body={"jobTitel": "Buyer"})


def helpers(client: GraphClient) -> None:
    client.upload(b"x", itme_path="a.txt")  # upload: misspelt keyword
    client.upload(b"x", item_path="a.txt", progress=lambda sent: None)  # upload: callback
    with client.batch() as batch:
        batch.message.gett("m1")  # batch: misspelt method
        batch.user.get(usr_id="bob@contoso.com")  # batch: misspelt keyword
        size: int = batch.message.get("m1").result()  # batch: result typed
    answer: int = client.request("GET", "/me")  # request: not Any
    link: str = client.follow("https://graph.microsoft.com/v1.0/users")  # follow: not Any


async def async_helpers(client: AsyncGraphClient) -> None:
    await client.upload(b"x", itme_path="a.txt")  # upload: async misspelt keyword
    async with client.batch() as batch:
        batch.message.gett("m1")  # batch: async misspelt method
        batch.user.get(usr_id="bob@contoso.com")  # batch: async misspelt keyword
"""


BODY_LINES = [21, 22, 23, 24]  # the lines of BAD's misspelt request bodies
# The lines of BAD's mistakes with the helpers (upload, batch, request, follow), by label.
HELPER_LINES = {
    line.rpartition("# ")[2]: number
    for number, line in enumerate(BAD.splitlines(), 1)
    if re.search(r"# (upload|batch|request|follow): ", line)
}


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    program = tmp_path / "program.py"
    program.write_text(source, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(REPO / "generated")}
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
    return subprocess.run(
        command + [str(program)], capture_output=True, text=True, env=env, cwd=tmp_path
    )


def test_a_typed_program_passes_mypy_strict(tmp_path):
    run = _mypy(tmp_path, GOOD)
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_reports_each_mistake_on_its_line(tmp_path):
    run = _mypy(tmp_path, BAD)
    assert run.returncode == 1
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    lines = {int(line.split(":")[1]) for line in errors}
    assert lines == {6, 7, 12, 16, 17, *BODY_LINES, *HELPER_LINES.values()}, run.stdout
    assert '"subjet"' in run.stdout  # a misspelt property
    assert '"usr_id"' in run.stdout  # a misspelt keyword argument
    assert "Coroutine" in run.stdout  # a forgotten await
    # request bodies: a misspelt key of the page's table, a misspelt key of a type in it,
    # a value of the wrong type, a misspelt property of the resource the page names
    body_errors = {int(line.split(":")[1]): line for line in errors if 'Argument "body"' in line}
    assert sorted(body_errors) == BODY_LINES, run.stdout
    assert all('expected "UserSendMailBody | None"' in body_errors[n] for n in BODY_LINES[:3])
    assert 'expected "User | None"' in body_errors[BODY_LINES[3]]
    # the helpers: exact upload parameters, a typed callback, batch groups that keep their
    # methods' parameters and results, request and follow typed (not Any)
    by_line = {n: "\n".join(e for e in errors if int(e.split(":")[1]) == n) for n in lines}
    assert (
        'keyword argument "itme_path" for "upload"'
        in by_line[HELPER_LINES["upload: misspelt keyword"]]
    )
    assert 'Argument "progress"' in by_line[HELPER_LINES["upload: callback"]]
    assert 'has no attribute "gett"' in by_line[HELPER_LINES["batch: misspelt method"]]
    assert (
        '"usr_id" for "get" of "BatchUserOperations"'
        in by_line[HELPER_LINES["batch: misspelt keyword"]]
    )
    assert 'has type "Message"' in by_line[HELPER_LINES["batch: result typed"]]
    assert "bytes" in by_line[HELPER_LINES["request: not Any"]]
    assert 'has type "Page[' in by_line[HELPER_LINES["follow: not Any"]]


def test_the_generated_package_passes_mypy_strict(tmp_path):
    env = {**os.environ, "MYPYPATH": str(REPO / "generated")}
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "c")]
        + ["-p", "graphdoc_client"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@dataclass(frozen=True)
class Finding:
    """One pyright error: its file (a program's name, or the path of a package module) and
    its line, 1-based as editors show it."""

    file: str
    line: int
    rule: str
    message: str


def _pyright_command() -> str | None:
    given = os.environ.get("GRAPHDOC_PYRIGHT")
    if given:
        return given
    installed = REPO / ".ci" / "node" / "node_modules" / ".bin" / "pyright"
    return str(installed) if installed.exists() else shutil.which("pyright")


@pytest.fixture(scope="module")
def pyright(tmp_path_factory) -> list[Finding]:
    """The errors of one strict pyright run (``typeCheckingMode: strict``) over the package and both programs: every
    run analyses the package the programs import, so one run serves every test."""
    command = _pyright_command()
    if command is None:
        reason = (
            "pyright not found ($GRAPHDOC_PYRIGHT, .ci/node or PATH); install it with"
            " the README's npm command"
        )
        if os.environ.get("CI_REQUIRE_PYRIGHT") == "1":
            pytest.fail(reason + " (CI_REQUIRE_PYRIGHT=1: required)")
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("pyright").resolve()
    (folder / "good.py").write_text(GOOD, encoding="utf-8")
    (folder / "bad.py").write_text(BAD, encoding="utf-8")
    config = {"typeCheckingMode": "strict", "extraPaths": [str(REPO / "generated")]}
    (folder / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    package = REPO / "generated" / "graphdoc_client"
    run = subprocess.run(
        [command, "--outputjson", "--pythonpath", sys.executable, "-p", str(folder)]
        + [str(package), str(folder / "good.py"), str(folder / "bad.py")],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=600,
    )
    assert run.returncode in (0, 1), run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads(run.stdout)
    modules = len(list(package.rglob("*.py")))
    assert report["summary"]["filesAnalyzed"] >= modules + 2, report["summary"]
    return [
        Finding(
            (Path(item["file"]).name if Path(item["file"]).parent == folder else item["file"]),
            item["range"]["start"]["line"] + 1,
            item.get("rule", ""),
            item["message"],
        )
        for item in report["generalDiagnostics"]
        if item["severity"] == "error"
    ]


def test_the_generated_package_passes_pyright_strict(pyright):
    assert [f for f in pyright if f.file not in ("good.py", "bad.py")] == []


def test_a_typed_program_passes_pyright_strict(pyright):
    assert [f for f in pyright if f.file == "good.py"] == []


def test_pyright_reports_each_mistake_on_its_line(pyright):
    errors = [f for f in pyright if f.file == "bad.py"]
    assert {f.line for f in errors} == {6, 7, 12, 16, 17, *BODY_LINES, *HELPER_LINES.values()}
    # a misspelt property, a misspelt keyword argument, a forgotten await:
    assert any(
        '"subjet" is not a defined key in "Message"' in f.message for f in errors if f.line == 6
    )
    assert [f.message for f in errors if f.line == 7] == ['No parameter named "usr_id"']
    assert [f.message for f in errors if f.line == 17] == ['No parameter named "usr_id"']
    helper = {label: [f for f in errors if f.line == n] for label, n in HELPER_LINES.items()}
    assert [f.message for f in helper["upload: misspelt keyword"]] == [
        'No parameter named "itme_path"'
    ]
    assert any("too few positional parameters" in f.message for f in helper["upload: callback"])
    assert any('attribute "gett"' in f.message for f in helper["batch: misspelt method"])
    assert [f.message for f in helper["batch: misspelt keyword"]] == ['No parameter named "usr_id"']
    assert any('"Message" is not assignable' in f.message for f in helper["batch: result typed"])
    assert any('Type "Answer"' in f.message for f in helper["request: not Any"])
    assert any('"Page[JSONValue]"' in f.message for f in helper["follow: not Any"])
    assert any(
        '"__getitem__" method not defined' in f.message and "Coroutine" in f.message
        for f in errors
        if f.line == 12
    )


def test_the_readme_installs_the_pyright_ci_pins():
    pin = re.search(r"pyright@[0-9.]+", (REPO / ".ci" / "run").read_text(encoding="utf-8"))
    assert pin is not None
    assert f"npm install --prefix .ci/node {pin.group()}" in (REPO / "README.md").read_text(
        encoding="utf-8"
    )


def test_a_misspelt_keyword_raises_type_error_before_anything_is_sent():
    from graphdoc_client import GraphClient

    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200))
    with GraphClient(token="t", transport=transport) as client:
        with pytest.raises(TypeError, match="unexpected keyword argument 'usr_id'"):
            client.user.get(usr_id="bob@contoso.com")  # type: ignore[call-arg]
    assert sent == []


def test_a_read_by_key_returns_the_object_even_when_an_example_shows_a_list(tmp_path):
    """``GET /auditLogs/signIns/{id}`` reads one entity; its page's example wrongly shows a
    ``value`` list, which must not make the method return an (empty) page."""
    page = PAGE.replace("GET /widgets/{id}", "GET /auditLogs/signIns/{id}").replace(
        "widget: get", "signin: get"
    )
    page = page.replace("/v1.0/widgets/w1", "/v1.0/auditLogs/signIns/s1").replace(
        '{"id": "w1"}', '{"value": [{"id": "s1"}]}'
    )
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "signin-get.md").write_text(page, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(pages), "--out", str(out), "--specs", str(tmp_path / "s")]) == 0
    module = (out / "graphdoc_client" / "groups" / "signin.py").read_text(encoding="utf-8")
    assert "get GET\n" in module and "get GET paged" not in module
    assert ") -> dict[str, Any]:" in module and "Page[" not in module.split("if TYPE_CHECKING")[0]


def test_json_and_value_paths_are_split_and_a_download_returns_bytes(tmp_path, monkeypatch):
    """A page listing ``/widgets/{id}`` and ``/widgets/{id}/$value`` gives two methods, so
    each returns one type: ``get`` the object, ``get_value`` the bytes (``b""`` for an
    empty body, never ``None``); each example is replayed against its own method."""
    page = PAGE.replace("GET /widgets/{id}\n", "GET /widgets/{id}\nGET /widgets/{id}/$value\n")
    page += (
        '\n<!-- { "blockType": "request", "name": "get_widget_value" } -->\n'
        "```http\nGET https://graph.microsoft.com/v1.0/widgets/w1/$value\n```\n\n"
        '<!-- { "blockType": "response" } -->\n'
        "```http\nHTTP/1.1 200 OK\nContent-type: image/png\n\nPNG\n```\n"
    )
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "widget-get.md").write_text(page, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(pages), "--out", str(out), "--specs", str(tmp_path / "s")]) == 0
    module = (out / "graphdoc_client" / "groups" / "widget.py").read_text(encoding="utf-8")
    assert "get GET\n    /widgets/{widget_id}\n" in module
    assert "get_value GET bytes\n    /widgets/{widget_id}/$value\n" in module
    assert ") -> dict[str, Any]:" in module and ") -> bytes:" in module
    records = json.loads((out / "tests" / "examples" / "widget.json").read_text(encoding="utf-8"))
    assert sorted(record["operation"] for record in records.values()) == ["get", "get_value"]
    monkeypatch.syspath_prepend(str(out))
    for name in [name for name in sys.modules if name.startswith("graphdoc_client")]:
        monkeypatch.delitem(sys.modules, name)
    from graphdoc_client import GraphClient

    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with GraphClient(token="t", transport=transport) as client:
        assert client.widget.get_value("w1") == b""


def _readme_programs(folder: Path) -> list[Path]:
    """Every Python example of the project's README and of the generated package's README,
    each written as a module of its own. The two that need ``azure-identity`` (an optional
    dependency, not installed here) are left out: a missing import is all they would say."""
    written = []
    for name, readme in (
        ("project", REPO / "README.md"),
        ("package", REPO / "generated" / "README.md"),
    ):
        text = readme.read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"```python\n(.*?)```", text, re.S)):
            if "azure.identity" in block:
                continue
            path = folder / f"{name}_readme_{number}.py"
            path.write_text(block, encoding="utf-8")
            written.append(path)
    return written


def test_the_readme_examples_pass_mypy_strict(tmp_path):
    programs = _readme_programs(tmp_path)
    assert len(programs) >= 15
    env = {**os.environ, "MYPYPATH": str(REPO / "generated")}
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "c")]
    run = subprocess.run(
        command + [str(path) for path in programs],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("mode", ["standard", "strict"])
def test_the_readme_examples_pass_pyright(tmp_path, mode):
    """pyright in its default mode (what VS Code runs: ``message["subject"]`` on a
    ``total=False`` type is an error there) and in strict mode, set in its configuration."""
    command = _pyright_command()
    if command is None:
        if os.environ.get("CI_REQUIRE_PYRIGHT") == "1":
            pytest.fail("pyright not found (CI_REQUIRE_PYRIGHT=1: required)")
        pytest.skip("pyright not found ($GRAPHDOC_PYRIGHT, .ci/node or PATH)")
    programs = _readme_programs(tmp_path)
    config = {"typeCheckingMode": mode, "extraPaths": [str(REPO / "generated")]}
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    run = subprocess.run(
        [command, "--outputjson", "--pythonpath", sys.executable, "-p", str(tmp_path)]
        + [str(path) for path in programs],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    report = json.loads(run.stdout)
    errors = [
        f"{Path(item['file']).name}:{item['range']['start']['line'] + 1}: {item['message']}"
        for item in report["generalDiagnostics"]
        if item["severity"] == "error"
    ]
    assert errors == []
