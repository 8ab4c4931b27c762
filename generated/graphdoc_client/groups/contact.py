# mypy: disable-error-code="no-any-return"
"""Operations of the contact group: get."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from ._contact import AsyncContactOperations as AsyncContactOperations

_ENDPOINTS = endpoints("""
get GET
    /me/contacts/{contact_id}
    /users/{user_id}/contacts/{contact_id}
    /me/contactFolders/{contact_folder_id}/contacts/{contact_id}
    /users/{user_id}/contactFolders/{contact_folder_id}/contacts/{contact_id}
""")


class ContactOperations(Group):
    """contact operations (1), reached as client.contact."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def get(
        self,
        contact_id: str,
        *,
        user_id: str | None = None,
        contact_folder_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]:
        """Lee las propiedades de un contacto personal guardado en el buzón del usuario. El
        contacto se puede localizar directamente por su identificador o a través de la carpeta
        de contactos que lo contiene.

        GET /me/contacts/{contact_id}
        GET /users/{user_id}/contacts/{contact_id}
        GET /me/contactFolders/{contact_folder_id}/contacts/{contact_id}
        GET /users/{user_id}/contactFolders/{contact_folder_id}/contacts/{contact_id}

        Permissions (least privileged):
            Delegated (work or school account): Contacts.Read
            Delegated (personal Microsoft account): Contacts.Read
            Application: Contacts.Read

        Returns: 200 on success, microsoft.graph.contact.

        Documented in api/contact-get.md
        """
        return self._call(
            "get",
            options,
            contact_id=contact_id,
            user_id=user_id,
            contact_folder_id=contact_folder_id,
        )


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncContactOperations = ContactOperations
