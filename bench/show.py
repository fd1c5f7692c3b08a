"""Benchmark `argmap show`: the outline of generated maps, piped (plain text) and as to a
terminal (colour), against `argmap check` of the same map, in-process, once Python has
started. Prints a Markdown table for docs/performance.md.

    python bench/show.py              # 1,000, 5,000 and 20,000 nodes
    python bench/show.py 100 2000     # other sizes
"""

from __future__ import annotations

import io
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from argmap.checker import check_loaded
from argmap.config import Settings
from argmap.loader import loads
from argmap.show import print_outline
from generate import generate, sizes


def seconds(action, *args, **options) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action(*args, **options)
    return time.perf_counter() - start


def check(text: str) -> None:
    assert not check_loaded(loads(text, "bench.yaml"), Settings())


def main(sizes: list[int]) -> None:
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}\n")
    print("| nodes | load and check | show, piped | show, on a terminal | piped per node |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        text = generate(n)
        m = loads(text, "bench.yaml").map
        assert m is not None
        checked = seconds(check, text)
        piped, terminal = (
            seconds(print_outline, m, io.StringIO(), color=color, details=True)
            for color in (False, True)
        )
        print(
            f"| {n:,} | {checked:.2f} s | {piped:.2f} s | {terminal:.2f} s "
            f"| {piped / n * 1e6:.0f} µs |",
            flush=True,
        )


if __name__ == "__main__":
    main(sizes(__doc__, [1_000, 5_000, 20_000]))
