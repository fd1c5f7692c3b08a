"""`argmap watch`: render maps again whenever they change on disk (with `watchfiles`)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from threading import Event
from typing import Any

from argmap.checker import is_yaml_name
from argmap.config import ConfigError, Settings
from argmap.printable import writable
from argmap.render import RenderOptions
from argmap.render.batch import Job, Outcome, PlanError, plan, run_all


def _is_map_file(change: Any, path: str) -> bool:
    return is_yaml_name(path)


def watch(
    paths: Sequence[str],
    output: str,
    base: RenderOptions,
    overrides: dict[str, Any],
    settings: Callable[[str], Settings],
    *,
    on_outcomes: Callable[[list[Outcome]], None],
    on_refusal: Callable[[str], None],
    on_removed: Callable[[str], None] = lambda drawing: None,
    stop: Event | None = None,
) -> None:
    """Render every map once, then each map again when it is saved, until `stop` is set
    (or Ctrl-C). `output` is a folder; outcomes go to `on_outcomes` after each round.
    `settings` gives each map's (config.Resolver), each folder's found once. Raises
    PlanError if the maps cannot all be drawn into the folder, ConfigError if their
    settings have mistakes; a map saved later that cannot be drawn for either reason (its
    drawing would overwrite another's; a settings file first met now) goes to
    `on_refusal`, each mistake on its own. When a map is deleted (or renamed), the drawing
    this watch made of it is removed, unless it has changed since, and named to
    `on_removed`: a renamed map's old drawing would otherwise stay in the folder."""
    from watchfiles import Change
    from watchfiles import watch as changes_of

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # argmap says "stopped" itself
    folder = output.rstrip("/") + "/"
    roots = [p if Path(p).is_dir() else str(Path(p).parent) for p in paths]
    for root in roots:
        where = str(Path(root).absolute())
        if writable(where) != where:  # undecodable bytes of the name: not UTF-8
            raise PlanError(
                f"cannot watch {root}: its path is not UTF-8, and the file watcher follows "
                "only UTF-8 names; rename the folder, or render it with `argmap render`"
            )

    # Each map's drawing made here, as it was written: the map's real path -> the drawing,
    # its time and size (a drawing changed since, by hand or by another run, stays).
    made: dict[str, tuple[str, int, int]] = {}

    def draw(jobs: list[Job]) -> None:
        outcomes = run_all(jobs, base, overrides, settings, workers=1)
        for outcome in outcomes:
            with suppress(OSError):  # not written (the map has errors), or gone since
                if not outcome.failed:
                    written = Path(outcome.job.output).stat()
                    source = os.path.realpath(outcome.job.source)
                    made[source] = (outcome.job.output, written.st_mtime_ns, written.st_size)
        on_outcomes(outcomes)

    def clear(deleted: set[str]) -> None:
        """Remove the drawings made here of the maps in `deleted` (real paths) that are gone."""
        for source in deleted & made.keys():
            if Path(source).exists():  # saved by renaming a new file over it: still there
                continue
            drawing, time, size = made.pop(source)
            with suppress(OSError):
                now = Path(drawing).stat()
                if (now.st_mtime_ns, now.st_size) == (time, size):
                    Path(drawing).unlink()
                    on_removed(drawing)

    def redraw(which: Callable[[list[Job]], list[Job]]) -> None:
        """Plan again (a folder may have gained a map) and draw the jobs `which` keeps; what
        cannot be drawn (a clash of outputs, a settings file with mistakes) is refused."""
        try:
            jobs = which(plan(paths, folder, base.format))
            if jobs:
                draw(jobs)
        except PlanError as error:
            on_refusal(str(error))
        except ConfigError as error:
            for problem in error.problems:
                on_refusal(problem)

    def follow() -> None:
        """Draw each map that changes, until `stop` is set or Ctrl-C."""
        for changes in changes_of(
            *roots, watch_filter=_is_map_file, stop_event=stop, debounce=300, raise_interrupt=False
        ):
            changed = {os.path.realpath(p) for _, p in changes}
            clear({os.path.realpath(p) for change, p in changes if change == Change.deleted})

            def saved(planned: list[Job], changed: set[str] = changed) -> list[Job]:
                return [
                    job
                    for job in planned
                    if os.path.realpath(job.source) in changed and Path(job.source).is_file()
                ]

            redraw(saved)

    draw(plan(paths, folder, base.format))  # every map; a mistake here ends the watch
    while True:
        try:
            follow()
            return
        except RuntimeError as error:  # watchfiles cannot name a file that is not UTF-8
            if "decode path" not in str(error):
                raise
            on_refusal(
                "a file whose name is not UTF-8 changed, and the file watcher cannot follow such "
                "names: drawing every map again, then watching on (renaming the file avoids this)"
            )
        redraw(lambda planned: planned)  # again, for what the stop missed
