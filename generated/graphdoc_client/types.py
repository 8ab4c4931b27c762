"""Microsoft Graph's types, as the reference pages document them.

Each resource is a ``TypedDict`` with ``total=False`` (Graph returns part of an object
under ``$select``); an enumeration is a ``Literal`` of its members. They are plain
``dict`` and ``str`` values at run time: import them for annotations, e.g.
``from graphdoc_client.types import Message``.
"""

from __future__ import annotations

from typing import Literal, TypedDict

BodyType = Literal["text", "html"]


class EmailAddress(TypedDict, total=False):
    """A person or a mailbox as mail shows it: a name for people to read, and the address itself."""

    address: str
    name: str


Importance = Literal["low", "normal", "high"]


class ItemBody(TypedDict, total=False):
    """The body of an item: its text, and whether that text is plain or HTML."""

    content: str
    contentType: BodyType


_MessageFields = TypedDict("_MessageFields", {"from": "Recipient"}, total=False)


class Message(_MessageFields, total=False):
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


class Recipient(TypedDict, total=False):
    """One sender or one receiver of a message or an invitation."""

    emailAddress: EmailAddress


class User(TypedDict, total=False):
    """An account that can sign in, with its profile and its mailbox."""

    accountEnabled: bool
    businessPhones: list[str]
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
