"""Replays documented examples through the client against ``httpx.MockTransport``.

Each ``test_<group>.py`` module reads its examples' bodies from ``examples/<group>.json``
(request body and headers, the reply); the module itself states the call and the request
it must send.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import httpx
import pytest

from graphdoc_client import APIStatusError, GraphClient

BASE_URL = "https://graph.microsoft.com/v1.0"


def _reply(example: dict[str, Any]) -> tuple[httpx.Response, Any]:
    """The documented response, and the value the client must return for it."""
    response = example["response"]
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


class Replay:
    """Checks that a call sends the documented request and returns the documented body."""

    def __call__(
        self,
        call: Callable[[GraphClient], Any],
        example: dict[str, Any],
        *,
        method: str,
        path: str,
        query: list[tuple[str, str]],
    ) -> None:
        seen: list[httpx.Request] = []
        reply, expected = _reply(example)
        replies = [reply]
        redirect = example.get("redirect")
        if redirect is not None:  # the documented 3xx comes first; the client follows it
            replies.insert(0, httpx.Response(redirect["status"], headers=redirect["headers"]))

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return replies[len(seen) - 1]

        with GraphClient(
            token="replay-token", base_url=BASE_URL, transport=httpx.MockTransport(handler)
        ) as client:
            if reply.status_code >= 400:  # a documented error: the client raises it, typed
                with pytest.raises(APIStatusError) as raised:
                    call(client)
                assert raised.value.status_code == reply.status_code
                result = expected = None
            else:
                result = call(client)
        assert len(seen) == len(replies), f"expected {len(replies)} requests, got {len(seen)}"
        if redirect is not None:
            followed = seen[1]
            assert followed.url == httpx.URL(redirect["headers"]["Location"])
            if followed.url.host != seen[0].url.host:
                assert "authorization" not in followed.headers  # the token stays with Graph
        request = seen[0]
        assert request.method == method
        assert request.url.path == httpx.URL(BASE_URL).path + path
        assert sorted(request.url.params.multi_items()) == sorted(query)
        assert request.headers["authorization"] == "Bearer replay-token"
        for name, value in example.get("headers", {}).items():
            assert request.headers[name] == value
        if "body" in example:
            assert json.loads(request.content) == example["body"]
        elif "content" in example:
            assert request.content == example["content"].encode()
        else:
            assert request.content == b""
        assert result == expected


@pytest.fixture
def replay() -> Replay:
    return Replay()
