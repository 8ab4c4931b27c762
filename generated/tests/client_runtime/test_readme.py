"""Every ``python`` example of the package README, run verbatim against a fake Graph.

Each example runs on its own (a new user copies one at a time). The network is an
``httpx.MockTransport``: clients created without a transport get it, and examples that
bring their own transport keep it. ``azure.identity`` is stood in by fake credentials.
"""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path
from typing import Any

import httpx
import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLES = re.findall(r"^```python\n(.*?)^```$", README.read_text(encoding="utf-8"), re.M | re.S)


class FakeGraph:
    """Answers any call plausibly: an object that is also the first of two pages; 404 for
    ids named ``does-not-exist``."""

    def __init__(self) -> None:
        self.seen: list[tuple[httpx.Request, int]] = []

    def answer(self, request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.split(b"?")[0]
        if request.url.host == "upload.example":  # an upload session's pre-authenticated URL
            found = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", request.headers["content-range"])
            assert found is not None
            end, total = int(found.group(2)), int(found.group(3))
            if end + 1 < total:
                return httpx.Response(202, json={"nextExpectedRanges": [f"{end + 1}-"]})
            return httpx.Response(201, json={"id": "uploaded", "size": total})
        if path.endswith(b"/createUploadSession"):
            url = "https://upload.example/session?tempauth=x"
            return httpx.Response(200, json={"uploadUrl": url, "nextExpectedRanges": ["0-"]})
        if path.endswith(b"/$batch"):
            answers = []
            for item in json.loads(request.content)["requests"]:
                if "does-not-exist" in item["url"]:
                    error = {"error": {"code": "ErrorItemNotFound", "message": "Not found."}}
                    answers.append({"id": item["id"], "status": 404, "body": error})
                    self.seen.append((request, 404))  # an item's status counts as answered
                else:
                    status = 200 if item["method"] == "GET" else 201
                    answers.append({"id": item["id"], "status": status, "body": {"id": "1"}})
            return httpx.Response(200, json={"responses": answers})
        if b"does-not-exist" in request.url.raw_path:
            error = {"error": {"code": "ErrorItemNotFound", "message": "Not found."}}
            return httpx.Response(404, json=error, headers={"request-id": "req-404"})
        if request.method != "GET":
            return httpx.Response(201, json={"id": "new"})
        if request.url.params.get("page") == "2":
            delta = str(request.url.copy_with(query=b"$deltatoken=next"))
            return httpx.Response(200, json={"value": [{"id": "2"}], "@odata.deltaLink": delta})
        next_link = str(request.url.copy_with(query=b"page=2"))
        body = {"id": "1", "@odata.count": 2, "value": [{"id": "1"}], "@odata.nextLink": next_link}
        return httpx.Response(200, json=body, headers={"request-id": "req-1"})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "graph.microsoft.com":
            assert request.headers["authorization"].startswith("Bearer ")
        else:  # the token never leaves Graph's host
            assert "authorization" not in request.headers
        response = self.answer(request)
        self.seen.append((request, response.status_code))
        return response


class AccessToken:
    def __init__(self) -> None:
        self.token, self.expires_on = "eyJ0eXAi.credential", 4102444800


class DefaultAzureCredential:
    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        assert scopes == ("https://graph.microsoft.com/.default",)
        return AccessToken()


class AsyncDefaultAzureCredential:
    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        assert scopes == ("https://graph.microsoft.com/.default",)
        return AccessToken()

    async def __aenter__(self) -> AsyncDefaultAzureCredential:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        return None


@pytest.fixture
def fake_graph(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeGraph:
    fake = FakeGraph()

    class Client(httpx.Client):
        def __init__(self, *args: Any, transport: Any = None, **kwargs: Any) -> None:
            super().__init__(*args, transport=transport or httpx.MockTransport(fake), **kwargs)

    class AsyncClient(httpx.AsyncClient):
        def __init__(self, *args: Any, transport: Any = None, **kwargs: Any) -> None:
            super().__init__(*args, transport=transport or httpx.MockTransport(fake), **kwargs)

    monkeypatch.setattr(httpx, "Client", Client)
    monkeypatch.setattr(httpx, "AsyncClient", AsyncClient)
    azure = types.ModuleType("azure")
    identity = types.ModuleType("azure.identity")
    aio = types.ModuleType("azure.identity.aio")
    identity.DefaultAzureCredential = DefaultAzureCredential
    aio.DefaultAzureCredential = AsyncDefaultAzureCredential
    azure.identity, identity.aio = identity, aio
    for name, module in {
        "azure": azure,
        "azure.identity": identity,
        "azure.identity.aio": aio,
    }.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7 example")
    return fake


def test_every_python_example_of_the_readme_is_run():
    assert len(EXAMPLES) == README.read_text(encoding="utf-8").count("```python")


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=[f"example{number}" for number in range(1, len(EXAMPLES) + 1)]
)
def test_a_readme_example_runs_verbatim(example, fake_graph):
    exec(compile(example, str(README), "exec"), {"__name__": "__readme__"})
    statuses = [status for _, status in fake_graph.seen]
    if "MockTransport(handler)" not in example and "Client(" in example:
        assert statuses, "the example sent no request"
    if "except NotFoundError" in example:
        assert 404 in statuses
    if ".pages()" in example or re.search(r"^\s*(async )?for item in", example, re.M):
        assert any(request.url.params.get("page") == "2" for request, _ in fake_graph.seen)
