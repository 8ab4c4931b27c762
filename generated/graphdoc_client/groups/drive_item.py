# mypy: disable-error-code="no-any-return"
"""Operations of the drive_item group: get, get_content, list_children, put_content."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._runtime import FileContent, Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from .._paging import Page
    from .. import types as _types
    from ._drive_item import AsyncDriveItemOperations as AsyncDriveItemOperations

_ENDPOINTS = endpoints("""
get GET item_path=path
    /me/drive/items/{item_id}
    /drives/{drive_id}/items/{item_id}
    /me/drive/root:/{item_path}
    /drives/{drive_id}/root:/{item_path}
get_content GET bytes item_path=path
    /me/drive/items/{item_id}/content
    /drives/{drive_id}/items/{item_id}/content
    /me/drive/root:/{item_path}:/content
    /drives/{drive_id}/root:/{item_path}:/content
list_children GET paged item_path=path
    /me/drive/root/children
    /me/drive/items/{item_id}/children
    /drives/{drive_id}/items/{item_id}/children
    /groups/{group_id}/drive/items/{item_id}/children
    /me/drive/root:/{item_path}:/children
    /drives/{drive_id}/root:/{item_path}:/children
    /groups/{group_id}/drive/root:/{item_path}:/children
put_content PUT filename=path item_path=path
    /me/drive/items/{parent_id}:/{filename}:/content
    /me/drive/items/{item_id}/content
    /me/drive/root:/{item_path}:/content
""")


class DriveItemOperations(Group):
    """drive_item operations (4), reached as client.drive_item."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def get(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _types.DriveItem:
        """Read the metadata of a driveItem, which can be a file or a folder. You can address the
        item by its id, either in the signed-in user's drive or in any drive you know the id of,
        or by its path relative to the root of the user's drive.

        GET /me/drive/items/{item_id}
        GET /drives/{drive_id}/items/{item_id}
        GET /me/drive/root:/{item_path}
        GET /drives/{drive_id}/root:/{item_path}

        Permissions (least privileged):
            Delegated (work or school account): Files.Read
            Delegated (personal Microsoft account): Files.Read
            Application: Files.Read.All

        Returns: 200 on success, microsoft.graph.driveItem.

        Documented in api/driveitem-get.md
        """
        return self._call("get", options, drive_id=drive_id, item_id=item_id, item_path=item_path)

    def get_content(
        self,
        item_id: str | None = None,
        *,
        drive_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes:
        """Download the raw bytes of a file driveItem. Folders have no content, so calling this on
        a folder fails. The response body is the file itself, not JSON.

        GET /me/drive/items/{item_id}/content
        GET /drives/{drive_id}/items/{item_id}/content
        GET /me/drive/root:/{item_path}:/content
        GET /drives/{drive_id}/root:/{item_path}:/content

        Permissions (least privileged):
            Delegated (work or school account): Files.Read
            Delegated (personal Microsoft account): Files.Read
            Application: Files.Read.All

        Returns: 200 on success.

        Documented in api/driveitem-get-content.md
        """
        return self._call(
            "get_content", options, drive_id=drive_id, item_id=item_id, item_path=item_path
        )

    def list_children(
        self,
        *,
        drive_id: str | None = None,
        item_id: str | None = None,
        group_id: str | None = None,
        item_path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[_types.DriveItem]:
        """Enumerate the driveItem objects that sit directly inside a folder. Items in nested
        sub-folders are not included. Large folders are paged; follow `@odata.nextLink` to read
        further pages.

        GET /me/drive/root/children
        GET /me/drive/items/{item_id}/children
        GET /drives/{drive_id}/items/{item_id}/children
        GET /groups/{group_id}/drive/items/{item_id}/children
        GET /me/drive/root:/{item_path}:/children
        GET /drives/{drive_id}/root:/{item_path}:/children
        GET /groups/{group_id}/drive/root:/{item_path}:/children

        Permissions (least privileged):
            Delegated (work or school account): Files.Read
            Delegated (personal Microsoft account): Files.Read
            Application: Files.Read.All

        Returns: 200 on success, a collection of microsoft.graph.driveItem.

        A list operation: returns a Page; iterating it yields every item of every page.

        Documented in api/driveitem-list-children.md
        """
        return self._call(
            "list_children",
            options,
            drive_id=drive_id,
            item_id=item_id,
            group_id=group_id,
            item_path=item_path,
        )

    def put_content(
        self,
        *,
        parent_id: str | None = None,
        filename: str | None = None,
        item_id: str | None = None,
        item_path: str | None = None,
        content: FileContent,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> _types.DriveItem:
        """Upload a file of up to 250 MB in a single request. You can either create a new file by
        naming it under a parent folder, or overwrite the bytes of a file that already exists by
        addressing it by id. Larger files need an upload session instead.

        PUT /me/drive/items/{parent_id}:/{filename}:/content
        PUT /me/drive/items/{item_id}/content
        PUT /me/drive/root:/{item_path}:/content

        Permissions (least privileged):
            Delegated (work or school account): Files.ReadWrite
            Delegated (personal Microsoft account): Files.ReadWrite
            Application: Files.ReadWrite.All

        Returns: 201 on success, microsoft.graph.driveItem.

        Documented in api/driveitem-put-content.md
        """
        return self._call(
            "put_content",
            options,
            parent_id=parent_id,
            filename=filename,
            item_id=item_id,
            item_path=item_path,
            content=content,
            content_type=content_type,
        )


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncDriveItemOperations = DriveItemOperations
