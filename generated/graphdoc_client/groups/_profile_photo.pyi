"""Typing-only declarations of the profile_photo group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Unpack

from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class AsyncProfilePhotoOperations(Group):
    """The same operations as :class:`ProfilePhotoOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes: ...


class AsyncBatchProfilePhotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[bytes]: ...


class AsyncRawProfilePhotoOperations:
    async def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[bytes]: ...


class AsyncStreamProfilePhotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[bytes]: ...


class BatchProfilePhotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[bytes]: ...


class RawProfilePhotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[bytes]: ...


class StreamProfilePhotoOperations:
    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[bytes]: ...
