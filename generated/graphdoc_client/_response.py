"""Raw and streamed responses: ``client.with_raw_response`` and ``client.with_streaming_response``.

``client.with_raw_response.<group>.<method>(...)`` returns a :class:`RawResponse` (status,
headers, request id, the :class:`httpx.Response`, and ``parse()`` for what the plain call
returns). ``client.with_streaming_response.<group>.<method>(...)`` is a context manager
(``async with`` on the async client) giving a :class:`StreamedResponse` whose body is
read in chunks, for large downloads. A status outside 2xx still raises the typed error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Iterator

if TYPE_CHECKING:
    import httpx

__all__ = ["RawResponse", "StreamedResponse"]


class RawResponse:
    """An answer as received, with ``parse()`` giving what the plain call would return."""

    __slots__ = ("http_response", "_parser")

    def __init__(self, response: httpx.Response, parser: Callable[[httpx.Response], Any]) -> None:
        self.http_response = response
        self._parser = parser

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        found: str | None = self.http_response.headers.get("request-id")
        return found

    @property
    def content(self) -> bytes:
        return self.http_response.content

    def parse(self) -> Any:
        """The parsed JSON (a page for list operations), bytes, or ``None`` for an empty body."""
        return self._parser(self.http_response)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}]>"


class StreamedResponse(RawResponse):
    """An answer whose body is not read yet: iterate it, or ``read()`` it before ``parse()``."""

    __slots__ = ()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def read(self) -> bytes:
        return self.http_response.read()

    def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    async def aread(self) -> bytes:
        return await self.http_response.aread()
