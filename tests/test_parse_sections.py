"""Page structure: sections, front matter, title/summary, the HTTP request block, status.

Every page here is a small page written for the test, in the shape of a Graph reference
page (English or Spanish headings with English ``<a name>`` anchors).
"""

from __future__ import annotations

import pytest

from generator.parse.page import parse_text
from generator.parse.structure import Block, load_page, section_key, sections_of

from .pages import line_of, md


def parse(text: str, path: str = "api/user-get.md"):
    return parse_text(path, text, "v1.0")


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def diags(result, code: str):
    return [d for d in result.diagnostics if d.code == code]


def kinds(text: str) -> list[str]:
    page, _, _ = load_page("api/x-y.md", text)
    return [section.kind for section in sections_of(page)]


PERMISSIONS_EN = """\
## Permissions

|Permission type | Permissions (from least to most privileged)|
|:---|:---|
|Delegated (work or school account) | User.Read |
|Delegated (personal Microsoft account) | User.Read |
|Application | User.Read.All |
"""


# --------------------------------------------------------------------------- sections


SPANISH_PAGE = md("""
    # <a name="widget-get"></a>widget: obtener

    Obtiene un widget de la colección.

    ## <a name="permissions"></a>Permisos

    |Tipo de permiso | Permisos (de menos a más privilegiados)|
    |:---|:---|
    |Delegado (cuenta profesional o educativa) | Widget.Read, Widget.ReadWrite |
    |Delegado (cuenta personal de Microsoft) | Widget.Read |
    |Aplicación | Widget.Read.All |

    ## <a name="http-request"></a>Solicitud HTTP

    ```http
    GET /widgets/{id}
    ```

    ## <a name="optional-query-parameters"></a>Parámetros de consulta opcionales

    Admite `$select` y `$expand`.

    ## <a name="request-headers-1"></a>Encabezados de solicitud

    | Nombre | Descripción |
    |:---|:---|
    | Authorization | Bearer {token}. Obligatorio. |

    ## <a name="request-body"></a>Cuerpo de la solicitud

    No proporcione un cuerpo de solicitud.

    ## <a name="response-2"></a>Respuesta

    Si se ejecuta correctamente, devuelve un código `200 OK`.

    ## <a name="examples"></a>Ejemplos

    ### <a name="request"></a>Solicitud

    ```http
    GET https://graph.microsoft.com/v1.0/widgets/w1
    ```

    ### <a name="response"></a>Respuesta

    ```http
    HTTP/1.1 200 OK
    Content-type: application/json

    {"id": "w1"}
    ```
    """)


def test_spanish_headings_found_by_english_anchor():
    assert kinds(SPANISH_PAGE) == [
        "preamble",
        "permissions",
        "http_request",
        "query",
        "headers",
        "body",
        "response",
        "examples",
    ]


def test_spanish_page_sections_feed_the_operation():
    result = parse(SPANISH_PAGE, "api/widget-get.md")
    op = result.operation
    assert op is not None
    assert op.http_method == "GET"
    assert [v.path for v in op.variants] == ["/widgets/{widget_id}"]
    assert [(h.name, h.required) for h in op.headers] == [("Authorization", True)]
    assert [q.name for q in op.query_options] == ["$select", "$expand"]
    assert op.response.status == 200
    assert op.response.status_line == line_of(SPANISH_PAGE, "`200 OK`")
    assert [row.kind for row in op.permissions.rows] == [
        "delegated_work",
        "delegated_personal",
        "application",
    ]
    assert len(op.examples) == 1 and op.examples[0].response.status == 200
    assert "GD048" not in codes(result)


@pytest.mark.parametrize(
    "anchor, expected",
    [
        ("response-1", "response"),
        ("response-12", "response"),
        ("http-request-2", "http request"),
        ("request-headers", "request headers"),
        ("Permissions", "permissions"),
    ],
)
def test_section_key_strips_numeric_suffix(anchor, expected):
    heading = Block("heading", 1, 1, "Texto cualquiera", 2, anchor=anchor)
    assert section_key(heading) == expected


def test_section_key_falls_back_to_heading_text():
    heading = Block("heading", 1, 1, "HTTP **request**", 2)
    assert section_key(heading) == "http request"


def test_english_heading_text_without_anchors():
    text = md("""
        # widget: get

        Get a widget.

        ## Permissions

        Some text.

        ## HTTP request

        ```http
        GET /widgets/{id}
        ```

        ## Optional query parameters

        Supports `$select`.

        ## Request headers

        | Name | Description |
        |:---|:---|
        | Authorization | Bearer {token}. Required. |

        ## Request body

        Nothing.

        ## Response

        Returns `200 OK`.

        ## Examples

        Text.
        """)
    assert kinds(text) == [
        "preamble",
        "permissions",
        "http_request",
        "query",
        "headers",
        "body",
        "response",
        "examples",
    ]


def test_localized_heading_without_anchor_is_not_recognised():
    # Recognition is by structure (anchor) or English text, never by localized wording.
    text = md("""
        # widget: get

        ## HTTP request

        ```http
        GET /widgets/{id}
        ```

        ## Respuesta

        Devuelve `200 OK`.
        """)
    assert kinds(text) == ["preamble", "http_request", "other"]
    result = parse(text, "api/widget-get.md")
    assert result.operation.response.status is None
    assert "GD048" in codes(result)


def test_subheading_inside_known_section_stays_in_it():
    text = md("""
        # widget: get

        ## HTTP request

        ### Some notes

        ```http
        GET /widgets/{id}
        ```
        """)
    assert kinds(text) == ["preamble", "http_request"]
    result = parse(text, "api/widget-get.md")
    assert [v.path for v in result.operation.variants] == ["/widgets/{widget_id}"]


TAB_PAGE = md("""
    # widget: get

    Get a widget.

    ## HTTP request

    ```http
    GET /widgets/{id}
    ```

    ## Response

    Returns `200 OK`.

    ## Examples

    ### Request

    # [HTTP](#tab/http)
    <!-- { "blockType": "request", "name": "get_widget" } -->
    ```http
    GET https://graph.microsoft.com/v1.0/widgets/w1
    ```

    # [C#](#tab/csharp)
    [!INCLUDE [sample-code](../includes/snippets/csharp/get-widget.md)]

    # [Python](#tab/python)
    See the Python snippet.

    ---

    ### Response

    ```http
    HTTP/1.1 200 OK
    Content-type: application/json

    {"id": "w1"}
    ```

    ### Request 2

    ```http
    GET https://graph.microsoft.com/v1.0/widgets/w2
    ```
    """)


def test_sdk_tab_headings_do_not_end_examples_section():
    page, _, _ = load_page("api/widget-get.md", TAB_PAGE)
    sections = sections_of(page)
    assert [s.kind for s in sections] == ["preamble", "http_request", "response", "examples"]
    examples = sections[-1]
    tabs = [b for b in examples.blocks if b.kind == "tab"]
    assert [b.text for b in tabs] == [
        "[HTTP](#tab/http)",
        "[C#](#tab/csharp)",
        "[Python](#tab/python)",
    ]
    assert [b.line for b in tabs] == [
        line_of(TAB_PAGE, "#tab/http"),
        line_of(TAB_PAGE, "#tab/csharp"),
        line_of(TAB_PAGE, "#tab/python"),
    ]
    assert any(b.kind == "hr" for b in examples.blocks)
    # no H1 heading other than the title exists
    assert [b.text for b in page.blocks if b.kind == "heading" and b.level == 1] == ["widget: get"]


def test_examples_after_tabs_are_paired():
    result = parse(TAB_PAGE, "api/widget-get.md")
    examples = result.operation.examples
    assert [e.name for e in examples] == ["get_widget", "widget_get_2"]
    assert examples[0].response is not None and examples[0].response.body == {"id": "w1"}
    assert examples[1].response is None
    assert [d.line for d in diags(result, "GD040")] == [line_of(TAB_PAGE, "/v1.0/widgets/w2")]


# --------------------------------------------------------------------------- front matter


def test_front_matter_is_optional():
    text = md("""
        # widget: get

        Get a widget.

        ## HTTP request

        ```http
        GET /widgets
        ```
        """)
    result = parse(text, "api/widget-get.md")
    assert result.operation is not None
    assert result.operation.title == "widget: get"
    assert "GD002" not in codes(result)


def test_valid_front_matter_supplies_title_and_summary_without_h1():
    text = md("""
        ---
        title: "widget: get"
        description: "Get one widget."
        ---

        ## HTTP request

        ```http
        GET /widgets
        ```
        """)
    result = parse(text, "api/widget-get.md")
    assert result.operation.title == "widget: get"
    assert result.operation.summary == "Get one widget."
    assert "GD010" not in codes(result)
    assert "GD002" not in codes(result)


def test_invalid_front_matter_reported_but_page_still_parsed():
    text = md("""
        ---
        title: widget: get
        description: Get one widget.
        ---

        ## HTTP request

        ```http
        GET /widgets/{id}
        ```
        """)
    result = parse(text, "api/widget-get.md")
    gd002 = diags(result, "GD002")
    assert [(d.line, d.severity) for d in gd002] == [(1, "warning")]
    op = result.operation
    assert op is not None
    assert op.title == "widget: get"  # read as key: value lines
    assert op.summary == "Get one widget."
    assert op.variants[0].line == line_of(text, "GET /widgets")
    assert "GD010" not in codes(result)


def test_front_matter_keeps_line_numbers():
    text = md("""
        ---
        title: "widget: get"
        ---

        # widget: get

        ## HTTP request

        ```http
        POST /widgets
        ```
        """)
    result = parse(text, "api/widget-get.md")
    assert result.operation.line == 5
    assert result.operation.variants[0].line == 10


def test_missing_title_reported():
    text = md("""
        ## HTTP request

        ```http
        GET /widgets
        ```
        """)
    result = parse(text, "api/widget-get.md")
    assert [(d.code, d.line) for d in diags(result, "GD010")] == [("GD010", 1)]
    assert result.operation.title == ""


# --------------------------------------------------------------------------- title and summary


def test_title_and_summary():
    text = md("""
        # <a name="widget-get"></a>widget: **get**

        Namespace: microsoft.graph

        [!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

        > Note: a quoted note is not the summary.

        Retrieve the properties of a [widget](../resources/widget.md)
        and its <b>parts</b>.

        A second paragraph is not the summary.

        ## HTTP request

        ```http
        GET /widgets/{id}
        ```
        """)
    op = parse(text, "api/widget-get.md").operation
    assert op.title == "widget: get"
    assert op.summary == "Retrieve the properties of a widget and its parts."
    assert op.line == 1


def test_summary_falls_back_to_description():
    text = md("""
        ---
        description: "From the front matter."
        ---
        # widget: get

        Namespace: microsoft.graph

        ## HTTP request

        ```http
        GET /widgets
        ```
        """)
    op = parse(text, "api/widget-get.md").operation
    assert op.title == "widget: get"
    assert op.summary == "From the front matter."
    assert op.line == 4


# --------------------------------------------------------------------------- no operation


def test_page_without_method_path_line_yields_no_operation():
    text = md("""
        ---
        title: "widget resource type"
        ---

        # widget resource type

        A widget is a thing.

        ## Properties

        | Property | Type |
        |:--|:--|
        | id | String |
        """)
    result = parse(text, "resources/widget.md")
    assert result.operation is None
    gd011 = diags(result, "GD011")
    assert [(d.line, d.severity) for d in gd011] == [
        (line_of(text, "# widget resource type"), "error")
    ]
    assert gd011[0].line == 5


def test_request_line_outside_http_request_section_does_not_count():
    text = md("""
        # widget: get

        ## HTTP request

        ```http
        Use the widget endpoint.
        ```

        ## Examples

        ```http
        GET https://graph.microsoft.com/v1.0/widgets
        ```
        """)
    result = parse(text, "api/widget-get.md")
    assert result.operation is None
    assert [d.line for d in diags(result, "GD013")] == [line_of(text, "Use the widget endpoint.")]
    assert [d.line for d in diags(result, "GD011")] == [1]


# --------------------------------------------------------------------------- HTTP request block


@pytest.mark.parametrize("info", ["http", " http", "HTTP", "msgraph-interactive", ""])
def test_http_request_block_info_strings(info):
    text = (
        "# widget: list\n"
        "\n"
        "## HTTP request\n"
        "\n"
        f"```{info}\n"
        "GET /me/widgets\n"
        "GET /users/{id}/widgets\n"
        "```\n"
    )
    result = parse(text, "api/widget-list.md")
    op = result.operation
    assert op is not None
    assert [v.path for v in op.variants] == ["/me/widgets", "/users/{user_id}/widgets"]
    assert [v.line for v in op.variants] == [6, 7]
    assert "GD013" not in codes(result)


def test_several_request_blocks():
    text = md("""
        # widget: update

        ## HTTP request

        To update your own widget:

        <!-- { "blockType": "ignored" } -->
        ```http
        PATCH /me/widgets/{id}
        ```

        To update another user's widget:

        ```http
        PATCH /users/{user-id}/widgets/{widget-id}
        PATCH /users/{user-id}/widgets/{widget-id}
        ```
        """)
    result = parse(text, "api/widget-update.md")
    op = result.operation
    assert op.http_method == "PATCH"
    assert [(v.template, v.path, v.line) for v in op.variants] == [
        ("/me/widgets/{id}", "/me/widgets/{widget_id}", line_of(text, "PATCH /me/widgets")),
        (
            "/users/{user-id}/widgets/{widget-id}",
            "/users/{user_id}/widgets/{widget_id}",
            line_of(text, "PATCH /users/"),
        ),
    ]
    assert [d.line for d in diags(result, "GD015")] == [line_of(text, "PATCH /users/", nth=2)]


def test_path_with_spaces_in_placeholder():
    text = md("""
        # widget: list

        ## HTTP request

        ```http
        GET /users/{id | userPrincipalName}/widgets
        ```
        """)
    variant = parse(text, "api/widget-list.md").operation.variants[0]
    assert variant.template == "/users/{id | userPrincipalName}/widgets"
    assert variant.path == "/users/{user_id}/widgets"
    assert [(p.name, p.placeholder, p.style) for p in variant.params] == [
        ("user_id", "id | userPrincipalName", "segment")
    ]


def test_mixed_methods_reported_and_skipped():
    text = md("""
        # widget: get

        ## HTTP request

        ```http
        GET /me/widgets/{id}
        DELETE /me/widgets/{id}
        GET /users/{user-id}/widgets/{id}
        ```
        """)
    result = parse(text, "api/widget-get.md")
    op = result.operation
    assert op.http_method == "GET"
    assert [v.path for v in op.variants] == [
        "/me/widgets/{widget_id}",
        "/users/{user_id}/widgets/{widget_id}",
    ]
    gd012 = diags(result, "GD012")
    assert [(d.line, d.severity) for d in gd012] == [(line_of(text, "DELETE /me"), "warning")]


def test_non_request_line_in_block_reported_once():
    text = md("""
        # widget: get

        ## HTTP request

        ```http
        GET /me/widgets
        -- or --
        still not a request
        GET /users/{id}/widgets
        ```
        """)
    result = parse(text, "api/widget-get.md")
    assert [d.line for d in diags(result, "GD013")] == [line_of(text, "-- or --")]
    assert len(result.operation.variants) == 2


# --------------------------------------------------------------------------- request headers


def test_request_headers_table():
    text = md("""
        # widget: create

        ## HTTP request

        ```http
        POST /widgets
        ```

        ## Request headers

        | Header | Value |
        |:---|:---|
        | Authorization | Bearer {token}. Required. |
        | `Content-Type` | application/json. **Required.** |
        | Prefer | return=minimal. Optional. |
        | Any other header | Ignored. |
        """)
    headers = parse(text, "api/widget-create.md").operation.headers
    assert [(h.name, h.description, h.required) for h in headers] == [
        ("Authorization", "Bearer {token}. Required.", True),
        ("Content-Type", "application/json. Required.", True),
        ("Prefer", "return=minimal. Optional.", False),
    ]


# --------------------------------------------------------------------------- documented status


STATUS_PAGE = md("""
    # widget: create

    ## HTTP request

    ```http
    POST /widgets
    ```

    ## Response

    The widget is stored first.
    If successful, this method returns a `201 Created` response code
    and a widget object; on a replay it may return `200 OK`.

    Later text mentioning `204 No Content` is not the documented status.

    ## Examples

    ### Request

    ```http
    POST https://graph.microsoft.com/v1.0/widgets
    Content-type: application/json

    {"name": "w"}
    ```

    ### Response

    Status `200 OK` here is prose of the example, not of the Response section.

    ```http
    HTTP/1.1 201 Created
    Content-type: application/json

    {"id": "w1"}
    ```
    """)


def test_documented_status_is_first_backticked_code_in_response_section():
    result = parse(STATUS_PAGE, "api/widget-create.md")
    response = result.operation.response
    assert response.status == 201
    assert response.status_line == line_of(STATUS_PAGE, "`201 Created`")
    assert "GD043" not in codes(result)
    assert "GD048" not in codes(result)


def test_status_mismatch_reported_at_response_line():
    text = STATUS_PAGE.replace("HTTP/1.1 201 Created", "HTTP/1.1 202 Accepted")
    result = parse(text, "api/widget-create.md")
    gd043 = diags(result, "GD043")
    assert [(d.line, d.severity) for d in gd043] == [
        (line_of(text, "HTTP/1.1 202 Accepted"), "warning")
    ]
    assert "202" in gd043[0].message and "201" in gd043[0].message


def test_undocumented_status_reported():
    text = md("""
        # widget: delete

        ## HTTP request

        ```http
        DELETE /widgets/{id}
        ```

        ## Response

        Nothing interesting is said here.
        """)
    result = parse(text, "api/widget-delete.md")
    assert result.operation.response.status is None
    assert [(d.line, d.severity) for d in diags(result, "GD048")] == [(1, "info")]


def test_documented_status_without_backticks():
    text = md("""
        # widget: delete

        ## HTTP request

        ```http
        DELETE /widgets/{id}
        ```

        ## Response

        If successful, this method returns a 204 No Content response code.
        """)
    response = parse(text, "api/widget-delete.md").operation.response
    assert (response.status, response.status_line) == (204, line_of(text, "204 No Content"))


def test_bare_backticked_number_is_not_a_status():
    text = md("""
        # widget: list

        ## HTTP request

        ```http
        GET /widgets
        ```

        ## Response

        Each page holds at most `999` widgets. If successful, this method returns a `200 OK` response code.
        """)
    assert parse(text, "api/widget-list.md").operation.response.status == 200


def test_tab_group_closed_without_blank_line_keeps_examples_open():
    text = md("""
        # widget: get

        ## HTTP request

        ```http
        GET /widgets/{id}
        ```

        ## Response

        Returns `200 OK`.

        ## Examples

        ### Request

        # [HTTP](#tab/http)
        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/w1
        ```

        # [C#](#tab/csharp)
        [!INCLUDE [sample-code](../includes/snippets/csharp/get-widget.md)]
        ---

        ### Response

        ```http
        HTTP/1.1 200 OK
        ```
        """)
    assert kinds(text) == ["preamble", "http_request", "response", "examples"]
    [example] = parse(text, "api/widget-get.md").operation.examples
    assert example.response is not None
