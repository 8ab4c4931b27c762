"""Typing-only declarations of the mail_folder group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Unpack

from .. import types as _types
from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class AsyncMailFolderOperations(Group):
    """The same operations as :class:`MailFolderOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> _types.MailFolder: ...


class AsyncBatchMailFolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[_types.MailFolder]: ...


class AsyncRawMailFolderOperations:
    async def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[_types.MailFolder]: ...


class AsyncStreamMailFolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[_types.MailFolder]: ...


class BatchMailFolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[_types.MailFolder]: ...


class RawMailFolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[_types.MailFolder]: ...


class StreamMailFolderOperations:
    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Streamed[_types.MailFolder]: ...
