"""Structure over words: sections at any level, anchored tab headings, malformed tables, and
the report's honest count of permission rows understood and lost.

Pages are written for these tests, in our own words, in the structure of real pages.
"""

from __future__ import annotations

from generator.parse.page import parse_text
from generator.report.figures import Facts, _counts, facts, table

from .pages import line_of, md

NESTED = md("""
    # <a name="drive-get"></a>Lire un lecteur

    Lit les propriétés d'un lecteur.

    ## <a name="permissions"></a>Autorisations

    |Tipo | Autorizzazioni (dalla più alta alla più bassa)|
    |:---|:---|
    |Delegato lavoro | Files.ReadWrite.All, Files.Read |
    |Delegato personale | Files.Read |
    |Applicazione | Files.Read.All |

    ## <a name="get-the-current-users-drive"></a>Le lecteur de l'utilisateur connecté

    Un paragraphe qui explique le scénario.

    ### <a name="http-request"></a>Requête HTTP

    # <a name="http"></a>[HTTP](#tab/http)
    <!-- { "blockType": "request", "name": "get-drive-default" } -->

    ```msgraph-interactive
    GET /me/drive
    ```
    # <a name="csharp"></a>[C#](#tab/csharp)
    [!INCLUDE [sample-code](../includes/snippets/csharp/get-drive-default-csharp-snippets.md)]

    ---

    ## <a name="get-a-users-drive"></a>Le lecteur d'un autre utilisateur

    #### <a name="http-request"></a>Requête HTTP

    ```http
    GET /users/{idOrUserPrincipalName}/drive
    ```

    ### <a name="response"></a>Réponse

    Renvoie `200 OK`.
    """)


def test_anchored_request_sections_under_scenario_headings():
    result = parse_text("api/drive-get.md", NESTED, "v1.0")
    operation = result.operation
    assert operation is not None, result.diagnostics
    assert [variant.path for variant in operation.variants] == [
        "/me/drive",
        "/users/{id_or_user_principal_name}/drive",
    ]
    assert operation.response.status == 200
    assert "GD011" not in {d.code for d in result.diagnostics}


def test_permissions_of_the_nested_page_read_by_position_and_names():
    perms = parse_text("api/drive-get.md", NESTED, "v1.0").operation.permissions
    rows = {row.kind: row for row in perms.rows}
    assert perms.order == "most_to_least"  # the names say so: the header's words are unknown
    assert rows["delegated_work"].least == (("Files.Read",),)
    assert rows["delegated_personal"].least == (("Files.Read",),)
    assert rows["application"].least == (("Files.Read.All",),)


MALFORMED = md("""
    # thing: list

    Lists things.

    ## Permissions

    ### Acting on self

    |Permission type | Permissions (from least to most privileged)|
    |:---|:---|
    |Delegated (work or school account) | Thing.Read |
    |Delegated (personal Microsoft account) | Not supported. |
    |Application | Not supported. |

    ### Acting on others

    |Permission type | Permissions (from least to most privileged)|
    |:---|:---|:---|
    |Delegated (work or school account) | Thing.Read.All, Thing.ReadWrite.All |
    |Delegated (personal Microsoft account) | Not supported. |
    |Application | Thing.Read.All |

    ## HTTP request

    ```http
    GET /things
    ```
    """)


def test_table_with_a_malformed_delimiter_row_keeps_its_rows():
    result = parse_text("api/thing-list.md", MALFORMED, "v1.0")
    perms = result.operation.permissions
    application = [row for row in perms.rows if row.kind == "application"]
    assert [(row.resource, row.supported) for row in application] == [
        ("Acting on self", False),
        ("Acting on others", True),
    ]
    assert application[1].least == (("Thing.Read.All",),)
    assert application[1].line == line_of(MALFORMED, "|Application | Thing.Read.All")
    assert [(d.code, d.line) for d in result.diagnostics if d.code == "GD025"] == [
        ("GD025", line_of(MALFORMED, "|Permission type", 2))
    ]


LOSSY = md("""
    # thing: get

    Gets a thing.

    ## Permissions

    |Permission type | Permissions (from least to most privileged)|
    |:---|:---|
    |Delegated (work or school account) | Thing.Read |
    |Delegated (work or school account) | Thing.ReadWrite |
    |Delegated (personal Microsoft account) | Not supported. |
    |Application | Thing.Read.All |

    ## HTTP request

    ```http
    GET /things/{id}
    ```
    """)


def test_report_counts_rows_understood_and_lost():
    good = parse_text("api/thing-list.md", MALFORMED, "v1.0").operation
    lossy = parse_text("api/thing-get.md", LOSSY, "v1.0").operation
    assert lossy.permissions.lost == (("delegated_work", line_of(LOSSY, "Thing.ReadWrite |")),)
    figures: list[Facts] = [facts(good, 0), facts(lossy, 0)]
    counts = _counts([], figures, [])
    rows = counts["permission_rows"]
    assert rows["by_kind"]["delegated_work"] == {"understood": 3, "lost": 1}
    assert rows["by_kind"]["application"] == {"understood": 2, "lost": 0}
    assert (rows["understood"], rows["lost"]) == (5, 1)
    rates = counts["rates_percent"]
    assert rates["permission_rows_understood"] == round(100 * 5 / 6, 2)
    # the lossy page has all three kinds, but lost a row: it counts against the rate
    assert counts["operations_with_all_permission_kinds"] == 2
    assert counts["operations_with_permissions_understood"] == 1
    assert rates["operations_permissions_understood"] == 50.0
    assert rates["permissions_all_kinds"] == 100.0  # the old, table-counting figure
    summary = table({**counts, "graphdoc": "x"})
    assert "5 understood of 6 naming a permission (83.33%)" in summary
