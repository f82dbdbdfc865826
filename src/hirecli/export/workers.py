"""Rendering roles in worker processes, a few at a time, and leaving none behind.

Each worker is given a few roles at a time and the next one only when an answer has
been taken, so that neither the workers' queue nor the finished documents waiting to
be written grow with the batch. Ctrl-C, SIGTERM and SIGHUP stop every worker at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from hirecli.export.records import Job, Rendered
from hirecli.export.render import render_job
from hirecli.export.settings import Settings

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

ROLES_PER_WORKER = 2
"""Roles given to each worker at a time: one to render and one waiting, so no worker idles
while the parent writes, and at most this many finished roles per worker wait in memory."""


def worker_count(jobs: int) -> int:
    """``--jobs``: 0 is one process per CPU, and never more processes than CPUs."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(jobs or cpus, cpus))


def bounded(submit: Callable[[T], Future[R]], items: Iterable[T], window: int) -> Iterator[R]:
    """The results of ``items`` in order of completion, with at most ``window`` of them submitted
    and not yet taken: the first ``window`` are submitted now, the next as each is taken."""
    waiting = iter(items)
    return _as_taken(submit, waiting, {submit(item) for item in _take(waiting, window)})


def _as_taken(submit: Callable[[T], Future[R]], waiting: Iterator[T], running: set[Future[R]]) -> Iterator[R]:
    from concurrent.futures import FIRST_COMPLETED, wait

    while running:
        done, running = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()
            running |= {submit(item) for item in _take(waiting, 1)}


def _take(items: Iterator[T], count: int) -> list[T]:
    taken: list[T] = []
    for item in items:
        taken.append(item)
        if len(taken) == count:
            break
    return taken


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch and cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: Any) -> None:
    """End the worker processes at once: an interrupted export (Ctrl-C, SIGTERM, SIGHUP) must
    leave none behind. Workers only render in memory, so ending them loses nothing.

    A worker ended halfway through sending an answer leaves part of it in the answers'
    pipe, and the pool's reader would wait for the rest forever (and ``shutdown`` with it).
    The workers' ends of that pipe died with them; closing the parent's own unused end gives
    the reader the end of the pipe, and the pool then counts itself broken and stops."""
    found = [p for p in (getattr(pool, "_processes", None) or {}).values() if p is not None]
    for process in found:
        with contextlib.suppress(Exception):
            process.terminate()
    deadline = time.monotonic() + 5
    for process in found:
        with contextlib.suppress(Exception, KeyboardInterrupt):  # a second signal: end them anyway
            process.join(max(0.0, deadline - time.monotonic()))
        with contextlib.suppress(Exception):
            if process.is_alive():
                process.kill()
                process.join(1)
    with contextlib.suppress(Exception):
        pool._result_queue._writer.close()


@contextlib.contextmanager
def _workers_start_deaf() -> Iterator[None]:
    """Ignore Ctrl-C while workers start, so that they start ignoring it too.

    A Ctrl-C at a terminal reaches the whole process group; a worker still importing
    would otherwise print a traceback before its initializer runs.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def results(jobs: Sequence[Job], settings: Settings, workers: int) -> Generator[Rendered, None, None]:
    """Every role rendered, here or in ``workers`` processes, in the order they finish."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield render_job(job, settings)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    count = min(workers, len(jobs))
    pool = ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_quiet_worker,
    )
    try:
        with _workers_start_deaf():  # the first roles submitted start every worker
            answers = bounded(
                lambda job: pool.submit(render_job, job, settings), jobs, count * ROLES_PER_WORKER
            )
        yield from answers
    except BaseException:  # interrupted, or stopped early by the writer: no worker may live on
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
