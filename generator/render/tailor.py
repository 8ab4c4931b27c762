"""A tailored package: only the operations a program calls, and what they need.

``graphdoc build --only-used SRC`` (or ``--operations FILE``) keeps, of the whole model,
the operations the sources call (every variant of each), the types their signatures and
request bodies reach (and, transitively, the types those types name), their permission
table, replay tests and README rows. Everything else is rendered by the same templates
and runtime as the full package, so code written against one runs against the other.

Which operations are called is the command's business (it scans the sources, as
``graphdoc permissions --scan`` does): this module receives the answer as a
:class:`Tailoring` and restricts the model and the types to it.
"""

from __future__ import annotations

import re
from typing import Callable

from ..assemble.cross_page import Model
from ..core.model import EnumType, Operation, Resource
from .package import Tailoring, Typing, render_group
from ..assemble.typecheck import TypeIndex

_TYPE_USE = re.compile(r"\b_types\.(\w+)")


# The command's part: given every operation of the model, what to keep.
Tailor = Callable[[list[Operation]], Tailoring]


def restrict(model: Model, tailoring: Tailoring) -> Model:
    """``model`` with only the operations of ``tailoring`` (and their specs, replay cases
    and order); an operation the sources call that the model lacks is the command's to
    report before this."""
    kept = Model()
    for operation, spec in zip(model.operations, model.specs):
        name = operation.qualified_name
        if name not in tailoring.operations:
            continue
        kept.operations.append(operation)
        kept.specs.append(spec)
        kept.order[name] = model.order[name]
        if name in model.cases:
            kept.cases[name] = model.cases[name]
        if name in model.extras:
            kept.extras.add(name)
    kept.diagnostics = list(model.diagnostics)
    kept.examples_type_checked = model.examples_type_checked
    return kept


def reached_types(operations: list[Operation], typing: Typing) -> TypeIndex:
    """The types the operations' signatures and bodies name, and every type those name by
    their properties and base types, as an index of their own.

    The names are found in the group modules as they render (``_types.Message``), so
    whatever the signatures come to name, the types module has it. Relationships are not
    followed (a ``User`` reaches nearly every type through them): a relationship to a type
    not reached otherwise is a ``dict[str, Any]`` in the tailored package, as any object
    of a type the run does not know."""
    index = typing.index
    reached = TypeIndex()
    if index is None:
        return reached
    by_python = {python: qualified for qualified, python in typing.names.names.items()}
    todo: list[str] = []
    groups: dict[str, list[Operation]] = {}
    for operation in operations:
        groups.setdefault(operation.group, []).append(operation)
    for group, members in sorted(groups.items()):
        for text, _ in render_group(group, members, typing).values():
            todo += [by_python[name] for name in _TYPE_USE.findall(text) if name in by_python]
    seen: set[str] = set()
    while todo:
        qualified = todo.pop()
        if qualified in seen or qualified not in index.qualified:
            continue
        seen.add(qualified)
        item = index.qualified[qualified]
        if isinstance(item, Resource):
            if item.base_type:
                todo.append(item.base_type.lower())
            for prop in item.properties:
                if prop.type.kind not in ("primitive", "unknown"):
                    todo.append(prop.type.name.lower())
        else:
            assert isinstance(item, EnumType)
    for item in index.types:  # in the index's order: the types module keeps its layout
        if item.qualified_name.lower() in seen:
            reached.add(item)
    return reached
