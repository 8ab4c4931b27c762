"""Graph's types as Python types: a ``TypedDict`` per resource, a ``Literal`` per enum.

A result is the JSON object Graph sends, so a type is a ``TypedDict`` (a plain ``dict`` at
run time, costing nothing) with ``total=False``: under ``$select`` Graph returns part of
an object. The types live in the package's ``types`` module, which the group modules
import only for type checkers. A name no page documents, or a type this run did not
resolve, is ``dict[str, Any]``: never a guess.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from dataclasses import dataclass

from ..core.model import PYTHON_PRIMITIVES, EnumType, Operation, Resource, TypeRef
from ..parse.naming import unique
from .pysource import (
    LINE_LENGTH,
    Bracket,
    Cut,
    Item,
    bracketed,
    docstring,
    literal,
    parenthesized,
)
from ..assemble.typecheck import TypeIndex, response_type

ANY_OBJECT = "dict[str, Any]"
# The TypedDict every type of the types module extends: Graph writes and reads
# ``@odata.type`` on any object (to name a derived type), so every object may carry it.
ODATA_OBJECT = "ODataObject"
ODATA_TYPE = "@odata.type"
# How a group module names the types module (``from .. import types as _types``): an alias
# no method, parameter or imported name can take.
TYPES_ALIAS = "_types"


@dataclass(frozen=True)
class TypeNames:
    """The Python name of every type of a run, unique, by lower-case qualified name."""

    names: dict[str, str]

    @classmethod
    def of(cls, index: TypeIndex | None) -> TypeNames:
        # the module's own names, and every keyword and builtin: a type named ``None``,
        # ``True`` or ``Exception`` gets a suffix like any other collision
        taken: set[str] = {"Any", "Literal", "TypedDict", "TYPE_CHECKING", ODATA_OBJECT}
        taken |= set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins))
        names: dict[str, str] = {}
        for item in sorted(index.types if index else (), key=lambda t: t.qualified_name.lower()):
            base = pascal(item.name)
            if item.namespace not in ("microsoft.graph", ""):
                base = pascal(item.namespace.rsplit(".", 1)[-1]) + base
            name = unique(base, taken)
            taken.add(name)
            names[item.qualified_name.lower()] = name
        return cls(names)

    def of_type(self, qualified: str) -> str | None:
        return self.names.get(qualified.lower())


def pascal(name: str) -> str:
    """A type's Python name: ASCII letters and digits (Graph's names are ASCII; any other
    character, which Python would NFKC-normalise into another name, becomes a break)."""
    text = "".join(ch if ch.isascii() and ch.isalnum() else "_" for ch in name)
    parts = [part for part in text.split("_") if part]
    joined = "".join(part[:1].upper() + part[1:] for part in parts) or "Type"
    return "T" + joined if joined[0].isdigit() else joined


def annotation(ref: TypeRef, names: TypeNames, module: str = "") -> str:
    """The Python type of a property's value; ``module`` prefixes a type of the types
    module, as a group module names it (``_types.``)."""
    if ref.kind == "primitive":
        single = PYTHON_PRIMITIVES.get(ref.name, "Any")
    elif is_json(ref.name):
        single = "Any"  # Graph's untyped JSON value: any JSON at all
    else:
        found = names.of_type(ref.name)
        single = module + found if found else ("Any" if ref.kind == "unknown" else ANY_OBJECT)
    return f"list[{single}]" if ref.collection else single


def is_json(name: str) -> bool:
    """``microsoft.graph.Json``: the workbook's untyped value, which may be any JSON."""
    return name.lower() in ("json", "microsoft.graph.json")


def result_item(operation: Operation, index: TypeIndex | None, names: TypeNames) -> str:
    """The type of the object an operation answers with (of each item, for a list)."""
    if index is None:
        return ANY_OBJECT
    found, _, _ = response_type(operation, index)
    if isinstance(found, Resource):
        name = names.of_type(found.qualified_name)
        return f"{TYPES_ALIAS}.{name}" if name else ANY_OBJECT
    return ANY_OBJECT


def render_types(index: TypeIndex | None, names: TypeNames) -> tuple[str, tuple[Cut, ...]]:
    """The source of the package's ``types`` module, in black's layout by construction
    (names, types and docstrings: no page text outside a docstring), and where each type
    starts. It is compiled, not formatted (see :class:`Cut`); the tests hold it to black's
    layout on the embedded pages and on a corpus."""
    text = _types_source(index, names)
    starts = [match.start() + 3 for match in _DEFINITION.finditer(text)]
    return text, tuple(Cut(offset, in_class=False, verbatim=True) for offset in starts)


_DEFINITION = re.compile(r"\n\n\n(?=class |[A-Za-z_]\w* = )")


def _types_source(index: TypeIndex | None, names: TypeNames) -> str:
    lines = [
        '"""Microsoft Graph\'s types, as the reference pages document them.',
        "",
        "Each resource is a ``TypedDict`` with ``total=False`` (Graph returns part of an object",
        "under ``$select``); an enumeration is a ``Literal`` of its members (``str`` where",
        "the pages do not give the values Graph sends). They are plain",
        "``dict`` and ``str`` values at run time: import them for annotations, e.g.",
        "``from graphdoc_client.types import Message``. Every type extends ``ODataObject``:",
        "any object may carry ``@odata.type``, the derived type it is.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any, Literal, TypedDict",
    ]
    header = "\n".join(lines) + "\n"
    types = index.types if index is not None else []
    by_name = {item.qualified_name.lower(): item for item in types}
    done: set[str] = set()
    ordered: list[Resource | EnumType] = []

    def visit(item: Resource | EnumType, path: tuple[str, ...] = ()) -> None:
        key = item.qualified_name.lower()
        if key in done or key in path:
            return
        if isinstance(item, Resource) and item.base_type:
            base = by_name.get(item.base_type.lower())
            if base is not None:
                visit(base, path + (key,))
        done.add(key)
        ordered.append(item)

    for item in sorted(types, key=lambda t: t.qualified_name.lower()):
        visit(item)
    # top-level statements, each in black's layout
    blocks = [functional_typed_dict(ODATA_OBJECT, {ODATA_TYPE: "str"})]
    for item in ordered:
        name = names.of_type(item.qualified_name)
        if name is None:
            continue
        if isinstance(item, EnumType):
            if not item.members:  # members the page could not give as wire values
                blocks.append(f"{name} = str")
                continue
            members = [literal(member) for member in item.members]
            blocks.append("\n".join(bracketed(f"{name} = Literal[", members, "]", "")))
            continue
        blocks += _typed_dict(item, name, names, by_name)
    # as black lays them out: one blank line between the imports and a first assignment,
    # two around every class
    first = "\n" if blocks and not blocks[0].startswith("class ") else "\n\n"
    body = "\n\n\n".join(blocks)
    # (an unused import is a strict checker's error; ODataObject uses TypedDict)
    used = [name for name in ("Any", "Literal") if re.search(rf"\b{name}\b", body)]
    imports = "from typing import " + ", ".join([*used, "TypedDict"])
    header = header.replace("from typing import Any, Literal, TypedDict", imports)
    return header + first + body + "\n"


def _typed_dict(
    item: Resource, name: str, names: TypeNames, by_name: dict[str, Resource | EnumType]
) -> list[str]:
    """The statements of one resource's ``TypedDict``: the class, and before it, for the
    properties no class body can name (``from``), a functional ``TypedDict`` it extends."""
    base = names.of_type(item.base_type) if item.base_type else None
    if base is not None and not isinstance(by_name.get(item.base_type.lower()), Resource):
        base = None
    inherited = _inherited(item, by_name)
    fields: dict[str, str] = {}
    for prop in item.properties + item.relationships:
        if prop.name and prop.name not in fields and prop.name not in inherited | {ODATA_TYPE}:
            fields[prop.name] = annotation(prop.type, names)
    plain = {key: value for key, value in fields.items() if is_field_name(key)}
    spelled = {key: value for key, value in fields.items() if not is_field_name(key)}
    blocks: list[str] = []
    bases = [base or ODATA_OBJECT]  # (a base type extends it already)
    if spelled:
        extra = f"_{name}Fields"
        blocks.append(functional_typed_dict(extra, spelled))
        bases.append(extra)
    doc = item.description.strip().split("\n")[0] or f"{item.qualified_name}."
    lines = bracketed(f"class {name}(", [*bases, "total=False"], "):", "")
    lines.append("    " + docstring(doc, indent="    "))
    if plain:
        lines.append("")
    for key, value in plain.items():
        lines += field_lines(key, value)
    blocks.append("\n".join(lines))
    return blocks


def field_lines(key: str, annotation: str, indent: str = "    ") -> list[str]:
    """``key: annotation`` in a class body, split inside its brackets as black does when
    it is too long (``list[`` and ``]`` around the item type, or parentheses)."""
    line = f"{indent}{key}: {annotation}"
    if len(line) <= LINE_LENGTH:
        return [line]
    if annotation.endswith("]"):
        opening = annotation.index("[") + 1
        return [
            f"{indent}{key}: {annotation[:opening]}",
            f"{indent}    {annotation[opening:-1]}",
            f"{indent}]",
        ]
    return parenthesized(indent, f"{key}: ", annotation, "") or [line]


def functional_typed_dict(name: str, fields: dict[str, str], indent: str = "") -> str:
    """``name = TypedDict(…, total=False)`` in black's layout: the one way to declare keys
    no class body can name (``from``, ``@odata.type``)."""
    entries = tuple(f"{literal(key)}: {literal(value)}" for key, value in fields.items())
    call: list[Item] = [literal(name), Bracket("{", entries, "}"), "total=False"]
    return "\n".join(bracketed(f"{name} = TypedDict(", call, ")", indent))


def _inherited(item: Resource, by_name: dict[str, Resource | EnumType]) -> set[str]:
    """The properties ``item``'s base types define: a type checker refuses a TypedDict
    that redefines one, and the base's documentation is the one that holds."""
    found: set[str] = set()
    seen: set[str] = set()
    base = by_name.get(item.base_type.lower()) if item.base_type else None
    while isinstance(base, Resource) and base.qualified_name.lower() not in seen:
        seen.add(base.qualified_name.lower())
        found.update(prop.name for prop in base.properties + base.relationships)
        base = by_name.get(base.base_type.lower()) if base.base_type else None
    return found


def is_field_name(name: str) -> bool:
    """Whether a class body can hold ``name`` as it is: an identifier, no keyword, and
    unchanged by NFKC (Python reads ``ﬁle`` as ``file``: such a key takes the functional
    form, which keeps it as written)."""
    return (
        name.isidentifier()
        and not keyword.iskeyword(name)
        and unicodedata.normalize("NFKC", name) == name
    )
