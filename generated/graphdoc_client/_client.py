"""The Graph client: one attribute per resource group, each loaded on first use."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ._runtime import BaseClient

if TYPE_CHECKING:
    from .groups.contact import ContactOperations
    from .groups.driveitem import DriveitemOperations
    from .groups.event import EventOperations
    from .groups.group import GroupOperations
    from .groups.mailfolder import MailfolderOperations
    from .groups.message import MessageOperations
    from .groups.profilephoto import ProfilephotoOperations
    from .groups.reportroot import ReportrootOperations
    from .groups.user import UserOperations

__all__ = ["GraphClient"]


class GraphClient(BaseClient):
    """A Microsoft Graph v1.0 client: ``client.<group>.<operation>(...)``.

    Give ``token=`` (a string or a callable returning one) or ``credential=`` (any object
    with ``get_token(*scopes)`` returning ``.token`` and ``.expires_on``, such as an
    azure-identity credential). ``transport=`` or ``http_client=`` replace the HTTP layer.
    """

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
