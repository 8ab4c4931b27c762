"""Formatting generated Python in-process with the pinned black, and refusing broken code.

The mode is explicit so a user's black configuration never changes the output; every file
is compiled before it is written, so a rendering bug can never leave invalid code behind.
Formatting is memoised by content: the runtime modules are the same in every build, and
black is the slowest stage, so a process formats each distinct text once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _black() -> tuple[Any, Any]:
    """black and its mode, imported on first use: a build that formats nothing skips it."""
    import black

    return black, black.Mode(line_length=100, target_versions={black.TargetVersion.PY311})


class InvalidSource(Exception):
    """The renderer produced Python that does not compile: a generator bug."""


def format_python(path: str, source: str) -> str:
    return _format(path, source)


@lru_cache(maxsize=512)
def _format(path: str, source: str) -> str:
    try:
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as error:
        raise InvalidSource(
            f"{path}:{error.lineno}: generated code does not compile: {error.msg}"
        ) from None
    black, mode = _black()
    return black.format_str(source, mode=mode)
