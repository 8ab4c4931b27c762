"""Raw, streamed and batched responses: ``client.with_raw_response``,
``client.with_streaming_response`` and the calls of a ``client.batch()`` block.

``client.with_raw_response.<group>.<method>(...)`` returns a :class:`RawResponse` (status,
headers, request id, the :class:`httpx.Response`, and ``parse()`` for what the plain call
returns). ``client.with_streaming_response.<group>.<method>(...)`` is a context manager
(``async with`` on the async client) giving a :class:`StreamedResponse` whose body is
read in chunks, for large downloads. A status outside 2xx still raises the typed error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Generic, Iterator, TypeVar

from ._errors import BatchError, GraphError

if TYPE_CHECKING:
    from contextlib import AbstractAsyncContextManager, AbstractContextManager

    import httpx

__all__ = ["BatchResult", "RawResponse", "StreamedResponse"]

Parsed = TypeVar("Parsed", covariant=True)


class RawResponse(Generic[Parsed]):
    """An answer as received, with ``parse()`` giving what the plain call would return.

    Its type parameter is that return type: ``client.with_raw_response.message.get(...)``
    is a ``RawResponse[Message]``, so ``parse()`` is typed as the plain call is.
    """

    __slots__ = ("http_response", "_parser")

    def __init__(
        self, response: httpx.Response, parser: Callable[[httpx.Response], Parsed]
    ) -> None:
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

    def parse(self) -> Parsed:
        """The parsed JSON (a page for list operations), bytes, or ``None`` for an empty body."""
        return self._parser(self.http_response)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}]>"


class StreamedResponse(RawResponse[Parsed]):
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


class BatchResult(Generic[Parsed]):
    """One queued call: ``result()`` returns what the call would have returned, or
    raises the typed error of the status its item was answered with.

    Its type parameter is that return type: ``batch.message.get(...)`` is a
    ``BatchResult[Message]``, so ``result()`` is typed as the plain call is."""

    __slots__ = ("id", "request", "_parser", "depends_on", "response", "error")

    def __init__(
        self,
        id: str,
        request: httpx.Request,
        parser: Callable[[Any], Parsed],
        depends_on: list[BatchResult[Any]],
    ) -> None:
        self.id = id  # the item's id in the batch
        self.request = request
        self._parser = parser
        self.depends_on = depends_on
        self.response: httpx.Response | None = None  # the item's answer, once received
        self.error: GraphError | None = None  # why it has none: the batch answer left it out

    def done(self) -> bool:
        return self.response is not None or self.error is not None

    @property
    def status_code(self) -> int | None:
        return None if self.response is None else self.response.status_code

    def result(self) -> Parsed:
        if self.error is not None:
            raise self.error
        if self.response is None:
            raise BatchError(f"batch item {self.id} has no answer: the batch was not sent yet")
        return self._parser(self.response)

    def __repr__(self) -> str:
        state = "pending" if not self.done() else str(self.status_code or "error")
        return f"<BatchResult {self.id} {self.request.method} {self.request.url.path} {state}>"


if TYPE_CHECKING:
    from typing import TypeAlias

    # How the streaming clients' methods are typed in the groups' stub modules.
    _T = TypeVar("_T")
    Streamed: TypeAlias = AbstractContextManager[StreamedResponse[_T]]
    AsyncStreamed: TypeAlias = AbstractAsyncContextManager[StreamedResponse[_T]]
