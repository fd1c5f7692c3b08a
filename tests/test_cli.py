"""The CLI in-process (typer's CliRunner), plus a few runs of the installed command."""

from __future__ import annotations

import html
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import __version__
from argmap.cli import app
from argmap.loader import loads
from argmap.model import Map
from conftest import DATA, ROOT, SEED

runner = CliRunner()
STARTER_CHECK = "1 file checked: no problems\n"


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def outline_of(m: Map | None) -> str:
    """`argmap show`'s outline of `m`, without colour (80 columns: no terminal)."""
    import io

    from argmap.show import print_outline

    assert m is not None
    out = io.StringIO()
    print_outline(m, out, color=False)
    return out.getvalue()


def test_new_refuses_a_hidden_name_that_folders_pass_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`new .debate.yaml` wrote a map that `check .` did not find ("no *.yaml files"), and
    `new .yaml` was told to name it `.yaml.yaml`; a folder of hidden maps alone now says
    why none is found."""
    monkeypatch.chdir(tmp_path)
    for written, meant in ((".debate.yaml", "debate.yaml"), (".yaml", "map.yaml")):
        result = invoke("new", written)
        assert result.exit_code == 2 and "is a hidden file" in result.output, result.output
        assert result.output.rstrip().endswith(f"name it {meant}")
    assert not list(tmp_path.iterdir())
    assert invoke("new", "maps/debate.yaml").exit_code == 0
    (tmp_path / "maps" / "debate.yaml").rename(tmp_path / "maps" / ".debate.yaml")
    (tmp_path / "maps" / ".gitlab-ci.yml").write_text("stages: [test]\n")  # (no map: not named)
    for command in ("check", "render"):
        result = invoke(command, "maps")
        assert result.exit_code == 2 and "maps/.debate.yaml is hidden" in result.output
        assert "gitlab" not in result.output and "more" not in result.output


def test_a_folder_without_maps_among_other_paths_is_said_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alone it was an error, exit 2; beside a folder of maps it was passed over without
    a word, and CI passed on the others (a folder mistyped, or emptied)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps" / "inner").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "maps" / "inner")
    (tmp_path / "empty").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "maps")  # (its maps are the first path's)
    said = "no *.yaml or *.yml files found"
    result = invoke("check", "maps", "empty/", "maps/inner", "linked", "empty")
    assert result.exit_code == 2 and result.output.count(said) == 1, result.output
    assert f"empty/:1:1: error[io-error] {said}" in result.output
    result = invoke("render", "maps", "empty/", "-o", "build/")
    assert result.exit_code == 2 and f"{said} in empty/" in result.output
    assert "1 of 2 maps rendered" in result.output  # (the folder counted, as a path not there)
    assert (tmp_path / "build" / "inner" / "circular-firing-squad.svg").exists()
    assert invoke("check", "maps", "maps/inner").exit_code == 0


def test_a_long_chain_of_links_and_a_deep_new_folder_are_no_internal_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python 3.11 follows links, and makes missing folders, by recursion: a chain of
    1,000 links (which a pull request may commit) and an output 1,000 new folders deep
    ran out of it, exit 3."""
    monkeypatch.chdir(tmp_path)
    assert invoke("new", "m.yaml").exit_code == 0
    for i in range(1, 1001):
        (tmp_path / f"l{i}.yaml").symlink_to(f"l{i - 1}.yaml" if i > 1 else "m.yaml")
    result = invoke("check", ".")
    assert result.exit_code == 2 and "l1000.yaml:1:1: error[io-error]" in result.output
    assert "a link that loops, or leads on through too many others" in result.output
    deep = tmp_path / ("d/" * 1000 + "x.yaml")
    assert invoke("new", str(deep)).exit_code == 0 and deep.is_file()
    deep.unlink()  # (pytest's own clean-up removes folders by recursion too)
    for folder in list(deep.parents)[:1000]:
        folder.rmdir()


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output == f"argmap {__version__}\n"


def test_new_refuses_a_folder_or_nothing_and_writes_into_a_folder_written_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`new .` and `new ""` were internal errors; `new maps/` wrote a file `maps`."""
    monkeypatch.chdir(tmp_path)
    for path, said in [(".", ". is a folder; name the file"), ("", "the path is empty")]:
        result = invoke("new", path)
        assert result.exit_code == 2 and said in result.output, result.output
    assert invoke("new", "maps/").exit_code == 0 and (tmp_path / "maps" / "map.yaml").is_file()


def test_an_empty_path_is_refused_not_read_as_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`argmap check "$UNSET"` checked the current folder, and could pass; render crashed."""
    monkeypatch.chdir(ROOT)
    result = invoke("check", "")
    assert result.exit_code == 2 and "the path is empty" in result.output
    assert '"":1:1: error[io-error]' in result.output
    for args in (
        ["render", ""],
        ["render", "--maps-dir", "", "maps"],
        ["check", "--maps-dir", "", "maps"],
        ["check", "--config", "", "maps"],
        ["render", "--config", "", "maps"],
        ["diff", "", "maps/circular-firing-squad.yaml"],
        ["import", "", "--from", "apx"],
        ["watch", "", "-o", str(tmp_path / "out")],
    ):
        result = invoke(*args)
        assert result.exit_code == 2 and "is empty: is a variable in the command unset?" in (
            result.output
        ), args


def test_folders_nested_deeper_than_python_recurses_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python 3.11's os.walk recursed, and folders 1,200 deep crashed check."""
    monkeypatch.chdir(tmp_path)  # (relative: the path, absolute, would pass PATH_MAX)
    deep = Path(*["d"] * 1200)
    try:
        for depth in range(1, 1201):  # (Path.mkdir(parents=True) recurses too)
            Path("/".join(["d"] * depth)).mkdir()
        shutil.copy(SEED, deep / "seed.yaml")
        (deep.parent / ".hidden.yaml").write_text("not: a map")  # hidden: left out
        result = invoke("check", "d")
        assert result.exit_code == 0 and "1 file checked: no problems" in result.output
    finally:  # (pytest's own clean-up, shutil.rmtree, recurses: it failed on later runs)
        subprocess.run(["rm", "-rf", "d"], check=True)


def test_a_folder_passes_over_installed_packages_unless_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`argmap check .` in a project with a virtual environment read its packages' YAML
    files as maps (`venv/lib/.../port.yaml`), and failed on them."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.yaml")
    for packages in ("env/lib/python3.11/site-packages/x", "node_modules/y", "conda/z"):
        Path(packages).mkdir(parents=True)
        Path(packages, "config.yaml").write_text("not: a map\n")
    Path("env/pyvenv.cfg").write_text("home = /usr/bin\n")
    Path("conda/conda-meta").mkdir()
    result = invoke("check", ".")
    assert (result.exit_code, result.output) == (0, "1 file checked: no problems\n")
    assert invoke("check", "node_modules").exit_code == 1  # given, it is read
    # A folder whose only maps are in one such: said, not "no *.yaml files found" alone.
    Path("only/env").mkdir(parents=True)
    Path("only/env/pyvenv.cfg").write_text("home = /usr/bin\n")
    shutil.copy(SEED, "only/env/seed.yaml")
    result = invoke("check", "only")
    assert result.exit_code == 2 and "only/env/ holds installed packages" in result.output


def test_a_link_in_a_folder_to_a_hidden_or_system_file_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link committed to a repository, `maps/x.yaml` -> `/proc/self/environ` or to a
    hidden file (`~/.netrc`), had what it held printed in CI's log by `argmap check maps/`
    and drawn by `render maps/`. A link to a map in another folder is read, and any link
    named on its own (the user's own choice)."""
    monkeypatch.chdir(tmp_path)
    Path("maps").mkdir()
    Path(".secrets").mkdir()
    shutil.copy(SEED, "maps/seed.yaml")
    Path(".secrets/token.yaml").write_text("SECRET_TOKEN: ghp_123\n")
    Path("maps/env.yaml").symlink_to(tmp_path / ".secrets" / "token.yaml")
    Path("maps/proc.yaml").symlink_to("/proc/self/environ")
    Path("maps/latest.yaml").symlink_to("seed.yaml")
    Path("shared").mkdir()
    shutil.copy(SEED, "shared/common.yaml")
    Path("maps/common.yaml").symlink_to(tmp_path / "shared" / "common.yaml")
    result = invoke("check", "maps")
    assert result.exit_code == 2 and "ghp_123" not in result.output
    assert (
        f"maps/env.yaml:1:1: error[io-error] a link in maps to "
        f"{os.path.realpath('.secrets/token.yaml')}, a hidden file or the system's own"
        in result.output
    )
    assert "maps/proc.yaml:1:1: error[io-error] a link in maps to /proc/" in (result.output)
    assert "latest.yaml" not in result.output and "common.yaml" not in result.output  # read
    assert "3 files checked, 2 not read" in result.output
    # From the folder above (the hidden folder then below the one walked), and twice: once.
    for paths in (["."], ["maps", "maps"]):
        result = invoke("check", *paths)
        assert result.exit_code == 2 and "ghp_123" not in result.output
        assert result.output.count("maps/env.yaml:1:1: error[io-error] a link in") == 1
    rendered = invoke("render", "maps", "-o", "out/")
    assert rendered.exit_code == 2 and "ghp_123" not in rendered.output
    assert sorted(p.name for p in Path("out").iterdir()) == ["common.svg", "latest.svg", "seed.svg"]
    assert "error[not-a-map]" in invoke("check", "maps/env.yaml").output  # named: read


@pytest.mark.parametrize("columns", ["0", "00", "wide", "99999999999999999999"])
def test_a_terminal_said_to_have_no_columns_still_gets_the_output(columns: str) -> None:
    """`COLUMNS=0` on a terminal: rich took it as it was, and `check` printed nothing; too
    large for a number of columns, it was an internal error."""
    import pty

    parent, child = pty.openpty()
    env = {**os.environ, "COLUMNS": columns}
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "argmap",
            "check",
            str(DATA / "bad" / "list-item-without-space.yaml"),
        ],
        stdout=child,
        stderr=child,
        env=env,
    ) as run:
        os.close(child)
        out = b""
        with suppress(OSError):  # (the terminal's end, read past its last output)
            while chunk := os.read(parent, 4096):
                out += chunk
        assert run.wait(timeout=30) == 1
    os.close(parent)
    assert b"1 file checked" in out and b"list-item-without-space.yaml:12:7:" in out


def test_a_device_is_refused_unread_and_a_pipe_not_sniffed_under_maps_dir(
    tmp_path: Path,
) -> None:
    """`argmap check /dev/zero` read 256 MiB (the limit then) before refusing it; under
    --maps-dir, a pipe among the files given was opened to see whether it starts as a map,
    and waited."""
    result = invoke("check", "/dev/zero")
    assert result.exit_code == 2 and "/dev/zero:1:1: error[io-error] a device, not a map" in (
        result.output
    )
    fifo = tmp_path / "fifo.yaml.txt"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "argmap", "check", "--maps-dir", str(SEED.parent)]
    done = subprocess.run(
        [*command, str(SEED), str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "1 file checked: no problems" in done.stdout


def test_new_then_check_then_show(tmp_path: Path) -> None:
    path = tmp_path / "debate.yaml"
    assert invoke("new", str(path)).exit_code == 0
    result = invoke("check", "--strict", str(path))
    assert (result.exit_code, result.output) == (0, STARTER_CHECK)
    assert invoke("new", str(path)).exit_code == 2  # never overwrites silently
    drawing = invoke("new", str(tmp_path / "debate.svg"))  # a map is YAML, whatever -o was
    assert drawing.exit_code == 2 and f"name it {tmp_path / 'debate.yaml'}" in drawing.output
    assert not (tmp_path / "debate.svg").exists()
    # The command it suggests is quoted for the shell, as `$(...)` in a name would run.
    odd = tmp_path / "$(touch pwned).yaml"
    assert f"next: argmap check '{odd}'" in invoke("new", str(odd)).output
    assert f"# Check it:   argmap check '{odd}'\n" in odd.read_text()  # and in the map
    # A name that starts with `-` is no option to the command it suggests.
    with pytest.MonkeyPatch.context() as patched:
        patched.chdir(tmp_path)
        assert "next: argmap check ./-x.yaml" in invoke("new", "--", "-x.yaml").output
        assert invoke("check", "./-x.yaml").exit_code == 0
        # A link to a file that is missing is there, and said to be a link.
        (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere" / "map.yaml")
        linked = invoke("new", "gone.yaml")
        assert linked.exit_code == 2 and "gone.yaml is a link to " in linked.output
    shown = invoke("show", str(path))
    assert shown.exit_code == 0
    assert "claim build-lane" in shown.output
    assert "- objection parking" in shown.output
    assert "- rebuttal side-streets" in shown.output


def test_a_name_as_long_as_the_system_allows_is_written(tmp_path: Path) -> None:
    """The temporary file beside it was named after all of it, and 14 bytes longer."""
    from argmap.files import write_atomic

    for name in ("n" * 250 + ".svg", "ü" * 125 + ".svg"):  # 254 and 254 bytes
        write_atomic(tmp_path / name, b"<svg/>")
        assert (tmp_path / name).read_bytes() == b"<svg/>"
    assert len(list(tmp_path.iterdir())) == 2  # and no temporary file left


def _open_here(name: Path) -> list[str]:
    """What this process holds open of the file `name` (`(deleted)` after it once renamed
    over), from Linux's list of its open files."""
    links = []
    for fd in Path("/proc/self/fd").iterdir():
        with suppress(OSError):  # (closed meanwhile, by another thread)
            links.append(str(fd.readlink()))
    return [link for link in links if str(name) in link]


def _until(done: Callable[[], bool], seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        time.sleep(0.01)
    return done()


_ON_LINUX = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="lists open files on Linux"
)


@pytest.fixture
def no_closer() -> Iterator[None]:
    """`files` as if no closer thread ran, before the test and after it (not the one from
    before put back, which may have ended meanwhile: what it took would stay open)."""
    from argmap import files

    files._releasing = None
    yield
    files._releasing = None


@_ON_LINUX
def test_the_file_replaced_is_closed_off_the_writers_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_closer: None
) -> None:
    """Renamed over, the old file was freed by the rename (2 ms of a 2 MB drawing's write on
    ext4 with `discard`): a large one is held open over the rename, and closed by another
    thread, which leaves none of it open. A small one is not held."""
    import threading

    from argmap import files

    target = tmp_path / "drawing.svg"
    large = files._HELD_FROM
    target.write_bytes(b"o" * large)
    closed: list[tuple[str, str]] = []  # the file closed, and the thread that closed it
    close = os.close

    def closing(descriptor: int) -> None:
        with suppress(OSError):
            link = str(Path(f"/proc/self/fd/{descriptor}").readlink())
            if str(target) in link:
                closed.append((link, threading.current_thread().name))
        close(descriptor)

    monkeypatch.setattr(files.os, "close", closing)
    for data in (b"n" * large, b"m" * large, b"small", b"tiny"):
        files.write_atomic(target, data)
        assert target.read_bytes() == data
        assert _until(lambda: not _open_here(target))
    # The old file each time it was large (`o`, `n`, `m`), once each, after its rename, on
    # another thread; the small one (`small`) closed as soon as it was found small.
    deleted = [link == f"{target} (deleted)" for link, _ in closed]
    here = [name == threading.current_thread().name for _, name in closed]
    assert deleted == [True, True, True, False]
    assert here == [False, False, False, True]
    assert [p.name for p in tmp_path.iterdir()] == ["drawing.svg"]


@_ON_LINUX
def test_the_file_replaced_is_closed_at_once_without_a_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_closer: None
) -> None:
    """No thread to be had (too many, or the interpreter ending): the write still succeeds,
    and the old file is closed by the writer, not left open for good."""
    import threading

    from argmap import files

    def refused(thread: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(files.threading.Thread, "start", refused)
    target = tmp_path / "drawing.svg"
    target.write_bytes(b"o" * files._HELD_FROM)
    for data in (b"n" * files._HELD_FROM, b"m" * files._HELD_FROM):
        files.write_atomic(target, data)
        assert target.read_bytes() == data
        assert not _open_here(target)


@_ON_LINUX
def test_a_file_system_that_renames_over_no_open_file_is_written_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_closer: None
) -> None:
    """A rename over a file held open refused (SMB's may be): tried again with it closed."""
    from argmap import files

    target = tmp_path / "drawing.svg"
    target.write_bytes(b"o" * files._HELD_FROM)
    replace, tried = Path.replace, []

    def refused_while_held(self: Path, to: Path) -> Path:
        tried.append(bool(_open_here(target)))
        if tried[-1]:
            raise PermissionError(13, "Permission denied")
        return replace(self, to)

    monkeypatch.setattr(files.Path, "replace", refused_while_held)
    files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert tried == [True, False]  # (held, refused; then closed, renamed)
    assert not _open_here(target)
    assert [p.name for p in tmp_path.iterdir()] == ["drawing.svg"]


@_ON_LINUX
def test_the_closer_thread_ends_once_idle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_closer: None
) -> None:
    """An idle argmap (`watch`, between rounds) holds no closer thread, which a forked
    child would lack; the next write starts one."""
    from argmap import files

    monkeypatch.setattr(files, "_LINGER", 0.05)
    target = tmp_path / "drawing.svg"
    target.write_bytes(b"o" * files._HELD_FROM)
    for data in (b"n" * files._HELD_FROM, b"m" * files._HELD_FROM):
        files.write_atomic(target, data)
        assert files._releasing is not None  # (a closer running)
        assert _until(lambda: files._releasing is None)  # (and ended)
        assert not _open_here(target)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks")
def test_a_forked_child_closes_what_its_parent_had_yet_to_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_closer: None
) -> None:
    """A child forked while its parent had a replaced file still to close, and its lock
    held, has no thread to close it: it closes its copy itself, and writes with a lock and
    a closer of its own."""
    import queue
    import select
    import threading

    from argmap import files

    target = tmp_path / "drawing.svg"
    target.write_bytes(b"o" * files._HELD_FROM)
    held = os.open(target, os.O_RDONLY)
    pending: queue.SimpleQueue[int] = queue.SimpleQueue()  # (no thread takes from it)
    pending.put(held)
    files._releasing = pending
    monkeypatch.setattr(files, "_starting", threading.Lock())
    read, write = os.pipe()
    with files._starting:  # (as another thread of the parent's might hold it)
        child = os.fork()
        if child == 0:  # pragma: no cover - the child's report is what it writes
            fine = False
            try:
                try:
                    os.fstat(held)  # (still open: not fine)
                except OSError:
                    fine = files._releasing is None
                files.write_atomic(target, b"n" * files._HELD_FROM)
            finally:
                os.write(write, b"1" if fine else b"0")
                os._exit(0)
    os.close(write)
    answered = select.select([read], [], [], 10)[0]
    if not answered:
        os.kill(child, 9)
    assert answered and os.read(read, 1) == b"1"
    os.close(read)
    assert os.waitpid(child, 0)[1] == 0
    assert target.read_bytes() == b"n" * files._HELD_FROM
    os.fstat(held)  # (the parent's own copy: its closer's to close)
    os.close(held)


def test_writing_makes_the_folders_on_the_way(tmp_path: Path) -> None:
    deep = tmp_path / "maps" / "2026" / "debate.yaml"
    assert invoke("new", str(deep)).exit_code == 0
    assert (
        invoke("export", str(deep), "--to", "apx", "-o", str(tmp_path / "a" / "x.apx")).exit_code
        == 0
    )
    (tmp_path / "taken").write_text("")
    blocked = invoke("new", str(tmp_path / "taken" / "sub" / "x.yaml"))
    assert blocked.exit_code == 2
    assert f"{tmp_path / 'taken'} is a file, not a folder" in blocked.output
    if os.name == "posix":  # a device was "a link that leads nowhere"
        device = invoke("new", f"{os.devnull}/x.yaml")
        assert device.exit_code == 2 and f"{os.devnull} is a device or a pipe" in device.output


@pytest.mark.parametrize(
    "command",
    [
        ["export", "IN", "--to", "apx", "-o", "IN"],
        ["import", "AF", "-o", "AF", "--force"],
        ["diff", "IN", "IN", "-o", "IN"],
    ],
)
def test_an_output_over_an_input_is_refused(tmp_path: Path, command: list[str]) -> None:
    inputs = {"IN": tmp_path / "m.yaml", "AF": tmp_path / "f.apx"}
    inputs["IN"].write_text(SEED.read_text())
    inputs["AF"].write_text("arg(a).\n")
    before = {p: p.read_text() for p in inputs.values()}
    result = invoke(*(str(inputs[a]) if a in inputs else a for a in command))
    assert result.exit_code == 2 and "is an input of this command" in result.output
    assert {p: p.read_text() for p in inputs.values()} == before


def test_show_keeps_every_node_of_a_deep_map(tmp_path: Path) -> None:
    chain = "\n".join(
        f"  r{i}: {{text: Reason number {i} of a long chain., supports: r{i - 1}}}"
        for i in range(1, 40)
    )
    path = tmp_path / "deep.yaml"
    path.write_text(f"argmap: 1\ntitle: Deep\nclaims:\n  r0: {{text: C.}}\nreasons:\n{chain}\n")
    output = invoke("show", str(path)).output
    assert all(f"reason r{i}:" in output for i in range(1, 40))
    # Past as many levels as the terminal holds (10 in 80 columns, 30 at most), nodes line
    # up at the last, each with its level and the node it argues about: a chain of
    # thousands indented four more characters a line took quadratic time and memory.
    assert "[level 39, under r37] + reason r38" in output
    indents = [len(line) - len(line.lstrip(" │├└─")) for line in output.splitlines()]
    assert max(indents) == 4 * 10
    wide = runner.invoke(app, ["show", str(path)], env={"COLUMNS": "1000"}).output
    assert max(len(line) - len(line.lstrip(" │├└─")) for line in wide.splitlines()) == 4 * 30


def test_show_looks_through_a_nodes_in_edges_once() -> None:
    """A reason that supports 300 claims, itself supported by 300 others, is shown under
    each claim: each time, all 300 of its in-edges were looked through for an attack
    (`show` took 25 s at 8,000 nodes so wired). Each node's are looked through once now."""
    from argmap.graph import build_graph
    from argmap.outline import outline

    claims = "".join(f"  c{i}: {{text: Claim {i}.}}\n" for i in range(300))
    backers = "".join(f"  b{i}: {{text: Backer {i}., supports: x}}\n" for i in range(300))
    every = ", ".join(f"c{i}" for i in range(300))
    m = loads(
        f"argmap: 1\ntitle: T\nclaims:\n{claims}reasons:\n"
        f"  x: {{text: The reason., supports: [{every}]}}\n{backers}"
    ).map
    assert m is not None
    g = build_graph(m)
    view, looked = g.in_edges, []

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        looked.append(args[0] if args else None)
        return view(*args, **kwargs)

    g.__dict__["in_edges"] = counted  # (networkx caches the view on the graph)
    trees, loose = outline(g)
    assert len(trees) == 300 and not loose
    assert all(tree.children[0].node.id == "x" for tree in trees)
    assert len(looked) <= len(m.nodes)


def test_show_links_a_source_url_whole_however_its_line_breaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long URL broke across two lines, and a terminal opened half of it: on a terminal
    that makes links, each piece now links to the whole URL; piped, it is not broken."""
    import io

    from argmap.show import print_outline

    url = "https://example.org/a-long-path/that-goes-on-and-on/and-on-past-the-line.pdf"
    m = loads(
        "argmap: 1\ntitle: T\nsources:\n  s: {title: A report, url: " + url + "}\n"
        "claims:\n  c: {text: A claim., source: s, quote: Said so., tags: [x]}\n"
    ).map
    assert m is not None
    monkeypatch.setenv("FORCE_COLOR", "1")  # (rich then writes as to a terminal)
    out = io.StringIO()
    print_outline(m, out, color=True, details=True)
    links = re.findall("\x1b]8;id=\\d+;([^\x1b]*)\x1b\\\\", out.getvalue())
    assert len(links) == 2 and set(links) == {url}  # one for each piece of the broken line
    plain = io.StringIO()
    print_outline(m, plain, color=False, details=True)
    # Without links (piped, no colour), the URL has a line of its own, whole, to be copied.
    assert "\x1b" not in plain.getvalue()
    assert f"source: A report\n    <{url}>\n" in plain.getvalue()


def test_show_in_colour_keeps_a_long_word_within_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A line of one word longer than the terminal ran past its edge (written whole, as
    piped); it is cut at the edge and goes on under its guides."""
    import io

    from rich.cells import cell_len

    from argmap.show import print_outline

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "50")
    m = loads("argmap: 1\ntitle: T\nclaims:\n  c: {text: " + "x" * 105 + "}\n").map
    assert m is not None
    out = io.StringIO()
    print_outline(m, out, color=True)
    lines = re.sub("\x1b\\[[0-9;]*m", "", out.getvalue()).splitlines()
    assert max(map(cell_len, lines)) <= 50
    assert "".join(line.lstrip("│└ -") for line in lines[1:5]).count("x") == 105


def test_show_names_a_claim_that_attacks_itself_as_shown_above() -> None:
    """It was "see its own tree", inside its own tree."""
    shown = outline_of(loads("argmap: 1\ntitle: T\nclaims:\n  c: {text: C, attacks: c}\n").map)
    assert shown.splitlines()[1:3] == ["└── claim c: C", "    └── - claim c  (shown above)"]


@pytest.mark.parametrize(
    ("node", "text", "name"),
    [
        (
            "iaea-review",
            "The IAEA concluded the discharge would have a negligible radiological impact on "
            "people and the environment.",
            "Rafael Grossi",
        ),
        (
            "tritium-dilution",
            "トリチウムは1リットルあたり1,500ベクレル未満まで希釈される。これは国の基準の40分の1である。",
            "東京電力",
        ),
    ],
)
def test_show_keeps_a_byline_whole_on_a_line_and_no_spaces_at_line_ends(
    node: str, text: str, name: str
) -> None:
    """`(Rafael` ended a line and `Grossi)` began the next; a line broken before a byline
    kept the two spaces before it at its end."""
    yaml_text = (
        f"argmap: 1\ntitle: T\nactors:\n  g: {{name: {name}}}\nclaims:\n"
        f"  c: {{text: C, by: g}}\nreasons:\n  {node}: {{text: '{text}', supports: c, by: g}}\n"
    )
    shown = outline_of(loads(yaml_text).map).splitlines()
    assert not [line for line in shown if line != line.rstrip()]
    assert any(line.endswith(f"({name})") for line in shown[2:]), shown


def test_show_breaks_a_byline_wider_than_the_line_in_columns() -> None:
    """A byline of Korean names, 42 characters but 80 columns, was kept whole: its line ran
    past the terminal's edge (characters counted, not the columns they take)."""
    from argmap.text import columns

    yaml_text = (
        "argmap: 1\ntitle: T\nactors:\n  a: {name: 한국초전도저온학회 검증위원회 제일분과}\n"
        "  b: {name: 해외 재현 연구진 및 국내 대학 공동 연구팀}\n"
        "claims:\n  c: {text: 짧은 주장., by: [a, b]}\n"
    )
    shown = outline_of(loads(yaml_text).map).splitlines()
    assert max(columns(line) for line in shown) <= 80, shown


def test_show_details_keep_the_lines_of_a_quote_and_a_note() -> None:
    """A note's list ran together into one paragraph (`two trials: - Reykjavík ...`), as
    a node's text no longer does; the source's URL stays on the source's line."""
    import io

    from argmap.show import print_outline

    m = loads(
        "argmap: 1\ntitle: T\nsources:\n  s: {title: A report, url: 'https://example.org/r'}\n"
        "claims:\n  c:\n    text: Shorter hours keep productivity.\n    source: s\n"
        "    quote: |\n      an overwhelming success\n      and a model\n"
        "    note: |\n      Two trials:\n      - Reykjavík\n      - the government\n"
    ).map
    assert m is not None
    out = io.StringIO()
    print_outline(m, out, color=False, details=True)
    assert out.getvalue().splitlines()[2:9] == [
        "    “an overwhelming success",
        "    and a model”",
        "    source: A report",
        "    <https://example.org/r>",
        "    note: Two trials:",
        "    - Reykjavík",
        "    - the government",
    ]


def test_show_keeps_within_the_terminal_and_breaks_lines_as_drawings_do() -> None:
    """rich breaks at spaces only: a Japanese text went whole to the next line, leaving
    `claim c:` alone, and a line could start with its 。 (lines end between phrases now); a
    deep tree was as wide as its depth needed, past the terminal, which broke every line
    again."""
    from rich.cells import cell_len

    japanese = "原発の運転は差し止めるべきであり、現在の体制のまま再稼働を認めるべきではない。" * 2
    chain = "".join(
        f"  r{i}: {{text: Reason number {i} of a chain with words enough to wrap a line, "
        f"supports: r{i - 1}, by: a}}\n"
        for i in range(1, 16)
    )
    m = loads(
        f"argmap: 1\ntitle: T\nclaims:\n  r0: {{text: {japanese}}}\nreasons:\n{chain}"
        "actors:\n  a: {name: An actor with a long name}\n"
    ).map
    outline = outline_of(m)
    lines = outline.splitlines()
    assert max(map(cell_len, lines)) <= 80
    assert lines[1].startswith("└── claim r0: 原発の運転は") and cell_len(lines[1]) >= 70
    assert lines[1].endswith("再稼働を")  # at the end of a phrase, not of any character
    assert not any(line.lstrip("│├└─ ").startswith(("。", "、")) for line in lines)
    # Deeper than 80 columns hold (10 levels, and 40 columns for the text), nodes line up
    # at the 10th level, each with its own and the node it argues about.
    assert any(re.match(r"[ │]{36}[├└]── \[level 11, under r9\] \+ reason r10:", x) for x in lines)
    assert all(f"reason r{i}:" in outline for i in range(1, 16))


def test_show_breaks_a_japanese_quote_as_its_text() -> None:
    """A line without spaces was kept whole, as a URL is: a Japanese quote ran 108 columns
    wide, piped, where its text and note broke at 80."""
    import io

    from rich.cells import cell_len

    from argmap.show import print_outline

    said = (
        "朝鮮王朝儀軌等の朝鮮半島由来の貴重な図書について、"
        + "韓国の人々の期待に応えて近くこれらをお渡ししたい"
    )
    m = loads(
        f"argmap: 1\ntitle: T\nsources:\n  s: {{title: S, url: 'https://example.org/{'x' * 90}'}}"
        f"\nclaims:\n  c: {{text: 返還する。, source: s, quote: {said}}}\n"
    ).map
    assert m is not None
    out = io.StringIO()
    print_outline(m, out, color=False, details=True)
    lines = out.getvalue().splitlines()
    assert lines[2].startswith("    “朝鮮王朝") and lines[3].endswith("お渡ししたい”")
    assert max(cell_len(line) for line in lines[:4]) <= 80
    assert lines[5] == f"    <https://example.org/{'x' * 90}>"  # a URL stays whole
    # ... whatever its script.
    wiki = "https://ja.wikipedia.org/wiki/" + "日韓図書協定" * 10
    m = loads(
        f"argmap: 1\ntitle: T\nsources:\n  s: {{title: S, url: '{wiki}'}}\n"
        "claims:\n  c: {text: C, source: s}\n"
    ).map
    assert m is not None
    out = io.StringIO()
    print_outline(m, out, color=False, details=True)
    assert f"\n    <{wiki}>\n" in out.getvalue()


def test_show_cuts_a_word_longer_than_two_lines_with_a_hyphen() -> None:
    """A word over twice the width is cut between two letters, with a hyphen that the text
    does not hold: counting the text's characters by the lines ran past its end (an
    internal error, exit 3)."""
    word = "x" * 200
    m = loads(f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: See {word} and -- here-}}\n").map
    outline = outline_of(m)
    lines = outline.splitlines()[1:-1]
    assert lines[1].endswith("x-") and len(lines[1].strip()) <= 80
    shown = "".join(
        line.lstrip("└─ ").removesuffix("x-") + ("x" if line.endswith("x-") else "")
        for line in lines
    )
    assert shown.replace(" ", "") == f"claimc:See{word}and--here-"


def test_show_keeps_every_character_where_a_line_ends_in_a_hyphen_of_the_text() -> None:
    """A line that `fill` ended with the `- ` of an attack (after a space) was read as a
    word cut with a hyphen of fill's: the rest of the node shifted by a character, words
    split in two (`Sixth repl` / `y that`) and the text's last character was lost."""
    chain = "".join(f"  r{i}: {{text: Reply {i}., attacks: r{i - 1}}}\n" for i in range(1, 11))
    long_id = "reply-ten-flicker"
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: The claim.}\nrebuttals:\n"
        "  r0: {text: Reply 0., attacks: c}\n"
        + chain.replace("r10:", f"{long_id}:")
        + f"  last: {{text: Sixth reply that ends with a period., attacks: {long_id}}}\n"
    ).map
    outline = outline_of(m)
    lines = [line.lstrip("│├└─ ") for line in outline.splitlines()]
    # (The attack's `-` kept with its node, not left at the end of the line before.)
    assert f"[level 13, under {long_id}]" in lines and "]-" not in outline
    assert "- rebuttal last: Sixth reply that ends with a period." in " ".join(lines)


def test_show_sets_each_line_of_a_text_apart_as_drawings_do() -> None:
    """A numbered argument (`1. ... 2. ... So ...`) ran together into one paragraph."""
    text = "|\n      The argument:\n      1. A premise.\n\n      2. Another.\n      So it holds."
    m = loads(f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: {text}\n    by: a\n").map
    outline = outline_of(m)
    assert outline.splitlines()[1:5] == [
        "└── claim c: The argument:",
        "    1. A premise.",
        "    2. Another.",
        "    So it holds.  (a)",
    ]


@pytest.mark.parametrize("color", [False, True])
def test_show_lines_up_a_lists_items_as_drawings_do(
    monkeypatch: pytest.MonkeyPatch, color: bool
) -> None:
    """A text that starts with a list had its first item on the node's line, and an item's
    later lines started under its number, reading as items of their own."""
    import io

    from argmap.show import print_outline

    def shown(text: str) -> list[str]:
        m = loads(text).map
        assert m is not None
        out = io.StringIO()
        print_outline(m, out, color=color)
        return re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue()).splitlines()

    monkeypatch.setenv("COLUMNS", "50")
    item = "1. Smith believes that Jones will get the job soon.\n      2. Jones has coins."
    assert shown(f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: |\n      {item}\n")[1:5] == [
        "└── claim c:",
        "    1. Smith believes that Jones will get the job",
        "       soon.",
        "    2. Jones has coins.",
    ]
    # An objection's mark, `- `, is no list's item: its text goes on under the guide.
    text = "The works would close the main shopping street for two whole years."
    objection = f"objections:\n  o: {{text: {text}, attacks: c}}\n"
    assert shown(f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: C}}\n{objection}")[2:4] == [
        "    └── - objection o: The works would close the",
        "        main shopping street for two whole years.",
    ]


def test_show_in_a_narrow_terminal_keeps_unconnected_nodes_within_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nodes not connected to any claim are drawn on the second level: in 44 to 47 columns
    they were wrapped for the first, and ran 4 columns past the terminal."""
    from rich.cells import cell_len

    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nobjections:\n"
        "  o: {text: " + "A loose objection that has a text long enough to wrap. " * 3 + ", "
        "attacks: p}\n  p: {text: Another, attacks: o}\n"
    ).map
    for width in (44, 45, 47, 48, 60):
        monkeypatch.setenv("COLUMNS", str(width))
        outline = outline_of(m)
        assert max(map(cell_len, outline.splitlines())) <= max(width, 48)
        assert re.search(r"\(shown\s+above\)", outline)


def test_show_gives_each_claim_a_tree_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """A claim that attacks another was nested under it with its whole debate, and its own
    place at the top said only "(shown above)"."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  a: {text: A}\n  b: {text: B, attacks: a}\n"
        "reasons:\n  r: {text: R, supports: b}\n"
    ).map
    monkeypatch.setenv("COLUMNS", "80")
    outline = outline_of(m)
    assert outline.splitlines()[1:5] == [
        "├── claim a: A",
        "│   └── - claim b  (see its own tree)",
        "└── claim b: B",
        "    └── + reason r: R",
    ]


def test_show_gives_a_node_that_supports_and_attacks_its_target_both_ways(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Drawn with both edges, it was shown only as an attack: its support was left out."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims: {c: {text: C}}\n"
        "objections: {o: {text: O, supports: c, attacks: c}}\n"
    ).map
    monkeypatch.setenv("COLUMNS", "80")
    assert outline_of(m).splitlines()[1:4] == [
        "└── claim c: C",
        "    ├── + objection o: O  [unanswered]",
        "    └── - objection o  (shown above)",
    ]


def test_show_marks_unanswered_objections() -> None:
    result = invoke("show", str(DATA / "report" / "mixed.yaml"))
    assert "objection unwise" in result.output and "[unanswered]" in result.output
    assert "not connected to any claim" in result.output


@pytest.mark.parametrize(
    ("environment", "colour"),
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "0"}, True),  # (set to anything but nothing: force-color.org)
        ({"FORCE_COLOR": ""}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, True),  # (which wins, as force-color.org has it)
        ({"NO_COLOR": "1"}, False),
    ],
)
def test_force_color_colours_what_is_piped(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], colour: bool
) -> None:
    """FORCE_COLOR set to anything but nothing writes colour where argmap's output is piped
    (a CI log that shows colour), for `check` and `show` alike; NO_COLOR does not undo it."""
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    checked = invoke("check", str(DATA / "bad" / "a-brace-closed-twice.yaml"))
    shown = invoke("show", str(SEED))
    assert ("\x1b[" in checked.output) is colour and ("\x1b[" in shown.output) is colour


@pytest.mark.parametrize("color", [True, False])
def test_show_without_colour_has_no_styles_at_all(color: bool) -> None:
    """NO_COLOR (or no terminal): plain text, not colourless bold and dim."""
    import io

    from argmap.loader import load
    from argmap.show import print_outline

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    loaded = load(SEED)
    assert loaded.map is not None
    print_outline(loaded.map, out, color=color)
    assert ("\x1b[" in out.getvalue()) is color
    assert "MoveOn" in out.getvalue()
    if color:  # faint, the guides and the byline: not the title, nor a node's text
        title, first = out.getvalue().splitlines()[:2]
        assert not re.search(r"\x1b\[[\d;]*\b2\b", title)
        text = first.index("claim")
        assert re.findall(r"\x1b\[([\d;]*)m", first[:text])[-1].split(";") == ["1", "34"]


def test_each_standing_has_its_colour_in_show() -> None:
    """`contested` was shown in plain bold once it had a fill of its own in drawings."""
    from argmap.render.theme import STANDING
    from argmap.show import STANDING_STYLES

    assert set(STANDING.values()) <= set(STANDING_STYLES)


def test_show_details_gives_quotes_sources_tags_and_notes() -> None:
    every = str(DATA / "good" / "every-feature.yaml")
    plain = invoke("show", every).output
    detailed = invoke("show", every, "--details").output
    assert "source:" not in plain and "“the exact words of the paper”" not in plain
    assert "“the exact words of the paper”" in detailed
    assert "source: A paper with a link, A. Author, A Journal," in detailed
    assert "<https://example.org/paper>" in detailed
    assert "tags: core" in detailed and "note: A note for readers." in detailed


def test_check_exit_codes(tmp_path: Path) -> None:
    assert invoke("check", str(DATA / "bad" / "tabs.yaml")).exit_code == 1
    missing = invoke("check", str(tmp_path / "missing.yaml"), str(SEED))
    assert missing.exit_code == 2  # the path that is not there is counted apart
    assert missing.output.endswith("1 file checked, 1 not read: 1 error\n")
    # A folder's maps are found whatever the case of their names.
    (tmp_path / "LOUD.YAML").write_bytes(SEED.read_bytes())
    assert invoke("check", str(tmp_path)).output == "1 file checked: no problems\n"
    (tmp_path / "LOUD.YAML").unlink()
    assert invoke("check", str(tmp_path)).exit_code == 2  # no maps in the folder
    assert invoke("check", "--format", "xml", str(tmp_path)).exit_code == 2
    assert invoke("check", "--select", "no-such-rule", str(tmp_path)).exit_code == 2


def test_strict_fails_on_warnings() -> None:
    path = str(DATA / "report" / "mixed.yaml")
    args = ["--ignore", "unknown-reference"]
    assert invoke("check", *args, path).exit_code == 0
    assert invoke("check", *args, "--strict", path).exit_code == 1


def test_stdin() -> None:
    result = invoke("check", "-", input="argmap: 1\ntitle: From stdin\nclaims:\n  c: {txt: x}\n")
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:4:7: error[unknown-field] unknown field `txt`")
    assert "missing-text" not in result.output  # the typo already says where the text is


def test_machine_formats_keep_stdout_pure() -> None:
    result = runner.invoke(app, ["check", "-f", "json", str(DATA / "report" / "mixed.yaml")])
    assert json.loads(result.stdout)["summary"]["error"] == 1


def test_settings_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["unknown-reference"]\n')
    (tmp_path / "sub").mkdir()
    map_path = str(shutil.copy(DATA / "report" / "mixed.yaml", tmp_path / "sub"))
    assert invoke("check", map_path).exit_code == 0
    (tmp_path / ".argmap.toml").write_text("slect = []\n")
    result = invoke("check", map_path)
    assert result.exit_code == 2
    assert "unknown setting `slect`; did you mean `select`?" in result.output
    # pyproject.toml's table pasted into .argmap.toml: the message says where settings go.
    (tmp_path / ".argmap.toml").write_text('[tool.argmap]\nignore = ["unknown-reference"]\n')
    result = invoke("check", map_path)
    assert result.exit_code == 2
    assert "`[tool.argmap]` belongs in pyproject.toml" in result.output
    # Another tool's table (a pyproject.toml copied whole, say): not argmap's, misplaced.
    (tmp_path / ".argmap.toml").write_text("[tool.black]\nline-length = 100\n")
    other = invoke("check", map_path)
    assert other.exit_code == 2 and "[tool.argmap]" not in other.output
    assert "`[tool]` holds other tools' settings (black), not argmap's" in other.output
    (tmp_path / ".argmap.toml").write_text('ignore = ["unknown-reference"]\n')
    assert invoke("check", map_path).exit_code == 0
    result = invoke("check", "--select", "unknwn-reference", map_path)
    assert result.output.startswith("argmap: error: `--select` names an unknown rule")
    # argmap.toml, without the dot, is read too (as ruff reads ruff.toml).
    (tmp_path / ".argmap.toml").unlink()
    (tmp_path / "pyproject.toml").unlink()
    assert invoke("check", map_path).exit_code == 1
    (tmp_path / "argmap.toml").write_text('ignore = ["unknown-reference"]\n')
    assert invoke("check", map_path).exit_code == 0


@pytest.mark.parametrize(
    ("pyproject", "error"),
    [
        (b'[project]\nname = "caf\xe9"\n', None),  # not UTF-8, but not argmap's either
        (b"[project\nbroken", None),
        (b"tool = 5\n", None),
        (b'tool = "argmap"\n', None),
        (b"[tool]\nargmap = 5\n", "toml:2:1: the settings must be a table"),
        (b'[tool.argmap]\nignore = ["caf\xe9"]\n', "toml:2:15: cannot read settings: not UTF-8"),
        (b"[tool.argmap]\nignore = [\n", "toml:2:10: cannot read settings: this `[` is never"),
        (
            b"[tool.argmap]\nignore = [1,,]\n",
            "toml:2:13: cannot read settings: a value TOML cannot read; write true or false",
        ),
    ],
)
def test_settings_files_that_are_not_argmaps_or_are_broken(
    tmp_path: Path, pyproject: bytes, error: str | None
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(pyproject)
    result = invoke("check", shutil.copy(SEED, tmp_path))
    assert result.exit_code == (0 if error is None else 2), result.output
    assert error is None or error in result.output


def test_settings_file_named_by_config(tmp_path: Path) -> None:
    assert invoke("check", "--config", os.devnull, str(SEED)).exit_code == 0  # empty: defaults
    result = invoke("check", "--config", str(tmp_path), str(SEED))
    assert result.exit_code == 2
    assert "is a folder" in result.output
    result = invoke("check", "--config", str(tmp_path / "none.toml"), str(SEED))
    assert result.exit_code == 2
    assert "does not exist" in result.output


def project(root: Path) -> tuple[Path, Path]:
    """A project whose pyproject.toml ignores unknown-reference, with a map under it and
    one in a folder whose own .argmap.toml ignores it too and makes warnings fail; each
    map has an unknown reference and two warnings."""
    lax, strict = root / "proj" / "maps" / "lax.yaml", root / "proj" / "maps" / "strict" / "x.yaml"
    strict.parent.mkdir(parents=True)
    (root / "proj" / "pyproject.toml").write_text('[tool.argmap]\nignore = ["unknown-reference"]\n')
    (strict.parent / ".argmap.toml").write_text('ignore = ["unknown-reference"]\nstrict = true\n')
    for path in (lax, strict):
        shutil.copy(DATA / "report" / "mixed.yaml", path)
    (root / "elsewhere").mkdir()
    return lax, strict


def test_each_map_is_checked_with_the_settings_nearest_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lax, strict = project(tmp_path)
    monkeypatch.chdir(tmp_path / "elsewhere")  # `cd /tmp && argmap check ~/proj/maps/`
    for paths, code in [([lax], 0), ([strict], 1), ([lax.parent], 1)]:
        result = invoke("check", *map(str, paths))
        assert result.exit_code == code, result.output
        assert "unknown-reference" not in result.output
    # The command line on top of each map's settings; --config for every map.
    assert invoke("check", "--no-strict", str(lax.parent)).exit_code == 0
    assert invoke("check", "--config", str(strict.parent / ".argmap.toml"), str(lax)).exit_code == 1
    defaults = invoke("check", "--config", os.devnull, str(lax.parent))
    assert defaults.output.count("error[unknown-reference]") == 2
    # Standard input: the settings of the current folder.
    text = lax.read_text()
    assert "error[unknown-reference]" in invoke("check", "-", input=text).output
    monkeypatch.chdir(strict.parent)
    assert invoke("check", "-", input=text).exit_code == 1
    monkeypatch.chdir(lax.parent)
    assert invoke("check", "-", input=text).exit_code == 0


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate"],
        ["show"],
        ["export", "--to", "apx"],
        ["diff", os.devnull],
        ["render", "-o", "-"],
    ],
)
def test_config_names_the_settings_of_every_command_that_reads_a_map(
    tmp_path: Path, command: list[str]
) -> None:
    """As for `check`: `render` took --config, and `evaluate`, `show`, `export` and `diff`,
    which the docs said read the same file, refused it."""
    lax, strict = project(tmp_path)
    settings = str(strict.parent / ".argmap.toml")
    assert invoke(*command, str(lax)).exit_code == 0
    result = invoke(*command, str(lax), "--config", settings)
    assert result.exit_code == 1, result.output
    assert f"`strict = true` in {settings}" in result.output
    assert invoke(*command, str(lax), "--config", os.devnull).exit_code == 1  # unknown-reference
    # A settings file that is not there is said first, as `check` says it, whatever the map.
    (tmp_path / "broken.yaml").write_text("argmap: 1\ntitle: [\n")
    missing = invoke(*command, str(tmp_path / "broken.yaml"), "--config", "nosuch.toml")
    assert missing.exit_code == 2 and "settings file nosuch.toml does not exist" in missing.output


def test_a_settings_file_with_mistakes_is_reported_once(tmp_path: Path) -> None:
    lax, strict = project(tmp_path)
    (strict.parent / ".argmap.toml").write_text("strict = 1\nslect = []\n")
    shutil.copy(strict, strict.with_name("y.yaml"))
    where = strict.parent / ".argmap.toml"
    for command in ("check", "render"):
        result = invoke(command, str(lax.parent))
        assert result.exit_code == 2
        assert result.output == (
            f"argmap: error: {where}:1:10: `strict` must be true or false\n"
            f"argmap: error: {where}:2:1: unknown setting `slect`; did you mean `select`?\n"
        )
    assert not list(tmp_path.rglob("*.svg"))  # nothing is drawn


def test_rules_lists_every_rule() -> None:
    from argmap.rules import REGISTRY

    output = invoke("rules").output
    for rule_id in REGISTRY:
        assert rule_id in output


def test_schema_is_json() -> None:
    assert json.loads(invoke("schema").output)["title"] == "argmap map"


def test_installed_command_starts_and_runs() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(DATA / "bad" / "empty.yaml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "error[missing-field] the file is empty" in run.stdout


@pytest.mark.parametrize(
    "command", [["check"], ["show"], ["evaluate"], ["diff", str(DATA / "bad" / "empty-text.yaml")]]
)
def test_what_a_map_says_is_printed_never_obeyed(command: list[str]) -> None:
    """A terminal obeys escape sequences: text from a map reaches it as visible characters."""
    hostile = str(DATA / "bad" / "terminal-escapes.yaml")
    result = runner.invoke(app, [*command, hostile])
    assert result.output  # something was printed
    for unsafe in ("\x1b", "\x07", "\u202e"):
        assert unsafe not in result.output, command
    assert "␛" in result.output  # the escape is shown as its picture


def test_a_bug_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.checker
    import argmap.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(argmap.checker, "check", broken)
    monkeypatch.setattr(sys, "argv", ["argmap", "check", "maps/"])
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        argmap.cli.main()
    assert exit_.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("argmap: internal error: RuntimeError('boom'); this is a bug")
    assert "Traceback" not in err and err.count("\n") == 1
    monkeypatch.setenv("ARGMAP_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):  # the traceback, on request
        argmap.cli.main()


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "BROKEN"],
        ["evaluate", "BROKEN", "--query", "unwise", "--semantics", "preferred"],
        ["show", "BROKEN"],
        ["export", "BROKEN", "--to", "apx"],
        ["diff", str(ROOT / "maps" / "circular-firing-squad.yaml"), "BROKEN"],
    ],
)
def test_a_map_with_errors_gives_its_result_and_exit_1(command: list[str]) -> None:
    """The commands that read one map give their result for a map with errors (it may help
    to fix it), say on stderr that the map has errors, and exit 1 as `check` does."""
    broken = str(DATA / "bad" / "seed-with-errors.yaml")
    result = invoke(*(broken if word == "BROKEN" else word for word in command))
    assert result.exit_code == 1, result.output
    assert "error[unknown-reference]" in result.stderr
    assert "the map has errors" in result.stderr
    assert result.stdout.strip()


def test_export_of_a_map_with_errors_leaves_its_file_as_it_was(tmp_path: Path) -> None:
    """`-o` replaced a good framework with the broken map's, an attack to a misspelt id
    left out, which a solver would have read as the map's."""
    broken = str(DATA / "bad" / "seed-with-errors.yaml")
    out = tmp_path / "m.apx"
    out.write_text("arg(a).\n")
    result = invoke("export", broken, "--to", "apx", "-o", str(out))
    assert result.exit_code == 1
    assert f"the map has errors (above); {out} is not written" in result.stderr
    assert out.read_text() == "arg(a).\n"


@pytest.mark.parametrize(
    ("command", "problem"),
    [
        (["evaluate", "BROKEN", "--query", "nope"], "--query: no node `nope`"),
        (["evaluate", "BROKEN", "--semantics", "nope"], "--semantics must be one of grounded,"),
        (
            ["show", "BROKEN", "--evaluate", "prefered"],
            "--evaluate must be one of grounded,",
        ),
        (["diff", "BROKEN", "BROKEN", "--evaluate", "nope"], "--evaluate must be one of"),
        (["evaluate", "BROKEN", "--semantics", "PR"], "--semantics must be one of grounded,"),
        (
            ["render", "BROKEN", "--theme", "Dark"],
            "--theme must be one of light, dark, print, not `Dark`; did you mean `dark`?",
        ),
        # Words of other tools, or of everyday speech, for a value: no misspelling of it.
        (
            ["render", "BROKEN", "--direction", "TD"],
            "--direction must be one of TB, BT, LR, RL, not `TD`; did you mean `TB`?",
        ),
        (
            ["render", "BROKEN", "--group-by", "person"],
            "--group-by must be one of actor, source, tag, none, not `person`; did you mean "
            "`actor`?",
        ),
        (
            ["render", "BROKEN", "--theme", "greyscale"],
            "--theme must be one of light, dark, print, not `greyscale`; did you mean `print`?",
        ),
        (
            ["render", "BROKEN", "--engine", "dot"],
            "--engine must be one of auto, builtin, system, not `dot`; did you mean `system`?",
        ),
        # An option where the value goes: the value was left out, not misspelt.
        (
            ["render", "BROKEN", "--evaluate", "-o", "x.svg"],
            "--evaluate needs a value before `-o`: one of grounded, complete, preferred, "
            "stable, semi-stable, ideal, h-categorizer, df-quad (`--evaluate grounded`)\n",
        ),
        (
            ["render", "BROKEN", "--direction", "--theme", "dark"],
            "--direction needs a value before `--theme`: one of TB, BT, LR, RL (`--direction TB`)",
        ),
        (
            ["render", "BROKEN", "--theme", "blue"],
            "--theme must be one of light, dark, print, not `blue`\n",
        ),
        (
            ["evaluate", "BROKEN", "--semantics", "df-quad", "--limit", "5"],
            "--limit counts extensions, and df-quad gives scores; drop --limit",
        ),
        (  # (`check` runs no drawing rule: it checked nothing, and passed)
            ["check", "BROKEN", "--select", "cut-text"],
            "--select cut-text names only rules that `argmap render` reports",
        ),
        (  # (it was passed over without a word)
            ["evaluate", "BROKEN", "--query", "c", "--limit", "3"],
            "--limit counts the extensions listed, and --query lists none; drop --limit",
        ),
    ],
)
def test_an_option_that_does_not_fit_is_refused_before_a_maps_errors(
    command: list[str], problem: str
) -> None:
    """A usage error exits 2 with the problem alone, not after promising exit 1."""
    broken = str(DATA / "bad" / "seed-with-errors.yaml")
    result = invoke(*(broken if word == "BROKEN" else word for word in command))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"argmap: error: {problem}")
    assert result.stderr.count("\n") == 1  # the map's errors are for when the command runs


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "--semantics", "grounded"],
        ["export", "--to", "apx"],
        ["show", "--evaluate", "grounded"],
        ["render", "--evaluate", "grounded", "-o", "-"],
        ["diff", "MAP", "--evaluate", "grounded"],
    ],
)
def test_a_framework_too_large_to_make_ends_each_command_with_an_error(
    tmp_path: Path, command: list[str]
) -> None:
    """A claim of 1,001 reasons, attacked by an objection of 1,001: deductive support adds
    1,004,003 attacks, over MAX_ADDED_ATTACKS. Each command that evaluates says so and
    exits 1 (`diff --evaluate` was "internal error", exit 3; `render --evaluate` exit 2,
    as for an option the command line got wrong)."""
    reasons = "".join(
        f"  r{i}: {{text: R{i}., supports: c}}\n  q{i}: {{text: Q{i}., supports: o}}\n"
        for i in range(1_001)
    )
    path = tmp_path / "dense.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nclaims:\n  c: {text: C.}\nobjections:\n"
        f"  o: {{text: O., attacks: c}}\nreasons:\n{reasons}"
    )
    if "MAP" in command:
        command = [str(path) if word == "MAP" else word for word in command]
    result = invoke(command[0], str(path), *command[1:], "--support", "deductive")
    assert result.exit_code == 1, result.output
    assert "would add up to 1,004,003 attacks" in result.output
    assert "Traceback" not in result.output and "internal error" not in result.output


def test_evaluate_lists_the_extensions_and_says_when_it_stopped(tmp_path: Path) -> None:
    two = tmp_path / "two.yaml"
    two.write_text(
        "argmap: 1\ntitle: Two ways\nclaims:\n  a: {text: Safe.}\n"
        "objections:\n  b: {text: Accidents., attacks: [a, c]}\n"
        "rebuttals:\n  c: {text: Passive shutdown., attacks: b}\n"
    )
    both = invoke("evaluate", str(two), "--semantics", "preferred").output
    assert "preferred semantics: 2 extensions" in both
    assert "extension 1: a, c\nextension 2: b\n" in both
    assert "a is contested" in both
    cut = invoke("evaluate", str(two), "--semantics", "preferred", "--limit", "1").output
    assert cut.startswith("preferred semantics: more than 1 extension;")
    assert "claim a      contested" in cut  # a status over them all, not a label
    assert "the statuses are exact all the same" in cut
    assert "\nextension 1: a, c\n" in cut  # (the one found was not listed)
    assert "a is contested" in cut
    none = two.with_name("none.yaml")
    none.write_text("argmap: 1\ntitle: No claim\nobjections:\n  b: {text: B., attacks: b}\n")
    assert invoke("evaluate", str(none)).output.endswith(
        "\nverdicts: none, as the map has no claim\n"
    )
    score = invoke("evaluate", str(two), "--semantics", "h-categorizer").output
    # The scale once, before the verdicts, not in each.
    assert "\nverdicts (scores run from 0, defeated, to 1, upheld; a node that" in score
    assert score.endswith(", 1 unless it has one):\n  a scores 0.62\n")


def test_output_that_cannot_take_a_maps_letters_is_no_crash(tmp_path: Path) -> None:
    """Output in an encoding without `ö` (Windows redirects in cp1252; here ASCII) was an
    internal error, exit 3."""
    import json
    import subprocess

    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\ntitle: Café\nclaims:\n  c: {text: 中文, nöte: x}\n")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "argmap", *args]
        return subprocess.run(command, capture_output=True, env=env, check=False)

    text = run("check", str(path))
    assert text.returncode == 1 and b"unknown field `n\\xf6te`" in text.stdout
    shown = run("show", str(path)).stdout
    # (the tree's guides in ASCII, which the output can take)
    assert shown.startswith(b"Caf\\xe9\n`-- claim c: \\u4e2d\\u6587\n"), shown
    document = run("check", "--format", "json", str(path))
    assert json.loads(document.stdout)["diagnostics"][0]["message"].startswith(
        "unknown field `nöte`"
    )


def test_evaluate_keeps_within_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Node lines of 178 columns and extensions of 330 ran past a terminal of 100."""
    from rich.cells import cell_len

    wide = tmp_path / "wide.yaml"
    wide.write_text(
        "argmap: 1\ntitle: T\nclaims:\n  a: {text: Safe.}\n"
        "objections:\n  b: {text: Accidents., attacks: [a, c]}\n"
        f"rebuttals:\n  c: {{text: {'Passive shutdown keeps the core cool. ' * 5}, attacks: b}}\n"
        "reasons:\n"
        + "".join(f"  reason-number-{i}: {{text: R., supports: a}}\n" for i in range(9))
    )
    piped = invoke("evaluate", str(wide), "--semantics", "preferred").output
    assert max(map(cell_len, piped.splitlines())) > 200  # a line per node for other programs
    monkeypatch.setenv("COLUMNS", "60")
    shown = invoke("evaluate", str(wide), "--semantics", "preferred").output
    assert max(map(cell_len, shown.splitlines())) <= 60
    lines = shown.splitlines()
    row = next(line for line in lines if line.startswith("  rebuttal c "))
    assert row.endswith("contested  Passive shutdown …")
    after = lines[next(i for i, line in enumerate(lines) if line.startswith("extension 1:")) + 1]
    assert after.startswith("  reason-number-")  # the rest of the list, under its first words
    # Narrower than a row: laid out in 60 columns, as `show` keeps 50 (at 20, the heading
    # took a line a word, and each node's text was cut to a letter).
    monkeypatch.setenv("COLUMNS", "20")
    assert invoke("evaluate", str(wide), "--semantics", "preferred").output == shown


def test_show_and_render_say_the_list_was_cut_and_give_exact_statuses(tmp_path: Path) -> None:
    """11 objections `b` attack the claim, each attacked back by its own `a`: 2048
    preferred extensions, and the claim is in one only, not among the first 1000. Show and
    render called it rejected, from those 1000, and did not say they were not all."""
    pairs = tmp_path / "pairs.yaml"
    objections = "".join(
        f"  a{i}: {{text: A{i}., attacks: b{i}}}\n  b{i}: {{text: B{i}., attacks: [a{i}, t]}}\n"
        for i in range(11)
    )
    pairs.write_text(
        f"argmap: 1\ntitle: Pairs\nclaims:\n  t: {{text: T.}}\nobjections:\n{objections}"
    )
    note = "more than 1000 extensions (the enumeration stopped); statuses are exact"
    shown = invoke("show", str(pairs), "--evaluate", "preferred").output
    assert "claim t: T.  [contested]" in shown and note in shown
    drawn = invoke("render", str(pairs), "--evaluate", "preferred", "-o", "-", "-f", "dot").output
    # (The note's lines, and its parts, which the legend sets a paragraph apart, as words.)
    legend = " ".join(
        re.sub(r"<BR/>|<FONT[^>]*> </FONT>", " ", drawn[drawn.index("cluster__legend") :]).split()
    )
    assert "CLAIM · CONTESTED" in drawn and note.replace(";", "") in legend
    # The legend shows what each fill means, and its kinds unfilled: fills are standings.
    # Only the words the nodes show: every node is contested here.
    assert re.findall(r"_legend_fill_\d+ \[label=(\w+)", legend) == ["contested"]
    assert re.search(r'_legend_claim \[[^]]*fillcolor="#FFFFFF"', legend)
    listed = invoke("evaluate", str(pairs), "--semantics", "preferred").output
    assert "claim t        contested" in listed and "t is contested" in listed
    grounded = invoke("show", str(pairs), "--evaluate", "grounded", "--support", "necessary")
    assert grounded.output.count("[undec]") == 23 and note not in grounded.output
    # What the labels are is said, as `evaluate` says it (show said nothing of it).
    assert "\npreferred semantics: more than 1000 extensions; supports read as: none\n" in shown
    assert "grounded semantics: 1 extension; supports read as: necessary\n" in grounded.output


@pytest.mark.parametrize(
    ("support", "said"), [("none", ""), ("necessary", ", which adds 1 attack to the map's")]
)
def test_evaluate_says_the_attacks_a_reading_of_support_adds(
    tmp_path: Path, support: str, said: str
) -> None:
    """Read as necessary, the support of `c` makes `o`, its attacker, attack `d` too: `d`
    came out defeated with no attacker in the list of it."""
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nclaims:\n  d: {text: D}\nreasons:\n  c: {text: C, supports: d}\n"
        "objections:\n  o: {text: O, attacks: c}\n"
    )
    done = invoke("evaluate", str(path), "--semantics", "grounded", "--support", support)
    heading = f"grounded semantics: 1 extension; supports read as: {support}{said}\n"
    assert done.output.startswith(heading), done.output


def test_show_and_render_say_scores_that_did_not_converge(tmp_path: Path) -> None:
    """Two objections at full weight attack each other and the claim: DF-QuAD's scores
    swap for ever. Show and render gave both objections 1.00, each under an attacker of
    1.00, as if settled; `evaluate` alone said they were not."""
    both = tmp_path / "both.yaml"
    both.write_text(
        "argmap: 1\ntitle: T\nclaims: {c: {text: C.}}\nobjections:\n"
        "  a: {text: A., weight: 1, attacks: [b, c]}\n  b: {text: B., weight: 1, attacks: [a, c]}\n"
    )
    note = "did NOT converge after 10,000 rounds: the last round's scores"
    shown = invoke("show", str(both), "--evaluate", "df-quad").output
    assert shown.count(note) == 1  # (in its heading, as `evaluate` says it)
    assert note in invoke("evaluate", str(both), "--semantics", "df-quad").output
    drawn = invoke("render", str(both), "--evaluate", "df-quad", "-o", "-", "-f", "dot").output
    legend = html.unescape(drawn[drawn.index("cluster__legend") :].replace("<BR/>", " "))
    assert note in legend
    assert note not in invoke("show", str(both), "--evaluate", "h-categorizer").output


def test_help_names_values_not_python_types() -> None:
    """What follows an option in --help is a name (`--format FORMAT`), a flag shows none,
    and an argument no Python type."""
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "120"},
    )
    options = done.stdout[done.stdout.index("Options") :]
    assert "FORMAT" in options and "GROUP-BY" in options
    assert "<str>" not in options and "<bool>" not in options and "<int>" not in options
    arguments = done.stdout[done.stdout.index("Arguments") : done.stdout.index("Options")]
    assert "PATHS" in arguments and "<" not in arguments  # not `<list[str]>`

    # The usage line names arguments as the docs do, not in braces (`{PATHS}`, a choice).
    def usage(help_: str) -> str:
        return next(line.strip() for line in help_.splitlines() if "Usage:" in line)

    assert usage(done.stdout) == "Usage: argmap render [OPTIONS] PATHS..."
    for command, named in (("new", "MAP"), ("diff", "OLD NEW"), ("import", "FILE")):
        said = subprocess.run(
            [sys.executable, "-m", "argmap", command, "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert usage(said) == f"Usage: argmap {command} [OPTIONS] {named}"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["render", "m.yaml", "--focus", "c", "--depth", "-1"], "--depth must be at least 0;"),
        (["evaluate", "m.yaml", "--limit", "0"], "--limit must be 1 to 100000;"),
        # (10^8 took 12 GB in 10 minutes, keeping each extension to print them all)
        (["evaluate", "m.yaml", "--limit", "100001"], "--limit must be 1 to 100000;"),
        # (Not typer's "Input should be a valid integer, unable to parse string as an integer".)
        (["render", "m.yaml", "--focus", "c", "--depth", "x"], "--depth must be a whole number, "),
        (["render", "m.yaml", "--jobs", "1.5"], "--jobs must be a whole number, at least 1;"),
        (["render", "m.yaml", "--wrap", "x"], "--wrap must be a whole number; see"),
        (["rendr"], "No such command 'rendr'. Did you mean 'render'? See `argmap --help`"),
        (["init", "m.yaml"], "No such command 'init'. Did you mean 'new'? See"),  # (as git's)
        (["lint"], "No such command 'lint'. Did you mean 'check'? See"),
        (["validate"], "No such command 'validate'. Did you mean 'check'? See"),  # (not evaluate)
        (["nonsense"], "No such command 'nonsense'; see `argmap --help`"),
        (["check", "--bogus"], "No such option: --bogus; see `argmap check --help`"),
        # argmap's guess among the command's options, by their words: not click's list of
        # three (`--depth, --help, --theme`), nor `--focus` for `--bogus`.
        (["render", "m.yaml", "--them", "dark"], "No such option: --them; did you mean `--theme`?"),
        (["render", "m.yaml", "--bogus"], "No such option: --bogus; see `argmap render --help`"),
        (["render", "m.yaml", "-O", "x.svg"], "No such option: -O; did you mean `-o`? See"),
        # An option's value left out is found with no command's context: still its help.
        (
            ["render", "m.yaml", "--focus"],
            "Option '--focus' requires an argument; see `argmap render --help`",
        ),
        (["diff", "a", "-o"], "Option '-o' requires an argument; see `argmap diff --help`"),
        (["check"], "Missing argument 'PATHS'; see `argmap check --help`"),
    ],
)
def test_the_parsers_usage_errors_are_one_line_like_argmaps_own(args: list[str], said: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"argmap: error: {said}") and done.stderr.count("\n") == 1
    assert "; see `argmap" in done.stderr or "? See `argmap" in done.stderr  # (not `?;`)


def test_no_arguments_print_the_help_once() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and done.stdout.count("Usage: argmap") == 1


def test_query_as_json() -> None:
    seed = str(ROOT / "maps" / "circular-firing-squad.yaml")
    result = invoke("evaluate", seed, "--semantics", "preferred", "--query", "unwise", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "argmap": __version__,
        "map": seed,
        "node": "unwise",
        "semantics": "preferred",
        "support": "none",
        "credulous": False,
        "sceptical": False,
    }


def test_a_query_says_when_sceptical_acceptance_is_vacuous(tmp_path: Path) -> None:
    odd = tmp_path / "odd.yaml"
    odd.write_text(
        "argmap: 1\ntitle: An odd cycle\nclaims:\n  a: {text: A., attacks: c}\n"
        "  b: {text: B., attacks: a}\n  c: {text: C., attacks: b}\n"
    )
    stable = invoke("evaluate", str(odd), "--semantics", "stable", "--query", "a")
    assert "no\n" in stable.stdout
    assert "yes (vacuously: there is no stable extension)" in stable.stdout
    grounded = invoke("evaluate", str(odd), "--semantics", "grounded", "--query", "a")
    assert "vacuously" not in grounded.stdout


@pytest.mark.parametrize("command", [["render", "-"], ["export", "-", "--to", "apx"]])
def test_output_onto_the_file_standard_input_reads_is_refused(
    tmp_path: Path, command: list[str]
) -> None:
    """`render - -o /dev/stdin < map.yaml` renamed the drawing over the map."""
    victim = tmp_path / "victim.yaml"
    victim.write_bytes((ROOT / "maps" / "circular-firing-squad.yaml").read_bytes())
    before = victim.read_bytes()
    for output in ("/dev/stdin", "/dev/fd/0"):
        with victim.open("rb") as stdin:
            done = subprocess.run(
                [sys.executable, "-m", "argmap", *command, "-o", output],
                stdin=stdin,
                capture_output=True,
                text=True,
                check=False,
            )
        assert done.returncode == 2, done.stderr
        assert "standard input" in done.stderr or "is an input" in done.stderr
        assert victim.read_bytes() == before


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    """Python holds such a name with lone surrogates, which cannot be printed or written:
    they showed as internal errors. They are shown as �."""
    name = os.fsdecode(b"bad\xff.yaml")
    shutil.copy(ROOT / "maps" / "circular-firing-squad.yaml", tmp_path / name)
    for args in (["diff", name, name], ["diff", name, name, "-f", "json"], ["new", "n" + name]):
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *args], cwd=tmp_path, capture_output=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "bad\ufffd.yaml".encode() in done.stdout
    assert invoke("check", str(tmp_path / ("n" + name))).exit_code == 0


@pytest.mark.parametrize(
    ("redirect", "command"),
    [
        (">/dev/full", "check"),
        (">&-", "check"),
        ("<&-", "check -"),
        (">&-", "render -o -"),
        (">/dev/full", "show"),
    ],
)
def test_output_that_cannot_be_written_is_an_error_not_a_bug(redirect: str, command: str) -> None:
    """A full disk, or a closed standard output or input, was reported as an internal
    error (exit 3)."""
    if redirect == ">/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = subprocess.run(
        f"{shlex.quote(sys.executable)} -m argmap {command} {shlex.quote(str(SEED))} {redirect}",
        shell=True,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    if redirect == "<&-":  # (check reports on standard output, which this leaves be)
        assert "internal" not in done.stderr
    else:
        assert done.stderr.startswith("argmap: error: cannot write"), done.stderr


def test_an_output_name_the_system_refuses_is_told_what_to_do(tmp_path: Path) -> None:
    """`-o` a name over 255 bytes: the system's reason came alone, without a hint."""
    out = tmp_path / ("x" * 300 + ".svg")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(SEED), "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.endswith(": File name too long; give it a shorter name\n"), done.stderr


@pytest.mark.parametrize("command", ["check --format json", "show", "render -o -"])
def test_a_reader_that_stops_reading_ends_argmap_quietly(command: str) -> None:
    """`argmap check maps/ | head`: exit 1 said the map had errors."""
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", *command.split(), str(SEED)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before argmap writes anything
    assert process.wait(timeout=60) == 128 + signal.SIGPIPE
    assert process.stderr.read() == b""


def test_a_closed_standard_error_loses_only_the_messages(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.yaml")
    done = subprocess.run(
        f"{shlex.quote(sys.executable)} -m argmap render {tmp_path / 'seed.yaml'} 2>&-",
        shell=True,
        check=False,
    )
    assert done.returncode == 0 and (tmp_path / "seed.svg").exists()


def test_a_dash_is_standard_input_or_output_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`new -` wrote a file named `-`; `diff - -` read standard input twice; `import -`
    titled the map "Imported from -"."""
    monkeypatch.chdir(tmp_path)
    starter = runner.invoke(app, ["new", "-"])
    assert starter.exit_code == 0 and starter.output.startswith("# An argument map")
    assert not (tmp_path / "-").exists()
    refused = runner.invoke(app, ["diff", "-", "-"], input=SEED.read_text())
    assert refused.exit_code == 2 and "standard input holds one map" in refused.output
    imported = runner.invoke(app, ["import", "-", "--from", "apx"], input="arg(a).\n")
    assert "title: Imported from standard input" in imported.output


def test_a_folder_or_a_broken_link_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    broken = runner.invoke(app, ["check", str(tmp_path / "gone.yaml")])
    assert f"a link to {tmp_path / 'nowhere.yaml'}, which does not exist" in broken.output
    folder = runner.invoke(app, ["show", str(tmp_path)])
    assert folder.exit_code == 2 and "a folder, not a map file" in folder.output


def test_what_a_folder_holds_but_cannot_be_read_is_reported(tmp_path: Path) -> None:
    """A link that leads nowhere or in a loop, in a folder given to `check`, was passed
    over without a word; a name too long for the system stopped the run as "cannot
    write", the other maps unchecked."""
    shutil.copy(SEED, tmp_path / "good.yaml")
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / ".hidden.yaml").symlink_to(tmp_path / "nowhere.yaml")  # hidden: left out
    found = runner.invoke(app, ["check", str(tmp_path)])
    assert found.exit_code == 2 and "1 file checked, 2 not read" in found.output
    assert f"{tmp_path / 'gone.yaml'}:1:1: error[io-error] a link to" in found.output
    assert f"{tmp_path / 'loop.yaml'}:1:1: error[io-error] a link that loops" in found.output
    if hasattr(os, "mkfifo"):  # a pipe named like a map, or a link to one: reading waited
        os.mkfifo(tmp_path / "pipe")
        (tmp_path / "to-pipe.yaml").symlink_to(tmp_path / "pipe")
        os.mkfifo(tmp_path / "pipe.yaml")
        command = [sys.executable, "-m", "argmap", "check", str(tmp_path)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 2 and "1 file checked, 2 not read" in done.stdout
        assert "pipe" not in done.stdout
    long = runner.invoke(app, ["check", "x" * 300 + ".yaml", str(SEED)])
    assert long.exit_code == 2 and "1 file checked, 1 not read" in long.output
    assert "cannot read the file: File name too long" in long.output


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_folder_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    """A subfolder that cannot be listed was skipped, and CI passed with its maps
    unchecked; one that can be listed but not entered stopped the run ("cannot write")."""
    closed, unentered = tmp_path / "closed", tmp_path / "unentered"
    for folder in (closed, unentered):
        folder.mkdir()
        shutil.copy(SEED, folder / "m.yaml")
    shutil.copy(SEED, tmp_path / "good.yaml")
    closed.chmod(0)
    unentered.chmod(0o644)
    command = [sys.executable, "-m", "argmap", "check", str(tmp_path)]
    if os.geteuid() == 0:  # root reads everything: drop the capabilities that let it
        if shutil.which("setpriv") is None:
            pytest.skip("root, and no setpriv to drop its file capabilities")
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", caps, "--inh-caps", caps, *command]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        closed.chmod(0o755)
        unentered.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert f"{closed}:1:1: error[io-error] cannot read the folder" in done.stdout
    assert f"{unentered / 'm.yaml'}:1:1: error[io-error] cannot read the file" in done.stdout
    assert "1 file checked, 2 not read" in done.stderr + done.stdout


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_output_cut_short_is_never_silent(tmp_path: Path, unbuffered: str) -> None:
    """Under `python -u` (PYTHONUNBUFFERED), standard output wrote what the pipe took and
    dropped the rest: a reader that stopped early (`| head -c 10`) left exit 0, not 141,
    and a non-blocking pipe got 64 KiB of a drawing, exit 0."""
    claims = "".join(f"  c{i}: {{text: Claim number {i} of a long list.}}\n" for i in range(600))
    path = tmp_path / "many.yaml"
    path.write_text(f"argmap: 1\ntitle: Many\nclaims:\n{claims}")
    command = [sys.executable, "-m", "argmap", "render", str(path), "-o", "-", "-f", "dot"]
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as run:
        assert run.stdout is not None and run.stdout.read(10) == b"digraph Ma"
        run.stdout.close()  # as `head -c 10` does
        assert run.wait(timeout=60) == 128 + signal.SIGPIPE and not run.stderr.read()
    if not hasattr(os, "set_blocking"):
        return
    reader, writer = os.pipe()
    os.set_blocking(writer, False)
    with subprocess.Popen(command, stdout=writer, stderr=subprocess.PIPE, env=env) as run:
        os.close(writer)
        time.sleep(1)  # the pipe fills up while nobody reads
        with os.fdopen(reader, "rb") as stream:
            data = stream.read()
        code, said = run.wait(timeout=60), run.stderr.read() if run.stderr else b""
    whole = subprocess.run(command, capture_output=True, check=True).stdout
    assert (code == 0 and data == whole) or (code == 2 and b"cannot write the output" in said)


def test_a_map_named_twice_is_checked_once(tmp_path: Path) -> None:
    """`check a.yaml ./a.yaml` said "2 files checked", and `check - -` read stdin twice."""
    shutil.copy(SEED, tmp_path / "a.yaml")
    twice = runner.invoke(app, ["check", str(tmp_path / "a.yaml"), f"{tmp_path}/./a.yaml"])
    assert "1 file checked" in twice.output
    stdin = runner.invoke(app, ["check", "-", "-"], input=SEED.read_text())
    assert stdin.exit_code == 0 and "1 file checked" in stdin.output


def test_maps_dir_takes_files_whose_first_key_is_argmap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As pre-commit passes every changed file: outside the maps' folder, a file is a map
    when its first key is `argmap`, whatever its version (`argmap: 1.0` was passed over
    unchecked, though `check` reads it) and in JSON too."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    broken = "title: T\nclaims:\n  c: {text: C, by: nobody}\n"
    files = {
        "a.yaml": "# a comment\n---\nargmap: 1\n" + broken,
        "f.yaml": "%YAML 1.1\n--- # a debate\n'argmap': 1\n" + broken,
        "g.json": '{\n  "argmap": 1,\n  "title": "T",\n'
        '  "claims": {"c": {"text": "C", "by": "x"}}\n}\n',
        "b.yaml": "argmap: 1.0\n" + broken,
        "c.json": '{"argmap": 1, "title": "T", "claims": {"c": {"text": "C", "by": "x"}}}\n',
        "d.yaml": "argmap_notes: 1\n" + broken,  # another tool's key
        "e.yml": "name: CI\non: push\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = invoke("check", "--maps-dir", "maps", *files)
    assert result.exit_code == 1
    checked = re.findall(r"^(\w\.\w+):\d+:\d+: error\[unknown-reference\]", result.output, re.M)
    assert checked == ["a.yaml", "f.yaml", "g.json", "b.yaml", "c.json"], result.output
    assert result.output.endswith("5 files checked: 5 errors\n")
    # A folder given: its maps only, as for files (every YAML file of it was checked, a
    # CI workflow among them, and the error said to pass --maps-dir).
    whole = invoke("check", "--maps-dir", "maps", ".")
    checked = re.findall(r"^(\w\.\w+):\d+:\d+: error\[unknown-reference\]", whole.output, re.M)
    assert sorted(checked) == ["a.yaml", "b.yaml", "f.yaml"], whole.output
    assert "e.yml" not in whole.output and "d.yaml" not in whole.output
    # A --maps-dir with other capitals than the folder's, or a file: refused, not every map
    # in it that does not start `argmap: 1` passed over (one that does not exist is the
    # hook's default in a repository with no `maps/`: its maps start so).
    for command in ("check", "render"):
        typo = invoke(command, "--maps-dir", "Maps", "a.yaml")
        assert typo.exit_code == 2 and "--maps-dir Maps does not exist, and maps does" in (
            typo.stderr
        )
        assert invoke(command, "--maps-dir", "e.yml", "a.yaml").exit_code == 2
    assert invoke("check", "--maps-dir", "debates", "a.yaml").exit_code == 1  # (a.yaml's error)


def test_a_settings_file_changed_alone_checks_the_maps_it_governs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pre-commit passes a settings file changed alone, with no map: under --maps-dir, the
    maps it may govern are checked (turned strict, a map's warning fails it), not none.
    A pyproject.toml only if it names argmap; a settings file beside the maps' folder
    governs none of them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps" / "sub").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    unused = "argmap: 1\ntitle: T\nsources:\n  s: {title: S}\nclaims:\n  c: {text: C.}\n"
    for name in ("maps/a.yaml", "maps/sub/b.yaml"):
        (tmp_path / name).write_text(unused)
    strict = "strict = true\n"
    for name in (".argmap.toml", "maps/sub/argmap.toml", "docs/.argmap.toml"):
        (tmp_path / name).write_text(strict)
    (tmp_path / "pyproject.toml").write_text("[tool.black]\n")

    def checked(*paths: str) -> tuple[int, list[str]]:
        result = invoke("check", "--maps-dir", "maps", *paths)
        return result.exit_code, re.findall(r"^(\S+):4:3: warning", result.output, re.M)

    assert checked(".argmap.toml") == (1, ["maps/a.yaml", "maps/sub/b.yaml"])
    assert checked("maps/sub/argmap.toml") == (1, ["maps/sub/b.yaml"])
    assert checked("docs/.argmap.toml", "pyproject.toml") == (0, [])
    (tmp_path / ".argmap.toml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.argmap]\n" + strict)
    assert checked("pyproject.toml", "maps/a.yaml") == (1, ["maps/a.yaml", "maps/sub/b.yaml"])
    # With --config, that file alone is read: it governs every map, and no other does.
    (tmp_path / "docs" / ".argmap.toml").write_text("")
    config = ("--config", "docs/.argmap.toml")
    assert checked(*config, "pyproject.toml") == (0, [])
    every = invoke("check", *config, "--maps-dir", "maps", "docs/.argmap.toml").output
    assert every.endswith("2 files checked: 2 warnings\n")
    # The maps' folder a link to them (as settings are found, by real paths); a pipe by
    # the name of pyproject.toml is not read (it waited for a writer).
    (tmp_path / "maps").rename(tmp_path / "docs" / "maps")
    (tmp_path / "maps").symlink_to(tmp_path / "docs" / "maps")
    (tmp_path / "docs" / ".argmap.toml").write_text(strict)
    assert checked("docs/.argmap.toml") == (1, ["maps/a.yaml", "maps/sub/b.yaml"])
    (tmp_path / "pyproject.toml").unlink()
    os.mkfifo(tmp_path / "pyproject.toml")
    assert checked("pyproject.toml") == (0, [])


def test_the_maps_a_settings_file_governs_are_walked_once(tmp_path: Path) -> None:
    """Pre-commit's `--all-files` passes every map and every settings file: the maps'
    folder was walked again for each settings file (10,000 maps: 0.7 s a walk)."""
    from argmap.checker import _governed

    (tmp_path / "maps" / "sub").mkdir(parents=True)
    settings = [
        tmp_path / ".argmap.toml",
        tmp_path / "argmap.toml",
        tmp_path / "maps" / "sub" / "argmap.toml",
    ]
    for path in settings:
        path.write_text("")
    names = [str(p) for p in settings] * 2
    assert _governed(names, tmp_path / "maps", None) == [str(tmp_path / "maps")]


def test_a_rule_lists_at_most_a_thousand_diagnostics_a_file(tmp_path: Path) -> None:
    """A key written 190,000 times (950 KB) made as many errors: 1.4 GB and 34 s to write
    as SARIF, which GitHub refuses past 25,000 results. The first thousand are listed, and
    one more says how many are left out."""
    from argmap.checker import MAX_PER_RULE

    path = tmp_path / "many.yaml"
    path.write_text("argmap: 1\ntitle: t\n" + "x: 1\n" * (MAX_PER_RULE + 500))
    result = invoke("check", "--format", "json", str(path))
    assert result.exit_code == 1
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["rule"] == "duplicate-key"]
    assert len(found) == MAX_PER_RULE + 1
    assert found[-1]["message"].startswith("499 more `duplicate-key` in this file, from here on")
    assert found[-1]["line"] == MAX_PER_RULE + 4  # (the first left out: the 1,001st again)
    # The summary counts those left out too (it said 1,001 errors of 1,499 once).
    document = json.loads(result.stdout)
    listed = sum(d["severity"] == "error" for d in document["diagnostics"])
    assert document["summary"]["error"] == listed + 498
    assert f"{listed + 498:,} errors" in invoke("check", str(path)).output


def test_watch_takes_the_engine_its_warnings_advise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PNG's font warning advises `--engine system`, which `watch` refused: no such
    option."""
    from argmap.render import RenderOptions

    drawn: list[RenderOptions] = []
    monkeypatch.setattr("argmap.watch.watch", lambda _, __, options, *a, **k: drawn.append(options))
    assert invoke("watch", str(SEED), "-o", str(tmp_path), "--engine", "system").exit_code == 0
    assert [options.engine for options in drawn] == ["system"]
    refused = invoke("watch", str(SEED), "-o", str(tmp_path), "--engine", "dot")
    assert refused.exit_code == 2 and "--engine" in refused.output


@pytest.mark.parametrize("named", ["file", "folder"])
def test_watch_says_a_settings_mistake_before_it_watches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    """A mistake in the settings above the maps was said after "watching ...", as if the
    watch were under way."""
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(SEED, maps / "seed.yaml")
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nselect = ["no-such-rule"]\n')
    monkeypatch.setattr("argmap.watch.watch", lambda *a, **k: pytest.fail("watched"))
    target = maps / "seed.yaml" if named == "file" else maps
    result = invoke("watch", str(target), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no-such-rule" in result.output
    assert "watching" not in result.output


def test_an_option_given_as_the_output_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o --theme dark` (the output forgotten) made a folder `--theme` to draw into."""
    monkeypatch.chdir(tmp_path)
    for command in (["render", str(SEED)], ["export", str(SEED)]):
        result = invoke(*command, "-o", "--theme", "dark")
        assert result.exit_code == 2, result.output
        assert "is '--theme', which reads as an option" in result.output
    assert not list(tmp_path.iterdir())
    assert invoke("render", str(SEED), "-o", "./--theme").exit_code == 0  # (its name, so written)


def test_new_says_where_a_link_it_would_overwrite_leads(tmp_path: Path) -> None:
    """A link to a file elsewhere was "already exists; use --force", and --force wrote the
    starter map into the file it leads to (`/etc/passwd`)."""
    precious = tmp_path / "precious.txt"
    precious.write_text("mine")
    (tmp_path / "debate.yaml").symlink_to(precious)
    result = invoke("new", str(tmp_path / "debate.yaml"))
    assert result.exit_code == 2
    assert f"debate.yaml is a link to {precious}, which exists" in result.output
    assert precious.read_text() == "mine"
