"""Reading a map as it was at a git revision (`argmap diff HEAD~1 maps/x.yaml`)."""

from __future__ import annotations

import os
import posixpath
import subprocess
from pathlib import Path

from argmap.files import MAX_INPUT


class RevisionError(Exception):
    """The revision or the file in it cannot be read; the message says why."""


class NotAFile(RevisionError):
    """The path is at the revision, as no map file: a folder, a file over the size of any
    input, a symbolic link out of the repository or in a loop."""


class UnknownRevision(RevisionError):
    """The repository has no such revision (`HEAD~1` of its first commit)."""


class NoCommits(UnknownRevision):
    """The repository has no commits yet: no revision names one."""


class NoRepository(RevisionError):
    """The file is in no git work tree: it has no revisions."""


def read_at(revision: str, path: str | Path) -> tuple[bytes, str]:
    """The bytes of `path` (a file in a git work tree) at `revision`, and git's `REV:path`
    for it, the path from the top of the work tree: the name that reads the same file
    when given back (`argmap diff HEAD x.yaml` in maps/ is of `HEAD:maps/x.yaml`; its
    `HEAD:x.yaml` was read from the top, and was not there)."""
    target = Path(path)
    data = _show(f"{revision}:./{target.name}", str(path), (target.parent,))
    found = _git(target.parent, "rev-parse", "--show-prefix")
    prefix = found.stdout.decode("utf-8", "replace").strip() if found.returncode == 0 else None
    return data, f"{revision}:{prefix}{target.name}" if prefix is not None else f"{revision}:{path}"


def read_object(spec: str, near: str | Path) -> bytes:
    """The bytes of git's `REV:path`, read as `git show` reads it here: `path` from the top
    of the work tree, `./path` from the current folder. Outside a work tree, from the one
    that holds `near` (the map it is compared with)."""
    return _show(spec, spec.partition(":")[2], (Path.cwd(), Path(near).parent))


_MOST_LINKS = 40  # symbolic links followed in a row, as Linux follows at most


def _show(spec: str, path: str, folders: tuple[Path, ...], links: int = 0) -> bytes:
    """The file `spec` names, read by git in the first of `folders` that is in a git work
    tree. As an object's name only (`git cat-file`): `git show` took `HEAD[1]:./m.yaml`
    for a pattern of paths, and showed nothing, which read as an empty map. A symbolic
    link at the revision is followed there: its blob is the path it links to."""
    revision, _, named = spec.partition(":")
    if revision.startswith("-"):
        raise RevisionError(f"`{revision}` is not a file or a git revision")
    reason = "git cat-file failed"
    where = " " + _at(revision)
    for folder in folders:
        size = _git(folder, "cat-file", "-s", spec).stdout.strip()
        if size.isdigit() and int(size) > MAX_INPUT:  # (as a file of that size is refused)
            raise NotAFile(f"cannot read {path}{where}: it is larger than {MAX_INPUT // 2**20} MiB")
        done = _git(folder, "cat-file", "blob", spec)
        if done.returncode == 0:
            if _is_link(folder, revision, named):
                return _linked(spec, path, folder, done.stdout, links)
            return done.stdout
        kind = _kind(folder, spec)  # (a folder's, or a commit's, is no file to read)
        if kind == "tree":
            name = f"{spec}/map.yaml" if not spec.endswith((":", "/")) else f"{spec}map.yaml"
            raise NotAFile(
                f"{path or 'the top'} is a folder at `{revision}`, not a map file; name "
                f"a map in it, such as {name}"
            )
        if kind:
            raise RevisionError(f"`{spec}` is a git {kind}, not a file; name a map file")
        # (git's last words, whole: a revision with a line break in it was cut at it)
        said = done.stderr.decode("utf-8", "replace").strip()
        reason = said.rpartition("fatal: ")[2].strip() if "fatal: " in said else said or reason
        if "not a git repository" not in reason:
            # (Asked apart: git's words for it are in the user's language. `:path` names
            # git's index, no commit: there, the path is what is missing.)
            known = _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            if revision and known.returncode != 0:
                if not _git(folder, "rev-list", "-n", "1", "--all").stdout.strip():
                    raise NoCommits(f"cannot read {path}{where}: the repository has no commits")
                raise UnknownRevision(f"cannot read {path}{where}: {reason}")
            break
        else:
            raise NoRepository(f"{path} is in no git repository: nothing is{where}")
    raise RevisionError(f"cannot read {path}{where}: {reason}")


def _at(revision: str) -> str:
    """Where a file is read from: `at `HEAD``, or, for `:path`, as staged."""
    return f"at `{revision}`" if revision else "in git's index"


def _is_link(folder: Path, revision: str, named: str) -> bool:
    """Whether `named` (from the top of the work tree, or `./` from `folder`) is a symbolic
    link at `revision`, or in git's index for none: its mode there is 120000."""
    path = named.removeprefix("./") or "."
    if revision:
        whole = [] if named.startswith("./") else ["--full-tree"]
        listed = _git(folder, "ls-tree", *whole, revision, "--", path)
    else:  # (`:path`, as staged; ls-files reads paths from `folder`, so `:/` from the top)
        listed = _git(
            folder, "ls-files", "--stage", "--", path if named[:2] == "./" else f":/{path}"
        )
    return listed.returncode == 0 and listed.stdout.startswith(b"120000 ")


def _linked(spec: str, path: str, folder: Path, target: bytes, links: int) -> bytes:
    """The file the symbolic link `spec` links to (`target`, from the link's own folder),
    at the same revision."""
    revision, _, named = spec.partition(":")
    linked = os.fsdecode(target)
    at = _at(revision)
    if links >= _MOST_LINKS:
        raise NotAFile(f"{path} {at} is a loop of symbolic links")
    if named.startswith("./"):  # (from `folder`: from the top, as the link is read)
        prefix = _git(folder, "rev-parse", "--show-prefix").stdout.decode("utf-8", "replace")
        named = prefix.strip() + named[2:]
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(named), linked))
    if linked.startswith("/") or resolved == ".." or resolved.startswith("../"):
        where = "an absolute path" if linked.startswith("/") else "outside the repository"
        raise NotAFile(f"{path} {at} is a symbolic link to {linked}, {where}")
    return _show(f"{revision}:{resolved}", path, (folder,), links + 1)


def _kind(folder: Path, spec: str) -> str:
    """What git's object `spec` is: blob (a file), tree (a folder)..."""
    return _git(folder, "cat-file", "-t", spec).stdout.decode("ascii", "replace").strip()


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """git's `args`, run in `folder`."""
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError as error:  # (it was "cannot run git", then of a map added since)
        raise NoRepository("git is not installed, so no revision can be read") from error
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RevisionError(f"cannot run git: {error}") from error
