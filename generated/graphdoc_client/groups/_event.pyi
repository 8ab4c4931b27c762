"""Typing-only declarations of the event group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Any, Mapping, Unpack

from .. import types as _types
from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class EventAcceptBody(_types.ODataObject, total=False):
    """The JSON body of event.accept, as its page's table documents it."""

    comment: str
    sendResponse: bool


class EventCancelBody(_types.ODataObject, total=False):
    """The JSON body of event.cancel, as its page's table documents it."""

    comment: str


class AsyncEventOperations(Group):
    """The same operations as :class:`EventOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def accept(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventAcceptBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def cancel(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventCancelBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def delete(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def get(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]: ...

    async def update(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]: ...


class AsyncBatchEventOperations:
    def accept(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventAcceptBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def cancel(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventCancelBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def delete(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def get(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...

    def update(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...


class AsyncRawEventOperations:
    async def accept(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventAcceptBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    async def cancel(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventCancelBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    async def delete(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    async def get(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...

    async def update(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...


class AsyncStreamEventOperations:
    def accept(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventAcceptBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...

    def cancel(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventCancelBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...

    def delete(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...

    def get(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[dict[str, Any]]: ...

    def update(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[dict[str, Any]]: ...


class BatchEventOperations:
    def accept(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventAcceptBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def cancel(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventCancelBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def delete(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def get(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...

    def update(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...


class RawEventOperations:
    def accept(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventAcceptBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    def cancel(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventCancelBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    def delete(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    def get(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...

    def update(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...


class StreamEventOperations:
    def accept(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventAcceptBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...

    def cancel(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventCancelBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...

    def delete(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...

    def get(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[dict[str, Any]]: ...

    def update(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[dict[str, Any]]: ...
