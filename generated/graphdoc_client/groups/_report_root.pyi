"""Typing-only declarations of the report_root group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Unpack

from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class AsyncReportRootOperations(Group):
    """The same operations as :class:`ReportRootOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def get_email_activity_counts(
        self, period: str, **options: Unpack[RequestOptions]
    ) -> bytes: ...


class AsyncBatchReportRootOperations:
    def get_email_activity_counts(
        self, period: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[bytes]: ...


class AsyncRawReportRootOperations:
    async def get_email_activity_counts(
        self, period: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[bytes]: ...


class AsyncStreamReportRootOperations:
    def get_email_activity_counts(
        self, period: str, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[bytes]: ...


class BatchReportRootOperations:
    def get_email_activity_counts(
        self, period: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[bytes]: ...


class RawReportRootOperations:
    def get_email_activity_counts(
        self, period: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[bytes]: ...


class StreamReportRootOperations:
    def get_email_activity_counts(
        self, period: str, **options: Unpack[RequestOptions]
    ) -> Streamed[bytes]: ...
