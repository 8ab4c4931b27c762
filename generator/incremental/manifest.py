"""What a build remembers of its output, so the next build of it redoes only what changed.

A manifest is kept (in the cache, under ``state``) for each output: the key of every page
read, what each *unit* of the package came to, and the size and mtime of every file
written. A unit is a group (its operations, diagnostics, README rows and files) or a page
that gave no operation (its diagnostics). A rebuild analyses and renders only the units
whose pages changed, and the units tied to them by an example replayed across groups;
it takes every other unit from the manifest and carries its files over unread.

File contents are never trusted to a manifest's memory: it only saves re-reading a file
whose size, mtime, ctime and inode are unchanged since it was hashed, as git's index
does, and a file modified within :data:`RACY_NS` of the build that hashed it is hashed
again every time.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

from ..core.diagnostics import Diagnostic
from ..render.package import GroupSummary
from ..report.figures import Facts
from ..parse.urls import IndexKey
from ..write.tree import Signatures
from .cache import file_hash

RACY_NS = 2_000_000_000  # a file changed this close to its hashing may change unseen

Signature = tuple[int, int, int, int]  # size, mtime, ctime (ns), inode


class OperationRecord(NamedTuple):
    """What a rebuild needs of an operation it does not load. (A tuple, as :class:`Facts`.)"""

    group: str
    name: str
    id: str
    source: str
    order: tuple[object, ...]  # its place in the build's operation order (spec file names)
    extra: bool  # shown only by an example (never a stray example's candidate)
    index_keys: frozenset[IndexKey]
    paths: tuple[str, ...]  # of its variants: which stray examples could call it
    spec_file: str  # its spec's file name in the last build
    facts: Facts


@dataclass(frozen=True)
class Unit:
    """A group of the package, or a page that gave no operation (``page:<source>``)."""

    name: str
    operations: tuple[OperationRecord, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # before suppressions
    stray_keys: frozenset[IndexKey] = frozenset()  # where its stray examples may go
    links: frozenset[str] = frozenset()  # units its examples are replayed in, or from
    summary: GroupSummary | None = None
    files: tuple[str, ...] = ()  # its own files in the output folder

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its records as flat tuples of plain values: unpickling tuples costs
        far less than unpickling as many objects, and every rebuild unpickles thousands."""
        values = [getattr(self, item.name) for item in fields(self)]
        values[1] = [(*record[:-1], *record.facts) for record in self.operations]
        return _unit, tuple(values)


def _unit(name: str, rows: list[tuple[Any, ...]], *rest: Any) -> Unit:
    width = len(OperationRecord._fields) - 1  # the record's fields, then its facts'
    record, facts = OperationRecord._make, Facts._make
    return Unit(name, tuple(record((*row[:width], facts(row[width:]))) for row in rows), *rest)


@dataclass
class Manifest:
    inputs: str  # the hash of all the build read
    pages: dict[str, tuple[str, str]]  # api page source → its key, its unit
    units: dict[str, Unit]
    outputs: Signatures  # every output file: size, mtime, inode
    report: dict[str, object]
    diagnostics: list[Diagnostic]
    incremental: bool  # False: a rebuild must analyse everything (overrides are global)
    memo: dict[str, tuple[Signature, object]] = field(default_factory=dict)
    spares: dict[str, Signatures] = field(default_factory=dict)  # by tree: see write.Spare
    api_version: str = ""
    shared: tuple[str, ...] = ()  # the package's files not of one group
    types: str = ""  # the hash of the resource pages it was built with
    templates: str = ""  # the hash of the --templates folder it was rendered with

    def __getstate__(self) -> dict[str, Any]:
        """Each unit pickled on its own, and a unit read from the last manifest not pickled
        again: a rebuild changes a few units of hundreds, and writes the manifest anew."""
        state = dict(self.__dict__)
        read = state.pop("_read", {})
        state["units"] = {
            name: read[name][1] if name in read and read[name][0] is unit else _packed(unit)
            for name, unit in self.units.items()
        }
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        packed = state["units"]
        state["units"] = {name: pickle.loads(data) for name, data in packed.items()}
        # the bytes each unit was read from, kept with the unit itself (units are frozen:
        # the same object always pickles to the same bytes)
        state["_read"] = {name: (state["units"][name], packed[name]) for name in packed}
        self.__dict__.update(state)

    def reuse_bytes(self, previous: Manifest) -> None:
        """Write the units this manifest shares with ``previous`` as the bytes they were
        read from."""
        read = previous.__dict__.get("_read", {})
        self.__dict__["_read"] = {
            name: pair for name, pair in read.items() if self.units.get(name) is pair[0]
        }

    def changes(self, keys: dict[str, str]) -> tuple[set[str], set[str]]:
        """The pages (by source, with their keys now) that changed or came, and those gone."""
        changed = {
            source for source, key in keys.items() if self.pages.get(source, ("",))[0] != key
        }
        return changed, self.pages.keys() - keys.keys()


def _packed(unit: Unit) -> bytes:
    return pickle.dumps(unit, protocol=pickle.HIGHEST_PROTOCOL)


class FileMemo:
    """File hashes, remembered by signature from one build to the next."""

    def __init__(self, previous: dict[str, tuple[Signature, object]] | None, now_ns: int) -> None:
        self.previous = previous or {}
        self.kept: dict[str, tuple[Signature, object]] = {}
        self.trusted_before = now_ns - RACY_NS

    @staticmethod
    def signature(path: str) -> Signature | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)

    def recall(self, path: str) -> tuple[Signature | None, object]:
        """The file's signature, and the value remembered for it if it is as it was."""
        signature = self.signature(path)
        entry = self.previous.get(path)
        if signature is not None and entry is not None and entry[0] == signature:
            return signature, entry[1]
        return signature, None

    def remember(self, path: str, signature: Signature | None, value: object) -> None:
        """Keep ``value`` for the next build, unless the file changed too recently to tell."""
        if signature is not None and max(signature[1], signature[2]) < self.trusted_before:
            self.kept[path] = (signature, value)

    def file_hash(self, path: str) -> str:
        """The hash of a file's bytes, or of its absence (an include that is not there)."""
        signature, known = self.recall(path)
        if signature is None:
            return "missing"  # (an include that is not there: thousands in a corpus)
        digest = known if isinstance(known, str) else file_hash(path)
        if digest != "missing":
            self.remember(path, signature, digest)
        return digest
