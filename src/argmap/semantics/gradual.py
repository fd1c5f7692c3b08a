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


# An argument's score from the scores so far, both by the argument's index in `arguments`:
# lists indexed by position, where mappings by name made a cycle's 10,000 rounds take 15 s
# at 400 nodes.
Step = Callable[[int, list[float]], float]


def _iterate(
    arguments: tuple[str, ...],
    start: list[float],
    step: Step,
    inputs: list[tuple[int, ...]],
) -> Scores:
    """Component by component (see the module's docstring); a cycle is iterated as a
    whole (Jacobi) from `start` until no score in it moves by TOLERANCE or more.
    `start` and `inputs` are by index in `arguments`."""
    with gc_paused():  # the graphs hold no cycles worth collecting
        g = nx.DiGraph()
        g.add_nodes_from(range(len(arguments)))
        g.add_edges_from((j, i) for i, of in enumerate(inputs) for j in of)
        components = nx.condensation(g)
    score = list(start)
    rounds, converged, exact = 1, True, True
    for component in nx.topological_sort(components):
        members = list(components.nodes[component]["members"])
        if len(members) == 1:
            (i,) = members
            if not g.has_edge(i, i):
                score[i] = step(i, score)  # its inputs are final
                continue
        exact, used, change = False, 0, 1.0
        past: list[list[float]] = []  # the scores of the last rounds, the latest last
        while change >= TOLERANCE and used < MAX_ROUNDS:
            new = [step(i, score) for i in members]
            change = max(abs(value - score[i]) for i, value in zip(members, new, strict=True))
            used += 1
            past.append([score[i] for i in members])  # (this round's start)
            del past[:-_PERIODS]
            if change >= TOLERANCE and (period := _period(new, past)):
                # Back to the scores of `period` rounds ago: every round from here goes
                # round the same ones, as each depends on the last alone. The scores after
                # MAX_ROUNDS rounds are known without running them (a dense cycle took
                # 200 s to), and are one of those.
                ahead = (MAX_ROUNDS - used) % period
                last = new if ahead == 0 else past[ahead - period]
                for i, value in zip(members, last, strict=True):
                    score[i] = value
                used = MAX_ROUNDS
                break
            for i, value in zip(members, new, strict=True):
                score[i] = value
        converged = converged and change < TOLERANCE
        rounds = max(rounds, used)
    return Scores(dict(zip(arguments, score, strict=True)), rounds, converged, exact)


# The longest period of a cycle's scores that is told (a cycle of four nodes came back
# every four rounds, and ran all 10,000).
_PERIODS = 8


def _period(new: list[float], past: list[list[float]]) -> int:
    """How many rounds ago the scores were `new` (`past`, the latest last, holds each
    round's start), if at most _PERIODS; else 0."""
    return next((p for p in range(2, len(past) + 1) if past[-p] == new), 0)


def _indexed(
    arguments: tuple[str, ...], inputs: Mapping[str, tuple[str, ...]]
) -> list[tuple[int, ...]]:
    """Each argument's `inputs` by index in `arguments`."""
    index = {a: i for i, a in enumerate(arguments)}
    return [tuple(index[b] for b in inputs[a]) for a in arguments]


def h_categorizer(
    arguments: tuple[str, ...],
    attackers: Mapping[str, tuple[str, ...]],
    weight: Mapping[str, float],
) -> Scores:
    w = [weight[a] for a in arguments]
    attacked_by = _indexed(arguments, attackers)

    def step(i: int, s: list[float]) -> float:
        return w[i] / (1 + sum([s[j] for j in attacked_by[i]]))

    return _iterate(arguments, w, step, attacked_by)


def df_quad(
    arguments: tuple[str, ...],
    attackers: Mapping[str, tuple[str, ...]],
    supporters: Mapping[str, tuple[str, ...]],
    weight: Mapping[str, float],
) -> Scores:
    w = [weight[a] for a in arguments]
    attacked_by, supported_by = _indexed(arguments, attackers), _indexed(arguments, supporters)

    def combine(inputs: tuple[int, ...], s: list[float]) -> float:
        kept = 1.0  # (math.prod's order: the same float, without a list per call)
        for j in inputs:
            kept *= 1 - s[j]
        return 1 - kept

    def step(i: int, s: list[float]) -> float:
        va, vs, base = combine(attacked_by[i], s), combine(supported_by[i], s), w[i]
        return base - base * (va - vs) if va >= vs else base + (1 - base) * (vs - va)

    inputs = [att + sup for att, sup in zip(attacked_by, supported_by, strict=True)]
    return _iterate(arguments, w, step, inputs)
