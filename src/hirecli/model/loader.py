"""Reading role and company files into models, with every problem placed at line:col."""

from __future__ import annotations

import sys
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from pydantic import BaseModel

from hirecli.errors import InputFileError, ValidationFailed
from hirecli.frozen import Frozen, frozen, init
from hirecli.model.checking import check_model, parse_checked
from hirecli.model.company import Company
from hirecli.model.role import Role
from hirecli.model.yamlsource import MAX_BYTES, SourceMap, decode
from hirecli.slug import slugify

if TYPE_CHECKING:
    from hirecli.model.inherit import Ancestor, Reader

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

STDIN = "-"
ROLE_SUFFIXES = (".yaml", ".yml")
COMPANY_FILE = "company.yaml"
_NOT_ROLES = frozenset({COMPANY_FILE, "company.yml", ".hirecli-lint.yaml", ".hirecli-lint.yml"})


@frozen
class Loaded(Frozen, Generic[T]):
    """A validated model with where it came from, for messages that point into the file.

    ``ancestors`` are the files a role inherits from through ``extends:``, nearest first.
    """

    __slots__ = ("ancestors", "model", "positions", "source")
    model: T
    source: str
    positions: SourceMap
    ancestors: tuple[Ancestor, ...]

    def __init__(
        self, model: T, source: str, positions: SourceMap, ancestors: tuple[Ancestor, ...] = ()
    ) -> None:
        init(self, "model", model)
        init(self, "source", source)
        init(self, "positions", positions)
        init(self, "ancestors", ancestors)


def read_bytes(path: str | Path, stdin: typing.BinaryIO | None = None) -> tuple[bytes, str]:
    """The bytes of ``path`` (``-`` is standard input) and the name to show in messages."""
    if str(path) == STDIN:
        stream = stdin or sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        return data, "<stdin>"
    file = Path(path)
    try:
        if file.is_dir():
            raise InputFileError(f"{file}: is a folder, not a file")
        with file.open("rb") as handle:  # devices and pipes have no size: never read past the bound
            return handle.read(MAX_BYTES + 1), str(file)
    except FileNotFoundError:
        raise InputFileError(f"{file}: no such file") from None
    except PermissionError:
        raise InputFileError(f"{file}: permission denied") from None
    except OSError as exc:
        raise InputFileError(f"{file}: cannot read ({exc.strerror})") from None


def load_text(text_or_bytes: str | bytes, source: str, model: type[M]) -> Loaded[M]:
    """Validate YAML text as ``model``; raise :class:`ValidationFailed` with every problem."""
    text = decode(text_or_bytes, source) if isinstance(text_or_bytes, bytes) else text_or_bytes
    data, smap, problems = parse_checked(text, source, model)
    return Loaded(check_model(data, smap, problems, model), source, smap)


def load_role_text(
    text: str | bytes, source: str = "<string>", *, reader: Reader | None = None
) -> Loaded[Role]:
    """A role from YAML text; ``extends:`` is followed from ``source``'s folder (or through
    ``reader``, e.g. into a git commit).

    :mod:`hirecli.model.inherit` is imported only for a role that needs it (one that extends
    another, has no id, or has problems), which keeps it out of most start-ups."""
    text = decode(text, source) if isinstance(text, bytes) else text
    data, smap, problems = parse_checked(text, source, Role)
    ancestors: tuple[Ancestor, ...] = ()
    if "extends" in data:
        from hirecli.model import inherit

        data, smap, ancestors, more = inherit.resolve(data, smap, Role, reader or inherit.FileReader())
        problems = problems + more
    try:
        role = check_model(data, smap, problems, Role)
    except ValidationFailed as exc:
        from hirecli.model.inherit import without_inherited_gaps

        raise ValidationFailed(without_inherited_gaps(list(exc.problems))) from None
    if role.id is None:
        from hirecli.model.inherit import file_part

        stem = "" if source.startswith("<") else Path(file_part(source)).stem
        role = role.model_copy(update={"id": slugify(stem)})
    return Loaded(role, source, smap, ancestors)


def load_role_file(path: str | Path, stdin: typing.BinaryIO | None = None) -> Loaded[Role]:
    data, source = read_bytes(path, stdin)
    return load_role_text(data, source)


def load_role(path: str | Path) -> Role:
    """Load and validate one role file (``-`` reads standard input)."""
    return load_role_file(path).model


def load_company(path: str | Path) -> Company:
    data, source = read_bytes(path)
    company = load_text(data, source, Company).model
    company._folder = Path(path).parent
    return company


def find_company(start: str | Path) -> Path | None:
    """``company.yaml`` next to ``start`` or in the nearest parent folder that has one, no higher
    than the repository root or the folder given (:mod:`hirecli.companyfind`)."""
    from hirecli import companyfind

    return companyfind.find_company(start)


def company_for(role: str | Path, explicit: str | Path | None = None) -> Company | None:
    """The profile given with ``--company``, else the one found for ``role``, else none."""
    path = Path(explicit) if explicit is not None else find_company(role)
    return load_company(path) if path is not None else None


def is_abstract_file(path: Path) -> bool:
    """Whether a role file says ``abstract: true``: a family that only other roles extend."""
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_BYTES)
    except OSError:
        return False
    if b"abstract" not in head:
        return False
    from hirecli.model.inherit import is_abstract_text

    return is_abstract_text(head.decode("utf-8", errors="replace"))


def iter_role_files(
    paths: Iterable[str | Path],
    *,
    with_company: bool = False,
    with_abstract: bool = False,
) -> Iterator[Path | str]:
    """Role files named or found (recursively, sorted) in folders; ``-`` passes through.

    Company profiles and lint settings found in folders are skipped unless
    ``with_company`` asks for company profiles too; so are family files that say
    ``abstract: true`` unless ``with_abstract`` asks for them (a file named on its
    own is always given).
    """
    skip = _NOT_ROLES - {COMPANY_FILE, "company.yml"} if with_company else _NOT_ROLES
    paths = list(paths)
    from hirecli.companyfind import note_roots

    note_roots(paths)  # a company profile is looked for no higher than the folder given
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in ROLE_SUFFIXES
                and p.name not in skip
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from (p for p in found if with_abstract or not is_abstract_file(p))
        elif path.exists():
            yield path
        else:
            raise InputFileError(f"{path}: no such file or folder")


def is_company_file(path: str | Path) -> bool:
    return str(path) != STDIN and Path(path).name in (COMPANY_FILE, "company.yml")
