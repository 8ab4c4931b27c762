# mypy: disable-error-code="no-any-return"
"""Operations of the mail_folder group: get."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from .. import types as _types
    from ._mail_folder import AsyncMailFolderOperations as AsyncMailFolderOperations

_ENDPOINTS = endpoints("""
get GET
    /me/mailFolders/{mail_folder_id}
    /users/{user_id}/mailFolders/{mail_folder_id}
""")


class MailFolderOperations(Group):
    """mail_folder operations (1), reached as client.mail_folder."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> _types.MailFolder:
        """Lee las propiedades de una carpeta de correo, como su nombre para mostrar y el número de
        elementos leídos y no leídos. Además del identificador de la carpeta, se admiten nombres
        conocidos como `inbox`, `drafts` o `sentitems`.

        GET /me/mailFolders/{mail_folder_id}
        GET /users/{user_id}/mailFolders/{mail_folder_id}

        Permissions (least privileged):
            Delegated (work or school account): Mail.ReadBasic
            Delegated (personal Microsoft account): Mail.ReadBasic
            Application: Mail.ReadBasic.All

        Returns: 200 on success, microsoft.graph.mailFolder.

        Documented in api/mailfolder-get.md
        """
        return self._call("get", options, mail_folder_id=mail_folder_id, user_id=user_id)


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncMailFolderOperations = MailFolderOperations
