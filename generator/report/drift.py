"""The docs against Microsoft's published metadata: what ``graphdoc drift`` reports.

The pages drive graphdoc; the CSDL only checks them. Each difference is a diagnostic at
the page line that documents it (a type, a property, a member), and the figures say how
far the types the package would hold agree with the metadata:

- *properties present*: CSDL properties (of entity and complex types, navigation
  properties included) that a documented type has, its base types' included;
- *types agree*: of those, the ones whose Python type (as the ``types`` module writes it:
  ``str``, ``list[int]``, the class of a type) is the CSDL's. An enum the docs could not
  trust is ``str`` there: counted apart as an honest widening, never as agreeing;
- *enums clean*: enums both sides have whose documented members the CSDL all knows.

With a permissions map, each permission name a page gives that the map does not know is
reported, and so is a least-privileged choice that differs for the same path and method.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..parse.csdl import CsdlProperty, Metadata, PermissionMap, path_key
from ..core.diagnostics import (
    DRIFT_BASE_TYPE,
    DRIFT_ENUM_MEMBER,
    DRIFT_LEAST_PRIVILEGED,
    DRIFT_PERMISSION_UNKNOWN,
    DRIFT_PROPERTY_TYPE,
    DRIFT_PROPERTY_UNKNOWN,
    DRIFT_TYPE_UNKNOWN,
    Diagnostic,
    PathReport,
    count_by_code,
    sort_key,
)
from ..core.model import PYTHON_PRIMITIVES, EnumType, Operation, Resource, TypeRef
from ..assemble.typecheck import TypeIndex


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


def ours(ref: TypeRef, index: TypeIndex) -> str:
    """A property's Python type as the ``types`` module writes it, in a form both sides
    share: a primitive's Python name, ``T:<qualified>`` for a type, ``Any`` when unknown."""
    if ref.kind == "primitive":
        single = PYTHON_PRIMITIVES.get(ref.name, "Any")
    elif ref.kind == "unknown" or not ref.name or ref.name.lower() == "microsoft.graph.json":
        single = "Any"  # (the types module writes Graph's untyped JSON value as Any)
    else:
        target = index.find(ref.name)
        if target is None:
            single = "Any"
        elif isinstance(target, EnumType) and not target.members:
            single = "str"
        else:
            single = "T:" + target.qualified_name.lower()
    return f"list[{single}]" if ref.collection else single


def theirs(prop: CsdlProperty) -> str:
    if prop.type.startswith("Edm."):
        single = PYTHON_PRIMITIVES.get(prop.type[4:], "Any")
    else:
        single = "T:" + prop.type.lower()
    return f"list[{single}]" if prop.collection else single


@dataclass
class Figures:
    csdl_properties: int = 0
    csdl_properties_of_documented_types: int = 0
    properties_present: int = 0
    types_agree: int = 0
    enum_as_str: int = 0
    enums_shared: int = 0
    enums_clean: int = 0
    enums_as_str: int = 0
    types_documented: int = 0
    types_unknown_to_csdl: int = 0
    properties_unknown_to_csdl: int = 0
    base_types_differ: int = 0
    permission_names_unknown: int = 0
    least_privileged_differ: int = 0
    unknown_permissions: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        shared = self.properties_present
        return {
            "csdl_properties": self.csdl_properties,
            "csdl_properties_of_documented_types": self.csdl_properties_of_documented_types,
            "properties_present": shared,
            "property_types_agree": self.types_agree,
            "property_types_str_for_enum": self.enum_as_str,
            "enums_shared": self.enums_shared,
            "enums_clean": self.enums_clean,
            "enums_typed_str": self.enums_as_str,
            "types_documented": self.types_documented,
            "types_unknown_to_csdl": self.types_unknown_to_csdl,
            "properties_unknown_to_csdl": self.properties_unknown_to_csdl,
            "base_types_differ": self.base_types_differ,
            "permission_names_unknown": self.permission_names_unknown,
            "least_privileged_differ": self.least_privileged_differ,
            "unknown_permission_names": sorted(set(self.unknown_permissions)),
            "rates_percent": {
                "csdl_properties_present": _percent(shared, self.csdl_properties),
                "csdl_properties_present_of_documented_types": _percent(
                    shared, self.csdl_properties_of_documented_types
                ),
                "property_types_agree": _percent(self.types_agree, shared),
                "property_types_agree_or_str_for_enum": _percent(
                    self.types_agree + self.enum_as_str, shared
                ),
                "enums_clean": _percent(self.enums_clean, self.enums_shared),
            },
        }


def compare_types(index: TypeIndex, metadata: Metadata, report: PathReport) -> Figures:
    """Every type of ``index`` against the metadata; differences reported at their lines."""
    figures = Figures()
    figures.csdl_properties = sum(
        len(t.properties) for t in metadata.types.values() if t.kind != "enum"
    )
    for item in sorted(index.types, key=lambda t: (t.qualified_name.lower(), t.source)):
        figures.types_documented += 1
        csdl = metadata.types.get(item.qualified_name.lower())
        if csdl is None:
            figures.types_unknown_to_csdl += 1
            report(
                item.source,
                item.line,
                DRIFT_TYPE_UNKNOWN,
                f"type {item.qualified_name} is not in the metadata",
            )
            continue
        if isinstance(item, EnumType):
            if csdl.kind != "enum":
                continue
            figures.enums_shared += 1
            if not item.members:
                figures.enums_as_str += 1
            known = set(csdl.members)
            extra = [member for member in item.members if member not in known]
            if not extra:
                figures.enums_clean += 1
            for member in extra:
                report(
                    item.source,
                    item.line,
                    DRIFT_ENUM_MEMBER,
                    f"enum {item.qualified_name}: member {member!r} is not in the metadata",
                )
            continue
        if csdl.kind == "enum":
            continue
        members = index.members(item)
        figures.csdl_properties_of_documented_types += len(csdl.properties)
        own_base = item.base_type.lower().lstrip("#")
        if own_base and csdl.base_type and own_base != csdl.base_type.lower():
            figures.base_types_differ += 1
            report(
                item.source,
                item.line,
                DRIFT_BASE_TYPE,
                f"{item.qualified_name}: base type {item.base_type}, the metadata says {csdl.base_type}",
            )
        inherited: set[str] = set()
        base = metadata.types.get(csdl.base_type.lower()) if csdl.base_type else None
        seen: set[str] = set()
        while base is not None and base.qualified_name not in seen:
            seen.add(base.qualified_name)
            inherited.update(base.properties)
            base = metadata.types.get(base.base_type.lower()) if base.base_type else None
        for name, wanted in csdl.properties.items():
            prop = members.get(name)
            if prop is None:
                continue
            figures.properties_present += 1
            mine, expected = ours(prop.type, index), theirs(wanted)
            if mine == expected:
                figures.types_agree += 1
                continue
            target = metadata.types.get(wanted.type.lower())
            widened = expected.replace("T:" + wanted.type.lower(), "str")
            if mine == widened and target is not None and target.kind == "enum":
                figures.enum_as_str += 1
                continue
            report(
                item.source,
                prop.line,
                DRIFT_PROPERTY_TYPE,
                f"{item.name}.{name}: {_shown(mine)} in the docs, {_shown(expected)} in the metadata",
            )
        for prop in item.properties + item.relationships:
            if prop.name in csdl.properties or prop.name in inherited or "@" in prop.name:
                continue
            figures.properties_unknown_to_csdl += 1
            report(
                item.source,
                prop.line,
                DRIFT_PROPERTY_UNKNOWN,
                f"{item.name}.{prop.name} is not in the metadata",
            )
    return figures


def _shown(key: str) -> str:
    return key.replace("T:microsoft.graph.", "").replace("T:", "")


def compare_permissions(
    operations: list[Operation], permissions: PermissionMap, figures: Figures, report: PathReport
) -> None:
    """Permission names the map does not know, and least-privileged choices that differ."""
    for operation in operations:
        rows = operation.permissions.rows
        for row in rows:
            names = {name for entry in row.least + row.higher for name in entry if name}
            for name in sorted(names):
                if "." not in name or name in permissions.names:
                    continue
                figures.permission_names_unknown += 1
                figures.unknown_permissions.append(name)
                spelled = permissions.folded.get(name.lower())
                hint = f" (it knows {spelled!r})" if spelled else ""
                report(
                    operation.source,
                    row.line or operation.permissions.line or operation.line,
                    DRIFT_PERMISSION_UNKNOWN,
                    f"permission {name!r} is not in Microsoft's permissions map{hint}",
                )
        for variant in operation.variants[:1]:
            if variant.derived_from:
                continue
            slot = permissions.least.get(
                (operation.http_method.upper(), path_key(variant.template.split("?")[0]))
            )
            if not slot:
                continue
            for row in rows:
                wanted = slot.get(_MAP_KIND.get(row.kind, ""), frozenset())
                mine = {name for entry in row.least for name in entry if name}
                if wanted and mine and not {m.lower() for m in mine} & {w.lower() for w in wanted}:
                    figures.least_privileged_differ += 1
                    report(
                        operation.source,
                        row.line or operation.permissions.line or operation.line,
                        DRIFT_LEAST_PRIVILEGED,
                        f"{operation.http_method} {variant.path} ({row.kind}): least privileged "
                        f"{', '.join(sorted(mine))} in the docs, {', '.join(sorted(wanted))} in the map",
                    )


_MAP_KIND = {
    "delegated_work": "DelegatedWork",
    "delegated_personal": "DelegatedPersonal",
    "application": "Application",
}


def drift(
    index: TypeIndex,
    operations: list[Operation],
    metadata: Metadata,
    permissions: PermissionMap | None = None,
) -> tuple[list[Diagnostic], dict[str, Any]]:
    """Every difference between the docs and Microsoft's metadata (and permissions map),
    in page order, with the figures ``graphdoc drift`` reports."""
    found: list[Diagnostic] = []
    report: PathReport = lambda *args: found.append(Diagnostic(*args))  # noqa: E731
    figures = compare_types(index, metadata, report)
    if permissions is not None:
        compare_permissions(operations, permissions, figures, report)
    found.sort(key=sort_key)
    summary = figures.as_dict()
    summary["diagnostics_by_code"] = count_by_code(found)
    summary["permissions_compared"] = permissions is not None
    return found, summary
