"""Circular reasoning: a chain of supports that leads back to where it started."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from argmap.diagnostics import Severity
from argmap.graph import relation_subgraph
from argmap.model import Relation
from argmap.rules.base import Context, Finding, Rule

_SHOWN = 10  # nodes of a long cycle named before the rest is counted


def _circular_support(ctx: Context) -> Iterator[Finding]:
    g = ctx.graph
    support = relation_subgraph(g, Relation.SUPPORT)
    for component in nx.strongly_connected_components(support):
        if len(component) < 2:
            continue  # a node supporting itself is self-reference's to report
        start = min(component, key=lambda n: g.nodes[n]["index"])
        within = support.subgraph(component)
        cycle = nx.find_cycle(
            nx.restricted_view(within, [], list(nx.selfloop_edges(within, keys=True))), source=start
        )
        names = [u for u, *_ in cycle]
        if len(names) > _SHOWN + 2:  # (a cycle of 5,000 made a message of 5,000 ids)
            names = [*names[:_SHOWN], f"({len(names) - _SHOWN - 1:,} more)", names[-1]]
        path = " -> ".join([*names, cycle[0][0]])
        yield (
            g.edges[cycle[0]]["span"],
            f"circular support: {path}",
            "a node cannot be a reason for itself; remove one `supports` link of the cycle",
        )


RULES = [
    Rule(
        "circular-support",
        Severity.ERROR,
        "A cycle of supports: circular reasoning.",
        "If A supports B and B supports A, each is offered as the reason for the other and "
        "neither is grounded. The message lists the cycle (past 12 nodes, its first 10, how many "
        "more, and its last). (Cycles of attacks are fine: objections and rebuttals answer "
        "each other.)",
        "claims:\n  c1: {text: A claim., supports: r1}\n"
        "reasons:\n  r1: {text: A reason., supports: c1}\n",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: c1}\n",
        _circular_support,
    ),
]
