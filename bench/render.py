"""Benchmark `argmap render`: the whole rendering of one map (what `argmap render MAP`
does once Python has started: start the layout engine, load, DOT, check while the engine
works, write the SVG), split into the layout engine's working time (its CPU time, taken
from the operating system's accounting of child processes, less what it spent while
argmap was still handing it its DOT: `overlapped`) and argmap's time outside it (the rest
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
from argmap.render import RenderOptions
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
    runs single-threaded and busy, so its CPU time is its working time; whatever else the
    render's wall time holds (argmap's work, waiting) is argmap's part. Measured in the
    same run, which keeps the split honest on a machine whose speed varies from run to
    run."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def cpu_so_far(pid: int) -> float:
    """Processor seconds the running process `pid` has had so far: Linux's scheduler
    counts them in nanoseconds (0 where it does not, and the split is then as above)."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


@contextmanager
def overlapped() -> Iterator[list[float]]:
    """The engines' processor seconds spent while argmap was busy handing them their DOT,
    added up in the list it gives: an engine starts ahead of its DOT, and Graphviz's `dot`
    parses each piece as it comes (some 10 ms of its time at 1,000 nodes, 4 to start),
    as does an engine started ahead for a layout that never comes. Not time a render waits
    for a layout, but argmap's: its work goes on meanwhile."""
    spent, feed, cancel = [0.0], Layout.feed, Layout.cancel
    fed: set[int] = set()

    def fed_then(layout: Layout, pieces: Iterable[str]) -> str:
        dot = feed(layout, pieces)
        fed.add(layout.process.pid)
        spent[0] += cpu_so_far(layout.process.pid)
        return dot

    def cancelled(layout: Layout) -> None:
        if layout.process.pid not in fed and layout.process.poll() is None:
            spent[0] += cpu_so_far(layout.process.pid)
        cancel(layout)

    with patch.object(Layout, "feed", fed_then), patch.object(Layout, "cancel", cancelled):
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
        with overlapped() as ahead:
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
