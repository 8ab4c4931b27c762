# mypy: disable-error-code="no-any-return"
"""Operations of the message group: delete, forward, get, reply, send, update."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from .. import types as _types
    from ._message import (
        AsyncMessageOperations as AsyncMessageOperations,
        MessageForwardBody,
        MessageReplyBody,
        MessageUpdateBody,
    )

_ENDPOINTS = endpoints("""
delete DELETE
    /me/messages/{message_id}
    /users/{user_id}/messages/{message_id}
    /me/mailFolders/{mail_folder_id}/messages/{message_id}
    /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}
forward POST
    /me/messages/{message_id}/forward
    /users/{user_id}/messages/{message_id}/forward
    /me/mailFolders/{mail_folder_id}/messages/{message_id}/forward
    /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}/forward
get GET
    /me/messages/{message_id}
    /users/{user_id}/messages/{message_id}
    /me/mailFolders/{mail_folder_id}/messages/{message_id}
    /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}
reply POST
    /me/messages/{message_id}/reply
    /users/{user_id}/messages/{message_id}/reply
    /me/mailFolders/{mail_folder_id}/messages/{message_id}/reply
    /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}/reply
send POST
    /me/messages/{message_id}/send
    /users/{user_id}/messages/{message_id}/send
update PATCH
    /me/messages/{message_id}
    /users/{user_id}/messages/{message_id}
    /me/mailFolders/{mail_folder_id}/messages/{message_id}
    /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}
""")


class MessageOperations(Group):
    """message operations (6), reached as client.message."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def delete(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Remove a message from the mailbox. The message is moved to the Deleted Items folder,
        where it stays until that folder is emptied.

        DELETE /me/messages/{message_id}
        DELETE /users/{user_id}/messages/{message_id}
        DELETE /me/mailFolders/{mail_folder_id}/messages/{message_id}
        DELETE /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}

        Permissions (least privileged):
            Delegated (work or school account): Mail.ReadWrite
            Delegated (personal Microsoft account): Mail.ReadWrite
            Application: Mail.ReadWrite

        Returns: 204 on success.

        Documented in api/message-delete.md
        """
        return self._call(
            "delete", options, message_id=message_id, user_id=user_id, mail_folder_id=mail_folder_id
        )

    def forward(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageForwardBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Reenvía un mensaje a uno o varios destinatarios en una sola llamada. Puede añadir un
        comentario que se colocará encima del mensaje original. Una vez enviado, el reenvío se
        guarda en la carpeta Elementos enviados.

        POST /me/messages/{message_id}/forward
        POST /users/{user_id}/messages/{message_id}/forward
        POST /me/mailFolders/{mail_folder_id}/messages/{message_id}/forward
        POST /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}/forward

        Permissions (least privileged):
            Delegated (work or school account): Mail.Send
            Delegated (personal Microsoft account): Mail.Send
            Application: Mail.Send

        Returns: 202 on success.

        Documented in api/message-forward.md
        """
        return self._call(
            "forward",
            options,
            message_id=message_id,
            user_id=user_id,
            mail_folder_id=mail_folder_id,
            body=body,
        )

    def get(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _types.Message:
        """Read the properties and relationships of one message, addressed by its id. The message
        can be looked up through the mailbox as a whole or through the mail folder that contains
        it.

        GET /me/messages/{message_id}
        GET /users/{user_id}/messages/{message_id}
        GET /me/mailFolders/{mail_folder_id}/messages/{message_id}
        GET /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}

        Permissions (least privileged):
            Delegated (work or school account): Mail.ReadBasic
            Delegated (personal Microsoft account): Mail.ReadBasic
            Application: Mail.ReadBasic.All

        Returns: 200 on success, microsoft.graph.message.

        Documented in api/message-get.md
        """
        return self._call(
            "get", options, message_id=message_id, user_id=user_id, mail_folder_id=mail_folder_id
        )

    def reply(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageReplyBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Answer the sender of a message in a single call. You can pass either a short comment,
        which is placed above the quoted original, or a message object that overrides properties
        of the reply such as extra recipients. Don't set both the comment and the body of the
        message in the same request.

        POST /me/messages/{message_id}/reply
        POST /users/{user_id}/messages/{message_id}/reply
        POST /me/mailFolders/{mail_folder_id}/messages/{message_id}/reply
        POST /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}/reply

        Permissions (least privileged):
            Delegated (work or school account): Mail.Send
            Delegated (personal Microsoft account): Mail.Send
            Application: Mail.Send

        Returns: 202 on success.

        Documented in api/message-reply.md
        """
        return self._call(
            "reply",
            options,
            message_id=message_id,
            user_id=user_id,
            mail_folder_id=mail_folder_id,
            body=body,
        )

    def send(
        self, message_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """Deliver a message that already exists as a draft in the mailbox. The draft can be one
        you created from scratch or a reply, reply-all, or forward that you saved earlier.

        POST /me/messages/{message_id}/send
        POST /users/{user_id}/messages/{message_id}/send

        Permissions (least privileged):
            Delegated (work or school account): Mail.Send
            Delegated (personal Microsoft account): Mail.Send
            Application: Mail.Send

        Returns: 202 on success.

        Documented in api/message-send.md
        """
        return self._call("send", options, message_id=message_id, user_id=user_id)

    def update(
        self,
        message_id: str,
        *,
        user_id: str | None = None,
        mail_folder_id: str | None = None,
        body: MessageUpdateBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> _types.Message:
        """Change one or more writable properties of a message. Properties you leave out of the
        payload keep their current values.

        PATCH /me/messages/{message_id}
        PATCH /users/{user_id}/messages/{message_id}
        PATCH /me/mailFolders/{mail_folder_id}/messages/{message_id}
        PATCH /users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}

        Permissions (least privileged):
            Delegated (work or school account): Mail.ReadWrite
            Delegated (personal Microsoft account): Mail.ReadWrite
            Application: Mail.ReadWrite

        Returns: 200 on success, microsoft.graph.message.

        Documented in api/message-update.md
        """
        return self._call(
            "update",
            options,
            message_id=message_id,
            user_id=user_id,
            mail_folder_id=mail_folder_id,
            body=body,
        )


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncMessageOperations = MessageOperations
