"""Resource pages read by structure, in any language: enums never translated, names and
types from the JSON representation and the table's shape, one home page per type, and a
types module that always imports. Every page here is our own."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.model import EnumType, Resource
from generator.pipeline import Types, types_of
from generator.pytypes import TypeNames, annotation, render_types
from generator.resources import parse_resource_text


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
DAYS_TRANSLATED = """---
title: tipo de enumeración dayOfWeek
ms.translationtype: MT
ms.contentlocale: es-ES
---
# <a name="dayofweek-enum-type"></a>tipo de enumeración dayOfWeek

Los días de la semana.

## <a name="members"></a>Miembros
|Miembro|Valor|Descripción|
|:---|:---|:---|
|domingo|0|Primer día.|
|lunes|1|Segundo día.|
|Martes|2|Tercer día.|
|Miércoles|3|Cuarto día.|
"""

DAYS = """# dayOfWeek enum type

## Members
|Member|Value|Description|
|:---|:---|:---|
|sunday|0|First day.|
|monday|1|Second day.|
"""

ENUMS = """# Enum values

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
ENUMS_TRANSLATED = """---
ms.contentlocale: pt-BR
---
# Valores de enumeração

Namespace: microsoft.graph

### <a name="modality-values"></a>Valores modality

|Member|
|:---|
|áudio|
|vídeo|

### <a name="importance-values"></a>Valores importance

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
    shown = MEETING.replace('"urgency": "String"', '"urgency": "low", "x": "normal high"')
    types = build(("meetingslot.md", shown), ("enums.md", ENUMS_TRANSLATED))
    namespace = module(types)
    assert str(namespace["Importance"]) == "typing.Literal['baixo', 'normal', 'alto']" or (
        namespace["Importance"] is str
    )


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


def _unused(_: Diagnostic) -> None:  # keeps the import for annotations
    return None
