"""Who extends whom in a catalogue: the role files to check again when a family file changes."""

from __future__ import annotations

import re
from pathlib import Path

from hirecli.model.inherit import ROLE_SUFFIXES, FileReader, catalogue_root, role_files, shown_like

_EXTENDS_LINE = re.compile(r"""^extends:[ \t]*["']?([^"'#\r\n]+?)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


def declared_extends(text: str) -> str | None:
    """The ``extends:`` a role file's text writes at its top level, if any."""
    found = _EXTENDS_LINE.search(text)
    return found.group(1).strip() if found else None


def parents_in(root: Path) -> dict[Path, Path]:
    """Each role file below ``root`` that extends another, with the file it extends."""
    reader = FileReader()
    found: dict[Path, Path] = {}
    for path in role_files(root):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        ref = declared_extends(text)
        if ref is None:
            continue
        key = str(path.resolve())
        targets = reader.find(ref, key, key)
        if len(targets) == 1:
            found[Path(key)] = Path(targets[0][0])
    return found


def dependents(files: list[Path]) -> list[str]:
    """Role files that extend one of ``files``, directly or not, in the files' catalogues,
    as paths relative to the current folder where they can be; ``files`` left out."""
    named = {f.resolve() for f in files if f.suffix in ROLE_SUFFIXES}
    parent_of: dict[Path, Path] = {}
    for root in sorted({catalogue_root(f.parent) for f in named}):
        parent_of.update(parents_in(root))
    closure = set(named)
    added: list[Path] = []
    grew = True
    while grew:
        grew = False
        for child, parent in sorted(parent_of.items()):
            if parent in closure and child not in closure:
                closure.add(child)
                added.append(child)
                grew = True
    return [shown_like("relative", path) for path in sorted(added)]
