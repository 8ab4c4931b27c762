"""The permissions each operation documents, and the fewest that let a set of calls run.

An app asks for permissions once, at consent, for every call it will make; asking for
too few fails at run time with a 403, asking for too many is what security reviews flag.
So the question users have is not "what does this call need" but "what is the smallest
set that covers all of my calls", per kind of access, and this module answers it from
the package's own data file (``_permissions_data.jsonl``, one JSON array a line). That
data is read on the first question, never when the client is imported: a program that
asks nothing pays nothing. It is a data file, not a module, so an installed package holds
it once (a module's text would be compiled to a ``.pyc`` twin as large).

The same code runs inside graphdoc (``graphdoc permissions``) on a model or a built
package, so the command line and the package can never disagree. It needs only the
standard library.
"""

from __future__ import annotations

import json
from importlib.resources import files
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence, cast, overload

KINDS = ("delegated_work", "delegated_personal", "application")
KIND_LABELS = {
    "delegated_work": "delegated (work or school account)",
    "delegated_personal": "delegated (personal Microsoft account)",
    "application": "application",
}
# How many optimal sets of one component the search keeps to compare (and report).
TIE_LIMIT = 256

Alternative = tuple[str, ...]  # permissions needed together


@dataclass(frozen=True)
class Access:
    """What one kind of access needs for one operation.

    ``least`` and ``higher`` are alternatives, each a tuple of permissions needed
    together, in documented order. ``reason`` says why the operation cannot run with this
    kind of access; it is empty when it can.
    """

    kind: str
    least: tuple[Alternative, ...] = ()
    higher: tuple[Alternative, ...] = ()
    reason: str = ""

    @property
    def supported(self) -> bool:
        return not self.reason

    @property
    def choices(self) -> tuple[Alternative, ...]:
        """The alternatives a minimal set chooses among: the least privileged ones, or all
        of them when the page does not say which are least."""
        return self.least or self.higher

    def satisfied_by(self, granted: Iterable[str]) -> Alternative | None:
        """The first documented alternative (least privileged first) ``granted`` holds."""
        have = set(granted)
        for alternative in self.least + self.higher:
            if set(alternative) <= have:
                return alternative
        return None


@dataclass(frozen=True)
class OperationPermissions:
    """The permissions of one operation (``group.method``), per kind of access."""

    operation: str
    page: str
    access: tuple[Access, ...]
    me_only: bool = False  # every path starts with /me: a signed-in user is needed

    def kind(self, kind: str) -> Access:
        return self.access[KINDS.index(_kind(kind))]


@dataclass(frozen=True)
class Requirement:
    """The answer for one kind of access: the fewest permissions that let every given
    operation run, and how they were chosen.

    ``choices`` gives, per operation, the documented alternative the set satisfies (the
    first in documented order). When several sets of that size exist, ``ties`` counts
    them (capped per independent part of the search), ``others`` shows a few, and the
    one chosen satisfies the most operations with their first documented alternative
    (then the first in name order).
    """

    kind: str
    scopes: tuple[str, ...]
    choices: tuple[tuple[str, Alternative], ...]
    unsupported: tuple[tuple[str, str], ...] = ()  # operation, reason
    ties: int = 1
    others: tuple[tuple[str, ...], ...] = ()

    @property
    def complete(self) -> bool:
        """Every operation can run with this kind of access."""
        return not self.unsupported


@dataclass(frozen=True)
class Check:
    """What ``granted`` permissions lack, and hold in excess, for some operations."""

    kind: str
    missing: tuple[tuple[str, str], ...]  # operation, what it needs (or why it cannot run)
    excess: tuple[str, ...]  # granted but needed by no operation
    used: tuple[str, ...]  # the granted permissions the operations need

    @property
    def ok(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Cover:
    """An optimal choice of one alternative per requirement: the union of the choices."""

    scopes: frozenset[str]
    ties: int
    others: tuple[frozenset[str], ...]


def _kind(kind: str) -> str:
    normal = kind.replace("-", "_")
    if normal not in KINDS:
        raise ValueError(f"unknown kind of access {kind!r}; one of {', '.join(KINDS)}")
    return normal


def minimal_cover(requirements: Sequence[Sequence[Alternative]]) -> Cover:
    """The smallest set of permissions that contains an alternative of every requirement.

    An exact search (branch and bound), not a greedy one: picking, say, the permission
    most operations accept first can end with more permissions than needed. It stays
    small on real programs because it works on independent parts apart (requirements
    sharing no permission), drops alternatives that contain another one of the same
    requirement (never better), and prunes any branch whose lower bound (what is chosen
    plus the most that one open requirement must still add) exceeds the best found.
    Among the sets of the smallest size, it keeps the one whose requirements are
    satisfied by their earliest documented alternatives, then the first in name order.
    """
    needs = [_reduced(alternatives) for alternatives in requirements]
    needs = [alternatives for alternatives in needs if alternatives]
    scopes: set[str] = set()
    ties = 1
    swaps: list[tuple[frozenset[str], frozenset[str]]] = []  # a part's chosen set, another
    for part in _parts(needs):
        found = _search([needs[index] for index in part])
        ranked = sorted(found, key=lambda union: _rank(union, requirements))
        scopes |= ranked[0]
        ties *= len(ranked)
        swaps += [(ranked[0], other) for other in ranked[1:4]]
    # parts share no permission: another whole set is the chosen one with one part swapped
    others = tuple(frozenset(scopes - chosen | other) for chosen, other in swaps)
    return Cover(frozenset(scopes), ties, others[:3])


def _reduced(alternatives: Sequence[Alternative]) -> list[frozenset[str]]:
    """The alternatives as sets, without those containing another (or repeating one)."""
    sets: list[frozenset[str]] = []
    for alternative in alternatives:
        candidate = frozenset(alternative)
        if candidate and candidate not in sets:
            sets.append(candidate)
    return [s for s in sets if not any(other < s for other in sets)]


def _parts(needs: list[list[frozenset[str]]]) -> list[list[int]]:
    """The requirements in groups that share no permission, each solvable on its own."""
    parent = list(range(len(needs)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[str, int] = {}
    for index, alternatives in enumerate(needs):
        for scope in sorted({name for alternative in alternatives for name in alternative}):
            if scope in owner:
                parent[root(index)] = root(owner[scope])
            else:
                owner[scope] = index
    parts: dict[int, list[int]] = {}
    for index in range(len(needs)):
        parts.setdefault(root(index), []).append(index)
    return sorted(parts.values())


def _search(needs: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """Every smallest union of one alternative per requirement (up to :data:`TIE_LIMIT`)."""
    order = sorted(range(len(needs)), key=lambda i: (len(needs[i]), i))
    ordered = [needs[i] for i in order]
    best = [sum(len(a[0]) for a in ordered) + 1]
    found: dict[frozenset[str], None] = {}

    def bound(chosen: frozenset[str], start: int) -> int:
        extra = 0
        for alternatives in ordered[start:]:
            extra = max(extra, min(len(a - chosen) for a in alternatives))
        return len(chosen) + extra

    def visit(chosen: frozenset[str], start: int) -> None:
        while start < len(ordered) and any(a <= chosen for a in ordered[start]):
            start += 1  # already satisfied: any other choice only adds
        if start == len(ordered):
            if len(chosen) < best[0]:
                best[0] = len(chosen)
                found.clear()
            if len(chosen) == best[0] and len(found) < TIE_LIMIT:
                found[chosen] = None
            return
        if bound(chosen, start) > best[0]:
            return
        for alternative in sorted(ordered[start], key=lambda a: (len(a - chosen), sorted(a))):
            visit(chosen | alternative, start + 1)

    visit(frozenset(), 0)
    return list(found)


def _rank(
    union: frozenset[str], requirements: Sequence[Sequence[Alternative]]
) -> tuple[object, ...]:
    """Lower is preferred: the documented position of each requirement's first
    alternative the union satisfies, summed; then the names."""
    positions = 0
    for alternatives in requirements:
        for position, alternative in enumerate(alternatives):
            if set(alternative) <= union:
                positions += position
                break
    return (positions, sorted(union))


class Catalog:
    """The permissions of every operation of a package, by ``group.method`` and page id."""

    def __init__(self, entries: Iterable[OperationPermissions]) -> None:
        self.entries: dict[str, OperationPermissions] = {e.operation: e for e in entries}
        self.pages: dict[str, list[str]] = {}
        for entry in self.entries.values():
            self.pages.setdefault(entry.page, []).append(entry.operation)

    @classmethod
    def from_table(cls, text: str) -> Catalog:
        """The catalog of a package's table: one JSON array per line,
        ``[operation, page, me_only, delegated_work, delegated_personal, application]``,
        each kind ``null`` (not documented), ``false`` (not supported) or ``[least, higher]``."""
        return cls(_entry(json.loads(line)) for line in text.splitlines() if line.strip())

    @property
    def groups(self) -> frozenset[str]:
        return frozenset(name.split(".", 1)[0] for name in self.entries)

    def resolve(self, name: str) -> str:
        """``group.method`` for ``name``, which may also be a page id (``message-send``)."""
        if name in self.entries:
            return name
        found = self.pages.get(name, [])
        if len(found) == 1:
            return found[0]
        if found:
            raise KeyError(f"page {name} documents several operations: {', '.join(sorted(found))}")
        raise KeyError(f"no operation {name} (give group.method or a page id)")

    def for_operation(self, name: str) -> OperationPermissions:
        return self.entries[self.resolve(name)]

    def requirement(self, operations: Iterable[str], kind: str) -> Requirement:
        kind = _kind(kind)
        names = sorted(dict.fromkeys(self.resolve(name) for name in operations))
        usable = [(name, self.entries[name].kind(kind)) for name in names]
        unsupported = tuple((name, a.reason) for name, a in usable if not a.supported)
        usable = [(name, access) for name, access in usable if access.supported]
        cover = minimal_cover([access.choices for _, access in usable])
        choices = tuple(
            (name, next(a for a in access.choices if set(a) <= cover.scopes))
            for name, access in usable
        )
        return Requirement(
            kind,
            tuple(sorted(cover.scopes)),
            choices,
            unsupported,
            cover.ties,
            tuple(tuple(sorted(other)) for other in cover.others),
        )

    @overload
    def required(self, operations: Iterable[str], kind: str) -> Requirement: ...

    @overload
    def required(self, operations: Iterable[str], kind: None = None) -> dict[str, Requirement]: ...

    def required(
        self, operations: Iterable[str], kind: str | None = None
    ) -> Requirement | dict[str, Requirement]:
        """The fewest permissions for ``operations``: for one ``kind``, or by kind."""
        names = list(operations)
        if kind is not None:
            return self.requirement(names, kind)
        return {each: self.requirement(names, each) for each in KINDS}

    def check(self, operations: Iterable[str], granted: Iterable[str], kind: str) -> Check:
        """``granted`` against what ``operations`` need: what is missing, and what is in
        excess (granted, but outside the fewest granted permissions that serve them)."""
        kind = _kind(kind)
        have = tuple(sorted(set(granted)))
        names = sorted(dict.fromkeys(self.resolve(name) for name in operations))
        missing: list[tuple[str, str]] = []
        within: list[tuple[Alternative, ...]] = []
        for name in names:
            access = self.entries[name].kind(kind)
            if not access.supported:
                missing.append((name, access.reason))
                continue
            held = tuple(a for a in access.least + access.higher if set(a) <= set(have))
            if held:
                within.append(held)
            else:
                needs = " or ".join(" and ".join(a) for a in access.choices)
                missing.append((name, f"needs {needs}"))
        used = minimal_cover(within).scopes
        excess = tuple(scope for scope in have if scope not in used)
        return Check(kind, tuple(missing), excess, tuple(sorted(used)))


def _entry(row: list[object]) -> OperationPermissions:
    operation, page, me_only, *kinds = row
    access: list[Access] = []
    for kind, data in zip(KINDS, kinds):
        if data is None:
            access.append(Access(kind, reason="no permissions documented for this kind"))
        elif data is False:
            access.append(Access(kind, reason="not supported, per the documentation"))
        else:
            least, higher = _alternatives(data, 0), _alternatives(data, 1)
            item = Access(kind, least, higher)
            if me_only and kind == "application":
                item = Access(
                    kind,
                    item.least,
                    item.higher,
                    "every path starts with /me, which needs a signed-in user",
                )
            elif not item.choices:
                item = Access(kind, reason="no permissions documented for this kind")
            access.append(item)
    return OperationPermissions(str(operation), str(page), tuple(access), bool(me_only))


def _alternatives(data: object, position: int) -> tuple[Alternative, ...]:
    # JSON read from the package's own table: [least, higher], each a list of alternatives.
    pair = cast("list[list[list[object]]]", data) if isinstance(data, list) else []
    if len(pair) != 2:
        raise ValueError(f"a kind of the permissions table is not [least, higher]: {data!r}")
    return tuple(tuple(str(scope) for scope in alternative) for alternative in pair[position])


DATA_FILE = "_permissions_data.jsonl"  # beside this module, installed as package data


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The package's catalog, read from its data file on first use."""
    package = __name__.rpartition(".")[0]
    return Catalog.from_table(files(package).joinpath(DATA_FILE).read_text(encoding="utf-8"))


def operations() -> tuple[str, ...]:
    """Every operation of the package, as ``group.method``."""
    return tuple(sorted(catalog().entries))


def for_operation(name: str) -> OperationPermissions:
    """The permissions of one operation (``group.method`` or a page id)."""
    return catalog().for_operation(name)


@overload
def required(operations: Iterable[str], kind: str) -> Requirement: ...


@overload
def required(operations: Iterable[str], kind: None = None) -> dict[str, Requirement]: ...


def required(
    operations: Iterable[str], kind: str | None = None
) -> Requirement | dict[str, Requirement]:
    """The fewest permissions that let every one of ``operations`` run, for ``kind``
    (``delegated_work``, ``delegated_personal`` or ``application``), or for each kind."""
    return catalog().required(operations, kind)


def check(operations: Iterable[str], granted: Iterable[str], kind: str) -> Check:
    """What ``granted`` lacks for ``operations``, and what it holds that none needs."""
    return catalog().check(operations, granted, kind)
