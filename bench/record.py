"""Everything one benchmark run measured, kept as JSON so that the report can be written again.

``python bench/run.py --render RAW`` rewrites BENCHMARKS.md from such a record, for
instance after bench/notes.md has changed, without measuring again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from measure import Result

BATCH_LIMIT = 1000
"""Sizes up to this get the full set of batch measurements; larger ones only show scaling."""


@dataclass
class Settings:
    sizes: list[int]
    repeat: int
    startup_runs: int
    big_repeat: int
    pandoc_docs: int
    warmup: int
    use_hyperfine: bool
    use_pandoc: bool
    quick: bool
    startup_only: bool = False
    """Only the start-up scenarios were measured (``--startup``)."""
    memory_only: bool = False
    """Only the memory of exports was measured (``--memory``)."""
    memory_jobs: list[int] = field(default_factory=lambda: [1, 2])
    """The ``--jobs`` values of a ``--memory`` run."""

    @property
    def batch_size(self) -> int:
        """The size the batch budgets are measured at: the largest up to BATCH_LIMIT."""
        small = [size for size in self.sizes if size <= BATCH_LIMIT]
        return max(small) if small else min(self.sizes)


@dataclass
class Record:
    """A run's settings, machine, measurements and the checks of how busy the machine was."""

    settings: Settings
    command: str = ""
    date: str = ""
    tool: str = ""
    machine: dict[str, str] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)
    speedups: list[float] = field(default_factory=list)
    results: dict[str, Result] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    imports: list[tuple[str, float, str]] = field(default_factory=list)

    def ok(self, key: str) -> Result | None:
        """The measurement named ``key`` when it ran and succeeded."""
        result = self.results.get(key)
        return result if result is not None and result.ok else None

    def merge_memory(self, other: Record) -> None:
        """Take the memory measurements (``--memory``) of another run into this one."""
        for key, result in other.results.items():
            if key.startswith("memory_"):
                self.results[key] = result
                self.counts[key] = other.counts.get(key, 0)
        runs = [self.checks["Memory runs"]] if "Memory runs" in self.checks else []
        self.checks["Memory runs"] = "; ".join([*runs, f"`{other.command}`, {other.date}"])

    def save(self, path: Path) -> None:
        data = asdict(self)
        data["results"] = {key: result.to_dict() for key, result in self.results.items()}
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Record:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        data["settings"] = Settings(**data["settings"])
        data["results"] = {key: Result.from_dict(value) for key, value in data["results"].items()}
        data["imports"] = [tuple(row) for row in data["imports"]]
        return cls(**data)
