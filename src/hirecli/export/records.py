"""The records an export passes around: roles to export, rendered files, failures, the plan.

A planned role is only its source, id and company, never its model: a batch of any
size then takes little memory, and the role is read again when its documents are built.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hirecli.errors import Problem
    from hirecli.model.company import Company
    from hirecli.model.role import Role


@dataclass(frozen=True, slots=True)
class Job:
    """One role to export into ``folder``."""

    index: int
    source: str
    role_id: str
    outdir: Path
    company: Company | None = None
    role: Role | None = None
    """Kept only for a role read from standard input, which cannot be read twice."""

    @property
    def folder(self) -> Path:
        return self.outdir / self.role_id


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
    """Every role checked and every output path checked, with nothing written yet."""

    outdir: Path
    jobs: tuple[Job, ...]
    failures: tuple[Failure, ...]
    names: tuple[str, ...] = ()
    """The files every role gets besides its per-stage packets."""

    @property
    def targets(self) -> tuple[Path, ...]:
        """Every output file but the packets, made when asked rather than kept."""
        return tuple(job.folder / name for job in self.jobs for name in self.names)
