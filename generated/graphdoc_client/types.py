"""Microsoft Graph's types, as the reference pages document them.

Each resource is a ``TypedDict`` with ``total=False`` (Graph returns part of an object
under ``$select``); an enumeration is a ``Literal`` of its members (``str`` where
the pages do not give the values Graph sends). They are plain
``dict`` and ``str`` values at run time: import them for annotations, e.g.
``from graphdoc_client.types import Message``. Every type extends ``ODataObject``:
any object may carry ``@odata.type``, the derived type it is.
"""

from __future__ import annotations

from typing import Literal, TypedDict

ODataObject = TypedDict("ODataObject", {"@odata.type": "str"}, total=False)


BodyType = Literal["text", "html"]


class DriveItem(ODataObject, total=False):
    """One entry of a drive: a file, a folder, or another kind of item. Its content, for a file, is read and written at the /content path of the item."""

    id: str
    name: str
    size: int
    webUrl: str
    createdDateTime: str
    lastModifiedDateTime: str
    file: File
    folder: Folder
    parentReference: ItemReference


class EmailAddress(ODataObject, total=False):
    """A person or a mailbox as mail shows it: a name for people to read, and the address itself."""

    address: str
    name: str


class File(ODataObject, total=False):
    """Present on a drive item when the item holds bytes."""

    mimeType: str


class Folder(ODataObject, total=False):
    """Present on a drive item when the item holds other items."""

    childCount: int


Importance = Literal["low", "normal", "high"]


class ItemBody(ODataObject, total=False):
    """The body of an item: its text, and whether that text is plain or HTML."""

    content: str
    contentType: BodyType


class ItemReference(ODataObject, total=False):
    """Points at a drive item from another one, usually its parent folder."""

    driveId: str
    id: str
    path: str


class MailFolder(ODataObject, total=False):
    """A folder that holds messages and other folders, such as the inbox or the drafts."""

    id: str
    displayName: str
    parentFolderId: str
    childFolderCount: int
    totalItemCount: int
    unreadItemCount: int
    isHidden: bool


_MessageFields = TypedDict("_MessageFields", {"from": "Recipient"}, total=False)


class Message(ODataObject, _MessageFields, total=False):
    """One mail item, in a folder of a user's mailbox."""

    bccRecipients: list[Recipient]
    body: ItemBody
    bodyPreview: str
    categories: list[str]
    ccRecipients: list[Recipient]
    createdDateTime: str
    hasAttachments: bool
    id: str
    importance: Importance
    isDraft: bool
    isRead: bool
    receivedDateTime: str
    sentDateTime: str
    subject: str
    toRecipients: list[Recipient]
    webLink: str


class ProfilePhoto(ODataObject, total=False):
    """The picture shown beside an account. The object describes the picture; its bytes are read from the $value of the same path."""

    id: str
    height: int
    width: int


class Recipient(ODataObject, total=False):
    """One sender or one receiver of a message or an invitation."""

    emailAddress: EmailAddress


class ReportRoot(ODataObject, total=False):
    """The entry point of the usage reports. It has no properties of its own: each report is a function bound to it, which answers with a CSV file."""


class User(ODataObject, total=False):
    """An account that can sign in, with its profile and its mailbox."""

    accountEnabled: bool
    businessPhones: list[str]
    department: str
    displayName: str
    givenName: str
    id: str
    jobTitle: str
    mail: str
    mobilePhone: str
    officeLocation: str
    preferredLanguage: str
    surname: str
    userPrincipalName: str
    messages: list[Message]
