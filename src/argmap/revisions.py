"""Reading a map as it was at a git revision (`argmap diff HEAD~1 maps/x.yaml`)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class RevisionError(Exception):
    """The revision or the file in it cannot be read; the message says why."""


class FolderError(RevisionError):
    """The path names a folder at the revision, not a file."""


class UnknownRevision(RevisionError):
    """The repository has no such revision (`HEAD~1` of its first commit)."""


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


def _show(spec: str, path: str, folders: tuple[Path, ...]) -> bytes:
    """The file `spec` names, read by git in the first of `folders` that is in a git work
    tree. As an object's name only (`git cat-file`): `git show` took `HEAD[1]:./m.yaml`
    for a pattern of paths, and showed nothing, which read as an empty map."""
    revision = spec.partition(":")[0]
    if revision.startswith("-"):
        raise RevisionError(f"`{revision}` is not a file or a git revision")
    reason = "git cat-file failed"
    where = f" at `{revision}`" if revision else " in git's index"  # (`:path`: as staged)
    for folder in folders:
        done = _git(folder, "cat-file", "blob", spec)
        if done.returncode == 0:
            return done.stdout
        kind = _kind(folder, spec)  # (a folder's, or a commit's, is no file to read)
        if kind == "tree":
            name = f"{spec}/map.yaml" if not spec.endswith((":", "/")) else f"{spec}map.yaml"
            raise FolderError(
                f"{path or 'the top'} is a folder at `{revision}`, not a map file; name "
                f"a map in it, such as {name}"
            )
        if kind:
            raise RevisionError(f"`{spec}` is a git {kind}, not a file; name a map file")
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1].removeprefix("fatal: ") if message else reason
        if "not a git repository" not in reason:
            # (Asked apart: git's words for it are in the user's language.)
            known = _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            if known.returncode != 0:
                raise UnknownRevision(f"cannot read {path}{where}: {reason}")
            break
    raise RevisionError(f"cannot read {path}{where}: {reason}")


def _kind(folder: Path, spec: str) -> str:
    """What git's object `spec` is: blob (a file), tree (a folder)..."""
    return _git(folder, "cat-file", "-t", spec).stdout.decode("ascii", "replace").strip()


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """git's `args`, run in `folder`."""
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RevisionError(f"cannot run git: {error}") from error
