"""Finding the pages to read: files and folders given on the command line.

Folders are walked in sorted order (never following symlinks, so a link loop cannot
trap the walk); ``includes`` folders hold fragments, not pages; pages under a
``resources`` folder describe types, not operations. Each page keeps the path it is
shown under in diagnostics and a ``source`` name relative to the folder it was found in,
so output does not depend on the working directory.

Every page and include is read through :func:`inside` and :func:`read_limited` (the one
bounded read of :mod:`.bounded`): only a
regular file inside the docs tree (the folder given, links resolved; for a page given as
a file, the folder above its own, where ``../includes`` lives), and at most
:data:`MAX_FILE_BYTES` of it. A page cannot make graphdoc read ``/etc/passwd`` or
``/dev/zero``, nor tell whether a file outside the tree exists.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..core.bounded import read_bounded
from ..core.errors import InputError

MAX_FILE_BYTES = 4 * 1024 * 1024  # the largest real page is far smaller


@dataclass(frozen=True)
class PageFile:
    path: str  # as shown in diagnostics
    source: str  # relative to the folder given (posix), or the file name
    kind: str  # "api" or "resource"
    root: str = ""  # the docs tree it was found in: what it may include (see ``docs_root``)


def docs_root(page: str, root: str = "") -> str:
    """The docs tree of ``page``: ``root`` if known, else the folder above the page's own."""
    return root or os.path.dirname(os.path.dirname(os.path.abspath(page)))


def inside(root: str, path: str) -> str | None:
    """The real path of ``path`` if it is a regular file inside ``root`` once every link is
    resolved; ``None`` otherwise, whatever the reason (outside, missing, a folder, a device),
    so that the caller's message cannot tell them apart."""
    real = os.path.realpath(path)
    top = os.path.realpath(root)
    if real != top and not real.startswith(top.rstrip(os.sep) + os.sep):
        return None
    try:
        info = os.stat(real)
    except (OSError, ValueError):
        return None
    return real if stat.S_ISREG(info.st_mode) else None


def page_bytes(page: PageFile) -> bytes:
    """A page's bytes, read as :func:`.parse.parse_file` reads them (raises ``OSError`` for a
    page outside its tree, :class:`FileTooLarge` for one too large)."""
    if page.root and inside(page.root, page.path) is None:
        raise FileNotFoundError(page.path)
    return read_limited(page.path)


def include_path(page: PageFile, name: str) -> str:
    """Where an include named by ``page`` is, or ``""`` when it may not be read: outside
    the page's docs tree, or not a regular file (hashed as missing, as it reads)."""
    wanted = os.path.normpath(os.path.join(os.path.dirname(page.path), name))
    return wanted if inside(docs_root(page.path, page.root), wanted) is not None else ""


def read_limited(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a page or include: :func:`.bounded.read_bounded` (a regular file only,
    refusing one larger than ``limit`` without reading it all)."""
    return read_bounded(path, limit)


def _shown(path: str) -> str:
    """A path as text: a file name that is not UTF-8 (its bytes kept as surrogates by the
    system's decoding) gets them as ``\\xff`` escapes, which every output can hold. Such
    a path names no file, so the page is reported unreadable (GD001) and the build goes on."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


API_VERSIONS = ("v1.0", "beta")


def version_folders(paths: list[str]) -> list[tuple[str, str]]:
    """The API version folders of a documentation tree (``api-reference`` holding ``v1.0/``
    and ``beta/``) given as the only path, in :data:`API_VERSIONS` order; else none."""
    if len(paths) != 1 or not os.path.isdir(paths[0]):
        return []
    found = [(version, os.path.join(paths[0], version)) for version in API_VERSIONS]
    return [(version, folder) for version, folder in found if os.path.isdir(folder)]


def discover(paths: list[str]) -> list[PageFile]:
    found: dict[str, PageFile] = {}
    for given in paths:
        root = Path(given)
        try:
            root.stat()
        except OSError as error:  # missing, a dangling link, a link loop, no permission
            raise InputError(
                f"{given}: {error.strerror.lower() if error.strerror else error}"
            ) from None
        if root.is_file():
            shown = _shown(str(root))
            found.setdefault(shown, PageFile(shown, _shown(root.name), "api", docs_root(given)))
            continue
        if not root.is_dir():
            raise InputError(f"{given}: no such file or folder")
        top = str(root)  # plain strings, not Path objects: a corpus has thousands of pages
        for folder, dirs, files in os.walk(top, followlinks=False):
            dirs[:] = sorted(d for d in dirs if d != "includes" and not d.startswith("."))
            inside = os.path.relpath(folder, top)
            parts = [] if inside == "." else inside.split(os.sep)
            kind = "resource" if "resources" in parts else "api"
            for name in sorted(files):
                if not name.endswith(".md") or name.startswith("."):
                    continue
                file = _shown(os.path.join(folder, name))
                found.setdefault(file, PageFile(file, _shown("/".join([*parts, name])), kind, top))
    if not found:
        raise InputError(f"{', '.join(paths)}: no pages (*.md files) found")
    return list(found.values())
