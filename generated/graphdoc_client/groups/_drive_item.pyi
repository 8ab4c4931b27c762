"""Typing-only declarations of the drive_item group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Unpack

from .. import types as _types
from .._paging import AsyncPage, AsyncPageRequest, Page
from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import FileContent, Group, RequestOptions


class AsyncDriveItemOperations(Group):
    """The same operations as :class:`DriveItemOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _types.DriveItem: ...

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
    ) -> AsyncPageRequest[_types.DriveItem]: ...

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
    ) -> _types.DriveItem: ...


class AsyncBatchDriveItemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[_types.DriveItem]: ...

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
    ) -> BatchResult[AsyncPage[_types.DriveItem]]: ...

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
    ) -> BatchResult[_types.DriveItem]: ...


class AsyncRawDriveItemOperations:
    async def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[_types.DriveItem]: ...

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
    ) -> RawResponse[AsyncPage[_types.DriveItem]]: ...

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
    ) -> RawResponse[_types.DriveItem]: ...


class AsyncStreamDriveItemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[_types.DriveItem]: ...

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
    ) -> AsyncStreamed[AsyncPage[_types.DriveItem]]: ...

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
    ) -> AsyncStreamed[_types.DriveItem]: ...


class BatchDriveItemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[_types.DriveItem]: ...

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
    ) -> BatchResult[Page[_types.DriveItem]]: ...

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
    ) -> BatchResult[_types.DriveItem]: ...


class RawDriveItemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[_types.DriveItem]: ...

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
    ) -> RawResponse[Page[_types.DriveItem]]: ...

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
    ) -> RawResponse[_types.DriveItem]: ...


class StreamDriveItemOperations:
    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[_types.DriveItem]: ...

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
    ) -> Streamed[Page[_types.DriveItem]]: ...

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
    ) -> Streamed[_types.DriveItem]: ...
