"""Typing-only declarations of the profilephoto group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Unpack

from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class AsyncProfilephotoOperations(Group):
    """The same operations as :class:`ProfilephotoOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes: ...


class AsyncBatchProfilephotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[bytes]: ...


class AsyncRawProfilephotoOperations:
    async def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[bytes]: ...


class AsyncStreamProfilephotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[bytes]: ...


class BatchProfilephotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[bytes]: ...


class RawProfilephotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[bytes]: ...


class StreamProfilephotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[bytes]: ...
