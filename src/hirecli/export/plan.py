"""Planning an export: every role read and checked, every output path checked, nothing written.

Only what the checks need is kept from each role: its source, its id (with where the
file sets it, for a duplicate id) and its company profile. Each role's model and source
map are dropped once it is checked, and output paths are made, checked and let go one
role at a time, so that planning takes little memory for a batch of any size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from hirecli.errors import HirecliError, InputFileError, OutputError, Problem, ValidationFailed
from hirecli.export.records import Failure, Job, Plan
from hirecli.export.settings import (
    PART_FILE,
    Settings,
    check_settings,
    estimated_bytes,
    output_names,
    packet_folders,
)
from hirecli.fileio import check_targets

if TYPE_CHECKING:
    from hirecli.model.company import Company
    from hirecli.model.yamlsource import Position

_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")


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


def _valid_id(role_id: str) -> bool:
    """Only ids that are safe as a folder name on every system: ``[a-z0-9-]``, 100 at most."""
    return _SAFE_ID.fullmatch(role_id) is not None


class _Companies:
    """Company profiles by path, loaded once; a broken profile fails the roles that use it."""

    def __init__(self, given: Path | None) -> None:
        from hirecli.model.loader import load_company

        self.given = load_company(given) if given is not None else None
        self.use_given = given is not None
        self.cache: dict[Path, Company | HirecliError] = {}
        self.found: dict[Path, Path | None] = {}
        """The profile found for each folder (resolved) of roles: the search walks up the folders."""

    def for_role(self, source: str) -> Company | None:
        from hirecli.model.loader import find_company, load_company

        if self.use_given:
            return self.given
        folder = (Path.cwd() / "role.yaml" if source == "-" else Path(source)).resolve().parent
        if folder not in self.found:
            self.found[folder] = find_company(source)
        path = self.found[folder]
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


class _Ids:
    """The role ids seen so far, for the check that no two roles share one."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.shared: dict[str, list[int]] = {}
        self.where: dict[int, Position] = {}
        """Where the file sets ``id:``, for the roles that set it."""

    def add(self, job: Job, where: Position | None) -> None:
        if where is not None:
            self.where[job.index] = where
        first = self.first.setdefault(job.role_id, job.index)
        if first != job.index:
            self.shared.setdefault(job.role_id, [first]).append(job.index)

    def refuse_duplicates(self, jobs: Sequence[Job]) -> None:
        problems = []
        for same in sorted(self.shared.values(), key=lambda indexes: indexes[0]):
            for index in same:
                other = jobs[same[1] if index == same[0] else same[0]]
                problems.append(self._problem(jobs[index], other))
        if problems:
            raise ValidationFailed(problems)

    def _problem(self, job: Job, other: Job) -> Problem:
        message = f"role id {job.role_id!r} is also the id of {other.source}; each role needs its own id"
        where = self.where.get(job.index)
        if where is not None:
            return Problem(job.source, where.line, where.column, message, "duplicate-id")
        return Problem(
            job.source, 1, 1, message + " (the id comes from the file name; set 'id:')", "duplicate-id"
        )


def _load(
    paths: Sequence[str | Path], outdir: Path, companies: _Companies, stdin: BinaryIO | None
) -> tuple[list[Job], list[Failure], _Ids]:
    """Every role read and checked once, keeping only its source, id and company."""
    from hirecli.model.loader import STDIN, iter_role_files, load_role_file

    jobs: list[Job] = []
    failures: list[Failure] = []
    ids = _Ids()
    seen_files: set[str] = set()
    for source in iter_role_files(paths):
        key = str(source) if str(source) == STDIN else str(Path(source).resolve())
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
        kept = role if str(source) == STDIN else None
        job = Job(len(jobs), loaded.source, role.slug, outdir, role_company, kept)
        positions = loaded.positions
        ids.add(job, positions.locate(("id",)) if ("id",) in positions.values else None)
        jobs.append(job)
    return jobs, failures, ids


def _each_path(jobs: Iterable[Job], names: Sequence[str]) -> Iterator[Path]:
    return (job.folder / name for job in jobs for name in names)


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
    check_settings(settings)
    companies = _Companies(company)
    root = _outdir(outdir)
    jobs, failures, ids = _load(paths, outdir, companies, stdin)
    ids.refuse_duplicates(jobs)
    names = output_names(settings)
    for target in _each_path(jobs, names):
        _inside(target, root)
    packets = packet_folders(settings)
    for folder in _each_path(jobs, packets):
        _inside(folder, root)
    _refuse_packets(_each_path(jobs, packets), force=force)
    check_targets(_each_path(jobs, names), force=force, estimate=estimated_bytes(settings, len(jobs)))
    return Plan(outdir, tuple(jobs), tuple(failures), tuple(names))


def _refuse_packets(folders: Iterable[Path], *, force: bool) -> None:
    """Packet folders with files in them are replaced only with ``force``, like any file."""
    if force:
        return
    found: list[str] = []
    count = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if PART_FILE.fullmatch(path.name):
                count += 1
                if len(found) < 3:
                    found.append(str(folder / path.name))
    if count:
        shown = ", ".join(found) + (f" and {count - 3} more" if count > 3 else "")
        raise OutputError(f"would overwrite {shown}; use --force to replace")
