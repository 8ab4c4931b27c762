"""Typing-only declarations of the group group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Any, Mapping, Unpack

from .._paging import AsyncPage, AsyncPageRequest, Page
from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class AsyncGroupOperations(Group):
    """The same operations as :class:`GroupOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def delete_members(
        self, group_id: str, member_id: str, **options: Unpack[RequestOptions]
    ) -> None: ...

    async def get(self, group_id: str, **options: Unpack[RequestOptions]) -> dict[str, Any]: ...

    def list(self, **options: Unpack[RequestOptions]) -> AsyncPageRequest[dict[str, Any]]: ...

    def list_members(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> AsyncPageRequest[dict[str, Any]]: ...

    async def post_members(
        self,
        group_id: str,
        *,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...


class AsyncBatchGroupOperations:
    def delete_members(
        self, group_id: str, member_id: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[None]: ...

    def get(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[dict[str, Any]]: ...

    def list(self, **options: Unpack[RequestOptions]) -> BatchResult[AsyncPage[dict[str, Any]]]: ...

    def list_members(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[AsyncPage[dict[str, Any]]]: ...

    def post_members(
        self,
        group_id: str,
        *,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...


class AsyncRawGroupOperations:
    async def delete_members(
        self, group_id: str, member_id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[None]: ...

    async def get(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[dict[str, Any]]: ...

    async def list(
        self, **options: Unpack[RequestOptions]
    ) -> RawResponse[AsyncPage[dict[str, Any]]]: ...

    async def list_members(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[AsyncPage[dict[str, Any]]]: ...

    async def post_members(
        self,
        group_id: str,
        *,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...


class AsyncStreamGroupOperations:
    def delete_members(
        self, group_id: str, member_id: str, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[None]: ...

    def get(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[dict[str, Any]]: ...

    def list(
        self, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[AsyncPage[dict[str, Any]]]: ...

    def list_members(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[AsyncPage[dict[str, Any]]]: ...

    def post_members(
        self,
        group_id: str,
        *,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...


class BatchGroupOperations:
    def delete_members(
        self, group_id: str, member_id: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[None]: ...

    def get(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[dict[str, Any]]: ...

    def list(self, **options: Unpack[RequestOptions]) -> BatchResult[Page[dict[str, Any]]]: ...

    def list_members(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> BatchResult[Page[dict[str, Any]]]: ...

    def post_members(
        self,
        group_id: str,
        *,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...


class RawGroupOperations:
    def delete_members(
        self, group_id: str, member_id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[None]: ...

    def get(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[dict[str, Any]]: ...

    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[Page[dict[str, Any]]]: ...

    def list_members(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[Page[dict[str, Any]]]: ...

    def post_members(
        self,
        group_id: str,
        *,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...


class StreamGroupOperations:
    def delete_members(
        self, group_id: str, member_id: str, **options: Unpack[RequestOptions]
    ) -> Streamed[None]: ...

    def get(self, group_id: str, **options: Unpack[RequestOptions]) -> Streamed[dict[str, Any]]: ...

    def list(self, **options: Unpack[RequestOptions]) -> Streamed[Page[dict[str, Any]]]: ...

    def list_members(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> Streamed[Page[dict[str, Any]]]: ...

    def post_members(
        self,
        group_id: str,
        *,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...
