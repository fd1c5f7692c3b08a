"""`argmap watch`: renders at start, again on each save, and stops when told to."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from argmap.config import Resolver
from argmap.render import RenderOptions
from argmap.render.batch import Outcome, PlanError
from argmap.watch import GRACE, watch
from conftest import SEED


def wait_for(condition, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@contextmanager
def watching(tmp_path: Path) -> Iterator[tuple[Path, Path, list[list[Outcome]], list[str]]]:
    """`watch` in a thread on a folder holding the seed map, once its first round is drawn
    and the watcher has started: the map, the output folder, each round's outcomes and
    each refusal, as they come; stopped (and checked to stop) at the end."""
    maps, out = tmp_path / "maps", tmp_path / "out"
    maps.mkdir()
    seed = maps / "seed.yaml"
    shutil.copy(SEED, seed)
    rounds: list[list[Outcome]] = []
    refusals: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch,
        args=([str(maps)], str(out), RenderOptions(), {}, Resolver()),
        kwargs={"on_outcomes": rounds.append, "on_refusal": refusals.append, "stop": stop},
    )
    thread.start()
    try:
        assert wait_for(lambda: len(rounds) == 1)
        time.sleep(0.5)  # let the watcher start before the first change
        yield seed, out, rounds, refusals
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_watch_renders_on_save_and_stops(tmp_path: Path) -> None:
    with watching(tmp_path) as (seed, out, rounds, refusals):
        assert (out / "seed.svg").exists()
        seed.write_text(seed.read_text().replace("title: MoveOn isn't backing off", "title: Saved"))
        assert wait_for(lambda: len(rounds) >= 2), "no render after the save"
        assert b"Saved" in (out / "seed.svg").read_bytes()
        seed.write_text(seed.read_text().replace("attacks: singular-focus\n", "attacks: nowhere\n"))
        assert wait_for(lambda: len(rounds) >= 3)
        (broken,) = rounds[-1]
        assert broken.failed
        assert [d.rule for d in broken.report.diagnostics] == ["unknown-reference"]
        assert b"Saved" in (out / "seed.svg").read_bytes()  # the last good drawing stays
        shutil.copy(SEED, seed.with_suffix(".yml"))  # would be drawn onto out/seed.svg too
        assert wait_for(lambda: refusals), "a map added onto another's drawing is not refused"
        assert "would both be drawn to" in refusals[0]


def test_watch_finds_the_settings_of_a_folder_made_since(tmp_path: Path) -> None:
    """Each map's settings are its folder's: a folder made while watching has its own,
    and their mistakes are refused (each on its own), not the end of watching."""
    with watching(tmp_path) as (seed, out, _, refusals):
        lax, wrong = seed.parent / "lax", seed.parent / "wrong"
        lax.mkdir()
        wrong.mkdir()
        (lax / ".argmap.toml").write_text('ignore = ["unknown-reference"]\n')
        (wrong / ".argmap.toml").write_text("strict = 1\nslect = []\n")
        time.sleep(0.5)  # let the watcher follow the new folders
        broken = seed.read_text().replace("attacks: singular-focus\n", "attacks: nowhere\n")
        (lax / "x.yaml").write_text(broken)
        assert wait_for(lambda: (out / "lax" / "x.svg").exists()), "its settings are not found"
        shutil.copy(SEED, wrong / "x.yaml")
        assert wait_for(lambda: len(refusals) == 2), "a settings file's mistakes are not said"
        where = wrong / ".argmap.toml"
        assert refusals == [
            f"{where}:1:10: `strict` must be true or false",
            f"{where}:2:1: unknown setting `slect`; did you mean `select`?",
        ]
        seed.write_text(seed.read_text().replace("title: MoveOn isn't backing off", "title: Saved"))
        assert wait_for(lambda: b"Saved" in (out / "seed.svg").read_bytes()), "watching stopped"


def test_watch_refuses_what_it_cannot_draw(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from argmap.cli import app

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        shutil.copy(SEED, tmp_path / name / "x.yaml")
    paths = [str(tmp_path / "a" / "x.yaml"), str(tmp_path / "b" / "x.yaml")]
    runner = CliRunner()
    clash = runner.invoke(app, ["watch", *paths, "-o", str(tmp_path / "out")])
    assert clash.exit_code == 2 and "would both be drawn to" in clash.output
    onto_a_file = runner.invoke(app, ["watch", paths[0], "-o", paths[1]])
    assert onto_a_file.exit_code == 2 and "watch draws into a folder" in onto_a_file.output
    # Standard output made a folder named `-`; a device was called a file.
    stdout = runner.invoke(app, ["watch", paths[0], "-o", "-"])
    assert stdout.exit_code == 2 and "-o - is standard output" in stdout.output
    device = runner.invoke(app, ["watch", paths[0], "-o", os.devnull])
    assert device.exit_code == 2 and f"-o {os.devnull} is no folder" in device.output
    # Standard input was "no such file or folder: -".
    stdin = runner.invoke(app, ["watch", "-", "-o", str(tmp_path / "out")])
    assert stdin.exit_code == 2 and "standard input (-) is none" in stdin.output


def test_watch_goes_on_past_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """The file watcher cannot name such a file: its change is said, and watching goes on."""
    latin1 = tmp_path / os.fsdecode(b"caf\xe9")
    try:
        latin1.mkdir()
    except OSError:  # a file system that takes only UTF-8 names has no such files
        pytest.skip("file names must be UTF-8 here")
    with pytest.raises(PlanError, match="its path is not UTF-8"):
        watch(
            [str(latin1)],
            str(tmp_path / "out"),
            RenderOptions(),
            {},
            Resolver(),
            on_outcomes=print,
            on_refusal=print,
        )
    with watching(tmp_path) as (seed, out, rounds, refusals):
        shutil.copy(SEED, seed.parent / os.fsdecode(b"n\xe9.yaml"))
        assert wait_for(lambda: refusals), "the unnamed change is not said"
        assert "not UTF-8" in refusals[0]
        assert wait_for(lambda: len(rounds) >= 2)
        assert len(rounds[-1]) == 2  # every map again, the new one with it
        time.sleep(0.5)
        seed.write_text(seed.read_text().replace("title: MoveOn isn't backing off", "title: Saved"))
        assert wait_for(lambda: b"Saved" in (out / "seed.svg").read_bytes()), "watching stopped"


def test_a_gone_maps_drawing_goes_unless_changed_since(tmp_path: Path) -> None:
    """A renamed map left its old drawing in the folder. One changed since it was drawn
    (by hand, or another run) stays."""
    with watching(tmp_path) as (seed, out, _, _):
        renamed = seed.rename(seed.with_name("renamed.yaml"))
        assert wait_for(lambda: (out / "renamed.svg").exists() and not (out / "seed.svg").exists())
        (out / "renamed.svg").write_text("<svg>edited</svg>")
        renamed.unlink()
        time.sleep(3 * GRACE)  # (time for a removal to happen)
        assert (out / "renamed.svg").read_text() == "<svg>edited</svg>"


def test_a_maps_drawing_stays_while_it_is_there(tmp_path: Path) -> None:
    """Deleted and written anew a moment later (broken, even), a map is saved, not gone; a
    link to a map keeps its drawing when the map it led to goes; deleting one of two maps
    that would be drawn to one file draws the other."""
    with watching(tmp_path) as (seed, out, rounds, refusals):
        good = seed.read_text()
        seed.unlink()
        time.sleep(GRACE / 4)
        seed.write_text(good.replace("attacks: singular-focus\n", "attacks: nowhere\n"))
        assert wait_for(lambda: len(rounds) >= 2)
        time.sleep(3 * GRACE)
        assert (out / "seed.svg").exists()  # the last good drawing
        seed.write_text(good)
        (seed.parent / "v2.yaml").write_text(good)
        link = seed.parent / "current.yaml"
        link.symlink_to("v2.yaml")
        assert wait_for(lambda: (out / "current.svg").exists() and (out / "v2.svg").exists())
        link.unlink()
        link.symlink_to("seed.yaml")
        (seed.parent / "v2.yaml").unlink()
        assert wait_for(lambda: not (out / "v2.svg").exists())
        assert (out / "current.svg").exists()
        shutil.copy(seed, seed.with_suffix(".yml"))  # refused: drawn onto out/seed.svg too
        assert wait_for(lambda: refusals)
        seed.unlink()
        assert wait_for(lambda: any(o.job.source.endswith(".yml") for r in rounds for o in r))
        assert (out / "seed.svg").exists()


def test_a_link_to_a_map_elsewhere_is_drawn_when_that_map_is_saved(tmp_path: Path) -> None:
    """The watcher followed the folders watched only: a map that is a link to a file in
    another folder was drawn once, not when that file was saved, and its drawing stayed
    when the file was deleted."""
    with watching(tmp_path) as (seed, out, _, _):
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        real = elsewhere / "real.yaml"
        shutil.copy(SEED, real)
        (seed.parent / "linked.yaml").symlink_to(real)
        assert wait_for(lambda: (out / "linked.svg").exists())
        time.sleep(0.5)  # let the watcher follow the new folder
        real.write_text(real.read_text().replace("title: MoveOn isn't backing off", "title: Saved"))
        assert wait_for(lambda: b"Saved" in (out / "linked.svg").read_bytes()), "save unseen"
        real.unlink()
        assert wait_for(lambda: not (out / "linked.svg").exists()), "drawing of no map stays"
        assert (out / "seed.svg").exists()
        # Through a link elsewhere, retargeted; and a link to a map in the folder itself,
        # whose drawing stayed when that map went.
        other = elsewhere / "other.yaml"
        shutil.copy(SEED, other)
        hop = elsewhere / "hop.yaml"
        hop.symlink_to(real)
        (seed.parent / "chain.yaml").symlink_to(hop)
        (seed.parent / "alias.yaml").symlink_to("seed.yaml")
        assert wait_for(lambda: (out / "alias.svg").exists()), "a new link is not drawn"
        hop.unlink()
        hop.symlink_to(other)
        assert wait_for(lambda: (out / "chain.svg").exists()), "a link retargeted is not drawn"
        time.sleep(0.5)
        other.write_text(other.read_text().replace("title: MoveOn isn't backing off", "title: Hop"))
        assert wait_for(lambda: b"Hop" in (out / "chain.svg").read_bytes()), "save unseen"
        seed.unlink()
        assert wait_for(lambda: not (out / "alias.svg").exists()), "drawing of no map stays"


def test_watch_goes_on_when_its_folder_is_made_again(tmp_path: Path) -> None:
    """`git checkout` of another branch, or `rm -rf maps && cp -r ... maps`, removes the
    folder watched and makes it anew: the watcher stayed on the folder that was, and
    heard nothing more. The removal is said once; when the folder is back, every map is
    drawn again (a map that did not come back loses its drawing), and watching goes on."""
    with watching(tmp_path) as (seed, out, _, refusals):
        maps, good = seed.parent, seed.read_text()
        shutil.rmtree(maps)
        assert wait_for(lambda: refusals), "the removal is not said"
        time.sleep(3 * GRACE)  # (said once, however long it is gone)
        assert refusals == [
            f"{maps}{os.sep} was removed; waiting for it to come back (Ctrl-C stops)"
        ]
        maps.mkdir()
        (maps / "new.yaml").write_text(good)
        assert wait_for(lambda: (out / "new.svg").exists()), "the folder back is not drawn"
        assert wait_for(lambda: not (out / "seed.svg").exists())
        time.sleep(0.5)
        saved = good.replace("title: MoveOn isn't backing off", "title: Saved")
        (maps / "new.yaml").write_text(saved)
        assert wait_for(lambda: b"Saved" in (out / "new.svg").read_bytes()), "watching stopped"
        # Removed and made anew at once: there when looked for, but another folder.
        shutil.rmtree(maps)
        maps.mkdir()
        (maps / "new.yaml").write_text(good)
        assert wait_for(lambda: b"Saved" not in (out / "new.svg").read_bytes())
        time.sleep(0.5)
        (maps / "new.yaml").write_text(saved)
        assert wait_for(lambda: b"Saved" in (out / "new.svg").read_bytes()), "watching stopped"
        assert len(refusals) == 1


def test_maps_made_again_are_drawn_beside_a_folder_whose_settings_are_wrong(
    tmp_path: Path,
) -> None:
    """Every map drawn again (its folder made anew) was refused for one subfolder's
    settings file with mistakes: none was drawn. Its maps are refused, the others drawn."""
    with watching(tmp_path) as (seed, out, _, refusals):
        maps, good = seed.parent, seed.read_text()
        shutil.rmtree(maps)
        assert wait_for(lambda: refusals), "the removal is not said"
        (maps / "wrong" / ".argmap.toml").mkdir(parents=True)  # (no file: a mistake)
        (maps / "wrong" / "x.yaml").write_text(good)
        (maps / "new.yaml").write_text(good)
        assert wait_for(lambda: (out / "new.svg").exists()), "the others are not drawn"
        assert wait_for(lambda: len(refusals) == 2)
        assert "cannot read settings: it is no file" in refusals[1]
        assert not (out / "wrong" / "x.svg").exists()


def test_watch_stopped_by_sigterm_says_so_once(tmp_path: Path) -> None:
    """`timeout`, or a cancelled job, ends a watch with SIGTERM: it said "stopped", then
    "terminated"; now the one, and exits as shells report the signal (143)."""
    import signal
    import subprocess
    import sys

    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(SEED, maps / "seed.yaml")
    command = [sys.executable, "-m", "argmap", "watch", str(maps), "-o", str(tmp_path / "out")]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: (tmp_path / "out" / "seed.svg").exists())
        time.sleep(0.5)  # (watching)
        run.send_signal(signal.SIGTERM)
        _, stderr = run.communicate(timeout=20)
    finally:
        run.kill()
    assert run.returncode == 143
    assert stderr.endswith("\nterminated\n") and "\nstopped\n" not in stderr
