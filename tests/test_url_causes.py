"""Doc patterns that used to give a wrong URL, each corrected where it is read and reported
with its own code, on small pages of our own (the corpus test checks the real pages)."""

from __future__ import annotations

from generator.parse.page import parse_text
from generator.parse.paths import parse_template
from generator.render.package import operation_view
from generator.plan.replay import positional_params, signature_params

from .pages import line_of, md


def parse(template: str) -> tuple[str, list[str]]:
    found: list[str] = []
    variant = parse_template(template, 7, lambda line, code, message: found.append(code))
    return variant.path, found


def test_users_me_is_me() -> None:
    assert parse("/users/me/messages/{id}/replyAll") == (
        "/me/messages/{message_id}/replyAll",
        ["GD017"],
    )
    assert parse("/users/{id}/messages") == ("/users/{user_id}/messages", [])
    assert parse("/users/meetings/{id}")[1] == []  # a segment starting with "me" is not /me


def test_an_alternative_outside_the_braces_is_one_placeholder() -> None:
    path, codes = parse("/users/{user-id} | user-principal-name/chats/{chat-id}/members")
    assert (path, codes) == ("/users/{user_id}/chats/{chat_id}/members", ["GD018"])
    path, codes = parse("/users/{id} | {userPrincipalName}/chats")
    assert (path, codes) == ("/users/{user_id}/chats", ["GD018"])
    assert parse("/users/{id | userPrincipalName}/chats") == ("/users/{user_id}/chats", [])


def test_an_ellipsis_segment_is_one_level() -> None:
    path, codes = parse("/me/mailFolders/{id}/childFolders/{id}/.../messages/{id}")
    assert (
        path
        == "/me/mailFolders/{mail_folder_id}/childFolders/{child_folder_id}/messages/{message_id}"
    )
    assert codes == ["GD019"]
    assert parse("/me/contactFolders/{id}/childFolders/{id}/\u2026/contacts")[1] == ["GD019"]


PAGE = md("""
    # Create upload session

    ## Permissions

    <!-- { "blockType": "ignored" } -->
    ```http
    POST /me/drive/items/{item-id}/createUploadSession
    POST /drives/{drive-id}/items/{item-id}/createUploadSession
    ```

    ## Response

    If the quota is exceeded, a `507 Insufficient Storage` response is returned.

    If successful, this method returns a `200 OK` response code.
    """)


def test_an_unheaded_request_block_is_found_by_its_shape_and_an_error_status_is_not_success() -> (
    None
):
    result = parse_text("api/driveitem-createuploadsession.md", PAGE, "v1.0")
    operation = result.operation
    assert operation is not None
    codes = {(d.code, d.line) for d in result.diagnostics}
    assert ("GD007", line_of(PAGE, "```http")) in codes
    assert ("GD039", line_of(PAGE, "507")) in codes
    assert "GD011" not in {code for code, _ in codes}
    assert operation.response.status == 200
    paths = [v.path for v in operation.variants]
    assert paths == [
        "/me/drive/items/{item_id}/createUploadSession",
        "/drives/{drive_id}/items/{item_id}/createUploadSession",
        "/me/drive/root:/{item_path}:/createUploadSession",
        "/drives/{drive_id}/root:/{item_path}:/createUploadSession",
    ]
    assert [v.derived_from for v in operation.variants][2:] == [
        "/me/drive/items/{item-id}/createUploadSession",
        "/drives/{drive-id}/items/{item-id}/createUploadSession",
    ]
    # item_id is in every documented path: positional still, with a default for item_path=
    assert signature_params(operation) == ([], ["drive_id", "item_id", "item_path"])
    assert positional_params(operation) == ["item_id"]
    signature = operation_view(operation).signature
    assert "item_id: str | None = None,\n        *," in signature
    assert "item_path: str | None = None" in signature


def test_a_redirect_stays_the_documented_status() -> None:
    page = md("""
        # Download

        ## HTTP request

        ```http
        GET /me/drive/items/{item-id}/content
        ```

        ## Response

        Returns a `302 Found` response redirecting to a pre-authenticated download URL.
        """)
    result = parse_text("api/driveitem-get-content.md", page, "v1.0")
    assert result.operation is not None and result.operation.response.status == 302
    assert "GD039" not in {d.code for d in result.diagnostics}
