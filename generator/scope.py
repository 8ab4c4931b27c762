"""Which part of the package a build redoes, and the whole package put back together.

A build from nothing analyses every page. A rebuild with the manifest of the last build
(:mod:`.manifest`) analyses only the *dirty* units:

- the units of the pages that changed, came or went (before and after the change);
- the units whose stray examples (examples calling another page's operation) may call
  an operation that changed: same method, same first path segment;
- and, transitively, every unit tied to a dirty one by a stray example replayed across
  groups, in either direction: the example's home decides, the target holds the test.

A stray example of a dirty unit is matched against every operation it may call, the
clean ones loaded for that purpose; if it lands in a clean group, that group becomes
dirty and the analysis runs again. Clean units keep their records and their files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from .fmt import Cut
from .manifest import IndexKey, Manifest, OperationRecord, Unit
from .model import Example, Operation
from .naming import file_name
from .pages import PageFile
from .render import groups_of, render_group_files, render_shared, summarise_group
from .replay import could_call, index_keys, stray_key
from .report import facts

if TYPE_CHECKING:
    from .build import BuildResult, PageWork

Loader = Callable[[list[PageFile], list[str]], "list[PageWork]"]
GroupModule = Callable[[str, list[Operation]], tuple[str, tuple[Cut, ...]]]


def _home_unit(work: PageWork, source: str) -> str:
    operation = work.parsed.operation
    return operation.group if operation is not None else f"page:{source}"


@dataclass
class Output:
    """The files of a build: texts to write, and files to carry over from the last one."""

    files: dict[str, str] = field(default_factory=dict)
    cuts: dict[str, tuple[Cut, ...]] = field(default_factory=dict)
    kept: dict[str, str] = field(default_factory=dict)  # new name → name in the last build
    specs: dict[str, str] = field(default_factory=dict)  # spec file name → text
    kept_specs: dict[str, str] = field(default_factory=dict)
    shared: tuple[str, ...] = ()  # the files not of one group (rendered or kept)


class Scope:
    """The dirty units of one build, worked out from its pages and the last manifest
    (``None``: a build from nothing, every unit dirty), and the package put together."""

    def __init__(
        self, pages: list[PageFile], keys: list[str], previous: Manifest | None, load: Loader
    ) -> None:
        self.all_pages = pages
        self.key_of = {page.source: key for page, key in zip(pages, keys)}
        self.by_source = {page.source: page for page in pages}
        self.previous = previous
        self.load = load
        self.loaded: dict[str, PageWork] = {}
        # the pages that changed or came, and those gone (a build from nothing: none)
        self.changed, self.gone = previous.changes(self.key_of) if previous else (set(), set())
        self.dirty: set[str] | None = None  # worked out by the first ``pages()``
        self.analysed: list[PageFile] = pages  # the pages of the dirty units
        self.units_of_pages: dict[str, str] = {}  # the analysed pages' units

    # which pages to analyse

    def _fetch(self, sources: set[str]) -> None:
        todo = sorted(source for source in sources if source not in self.loaded)
        pages = [self.by_source[source] for source in todo]
        for source, work in zip(todo, self.load(pages, [self.key_of[s] for s in todo])):
            self.loaded[source] = work

    def _unit_of(self, source: str) -> str:
        if self.previous is None or source in self.changed:
            return _home_unit(self.loaded[source], source)
        return self.previous.pages[source][1]

    def little(self, pages: int) -> bool:
        """Whether this is a rebuild of at most ``pages`` pages changed, come or gone."""
        return self.previous is not None and len(self.changed) + len(self.gone) <= pages

    def _dirty(self, previous: Manifest) -> set[str]:
        before, gone = previous.pages, self.gone
        self._fetch(self.changed)
        dirty = {before[source][1] for source in self.changed | gone if source in before}
        dirty |= {self._unit_of(source) for source in self.changed}
        moved: set[IndexKey] = set()  # where stray examples may have found, or lost, a match
        for source in self.changed | gone:
            unit = previous.units.get(before[source][1]) if source in before else None
            for record in unit.operations if unit else ():
                if record.source == source:
                    moved |= record.index_keys
            work = self.loaded.get(source)
            if work is not None and work.parsed.operation is not None:
                moved.update(index_keys(work.parsed.operation))
        dirty |= {unit.name for unit in previous.units.values() if unit.stray_keys & moved}
        return dirty

    def pages(self) -> list[PageFile]:
        """The pages to analyse: those of the dirty units and of the units tied to them."""
        if self.previous is None:
            return self.all_pages
        if self.dirty is None:
            self.dirty = self._dirty(self.previous)
        todo = list(self.dirty)
        while todo:  # every unit tied to a dirty one by a stray example
            unit = self.previous.units.get(todo.pop())
            for other in unit.links if unit else ():
                if other not in self.dirty:
                    self.dirty.add(other)
                    todo.append(other)
        self.analysed = [p for p in self.all_pages if self._unit_of(p.source) in self.dirty]
        return self.analysed

    def works(self, pages: list[PageFile]) -> list[PageWork]:
        self._fetch({page.source for page in pages})
        return [self.loaded[page.source] for page in pages]

    def context(self, works: list[PageWork]) -> list[Operation]:
        """The clean operations the stray examples of ``works`` may call."""
        if self.dirty is None or self.previous is None:
            return []
        wanted: dict[IndexKey, list[Example]] = {}
        for work in works:
            for example in work.strays:
                wanted.setdefault(stray_key(example), []).append(example)
        records = [
            record
            for name, unit in self.previous.units.items()
            if name not in self.dirty
            for record in unit.operations
            if not record.extra
            and not record.index_keys.isdisjoint(wanted)
            and any(
                could_call(example, record.paths)
                for key in record.index_keys
                for example in wanted.get(key, ())
            )
        ]
        self._fetch({record.source for record in records})
        found = []
        for record in records:
            operation = self.loaded[record.source].parsed.operation
            assert operation is not None
            found.append(
                operation if operation.name == record.name else replace(operation, name=record.name)
            )
        return found

    def widen(self, result: BuildResult) -> bool:
        """Whether a stray example landed in a clean group: then it is analysed too."""
        if self.dirty is None:
            return False
        reached = {name.split(".", 1)[0] for name in result.cases} - self.dirty
        self.dirty |= reached
        return bool(reached)

    # the package put together

    def merge(self, result: BuildResult) -> dict[str, Unit]:
        """The records of every unit: the analysed ones from ``result``, the rest as they were."""
        display = {page.path: page.source for page in self.by_source.values()}
        analysed = {page.source for page in self.analysed}
        homes = {
            op.source: op.group
            for op in result.operations
            if op.qualified_name not in result.extras
        }
        self.units_of_pages = {s: homes.get(s, f"page:{s}") for s in analysed}
        diagnostics: dict[str, list] = {}
        for diagnostic in result.diagnostics:
            source = display.get(diagnostic.path)
            unit = self.units_of_pages.get(source, "") if source is not None else ""
            diagnostics.setdefault(unit, []).append(diagnostic)
        links: dict[str, set[str]] = {}
        for home, target in result.links:
            if home != target:
                links.setdefault(home, set()).add(target)
                links.setdefault(target, set()).add(home)
        units: dict[str, Unit] = {}
        for group, members in groups_of(result.operations):
            records = tuple(
                OperationRecord(
                    group=group,
                    name=op.name,
                    id=op.id,
                    source=op.source,
                    order=result.order[op.qualified_name],
                    extra=op.qualified_name in result.extras,
                    index_keys=frozenset(index_keys(op)),
                    paths=tuple(dict.fromkeys(variant.path for variant in op.variants)),
                    spec_file="",
                    facts=facts(op, len(result.cases.get(op.qualified_name, ()))),
                )
                for op in members
            )
            stray_keys = set()
            for op in members:
                stray_keys |= result.strays.get(op.source, set())
            units[group] = Unit(
                name=group,
                operations=records,
                diagnostics=tuple(diagnostics.pop(group, ())),
                stray_keys=frozenset(stray_keys),
                links=frozenset(links.get(group, ())),
                summary=summarise_group(group, members),
            )
        for unit, found in diagnostics.items():
            units[unit] = Unit(unit, diagnostics=tuple(found))
        if self.previous is not None and self.dirty is not None:
            for name, unit in self.previous.units.items():
                if name not in self.dirty:
                    units[name] = unit
        return units

    def page_units(self) -> dict[str, tuple[str, str]]:
        """Each api page's key and unit, for the next build's manifest."""
        found = {}
        for source, key in self.key_of.items():
            unit = self.units_of_pages.get(source)
            if unit is None and self.previous is not None:
                unit = self.previous.pages[source][1]
            found[source] = (key, unit or f"page:{source}")
        return found

    def _shared_as_before(self, units: dict[str, Unit], api_version: str) -> bool:
        """Whether the shared files (client, README) would come out as in the last build:
        the same groups, and the same summaries of those analysed again. Most edits of a
        page change neither."""
        previous = self.previous
        if previous is None or self.dirty is None or previous.api_version != api_version:
            return False
        now = {name for name, unit in units.items() if unit.summary is not None}
        before = {name for name, unit in previous.units.items() if unit.summary is not None}
        return now == before and all(
            units[name].summary == previous.units[name].summary for name in self.dirty & now
        )

    def render(
        self,
        result: BuildResult,
        units: dict[str, Unit],
        package: str,
        api_version: str,
        group_module: GroupModule,
    ) -> Output:
        """Every file of the package: rendered for the analysed groups and the shared files,
        kept (carried over from the last build) for the rest."""
        output = Output()
        groups = sorted(name for name, unit in units.items() if unit.summary is not None)
        if self._shared_as_before(units, api_version):
            assert self.previous is not None
            output.shared = self.previous.shared
            output.kept.update({name: name for name in output.shared})
        else:
            shared = render_shared(package, api_version, [units[g].summary for g in groups])  # type: ignore[misc]
            output.files.update(shared)
            output.shared = tuple(sorted(shared))
        members_of = dict(groups_of(result.operations))
        for group in groups:
            if group in members_of and (self.dirty is None or group in self.dirty):
                rendered = render_group_files(
                    package, group, members_of[group], result.cases, group_module
                )
                output.files.update(rendered.files)
                output.cuts.update(rendered.cuts)
                units[group] = replace(units[group], files=tuple(sorted(rendered.files)))
            else:
                output.kept.update({name: name for name in units[group].files})
        specs = {op.qualified_name: text for op, text in zip(result.operations, result.specs)}
        taken: set[str] = set()
        records = sorted(
            (record for unit in units.values() for record in unit.operations),
            key=lambda record: record.order,
        )
        named: dict[str, str] = {}
        for record in records:
            stem = file_name(record.id)
            name, suffix = stem, 2
            while f"{name}.yaml" in taken:
                name, suffix = f"{stem}-{suffix}", suffix + 1
            taken.add(f"{name}.yaml")
            named[f"{record.group}.{record.name}"] = f"{name}.yaml"
        for name, unit in units.items():
            fresh = []
            for record in unit.operations:
                file = named[f"{record.group}.{record.name}"]
                text = (
                    specs.get(f"{record.group}.{record.name}") if record.spec_file == "" else None
                )
                if text is not None:
                    output.specs[file] = text
                else:
                    output.kept_specs[file] = record.spec_file
                fresh.append(
                    record if record.spec_file == file else record._replace(spec_file=file)
                )
            if any(new is not old for new, old in zip(fresh, unit.operations)):
                units[name] = replace(unit, operations=tuple(fresh))
        return output
