"""Running a planned export: roles rendered a few at a time, their files written as they come.

This process alone writes the files, each atomically, so that Ctrl-C handling and
atomicity stay in one place. Writes run on a few threads and are bounded too: when the
disk falls behind, rendering waits for it instead of piling finished documents up.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from hirecli.errors import UsageError
from hirecli.export.records import Failure, Job, OutputFile, Plan, Rendered
from hirecli.export.report import Report
from hirecli.export.settings import PART_FILE, Settings, packet_folders
from hirecli.export.workers import results
from hirecli.fileio import write_atomic

if TYPE_CHECKING:
    from concurrent.futures import Future


class _Writer:
    """Writes files on a few threads: each write ends with an fsync, and a disk commits
    several at once far quicker than one after another. Ctrl-C reaches only the main
    thread, so a write in progress always finishes (or cleans up) on its own. A role is
    recorded in the report once every one of its files is written."""

    THREADS = 8
    MOST_WAITING = 64
    """Files handed to the threads and not yet written; beyond this, the oldest role is waited for."""

    def __init__(self, force: bool, report: Report) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.force = force
        self.report = report
        self.pool = ThreadPoolExecutor(max_workers=self.THREADS, thread_name_prefix="hirecli-write")
        self.pending: deque[tuple[Job, list[str], list[int], list[Future[None]]]] = deque()
        self.waiting = 0

    def submit(self, job: Job, files: Sequence[OutputFile]) -> None:
        futures = [
            self.pool.submit(write_atomic, job.folder / item.name, item.data, force=self.force)
            for item in files
        ]
        self.pending.append((job, [f.name for f in files], [len(f.data) for f in files], futures))
        self.waiting += len(futures)
        self.collect()
        while self.waiting > self.MOST_WAITING:
            self._finish_oldest()

    def collect(self, *, wait: bool = False) -> None:
        """Record the roles whose files are written, oldest first; the first failed write stops
        the export."""
        while self.pending and (wait or all(f.done() for f in self.pending[0][3])):
            self._finish_oldest()

    def _finish_oldest(self) -> None:
        job, names, sizes, futures = self.pending.popleft()
        self.waiting -= len(futures)
        for future in futures:
            future.result()
        self.report.add(job.index, job.role_id, names, sizes)

    def close(self) -> None:
        """Finish the writes in progress, drop the ones not started."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def _remove_stale_packets(plan: Plan, settings: Settings, report: Report) -> None:
    """With ``force``, packets of stages the loop no longer has would mislead interviewers:
    remove the packet files this export did not write (only files named like packets)."""
    for index, names in report.written_names():
        job = plan.jobs[index]
        fresh = set(names)
        for artifact in packet_folders(settings):
            folder = job.folder / artifact
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                stale = f"{artifact}/{path.name}" not in fresh and PART_FILE.fullmatch(path.name)
                if stale and path.is_file():
                    with contextlib.suppress(OSError):
                        path.unlink()


def run_export(
    plan: Plan,
    settings: Settings,
    *,
    force: bool = False,
    jobs: int = 1,
    on_role: Callable[[Job, Rendered], None] | None = None,
) -> Report:
    """Render every planned role and write its files; one bad role does not stop the rest."""
    report = Report(plan.outdir, failures=list(plan.failures), roles=len(plan.jobs))
    started = time.perf_counter()
    failed: dict[int, Failure] = {}
    writer = _Writer(force, report)
    answers = results(plan.jobs, settings, jobs)
    try:
        for result in answers:
            job = plan.jobs[result.index]
            if result.usage_error:
                raise UsageError(result.usage_error)
            if result.problems or result.error:
                failed[job.index] = Failure(job.source, job.role_id, result.problems, result.error)
            else:
                writer.submit(job, result.files)
                report.documents += result.documents
            if on_role is not None:
                on_role(job, result)
        writer.collect(wait=True)
        if force:
            _remove_stale_packets(plan, settings, report)
    finally:
        answers.close()
        writer.close()
    report.seconds = time.perf_counter() - started
    report.failures += [failed[index] for index in sorted(failed)]
    return report
