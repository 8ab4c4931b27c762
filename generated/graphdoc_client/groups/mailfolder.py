# mypy: disable-error-code="no-any-return"
"""Operations of the mailfolder group: get."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from .._response import AsyncStreamed, RawResponse, Streamed

_ENDPOINTS = endpoints("""
get GET
    /me/mailFolders/{mail_folder_id}
    /users/{user_id}/mailFolders/{mail_folder_id}
""")


class MailfolderOperations(Group):
    """mailfolder operations (1), reached as client.mailfolder."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def get(
        self, mail_folder_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> dict[str, Any]:
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


if TYPE_CHECKING:

    class AsyncMailfolderOperations(Group):
        """The same operations as :class:`MailfolderOperations`, as the async client's calls are typed: awaitable. At run time both clients share one class."""

        async def get(
            self,
            mail_folder_id: str,
            *,
            user_id: str | None = None,
            **options: Unpack[RequestOptions],
        ) -> dict[str, Any]: ...

    class AsyncRawMailfolderOperations:
        async def get(
            self,
            mail_folder_id: str,
            *,
            user_id: str | None = None,
            **options: Unpack[RequestOptions],
        ) -> RawResponse[dict[str, Any]]: ...

    class AsyncStreamMailfolderOperations:
        def get(
            self,
            mail_folder_id: str,
            *,
            user_id: str | None = None,
            **options: Unpack[RequestOptions],
        ) -> AsyncStreamed[dict[str, Any]]: ...

    class RawMailfolderOperations:
        def get(
            self,
            mail_folder_id: str,
            *,
            user_id: str | None = None,
            **options: Unpack[RequestOptions],
        ) -> RawResponse[dict[str, Any]]: ...

    class StreamMailfolderOperations:
        def get(
            self,
            mail_folder_id: str,
            *,
            user_id: str | None = None,
            **options: Unpack[RequestOptions],
        ) -> Streamed[dict[str, Any]]: ...

else:
    AsyncMailfolderOperations = MailfolderOperations
