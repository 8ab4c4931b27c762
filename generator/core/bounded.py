"""Every file graphdoc reads from its inputs is read here, and read bounded.

Pages, includes, model files and the Python files ``graphdoc permissions --scan`` reads are
all untrusted: a path may be a link to ``/dev/zero`` (endless), a FIFO (a read that never
returns), a device, or a file of hundreds of megabytes. :func:`read_bounded` reads only a
regular file, and at most ``limit`` bytes of it:

- the file is opened with ``O_NONBLOCK``, so opening a FIFO with no writer returns at
  once, and is then checked with ``fstat`` on the descriptor it opened (not on the path,
  which could be swapped meanwhile): anything but a regular file is refused unread;
- a file larger than ``limit`` is refused after reading at most ``limit + 1`` bytes.

Each refusal is an exception whose text is one clear clause, for the caller to put in
its diagnostic: :class:`.errors.NotRegularFile` (also an ``OSError``, so every caller
that reports unreadable files reports it) or :class:`.errors.FileTooLarge`.
"""

from __future__ import annotations

import os
import stat

from .errors import FileTooLarge, NotRegularFile

MIB = 1024 * 1024
# Suppressions, overrides, a granted-permissions file, a built package's permissions table:
# written by people (or graphdoc), far smaller than this.
CONFIG_LIMIT = 16 * MIB
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def size_text(limit: int) -> str:
    """``4 MiB`` (or ``1000 bytes`` for a limit under a MiB, as tests use)."""
    return f"{limit // MIB} MiB" if limit >= MIB and limit % MIB == 0 else f"{limit} bytes"


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refusing anything else and anything
    larger than ``limit`` bytes (see the module's docstring). Raises ``OSError`` when the
    file cannot be opened, :class:`NotRegularFile` for a FIFO, device, socket or folder,
    :class:`FileTooLarge` for a file over the limit."""
    try:
        descriptor = os.open(path, _FLAGS)
    except IsADirectoryError:
        raise NotRegularFile("a folder, not a file; not read") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"{_kind(info.st_mode)}, not a regular file; not read")
        if info.st_size > limit:
            raise FileTooLarge(f"larger than {size_text(limit)}; not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)  # (a regular file: reads never wait anyway)
        chunks: list[bytes] = []
        left = limit + 1  # one byte more tells a file grown since fstat from one at the limit
        while left > 0:
            chunk = os.read(descriptor, min(left, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooLarge(f"larger than {size_text(limit)}; not read")
    return data
