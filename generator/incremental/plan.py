"""Which part of the package a build redoes, and the whole package put back together.

A :class:`FullPlan` analyses every page and renders every group. A :class:`RebuildPlan`,
made from the manifest of the last build (:mod:`.manifest`), analyses only the *dirty*
units:

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
from typing import Callable

from ..assemble.cross_page import Model, PageWork, spec_files
from ..parse.naming import Vocabulary, group_names, group_token
from ..core.diagnostics import Diagnostic
from ..core.model import Example, Operation
from ..pages.discover import PageFile
from ..render.pysource import Cut
from ..render.package import (
    GroupModule,
    groups_of,
    render_group_files,
    render_shared,
    summarise_group,
)
from ..report.figures import facts
from ..parse.urls import IndexKey, could_match, index_keys, stray_key
from .manifest import Manifest, OperationRecord, Unit

Loader = Callable[[list[PageFile], list[str]], list[PageWork]]


def _tokens(unit: Unit) -> set[str]:
    """The group tokens of a unit's pages."""
    return {group_token(record.id) for record in unit.operations}


def _home_unit(work: PageWork, source: str, known: Vocabulary) -> str:
    operation = work.parsed.operation
    if operation is None:
        return f"page:{source}"
    return group_names([operation], known)[0].group  # as :func:`.assemble.assemble` names it


@dataclass
class Output:
    """The files of a build: texts to write, and files to carry over from the last one."""

    files: dict[str, str] = field(default_factory=dict)
    cuts: dict[str, tuple[Cut, ...]] = field(default_factory=dict)
    kept: dict[str, str] = field(default_factory=dict)  # new name → name in the last build
    specs: dict[str, str] = field(default_factory=dict)  # spec file name → text
    kept_specs: dict[str, str] = field(default_factory=dict)
    shared: tuple[str, ...] = ()  # the files not of one group (rendered or kept)


class FullPlan:
    """A build from nothing: every page analysed, every unit rendered. Its records still
    make a manifest, so that the next build of the same output can be a rebuild."""

    def __init__(self, pages: list[PageFile], keys: list[str], load: Loader) -> None:
        self.all_pages = pages
        self.key_of = {page.source: key for page, key in zip(pages, keys)}
        self.by_source = {page.source: page for page in pages}
        self.load = load
        self.loaded: dict[str, PageWork] = {}
        self.analysed: list[PageFile] = pages  # the pages of the units analysed
        self.units_of_pages: dict[str, str] = {}  # the analysed pages' units
        self.known: Vocabulary = {}  # the words groups are named with (set once types are read)

    def _fetch(self, sources: set[str]) -> None:
        todo = sorted(source for source in sources if source not in self.loaded)
        pages = [self.by_source[source] for source in todo]
        for source, work in zip(todo, self.load(pages, [self.key_of[s] for s in todo])):
            self.loaded[source] = work

    def little(self, pages: int) -> bool:
        """Whether this is a rebuild of at most ``pages`` pages changed, come or gone."""
        return False

    def pages(self) -> list[PageFile]:
        """The pages to analyse."""
        return self.all_pages

    def works(self, pages: list[PageFile]) -> list[PageWork]:
        self._fetch({page.source for page in pages})
        return [self.loaded[page.source] for page in pages]

    def context(self, works: list[PageWork]) -> list[Operation]:
        """The operations of pages not analysed that the strays of ``works`` may call."""
        return []

    def widen(self, model: Model) -> bool:
        """Whether a stray example landed in a unit not analysed: then it is analysed too."""
        return False

    def redo(self, group: str) -> bool:
        """Whether ``group`` is rendered anew (else its files are carried over)."""
        return True

    def clean_units(self) -> dict[str, Unit]:
        """The units not analysed, as the last build left them."""
        return {}

    def unit_of_page(self, source: str) -> str | None:
        """The unit of a page not analysed, as the last build left it."""
        return None

    def shared_files(self, units: dict[str, Unit], api_version: str) -> tuple[str, ...] | None:
        """The shared files (client, README) of the last build, if they would come out the
        same now; else None."""
        return None

    # the package put together

    def merge(self, model: Model) -> dict[str, Unit]:
        """The records of every unit: the analysed ones from ``model``, the rest as they were."""
        display = {page.path: page.source for page in self.by_source.values()}
        analysed = {page.source for page in self.analysed}
        homes = {
            op.source: op.group for op in model.operations if op.qualified_name not in model.extras
        }
        self.units_of_pages = {s: homes.get(s, f"page:{s}") for s in analysed}
        diagnostics: dict[str, list[Diagnostic]] = {}
        for diagnostic in model.diagnostics:
            source = display.get(diagnostic.path)
            unit = self.units_of_pages.get(source, "") if source is not None else ""
            diagnostics.setdefault(unit, []).append(diagnostic)
        links: dict[str, set[str]] = {}
        for home, target in model.links:
            if home != target:
                links.setdefault(home, set()).add(target)
                links.setdefault(target, set()).add(home)
        units: dict[str, Unit] = {}
        for group, members in groups_of(model.operations):
            records = tuple(
                OperationRecord(
                    group=group,
                    name=op.name,
                    id=op.id,
                    source=op.source,
                    order=model.order[op.qualified_name],
                    extra=op.qualified_name in model.extras,
                    index_keys=frozenset(index_keys(op)),
                    paths=tuple(dict.fromkeys(variant.path for variant in op.variants)),
                    spec_file="",
                    facts=facts(op, len(model.cases.get(op.qualified_name, ()))),
                )
                for op in members
            )
            stray_keys: set[IndexKey] = set()
            for op in members:
                stray_keys |= model.strays.get(op.source, set())
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
        units.update(self.clean_units())
        return units

    def page_units(self) -> dict[str, tuple[str, str]]:
        """Each api page's key and unit, for the next build's manifest."""
        found = {}
        for source, key in self.key_of.items():
            unit = self.units_of_pages.get(source) or self.unit_of_page(source)
            found[source] = (key, unit or f"page:{source}")
        return found

    def render(
        self,
        model: Model,
        units: dict[str, Unit],
        package: str,
        api_version: str,
        group_module: GroupModule,
    ) -> Output:
        """Every file of the package: rendered for the analysed groups and the shared files,
        kept (carried over from the last build) for the rest."""
        output = Output()
        groups = sorted(name for name, unit in units.items() if unit.summary is not None)
        shared = self.shared_files(units, api_version)
        if shared is not None:
            output.shared = shared
            output.kept.update({name: name for name in shared})
        else:
            summaries = [units[g].summary for g in groups]
            rendered = render_shared(package, api_version, [s for s in summaries if s is not None])
            output.files.update(rendered)
            output.shared = tuple(sorted(rendered))
        members_of = dict(groups_of(model.operations))
        for group in groups:
            if group in members_of and self.redo(group):
                files = render_group_files(
                    package, group, members_of[group], model.cases, group_module
                )
                output.files.update(files.files)
                output.cuts.update(files.cuts)
                units[group] = replace(units[group], files=tuple(sorted(files.files)))
            else:
                output.kept.update({name: name for name in units[group].files})
        specs = {op.qualified_name: text for op, text in zip(model.operations, model.specs)}
        records = sorted(
            (record for unit in units.values() for record in unit.operations),
            key=lambda record: record.order,
        )
        files_of = spec_files([record.id for record in records])
        named = {f"{r.group}.{r.name}": file for r, file in zip(records, files_of)}
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


class RebuildPlan(FullPlan):
    """A rebuild: the dirty units are analysed and rendered, the clean ones carried over
    from the last build's manifest."""

    def __init__(
        self, pages: list[PageFile], keys: list[str], previous: Manifest, load: Loader
    ) -> None:
        super().__init__(pages, keys, load)
        self.previous = previous
        # the pages that changed or came, and those gone
        self.changed, self.gone = previous.changes(self.key_of)
        self.dirty: set[str] | None = None  # worked out by the first ``pages()``

    def _unit_of(self, source: str) -> str:
        if source in self.changed:
            return _home_unit(self.loaded[source], source, self.known)
        return self.previous.pages[source][1]

    def little(self, pages: int) -> bool:
        return len(self.changed) + len(self.gone) <= pages

    def _dirty(self) -> set[str]:
        previous = self.previous
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
        # every page of a group token is named together (naming.group_names): the units of
        # the tokens of the pages that changed, came or went are analysed together
        tokens = {group_token(record.id) for record in self._records(self.changed | gone)}
        tokens |= {
            group_token(work.parsed.operation.id)
            for source in self.changed
            if (work := self.loaded.get(source)) is not None and work.parsed.operation is not None
        }
        dirty |= {unit.name for unit in previous.units.values() if _tokens(unit) & tokens}
        return dirty

    def _records(self, sources: set[str]) -> list[OperationRecord]:
        """The last build's records of the operations of ``sources``."""
        found = []
        for source in sources:
            if source in self.previous.pages:
                unit = self.previous.units.get(self.previous.pages[source][1])
                found += [r for r in (unit.operations if unit else ()) if r.source == source]
        return found

    def _dirty_units(self) -> set[str]:
        if self.dirty is None:
            self.dirty = self._dirty()
        return self.dirty

    def pages(self) -> list[PageFile]:
        """The pages of the dirty units and of the units tied to them."""
        dirty = self._dirty_units()
        todo = list(dirty)
        while todo:  # every unit tied to a dirty one by a stray example
            unit = self.previous.units.get(todo.pop())
            for other in unit.links if unit else ():
                if other not in dirty:
                    dirty.add(other)
                    todo.append(other)
        self.analysed = [p for p in self.all_pages if self._unit_of(p.source) in dirty]
        return self.analysed

    def context(self, works: list[PageWork]) -> list[Operation]:
        dirty = self._dirty_units()
        wanted: dict[IndexKey, list[Example]] = {}
        for work in works:
            for example in work.strays:
                wanted.setdefault(stray_key(example), []).append(example)
        records = [
            record
            for name, unit in self.previous.units.items()
            if name not in dirty
            for record in unit.operations
            if not record.extra
            and not record.index_keys.isdisjoint(wanted)
            and any(
                could_match(example.request.url, record.paths)
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

    def widen(self, model: Model) -> bool:
        dirty = self._dirty_units()
        reached = {name.split(".", 1)[0] for name in model.cases} - dirty
        dirty |= reached
        return bool(reached)

    def redo(self, group: str) -> bool:
        return group in self._dirty_units()

    def clean_units(self) -> dict[str, Unit]:
        dirty = self._dirty_units()
        return {name: unit for name, unit in self.previous.units.items() if name not in dirty}

    def unit_of_page(self, source: str) -> str | None:
        return self.previous.pages[source][1]

    def shared_files(self, units: dict[str, Unit], api_version: str) -> tuple[str, ...] | None:
        """The same groups, and the same summaries of those analysed again: most edits of
        a page change neither."""
        previous, dirty = self.previous, self._dirty_units()
        if previous.api_version != api_version:
            return None
        now = {name for name, unit in units.items() if unit.summary is not None}
        before = {name for name, unit in previous.units.items() if unit.summary is not None}
        same = now == before and all(
            units[name].summary == previous.units[name].summary for name in dirty & now
        )
        return previous.shared if same else None
