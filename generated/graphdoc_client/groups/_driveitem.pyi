"""Typing-only declarations of the driveitem group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Any, Unpack

from .._paging import AsyncPage, AsyncPageRequest, Page
from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import FileContent, Group, RequestOptions


class AsyncDriveitemOperations(Group):
    """The same operations as :class:`DriveitemOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]: ...

    async def get_content(
        self,
        item_id: str | None = None,
        *,
        drive_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes: ...

    def list_children(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        group_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPageRequest[dict[str, Any]]: ...

    async def put_content(
        self,
        *,
        parent_id: str | None = None,
        filename: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]: ...


class AsyncBatchDriveitemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...

    def get_content(
        self,
        item_id: str | None = None,
        *,
        drive_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[bytes]: ...

    def list_children(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        group_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[AsyncPage[dict[str, Any]]]: ...

    def put_content(
        self,
        *,
        parent_id: str | None = None,
        filename: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...


class AsyncRawDriveitemOperations:
    async def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...

    async def get_content(
        self,
        item_id: str | None = None,
        *,
        drive_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[bytes]: ...

    async def list_children(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        group_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[AsyncPage[dict[str, Any]]]: ...

    async def put_content(
        self,
        *,
        parent_id: str | None = None,
        filename: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...


class AsyncStreamDriveitemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[dict[str, Any]]: ...

    def get_content(
        self,
        item_id: str | None = None,
        *,
        drive_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[bytes]: ...

    def list_children(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        group_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[AsyncPage[dict[str, Any]]]: ...

    def put_content(
        self,
        *,
        parent_id: str | None = None,
        filename: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[dict[str, Any]]: ...


class BatchDriveitemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...

    def get_content(
        self,
        item_id: str | None = None,
        *,
        drive_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[bytes]: ...

    def list_children(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        group_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[Page[dict[str, Any]]]: ...

    def put_content(
        self,
        *,
        parent_id: str | None = None,
        filename: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...


class RawDriveitemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...

    def get_content(
        self,
        item_id: str | None = None,
        *,
        drive_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[bytes]: ...

    def list_children(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        group_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Page[dict[str, Any]]]: ...

    def put_content(
        self,
        *,
        parent_id: str | None = None,
        filename: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...


class StreamDriveitemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[dict[str, Any]]: ...

    def get_content(
        self,
        item_id: str | None = None,
        *,
        drive_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[bytes]: ...

    def list_children(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        group_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[Page[dict[str, Any]]]: ...

    def put_content(
        self,
        *,
        parent_id: str | None = None,
        filename: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> Streamed[dict[str, Any]]: ...
