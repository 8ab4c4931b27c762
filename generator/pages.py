"""Finding the pages to read: files and folders given on the command line.

Folders are walked in sorted order (never following symlinks, so a link loop cannot
trap the walk); ``includes`` folders hold fragments, not pages; pages under a
``resources`` folder describe types, not operations. Each page keeps the path it is
shown under in diagnostics and a ``source`` name relative to the folder it was found in,
so output does not depend on the working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True)
class PageFile:
    path: str  # as shown in diagnostics
    source: str  # relative to the folder given (posix), or the file name
    kind: str  # "api" or "resource"


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
            found.setdefault(str(root), PageFile(str(root), root.name, "api"))
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
                file = os.path.join(folder, name)
                found.setdefault(file, PageFile(file, "/".join([*parts, name]), kind))
    if not found:
        raise InputError(f"{', '.join(paths)}: no pages (*.md files) found")
    return list(found.values())
