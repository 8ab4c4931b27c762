"""The asynchronous client, through ``httpx.MockTransport``: the same groups, awaited.

Each test is a plain function running its scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import inspect
import io
import json
import logging

import httpx
import pytest

import graphdoc_client
from graphdoc_client import (
    DEFAULT_TIMEOUT,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncGraphClient,
    AsyncPage,
    AsyncPageRequest,
    AuthenticationError,
    RawResponse,
)

BASE = "https://graph.microsoft.com/v1.0"


def run(scenario):
    return asyncio.run(scenario())


# --- the client ---------------------------------------------------------------------------


def test_the_same_group_returns_awaitables_on_the_async_client(graph, demo, token):
    graph.reply(httpx.Response(200, json={"id": "i1"}))

    async def scenario():
        async with graph.async_client() as client:
            call = demo(client).get("i1")
            assert inspect.isawaitable(call)
            assert await call == {"id": "i1"}
        return client

    client = run(scenario)
    assert client._http.is_closed
    assert graph.request.headers["authorization"] == "Bearer " + token
    assert str(graph.request.url) == BASE + "/items/i1"


def test_aclose_and_an_injected_async_client(graph, demo):
    async def scenario():
        http = httpx.AsyncClient(transport=httpx.MockTransport(graph))
        client = AsyncGraphClient(token="t", http_client=http)
        await demo(client).get("a")
        await client.aclose()
        assert not http.is_closed  # not ours to close
        await http.aclose()
        own = graph.async_client()
        await own.aclose()
        assert own._http.is_closed

    run(scenario)
    with pytest.raises(TypeError, match="AsyncClient"):
        AsyncGraphClient(token="t", http_client=httpx.Client())


def test_with_options_on_the_async_client(graph, demo):
    async def scenario():
        async with graph.async_client() as client:
            copy = client.with_options(timeout=3.0, max_retries=0)
            assert type(copy) is AsyncGraphClient and copy._http is client._http
            await demo(copy).get("a")

    run(scenario)
    assert graph.request.extensions["timeout"] == httpx.Timeout(3.0).as_dict()


def test_a_bad_argument_raises_at_the_call_before_any_request(graph, demo):
    client = graph.async_client()
    with pytest.raises(ValueError, match="must not be empty"):
        demo(client).get("")
    with pytest.raises(TypeError, match="needs user_id"):
        demo(client).get("a", variant="/users/{user_id}/items/{item_id}")
    assert graph.requests == []


# --- auth ---------------------------------------------------------------------------------


def test_an_async_credential_is_awaited_cached_and_refreshed_once_on_401(
    graph, demo, async_credential, token
):
    graph.reply(
        httpx.Response(200, json={}), httpx.Response(401), httpx.Response(200, json={"ok": 1})
    )

    async def scenario():
        async with graph.async_client(credential=async_credential) as client:
            await demo(client).get("a")
            return await demo(client).get("b")

    assert run(scenario) == {"ok": 1}
    assert async_credential.calls == [("https://graph.microsoft.com/.default",)] * 2
    assert [r.headers["authorization"] for r in graph.requests] == [
        f"Bearer {token}-1",
        f"Bearer {token}-1",
        f"Bearer {token}-2",
    ]


def test_a_sync_credential_works_on_the_async_client(graph, demo, credential, token):
    async def scenario():
        async with graph.async_client(credential=credential) as client:
            await demo(client).get("a")

    run(scenario)
    assert graph.request.headers["authorization"] == f"Bearer {token}-1"


def test_an_async_token_callable(graph, demo):
    async def get_token():
        return "from-a-coroutine"

    async def scenario():
        async with graph.async_client(token=get_token) as client:
            await demo(client).get("a")

    run(scenario)
    assert graph.request.headers["authorization"] == "Bearer from-a-coroutine"


def test_a_static_token_is_not_resent_after_401_and_never_shows(graph, demo, token, caplog):
    caplog.set_level(logging.DEBUG)
    graph.reply(httpx.Response(401, json={"error": {"code": "InvalidAuthenticationToken"}}))

    async def scenario():
        async with graph.async_client() as client:
            with pytest.raises(AuthenticationError) as caught:
                await demo(client).get("a")
            return client, caught.value

    client, error = run(scenario)
    assert len(graph.requests) == 1
    texts = [repr(client), repr(vars(client)), str(error), repr(error)]
    texts += [record.getMessage() for record in caplog.records]
    assert not [text for text in texts if token in text]


# --- retries ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 503, 504])
def test_retryable_statuses_are_retried(graph, demo, waits, status):
    graph.reply(
        httpx.Response(status, headers={"Retry-After": "2"}),
        httpx.Response(status),
        httpx.Response(200, json={"id": "ok"}),
    )

    async def scenario():
        async with graph.async_client() as client:
            return await demo(client).get("a")

    assert run(scenario) == {"id": "ok"}
    assert len(graph.requests) == 3 and waits[0] == 2.0 and 0 < waits[1] <= 1.0


def test_retries_are_bounded(graph, demo, waits):
    graph.reply(httpx.Response(503))

    async def scenario():
        async with graph.async_client(max_retries=2) as client:
            await demo(client).get("a")

    with pytest.raises(graphdoc_client.InternalServerError):
        run(scenario)
    assert len(graph.requests) == 3 and len(waits) == 2


def test_connection_errors_are_retried_then_typed(graph, demo):
    graph.reply(httpx.ConnectError("refused"), httpx.Response(201, json={"id": "n"}))

    async def scenario():
        async with graph.async_client() as client:
            return await demo(client).create(body={"a": 1})

    assert run(scenario) == {"id": "n"}
    assert [json.loads(r.content) for r in graph.requests] == [{"a": 1}] * 2

    graph.requests.clear()
    graph.reply(httpx.ReadTimeout("slow"))

    async def timing_out():
        async with graph.async_client(max_retries=1) as client:
            await demo(client).get("a")

    with pytest.raises(APITimeoutError):
        run(timing_out)
    assert len(graph.requests) == 2

    graph.requests.clear()
    graph.reply(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError):
        run(timing_out)


def test_a_streamed_body_is_never_sent_twice(graph, demo):
    graph.reply(httpx.Response(503))

    async def scenario():
        async with graph.async_client() as client:
            await demo(client).upload("a", content=io.BytesIO(b"data"))

    with pytest.raises(graphdoc_client.InternalServerError):
        run(scenario)
    assert len(graph.requests) == 1 and graph.request.content == b"data"


# --- timeouts -----------------------------------------------------------------------------


def test_timeouts_default_per_client_and_per_call(graph, demo):
    async def scenario():
        async with graph.async_client() as default, graph.async_client(timeout=4.0) as client:
            await demo(default).get("a")
            await demo(client).get("b")
            await demo(client).get("c", timeout=1.5)

    run(scenario)
    assert [r.extensions["timeout"] for r in graph.requests] == [
        httpx.Timeout(DEFAULT_TIMEOUT).as_dict(),
        httpx.Timeout(4.0).as_dict(),
        httpx.Timeout(1.5).as_dict(),
    ]


# --- typed errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, "BadRequestError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (412, "PreconditionFailedError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
    ],
)
def test_typed_errors(graph, demo, status, error):
    graph.reply(
        httpx.Response(
            status, json={"error": {"code": "C", "message": "M"}}, headers={"request-id": "r"}
        )
    )

    async def scenario():
        async with graph.async_client(max_retries=0) as client:
            await demo(client).get("a")

    with pytest.raises(APIStatusError) as caught:
        run(scenario)
    assert type(caught.value) is getattr(graphdoc_client, error)
    raised = caught.value
    assert (raised.status_code, raised.code, raised.message, raised.request_id) == (
        status,
        "C",
        "M",
        "r",
    )


# --- paging -------------------------------------------------------------------------------


def test_async_for_over_a_list_call_reads_every_page(graph, demo, make_page):
    link2, link3 = BASE + "/items?$skiptoken=A%2B", BASE + "/items?$skiptoken=B"
    graph.reply(make_page([1, 2], link2), make_page([3], link3), make_page([4]))

    async def scenario():
        async with graph.async_client() as client:
            call = demo(client).list(top=2)
            assert isinstance(call, AsyncPageRequest) and graph.requests == []  # sent when iterated
            return [item async for item in call]

    assert run(scenario) == [1, 2, 3, 4]
    assert [str(r.url) for r in graph.requests[1:]] == [link2, link3]


def test_an_awaited_list_call_is_the_first_page(graph, demo, make_page):
    delta = BASE + "/items/delta()?$deltatoken=d"
    graph.reply(
        make_page([1], BASE + "/items/delta()?$skiptoken=s"),
        make_page([2], **{"@odata.deltaLink": delta}),
        make_page([1], BASE + "/items/delta()?$skiptoken=s"),
        make_page([2], **{"@odata.deltaLink": delta}),
    )

    async def scenario():
        async with graph.async_client() as client:
            first = await demo(client).delta(headers={"Prefer": "odata.maxpagesize=1"})
            assert isinstance(first, AsyncPage) and first == first.body
            assert (first.items, first.delta_link) == ([1], None)
            pages = [page async for page in first.pages()]
            again = await demo(client).delta()
            items = [item async for item in again]
            second = await again.next_page()
            return first, pages, items, second

    first, pages, items, second = run(scenario)
    assert [p.items for p in pages] == [[1], [2]] and pages[-1].delta_link == delta
    assert items == [1, 2] and second.items == [2]
    assert graph.requests[1].headers["prefer"] == "odata.maxpagesize=1"


# --- raw responses ------------------------------------------------------------------------


def test_raw_and_streaming_responses(graph, demo):
    data = b"\x00\x01" * 10_000
    graph.reply(
        httpx.Response(200, json={"id": "a"}, headers={"request-id": "r-2"}),
        httpx.Response(200, content=data, headers={"Content-Type": "application/octet-stream"}),
        httpx.Response(404),
    )

    async def scenario():
        async with graph.async_client() as client:
            raw = await demo(client.with_raw_response).get("a")
            chunks = []
            async with demo(client.with_streaming_response).download("a") as response:
                async for chunk in response.aiter_bytes(chunk_size=1000):
                    chunks.append(chunk)
            with pytest.raises(graphdoc_client.NotFoundError):
                async with demo(client.with_streaming_response).download("b"):
                    pass
            return raw, chunks

    raw, chunks = run(scenario)
    assert isinstance(raw, RawResponse) and (raw.status_code, raw.request_id) == (200, "r-2")
    assert raw.parse() == {"id": "a"}
    assert b"".join(chunks) == data and len(chunks) > 1


# --- request options and path safety ------------------------------------------------------


def test_options_and_path_parameters_are_encoded(graph, demo):
    async def scenario():
        async with graph.async_client() as client:
            await demo(client).get(
                "a/b?c", select=["id", "name"], filter="x eq 'a b'", headers={"If-Match": "*"}
            )

    run(scenario)
    url = graph.request.url
    assert (
        url.raw_path.decode()
        == httpx.URL(BASE).path + "/items/a%2Fb%3Fc?$select=id,name&$filter=x%20eq%20'a%20b'"
    )
    assert graph.request.headers["if-match"] == "*"


# --- binary content -----------------------------------------------------------------------


def test_downloads_and_uploads(graph, demo, tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8" * 70_000)
    graph.reply(
        httpx.Response(200, content=b"\xff\xd8", headers={"Content-Type": "image/jpeg"}),
        httpx.Response(201, json={"id": "f"}),
    )

    async def scenario():
        async with graph.async_client() as client:
            downloaded = await demo(client).download("a")
            with path.open("rb") as file:
                uploaded = await demo(client).upload("a", content=file, content_type="image/jpeg")
            return downloaded, uploaded

    assert run(scenario) == (b"\xff\xd8", {"id": "f"})
    upload = graph.requests[1]
    assert upload.content == path.read_bytes()
    assert (upload.headers["content-type"], upload.headers["content-length"]) == (
        "image/jpeg",
        str(path.stat().st_size),
    )


# --- what a broken server or a bad value can still do -------------------------------------


def test_the_async_client_keeps_the_same_reliability_promises(graph, demo, token, make_page):
    async def scenario():
        async with graph.async_client() as client:
            graph.reply(httpx.Response(504), httpx.Response(201, json={}))
            with pytest.raises(graphdoc_client.InternalServerError):
                await demo(client).create(body={})
            assert len(graph.requests) == 1
            graph.reply(make_page([1], BASE + "/items?p=2"), make_page([2], BASE + "/items?p=2"))
            with pytest.raises(graphdoc_client.PagingLoopError):
                async for _ in demo(client).list():
                    pass
            graph.reply(
                httpx.Response(200, content=b"{", headers={"Content-Type": "application/json"})
            )
            with pytest.raises(graphdoc_client.InvalidResponseError):
                await demo(client).get("a")
            graph.reply(lambda request: httpx.Response(301, headers={"Location": str(request.url)}))
            with pytest.raises(graphdoc_client.TooManyRedirectsError):
                await demo(client).get("a")
        graph.requests.clear()
        async with graph.async_client(token=token + "\n") as client:
            with pytest.raises(graphdoc_client.InvalidHeaderError) as caught:
                await demo(client).get("a")
            assert token not in str(caught.value) and graph.requests == []

    run(scenario)


# --- batches, uploads, delta links and request() ------------------------------------------


def test_an_async_batch_sends_queued_calls_together(graph, demo, waits):
    from .conftest import BatchService

    service = BatchService("/items/t")

    async def scenario():
        async with graph.reply(service).async_client() as client:
            async with client.batch() as batch:
                first = demo(batch).get("a")
                throttled = demo(batch).get("t", depends_on=[first])
                more = [demo(batch).get(f"x{n}") for n in range(20)]
            return first.result(), throttled.result(), more[-1].result()

    assert asyncio.run(scenario()) == ({"id": "a"}, {"id": "t"}, {"id": "x19"})
    assert [len(items) for items in service.batches] == [20, 2, 1]
    assert waits == [3.0]


def test_an_async_upload_resumes_after_an_interrupted_chunk(graph):
    from .conftest import UploadService

    unit = 320 * 1024
    data = b"x" * (2 * unit + 10)
    service = UploadService(len(data), interrupt_at=2 * unit)

    async def scenario():
        async with graph.reply(service).async_client(max_retries=0) as client:
            return await client.upload(data, item_id="it", simple_limit=0, chunk=unit)

    assert asyncio.run(scenario()) == {"id": "uploaded", "size": len(data)}
    assert bytes(service.received) == data and service.tokens_elsewhere == []
    assert (
        graph.requests[0].url.path
        == httpx.URL(BASE).path + "/me/drive/items/it/createUploadSession"
    )


def test_async_follow_and_request(graph, make_page):
    link = BASE + "/items/delta()?$deltatoken=abc"
    graph.reply(make_page([{"id": "changed"}]))

    async def scenario():
        async with graph.async_client() as client:
            changes = await client.follow(link)
            await client.request("GET", "https://files.example/x")
            listed = [item async for item in client.request("GET", "/items", paged=True)]
            return changes.items, listed

    assert asyncio.run(scenario()) == ([{"id": "changed"}], [{"id": "changed"}])
    assert str(graph.requests[0].url) == link
    assert "authorization" not in graph.requests[1].headers
