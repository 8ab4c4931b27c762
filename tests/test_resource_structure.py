"""Resource pages read by structure, in any language: enums never translated, names and
types from the JSON representation and the table's shape, one home page per type, and a
types module that always imports. Every page here is our own."""

from __future__ import annotations

import json

from generator.cli import main

from generator.core.model import EnumType, Property, Resource, TypeRef
from generator.pipeline import Types, types_of
from generator.render.pytypes import TypeNames, annotation, render_types
from generator.parse.resources import LOCALE_KEY, TRANSLATION_KEY, parse_resource_text
from generator.assemble.typecheck import build_index


def build(*pages: tuple[str, str]) -> Types:
    """The run's types from pages ``(file name, text)``, as a build resolves them."""
    return types_of([parse_resource_text(f"resources/{name}", text, name) for name, text in pages])


def field_types(types: Types, name: str) -> dict[str, str]:
    """Each field of type ``name`` with its Python annotation, as the types module has it."""
    item = types.index.find(name)
    assert isinstance(item, Resource), name
    names = TypeNames.of(types.index)
    members = types.index.members(item)
    return {key: annotation(prop.type, names) for key, prop in members.items()}


def module(types: Types) -> dict[str, object]:
    """The generated types module, executed: it must import."""
    source, _ = render_types(types.index, TypeNames.of(types.index))
    namespace: dict[str, object] = {}
    exec(compile(source, "types.py", "exec"), namespace)
    return namespace


def localized(locale: str, machine: bool = False) -> str:
    """Front matter marking a page as an edition in ``locale`` (the keys the parser reads)."""
    how = f"{TRANSLATION_KEY}: machine\n" if machine else ""
    return f"---\n{LOCALE_KEY}: {locale}\n{how}---\n"


def codes(types: Types) -> list[str]:
    return sorted(d.code for d in types.diagnostics)


MEETING = """# meetingSlot resource type

Namespace: microsoft.graph

A slot in a calendar.

## Properties

| Property | Type | Description |
|:--|:--|:--|
| day | [dayOfWeek](dayofweek.md) | The day. |
| mode | modality | How people join. |
| urgency | importance | How urgent. |

## JSON representation

<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.meetingSlot"} -->
```json
{"day": "String", "mode": "String", "urgency": "String"}
```
"""

# An enum page of a machine-translated edition: the members were translated as prose.
DAYS_TRANSLATED = (
    localized("es-ES", machine=True) + """# <a name="dayofweek-enum-type"></a>Enumeración dayOfWeek

Cuándo toca algo, día por día.

## <a name="members"></a>Opciones
|Opción|Número|Nota|
|:---|:---|:---|
|domingo|0|Uno.|
|lunes|1|Dos.|
|Martes|2|Tres.|
|Miércoles|3|Cuatro.|
"""
)

DAYS = """# dayOfWeek enum type

## Members
|Member|Value|Description|
|:---|:---|:---|
|sunday|0|When the week of our widgets starts.|
|monday|1|The day after.|
"""

ENUMS = """# Enumerations of the widget service

Namespace: microsoft.graph

### modality values

|Member|
|:---|
|audio|
|video|
|unknownFutureValue|

### importance values

| Member
|:-------------------------
| low
| normal
| high
"""

# A translated enums page whose members are single lower-case words: only the run's
# JSON can vouch for them.
ENUMS_TRANSLATED = localized("pt-BR") + """# Enumerações do serviço de widgets

Namespace: microsoft.graph

### <a name="modality-values"></a>Lista modality

|Member|
|:---|
|áudio|
|vídeo|

### <a name="importance-values"></a>Lista importance

|Member|
|:---|
|baixo|
|normal|
|alto|
"""


def test_translated_enum_members_are_typed_str():
    types = build(("meetingslot.md", MEETING), ("dayofweek.md", DAYS_TRANSLATED))
    assert field_types(types, "meetingSlot")["day"] == "DayOfWeek"
    assert module(types)["DayOfWeek"] is str
    assert codes(types).count("GD100") == 1


def test_english_enum_members_are_literals():
    types = build(("meetingslot.md", MEETING), ("dayofweek.md", DAYS), ("enums.md", ENUMS))
    namespace = module(types)
    assert "GD100" not in codes(types)
    assert str(namespace["DayOfWeek"]) == "typing.Literal['sunday', 'monday']"
    # single-word lower-case headings on a page of several enums name their enums
    assert str(namespace["Modality"]) == "typing.Literal['audio', 'video', 'unknownFutureValue']"
    assert field_types(types, "meetingSlot")["urgency"] == "Importance"


def test_translated_single_words_need_the_json_to_vouch_for_them():
    types = build(("meetingslot.md", MEETING), ("enums.md", ENUMS_TRANSLATED))
    namespace = module(types)
    assert namespace["Modality"] is str and namespace["Importance"] is str
    assert codes(types).count("GD100") == 2
    # the same members left as they are, and a JSON value of the run that shows them
    kept = ENUMS_TRANSLATED.replace("|baixo|", "|low|").replace("|alto|", "|high|")
    shown = MEETING.replace('"urgency": "String"', '"urgency": "low", "x": "normal or high"')
    types = build(("meetingslot.md", shown), ("enums.md", kept))
    namespace = module(types)
    assert str(namespace["Importance"]) == "typing.Literal['low', 'normal', 'high']"
    assert namespace["Modality"] is str


def test_enums_are_not_named_after_the_page_stem():
    page = ENUMS.replace("Namespace: microsoft.graph", "Namespace: microsoft.graph.callRecords")
    result = parse_resource_text("resources/enums-callrecords.md", page, "enums-callrecords.md")
    assert sorted(t.name for t in result.types if isinstance(t, EnumType)) == [
        "importance",
        "modality",
    ]


def test_mixed_case_members_are_not_trusted_in_english_either():
    page = ENUMS.replace("| normal", "| Normal")
    result = parse_resource_text("resources/enums.md", page, "enums.md")
    found = {t.name: t.members for t in result.types if isinstance(t, EnumType)}
    assert found["importance"] == () and found["modality"]
    assert [d.code for d in result.diagnostics] == ["GD100"]


PARCEL = """---
doc_type: resourcePageType
---
# parcel resource type

Namespace: microsoft.graph

A parcel handed to a courier.

## Properties

| Property | Type | Description |
|:--|:--|:--|
| id | String | The identifier. |
| weight | Double | Its weight in grams. |
| sentOn | [DateTimeOffset](timestamp.md) | When it left. |

## JSON representation

<!-- {"blockType": "resource", "baseType": "microsoft.graph.entity", "@odata.type": "microsoft.graph.parcel"} -->
```json
{"id": "String", "weight": 1.5, "sentOn": "String (timestamp)"}
```
"""

# A second page on the same type that sorts first: it must not become the type's home.
PARCEL_ELSEWHERE = """# parcel resource type

Not yet documented

## Properties

| Property | Type | Description |
|:--|:--|:--|
| id | String | Not yet documented |
| customsCode | String | Not yet documented |

## JSON representation

<!-- {"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.parcel"} -->
```json
{"id": "String", "customsCode": "String"}
```
"""

ENTITY = """# entity resource type

| Property | Type | Description |
|:--|:--|:--|
| id | String | The identifier. |

<!-- {"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.entity"} -->
```json
{"id": "String"}
```
"""


def test_a_type_on_several_pages_lives_on_its_home_page():
    types = build(
        ("aaa-shipping-parcel.md", PARCEL_ELSEWHERE), ("entity.md", ENTITY), ("parcel.md", PARCEL)
    )
    parcel = types.index.find("microsoft.graph.parcel")
    assert isinstance(parcel, Resource)
    assert parcel.description == "A parcel handed to a courier."
    assert parcel.base_type == "microsoft.graph.entity" and parcel.key == "id"
    assert set(field_types(types, "parcel")) == {"id", "weight", "sentOn", "customsCode"}


def test_a_linked_primitive_is_the_primitive():
    types = build(("parcel.md", PARCEL), ("entity.md", ENTITY))
    assert field_types(types, "parcel")["sentOn"] == "str"


CATEGORY = """# outlookCategory resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:--|:--|:--|
| displayName | String | The name. |
| color | categoryColor | The colour constant. |

### Colours

| Constant | Colour shown |
|:--|:--|
| None | No colour |
| Preset0 | Red |
| Preset1 | Orange |
| Preset2 | Brown |

## JSON representation

<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.outlookCategory"} -->
```json
{"displayName": "String", "color": "String"}
```
"""

OVERVIEW = """---
doc_type: conceptualPageType
---
# Working with the courier API

| Scenario | Permissions |
|:--|:--|
| Sending | Parcels.Send |
| Tracking | Parcels.Read.All |
| Stops | [parcelStop](parcelstop.md) |
"""


def test_tables_that_list_no_properties_are_rejected_by_shape():
    result = parse_resource_text("resources/outlookcategory.md", CATEGORY, "outlookcategory.md")
    (category,) = [t for t in result.types if isinstance(t, Resource)]
    assert [p.name for p in category.properties] == ["displayName", "color"]
    overview = parse_resource_text("resources/courier-overview.md", OVERVIEW, "x.md")
    assert overview.types == ()


CALLS = """# callRecord resource type

Namespace: microsoft.graph.callRecords

## Properties

| Property | Type | Description |
|:--|:--|:--|
| id | String | The identifier. |
| kind | callType | The kind of call. |

## Relationships

| Relationship | Type | Description |
|:--|:--|:--|
| sessions | [session](callrecords-session.md) collection | The sessions. |
| | | A stray description row. |
| Longer notes here | String | Not a property. |
| participants | [participant](callrecords-participant.md) collection. Holds who took part, in order. | Those who took part. |
| organizer | [participant](callrecords-participant.md) | Who called. |
| devices | String collection | The devices used. |

## JSON representation

<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.callRecords.callRecord"} -->
```json
{"id": "String", "kind": "String"}
```
"""

CALL_ENUMS = """# Enum values

Namespace: microsoft.graph.callRecords

### callType values

|Member|
|:---|
|groupCall|
|peerToPeer|
"""

ROOT_ENUMS = """# Enumerations of the widget service

Namespace: microsoft.graph

### callType values

|Member|
|:---|
|incoming|
|outgoing|
"""


def test_an_unqualified_name_resolves_within_its_namespace_first():
    types = build(
        ("callrecords-callrecord.md", CALLS),
        ("enums.md", ROOT_ENUMS),
        ("enums-callrecords.md", CALL_ENUMS),
    )
    record = types.index.find("microsoft.graph.callRecords.callRecord")
    assert isinstance(record, Resource)
    kind = {p.name: p.type.name for p in record.properties}["kind"]
    assert kind == "microsoft.graph.callRecords.callType"


def test_one_malformed_row_loses_that_row_not_the_table():
    result = parse_resource_text("resources/callrecords-callrecord.md", CALLS, "c.md")
    (record,) = [t for t in result.types if isinstance(t, Resource)]
    relationships = {p.name: p.type for p in record.relationships}
    assert set(relationships) == {"sessions", "participants", "organizer", "devices"}
    assert relationships["participants"].collection
    malformed = [d for d in result.diagnostics if d.code == "GD102"]
    assert [d.line for d in malformed] == [17, 18]


FILTER = """# workbookFilterCriteria resource type

Namespace: microsoft.graph

The criteria of a filter.

## JSON representation

<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.workbookFilterCriteria"} -->
```json
{
  "color": "String",
  "dynamicCriteria": "String",
  "values": ["String"],
  "operator": "String",
  "topCount": 1024,
  "visible": true,
  "changedOn": "String (timestamp)"
}
```
"""


def test_a_type_documented_only_by_its_json_representation_gets_fields():
    types = build(("workbookfiltercriteria.md", FILTER))
    assert field_types(types, "workbookFilterCriteria") == {
        "color": "str",
        "dynamicCriteria": "str",
        "values": "list[str]",
        "operator": "str",
        "topCount": "int",
        "visible": "bool",
        "changedOn": "str",
    }
    assert codes(types).count("GD103") == 7


# One type in English and in four other scripts: headings, descriptions, type words and
# one property name translated; the JSON representation stays code, as in every edition.
SHIPMENT = """# shipment resource type

Namespace: microsoft.graph

A shipment on its way.

## Properties

| Property | Type | Description |
|:--|:--|:--|
| id | String | The identifier. Read-only. |
| weight | Double | Its weight. |
| fragile | Boolean | Whether it breaks. |
| tags | String collection | Free labels. |
| sender | [courierContact](couriercontact.md) | Who sends it. |
| speed | [deliverySpeed](enums.md#deliveryspeed-values) | How fast it goes. |
| sentOn | DateTimeOffset | When it left. |

## Relationships

| Relationship | Type | Description |
|:--|:--|:--|
| stops | [parcelStop](parcelstop.md) collection | Where it stopped. |

## JSON representation

<!-- {"blockType": "resource", "optionalProperties": ["stops"], "@odata.type": "microsoft.graph.shipment"} -->
```json
{
  "id": "String",
  "weight": 1.5,
  "fragile": true,
  "tags": ["String"],
  "sender": {"@odata.type": "microsoft.graph.courierContact"},
  "speed": "String",
  "sentOn": "String (timestamp)"
}
```
"""

SPEEDS = """# Enum values

Namespace: microsoft.graph

### <a name="deliveryspeed-values"></a>deliverySpeed values

|Member|Value|Description|
|:---|:---|:---|
|`standard`|0|The usual delivery.|
|`express`|1|The fast delivery.|
"""

CONTACT_PAGE = """# courierContact resource type

| Property | Type | Description |
|:--|:--|:--|
| name | String | A name. |

<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.courierContact"} -->
```json
{"name": "String"}
```
"""

STOP_PAGE = """# parcelStop resource type

| Property | Type | Description |
|:--|:--|:--|
| id | String | Identifier. |

<!-- {"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.parcelStop"} -->
```json
{"id": "String"}
```
"""

# per script: (locale, heading words, type words for String, Double, Boolean, String
# collection, DateTimeOffset, collection word for a link, translated "weight", enum prose)
SCRIPTS = {
    "pl": (
        "pl-PL",
        ("Zasób shipment", "Właściwości", "Relacje", "Reprezentacja JSON"),
        (
            "Ciąg",
            "Liczba zmiennoprzecinkowa",
            "Wartość logiczna",
            "Kolekcja ciągów",
            "Data i godzina",
        ),
        "kolekcja",
        "waga",
        ("Zwykła dostawa.", "Szybka dostawa."),
    ),
    "zh": (
        "zh-CN",
        ("shipment 资源类型", "属性", "关系", "JSON 表示形式"),
        ("字符串", "双精度", "布尔值", "字符串集合", "日期时间偏移"),
        "集合",
        "重量",
        ("普通递送。", "快速递送。"),
    ),
    "ru": (
        "ru-RU",
        ("Ресурс shipment", "Свойства", "Связи", "Представление JSON"),
        ("Строка", "Двойной", "Логический", "Коллекция строк", "Дата и время"),
        "коллекция",
        "вес",
        ("Обычная доставка.", "Быстрая доставка."),
    ),
    "ar": (
        "ar-SA",
        ("نوع مورد shipment", "الخصائص", "العلاقات", "تمثيل JSON"),
        ("سلسلة", "مزدوج", "منطقي", "مجموعة سلاسل", "تاريخ ووقت"),
        "مجموعة",
        "الوزن",
        ("توصيل عادي.", "توصيل سريع."),
    ),
}


def _translated(script: str) -> tuple[str, str]:
    locale, headings, words, collection, weight, prose = SCRIPTS[script]
    front = localized(locale, machine=True)
    page = (
        SHIPMENT.replace("# shipment resource type", "# " + headings[0])
        .replace("## Properties", "## " + headings[1])
        .replace("## Relationships", "## " + headings[2])
        .replace("## JSON representation", "## " + headings[3])
        .replace("A shipment on its way.", prose[0])
        .replace("| id | String |", f"| id | {words[0]} |")
        .replace("| weight | Double |", f"| {weight} | {words[1]} |")
        .replace("| Boolean |", f"| {words[2]} |")
        .replace("| String collection |", f"| {words[3]} |")
        .replace("| DateTimeOffset |", f"| {words[4]} |")
        .replace("[deliverySpeed](enums.md", f"[{prose[1]}](enums.md")
        .replace(
            "[parcelStop](parcelstop.md) collection", f"{collection} [{prose[0]}](parcelstop.md)"
        )
    )
    enums = front + SPEEDS.replace("The usual delivery.", prose[0]).replace(
        "The fast delivery.", prose[1]
    ).replace("deliverySpeed values", "deliverySpeed " + headings[1])
    return front + page, enums


def _shipment_types(page: str, enums: str) -> tuple[dict[str, str], Types]:
    types = build(
        ("shipment.md", page),
        ("enums.md", enums),
        ("couriercontact.md", CONTACT_PAGE),
        ("parcelstop.md", STOP_PAGE),
    )
    return field_types(types, "shipment"), types


def test_pages_in_four_other_scripts_give_the_english_types():
    english, types = _shipment_types(SHIPMENT, SPEEDS)
    assert english == {
        "id": "str",
        "weight": "float",
        "fragile": "bool",
        "tags": "list[str]",
        "sender": "CourierContact",
        "speed": "DeliverySpeed",
        "sentOn": "str",
        "stops": "list[ParcelStop]",
    }
    assert str(module(types)["DeliverySpeed"]) == "typing.Literal['standard', 'express']"
    for script in SCRIPTS:
        page, enums = _translated(script)
        found, types = _shipment_types(page, enums)
        assert found == english, script
        assert str(module(types)["DeliverySpeed"]) == "typing.Literal['standard', 'express']"
        assert "GD101" in codes(types), script  # the translated name, settled by the JSON


# Types whose names Python reserves, a cycle of base types and two property names equal
# once NFKC-normalised: the build goes on and its types module imports.
def _resource(name: str, base: str = "", rows: str = "| id | String | The identifier. |") -> str:
    annotation = {"blockType": "resource", "@odata.type": f"microsoft.graph.{name}"}
    if base:
        annotation["baseType"] = f"microsoft.graph.{base}"
    return f"""# {name} resource type

Namespace: microsoft.graph

The {name} type.

## Properties

| Property | Type | Description |
|:--|:--|:--|
{rows}

<!-- {json.dumps(annotation)} -->
"""


HOSTILE_TYPES = {
    "true.md": _resource("true"),
    "none.md": _resource("None", rows="| kind | [none](enums.md#none-values) | A kind. |"),
    "false.md": _resource("False", base="true"),
    "loopa.md": _resource("loopA", base="loopB"),
    "loopb.md": _resource("loopB", base="loopA"),
    "self.md": _resource("selfish", base="selfish"),
    "fileholder.md": _resource(
        "fileHolder", rows="| file | String | Plain. |\n| \ufb01le | Int32 | Ligature. |"
    ),
    "enums.md": "# Enum values\n\nNamespace: microsoft.graph\n\n"
    "### none values\n\n|Member|\n|:---|\n|none|\n|True|\n\n"
    "### exception values\n\n|Member|\n|:---|\n|none|\n|all|\n",
}

WIDGET_API = """# Get widget

## HTTP request

```http
GET /widgets/{id}
```

## Response

If successful, this method returns a `200 OK` response code and a [true](../resources/true.md) object.
"""


def test_reserved_type_names_cycles_and_nfkc_names_give_an_importable_module(tmp_path):
    docs = tmp_path / "docs" / "v1.0"
    (docs / "api").mkdir(parents=True)
    (docs / "resources").mkdir()
    (docs / "api" / "widget-get.md").write_text(WIDGET_API, encoding="utf-8")
    for name, text in HOSTILE_TYPES.items():
        (docs / "resources" / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    arguments = ["build", str(tmp_path / "docs"), "--out", str(out), "--specs", str(tmp_path / "s")]
    arguments += ["--report", str(tmp_path / "report.json"), "--jobs", "1", "--quiet"]
    assert main(arguments) == 0
    (types_file,) = out.rglob("types.py")
    source = types_file.read_text(encoding="utf-8")
    namespace: dict[str, object] = {}
    exec(compile(source, "types.py", "exec"), namespace)  # imports: no NameError
    assert {"True_2", "None_2", "False_2", "Exception_2"} <= set(namespace)
    holder = namespace["FileHolder"]
    assert list(holder.__annotations__) == ["@odata.type", "file"]  # type: ignore[attr-defined]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["v1.0"]
    by_code = report["diagnostics_by_code"]
    assert by_code.get("GD105") == 2  # loopA/loopB, and selfish
    assert by_code.get("GD102") == 1  # the ligature: no name of Graph's


def test_nfkc_equal_property_names_of_a_model_keep_the_first():
    rows = (Property("file", TypeRef("String", kind="primitive"), line=3),)
    rows += (Property("\ufb01le", TypeRef("Int32", kind="primitive"), line=4),)
    found: list[tuple[str, int, str, str]] = []
    index = build_index(
        [("h.md", (Resource("holder", properties=rows),))], lambda *args: found.append(args)
    )
    holder = index.find("holder")
    assert isinstance(holder, Resource) and [p.name for p in holder.properties] == ["file"]
    assert [code for _, _, code, _ in found] == ["GD106"]


def test_on_a_page_in_its_own_language_the_table_names_hold():
    page = SHIPMENT.replace('"weight": 1.5', '"wieght": 1.5')  # a typo in the JSON only
    types = build(("shipment.md", page), ("couriercontact.md", CONTACT_PAGE))
    shipment = types.index.find("shipment")
    assert isinstance(shipment, Resource)
    assert "weight" in {p.name for p in shipment.properties}
    assert "GD101" not in codes(types)


def test_a_localized_type_word_never_decides_alone():
    page = localized("pt-BR") + SHIPMENT.replace(
        "| weight | Double |", "| weight | Cadeia de caracteres |"
    ).replace("| fragile | Boolean |", "| fragile | Booliano |").replace(
        "| id | String |", "| id | Cadeia de caracteres |"
    )
    types = build(("shipment.md", page), ("couriercontact.md", CONTACT_PAGE))
    fields = field_types(types, "shipment")
    # the JSON shows 1.5: a number, whatever the word says; the words the JSON agrees with hold
    assert (fields["weight"], fields["fragile"], fields["id"]) == ("float", "bool", "str")
    assert [d.code for d in types.diagnostics if "'weight'" in d.message] == ["GD072"]


def _mutants(text: str):
    """Each line dropped, doubled, its cells reversed, or given hostile words."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        yield "\n".join(lines[:index] + lines[index + 1 :])
        yield "\n".join(lines[: index + 1] + [line] + lines[index + 1 :])
        if line.startswith("|"):
            cells = line.strip("|").split("|")
            swapped = "|" + "|".join(reversed(cells)) + "|"
            yield "\n".join(lines[:index] + [swapped] + lines[index + 1 :])
            hostile = line.replace("String", "None").replace("id", "class", 1)
            yield "\n".join(lines[:index] + [hostile, "| ﬁle | True | `x` |"] + lines[index + 1 :])


def test_mutated_pages_never_break_the_types_module():
    pages = {"shipment.md": SHIPMENT, "enums.md": SPEEDS, "couriercontact.md": CONTACT_PAGE}
    checked = 0
    for name, text in [("shipment.md", SHIPMENT), ("enums.md", SPEEDS), ("f.md", FILTER)]:
        for mutant in _mutants(text):
            types = build(*{**pages, name: mutant}.items())
            module(types)  # compiles and runs: no SyntaxError, no NameError
            checked += 1
    assert checked > 100
