"""Rendering many maps: plan the output paths, check and render each map (in parallel
processes), write atomically or compare with what is on disk (`--check`)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argmap.checker import FileReport, astray_error, check_loaded, discover, maybe_file
from argmap.config import Settings
from argmap.diagnostics import Diagnostic, Severity
from argmap.files import (
    other_format,
    real_path,
    replaces_yaml,
    same_file,
    write_atomic,
    write_problem,
)
from argmap.graph import graph_for
from argmap.loader import gc_paused, load
from argmap.render import FORMATS, Drawing, RenderError, RenderOptions, options_for, start

STDOUT = "-"
_SUFFIXES = {f".{fmt}" for fmt in FORMATS}


@dataclass(frozen=True, slots=True)
class Job:
    source: str
    output: str  # a path, or "-" for standard output
    # The folder that no link may lead out of: -o when it is a folder, or the map's own
    # without -o (a pull request's `map.svg` linked to `~/.bashrc` had it replaced).
    folder: str | None = None
    astray: str = ""  # the folder where the map, a link that leads astray, was found: not read


@dataclass(frozen=True)
class Outcome:
    job: Job
    report: FileReport  # the check's diagnostics for the map
    error: str | None = None  # why it was not rendered, besides the map's own errors
    stale: str = ""  # --check: why the file on disk is not the rendering ("" if it is)
    data: bytes = field(default=b"", repr=False)  # the rendering, when it goes to stdout
    usage: bool = False  # `error` is an option that does not fit the map, or a file (exit 2)
    internal: bool = False  # `error` is a bug in argmap (exit 3, as for one map)

    @property
    def failed(self) -> bool:
        return self.error is not None or bool(self.stale) or _has_errors(self.report.diagnostics)


def _has_errors(diagnostics: Sequence[Diagnostic], settings: Settings | None = None) -> bool:
    """Whether any of `diagnostics` is an error (that `settings` does not switch off)."""
    return any(
        d.severity is Severity.ERROR and (settings is None or settings.enabled(d.rule))
        for d in diagnostics
    )


class PlanError(Exception):
    """The paths and -o do not fit together (a usage error)."""


def plan(
    paths: Sequence[str],
    output: str | None,
    fmt: str,
    maps_dir: str | Path | None = None,
    config: Path | None = None,
) -> list[Job]:
    """Which map goes to which output file. One map may go to a file or stdout; several
    maps, or a folder, go into a folder (-o DIR), or next to each map without -o. (Under
    `maps_dir`, as `discover` finds them: `config` is --config's settings file.)"""
    if "" in paths:  # (as a path, the current folder)
        raise PlanError(
            "a path is empty: is a variable in the command unset? Name a map or a folder"
        )
    if maps_dir == "":
        raise PlanError("--maps-dir is empty: is a variable in the command unset? Name a folder")
    astray: list[tuple[str, str]] = []
    sources = list(discover(paths, maps_dir, astray, config))  # each map once
    sources += [link for link, _ in astray]  # (reported as check reports them)
    many = len(sources) > 1 or any(Path(p).is_dir() for p in paths)
    if output == STDOUT and many:
        raise PlanError("-o - writes one map to standard output; pass a single map file")
    into_folder = output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    if many and not into_folder and output is not None:
        # (A file already there, whatever its name: each map failed on it, one by one.)
        there = Path(output).exists()
        if there or Path(output).suffix in _SUFFIXES:
            raise PlanError(
                f"{len(sources)} maps need a folder for -o, and {output} "
                f"{'is' if there else 'names'} a file; give a folder such as build/"
            )
    if output is not None and output != STDOUT and (many or into_folder):
        folder = Path(output)
        # (Under --maps-dir too: the changed files that pre-commit passes are drawn where
        # the folder's render draws them, `maps/a/x.yaml` to `docs/a/x.svg`.)
        roots = [Path(p) for p in paths if Path(p).is_dir()]
        if maps_dir is not None:
            roots.append(Path(maps_dir))
        jobs = [
            Job(s, str(folder / _relative(s, roots).with_suffix(f".{fmt}")), str(folder))
            for s in sources
        ]
    elif output is not None:
        jobs = [Job(s, output) for s in sources]
    else:  # (next to each map, in its folder, which no link may lead out of either)
        jobs = [
            Job(s, str(Path(s).with_suffix(f".{fmt}")), str(Path(s).parent))
            if _a_file(s)
            else Job(s, STDOUT)
            for s in sources
        ]
    if sum(job.output == STDOUT for job in jobs) > 1:  # (two maps piped in: one broken file)
        raise PlanError(
            "several maps would be drawn to standard output, one after another in one "
            "stream; give a folder with -o DIR/"
        )
    _refuse_collisions(jobs)
    found_in = dict(astray)
    return [
        replace(job, astray=found_in[job.source]) if job.source in found_in else job for job in jobs
    ]


def _a_file(source: str) -> bool:
    """Whether `source` is a file (or what cannot be looked at, which loading reports),
    which its drawing goes beside; not `-` nor a pipe or device, which are read as standard
    input is: `render /dev/stdin` wrote `/dev/stdin.svg`, and `render <(...)` failed to
    write `/dev/fd/63.svg`. Their drawing goes to standard output, as `-`'s does."""
    return source != STDOUT and maybe_file(Path(source))


def _refuse_collisions(jobs: list[Job]) -> None:
    """Two maps drawn to one file would leave only the last; and a drawing must not
    overwrite a map (`-o map.yaml --format dot`, or a link named like the drawing that
    leads to another map)."""
    # A drawing given as a map (`render maps/*` after a render) is none, which loading
    # says: nothing is drawn from it, and its map's drawing may replace it.
    drawings = {job.source for job in jobs if _no_map(job.source)}
    maps = {real_path(j.source): j.source for j in jobs if j.source not in (STDOUT, *drawings)}
    seen: dict[str, str] = {}
    for job in jobs:
        if job.output == STDOUT or job.source in drawings:
            continue
        if job.source == STDOUT and same_file("-", job.output):  # `render - -o /dev/stdin`
            raise PlanError(f"-o {job.output} is the map itself (standard input); give another")
        target = real_path(job.output)
        if maps.get(target) == job.source:
            # ("The output": without -o, it is the drawing's name beside the map, a link.)
            raise PlanError(f"the output {job.output} is the map itself; give another with -o")
        if target in maps:
            raise PlanError(
                f"{job.source} would be drawn onto {job.output}, which is the map "
                f"{maps[target]}; give another output file or folder with -o"
            )
        if problem := replaces_yaml(job.output):
            raise PlanError(f"the output {problem}; give another with -o")
        if target in seen:
            raise PlanError(
                f"{seen[target]} and {job.source} would both be drawn to {job.output}; "
                "render them into separate folders"
            )
        seen[target] = job.source


def _no_map(source: str) -> bool:
    """Whether the file `source` is in another format (a drawing, SVG, PNG, ...) rather
    than a map. (One named `.yaml` is taken for a map, unread.)"""
    path = Path(source)
    if source == STDOUT or path.suffix.lower() in (".yaml", ".yml"):
        return False
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # (a pipe read here is read no more)
            return False
        with path.open("rb") as stream:
            return other_format(stream.read(4096)) is not None
    except OSError:
        return False


def _relative(source: str, roots: list[Path]) -> Path:
    """Where a map's drawing goes inside an output folder: its path under the folder
    given on the command line (or --maps-dir), else its name (`stdin` for standard
    input's)."""
    if source == STDOUT:
        return Path("stdin")
    path = Path(os.path.abspath(source))  # noqa: PTH100 (as written: links not followed)
    for root in roots:
        if path.is_relative_to(os.path.abspath(root)):  # noqa: PTH100
            return path.relative_to(os.path.abspath(root))  # noqa: PTH100
    return Path(path.name)


def _leads_out(job: Job) -> str | None:
    """Why the drawing may be neither written nor read: a link inside the output folder
    (to a file or to a folder on the way) leads out of it. A pull request can commit such
    links into a folder that CI renders into, to have it write, or read, any file."""
    if job.folder is None:
        return None
    target = real_path(job.output)
    if Path(target).is_relative_to(real_path(job.folder)):
        return None
    return (
        f"{job.output} leads to {target}, outside the output folder {job.folder}{os.sep}; "
        "remove the link or render to another folder"
    )


def _draw(
    job: Job, base: RenderOptions, overrides: dict[str, Any], settings: Settings
) -> tuple[FileReport, bytes | None, RenderError | None]:
    """The map's check report, its rendering (None if not drawn), and why not, besides the
    map's own errors. The layout engine starts first and lays the map out while its rules
    are checked; when the map has errors the engine is stopped."""
    drawing: Drawing | None = None
    try:
        report, drawing, failure = _lay_out(job, base, overrides, settings)
        if drawing is None or failure is not None or _has_errors(report.diagnostics, settings):
            return _lacking(report, drawing, settings), None, failure
        try:
            data = drawing.result()
        except RenderError as error:
            return _lacking(report, drawing, settings), None, error
        return _lacking(report, drawing, settings), data, None
    finally:  # errors, or an interrupt: leave no engine running (a no-op once it is done)
        if drawing is not None:
            drawing.cancel()


def _lacking(report: FileReport, drawing: Drawing | None, settings: Settings) -> FileReport:
    """The report with the warnings of what the drawing lacks, once it is laid out."""
    lacks = [w for w in drawing.warnings if settings.enabled(w.rule)] if drawing else []
    return replace(report, diagnostics=(*report.diagnostics, *lacks))


def _lay_out(
    job: Job, base: RenderOptions, overrides: dict[str, Any], settings: Settings
) -> tuple[FileReport, Drawing | None, RenderError | None]:
    """The map's check report, and its drawing under way (None if the engine could not
    start) and why it cannot be drawn. The map and its graph are freed on return, while
    the engine works."""
    drawing: Drawing | None = None
    failure: RenderError | None = None
    try:
        with _held_interrupts():
            try:
                drawing = start(base)
            except RenderError as error:
                failure = error
        # (The loader's looks that change nothing in the map, made while the engine works.)
        loaded = load(job.source, later=True)
        if loaded.map is None or _has_errors(loaded.diagnostics, settings):
            loaded = loaded.finished()  # (the caller stops the engine)
            return (
                FileReport(loaded.path, loaded.text, check_loaded(loaded, settings)),
                drawing,
                None,
            )
        with graph_for(loaded.map) as graph:
            if drawing is not None:
                try:
                    drawing.draw(loaded.map, graph, options_for(loaded.map, base, overrides).dot)
                except RenderError as error:
                    failure = error
            found = check_loaded(loaded.finished(), settings, graph)
        return FileReport(loaded.path, loaded.text, tuple(found)), drawing, failure
    except BaseException:  # the caller never gets the drawing to stop
        if drawing is not None:
            drawing.cancel()
        raise


def run_one(
    job: Job, base: RenderOptions, overrides: dict[str, Any], settings: Settings, check_only: bool
) -> Outcome:
    """Check, render and write (or compare) one map. Runs in a worker process."""
    if job.astray:
        return Outcome(job, FileReport(job.source, "", (astray_error(job.source, job.astray),)))
    # Rendering makes no reference cycles worth collecting on the way; pausing the cyclic
    # collector spares its full passes over the model and graph (see `gc_paused`).
    with gc_paused():
        report, data, error = _draw(job, base, overrides, settings)
    if data is None:
        if error is None:
            return Outcome(job, report)
        return Outcome(job, report, error=str(error), usage=error.usage)
    if problem := _leads_out(job):
        return Outcome(job, report, error=problem)
    if check_only:
        drawn = Path(job.output)
        if drawn.exists() and not drawn.is_file():  # (a pipe would wait for a writer)
            return Outcome(job, report, error=f"cannot read {job.output}: it is not a file")
        try:
            with drawn.open("rb") as stream:
                # (More than twice as long differs anyway, even with CR LF for each LF.)
                current = stream.read(2 * len(data) + 1)
        except FileNotFoundError:
            return Outcome(job, report, stale="missing")
        except OSError as error:
            return Outcome(job, report, error=f"cannot read {job.output}: {error.strerror}")
        stale = "" if current == data else "differs from a fresh render"
        if current != data and current.replace(b"\r\n", b"\n") == data:
            stale = (
                "its lines end in CR LF, a fresh render's in LF (as git's core.autocrlf "
                f"writes it out on Windows: add `*{Path(job.output).suffix} -text` to "
                ".gitattributes)"
            )
        return Outcome(job, report, stale=stale)
    if job.output == STDOUT:
        return Outcome(job, report, data=data)
    try:
        write_atomic(job.output, data)
    except OSError as error:
        return Outcome(job, report, error=write_problem(job.output, error), usage=True)
    return Outcome(job, report)


# In a worker: whether it is rendering a map (else it waits for one), and whether it is
# starting a layout engine, when an interrupt waits (`_held_interrupts`).
_busy = False
_holding = False
_held = False


@contextmanager
def _held_interrupts() -> Iterator[None]:
    """A worker's interrupt that comes while the block starts the layout engine takes
    effect after it, once the engine is one that `Drawing.cancel` can stop: raised inside
    `subprocess.Popen`, it left the engine running after argmap had gone."""
    global _holding
    _holding = True
    try:
        yield
    finally:
        _holding = False
        if _held:
            _interrupt()


def _worker_signals() -> None:
    """A worker leaves Ctrl-C and a hang-up to the main process, which stops the workers
    with SIGTERM. (The pool runs each map under `except BaseException`: a worker that met
    the interrupt as an exception would go on to its next map, and one waiting for work
    would print a traceback.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):  # (not on Windows)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)
    if (parent := multiprocessing.parent_process()) is not None:
        threading.Thread(target=_orphaned, args=(parent,), daemon=True).start()


_ORPHAN_GRACE = 5.0  # seconds a worker whose parent is gone has to stop its engine


def _orphaned(parent: multiprocessing.process.BaseProcess) -> None:
    """Stop the worker once the process that started it is gone: killed (SIGKILL, an
    out-of-memory kill, `timeout -s KILL` in CI), it left its workers drawing the rest of
    their maps, then waiting forever to hand them over. Waited for by its sentinel, which
    the start methods all give (the worker's own parent, under forkserver, is the server,
    which lives on). As if stopped by the parent (SIGTERM: its engine stopped too), and
    for good after _ORPHAN_GRACE."""
    parent.join()
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(_ORPHAN_GRACE)
    os._exit(1)


def _stop_worker(signum: int, frame: object) -> None:
    global _held
    if _holding:
        _held = True
    elif _busy:  # stop the engine and remove the temporary file on the way out
        _interrupt()
    else:
        os._exit(128 + signum)


def _interrupt() -> None:
    """Stop the worker's map, once: the pool terminates its workers again when it sees
    one gone, and that second interrupt broke off stopping the engine, which ran on."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def _in_worker(
    job: Job, base: RenderOptions, overrides: dict[str, Any], settings: Settings, check_only: bool
) -> Outcome:
    """`run_one` in a worker process, which ends when SIGTERM interrupts it."""
    global _busy
    try:
        _busy = True
        return run_one(job, base, overrides, settings, check_only)
    except KeyboardInterrupt:
        os._exit(128 + signal.SIGTERM)
    finally:
        _busy = False


def run_all(
    jobs: Sequence[Job],
    base: RenderOptions,
    overrides: dict[str, Any],
    settings: Callable[[str], Settings],
    *,
    check_only: bool = False,
    workers: int | None = None,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Every job's outcome, in the order of `jobs`; one failure does not stop the rest.
    `settings` gives each map's (config.Resolver). They are all found first, here: a
    settings file with mistakes (ConfigError) stops the run before any map is drawn, and
    each worker gets its map's settings with the job."""
    chosen = [settings(job.source) for job in jobs]
    # At most a process per core: each waits on its engine, which takes the core's time
    # (`-j 10000` started 200 processes on 2 cores, 8 GB of memory, for no gain).
    cores = os.cpu_count() or 1
    workers = min(workers or cores, cores, len(jobs))
    if workers <= 1:
        outcomes = []
        for job, its in zip(jobs, chosen, strict=True):
            outcomes.append(run_one(job, base, overrides, its, check_only))
            on_done(outcomes[-1])
        return outcomes
    results: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_signals) as pool:
        futures = {
            pool.submit(_in_worker, job, base, overrides, chosen[i], check_only): i
            for i, job in enumerate(jobs)
            if job.source != STDOUT
        }
        try:
            # Standard input is this process's: a worker's reads as empty. Its map is
            # drawn here while the workers draw the others.
            for i, job in enumerate(jobs):
                if job.source == STDOUT:
                    results[i] = run_one(job, base, overrides, chosen[i], check_only)
                    on_done(results[i])
            for future in as_completed(futures):
                i = futures[future]
                try:
                    results[i] = future.result()
                except Exception as error:  # a crashed worker fails its map, not the run
                    report = FileReport(jobs[i].source, "", ())
                    said = f"internal error: {error!r}; this is a bug, please report it"
                    results[i] = Outcome(jobs[i], report, error=said, internal=True)
                on_done(results[i])
        except BaseException:  # interrupted: stop the workers now, and so their engines
            pool.shutdown(wait=False, cancel_futures=True)
            children = multiprocessing.active_children()
            for child in children:
                child.terminate()
            # Each stops its engine first (on Windows, where terminate() kills, the engines
            # end with their pipes); the pool, shut down, no longer waits for them.
            for child in children:
                child.join(timeout=10)
            raise
    return [results[i] for i in range(len(jobs))]
