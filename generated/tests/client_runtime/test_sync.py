"""The synchronous client as its users meet it, through ``httpx.MockTransport``.

One section per promise of the client: the client itself, auth, retries, timeouts,
typed errors, paging, raw responses, request options, path safety, binary content.
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

import httpx
import pytest

import graphdoc_client
from graphdoc_client import (
    DEFAULT_TIMEOUT,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncGraphClient,
    AuthenticationError,
    GraphClient,
    GraphError,
    Page,
    RawResponse,
)
from graphdoc_client import _errors, _retry
from graphdoc_client._client import _Groups

BASE = "https://graph.microsoft.com/v1.0"
PACKAGE_ROOT = Path(__file__).resolve().parents[2]

# --- the client ---------------------------------------------------------------------------


def test_a_call_sends_the_documented_request_with_the_token(graph, demo, token):
    graph.reply(httpx.Response(200, json={"id": "i1"}))
    with graph.client() as client:
        assert demo(client).get("i1") == {"id": "i1"}
    request = graph.request
    assert (request.method, str(request.url)) == ("GET", BASE + "/items/i1")
    assert request.headers["authorization"] == "Bearer " + token


def test_the_context_manager_closes_the_connections(graph):
    with graph.client() as client:
        pass
    assert client._http.is_closed
    other = graph.client()
    other.close()
    assert other._http.is_closed


def test_an_injected_http_client_is_used_and_left_open(graph, demo):
    http = httpx.Client(transport=httpx.MockTransport(graph), headers={"X-App": "mine"})
    with GraphClient(token="t", http_client=http) as client:
        demo(client).get("i1")
    assert graph.request.headers["x-app"] == "mine"
    assert not http.is_closed
    http.close()


def test_client_arguments_are_checked():
    with pytest.raises(TypeError, match="token= or credential="):
        GraphClient()
    with pytest.raises(TypeError, match="token= or credential="):
        GraphClient(token="t", credential=object())
    with pytest.raises(TypeError, match="not both"):
        GraphClient(
            token="t", transport=httpx.MockTransport(lambda r: None), http_client=httpx.Client()
        )
    with pytest.raises(TypeError, match="httpx.Client"):
        GraphClient(token="t", http_client=httpx.AsyncClient())
    with pytest.raises(ValueError, match="max_retries"):
        GraphClient(token="t", max_retries=-1)


def test_with_options_returns_a_copy_sharing_the_connections(graph, demo):
    client = graph.client(max_retries=2)
    copy = client.with_options(timeout=7.0, max_retries=0)
    assert (copy.timeout, copy.max_retries) == (7.0, 0)
    assert (client.timeout, client.max_retries) == (DEFAULT_TIMEOUT, 2)
    assert copy._http is client._http and type(copy) is GraphClient
    demo(copy).get("i1")
    assert graph.request.extensions["timeout"] == httpx.Timeout(7.0).as_dict()
    copy.close()  # a copy does not own the connections
    assert not client._http.is_closed
    client.close()


def test_both_clients_have_the_same_groups_and_operations():
    groups = sorted(
        name for name, value in vars(_Groups).items() if isinstance(value, cached_property)
    )
    sync, asynchronous = GraphClient(token="t"), AsyncGraphClient(token="t")
    for name in groups:
        group = getattr(sync, name)
        assert type(group) is type(getattr(asynchronous, name))
        assert getattr(sync, name) is group  # loaded once, then cached
        assert [m for m in vars(type(group)) if not m.startswith("_")], name
    public = lambda cls: {n for n in dir(cls) if not n.startswith("_")} - {
        "close",
        "aclose",
    }  # noqa: E731
    assert public(GraphClient) == public(AsyncGraphClient)
    sync.close()


def test_import_pulls_in_only_the_standard_library_and_httpx_comes_with_the_first_client():
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import graphdoc_client\n"
        "new = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "print(sorted(new - set(sys.stdlib_module_names) - {'graphdoc_client'}), 'asyncio' in new)\n"
        "graphdoc_client.GraphClient(token='t').close()\n"
        "print('httpx' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE_ROOT
    )
    assert run.stdout.split() == ["[]", "False", "True"], run.stdout + run.stderr


# --- auth ---------------------------------------------------------------------------------


def test_a_callable_token_is_asked_for_each_request(graph, demo):
    tokens = iter(["first", "second"])
    client = graph.client(token=lambda: next(tokens))
    demo(client).get("a")
    demo(client).get("b")
    assert [r.headers["authorization"] for r in graph.requests] == ["Bearer first", "Bearer second"]


def test_a_credential_token_is_cached_with_the_default_scope(graph, demo, credential, token):
    client = graph.client(credential=credential)
    demo(client).get("a")
    demo(client).get("b")
    assert credential.calls == [("https://graph.microsoft.com/.default",)]
    assert {r.headers["authorization"] for r in graph.requests} == {f"Bearer {token}-1"}


def test_scopes_can_be_given(graph, demo, credential):
    demo(graph.client(credential=credential, scopes=["https://graph.microsoft.us/.default"])).get(
        "a"
    )
    assert credential.calls == [("https://graph.microsoft.us/.default",)]


def test_a_token_about_to_expire_is_renewed_before_use(graph, demo, credential, token):
    credential.lifetime = 60  # inside the refresh margin: never cached
    client = graph.client(credential=credential)
    demo(client).get("a")
    demo(client).get("b")
    assert [r.headers["authorization"] for r in graph.requests] == [
        f"Bearer {token}-1",
        f"Bearer {token}-2",
    ]


def test_a_credential_token_is_refreshed_once_on_401(graph, demo, credential, token):
    graph.reply(httpx.Response(401), httpx.Response(200, json={"ok": True}))
    assert demo(graph.client(credential=credential)).get("a") == {"ok": True}
    assert [r.headers["authorization"] for r in graph.requests] == [
        f"Bearer {token}-1",
        f"Bearer {token}-2",
    ]


def test_a_second_401_raises(graph, demo, credential):
    graph.reply(httpx.Response(401, json={"error": {"code": "InvalidAuthenticationToken"}}))
    with pytest.raises(AuthenticationError) as caught:
        demo(graph.client(credential=credential)).get("a")
    assert len(graph.requests) == 2 and len(credential.calls) == 2
    assert caught.value.code == "InvalidAuthenticationToken"


def test_a_static_token_is_not_resent_after_401(graph, demo):
    graph.reply(httpx.Response(401))
    with pytest.raises(AuthenticationError):
        demo(graph.client()).get("a")
    assert len(graph.requests) == 1


def test_the_token_never_shows_in_repr_logs_or_errors(graph, demo, token, caplog):
    caplog.set_level(logging.DEBUG)
    graph.reply(
        httpx.Response(503),
        httpx.Response(401),
        httpx.Response(404, json={"error": {"code": "NotFound", "message": "gone"}}),
    )
    client = graph.client(token=token)
    with pytest.raises(APIStatusError) as caught:
        demo(client).get("a")
    texts = [
        repr(client),
        repr(vars(client)),
        repr(demo(client)),
        str(caught.value),
        repr(caught.value),
    ]
    texts += [repr(caught.value.response.request.headers), repr(client.with_raw_response)]
    texts += [record.getMessage() for record in caplog.records]
    assert caplog.records and not [text for text in texts if token in text]


def test_the_token_is_not_sent_to_another_host(graph, demo, make_page):
    graph.reply(make_page([1], "https://elsewhere.example/next"), make_page([2]))
    assert list(demo(graph.client()).list()) == [1, 2]
    assert "authorization" in graph.requests[0].headers
    assert "authorization" not in graph.requests[1].headers


# --- retries ------------------------------------------------------------------------------

NOW = datetime(2015, 10, 21, 7, 28, tzinfo=timezone.utc).timestamp()


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("5", 5.0),
        ("0", 0.0),
        (" 7 ", 7.0),
        ("1.5", 1.5),
        ("120", 120.0),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:29:00 GMT", 60.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),
        ("Wed, 21 Oct 2015 07:28:30 -0000", 30.0),
        (None, None),
        ("", None),
        ("-1", None),
        ("soon", None),
        ("nan", None),
        ("inf", None),
        ("Wed, 99 Foo 2015", None),
    ],
)
def test_retry_after_parsing(value, seconds):
    assert _retry.parse_retry_after(value, now=NOW) == seconds


@pytest.mark.parametrize("attempt", range(8))
def test_backoff_grows_exponentially_with_jitter_and_a_cap(attempt):
    base = min(_retry.MAX_BACKOFF, _retry.INITIAL_BACKOFF * 2**attempt)
    waits = {_retry.backoff(attempt) for _ in range(50)}
    assert all(0.75 * base <= wait <= base for wait in waits)
    assert len(waits) > 1  # jitter


@pytest.mark.parametrize("status", [429, 503, 504])
def test_retryable_statuses_are_retried_honouring_retry_after(graph, demo, waits, status):
    graph.reply(
        httpx.Response(status, headers={"Retry-After": "2"}),
        httpx.Response(status, headers={"Retry-After": "1"}),
        httpx.Response(200, json={"id": "ok"}),
    )
    assert demo(graph.client()).get("a") == {"id": "ok"}
    assert len(graph.requests) == 3 and waits == [2.0, 1.0]


def test_without_retry_after_the_wait_is_an_exponential_backoff(graph, demo, waits):
    graph.reply(httpx.Response(503), httpx.Response(503), httpx.Response(503), httpx.Response(204))
    assert demo(graph.client()).get("a") is None
    assert len(waits) == 3
    for attempt, wait in enumerate(waits):
        base = _retry.INITIAL_BACKOFF * 2**attempt
        assert 0.75 * base <= wait <= base


def test_no_single_wait_exceeds_the_cap(graph, demo, waits):
    graph.reply(httpx.Response(429, headers={"Retry-After": "3600"}), httpx.Response(204))
    demo(graph.client()).get("a")
    assert waits == [_retry.MAX_RETRY_WAIT]


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_retries_are_bounded(graph, demo, waits, max_retries):
    graph.reply(httpx.Response(503, json={"error": {"code": "serviceNotAvailable"}}))
    with pytest.raises(graphdoc_client.InternalServerError):
        demo(graph.client(max_retries=max_retries)).get("a")
    assert len(graph.requests) == 1 + max_retries and len(waits) == max_retries


def test_the_default_bound_is_three_retries(graph, demo):
    graph.reply(httpx.Response(429))
    with pytest.raises(graphdoc_client.RateLimitError):
        demo(graph.client()).get("a")
    assert len(graph.requests) == 1 + graphdoc_client.DEFAULT_MAX_RETRIES == 4


@pytest.mark.parametrize("status", [400, 404, 409, 500, 502])
def test_other_statuses_are_not_retried(graph, demo, status):
    graph.reply(httpx.Response(status))
    with pytest.raises(APIStatusError):
        demo(graph.client()).get("a")
    assert len(graph.requests) == 1


def test_a_json_body_is_sent_again_unchanged(graph, demo):
    graph.reply(httpx.Response(429), httpx.Response(201, json={"id": "new"}))
    assert demo(graph.client()).create(body={"name": "x"}) == {"id": "new"}
    assert [json.loads(r.content) for r in graph.requests] == [{"name": "x"}] * 2


def test_a_streamed_body_is_never_sent_twice(graph, demo):
    graph.reply(httpx.Response(503), httpx.Response(200, json={}))
    with pytest.raises(graphdoc_client.InternalServerError):
        demo(graph.client()).upload("a", content=io.BytesIO(b"data"))
    assert len(graph.requests) == 1


def test_connection_errors_are_retried_then_succeed(graph, demo, waits):
    fail = httpx.ConnectError("refused")
    graph.reply(fail, fail, httpx.Response(201, json={"id": "new"}))
    assert demo(graph.client()).create(body={}) == {"id": "new"}  # POST: nothing was sent before
    assert len(graph.requests) == 3 and len(waits) == 2


def test_connection_errors_raise_once_retries_are_spent(graph, demo):
    graph.reply(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as caught:
        demo(graph.client(max_retries=2)).get("a")
    assert not isinstance(caught.value, APITimeoutError)
    assert len(graph.requests) == 3


def test_a_read_timeout_is_retried_for_get_but_not_for_post(graph, demo):
    graph.reply(httpx.ReadTimeout("slow"), httpx.Response(200, json={"id": "a"}))
    assert demo(graph.client()).get("a") == {"id": "a"}
    graph.requests.clear()
    graph.reply(httpx.ReadTimeout("slow"), httpx.Response(201, json={}))
    with pytest.raises(APITimeoutError):
        demo(graph.client()).create(body={})
    assert len(graph.requests) == 1


def test_retries_are_logged(graph, demo, caplog):
    caplog.set_level(logging.INFO, logger="graphdoc_client")
    graph.reply(httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(204))
    demo(graph.client()).get("a")
    assert any("retry 1 of 3" in record.getMessage() for record in caplog.records)


# --- timeouts -----------------------------------------------------------------------------


def test_the_default_timeout_is_sane(graph, demo):
    demo(graph.client()).get("a")
    default = httpx.Timeout(DEFAULT_TIMEOUT)  # a plain tuple: importing the package needs no httpx
    assert default == httpx.Timeout(60.0, connect=10.0)
    assert graph.request.extensions["timeout"] == default.as_dict()


def test_timeouts_per_client_and_per_call(graph, demo):
    client = graph.client(timeout=12.0, deadline=None)  # a deadline bounds every timeout
    demo(client).get("a")
    demo(client).get("b", timeout=2.5)
    demo(client).get("c", timeout=None)
    demo(client).get("d", timeout=httpx.Timeout(3.0, connect=1.0))
    assert [r.extensions["timeout"] for r in graph.requests] == [
        httpx.Timeout(12.0).as_dict(),
        httpx.Timeout(2.5).as_dict(),
        httpx.Timeout(None).as_dict(),
        httpx.Timeout(3.0, connect=1.0).as_dict(),
    ]


def test_a_deadline_bounds_every_timeout(graph, demo):
    demo(graph.client(timeout=None, deadline=5.0)).get("a")
    demo(graph.client(timeout=60.0)).get("b", deadline=2.0)
    first, second = (r.extensions["timeout"] for r in graph.requests)
    assert all(0 < value <= 5.0 for value in first.values())
    assert all(0 < value <= 2.0 for value in second.values())


def test_a_timeout_raises_the_timeout_error(graph, demo):
    graph.reply(httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError) as caught:
        demo(graph.client(max_retries=0)).get("a")
    assert isinstance(caught.value, APIConnectionError) and caught.value.request.url.path.endswith(
        "/a"
    )


# --- typed errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (412, "PreconditionFailedError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (503, "InternalServerError"),
        (418, "APIStatusError"),
    ],
)
def test_typed_errors_carry_the_odata_error_and_request_ids(graph, demo, status, error):
    body = {"error": {"code": "SomeCode", "message": "What went wrong"}}
    headers = {"request-id": "r-1", "client-request-id": "c-1"}
    graph.reply(httpx.Response(status, json=body, headers=headers))
    with pytest.raises(APIStatusError) as caught:
        demo(graph.client(max_retries=0)).get("a")
    found = caught.value
    assert type(found).__name__ == error and type(found) is getattr(graphdoc_client, error)
    assert (found.status_code, found.code, found.message) == (status, "SomeCode", "What went wrong")
    assert (found.request_id, found.client_request_id) == ("r-1", "c-1")
    assert found.response.status_code == status and found.body == body
    assert "SomeCode" in str(found) and "r-1" in str(found)


def test_an_error_without_odata_body_keeps_its_text(graph, demo):
    graph.reply(httpx.Response(502, text="Bad gateway"))
    with pytest.raises(graphdoc_client.InternalServerError) as caught:
        demo(graph.client()).get("a")
    assert (caught.value.code, caught.value.message) == (None, None)
    assert "Bad gateway" in str(caught.value)


def test_the_error_tree_is_written_in_the_module_docstring():
    for name in _errors.__all__:
        cls = getattr(graphdoc_client, name)
        assert issubclass(cls, GraphError) and name in _errors.__doc__
    assert issubclass(graphdoc_client.NotFoundError, APIStatusError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert not issubclass(APIConnectionError, APIStatusError)


# --- paging -------------------------------------------------------------------------------


def test_a_list_operation_iterates_every_page(graph, demo, make_page):
    link2 = BASE + "/items?$skiptoken=X%2BY%3D%3D&$filter=startswith(name,%27a%27)"
    link3 = BASE + "/items?$skiptoken=Z"
    graph.reply(make_page([1, 2], link2), make_page([3], link3), make_page([4, 5]))
    result = demo(graph.client()).list(top=2)
    assert isinstance(result, Page) and len(graph.requests) == 1  # the rest on demand
    assert (result.items, result.next_link, result.delta_link) == ([1, 2], link2, None)
    assert list(result) == [1, 2, 3, 4, 5]
    assert [str(r.url) for r in graph.requests[1:]] == [link2, link3]  # verbatim
    assert [r.method for r in graph.requests] == ["GET"] * 3


def test_pages_yields_each_page(graph, demo, make_page):
    graph.reply(
        make_page([1], BASE + "/items?page=2"),
        make_page([2], BASE + "/items?page=3"),
        make_page([]),
    )
    pages = list(demo(graph.client()).list().pages())
    assert [p.items for p in pages] == [[1], [2], []]
    assert [p.next_link for p in pages] == [BASE + "/items?page=2", BASE + "/items?page=3", None]
    assert pages[0].next_page() is not None and pages[-1].next_page() is None


def test_a_delta_function_ends_with_a_delta_link(graph, demo, make_page):
    delta = BASE + "/items/delta()?$deltatoken=abc"
    graph.reply(
        make_page([1], BASE + "/items/delta()?$skiptoken=s"),
        make_page([2], **{"@odata.deltaLink": delta}),
    )
    for last in demo(graph.client()).delta().pages():
        pass
    assert (last.items, last.next_link, last.delta_link) == ([2], None, delta)


def test_next_pages_repeat_the_headers_timeout_and_token(graph, demo, make_page, token):
    graph.reply(make_page([1], BASE + "/items?page=2"), make_page([2], **{"@odata.count": 2}))
    page = demo(graph.client()).list(
        count=True, headers={"ConsistencyLevel": "eventual"}, timeout=9.0
    )
    assert list(page) == [1, 2]
    second = graph.requests[1]
    assert second.headers["consistencylevel"] == "eventual"
    assert second.headers["authorization"] == "Bearer " + token
    assert second.extensions["timeout"] == httpx.Timeout(9.0).as_dict()
    assert second.url.params.get("$count") is None  # the link as given, nothing added


def test_a_page_exposes_and_equals_its_body(graph, demo):
    body = {"@odata.context": "ctx", "@odata.count": 1, "value": [{"id": "a"}]}
    graph.reply(httpx.Response(200, json=body))
    page = demo(graph.client()).list()
    assert page.body == body and page == body and page.count == 1
    assert page.response.status_code == 200 and "1 items" in repr(page)


def test_a_non_list_operation_returns_the_body_itself(graph, demo):
    graph.reply(httpx.Response(200, json={"value": [1]}))
    assert demo(graph.client()).get("a") == {"value": [1]}


def test_next_pages_are_retried_too(graph, demo, make_page):
    graph.reply(make_page([1], BASE + "/items?page=2"), httpx.Response(503), make_page([2]))
    assert list(demo(graph.client()).list()) == [1, 2]
    assert len(graph.requests) == 3


# --- raw responses ------------------------------------------------------------------------


def test_raw_response_gives_status_headers_and_the_parsed_body(graph, demo):
    graph.reply(httpx.Response(200, json={"id": "a"}, headers={"request-id": "r-9", "ETag": "W/1"}))
    client = graph.client()
    raw = demo(client.with_raw_response).get("a")
    assert isinstance(raw, RawResponse)
    assert (raw.status_code, raw.headers["etag"], raw.request_id) == (200, "W/1", "r-9")
    assert raw.parse() == {"id": "a"} and raw.http_response.json() == {"id": "a"}
    assert demo(client).get("a") == {"id": "a"}  # the client itself is unchanged


def test_raw_response_of_a_list_operation_parses_to_a_page(graph, demo, make_page):
    graph.reply(make_page([1], BASE + "/items?page=2"), make_page([2]))
    raw = demo(graph.client().with_raw_response).list()
    assert list(raw.parse()) == [1, 2]


def test_raw_response_still_raises_typed_errors(graph, demo):
    graph.reply(httpx.Response(404))
    with pytest.raises(graphdoc_client.NotFoundError):
        demo(graph.client().with_raw_response).get("a")


# --- request options ----------------------------------------------------------------------


def test_odata_options_are_encoded(graph, demo):
    demo(graph.client()).list(
        select=["id", "displayName"],
        expand="manager",
        filter="startswith(displayName,'A B&C+D#E%')",
        orderby=["displayName desc", "id"],
        search='"displayName:Ada"',
        top=5,
        skip=10,
        count=True,
        params={"$skiptoken": "x y"},
    )
    url = graph.request.url
    assert url.query.decode() == (
        "$select=id,displayName&$expand=manager"
        "&$filter=startswith(displayName,'A%20B%26C%2BD%23E%25')"
        "&$orderby=displayName%20desc,id&$search=%22displayName:Ada%22"
        "&$top=5&$skip=10&$count=true&$skiptoken=x%20y"
    )
    assert url.params["$filter"] == "startswith(displayName,'A B&C+D#E%')"
    assert url.params["$count"] == "true"


def test_extra_headers_are_sent(graph, demo):
    headers = {
        "ConsistencyLevel": "eventual",
        "Prefer": "outlook.body-content-type=text",
        "If-Match": 'W/"1"',
    }
    demo(graph.client()).get("a", headers=headers)
    for name, value in headers.items():
        assert graph.request.headers[name] == value


def test_a_documented_query_is_a_default_the_caller_may_override(graph, demo):
    graph.reply(httpx.Response(200, content=b"a,b", headers={"Content-Type": "text/csv"}))
    client = graph.client()
    assert demo(client).report("D7") == b"a,b"
    demo(client).report("D7", params={"$format": "application/json"})
    assert [r.url.params["$format"] for r in graph.requests] == ["text/csv", "application/json"]


def test_raw_body_is_sent_instead_of_json(graph, demo):
    mime = b"From: a@contoso.com\r\nSubject: hi\r\n\r\nbody"
    demo(graph.client()).create(raw_body=mime, headers={"Content-Type": "text/plain"})
    assert graph.request.content == mime
    assert graph.request.headers["content-type"] == "text/plain"
    with pytest.raises(TypeError, match="raw_body"):
        demo(graph.client()).create(body={"a": 1}, raw_body=mime)


# --- path safety --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["a/b", "x?y=1", "frag#ment", "100%", "../users", "..", ".", "a b", "c:d"]
)
def test_path_parameters_cannot_change_the_path(graph, demo, value):
    demo(graph.client()).get(value)
    url = graph.request.url
    assert url.raw_path.decode().count("/") == 3  # /v1.0/items/<one segment>
    assert (url.query, url.fragment) == (b"", "")
    assert url.path == httpx.URL(BASE).path + "/items/" + value


def test_function_parameters_are_quoted(graph, demo):
    demo(graph.client()).report("D7'x/y")
    assert graph.request.url.path.endswith("/reports/getCounts(period='D7''x/y')")
    assert "%2F" in graph.request.url.raw_path.decode()


def test_path_style_parameters_keep_slashes_but_not_dot_segments(graph, demo):
    demo(graph.client()).by_path("folder/file #1.txt")
    assert graph.request.url.path.endswith("/drive/root:/folder/file #1.txt:")
    with pytest.raises(ValueError, match="item_path"):
        demo(graph.client()).by_path("folder/../secret")


EMPTY_CALLS = {
    "positional": lambda ops: ops.get(""),
    "keyword": lambda ops: ops.get("a", user_id=""),
    "function": lambda ops: ops.report(""),
    "path": lambda ops: ops.by_path(""),
}


@pytest.mark.parametrize("call", EMPTY_CALLS.values(), ids=EMPTY_CALLS.keys())
def test_an_empty_path_parameter_raises_before_any_request(graph, demo, call):
    with pytest.raises(ValueError, match="must not be empty"):
        call(demo(graph.client()))
    assert graph.requests == []


def test_the_path_variant_follows_the_arguments(graph, demo):
    ops = demo(graph.client())
    ops.get("a")
    ops.get("a", user_id="ada@contoso.com")
    ops.get("a", user_id="u1", variant="/users/{user_id}/items/{item_id}")
    assert [r.url.path.removeprefix(httpx.URL(BASE).path) for r in graph.requests] == [
        "/items/a",
        "/users/ada@contoso.com/items/a",
        "/users/u1/items/a",
    ]
    with pytest.raises(ValueError, match="variant"):
        ops.get("a", variant="/nowhere")
    assert len(graph.requests) == 3


# --- binary content -----------------------------------------------------------------------


def test_a_download_returns_bytes(graph, demo):
    graph.reply(httpx.Response(200, content=b"\x89PNG\x00", headers={"Content-Type": "image/png"}))
    assert demo(graph.client()).download("a") == b"\x89PNG\x00"


def test_a_streamed_download_is_read_in_chunks(graph, demo):
    data = bytes(range(256)) * 1000
    graph.reply(
        httpx.Response(200, content=data, headers={"Content-Type": "application/octet-stream"})
    )
    with demo(graph.client().with_streaming_response).download("a") as response:
        assert response.status_code == 200
        chunks = list(response.iter_bytes(chunk_size=4096))
    assert b"".join(chunks) == data and len(chunks) > 1


def test_a_streamed_download_raises_typed_errors(graph, demo):
    graph.reply(httpx.Response(403, json={"error": {"code": "accessDenied"}}))
    with pytest.raises(graphdoc_client.PermissionDeniedError) as caught:
        with demo(graph.client().with_streaming_response).download("a"):
            pass
    assert caught.value.code == "accessDenied"


def test_an_upload_sends_bytes_with_their_content_type(graph, demo):
    graph.reply(httpx.Response(201, json={"id": "f"}))
    assert demo(graph.client()).upload("a", content=b"hello", content_type="text/plain") == {
        "id": "f"
    }
    request = graph.request
    assert (request.method, request.content, request.headers["content-type"]) == (
        "PUT",
        b"hello",
        "text/plain",
    )


def test_an_upload_streams_a_file_object(graph, demo, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF" * 50_000)
    with path.open("rb") as file:
        demo(graph.client()).upload("a", content=file, content_type="application/pdf")
    request = graph.request
    assert request.content == path.read_bytes()
    assert request.headers["content-length"] == str(path.stat().st_size)
    assert request.headers["content-type"] == "application/pdf"


def test_an_upload_refuses_text(graph, demo):
    with pytest.raises(TypeError, match="bytes or a binary file"):
        demo(graph.client()).upload("a", content="text")  # type: ignore[arg-type]
    assert graph.requests == []


# --- what a broken server or a bad value can still do -------------------------------------


@pytest.mark.parametrize("status", [503, 504])
def test_a_post_is_not_sent_again_after_a_5xx_unless_the_caller_opts_in(graph, demo, status):
    graph.reply(httpx.Response(status), httpx.Response(201, json={"id": "new"}))
    with pytest.raises(graphdoc_client.InternalServerError):
        demo(graph.client()).create(body={"subject": "hi"})
    assert len(graph.requests) == 1
    graph.requests.clear()
    client = graph.client().with_options(retry_non_idempotent=True)
    assert demo(client).create(body={}) == {"id": "new"}
    assert len(graph.requests) == 2


def test_a_post_is_sent_again_after_a_429(graph, demo):
    graph.reply(httpx.Response(429, headers={"Retry-After": "0"}), httpx.Response(201, json={}))
    assert demo(graph.client()).create(body={}) == {}
    assert len(graph.requests) == 2


@pytest.mark.parametrize("bad", ["\n", "\r\n", " x", "\x00", "é"])
def test_a_token_that_cannot_be_a_header_raises_without_showing_it(graph, demo, token, bad):
    with pytest.raises(graphdoc_client.InvalidHeaderError) as caught:
        demo(graph.client(token=token + bad)).get("a")
    assert graph.requests == []  # nothing sent, nothing retried
    assert token not in str(caught.value) and token not in repr(caught.value)
    assert isinstance(caught.value, GraphError) and isinstance(caught.value, ValueError)


def test_a_header_value_with_a_newline_is_refused_before_sending(graph, demo):
    with pytest.raises(graphdoc_client.InvalidHeaderError, match="'X-Note'"):
        demo(graph.client()).get("a", headers={"X-Note": "one\r\nInjected: yes"})
    assert graph.requests == []


def test_a_page_loop_raises_instead_of_iterating_for_ever(graph, demo, make_page):
    graph.reply(
        make_page([1], BASE + "/items?page=2"),
        make_page([2], BASE + "/items?page=3"),
        make_page([3], BASE + "/items?page=2"),
    )
    seen = []
    with pytest.raises(graphdoc_client.PagingLoopError) as caught:
        for item in demo(graph.client()).list():
            seen.append(item)
    assert seen == [1, 2, 3] and caught.value.link == BASE + "/items?page=2"
    assert len(graph.requests) == 3


def test_a_page_linking_to_itself_raises(graph, demo, make_page):
    graph.reply(lambda request: make_page([1], str(request.url)))
    with pytest.raises(graphdoc_client.PagingLoopError):
        list(demo(graph.client()).list())
    assert len(graph.requests) == 1


def test_invalid_json_on_a_success_raises_a_typed_error_with_the_response(graph, demo):
    graph.reply(
        httpx.Response(200, content=b'{"id": ', headers={"Content-Type": "application/json"})
    )
    with pytest.raises(graphdoc_client.InvalidResponseError) as caught:
        demo(graph.client()).get("a")
    assert isinstance(caught.value, GraphError)
    assert caught.value.response.content == b'{"id": ' and caught.value.status_code == 200


def test_a_redirect_loop_raises_a_typed_error(graph, demo):
    graph.reply(lambda request: httpx.Response(302, headers={"Location": str(request.url)}))
    with pytest.raises(graphdoc_client.TooManyRedirectsError) as caught:
        demo(graph.client()).get("a")
    assert isinstance(caught.value, GraphError) and caught.value.request.url.path.endswith("/a")


# --- batches, uploads, delta links and request() ------------------------------------------


def test_a_batch_sends_queued_calls_together_split_at_20_and_retries_throttled_items(
    graph, demo, waits, token
):
    from .conftest import BatchService

    service = BatchService("/items/t")
    client = graph.reply(service).client()
    with client.batch() as batch:
        first = demo(batch).get("a")
        after = demo(batch).create(body={"name": "n"}, depends_on=first)
        throttled = demo(batch).get("t")
        missing = demo(batch).get("missing")
        more = [demo(batch).get(f"x{n}") for n in range(20)]
        assert not first.done()
    assert (first.result(), after.result(), throttled.result()) == (
        {"id": "a"},
        {"id": "items"},
        {"id": "t"},
    )
    with pytest.raises(graphdoc_client.NotFoundError) as caught:
        missing.result()
    assert caught.value.code == "itemNotFound"
    assert more[-1].result() == {"id": "x19"}
    assert [len(items) for items in service.batches] == [20, 4, 1]
    assert service.batches[0][1]["dependsOn"] == ["1"]
    assert service.batches[0][1]["body"] == {"name": "n"}
    assert service.batches[2][0]["url"] == "/items/t"
    assert waits == [3.0]
    assert all(r.headers["authorization"] == "Bearer " + token for r in graph.requests)


def test_an_upload_goes_in_320_kib_chunks_and_resumes_after_an_interrupted_one(graph):
    from .conftest import UploadService

    unit = 320 * 1024
    data = bytes(range(256)) * (3 * unit // 256) + b"end"
    service = UploadService(len(data), interrupt_at=unit)
    progress = []
    with graph.reply(service).client(max_retries=0) as client:
        item = client.upload(
            io.BytesIO(data),
            item_path="Documents/big.bin",
            simple_limit=0,
            chunk=unit,
            progress=lambda sent, total: progress.append(sent),
        )
    assert item == {"id": "uploaded", "size": len(data)}
    assert bytes(service.received) == data
    assert service.ranges[0] == f"bytes 0-{unit - 1}/{len(data)}"
    assert progress == [unit, 2 * unit, 3 * unit, len(data)]
    assert (
        graph.requests[0].url.path
        == httpx.URL(BASE).path + "/me/drive/root:/Documents/big.bin:/createUploadSession"
    )
    assert service.tokens_elsewhere == []  # the uploadUrl is pre-authenticated


def test_small_uploads_take_one_request(graph):
    graph.reply(lambda request: httpx.Response(201, json={"id": "f", "size": len(request.content)}))
    with graph.client() as client:
        assert client.upload(b"hello", parent_id="folder", name="a b.txt") == {"id": "f", "size": 5}
    assert graph.request.method == "PUT"
    assert (
        graph.request.url.raw_path
        == httpx.URL(BASE).raw_path + b"/me/drive/items/folder:/a%20b.txt:/content"
    )


def test_follow_sends_a_delta_link_as_it_is_and_request_keeps_the_token_on_graph(graph, make_page):
    link = BASE + "/items/delta()?$deltatoken=a%2Bb%3D"
    graph.reply(make_page([{"id": "changed"}], **{"@odata.deltaLink": link + "2"}))
    with graph.client() as client:
        changes = client.follow(link)
        assert changes.items == [{"id": "changed"}] and changes.delta_link == link + "2"
        assert str(graph.requests[0].url) == link
        client.request("GET", "https://files.example/download/1")
        client.request("POST", "/items", json={"a": 1}, params={"$select": "id"})
    assert "authorization" in graph.requests[0].headers
    assert "authorization" not in graph.requests[1].headers
    assert graph.requests[2].url.raw_path == httpx.URL(BASE).raw_path + b"/items?$select=id"
    assert json.loads(graph.requests[2].content) == {"a": 1}
