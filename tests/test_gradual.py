"""Gradual semantics: scores in [0, 1] that satisfy their defining equations."""

from __future__ import annotations

import sys
from math import prod

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.interchange.iccma import from_i23, to_map_yaml
from argmap.loader import loads
from argmap.semantics import evaluate, gradual

WEIGHTS = st.floats(0, 1, allow_nan=False)


@st.composite
def bipolar(draw: st.DrawFn, acyclic: bool) -> tuple[tuple[str, ...], dict, dict, dict]:
    n = draw(st.integers(1, 10))
    args = tuple(f"a{i}" for i in range(n))
    pairs = [
        (a, b)
        for i, a in enumerate(args)
        for j, b in enumerate(args)
        if (i > j or not acyclic) and a != b
    ]
    edges = (
        draw(
            st.lists(
                st.tuples(st.sampled_from(pairs), st.booleans()),
                max_size=2 * n,
                unique_by=lambda e: e[0],
            )
        )
        if pairs
        else []
    )
    attackers = {a: tuple(u for (u, v), attack in edges if v == a and attack) for a in args}
    supporters = {a: tuple(u for (u, v), attack in edges if v == a and not attack) for a in args}
    weight = {a: draw(WEIGHTS) for a in args}
    return args, attackers, supporters, weight


@settings(max_examples=200)
@given(bipolar(acyclic=False))
def test_h_categorizer_is_the_fixpoint(case) -> None:  # type: ignore[no-untyped-def]
    args, attackers, _, weight = case
    result = gradual.h_categorizer(args, attackers, weight)
    assert result.converged
    s = result.scores
    for a in args:
        assert 0 <= s[a] <= 1
        assert abs(s[a] - weight[a] / (1 + sum(s[b] for b in attackers[a]))) < 1e-6


def combine(values: list[float]) -> float:
    return 1 - prod(1 - v for v in values)


@settings(max_examples=200)
@given(bipolar(acyclic=True))
def test_df_quad_on_acyclic_maps_is_exact(case) -> None:  # type: ignore[no-untyped-def]
    args, attackers, supporters, weight = case
    result = gradual.df_quad(args, attackers, supporters, weight)
    assert result.exact and result.converged and result.rounds == 1
    s = result.scores
    for a in args:
        va, vs, w = (
            combine([s[b] for b in attackers[a]]),
            combine([s[b] for b in supporters[a]]),
            weight[a],
        )
        expected = w - w * (va - vs) if va >= vs else w + (1 - w) * (vs - va)
        assert 0 <= s[a] <= 1
        assert abs(s[a] - expected) < 1e-12
        if not attackers[a] and not supporters[a]:
            assert s[a] == w


def test_df_quad_iterates_on_cycles_and_says_so() -> None:
    args = ("a", "b")
    result = gradual.df_quad(
        args, {"a": ("b",), "b": ("a",)}, {"a": (), "b": ()}, {"a": 0.5, "b": 0.5}
    )
    assert 0 <= result.scores["a"] <= 1
    assert not result.exact and result.rounds >= 1


def test_only_a_cycle_is_iterated_and_what_it_does_not_reach_is_exact() -> None:
    """a and b attack each other at full weight: their scores swap between 0 and 1 for
    ever. c, attacked by d alone, is exact all the same; e, attacked by a, is whatever
    a's score was when the iteration gave up, and the result says it did not settle."""
    args = ("a", "b", "c", "d", "e")
    attackers = {"a": ("b",), "b": ("a",), "c": ("d",), "d": (), "e": ("a",)}
    weight = {"a": 1.0, "b": 1.0, "c": 0.8, "d": 0.5, "e": 0.5}
    result = gradual.df_quad(args, attackers, dict.fromkeys(args, ()), weight)
    assert not result.converged and result.rounds == gradual.MAX_ROUNDS
    assert result.scores["c"] == 0.8 - 0.8 * 0.5
    assert result.scores["e"] == 0.5 - 0.5 * result.scores["a"]


def test_weights_are_base_scores() -> None:
    m = loads(
        "argmap: 1\ntitle: W\nclaims:\n  c: {text: C, weight: 0.9}\n"
        "objections:\n  o: {text: O, attacks: c, weight: 0.2}\n"
    ).map
    assert m is not None
    e = evaluate(m, "df-quad")
    assert e.scores is not None
    assert e.scores.scores["o"] == 0.2
    assert abs(e.scores.scores["c"] - (0.9 - 0.9 * 0.2)) < 1e-12
    h = evaluate(m, "h-categorizer").scores
    assert h is not None and abs(h.scores["c"] - 0.9 / 1.2) < 1e-9


def test_df_quad_takes_the_attacks_of_the_support_reading() -> None:
    """`--support deductive` said DF-QuAD's supports were read so, and it took the map's
    attacks alone: a supports x, x attacks b, so a attacks b too (a supported attack)."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  b: {text: B}\nreasons:\n  a: {text: A, supports: x}\n"
        "objections:\n  x: {text: X, attacks: b}\n"
    ).map
    assert m is not None

    def b(support: str) -> float:
        scores = evaluate(m, "df-quad", support).scores
        assert scores is not None
        return scores.scores["b"]

    x = 0.5 + 0.5 * 0.5  # raised by its supporter a
    assert b("none") == b("necessary") == 0.5 - 0.5 * x
    assert b("deductive") == 0.5 - 0.5 * combine([x, 0.5])


@settings(max_examples=300)
@given(bipolar(acyclic=False), st.sampled_from([30, 31]), st.sampled_from([0.0, 1.0]))
def test_a_cycle_swapping_for_ever_gives_the_scores_of_every_round(
    case, rounds: int, extreme: float
) -> None:  # type: ignore[no-untyped-def]
    """A cycle whose scores swap between two sets for ever stops once it is back where it
    was two rounds before (a dense one ran 10,000 rounds, 200 s): with the scores, and the
    rounds, that running them all gives."""
    args, attackers, supporters, weight = case
    weight = {a: extreme if i % 2 else w for i, (a, w) in enumerate(weight.items())}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gradual, "MAX_ROUNDS", rounds)
        found = gradual.df_quad(args, attackers, supporters, weight)
        patch.setattr(gradual, "_iterate", _every_round)
        assert found == gradual.df_quad(args, attackers, supporters, weight)


@pytest.mark.parametrize("rounds", [30, 31, 32, 33])
def test_a_cycle_coming_back_every_four_rounds_gives_the_scores_of_every_round(
    rounds: int,
) -> None:
    """A reviewer's cycle of four nodes whose scores come back every four rounds, (0,1,0,0)
    (1,0,1,0) (0,0,0,0) (1,0,1,1): only a swap between two was told, and it ran all 10,000
    rounds (100 such cycles took 16 s). The scores, and rounds, of running them all."""
    args = ("n0", "n1", "n2", "n3")
    attackers = {"n0": ("n2",), "n1": (), "n2": ("n0",), "n3": ("n0", "n1")}
    supporters = {"n0": ("n1",), "n1": ("n3",), "n2": (), "n3": ()}
    weight = {"n0": 1.0, "n1": 0.0, "n2": 1.0, "n3": 1.0}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gradual, "MAX_ROUNDS", rounds)
        found = gradual.df_quad(args, attackers, supporters, weight)
        patch.setattr(gradual, "_iterate", _every_round)
        assert found == gradual.df_quad(args, attackers, supporters, weight)
    assert not found.converged and found.rounds == rounds
    steps = 0

    def count(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal steps
        steps += event == "call" and frame.f_code.co_name == "step"

    sys.setprofile(count)
    try:
        assert gradual.df_quad(args, attackers, supporters, weight).rounds == gradual.MAX_ROUNDS
    finally:
        sys.setprofile(None)
    assert steps < 100  # a few rounds of four nodes, not 10,000


def _every_round(arguments, start, step, inputs):  # type: ignore[no-untyped-def]
    """`gradual._iterate` without the shortcut: every round, up to the last."""
    g = nx.DiGraph()
    g.add_nodes_from(range(len(arguments)))
    g.add_edges_from((j, i) for i, of in enumerate(inputs) for j in of)
    components = nx.condensation(g)
    score = list(start)
    rounds, converged, exact = 1, True, True
    for component in nx.topological_sort(components):
        members = components.nodes[component]["members"]
        if len(members) == 1 and not g.has_edge(*members, *members):
            score[next(iter(members))] = step(next(iter(members)), score)
            continue
        exact, used, change = False, 0, 1.0
        while change >= gradual.TOLERANCE and used < gradual.MAX_ROUNDS:
            new = {i: step(i, score) for i in members}
            change = max(abs(value - score[i]) for i, value in new.items())
            for i, value in new.items():
                score[i] = value
            used += 1
        converged = converged and change < gradual.TOLERANCE
        rounds = max(rounds, used)
    return gradual.Scores(dict(zip(arguments, score, strict=True)), rounds, converged, exact)


def test_h_categorizer_without_weights_is_besnard_and_hunters() -> None:
    """Unweighted, each argument's base score is 1, as in the classic definition: with
    0.5 the scores were not only halved but ranked otherwise (an argument attacked once by
    an unattacked one above one attacked by three weakened ones)."""
    framework = from_i23(
        "p af 15\n2 1\n4 3\n5 3\n6 3\n"
        + "".join(f"{b} {a}\n" for a in (4, 5, 6) for b in range(3 * a - 5, 3 * a - 2)),
        "ranking.af",
    )
    m = loads(to_map_yaml(framework, "ranking")).map
    assert m is not None
    e = evaluate(m, "h-categorizer")
    assert e.scores is not None
    s = {node: e.scores.scores[node] for node in m.nodes}
    assert abs(s["1"] - 1 / 2) < 1e-9 and abs(s["3"] - 1 / (1 + 3 / 4)) < 1e-9
    assert s["3"] > s["1"]
    df = evaluate(m, "df-quad").scores  # DF-QuAD's base score stays a neutral 0.5
    assert df is not None and df.scores["2"] == 0.5
