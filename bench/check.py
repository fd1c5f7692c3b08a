"""Benchmark `argmap check` against a bare PyYAML parse (C loader) of the same file, and
`argmap --version` start-up. Prints a Markdown table for docs/performance.md.

    python bench/check.py            # 1,000, 10,000 and 100,000 nodes
    python bench/check.py 1000 5000  # other sizes
"""

from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
import argmap
from generate import generate, sizes


def best_of(runs: int, action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def startup(runs: int = 15) -> tuple[float, float]:
    """Median wall time of `argmap --version` and of `argmap check` on a 4-node map."""
    small = Path(tempfile.mkdtemp()) / "small.yaml"
    small.write_text(generate(4))
    results = []
    for args in (["--version"], ["check", str(small)]):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(["argmap", *args], capture_output=True, check=False)
            times.append(time.perf_counter() - start)
        results.append(statistics.median(times))
    return results[0], results[1]


def main(sizes: list[int]) -> None:
    print(
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} "
        f"(libyaml: {yaml.__with_libyaml__}), argmap {argmap.__version__}\n"
    )
    print("| nodes | file size | yaml.load (CSafeLoader) | argmap check | ratio | check per node |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    folder = Path(tempfile.mkdtemp())
    for n in sizes:
        path = folder / f"map-{n}.yaml"
        path.write_text(generate(n), encoding="utf-8")
        runs = 3 if n <= 10_000 else 1

        def parse(path: Path = path) -> None:
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

        def check(path: Path = path) -> None:
            result = argmap.check([path])
            assert result.exit_code == 0, result.diagnostics[:3]

        bare = best_of(runs, parse)
        ours = best_of(runs, check)
        print(
            f"| {n:,} | {path.stat().st_size / 1e6:.1f} MB | {bare:.3f} s | {ours:.3f} s "
            f"| {ours / bare:.2f}x | {ours / n * 1e6:.1f} µs |",
            flush=True,
        )
    version, small_check = startup()
    print(
        f"\nStart-up (median of 15): `argmap --version` {version * 1000:.0f} ms, "
        f"`argmap check` on a 4-node map {small_check * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main(sizes(__doc__, [1_000, 10_000, 100_000]))
