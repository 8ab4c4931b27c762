"""Permission tables: 2- and 3-column shapes, labels, row order, includes, scope syntax."""

from __future__ import annotations

import textwrap

import pytest

from generator.parse import permissions
from generator.parse.page import parse_text
from generator.parse.structure import blocks_of

from .pages import line_of, md


def from_markdown(text: str):
    """Run the first permissions table of ``text`` through from_table; return (Permissions, diagnostics)."""
    found: list[tuple[int, str, str]] = []
    found_tables = permissions.tables(blocks_of(text))
    assert found_tables, "no permissions table recognised"
    table = found_tables[0][0]
    result = permissions.from_table(
        table, lambda line, code, message: found.append((line, code, message))
    )
    return result, found


def by_kind(perms):
    return {row.kind: row for row in perms.rows}


def one(*scopes: str) -> tuple[tuple[str, ...], ...]:
    """Alternatives of single scopes."""
    return tuple((scope,) for scope in scopes)


PAGE_TOP = """\
# x: y

Do the thing.

## Permissions

"""

PAGE_BOTTOM = """
## HTTP request

```http
GET /things/{id}
```

## Response

Returns `200 OK`.
"""


def page_with(permissions_part: str) -> str:
    return PAGE_TOP + md(permissions_part) + PAGE_BOTTOM


# --------------------------------------------------------------------------- 2-column tables


def test_two_columns_least_to_most():
    text = md("""
        |Permission type | Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account) | Thing.Read, Thing.ReadWrite, Thing.ReadWrite.All |
        |Delegated (personal Microsoft account) | Thing.Read |
        |Application | Thing.Read.All, Thing.ReadWrite.All |
        """)
    perms, found = from_markdown(text)
    assert perms.order == "least_to_most"
    assert found == []
    rows = by_kind(perms)
    assert rows["delegated_work"].least == one("Thing.Read")
    assert rows["delegated_work"].higher == one("Thing.ReadWrite", "Thing.ReadWrite.All")
    assert rows["delegated_personal"].least == one("Thing.Read")
    assert rows["delegated_personal"].higher == ()
    assert rows["application"].least == one("Thing.Read.All")
    assert rows["application"].higher == one("Thing.ReadWrite.All")
    assert [row.line for row in perms.rows] == [3, 4, 5]
    assert perms.line == 1
    assert all(row.supported for row in perms.rows)


@pytest.mark.parametrize(
    "header",
    ["Permissions (from most to least privileged)", "Permisos (de más a menos privilegiados)"],
)
def test_two_columns_most_to_least(header):
    text = md(f"""
        |Permission type | {header}|
        |:---|:---|
        |Delegated (work or school account) | Thing.ReadWrite.All, Thing.ReadWrite, Thing.Read |
        |Delegated (personal Microsoft account) | Thing.Read |
        |Application | Thing.ReadWrite.All, Thing.Read.All |
        """)
    perms, _ = from_markdown(text)
    assert perms.order == "most_to_least"
    rows = by_kind(perms)
    assert rows["delegated_work"].least == one("Thing.Read")
    # higher stays in documented order
    assert rows["delegated_work"].higher == one("Thing.ReadWrite.All", "Thing.ReadWrite")
    assert rows["delegated_personal"].least == one("Thing.Read")
    assert rows["delegated_personal"].higher == ()
    assert rows["application"].least == one("Thing.Read.All")
    assert rows["application"].higher == one("Thing.ReadWrite.All")


def test_two_columns_unstated_order_read_from_the_names():
    text = md("""
        |Permission type | Permissions|
        |:---|:---|
        |Delegated (work or school account) | Thing.ReadWrite, Thing.Read |
        |Delegated (personal Microsoft account) | Thing.Read |
        |Application | Thing.Read.All |
        """)
    perms, found = from_markdown(text)
    assert perms.order == "most_to_least"
    assert [(line, code) for line, code, _ in found] == [(1, "GD026")]
    assert by_kind(perms)["delegated_work"].least == one("Thing.Read")
    assert by_kind(perms)["delegated_work"].higher == one("Thing.ReadWrite")


def test_two_columns_unstated_order_names_silent_takes_first_as_least():
    text = md("""
        |Permission type | Permissions|
        |:---|:---|
        |Delegated (work or school account) | Thing.Read, Other.ReadWrite |
        |Delegated (personal Microsoft account) | Thing.Read |
        |Application | Thing.Read.All |
        """)
    perms, found = from_markdown(text)
    assert perms.order == "unstated"
    assert found == []
    assert by_kind(perms)["delegated_work"].least == one("Thing.Read")
    assert by_kind(perms)["delegated_work"].higher == one("Other.ReadWrite")


@pytest.mark.parametrize(
    "cell", ["Not supported.", "No admitida.", "", "Not available.", "Non pris en charge."]
)
def test_cell_without_scope_is_unsupported(cell):
    text = md(f"""
        |Permission type | Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account) | Thing.Read |
        |Delegated (personal Microsoft account) | {cell} |
        |Application | Thing.Read.All |
        """)
    perms, found = from_markdown(text)
    rows = by_kind(perms)
    assert rows["delegated_personal"].supported is False
    assert rows["delegated_personal"].least == () and rows["delegated_personal"].higher == ()
    assert rows["delegated_work"].supported is True
    assert rows["application"].supported is True
    assert found == []


# --------------------------------------------------------------------------- 3-column tables


def test_three_column_current_format():
    text = md("""
        |Permission type|Least privileged permissions|Higher privileged permissions|
        |:---|:---|:---|
        |Delegated (work or school account)|Thing.Read|Thing.ReadWrite, Thing.Read.All|
        |Delegated (personal Microsoft account)|Not supported.|Not supported.|
        |Application|Thing.Read.All|Not available.|
        """)
    perms, found = from_markdown(text)
    assert found == []
    assert perms.order == "columns"
    rows = by_kind(perms)
    assert (rows["delegated_work"].least, rows["delegated_work"].higher) == (
        one("Thing.Read"),
        one("Thing.ReadWrite", "Thing.Read.All"),
    )
    assert rows["delegated_personal"].supported is False
    assert (rows["application"].least, rows["application"].higher) == (one("Thing.Read.All"), ())
    assert rows["application"].supported is True


def test_three_column_rows_sorted_by_kind_keep_their_lines():
    text = md("""
        |Permission type|Least privileged permissions|Higher privileged permissions|
        |:---|:---|:---|
        |Application|Thing.Read.All|Not available.|
        |Delegated (personal Microsoft account)|Thing.Read|Not available.|
        |Delegated (work or school account)|Thing.Read|Not available.|
        """)
    perms, _ = from_markdown(text)
    assert [(row.kind, row.line) for row in perms.rows] == [
        ("delegated_work", 5),
        ("delegated_personal", 4),
        ("application", 3),
    ]


def test_missing_kind_reported():
    text = md("""
        |Permission type|Least privileged permissions|Higher privileged permissions|
        |:---|:---|:---|
        |Delegated (work or school account)|Thing.Read|Not available.|
        |Application|Thing.Read.All|Not available.|
        """)
    perms, found = from_markdown(text)
    assert [row.kind for row in perms.rows] == ["delegated_work", "application"]
    assert [(line, code) for line, code, _ in found] == [(1, "GD023")]
    assert "delegated_personal" in found[0][2]


# --------------------------------------------------------------------------- labels and row order


def test_rows_by_spanish_labels():
    text = md("""
        |Tipo de permiso | Permisos (de menos a más privilegiados)|
        |:---|:---|
        |Aplicación | Thing.Read.All |
        |Delegado (cuenta profesional o educativa) | Thing.Read, Thing.ReadWrite |
        |Delegado (cuenta personal de Microsoft) | No admitida. |
        """)
    perms, found = from_markdown(text)
    # the labels are followed, but the unusual order is reported
    assert [(line, code) for line, code, _ in found] == [(4, "GD029")]
    assert perms.order == "least_to_most"
    assert [(row.kind, row.line, row.supported) for row in perms.rows] == [
        ("delegated_work", 4, True),
        ("delegated_personal", 5, False),
        ("application", 3, True),
    ]
    assert by_kind(perms)["delegated_work"].higher == one("Thing.ReadWrite")


def test_rows_by_order_when_labels_unknown():
    text = md("""
        |Machtigingstype | Machtigingen|
        |:---|:---|
        |Gemachtigd (werk- of schoolaccount) | Thing.Read |
        |Gemachtigd (Microsoft-account) | Niet ondersteund. |
        |Toepassing | Thing.Read.All |
        """)
    perms, found = from_markdown(text)
    assert [(line, code) for line, code, _ in found] == [(3, "GD024"), (4, "GD024"), (5, "GD024")]
    assert [(row.kind, row.line, row.supported) for row in perms.rows] == [
        ("delegated_work", 3, True),
        ("delegated_personal", 4, False),
        ("application", 5, True),
    ]
    assert by_kind(perms)["application"].least == one("Thing.Read.All")


def test_unknown_labels_of_two_rows_read_by_position_and_reported():
    text = md("""
        |Machtigingstype | Machtigingen|
        |:---|:---|
        |Gemachtigd | Thing.Read |
        |Toepassing | Thing.Read.All |
        """)
    perms, found = from_markdown(text)  # a permissions table by its structure
    assert [(row.kind, row.least) for row in perms.rows] == [
        ("delegated_work", one("Thing.Read")),
        ("delegated_personal", one("Thing.Read.All")),
    ]
    assert [(line, code) for line, code, _ in found] == [(3, "GD024"), (4, "GD024"), (1, "GD023")]
    assert perms.lost == ()


def test_known_label_recognised_even_if_another_row_is_unknown():
    text = md("""
        |Permission type | Permissions|
        |:---|:---|
        |Delegated (work or school account) | Thing.Read |
        |Service principal | Thing.Read.All |
        """)
    perms, found = from_markdown(text)
    assert [row.kind for row in perms.rows] == ["delegated_work", "delegated_personal"]
    assert [(line, code) for line, code, _ in found if code != "GD023"] == [(4, "GD024")]


def test_known_labels_win_over_row_order():
    text = md("""
        |Permission type | Permissions|
        |:---|:---|
        |Application | Thing.Read.All |
        |Delegated (work or school account) | Thing.Read |
        |Service principal | Thing.ReadWrite.All |
        """)
    perms, _ = from_markdown(text)
    rows = by_kind(perms)
    assert rows["application"].least == one("Thing.Read.All")
    assert rows["delegated_work"].least == one("Thing.Read")


def test_duplicate_kind_reported():
    text = md("""
        |Permission type | Permissions|
        |:---|:---|
        |Delegated (work or school account) | Thing.Read |
        |Delegated (work or school account) | Thing.ReadWrite |
        |Application | Thing.Read.All |
        """)
    perms, found = from_markdown(text)
    assert by_kind(perms)["delegated_work"].least == one("Thing.Read")
    assert (4, "GD021") in [(line, code) for line, code, _ in found]


# --------------------------------------------------------------------------- scope syntax


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("Thing.Read and User.Read", (("Thing.Read", "User.Read"),)),
        ("Thing.Read y User.Read", (("Thing.Read", "User.Read"),)),
        ("Thing.Read, Thing.ReadWrite", one("Thing.Read", "Thing.ReadWrite")),
        ("Thing.Read; Thing.ReadWrite", one("Thing.Read", "Thing.ReadWrite")),
        ("Thing.Read or Thing.ReadWrite", one("Thing.Read", "Thing.ReadWrite")),
        ("Thing.Read o Thing.ReadWrite", one("Thing.Read", "Thing.ReadWrite")),
        ("Thing.Read Thing.ReadWrite", one("Thing.Read", "Thing.ReadWrite")),
        (
            "Thing.Read and User.Read, Thing.ReadWrite or Thing.ReadWrite.All",
            (("Thing.Read", "User.Read"), ("Thing.ReadWrite",), ("Thing.ReadWrite.All",)),
        ),
        ("Thing.Read*, Thing.ReadWrite**", one("Thing.Read", "Thing.ReadWrite")),
        ("Thing.Read* and User.Read*", (("Thing.Read", "User.Read"),)),
        ("Thing.Read* or Thing.ReadWrite", one("Thing.Read", "Thing.ReadWrite")),
        ("[Thing.Read](link.md), `Thing.ReadWrite`", one("Thing.Read", "Thing.ReadWrite")),
        ("Not supported.", ()),
        ("", ()),
    ],
)
def test_scopes_of(cell, expected):
    assert permissions.scopes_of(cell) == expected


def test_escaped_footnote_asterisk_before_or():
    assert permissions.scopes_of("Thing.Read\\* or Thing.ReadWrite") == one(
        "Thing.Read", "Thing.ReadWrite"
    )


def test_conjunction_is_least_entry_of_two_column_table():
    text = md("""
        |Permission type | Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account) | Thing.Read and User.Read, Thing.ReadWrite* |
        |Delegated (personal Microsoft account) | Not supported. |
        |Application | Thing.Read.All or Thing.ReadWrite.All |
        """)
    perms, _ = from_markdown(text)
    rows = by_kind(perms)
    assert rows["delegated_work"].least == (("Thing.Read", "User.Read"),)
    assert rows["delegated_work"].higher == one("Thing.ReadWrite")
    assert rows["application"].least == one("Thing.Read.All")
    assert rows["application"].higher == one("Thing.ReadWrite.All")


# --------------------------------------------------------------------------- through parse_text


def test_inline_table_on_page():
    text = page_with("""
        Choose one of these.

        |Permission type | Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account) | Thing.Read |
        |Delegated (personal Microsoft account) | Not supported. |
        |Application | Thing.Read.All |
        """)
    result = parse_text("api/x-y.md", text, "v1.0")
    perms = result.operation.permissions
    assert perms.source == ""
    assert perms.line == line_of(text, "|Permission type")
    assert [row.line for row in perms.rows] == [
        line_of(text, "work or school"),
        line_of(text, "personal Microsoft"),
        line_of(text, "|Application"),
    ]
    assert not [d for d in result.diagnostics if d.code.startswith("GD02")]


def test_no_permissions_reported():
    text = page_with("Ask your administrator.\n")
    result = parse_text("api/x-y.md", text, "v1.0")
    assert result.operation.permissions.rows == ()
    assert [(d.code, d.line) for d in result.diagnostics if d.code.startswith("GD02")] == [
        ("GD020", line_of(text, "## Permissions"))
    ]


def test_no_permissions_section_reported_at_title():
    text = PAGE_TOP.replace("## Permissions\n", "") + PAGE_BOTTOM
    result = parse_text("api/x-y.md", text, "v1.0")
    assert [(d.code, d.line) for d in result.diagnostics if d.code.startswith("GD02")] == [
        ("GD020", 1)
    ]


INCLUDE_LINE = "[!INCLUDE [permissions-table](../includes/permissions/x-y-permissions.md)]"


def write_page(tmp_path, page: str, include: str | None):
    api = tmp_path / "api"
    api.mkdir()
    page_file = api / "x-y.md"
    page_file.write_text(page, encoding="utf-8")
    if include is not None:
        folder = tmp_path / "includes" / "permissions"
        folder.mkdir(parents=True)
        (folder / "x-y-permissions.md").write_text(include, encoding="utf-8")
    return page_file


INCLUDE_TEXT = md("""
    ---
    description: "Permissions for x: y"
    ---

    |Permission type|Least privileged permissions|Higher privileged permissions|
    |:---|:---|:---|
    |Delegated (work or school account)|Thing.Read|Thing.ReadWrite|
    |Delegated (personal Microsoft account)|Not supported.|Not supported.|
    |Application|Thing.Read.All|Not available.|
    """)


def test_include_resolved_relative_to_page(tmp_path, monkeypatch):
    text = page_with(f"""
        Choose the least privileged permission.

        <!-- {{ "blockType": "permissions", "name": "x_y" }} -->
        {INCLUDE_LINE}
        """)
    page_file = write_page(tmp_path, text, INCLUDE_TEXT)
    monkeypatch.chdir(tmp_path / "includes")  # resolution must not depend on the working directory
    result = parse_text(str(page_file), text, "v1.0")
    perms = result.operation.permissions
    assert perms.source == "../includes/permissions/x-y-permissions.md"
    assert perms.line == line_of(text, "[!INCLUDE")
    assert perms.order == "columns"
    rows = by_kind(perms)
    assert rows["delegated_work"].least == one("Thing.Read")
    assert rows["delegated_work"].higher == one("Thing.ReadWrite")
    assert rows["delegated_personal"].supported is False
    assert rows["application"].least == one("Thing.Read.All")
    # row lines are those of the include file (front matter counted)
    assert [row.line for row in perms.rows] == [7, 8, 9]
    assert not [d for d in result.diagnostics if d.code.startswith("GD02")]


def test_include_diagnostics_reported_at_include_line(tmp_path):
    include = md("""
        |Permission type|Least privileged permissions|Higher privileged permissions|
        |:---|:---|:---|
        |Delegated (work or school account)|Thing.Read|Not available.|
        |Application|Thing.Read.All|Not available.|
        """)
    text = page_with(f"{INCLUDE_LINE}\n")
    page_file = write_page(tmp_path, text, include)
    result = parse_text(str(page_file), text, "v1.0")
    gd023 = [d for d in result.diagnostics if d.code == "GD023"]
    assert [d.line for d in gd023] == [line_of(text, "[!INCLUDE")]
    assert "x-y-permissions.md:1:" in gd023[0].message


def test_missing_include_is_an_error_at_its_line(tmp_path):
    text = page_with(f"""
        <!-- {{ "blockType": "permissions", "name": "x_y" }} -->
        {INCLUDE_LINE}
        """)
    page_file = write_page(tmp_path, text, None)
    result = parse_text(str(page_file), text, "v1.0")
    gd022 = [d for d in result.diagnostics if d.code == "GD022"]
    assert [(d.line, d.severity) for d in gd022] == [(line_of(text, "[!INCLUDE"), "error")]
    assert "x-y-permissions.md" in gd022[0].message
    assert result.operation is not None
    assert result.operation.permissions.rows == ()
    assert "GD020" not in [d.code for d in result.diagnostics]


def test_missing_include_inside_paragraph_reported_at_include_line(tmp_path):
    text = page_with(f"""
        One of the following permissions is required.
        {INCLUDE_LINE}
        """)
    page_file = write_page(tmp_path, text, None)
    result = parse_text(str(page_file), text, "v1.0")
    assert [d.line for d in result.diagnostics if d.code == "GD022"] == [line_of(text, "[!INCLUDE")]


def test_include_without_table(tmp_path):
    text = page_with(f"{INCLUDE_LINE}\n")
    page_file = write_page(tmp_path, text, "Nothing to see here.\n")
    result = parse_text(str(page_file), text, "v1.0")
    assert [(d.code, d.line) for d in result.diagnostics if d.code.startswith("GD02")] == [
        ("GD020", line_of(text, "[!INCLUDE"))
    ]


def test_transposed_per_resource_table():
    text = md("""
        | Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |
        |:---|:---|:---|:---|
        | [gadget](../resources/gadget.md) | Gadget.ReadWrite | Gadget.ReadWrite | Gadget.ReadWrite.All |
        | [widget](../resources/widget.md) | Widget.ReadWrite | Not supported | Not supported |
        """)
    perms, found = from_markdown(text)
    assert found == []
    assert [(r.resource, r.kind, r.supported) for r in perms.rows] == [
        ("gadget", "delegated_work", True),
        ("widget", "delegated_work", True),
        ("gadget", "delegated_personal", True),
        ("widget", "delegated_personal", False),
        ("gadget", "application", True),
        ("widget", "application", False),
    ]
    assert perms.rows[0].least == one("Gadget.ReadWrite")


def test_indented_workflow_rows_belong_to_the_permission_type_above():
    text = md("""
        |Permission type|Permissions (from most to least privileged)|
        |:---|:---|
        |Delegated (work or school account)||
        | &nbsp; &nbsp; **Device setup** | Gadget.ReadWrite.All, Gadget.Read.All|
        | &nbsp; &nbsp; **Policy set** | Gadget.ReadWrite.All|
        |Delegated (personal Microsoft account)|Not supported.|
        |Application||
        | &nbsp; &nbsp; **Device setup** | Gadget.ReadWrite.All|
        """)
    perms, found = from_markdown(text)
    assert found == []
    rows = [(r.kind, r.resource, r.least) for r in perms.rows]
    assert rows == [
        ("delegated_work", "Device setup", one("Gadget.Read.All")),
        ("delegated_work", "Policy set", one("Gadget.ReadWrite.All")),
        ("delegated_personal", "", ()),
        ("application", "Device setup", one("Gadget.ReadWrite.All")),
    ]


def test_several_tables_are_all_read_with_their_headings():
    text = textwrap.dedent("""\
        # gadget: get

        Reads a gadget.

        ## Permissions

        ### Permissions for boxes

        |Permission type | Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account) | Box.Read |
        |Delegated (personal Microsoft account) | Not supported. |
        |Application | Box.Read.All |

        ### Permissions for crates

        |Permission type | Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account) | Crate.Read |
        |Delegated (personal Microsoft account) | Not supported. |
        |Application | Crate.Read.All |

        ## HTTP request

        ```http
        GET /gadgets/{id}
        ```
        """)
    operation = parse_text("api/gadget-get.md", text, "v1.0").operation
    work = [(r.resource, r.least) for r in operation.permissions.rows if r.kind == "delegated_work"]
    assert work == [
        ("Permissions for boxes", one("Box.Read")),
        ("Permissions for crates", one("Crate.Read")),
    ]
