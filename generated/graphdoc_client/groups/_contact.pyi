"""Typing-only declarations of the contact group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Any, Unpack

from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class AsyncContactOperations(Group):
    """The same operations as :class:`ContactOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def get(
        self,
        contact_id: str,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]: ...


class AsyncBatchContactOperations:
    def get(
        self,
        contact_id: str,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...


class AsyncRawContactOperations:
    async def get(
        self,
        contact_id: str,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...


class AsyncStreamContactOperations:
    def get(
        self,
        contact_id: str,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[dict[str, Any]]: ...


class BatchContactOperations:
    def get(
        self,
        contact_id: str,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...


class RawContactOperations:
    def get(
        self,
        contact_id: str,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...


class StreamContactOperations:
    def get(
        self,
        contact_id: str,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[dict[str, Any]]: ...
