"""The client runtime (``generator/runtime``) tested where it is written: directly, through
``httpx.MockTransport``, and against a real HTTP server on 127.0.0.1 (h11 and the socket
layer do things a mock transport does not: they refuse a header with a newline, quoting it).

The generated package runs the same promises in its own tests
(``templates/tests/client_runtime``); these reproduce the red-team findings of issue 19.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator, Mapping

import httpx
import pytest

from generator.runtime import _base, _errors, _retry
from generator.runtime._base import AsyncAPIClient, SyncAPIClient
from generator.runtime._runtime import Endpoint, Group

TOKEN = "SECRET-token-4b1d"
_GET = Endpoint("GET", ("/items/{item_id}",))
_LIST = Endpoint("GET", ("/items",), paged=True)
_SEND = Endpoint("POST", ("/me/sendMail",))
_PATCH = Endpoint("PATCH", ("/items/{item_id}",))
_PUT = Endpoint("PUT", ("/items/{item_id}",))


class Items(Group):
    __slots__ = ()

    def get(self, item_id: str, **options: Any) -> Any:
        return self._client._request(_GET, locals())

    def list(self, **options: Any) -> Any:
        return self._client._request(_LIST, locals())

    def sendmail(self, *, body: Mapping[str, Any] | None = None, **options: Any) -> Any:
        return self._client._request(_SEND, locals())

    def update(self, item_id: str, *, body: Any = None, **options: Any) -> Any:
        return self._client._request(_PATCH, locals())

    def replace(self, item_id: str, *, body: Any = None, **options: Any) -> Any:
        return self._client._request(_PUT, locals())


@pytest.fixture(autouse=True)
def no_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waits: list[float] = []

    async def asleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(_retry, "sleep", waits.append)
    monkeypatch.setattr(_retry, "asleep", asleep)
    return waits


def every_message(error: BaseException) -> Iterator[str]:
    """The text of an error and of every error it was raised from or during."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield str(current)
        yield repr(current)
        yield from (str(arg) for arg in current.args)
        current = current.__cause__ or current.__context__


class Server:
    """A scripted Graph on 127.0.0.1: each path answers as :meth:`answer` says."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                outer.hits[self.command + " " + self.path] += 1
                status, headers, body = outer.answer(self.command, self.path)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PATCH = do_PUT = _any

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1.0"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, method: str, path: str) -> tuple[int, dict[str, str], bytes]:
        json_type = {"Content-Type": "application/json"}
        if path.endswith("/sendMail") or path.startswith("/v1.0/items/busy"):
            return 504, {}, b""
        if path.startswith("/v1.0/items/loop"):
            return 302, {"Location": path}, b""
        if path.startswith("/v1.0/items/bad-json"):
            return 200, json_type, b'{"id": "x", '
        if path.startswith("/v1.0/items?page="):
            number = int(path.rpartition("=")[2])
            following = f"{self.base}/items?page={number % 3 + 1}"  # 1 → 2 → 3 → 1 …
            body = {"value": [number], "@odata.nextLink": following}
            return 200, json_type, json.dumps(body).encode()
        if path == "/v1.0/items":
            body = {"value": [0], "@odata.nextLink": f"{self.base}/items?page=1"}
            return 200, json_type, json.dumps(body).encode()
        return 200, json_type, b'{"id": "ok"}'

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.close()


def client(server: Server, **kwargs: Any) -> SyncAPIClient:
    kwargs.setdefault("token", TOKEN)
    return SyncAPIClient(base_url=server.base, **kwargs)


# --- against a real server --------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["\n", "\r\n", "\x00", " two words"])
def test_a_token_with_a_newline_never_reaches_an_error_message(server, suffix):
    with client(server, token=TOKEN + suffix) as graph:
        with pytest.raises(_errors.InvalidHeaderError) as caught:
            Items(graph).get("a")
    assert not [text for text in every_message(caught.value) if "SECRET" in text]
    assert sum(server.hits.values()) == 0  # refused before sending, and not retried


def test_a_transport_refusing_a_header_is_not_retried_and_quoted_without_the_token(
    monkeypatch, server
):
    """Were a bad value to get past the check, h11's own refusal (which quotes the header)
    is scrubbed and not retried."""
    monkeypatch.setattr(_base, "check_header_value", lambda *args, **kwargs: None)
    with client(server, token=TOKEN + "\n") as graph:
        with pytest.raises(_errors.APIConnectionError) as caught:
            Items(graph).get("a")
    assert not [text for text in every_message(caught.value) if "SECRET" in text]
    assert sum(server.hits.values()) == 0


def test_sendmail_against_a_504_is_sent_once(server):
    with client(server) as graph:
        with pytest.raises(_errors.InternalServerError):
            Items(graph).sendmail(body={"message": {"subject": "hi"}})
    assert server.hits == {"POST /v1.0/me/sendMail": 1}


def test_idempotent_requests_are_retried_after_a_504_and_post_only_on_opt_in(server):
    with client(server) as graph:
        with pytest.raises(_errors.InternalServerError):
            Items(graph).replace("busy", body={})
        with pytest.raises(_errors.InternalServerError):
            Items(graph).update("busy", body={})
        with pytest.raises(_errors.InternalServerError):
            Items(graph.with_options(retry_non_idempotent=True)).sendmail(body={})
    assert server.hits == {
        "PUT /v1.0/items/busy": 4,
        "PATCH /v1.0/items/busy": 1,
        "POST /v1.0/me/sendMail": 4,
    }


def test_an_endless_next_link_cycle_raises(server):
    with client(server) as graph:
        seen = []
        with pytest.raises(_errors.PagingLoopError):
            for item in Items(graph).list():
                seen.append(item)
    assert seen == [0, 1, 2, 3]
    assert sum(server.hits.values()) == 4


def test_invalid_json_on_a_200_raises_a_typed_error(server):
    with client(server) as graph:
        with pytest.raises(_errors.InvalidResponseError) as caught:
            Items(graph).get("bad-json")
    assert caught.value.response.status_code == 200
    assert isinstance(caught.value, _errors.GraphError)


def test_a_redirect_loop_raises_a_typed_error(server):
    with client(server) as graph:
        with pytest.raises(_errors.TooManyRedirectsError) as caught:
            Items(graph).get("loop")
    assert isinstance(caught.value, _errors.GraphError)
    assert not [text for text in every_message(caught.value) if "SECRET" in text]


def test_the_async_client_against_the_same_server(server):
    import asyncio

    async def scenario() -> None:
        async with AsyncAPIClient(token=TOKEN, base_url=server.base) as graph:
            with pytest.raises(_errors.InternalServerError):
                await Items(graph).sendmail(body={})
            with pytest.raises(_errors.PagingLoopError):
                async for _ in Items(graph).list():
                    pass
            with pytest.raises(_errors.TooManyRedirectsError):
                await Items(graph).get("loop")
        async with AsyncAPIClient(token=TOKEN + "\n", base_url=server.base) as graph:
            with pytest.raises(_errors.InvalidHeaderError) as caught:
                await Items(graph).get("a")
            assert "SECRET" not in str(caught.value)

    asyncio.run(scenario())
    assert server.hits["POST /v1.0/me/sendMail"] == 1


# --- the retry policy itself -------------------------------------------------------------


def _response(status: int) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request("GET", "https://graph.example/"))


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"])
def test_idempotent_methods_retry_on_5xx(method):
    assert _retry.status_wait(_response(503), 0, method) is not None
    assert _retry.error_wait(httpx.ReadError("reset"), method, 0) is not None


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_other_methods_retry_on_429_only_unless_opted_in(method):
    assert _retry.status_wait(_response(429), 0, method) is not None
    assert _retry.status_wait(_response(504), 0, method) is None
    assert _retry.status_wait(_response(504), 0, method, any_method=True) is not None
    assert _retry.error_wait(httpx.ReadError("reset"), method, 0) is None
    assert _retry.error_wait(httpx.ConnectError("refused"), method, 0) is not None


def test_local_protocol_errors_are_never_retried():
    error = httpx.LocalProtocolError("Illegal header value")
    assert _retry.error_wait(error, "GET", 0, any_method=True) is None


def test_the_errors_are_all_graph_errors_and_listed():
    for name in _errors.__all__:
        assert issubclass(getattr(_errors, name), _errors.GraphError)
        assert name in (_errors.__doc__ or "")


# --- hostile answers: echoes, huge and endless bodies, a trickle (issue 29) --------------

_GIB = 1024**3


class Hostile:
    """A server on 127.0.0.1 whose answers attack the client: an error page echoing the
    request's headers, a 2 GB body, an endless one (no length, cut off at 2 GB), and one
    byte every 0.5 s. Every loop is bounded, so a client without limits ends the test by
    failing it, never by hanging it."""

    TRICKLE = 40  # bytes, one every 0.5 s: 20 s for a client that waits for all

    def __init__(self) -> None:
        self.sent: Counter[str] = Counter()  # body bytes written, by path
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _write(self, data: bytes) -> bool:
                try:
                    self.wfile.write(data)
                    self.wfile.flush()
                except OSError:  # the client left: what a limit does
                    return False
                outer.sent[self.path] += len(data)
                return True

            def do_GET(self) -> None:
                path = self.path.partition("?")[0]
                if path.endswith("/echo"):
                    headers = dict(self.headers.items())
                    body = json.dumps({"error": {"code": "Proxy", "message": str(headers)}})
                    text = (body + " raw: " + self.headers.get("Authorization", "")).encode()
                    self.send_response(500)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("X-Echo", self.headers.get("Authorization", ""))
                    self.send_header("Content-Length", str(len(text)))
                    self.end_headers()
                    self._write(text)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                if path.endswith("/huge"):
                    self.send_header("Content-Length", str(2 * _GIB))
                elif path.endswith("/trickle"):
                    self.send_header("Content-Length", str(Hostile.TRICKLE))
                else:  # /endless: no length, the body ends when the connection does
                    self.close_connection = True
                self.end_headers()
                if path.endswith("/trickle"):
                    for _ in range(Hostile.TRICKLE):
                        if not self._write(b"x"):
                            return
                        time.sleep(0.5)
                    return
                block = b"\0" * (1024 * 1024)
                for _ in range(2 * 1024):  # 2 GB at most
                    if not self._write(block):
                        return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1.0"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    running = Hostile()
    yield running
    running.close()


def _everything(value: Any, depth: int = 0) -> Iterator[str]:
    """Every text an object holds, through its attributes, mappings, sequences and the
    httpx objects an error keeps (the response's body and headers, its request's headers)."""
    if depth > 6:
        return
    if isinstance(value, (str, bytes)):
        yield value if isinstance(value, str) else value.decode("latin-1")
    elif isinstance(value, httpx.Response):
        yield value.text
        yield repr(value)
        yield from (f"{k}: {v}" for k, v in value.headers.items())
        yield from _everything(value.request, depth + 1)
        yield from _everything(value.extensions.get("reason_phrase", b""), depth + 1)
    elif isinstance(value, httpx.Request):
        yield repr(value)
        yield from (f"{k}: {v}" for k, v in value.headers.items())
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield str(key)
            yield from _everything(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _everything(item, depth + 1)
    elif isinstance(value, BaseException):
        yield from every_message(value)
        yield from _everything(vars(value), depth + 1)
        yield from _everything(value.__cause__ or value.__context__, depth + 1)
    elif value is not None:
        yield repr(value)


def test_an_error_answer_echoing_the_request_never_holds_the_token(hostile):
    with SyncAPIClient(token=TOKEN, base_url=hostile.base, max_retries=0) as graph:
        with pytest.raises(_errors.InternalServerError) as caught:
            Items(graph).get("echo")
        with pytest.raises(_errors.InternalServerError) as raw:
            graph.with_raw_response.request("GET", "/items/echo")
        with pytest.raises(_errors.InternalServerError) as streamed:
            with graph.with_streaming_response.request("GET", "/items/echo"):
                pass
    for error in (caught.value, raw.value, streamed.value):
        texts = list(_everything(error))
        assert any("Proxy" in text for text in texts)  # the answer is kept, scrubbed
        assert not [text for text in texts if "SECRET" in text], error
        assert error.response.request.headers["authorization"] == "***"


def test_an_error_answer_echoing_the_request_never_holds_the_token_async(hostile):
    import asyncio

    async def scenario() -> BaseException:
        async with AsyncAPIClient(token=TOKEN, base_url=hostile.base, max_retries=0) as graph:
            with pytest.raises(_errors.InternalServerError) as caught:
                await Items(graph).get("echo")
            return caught.value

    error = asyncio.run(scenario())
    assert not [text for text in _everything(error) if "SECRET" in text]


@pytest.mark.parametrize("path", ["huge", "endless"])
def test_a_huge_or_endless_body_stops_at_the_size_cap(hostile, path):
    with client(hostile, max_retries=0) as graph:  # the default cap
        with pytest.raises(_errors.ResponseTooLargeError) as caught:
            Items(graph).get(path)
        assert caught.value.limit == _base.DEFAULT_MAX_RESPONSE_SIZE
        with pytest.raises(_errors.ResponseTooLargeError):  # a call's own, smaller cap
            Items(graph).get(path, max_response_size=1024)
        with pytest.raises(_errors.ResponseTooLargeError):  # a client's own
            graph.with_options(max_response_size=2048).request("GET", f"/items/{path}")
    assert hostile.sent[f"/v1.0/items/{path}"] < 2 * _GIB  # the client stopped reading


def test_a_streamed_download_is_not_capped(hostile):
    with client(hostile, max_response_size=1024) as graph:
        with graph.with_streaming_response.request("GET", "/items/endless") as streamed:
            read = 0
            for chunk in streamed.iter_bytes():
                read += len(chunk)
                if read > 4 * 1024 * 1024:
                    break
    assert read > 4 * 1024 * 1024


def test_a_trickling_body_ends_at_the_deadline(hostile):
    with client(hostile, max_retries=0, deadline=1.0) as graph:
        with pytest.raises(_errors.APITimeoutError, match="deadline"):
            Items(graph).get("trickle")
    with client(hostile, max_retries=0) as graph:  # a call's own deadline
        with pytest.raises(_errors.APITimeoutError, match="deadline"):
            Items(graph).get("trickle", deadline=1.0)
    assert hostile.sent["/v1.0/items/trickle"] < 2 * Hostile.TRICKLE


def test_a_trickling_body_ends_at_the_deadline_async(hostile):
    import asyncio

    async def scenario() -> None:
        async with AsyncAPIClient(token=TOKEN, base_url=hostile.base, deadline=1.0) as graph:
            with pytest.raises(_errors.APITimeoutError, match="deadline"):
                await Items(graph).get("trickle")
            with pytest.raises(_errors.ResponseTooLargeError):
                await Items(graph).get("endless", max_response_size=4096)

    asyncio.run(scenario())


def test_limits_are_checked_when_given():
    for bad in ({"max_response_size": -1}, {"deadline": 0}, {"deadline": "5"}):
        with pytest.raises(ValueError):
            SyncAPIClient(token=TOKEN, **bad)
