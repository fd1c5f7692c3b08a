"""Gradual semantics: a score in [0, 1] for every argument.

- h-categorizer, weighted (Besnard & Hunter 2001; Amgoud, Ben-Naim, Doder & Vesic 2017,
  "Acceptability semantics for weighted argumentation frameworks", IJCAI):
  s(a) = w(a) / (1 + sum of s(b) over the attackers b of a), on the attacks of the chosen
  support reading. The iteration from s = w converges for every framework.
- DF-QuAD (Rago, Toni, Aurisicchio & Baroni 2016, "Discontinuity-free decision support with
  quantitative argumentation debates", KR): attackers' and supporters' scores combine as
  F(v1..vn) = 1 - (1 - v1)...(1 - vn); then with va for the attackers and vs for the
  supporters, s(a) = w - w(va - vs) if va >= vs, else w + (1 - w)(vs - va). Exact in one
  pass on an acyclic map (in topological order); on cycles it is iterated and may not
  settle, which the result says.

The base score w is the node's `weight`, 0.5 when it has none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from math import prod

DEFAULT_WEIGHT = 0.5
TOLERANCE = 1e-9
MAX_ROUNDS = 10_000


@dataclass(frozen=True)
class Scores:
    scores: dict[str, float]
    rounds: int  # iterations used
    converged: bool  # the last change was below TOLERANCE


Step = Callable[[str, Mapping[str, float]], float]


def _iterate(arguments: tuple[str, ...], start: Mapping[str, float], step: Step) -> Scores:
    """Jacobi iteration from `start` until no score moves by TOLERANCE or more."""
    score = dict(start)
    for rounds in range(1, MAX_ROUNDS + 1):
        change = 0.0
        new = {a: step(a, score) for a in arguments}
        for a, value in new.items():
            change = max(change, abs(value - score[a]))
        score = new
        if change < TOLERANCE:
            return Scores({a: score[a] for a in arguments}, rounds, True)
    return Scores({a: score[a] for a in arguments}, MAX_ROUNDS, False)


def h_categorizer(
    arguments: tuple[str, ...],
    attackers: Mapping[str, tuple[str, ...]],
    weight: Mapping[str, float],
) -> Scores:
    def step(a: str, s: Mapping[str, float]) -> float:
        return weight[a] / (1 + sum(s[b] for b in attackers[a]))

    return _iterate(arguments, weight, step)


def df_quad(
    arguments: tuple[str, ...],
    attackers: Mapping[str, tuple[str, ...]],
    supporters: Mapping[str, tuple[str, ...]],
    weight: Mapping[str, float],
    acyclic_order: list[str] | None,
) -> Scores:
    def combine(values: list[float]) -> float:
        return 1 - prod(1 - v for v in values)

    def step(a: str, s: Mapping[str, float]) -> float:
        va = combine([s[b] for b in attackers[a]])
        vs = combine([s[b] for b in supporters[a]])
        w = weight[a]
        return w - w * (va - vs) if va >= vs else w + (1 - w) * (vs - va)

    if acyclic_order is not None:
        score = dict(weight)
        for a in acyclic_order:  # every attacker and supporter of a is final already
            score[a] = step(a, score)
        return Scores({a: score[a] for a in arguments}, 1, True)
    return _iterate(arguments, weight, step)
