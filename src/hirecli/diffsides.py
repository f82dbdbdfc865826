"""The two sides of ``hirecli diff``: the roles a file, a folder or ``git:REF:path`` names,
by role id, each with the company profile it is published for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hirecli.errors import InputFileError, UsageError

if TYPE_CHECKING:
    from hirecli.model.company import Company
    from hirecli.model.gitsource import GitTree
    from hirecli.model.loader import Loaded
    from hirecli.model.role import Role


@dataclass(frozen=True)
class Version:
    """One role as one side has it."""

    shown: str
    loaded: Loaded[Role]
    company: Company | None


@dataclass
class Side:
    """What one command-line argument names: one role, or the roles of a folder by id."""

    name: str
    single: bool
    versions: dict[str, Version]


def _company_from(data: bytes, shown: str) -> Company:
    from hirecli.model.company import Company
    from hirecli.model.loader import load_text

    return load_text(data, shown, Company).model


def _git_side(spec: str, company: Company | None, use_company: bool, trees: dict[str, GitTree]) -> Side:
    from hirecli.model.gitsource import GitReader, GitTree, split_spec
    from hirecli.model.loader import load_role_text

    ref, path = split_spec(spec)
    tree = trees.get(ref) or trees.setdefault(ref, GitTree(ref))
    repo_path = tree.repo_path(path)
    if tree.is_file(repo_path):
        files, single = [repo_path], True
    elif tree.is_dir(repo_path):
        files, single = tree.role_files(repo_path), False
        tree.prefetch(files)
    else:
        raise InputFileError(f"{spec}: no such file or folder in {ref}")
    reader = GitReader(tree)
    companies: dict[str, Company | None] = {}
    versions: dict[str, Version] = {}
    for file in files:
        loaded = load_role_text(tree.read_path(file), tree.shown(file), reader=reader)
        if not single and loaded.model.abstract:
            continue
        found: Company | None = company
        if company is None and use_company:
            profile = tree.company(file)
            if profile is not None:
                if profile[1] not in companies:
                    companies[profile[1]] = _company_from(*profile)
                found = companies[profile[1]]
        _add(versions, Version(tree.shown(file), loaded, found))
    return Side(spec, single, versions)


def _file_side(spec: str, company: Company | None, use_company: bool) -> Side:
    from hirecli.model.loader import find_company, iter_role_files, load_company, load_role_file

    path = Path(spec)
    if not path.exists():
        raise InputFileError(f"{spec}: no such file or folder")
    single = not path.is_dir()
    companies: dict[Path, Company] = {}
    versions: dict[str, Version] = {}
    for file in iter_role_files([path]):
        loaded = load_role_file(file)
        found: Company | None = company
        if company is None and use_company:
            profile = find_company(file)
            if profile is not None:
                if profile not in companies:
                    companies[profile] = load_company(profile)
                found = companies[profile]
        _add(versions, Version(str(file), loaded, found))
    return Side(spec, single, versions)


def _add(versions: dict[str, Version], version: Version) -> None:
    role_id = version.loaded.model.slug
    if role_id in versions:
        raise UsageError(
            f"{version.shown} and {versions[role_id].shown} have the same role id "
            f"{role_id!r}; diff compares roles by id"
        )
    versions[role_id] = version


def read_side(
    spec: str,
    *,
    company: Company | None = None,
    use_company: bool = True,
    trees: dict[str, GitTree] | None = None,
) -> Side:
    """The roles ``spec`` names: a file, a folder, or ``git:REF:path``."""
    from hirecli.model.gitsource import is_git_spec

    if is_git_spec(spec):
        return _git_side(spec, company, use_company, {} if trees is None else trees)
    return _file_side(spec, company, use_company)
