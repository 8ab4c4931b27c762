# mypy: disable-error-code="no-any-return"
"""Operations of the group group: delete_members, get, list, list_members, post_members."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from .._paging import Page
    from ._group import AsyncGroupOperations as AsyncGroupOperations

_ENDPOINTS = endpoints("""
delete_members DELETE
    /groups/{group_id}/members/{member_id}/$ref
get GET
    /groups/{group_id}
list GET paged
    /groups
list_members GET paged
    /groups/{group_id}/members
post_members POST
    /groups/{group_id}/members/$ref
""")


class GroupOperations(Group):
    """group operations (5), reached as client.group."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def delete_members(
        self, group_id: str, member_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Take a member out of a group. Only the membership link is removed; the directory object
        itself is left untouched.

        DELETE /groups/{group_id}/members/{member_id}/$ref

        Permissions (least privileged):
            Delegated (work or school account): GroupMember.ReadWrite.All
            Delegated (personal Microsoft account): not supported
            Application: GroupMember.ReadWrite.All

        Returns: 204 on success.

        Documented in api/group-delete-members.md
        """
        return self._call("delete_members", options, group_id=group_id, member_id=member_id)

    def get(self, group_id: str, **options: Unpack[RequestOptions]) -> dict[str, Any]:
        """Read the properties and relationships of a single group, identified by its object id. A
        default set of properties is returned; use `$select` for anything else.

        GET /groups/{group_id}

        Permissions (least privileged):
            Delegated (work or school account): GroupMember.Read.All
            Delegated (personal Microsoft account): not supported
            Application: GroupMember.Read.All

        Returns: 200 on success, microsoft.graph.group.

        Documented in api/group-get.md
        """
        return self._call("get", options, group_id=group_id)

    def list(self, **options: Unpack[RequestOptions]) -> Page[dict[str, Any]]:
        """Enumerate the group objects in the organization, including Microsoft 365 groups,
        security groups, and mail-enabled security groups. Each group comes back with a default
        set of properties.

        GET /groups

        Permissions (least privileged):
            Delegated (work or school account): GroupMember.Read.All
            Delegated (personal Microsoft account): not supported
            Application: GroupMember.Read.All

        Returns: 200 on success, a collection of microsoft.graph.group.

        A list operation: returns a Page; iterating it yields every item of every page.

        Documented in api/group-list.md
        """
        return self._call("list", options)

    def list_members(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> Page[dict[str, Any]]:
        """Obtiene los miembros directos de un grupo. Un miembro puede ser un usuario, un contacto
        de la organización, un dispositivo, una entidad de servicio u otro grupo. Los miembros
        de los grupos anidados no se incluyen.

        GET /groups/{group_id}/members

        Permissions (least privileged):
            Delegated (work or school account): GroupMember.Read.All
            Delegated (personal Microsoft account): not supported
            Application: GroupMember.Read.All

        Returns: 200 on success, a collection of microsoft.graph.directoryObject.

        A list operation: returns a Page; iterating it yields every item of every page.

        Documented in api/group-list-members.md
        """
        return self._call("list_members", options, group_id=group_id)

    def post_members(
        self,
        group_id: str,
        *,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Add a user, group, device, service principal, or organizational contact to the
        membership of a group. The new member is referenced by its URL in the `@odata.id`
        property of the payload.

        POST /groups/{group_id}/members/$ref

        Permissions (least privileged):
            Delegated (work or school account): GroupMember.ReadWrite.All
            Delegated (personal Microsoft account): not supported
            Application: GroupMember.ReadWrite.All

        Returns: 204 on success.

        Documented in api/group-post-members.md
        """
        return self._call("post_members", options, group_id=group_id, body=body)


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncGroupOperations = GroupOperations
