"""Reading a map as it was at a git revision (`argmap diff HEAD~1 maps/x.yaml`)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class RevisionError(Exception):
    """The revision or the file in it cannot be read; the message says why."""


def read_at(revision: str, path: str | Path) -> bytes:
    """The bytes of `path` (a file in a git work tree) at `revision`."""
    target = Path(path)
    return _show(f"{revision}:./{target.name}", str(path), (target.parent,))


def read_object(spec: str, near: str | Path) -> bytes:
    """The bytes of git's `REV:path`, read as `git show` reads it here: `path` from the top
    of the work tree, `./path` from the current folder. Outside a work tree, from the one
    that holds `near` (the map it is compared with)."""
    return _show(spec, spec.partition(":")[2], (Path.cwd(), Path(near).parent))


def _show(spec: str, path: str, folders: tuple[Path, ...]) -> bytes:
    """`git show spec` in the first of `folders` that is in a git work tree."""
    revision = spec.partition(":")[0]
    if revision.startswith("-"):
        raise RevisionError(f"`{revision}` is not a file or a git revision")
    reason = "git show failed"
    for folder in folders:
        try:
            done = subprocess.run(
                ["git", "-C", str(folder), "show", spec],
                capture_output=True,
                check=False,
                timeout=60,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise RevisionError(f"cannot run git: {error}") from error
        if done.returncode == 0:
            return done.stdout
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1].removeprefix("fatal: ") if message else reason
        if "not a git repository" not in reason:
            break
    raise RevisionError(f"cannot read {path} at `{revision}`: {reason}")
