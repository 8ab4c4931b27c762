# mypy: disable-error-code="no-any-return"
"""Operations of the profile_photo group: get."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from ._profile_photo import AsyncProfilePhotoOperations as AsyncProfilePhotoOperations

_ENDPOINTS = endpoints("""
get GET bytes
    /me/photo/$value
    /users/{user_id}/photo/$value
    /groups/{group_id}/photo/$value
""")


class ProfilePhotoOperations(Group):
    """profile_photo operations (1), reached as client.profile_photo."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def get(
        self,
        *,
        user_id: str | None = None,
        group_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes:
        """Download the image bytes of a profilePhoto. Appending `/$value` to the photo path
        returns the picture itself rather than its metadata. If no photo has been uploaded, the
        call fails with a not-found error.

        GET /me/photo/$value
        GET /users/{user_id}/photo/$value
        GET /groups/{group_id}/photo/$value

        Permissions (least privileged):
            Delegated (work or school account): User.Read
            Delegated (personal Microsoft account): User.Read
            Application: User.Read.All

        Returns: 200 on success.

        Documented in api/profilephoto-get.md
        """
        return self._call("get", options, user_id=user_id, group_id=group_id)


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncProfilePhotoOperations = ProfilePhotoOperations
