"""Nodes that are not part of the debate about any claim."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.graph import levels, roots
from argmap.model import Kind
from argmap.rules.base import Context, Finding, Rule


def _disconnected(ctx: Context) -> Iterator[Finding]:
    connected = levels(ctx.graph, roots(ctx.graph))
    for node in ctx.map.nodes.values():
        if node.id in connected or node.kind is Kind.CLAIM:
            continue
        targets = node.targets()
        if not targets or any(ref.id not in ctx.map.nodes for _, ref in targets):
            continue  # the *-without-target and unknown-reference errors already say why
        yield (
            node.span,
            f"{node.kind} `{node.id}` does not lead to any claim",
            "connect it with `supports`/`attacks` to a node that argues about a claim, "
            "or remove it",
        )


RULES = [
    Rule(
        "disconnected",
        Severity.WARNING,
        "A node from which no chain of supports and attacks reaches a claim.",
        "Every reason, objection and rebuttal should bear, directly or through others, on "
        "a claim; otherwise it is not part of the debate the map shows.",
        "claims:\n  c1: {text: A claim.}\nobjections:\n  o1: {text: An objection., attacks: b1}\n"
        "rebuttals:\n  b1: {text: A rebuttal., attacks: o1}\n",
        "claims:\n  c1: {text: A claim.}\nobjections:\n  o1: {text: An objection., attacks: c1}\n"
        "rebuttals:\n  b1: {text: A rebuttal., attacks: o1}\n",
        _disconnected,
    ),
]
