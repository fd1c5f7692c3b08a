"""Gradual semantics: a score in [0, 1] for every argument.

- h-categorizer, weighted (Besnard & Hunter 2001; Amgoud, Ben-Naim, Doder & Vesic 2017,
  "Acceptability semantics for weighted argumentation frameworks", IJCAI):
  s(a) = w(a) / (1 + sum of s(b) over the attackers b of a), on the attacks of the chosen
  support reading. The iteration from s = w converges for every framework.
- DF-QuAD (Rago, Toni, Aurisicchio & Baroni 2016, "Discontinuity-free decision support with
  quantitative argumentation debates", KR): attackers' and supporters' scores combine as
  F(v1..vn) = 1 - (1 - v1)...(1 - vn); then with va for the attackers and vs for the
  supporters, s(a) = w - w(va - vs) if va >= vs, else w + (1 - w)(vs - va). It may not
  settle on a cycle, which the result says.

The base score w is the node's `weight` (DEFAULT_WEIGHTS when it has none). Both are
computed one strongly connected component at a time, in dependency order: a node on no
cycle takes its score in one step once its attackers (and supporters) have theirs, and
only the nodes of a cycle are iterated, so a map is exact in one pass where it has no
cycles, and one cycle that does not settle costs no more than its own nodes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from math import prod

import networkx as nx

from argmap.loader import gc_paused

# A node's base score when it has no `weight`: 1 in the h-categorizer as Besnard and Hunter
# define it (the weighted one of Amgoud et al. uses the weights given), and a neutral 0.5
# in DF-QuAD, where supporters raise it and attackers lower it.
DEFAULT_WEIGHTS = {"h-categorizer": 1.0, "df-quad": 0.5}
TOLERANCE = 1e-9
MAX_ROUNDS = 10_000


@dataclass(frozen=True)
class Scores:
    scores: dict[str, float]
    rounds: int  # iterations of the slowest cycle; 1 when there is no cycle
    converged: bool  # every cycle's last change was below TOLERANCE
    exact: bool = False  # no cycle: one pass computed every score


Step = Callable[[str, Mapping[str, float]], float]


def _iterate(
    arguments: tuple[str, ...],
    start: Mapping[str, float],
    step: Step,
    inputs: Mapping[str, tuple[str, ...]],
) -> Scores:
    """Component by component (see the module's docstring); a cycle is iterated as a
    whole (Jacobi) from `start` until no score in it moves by TOLERANCE or more."""
    with gc_paused():  # the graphs hold no cycles worth collecting
        g = nx.DiGraph()
        g.add_nodes_from(arguments)
        g.add_edges_from((b, a) for a in arguments for b in inputs[a])
        components = nx.condensation(g)
    score = dict(start)
    rounds, converged, exact = 1, True, True
    for component in nx.topological_sort(components):
        members = components.nodes[component]["members"]
        if len(members) == 1:
            (a,) = members
            if not g.has_edge(a, a):
                score[a] = step(a, score)  # its inputs are final
                continue
        exact, used, change = False, 0, 1.0
        before: dict[str, float] = {}  # the scores of two rounds ago
        while change >= TOLERANCE and used < MAX_ROUNDS:
            new = {a: step(a, score) for a in members}
            change = max(abs(value - score[a]) for a, value in new.items())
            used += 1
            if new == before and change >= TOLERANCE:
                # Back to the scores of two rounds ago: every round from here swaps between
                # the same two, as each depends on the last alone. The scores after
                # MAX_ROUNDS rounds are known without running them (a dense cycle took
                # 200 s to), and are those of this round or the last.
                if (MAX_ROUNDS - used) % 2 == 0:
                    score.update(new)
                used = MAX_ROUNDS
                break
            before = {a: score[a] for a in members}
            score.update(new)
        converged = converged and change < TOLERANCE
        rounds = max(rounds, used)
    return Scores({a: score[a] for a in arguments}, rounds, converged, exact)


def h_categorizer(
    arguments: tuple[str, ...],
    attackers: Mapping[str, tuple[str, ...]],
    weight: Mapping[str, float],
) -> Scores:
    def step(a: str, s: Mapping[str, float]) -> float:
        return weight[a] / (1 + sum(s[b] for b in attackers[a]))

    return _iterate(arguments, weight, step, attackers)


def df_quad(
    arguments: tuple[str, ...],
    attackers: Mapping[str, tuple[str, ...]],
    supporters: Mapping[str, tuple[str, ...]],
    weight: Mapping[str, float],
) -> Scores:
    def combine(values: list[float]) -> float:
        return 1 - prod(1 - v for v in values)

    def step(a: str, s: Mapping[str, float]) -> float:
        va = combine([s[b] for b in attackers[a]])
        vs = combine([s[b] for b in supporters[a]])
        w = weight[a]
        return w - w * (va - vs) if va >= vs else w + (1 - w) * (vs - va)

    inputs = {a: attackers[a] + supporters[a] for a in arguments}
    return _iterate(arguments, weight, step, inputs)
