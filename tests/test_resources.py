"""Resource pages → types, by structure: the same page in two heading languages gives the
same types; example responses are checked against them."""

from __future__ import annotations

from dataclasses import replace

from generator.parse import specio
from generator.core.diagnostics import Diagnostic
from generator.core.model import EnumType, Resource
from generator.parse.page import parse_text
from generator.parse.resources import parse_resource_text, type_of
from generator.assemble.typecheck import TypeIndex, build_index, check_examples

# A parcel in our own words, in the shape of a real resource page.
ENGLISH = """---
title: "parcel resource type"
doc_type: resourcePageType
---

# parcel resource type

Namespace: microsoft.graph

A parcel handed to a courier.

## Methods

| Method | Return type | Description |
|:--|:--|:--|
| [Get parcel](../api/parcel-get.md) | [parcel](parcel.md) | Read a parcel. |

## Properties

| Property | Type | Description |
|:--|:--|:--|
| id | String | The parcel's identifier. Read-only. |
| weight | Double | Its weight in grams. |
| labels | String collection | Free labels. Nullable. |
| sender | [courierContact](couriercontact.md) | Who sends it. |
| speed | deliverySpeed | How fast it goes. |
| sentOn | Edm.DateTimeOffset | When it left. |

## Relationships

| Relationship | Type | Description |
|:--|:--|:--|
| stops | [parcelStop](parcelstop.md) collection | Where it stopped. |

## JSON representation

<!-- {
  "blockType": "resource",
  "keyProperty": "id",
  "baseType": "microsoft.graph.entity",
  "optionalProperties": ["stops"],
  "@odata.type": "microsoft.graph.parcel"
} -->

```json
{
  "id": "String",
  "weight": 12.5,
  "labels": ["String"],
  "sender": {"@odata.type": "microsoft.graph.courierContact"},
  "speed": "String",
  "sentOn": "String (timestamp)"
}
```
"""

# The same page with every heading and word in another script, and no anchors: only the
# structure is left to go by (and the localized primitive words graphdoc knows).
OTHER = (
    ENGLISH.replace("# parcel resource type", "# ресурс parcel")
    .replace("## Methods", "## Методы")
    .replace("## Properties", "## Свойства")
    .replace("## Relationships", "## Связи")
    .replace("## JSON representation", "## Представление JSON")
    .replace("| Property | Type | Description |", "| Свойство | Тип | Описание |")
    .replace("| Relationship | Type | Description |", "| Связь | Тип | Описание |")
    .replace("| Method | Return type | Description |", "| Метод | Тип | Описание |")
    .replace("[parcelStop](parcelstop.md) collection", "Collection([остановка](parcelstop.md))")
)

CONTACT = """# courierContact resource type

Namespace: microsoft.graph

| Property | Type | Description |
|:--|:--|:--|
| name | String | A name. |
| phone | String | A phone number. |
"""

STOP = """# parcelStop resource type

| Property | Type | Description |
|:--|:--|:--|
| id | String | Identifier. |
| place | String | Where. |

<!-- {"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.parcelStop"} -->
```json
{"id": "String", "place": "String"}
```
"""

ENUMS = """# Enum values

Namespace: microsoft.graph

### deliverySpeed values

|Member|
|:---|
|standard|
|express|
"""


def _types(text: str, name: str = "parcel.md") -> tuple[Resource | EnumType, ...]:
    return parse_resource_text(f"resources/{name}", text, name).types


def _index(parcel: str = ENGLISH) -> tuple[TypeIndex, list[Diagnostic]]:
    found: list[Diagnostic] = []
    pages = [("contact", "couriercontact.md", CONTACT), ("enums", "enums.md", ENUMS)]
    pages += [("parcel", "parcel.md", parcel), ("stop", "parcelstop.md", STOP)]
    index = build_index(
        ((name, _types(text, name)) for _, name, text in pages),
        lambda *args: found.append(Diagnostic(*args)),
    )
    return index, found


def test_english_page_gives_the_type():
    (parcel,) = _types(ENGLISH)
    assert isinstance(parcel, Resource)
    assert (parcel.name, parcel.namespace, parcel.key) == ("parcel", "microsoft.graph", "id")
    assert parcel.base_type == "microsoft.graph.entity"
    assert [p.name for p in parcel.properties] == [
        "id",
        "weight",
        "labels",
        "sender",
        "speed",
        "sentOn",
    ]
    assert [p.name for p in parcel.relationships] == ["stops"]
    props = {p.name: p for p in parcel.properties}
    assert props["id"].read_only is True and props["labels"].nullable is True
    assert props["labels"].type.collection and props["labels"].type.name == "String"
    assert props["sender"].type.page == "couriercontact"
    assert props["sentOn"].type.name == "DateTimeOffset"
    assert parcel.relationships[0].type.collection


def test_two_languages_give_identical_types():
    english, other = _index(ENGLISH)[0], _index(OTHER)[0]
    assert english.find("parcel") == replace(other.find("parcel"))  # type: ignore[arg-type]


def test_resolution_by_page_and_name():
    index, found = _index()
    parcel = index.find("microsoft.graph.parcel")
    assert isinstance(parcel, Resource)
    kinds = {p.name: (p.type.name, p.type.kind) for p in parcel.properties + parcel.relationships}
    assert kinds["sender"] == ("microsoft.graph.courierContact", "complex")
    assert kinds["speed"] == ("microsoft.graph.deliverySpeed", "enum")
    assert kinds["stops"] == ("microsoft.graph.parcelStop", "entity")
    assert not [d for d in found if d.code == "GD071"]
    enum = index.find("deliverySpeed")
    assert isinstance(enum, EnumType) and enum.members == ("standard", "express")


def test_unknown_localized_primitive_is_reported_not_read_as_string():
    assert type_of("Cadena").name == "String"  # type: ignore[union-attr]
    page = ENGLISH.replace("| weight | Double |", "| weight | Zahlwert |")
    index, found = _index(page)
    assert [d.code for d in found if "parcel.weight" in d.message] == ["GD071"]


def test_representation_disagreement_is_reported():
    page = ENGLISH.replace('"weight": 12.5,', '"weight": 12.5, "colour": "String",')
    codes = [d.code for d in parse_resource_text("p.md", page).diagnostics]
    assert codes == ["GD072"]


def test_types_round_trip_through_yaml():
    index, _ = _index()
    for item in index.types:
        assert specio.load_type(specio.dump(item)) == item


API = """# Get parcel

## HTTP request

```http
GET /parcels/{id}
```

## Response

If successful, this method returns a `200 OK` response code and a [parcel](../resources/parcel.md) object.

## Example

### Request

```http
GET https://graph.microsoft.com/v1.0/parcels/7
```

### Response

```http
HTTP/1.1 200 OK
Content-type: application/json

{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#parcels/$entity",
  "id": "7",
  "weight": "heavy",
  "labels": "fragile",
  "colour": "red",
  "sender": {"name": "Ada", "fax": "1"},
  "stops": [{"@odata.type": "#microsoft.graph.parcelStop", "place": "Lyon"}]
}
```
"""


def test_example_response_checked_against_its_type():
    index, _ = _index()
    parsed = parse_text("api/parcel-get.md", API, "v1.0")
    operation = parsed.operation
    assert operation is not None
    assert (operation.response.type_page, operation.response.prose_collection) == ("parcel", False)
    found: list[tuple[int, str, str]] = []
    assert check_examples(operation, index, lambda *args: found.append(args)) == 1
    codes = sorted(code for _, code, _ in found)
    # colour and sender.fax unknown; weight not a number; labels not an array
    assert codes == ["GD075", "GD075", "GD076", "GD077"], found
    open_index = TypeIndex()
    for item in index.types:
        open_index.add(replace(item, open_type=True) if item.name == "parcel" else item)
    found.clear()
    check_examples(operation, open_index, lambda *args: found.append(args))
    assert sorted(code for _, code, _ in found) == ["GD075", "GD076", "GD077"]  # fax still
