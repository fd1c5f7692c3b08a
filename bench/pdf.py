"""Benchmark `argmap render -f pdf`: the seed map and a generated map, drawn as PDF the two
ways argmap can (the builtin engine's SVG converted by svglib and reportlab, and the system
Graphviz's `dot -Tpdf`, when it is installed), in-process once Python has started and
argmap's PDF font has been read once. Prints a Markdown table for docs/render.md.

    python bench/pdf.py            # the seed map and 300 nodes
    python bench/pdf.py 100 1000   # other sizes of generated map
"""

from __future__ import annotations

import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from argmap.config import Settings
from argmap.render import RenderOptions
from argmap.render.batch import Job, run_one
from generate import generate, sizes

SEED = Path(__file__).parent.parent / "maps" / "circular-firing-squad.yaml"


def pdf(source: Path, engine: str, runs: int) -> tuple[float, int]:
    """The fastest of `runs` renderings of `source` as PDF, and the PDF's size."""
    output = source.with_suffix(f".{engine}.pdf")
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        outcome = run_one(
            Job(str(source), str(output)),
            RenderOptions(engine=engine, format="pdf"),
            {},
            Settings(),
            check_only=False,
        )
        best = min(best, time.perf_counter() - start)
        assert not outcome.failed, outcome
    return best, output.stat().st_size


_HEADERS = {"builtin": "builtin SVG + svglib", "system": "`dot -Tpdf` (system Graphviz)"}


def main(sizes: list[int]) -> None:
    engines = ["builtin"] + (["system"] if shutil.which("dot") else [])
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}\n")
    print("| map | " + " | ".join(_HEADERS[e] for e in engines) + " |")
    print("| --- |" + " --- |" * len(engines))
    with tempfile.TemporaryDirectory() as temporary:  # (the maps there, drawn beside them)
        table(Path(temporary), engines, sizes)


def table(folder: Path, engines: list[str], sizes: list[int]) -> None:
    """The table's rows: the seed map, then a generated map of each size."""
    seed = Path(shutil.copyfile(SEED, folder / SEED.name))
    maps = [("seed map, 11 nodes", seed)]
    for n in sizes:
        path = folder / f"map-{n}.yaml"
        path.write_text(generate(n))
        maps.append((f"generated, {n:,} nodes", path))
    for engine in engines:  # warm-up: imports, the PDF font read once
        pdf(seed, engine, 1)
    for name, path in maps:
        cells = [pdf(path, engine, 3) for engine in engines]
        print(
            f"| {name} | "
            + " | ".join(f"{t:.2f} s, {size / 1024:,.0f} KiB" for t, size in cells)
            + " |",
            flush=True,
        )


if __name__ == "__main__":
    main(sizes(__doc__, [300]))
