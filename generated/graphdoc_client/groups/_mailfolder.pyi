"""Typing-only declarations of the mailfolder group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Any, Unpack

from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class AsyncMailfolderOperations(Group):
    """The same operations as :class:`MailfolderOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> dict[str, Any]: ...


class AsyncBatchMailfolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[dict[str, Any]]: ...


class AsyncRawMailfolderOperations:
    async def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[dict[str, Any]]: ...


class AsyncStreamMailfolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[dict[str, Any]]: ...


class BatchMailfolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[dict[str, Any]]: ...


class RawMailfolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[dict[str, Any]]: ...


class StreamMailfolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Streamed[dict[str, Any]]: ...
