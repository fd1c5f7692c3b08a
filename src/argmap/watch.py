"""`argmap watch`: render maps again whenever they change on disk (with `watchfiles`)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from threading import Event
from typing import Any

from argmap.checker import is_yaml_name
from argmap.config import ConfigError, Settings
from argmap.files import real_path
from argmap.printable import writable
from argmap.render import RenderOptions
from argmap.render.batch import Job, Outcome, PlanError, plan, run_all

GRACE = 1.0  # seconds a deleted map stays gone before its drawing is removed


def _seen(path: str) -> tuple[int, int, int] | None:
    """What the file at `path` (through any links) is, as far as a save changes it: its
    time, size and inode (a save by rename is another file); None if there is none."""
    try:
        found = Path(path).stat()
    except OSError:  # (gone, a loop, or no longer readable: none)
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino


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
    `on_refusal`, each mistake on its own. When a map is deleted (or renamed) and stays
    gone for GRACE seconds, the drawing this watch made of it is removed, unless it has
    changed since, and named to `on_removed`: a renamed map's old drawing would otherwise
    stay in the folder. When a folder watched is removed (`git checkout`, `rm -rf maps`),
    `on_refusal` is told once, and the watch waits for it to be back, then draws every map
    again and watches on."""
    from watchfiles import Change
    from watchfiles import watch as changes_of

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # argmap says "stopped" itself
    folder = output.rstrip("/") + "/"
    roots = [p if Path(p).is_dir() else str(Path(p).parent) for p in paths]
    # The folders watched, by the absolute paths the watcher names their removals with.
    watched = {os.path.abspath(root) for root in roots}  # noqa: PTH100
    stopping = stop or Event()  # (also ends the wait for a folder removed)
    for root in roots:
        where = str(Path(root).absolute())
        if writable(where) != where:  # undecodable bytes of the name: not UTF-8
            raise PlanError(
                f"cannot watch {root}: its path is not UTF-8, and the file watcher follows "
                "only UTF-8 names; rename the folder, or render it with `argmap render`"
            )

    # Each map's drawing made here, as it was written: the map's path -> the drawing, its
    # time and size (a drawing changed since, by hand or by another map, stays). By the
    # path the map is watched at, not where a link leads: a link moved to another map
    # keeps its drawing when the old one is deleted.
    made: dict[str, tuple[str, int, int]] = {}
    # Maps deleted, and when their drawings go if they are still gone: a writer that
    # deletes a map and writes it anew a moment later is saving it.
    gone: dict[str, float] = {}
    # The maps that are links, and the file each led to when drawn, as `_seen` sees it.
    # The watcher hears of the files in the folders watched, by their own names: not of
    # a file a link leads to elsewhere (or through another link), nor that a link's map
    # is gone. Each link's file is looked at instead, whenever the watcher wakes.
    links: dict[str, tuple[int, int, int] | None] = {}

    def note_links(planned: list[Job]) -> None:
        """Follow the links among the maps `planned`, and no other."""
        now = {os.path.abspath(j.source) for j in planned if Path(j.source).is_symlink()}  # noqa: PTH100
        for link in links.keys() - now:
            del links[link]
        for link in now - links.keys():
            links[link] = _seen(link)

    def relinked() -> tuple[set[str], set[str]]:
        """The links whose file changed since it was drawn, and those that lead nowhere now."""
        now = {link: _seen(link) for link in links}
        changed = {link for link, seen in links.items() if now[link] != seen}
        return changed, {link for link in changed if now[link] is None}

    def draw(jobs: list[Job]) -> None:
        for job in jobs:  # (before: a save while it is drawn is drawn again)
            if (link := os.path.abspath(job.source)) in links:  # noqa: PTH100
                links[link] = _seen(link)
        outcomes = run_all(jobs, base, overrides, settings, workers=1)
        for outcome in outcomes:
            with suppress(OSError):  # not written (the map has errors), or gone since
                if not outcome.failed:
                    written = Path(outcome.job.output).stat()
                    source = os.path.abspath(outcome.job.source)  # noqa: PTH100
                    made[source] = (outcome.job.output, written.st_mtime_ns, written.st_size)
        on_outcomes(outcomes)

    def clear() -> set[str]:
        """Remove the drawings made here of the maps gone for GRACE seconds; the drawings
        removed."""
        removed = set()
        for source, when in list(gone.items()):
            if Path(source).exists():  # back again: it was saved
                del gone[source]
                continue
            if when > time.monotonic():  # not gone for long enough yet
                continue
            del gone[source]
            drawing, written, size = made.pop(source, ("", 0, -1))  # (-1: no file's size)
            with suppress(OSError):
                now = Path(drawing).stat()
                if (now.st_mtime_ns, now.st_size) == (written, size):
                    Path(drawing).unlink()
                    removed.add(drawing)
                    on_removed(drawing)
        return removed

    def redraw(which: Callable[[list[Job]], list[Job]]) -> None:
        """Plan again (a folder may have gained a map) and draw the jobs `which` keeps; what
        cannot be drawn (a clash of outputs, a settings file with mistakes) is refused."""
        try:
            planned = plan(paths, folder, base.format)
        except PlanError as error:
            on_refusal(str(error))
            return
        note_links(planned)
        # (The maps whose settings have mistakes are refused, the others drawn: all of the
        # folder made again were refused for one subfolder's settings.)
        jobs, problems = [], {}
        for job in which(planned):
            try:
                settings(job.source)
            except ConfigError as error:
                problems.update(dict.fromkeys(error.problems))
            else:
                jobs.append(job)
        for problem in problems:
            on_refusal(problem)
        try:
            if jobs:
                draw(jobs)
        except ConfigError as error:  # (a settings file made broken meanwhile)
            for problem in error.problems:
                on_refusal(problem)

    def wanted(change: Change, path: str) -> bool:
        """A map's change, or a folder watched removed (or renamed away): the watcher stays
        on the folder that was, and hears nothing of one made again in its place."""
        return is_yaml_name(path) or (
            change == Change.deleted and os.path.abspath(path) in watched  # noqa: PTH100
        )

    def lost() -> str | None:
        """A folder watched that is no folder now, if any."""
        return next((root for root in roots if not Path(root).is_dir()), None)

    def follow(everything: bool) -> bool:
        """Draw each map that changes (and every map first, if `everything`, once the
        watcher has started: no change in between is missed), until `stop` is set or
        Ctrl-C, or a folder watched is removed: whether that is why it ended."""
        try:
            for changes in changes_of(
                *roots,
                watch_filter=wanted,
                stop_event=stopping,
                debounce=300,
                raise_interrupt=False,
                rust_timeout=int(GRACE * 500),  # no change for a while: see to what is gone
                yield_on_timeout=True,
            ):
                deleted = {os.path.abspath(p) for c, p in changes if c == Change.deleted}  # noqa: PTH100
                moved, nowhere = relinked()
                for link in moved - nowhere:  # (drawn below; a link's file saved elsewhere)
                    changes.add((Change.modified, link))
                deleted |= nowhere
                gone.update(dict.fromkeys(deleted & made.keys(), time.monotonic() + GRACE))
                # (By the removal, not the folder's absence: one made again at once is
                # another folder, which the watcher does not follow.)
                if deleted & watched or lost():
                    return True
                changed = {real_path(p) for _, p in changes}
                links.update(dict.fromkeys(nowhere))  # (said once, until it leads somewhere)
                removed = clear()
                if everything:
                    everything = False
                    redraw(lambda planned: planned)
                    continue
                if not changed and not removed:
                    continue

                def saved(
                    planned: list[Job], changed: set[str] = changed, removed: set[str] = removed
                ) -> list[Job]:
                    """The maps saved, and any whose drawing was the one removed (the other
                    of two maps that would be drawn to one file, refused until now)."""
                    return [
                        job
                        for job in planned
                        if (real_path(job.source) in changed or job.output in removed)
                        and Path(job.source).is_file()
                    ]

                redraw(saved)
        except FileNotFoundError:  # the watcher started on a folder removed since
            if lost():
                return True
            raise
        return False

    def back() -> bool:
        """Wait until the folders watched are all there again (saying so, unless they
        are already): whether they are, or the watch was stopped first."""
        with suppress(KeyboardInterrupt):  # Ctrl-C stops the watch here too
            if away := lost():
                on_refusal(
                    f"{Path(away)}{os.sep} was removed; waiting for it to come back (Ctrl-C stops)"
                )
            while lost():
                if stopping.wait(GRACE / 2):
                    return False
            return True
        return False

    planned = plan(paths, folder, base.format)  # every map; a mistake here ends the watch
    note_links(planned)
    draw(planned)
    everything = False
    while True:
        try:
            if not follow(everything) or not back():
                return
        except RuntimeError as error:  # watchfiles cannot name a file that is not UTF-8
            if "decode path" not in str(error):
                raise
            on_refusal(
                "a file whose name is not UTF-8 changed, and the file watcher cannot follow such "
                "names: drawing every map again, then watching on (renaming the file avoids this)"
            )
        everything = True  # every map again, for what changed while no watcher was on
