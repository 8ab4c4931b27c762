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
    from types import EllipsisType
    from typing import Coroutine, Mapping, Protocol, Sequence

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
    # How the raw, streaming and batch clients are typed. Each group's stub module declares
    # a class per mode with the plain methods' parameters and return types such as
    # ``RawResponse[Message]``, ``Streamed[Message]`` or ``BatchResult[Message]``, written
    # out. The client's own ``request`` is typed through these functions
    # (``request = raw(SyncAPIClient.request)``): one protocol with the overloads of
    # ``request`` (``paged=True`` gives a page), its two results wrapped as the mode wraps
    # them. (A ``ParamSpec`` transform would keep only the first overload.)
    from typing import Literal, TypeAlias, overload

    from ._batch import BatchResult
    from ._paging import AsyncPage, AsyncPageRequest, Page
    from ._runtime import Answer, JSONValue, Timeout

    _T = TypeVar("_T")
    _One = TypeVar("_One", covariant=True)
    _Paged = TypeVar("_Paged", covariant=True)
    Streamed: TypeAlias = AbstractContextManager[StreamedResponse[_T]]
    AsyncStreamed: TypeAlias = AbstractAsyncContextManager[StreamedResponse[_T]]
    _Coroutine: TypeAlias = Coroutine[Any, Any, _T]

    class RequestMethod(Protocol[_One, _Paged]):
        """``request`` as a mode types it: ``_One`` for an answer, ``_Paged`` with ``paged=True``."""

        @overload
        def __call__(
            self,
            method: str,
            url: str,
            *,
            params: Mapping[str, Any] | None = None,
            json: Any = None,
            content: bytes | None = None,
            headers: Mapping[str, str] | None = None,
            timeout: Timeout | EllipsisType = ...,
            paged: Literal[True],
            authorize: bool = True,
            max_response_size: int | None | EllipsisType = ...,
            deadline: float | None | EllipsisType = ...,
            depends_on: BatchResult[Any] | Sequence[BatchResult[Any]] | None = None,
        ) -> _Paged: ...

        @overload
        def __call__(
            self,
            method: str,
            url: str,
            *,
            params: Mapping[str, Any] | None = None,
            json: Any = None,
            content: bytes | None = None,
            headers: Mapping[str, str] | None = None,
            timeout: Timeout | EllipsisType = ...,
            paged: Literal[False] = False,
            authorize: bool = True,
            max_response_size: int | None | EllipsisType = ...,
            deadline: float | None | EllipsisType = ...,
            depends_on: BatchResult[Any] | Sequence[BatchResult[Any]] | None = None,
        ) -> _One: ...

    def raw(
        method: object,
    ) -> RequestMethod[RawResponse[Answer], RawResponse[Page[JSONValue]]]: ...

    def async_raw(
        method: object,
    ) -> RequestMethod[
        _Coroutine[RawResponse[Answer]], _Coroutine[RawResponse[AsyncPage[JSONValue]]]
    ]: ...

    def stream(method: object) -> RequestMethod[Streamed[Answer], Streamed[Page[JSONValue]]]: ...

    def async_stream(
        method: object,
    ) -> RequestMethod[AsyncStreamed[Answer], AsyncStreamed[AsyncPage[JSONValue]]]: ...

    def batch(
        method: object,
    ) -> RequestMethod[BatchResult[Answer], BatchResult[Page[JSONValue]]]: ...

    def async_batch(
        method: object,
    ) -> RequestMethod[BatchResult[Answer], BatchResult[AsyncPage[JSONValue]]]: ...

    def plain(method: object) -> RequestMethod[Answer, Page[JSONValue]]: ...

    def async_plain(
        method: object,
    ) -> RequestMethod[_Coroutine[Answer], AsyncPageRequest[JSONValue]]: ...
