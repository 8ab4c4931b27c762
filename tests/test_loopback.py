"""The runtime against a small Graph on 127.0.0.1 (real sockets, two origins): paging,
delta, ``$batch``, a multi-chunk upload with an interrupted chunk, a 302 download to another
host, throttling and a timeout, with the sync and the async client alike.

The second origin (another port) stands for the hosts Graph hands out (a SharePoint
``uploadUrl``, a download URL): it records every ``Authorization`` header it receives, and
the token must never be among them.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Awaitable, Callable, Iterator, Mapping
from urllib.parse import unquote

import pytest

from generator.runtime import _errors, _retry, _upload
from generator.runtime._base import AsyncAPIClient, SyncAPIClient
from generator.runtime._runtime import Endpoint, Group

TOKEN = "SECRET-loopback-7f3e"

_MESSAGES = Endpoint("GET", ("/me/messages",), paged=True)
_MESSAGE = Endpoint("GET", ("/me/messages/{message_id}",))
_CREATE = Endpoint("POST", ("/me/messages",))
_DELTA = Endpoint("GET", ("/me/mailFolders/{folder_id}/messages/delta()",), paged=True)
_DOWNLOAD = Endpoint("GET", ("/me/drive/items/{item_id}/content",))


class Message(Group):
    __slots__ = ()

    def list(self, **options: Any) -> Any:
        return self._client._request(_MESSAGES, locals())

    def get(self, message_id: str, **options: Any) -> Any:
        return self._client._request(_MESSAGE, locals())

    def create(self, *, body: Any = None, **options: Any) -> Any:
        return self._client._request(_CREATE, locals())

    def delta(self, folder_id: str, **options: Any) -> Any:
        return self._client._request(_DELTA, locals())

    def download(self, item_id: str, **options: Any) -> Any:
        return self._client._request(_DOWNLOAD, locals())


class Sync(SyncAPIClient):
    @property
    def message(self) -> Message:
        return Message(self)


class Async(AsyncAPIClient):
    @property
    def message(self) -> Message:
        return Message(self)


Answer = tuple[int, dict[str, str], bytes]
JSON = {"Content-Type": "application/json"}


def _json(status: int, body: Any, **headers: str) -> Answer:
    return status, {**JSON, **headers}, json.dumps(body).encode()


class _Quiet(ThreadingHTTPServer):
    """A server that does not print the clients it lost: a timed-out client leaves on
    purpose here."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class _Server:
    """One origin: a thread serving ``route`` on an ephemeral 127.0.0.1 port."""

    def __init__(self, route: Callable[[str, str, Mapping[str, str], bytes], Answer | None]):
        self.authorizations: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if "Authorization" in self.headers:
                    outer.authorizations.append(self.headers["Authorization"])
                answer = route(self.command, self.path, self.headers, body)
                if answer is None:  # an interrupted exchange: the connection drops
                    self.close_connection = True
                    return
                status, headers, content = answer
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _any

        self.httpd = _Quiet(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Graph:
    """A scripted Graph (one origin) and a file host (another origin)."""

    SIZE = 3 * _upload.CHUNK_UNIT + 1000  # four chunks of 320 KiB

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.batches: list[list[dict[str, Any]]] = []
        self.throttle: Counter[str] = Counter()  # path → 429s still to answer
        self.uploaded = bytearray()
        self.drop_chunk_at: set[int] = set()  # offsets whose first PUT is interrupted
        self.ranges: list[str] = []  # Content-Range of each chunk received
        self.stuck = False  # the session acknowledges every chunk but never advances
        self.graph = _Server(self.route)
        self.files = _Server(self.file_route)
        self.base = self.graph.origin + "/v1.0"

    def close(self) -> None:
        self.graph.close()
        self.files.close()

    # -- graph.microsoft.com ----------------------------------------------------------

    def route(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Answer:
        self.hits[f"{method} {path}"] += 1
        if self.throttle[path] > 0:
            self.throttle[path] -= 1
            return _json(429, {"error": {"code": "TooManyRequests"}}, **{"Retry-After": "2"})
        if path == "/v1.0/$batch":
            return self.batch(json.loads(body))
        if method == "GET" and path == "/v1.0/me/messages":
            return _json(
                200,
                {"value": [1, 2], "@odata.nextLink": self.base + "/me/messages?$skiptoken=p%3D2"},
            )
        if path == "/v1.0/me/messages?$skiptoken=p%3D2":
            return _json(200, {"value": [3]})
        if path == "/v1.0/me/mailFolders/inbox/messages/delta()":
            next_link = self.base + "/me/mailFolders/inbox/messages/delta()?$skiptoken=a%2Bb"
            return _json(200, {"value": [{"id": "m1"}, {"id": "m2"}], "@odata.nextLink": next_link})
        if path == "/v1.0/me/mailFolders/inbox/messages/delta()?$skiptoken=a%2Bb":
            delta = self.base + "/me/mailFolders/inbox/messages/delta()?$deltatoken=x%2Fy%3D"
            return _json(200, {"value": [{"id": "m3"}], "@odata.deltaLink": delta})
        if path == "/v1.0/me/mailFolders/inbox/messages/delta()?$deltatoken=x%2Fy%3D":
            return _json(200, {"value": [{"id": "m2", "@removed": {"reason": "deleted"}}]})
        if method == "POST" and path == "/v1.0/me/messages":
            return _json(201, {"id": "new", **json.loads(body)})
        if path == "/v1.0/me/drive/items/f1/content":
            return 302, {"Location": self.files.origin + "/download/f1"}, b""
        if path == "/v1.0/me/drive/root:/docs/big.bin:/createUploadSession":
            self.uploaded.clear()
            url = self.files.origin + "/upload/s1?tempauth=pre-authenticated"
            return _json(200, {"uploadUrl": url, "nextExpectedRanges": ["0-"]})
        if path == "/v1.0/me/drive/root:/docs/small.txt:/content":
            return _json(201, {"id": "small", "size": len(body), "content": body.decode()})
        if path == "/v1.0/me/messages/m1/attachments/createUploadSession":
            self.uploaded.clear()
            return _json(
                201, {"uploadUrl": self.files.origin + "/upload/s1", "nextExpectedRanges": ["0-"]}
            )
        if path == "/v1.0/me/messages/m1/attachments":
            sent = json.loads(body)
            return _json(201, {"id": "att", "size": len(base64.b64decode(sent["contentBytes"]))})
        if path.startswith("/v1.0/me/messages/"):
            name = unquote(path.rpartition("/")[2])
            if name == "missing":
                return _json(404, {"error": {"code": "ErrorItemNotFound", "message": "gone"}})
            if name == "slow":
                time.sleep(1.0)
            return _json(200, {"id": name})
        return _json(404, {"error": {"code": "NotFound", "message": path}})

    def batch(self, payload: dict[str, Any]) -> Answer:
        requests = payload["requests"]
        self.batches.append(requests)
        assert len(requests) <= 20
        answers = []
        failed: set[str] = set()
        for item in requests:
            if any(dep in failed for dep in item.get("dependsOn", [])):
                failed.add(item["id"])
                answers.append(
                    {
                        "id": item["id"],
                        "status": 424,
                        "body": {"error": {"code": "FailedDependency"}},
                    }
                )
                continue
            content = json.dumps(item["body"]).encode() if "body" in item else b""
            status, headers, body = self.route(
                item["method"], "/v1.0" + item["url"], item.get("headers", {}), content
            )
            if status >= 400:
                failed.add(item["id"])
            answers.append(
                {
                    "id": item["id"],
                    "status": status,
                    "headers": headers,
                    "body": json.loads(body) if body else None,
                }
            )
        answers.reverse()  # Graph answers in any order
        return _json(200, {"responses": answers})

    # -- the other host ---------------------------------------------------------------

    def file_route(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes
    ) -> Answer | None:
        self.hits[f"files {method} {path}"] += 1
        if path == "/download/f1":
            return 200, {"Content-Type": "application/octet-stream"}, b"file-bytes"
        if path.startswith("/upload/s1"):
            size = self.SIZE
            if method == "GET":  # the session's state, in the "N-M" form
                return _json(200, {"nextExpectedRanges": [f"{len(self.uploaded)}-{size - 1}"]})
            found = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", headers["Content-Range"])
            assert found is not None
            start, end, total = map(int, found.groups())
            assert total == size and end - start + 1 == len(body)
            assert start == len(self.uploaded), "a chunk that is not the expected one"
            if end + 1 < total:
                assert len(body) % _upload.CHUNK_UNIT == 0
            if self.stuck:
                self.ranges.append(headers["Content-Range"])
                return _json(202, {"nextExpectedRanges": ["0-"]})
            if start in self.drop_chunk_at:
                self.drop_chunk_at.discard(start)
                return None
            self.ranges.append(headers["Content-Range"])
            self.uploaded += body
            if len(self.uploaded) < size:
                return _json(202, {"nextExpectedRanges": [f"{len(self.uploaded)}-"]})
            return _json(201, {"id": "big", "size": size})
        return _json(404, {})


@pytest.fixture
def graph() -> Iterator[Graph]:
    running = Graph()
    yield running
    running.close()
    assert not running.files.authorizations, "the token went to another host"


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry waits are recorded, not slept."""
    found: list[float] = []

    async def asleep(seconds: float) -> None:
        found.append(seconds)

    monkeypatch.setattr(_retry, "sleep", found.append)
    monkeypatch.setattr(_retry, "asleep", asleep)
    return found


# Each scenario is written twice, sync and async, side by side.


def test_paging_and_delta_sync(graph: Graph) -> None:
    with Sync(TOKEN, base_url=graph.base) as client:
        assert list(client.message.list()) == [1, 2, 3]
        pages = list(client.message.delta("inbox").pages())
        assert [p.items for p in pages] == [[{"id": "m1"}, {"id": "m2"}], [{"id": "m3"}]]
        link = pages[-1].delta_link
        assert link is not None and "$deltatoken=x%2Fy%3D" in link
        changes = client.follow(link)
        assert changes.items == [{"id": "m2", "@removed": {"reason": "deleted"}}]
        assert changes.delta_link is None
    assert graph.hits["GET /v1.0/me/mailFolders/inbox/messages/delta()?$deltatoken=x%2Fy%3D"] == 1
    assert graph.graph.authorizations == ["Bearer " + TOKEN] * 5


def test_paging_and_delta_async(graph: Graph) -> None:
    async def main() -> None:
        async with Async(TOKEN, base_url=graph.base) as client:
            assert [item async for item in client.message.list()] == [1, 2, 3]
            pages = [p async for p in (await client.message.delta("inbox")).pages()]
            link = pages[-1].delta_link
            assert link is not None
            changes = await client.follow(link)
            assert changes.items == [{"id": "m2", "@removed": {"reason": "deleted"}}]

    asyncio.run(main())
    assert graph.hits["GET /v1.0/me/mailFolders/inbox/messages/delta()?$deltatoken=x%2Fy%3D"] == 1


def test_request_reaches_anything_with_auth_errors_and_paging_sync(graph: Graph) -> None:
    with Sync(TOKEN, base_url=graph.base) as client:
        assert client.request("GET", "/me/messages/abc") == {"id": "abc"}
        assert client.request("GET", graph.base + "/me/messages/abc") == {"id": "abc"}
        page = client.request("GET", "me/messages", paged=True)
        assert list(page) == [1, 2, 3]
        with pytest.raises(_errors.NotFoundError) as caught:
            client.request("GET", "/me/messages/missing")
        assert caught.value.code == "ErrorItemNotFound"
        # a whole URL on another host is called without the token
        assert client.request("GET", graph.files.origin + "/download/f1") == b"file-bytes"
        created = client.request("POST", "/me/messages", json={"subject": "hi"})
        assert created == {"id": "new", "subject": "hi"}


def test_request_reaches_anything_with_auth_errors_and_paging_async(graph: Graph) -> None:
    async def main() -> None:
        async with Async(TOKEN, base_url=graph.base) as client:
            assert await client.request("GET", "/me/messages/abc") == {"id": "abc"}
            assert [i async for i in client.request("GET", "/me/messages", paged=True)] == [1, 2, 3]
            with pytest.raises(_errors.NotFoundError):
                await client.request("GET", "/me/messages/missing")
            assert await client.request("GET", graph.files.origin + "/download/f1") == b"file-bytes"

    asyncio.run(main())


def test_a_redirect_to_another_host_does_not_carry_the_token_sync(graph: Graph) -> None:
    with Sync(TOKEN, base_url=graph.base) as client:
        assert client.message.download("f1") == b"file-bytes"
    assert graph.hits["files GET /download/f1"] == 1
    assert graph.graph.authorizations == ["Bearer " + TOKEN]
    # (the fixture checks that the file host saw no Authorization header)


def test_a_redirect_to_another_host_does_not_carry_the_token_async(graph: Graph) -> None:
    async def main() -> None:
        async with Async(TOKEN, base_url=graph.base) as client:
            assert await client.message.download("f1") == b"file-bytes"

    asyncio.run(main())
    assert graph.hits["files GET /download/f1"] == 1


def test_throttling_honours_retry_after_sync(graph: Graph, waits: list[float]) -> None:
    graph.throttle["/v1.0/me/messages/t1"] = 2
    with Sync(TOKEN, base_url=graph.base) as client:
        assert client.message.get("t1") == {"id": "t1"}
    assert waits == [2.0, 2.0]
    assert graph.hits["GET /v1.0/me/messages/t1"] == 3


def test_throttling_honours_retry_after_async(graph: Graph, waits: list[float]) -> None:
    graph.throttle["/v1.0/me/messages/t1"] = 4

    async def main() -> None:
        async with Async(TOKEN, base_url=graph.base) as client:
            with pytest.raises(_errors.RateLimitError):
                await client.message.get("t1")

    asyncio.run(main())
    assert waits == [2.0, 2.0, 2.0]  # max_retries=3, then the 429 is the answer


def test_a_timeout_raises_a_typed_error_sync(graph: Graph) -> None:
    with Sync(TOKEN, base_url=graph.base, timeout=0.2, max_retries=0) as client:
        with pytest.raises(_errors.APITimeoutError):
            client.message.get("slow")
        with pytest.raises(_errors.APITimeoutError):
            client.request("GET", "/me/messages/slow")


def test_a_timeout_raises_a_typed_error_async(graph: Graph) -> None:
    async def main() -> None:
        async with Async(TOKEN, base_url=graph.base, timeout=0.2, max_retries=0) as client:
            with pytest.raises(_errors.APITimeoutError):
                await client.message.get("slow")

    asyncio.run(main())


# --- $batch ------------------------------------------------------------------------------


def test_batch_sync(graph: Graph, waits: list[float]) -> None:
    graph.throttle["/v1.0/me/messages/b3"] = 1  # one item throttled once, inside the batch
    with Sync(TOKEN, base_url=graph.base) as client:
        with client.batch() as batch:
            first = batch.message.get("b1")
            created = batch.message.create(body={"subject": "s"}, depends_on=first)
            throttled = batch.message.get("b3")
            missing = batch.message.get("missing")
            after_missing = batch.message.get("b5", depends_on=[missing])
            listed = batch.message.list()
            raw = batch.request("GET", "/me/messages/raw")
            more = [batch.message.get(f"x{n}") for n in range(30)]
            assert not first.done()
            with pytest.raises(_errors.BatchError):
                first.result()
        assert first.result() == {"id": "b1"}
        assert created.result() == {"id": "new", "subject": "s"}
        assert throttled.result() == {"id": "b3"}
        with pytest.raises(_errors.NotFoundError) as caught:
            missing.result()
        assert caught.value.code == "ErrorItemNotFound"
        assert after_missing.status_code == 424
        with pytest.raises(_errors.APIStatusError):
            after_missing.result()
        assert list(listed.result()) == [1, 2, 3]  # a page, whose next page is fetched
        assert raw.result() == {"id": "raw"}
        assert [r.result() for r in more] == [{"id": f"x{n}"} for n in range(30)]
    sizes = [len(requests) for requests in graph.batches]
    assert sizes == [20, 17, 1]  # 37 calls split at 20; the throttled item sent again
    first_batch = graph.batches[0]
    assert first_batch[1]["dependsOn"] == ["1"] and first_batch[1]["body"] == {"subject": "s"}
    assert first_batch[1]["url"] == "/me/messages"
    assert all(
        "authorization" not in {h.lower() for h in r.get("headers", {})} for r in first_batch
    )
    assert graph.batches[2][0]["url"] == "/me/messages/b3"
    assert waits == [2.0]


def test_batch_async(graph: Graph, waits: list[float]) -> None:
    graph.throttle["/v1.0/me/messages/b1"] = 1

    async def main() -> None:
        async with Async(TOKEN, base_url=graph.base) as client:
            async with client.batch() as batch:
                first = batch.message.get("b1")
                second = batch.message.get("b2", depends_on=first)
                listed = batch.message.list()
                more = [batch.message.get(f"y{n}") for n in range(25)]
            assert first.result() == {"id": "b1"}
            assert second.result() == {"id": "b2"}
            page = listed.result()
            assert [item async for item in page] == [1, 2, 3]
            assert more[-1].result() == {"id": "y24"}

    asyncio.run(main())
    # b1 answered 429 once, so b2 (depending on it) got 424: both go again, in order
    assert [len(r) for r in graph.batches] == [20, 8, 2]
    assert [r["url"] for r in graph.batches[2]] == ["/me/messages/b1", "/me/messages/b2"]
    assert graph.batches[2][1]["dependsOn"] == ["1"]
    assert waits == [2.0]


# --- uploads -----------------------------------------------------------------------------


def _content() -> bytes:
    return bytes(range(256)) * (Graph.SIZE // 256) + b"z" * (Graph.SIZE % 256)


def test_a_multi_chunk_upload_resumes_after_an_interrupted_chunk_sync(graph: Graph) -> None:
    graph.drop_chunk_at = {_upload.CHUNK_UNIT}  # the second chunk's connection drops
    data = _content()
    seen: list[tuple[int, int]] = []
    with Sync(TOKEN, base_url=graph.base, max_retries=0) as client:
        item = client.upload(
            data,
            item_path="docs/big.bin",
            simple_limit=0,
            chunk=_upload.CHUNK_UNIT + 5,
            progress=lambda *a: seen.append(a),
        )
    assert item == {"id": "big", "size": Graph.SIZE}
    assert bytes(graph.uploaded) == data
    unit = _upload.CHUNK_UNIT
    assert graph.ranges == [
        f"bytes 0-{unit - 1}/{Graph.SIZE}",
        f"bytes {unit}-{2 * unit - 1}/{Graph.SIZE}",
        f"bytes {2 * unit}-{3 * unit - 1}/{Graph.SIZE}",
        f"bytes {3 * unit}-{Graph.SIZE - 1}/{Graph.SIZE}",
    ]
    assert graph.hits["files GET /upload/s1?tempauth=pre-authenticated"] == 1  # the resume
    assert seen == [
        (unit, Graph.SIZE),
        (2 * unit, Graph.SIZE),
        (3 * unit, Graph.SIZE),
        (Graph.SIZE, Graph.SIZE),
    ]


def test_a_multi_chunk_upload_resumes_after_an_interrupted_chunk_async(
    graph: Graph, tmp_path: Any
) -> None:
    graph.drop_chunk_at = {2 * _upload.CHUNK_UNIT}
    data = _content()
    path = tmp_path / "big.bin"
    path.write_bytes(data)

    async def main() -> Any:
        async with Async(TOKEN, base_url=graph.base, max_retries=0) as client:
            with path.open("rb") as file:
                return await client.upload(
                    file, item_path="docs/big.bin", simple_limit=0, chunk=_upload.CHUNK_UNIT
                )

    assert asyncio.run(main()) == {"id": "big", "size": Graph.SIZE}
    assert bytes(graph.uploaded) == data


def test_an_upload_that_cannot_go_on_raises_with_the_session_to_resume(graph: Graph) -> None:
    unit = _upload.CHUNK_UNIT
    graph.drop_chunk_at = {unit}
    with Sync(TOKEN, base_url=graph.base, max_retries=0) as client:
        with pytest.raises(_errors.UploadError) as caught:
            client.upload(
                _content(), item_path="docs/big.bin", simple_limit=0, chunk=unit, resumes=0
            )
        assert caught.value.offset == unit and caught.value.upload_url is not None
        item = client.upload(_content(), session_url=caught.value.upload_url, chunk=unit)
    assert item == {"id": "big", "size": Graph.SIZE}
    assert bytes(graph.uploaded) == _content()


def test_small_files_and_attachments(graph: Graph) -> None:
    with Sync(TOKEN, base_url=graph.base) as client:
        small = client.upload(b"hello", item_path="docs/small.txt", content_type="text/plain")
        assert small == {"id": "small", "size": 5, "content": "hello"}
        assert client.upload(b"tiny", attach_to="/me/messages/m1", name="a.txt") == {
            "id": "att",
            "size": 4,
        }
        big = client.upload(_content(), attach_to="/me/messages/m1", name="big.bin", simple_limit=0)
        assert big == {"id": "big", "size": Graph.SIZE}
        with pytest.raises(TypeError):
            client.upload(b"x", item_path="a", item_id="b")


@pytest.mark.parametrize(
    "ranges, expected",
    [
        (["0-"], (0, 100)),
        (["26-"], (26, 100)),
        (["26-49"], (26, 50)),
        (["60-", "26-49"], (26, 50)),
        ("12-", (12, 100)),
        (["bad"], None),
        ([], None),
        (None, None),
    ],
)
def test_next_expected_ranges_in_their_documented_forms(ranges: Any, expected: Any) -> None:
    assert _upload.next_range(ranges, 100) == expected


def test_chunk_sizes_are_multiples_of_320_kib() -> None:
    unit = 320 * 1024
    assert [_upload.chunk_size(n) for n in (1, unit, unit + 1, 5 * unit - 1, 10 * unit)] == [
        unit,
        unit,
        unit,
        4 * unit,
        10 * unit,
    ]


def test_an_upload_whose_session_never_advances_stops(graph: Graph) -> None:
    """Each 202 that names the same range again is a try without progress: after
    ``resumes`` of them in a row the upload stops, where it once looped for ever."""
    graph.stuck = True
    unit = _upload.CHUNK_UNIT
    seen: list[tuple[int, int]] = []
    with Sync(TOKEN, base_url=graph.base, max_retries=0) as client:
        with pytest.raises(_errors.UploadError) as caught:
            client.upload(
                _content(),
                item_path="docs/big.bin",
                simple_limit=0,
                chunk=unit,
                resumes=2,
                progress=lambda sent, total: seen.append((sent, total)),
            )
    assert caught.value.offset == 0 and caught.value.upload_url is not None
    assert len(graph.ranges) == 3  # the first try and two more, then no more
    assert seen == []


def test_an_upload_whose_session_never_advances_stops_async(graph: Graph) -> None:
    graph.stuck = True

    async def main() -> None:
        async with Async(TOKEN, base_url=graph.base, max_retries=0) as client:
            with pytest.raises(_errors.UploadError):
                await client.upload(_content(), item_path="docs/big.bin", simple_limit=0)

    asyncio.run(main())
    assert len(graph.ranges) == 1 + _upload.DEFAULT_RESUMES


def test_the_clients_state_the_upload_defaults_as_the_upload_module_does() -> None:
    from generator.runtime import _base

    assert _base.DEFAULT_CHUNK_SIZE == _upload.DEFAULT_CHUNK_SIZE
    assert _base.DEFAULT_RESUMES == _upload.DEFAULT_RESUMES


def test_a_misspelt_upload_keyword_raises_type_error_before_anything_is_sent(graph: Graph) -> None:
    with Sync(TOKEN, base_url=graph.base) as client:
        with pytest.raises(TypeError, match="itme_path"):
            client.upload(b"x", itme_path="a.txt")  # type: ignore[call-arg]
    assert not graph.hits
