"""From examples to replay cases across a set of pages: ``generator.pipeline.analyse``.

Each test writes a few small pages of our own, in the format of the real ones, and checks
which examples become replay tests, against which operation, and what is reported.
"""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import Settings, analyse
from generator.parse.lenient_json import loads

from .pages import md


def page(
    title: str, method: str, templates: list[str], examples: str, status: str = "200 OK"
) -> str:
    lines = "\n        ".join(f"{method} {template}" for template in templates)
    return md(f"""\
        # {title}

        Does something to a widget.

        ## HTTP request

        ```http
        {lines}
        ```

        ## Response

        If successful, this method returns a `{status}` response code.

        ## Examples

        """) + md(examples)


def run(tmp_path: Path, pages: dict[str, str]):
    for name, text in pages.items():
        (tmp_path / "api").mkdir(exist_ok=True)
        (tmp_path / "api" / name).write_text(text, encoding="utf-8")
    result = analyse([str(tmp_path)], Settings())
    by_name = {op.name: op for op in result.operations}
    cases = {
        name: [case.example.name for case in result.cases[op.qualified_name]]
        for name, op in by_name.items()
    }
    return result, by_name, cases


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def request(name: str, line: str, response: str = "HTTP/1.1 200 OK") -> str:
    return md(f"""\
        <!-- {{ "blockType": "request", "name": "{name}" }} -->
        ```http
        {line}
        ```

        <!-- {{ "blockType": "response" }} -->
        ```http
        {response}
        ```

        """)


def test_example_of_another_pages_operation_is_replayed_against_it(tmp_path):
    result, ops, cases = run(
        tmp_path,
        {
            "calendar-get.md": page(
                "calendar: get",
                "GET",
                ["/me/calendars/{id}"],
                request("get_default", "GET https://graph.microsoft.com/v1.0/me/calendar"),
            ),
            "user-get-calendar.md": page("user: get calendar", "GET", ["/me/calendar"], ""),
        },
    )
    assert cases["get"] == []
    assert cases["get_calendar"] == ["get_default"]
    assert "GD044" in codes(result)  # the page's own templates still miss it
    [note] = [d for d in result.diagnostics if d.code == "GD062"]
    assert note.path.endswith("calendar-get.md")
    assert "client.user.get_calendar" in note.message


def test_drive_item_by_path_is_an_alias_of_item_by_id(tmp_path):
    result, ops, cases = run(
        tmp_path,
        {
            "driveitem-list-children.md": page(
                "driveitem: list children",
                "GET",
                ["/drives/{drive-id}/items/{item-id}/children"],
                request(
                    "by_path",
                    "GET https://graph.microsoft.com/v1.0/drives/b!x/root:/Docs/a b.txt:/children",
                ),
            )
        },
    )
    assert cases["list_children"] == ["by_path"]
    paths = [v.path for v in ops["list_children"].variants]
    assert "/drives/{drive_id}/root:/{item_path}:/children" in paths
    assert "GD049" in codes(result)


def test_get_without_ref_lists_the_objects(tmp_path):
    _, ops, cases = run(
        tmp_path,
        {
            "device-list-owners.md": page(
                "device: list owners",
                "GET",
                ["/devices/{id}/owners/$ref"],
                request("owners", "GET https://graph.microsoft.com/v1.0/devices/d1/owners"),
            )
        },
    )
    assert cases["list_owners"] == ["owners"]


def test_relative_example_written_as_a_template_is_a_variant(tmp_path):
    _, ops, cases = run(
        tmp_path,
        {
            "drive-list.md": page(
                "drive: list",
                "GET",
                ["/groups/{groupId}/drives"],
                request("mine", "GET /me/drives") + request("site", "GET /sites/{siteId}/drives"),
            )
        },
    )
    assert cases["list"] == ["mine", "site"]
    assert {v.path for v in ops["list"].variants} >= {"/me/drives", "/sites/{site_id}/drives"}


def test_bare_json_body_is_the_response_with_the_documented_status(tmp_path):
    examples = """\
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/7
        ```

        ```json
        {
          "id": "7",
          "name": "gear"
        }
        ```
        """
    result, ops, cases = run(
        tmp_path, {"widget-get.md": page("widget: get", "GET", ["/widgets/{id}"], examples)}
    )
    assert cases["get"] == ["widget_get_1"]
    assert "GD040" not in codes(result)
    [case] = result.cases[ops["get"].qualified_name]
    assert case.response["status"] == 200
    assert case.response["json"] == {"id": "7", "name": "gear"}


def test_mime_body_is_sent_as_raw_body(tmp_path):
    examples = """
        <!-- { "blockType": "request", "name": "send_mime" } -->
        ```http
        POST https://graph.microsoft.com/v1.0/me/sendMail
        Content-Type: text/plain

        RnJvbTogYUBiLmNvbQ==
        ```

        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 202 Accepted
        ```
        """
    json_request = """\
        <!-- { "blockType": "request", "name": "send_json" } -->
        ```http
        POST https://graph.microsoft.com/v1.0/me/sendMail
        Content-Type: application/json

        {"message": {"subject": "hi"}}
        ```

        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 202 Accepted
        ```
        """
    result, ops, cases = run(
        tmp_path,
        {
            "user-sendmail.md": page(
                "user: sendMail", "POST", ["/me/sendMail"], json_request + examples, "202 Accepted"
            )
        },
    )
    assert cases["send_mail"] == ["send_json", "send_mime"]
    mime = result.cases[ops["send_mail"].qualified_name][1]
    assert mime.content == "RnJvbTogYUBiLmNvbQ=="
    assert mime.headers == {"Content-Type": "text/plain"}


def test_template_spellings_of_placeholders():
    from generator.parse.paths import parse_template

    def path(template: str) -> str:
        return parse_template(template, 1, lambda *args: None).path

    assert path("/teams/(team-id)/channels") == "/teams/{team_id}/channels"
    assert path("/recoveryKeys/'{keyId}'") == "/recoveryKeys/{key_id}"
    assert path("/workbook/worksheets({id|name})/charts(<name>)") == (
        "/workbook/worksheets/{worksheet_id}/charts/{name}"
    )
    assert path("/range(address={address})") == "/range(address={address})"  # a function


def test_query_keys_match_whatever_their_case(tmp_path):
    _, ops, cases = run(
        tmp_path,
        {
            "calendar-view.md": page(
                "calendar view",
                "GET",
                ["/me/calendarView?startDateTime={start}&endDateTime={end}"],
                request(
                    "view",
                    "GET https://graph.microsoft.com/v1.0/me/calendarview?startdatetime=a&enddatetime=b",
                ),
            )
        },
    )
    assert cases["view"] == ["view"]


def test_no_break_spaces_between_json_tokens_are_repaired_inside_strings_kept():
    value, repaired = loads('{"a":\u202f"x\u00a0y",\n\u00a0\u00a0"b": 1}')
    assert value == {"a": "x\u00a0y", "b": 1}
    assert repaired


def test_a_second_call_shown_only_by_an_example_becomes_an_operation(tmp_path):
    commit = request(
        "commit-upload",
        "PUT https://graph.microsoft.com/v1.0/me/drive/root:/{path_to_parent}",
        "HTTP/1.1 201 Created",
    )
    result, ops, cases = run(
        tmp_path,
        {
            "driveitem-createuploadsession.md": page(
                "driveItem: createUploadSession",
                "POST",
                ["/me/drive/items/{itemId}/createUploadSession"],
                request(
                    "create-session",
                    "POST https://graph.microsoft.com/v1.0/me/drive/items/01A/createUploadSession",
                )
                + commit,
            )
        },
    )
    assert cases == {
        "create_upload_session": ["create-session"],
        "commit_upload": ["commit-upload"],
    }
    extra = ops["commit_upload"]
    assert (extra.http_method, extra.variants[0].path) == (
        "PUT",
        "/me/drive/root:/{path_to_parent}",
    )
    assert extra.permissions == ops["create_upload_session"].permissions
    assert [e.name for e in ops["create_upload_session"].examples] == ["create-session"]
    [note] = [d for d in result.diagnostics if d.code == "GD063"]
    assert "client.driveitem.commit_upload" in note.message
    assert result.report["operations"] == 2
    assert result.report["rates_percent"]["api_pages_to_operation"] == 100.0
    assert result.report["example_requests_on_graph"] == result.report["replay_tests"] == 2


def test_an_example_with_concrete_ids_and_another_method_stays_a_diagnostic(tmp_path):
    result, ops, cases = run(
        tmp_path,
        {
            "widget-update.md": page(
                "widget: update",
                "PATCH",
                ["/widgets/{id}"],
                request("put_it", "PUT https://graph.microsoft.com/v1.0/gadgets/g1"),
            )
        },
    )
    assert list(ops) == ["update"] and cases["update"] == []
    assert "GD047" in codes(result) and "GD063" not in codes(result)


def test_my_drive_is_a_drive_by_id_and_letter_case_is_forgiven(tmp_path):
    _, ops, cases = run(
        tmp_path,
        {
            "drive-list-activities.md": page(
                "drive: list activities",
                "GET",
                ["/drives/{drive-id}/activities"],
                request("mine", "GET https://graph.microsoft.com/v1.0/me/drive/activities"),
            ),
            "taskgroup-get.md": page(
                "outlookTaskGroup: get",
                "GET",
                ["/users/{id}/outlook/taskGroups/{id}"],
                request(
                    "lower", "GET https://graph.microsoft.com/beta/me/outlook/taskgroups('AAMk=')"
                ),
            ),
        },
    )
    assert cases["list_activities"] == ["mine"]
    assert "/me/drive/activities" in [v.path for v in ops["list_activities"].variants]
    assert cases["get"] == ["lower"]


def test_an_escaped_slash_stays_inside_its_segment(tmp_path):
    result, ops, cases = run(
        tmp_path,
        {
            "activity-get.md": page(
                "activity: get",
                "GET",
                ["/me/activities/{appActivityId}"],
                request("escaped", "GET https://graph.microsoft.com/beta/me/activities/%2Fa%3F1"),
            )
        },
    )
    assert cases["get"] == ["escaped"]
    [case] = result.cases[ops["get"].qualified_name]
    assert case.args == ("/a?1",) and case.path == "/me/activities//a?1"


def test_placeholder_values_elisions_and_full_width_commas_are_repaired():
    text = '{"on": boolean-value，"keys": [key-credentials], text: {"n": 1.5e3},\n  ...\n "q": { ... }}'
    assert loads(text) == (
        {"on": "boolean-value", "keys": ["key-credentials"], "text": {"n": 1500.0}, "q": {}},
        True,
    )
    trimmed = '{\n "value": [\n  {"id": "a"},\n  <...the rest is left out...>\n ]\n}'
    assert loads(trimmed) == ({"value": [{"id": "a"}]}, True)
