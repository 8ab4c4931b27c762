"""Every exception graphdoc raises, in one place.

Problems in pages are never exceptions: they are diagnostics (:mod:`.diagnostics`), and
the run goes on. Exceptions are for what stops a run, and say which kind of stop it is::

    GraphdocError                 anything graphdoc raises on purpose
    ├── UsageError                the user's input cannot be used: exit 2, one line
    │   ├── InputError            a path, page folder, suppressions or overrides file
    │   └── OutputError           an output folder that cannot be written
    ├── InvalidSource             rendered Python that does not compile: a generator bug, exit 3
    ├── FileTooLarge              a page or include over the read limit; caught where it is
    │                             read and turned into a diagnostic (GD003)
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
    """A page or include is larger than ``pages.MAX_FILE_BYTES``."""


class NotJSON(GraphdocError, ValueError):
    """The text is not JSON, even after the lenient repairs."""
