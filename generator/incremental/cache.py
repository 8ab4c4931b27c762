"""A content-addressed cache of parse results, group modules, formatted pieces and manifests.

Every key is a SHA-256 of everything the value depends on: the input bytes and the
*fingerprint* of the generator itself (its source, its templates, the pinned black and
the Python version), so a changed page, include, template or generator can never be
served a stale value, and a new graphdoc version starts afresh without being told.
Entries are files named by their key, written atomically (temporary file, then rename),
so parallel builds and a build killed half-way leave only whole entries behind. A cache
that cannot be read or written is simply a miss: it slows a build, never breaks it.

The cache lives in ``$XDG_CACHE_HOME/graphdoc`` (``~/.cache/graphdoc``), or wherever
``--cache`` says; ``--no-cache`` turns it off. It is bounded: once a day at most, a build
that wrote to it deletes the least recently used entries while it holds more than
:data:`MAX_BYTES` (an entry read is marked used, at most once per :data:`TOUCH_AFTER`),
and the spare output trees (:class:`.write.Spare`) unused for :data:`SPARE_UNUSED`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import time
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, Iterator

from ..core.bounded import read_bounded
from ..core.errors import FileTooLarge
from ..pages.discover import MAX_FILE_BYTES

MAX_BYTES = 2 * 2**30  # what the cache may hold: many cold builds of a whole corpus
PRUNE_EVERY = 24 * 3600.0  # seconds between two prunings
TOUCH_AFTER = 3600.0  # seconds: an entry read is marked used again only after this long
SPARES = "spare"  # the folder of the spare output trees, which pruning leaves alone
SPARE_UNUSED = 7 * 24 * 3600.0  # seconds: a spare tree not used for so long is deleted
_PRUNED = ".pruned"  # its mtime says when the cache was last pruned

PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # the generator package
TEMPLATES = PACKAGE_ROOT.parent / "templates"


def default_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graphdoc"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What every output depends on besides the pages: the generator's own bytes."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]} black {version('black')}".encode())
    for root in (PACKAGE_ROOT, TEMPLATES):
        for file in sorted(
            p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        ):
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(fingerprint().encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def file_hash(path: str | Path) -> str:
    """The hash of a file's bytes, or of its absence (an include that is not there)."""
    try:
        return hashlib.sha256(read_bounded(path, MAX_FILE_BYTES)).hexdigest()
    except FileTooLarge:  # (refused when parsed, whatever it holds)
        return "too large"
    except OSError:  # (a FIFO or device too: never read, and read as missing when parsed)
        return "missing"


class Store:
    """One kind of entry (``parse``, ``group``, ``format``, ``state``) under the cache root.

    A ``read_only`` store (``build --check``, which writes nothing) neither marks the
    entries it reads as used nor keeps what it is given.
    """

    def __init__(self, root: Path | None, kind: str, read_only: bool = False) -> None:
        self.folder = root / kind if root is not None else None
        self.read_only = read_only

    def _path(self, entry: str) -> Path:
        assert self.folder is not None
        return self.folder / entry[:2] / entry[2:]

    def get(self, entry: str) -> Any:
        if self.folder is None:
            return None
        path = os.path.join(self.folder, entry[:2], entry[2:])  # plain: thousands per rebuild
        try:
            with open(path, "rb") as stream:
                data = stream.read()
                used = os.fstat(stream.fileno()).st_mtime
            if not self.read_only and time.time() - used > TOUCH_AFTER:
                os.utime(path)  # used: the last to go when the cache is pruned
            return pickle.loads(data)
        except Exception:  # absent, truncated by a crash, or from an incompatible Python
            return None

    def put(self, entry: str, value: Any) -> None:
        if self.folder is None or self.read_only:
            return
        target = self._path(entry)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, target)
        except OSError:
            pass  # a read-only or full disk: the next build recomputes


def files_under(root: str | Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every file below ``root`` with its ``stat``; a file removed meanwhile is skipped."""
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            try:
                yield path, os.stat(path)
            except OSError:
                continue


def prune(root: Path | None, max_bytes: int = MAX_BYTES, every: float = PRUNE_EVERY) -> int:
    """Delete the least recently used entries until ``root`` holds at most ``max_bytes``;
    skipped if the last pruning was less than ``every`` seconds ago. Returns the bytes
    freed. Entries are whole files, so a build running meanwhile only sees a miss."""
    if root is None:
        return 0
    stamp = root / _PRUNED
    try:
        if time.time() - stamp.stat().st_mtime < every:
            return 0
    except OSError:
        pass  # never pruned
    spares = os.path.join(root, SPARES, "")
    entries = [
        (info.st_mtime, info.st_size, path)
        for path, info in files_under(root)
        if os.path.basename(path) != _PRUNED and not path.startswith(spares)
    ]
    for folder in (root / SPARES).glob("*/*"):  # a spare tree of each output: see write.Spare
        try:
            info = folder.stat()
            if time.time() - max(info.st_mtime, info.st_ctime) > SPARE_UNUSED:
                shutil.rmtree(folder)  # (its files are links to an output's: little is freed)
        except OSError:
            continue
    total, freed = sum(size for _, size, _ in entries), 0
    for _, size, path in sorted(entries):
        if total - freed <= max_bytes:
            break
        try:
            os.remove(path)
            freed += size
        except OSError:
            continue
    try:
        root.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:
        pass
    return freed
