"""Layout engines: DOT source -> SVG, PNG, ... bytes.

`builtin` is graphviz-pure (a Rust port of Graphviz 16.1.0 installed with argmap as a
wheel): the same bytes on every machine, no system package. `system` is the Graphviz `dot`
on PATH. A missing engine or format is an EngineError that says what to install.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO

BUILTIN_FORMATS = frozenset({"svg", "png", "jpeg", "json", "plain", "xdot"})
ENGINES = ("auto", "builtin", "system")
TIMEOUT = 600  # seconds: a layout that takes longer is stuck


class EngineError(Exception):
    """A layout engine is missing, cannot produce a format, or failed."""


@dataclass(frozen=True, slots=True)
class Engine:
    name: str  # builtin or system
    command: str

    def start(self, dot: str, fmt: str) -> Layout:
        """Start laying out `dot` in the engine's own process; argmap carries on meanwhile."""
        # Files, not pipes, for the engine's input and output: it reads and writes them at
        # its own pace with no Python thread to feed it, so a busy caller cannot slow it.
        with ExitStack() as opened:
            try:
                source, output, errors = (
                    opened.enter_context(tempfile.TemporaryFile()) for _ in range(3)
                )
                source.write(dot.encode("utf-8"))
                source.seek(0)
            except OSError as error:
                raise EngineError(
                    f"cannot write temporary files for the layout engine: {error}; "
                    "set TMPDIR to a writable folder"
                ) from error
            try:
                process = subprocess.Popen(
                    [self.command, f"-T{fmt}"], stdin=source, stdout=output, stderr=errors
                )
            except OSError as error:
                raise EngineError(
                    f"cannot run {self.command}: {error.strerror or error}"
                ) from error
            opened.pop_all()  # the output files stay open for the Layout
        source.close()
        return Layout(self.name, process, output, errors)

    def run(self, dot: str, fmt: str) -> bytes:
        return self.start(dot, fmt).result()


@dataclass(frozen=True, slots=True)
class Layout:
    """A layout under way in the engine's process: `result()` waits for it."""

    engine: str
    process: subprocess.Popen[bytes]
    output: IO[bytes]
    errors: IO[bytes]

    def result(self) -> bytes:
        """The engine's output; EngineError if it failed or took too long."""
        # A blocking wait returns the moment the engine exits (`wait(timeout=...)` polls,
        # with sleeps of up to 50 ms); a timer enforces the time limit instead.
        expired = threading.Event()
        timer = threading.Timer(TIMEOUT, self._give_up, args=(expired,))
        timer.start()
        try:
            self.process.wait()
        except BaseException:  # interrupted: leave no engine running
            self.cancel()
            raise
        finally:
            timer.cancel()
        if expired.is_set():
            self.cancel()
            raise EngineError(f"{self.engine} layout engine took over {TIMEOUT} s; gave up")
        with self.output, self.errors:
            self.output.seek(0)
            self.errors.seek(0)
            stdout, stderr = self.output.read(), self.errors.read()
        if self.process.returncode != 0 or not stdout:
            message = _errors(stderr) or f"exit status {self.process.returncode}"
            raise EngineError(f"the {self.engine} layout engine failed: {message}")
        return stdout

    def _give_up(self, expired: threading.Event) -> None:
        expired.set()
        self.process.kill()

    def cancel(self) -> None:
        """Stop the engine: its result is no longer wanted."""
        self.process.kill()
        self.process.wait()
        self.output.close()
        self.errors.close()


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
