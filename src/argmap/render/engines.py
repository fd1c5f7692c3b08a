"""Layout engines: DOT source -> SVG, PNG, ... bytes.

`builtin` is graphviz-pure (a Rust port of Graphviz 16.1.0 installed with argmap as a
wheel): the same bytes on every machine, no system package. `system` is the Graphviz `dot`
on PATH. A missing engine or format is an EngineError that says what to install.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack, suppress
from dataclasses import dataclass
from pathlib import Path
from select import select as _wait_for
from typing import IO, Protocol

from argmap.text import shorten

BUILTIN_FORMATS = frozenset({"svg", "png", "jpeg", "json", "plain", "xdot"})
ENGINES = ("auto", "builtin", "system")
TIMEOUT = 600  # seconds: a layout that takes longer is stuck
# Bytes an engine may write, its output and its messages, at most: the largest drawing argmap
# lays out (20,000 edges: `render.MAX_EDGES`) is some 40 MB of SVG, and its PNG is at most
# 16,320 pixels a side. More is no drawing (a `dot` on PATH that writes on and on), and was
# read whole into memory; the watch on the engine stops it once it has written more (it
# filled the temporary folder until the time was up).
MAX_OUTPUT = 256 * 2**20
_WATCH = 0.25  # seconds between looks at the engine's output and its time
_PAUSE = 0.0001  # seconds argmap pauses once it has handed the engine its DOT (`feed`)
# Seconds between looks at its output for an SVG (`Layout._glance`): a thousandth of the
# time it has run, within these, as the engine takes longer to exit the more it holds (1 ms
# at 100 nodes, 5 at 1,000). A look and its wake-up take some 25 microseconds of a
# processor: 5% of one while it waits, at most, and 1.2% past 2 s.
_GLANCE = (0.0005, 0.002)
# Bytes of its output looked at so (the largest drawing, 20,000 edges, is some 40 MB of SVG):
# past them, an engine that writes on and on, which `result` refuses without reading it.
_GLANCED_MOST = 64 * 2**20
_MAX_ERRORS = 4 * 2**20  # bytes of its errors read: 20,000 lost edges said are 0.8 MB


class EngineError(Exception):
    """A layout engine is missing, cannot produce a format, or failed."""

    # The edges that Graphviz's router could not draw (`lost u v edge`), by their ends.
    lost: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Engine:
    name: str  # builtin or system
    command: str

    def launch(self, fmt: str, *graph: str, svg: bool = False) -> Layout:
        """Start the engine's process; it waits for its DOT (`Layout.feed`). Starting it
        before the DOT exists hides its own start-up behind argmap's work: loading its
        plugins and fonts takes Graphviz's `dot` several milliseconds. `graph` holds graph
        attributes for a DOT that does not set them (`splines=line`). With `svg`, the
        engine also writes the SVG of the same layout (`Layout.svg`), ahead of `fmt`."""
        # Files, not pipes, for the engine's output: it writes them at its own pace with no
        # Python thread to drain them, so a busy caller cannot slow it down.
        with ExitStack() as opened:
            try:
                output, errors = (opened.enter_context(tempfile.TemporaryFile()) for _ in range(2))
            except OSError as error:
                raise EngineError(
                    f"cannot write temporary files for the layout engine: {error}; "
                    "set TMPDIR to a writable folder"
                ) from error
            try:
                process = subprocess.Popen(
                    [
                        self.command,
                        *(["-Tsvg"] if svg else []),
                        f"-T{fmt}",
                        *(f"-G{setting}" for setting in graph),
                    ],
                    stdin=subprocess.PIPE,
                    stdout=output,
                    stderr=errors,
                    # In UTC: a PDF's creation date is then written the one way, which
                    # `render._UNDATED` sets to the epoch (a time zone adds its offset).
                    env={**os.environ, "TZ": "UTC"},
                )
            except OSError as error:
                raise EngineError(
                    f"cannot run {self.command}: {error.strerror or error}"
                ) from error
            opened.pop_all()  # the output files stay open for the Layout
        return Layout(self, fmt, process, output, errors, svg)


# Bytes of DOT the pipe to the engine holds once the DOT fills the default 64 KB (Linux's
# most for a user, by default): the engine reads its DOT only once it has started, and a
# 100-node map's waited on it half way. (Widened then, not at the start: each pipe so wide
# takes of what the user's pipes may hold together, as a spare engine's would, unfed.)
_PIPE_BYTES = 2**20


def _widened(stdin: IO[bytes]) -> bool:
    """Whether the pipe `stdin` now holds _PIPE_BYTES, where the system lets it (Linux)."""
    if sys.platform != "linux":
        return False
    import fcntl

    try:
        return fcntl.fcntl(stdin.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES) >= _PIPE_BYTES
    except OSError:  # (a lower limit set for the machine or the user: the pipe as it is)
        return False


class Reader(Protocol):
    """What reads an SVG as the engine writes it (`Layout.result`): all it has written so
    far, each time it has written more, and whether that is the whole SVG."""

    def __call__(self, svg: bytes | bytearray, whole: bool, /) -> object: ...


class Layout:
    """The engine's process: `feed` gives it the DOT, `result` waits for its output."""

    def __init__(
        self,
        engine: Engine,
        fmt: str,
        process: subprocess.Popen[bytes],
        output: IO[bytes],
        errors: IO[bytes],
        with_svg: bool = False,
    ) -> None:
        self.launched, self.fmt, self.with_svg = engine, fmt, with_svg
        self.svg = b""  # the layout's SVG (its output, or with_svg's), once `result` has it
        self.engine, self.command = engine.name, engine.command
        self.process, self.output, self.errors = process, output, errors
        self.early = b""  # its SVG, read before it exited (`_glance`)
        self.fed = ""  # the DOT handed to it so far (`feed`)
        self.expired = False
        self.widened = False  # the pipe to it tried wider (`_widened`)
        self.done = threading.Event()
        self.watch: threading.Thread | None = None

    def _limit(self) -> None:
        """Start the watch on the engine, once argmap is about to wait for it: a thread,
        since a blocking wait returns the moment the engine exits while
        `wait(timeout=...)` polls, with sleeps of up to 50 ms. (Starting a thread takes
        a while; here it overlaps the engine's work.)"""
        if self.watch is None:
            self.watch = threading.Thread(target=self._watch, daemon=True)
            self.watch.start()

    def _watch(self) -> None:
        """Stop the engine once it has taken TIMEOUT, or written more than MAX_OUTPUT: a
        `dot` that writes on and on would fill the temporary folder until the time was up."""
        deadline = time.monotonic() + TIMEOUT
        while not self.done.wait(min(_WATCH, max(0.0, deadline - time.monotonic()))):
            try:  # (Too much output `result` says as such: it sees the size.)
                overflowed = self._written() > MAX_OUTPUT
            except (ValueError, OSError):
                if self.done.is_set():  # (the files closed by `result`, done with them)
                    return
                raise
            self.expired = not overflowed and time.monotonic() >= deadline
            if overflowed or self.expired:
                self.kill()
                return

    def feed(self, pieces: Iterable[str]) -> str:
        """Hand the engine its DOT, piece by piece as the pieces are built (Graphviz's `dot`
        parses each while the next is built), after what `feed_ahead` handed it, if any,
        and return what it was handed: all of it, unless the engine stopped reading (then
        `result` says why). The engine lays the graph out in its own process meanwhile."""
        stdin = self.process.stdin
        assert stdin is not None
        fed = [self.fed]
        if _POLLED:
            os.set_blocking(stdin.fileno(), False)
        else:  # (the watch from the start: no telling when a write waits for the engine)
            self._limit()
        # A broken pipe means the engine stopped before reading it all: `result` says why.
        with suppress(BrokenPipeError), stdin:  # closing it ends the DOT
            for piece in pieces:
                fed.append(piece)
                if not self._send(stdin, piece.encode("utf-8")):
                    break
        self.fed = "".join(fed)
        if sys.platform == "linux":
            # A moment's pause: the engine, woken by the DOT on argmap's processor (Linux
            # takes a writer to a pipe for one about to wait on its reader), then runs there
            # at once, and argmap goes on on another. Without it, the engine waited for
            # argmap's check to end, or for the kernel to move it: 3.3 ms of a 100-node
            # map's first layout.
            time.sleep(_PAUSE)
        return self.fed

    @property
    def fed_whole(self) -> bool:
        """Whether its DOT has ended (`feed`): the engine lays out what it was handed."""
        stdin = self.process.stdin
        return stdin is None or stdin.closed

    def takes(self, dot: str) -> bool:
        """Whether the engine, handed `fed` so far, lays out `dot`: handed all of it, or
        its start with the rest to come (`feed_ahead`)."""
        return self.fed == dot if self.fed_whole else dot.startswith(self.fed)

    def lost_edges(self) -> bool:
        """Whether the engine has said so far that it lost an edge (Graphviz's router, before
        it writes its drawing): its layout fails, to be laid out again. (Read where it is
        written, as `_glance` reads: Linux and macOS.)"""
        said = os.pread(self.errors.fileno(), _MAX_ERRORS, 0)
        return _LOST.search(said.decode("utf-8", "replace")) is not None

    def feed_ahead(self, start: str) -> None:
        """Hand the engine `start`, the start of its DOT known before the rest is built
        (`render.Drawing._spare`), if the pipe to it holds it whole: then it waits for no
        engine, which `feed` does not watch for until it hands the rest. (On Linux, where
        a pipe says how much it holds; nothing has been written to it yet.)"""
        stdin = self.process.stdin
        if sys.platform != "linux" or stdin is None or not start or self.fed:
            return
        import fcntl

        data = start.encode("utf-8")
        try:
            holds = fcntl.fcntl(stdin.fileno(), fcntl.F_GETPIPE_SZ)
        except OSError:
            return
        if len(data) > holds:
            self.widened = True  # (tried: `_send`)
            if not (_widened(stdin) and len(data) <= _PIPE_BYTES):
                return
        with suppress(BrokenPipeError):  # (the engine is gone: `result` says why)
            stdin.write(data)
            stdin.flush()
            self.fed = start

    def _send(self, stdin: IO[bytes], data: bytes) -> bool:
        """Write `data` to the engine as it reads it; False once the engine is gone: the
        watch stopped it (a process it started may hold the pipe open, unread: a `dot` that
        is a script), or it ended without reading."""
        if not _POLLED:
            stdin.write(data)
            stdin.flush()
            return True
        left = memoryview(data)
        while left:
            try:
                left = left[os.write(stdin.fileno(), left) :]
            except BlockingIOError:
                if not self.widened:  # (tried once)
                    self.widened = True
                    if _widened(stdin):
                        continue
                self._limit()  # (argmap waits for the engine from here)
                while not _wait_for([], [stdin], [], _WATCH)[1]:
                    if self.process.poll() is not None:
                        return False
        return True

    def result(self, meanwhile: Reader | None = None) -> bytes:
        """The engine's output; EngineError if it failed or took too long. An SVG is handed
        to `meanwhile` as the engine writes it (`_glance`), and once whole, returned as the
        same object."""
        self._limit()
        try:
            if meanwhile is not None:
                self._glance(meanwhile)
            self.process.wait()
        except BaseException:  # interrupted: leave no engine running
            self.cancel()
            raise
        finally:
            self._unlimit()
        if self.expired:
            self.cancel()
            raise EngineError(
                f"the {self.engine} layout engine took over {TIMEOUT} s, and was stopped; "
                f"{_TOO_BIG}"
            )
        with self.output, self.errors:
            if (size := self._written()) > MAX_OUTPUT:
                raise EngineError(
                    f"the {self.engine} layout engine wrote {size:,} bytes, more than the "
                    f"{MAX_OUTPUT:,} of any drawing: is {self.command} Graphviz?"
                )
            self.output.seek(0)
            self.errors.seek(0)
            # (What `_glance` read, if the engine wrote no more: an engine writes on.)
            unread = len(self.early) != os.fstat(self.output.fileno()).st_size
            stdout, self.early = self.output.read() if unread else self.early, b""
            stderr = self.errors.read(_MAX_ERRORS)
        if self.with_svg and self.process.returncode == 0:
            # The SVG, then the format asked for (on Windows, the SVG's lines end in CR LF).
            end = stdout.find(b"</svg>") + len(b"</svg>")
            if end < len(b"</svg>"):
                raise EngineError(f"the {self.engine} engine wrote no SVG with its {self.fmt}")
            end += next((len(e) for e in (b"\r\n", b"\n") if stdout.startswith(e, end)), 0)
            self.svg, stdout = stdout[:end], stdout[end:]
        if self.process.returncode != 0 or not stdout:
            message = _errors(stderr) or f"exit status {self.process.returncode}"
            if self.process.returncode == 0 and not _errors(stderr):
                message = "it wrote nothing, and said nothing of why"
            failure = EngineError(f"the {self.engine} layout engine failed: {message}")
            failure.lost = tuple(_LOST.findall(stderr.decode("utf-8", "replace")))
            raise failure
        if not _SIGNATURES.get(self.fmt, bool)(stdout):
            line = (stdout[:80].decode("utf-8", "replace").strip().splitlines() or [""])[0]
            start = "".join(c for c in line if c.isprintable())[:40]
            raise EngineError(
                f"the {self.engine} layout engine wrote something that is not "
                f"{self.fmt.upper()} (it starts `{start}`): is {self.command} Graphviz?"
            )
        if not _ends_with(stdout, _ENDS.get(self.fmt, b"")):
            raise EngineError(
                f"the {self.engine} layout engine's {self.fmt.upper()} is cut short: is "
                f"{self.command} a whole Graphviz, and is there room for its output in the "
                "temporary folder?"
            )
        if self.fmt == "svg":
            self.svg = stdout
        return stdout

    def _glance(self, meanwhile: Reader) -> None:
        """Hand `meanwhile` what the engine has written each time it has written more (looked
        at as _GLANCE says while it runs), and its SVG once whole: Graphviz's `dot` writes
        a drawing over some 30 ms at 1,000 nodes, and the builtin engine takes 5 to exit
        once it has written it (freeing its memory), time to read the drawing. (Read
        without moving the file's offset, which the engine writes at.)"""
        if self.fmt != "svg" or self.with_svg or not _spare_processor():
            return
        fd, written, begun = self.output.fileno(), bytearray(), time.monotonic()
        while True:
            running = self.process.poll() is None  # (if not, all it wrote is there: a last look)
            size = os.fstat(fd).st_size
            if size > _GLANCED_MOST:  # (no drawing, most likely: `result` reads it, if any)
                return
            if size > len(written):
                written += os.pread(fd, size - len(written), len(written))
                if _ends_with(bytes(written[-64:]), _ENDS["svg"]):
                    written.clear()  # (read again whole: not two copies at once)
                    self.early = os.pread(fd, size, 0)
                    meanwhile(self.early, True)
                    return
                meanwhile(written, False)
            if not running:
                return
            time.sleep(min(max((time.monotonic() - begun) / 1000, _GLANCE[0]), _GLANCE[1]))

    def _unlimit(self) -> None:
        """End the watch. Not waited for (0.1 ms, for the thread to wake): it ends at its
        next look, which finds the output files closed if `result` has closed them."""
        self.done.set()

    def kill(self) -> None:
        """Stop the engine, unless it is done. (In argmap's process group still: a signal
        to the group, from `timeout` or a terminal, stops it with argmap.)"""
        if self.process.poll() is None:
            self.process.kill()

    def _written(self) -> int:
        """Bytes the engine has written so far, its output and its messages."""
        return sum(os.fstat(file.fileno()).st_size for file in (self.output, self.errors))

    def cancel(self) -> None:
        """Stop the engine: its result is no longer wanted (a no-op once it is done)."""
        self.kill()  # (first: nothing before it may keep the engine running)
        self._unlimit()
        self.process.wait()
        for stream in (self.process.stdin, self.output, self.errors):
            if stream is not None:
                with suppress(BrokenPipeError):  # unsent DOT, which nobody wants now
                    stream.close()


# How each format's output starts (Graphviz's SVG after an XML header and comments that
# hold the map's title): what a `dot` on PATH that is not Graphviz, or a broken one, lacks.
_SIGNATURES: dict[str, Callable[[bytes], bool]] = {
    "svg": lambda data: b"<svg" in data,
    "png": lambda data: data.startswith(b"\x89PNG\r\n\x1a\n"),
    "pdf": lambda data: data.startswith(b"%PDF-"),
    "json": lambda data: data.lstrip().startswith(b"{"),
}
# How each ends: a `dot` that stopped half way through (its output passed as a drawing).
_ENDS = {"svg": b"</svg>", "png": b"IEND\xaeB`\x82", "pdf": b"%%EOF", "json": b"}"}


def _spare_processor() -> bool:
    """Whether a processor is free to read a drawing while its engine finishes, and the
    file can be read where it is being written (`Layout._glance`): not on a machine of
    one, nor in a worker of `render.batch`'s (one to itself and its engine, the others'
    engines on the rest), nor on Windows, which has no `os.pread`."""
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else ()
    one = (len(usable) or os.cpu_count() or 1) == 1  # (the processors it may run on)
    return not one and multiprocessing.parent_process() is None and hasattr(os, "pread")


def _ends_with(data: bytes, end: bytes) -> bool:
    """Whether `data`, without the white space after it, ends with `end`: seen in its last
    bytes (`bytes.rstrip` copied 2 MB of SVG to strip its last line end), all of it if
    those are white."""
    last = data[-64:].rstrip()
    if len(last) < len(end) < len(data):
        last = data.rstrip()
    return last.endswith(end)


# Whether a pipe can be written without waiting, and waited on with a time limit (not on
# Windows, whose `select` takes sockets only).
_POLLED = os.name == "posix"


# Graphviz's word for an edge its router failed to draw (its ends are map ids, which hold no
# spaces, or argmap's own `_legend_...` names).
_LOST = re.compile(r"lost (\S+) (\S+) edge")
_TOO_BIG = "draw part of the map with --focus ID --depth N, or split it into several maps"


_LINES, _LINE = 10, 300  # of an engine's error message, kept in argmap's


def _errors(stderr: bytes) -> str:
    """Graphviz's error lines, without its warnings about font metrics, or what running
    out of memory means (the builtin engine then prints a Rust backtrace)."""
    text = stderr.decode("utf-8", "replace")
    if "memory allocation of" in text or "out of memory" in text.lower():
        return f"it ran out of memory: the drawing is too large; {_TOO_BIG}"
    text = text.split("stack backtrace:")[0]  # a panic's frames say nothing to a user
    lines = [line.strip() for line in text.splitlines() if "Warning" not in line and line.strip()]
    # A few lines, each cut short: a broken engine wrote 5 MB, then all of it the message.
    shown = [shorten(line, _LINE) for line in lines[:_LINES]]
    more = f"; and {len(lines) - _LINES} more lines" if len(lines) > _LINES else ""
    return "; ".join(shown) + more


def _builtin() -> str | None:
    # Next to this Python first: a virtualenv's bin/ need not be on PATH.
    beside = Path(sys.executable).parent / "graphviz-pure"
    return str(beside) if beside.is_file() else shutil.which("graphviz-pure")


def select(choice: str, fmt: str) -> Engine:
    """The engine for `choice` (auto, builtin, system) that can write `fmt`. (PATH looked
    through for `dot` only once it is wanted: 0.1 ms of a 100-node map's render.)"""
    if choice in ("auto", "builtin") and fmt in BUILTIN_FORMATS:
        if builtin := _builtin():
            return Engine("builtin", builtin)
        if choice == "builtin":
            raise EngineError(
                "the builtin engine graphviz-pure is not installed; pip install graphviz-pure"
            )
    if choice == "builtin":
        raise EngineError(
            f"the builtin engine cannot write {fmt}; use --engine system (needs Graphviz)"
        )
    if system := shutil.which("dot"):
        return Engine("system", system)
    needs = "" if choice == "system" else f" to write {fmt}"
    raise EngineError(
        f"Graphviz's `dot` is not on PATH{needs}; install Graphviz "
        "(apt-get install graphviz, brew install graphviz, or https://graphviz.org/download/)"
    )
