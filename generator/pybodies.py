"""Request bodies as Python types: what a method's ``body`` parameter takes.

A page documents its JSON body with a table (name | type | description), or as a
resource type (``supply a JSON representation of a [user] object``). A table becomes a
``TypedDict`` of its own, ``total=False`` (no table states which keys are required in a
form to rely on), its property types resolved as a resource's are (a type this run does
not know is ``Any``); a resource becomes that resource's ``TypedDict``. A table's
``TypedDict`` takes ``@odata.type`` too, as every type of the types module does: Graph
reads it on any object to pick a derived type, and half the pages' examples send it.

A body type promises that the page's own examples type-check, so each example's request
body is checked against the Python type as a type checker checks a literal (every key
declared, every value of its type's JSON kind, an enum's value one of its members, no
``null``). A body its examples contradict stays ``Mapping[str, Any]``: the page disagrees
with itself, and a wrong type would make a working call a type error. A resource only
linked from the prose must be confirmed by an example.

The definitions go in the group's stub module (``groups/_<group>.pyi``): rendered with
the group (a rebuild renders only the groups it redoes), never imported at run time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Literal

from .model import EnumType, Operation, Resource, TypeRef
from .naming import unique
from .pysource import bracketed, docstring
from .pytypes import (
    ANY_OBJECT,
    ODATA_OBJECT,
    ODATA_TYPE,
    TYPES_ALIAS,
    TypeNames,
    field_lines,
    is_field_name,
    pascal,
    annotation,
    functional_typed_dict,
)
from .typecheck import TypeIndex, resolved_ref

MAPPING = "Mapping[str, Any]"  # a body with no type to rely on
_ODATA_TYPE_REF = TypeRef("String", kind="primitive")
_INDENT = ""  # the definitions' indent: at the top level of the group's stub module

# table: typed by its table; resource: typed as the resource its prose names; contradicted:
# an example disagrees with that type; unconfirmed: a resource no example shows; untyped:
# neither a table nor a resource of the run.
Verdict = Literal["table", "resource", "contradicted", "unconfirmed", "untyped"]

# How a type checker sees a JSON value given to each Python type a property can have
# (``bool`` is an ``int`` to it, and an ``int`` a ``float``).
_ACCEPTS: dict[str, Callable[[Any], bool]] = {
    "str": lambda value: isinstance(value, str),
    "int": lambda value: isinstance(value, int),
    "float": lambda value: isinstance(value, (int, float)),
    "bool": lambda value: isinstance(value, bool),
    "Any": lambda value: True,
    ANY_OBJECT: lambda value: isinstance(value, dict),
}


@dataclass(frozen=True)
class BodyType:
    """How an operation's JSON body is typed, and why.

    ``fields`` are a table's properties, resolved (``@odata.type`` left to the
    ``ODataObject`` every body extends); ``resource`` the type a resource body is;
    ``unresolved`` how many of the table's property types name no type of the run (typed
    ``Any``)."""

    verdict: Verdict
    fields: dict[str, TypeRef] = field(default_factory=dict)
    resource: Resource | None = None
    unresolved: int = 0


def body_type(operation: Operation, index: TypeIndex | None, names: TypeNames) -> BodyType:
    """The type of ``operation``'s JSON body: its table's, else its prose's resource, each
    only if the page's examples agree with it."""
    body = operation.request_body
    index = index or TypeIndex()  # (a page rendered alone knows no types)
    check = _Conformance(index, names)
    examples = [e.request.body for e in operation.examples if e.request.body_kind == "json"]
    if body.properties:
        fields: dict[str, TypeRef] = {}
        unresolved = 0
        for prop in body.properties:
            if prop.name in fields or prop.name == ODATA_TYPE:
                continue
            ref = resolved_ref(prop.type, index)
            if ref is None or not ref.name:
                unresolved += 1
                ref = replace(prop.type, kind="unknown")
            fields[prop.name] = ref
        declared = {ODATA_TYPE: _ODATA_TYPE_REF, **fields}
        if all(check.fits(declared, example) for example in examples):
            return BodyType("table", fields, unresolved=unresolved)
        return BodyType("contradicted", fields, unresolved=unresolved)
    found = _page_resource(index, body.type_page) if body.type_page else None
    if found is not None and names.of_type(found.qualified_name):
        if not examples:
            return BodyType("unconfirmed", resource=found)
        members = check.fields(found)
        if all(check.fits(members, example) for example in examples):
            return BodyType("resource", resource=found)
        return BodyType("contradicted", resource=found)
    return BodyType("untyped")


def _page_resource(index: TypeIndex, page: str) -> Resource | None:
    """The resource a page documents: the one type of the page, else its one resource
    (a page may document enums beside it)."""
    found = index.find("", page)
    if isinstance(found, Resource):
        return found
    resources = [item for item in index.pages.get(page, ()) if isinstance(item, Resource)]
    return resources[0] if len(resources) == 1 else None


class _Conformance:
    """Whether a JSON value type-checks as a Python type of the types module would."""

    def __init__(self, index: TypeIndex, names: TypeNames) -> None:
        self.index = index
        self.names = names
        self._fields: dict[str, dict[str, TypeRef]] = {}

    def fits(self, fields: dict[str, TypeRef], value: Any) -> bool:
        """A ``TypedDict`` of ``fields`` (``total=False``) takes ``value``."""
        return isinstance(value, dict) and all(
            key in fields and self.accepts(fields[key], item) for key, item in value.items()
        )

    def accepts(self, ref: TypeRef, value: Any) -> bool:
        if ref.collection:
            single = replace(ref, collection=False)
            return isinstance(value, list) and all(self.accepts(single, item) for item in value)
        python = annotation(ref, self.names)
        if python in _ACCEPTS:
            return _ACCEPTS[python](value)
        item = self.index.qualified.get(ref.name.lower())
        if isinstance(item, EnumType):
            return isinstance(value, str) and value in (item.members or ("",))
        if isinstance(item, Resource):
            return self.fits(self.fields(item), value)
        return True

    def fields(self, item: Resource) -> dict[str, TypeRef]:
        """The keys of a resource's ``TypedDict`` and their types, as the types module
        declares them: its base types' first (a ``TypedDict`` never redefines one)."""
        key = item.qualified_name.lower()
        if key not in self._fields:
            chain: list[Resource] = []
            current: Resource | None = item
            while current is not None and current not in chain:
                chain.append(current)
                base = self.index.qualified.get(current.base_type.lower())
                current = base if isinstance(base, Resource) and current.base_type else None
            found = {ODATA_TYPE: _ODATA_TYPE_REF}
            for resource in reversed(chain):
                for prop in resource.properties + resource.relationships:
                    if prop.name:
                        found.setdefault(prop.name, prop.type)
            self._fields[key] = found
        return self._fields[key]


@dataclass(frozen=True)
class GroupBodies:
    """The body types of a group's operations: the annotation of each one's ``body``
    (by qualified name), and the definitions, in black's layout for the top level of the
    group's stub module ("" when there are none)."""

    annotations: dict[str, str]
    source: str = ""


def group_bodies(
    operations: list[Operation], index: TypeIndex | None, names: TypeNames, taken: set[str]
) -> GroupBodies:
    """The body types of ``operations`` (one group's), named ``<Group><Method>Body`` and
    made unique against ``taken``, the group module's other names (which it extends)."""
    annotations: dict[str, str] = {}
    blocks: list[str] = []
    for operation in operations:
        if operation.request_body.kind != "json":
            continue
        found = body_type(operation, index, names)
        if found.verdict == "resource" and found.resource is not None:
            name = names.of_type(found.resource.qualified_name)
            annotations[operation.qualified_name] = f"{TYPES_ALIAS}.{name}"
        elif found.verdict == "table":
            base = pascal(operation.group) + pascal(operation.name) + "Body"
            name = unique(base, taken)
            taken.add(name)
            blocks += _definition(operation, name, found.fields, names, taken)
            annotations[operation.qualified_name] = name
        else:
            annotations[operation.qualified_name] = MAPPING
    return GroupBodies(annotations, "\n\n\n".join(blocks))


def _definition(
    operation: Operation,
    name: str,
    fields: dict[str, TypeRef],
    names: TypeNames,
    taken: set[str],
) -> list[str]:
    """The statements of one table body: the class, and before it, for the properties no
    class body can name (``from``), a functional ``TypedDict`` it extends."""
    typed = {key: annotation(ref, names, f"{TYPES_ALIAS}.") for key, ref in fields.items()}
    plain = {key: value for key, value in typed.items() if is_field_name(key)}
    spelled = {key: value for key, value in typed.items() if not is_field_name(key)}
    blocks: list[str] = []
    bases = [f"{TYPES_ALIAS}.{ODATA_OBJECT}"]
    if spelled:
        extra = unique(f"_{name}Fields", taken)
        taken.add(extra)
        blocks.append(functional_typed_dict(extra, spelled, _INDENT))
        bases.append(extra)
    inner = _INDENT + "    "
    lines = bracketed(f"class {name}(", [*bases, "total=False"], "):", _INDENT)
    doc = f"The JSON body of {operation.group}.{operation.name}, as its page's table documents it."
    lines.append(inner + docstring(doc, indent=inner))
    if plain:
        lines.append("")
    for key, value in plain.items():
        lines += field_lines(key, value, inner)
    blocks.append("\n".join(lines))
    return blocks
