"""Raw and streamed responses: ``client.with_raw_response`` and ``client.with_streaming_response``.

``client.with_raw_response.<group>.<method>(...)`` returns a :class:`RawResponse` (status,
headers, request id, the :class:`httpx.Response`, and ``parse()`` for what the plain call
returns). ``client.with_streaming_response.<group>.<method>(...)`` is a context manager
(``async with`` on the async client) giving a :class:`StreamedResponse` whose body is
read in chunks, for large downloads. A status outside 2xx still raises the typed error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Generic, Iterator, TypeVar

if TYPE_CHECKING:
    from contextlib import AbstractAsyncContextManager, AbstractContextManager
    from typing import Awaitable, Concatenate, Coroutine, ParamSpec, Protocol

    import httpx

__all__ = ["RawResponse", "StreamedResponse"]

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


if TYPE_CHECKING:
    # How the raw and streaming clients are typed. Each group module declares, for type
    # checkers only, a class per mode with the plain methods' parameters and return types
    # such as ``RawResponse[Message]`` or ``Streamed[Message]``, written out. The client's
    # own ``request`` goes through these functions (``request = raw(SyncAPIClient.request)``):
    # the same parameters, the plain return type moved into the response's type parameter.
    # (Type checkers solve such a ``ParamSpec`` transform per use: fine for one method, too
    # slow for every operation of a corpus.)
    from typing import TypeAlias

    _P = ParamSpec("_P")
    _R = TypeVar("_R")
    _T = TypeVar("_T")
    Streamed: TypeAlias = AbstractContextManager[StreamedResponse[_T]]
    AsyncStreamed: TypeAlias = AbstractAsyncContextManager[StreamedResponse[_T]]

    class RawMethod(Protocol[_P, Parsed]):
        def __call__(self, *args: _P.args, **kwargs: _P.kwargs) -> RawResponse[Parsed]: ...

    class AsyncRawMethod(Protocol[_P, Parsed]):
        def __call__(
            self, *args: _P.args, **kwargs: _P.kwargs
        ) -> Coroutine[Any, Any, RawResponse[Parsed]]: ...

    class StreamMethod(Protocol[_P, Parsed]):
        def __call__(
            self, *args: _P.args, **kwargs: _P.kwargs
        ) -> AbstractContextManager[StreamedResponse[Parsed]]: ...

    class AsyncStreamMethod(Protocol[_P, Parsed]):
        def __call__(
            self, *args: _P.args, **kwargs: _P.kwargs
        ) -> AbstractAsyncContextManager[StreamedResponse[Parsed]]: ...

    def raw(method: Callable[Concatenate[Any, _P], _R]) -> RawMethod[_P, _R]: ...

    def async_raw(
        method: Callable[Concatenate[Any, _P], Awaitable[_R]],
    ) -> AsyncRawMethod[_P, _R]: ...

    def stream(method: Callable[Concatenate[Any, _P], _R]) -> StreamMethod[_P, _R]: ...

    def async_stream(
        method: Callable[Concatenate[Any, _P], Awaitable[_R]],
    ) -> AsyncStreamMethod[_P, _R]: ...
