"""`argmap render` from the command line: outputs, many maps, --check, failures."""

from __future__ import annotations

import errno
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
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from conftest import DATA, SEED

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder with the seed map, a map with a warning and one in a subfolder."""
    folder = tmp_path / "maps"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.yaml")
    shutil.copy(DATA / "good" / "every-feature.yaml", folder / "sub" / "every.yaml")
    return folder


def test_default_output_is_next_to_the_map(maps: Path) -> None:
    result = invoke("render", str(maps / "seed.yaml"))
    assert result.exit_code == 0, result.output
    assert (maps / "seed.svg").read_bytes().startswith(b"<?xml")
    assert list(maps.glob(".*.tmp")) == []  # the atomic write left nothing behind


def test_a_link_is_written_through_and_a_pipe_into(maps: Path, tmp_path: Path) -> None:
    """Renaming over `-o` would replace a symbolic link with a file, and a device or named
    pipe (`/dev/null`, as root) with a regular file."""
    (tmp_path / "real").mkdir()
    link = tmp_path / "link.svg"
    link.symlink_to(tmp_path / "real" / "drawing.svg")
    assert invoke("render", str(maps / "seed.yaml"), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and (tmp_path / "real" / "drawing.svg").read_bytes().startswith(
        b"<?xml"
    )
    fifo = tmp_path / "fifo.svg"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert invoke("render", str(maps / "seed.yaml"), "-o", str(fifo)).exit_code == 0
    drawn, _ = reader.communicate(timeout=30)
    assert drawn.startswith(b"<?xml") and fifo.is_fifo()


def test_no_link_leads_a_drawing_onto_a_map(maps: Path, tmp_path: Path) -> None:
    """`seed.svg` a link to another map of the same run would overwrite that map; a link
    that loops is an error, not a crash."""
    other = maps / "other.yaml"
    shutil.copy(maps / "seed.yaml", other)
    (maps / "seed.svg").symlink_to(other)
    refused = invoke("render", str(maps / "seed.yaml"), str(other))
    assert refused.exit_code == 2 and "which is the map" in refused.output
    assert other.read_bytes() == (maps / "seed.yaml").read_bytes()
    loop = tmp_path / "loop.svg"
    loop.symlink_to(loop)
    looped = invoke("render", str(maps / "seed.yaml"), "-o", str(loop))
    assert looped.exit_code == 2 and "symbolic link that loops" in looped.output


def test_no_drawing_next_to_its_map_is_written_through_a_link_out_of_its_folder(
    maps: Path, tmp_path: Path
) -> None:
    """A pull request that commits `maps/seed.svg` linked to `~/.bashrc` had `argmap render
    maps/`, the fix that the pre-commit hook gives, replace that file with the drawing."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (maps / "seed.svg").symlink_to(victim)
    for command in (["render", str(maps)], ["render", str(maps / "seed.yaml")]):
        for check in ([], ["--check"]):
            result = invoke(*command, *check)
            assert result.exit_code == 1, result.output
            assert f"{maps / 'seed.svg'} leads to {victim}, outside" in result.output
    assert victim.read_text() == "keep"


def test_no_link_in_the_output_folder_leads_a_drawing_out_of_it(maps: Path, tmp_path: Path) -> None:
    """A pull request could commit links into the folder CI renders into, to have
    argmap write (or `--check` read) files anywhere: a link to a file, one that leads
    nowhere yet, a linked subfolder. Each such map fails alone; the others are drawn, and
    links that stay inside the folder are written through."""
    out, victim, elsewhere = tmp_path / "build", tmp_path / "victim.txt", tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim.write_text("keep")
    (out / "real").mkdir(parents=True)
    shutil.copy(SEED, maps / "inside.yaml")
    shutil.copy(SEED, maps / "dangling.yaml")
    shutil.copy(SEED, maps / "plain.yaml")
    (out / "seed.svg").symlink_to(victim)
    (out / "dangling.svg").symlink_to(Path("..", "gone", "new.svg"))
    (out / "sub").symlink_to(elsewhere)
    (out / "inside.svg").symlink_to(Path("real", "inside.svg"))
    linked = tmp_path / "linked-build"
    linked.symlink_to(out)  # the folder itself a link: fine
    for check in ([], ["--check"]):
        result = invoke("render", str(maps), "-o", f"{linked}{os.sep}", *check)
        assert result.exit_code == 1, result.output
        for name in ("seed.svg", "dangling.svg", f"sub{os.sep}every.svg"):
            assert (
                f"error: {linked / name} leads to" in result.output
                and f"outside the output folder {linked}{os.sep}; remove the link" in result.output
            )
        assert "Traceback" not in result.output
        assert "plain.svg: stale" not in result.output
    assert victim.read_text() == "keep"
    assert list(elsewhere.iterdir()) == [] and not (tmp_path / "gone").exists()
    assert (out / "plain.svg").read_bytes().startswith(b"<?xml")
    assert (out / "inside.svg").is_symlink()
    assert (out / "real" / "inside.svg").read_bytes().startswith(b"<?xml")


def test_no_drawing_or_export_replaces_a_yaml_file(maps: Path, tmp_path: Path) -> None:
    """`-o other.yaml --format svg`, a link named like the drawing that leads to a map
    outside the run, `export -o map.yaml`, `diff -o map.yaml`: each replaced a map."""
    seed, other = maps / "seed.yaml", tmp_path / "other.yaml"
    shutil.copy(seed, other)
    link = tmp_path / "drawing.svg"
    link.symlink_to(other)
    for args in (
        ["render", str(seed), "-o", str(other), "--format", "svg"],
        ["render", str(seed), "-o", str(link)],
        ["export", str(seed), "--to", "apx", "-o", str(other)],
        ["diff", str(seed), str(seed), "-o", str(other)],
    ):
        refused = invoke(*args)
        assert refused.exit_code == 2 and "(a map?), which it would replace" in refused.output
    assert other.read_bytes() == seed.read_bytes()
    # Nor writes a YAML file that is no map: a new name, or through a link that leads
    # nowhere yet (which made the folders on the way, and wrote the drawing there).
    dangling = tmp_path / "new.svg"
    dangling.symlink_to(tmp_path / "sub" / "new.yaml")
    for args, said in (
        (["render", str(seed), "-o", str(dangling)], "a YAML file's name, and this output is no"),
        (["export", str(seed), "--to", "apx", "-o", str(tmp_path / "x.yaml")], "names a YAML"),
        (["diff", str(seed), str(seed), "-o", str(tmp_path / "d.yml")], "names a YAML file"),
    ):
        refused = invoke(*args)
        assert refused.exit_code == 2 and said in refused.output, refused.output
    assert not (tmp_path / "sub").exists() and not (tmp_path / "x.yaml").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals")
def test_a_png_is_not_written_onto_a_terminal_named_as_a_file(maps: Path) -> None:
    """`-o -` onto a terminal was refused, `-o /dev/stdout` or `-o /dev/tty` not."""
    import pty

    leader, follower = pty.openpty()
    try:
        result = invoke("render", str(maps / "seed.yaml"), "-o", os.ttyname(follower), "-f", "png")
    finally:
        os.close(leader)
        os.close(follower)
    assert result.exit_code == 2 and "a PNG is not for a terminal" in result.output


def test_jobs_are_at_most_the_cores(
    maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-j 10000` started a process per map: 200 on 2 cores, 8 GB of memory."""
    from argmap.render import batch

    started: list[int] = []

    class Pool(batch.ProcessPoolExecutor):  # type: ignore[misc]
        def __init__(self, max_workers: int, **kwargs: Any) -> None:
            started.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(batch.os, "cpu_count", lambda: 2)
    for i in range(4):
        shutil.copy(SEED, maps / f"copy{i}.yaml")
    result = invoke("render", str(maps), "-o", str(tmp_path / "out"), "-j", "10000")
    assert result.exit_code == 0, result.output
    assert started == [2]


def test_a_map_on_standard_input_is_drawn_beside_the_others(maps: Path, tmp_path: Path) -> None:
    """The workers of a parallel render read standard input as empty: its map is drawn
    by the main process, into `stdin.svg`."""
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", "-", str(maps / "seed.yaml"), "-o", f"{out}/"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "stdin.svg").read_bytes() == (out / "seed.svg").read_bytes()


def test_dev_stdout_appends_as_a_shell_does(maps: Path, tmp_path: Path) -> None:
    """`-o /dev/stdout >> log` adds to the log; renaming over it would replace it."""
    log = tmp_path / "log.dot"
    log.write_text("kept\n")
    command = [sys.executable, "-m", "argmap", "render", str(maps / "seed.yaml"), "--format=dot"]
    with log.open("ab") as stream:
        done = subprocess.run(
            [*command, "-o", "/dev/stdout"],
            stdout=stream,
            check=False,
        )
    assert done.returncode == 0
    assert log.read_text().startswith('kept\ndigraph "MoveOn isn\'t backing off" {')


def test_format_from_extension_and_stdout(maps: Path, tmp_path: Path) -> None:
    assert invoke("render", str(maps / "seed.yaml"), "-o", str(tmp_path / "x.png")).exit_code == 0
    assert (tmp_path / "x.png").read_bytes().startswith(b"\x89PNG")
    result = invoke("render", str(maps / "seed.yaml"), "-o", "-", "--format", "dot")
    assert result.exit_code == 0 and result.stdout.startswith("digraph \"MoveOn isn't")
    assert (
        invoke("render", str(maps / "seed.yaml"), "-o", "x.png", "--format", "svg").exit_code == 2
    )
    assert invoke("render", str(maps / "seed.yaml"), "--format", "gif").exit_code == 2
    assert invoke("render", str(maps / "seed.yaml"), "--theme", "neon").exit_code == 2


def test_a_folder_into_a_folder_then_check(
    maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "build"
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    result = invoke("render", str(maps), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.svg")) == [
        "seed.svg",
        "sub/every.svg",
    ]
    # Outside the current folder, where it is (`../build/` read as a path to work out).
    assert f"2 of 2 maps rendered into {out}{os.sep}" in result.output
    monkeypatch.chdir(tmp_path)
    again = invoke("render", str(maps), "-o", str(out), "--jobs", "2")
    assert f"2 of 2 maps rendered into build{os.sep}" in again.output
    (maps / "warn.yaml").write_text(
        "argmap: 1\ntitle: W\nactors:\n  idle: {name: Idle}\nclaims:\n  c: {text: C}\n"
    )
    warned = invoke("render", str(maps))  # the summary counted only maps with warnings
    assert "3 files checked: 1 warning" in warned.output
    assert "3 of 3 maps rendered, each next to its map" in warned.output
    (maps / "warn.yaml").unlink()
    # Up to date: --check passes and writes nothing.
    assert invoke("render", str(maps), "-o", str(out), "--check").exit_code == 0
    # A changed map makes its committed SVG stale.
    seed = maps / "seed.yaml"
    seed.write_text(
        seed.read_text().replace("title: MoveOn isn't backing off", "title: Changed", 1)
    )
    stale = invoke("render", str(maps), "-o", str(out), "--check")
    assert stale.exit_code == 1
    assert f"{out / 'seed.svg'}: stale" in stale.output
    assert "sub/every.svg: stale" not in stale.output
    # Up to date but for its line ends, as git checks it out on Windows: said so.
    every = out / "sub" / "every.svg"
    every.write_bytes(every.read_bytes().replace(b"\n", b"\r\n"))
    crlf = invoke("render", str(maps), "-o", str(out), "--check")
    assert "every.svg: stale: its lines end in CR LF" in crlf.output
    assert "add `*.svg -text` to .gitattributes" in crlf.output
    every.write_bytes(every.read_bytes().replace(b"\r\n", b"\n"))
    # The files, as pre-commit passes the changed ones, under --maps-dir: each drawing
    # where the folder's render put it (sub/every.svg was looked for as every.svg).
    every = str(maps / "sub" / "every.yaml")
    one = invoke("render", every, "-o", f"{out}{os.sep}", "--maps-dir", str(maps), "--check")
    assert one.exit_code == 0, one.output


def test_a_settings_file_changed_alone_renders_the_maps_it_governs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `check` does (the pre-commit hooks pass a settings file changed alone): a map
    drawn up to date whose warning new settings make fail (`strict`) is named, not passed
    over with nothing said."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps" / "sub").mkdir(parents=True)
    (tmp_path / "maps" / "sub" / "m.yaml").write_text(
        "argmap: 1\ntitle: T\nsources:\n  s: {title: S}\nclaims:\n  c: {text: C.}\n"
    )
    assert invoke("render", "maps").exit_code == 0
    settings = tmp_path / "maps" / "sub" / ".argmap.toml"
    settings.write_text("strict = true\n")
    drawn = invoke("render", "--check", "--quiet", "--maps-dir", "maps", str(settings))
    assert drawn.exit_code == 1 and "m.yaml" in drawn.output, drawn.output


def test_a_stale_drawing_is_named_with_the_command_that_updates_it(
    maps: Path, tmp_path: Path
) -> None:
    out = tmp_path / "my build"
    options = ["--theme", "dark", "--no-legend", "--direction", "LR"]
    stale = invoke("render", str(maps), "-o", str(out), "--check", *options)
    assert stale.exit_code == 1
    commands = re.findall(r": stale: missing \((argmap render .*)\)$", stale.output, re.M)
    assert len(commands) == 2
    for command in commands:
        assert invoke(*shlex.split(command)[1:]).exit_code == 0
    assert invoke("render", str(maps), "-o", str(out), "--check", *options).exit_code == 0


def test_a_broken_map_fails_alone_and_keeps_the_old_output(maps: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    assert invoke("render", str(maps), "-o", str(out)).exit_code == 0
    before = (out / "seed.svg").read_bytes()
    seed = maps / "seed.yaml"
    seed.write_text(seed.read_text().replace("attacks: singular-focus", "attacks: nowhere"))
    result = invoke("render", str(maps), "-o", str(out))
    assert result.exit_code == 1
    assert "error[unknown-reference]" in result.output
    assert "1 of 2 maps rendered" in result.output
    assert (out / "seed.svg").read_bytes() == before  # not clobbered
    assert (out / "sub" / "every.svg").exists()
    # --quiet: the map in one line, without its diagnostics; the exit code is the same.
    quiet = invoke("render", str(maps), "-o", str(out), "--quiet")
    assert quiet.exit_code == 1
    assert f"{seed}: not drawn: 1 error (argmap check {seed})" in quiet.output
    assert "unknown-reference" not in quiet.output
    assert "1 of 2 maps rendered" in quiet.output
    # Why a path could not be read still shows; and standard input's errors, which
    # `argmap check -` could not read again.
    missing = invoke("render", "-q", str(maps / "nope.yaml"), "-o", str(out))
    assert missing.exit_code == 2 and "error[io-error] no such file" in missing.output
    piped = runner.invoke(app, ["render", "-q", "-", "-o", "-"], input=seed.read_text())
    assert (
        piped.exit_code == 1
        and "<stdin>:" in piped.output
        and "error[unknown-reference]" in piped.output
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_map_is_drawn_under_the_settings_nearest_to_it(
    maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """Each map's own settings, in the worker that draws it too (-j 2), wherever argmap
    runs: the same error stops one map, and is ignored in the other's folder."""
    for path in (maps / "seed.yaml", maps / "sub" / "seed.yaml"):
        path.write_text(SEED.read_text().replace("attacks: singular-focus", "attacks: nowhere"))
    (maps / "sub" / ".argmap.toml").write_text('ignore = ["unknown-reference"]\n')
    monkeypatch.chdir(maps / "sub")  # whose settings are not the other map's
    out = tmp_path / "out"
    result = invoke("render", str(maps), "-o", str(out), "-j", jobs)
    assert result.exit_code == 1
    assert f"{maps / 'seed.yaml'}:" in result.output
    assert f"{maps / 'sub' / 'seed.yaml'}:" not in result.output
    assert (out / "sub" / "seed.svg").exists() and not (out / "seed.svg").exists()
    every = invoke("render", str(maps), "-o", str(out), "-j", jobs, "--config", os.devnull)
    assert every.output.count("error[unknown-reference]") == 2


def test_an_output_named_for_another_format_is_told_the_name(maps: Path, tmp_path: Path) -> None:
    result = invoke("render", str(maps / "seed.yaml"), "-f", "png", "-o", str(tmp_path / "x.svg"))
    assert result.exit_code == 2
    assert "does not match --format png; name it x.png, or leave out --format" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_an_output_that_cannot_be_written_exits_2(maps: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    result = invoke("render", str(maps / "seed.yaml"), "-o", str(tmp_path / "file" / "x.svg"))
    assert result.exit_code == 2  # a file argmap cannot write, as elsewhere; not a map error
    assert "error: cannot write" in result.output
    assert "is a file, not a folder; move that out of the way, or write elsewhere" in result.output


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "you may not write there"),
        (OSError(errno.EROFS, "Read-only file system"), "its file system is read-only"),
        (OSError(errno.ENOSPC, "No space left on device"), "free some space on that disk"),
    ],
)
def test_an_output_that_cannot_be_written_says_what_to_do(
    maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, hint: str
) -> None:
    """The reason alone (`cannot write build/x.svg: Permission denied`) left the newcomer
    to work out the fix, where a map that cannot be read is told one."""

    def refuse(path: object, data: object) -> None:
        raise error

    monkeypatch.setattr("argmap.render.batch.write_atomic", refuse)
    out = tmp_path / "out.svg"
    result = invoke("render", str(maps / "seed.yaml"), "-o", str(out))
    assert result.exit_code == 2
    assert f"cannot write {out}: {error.strerror}; {hint}" in result.output


def test_warnings_print_and_rendering_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "warn.yaml"
    path.write_text(
        "argmap: 1\ntitle: W\nactors:\n  idle: {name: Idle}\nclaims:\n  c: {text: C}\n"
        "objections:\n  o: {text: O, attacks: c}\n"
    )
    result = invoke("render", str(path))
    assert result.exit_code == 0
    assert "warning[unused-actor]" in result.output
    assert "unanswered-objection" not in result.output  # an info note: for `argmap check`
    assert (tmp_path / "warn.svg").exists()
    quiet = invoke("render", str(path), "-q")
    assert quiet.exit_code == 0
    assert quiet.output == f"wrote {tmp_path / 'warn.svg'}\n"
    # What the drawing lacks, which `check` does not say, shows quiet too: under
    # `strict = true` it fails the map, which said only "its warnings fail it".
    path.write_text("argmap: 1\ntitle: W\nclaims:\n  c: {text: أسماء النطاقات}\n")
    (tmp_path / ".argmap.toml").write_text("strict = true\n")
    png = invoke("render", str(path), "-q", "-o", str(tmp_path / "warn.png"))
    assert png.exit_code == 1
    assert "warning[png-font]" in png.output and "its warnings fail it" in png.output
    # `check` passes it: the line says how to let what the drawing lacks pass, and the
    # summary why a map up to date fails.
    assert '`ignore = ["png-font"]` there lets what the drawing lacks pass' in png.output
    again = invoke("render", str(path), "-q", "--check", "-o", str(tmp_path / "warn.png"))
    assert again.exit_code == 1
    assert again.output.endswith(
        "1 of 1 maps up to date; 1 of them failed on warnings under `strict = true`\n"
    )


def test_stdout_takes_one_map_only(maps: Path) -> None:
    assert invoke("render", str(maps), "-o", "-").exit_code == 2


def test_an_output_name_that_does_not_say_the_format_is_refused(maps: Path, tmp_path: Path) -> None:
    seed = str(maps / "seed.yaml")
    refused = invoke("render", seed, "-o", str(tmp_path / "x.jpg"))
    assert refused.exit_code == 2
    assert "cannot tell the format of -o" in refused.output
    assert not (tmp_path / "x.jpg").exists()
    assert invoke("render", seed, "-o", str(tmp_path / "x.jpg"), "-f", "png").exit_code == 0
    assert (tmp_path / "x.jpg").read_bytes().startswith(b"\x89PNG")


def test_a_link_to_a_map_is_drawn_under_its_own_name(maps: Path, tmp_path: Path) -> None:
    (maps / "latest.yaml").symlink_to(maps / "seed.yaml")
    out = tmp_path / "build"
    result = invoke("render", str(maps), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "latest.svg").read_bytes() == (out / "seed.svg").read_bytes()
    assert "3 of 3 maps rendered" in result.output
    (tmp_path / "linked").symlink_to(maps)  # the same map by another folder: drawn once
    again = invoke("render", str(maps / "seed.yaml"), str(tmp_path / "linked" / "seed.yaml"))
    assert again.exit_code == 0 and again.output.count("wrote ") == 1, again.output


def test_many_maps_into_one_file_or_onto_a_map_are_refused(maps: Path, tmp_path: Path) -> None:
    many = invoke("render", str(maps), "-o", str(tmp_path / "one.svg"))
    assert many.exit_code == 2 and "give a folder" in many.output
    assert not (tmp_path / "one.svg").exists()
    (tmp_path / "notes.txt").write_text("kept")  # a file there: each map failed on it
    onto_a_file = invoke("render", str(maps), "-o", str(tmp_path / "notes.txt"))
    assert onto_a_file.exit_code == 2 and "notes.txt is a file; give a folder" in onto_a_file.output
    twice = invoke("render", str(maps), str(maps / "sub" / "every.yaml"), "-o", str(tmp_path))
    assert twice.exit_code == 0  # one map named twice is drawn once
    seed = maps / "seed.yaml"
    before = seed.read_bytes()
    onto = invoke("render", str(seed), "-o", str(seed), "-f", "dot")
    assert onto.exit_code == 2 and "is the map itself" in onto.output
    assert seed.read_bytes() == before
    (maps / "sub" / "seed.yaml").write_bytes(seed.read_bytes())
    clash = invoke("render", str(seed), str(maps / "sub" / "seed.yaml"), "-o", str(tmp_path / "o"))
    assert clash.exit_code == 2 and "would both be drawn to" in clash.output


def test_drawings_caught_by_a_glob_are_no_maps(tmp_path: Path) -> None:
    """`argmap render maps/*` after a render passes each map and its drawing: the maps are
    drawn (onto the drawings), and each drawing is said to be no map, not taken for the
    map's output ("the output is the map itself") nor read as broken YAML."""
    shutil.copy(SEED, tmp_path / "seed.yaml")
    assert invoke("render", str(tmp_path / "seed.yaml"), "-f", "png").exit_code == 0
    assert invoke("render", str(tmp_path / "seed.yaml")).exit_code == 0
    before = (tmp_path / "seed.png").read_bytes()
    paths = sorted(str(p) for p in tmp_path.iterdir())  # seed.png, seed.svg, seed.yaml
    for where in ([], ["-o", str(tmp_path / "out")]):
        result = invoke("render", *paths, *where)
        assert result.exit_code == 1, result.output
        assert "seed.svg:1:1: error[not-a-map] this file is an SVG drawing" in result.output
        assert "seed.png:1:1: error[not-a-map] this file is a PNG image" in result.output
        assert "1 of 3 files rendered" in result.output and "; 2 are not maps" in result.output
    assert (tmp_path / "out" / "seed.svg").read_bytes() == (tmp_path / "seed.svg").read_bytes()
    assert (tmp_path / "seed.png").read_bytes() == before
    checked = invoke("check", *paths)
    assert checked.exit_code == 1 and "yaml-syntax" not in checked.output


def test_focus_unknown_id_is_reported(maps: Path) -> None:
    result = invoke("render", str(maps / "seed.yaml"), "--focus", "unwse")
    assert result.exit_code == 2  # an option that does not fit the map: a usage error
    assert "did you mean `unwise`?" in result.output


@pytest.mark.parametrize(
    ("command", "refused"),
    [
        (["render", "MAP", "--depth", "1"], "--depth works only with --focus"),
        (["render", "MAP", "--support", "deductive"], "--support works only with --evaluate"),
        (["show", "MAP", "--support", "necessary"], "--support works only with --evaluate"),
        (["diff", "MAP", "MAP", "--support", "deductive"], "--support works only with --evaluate"),
        (["render", "MAP", "--wrap", "100000"], "--wrap must be 10 to 200 characters, not 100000"),
        # Both ends in the same words (the low end was click's "Input should be ...").
        (["render", "MAP", "--wrap", "5"], "--wrap must be 10 to 200 characters, not 5"),
    ],
)
def test_an_option_that_would_be_ignored_is_refused(
    maps: Path, command: list[str], refused: str
) -> None:
    result = invoke(*(str(maps / "seed.yaml") if arg == "MAP" else arg for arg in command))
    assert result.exit_code == 2 and refused in result.output


def test_group_by_none_undoes_the_maps_own(tmp_path: Path) -> None:
    every = DATA / "good" / "every-feature.yaml"  # render: {group-by: actor}
    out = tmp_path / "x.dot"
    assert invoke("render", str(every), "-o", str(out)).exit_code == 0
    assert "subgraph cluster_0" in out.read_text()
    assert invoke("render", str(every), "--group-by", "none", "-o", str(out)).exit_code == 0
    assert "subgraph cluster_0" not in out.read_text()


def test_screenshot_in_chromium(tmp_path: Path) -> None:
    """The rendered SVG opened in headless Chromium: a real picture, not a blank page."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    svg = tmp_path / "seed.svg"
    assert invoke("render", str(SEED), "-o", str(svg)).exit_code == 0
    png = tmp_path / "seed.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={png}",
            "--window-size=1600,900",
            svg.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert png.exists(), "chromium wrote no screenshot"
    from PIL import Image

    image = Image.open(png).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50  # text, boxes and edges, not an empty page
    # The claim's fill colour (light theme) is on the page.
    assert any(rgb == (0xE3, 0xF0, 0xFA) for _, rgb in colours)


# Run in Chromium on the SVG inline: each line of text against the box of its node.
_FIT_CHECK = """<!doctype html><html><body>SVG<script>
const spilled = [];
for (const node of document.querySelectorAll("g.node")) {
  const shape = node.querySelector("polygon, path, ellipse");
  if (!shape) continue;
  const box = shape.getBBox();
  for (const text of node.querySelectorAll("text")) {
    const t = text.getBBox();
    if (t.x < box.x - 1 || t.x + t.width > box.x + box.width + 1) spilled.push(text.textContent);
  }
}
document.body.dataset.spilled = JSON.stringify(spilled);
document.body.dataset.lines = document.querySelectorAll("g.node text").length;
const fonts = [...document.querySelectorAll("svg text")].map(t => getComputedStyle(t).fontFamily);
document.body.dataset.fonts = JSON.stringify([...new Set(fonts)]);
</script></body></html>"""


@pytest.mark.parametrize(
    "source",
    [
        SEED,
        DATA / "good" / "every-feature.yaml",
        "argmap: 1\ntitle: Scripts\nclaims:\n"
        "  c: {text: 'Ünïcödé wörds — “quoted” and 討論は文字ごとに折り返される長い主張です。'}\n"
        "  w: {text: 'WWWWWWWWWW MMMMMMMMMM WWWWWWWWWW MMMMMMMMMM mmmmmmmmmm'}\n",
    ],
    ids=["seed", "every-feature", "scripts"],
)
def test_text_stays_inside_its_box_in_chromium(tmp_path: Path, source: Path | str) -> None:
    """Measured by the browser with the fonts it has, not by the engine's estimate: the
    layout must leave room for the font the viewer draws with."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    path = source if isinstance(source, Path) else tmp_path / "m.yaml"
    if isinstance(source, str):
        path.write_text(source, encoding="utf-8")
    svg = tmp_path / "m.svg"
    assert invoke("render", str(path), "-o", str(svg)).exit_code == 0
    inline = svg.read_text(encoding="utf-8")
    page = tmp_path / "fit.html"
    page.write_text(_FIT_CHECK.replace("SVG", inline[inline.index("<svg") :]), encoding="utf-8")
    done = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = re.search(
        r'<body data-spilled="([^"]*)" data-lines="(\d+)" data-fonts="([^"]*)"', done.stdout
    )
    assert found, done.stdout[-2000:] + done.stderr[-2000:]
    assert int(found[2]) > 2  # the check saw the text
    assert html.unescape(found[1]) == "[]", "text spills out of its box"
    # Every text asks for the fonts as wide as the engine's, where the viewer lacks it.
    assert json.loads(html.unescape(found[3])) == ['"DejaVu Sans", Verdana, sans-serif']


def test_python_m_argmap_render(tmp_path: Path) -> None:
    out = tmp_path / "seed.svg"
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(SEED), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert out.exists()


def test_map_errors_and_render_errors_are_both_reported(maps: Path) -> None:
    seed = maps / "seed.yaml"
    seed.write_text(seed.read_text().replace("attacks: singular-focus", "attacks: nowhere"))
    result = invoke("render", str(seed), "--focus", "unwse")
    assert result.exit_code == 2
    assert "error[unknown-reference]" in result.output
    assert "--focus: no node `unwse`" in result.output
    assert not seed.with_suffix(".svg").exists()


def test_progress_on_a_terminal_even_for_one_map(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.cli

    monkeypatch.setattr(argmap.cli, "_terminal", lambda stream: True)
    shown = []
    monkeypatch.setattr("rich.progress.Progress.start", lambda self: shown.append(self))
    result = invoke("render", str(maps / "seed.yaml"))
    assert result.exit_code == 0, result.output
    assert len(shown) == 1 and shown[0].tasks[0].completed == 1
    assert (maps / "seed.svg").exists()


def _slow_engine(tmp_path: Path, seconds: int) -> dict[str, str]:
    """The environment of a render whose system `dot` writes its pid to a file
    `engine.PID` in `tmp_path` and sleeps `seconds`: a layout under way, to be stopped."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "dot").write_text(f"#!/bin/sh\necho $$ > {tmp_path}/engine.$$\nexec sleep {seconds}\n")
    (fake / "dot").chmod(0o755)
    return {**os.environ, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"}


def _engines(tmp_path: Path) -> list[int]:
    """The pids the `_slow_engine`s wrote. (A file its shell made but had not written when
    the engine was stopped is none: the pid was never read, and the file stays empty.)"""
    return [int(pid) for p in tmp_path.glob("engine.*") if (pid := p.read_text().strip())]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_stops_the_layouts_under_way(maps: Path, tmp_path: Path, jobs: str) -> None:
    """`kill`, `timeout` or a cancelled CI job: no layout engine is left running."""
    env = _slow_engine(tmp_path, 60)
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "argmap",
            "render",
            str(maps),
            "-o",
            str(tmp_path / "out"),
            "--engine",
            "system",
            "-j",
            jobs,
        ],
        env=env,
        stderr=subprocess.PIPE,
    )

    deadline = time.monotonic() + 30
    while len(_engines(tmp_path)) < int(jobs) and time.monotonic() < deadline:
        time.sleep(0.05)
    engines = _engines(tmp_path)
    assert engines, "no engine started"
    run.terminate()
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 143 and b"terminated" in stderr
    time.sleep(0.2)
    for pid in engines:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # gone (and reaped: its parent waited for it)


def _running(pid: int) -> bool:
    """Whether process `pid` is there and not a zombie (exited, its parent gone too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_workers_stop_when_the_render_is_killed(maps: Path, tmp_path: Path, method: str) -> None:
    """SIGKILL (an out-of-memory kill, `timeout -s KILL` in CI): the workers went on
    drawing the rest of their maps, then waited forever to hand them over. Under every
    start method (forkserver, Python 3.14's own on Linux, makes the server their parent)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        f"import multiprocessing\nmultiprocessing.set_start_method({method!r}, force=True)\n"
    )
    for i in range(4):
        shutil.copy(SEED, maps / f"copy{i}.yaml")
    env = _slow_engine(tmp_path, 60) | {"PYTHONPATH": str(site)}
    out = tmp_path / "out"
    command = [sys.executable, "-m", "argmap", "render", str(maps), "-o", f"{out}/", "-j", "2"]
    run = subprocess.Popen([*command, "--engine", "system"], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while len(list(tmp_path.glob("engine.*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # (the engines' shells write their pids)
    engines = _engines(tmp_path)
    assert len(engines) == 2, "the engines did not start"
    workers = [
        int(pid)
        for pid in subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(run.pid)], capture_output=True, text=True
        ).stdout.split()
    ]
    assert workers, "no workers"
    run.kill()
    run.wait()
    deadline = time.monotonic() + 15
    while any(map(_running, [*workers, *engines])) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in [*workers, *engines] if _running(pid)]
    assert not list(out.glob("*.svg"))  # (nothing drawn once it was killed)


@pytest.mark.parametrize(
    ("where", "signum"),
    [
        ("group", signal.SIGINT),
        ("main", signal.SIGINT),
        ("group", signal.SIGHUP),  # a terminal closed
        ("main", signal.SIGHUP),  # left to the default, it left the workers running
    ],
)
def test_ctrl_c_stops_a_parallel_render_at_once(
    maps: Path, tmp_path: Path, where: str, signum: int
) -> None:
    """Ctrl-C reaches the whole process group, `kill -INT` the main process only. The
    workers met the interrupt as a failure of their map and went on to the next: the
    run went on writing drawings for 20 s, and printed worker tracebacks. And one
    engine in ten ran on: the pool terminated the workers again on seeing the first one
    gone, which broke off stopping the engine."""
    for i in range(8):
        shutil.copy(SEED, maps / f"copy{i}.yaml")
    env = _slow_engine(tmp_path, 5)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "argmap", "render", str(maps), "-o", f"{out}/", "-j", "2"]
    run = subprocess.Popen(
        [*command, "--engine", "system"],
        env=env,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a process group of its own, as a terminal gives
        # Ctrl-C heeded, as from a terminal: a test run started in the background (`.ci/run
        # &`) ignores SIGINT, which its processes inherit and rightly keep ignoring.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Started, and the first layouts under way (a busy machine takes more than a second).
    deadline = time.monotonic() + 30
    while not any(p.stat().st_size for p in tmp_path.glob("engine.*")):
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.05)
    stopped = time.monotonic()
    if where == "group":
        os.killpg(run.pid, signum)
    else:
        run.send_signal(signum)
    _, stderr = run.communicate(timeout=30)
    assert time.monotonic() - stopped < 3
    said = b"interrupted" if signum == signal.SIGINT else b"terminated"
    assert run.returncode == 128 + signum and stderr.strip().endswith(said), stderr
    assert b"Traceback" not in stderr
    assert not out.exists() or not list(out.rglob("*.svg"))
    engines = _engines(tmp_path)
    assert engines
    for pid in engines:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # stopped with the run


def test_an_output_name_without_an_extension_is_said_to_be_a_file(tmp_path: Path) -> None:
    """`-o build`, meant as a folder, wrote an SVG named build without a word."""
    done = invoke("render", str(SEED), "-o", str(tmp_path / "build"))
    assert done.exit_code == 0 and (tmp_path / "build").is_file()
    assert done.output.endswith("build (a file; for a folder, end -o with /)\n")
    named = invoke("render", str(SEED), "-o", str(tmp_path / "seed.svg"))
    assert named.output == f"wrote {tmp_path / 'seed.svg'}\n"
    # (A device is no file that a folder was meant for.)
    assert invoke("render", str(SEED), "-o", os.devnull).output == f"wrote {os.devnull}\n"


def test_an_empty_output_name_is_refused(maps: Path) -> None:
    """`-o ""` (a shell variable left unset) wrote into the current folder."""
    for args in (["render", str(maps / "seed.yaml")], ["export", str(SEED), "--to", "apx"]):
        refused = invoke(*args, "-o", "")
        assert refused.exit_code == 2 and "is empty; name a file or folder" in refused.output


def test_check_needs_a_file_it_can_read(maps: Path, tmp_path: Path) -> None:
    """`--check` compared standard output with a file named `-`, and called a folder or
    an unreadable file "missing"."""
    seed = str(maps / "seed.yaml")
    refused = invoke("render", seed, "-o", "-", "--check")
    assert refused.exit_code == 2 and "not stdout" in refused.output
    (maps / "seed.svg").mkdir()
    folder = invoke("render", seed, "--check")
    assert (
        folder.exit_code == 1 and "cannot read" in folder.output and "missing" not in folder.output
    )
    if hasattr(os, "mkfifo"):  # a pipe waited for a writer, for ever
        os.mkfifo(tmp_path / "pipe.svg")
        piped = invoke("render", seed, "-o", str(tmp_path / "pipe.svg"), "--check")
        assert piped.exit_code == 1 and "it is not a file" in piped.output


@pytest.mark.skipif(shutil.which("script") is None, reason="no `script` to make a terminal")
def test_no_png_is_poured_onto_a_terminal() -> None:
    command = f"{shlex.quote(sys.executable)} -m argmap render {shlex.quote(str(SEED))} -o - -f png"
    done = subprocess.run(
        ["script", "-q", "-e", "-c", command, "/dev/null"], capture_output=True, check=False
    )
    assert done.returncode == 2 and b"not for a terminal" in done.stdout
    assert b"PNG" not in done.stdout.replace(b"a PNG is", b"")


@pytest.mark.parametrize(
    ("fmt", "claims", "counted"),
    [
        # The PDF's Chinese (Arimo has no such letters; its Hebrew is drawn: not warned of).
        ("pdf", "  he: {text: שמות מתחם בינלאומיים}\n  zh: {text: 国际化域名}\n", (5, 1, "5:14")),
        # An actor's name is drawn too: the warning is at the actor, not the node. (The
        # Greek and Polish of the node are drawn.)
        (
            "pdf",
            "  c: {text: Ελληνικά i zażółć., by: ali}\nactors:\n  ali: {name: علي حسن}\n",
            (6, 1, "6:3"),
        ),
        # The builtin engine's PNG font has Hebrew and Cyrillic but no Arabic or Chinese
        # (and its Hebrew reads from the right: not warned of).
        (
            "png",
            "  ru: {text: Имена}\n  he: {text: שמות}\n  ar: {text: أسماء النطاقات}\n"
            "  zh: {text: 域名}\n",
            (12, 2, "6:14"),
        ),
    ],
)
def test_a_drawing_warns_of_letters_its_font_lacks(
    tmp_path: Path, fmt: str, claims: str, counted: tuple[int, int, str]
) -> None:
    rule = f"{fmt}-font"
    path = tmp_path / "names.yaml"
    path.write_text(f"argmap: 1\ntitle: Names\nclaims:\n{claims}", encoding="utf-8")
    warned = invoke("render", str(path), "-o", str(tmp_path / f"names.{fmt}"))
    assert warned.exit_code == 0 and (tmp_path / f"names.{fmt}").exists()
    characters, texts, where = counted  # at the text, not its node's id
    assert f"{path}:{where}: warning[{rule}]" in warned.output
    assert f"{characters} characters" in warned.output
    assert f"in {texts} text{'s' * (texts > 1)}:" in warned.output
    assert rule not in invoke("render", str(path)).output  # an SVG draws them
    settings = tmp_path / "settings.toml"
    settings.write_text(f'ignore = ["{rule}"]\n')
    quiet = invoke("render", str(path), "-o", str(tmp_path / f"q.{fmt}"), "--config", str(settings))
    assert quiet.exit_code == 0 and rule not in quiet.output
    assert rule not in invoke("render", str(SEED), "-o", str(tmp_path / f"s.{fmt}")).output
    # Control characters (from escapes) are left out of drawings: not letters it lacks.
    path.write_text('argmap: 1\ntitle: "T\\e[2J"\nclaims:\n  c: {text: "a\\a\\x9b b"}\n')
    controls = invoke("render", str(path), "-o", str(tmp_path / f"c.{fmt}"))
    assert rule not in controls.output and "control-character" in controls.output


@pytest.mark.skipif(shutil.which("graphviz-pure") is None, reason="no builtin engine")
def test_the_builtin_png_font_is_the_one_described() -> None:
    """`render.fonts` says which characters the builtin engine's PNG font has: a character
    it lacks is drawn as the same box as an unassigned one (in a node as wide: the engine
    measures an unknown character by its UTF-8 bytes)."""
    from argmap.render.fonts import in_arimo

    def png(text: str) -> bytes:
        dot = f'digraph {{ node [shape=plaintext fontname=Helvetica]; a [label="{text}"] }}'
        engine = [shutil.which("graphviz-pure") or "", "-Tpng"]
        return subprocess.run(engine, input=dot.encode(), capture_output=True, check=True).stdout

    boxes = {2: png("\u0378"), 3: png("\ue000"), 4: png("\U000f0000")}
    for c in "Āé€Жא‰ẞ" + "ب中ก😀\u1200":  # U+1200: Ethiopic
        assert (png(c) != boxes[len(c.encode())]) is in_arimo(c), c


@pytest.mark.skipif(shutil.which("graphviz-pure") is None, reason="no builtin engine")
@pytest.mark.parametrize(
    "title",
    [
        'a\\" { pwned [label=INJECTED shape=box] }\ndigraph x { //',
        'a\\\u200b" { pwned [label=INJECTED] } //',
        "C:\\Users\\",
        "\u2067\\",
        "\u200c\nA title",  # (a line of nothing drawn: `<B></B>`, which Graphviz refuses)
        # (An emoji's joiner and what it joins left out, after a backslash.)
        'T\\\u200d\u2642" { pwned [label=<INJECTED> shape=star] //',
        "ends in \\\u200d\u2642",
    ],
)
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_a_title_cannot_inject_dot_into_the_builtin_png_or_pdf(title: str, fmt: str) -> None:
    """The DOT of argmap's own PNG and PDF was rewritten whole, each letter Arimo lacks as
    □ and what shows nothing left out: the zero-width space that keeps a title's backslash
    from escaping its closing quote went, and so did an emoji's joiner after one, and the
    rest of the title was read as DOT (a map's own node, drawn instead of the map's; a
    file of the machine's, opened as an image). Only labels are written so now."""
    import json

    from argmap.loader import loads
    from argmap.render import RenderOptions, start

    m = loads(f"argmap: 1\ntitle: {json.dumps(title)}\nclaims:\n  c1: {{text: hello}}\n").map
    assert m is not None
    drawing = start(RenderOptions(format=fmt, engine="builtin"))
    drawing.draw(m)
    assert drawing.result().startswith(b"\x89PNG" if fmt == "png" else b"%PDF")
    laid_out = subprocess.run(
        ["graphviz-pure", "-Tjson"], input=drawing.dot.encode(), capture_output=True, check=True
    )
    names = {o["name"] for o in json.loads(laid_out.stdout)["objects"] if "nodes" not in o}
    assert "c1" in names and "pwned" not in names


@pytest.mark.skipif(shutil.which("graphviz-pure") is None, reason="no builtin engine")
def test_the_builtin_png_is_laid_out_with_the_boxes_it_draws() -> None:
    """A letter Arimo lacks was measured by its bytes and drawn as a wider box: a line of
    Arabic ran out of its node into the next. It is written □, which Arimo has, and a
    selector after an emoji, which shows nothing, is left out; Hebrew, which Arimo has,
    and the isolate it is in stays (ended by its line: see `dot._escaped`)."""
    from argmap.loader import loads
    from argmap.render import RenderOptions, start

    m = loads(
        "argmap: 1\ntitle: عنوان\nclaims:\n  c: {text: مرحبا بالعالم ❤️ שלום, by: a}\n"
        "actors:\n  a: {name: 中文}\n"
    ).map
    assert m is not None
    drawing = start(RenderOptions(format="png", engine="builtin"))
    drawing.draw(m)
    drawing.cancel()
    assert "\u2067□□□□□ □□□□□□□ □ שלום<BR" in drawing.dot and "—\u00a0□□" in drawing.dot
    # Labels only: the quoted strings (the title as the graph's name, tooltips) as written.
    labels = re.sub(r'"(?:[^"\\]|\\.)*"', "", drawing.dot)
    assert not any("\u0600" <= c <= "\u06ff" or c in "❤\ufe0f中文" for c in labels)
    assert 'digraph "عنوان"' in drawing.dot
    svg = start(RenderOptions(format="svg", engine="builtin"))
    svg.draw(m)
    svg.cancel()
    assert "مرحبا" in svg.dot  # (an SVG is drawn in the viewer's fonts)


def test_a_missing_engine_is_exit_2(maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Like a usage error: nothing about the map, and what to install."""
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))
    missing = invoke("render", str(maps / "seed.yaml"), "--engine", "system")
    assert missing.exit_code == 2 and "install Graphviz" in missing.output


def test_focus_on_an_actor_says_what_it_is(maps: Path) -> None:
    result = invoke("render", str(maps / "seed.yaml"), "--focus", "moveon")
    assert result.exit_code == 2
    assert "--focus: `moveon` is an actor in" in result.output
    assert "not a node; give the id of a claim" in result.output


def test_a_bug_met_by_one_of_many_maps_exits_3(
    maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A map that crashed its worker failed its render and the run went on, as it should,
    but the run exited 1, as for a map's errors, where a bug exits 3."""
    import argmap.render.batch

    real = argmap.render.batch.run_one

    def crashes_on_every(job, *args):  # type: ignore[no-untyped-def]
        if "every" in job.source:
            raise KeyError("boom")
        return real(job, *args)

    monkeypatch.setattr(argmap.render.batch, "run_one", crashes_on_every)  # (workers fork)
    result = invoke("render", str(maps), "-o", str(tmp_path / "out") + "/", "--jobs", "2")
    assert result.exit_code == 3, result.output
    assert "internal error: KeyError('boom'); this is a bug" in result.stderr
    assert (tmp_path / "out" / "seed.svg").exists()


def test_a_map_read_from_a_pipe_or_device_is_drawn_to_standard_output(tmp_path: Path) -> None:
    """`render /dev/stdin` wrote /dev/stdin.svg (next to the map, in /dev), and a map given
    as `<(...)` failed to write /dev/fd/63.svg: read as standard input, they are drawn as
    `render -` draws it."""
    from argmap.render.batch import STDOUT, PlanError, plan

    pipe = tmp_path / "map.yaml"
    os.mkfifo(pipe)
    file = tmp_path / "other.yaml"
    file.write_text(Path(SEED).read_text())
    jobs = plan([str(pipe), str(file)], None, "svg")
    assert [job.output for job in jobs] == [STDOUT, str(tmp_path / "other.svg")]
    # Two such maps would be one stream of two drawings, a broken file.
    os.mkfifo(tmp_path / "second.yaml")
    with pytest.raises(PlanError, match="several maps would be drawn to standard output"):
        plan([str(pipe), str(tmp_path / "second.yaml")], None, "svg")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", "/dev/stdin"],
        input=Path(SEED).read_bytes(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith(b"<?xml"), done.stderr
