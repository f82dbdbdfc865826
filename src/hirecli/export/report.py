"""What an export did, kept small: a batch of any size writes its report in little memory.

Each role's written files are kept as the role's index and id, its file names (one tuple
shared by every role whose files are named alike) and an array of sizes; the records
of :class:`Written` are made only when asked for, and the JSON report is written piece
by piece.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hirecli.export.records import Failure, Written
from hirecli.export.settings import FORMAT_OF

_RoleFiles = tuple[int, str, tuple[str, ...], "array[int]"]


def _kind(name: str) -> tuple[str, str]:
    """The document and format of a file name: ``scorecard/2-panel.md`` is a Markdown scorecard."""
    stem, ext = name.rsplit(".", 1)
    return stem.split("/", 1)[0], FORMAT_OF[ext]


@dataclass
class Report:
    """What an export did; ``failures`` non-empty means exit code 1."""

    outdir: Path
    failures: list[Failure] = field(default_factory=list)
    roles: int = 0
    documents: int = 0
    seconds: float = 0.0
    _done: list[_RoleFiles] = field(default_factory=list, repr=False)
    _shapes: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _words: dict[str, str] = field(default_factory=dict, repr=False)

    def add(self, index: int, role_id: str, names: Sequence[str], sizes: Sequence[int]) -> None:
        """Record the files written for the role at ``index`` (names relative to its folder)."""
        key = tuple(names)
        shared = self._shapes.get(key)
        if shared is None:
            shared = self._shapes[key] = tuple(self._words.setdefault(n, n) for n in key)
        self._done.append((index, role_id, shared, array("Q", sizes)))

    @property
    def files(self) -> int:
        return sum(len(names) for _, _, names, _ in self._done)

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def iter_written(self) -> Iterator[Written]:
        """Every file written, role by role in the order of the plan."""
        for _, role_id, names, sizes in sorted(self._done, key=lambda done: done[0]):
            folder = self.outdir / role_id
            for name, size in zip(names, sizes, strict=True):
                artifact, fmt = _kind(name)
                yield Written(role_id, artifact, fmt, folder / name, size)

    @property
    def written(self) -> list[Written]:
        return list(self.iter_written())

    def written_names(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        """Each role's index with the names of the files written into its folder."""
        for index, _, names, _ in self._done:
            yield index, names

    def by_kind(self) -> dict[tuple[str, str], tuple[int, int]]:
        """Files and bytes for each document and format, in the order first written."""
        kinds: dict[tuple[str, str], tuple[int, int]] = {}
        seen: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for _, _, names, sizes in sorted(self._done, key=lambda done: done[0]):
            if names not in seen:
                seen[names] = [_kind(name) for name in names]
            for key, size in zip(seen[names], sizes, strict=True):
                count, total = kinds.get(key, (0, 0))
                kinds[key] = (count + 1, total + size)
        return kinds

    def to_dict(self) -> dict[str, object]:
        return {
            "outdir": str(self.outdir),
            "written": [w.to_dict() for w in self.iter_written()],
            "failed": [f.to_dict() for f in self.failures],
            "roles": self.roles,
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
        }

    def json_chunks(self) -> Iterator[str]:
        """``json.dumps(self.to_dict(), indent=2, ensure_ascii=False)`` piece by piece."""
        from hirecli.jsonindent import dumps

        def items(records: Iterator[dict[str, object]]) -> Iterator[str]:
            first = True
            for record in records:
                yield ("[\n    " if first else ",\n    ") + dumps(record).replace("\n", "\n    ")
                first = False
            yield "[]" if first else "\n  ]"

        yield '{\n  "outdir": ' + dumps(str(self.outdir)) + ',\n  "written": '
        yield from items(w.to_dict() for w in self.iter_written())
        yield ',\n  "failed": '
        yield from items(f.to_dict() for f in self.failures)
        yield (
            f',\n  "roles": {self.roles},\n  "documents": {self.documents},\n'
            f'  "seconds": {dumps(round(self.seconds, 3))}\n}}'
        )
