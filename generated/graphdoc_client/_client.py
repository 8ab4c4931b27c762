"""The Graph clients: one attribute per resource group, each loaded on first use.

:class:`GraphClient` and :class:`AsyncGraphClient` share the same group classes at run
time; on the async client every call returns an awaitable, and type checkers see it so.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from ._base import AsyncAPIClient, SyncAPIClient
from ._runtime import missing

if TYPE_CHECKING:
    from .groups.contact import ContactOperations
    from .groups._contact import (
        AsyncBatchContactOperations,
        AsyncContactOperations,
        AsyncRawContactOperations,
        AsyncStreamContactOperations,
        BatchContactOperations,
        RawContactOperations,
        StreamContactOperations,
    )
    from .groups.drive_item import DriveItemOperations
    from .groups._drive_item import (
        AsyncBatchDriveItemOperations,
        AsyncDriveItemOperations,
        AsyncRawDriveItemOperations,
        AsyncStreamDriveItemOperations,
        BatchDriveItemOperations,
        RawDriveItemOperations,
        StreamDriveItemOperations,
    )
    from .groups.event import EventOperations
    from .groups._event import (
        AsyncBatchEventOperations,
        AsyncEventOperations,
        AsyncRawEventOperations,
        AsyncStreamEventOperations,
        BatchEventOperations,
        RawEventOperations,
        StreamEventOperations,
    )
    from .groups.group import GroupOperations
    from .groups._group import (
        AsyncBatchGroupOperations,
        AsyncGroupOperations,
        AsyncRawGroupOperations,
        AsyncStreamGroupOperations,
        BatchGroupOperations,
        RawGroupOperations,
        StreamGroupOperations,
    )
    from .groups.mail_folder import MailFolderOperations
    from .groups._mail_folder import (
        AsyncBatchMailFolderOperations,
        AsyncMailFolderOperations,
        AsyncRawMailFolderOperations,
        AsyncStreamMailFolderOperations,
        BatchMailFolderOperations,
        RawMailFolderOperations,
        StreamMailFolderOperations,
    )
    from .groups.message import MessageOperations
    from .groups._message import (
        AsyncBatchMessageOperations,
        AsyncMessageOperations,
        AsyncRawMessageOperations,
        AsyncStreamMessageOperations,
        BatchMessageOperations,
        RawMessageOperations,
        StreamMessageOperations,
    )
    from .groups.profile_photo import ProfilePhotoOperations
    from .groups._profile_photo import (
        AsyncBatchProfilePhotoOperations,
        AsyncProfilePhotoOperations,
        AsyncRawProfilePhotoOperations,
        AsyncStreamProfilePhotoOperations,
        BatchProfilePhotoOperations,
        RawProfilePhotoOperations,
        StreamProfilePhotoOperations,
    )
    from .groups.report_root import ReportRootOperations
    from .groups._report_root import (
        AsyncBatchReportRootOperations,
        AsyncRawReportRootOperations,
        AsyncReportRootOperations,
        AsyncStreamReportRootOperations,
        BatchReportRootOperations,
        RawReportRootOperations,
        StreamReportRootOperations,
    )
    from .groups.user import UserOperations
    from .groups._user import (
        AsyncBatchUserOperations,
        AsyncRawUserOperations,
        AsyncStreamUserOperations,
        AsyncUserOperations,
        BatchUserOperations,
        RawUserOperations,
        StreamUserOperations,
    )

__all__ = ["AsyncGraphClient", "GraphClient"]


class _Groups:
    """The resource groups, the same on both clients."""

    @cached_property
    def contact(self) -> ContactOperations:
        """Operations of the contact group (1)."""
        from .groups.contact import ContactOperations

        return ContactOperations(self)

    @cached_property
    def drive_item(self) -> DriveItemOperations:
        """Operations of the drive_item group (4)."""
        from .groups.drive_item import DriveItemOperations

        return DriveItemOperations(self)

    @cached_property
    def event(self) -> EventOperations:
        """Operations of the event group (5)."""
        from .groups.event import EventOperations

        return EventOperations(self)

    @cached_property
    def group(self) -> GroupOperations:
        """Operations of the group group (5)."""
        from .groups.group import GroupOperations

        return GroupOperations(self)

    @cached_property
    def mail_folder(self) -> MailFolderOperations:
        """Operations of the mail_folder group (1)."""
        from .groups.mail_folder import MailFolderOperations

        return MailFolderOperations(self)

    @cached_property
    def message(self) -> MessageOperations:
        """Operations of the message group (6)."""
        from .groups.message import MessageOperations

        return MessageOperations(self)

    @cached_property
    def profile_photo(self) -> ProfilePhotoOperations:
        """Operations of the profile_photo group (1)."""
        from .groups.profile_photo import ProfilePhotoOperations

        return ProfilePhotoOperations(self)

    @cached_property
    def report_root(self) -> ReportRootOperations:
        """Operations of the report_root group (1)."""
        from .groups.report_root import ReportRootOperations

        return ReportRootOperations(self)

    @cached_property
    def user(self) -> UserOperations:
        """Operations of the user group (12)."""
        from .groups.user import UserOperations

        return UserOperations(self)

    if not TYPE_CHECKING:  # (to a type checker a missing group stays an error)

        def __getattr__(self, name: str) -> Any:
            raise AttributeError(missing(type(self).__name__, name))


if TYPE_CHECKING:
    from ._batch import Batch
    from ._base import async_batch, async_raw, async_stream, batch, raw, stream

    class _AsyncGroups:
        """The groups as the async client's calls are typed: awaitable."""

        @property
        def contact(self) -> AsyncContactOperations: ...

        @property
        def drive_item(self) -> AsyncDriveItemOperations: ...

        @property
        def event(self) -> AsyncEventOperations: ...

        @property
        def group(self) -> AsyncGroupOperations: ...

        @property
        def mail_folder(self) -> AsyncMailFolderOperations: ...

        @property
        def message(self) -> AsyncMessageOperations: ...

        @property
        def profile_photo(self) -> AsyncProfilePhotoOperations: ...

        @property
        def report_root(self) -> AsyncReportRootOperations: ...

        @property
        def user(self) -> AsyncUserOperations: ...

    class _AsyncBatchGroups:
        """``client.batch()``, as type checkers see it."""

        request = async_batch(AsyncAPIClient.request)
        contact: AsyncBatchContactOperations
        drive_item: AsyncBatchDriveItemOperations
        event: AsyncBatchEventOperations
        group: AsyncBatchGroupOperations
        mail_folder: AsyncBatchMailFolderOperations
        message: AsyncBatchMessageOperations
        profile_photo: AsyncBatchProfilePhotoOperations
        report_root: AsyncBatchReportRootOperations
        user: AsyncBatchUserOperations

    class _AsyncRawGroups:
        """``client.with_raw_response``, as type checkers see it."""

        request = async_raw(AsyncAPIClient.request)
        contact: AsyncRawContactOperations
        drive_item: AsyncRawDriveItemOperations
        event: AsyncRawEventOperations
        group: AsyncRawGroupOperations
        mail_folder: AsyncRawMailFolderOperations
        message: AsyncRawMessageOperations
        profile_photo: AsyncRawProfilePhotoOperations
        report_root: AsyncRawReportRootOperations
        user: AsyncRawUserOperations

    class _AsyncStreamGroups:
        """``client.with_streaming_response``, as type checkers see it."""

        request = async_stream(AsyncAPIClient.request)
        contact: AsyncStreamContactOperations
        drive_item: AsyncStreamDriveItemOperations
        event: AsyncStreamEventOperations
        group: AsyncStreamGroupOperations
        mail_folder: AsyncStreamMailFolderOperations
        message: AsyncStreamMessageOperations
        profile_photo: AsyncStreamProfilePhotoOperations
        report_root: AsyncStreamReportRootOperations
        user: AsyncStreamUserOperations

    class _BatchGroups:
        """``client.batch()``, as type checkers see it."""

        request = batch(SyncAPIClient.request)
        contact: BatchContactOperations
        drive_item: BatchDriveItemOperations
        event: BatchEventOperations
        group: BatchGroupOperations
        mail_folder: BatchMailFolderOperations
        message: BatchMessageOperations
        profile_photo: BatchProfilePhotoOperations
        report_root: BatchReportRootOperations
        user: BatchUserOperations

    class _RawGroups:
        """``client.with_raw_response``, as type checkers see it."""

        request = raw(SyncAPIClient.request)
        contact: RawContactOperations
        drive_item: RawDriveItemOperations
        event: RawEventOperations
        group: RawGroupOperations
        mail_folder: RawMailFolderOperations
        message: RawMessageOperations
        profile_photo: RawProfilePhotoOperations
        report_root: RawReportRootOperations
        user: RawUserOperations

    class _StreamGroups:
        """``client.with_streaming_response``, as type checkers see it."""

        request = stream(SyncAPIClient.request)
        contact: StreamContactOperations
        drive_item: StreamDriveItemOperations
        event: StreamEventOperations
        group: StreamGroupOperations
        mail_folder: StreamMailFolderOperations
        message: StreamMessageOperations
        profile_photo: StreamProfilePhotoOperations
        report_root: StreamReportRootOperations
        user: StreamUserOperations

else:
    _AsyncGroups = _Groups


class GraphClient(_Groups, SyncAPIClient):
    """A Microsoft Graph v1.0 client: ``client.<group>.<operation>(...)``.

    Give ``token=`` (a string or a callable returning one) or ``credential=`` (any object
    with ``get_token(*scopes)`` returning ``.token`` and ``.expires_on``, such as an
    azure-identity credential; ``scopes=`` defaults to ``https://graph.microsoft.com/.default``).
    ``timeout=`` (default :data:`DEFAULT_TIMEOUT`) and ``max_retries=`` (default 3) apply to
    every call; a ``POST`` or ``PATCH`` is retried only after a 429 unless
    ``retry_non_idempotent=True``. ``max_response_size=`` (default 100 MiB) caps the answer
    a call reads and ``deadline=`` (default 300 s) the time it takes, retries included;
    ``None`` lifts either. ``transport=`` or ``http_client=`` (an :class:`httpx.Client`)
    replace the HTTP layer. Use it as a context manager, or call ``close()``.
    """

    if TYPE_CHECKING:

        @property
        def with_raw_response(self) -> _RawGroups: ...

        @property
        def with_streaming_response(self) -> _StreamGroups: ...

        def batch(self) -> Batch[_BatchGroups]: ...


class AsyncGraphClient(_AsyncGroups, AsyncAPIClient):
    """The asynchronous Microsoft Graph v1.0 client: ``await client.<group>.<operation>(...)``.

    It takes the same arguments as :class:`GraphClient` (``http_client=`` is an
    :class:`httpx.AsyncClient`; ``credential=`` may have an async ``get_token``). Use it
    with ``async with``, or call ``await client.aclose()``.
    """

    if TYPE_CHECKING:

        @property
        def with_raw_response(self) -> _AsyncRawGroups: ...

        @property
        def with_streaming_response(self) -> _AsyncStreamGroups: ...

        def batch(self) -> Batch[_AsyncBatchGroups]: ...
