"""Typing-only declarations of the message group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Unpack

from .. import types as _types
from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class MessageForwardBody(_types.ODataObject, total=False):
    """The JSON body of message.forward, as its page's table documents it."""

    comment: str
    toRecipients: list[_types.Recipient]


class MessageReplyBody(_types.ODataObject, total=False):
    """The JSON body of message.reply, as its page's table documents it."""

    comment: str
    message: _types.Message


class MessageUpdateBody(_types.ODataObject, total=False):
    """The JSON body of message.update, as its page's table documents it."""

    categories: list[str]
    importance: str
    isRead: bool
    subject: str


class AsyncMessageOperations(Group):
    """The same operations as :class:`MessageOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def delete(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def forward(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageForwardBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def get(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _types.Message: ...

    async def reply(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageReplyBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def send(
        self, message_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> None: ...

    async def update(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageUpdateBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> _types.Message: ...


class AsyncBatchMessageOperations:
    def delete(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def forward(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageForwardBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def get(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[_types.Message]: ...

    def reply(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageReplyBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def send(
        self, message_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[None]: ...

    def update(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageUpdateBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[_types.Message]: ...


class AsyncRawMessageOperations:
    async def delete(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    async def forward(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageForwardBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    async def get(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[_types.Message]: ...

    async def reply(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageReplyBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    async def send(
        self, message_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[None]: ...

    async def update(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageUpdateBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[_types.Message]: ...


class AsyncStreamMessageOperations:
    def delete(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...

    def forward(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageForwardBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...

    def get(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[_types.Message]: ...

    def reply(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageReplyBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...

    def send(
        self, message_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[None]: ...

    def update(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageUpdateBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[_types.Message]: ...


class BatchMessageOperations:
    def delete(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def forward(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageForwardBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def get(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[_types.Message]: ...

    def reply(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageReplyBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def send(
        self, message_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[None]: ...

    def update(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageUpdateBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[_types.Message]: ...


class RawMessageOperations:
    def delete(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    def forward(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageForwardBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    def get(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[_types.Message]: ...

    def reply(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageReplyBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    def send(
        self, message_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[None]: ...

    def update(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageUpdateBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[_types.Message]: ...


class StreamMessageOperations:
    def delete(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...

    def forward(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageForwardBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...

    def get(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[_types.Message]: ...

    def reply(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageReplyBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...

    def send(
        self, message_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Streamed[None]: ...

    def update(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageUpdateBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[_types.Message]: ...
