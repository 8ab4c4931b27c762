"""Replays a documented example through the client against ``httpx.MockTransport``."""

from __future__ import annotations

import json
from typing import Any, Callable

import httpx
import pytest

from graphdoc_client import GraphClient

BASE_URL = "https://graph.microsoft.com/v1.0"


class Replay:
    """Checks that a call sends the documented request and returns the documented body."""

    def __call__(
        self,
        call: Callable[[GraphClient], Any],
        *,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        response: dict[str, Any],
        json_body: Any = None,
        content: bytes | None = None,
    ) -> Any:
        seen: list[httpx.Request] = []

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            body = response.get("json")
            content = (
                json.dumps(body).encode() if body is not None else response.get("content", b"")
            )
            return httpx.Response(
                response["status"], headers=response.get("headers", {}), content=content
            )

        with GraphClient(
            token="replay-token", base_url=BASE_URL, transport=httpx.MockTransport(handler)
        ) as client:
            result = call(client)
        assert len(seen) == 1, f"expected one request, got {len(seen)}"
        request = seen[0]
        assert request.method == method
        assert request.url.path == httpx.URL(BASE_URL).path + path
        assert sorted(request.url.params.multi_items()) == sorted(query)
        assert request.headers["authorization"] == "Bearer replay-token"
        if json_body is not None:
            assert json.loads(request.content) == json_body
        elif content is not None:
            assert request.content == content
        else:
            assert request.content == b""
        return result


@pytest.fixture
def replay() -> Replay:
    return Replay()
