"""``graphdoc drift``: our own pages against a metadata document and a permissions map of
our own, as a user runs it; and the shared editions against Microsoft's v1.0 CSDL (the
figures are printed)."""

from __future__ import annotations

import json
import lzma
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.pages import line_of, md

from .conftest import REPO, SHARED

API = md("""
    # Get widget

    ## Permissions

    | Permission type | Permissions (from least to most privileged) |
    |:--|:--|
    | Delegated (work or school account) | Widget.Read.All, Widget.WriteWrite.All |
    | Delegated (personal Microsoft account) | Not supported. |
    | Application | Widget.Read.All |

    ## HTTP request

    ```http
    GET /widgets/{id}
    ```

    ## Response

    If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object.
    """)

WIDGET = md("""
    # widget resource type

    Namespace: microsoft.graph

    A widget.

    ## Properties

    | Property | Type | Description |
    |:--|:--|:--|
    | id | String | The identifier. |
    | size | Int32 | How big. |
    | colour | [widgetColour](enums.md#widgetcolour-values) | Its colour. |
    | legacyCode | String | Gone since. |

    ## JSON representation

    <!-- {"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.widget"} -->
    ```json
    {"id": "String", "size": 1, "colour": "String", "legacyCode": "String"}
    ```
    """)

ENUMS = md("""
    # Enum values

    Namespace: microsoft.graph

    ### widgetColour values

    |Member|
    |:---|
    |red|
    |green|
    |mauve|
    """)

CSDL = """<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="widgetColour">
        <Member Name="red" Value="0" />
        <Member Name="green" Value="1" />
      </EnumType>
      <EntityType Name="widget">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <Property Name="size" Type="Collection(Edm.Int32)" />
        <Property Name="colour" Type="graph.widgetColour" />
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"""

PERMISSIONS = {
    "permissions": {
        "Widget.Read.All": {
            "schemes": {"DelegatedWork": {"adminDisplayName": "Read widgets"}},
            "pathSets": [
                {
                    "schemeKeys": ["DelegatedWork", "Application"],
                    "methods": ["GET"],
                    "paths": {"/widgets/{id}": "least=Application"},
                }
            ],
        },
        "Widget.ReadBasic.All": {
            "schemes": {"DelegatedWork": {"adminDisplayName": "Read widgets' names"}},
            "pathSets": [
                {
                    "schemeKeys": ["DelegatedWork"],
                    "methods": ["GET"],
                    "paths": {"/widgets/{id}": "least=DelegatedWork"},
                }
            ],
        },
    }
}


def _docs(tmp_path: Path) -> tuple[Path, Path, Path]:
    docs = tmp_path / "docs"
    (docs / "api").mkdir(parents=True)
    (docs / "resources").mkdir()
    (docs / "api" / "widget-get.md").write_text(API, encoding="utf-8")
    (docs / "resources" / "widget.md").write_text(WIDGET, encoding="utf-8")
    (docs / "resources" / "enums.md").write_text(ENUMS, encoding="utf-8")
    csdl = tmp_path / "metadata.xml.xz"
    csdl.write_bytes(lzma.compress(CSDL.encode()))
    permissions = tmp_path / "permissions.json"
    permissions.write_text(json.dumps(PERMISSIONS), encoding="utf-8")
    return docs, csdl, permissions


def test_drift_lists_each_difference_at_its_line(tmp_path, capsys):
    docs, csdl, permissions = _docs(tmp_path)
    arguments = ["drift", str(docs), "--csdl", str(csdl), "--permissions", str(permissions)]
    assert main([*arguments, "--jobs", "1", "--format", "json", "--no-cache"]) == 0
    output = json.loads(capsys.readouterr().out)
    found = {(d["code"], d["path"].rsplit("/", 1)[-1], d["line"]) for d in output["diagnostics"]}
    widget = line_of(WIDGET, "| size |"), line_of(WIDGET, "| legacyCode |")
    delegated = line_of(API, "Delegated (work")
    assert found == {
        ("GD112", "widget.md", widget[0]),  # Int32 here, a collection there
        ("GD111", "widget.md", widget[1]),  # not in the metadata
        ("GD114", "enums.md", line_of(ENUMS, "### widgetColour")),  # mauve
        ("GD115", "widget-get.md", delegated),  # Widget.WriteWrite.All
        ("GD116", "widget-get.md", delegated),  # the map's least is Widget.ReadBasic.All
    }
    figures = output["figures"]
    assert figures["unknown_permission_names"] == ["Widget.WriteWrite.All"]
    assert (figures["properties_present"], figures["property_types_agree"]) == (3, 2)
    assert (figures["enums_shared"], figures["enums_clean"]) == (1, 0)
    assert figures["diagnostics_by_code"]["GD115"] == 1


def test_drift_in_github_format_and_bad_metadata(tmp_path, capsys):
    docs, csdl, _ = _docs(tmp_path)
    assert main(["drift", str(docs), "--csdl", str(csdl), "--format", "github", "--no-cache"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith(("::warning ", "::notice ")) for line in lines)
    broken = tmp_path / "broken.xml"
    broken.write_text("<edmx:Edmx", encoding="utf-8")
    assert main(["drift", str(docs), "--csdl", str(broken), "--no-cache"]) == 2
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', encoding="utf-8")
    assert main(["drift", str(docs), "--csdl", str(bomb), "--no-cache"]) == 2
    assert main(["drift", str(docs), "--csdl", "/dev/zero", "--no-cache"]) == 2


EDITIONS = ("en-2021", "es-2019", "pt-2023")


@pytest.mark.parametrize("edition", EDITIONS)
def test_editions_agree_with_microsofts_metadata(corpus_root, edition):
    """Per shared edition, v1.0: CSDL properties present, Python types that agree, enums
    with no member the CSDL lacks, property rows lost without a diagnostic (printed)."""
    if not (SHARED / "reference" / "metadata").is_dir():
        pytest.skip("../shared/reference/metadata is not beside the project")
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from csdl_agreement import measure
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    folder = corpus_root / f"graph-docs-{edition}" / "api-reference" / "v1.0"
    figures = measure(folder, jobs=1)
    rates = figures["rates_percent"]
    print(edition, json.dumps(rates))
    # an enum whose members the pages translated is typed str: honest, never a wrong Literal
    assert rates["property_types_agree_or_str_for_enum"] >= 97.0
    assert rates["enums_clean"] >= 97.0
    assert rates["property_rows_lost_silently"] <= 0.5
