# mypy: disable-error-code="no-any-return"
"""Operations of the user group: delete, get, list, list_contacts, list_events, list_mail_folders, list_messages, post_events, post_messages, post_users, send_mail, update."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from .._paging import Page
    from .. import types as _types
    from ._user import (
        AsyncUserOperations as AsyncUserOperations,
        UserPostUsersBody,
        UserSendMailBody,
    )

_ENDPOINTS = endpoints("""
delete DELETE
    /users/{user_id}
get GET
    /me
    /users/{user_id}
list GET paged
    /users
list_contacts GET paged
    /me/contacts
    /users/{user_id}/contacts
    /me/contactFolders/{contact_folder_id}/contacts
    /users/{user_id}/contactFolders/{contact_folder_id}/contacts
list_events GET paged
    /me/events
    /users/{user_id}/events
    /me/calendar/events
    /users/{user_id}/calendar/events
    /me/calendars/{calendar_id}/events
    /users/{user_id}/calendars/{calendar_id}/events
list_mail_folders GET paged
    /me/mailFolders
    /users/{user_id}/mailFolders
list_messages GET paged
    /me/messages
    /users/{user_id}/messages
    /me/mailFolders/{mail_folder_id}/messages
    /users/{user_id}/mailFolders/{mail_folder_id}/messages
post_events POST
    /me/events
    /users/{user_id}/events
    /me/calendar/events
    /users/{user_id}/calendar/events
    /me/calendars/{calendar_id}/events
    /users/{user_id}/calendars/{calendar_id}/events
post_messages POST
    /me/messages
    /users/{user_id}/messages
    /me/mailFolders/{mail_folder_id}/messages
    /users/{user_id}/mailFolders/{mail_folder_id}/messages
post_users POST
    /users
send_mail POST
    /me/sendMail
    /users/{user_id}/sendMail
update PATCH
    /me
    /users/{user_id}
""")


class UserOperations(Group):
    """user operations (12), reached as client.user."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def delete(self, user_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a user from the directory. The account goes to the deleted items container and
        can be restored during the retention window; after that it is purged for good.

        DELETE /users/{user_id}

        Permissions (least privileged):
            Delegated (work or school account): User.ReadWrite.All
            Delegated (personal Microsoft account): not supported
            Application: User.ReadWrite.All

        Returns: 204 on success.

        Documented in api/user-delete.md
        """
        return self._call("delete", options, user_id=user_id)

    def get(self, *, user_id: str | None = None, **options: Unpack[RequestOptions]) -> _types.User:
        """Read the properties and relationships of a user. Call `/me` for the signed-in user, or
        address any user by object id or user principal name. Only a default set of properties
        is returned unless you add `$select`.

        GET /me
        GET /users/{user_id}

        Permissions (least privileged):
            Delegated (work or school account): User.Read
            Delegated (personal Microsoft account): User.Read
            Application: User.Read.All

        Returns: 200 on success, microsoft.graph.user.

        Documented in api/user-get.md
        """
        return self._call("get", options, user_id=user_id)

    def list(self, **options: Unpack[RequestOptions]) -> Page[_types.User]:
        """Enumerate the user objects in the organization's directory. A default set of properties
        is returned for each user; use `$select` to request others.

        GET /users

        Permissions (least privileged):
            Delegated (work or school account): User.ReadBasic.All
            Delegated (personal Microsoft account): not supported
            Application: User.Read.All

        Returns: 200 on success, a collection of microsoft.graph.user.

        A list operation: returns a Page; iterating it yields every item of every page.

        Documented in api/user-list.md
        """
        return self._call("list", options)

    def list_contacts(
        self,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[dict[str, Any]]:
        """Enumerate the personal contacts a user keeps in their mailbox. Read from the default
        contacts folder, or name a specific contact folder to list only what it holds.

        GET /me/contacts
        GET /users/{user_id}/contacts
        GET /me/contactFolders/{contact_folder_id}/contacts
        GET /users/{user_id}/contactFolders/{contact_folder_id}/contacts

        Permissions (least privileged):
            Delegated (work or school account): Contacts.Read
            Delegated (personal Microsoft account): Contacts.Read
            Application: Contacts.Read

        Returns: 200 on success, a collection of microsoft.graph.contact.

        A list operation: returns a Page; iterating it yields every item of every page.

        Documented in api/user-list-contacts.md
        """
        return self._call(
            "list_contacts", options, user_id=user_id, contact_folder_id=contact_folder_id
        )

    def list_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[dict[str, Any]]:
        """Enumerate the events in a user's mailbox. Reading from `/me/events` covers the user's
        calendars broadly, while `/calendar/events` targets only the default calendar and
        `/calendars/{id}/events` targets one named calendar.

        GET /me/events
        GET /users/{user_id}/events
        GET /me/calendar/events
        GET /users/{user_id}/calendar/events
        GET /me/calendars/{calendar_id}/events
        GET /users/{user_id}/calendars/{calendar_id}/events

        Permissions (least privileged):
            Delegated (work or school account): Calendars.ReadBasic
            Delegated (personal Microsoft account): Calendars.ReadBasic
            Application: Calendars.ReadBasic

        Returns: 200 on success, a collection of microsoft.graph.event.

        A list operation: returns a Page; iterating it yields every item of every page.

        Documented in api/user-list-events.md
        """
        return self._call("list_events", options, user_id=user_id, calendar_id=calendar_id)

    def list_mail_folders(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Page[_types.MailFolder]:
        """Enumerate the top-level mail folders in a user's mailbox, such as the inbox, drafts, and
        any folders the user created at the root. Child folders aren't included; ask each folder
        for its child folders separately.

        GET /me/mailFolders
        GET /users/{user_id}/mailFolders

        Permissions (least privileged):
            Delegated (work or school account): Mail.ReadBasic
            Delegated (personal Microsoft account): Mail.ReadBasic
            Application: Mail.ReadBasic.All

        Returns: 200 on success, a collection of microsoft.graph.mailFolder.

        A list operation: returns a Page; iterating it yields every item of every page.

        Documented in api/user-list-mailfolders.md
        """
        return self._call("list_mail_folders", options, user_id=user_id)

    def list_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[_types.Message]:
        """Enumerate the messages that belong to a user. You can read across the entire mailbox or
        restrict the listing to a single mail folder, such as the inbox.

        GET /me/messages
        GET /users/{user_id}/messages
        GET /me/mailFolders/{mail_folder_id}/messages
        GET /users/{user_id}/mailFolders/{mail_folder_id}/messages

        Permissions (least privileged):
            Delegated (work or school account): Mail.ReadBasic
            Delegated (personal Microsoft account): Mail.ReadBasic
            Application: Mail.ReadBasic.All

        Returns: 200 on success, a collection of microsoft.graph.message.

        A list operation: returns a Page; iterating it yields every item of every page.

        Documented in api/user-list-messages.md
        """
        return self._call("list_messages", options, user_id=user_id, mail_folder_id=mail_folder_id)

    def post_events(
        self,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]:
        """Add a new event to a calendar. Posting to `/events` or `/calendar/events` uses the
        default calendar; posting to `/calendars/{id}/events` puts the event on the calendar you
        name.

        POST /me/events
        POST /users/{user_id}/events
        POST /me/calendar/events
        POST /users/{user_id}/calendar/events
        POST /me/calendars/{calendar_id}/events
        POST /users/{user_id}/calendars/{calendar_id}/events

        Permissions (least privileged):
            Delegated (work or school account): Calendars.ReadWrite
            Delegated (personal Microsoft account): Calendars.ReadWrite
            Application: Calendars.ReadWrite

        Returns: 201 on success, microsoft.graph.event.

        Documented in api/user-post-events.md
        """
        return self._call(
            "post_events", options, user_id=user_id, calendar_id=calendar_id, body=body
        )

    def post_messages(
        self,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: _types.Message | None = None,
        **options: Unpack[RequestOptions],
    ) -> _types.Message:
        """Save a new draft message. The draft lands in the Drafts folder unless you post it to a
        different mail folder. You can send it later with message: send, after editing it if
        needed.

        POST /me/messages
        POST /users/{user_id}/messages
        POST /me/mailFolders/{mail_folder_id}/messages
        POST /users/{user_id}/mailFolders/{mail_folder_id}/messages

        Permissions (least privileged):
            Delegated (work or school account): Mail.ReadWrite
            Delegated (personal Microsoft account): Mail.ReadWrite
            Application: Mail.ReadWrite

        Returns: 201 on success, microsoft.graph.message.

        Documented in api/user-post-messages.md
        """
        return self._call(
            "post_messages", options, user_id=user_id, mail_folder_id=mail_folder_id, body=body
        )

    def post_users(
        self, *, body: UserPostUsersBody | None = None, **options: Unpack[RequestOptions]
    ) -> _types.User:
        """Provision a new user in the organization's directory. The payload must contain the
        properties the directory requires for a new account; anything else can be filled in now
        or later with user: update.

        POST /users

        Permissions (least privileged):
            Delegated (work or school account): User.ReadWrite.All
            Delegated (personal Microsoft account): not supported
            Application: User.ReadWrite.All

        Returns: 201 on success, microsoft.graph.user.

        Documented in api/user-post-users.md
        """
        return self._call("post_users", options, body=body)

    def send_mail(
        self,
        *,
        user_id: str | None = None,
        body: UserSendMailBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Compose a new message and hand it to the mail service for delivery in one step, without
        first saving a draft. The message is described entirely by the JSON payload.

        POST /me/sendMail
        POST /users/{user_id}/sendMail

        Permissions (least privileged):
            Delegated (work or school account): Mail.Send
            Delegated (personal Microsoft account): Mail.Send
            Application: Mail.Send

        Returns: 202 on success.

        Documented in api/user-sendmail.md
        """
        return self._call("send_mail", options, user_id=user_id, body=body)

    def update(
        self,
        *,
        user_id: str | None = None,
        body: _types.User | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change one or more properties of a user. Properties left out of the payload are not
        modified. Signed-in users can edit parts of their own profile through `/me`; changing
        other accounts needs directory-wide permissions.

        PATCH /me
        PATCH /users/{user_id}

        Permissions (least privileged):
            Delegated (work or school account): User.ReadWrite
            Delegated (personal Microsoft account): User.ReadWrite
            Application: User.ReadWrite.All

        Returns: 204 on success.

        Documented in api/user-update.md
        """
        return self._call("update", options, user_id=user_id, body=body)


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncUserOperations = UserOperations
