"""Benchmark `argmap render`: the whole rendering of one map (what `argmap render MAP`
does once Python has started: start the layout engine, load, DOT, check while the engine
works, write the SVG), split into the layout engine's working time (its CPU time, taken
from the operating system's accounting of child processes, less an engine's started ahead
for a next layout while another lays out: `spared`) and argmap's time outside it (the rest
of the wall time), in the same run, for the builtin engine (graphviz-pure) and
the system `dot`. Also prints argmap's own work (load, check, DOT) added up: the render
overlaps the check with the layout. Prints a Markdown table for docs/performance.md.

    python bench/render.py              # 100, 1,000 and 5,000 nodes
    python bench/render.py 100 300      # other sizes
"""

from __future__ import annotations

import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

sys.path.insert(0, str(Path(__file__).parent))
from argmap.checker import check_loaded
from argmap.config import Settings
from argmap.graph import build_graph
from argmap.loader import loads
from argmap.render import Drawing, RenderOptions
from argmap.render.batch import Job, run_one
from argmap.render.dot import DotOptions, build_dot
from argmap.render.engines import Layout, select
from generate import generate, sizes


def timed(action, runs: int = 1):  # type: ignore[no-untyped-def]
    """The result of `action` and its best time over `runs` runs."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return result, best


def engine_time() -> float:
    """CPU seconds used so far by finished child processes: the layout engines. The engine
    runs single-threaded and busy, so its CPU time is its working time; argmap's part is
    what the render takes beyond it (the engine's start-up, and Graphviz's parse of the
    DOT as it comes, are the engine's work, done while argmap works: a render could not
    take less). Measured in the same run, which keeps the split honest on a machine whose
    speed varies from run to run."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def cpu_so_far(pid: int) -> float:
    """Processor seconds the running process `pid` has had so far: Linux's scheduler
    counts them in nanoseconds (0 where it does not: then they are the engine's)."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


@contextmanager
def spared() -> Iterator[list[float]]:
    """The processor seconds of the engines started ahead for a next layout
    (`Drawing._spare`) before that layout is handed the rest of its DOT, added up in the
    list it gives: spent on a processor of their own while another engine lays out
    (Graphviz's `dot` takes 3.7 ms to start, the builtin engine 0.5, and `dot` parses the
    start of its DOT, handed to it ahead: `Layout.feed_ahead`), they are no part of what
    the render waits for, but would count as the engine's time."""
    spent, spare, feed, cancel = [0.0], Drawing._spare, Layout.feed, Layout.cancel
    ahead: set[int] = set()

    def started(drawing: Drawing, layout: Layout) -> None:
        spare(drawing, layout)
        if drawing.spare is not None:
            ahead.add(drawing.spare.process.pid)

    def until_now(layout: Layout) -> None:
        if layout.process.pid in ahead and layout.process.poll() is None:
            spent[0] += cpu_so_far(layout.process.pid)
        ahead.discard(layout.process.pid)

    def fed(layout: Layout, pieces: Iterable[str]) -> str:
        until_now(layout)
        return feed(layout, pieces)

    def cancelled(layout: Layout) -> None:
        until_now(layout)
        cancel(layout)

    with (
        patch.object(Drawing, "_spare", started),
        patch.object(Layout, "feed", fed),
        patch.object(Layout, "cancel", cancelled),
    ):
        yield spent


def version(command: str) -> str:
    done = subprocess.run([command, "-V"], capture_output=True, text=True, check=False)
    return (done.stderr or done.stdout).strip().splitlines()[0]


def own(text: str) -> str:
    """What argmap does before the layout engine runs: load, check, build the DOT."""
    loaded = loads(text, "bench.yaml")
    assert loaded.map is not None
    assert not check_loaded(loaded, Settings())
    return build_dot(build_graph(loaded.map), loaded.map, DotOptions())


def render_file(path: Path, engine: str, runs: int) -> tuple[float, float]:
    """`argmap render` of one map, in-process (the library call the command makes): the
    total time and the layout engine's part of it, for the fastest of `runs` runs."""
    job = Job(str(path), str(path.with_suffix(".svg")))
    best = (float("inf"), 0.0)
    for _ in range(runs):
        with spared() as ahead:
            used, start = engine_time(), time.perf_counter()
            outcome = run_one(job, RenderOptions(engine=engine), {}, Settings(), check_only=False)
            total = time.perf_counter() - start
        assert not outcome.failed, outcome
        best = min(best, (total, engine_time() - used - ahead[0]))
    return best


def main(sizes: list[int]) -> None:
    engines = [select("builtin", "svg")]
    if shutil.which("dot"):
        engines.append(select("system", "svg"))
    print(
        f"Machine: {platform.machine()}, Python {platform.python_version()} from "
        f"{sys.base_prefix} (how it was built counts: see docs/performance.md); engines: "
        + "; ".join(f"{e.name} = {version(e.command)}" for e in engines)
        + "\n"
    )
    print(
        "| nodes | relations | engine | render total | layout engine | argmap outside it "
        "| argmap share | argmap's work added up |"
    )
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    folder = Path(tempfile.mkdtemp())
    warm = folder / "warm.yaml"
    warm.write_text(generate(4))
    for engine in engines:  # warm-up: imports and first calls
        render_file(warm, engine.name, 1)
    for n in sizes:
        text = generate(n)
        path = folder / f"map-{n}.yaml"
        path.write_text(text)
        runs = 20 if n <= 100 else 5 if n <= 1_000 else 1
        dot, ours = timed(lambda text=text: own(text), runs)
        edges = dot.count(" -> ") - 2  # the legend's two
        for engine in engines:
            total, layout = render_file(path, engine.name, runs)
            outside = total - layout
            print(
                f"| {n:,} | {edges:,} | {engine.name} | {total * 1000:,.1f} ms "
                f"| {layout * 1000:,.1f} ms | {outside * 1000:,.1f} ms | {outside / total:.1%} "
                f"| {ours * 1000:,.1f} ms |",
                flush=True,
            )


if __name__ == "__main__":
    main(sizes(__doc__, [100, 1_000, 5_000]))
