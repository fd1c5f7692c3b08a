"""Layout engines: DOT source -> SVG, PNG, ... bytes.

`builtin` is graphviz-pure (a Rust port of Graphviz 16.1.0 installed with argmap as a
wheel): the same bytes on every machine, no system package. `system` is the Graphviz `dot`
on PATH. A missing engine or format is an EngineError that says what to install.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BUILTIN_FORMATS = frozenset({"svg", "png", "jpeg", "json", "plain", "xdot"})
ENGINES = ("auto", "builtin", "system")
TIMEOUT = 600  # seconds: a layout that takes longer is stuck


class EngineError(Exception):
    """A layout engine is missing, cannot produce a format, or failed."""


@dataclass(frozen=True, slots=True)
class Engine:
    name: str  # builtin or system
    command: str

    def run(self, dot: str, fmt: str) -> bytes:
        try:
            done = subprocess.run(
                [self.command, f"-T{fmt}"],
                input=dot.encode("utf-8"),
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise EngineError(
                f"{self.name} layout engine took over {TIMEOUT} s; gave up"
            ) from error
        except OSError as error:
            raise EngineError(f"cannot run {self.command}: {error.strerror or error}") from error
        if done.returncode != 0 or not done.stdout:
            message = _errors(done.stderr) or f"exit status {done.returncode}"
            raise EngineError(f"the {self.name} layout engine failed: {message}")
        return done.stdout


def _errors(stderr: bytes) -> str:
    """Graphviz's error lines, without its warnings about font metrics."""
    lines = stderr.decode("utf-8", "replace").splitlines()
    return "; ".join(line.strip() for line in lines if "Warning" not in line and line.strip())


def _builtin() -> str | None:
    # Next to this Python first: a virtualenv's bin/ need not be on PATH.
    beside = Path(sys.executable).parent / "graphviz-pure"
    return str(beside) if beside.is_file() else shutil.which("graphviz-pure")


def select(choice: str, fmt: str) -> Engine:
    """The engine for `choice` (auto, builtin, system) that can write `fmt`."""
    builtin, system = _builtin(), shutil.which("dot")
    if choice in ("auto", "builtin") and fmt in BUILTIN_FORMATS:
        if builtin:
            return Engine("builtin", builtin)
        if choice == "builtin":
            raise EngineError(
                "the builtin engine graphviz-pure is not installed; pip install graphviz-pure"
            )
    if choice == "builtin":
        raise EngineError(
            f"the builtin engine cannot write {fmt}; use --engine system (needs Graphviz)"
        )
    if system:
        return Engine("system", system)
    needs = "" if choice == "system" else f" to write {fmt}"
    raise EngineError(
        f"Graphviz's `dot` is not on PATH{needs}; install Graphviz "
        "(apt-get install graphviz, brew install graphviz, or https://graphviz.org/download/)"
    )
