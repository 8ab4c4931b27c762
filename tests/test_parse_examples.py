"""Examples: annotations, request/response recognition and pairing, HTTP text, lenient
JSON, and the Python source fragments doc text becomes (``generator.render.pysource``)."""

from __future__ import annotations

import math

import pytest

from generator.parse import httptext
from generator.parse import lenient_json
from generator.parse.annotations import annotations_in
from generator.parse.page import parse_text
from generator.render.pysource import docstring, literal

from .pages import line_of, md

HEAD = """\
# widget: get

Get a widget.

## HTTP request

```http
GET /widgets/{id}
```

## Response

If successful, this method returns a `200 OK` response code.

## Examples

"""


def page(examples: str) -> str:
    return HEAD + md(examples)


def parse(text: str):
    return parse_text("api/widget-get.md", text, "v1.0")


def diags(result, code: str):
    return [d for d in result.diagnostics if d.code == code]


class Collect:
    def __init__(self) -> None:
        self.items: list[tuple[int, str, str]] = []

    def __call__(self, line: int, code: str, message: str) -> None:
        self.items.append((line, code, message))

    @property
    def codes(self) -> list[tuple[int, str]]:
        return [(line, code) for line, code, _ in self.items]


# --------------------------------------------------------------------------- annotations


def test_annotation_trailing_comma_repaired_as_info():
    text = page("""
        <!-- {
          "blockType": "request",
          "name": "get_widget",
        } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/w1
        ```

        <!-- { "blockType": "response", } -->
        ```http
        HTTP/1.1 200 OK
        ```
        """)
    result = parse(text)
    gd030 = diags(result, "GD030")
    assert [(d.line, d.severity) for d in gd030] == [
        (line_of(text, "<!-- {"), "info"),
        (line_of(text, '"blockType": "response", }'), "info"),
    ]
    assert [e.name for e in result.operation.examples] == ["get_widget"]
    assert result.operation.examples[0].response.status == 200


def test_annotation_with_raw_tab_in_string():
    text = page(
        '<!-- { "blockType": "request", "name": "get\twidget" } -->\n'
        "```http\n"
        "GET https://graph.microsoft.com/v1.0/widgets/w1\n"
        "```\n"
    )
    result = parse(text)
    assert [e.name for e in result.operation.examples] == ["get\twidget"]
    assert [d.line for d in diags(result, "GD030")] == [line_of(text, "<!--", nth=1)]


def test_annotation_flags_as_strings_and_names_as_list():
    report = Collect()
    html = md("""
        <!-- {
          "blockType": "response",
          "name": ["list_widgets", " list_widgets_beta ", ""],
          "truncated": "true",
          "isCollection": "True",
          "@odata.type": "microsoft.graph.widget"
        } -->
        """)
    [annotation] = annotations_in(html, 20, report)
    assert annotation.block_type == "response"
    assert annotation.names == ("list_widgets", "list_widgets_beta")
    assert annotation.truncated is True
    assert annotation.is_collection is True
    assert annotation.odata_type == "microsoft.graph.widget"
    assert annotation.line == 20
    assert report.items == []


def test_annotation_false_strings_are_false():
    report = Collect()
    [annotation] = annotations_in(
        '<!-- { "blockType": "response", "truncated": "false", "isCollection": false } -->',
        1,
        report,
    )
    assert annotation.truncated is False
    assert annotation.is_collection is False


def test_annotation_keys_case_insensitive():
    report = Collect()
    [annotation] = annotations_in(
        '<!-- { "BlockType": "Request", "Name": "get_widget" } -->', 5, report
    )
    assert annotation.block_type == "request"
    assert annotation.names == ("get_widget",)
    assert report.items == []


def test_case_insensitive_annotation_drives_parsing():
    text = page("""
        <!-- { "BlockType": "Request", "NAME": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/w1
        ```

        <!-- { "BLOCKTYPE": "RESPONSE", "Truncated": "TRUE", "IsCollection": "true" } -->
        ```http
        HTTP/1.1 200 OK
        ```
        """)
    [example] = parse(text).operation.examples
    assert example.name == "get_widget"
    assert example.truncated is True
    assert example.is_collection is True


def test_unparseable_annotation_reported_with_its_line_and_salvaged():
    text = page("""
        Some text.

        <!-- {
          "blockType": "request",
          "name": "get_widget",
          "sampleKeys": [1, 2 }
        } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/w1
        ```
        """)
    result = parse(text)
    gd031 = diags(result, "GD031")
    assert [(d.line, d.severity) for d in gd031] == [(line_of(text, "<!-- {"), "warning")]
    assert [e.name for e in result.operation.examples] == ["get_widget"]


def test_unparseable_annotation_line_inside_html_block():
    report = Collect()
    html = '<div>\n<!-- uuid: 1 -->\n<!-- { "blockType": "request" "name": "a" } -->\n</div>\n'
    [annotation] = annotations_in(html, 10, report)
    assert report.codes == [(12, "GD031")]
    assert annotation.line == 12
    assert (annotation.block_type, annotation.names) == ("request", ("a",))


def test_unsalvageable_annotation_binds_nothing():
    report = Collect()
    assert annotations_in("<!-- { what is this } -->", 3, report) == []
    assert report.codes == [(3, "GD031")]


def test_non_json_comments_ignored():
    report = Collect()
    assert annotations_in("<!-- uuid: 8fcb 2015-10-25 -->", 3, report) == []
    assert report.items == []


def test_page_annotation_without_block_type_binds_nothing():
    text = page("""
        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/w1
        ```

        <!-- { "type": "#page.annotation", "description": "widget: get" } -->
        ```http
        HTTP/1.1 200 OK
        ```
        """)
    [example] = parse(text).operation.examples
    assert example.response is not None and example.response.status == 200


def test_ignored_annotation_in_examples_still_an_example_by_shape():
    text = page("""
        <!-- { "blockType": "ignored" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/w1
        ```

        <!-- { "blockType": "ignored" } -->
        ```http
        HTTP/1.1 200 OK
        ```
        """)
    [example] = parse(text).operation.examples
    assert example.name == "widget_get_1"
    assert example.response is not None and example.response.status == 200


def test_ignored_block_without_example_shape_is_skipped():
    text = page("""
        <!-- { "blockType": "ignored" } -->
        ```http
        Any text at all.
        ```
        """)
    result = parse(text)
    assert result.operation.examples == ()
    assert [d.code for d in result.diagnostics if d.code.startswith("GD04")] == []


def test_annotation_binds_across_heading_and_paragraph():
    text = page("""
        <!-- { "blockType": "request", "name": "get_widget" } -->

        ### Request

        The request looks like this.

        ```http
        GET https://graph.microsoft.com/v1.0/widgets/w1
        ```
        """)
    [example] = parse(text).operation.examples
    assert example.name == "get_widget"


# --------------------------------------------------------------------------- unannotated examples


UNANNOTATED = page("""
    ### Request

    ```http
    GET https://graph.microsoft.com/v1.0/widgets/w1
    ```

    ### Response

    ```http
    HTTP/1.1 200 OK
    Content-type: application/json

    {"id": "w1"}
    ```
    """)


def test_unannotated_examples_recognised_by_first_line():
    result = parse(UNANNOTATED)
    [example] = result.operation.examples
    assert example.name == "widget_get_1"
    assert example.request.method == "GET"
    assert example.request.url == "https://graph.microsoft.com/v1.0/widgets/w1"
    assert example.request.line == line_of(UNANNOTATED, "GET https://")
    assert example.response.status == 200
    assert example.response.line == line_of(UNANNOTATED, "HTTP/1.1 200 OK")
    assert example.response.body == {"id": "w1"}
    assert diags(result, "GD040") == [] and diags(result, "GD041") == []


def test_unannotated_blocks_outside_examples_are_not_examples():
    text = md("""
        # widget: get

        ## HTTP request

        ```http
        GET /widgets/{id}
        ```

        ## Remarks

        ```http
        GET https://graph.microsoft.com/v1.0/widgets/w1
        ```

        ```http
        HTTP/1.1 200 OK
        ```

        ## Response

        Returns `200 OK`.
        """)
    result = parse(text)
    assert result.operation.examples == ()
    assert diags(result, "GD040") == [] and diags(result, "GD041") == []


def test_unannotated_non_http_fence_ignored():
    text = page("""
        ```json
        {"id": "w1"}
        ```
        """)
    assert parse(text).operation.examples == ()


# --------------------------------------------------------------------------- pairing


def test_response_pairs_by_name_then_previous_request():
    text = page("""
        <!-- { "blockType": "request", "name": "first" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/a
        ```

        <!-- { "blockType": "request", "name": "second" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/b
        ```

        <!-- { "blockType": "response", "name": "first" } -->
        ```http
        HTTP/1.1 200 OK
        Content-type: application/json

        {"n": 1}
        ```

        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 200 OK
        Content-type: application/json

        {"n": 2}
        ```
        """)
    examples = {e.name: e for e in parse(text).operation.examples}
    assert examples["first"].response.body == {"n": 1}
    assert examples["second"].response.body == {"n": 2}


def test_unnamed_response_pairs_with_closest_waiting_request():
    text = page("""
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/a
        ```

        ```http
        GET https://graph.microsoft.com/v1.0/widgets/b
        ```

        ```http
        HTTP/1.1 200 OK

        {"n": 1}
        ```

        ```http
        HTTP/1.1 200 OK

        {"n": 2}
        ```
        """)
    examples = parse(text).operation.examples
    assert [(e.request.url.rsplit("/", 1)[-1], e.response.body) for e in examples] == [
        ("a", {"n": 2}),
        ("b", {"n": 1}),
    ]


def test_response_name_matching_no_request_falls_back_to_previous():
    text = page("""
        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/a
        ```

        <!-- { "blockType": "response", "name": "something_else", "@odata.type": "microsoft.graph.widget" } -->
        ```http
        HTTP/1.1 200 OK
        ```
        """)
    [example] = parse(text).operation.examples
    assert example.response is not None
    assert example.response_type == "microsoft.graph.widget"


def test_name_list_annotation_names_request_and_pairs_response():
    text = page("""
        <!-- { "blockType": "request", "name": ["list_widgets", "list_widgets_alt"] } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets
        ```

        <!-- { "blockType": "request", "name": "other" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/b
        ```

        <!-- { "blockType": "response", "name": ["unknown", "list_widgets"], "isCollection": "true" } -->
        ```http
        HTTP/1.1 200 OK
        ```
        """)
    examples = {e.name: e for e in parse(text).operation.examples}
    assert set(examples) == {"list_widgets", "other"}
    assert examples["list_widgets"].response is not None
    assert examples["list_widgets"].is_collection is True
    assert examples["other"].response is None


def test_request_without_response():
    text = page("""
        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/a
        ```
        """)
    result = parse(text)
    [example] = result.operation.examples
    assert example.response is None
    assert [(d.line, d.severity) for d in diags(result, "GD040")] == [
        (line_of(text, "GET https://"), "warning")
    ]


def test_response_without_request():
    text = page("""
        Here is the response.

        ```http
        HTTP/1.1 200 OK
        ```
        """)
    result = parse(text)
    assert result.operation.examples == ()
    fence = line_of(text, "HTTP/1.1 200 OK") - 1
    assert [(d.line, d.severity) for d in diags(result, "GD041")] == [(fence, "warning")]


def test_second_response_for_single_request_reported():
    text = page("""
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/a
        ```

        ```http
        HTTP/1.1 200 OK
        ```

        ```http
        HTTP/1.1 200 OK
        ```
        """)
    result = parse(text)
    assert len(result.operation.examples) == 1
    assert [d.line for d in diags(result, "GD041")] == [line_of(text, "HTTP/1.1 200 OK", nth=2) - 1]


def test_duplicate_example_names_renamed():
    text = page("""
        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/a
        ```

        ```http
        HTTP/1.1 200 OK
        ```

        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/b
        ```

        ```http
        HTTP/1.1 200 OK
        ```

        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/c
        ```

        ```http
        HTTP/1.1 200 OK
        ```
        """)
    result = parse(text)
    assert [e.name for e in result.operation.examples] == [
        "get_widget",
        "get_widget_2",
        "get_widget_3",
    ]
    assert [(d.line, d.severity) for d in diags(result, "GD042")] == [
        (line_of(text, "/widgets/b") - 1, "warning"),
        (line_of(text, "/widgets/c") - 1, "warning"),
    ]


def test_example_method_mismatch_reported():
    text = page("""
        ```http
        DELETE https://graph.microsoft.com/v1.0/widgets/a
        ```
        """)
    result = parse(text)
    assert [d.line for d in diags(result, "GD047")] == [line_of(text, "DELETE https://")]


# --------------------------------------------------------------------------- HTTP text


def test_request_headers_and_json_body():
    report = Collect()
    message = httptext.parse_request(
        md("""
            POST https://graph.microsoft.com/v1.0/widgets
            Content-Type: application/json
            prefer: return=minimal
            X-Odd :  spaced value

            {
              "name": "w",
              "tags": ["a", "b",],
            }
            """),
        10,
        report,
    )
    assert message.method == "POST"
    assert message.url == "https://graph.microsoft.com/v1.0/widgets"
    assert message.headers == (
        ("Content-Type", "application/json"),
        ("prefer", "return=minimal"),
        ("X-Odd", "spaced value"),
    )
    assert message.header("PREFER") == "return=minimal"
    assert message.header("missing") is None
    assert message.body_kind == "json"
    assert message.body == {"name": "w", "tags": ["a", "b"]}
    assert message.content_type == "application/json"
    assert message.line == 10
    assert [item[:2] for item in report.items] == [(15, "GD064")]  # the body, with trailing commas


def test_request_http_version_suffix_dropped():
    message = httptext.parse_request(
        "GET https://graph.microsoft.com/v1.0/me HTTP/1.1\n", 1, Collect()
    )
    assert message.url == "https://graph.microsoft.com/v1.0/me"
    assert message.body_kind == "none" and message.body is None


def test_request_url_with_spaces_kept_whole():
    message = httptext.parse_request(
        "GET https://graph.microsoft.com/v1.0/widgets?$filter=startswith(name, 'a b') HTTP/1.1\n",
        1,
        Collect(),
    )
    assert message.url == "https://graph.microsoft.com/v1.0/widgets?$filter=startswith(name, 'a b')"


def test_blank_line_between_request_line_and_headers():
    text = '\nPATCH https://graph.microsoft.com/v1.0/widgets/w1\n\nContent-type: application/json\nIf-Match: W/"1"\n\n{"name": "x"}\n'
    message = httptext.parse_request(text, 5, Collect())
    assert message.line == 6
    assert message.headers == (("Content-type", "application/json"), ("If-Match", 'W/"1"'))
    assert message.body == {"name": "x"}


def test_blank_line_then_body_without_headers():
    message = httptext.parse_request(
        'POST https://x.test/v1.0/widgets\n\n{"name": "x"}\n', 1, Collect()
    )
    assert message.headers == ()
    assert message.body_kind == "json" and message.body == {"name": "x"}


def test_body_without_blank_line_after_headers():
    message = httptext.parse_response(
        'HTTP/1.1 200 OK\nContent-type: application/json\n{"id": "w1"}\n', 1, Collect()
    )
    assert message.headers == (("Content-type", "application/json"),)
    assert message.body == {"id": "w1"}


def test_non_json_body_kept_as_text_with_content_type():
    report = Collect()
    message = httptext.parse_request(
        "PUT https://graph.microsoft.com/v1.0/me/drive/root:/a.txt:/content\nContent-Type: text/plain\n\nHello: world\nsecond line\n",
        1,
        report,
    )
    assert message.body_kind == "text"
    assert message.body == "Hello: world\nsecond line"
    assert message.content_type == "text/plain"
    assert report.items == []


def test_json_content_type_with_bad_body_reported_with_body_line():
    report = Collect()
    message = httptext.parse_response(
        "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{not json}\n", 30, report
    )
    assert message.body_kind == "text"
    assert message.body == "{not json}"
    assert report.codes == [(33, "GD045")]


@pytest.mark.parametrize(
    "status_line, status",
    [
        ("HTTP/1.1 200 OK", 200),
        ("HTTP 201 Created", 201),
        ("HTTP/2 204 No Content", 204),
        ("http/1.1 202 Accepted", 202),
    ],
)
def test_status_lines(status_line, status):
    message = httptext.parse_response(status_line + "\n", 1, Collect())
    assert message.status == status
    assert message.body_kind == "none"
    assert httptext.is_response(status_line)


def test_response_without_status_line_keeps_body():
    message = httptext.parse_response('{"id": "w1"}\n', 4, Collect())
    assert message.status == 0
    assert message.body == {"id": "w1"}
    assert not httptext.is_response('{"id": "w1"}')


def test_http_text_in_page_version_less_status_line():
    text = page("""
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/a
        ```

        <!-- { "blockType": "response" } -->
        ```http
        HTTP 200 OK
        Content-Type: text/csv

        id,name
        w1,first
        ```
        """)
    result = parse(text)
    [example] = result.operation.examples
    assert example.response.status == 200
    assert example.response.body_kind == "text"
    assert example.response.body == "id,name\nw1,first"
    assert example.response.content_type == "text/csv"
    assert result.operation.response.body_kind == "binary"


def test_is_request_first_non_blank_line():
    assert httptext.is_request("\n\nGET https://graph.microsoft.com/v1.0/me\n")
    assert not httptext.is_request("FETCH https://graph.microsoft.com/v1.0/me\n")
    assert httptext.parse_request("no request line here", 1, Collect()) is None


# --------------------------------------------------------------------------- lenient JSON


def test_strict_json_not_repaired():
    assert lenient_json.loads('{"a": [1, 2]}') == ({"a": [1, 2]}, False)


@pytest.mark.parametrize(
    "text, value",
    [
        ('{"a": 1,}', {"a": 1}),
        ("[1, 2, ]", [1, 2]),
        ('{"a": [1, {"b": 2,},\n],\n}', {"a": [1, {"b": 2}]}),
        ('{"a": "x,}", }', {"a": "x,}"}),
        ('{"a": "say \\"hi,\\"", }', {"a": 'say "hi,"'}),
        ('{"a": "tab\there"}', {"a": "tab\there"}),
        ('{"a": "two\nlines"}', {"a": "two\nlines"}),
        ("{\u201ca\u201d: \u201cb\u201d,}", {"a": "b"}),
    ],
)
def test_lenient_repairs(text, value):
    assert lenient_json.loads(text) == (value, True)


def test_smart_quotes_inside_valid_json_untouched():
    assert lenient_json.loads('{"a": "\u201cquoted\u201d"}') == ({"a": "\u201cquoted\u201d"}, False)


@pytest.mark.parametrize("text", ["{not json}", '{"a": 1', "", "{'a': 1}", '{"a": 1,,}'])
def test_not_json(text):
    with pytest.raises(lenient_json.NotJSON):
        lenient_json.loads(text)
    assert issubclass(lenient_json.NotJSON, ValueError)


# --------------------------------------------------------------------------- pysource


HOSTILE = [
    "He said \"\"\"hi\"\"\" and '''bye'''",
    '"""',
    '"',
    'ends with a quote"',
    "ends with a backslash\\",
    "back\\slash \\n not a newline \\u0041 \\N{BULLET}",
    "{{ jinja }} {% if x %} {# c #} ${x} {0}",
    "nul\x00byte",
    "line\u2028separator\u2029paragraph",
    "multi\nline\n    indented\n\nend",
    "\r\nwindows\r\nlines",
    "esc \x1b[31m del \x7f nel \x85 bom \ufeff",
    "emoji \U0001f600 and accents é ñ",
    '"""\nimport os\nos.system("echo pwned")\n"""',
    "# not a comment\n    pass",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_round_trips_strings(text):
    source = literal(text)
    assert "\x00" not in source and "\u2028" not in source
    assert eval(source) == text  # noqa: S307 - the point of the test


def test_literal_round_trips_structures():
    value = {
        "s": HOSTILE,
        "n": None,
        "t": True,
        "f": False,
        "i": -3,
        "x": 1.5,
        "nested": [{"a": ("one",)}, (), (1, 2)],
        7: b"\x00bytes\"'",
    }
    assert eval(literal(value)) == value  # noqa: S307
    assert eval(literal(("only",))) == ("only",)  # noqa: S307
    assert isinstance(eval(literal(("only",))), tuple)  # noqa: S307


def test_literal_non_finite_floats():
    assert eval(literal(float("inf"))) == float("inf")  # noqa: S307
    assert eval(literal(float("-inf"))) == float("-inf")  # noqa: S307
    assert math.isnan(eval(literal(float("nan"))))  # noqa: S307


def test_literal_rejects_other_types():
    with pytest.raises(TypeError):
        literal({1, 2})
    with pytest.raises(TypeError):
        literal(object())


def _compiled_doc(text: str) -> str:
    source = "def f():\n    " + docstring(text, indent="    ") + "\n    return 1\n"
    namespace: dict[str, object] = {}
    exec(compile(source, "<generated>", "exec"), namespace)  # noqa: S102
    function = namespace["f"]
    assert function() == 1  # the docstring did not swallow the body
    return function.__doc__


def _modulo_indentation(text: str) -> list[str]:
    lines = text.strip("\n").split("\n")
    while lines and not lines[-1].strip(" "):
        lines.pop()
    return [lines[0]] + [line.lstrip(" ") for line in lines[1:]] if lines else []


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_compiles_and_round_trips(text):
    doc = _compiled_doc(text)
    if "\n" not in text.strip("\n") and text.endswith('"'):
        doc = doc.removesuffix(" ")  # black's pad before the closing quotes: see docstring()
    assert _modulo_indentation(doc) == _modulo_indentation(text)


def test_docstring_reindents_continuation_lines():
    source = docstring("first\nsecond\n\n  third", indent="        ")
    assert source == '"""first\n        second\n\n          third\n        """'


def test_docstring_single_line():
    assert docstring("\n just one \n") == '""" just one """'
    assert _compiled_doc("just one") == "just one"


def test_docstring_keeps_interior_tab():
    assert _compiled_doc("column\tvalue") == "column\tvalue"
