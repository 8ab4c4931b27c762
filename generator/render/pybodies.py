"""Request bodies as Python types: what a method's ``body`` parameter takes.

A page documents its JSON body with a table (name | type | description), or as a
resource type (``supply a JSON representation of a [user] object``). A table becomes a
``TypedDict`` of its own, ``total=False`` (no table states which keys are required in a
form to rely on), its property types resolved as a resource's are (a type this run does
not know is ``Any``); a resource becomes that resource's ``TypedDict``. A table's
``TypedDict`` takes ``@odata.type`` too, as every type of the types module does: Graph
reads it on any object to pick a derived type, and half the pages' examples send it.

Which type, and what the page's examples say against it, is decided in the assemble
stage (:func:`.typecheck.body_check`, which reports each contradicting example, GD090,
and each body left untyped, GD091): an example that disagrees with the documented type
is a defect of the example, never a reason to give the type up. The ``@odata.*`` keys
the examples send (``members@odata.bind``, ``@odata.id``) are declared on the body type
(a resource body then gets a ``TypedDict`` of its own extending the resource's), and a
table property an example sends ``null`` takes ``None``.

The definitions go in the group's stub module (``groups/_<group>.pyi``): rendered with
the group (a rebuild renders only the groups it redoes), never imported at run time.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Operation, TypeRef
from ..parse.naming import unique
from .pysource import bracketed, docstring
from .pytypes import (
    ODATA_OBJECT,
    TYPES_ALIAS,
    TypeNames,
    field_lines,
    is_field_name,
    pascal,
    annotation,
    functional_typed_dict,
)
from ..assemble.typecheck import BodyCheck, TypeIndex, body_check

MAPPING = "Mapping[str, Any]"  # a body with no type to rely on
_INDENT = ""  # the definitions' indent: at the top level of the group's stub module
# The Python type of an ``@odata.*`` key an example sends (see ``BodyCheck.annotations``).
_ANNOTATION_TYPES = {"bind": "str | list[str]", "string": "str", "any": "Any"}


def body_type(operation: Operation, index: TypeIndex | None, names: TypeNames) -> BodyCheck:
    """The type of ``operation``'s JSON body (a resource without a Python name, which
    no run gives, is left untyped)."""
    found = body_check(operation, index)
    if found.resource is not None and not names.of_type(found.resource.qualified_name):
        return BodyCheck("untyped", cause="its resource has no Python name")
    return found


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
        resource = found.resource
        if found.verdict == "untyped":
            annotations[operation.qualified_name] = MAPPING
            continue
        resource_name = names.of_type(resource.qualified_name) if resource is not None else None
        if resource_name is not None and not found.annotations:
            annotations[operation.qualified_name] = f"{TYPES_ALIAS}.{resource_name}"
            continue
        base = pascal(operation.group) + pascal(operation.name) + "Body"
        name = unique(base, taken)
        taken.add(name)
        blocks += _definition(operation, name, found, resource_name, names, taken)
        annotations[operation.qualified_name] = name
    return GroupBodies(annotations, "\n\n\n".join(blocks))


def _definition(
    operation: Operation,
    name: str,
    found: BodyCheck,
    resource: str | None,
    names: TypeNames,
    taken: set[str],
) -> list[str]:
    """The statements of one body type: the class, and before it, for the keys no class
    body can name (``from``, ``members@odata.bind``), a functional ``TypedDict`` it
    extends. A table body extends ``ODataObject``; a resource body, the resource's type."""
    typed = {key: _field_type(key, ref, found, names) for key, ref in found.fields.items()}
    typed.update((key, _ANNOTATION_TYPES[kind]) for key, kind in found.annotations)
    plain = {key: value for key, value in typed.items() if is_field_name(key)}
    spelled = {key: value for key, value in typed.items() if not is_field_name(key)}
    blocks: list[str] = []
    bases = [f"{TYPES_ALIAS}.{resource or ODATA_OBJECT}"]
    if spelled:
        extra = unique(f"_{name}Fields", taken)
        taken.add(extra)
        blocks.append(functional_typed_dict(extra, spelled, _INDENT))
        bases.append(extra)
    inner = _INDENT + "    "
    lines = bracketed(f"class {name}(", [*bases, "total=False"], "):", _INDENT)
    if resource is None:
        doc = f"The JSON body of {operation.group}.{operation.name}, as its page's table documents it."
    else:
        doc = (
            f"The JSON body of {operation.group}.{operation.name}: a {resource}, and the"
            " annotations its page's examples send."
        )
    lines.append(inner + docstring(doc, indent=inner))
    if plain:
        lines.append("")
    for key, value in plain.items():
        lines += field_lines(key, value, inner)
    blocks.append("\n".join(lines))
    return blocks


def _field_type(key: str, ref: TypeRef, found: BodyCheck, names: TypeNames) -> str:
    """A table property's Python type; ``| None`` when an example sends it ``null``."""
    python = annotation(ref, names, f"{TYPES_ALIAS}.")
    return f"{python} | None" if key in found.nullable and python != "Any" else python
