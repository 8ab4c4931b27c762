"""Worker processes for the build's parallel stages: parsing pages, formatting pieces."""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Callable, Iterator, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

_T = TypeVar("_T")
_R = TypeVar("_R")


# What a build says of its progress: the stage (``parse pages``), the items done of the
# total (both 0 when the stage is not counted). See cli.TerminalProgress.
Progress = Callable[[str, int, int], None]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


PARENT_POLL = 0.5  # seconds between two looks at whether the build is still there


def _end_with_parent(build: int) -> None:
    """Run in each worker first: end it when the build that started it ends, however that
    ends (``kill -9`` included), rather than leave it waiting for work for ever.

    On Linux the kernel does it (``PR_SET_PDEATHSIG``); everywhere, a thread also checks
    that the worker's parent is still the one it started with (an orphan is adopted by
    another process). Both watch the direct parent: with the ``fork`` start method that
    is the build, with ``forkserver`` a server that ends when the build does.
    """
    gc.enable()
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent or not _alive(build):  # the build died before it was watched
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # (there, but not ours to signal)
        return True
    return True


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)


class Workers:
    """Up to ``jobs`` processes for one build, started when it finds work to do.

    They are started early and warmed at once (:meth:`start`): while the build reads,
    analyses and renders, a worker imports black, so a rebuild that formats one piece
    does not wait for that import, which takes as long as the rest of a small rebuild
    (figures in benchmarks/README.md).
    With ``jobs`` 1, everything runs in the build's own process.

    ``progress``, if given, hears of each stage (:meth:`stage`) and of each item a counted
    :meth:`map` has done: the workers are where a long build spends its time.
    """

    def __init__(self, jobs: int, progress: Progress | None = None) -> None:
        self.jobs = jobs
        self.progress = progress
        self._pool: ProcessPoolExecutor | None = None

    def stage(self, name: str, done: int = 0, total: int = 0) -> None:
        """Say that the build is at stage ``name`` (``done`` items of ``total``)."""
        if self.progress is not None:
            self.progress(name, done, total)

    def start(self, warm: Callable[[], object] | None = None, little: bool = False) -> None:
        """Start the workers, each running ``warm`` first; only one for ``little`` work, so
        that the warm one gets the work, and the build keeps a core to itself meanwhile."""
        if self.jobs <= 1 or self._pool is not None:
            return
        from concurrent.futures import ProcessPoolExecutor  # only a build that has work

        self.jobs = 1 if little else self.jobs
        self._pool = ProcessPoolExecutor(
            max_workers=self.jobs, initializer=_end_with_parent, initargs=(os.getpid(),)
        )
        if warm is not None:
            for _ in range(self.jobs):
                self._pool.submit(warm)

    def map(
        self,
        function: Callable[[_T], _R],
        items: list[_T],
        chunksize: int = 0,
        least: int = 1,
        stage: str = "",
    ) -> list[_R]:
        """``map`` over the workers if started and given at least ``least`` items (fewer run
        here); results keep input order, so output is the same. With a ``stage`` name, each
        item done is told to ``progress``.

        The work runs with the cycle collector on (black makes many cycles), even while the
        build has paused it, but the collector never walks the model built so far: frozen,
        those objects are skipped.
        """
        gc.freeze()
        try:
            if self._pool is None or len(items) < max(1, least):
                collecting = gc.isenabled()
                gc.enable()
                try:
                    return self._counted(stage, len(items), map(function, items))
                finally:
                    if not collecting:
                        gc.disable()
            # small chunks: the last ones, run while other workers idle, stay short
            chunksize = chunksize or max(1, len(items) // (self.jobs * 64))
            done = self._pool.map(function, items, chunksize=chunksize)
            return self._counted(stage, len(items), done)
        finally:
            gc.unfreeze()

    def _counted(self, stage: str, total: int, results: Iterator[_R]) -> list[_R]:
        """``results`` as a list, each told to ``progress`` as it comes (in input order)."""
        if not stage or self.progress is None or not total:
            return list(results)
        found: list[_R] = []
        self.progress(stage, 0, total)
        for result in results:
            found.append(result)
            self.progress(stage, len(found), total)
        return found

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
