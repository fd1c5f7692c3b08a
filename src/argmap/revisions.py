"""Reading a map as it was at a git revision (`argmap diff HEAD~1 maps/x.yaml`)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class RevisionError(Exception):
    """The revision or the file in it cannot be read; the message says why."""


def read_at(revision: str, path: str | Path) -> bytes:
    """The bytes of `path` (a file in a git work tree) at `revision`."""
    target = Path(path)
    if revision.startswith("-"):
        raise RevisionError(f"`{revision}` is not a file or a git revision")
    try:
        done = subprocess.run(
            ["git", "-C", str(target.parent), "show", f"{revision}:./{target.name}"],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RevisionError(f"cannot run git: {error}") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1].removeprefix("fatal: ") if message else "git show failed"
        raise RevisionError(f"cannot read {path} at `{revision}`: {reason}")
    return done.stdout
