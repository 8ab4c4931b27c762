"""The Graph clients: one attribute per resource group, each loaded on first use.

:class:`GraphClient` and :class:`AsyncGraphClient` share the same group classes at run
time; on the async client every call returns an awaitable, and type checkers see it so.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ._base import AsyncAPIClient, SyncAPIClient

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
    from .groups.driveitem import DriveitemOperations
    from .groups._driveitem import (
        AsyncBatchDriveitemOperations,
        AsyncDriveitemOperations,
        AsyncRawDriveitemOperations,
        AsyncStreamDriveitemOperations,
        BatchDriveitemOperations,
        RawDriveitemOperations,
        StreamDriveitemOperations,
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
    from .groups.mailfolder import MailfolderOperations
    from .groups._mailfolder import (
        AsyncBatchMailfolderOperations,
        AsyncMailfolderOperations,
        AsyncRawMailfolderOperations,
        AsyncStreamMailfolderOperations,
        BatchMailfolderOperations,
        RawMailfolderOperations,
        StreamMailfolderOperations,
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
    from .groups.profilephoto import ProfilephotoOperations
    from .groups._profilephoto import (
        AsyncBatchProfilephotoOperations,
        AsyncProfilephotoOperations,
        AsyncRawProfilephotoOperations,
        AsyncStreamProfilephotoOperations,
        BatchProfilephotoOperations,
        RawProfilephotoOperations,
        StreamProfilephotoOperations,
    )
    from .groups.reportroot import ReportrootOperations
    from .groups._reportroot import (
        AsyncBatchReportrootOperations,
        AsyncRawReportrootOperations,
        AsyncReportrootOperations,
        AsyncStreamReportrootOperations,
        BatchReportrootOperations,
        RawReportrootOperations,
        StreamReportrootOperations,
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
    def driveitem(self) -> DriveitemOperations:
        """Operations of the driveitem group (4)."""
        from .groups.driveitem import DriveitemOperations

        return DriveitemOperations(self)

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
    def mailfolder(self) -> MailfolderOperations:
        """Operations of the mailfolder group (1)."""
        from .groups.mailfolder import MailfolderOperations

        return MailfolderOperations(self)

    @cached_property
    def message(self) -> MessageOperations:
        """Operations of the message group (6)."""
        from .groups.message import MessageOperations

        return MessageOperations(self)

    @cached_property
    def profilephoto(self) -> ProfilephotoOperations:
        """Operations of the profilephoto group (1)."""
        from .groups.profilephoto import ProfilephotoOperations

        return ProfilephotoOperations(self)

    @cached_property
    def reportroot(self) -> ReportrootOperations:
        """Operations of the reportroot group (1)."""
        from .groups.reportroot import ReportrootOperations

        return ReportrootOperations(self)

    @cached_property
    def user(self) -> UserOperations:
        """Operations of the user group (12)."""
        from .groups.user import UserOperations

        return UserOperations(self)


if TYPE_CHECKING:
    from ._batch import Batch
    from ._base import async_batch, async_raw, async_stream, batch, raw, stream

    class _AsyncGroups:
        """The groups as the async client's calls are typed: awaitable."""

        @property
        def contact(self) -> AsyncContactOperations: ...

        @property
        def driveitem(self) -> AsyncDriveitemOperations: ...

        @property
        def event(self) -> AsyncEventOperations: ...

        @property
        def group(self) -> AsyncGroupOperations: ...

        @property
        def mailfolder(self) -> AsyncMailfolderOperations: ...

        @property
        def message(self) -> AsyncMessageOperations: ...

        @property
        def profilephoto(self) -> AsyncProfilephotoOperations: ...

        @property
        def reportroot(self) -> AsyncReportrootOperations: ...

        @property
        def user(self) -> AsyncUserOperations: ...

    class _AsyncBatchGroups:
        """``client.batch()``, as type checkers see it."""

        request = async_batch(AsyncAPIClient.request)
        contact: AsyncBatchContactOperations
        driveitem: AsyncBatchDriveitemOperations
        event: AsyncBatchEventOperations
        group: AsyncBatchGroupOperations
        mailfolder: AsyncBatchMailfolderOperations
        message: AsyncBatchMessageOperations
        profilephoto: AsyncBatchProfilephotoOperations
        reportroot: AsyncBatchReportrootOperations
        user: AsyncBatchUserOperations

    class _AsyncRawGroups:
        """``client.with_raw_response``, as type checkers see it."""

        request = async_raw(AsyncAPIClient.request)
        contact: AsyncRawContactOperations
        driveitem: AsyncRawDriveitemOperations
        event: AsyncRawEventOperations
        group: AsyncRawGroupOperations
        mailfolder: AsyncRawMailfolderOperations
        message: AsyncRawMessageOperations
        profilephoto: AsyncRawProfilephotoOperations
        reportroot: AsyncRawReportrootOperations
        user: AsyncRawUserOperations

    class _AsyncStreamGroups:
        """``client.with_streaming_response``, as type checkers see it."""

        request = async_stream(AsyncAPIClient.request)
        contact: AsyncStreamContactOperations
        driveitem: AsyncStreamDriveitemOperations
        event: AsyncStreamEventOperations
        group: AsyncStreamGroupOperations
        mailfolder: AsyncStreamMailfolderOperations
        message: AsyncStreamMessageOperations
        profilephoto: AsyncStreamProfilephotoOperations
        reportroot: AsyncStreamReportrootOperations
        user: AsyncStreamUserOperations

    class _BatchGroups:
        """``client.batch()``, as type checkers see it."""

        request = batch(SyncAPIClient.request)
        contact: BatchContactOperations
        driveitem: BatchDriveitemOperations
        event: BatchEventOperations
        group: BatchGroupOperations
        mailfolder: BatchMailfolderOperations
        message: BatchMessageOperations
        profilephoto: BatchProfilephotoOperations
        reportroot: BatchReportrootOperations
        user: BatchUserOperations

    class _RawGroups:
        """``client.with_raw_response``, as type checkers see it."""

        request = raw(SyncAPIClient.request)
        contact: RawContactOperations
        driveitem: RawDriveitemOperations
        event: RawEventOperations
        group: RawGroupOperations
        mailfolder: RawMailfolderOperations
        message: RawMessageOperations
        profilephoto: RawProfilephotoOperations
        reportroot: RawReportrootOperations
        user: RawUserOperations

    class _StreamGroups:
        """``client.with_streaming_response``, as type checkers see it."""

        request = stream(SyncAPIClient.request)
        contact: StreamContactOperations
        driveitem: StreamDriveitemOperations
        event: StreamEventOperations
        group: StreamGroupOperations
        mailfolder: StreamMailfolderOperations
        message: StreamMessageOperations
        profilephoto: StreamProfilephotoOperations
        reportroot: StreamReportrootOperations
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
    ``retry_non_idempotent=True``. ``transport=`` or ``http_client=`` (an
    :class:`httpx.Client`) replace the HTTP layer. Use it as a context manager, or call
    ``close()``.
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
