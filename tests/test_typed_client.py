"""The typed client: results typed from the resource pages, exact signatures, and the
mistakes a type checker must catch (a misspelt property or keyword, a forgotten await)."""

from __future__ import annotations

import os
import subprocess
import sys
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
    async for message in client.user.list_messages(top=1):
        sender = message.get("from")
        return sender["emailAddress"].get("address", "") if sender else ""
    return me.get("mail", "")


def raw_reads(client: GraphClient) -> tuple[str, bytes]:
    answer = client.with_raw_response.message.get("m1")
    message: Message = answer.parse()
    with client.with_streaming_response.profilephoto.get() as streamed:
        photo: bytes = streamed.read()
    return f"{answer.status_code} {answer.request_id} {message.get('subject')}", photo


async def async_raw_reads(client: AsyncGraphClient) -> Message:
    answer = await client.with_raw_response.message.get("m1")
    async with client.with_streaming_response.message.get("m1") as streamed:
        await streamed.aread()
    return answer.parse()
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
"""


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
    assert 6 in lines and '"subjet"' in run.stdout  # a misspelt property
    assert 7 in lines and '"usr_id"' in run.stdout  # a misspelt keyword argument
    assert 12 in lines and "Coroutine" in run.stdout  # a forgotten await
    assert {16, 17} <= lines, run.stdout  # the raw client keeps the method's types


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
