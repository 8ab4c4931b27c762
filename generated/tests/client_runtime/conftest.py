"""What the client's own tests share: a scripted Graph behind ``httpx.MockTransport``, a
small group of operations defined here, and fake credentials.

The group is written exactly as the generated ones are (an :class:`Endpoint` literal per
operation, a method handing it and its own arguments to ``self._client._request``), so
these tests hold for any generated package, whatever groups it has.
"""

from __future__ import annotations

import json
import time
from typing import Any, Callable, Mapping, Unpack

import httpx
import pytest

from graphdoc_client import AsyncGraphClient, GraphClient, RequestOptions
from graphdoc_client import _retry
from graphdoc_client._runtime import Endpoint, FileContent, Group

TOKEN = "secret-token-value"

_GET = Endpoint("GET", ("/items/{item_id}", "/users/{user_id}/items/{item_id}"))
_LIST = Endpoint("GET", ("/items",), paged=True)
_DELTA = Endpoint("GET", ("/items/delta()",), paged=True)
_CREATE = Endpoint("POST", ("/items",))
_UPLOAD = Endpoint("PUT", ("/items/{item_id}/content",))
_DOWNLOAD = Endpoint("GET", ("/items/{item_id}/content",))
_REPORT = Endpoint(
    "GET", ("/reports/getCounts(period='{period}')?$format=text/csv",), {"period": "function"}
)
_BY_PATH = Endpoint("GET", ("/drive/root:/{item_path}:",), {"item_path": "path"})
_DELETE = Endpoint("DELETE", ("/items/{item_id}",))


class DemoOperations(Group):
    """A group like the generated ones; it serves the sync and the async client alike."""

    __slots__ = ()

    def get(
        self, item_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Any:
        return self._client._request(_GET, locals())

    def list(self, **options: Unpack[RequestOptions]) -> Any:
        return self._client._request(_LIST, locals())

    def delta(self, **options: Unpack[RequestOptions]) -> Any:
        return self._client._request(_DELTA, locals())

    def create(
        self, *, body: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> Any:
        return self._client._request(_CREATE, locals())

    def upload(
        self,
        item_id: str,
        *,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> Any:
        return self._client._request(_UPLOAD, locals())

    def download(self, item_id: str, **options: Unpack[RequestOptions]) -> Any:
        return self._client._request(_DOWNLOAD, locals())

    def report(self, period: str, **options: Unpack[RequestOptions]) -> Any:
        return self._client._request(_REPORT, locals())

    def by_path(self, item_path: str, **options: Unpack[RequestOptions]) -> Any:
        return self._client._request(_BY_PATH, locals())

    def delete(self, item_id: str, **options: Unpack[RequestOptions]) -> Any:
        return self._client._request(_DELETE, locals())


Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class FakeGraph:
    """Answers requests from a script (responses, exceptions to raise, or functions), then
    with the last entry again; records every request it got."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.script: list[Reply] = [httpx.Response(200, json={"id": "1"})]

    def reply(self, *replies: Reply) -> FakeGraph:
        self.script = list(replies)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        entry = self.script[min(len(self.requests), len(self.script)) - 1]
        if isinstance(entry, Exception):
            raise entry
        if callable(entry) and not isinstance(entry, httpx.Response):
            return entry(request)
        return httpx.Response(
            entry.status_code, headers=entry.headers, content=entry.content, request=request
        )

    @property
    def request(self) -> httpx.Request:
        assert len(self.requests) == 1, f"{len(self.requests)} requests"
        return self.requests[0]

    def client(self, **kwargs: Any) -> GraphClient:
        if "credential" not in kwargs:
            kwargs.setdefault("token", TOKEN)
        kwargs.setdefault("transport", httpx.MockTransport(self))
        return GraphClient(**kwargs)

    def async_client(self, **kwargs: Any) -> AsyncGraphClient:
        if "credential" not in kwargs:
            kwargs.setdefault("token", TOKEN)
        kwargs.setdefault("transport", httpx.MockTransport(self))
        return AsyncGraphClient(**kwargs)


class AccessToken:
    def __init__(self, token: str, expires_on: float) -> None:
        self.token = token
        self.expires_on = expires_on

    def __repr__(self) -> str:
        return "AccessToken(token='***')"


class FakeCredential:
    """An azure-identity style credential; each call gives a new token."""

    def __init__(self, lifetime: float = 3600) -> None:
        self.lifetime = lifetime
        self.calls: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.calls.append(scopes)
        return AccessToken(f"{TOKEN}-{len(self.calls)}", time.time() + self.lifetime)


class AsyncFakeCredential(FakeCredential):
    """An azure.identity.aio style credential: ``get_token`` is a coroutine."""

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:  # type: ignore[override]
        return FakeCredential.get_token(self, *scopes)


def page(items: list[Any], next_link: str | None = None, **extra: Any) -> httpx.Response:
    body: dict[str, Any] = {"value": items, **extra}
    if next_link:
        body["@odata.nextLink"] = next_link
    return httpx.Response(200, json=body)


@pytest.fixture
def graph() -> FakeGraph:
    return FakeGraph()


@pytest.fixture
def demo() -> type[DemoOperations]:
    return DemoOperations


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retries never sleep in these tests; the waits they would make are recorded."""
    recorded: list[float] = []

    async def asleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(_retry, "sleep", recorded.append)
    monkeypatch.setattr(_retry, "asleep", asleep)
    return recorded


@pytest.fixture
def credential() -> FakeCredential:
    return FakeCredential()


@pytest.fixture
def async_credential() -> AsyncFakeCredential:
    return AsyncFakeCredential()


@pytest.fixture
def make_page() -> Callable[..., httpx.Response]:
    return page


@pytest.fixture
def token() -> str:
    return TOKEN


class BatchService:
    """``$batch`` answered item by item, by URL: ``…/missing`` is a 404, a URL in
    ``throttled`` is answered 429 once (``Retry-After: 3``), any other the last segment as
    its id. Records the size of each batch and its items."""

    def __init__(self, *throttled: str) -> None:
        self.throttled = set(throttled)
        self.batches: list[list[dict[str, Any]]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path.endswith("/$batch") and request.method == "POST"
        items = json.loads(request.content)["requests"]
        self.batches.append(items)
        answers = []
        for item in items:
            url = item["url"]
            if url in self.throttled:
                self.throttled.discard(url)
                error = {"error": {"code": "TooManyRequests"}}
                answers.append(
                    {
                        "id": item["id"],
                        "status": 429,
                        "headers": {"Retry-After": "3"},
                        "body": error,
                    }
                )
            elif url.endswith("/missing"):
                error = {"error": {"code": "itemNotFound", "message": "gone"}}
                answers.append({"id": item["id"], "status": 404, "body": error})
            else:
                answers.append(
                    {"id": item["id"], "status": 200, "body": {"id": url.rpartition("/")[2]}}
                )
        return httpx.Response(200, json={"responses": list(reversed(answers))})


class UploadService:
    """An upload session on another host (``upload.example``): ``createUploadSession`` on
    Graph, chunks PUT to the session URL, whose first PUT at ``interrupt_at`` fails as a
    dropped connection; a GET of the session URL says what it holds (``"N-M"``)."""

    URL = "https://upload.example/session/1?tempauth=signed"

    def __init__(self, size: int, interrupt_at: int | None = None) -> None:
        self.size = size
        self.interrupt_at = interrupt_at
        self.received = bytearray()
        self.ranges: list[str] = []
        self.tokens_elsewhere: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host != "upload.example":
            assert request.url.path.endswith("/createUploadSession")
            return httpx.Response(200, json={"uploadUrl": self.URL, "nextExpectedRanges": ["0-"]})
        if "authorization" in request.headers:
            self.tokens_elsewhere.append(request.headers["authorization"])
        if request.method == "GET":
            held = f"{len(self.received)}-{self.size - 1}"
            return httpx.Response(200, json={"nextExpectedRanges": [held]})
        content_range = request.headers["content-range"]
        start = int(content_range.split(" ")[1].split("-")[0])
        if start == self.interrupt_at:
            self.interrupt_at = None
            raise httpx.ReadError("connection dropped", request=request)
        assert start == len(self.received)
        self.ranges.append(content_range)
        self.received += request.content
        if len(self.received) < self.size:
            return httpx.Response(202, json={"nextExpectedRanges": [f"{len(self.received)}-"]})
        return httpx.Response(201, json={"id": "uploaded", "size": self.size})
