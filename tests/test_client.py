"""The generated client (the committed ``generated/`` package) as its users call it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import graphdoc_client
import httpx
import pytest
from graphdoc_client import GraphClient

from .conftest import REPO


class Recorder:
    def __init__(self, *replies: httpx.Response) -> None:
        self.requests: list[httpx.Request] = []
        self.replies = list(replies) or [httpx.Response(204)]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.replies[min(len(self.requests), len(self.replies)) - 1]

    def client(self, **kwargs: Any) -> GraphClient:
        return GraphClient(
            token=kwargs.pop("token", "secret-token"), transport=httpx.MockTransport(self), **kwargs
        )


def test_variant_is_chosen_from_the_arguments_given():
    recorder = Recorder(httpx.Response(202))
    client = recorder.client()
    assert client.message.send("m1") is None
    assert client.message.send("m1", user_id="ada@contoso.com") is None
    paths = [request.url.path for request in recorder.requests]
    assert paths == ["/v1.0/me/messages/m1/send", "/v1.0/users/ada@contoso.com/messages/m1/send"]
    assert all(request.method == "POST" for request in recorder.requests)


def test_an_undocumented_combination_is_refused_before_any_request():
    recorder = Recorder()
    with pytest.raises(TypeError, match="no documented path"):
        recorder.client().drive_item.put_content(parent_id="root", content=b"x")
    assert recorder.requests == []


@pytest.mark.parametrize("value", ["a/b", "x?y=1", "frag#ment", "100%", "../users", "..", "."])
def test_path_parameters_cannot_change_the_path(value):
    recorder = Recorder(httpx.Response(200, json={}))
    recorder.client().message.get(value)
    request = recorder.requests[0]
    assert request.url.raw_path.decode().count("/") == 4  # /v1.0/me/messages/<one segment>
    assert request.url.query == b""
    assert request.url.fragment == ""
    assert request.url.path == "/v1.0/me/messages/" + value


def test_an_empty_path_parameter_raises_before_any_request():
    recorder = Recorder()
    with pytest.raises(ValueError, match="message_id"):
        recorder.client().message.get("")
    assert recorder.requests == []


def test_query_options_and_headers():
    recorder = Recorder(httpx.Response(200, json={"value": []}))
    recorder.client().user.list(
        select=["id", "displayName"],
        filter="startswith(displayName,'A B')",
        top=5,
        count=True,
        orderby=["displayName"],
        headers={"ConsistencyLevel": "eventual"},
        params={"$skiptoken": "x"},
    )
    request = recorder.requests[0]
    assert request.url.params.multi_items() == [
        ("$select", "id,displayName"),
        ("$filter", "startswith(displayName,'A B')"),
        ("$orderby", "displayName"),
        ("$top", "5"),
        ("$count", "true"),
        ("$skiptoken", "x"),
    ]
    assert request.headers["ConsistencyLevel"] == "eventual"


def test_function_parameters_are_quoted():
    recorder = Recorder(
        httpx.Response(200, content=b"a,b\n", headers={"Content-Type": "application/octet-stream"})
    )
    assert recorder.client().report_root.get_email_activity_counts("D7'x") == b"a,b\n"
    assert recorder.requests[0].url.path == "/v1.0/reports/getEmailActivityCounts(period='D7''x')"


def test_json_body_binary_upload_and_download():
    recorder = Recorder(
        httpx.Response(202),
        httpx.Response(201, json={"id": "f1"}),
        httpx.Response(
            200, content=b"\x00\x01", headers={"Content-Type": "application/octet-stream"}
        ),
    )
    client = recorder.client()
    client.user.send_mail(body={"message": {"subject": "Hi"}})
    assert client.drive_item.put_content(
        item_id="f1", content=b"hello", content_type="text/plain"
    ) == {"id": "f1"}
    assert client.drive_item.get_content(item_id="f1") == b"\x00\x01"
    sent, upload, download = recorder.requests
    assert json.loads(sent.content) == {"message": {"subject": "Hi"}}
    assert sent.headers["content-type"] == "application/json"
    assert (upload.method, upload.url.path, upload.content) == (
        "PUT",
        "/v1.0/me/drive/items/f1/content",
        b"hello",
    )
    assert upload.headers["content-type"] == "text/plain"
    assert download.url.path == "/v1.0/me/drive/items/f1/content"


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
        (503, "InternalServerError"),
        (418, "APIStatusError"),
    ],
)
def test_typed_errors_carry_the_odata_error_and_request_id(status, error):
    body = {"error": {"code": "ErrorCode", "message": "What went wrong"}}
    recorder = Recorder(httpx.Response(status, json=body, headers={"request-id": "r-1"}))
    with pytest.raises(graphdoc_client.APIStatusError) as caught:
        recorder.client().message.get("m1")
    assert type(caught.value).__name__ == error
    assert (caught.value.status_code, caught.value.code, caught.value.message) == (
        status,
        "ErrorCode",
        "What went wrong",
    )
    assert caught.value.request_id == "r-1"
    assert "secret-token" not in str(caught.value)


def test_connection_errors_are_typed():
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client = GraphClient(token="t", transport=httpx.MockTransport(fail))
    with pytest.raises(graphdoc_client.APIConnectionError):
        client.message.get("m1")


class FakeCredential:
    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str) -> Any:
        self.calls.append(scopes)
        token = f"token-{len(self.calls)}"
        return type("AccessToken", (), {"token": token, "expires_on": 4102444800})()


def test_credential_token_is_cached_and_refreshed_once_on_401():
    credential = FakeCredential()
    recorder = Recorder(
        httpx.Response(200, json={}), httpx.Response(401), httpx.Response(200, json={"ok": 1})
    )
    client = GraphClient(credential=credential, transport=httpx.MockTransport(recorder))
    client.message.get("m1")
    assert client.message.get("m2") == {"ok": 1}
    assert credential.calls == [("https://graph.microsoft.com/.default",)] * 2
    assert [r.headers["authorization"] for r in recorder.requests] == [
        "Bearer token-1",
        "Bearer token-1",
        "Bearer token-2",
    ]


def test_token_never_shows_in_repr():
    client = GraphClient(token="secret-token")
    assert "secret-token" not in repr(client) and "secret-token" not in repr(client.message)
    assert "secret-token" not in repr(vars(client))


def test_import_needs_only_the_standard_library_and_httpx():
    code = (  # whatever httpx itself pulls in is httpx's; the package may add only the standard library
        "import sys, httpx\n"
        "before = set(sys.modules)\n"
        "import graphdoc_client\n"
        "allowed = set(sys.stdlib_module_names) | {'graphdoc_client'}\n"
        "print(sorted({m.split('.')[0] for m in set(sys.modules) - before} - allowed))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO / "generated"
    )
    assert run.stdout.strip() == "[]", run.stdout + run.stderr


def test_groups_load_lazily():
    code = (
        "import sys, graphdoc_client\n"
        "client = graphdoc_client.GraphClient(token='t')\n"
        "before = 'graphdoc_client.groups.message' in sys.modules\n"
        "client.message\n"
        "print(before, 'graphdoc_client.groups.message' in sys.modules, 'graphdoc_client.groups.user' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO / "generated"
    )
    assert run.stdout.split() == ["False", "True", "False"], run.stderr


def test_the_async_client_serves_the_same_groups():
    import asyncio

    recorder = Recorder(httpx.Response(202), httpx.Response(200, json={"id": "m1"}))

    async def scenario() -> Any:
        async with graphdoc_client.AsyncGraphClient(
            token="secret-token", transport=httpx.MockTransport(recorder)
        ) as client:
            assert type(client.message) is type(GraphClient(token="t").message)
            assert await client.message.send("m1") is None
            return await client.message.get("m1")

    assert asyncio.run(scenario()) == {"id": "m1"}
    assert [r.url.path for r in recorder.requests] == [
        "/v1.0/me/messages/m1/send",
        "/v1.0/me/messages/m1",
    ]


def test_list_operations_return_pages_that_follow_next_links():
    link = "https://graph.microsoft.com/v1.0/users?$skiptoken=X%2BY"
    recorder = Recorder(
        httpx.Response(200, json={"value": [{"id": "a"}], "@odata.nextLink": link}),
        httpx.Response(200, json={"value": [{"id": "b"}]}),
    )
    page = recorder.client().user.list(top=1)
    assert isinstance(page, graphdoc_client.Page) and page.next_link == link
    assert [user["id"] for user in page] == ["a", "b"]
    assert str(recorder.requests[1].url) == link
    assert recorder.requests[1].headers["authorization"] == "Bearer secret-token"


def test_only_get_collections_are_paged():
    from graphdoc_client.groups import message, user

    users, messages = user._ENDPOINTS, message._ENDPOINTS
    assert users["list"].paged and users["list_messages"].paged
    assert not (users["get"].paged or users["post_messages"].paged or messages["get"].paged)


def test_raw_responses_and_retries_on_generated_groups(monkeypatch):
    from graphdoc_client import _retry

    monkeypatch.setattr(_retry, "sleep", lambda seconds: None)
    recorder = Recorder(
        httpx.Response(429, headers={"Retry-After": "1"}),
        httpx.Response(200, json={"id": "m1"}, headers={"request-id": "r-7"}),
    )
    raw = recorder.client().with_raw_response.message.get("m1")
    assert (raw.status_code, raw.request_id, raw.parse()) == (200, "r-7", {"id": "m1"})
    assert len(recorder.requests) == 2


def test_a_package_without_operations_renders_without_examples():
    from generator.render.package import render_package

    files = render_package([], {}, "empty_pkg", "v1.0").files
    assert "```python" not in files["README.md"] and "client.None" not in files["README.md"]
    assert "tests/client_runtime/test_readme.py" in files


def test_error_messages_quote_a_bounded_part_of_the_body():
    recorder = Recorder(httpx.Response(500, text="E" * 100_000))
    with pytest.raises(graphdoc_client.InternalServerError) as caught:
        recorder.client(max_retries=0).message.get("m1")
    assert len(str(caught.value)) < 1_000


def test_request_bodies_and_tokens_never_reach_the_logs(caplog, monkeypatch):
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "0"}), httpx.Response(202))
    with caplog.at_level("DEBUG"):
        recorder.client().user.send_mail(body={"message": {"subject": "SECRET-BODY"}})
    assert len(recorder.requests) == 2  # retried once, so the retry path logged
    assert caplog.records
    assert "SECRET-BODY" not in caplog.text and "secret-token" not in caplog.text


def test_contract_names_agree():
    """The spelled-out sets of the runtime contract are the unions they stand for."""
    from generator.runtime import _contract as contract

    assert contract.NOT_PATH == {"self", "options", *contract.PAYLOAD}
    assert contract.RESERVED_PARAMETERS == {
        *contract.NOT_PATH,
        *contract.QUERY_OPTIONS,
        *contract.CALL_OPTIONS,
    }
    assert contract.LIST_OPTIONS <= set(contract.QUERY_OPTIONS)
    row = contract.TableRow("get", "GET", ("/me", "/users/{user_id}?$x=1"), {"p": "path"}, True)
    assert contract.read_table(contract.table_entry(row)) == [row]


def test_the_options_contract_matches_request_options():
    """``_call`` refuses any keyword that RequestOptions does not declare."""
    from generator.runtime import _contract as contract
    from generator.runtime._runtime import RequestOptions

    assert contract.OPTIONS == set(RequestOptions.__annotations__)
    assert contract.OPTIONS == {*contract.QUERY_OPTIONS, *contract.CALL_OPTIONS}


def test_importing_the_package_loads_no_heavy_module():
    """``import graphdoc_client`` stays cheap: no group, no types, no permissions data, and
    none of the standard library's heavier modules (a runtime change once pulled in
    ``inspect``, and with it ``ast`` and ``dis``)."""
    code = (
        "import sys; before = set(sys.modules); import graphdoc_client; "
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "generated")}
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    heavy = {"inspect", "ast", "dis", "asyncio", "json"} & set(loaded)
    ours = [name for name in loaded if name.startswith("graphdoc_client.")]
    assert not heavy, heavy
    assert not any(part in name for name in ours for part in (".groups.", ".types", "permission"))


# --- options, batches and pages as hostile answers leave them (issue 29) -----------------


def _batch_answer(*responses: Any) -> httpx.Response:
    return httpx.Response(200, json={"responses": list(responses)})


def test_every_request_option_works_on_a_generated_method_too():
    """``depends_on=``, ``timeout=``, ``max_response_size=`` and ``deadline=``, documented for
    ``request()`` "as on a generated method", are accepted by generated methods."""
    recorder = Recorder(
        _batch_answer(
            {"id": "1", "status": 200, "body": {"id": "m1"}},
            {"id": "2", "status": 202},
        )
    )
    with recorder.client() as client:
        with client.batch() as batch:
            first = batch.message.get("m1", timeout=5, max_response_size=10_000, deadline=30)
            second = batch.message.send("m1", depends_on=first)
            third = batch.request("GET", "/me", depends_on=[first, second], deadline=30)
        assert first.result() == {"id": "m1"} and second.result() is None
    sent = json.loads(recorder.requests[0].content)["requests"]
    assert sent[1]["dependsOn"] == ["1"] and sent[2]["dependsOn"] == ["1", "2"]
    assert third.error is not None  # left out of the answer: a BatchError, not a crash
    outside = Recorder(httpx.Response(200, json={"id": "m1"}))
    assert outside.client().message.get("m1", max_response_size=100, deadline=5) == {"id": "m1"}
    with pytest.raises(graphdoc_client.ResponseTooLargeError):
        Recorder(httpx.Response(200, json={"id": "m" * 200})).client().message.get(
            "m1", max_response_size=100
        )


@pytest.mark.parametrize(
    "status, headers",
    [("abc", None), (None, None), ("1e400", None), (200, ["a", "b"]), (99, None), (True, None)],
)
def test_a_malformed_batch_item_is_that_items_batch_error(status, headers):
    item: dict[str, Any] = {"id": "1", "body": {"id": "x"}}
    text = json.dumps({"responses": [item, {"id": "2", "status": 200, "body": {"id": "ok"}}]})
    text = text.replace(
        '"body"', f'"status": {json.dumps(status)}, "headers": ' f'{json.dumps(headers)}, "body"', 1
    )
    if status == "1e400":
        text = text.replace('"1e400"', "1e400")
    recorder = Recorder(
        httpx.Response(200, content=text.encode(), headers={"Content-Type": "application/json"})
    )
    with recorder.client() as client:
        with client.batch() as batch:
            broken, fine = batch.message.get("m1"), batch.message.get("m2")
    with pytest.raises(graphdoc_client.BatchError):
        broken.result()
    assert fine.result() == {"id": "ok"}


@pytest.mark.parametrize("content", [b"not json", b"[1, 2]", b'"text"', b"[" * 100_000])
def test_a_batch_answer_that_is_no_object_is_one_typed_error(content):
    recorder = Recorder(
        httpx.Response(200, content=content, headers={"Content-Type": "application/json"})
    )
    with recorder.client() as client:
        with pytest.raises(graphdoc_client.InvalidResponseError):
            with client.batch() as batch:
                batch.message.get("m1")


def test_a_batch_item_echoing_the_token_does_not_show_it():
    recorder = Recorder(
        _batch_answer(
            {
                "id": "1",
                "status": 500,
                "headers": {"X-Echo": "Bearer secret-token"},
                "body": {"error": {"code": "Echo", "message": "Bearer secret-token"}},
            }
        )
    )
    with recorder.client(max_retries=0) as client:
        with client.batch() as batch:
            item = batch.message.get("m1")
    with pytest.raises(graphdoc_client.InternalServerError) as caught:
        item.result()
    error = caught.value
    assert error.code == "Echo"
    texts = [str(error), repr(error), *map(str, error.args), str(error.body), error.response.text]
    texts += [f"{k}: {v}" for k, v in error.response.headers.items()]
    assert not [text for text in texts if "secret-token" in text]


@pytest.mark.parametrize("link", [12, ["https://graph.microsoft.com/v1.0/users"], {"a": 1}])
def test_a_next_link_that_is_not_a_string_is_a_typed_error(link):
    recorder = Recorder(httpx.Response(200, json={"value": [{"id": "a"}], "@odata.nextLink": link}))
    page = recorder.client().user.list(top=1)
    assert "Page" in repr(page)
    with pytest.raises(graphdoc_client.InvalidResponseError):
        list(page)
    assert len(recorder.requests) == 1
