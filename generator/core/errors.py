"""Every exception graphdoc raises, in one place.

Problems in pages are never exceptions: they are diagnostics (:mod:`.diagnostics`), and
the run goes on. Exceptions are for what stops a run, and say which kind of stop it is::

    GraphdocError                 anything graphdoc raises on purpose
    ├── UsageError                the user's input cannot be used: exit 2, one line
    │   ├── InputError            a path, page folder, suppressions or overrides file
    │   └── OutputError           an output folder that cannot be written
    ├── InvalidSource             rendered Python that does not compile: a generator bug, exit 3
    ├── FileTooLarge              an input file (page, include, model file, scanned code)
    │                             over its read limit; caught where it is read and turned
    │                             into a diagnostic (GD003, GD009, an unresolved scan)
    ├── NotRegularFile (also OSError) an input that is a FIFO, device, socket or folder;
    │                             refused unread (:mod:`.bounded`) and reported like
    │                             any unreadable file
    ├── ModelInvalid (also ValueError) a model file (YAML spec) that breaks its schema;
    │                             turned into a diagnostic (GD009) at its ``line``
    └── NotJSON (also ValueError) a text that is not JSON even after lenient repairs;
                                  caught where it is raised and turned into a diagnostic

The generated package's own errors (``GraphError`` and its subclasses) belong to the
runtime and live in :mod:`.runtime._errors`.
"""

from __future__ import annotations


class GraphdocError(Exception):
    """Anything graphdoc raises on purpose."""


class UsageError(GraphdocError):
    """The user's input cannot be used; the message is one clear line."""


class InputError(UsageError):
    """A path given by the user cannot be used (pages, overrides, suppressions)."""


class OutputError(UsageError):
    """The output folder cannot be written."""


class InvalidSource(GraphdocError):
    """The renderer produced Python that does not compile: a generator bug."""


class FileTooLarge(GraphdocError):
    """An input file is larger than its read limit (``pages.MAX_FILE_BYTES`` for a page)."""


class NotRegularFile(GraphdocError, OSError):
    """An input path is a FIFO, a device, a socket or a folder: never read, since a read
    could wait forever (a FIFO) or never end (``/dev/zero``)."""


class ModelInvalid(GraphdocError, ValueError):
    """A model file breaks the model's schema; ``line`` is where (1 when unknown)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


class NotJSON(GraphdocError, ValueError):
    """The text is not JSON, even after the lenient repairs."""
