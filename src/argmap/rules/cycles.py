"""Circular reasoning: a chain of supports that leads back to where it started."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from argmap.diagnostics import Severity
from argmap.model import Relation
from argmap.rules.base import Context, Finding, Rule


def _circular_support(ctx: Context) -> Iterator[Finding]:
    g = ctx.graph
    support = nx.DiGraph()
    support.add_edges_from(
        (u, v, {"span": span})
        for u, v, (relation, span) in _edges(g)
        if relation is Relation.SUPPORT and u != v  # a self-loop is self-reference's
    )
    order = {n: i for i, n in enumerate(g.nodes)}
    for component in nx.strongly_connected_components(support):
        if len(component) < 2:
            continue
        start = min(component, key=order.__getitem__)
        cycle = nx.find_cycle(support.subgraph(component), source=start)
        path = " -> ".join([u for u, _ in cycle] + [cycle[0][0]])
        yield (
            support.edges[cycle[0]]["span"],
            f"circular support: {path}",
            "a node cannot be a reason for itself; remove one `supports` link of the cycle",
        )


def _edges(g: object) -> Iterator[tuple[str, str, tuple[Relation, object]]]:
    for u, v, data in g.edges(data=True):  # type: ignore[attr-defined]
        yield u, v, (data["relation"], data["span"])


RULES = [
    Rule(
        "circular-support",
        Severity.ERROR,
        "A cycle of supports: circular reasoning.",
        "If A supports B and B supports A, each is offered as the reason for the other and "
        "neither is grounded. The message lists the whole cycle. (Cycles of attacks are "
        "fine: objections and rebuttals answer each other.)",
        "claims:\n  c1: {text: A claim., supports: r1}\n"
        "reasons:\n  r1: {text: A reason., supports: c1}\n",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: c1}\n",
        _circular_support,
    ),
]
