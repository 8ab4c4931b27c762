"""Names a Python developer would write: the words of a page stem found in the page's own
code (its paths) and in the run's type names, on pages we write."""

from __future__ import annotations

from pathlib import Path

from generator.parse.naming import camel_words, segment, snake_words, vocabulary
from generator.pipeline import Settings, analyse
from tests.pages import md


def _api(title: str, method: str, templates: list[str]) -> str:
    lines = "\n".join(f"{method} {template}" for template in templates)
    return md(f"""\
        # {title}

        Acts on a widget.

        ## HTTP request

        ```http
        {{lines}}
        ```

        ## Response

        If successful, this method returns a `204 No Content` response code.
        """).replace("{lines}", lines)


def _resource(name: str) -> str:
    return md(f"""\
        # {name} resource type

        A thing of our own.

        ## Properties

        | Property | Type | Description |
        |:---------|:-----|:------------|
        | id | String | Its key. |

        ## JSON representation

        <!-- {{"blockType": "resource", "@odata.type": "microsoft.graph.{name}"}} -->

        ```json
        {{"id": "String"}}
        ```
        """)


def _build(tmp_path: Path, api: dict[str, str], resources: dict[str, str]) -> dict[str, str]:
    for folder, pages in (("api", api), ("resources", resources)):
        (tmp_path / folder).mkdir(exist_ok=True)
        for name, text in pages.items():
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    result = analyse([str(tmp_path)], Settings())
    return {op.id: op.qualified_name for op in result.operations}


def test_camel_words_keep_digits_and_leading_letters_with_their_word():
    assert camel_words("sendMail") == ("send", "mail")
    assert camel_words("b2xIdentityUserFlow") == ("b2x", "identity", "user", "flow")
    assert camel_words("iOSGeneralDeviceConfiguration")[:2] == ("ios", "general")
    assert camel_words("getOffice365ActiveUserDetail")[1] == "office365"
    assert camel_words("eBookInstallSummary")[0] == "ebook"
    assert camel_words("listURLs") == ("list", "urls")


def test_a_token_is_split_where_an_identifier_of_the_page_spells_it():
    known = vocabulary(
        ["/me/sendMail", "/users/{id}/memberOf", "/reports/getTeamsUserActivityCounts"]
    )
    assert snake_words("sendmail", known) == "send_mail"
    assert snake_words("list_memberof", known) == "list_member_of"
    assert snake_words("getteamsuseractivitycounts", known) == "get_teams_user_activity_counts"
    assert snake_words("get", known) == "get"
    assert segment("unrelated", known) == ("unrelated",)  # no guess where nothing spells it


def test_a_token_made_of_several_identifiers_is_split_at_each():
    known = vocabulary(["chartAxis", "axisTitle", "workbookChartAxisTitle"])
    assert snake_words("chartaxistitle", known) == "chart_axis_title"
    assert snake_words("appcatalogs", vocabulary(["appCatalog"])) == "app_catalogs"


def test_methods_groups_and_function_arguments_take_the_words_of_the_page(tmp_path):
    names = _build(
        tmp_path,
        {
            "widgetfolder-sendmail.md": _api(
                "widgetFolder: sendMail", "POST", ["/widgetFolders/{id}/sendMail"]
            ),
            # no camelCase of the group on this page: the type name still splits it
            "widgetfolder-delete.md": _api("Delete a folder", "DELETE", ["/folders/{id}"]),
            "widgetfolder-resize.md": _api(
                "resize",
                "GET",
                ["/widgetFolders/{id}/resizedRange(deltaRows={n}, deltaColumns={n})"],
            ),
        },
        {"widgetfolder.md": _resource("widgetFolder")},
    )
    assert names["widgetfolder-sendmail"] == "widget_folder.send_mail"
    assert names["widgetfolder-delete"] == "widget_folder.delete"
    assert names["widgetfolder-resize"] == "widget_folder.resize"
    result = analyse([str(tmp_path)], Settings())
    resize = next(op for op in result.operations if op.id == "widgetfolder-resize")
    assert [p.name for p in resize.variants[0].params] == [
        "widget_folder_id",
        "delta_rows",
        "delta_columns",
    ]


def test_area_pages_are_grouped_by_their_resource_and_yield_a_shared_name(tmp_path):
    names = _build(
        tmp_path,
        {
            "intune-devices-widgetdevice-get.md": _api(
                "Get widgetDevice", "GET", ["/deviceManagement/widgetDevices/{id}"]
            ),
            "intune-devices-widgetdevice-wipe.md": _api(
                "wipe action", "POST", ["/deviceManagement/widgetDevices/{id}/wipe"]
            ),
            "intune-onboarding-widgetdevice-get.md": _api(
                "Get widgetDevice", "GET", ["/deviceManagement/widgetDevices/{id}"]
            ),
            "widgetdevice-get.md": _api("Get widgetDevice", "GET", ["/widgetDevices/{id}"]),
        },
        {"widgetdevice.md": _resource("widgetDevice")},
    )
    assert names["intune-devices-widgetdevice-wipe"] == "widget_device.wipe"
    # the page named after its resource keeps the name, whatever the path order says
    assert names["widgetdevice-get"] == "widget_device.get"
    assert names["intune-devices-widgetdevice-get"] == "widget_device.get_devices"
    assert names["intune-onboarding-widgetdevice-get"] == "widget_device.get_onboarding"


def test_names_do_not_depend_on_the_language_of_the_prose(tmp_path):
    english = _api("widgetFolder: sendMail", "POST", ["/widgetFolders/{id}/sendMail"])
    translated = {
        "pl": english.replace("Acts on a widget.", "Wysyła wiadomość."),
        "zh": english.replace("Acts on a widget.", "发送邮件。").replace("## Response", "## 响应"),
        "ru": english.replace("Acts on a widget.", "Отправляет письмо."),
        "ar": english.replace("Acts on a widget.", "يرسل رسالة."),
    }
    expected = "widget_folder.send_mail"
    for code, text in translated.items():
        folder = tmp_path / code
        folder.mkdir()
        names = _build(
            folder,
            {"widgetfolder-sendmail.md": text},
            {"widgetfolder.md": _resource("widgetFolder")},
        )
        assert names["widgetfolder-sendmail"] == expected, code
