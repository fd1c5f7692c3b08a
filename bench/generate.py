"""Generate large, valid argument maps for benchmarks: `python bench/generate.py N > map.yaml`.

The shape mimics a real debate: a few claims, reasons under them and under other reasons,
objections to both, rebuttals to the objections; every node has an actor and a source,
some have quotes and tags. Like the seed map (11 nodes, 16 relations), some nodes argue
about two others: about 1.3 relations per node. Deterministic for a given size."""

from __future__ import annotations

import argparse
import random
import sys


def generate(nodes: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    claims = max(1, nodes // 50)
    reasons = (nodes - claims) * 2 // 5
    objections = (nodes - claims - reasons) // 2
    rebuttals = nodes - claims - reasons - objections
    actors = max(2, nodes // 100)
    out = [
        "argmap: 1\n",
        f"title: Generated debate of {nodes} nodes\n",
        "summary: A synthetic map for benchmarks.\n",
        "sources:\n",
        *(f"  s{i}: {{title: Source number {i}, author: Author {i}}}\n" for i in range(actors)),
        "actors:\n",
        *(f"  a{i}: {{name: Actor {i}, role: Speaker}}\n" for i in range(actors)),
        "claims:\n",
    ]
    for i in range(claims):
        out.append(
            f"  c{i}:\n    text: Claim {i} states a position that the debate argues about.\n"
            f"    by: a{i % actors}\n    source: s{i % actors}\n"
        )

    def reason_target(i: int) -> str:
        # A claim or an earlier reason: supports never form a cycle.
        if i < claims or rng.random() < 0.5:
            return f"c{rng.randrange(claims)}"
        return f"r{rng.randrange(i)}"

    def objection_target() -> str:
        return f"r{rng.randrange(reasons)}" if rng.random() < 0.6 else f"c{rng.randrange(claims)}"

    def targets(first: str, again: float, second: str) -> str:
        """One target, and with probability `again` a second, different one."""
        return f"[{first}, {second}]" if rng.random() < again and second != first else first

    out.append("reasons:\n")
    for i in range(reasons):
        target = targets(reason_target(i), 0.2, reason_target(i))
        out.append(
            f"  r{i}:\n    text: Reason {i} gives evidence for its target, with a source.\n"
            f"    by: a{rng.randrange(actors)}\n    source: s{rng.randrange(actors)}\n"
            f"    supports: {target}\n    tags: [evidence, t{i % 7}]\n"
        )
    out.append("objections:\n")
    for i in range(objections):
        target = targets(objection_target(), 0.3, objection_target())
        out.append(
            f"  o{i}:\n    text: Objection {i} doubts its target for a stated reason.\n"
            f"    by: a{rng.randrange(actors)}\n    source: s{rng.randrange(actors)}\n"
            f"    quote: the exact words of objection {i}\n    attacks: {target}\n"
        )
    out.append("rebuttals:\n")
    for i in range(rebuttals):
        target = targets(f"o{i % objections}", 0.5, f"o{rng.randrange(objections)}")
        out.append(
            f"  b{i}:\n    text: Rebuttal {i} answers the objection it attacks.\n"
            f"    by: a{rng.randrange(actors)}\n    source: s{rng.randrange(actors)}\n"
            f"    attacks: {target}\n"
        )
    return "".join(out)


def sizes(doc: str | None, default: list[int]) -> list[int]:
    """The map sizes (in nodes) given on a benchmark's command line, else `default`; its
    docstring is its `--help`."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="*", type=int, default=default, help="nodes per map")
    return list(parser.parse_args().sizes)


if __name__ == "__main__":
    sys.stdout.write(generate(*sizes(__doc__, [100])[:1]))
