"""Worker processes for the build's parallel stages: parsing pages, formatting pieces."""

from __future__ import annotations

import gc
import os
from types import TracebackType
from typing import TYPE_CHECKING, Callable, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

_T = TypeVar("_T")
_R = TypeVar("_R")


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Workers:
    """Up to ``jobs`` processes for one build, started when it finds work to do.

    They are started early and warmed at once (:meth:`start`): while the build reads,
    analyses and renders, a worker imports black, so a rebuild that formats one piece
    does not wait for that import, which takes as long as the rest of a small rebuild
    (figures in benchmarks/README.md).
    With ``jobs`` 1, everything runs in the build's own process.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def start(self, warm: Callable[[], object] | None = None, little: bool = False) -> None:
        """Start the workers, each running ``warm`` first; only one for ``little`` work, so
        that the warm one gets the work, and the build keeps a core to itself meanwhile."""
        if self.jobs <= 1 or self._pool is not None:
            return
        from concurrent.futures import ProcessPoolExecutor  # only a build that has work

        self.jobs = 1 if little else self.jobs
        self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=gc.enable)
        if warm is not None:
            for _ in range(self.jobs):
                self._pool.submit(warm)

    def map(
        self, function: Callable[[_T], _R], items: list[_T], chunksize: int = 0, least: int = 1
    ) -> list[_R]:
        """``map`` over the workers if started and given at least ``least`` items (fewer run
        here); results keep input order, so output is the same.

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
                    return [function(item) for item in items]
                finally:
                    if not collecting:
                        gc.disable()
            # small chunks: the last ones, run while other workers idle, stay short
            chunksize = chunksize or max(1, len(items) // (self.jobs * 64))
            return list(self._pool.map(function, items, chunksize=chunksize))
        finally:
            gc.unfreeze()

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
