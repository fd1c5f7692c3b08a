"""`argmap watch`: render maps again whenever they change on disk (with `watchfiles`)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from threading import Event
from typing import Any

from argmap.checker import SUFFIXES
from argmap.config import Settings
from argmap.render import RenderOptions
from argmap.render.batch import Job, Outcome, PlanError, plan, run_all


def _is_map_file(change: Any, path: str) -> bool:
    return Path(path).suffix in SUFFIXES


def watch(
    paths: Sequence[str],
    output: str,
    base: RenderOptions,
    overrides: dict[str, Any],
    settings: Settings,
    *,
    on_outcomes: Callable[[list[Outcome]], None],
    on_refusal: Callable[[str], None],
    stop: Event | None = None,
) -> None:
    """Render every map once, then each map again when it is saved, until `stop` is set
    (or Ctrl-C). `output` is a folder; outcomes go to `on_outcomes` after each round.
    Raises PlanError if the maps cannot all be drawn into the folder; a map added later
    that cannot (its drawing would overwrite another's) goes to `on_refusal`."""
    from watchfiles import watch as changes_of

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # argmap says "stopped" itself
    folder = output.rstrip("/") + "/"
    on_outcomes(run_all(plan(paths, folder, base.format), base, overrides, settings, workers=1))
    roots = [p if Path(p).is_dir() else str(Path(p).parent) for p in paths]
    for changes in changes_of(
        *roots, watch_filter=_is_map_file, stop_event=stop, debounce=300, raise_interrupt=False
    ):
        changed = {os.path.realpath(p) for _, p in changes}
        # Plan again: a folder may have gained a map since the last round.
        try:
            planned = plan(paths, folder, base.format)
        except PlanError as error:
            on_refusal(str(error))
            continue
        jobs: list[Job] = [
            job
            for job in planned
            if os.path.realpath(job.source) in changed and Path(job.source).is_file()
        ]
        if jobs:
            on_outcomes(run_all(jobs, base, overrides, settings, workers=1))
