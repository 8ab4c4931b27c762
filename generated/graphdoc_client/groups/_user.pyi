"""Typing-only declarations of the user group: the async client's class, the classes of the raw and streaming clients, and the request bodies. A stub module: type checkers read it, Python never imports it."""

from typing import Any, Mapping, Unpack

from .. import types as _types
from .._paging import AsyncPage, AsyncPageRequest, Page
from .._response import AsyncStreamed, BatchResult, RawResponse, Streamed
from .._runtime import Group, RequestOptions


class UserPostUsersBody(_types.ODataObject, total=False):
    """The JSON body of user.post_users, as its page's table documents it."""

    accountEnabled: bool
    displayName: str
    mailNickname: str
    userPrincipalName: str
    passwordProfile: Any


class UserSendMailBody(_types.ODataObject, total=False):
    """The JSON body of user.send_mail, as its page's table documents it."""

    message: _types.Message
    saveToSentItems: bool


class AsyncUserOperations(Group):
    """The same operations as :class:`UserOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

    async def delete(self, user_id: str, **options: Unpack[RequestOptions]) -> None: ...

    async def get(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> _types.User: ...

    def list(self, **options: Unpack[RequestOptions]) -> AsyncPageRequest[_types.User]: ...

    def list_contacts(
        self,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPageRequest[dict[str, Any]]: ...

    def list_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPageRequest[dict[str, Any]]: ...

    def list_mail_folders(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncPageRequest[_types.MailFolder]: ...

    def list_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPageRequest[_types.Message]: ...

    async def post_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]: ...

    async def post_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: _types.Message | None = None,
        **options: Unpack[RequestOptions],
    ) -> _types.Message: ...

    async def post_users(
        self, *, body: UserPostUsersBody | None = None, **options: Unpack[RequestOptions]
    ) -> _types.User: ...

    async def send_mail(
        self,
        *,
        user_id: str | None = None,
        body: UserSendMailBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def update(
        self,
        *,
        user_id: str | None = None,
        body: _types.User | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...


class AsyncBatchUserOperations:
    def delete(self, user_id: str, **options: Unpack[RequestOptions]) -> BatchResult[None]: ...

    def get(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[_types.User]: ...

    def list(self, **options: Unpack[RequestOptions]) -> BatchResult[AsyncPage[_types.User]]: ...

    def list_contacts(
        self,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[AsyncPage[dict[str, Any]]]: ...

    def list_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[AsyncPage[dict[str, Any]]]: ...

    def list_mail_folders(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[AsyncPage[_types.MailFolder]]: ...

    def list_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[AsyncPage[_types.Message]]: ...

    def post_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...

    def post_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: _types.Message | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[_types.Message]: ...

    def post_users(
        self, *, body: UserPostUsersBody | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[_types.User]: ...

    def send_mail(
        self,
        *,
        user_id: str | None = None,
        body: UserSendMailBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def update(
        self,
        *,
        user_id: str | None = None,
        body: _types.User | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...


class AsyncRawUserOperations:
    async def delete(
        self, user_id: str, **options: Unpack[RequestOptions]
    ) -> RawResponse[None]: ...

    async def get(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[_types.User]: ...

    async def list(
        self, **options: Unpack[RequestOptions]
    ) -> RawResponse[AsyncPage[_types.User]]: ...

    async def list_contacts(
        self,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[AsyncPage[dict[str, Any]]]: ...

    async def list_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[AsyncPage[dict[str, Any]]]: ...

    async def list_mail_folders(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[AsyncPage[_types.MailFolder]]: ...

    async def list_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[AsyncPage[_types.Message]]: ...

    async def post_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...

    async def post_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: _types.Message | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[_types.Message]: ...

    async def post_users(
        self, *, body: UserPostUsersBody | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[_types.User]: ...

    async def send_mail(
        self,
        *,
        user_id: str | None = None,
        body: UserSendMailBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    async def update(
        self,
        *,
        user_id: str | None = None,
        body: _types.User | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...


class AsyncStreamUserOperations:
    def delete(self, user_id: str, **options: Unpack[RequestOptions]) -> AsyncStreamed[None]: ...

    def get(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[_types.User]: ...

    def list(self, **options: Unpack[RequestOptions]) -> AsyncStreamed[AsyncPage[_types.User]]: ...

    def list_contacts(
        self,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[AsyncPage[dict[str, Any]]]: ...

    def list_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[AsyncPage[dict[str, Any]]]: ...

    def list_mail_folders(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[AsyncPage[_types.MailFolder]]: ...

    def list_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[AsyncPage[_types.Message]]: ...

    def post_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[dict[str, Any]]: ...

    def post_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: _types.Message | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[_types.Message]: ...

    def post_users(
        self, *, body: UserPostUsersBody | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncStreamed[_types.User]: ...

    def send_mail(
        self,
        *,
        user_id: str | None = None,
        body: UserSendMailBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...

    def update(
        self,
        *,
        user_id: str | None = None,
        body: _types.User | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStreamed[None]: ...


class BatchUserOperations:
    def delete(self, user_id: str, **options: Unpack[RequestOptions]) -> BatchResult[None]: ...

    def get(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[_types.User]: ...

    def list(self, **options: Unpack[RequestOptions]) -> BatchResult[Page[_types.User]]: ...

    def list_contacts(
        self,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[Page[dict[str, Any]]]: ...

    def list_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[Page[dict[str, Any]]]: ...

    def list_mail_folders(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[Page[_types.MailFolder]]: ...

    def list_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[Page[_types.Message]]: ...

    def post_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[dict[str, Any]]: ...

    def post_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: _types.Message | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[_types.Message]: ...

    def post_users(
        self, *, body: UserPostUsersBody | None = None, **options: Unpack[RequestOptions]
    ) -> BatchResult[_types.User]: ...

    def send_mail(
        self,
        *,
        user_id: str | None = None,
        body: UserSendMailBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...

    def update(
        self,
        *,
        user_id: str | None = None,
        body: _types.User | None = None,
        **options: Unpack[RequestOptions],
    ) -> BatchResult[None]: ...


class RawUserOperations:
    def delete(self, user_id: str, **options: Unpack[RequestOptions]) -> RawResponse[None]: ...

    def get(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[_types.User]: ...

    def list(self, **options: Unpack[RequestOptions]) -> RawResponse[Page[_types.User]]: ...

    def list_contacts(
        self,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Page[dict[str, Any]]]: ...

    def list_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Page[dict[str, Any]]]: ...

    def list_mail_folders(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[Page[_types.MailFolder]]: ...

    def list_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Page[_types.Message]]: ...

    def post_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[dict[str, Any]]: ...

    def post_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: _types.Message | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[_types.Message]: ...

    def post_users(
        self, *, body: UserPostUsersBody | None = None, **options: Unpack[RequestOptions]
    ) -> RawResponse[_types.User]: ...

    def send_mail(
        self,
        *,
        user_id: str | None = None,
        body: UserSendMailBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...

    def update(
        self,
        *,
        user_id: str | None = None,
        body: _types.User | None = None,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[None]: ...


class StreamUserOperations:
    def delete(self, user_id: str, **options: Unpack[RequestOptions]) -> Streamed[None]: ...

    def get(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Streamed[_types.User]: ...

    def list(self, **options: Unpack[RequestOptions]) -> Streamed[Page[_types.User]]: ...

    def list_contacts(
        self,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[Page[dict[str, Any]]]: ...

    def list_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[Page[dict[str, Any]]]: ...

    def list_mail_folders(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Streamed[Page[_types.MailFolder]]: ...

    def list_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[Page[_types.Message]]: ...

    def post_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[dict[str, Any]]: ...

    def post_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: _types.Message | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[_types.Message]: ...

    def post_users(
        self, *, body: UserPostUsersBody | None = None, **options: Unpack[RequestOptions]
    ) -> Streamed[_types.User]: ...

    def send_mail(
        self,
        *,
        user_id: str | None = None,
        body: UserSendMailBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...

    def update(
        self,
        *,
        user_id: str | None = None,
        body: _types.User | None = None,
        **options: Unpack[RequestOptions],
    ) -> Streamed[None]: ...
