"""Reading inputs (within a size limit; text as UTF-8), and writing outputs so that a
failed run never leaves half a file behind."""

from __future__ import annotations

import errno
import os
import queue
import re
import stat
import sys
import tempfile
import threading
from contextlib import suppress
from pathlib import Path
from typing import Literal

from argmap.text import position

# Bytes of a map read at most: far beyond any debate (100,000 nodes take 15 MB), and
# what a check holds in memory, some 75 times a map's size, stays within a machine's.
MAX_INPUT = 64 * 2**20


class TooLarge(OSError):
    """An input over MAX_INPUT bytes."""


class ADevice(OSError):
    """An input that is a device (`/dev/zero`, `/dev/sda`), read to its end or forever."""


class NotUtf8(ValueError):
    """Bytes that are not UTF-8, and where the first bad one is (1-based line and column)."""

    def __init__(self, data: bytes, start: int, mark: int = 0) -> None:
        prefix = data[mark:start].decode("utf-8")  # valid up to there (after a mark's bytes)
        self.line, self.column = position(prefix, len(prefix))
        super().__init__(f"not UTF-8 (byte 0x{data[start]:02x} at offset {start})")


def decode_utf8(data: bytes) -> str:
    """Text from UTF-8 bytes, a byte-order mark dropped; NotUtf8 if they are not UTF-8
    (at the bad byte's offset in `data`, the mark counted: as a hex editor shows it)."""
    mark = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[mark:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotUtf8(data, mark + error.start, mark) from error


def wide_encoding(data: bytes) -> str | None:
    """`UTF-16` or `UTF-32` when the bytes look like it: a byte-order mark of theirs, or,
    as text of Latin letters in them has, zero bytes between (one in two, three in four).
    (UTF-8 has no zero bytes but for the control character U+0000, which YAML refuses.)"""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:64]
    if len(head) < 4 or max(head[0::2].count(0), head[1::2].count(0)) <= len(head) // 4:
        return None
    return "UTF-32" if head.count(0) > len(head) * 5 // 8 else "UTF-16"


# What a file of another format starts with: each drawing argmap writes (and JPEG, which
# an engine can), caught by a glob beside its map (`argmap render maps/*`), the frameworks
# `argmap export` writes, and files a user may give by mistake (a Word document is a ZIP
# archive). Each with what it is to argmap: a drawing, a framework (to import) or a file.
Other = Literal["drawing", "framework", "file"]  # what a file of another format is
_FORMATS: tuple[tuple[bytes, str, Other], ...] = (
    (
        rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!DOCTYPE )?svg\b",
        "an SVG drawing",
        "drawing",
    ),
    (rb"\s*(?:<!--.*?-->\s*)*<(?i:!DOCTYPE html|(?:html|head|body)\b)", "an HTML page", "file"),
    (rb"\s*<\?xml", "an XML file", "file"),
    (rb"\x89PNG\r\n", "a PNG image", "drawing"),
    (rb"%PDF-", "a PDF document", "drawing"),
    (rb"\xff\xd8\xff", "a JPEG image", "drawing"),
    # (A title past the 4 KB read is cut short: its opening quote is enough.)
    (rb'\s*(?:strict\s+)?(?:di)?graph\s*(?:"|(?:\w+\s*)?\{)', "a Graphviz DOT file", "drawing"),
    (
        rb'\{\s*"name":\s*"(?:(?:[^"\\]|\\.)*\Z|.*?"directed":)',
        "a drawing in Graphviz's JSON",
        "drawing",
    ),
    # (After their comments: `#` lines before i23's `p af N`, `%` lines before apx's facts.)
    (
        rb"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*p[ \t]+af[ \t]+\d",
        "an argumentation framework in ICCMA's i23 format",
        "framework",
    ),
    (
        rb"(?:\s*%[^\n]*\n)*\s*arg\s*\(",
        "an argumentation framework in ICCMA's apx format",
        "framework",
    ),
    (rb"PK\x03\x04", "a ZIP archive (as a Word or OpenDocument file is)", "file"),
    (rb"\x7fELF|MZ\x90\x00|\xcf\xfa\xed\xfe|\xca\xfe\xba\xbe", "a program", "file"),
    (rb"\x1f\x8b", "a gzip archive", "file"),
)
_STARTS = [(re.compile(start, re.S), kind, what) for start, kind, what in _FORMATS]


def other_format(data: bytes) -> tuple[str, Other] | None:
    """What other format `data` (a file's start, 4 KB will do) is in, and what it is to
    argmap; None for none of them."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")  # (UTF-8's byte-order mark)
    return next(((kind, what) for start, kind, what in _STARTS if start.match(head)), None)


def read_input(path: str | Path, limit: int = MAX_INPUT) -> bytes:
    """A file's bytes (`-`: standard input), refusing more than `limit`."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        with Path(path).open("rb") as stream:
            mode = os.fstat(stream.fileno()).st_mode
            # (Not os.devnull, an empty side of a diff; a pipe is read: `<(git show ...)`.)
            if (stat.S_ISCHR(mode) or stat.S_ISBLK(mode)) and real_path(path) != os.devnull:
                raise ADevice(errno.ENODEV, "a device, not a file")
            data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(errno.EFBIG, f"it is larger than {limit // 2**20} MiB")
    return data


# Names of an open descriptor, whose link names the file that `>` or `>>` opened.
_DESCRIPTOR = re.compile(r"/dev/std(?:out|err)|/dev/fd/\d+|/proc/self/fd/\d+")


def real_path(path: str | os.PathLike[str]) -> str:
    """`os.path.realpath`, which in Python 3.11 recurses once for each link on the way: a
    chain of 1,000 links (which a pull request may commit) ran out of recursion. Past the
    40 links that the system follows, opening the path fails, and says so: it is taken as
    it is written."""
    try:
        return os.path.realpath(path)
    except RecursionError:
        return str(Path(path).absolute())


class RealPaths:
    """`real_path` of many paths in one tree, each folder looked at once: `real_path`
    looks at every folder on the way, and a map in each of 1,600 nested folders took
    100 s to check. A folder's real path is its parent's and its name, unless it is a
    link, as `real_path` has it then; a path through `..` (back through a link, or a
    folder not there) is `real_path`'s whole."""

    def __init__(self) -> None:
        self._known: dict[Path, Path] = {}  # (no link's, nor below one: see `_folder`)

    def __call__(self, path: str | os.PathLike[str]) -> str:
        whole = Path(path).absolute()
        if ".." in whole.parts or whole.parent == whole or _linked(whole):
            return real_path(whole)
        return str(self._folder(whole.parent) / whole.name)

    def _folder(self, folder: Path) -> Path:
        unknown = []  # (from `folder` up to the first folder known, or the root)
        while folder not in self._known and folder.parent != folder:
            unknown.append(folder)
            folder = folder.parent
        real, kept = self._known.get(folder) or Path(real_path(folder)), True
        for below in reversed(unknown):
            if _linked(below):  # (a link may lead elsewhere later: `watch` asks again)
                real, kept = Path(real_path(below)), False
            else:
                real = real / below.name
            if kept:
                self._known[below] = real
        return real


def _linked(path: Path) -> bool:
    """Whether `path`'s last step may lead elsewhere: a link, or one that cannot be
    looked at (`real_path` says what it is)."""
    try:
        return path.is_symlink()
    except OSError:
        return True


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths lead to one file, through any links or by a hard link; `-` is
    what standard input reads (so `-o /dev/stdin` is the input). A path not there yet (or
    a looping link) is compared by name."""
    try:
        first, second = (os.fstat(0) if str(p) == "-" else Path(p).stat() for p in (a, b))
    except OSError:
        return real_path(a) == real_path(b)
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def replaces_yaml(path: str | Path) -> str | None:
    """Why writing to `path` would replace a YAML file (a map, most likely, which no
    drawing or export may replace: `-o map.yaml --format svg`, a link named like the
    drawing) or write one that is no map (through a link that leads nowhere yet, or a
    new `.yaml` name), or None."""
    target = real_path(path)
    if not target.lower().endswith((".yaml", ".yml")):
        return None
    link = Path(path).is_symlink()
    if not Path(target).is_file():
        if link:
            return f"{path} leads to {target}, a YAML file's name, and this output is no map"
        return f"{path} names a YAML file, and this output is no map"
    if link:
        return f"{path} leads to the YAML file {target} (a map?), which it would replace"
    return f"{path} is a YAML file (a map?), which it would replace"


def unfound_hint(path: str | Path) -> str:
    """The hint for a path that leads to nothing: where a relative one is read from."""
    if Path(path).is_absolute():
        return "check the path"
    return "check the path: it is relative to the current folder"


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`. Creates the
    folders on the way, as every command that writes a file does. A symbolic link is
    written through (the link stays). A device, pipe or open descriptor (`/dev/null`,
    `/dev/stdout`, a shell's `>(...)`) is written into, as a shell would: renaming over
    /dev/null, as root, would replace the device with a file, and over /dev/stdout, the
    file that `>>` appends to."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    if _DESCRIPTOR.fullmatch(str(path)) or (
        target.exists() and not target.is_file() and not target.is_dir()
    ):
        with target.open("ab") as stream:  # `>>` appends; and there is no end to a pipe
            stream.write(payload)
        return
    if target.is_symlink():
        try:
            target.stat()
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise OSError(errno.ELOOP, "it is a symbolic link that loops") from error
        target = Path(real_path(target))
    try:
        _make_folders(target.parent)
    except (FileExistsError, NotADirectoryError) as error:
        # The first parent that is there (or a link that leads nowhere) is no folder.
        blocking = next(p for p in target.parents if p.exists() or p.is_symlink())
        if blocking.is_file():
            what = "a file"
        elif blocking.exists():
            what = "a device or a pipe"
        else:
            what = "a link that leads nowhere"
        raise NotADirectoryError(errno.ENOTDIR, f"{blocking} is {what}, not a folder") from error
    # (The name's start only: a name near the system's 255 bytes made one too long.)
    fd, temporary = tempfile.mkstemp(
        prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(payload)
        temp = Path(temporary)
        temp.chmod(_mode(target))  # mkstemp makes it private; match a normal file
        replaced = _held(target)
        try:
            temp.replace(target)
        except OSError:
            if replaced is None:
                raise
            # (A file system that renames over no file held open, as SMB's may: as before.)
            os.close(replaced)
            replaced = None
            temp.replace(target)
        finally:
            if replaced is not None:
                _release(replaced)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _held(target: Path) -> int | None:
    """The file that `target`'s rename replaces, open, if it is _HELD_FROM bytes or more
    (None if not, or if it cannot be opened, or on Windows, which renames over no open
    file). Renamed over, a file's blocks are freed by the rename itself: on ext4 mounted
    with `discard`, 2 ms of a 2 MB drawing's write (0.5 ms of 200 KB). Held open, they are
    freed once it is closed, by `_release`'s thread, while argmap goes on. (A network file
    system shows a file held so under a name of its own, `.nfs...`, until then.)"""
    if os.name != "posix":
        return None
    try:  # (not waiting on a pipe put there meanwhile: `write_atomic` writes into those)
        descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with suppress(OSError):
        if os.fstat(descriptor).st_size >= _HELD_FROM:
            return descriptor
    os.close(descriptor)
    return None


_HELD_FROM = 64 * 1024  # bytes: a smaller file's blocks are freed in a moment
_LINGER = 1.0  # seconds the closer thread waits for another file before it ends
# Files replaced, still open, for the thread that closes them (`_release`); None while no
# such thread runs, and in a forked child (which closes its copies: `_released_in_child`).
_releasing: queue.SimpleQueue[int] | None = None
_starting = threading.Lock()  # (a closer started, or ended, at a time)


def _release(descriptor: int) -> None:
    """Close `descriptor` on a thread of its own, which frees the file's blocks if it was
    the last of it (`_held`); here if no thread can be started."""
    global _releasing
    try:
        with _starting:
            if _releasing is None:
                closing: queue.SimpleQueue[int] = queue.SimpleQueue()
                threading.Thread(target=_close_each, args=(closing,), daemon=True).start()
                _releasing = closing
            _releasing.put(descriptor)
    except RuntimeError:  # (too many threads, or the interpreter ending)
        os.close(descriptor)


def _close_each(descriptors: queue.SimpleQueue[int]) -> None:
    """Close each file `_release` hands over; end once none has come for _LINGER seconds
    (the next starts another), so that argmap idle, as `watch` is, holds no thread that a
    forked child would lack."""
    global _releasing
    while True:
        try:
            descriptor = descriptors.get(timeout=_LINGER)
        except queue.Empty:
            with _starting:
                if descriptors.empty():
                    if _releasing is descriptors:
                        _releasing = None
                    return
            continue
        with suppress(OSError):  # (a file read-only has nothing left to write: not said)
            os.close(descriptor)


def _released_in_child() -> None:
    """In a forked child, close what its parent had yet to release: the child has no
    thread to do it, and its copies would hold the files. (Its lock anew: another thread
    of the parent's may have held it. A file the parent's thread was closing as it forked
    stays the child's until it ends.)"""
    global _releasing, _starting
    while _releasing is not None and not _releasing.empty():
        with suppress(OSError):
            os.close(_releasing.get())
    _releasing, _starting = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_released_in_child)


def _make_folders(folder: Path) -> None:
    """`folder` and the folders on the way to it, made one after another: `mkdir` with its
    parents recurses once for each, and 1,000 (a path of 2,000 characters) ran out of
    recursion."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    if not folder.is_dir():  # (a file on the way)
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    for each in reversed(missing):
        each.mkdir(exist_ok=True)


# What to do when an output cannot be written, by the reason the system gives.
_WRITE_HINTS = {
    errno.EACCES: "you may not write there: write elsewhere, or change the folder's permissions",
    errno.EPERM: "you may not write there: write elsewhere, or change the folder's permissions",
    errno.EROFS: "its file system is read-only: write elsewhere",
    errno.ENOSPC: "free some space on that disk, or write elsewhere",
    errno.EDQUOT: "free some space on that disk, or write elsewhere",
    errno.ENOTDIR: "move that out of the way, or write elsewhere",
    errno.ENAMETOOLONG: "give it a shorter name",
    errno.ELOOP: "remove the link, or write elsewhere",
    errno.ENOENT: "its folder cannot hold new files: write elsewhere",
}


def write_problem(path: str | Path, error: OSError) -> str:
    """Why `path` could not be written (`write_atomic`'s `error`), and what to do: `cannot
    write build/x.svg: Permission denied; you may not write there: ...`."""
    hint = _WRITE_HINTS.get(error.errno or 0, "check the path and its permissions")
    return f"cannot write {path}: {error.strerror or error}; {hint}"


def _mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def from_here(path: str) -> str:
    """`path` from the current folder if it is below it, else as it is (not `../out/`)."""
    try:  # (on Windows, a path on another drive stays absolute)
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith(os.pardir) else relative
