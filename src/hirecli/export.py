"""Exporting many roles to many formats at once, without ever leaving a file half-written.

The export is planned before anything is written: every role is loaded and checked,
ids must be unique, every output path must lie inside the output folder, and no file
may be in the way unless ``force`` is on. Roles are then built and rendered (in worker
processes when asked) while this process alone writes the files, each atomically, so
that Ctrl-C handling and atomicity stay in one place. A role that fails to load or
build is reported and skipped; the others are still exported.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from hirecli.errors import (
    HirecliError,
    InputFileError,
    InvalidInputError,
    OutputError,
    Problem,
    UnknownFormatError,
    UsageError,
    ValidationFailed,
)
from hirecli.fileio import check_targets, write_atomic

if TYPE_CHECKING:
    from concurrent.futures import Future

    from hirecli.document import Document
    from hirecli.model.company import Company
    from hirecli.model.role import Role

ARTIFACTS = ("posting", "interview-kit", "scorecard")
FORMATS = ("docx", "md", "html", "json", "jsonld")
DEFAULT_FORMATS = ("docx", "md")
JSONLD = "jsonld"
_EXTENSIONS = {"docx": "docx", "md": "md", "html": "html", "json": "json", JSONLD: "jsonld"}
_BUILDERS = {
    "posting": ("hirecli.builders.posting.build", "build_posting_with_report"),
    "interview-kit": ("hirecli.builders.kit.document", "build_interview_kit"),
    "scorecard": ("hirecli.builders.kit.scorecard", "build_scorecard"),
}
_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
_PARTS = {
    "interview-kit": ("hirecli.builders.kit.document", "build_interview_kit_parts"),
    "scorecard": ("hirecli.builders.kit.scorecard", "build_scorecard_parts"),
}
"""Artifacts that also get one file per interview stage, in a folder named after them:
``interview-kit/2-hiring-manager-interview.docx`` is what that stage's interviewer prints."""
_PART_FILE = re.compile(r"\d+-[a-z0-9-]+\.(?:docx|md|html|json)")


def builder(artifact: str) -> Callable[..., Any] | None:
    """The function that builds ``artifact``, or ``None`` while its module does not exist."""
    module_name, function = _BUILDERS[artifact]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    found: Callable[..., Any] | None = getattr(module, function, None)
    return found


def available_artifacts() -> tuple[str, ...]:
    return tuple(a for a in ARTIFACTS if builder(a) is not None)


def parse_list(text: str | None, known: Sequence[str], kind: str) -> tuple[str, ...]:
    """A comma-separated choice (``posting,scorecard``), checked and without repeats."""
    if text is None:
        return ()
    chosen: list[str] = []
    for raw in text.split(","):
        name = raw.strip().lower()
        if not name:
            continue
        if name not in known:
            raise UnknownFormatError(kind, raw.strip(), known)
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


@dataclass(frozen=True)
class Settings:
    """What every role is turned into; sent to worker processes as it is."""

    artifacts: tuple[str, ...]
    formats: tuple[str, ...]
    date: datetime.date
    channel: str | None = None
    reference_docx: Path | None = None


@dataclass(frozen=True)
class Job:
    """One role to export into ``folder``."""

    index: int
    source: str
    role: Role
    company: Company | None
    folder: Path

    @property
    def role_id(self) -> str:
        return self.role.slug


@dataclass(frozen=True)
class OutputFile:
    artifact: str
    format: str
    name: str
    data: bytes


@dataclass(frozen=True)
class Rendered:
    """A worker's answer: the files of one role, or why there are none."""

    index: int
    files: tuple[OutputFile, ...] = ()
    problems: tuple[Problem, ...] = ()
    error: str | None = None
    usage_error: str | None = None
    documents: int = 0


@dataclass(frozen=True)
class Written:
    role_id: str
    artifact: str
    format: str
    path: Path
    size: int

    def to_dict(self) -> dict[str, object]:
        return {
            "role": self.role_id,
            "document": self.artifact,
            "format": self.format,
            "path": str(self.path),
            "bytes": self.size,
        }


@dataclass(frozen=True)
class Failure:
    """A role that was not exported, with every problem found in it."""

    source: str
    role_id: str | None
    problems: tuple[Problem, ...] = ()
    error: str | None = None

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems] or [f"{self.source}: {self.error}"]

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "role": self.role_id,
            "error": self.error,
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass(frozen=True)
class Plan:
    outdir: Path
    jobs: tuple[Job, ...]
    failures: tuple[Failure, ...]
    targets: tuple[Path, ...]


@dataclass
class Report:
    """What an export did; ``failures`` non-empty means exit code 1."""

    outdir: Path
    written: list[Written] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    roles: int = 0
    documents: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "outdir": str(self.outdir),
            "written": [w.to_dict() for w in self.written],
            "failed": [f.to_dict() for f in self.failures],
            "roles": self.roles,
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
        }


# ---- planning ---------------------------------------------------------------------


def check_settings(settings: Settings) -> None:
    """Usage errors found before any role is read: missing builders, a bad channel or reference."""
    for artifact in settings.artifacts:
        if builder(artifact) is None:
            raise UsageError(f"this version of hirecli cannot build the {artifact} yet")
    if JSONLD in settings.formats and "posting" not in settings.artifacts:
        raise UsageError("--jsonld is schema.org data of the posting; add posting to --what")
    if settings.channel is not None:
        from hirecli.channels import get_channel

        get_channel(settings.channel)
    if settings.reference_docx is not None and "docx" in settings.formats:
        from hirecli.writers.docx.reference import load_base

        load_base(settings.reference_docx)


def _outdir(outdir: Path) -> Path:
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir}: exists and is not a folder")
    for parent in outdir.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"{outdir}: cannot create it, {parent} is a file")
            break
    return outdir.resolve()


def _inside(path: Path, outdir: Path) -> Path:
    """``path`` resolved (through any symbolic link); outside ``outdir`` is an error."""
    resolved = path.resolve()
    if not resolved.is_relative_to(outdir):
        raise OutputError(
            f"{path}: resolves to {resolved}, outside the output folder {outdir}; "
            "remove the symbolic link or choose another folder"
        )
    return resolved


def _id_problem(job: Job, positions: Any, other: Job) -> Problem:
    message = f"role id {job.role_id!r} is also the id of {other.source}; each role needs its own id"
    if positions is not None and ("id",) in positions.values:
        where = positions.locate(("id",))
        return Problem(job.source, where.line, where.column, message, "duplicate-id")
    return Problem(
        job.source, 1, 1, message + " (the id comes from the file name; set 'id:')", "duplicate-id"
    )


class _Companies:
    """Company profiles by path, loaded once; a broken profile fails the roles that use it."""

    def __init__(self, given: Path | None) -> None:
        from hirecli.model.loader import load_company

        self.given = load_company(given) if given is not None else None
        self.use_given = given is not None
        self.cache: dict[Path, Company | HirecliError] = {}

    def for_role(self, source: str) -> Company | None:
        from hirecli.model.loader import find_company, load_company

        if self.use_given:
            return self.given
        path = find_company(source)
        if path is None:
            return None
        if path not in self.cache:
            try:
                self.cache[path] = load_company(path)
            except (ValidationFailed, InputFileError) as exc:
                self.cache[path] = exc
        found = self.cache[path]
        if isinstance(found, HirecliError):
            raise found
        return found


def plan_export(
    paths: Sequence[str | Path],
    outdir: Path,
    settings: Settings,
    *,
    company: Path | None = None,
    force: bool = False,
    stdin: BinaryIO | None = None,
) -> Plan:
    """Load and check every role and every output path; raise before anything is written."""
    from hirecli.model.loader import iter_role_files, load_role_file

    check_settings(settings)
    companies = _Companies(company)
    root = _outdir(outdir)
    jobs: list[Job] = []
    failures: list[Failure] = []
    positions: dict[int, Any] = {}
    seen_files: set[str] = set()
    for source in iter_role_files(paths):
        key = str(source) if str(source) == "-" else str(Path(source).resolve())
        if key in seen_files:
            continue
        seen_files.add(key)
        try:
            loaded = load_role_file(source, stdin)
            role_company = companies.for_role(str(source))
        except ValidationFailed as exc:
            failures.append(Failure(str(source), None, exc.problems))
            continue
        except InputFileError as exc:
            failures.append(Failure(str(source), None, error=exc.message))
            continue
        role = loaded.model
        if not _valid_id(role.slug):
            failures.append(Failure(loaded.source, None, error=f"role id {role.slug!r} cannot name a folder"))
            continue
        job = Job(len(jobs), loaded.source, role, role_company, outdir / role.slug)
        positions[job.index] = loaded.positions
        jobs.append(job)
    _refuse_duplicates(jobs, positions)
    targets = [job.folder / name for job in jobs for name in output_names(settings)]
    for target in targets:
        _inside(target, root)
    packets = [job.folder / name for job in jobs for name in packet_folders(settings)]
    for folder in packets:
        _inside(folder, root)
    _refuse_packets(packets, force=force)
    check_targets(targets, force=force, estimate=estimated_bytes(settings, len(jobs)))
    return Plan(outdir, tuple(jobs), tuple(failures), tuple(targets))


def _refuse_packets(folders: Sequence[Path], *, force: bool) -> None:
    """Packet folders with files in them are replaced only with ``force``, like any file."""
    if force:
        return
    found = [
        str(f / path.name)
        for f in folders
        if f.is_dir()
        for path in sorted(f.iterdir())
        if _PART_FILE.fullmatch(path.name)
    ]
    if found:
        shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        raise OutputError(f"would overwrite {shown}; use --force to replace")


def _valid_id(role_id: str) -> bool:
    """Only ids that are safe as a folder name on every system: ``[a-z0-9-]``, 100 at most."""
    return _SAFE_ID.fullmatch(role_id) is not None


def _refuse_duplicates(jobs: Sequence[Job], positions: dict[int, Any]) -> None:
    by_id: dict[str, list[Job]] = {}
    for job in jobs:
        by_id.setdefault(job.role_id, []).append(job)
    problems = []
    for same in by_id.values():
        if len(same) > 1:
            for job in same:
                other = same[1] if job is same[0] else same[0]
                problems.append(_id_problem(job, positions.get(job.index), other))
    if problems:
        raise ValidationFailed(problems)


_SMALLEST = {"docx": 12 * 1024, "md": 1024, "html": 2048, "json": 4096, JSONLD: 1024}
"""About the least each kind of file takes, for a check of free space before writing."""


def estimated_bytes(settings: Settings, roles: int) -> int:
    """The least an export of ``roles`` roles will write: too little room is refused up front."""
    names = output_names(settings)
    return roles * sum(_SMALLEST.get(name.rsplit(".", 1)[-1], 1024) for name in names)


def worker_count(jobs: int) -> int:
    """``--jobs``: 0 is one process per CPU, and never more processes than CPUs."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(jobs or cpus, cpus))


def output_names(settings: Settings) -> list[str]:
    """The file names each role gets, in the order they are written (the per-stage packets
    in :func:`packet_folders` are named once the loop is planned)."""
    return [
        f"{artifact}.{_EXTENSIONS[fmt]}"
        for artifact in settings.artifacts
        for fmt in settings.formats
        if fmt != JSONLD or artifact == "posting"
    ]


def packet_folders(settings: Settings) -> list[str]:
    """The folders of per-stage packets, one for each artifact that has them."""
    if not any(fmt != JSONLD for fmt in settings.formats):
        return []
    return [artifact for artifact in settings.artifacts if artifact in _PARTS]


# ---- building and rendering (in this process or a worker) -------------------------


def _dated(doc: Document, date: datetime.date) -> Document:
    """The document stamped with the export date, which the DOCX properties use."""
    return replace(doc, meta=replace(doc.meta, date=date.isoformat()))


def _build(
    artifact: str, job: Job, settings: Settings
) -> tuple[list[tuple[str, Document]], dict[str, Any] | None]:
    """The artifact's documents, each with its part name ("" for the whole, or a stage's
    file name), and the posting's JSON-LD."""
    make = builder(artifact)
    assert make is not None
    if artifact == "posting":
        kwargs: dict[str, Any] = {"date": settings.date}
        if settings.channel:
            kwargs["channel"] = settings.channel
        result = make(job.role, job.company, **kwargs)
        return [("", result.document)], result.jsonld
    if artifact in _PARTS:
        module_name, function = _PARTS[artifact]
        parts: list[tuple[str, Document]] = getattr(importlib.import_module(module_name), function)(
            job.role, job.company
        )
        return parts, None
    return [("", make(job.role, job.company))], None


def render_job(job: Job, settings: Settings) -> Rendered:
    """Every file of one role, rendered in memory; errors become part of the answer."""
    from hirecli.writers import WriteOptions, get_writer

    options = WriteOptions(reference_docx=settings.reference_docx)
    files: list[OutputFile] = []
    documents = 0
    try:
        from hirecli.builders.kit.empty import check_role

        check_role(job.role, settings.artifacts)  # a loop with nothing to ask fails the role
        for artifact in settings.artifacts:
            parts, jsonld = _build(artifact, job, settings)
            for part, built in parts:
                doc = _dated(built, settings.date)
                documents += 1
                stem = f"{artifact}/{part}" if part else artifact
                for fmt in settings.formats:
                    if fmt == JSONLD:
                        if artifact != "posting":
                            continue
                        from hirecli.builders.posting.jsonld import jsonld_text

                        data: str | bytes = jsonld_text(jsonld or {})
                    else:
                        data = get_writer(fmt).render(doc, options)
                    payload = data.encode("utf-8") if isinstance(data, str) else data
                    files.append(OutputFile(artifact, fmt, f"{stem}.{_EXTENSIONS[fmt]}", payload))
    except ValidationFailed as exc:
        return Rendered(job.index, problems=exc.problems)
    except UsageError as exc:
        return Rendered(job.index, usage_error=exc.message)
    except InvalidInputError as exc:
        return Rendered(job.index, error=exc.message)
    except Exception as exc:  # a bug in one builder must not stop the other roles
        return Rendered(job.index, error=f"internal error: {type(exc).__name__}: {exc}")
    return Rendered(job.index, tuple(files), documents=documents)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch and cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: Any) -> None:
    """End the worker processes at once: an interrupted export (Ctrl-C, SIGTERM, SIGHUP) must
    leave none behind. Workers only render in memory, so ending them loses nothing."""
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


def _results(jobs: Sequence[Job], settings: Settings, workers: int) -> Generator[Rendered, None, None]:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield render_job(job, settings)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_quiet_worker,
    )
    try:
        with _workers_start_deaf():
            futures = [pool.submit(render_job, job, settings) for job in jobs]
        for future in as_completed(futures):
            yield future.result()
    except BaseException:  # interrupted, or stopped early by the writer: no worker may live on
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Writer:
    """Writes files on a few threads: each write ends with an fsync, and a disk commits
    several at once far quicker than one after another. Ctrl-C reaches only the main
    thread, so a write in progress always finishes (or cleans up) on its own."""

    THREADS = 8

    def __init__(self, force: bool) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.force = force
        self.pool = ThreadPoolExecutor(max_workers=self.THREADS, thread_name_prefix="hirecli-write")
        self.pending: list[tuple[Future[None], int, Written]] = []
        self.done: dict[int, list[Written]] = {}

    def submit(self, job: Job, item: OutputFile) -> None:
        path = job.folder / item.name
        future = self.pool.submit(write_atomic, path, item.data, force=self.force)
        self.pending.append(
            (future, job.index, Written(job.role_id, item.artifact, item.format, path, len(item.data)))
        )

    def collect(self, *, wait: bool = False) -> None:
        """Record finished writes; the first failed write stops the export."""
        still: list[tuple[Future[None], int, Written]] = []
        for future, index, written in self.pending:
            if wait or future.done():
                future.result()
                self.done.setdefault(index, []).append(written)
            else:
                still.append((future, index, written))
        self.pending = still

    def close(self) -> None:
        """Finish the writes in progress, drop the ones not started."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def _remove_stale_packets(plan: Plan, settings: Settings, done: dict[int, list[Written]]) -> None:
    """With ``force``, packets of stages the loop no longer has would mislead interviewers:
    remove the packet files this export did not write (only files named like packets)."""
    for index, written in done.items():
        job = plan.jobs[index]
        fresh = {w.path for w in written}
        for artifact in packet_folders(settings):
            folder = job.folder / artifact
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if path not in fresh and path.is_file() and _PART_FILE.fullmatch(path.name):
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
    writer = _Writer(force)
    results = _results(plan.jobs, settings, jobs)
    try:
        for result in results:
            job = plan.jobs[result.index]
            if result.usage_error:
                raise UsageError(result.usage_error)
            if result.problems or result.error:
                failed[job.index] = Failure(job.source, job.role_id, result.problems, result.error)
            else:
                for item in result.files:
                    writer.submit(job, item)
                report.documents += result.documents
            writer.collect()
            if on_role is not None:
                on_role(job, result)
        writer.collect(wait=True)
        if force:
            _remove_stale_packets(plan, settings, writer.done)
    finally:
        results.close()
        writer.close()
    report.seconds = time.perf_counter() - started
    report.written = [w for index in sorted(writer.done) for w in writer.done[index]]
    report.failures += [failed[index] for index in sorted(failed)]
    return report
