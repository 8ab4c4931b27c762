"""Replays documented examples through the client against ``httpx.MockTransport``.

A record of ``examples/<group>.json`` says which operation to call and with which
arguments, the request the call must send (method, path, query, headers, body) and the
documented reply; :class:`Replay` makes the call and checks both sides.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from graphdoc_client import APIStatusError, GraphClient

BASE_URL = "https://graph.microsoft.com/v1.0"


def _reply(record: dict[str, Any]) -> tuple[httpx.Response, Any]:
    """The documented response, and the value the client must return for it."""
    response = record["response"]
    headers = response.get("headers", {})
    if "json" in response:
        content = json.dumps(response["json"]).encode()
        expected = response["json"]
    else:
        content = response.get("text", "").encode()
        expected = content
    if response["status"] == 204 or not content:
        expected = None
    return httpx.Response(response["status"], headers=headers, content=content), expected


def _arguments(record: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """The call's arguments: the record's own, plus the documented headers and body."""
    call, request = record["call"], record["request"]
    args, kwargs = list(call["args"]), dict(call["kwargs"])
    if "headers" in request:
        kwargs["headers"] = request["headers"]
    if "body" in request:
        kwargs["body"] = request["body"]
    if "content" in request:
        kwargs[call["content_argument"]] = request["content"].encode()
    return args, kwargs


def _shown(group: str, record: dict[str, Any]) -> str:
    """The call as a reader would write it, for failure messages."""
    args, kwargs = _arguments(record)
    shown = [repr(value) for value in args] + [
        f"{name}={value!r}" for name, value in kwargs.items()
    ]
    return f"client.{group}.{record['operation']}({', '.join(shown)})"[:400]


class Replay:
    """Checks that a call sends the documented request and returns the documented body."""

    def __call__(self, group: str, record: dict[str, Any]) -> None:
        seen: list[httpx.Request] = []
        reply, expected = _reply(record)
        replies = [reply]
        redirect = record.get("redirect")
        if redirect is not None:  # the documented 3xx comes first; the client follows it
            replies.insert(0, httpx.Response(redirect["status"], headers=redirect["headers"]))

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return replies[len(seen) - 1]

        args, kwargs = _arguments(record)
        where = f"example {record['example']!r} ({record['source']}): {_shown(group, record)}"
        transport = httpx.MockTransport(handler)
        with GraphClient(token="replay-token", base_url=BASE_URL, transport=transport) as client:
            operation = getattr(getattr(client, group), record["operation"])
            if reply.status_code >= 400:  # a documented error: the client raises it, typed
                with pytest.raises(APIStatusError) as raised:
                    operation(*args, **kwargs)
                assert raised.value.status_code == reply.status_code, where
                result = expected = None
            else:
                result = operation(*args, **kwargs)
        assert len(seen) == len(
            replies
        ), f"{where}: expected {len(replies)} requests, got {len(seen)}"
        if redirect is not None:
            followed = seen[1]
            assert followed.url == httpx.URL(redirect["headers"]["Location"]), where
            if followed.url.host != seen[0].url.host:
                assert "authorization" not in followed.headers, where  # the token stays with Graph
        sent, request = seen[0], record["request"]
        assert sent.method == request["method"], where
        assert sent.url.path == httpx.URL(BASE_URL).path + request["path"], where
        query = sorted(tuple(pair) for pair in request["query"])
        assert sorted(sent.url.params.multi_items()) == query, where
        assert sent.headers["authorization"] == "Bearer replay-token", where
        for name, value in request.get("headers", {}).items():
            assert sent.headers[name] == value, where
        if "body" in request:
            assert json.loads(sent.content) == request["body"], where
        elif "content" in request:
            assert sent.content == request["content"].encode(), where
        else:
            assert sent.content == b"", where
        if isinstance(result, bytes):  # a download: the body as it came, b"" when empty
            expected = reply.content
        assert result == expected, where


@pytest.fixture
def replay() -> Replay:
    return Replay()
