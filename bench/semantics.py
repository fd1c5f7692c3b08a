"""Benchmark the semantics. Prints Markdown tables for docs/performance.md.

1. Grounded (argmap.semantics.grounded) on random frameworks of 10,000, 100,000 and
   1,000,000 attacks: the labelling pass alone, and building the framework.
2. Preferred enumeration (SAT, argmap) on random frameworks of 50 to 500 arguments against
   clingo with an ASPARTIX-style encoding (complete extensions as in Egly, Gaggl & Woltran
   2010, "Answer-set programming encodings for argumentation frameworks", Argument &
   Computation 1(2); subset-maximal ones by domain heuristics, as ASPARTIX does since
   2017): the same extensions must come out, and the table gives the time ratio.
3. Sceptical queries (`evaluate --query`) on frameworks made to have 2^n preferred
   extensions that all hold the argument asked about (off a cycle, and on one), and on
   long paths of mutual attacks (each maximal extension found by growing a complete
   labelling).
4. Gradual scores (h-categorizer, DF-QuAD) on random acyclic maps with two attacks and one
   support per node, and the same maps with one cycle that never settles added upstream.
5. Statuses past the limit (`evaluate`, `show`, `render --evaluate` on a map with more than
   1000 extensions): the enumeration of 1001, then the exact statuses by SAT queries.
6. Random frameworks as in ICCMA (`random`, not in the default run: it takes about 25
   minutes): 1,000 to 5,000 arguments, each attacking 2, 3 or 4 others at random, written in
   the ICCMA 2023 format, imported (`argmap import`) and evaluated (`argmap evaluate`) under
   each semantics with a 60 s timeout, against clingo's enumeration of the complete,
   preferred and stable extensions with the same timeout (the same extensions must come out
   where both finish).

    python bench/semantics.py                 # the first five
    python bench/semantics.py grounded        # one part
"""

from __future__ import annotations

import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from functools import partial
from itertools import pairwise
from pathlib import Path

import clingo

from argmap.interchange.iccma import to_map_yaml
from argmap.loader import loads
from argmap.semantics import evaluate, gradual, sat
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded

PREFERRED_ASP = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
#heuristic in(X) : arg(X). [1,true]
#show in/1.
"""


# Complete labellings, the ASPARTIX way, for `clingo_extensions`: `in` and `out` guessed,
# `out` exactly when undefended.
COMPLETE_ASP = PREFERRED_ASP.replace("#heuristic in(X) : arg(X). [1,true]\n", "")
STABLE_ASP = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- out(X), not defeated(X).
#show in/1.
"""


def random_framework(arguments: int, attacks: int, seed: int) -> Framework:
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(arguments)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < attacks:
        pairs.add((names[rng.randrange(arguments)], names[rng.randrange(arguments)]))
    return Framework.of(names, pairs)


def timed(action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def bench_grounded() -> None:
    print("| attacks | arguments | build framework | grounded labelling | per attack |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for attacks in (10_000, 100_000, 1_000_000):
        arguments = attacks // 2
        af, build = timed(lambda a=attacks, n=arguments: random_framework(n, a, 1))
        labelling, label_time = timed(lambda af=af: grounded(af))
        assert len(labelling) == arguments
        print(
            f"| {attacks:,} | {arguments:,} | {build:.2f} s | {label_time:.3f} s "
            f"| {label_time / attacks * 1e9:.0f} ns |",
            flush=True,
        )


def clingo_preferred(af: Framework) -> set[frozenset[str]]:
    control = clingo.Control(["--heuristic=Domain", "--enum-mode=domRec", "0", "--warn=none"])
    facts = [f"arg({a})." for a in af.arguments]
    facts += [f"att({a},{b})." for a, b in af.attacks]
    control.add("base", [], PREFERRED_ASP + "\n".join(facts))
    control.ground([("base", [])])
    found: set[frozenset[str]] = set()
    control.solve(
        on_model=lambda model: found.add(
            frozenset(str(s.arguments[0]) for s in model.symbols(shown=True))
        )
    )
    return found


def clingo_extensions(af: Framework, semantics: str, timeout: float) -> set[frozenset[str]] | None:
    """Every complete, preferred or stable extension by clingo; None after `timeout` s."""
    program = {"complete": COMPLETE_ASP, "preferred": PREFERRED_ASP, "stable": STABLE_ASP}
    options = ["--heuristic=Domain", "--enum-mode=domRec"] if semantics == "preferred" else []
    control = clingo.Control([*options, "0", "--warn=none"])
    facts = [f"arg({a})." for a in af.arguments]
    facts += [f"att({a},{b})." for a, b in af.attacks]
    control.add("base", [], program[semantics] + "\n".join(facts))
    control.ground([("base", [])])
    found: set[frozenset[str]] = set()
    with control.solve(
        on_model=lambda model: found.add(
            frozenset(str(s.arguments[0]) for s in model.symbols(shown=True))
        ),
        async_=True,
    ) as handle:
        if not handle.wait(timeout):
            handle.cancel()
            return None
    return found


def bench_preferred() -> None:
    print("| arguments | attacks | preferred extensions | argmap (SAT) | clingo (ASP) | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for arguments in (50, 100, 200, 300, 500):
        attacks = 2 * arguments
        af = random_framework(arguments, attacks, arguments)
        ours, our_time = timed(
            lambda af=af: {
                frozenset(a for a, label in lab.items() if label == "in")
                for lab in sat.preferred(af)
            }
        )
        theirs, their_time = timed(lambda af=af: clingo_preferred(af))
        assert ours == theirs, f"different extensions at {arguments} arguments"
        print(
            f"| {arguments} | {attacks} | {len(ours)} | {our_time:.3f} s | {their_time:.3f} s "
            f"| {our_time / their_time:.1f}x |",
            flush=True,
        )


def floating(pairs: int) -> Framework:
    """`t` is attacked by `z` and by one `v` per pair of arguments that attack each other
    and both attack their `v`: each of the 2**pairs preferred extensions picks one side of
    every pair, which puts every `v` (and `z`) out and so `t` in."""
    attacks = [("z", "t"), ("x0", "z"), ("y0", "z")]
    for j in range(pairs):
        x, y, v = f"x{j}", f"y{j}", f"v{j}"
        attacks += [(x, y), (y, x), (x, v), (y, v), (v, "t")]
    return Framework.of(sorted({a for attack in attacks for a in attack}), attacks)


def on_a_cycle(pairs: int) -> Framework:
    """`t` and `u` attack each other; `u` is attacked by `a` and `b`, which attack each
    other, and by one `z` per pair of arguments that attack each other and both attack
    their `z`: `t` is in each of the 2**(pairs + 1) preferred extensions."""
    attacks = [("a", "b"), ("b", "a"), ("a", "u"), ("b", "u"), ("t", "u"), ("u", "t")]
    for j in range(pairs):
        x, y, z = f"x{j}", f"y{j}", f"z{j}"
        attacks += [(x, y), (y, x), (x, z), (y, z), (z, "u")]
    return Framework.of(sorted({a for attack in attacks for a in attack}), attacks)


def mutual_path(n: int) -> Framework:
    """n arguments in a row, each attacking its neighbours: all undecided in the grounded
    labelling, and every maximal extension has about n / 2 arguments."""
    names = [f"a{i}" for i in range(n)]
    pairs = list(pairwise(names))
    return Framework.of(names, pairs + [(b, a) for a, b in pairs])


def mutual_grid(side: int) -> Framework:
    """A square of side x side arguments, each attacking its neighbours in its row and its
    column both ways."""
    names = [[f"g{i}_{j}" for j in range(side)] for i in range(side)]
    attacks = [
        pair
        for i in range(side)
        for j in range(side)
        for near in (
            names[i + 1][j] if i + 1 < side else None,
            names[i][j + 1] if j + 1 < side else None,
        )
        if near is not None
        for pair in ((names[i][j], near), (near, names[i][j]))
    ]
    return Framework.of([n for row in names for n in row], attacks)


def bench_queries() -> None:
    tables = [  # how each framework is made, its sizes, how many more choices, the heading
        (floating, (10, 100, 1_000, 10_000), 0, ""),
        (on_a_cycle, (12, 16, 100, 1_000), 1, ", on a cycle"),
    ]
    for make, sizes, more, heading in tables:
        print(f"| pairs | arguments | preferred extensions | sceptical query of `t`{heading} |")
        print("| ---: | ---: | ---: | ---: |")
        for pairs in sizes:
            af = make(pairs)
            answer, took = timed(lambda af=af: sat.sceptical(af, "t", "preferred"))
            assert answer, "t is in every preferred extension"
            print(
                f"| {pairs:,} | {len(af.arguments):,} | 2^{pairs + more:,} | {took:.3f} s |",
                flush=True,
            )
        print()
    print("| path of mutual attacks | sceptical preferred | sceptical semi-stable |")
    print("| ---: | ---: | ---: |")
    for n in (1_000, 10_000, 100_000):
        af = mutual_path(n)
        middle = af.arguments[n // 2]
        times = []
        for semantics in ("preferred", "semi-stable"):
            answer, took = timed(lambda af=af, m=middle, s=semantics: sat.sceptical(af, m, s))
            assert not answer, "each side of the path is a preferred extension"
            times.append(f"{took:.3f} s")
        print(f"| {n:,} arguments | {' | '.join(times)} |", flush=True)


def gradual_map(
    n: int, cycle: bool
) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict]:
    """Relations run from later nodes to earlier ones; with `cycle`, a0 and a1 attack each
    other at full weight (their scores swap between 0 and 1) and a5 is attacked by a0."""
    rng = random.Random(n)
    names = tuple(f"a{i}" for i in range(n))
    attackers: dict[str, list[str]] = {a: [] for a in names}
    supporters: dict[str, list[str]] = {a: [] for a in names}
    for edges, per_node in ((attackers, 2), (supporters, 1)):
        for _ in range(per_node * n):
            target, source = sorted(rng.sample(range(2, n), 2))
            edges[names[target]].append(names[source])
    weight = dict.fromkeys(names, 0.5)
    if cycle:
        attackers["a0"].append("a1")
        attackers["a1"].append("a0")
        attackers["a5"].append("a0")
        weight["a0"] = weight["a1"] = 1.0
    return (
        names,
        {a: tuple(v) for a, v in attackers.items()},
        {a: tuple(v) for a, v in supporters.items()},
        weight,
    )


def slow_ring(
    n: int,
) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict]:
    """One cycle of `n` nodes, each attacking the next at weight 0.999: DF-QuAD's scores
    there move by less each round, but by over 10^-9 for all of the 10,000 rounds."""
    names = tuple(f"a{i}" for i in range(n))
    attackers = {a: (names[i - 1],) for i, a in enumerate(names)}
    return names, attackers, dict.fromkeys(names, ()), dict.fromkeys(names, 0.999)


def bench_gradual() -> None:
    print("| nodes | map | h-categorizer | DF-QuAD | DF-QuAD rounds |")
    print("| ---: | --- | ---: | ---: | ---: |")
    maps = [(n, cycle) for n in (1_000, 10_000, 100_000) for cycle in (False, True)]
    for n, cycle in [*maps, (100, None), (400, None)]:
        if cycle is None:
            names, attackers, supporters, weight = slow_ring(n)
        else:
            names, attackers, supporters, weight = gradual_map(n, cycle)
        _, h_took = timed(partial(gradual.h_categorizer, names, attackers, weight))
        scores, d_took = timed(partial(gradual.df_quad, names, attackers, supporters, weight))
        kind = {
            False: "acyclic",
            True: "one cycle that never settles",
            None: "one cycle of them all, settling slowly",
        }[cycle]
        print(
            f"| {n:,} | {kind} | {h_took:.3f} s | {d_took:.3f} s | {scores.rounds:,} |",
            flush=True,
        )


def debate(claims: int, pairs: int, rebuttals: int, seed: int) -> Framework:
    """Claims attacked by pairs of objections that attack each other (2^pairs preferred
    extensions or so), and rebuttals of objections, some of earlier rebuttals."""
    rng = random.Random(seed)
    targets = [f"c{i}" for i in range(claims)]
    objections = [x for i in range(pairs) for x in (f"a{i}", f"b{i}")]
    attacks = {(f"a{i}", f"b{i}") for i in range(pairs)} | {
        (f"b{i}", f"a{i}") for i in range(pairs)
    }
    attacks |= {(o, rng.choice(targets)) for o in objections}
    for i in range(rebuttals):
        attacks |= {(f"x{i}", o) for o in rng.sample(objections, 2)}
        if i and rng.random() < 0.3:
            attacks.add((f"x{i}", f"x{rng.randrange(i)}"))
    return Framework.of([*targets, *objections, *(f"x{i}" for i in range(rebuttals))], attacks)


def bench_statuses() -> None:
    print("| framework | arguments | semantics | enumerate 1001 | exact statuses |")
    print("| --- | ---: | --- | ---: | ---: |")
    pairs = [(f"a{i}", f"b{i}") for i in range(11)]
    cases = {
        "11 pairs, each `b` attacking `t`": Framework.of(
            ["t", *(x for pair in pairs for x in pair)],
            [*pairs, *((b, a) for a, b in pairs), *((b, "t") for _, b in pairs)],
        ),
        "a debate: 20 claims, 80 pairs, 120 rebuttals": debate(20, 80, 120, 7),
        "a path of mutual attacks": mutual_path(1_000),
        "a 30 x 30 grid of mutual attacks": mutual_grid(30),
    }
    for name, af in cases.items():
        m = loads(to_map_yaml(af, name)).map
        assert m is not None
        for semantics in sat.ENUMERATORS:
            e, listing = timed(lambda m=m, s=semantics: evaluate(m, s))
            assert e.truncated
            _, deciding = timed(lambda e=e, m=m: [e.status(n) for n in m.nodes])
            print(
                f"| {name} | {len(af.arguments)} | {semantics} | {listing:.2f} s "
                f"| {deciding:.2f} s |",
                flush=True,
            )


def out_degree_framework(arguments: int, degree: int) -> Framework:
    """Each argument attacks `degree` others, drawn at random."""
    rng = random.Random(arguments * 10 + degree)
    attacks = set()
    for a in range(1, arguments + 1):
        targets: set[int] = set()
        while len(targets) < degree:
            if (b := rng.randrange(1, arguments + 1)) != a:
                targets.add(b)
        attacks |= {(str(a), str(b)) for b in targets}
    return Framework.of([str(a) for a in range(1, arguments + 1)], attacks)


ARGMAP = [sys.executable, "-m", "argmap"]


def run_evaluate(path: Path, semantics: str, timeout: float) -> dict | None:
    """`argmap evaluate` as a user runs it: its JSON, or None after `timeout` s."""
    command = [*ARGMAP, "evaluate", str(path), "--semantics", semantics, "-f", "json"]
    try:
        run = subprocess.run(command, capture_output=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(run.stdout)


def bench_random(timeout: float = 60) -> None:
    semantics = ("complete", "preferred", "stable", "semi-stable", "ideal")
    asked = ("complete", "preferred", "stable")
    over = f"> {timeout:.0f} s"
    print(
        "| arguments | attacks each | undecided (grounded) | "
        + " | ".join([*semantics, *(f"clingo {s}" for s in asked)])
        + " |"
    )
    print("| ---: | ---: | ---: |" + " ---: |" * (len(semantics) + len(asked)))
    with tempfile.TemporaryDirectory() as tmp:
        source, path = Path(tmp, "random.af"), Path(tmp, "random.yaml")
        for arguments in (1_000, 1_500, 2_000, 5_000):
            for degree in (2, 3, 4):
                af = out_degree_framework(arguments, degree)
                pairs = sorted((int(a), int(b)) for a, b in af.attacks)
                source.write_text(f"p af {arguments}\n" + "".join(f"{a} {b}\n" for a, b in pairs))
                imported = [*ARGMAP, "import", str(source), "-o", str(path), "--force"]
                subprocess.run(imported, check=True, capture_output=True)
                undecided = sum(label == "undec" for label in grounded(af).values())
                cells, ours = [], {}
                for name in semantics:
                    result, took = timed(partial(run_evaluate, path, name, timeout))
                    cells.append(over if result is None else f"{took:.1f} s")
                    if result is not None and not result["truncated"]:
                        ours[name] = {frozenset(e) for e in result["extensions"]}
                for name in asked:
                    theirs, took = timed(partial(clingo_extensions, af, name, timeout))
                    cells.append(over if theirs is None else f"{took:.1f} s")
                    if theirs is not None and name in ours:
                        assert ours[name] == theirs, (arguments, degree, name)
                print(
                    f"| {arguments:,} | {degree} | {undecided:,} | {' | '.join(cells)} |",
                    flush=True,
                )


if __name__ == "__main__":
    print(
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"clingo {clingo.__version__}\n"
    )
    parts = sys.argv[1:] or ["grounded", "preferred", "queries", "gradual", "statuses"]
    if "grounded" in parts:
        bench_grounded()
        print()
    if "preferred" in parts:
        bench_preferred()
        print()
    if "queries" in parts:
        bench_queries()
        print()
    if "gradual" in parts:
        bench_gradual()
        print()
    if "statuses" in parts:
        bench_statuses()
        print()
    if "random" in parts:
        bench_random()
