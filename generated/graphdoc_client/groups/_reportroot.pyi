"""Typing-only declarations of the reportroot group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Unpack

from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class AsyncReportrootOperations(Group):
    """The same operations as :class:`ReportrootOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def getemailactivitycounts(
        self, period_value: str, **options: Unpack[RequestOptions]
    ) -> bytes: ...


class AsyncBatchReportrootOperations:
    def getemailactivitycounts(
        self, period_value: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[bytes]: ...


class AsyncRawReportrootOperations:
    async def getemailactivitycounts(
        self, period_value: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[bytes]: ...


class AsyncStreamReportrootOperations:
    def getemailactivitycounts(
        self, period_value: str, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[bytes]: ...


class BatchReportrootOperations:
    def getemailactivitycounts(
        self, period_value: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[bytes]: ...


class RawReportrootOperations:
    def getemailactivitycounts(
        self, period_value: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[bytes]: ...


class StreamReportrootOperations:
    def getemailactivitycounts(
        self, period_value: str, **options: Unpack[RequestOptions]
    ) -> Streamed[bytes]: ...
