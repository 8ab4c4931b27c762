"""Path templates: ``generator.parse.paths.parse_template`` and ``singular``."""

from __future__ import annotations

import pytest

from generator.parse.paths import parse_template, singular, split_query, strip_base


def parse(template: str, line: int = 3):
    found: list[tuple[int, str, str]] = []
    variant = parse_template(
        template, line, lambda ln, code, message: found.append((ln, code, message))
    )
    return variant, found


def names(variant) -> list[str]:
    return [p.name for p in variant.params]


def styles(variant) -> list[str]:
    return [p.style for p in variant.params]


# --------------------------------------------------------------------------- anonymous placeholders


def test_id_after_users_is_user_id():
    variant, found = parse("/users/{id}")
    assert variant.path == "/users/{user_id}"
    assert [(p.name, p.placeholder, p.style) for p in variant.params] == [
        ("user_id", "id", "segment")
    ]
    assert variant.template == "/users/{id}"
    assert variant.query == ""
    assert variant.line == 3
    assert found == []


def test_id_after_messages_is_message_id():
    variant, _ = parse("/me/messages/{id}")
    assert variant.path == "/me/messages/{message_id}"
    assert names(variant) == ["message_id"]


def test_repeated_id_named_by_each_collection():
    variant, _ = parse("/users/{id}/mailFolders/{id}/messages/{id}")
    assert variant.path == "/users/{user_id}/mailFolders/{mail_folder_id}/messages/{message_id}"
    assert names(variant) == ["user_id", "mail_folder_id", "message_id"]
    assert [p.placeholder for p in variant.params] == ["id", "id", "id"]


def test_repeated_id_after_same_collection_gets_suffix():
    variant, _ = parse("/users/{id}/directReports/users/{id}")
    assert names(variant) == ["user_id", "user_id_2"]
    assert variant.path == "/users/{user_id}/directReports/users/{user_id_2}"


@pytest.mark.parametrize(
    "placeholder", ["id", "id | userPrincipalName", "id|userPrincipalName", "Id", "id-value", ""]
)
def test_anonymous_placeholder_variants(placeholder):
    variant, _ = parse("/users/{" + placeholder + "}/photo")
    assert variant.path == "/users/{user_id}/photo"
    assert variant.params[0].placeholder == placeholder


def test_anonymous_placeholder_at_root_is_id():
    variant, _ = parse("/{id}")
    assert variant.path == "/{id}"
    assert names(variant) == ["id"]


@pytest.mark.parametrize(
    "collection, expected",
    [
        ("policies", "policy_id"),
        ("children", "child_id"),
        ("people", "person_id"),
        ("addresses", "address_id"),
        ("directoryObjects", "directory_object_id"),
    ],
)
def test_anonymous_placeholder_uses_singular(collection, expected):
    variant, _ = parse(f"/x/{collection}/{{id}}")
    assert names(variant) == [expected]


# --------------------------------------------------------------------------- named placeholders


@pytest.mark.parametrize("placeholder", ["user-id", "userId", "user_id", "UserId", "user id"])
def test_named_placeholder_becomes_snake_case(placeholder):
    variant, _ = parse("/users/{" + placeholder + "}/events/{event-id}")
    assert names(variant) == ["user_id", "event_id"]
    assert variant.path == "/users/{user_id}/events/{event_id}"
    assert variant.params[0].placeholder == placeholder


def test_named_placeholder_keeps_its_name_whatever_the_collection():
    variant, _ = parse("/groups/{team-id}/channels/{channelId}")
    assert names(variant) == ["team_id", "channel_id"]


@pytest.mark.parametrize(
    "placeholder, expected", [("self", "self_"), ("class", "class_"), ("filter", "filter_")]
)
def test_reserved_and_keyword_names_adjusted(placeholder, expected):
    variant, _ = parse("/things/{" + placeholder + "}")
    assert names(variant) == [expected]


# --------------------------------------------------------------------------- casts and OData segments


def test_cast_segment_kept():
    variant, _ = parse("/directoryObjects/{id}/microsoft.graph.user")
    assert variant.path == "/directoryObjects/{directory_object_id}/microsoft.graph.user"
    assert names(variant) == ["directory_object_id"]


def test_id_after_cast_named_by_cast_type():
    variant, _ = parse("/groups/{id}/members/microsoft.graph.user/{id}")
    assert variant.path == "/groups/{group_id}/members/microsoft.graph.user/{user_id}"


def test_ref_segment():
    variant, _ = parse("/groups/{id}/members/{id}/$ref")
    assert variant.path == "/groups/{group_id}/members/{member_id}/$ref"
    assert names(variant) == ["group_id", "member_id"]


def test_value_segment():
    variant, _ = parse("/me/messages/{id}/$value")
    assert variant.path == "/me/messages/{message_id}/$value"


def test_count_segment():
    variant, _ = parse("/users/$count")
    assert variant.path == "/users/$count"
    assert variant.params == ()
    variant, _ = parse("/users/{id}/messages/$count")
    assert variant.path == "/users/{user_id}/messages/$count"


# --------------------------------------------------------------------------- encoding styles


def test_function_parameter_placeholder_takes_the_arguments_name():
    variant, _ = parse("/reports/getEmailActivityCounts(period='{period_value}')")
    assert variant.path == "/reports/getEmailActivityCounts(period='{period}')"
    assert [(p.name, p.placeholder, p.style) for p in variant.params] == [
        ("period", "period_value", "function")
    ]


def test_function_arguments_with_one_placeholder_name_are_named_after_the_arguments():
    variant, _ = parse(
        "/me/drive/items/{id}/workbook/worksheets/{id|name}/range/resizedRange(deltaRows={n}, deltaColumns={n})"
    )
    assert [(p.name, p.placeholder, p.style) for p in variant.params] == [
        ("item_id", "id", "segment"),
        ("worksheet_id", "id|name", "segment"),
        ("delta_rows", "n", "argument"),
        ("delta_columns", "n", "argument"),
    ]


def test_segment_after_function_call_is_segment_style():
    variant, _ = parse("/me/calendar/getSchedule(day='{day}')/events/{id}")
    assert names(variant) == ["day", "event_id"]
    assert styles(variant) == ["function", "segment"]


def test_colon_addressing_placeholder():
    variant, _ = parse("/me/drive/root:/{item-path}:/content")
    assert variant.path == "/me/drive/root:/{item_path}:/content"
    assert [(p.name, p.placeholder, p.style) for p in variant.params] == [
        ("item_path", "item-path", "path")
    ]


def test_after_colon_addressing_back_to_segment():
    variant, _ = parse("/drives/{drive-id}/root:/{item-path}:/children/{id}")
    assert names(variant) == ["drive_id", "item_path", "child_id"]
    assert styles(variant) == ["segment", "path", "segment"]


# --------------------------------------------------------------------------- query strings


def test_query_string_split_and_renamed():
    variant, _ = parse("/me/calendarView?startDateTime={start-datetime}&endDateTime={end-datetime}")
    assert variant.path == "/me/calendarView"
    assert variant.query == "startDateTime={start_datetime}&endDateTime={end_datetime}"
    assert [(p.name, p.placeholder, p.style) for p in variant.params] == [
        ("start_datetime", "start-datetime", "query"),
        ("end_datetime", "end-datetime", "query"),
    ]


def test_plain_query_string():
    variant, _ = parse("/users/{id}/messages?$select=subject,from")
    assert variant.path == "/users/{user_id}/messages"
    assert variant.query == "$select=subject,from"
    assert styles(variant) == ["segment"]


def test_question_mark_inside_quotes_is_not_a_query():
    variant, _ = parse("/me/drive/search(q='what?')")
    assert variant.path == "/me/drive/search(q='{q}')"  # an example value becomes a placeholder
    assert variant.query == ""
    assert split_query("/a(q='x?y')?$top=1") == ("/a(q='x?y')", "$top=1")


def test_query_names_do_not_clash_with_path_names():
    variant, _ = parse("/users/{user-id}/events?user={user-id}")
    assert names(variant) == ["user_id", "user_id_2"]
    assert variant.query == "user={user_id_2}"


# --------------------------------------------------------------------------- base URL and slashes


@pytest.mark.parametrize(
    "template",
    [
        "https://graph.microsoft.com/v1.0/users/{id}/messages",
        "https://graph.microsoft.com/beta/users/{id}/messages",
        "HTTPS://graph.microsoft.com/v1.0/users/{id}/messages",
        "https://graph.microsoft.com/{version}/users/{id}/messages",
        "/v1.0/users/{id}/messages",
        "users/{id}/messages",
        "/users/{id}/messages/",
        "  /users/{id}/messages  ",
    ],
)
def test_base_and_slashes_normalised(template):
    variant, found = parse(template)
    assert variant.path == "/users/{user_id}/messages"
    assert variant.template == template.strip()
    assert found == []


def test_absolute_url_with_query():
    variant, _ = parse("https://graph.microsoft.com/v1.0/me/messages/?$top=5")
    assert variant.path == "/me/messages"
    assert variant.query == "$top=5"


def test_root_path_kept():
    assert parse("/")[0].path == "/"
    assert strip_base("https://graph.microsoft.com/v1.0") == "/"
    assert strip_base("https://graph.microsoft.com/v1.0/") == "/"


def test_version_like_segment_not_first_is_kept():
    variant, _ = parse("/me/beta/items")
    assert variant.path == "/me/beta/items"


# --------------------------------------------------------------------------- angle placeholders


def test_angle_bracket_placeholder_in_segment():
    variant, _ = parse("/users/<user-id>/messages")
    assert variant.path == "/users/{user_id}/messages"
    assert [(p.name, p.placeholder) for p in variant.params] == [("user_id", "user-id")]


def test_angle_bracket_placeholder_in_function():
    variant, _ = parse("/me/findRooms(RoomList='<address>')")
    assert variant.path == "/me/findRooms(RoomList='{room_list}')"
    assert [(p.name, p.style) for p in variant.params] == [("room_list", "function")]


# --------------------------------------------------------------------------- unbalanced braces


@pytest.mark.parametrize(
    "template, path",
    [
        ("/groups/{group-id/drive", "/groups/{group_id}/drive"),
        ("/users/{id", "/users/{user_id}"),
        ("/users/{id}}/photo", "/users/{user_id}/photo"),
        ("/users/{id/messages?$top=1", "/users/{user_id}/messages"),
    ],
)
def test_unbalanced_braces_repaired(template, path):
    variant, found = parse(template, line=42)
    assert variant.path == path
    assert [(line, code) for line, code, _ in found] == [(42, "GD014")]
    assert variant.template == template


def test_balanced_template_not_reported():
    _, found = parse("/groups/{group-id}/drive/items/{item-id}")
    assert found == []


# --------------------------------------------------------------------------- singular


@pytest.mark.parametrize(
    "word, expected",
    [
        ("users", "user"),
        ("messages", "message"),
        ("policies", "policy"),
        ("addresses", "address"),
        ("mailboxes", "mailbox"),
        ("branches", "branch"),
        ("wishes", "wish"),
        ("children", "child"),
        ("people", "person"),
        ("statuses", "status"),
        ("aliases", "alias"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("class", "class"),
        ("Users", "User"),
        ("Policies", "Policy"),
        ("me", "me"),
        ("is", "is"),
        ("drive", "drive"),
    ],
)
def test_singular(word, expected):
    assert singular(word) == expected
