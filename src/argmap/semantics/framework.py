"""Abstract argumentation frameworks (Dung 1995) read off a map's graph.

Arguments are the map's nodes; attacks are its `attacks` relations. Supports count
according to a bipolar reading (Cayrol & Lagasquie-Schiex 2013, "Bipolarity in
argumentation graphs: towards a better understanding", IJAR 54(7)), which adds the attacks
that support implies, with x ->+ y a chain of one or more supports:

- `none` (the default): supports add no attacks. A reason is one of possibly many reasons
  for its target: losing it does not defeat the target, and backing an objection does not
  make the reason an attacker itself. Supports still count in the gradual semantics.
- `deductive` (if a is accepted, what it supports is): supported attacks (a ->+ x, x attacks
  b: a attacks b) and mediated attacks (b ->+ x, a attacks x: a attacks b), and the two
  together (super-mediated: a ->+ x, x attacks y, b ->+ y: a attacks b).
- `necessary` (what a supports needs a): secondary attacks (a attacks x, x ->+ b: a attacks
  b) and extended attacks (x ->+ a, x attacks b: a attacks b), and the two together
  (x ->+ a, x attacks y, y ->+ b: a attacks b).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from argmap.graph import Graph
from argmap.loader import gc_paused
from argmap.model import Relation

SUPPORTS = ("none", "deductive", "necessary")
# Attacks that a reading of support may add, at most: each attack passes along both ends'
# chains of support, and two chains of 1,300 reasons (89 KB of YAML) made 6.8 million
# (20 s and 1.3 GB under grounded, 82 s and 4 GB under preferred).
MAX_ADDED_ATTACKS = 1_000_000


class TooManyAttacks(ValueError):
    """A reading of support would add more than MAX_ADDED_ATTACKS attacks."""


def _odd_loop(walk: list[str]) -> list[str]:
    """A cycle in a closed `walk` of odd length: split at a repeated argument, one of the
    two closed walks is odd (the shortest odd walk through an argument may go round
    another odd cycle on the way)."""
    while len(set(walk)) < len(walk):
        first: dict[str, int] = {}
        for j, a in enumerate(walk):
            if a in first:
                i = first[a]
                inner, outer = walk[i:j], walk[:i] + walk[j:]
                walk = inner if len(inner) % 2 else outer
                break
            first[a] = j
    return walk


@dataclass(frozen=True)
class Framework:
    """Arguments in map order, and attacks as (attacker, attacked) pairs."""

    arguments: tuple[str, ...]
    attacks: frozenset[tuple[str, str]]
    attackers: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    targets: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    position: dict[str, int] = field(init=False, repr=False, compare=False)  # map order

    def __post_init__(self) -> None:
        with gc_paused():
            attackers: dict[str, list[str]] = {a: [] for a in self.arguments}
            targets: dict[str, list[str]] = {a: [] for a in self.arguments}
            for a, b in self.attacks:
                attackers[b].append(a)
                targets[a].append(b)
            # In map order, so that results come out the same on every run.
            position = {a: i for i, a in enumerate(self.arguments)}
            order = position.__getitem__
            # Derived indexes on a frozen dataclass: set once, here.
            object.__setattr__(self, "position", position)
            object.__setattr__(
                self, "attackers", {a: tuple(sorted(v, key=order)) for a, v in attackers.items()}
            )
            object.__setattr__(
                self, "targets", {a: tuple(sorted(v, key=order)) for a, v in targets.items()}
            )

    @classmethod
    def of(cls, arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        return cls(tuple(arguments), frozenset(attacks))

    def upstream_of(self, arguments: Iterable[str]) -> set[str]:
        """Every argument with a chain of one or more attacks to one of `arguments`."""
        seen: set[str] = set()
        stack = list(arguments)
        while stack:
            for attacker in self.attackers[stack.pop()]:
                if attacker not in seen:
                    seen.add(attacker)
                    stack.append(attacker)
        return seen

    def parts(self, without: str | None = None) -> list[set[str]]:
        """The arguments (other than `without`), in parts connected by attacks either way."""
        seen = set() if without is None else {without}
        found = []
        for start in self.arguments:
            if start in seen:
                continue
            seen.add(start)
            part, stack = {start}, [start]
            while stack:
                a = stack.pop()
                for b in (*self.attackers[a], *self.targets[a]):
                    if b not in seen:
                        seen.add(b)
                        part.add(b)
                        stack.append(b)
            found.append(part)
        return found

    def odd_cycle(self, among: Iterable[str], steps: int = 200_000) -> list[str]:
        """A short cycle of an odd number of attacks among the arguments `among`, in its
        order; [] for none. A framework without one has a stable extension: one it lacks is
        found in such a cycle among the arguments the grounded labelling leaves undecided.
        Looked for in each strongly connected part of them (a cycle lies in one), from as
        many of its arguments, in map order, as about `steps` steps of search allow (one
        at least): breadth first, with the parity of the path walked, the first return to
        the start at odd parity closes a shortest odd walk through it, which holds an odd
        cycle (`_odd_loop`); a part with an odd cycle has such a walk through each of its
        arguments. Searched from 200 arguments of a ring of 5,000, it took a second; from
        the first 200 arguments of the whole, a cycle after them was missed."""
        order = self.position.__getitem__
        kept = set(among)
        if loops := sorted((a for a in kept if a in self.targets[a]), key=order):
            return loops[:1]  # (an argument that attacks itself: none is shorter)
        among_kept = nx.DiGraph(self.attacks).subgraph(kept)
        parts = sorted(
            (sorted(part, key=order) for part in nx.strongly_connected_components(among_kept)),
            key=lambda part: order(part[0]),
        )
        best: list[str] = []
        for part in (part for part in parts if len(part) > 2):
            inside = set(part)
            for start in part[: max(1, steps // len(part))]:
                cycle = self._odd_walk(start, inside)
                if not cycle:
                    break  # (none through one argument: none in the part)
                if not best or len(cycle) < len(best):
                    best = cycle
                if len(best) == 3:  # (none is shorter, but one of itself)
                    return best
        return best

    def _odd_walk(self, start: str, inside: set[str]) -> list[str]:
        """An odd cycle from the shortest odd closed walk through `start` within `inside`;
        [] if there is none."""
        came: dict[tuple[str, int], tuple[str, int]] = {}
        queue, at = [(start, 0)], 0
        while at < len(queue) and (start, 1) not in came:
            a, parity = queue[at]
            at += 1
            for b in self.targets[a]:
                step = (b, 1 - parity)
                if b in inside and step not in came and step != (start, 0):
                    came[step] = (a, parity)
                    queue.append(step)
        if (start, 1) not in came:
            return []
        walk, back = [], (start, 1)
        while back != (start, 0):
            back = came[back]
            walk.append(back[0])
        return _odd_loop(walk[::-1])

    def upstream(self, argument: str) -> Framework:
        """`argument` and every argument with a chain of attacks to it: all that can decide
        its fate under semantics that respect directionality (Baroni & Giacomin 2007), such
        as grounded, complete and preferred."""
        return self.only(self.upstream_of([argument]) | {argument})

    def only(self, kept: set[str]) -> Framework:
        """The framework of the `kept` arguments and the attacks among them, in time that
        grows with what is kept (queries take many small parts of a large framework)."""
        return Framework.of(
            sorted(kept, key=self.position.__getitem__),
            ((a, b) for b in kept for a in self.attackers[b] if a in kept),
        )


class _Chains:
    """Every argument that one reaches by one or more steps (supports, or supports taken
    backwards), found when first asked for: only the ends of attacks are, and the whole
    closure of a chain of 5,000 reasons was 12 million pairs (11 s and 1 GB)."""

    def __init__(self, steps: dict[str, list[str]]) -> None:
        self.steps = steps
        self.found: dict[str, set[str]] = {}

    def __getitem__(self, start: str) -> set[str]:
        if start not in self.found:
            seen: set[str] = set()
            stack = list(self.steps[start])
            while stack:
                x = stack.pop()
                if x not in seen:
                    seen.add(x)
                    stack.extend(self.steps[x])
            self.found[start] = seen
        return self.found[start]


def from_graph(g: Graph, support: str = "none") -> Framework:
    """The framework of a map's graph under a reading of support."""
    if support not in SUPPORTS:
        raise ValueError(f"unknown support reading {support!r}; choose {', '.join(SUPPORTS)}")
    arguments = tuple(g.nodes)
    attacks = set()
    supports: dict[str, list[str]] = {a: [] for a in arguments}
    for u, v, relation in g.edges(data="relation"):
        if relation is Relation.ATTACK:
            attacks.add((u, v))
        else:
            supports[u].append(v)
    if support != "none":
        if support == "deductive":  # each ->+ x: a supports what leads up to x
            steps: dict[str, list[str]] = {a: [] for a in arguments}
            for a, targets in supports.items():
                for x in targets:
                    steps[x].append(a)
        else:  # x ->+ each: what x leads up to needs x
            steps = supports
        chains = _Chains(steps)
        # Both kinds of attack the reading adds, taken together, to any length: a attacks b
        # when x attacks y, a is x or leads to it, and b is y or leads to it (deductive:
        # a ->* x, b ->* y; necessary: x ->* a, y ->* b). Supported and mediated attacks
        # alone missed `a supports b and c, which attack each other`, whose a attacks
        # itself (Cayrol & Lagasquie-Schiex's super-mediated attack; the dual, necessary).
        added = sum((len(chains[x]) + 1) * (len(chains[y]) + 1) - 1 for x, y in attacks)
        if added > MAX_ADDED_ATTACKS:
            raise TooManyAttacks(
                f"`--support {support}` would add up to {added:,} attacks to the map's "
                f"{len(attacks):,} (each passes along the chains of support at its ends), more "
                f"than the {MAX_ADDED_ATTACKS:,} argmap evaluates: read support otherwise "
                "(`--support none`), or evaluate a part of the map"
            )
        for x, y in list(attacks):
            ends = chains[y] | {y}
            attacks |= {(a, b) for a in chains[x] | {x} for b in ends}
    return Framework.of(arguments, attacks)
