"""Cross-page work: from what each page yields on its own to the model of the package.

Parsing and planning look at one page at a time (:func:`page_work`, run in parallel).
What needs several pages is done here, in order:

1. overrides are applied (:mod:`.overrides`);
2. every group is named in words from the run's type names, and every operation gets a
   unique ``group.method`` (:mod:`.naming`);
3. each example that calls no variant of its own page (a *stray*) is replayed against
   the operation of another page it calls exactly (GD062), or, when it shows a call no
   page documents, becomes an operation of its own (GD063, :mod:`.secondary`).

The result, :class:`Model`, is all that rendering needs besides the settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from ..parse import specio
from ..core.diagnostics import (
    EXAMPLE_OF_OTHER_OPERATION,
    OPERATION_FROM_EXAMPLE,
    Diagnostic,
    Report,
)
from ..core.model import Example, Operation
from ..parse.naming import (
    Vocabulary,
    file_name,
    group_names,
    resolve_collisions,
    unique,
    vocabulary,
)
from .overrides import Override
from .overrides import apply as apply_overrides
from ..pages.discover import PageFile
from ..parse.page import PageResult, parse_file
from ..plan.replay import ReplayCase, operation_index, plan, replay_elsewhere
from .secondary import secondary_operation
from .typecheck import TypeIndex, check_body, check_examples
from ..parse.urls import IndexKey, stray_key

Order = tuple[Any, ...]  # an operation's place in the model: (0, source, id) or (1, …) extras


@dataclass(frozen=True)
class PageWork:
    """All that one page yields on its own.

    The replay plan and the spec text depend only on the page's operation, so they are
    worked out next to the parse, in parallel; :func:`assemble` redoes them only for an
    operation that an override or a name collision changed.
    """

    parsed: PageResult
    cases: tuple[ReplayCase, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # those of the replay plan
    strays: tuple[Example, ...] = ()  # examples that call another page's operation
    spec: str = ""


def page_work(page: PageFile, api_version: str) -> PageWork:
    """Parse one page and plan the replay of its examples."""
    return planned(parse_file(page.path, api_version, page.source, page.root))


def planned(parsed: PageResult, spec: str | None = None) -> PageWork:
    """What a page yields once its operation's examples are planned (``spec``: the
    operation's YAML, when it is already at hand)."""
    operation = parsed.operation
    if operation is None:
        return PageWork(parsed)
    found: list[Diagnostic] = []
    strays: list[Example] = []
    cases = plan(
        operation,
        lambda line, code, message: found.append(Diagnostic(parsed.path, line, code, message)),
        strays,
    )
    if spec is None:
        spec = specio.dump(operation)
    return PageWork(parsed, tuple(cases), tuple(found), tuple(strays), spec)


@dataclass
class Model:
    """The operations of a package in model order, and what rendering and reporting need."""

    operations: list[Operation] = field(default_factory=list)
    specs: list[str] = field(default_factory=list)  # the YAML of each operation, in order
    cases: dict[str, list[ReplayCase]] = field(default_factory=dict)  # by qualified name
    diagnostics: list[Diagnostic] = field(default_factory=list)
    order: dict[str, Order] = field(default_factory=dict)  # by qualified name
    extras: set[str] = field(default_factory=set)  # operations shown only by an example
    strays: dict[str, set[IndexKey]] = field(default_factory=dict)  # by page: stray examples
    links: set[tuple[str, str]] = field(default_factory=set)  # groups: example home, replay
    examples_type_checked: int = 0  # example responses checked against their type

    def add(self, path: str, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(path, line, code, message))

    def reporter(self, path: str) -> Report:
        """A page's ``Report``: its diagnostics added to the model's, under ``path``."""
        return lambda line, code, message: self.add(path, line, code, message)


def group_vocabulary(types: TypeIndex | None) -> Vocabulary:
    """The words groups are named with: the run's type names (a group is named after
    its resource), the same for every page, so every page of a group names it alike."""
    if types is None:
        return {}
    if types.words is None:
        types.words = vocabulary(item.name for item in types.types)
    return types.words


def _regrouped_spec(spec: str, before: Operation, after: Operation) -> str:
    """The spec of ``before`` for ``after``, which differs only by its group."""
    old, new = f"\ngroup: {before.group}\n", f"\ngroup: {after.group}\n"
    return spec.replace(old, new, 1) if spec and old in spec else specio.dump(after)


def assemble(
    works: Sequence[PageWork],
    pages: Sequence[PageFile],
    overrides: list[Override] | None = None,
    context: Sequence[Operation] = (),
    made_from_examples: Sequence[Operation] = (),
    types: TypeIndex | None = None,
) -> Model:
    """The model of ``works``: overrides applied, operations named, strays routed.

    ``pages`` gives each source its display path for diagnostics. ``context`` holds
    operations of other pages that stray examples may call; a build of every page has
    them all in ``works``, an incremental one passes those it did not analyse.
    ``made_from_examples`` holds operations an earlier run made from examples (GD063), as a model
    read from its specs has them: they are added as they are, after the others.
    ``types`` (all the types of the run) checks every example response against its type.
    """
    model = Model()
    display = {page.source: page.path for page in pages}
    operations: list[Operation] = []
    by_source: dict[str, PageWork] = {}
    for work in works:
        model.diagnostics.extend(work.parsed.diagnostics)
        if work.parsed.operation is not None:
            operations.append(work.parsed.operation)
            by_source[work.parsed.operation.source] = work
    named = group_names(operations, group_vocabulary(types))
    parsed: dict[str, tuple[Operation, str]] = {}  # each page's operation as named, its spec
    for before, after in zip(operations, named):
        own_work = by_source[before.source]
        spec = own_work.spec if after is before else _regrouped_spec(own_work.spec, before, after)
        parsed[before.source] = (after, spec)
    operations = named
    if overrides is not None:
        operations = apply_overrides(operations, overrides, model.add)
    model.operations = resolve_collisions(
        operations, lambda source, *rest: model.add(display.get(source, source), *rest)
    )
    strays: list[tuple[Operation, Example]] = []
    for operation in model.operations:
        model.order[operation.qualified_name] = (0, operation.source, operation.id)
        own = by_source.get(operation.source)
        original, own_spec = parsed.get(operation.source, (None, ""))
        if own is not None and original is not None and _same_but_name(operation, original):
            model.cases[operation.qualified_name] = list(own.cases)
            model.diagnostics.extend(own.diagnostics)
            found_strays = list(own.strays)
        else:  # an override changed it: plan it here
            path = display.get(operation.source, operation.source)
            found_strays = []
            model.cases[operation.qualified_name] = plan(
                operation, model.reporter(path), found_strays
            )
        strays += [(operation, example) for example in found_strays]
        keys = model.strays.setdefault(operation.source, set())
        keys.update(stray_key(example) for example in found_strays)
        unchanged = own is not None and original is operation  # its spec is the worker's
        model.specs.append(own_spec if unchanged else specio.dump(operation))
    index = operation_index(model.operations + list(context))
    counts: dict[str, int] = {}  # operations adopted so far, by home
    for home, example in strays:
        elsewhere = replay_elsewhere(example, home, index)
        if elsewhere is not None:
            target, case = elsewhere
            model.cases.setdefault(target.qualified_name, []).append(case)
            model.links.add((home.group, target.group))
            where = display.get(target.source, target.source)
            message = (
                f"example {example.name!r} calls client.{target.group}.{target.name}"
                f" (documented in {where}): replayed against it"
            )
            model.add(
                display.get(home.source, home.source),
                example.request.line,
                EXAMPLE_OF_OTHER_OPERATION,
                message,
            )
            continue
        extra = secondary_operation(home, example)
        if extra is not None:
            count = counts[home.qualified_name] = counts.get(home.qualified_name, 0) + 1
            order = (1, home.source, home.id, count)
            _adopt(model, home, example, extra, display.get(home.source, home.source), order)
    for count, extra in enumerate(made_from_examples, 1):
        path = display.get(extra.source, extra.source)
        model.operations.append(extra)
        model.order[extra.qualified_name] = (1, extra.source, extra.id, count)
        model.extras.add(extra.qualified_name)
        model.cases[extra.qualified_name] = plan(extra, model.reporter(path))
        model.specs.append(specio.dump(extra))
    if types is not None and types.types:
        for operation in model.operations:
            path = display.get(operation.source, operation.source)
            model.examples_type_checked += check_examples(operation, types, model.reporter(path))
    for operation in model.operations:
        if operation.request_body.kind == "json":
            check_body(
                operation, types, model.reporter(display.get(operation.source, operation.source))
            )
    return model


def _adopt(
    model: Model, home: Operation, example: Example, extra: Operation, path: str, order: Order
) -> None:
    """Add an operation shown only by ``example`` of ``home``'s page, and move the example to it."""
    taken = {operation.qualified_name for operation in model.operations}
    extra = replace(extra, name=unique(f"{extra.group}.{extra.name}", taken).split(".", 1)[1])
    model.add(
        path,
        example.request.line,
        OPERATION_FROM_EXAMPLE,
        f"example {example.name!r} ({extra.http_method} {extra.variants[0].path}) is a call"
        f" no page documents: added as client.{extra.group}.{extra.name}",
    )
    at = next(
        i for i, op in enumerate(model.operations) if op.qualified_name == home.qualified_name
    )
    current = model.operations[at]
    kept = tuple(item for item in current.examples if item is not example)
    model.operations[at] = replace(current, examples=kept)
    model.specs[at] = specio.dump(model.operations[at])
    model.operations.append(extra)
    model.order[extra.qualified_name] = order
    model.extras.add(extra.qualified_name)
    model.cases[extra.qualified_name] = plan(extra, model.reporter(path))
    model.specs.append(specio.dump(extra))


def _same_but_name(operation: Operation, original: Operation) -> bool:
    """Whether only a name collision changed ``operation``, which no replay case depends on."""
    if operation is original:
        return True
    return operation.name != original.name and replace(original, name=operation.name) == operation


def spec_files(ids_in_order: Sequence[str]) -> list[str]:
    """The spec file name of each operation id, in model order: ``<id>.yaml``, a later
    operation with the same id getting ``<id>-2.yaml`` …; an id is made a safe file name
    first (:func:`.naming.file_name`), since ids come from page text."""
    taken: set[str] = set()
    names = []
    for operation_id in ids_in_order:
        name = unique(file_name(operation_id), taken, separator="-")
        taken.add(name)
        names.append(f"{name}.yaml")
    return names
