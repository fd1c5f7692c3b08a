"""`argmap watch`: renders at start, again on each save, and stops when told to."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from argmap.config import Settings
from argmap.render import RenderOptions
from argmap.render.batch import Outcome
from argmap.watch import watch
from conftest import SEED


def wait_for(condition, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_watch_renders_on_save_and_stops(tmp_path: Path) -> None:
    maps, out = tmp_path / "maps", tmp_path / "out"
    maps.mkdir()
    seed = maps / "seed.yaml"
    shutil.copy(SEED, seed)
    rounds: list[list[Outcome]] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch,
        args=([str(maps)], str(out), RenderOptions(), {}, Settings()),
        kwargs={"on_outcomes": rounds.append, "stop": stop},
    )
    thread.start()
    try:
        assert wait_for(lambda: len(rounds) == 1)
        assert (out / "seed.svg").exists()
        time.sleep(0.5)  # let the watcher start before the first save
        seed.write_text(seed.read_text().replace("title: MoveOn isn't backing off", "title: Saved"))
        assert wait_for(lambda: len(rounds) >= 2), "no render after the save"
        assert b"Saved" in (out / "seed.svg").read_bytes()
        seed.write_text(seed.read_text().replace("attacks: singular-focus\n", "attacks: nowhere\n"))
        assert wait_for(lambda: len(rounds) >= 3)
        (broken,) = rounds[-1]
        assert broken.failed
        assert [d.rule for d in broken.report.diagnostics] == ["unknown-reference"]
        assert b"Saved" in (out / "seed.svg").read_bytes()  # the last good drawing stays
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
