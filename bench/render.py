"""Benchmark `argmap render`: argmap's own time (load, check, build DOT) against the layout
engine's, for the builtin engine (graphviz-pure) and the system `dot`. Prints a Markdown
table for docs/performance.md.

    python bench/render.py              # 100, 1,000 and 5,000 nodes
    python bench/render.py 100 300      # other sizes
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from argmap.checker import check_loaded
from argmap.config import Settings
from argmap.graph import build_graph
from argmap.loader import loads
from argmap.render.dot import DotOptions, build_dot
from argmap.render.engines import select
from generate import generate


def timed(action, runs: int = 1):  # type: ignore[no-untyped-def]
    """The result of `action` and its best time over `runs` runs."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return result, best


def version(command: str) -> str:
    done = subprocess.run([command, "-V"], capture_output=True, text=True, check=False)
    return (done.stderr or done.stdout).strip().splitlines()[0]


def own(text: str) -> str:
    """What argmap does before the layout engine runs: load, check, build the DOT."""
    loaded = loads(text, "bench.yaml")
    assert loaded.map is not None
    assert not check_loaded(loaded, Settings())
    return build_dot(build_graph(loaded.map), loaded.map, DotOptions())


def main(sizes: list[int]) -> None:
    engines = [select("builtin", "svg")]
    if shutil.which("dot"):
        engines.append(select("system", "svg"))
    print(
        f"Machine: {platform.machine()}, Python {platform.python_version()}; engines: "
        + "; ".join(f"{e.name} = {version(e.command)}" for e in engines)
        + "\n"
    )
    print(
        "| nodes | relations | engine | argmap (load, check, DOT) | layout to SVG | total | share |"
    )
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    engines[0].run(own(generate(4)), "svg")  # warm-up: imports and first calls
    for n in sizes:
        text = generate(n)
        runs = 3 if n <= 1_000 else 1
        dot, ours = timed(lambda text=text: own(text), runs)
        edges = dot.count(" -> ") - 2  # the legend's two
        for engine in engines:
            _, layout = timed(lambda engine=engine, dot=dot: engine.run(dot, "svg"), runs)
            total = ours + layout
            print(
                f"| {n:,} | {edges:,} | {engine.name} | {ours:.3f} s | {layout:.2f} s "
                f"| {total:.2f} s | {ours / total:.1%} |",
                flush=True,
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1_000, 5_000])
