"""Role files as they were in a git commit: ``git:REF:path`` on the command line.

Files are read with git itself (``git show REF:path``, or one ``git cat-file --batch``
for many), so that whatever git accepts as a revision works: a branch, a tag,
``HEAD~1``, ``origin/main``, a commit id. A role read this way follows its
``extends:`` inside the same commit, and finds the company profile of that commit.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from hirecli.errors import InputFileError, UsageError
from hirecli.model import inherit
from hirecli.model.yamlsource import MAX_BYTES

PREFIX = inherit.GIT_PREFIX
_COMPANY_FILES = ("company.yaml", "company.yml")
_NOT_ROLES = frozenset({*_COMPANY_FILES, ".hirecli-lint.yaml", ".hirecli-lint.yml"})


def is_git_spec(text: str) -> bool:
    """Whether a command-line path is ``git:REF:path``."""
    return text.startswith(PREFIX) and text.count(":") >= 2


def split_spec(text: str) -> tuple[str, str]:
    """``git:REF:path`` as (REF, path); an empty REF or path is a usage error."""
    _, ref, path = text.split(":", 2)
    if not ref or not path:
        raise UsageError(f"{text}: write git:REF:path, e.g. git:HEAD:roles/nurse.yaml or git:main:roles/")
    return ref, path


def _git(args: list[str], cwd: Path, *, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, timeout=120, check=False
        )
    except FileNotFoundError:
        raise UsageError("git is not installed, so git:REF:path cannot be read") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {' '.join(args[:2])} took longer than two minutes") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise UsageError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


@dataclass
class GitTree:
    """The files of one commit, read with git in the repository around ``cwd``."""

    ref: str
    cwd: Path = field(default_factory=Path.cwd)
    commit: str = ""
    prefix: str = ""
    """Where ``cwd`` is inside the repository (``roles/`` or empty), as git prints it."""
    blobs: dict[str, str] = field(default_factory=dict)
    _data: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        inside = _git(["rev-parse", "--is-inside-work-tree"], self.cwd).decode().strip()
        if inside != "true":
            raise UsageError(f"{self.cwd}: not inside a git work tree, so git:{self.ref}:... cannot be read")
        try:
            self.commit = (
                _git(["rev-parse", "--verify", "--quiet", f"{self.ref}^{{commit}}"], self.cwd)
                .decode()
                .strip()
            )
        except UsageError:
            raise UsageError(f"git:{self.ref}: no such commit, branch or tag") from None
        self.prefix = _git(["rev-parse", "--show-prefix"], self.cwd).decode().strip()
        listing = _git(["ls-tree", "-r", "-z", "--full-tree", self.commit], self.cwd)
        for entry in listing.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            parts = meta.split()
            if len(parts) == 3 and parts[1] == b"blob":
                self.blobs[name.decode("utf-8", errors="surrogateescape")] = parts[2].decode()

    # ---- names ------------------------------------------------------------------

    def repo_path(self, path: str) -> str:
        """A path given relative to the current folder, as a path inside the repository."""
        joined = posixpath.normpath(posixpath.join(self.prefix, path.replace(os.sep, "/")))
        if joined.startswith("../") or joined == "..":
            raise UsageError(f"git:{self.ref}:{path}: lies outside the repository")
        return "" if joined == "." else joined

    def shown(self, repo_path: str) -> str:
        """``git:REF:path`` with the path relative to the current folder."""
        here = self.prefix.rstrip("/")
        relative = posixpath.relpath(repo_path, here) if here else repo_path
        return f"{PREFIX}{self.ref}:{relative}"

    def key_of(self, repo_path: str) -> str:
        return f"{PREFIX}{self.commit}:{repo_path}"

    # ---- contents ---------------------------------------------------------------

    def is_file(self, repo_path: str) -> bool:
        return repo_path in self.blobs

    def is_dir(self, repo_path: str) -> bool:
        start = f"{repo_path.rstrip('/')}/" if repo_path else ""
        return any(name.startswith(start) for name in self.blobs)

    def read_path(self, repo_path: str) -> bytes:
        if repo_path not in self.blobs:
            raise InputFileError(f"{self.shown(repo_path)}: no such file in {self.ref}")
        if repo_path not in self._data:
            data = _git(["show", f"{self.commit}:{repo_path}"], self.cwd)
            self._data[repo_path] = data[: MAX_BYTES + 1]
        return self._data[repo_path]

    def prefetch(self, repo_paths: list[str]) -> None:
        """Read many files with one ``git cat-file --batch``."""
        wanted = [p for p in repo_paths if p in self.blobs and p not in self._data]
        if len(wanted) < 2:
            return
        out = _git(
            ["cat-file", "--batch"], self.cwd, stdin="".join(f"{self.blobs[p]}\n" for p in wanted).encode()
        )
        at = 0
        for path in wanted:
            header_end = out.index(b"\n", at)
            size = int(out[at:header_end].split()[2])
            body = out[header_end + 1 : header_end + 1 + size]
            self._data[path] = body[: MAX_BYTES + 1]
            at = header_end + 1 + size + 1

    def role_files(self, repo_dir: str) -> list[str]:
        """Role files below a folder of the commit, sorted; hidden folders left out."""
        start = f"{repo_dir.rstrip('/')}/" if repo_dir else ""
        found = []
        for name in self.blobs:
            if not name.startswith(start):
                continue
            rest = name[len(start) :]
            base = posixpath.basename(name)
            if (
                posixpath.splitext(base)[1] in inherit.ROLE_SUFFIXES
                and base not in _NOT_ROLES
                and not any(part.startswith(".") for part in rest.split("/"))
            ):
                found.append(name)
        return sorted(found)

    def company(self, repo_path: str) -> tuple[bytes, str] | None:
        """The company profile next to a role or in a parent folder, as in this commit."""
        folder = posixpath.dirname(repo_path)
        while True:
            for name in _COMPANY_FILES:
                candidate = posixpath.join(folder, name) if folder else name
                if candidate in self.blobs:
                    return self.read_path(candidate), self.shown(candidate)
            if not folder:
                return None
            folder = posixpath.dirname(folder)

    def catalogue_root(self, folder: str) -> str:
        while folder:
            if any(posixpath.join(folder, m) in self.blobs for m in _COMPANY_FILES):
                return folder
            folder = posixpath.dirname(folder)
        return ""


class GitReader:
    """Follows ``extends:`` inside one commit (see :class:`hirecli.model.inherit.Reader`)."""

    def __init__(self, tree: GitTree) -> None:
        self.tree = tree

    def _repo_path(self, source: str) -> str | None:
        if not source.startswith(f"{PREFIX}{self.tree.ref}:"):
            return None
        return self.tree.repo_path(inherit.file_part(source))

    def key(self, source: str) -> str | None:
        path = self._repo_path(source)
        return self.tree.key_of(path) if path is not None else None

    def find(self, ref: str, child: str | None, child_source: str) -> list[tuple[str, str]]:
        folder = posixpath.dirname(child.split(":", 2)[2]) if child else self.tree.prefix.rstrip("/")
        if inherit.is_path(ref):
            target = posixpath.normpath(posixpath.join(folder, ref.replace("\\", "/")))
            return [(self.tree.key_of(target), self.tree.shown(target))] if self.tree.is_file(target) else []
        for suffix in inherit.ROLE_SUFFIXES:
            sibling = posixpath.join(folder, f"{ref}{suffix}") if folder else f"{ref}{suffix}"
            if self.tree.is_file(sibling) and self._id(sibling) == ref:
                return [(self.tree.key_of(sibling), self.tree.shown(sibling))]
        candidates = self.tree.role_files(self.tree.catalogue_root(folder))
        self.tree.prefetch(candidates)
        return [(self.tree.key_of(p), self.tree.shown(p)) for p in candidates if self._id(p) == ref]

    def _id(self, repo_path: str) -> str:
        from hirecli.slug import slugify

        text = self.tree.read_path(repo_path).decode("utf-8", errors="replace")
        return inherit.declared_id(text) or slugify(Path(repo_path).stem)

    def read(self, key: str, shown: str) -> bytes:
        return self.tree.read_path(key.split(":", 2)[2])

    def fingerprint(self, key: str) -> str:
        return key
