"""Nodes that are not part of the debate about any claim, and maps without a claim."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.graph import levels, roots
from argmap.model import Kind, Span
from argmap.rules.base import Context, Finding, Rule


def _no_claim(ctx: Context) -> Iterator[Finding]:
    m = ctx.map
    if not roots(ctx.graph) and "claims" not in m.unread_sections:
        nodes = len(m.nodes)
        what = f": its {nodes} node{'s' * (nodes > 1)} argue{'s' * (nodes == 1)} about nothing"
        yield (
            Span.point(m.path, m.span.line, m.span.column),
            "the map has no claim" + (what if nodes else ", nor any other node"),
            "add the position the debate is about under `claims:`, "
            "e.g. `claims: {my-claim: {text: ...}}`",
        )


def _disconnected(ctx: Context) -> Iterator[Finding]:
    # (With no claim at all, each node is still reported: no-claim may be switched off.)
    m = ctx.map
    # A node without a target, or naming one not in the map, has an error that says why;
    # nor are the nodes that lead to it reported: one typo down a chain of rebuttals told
    # the user to remove each valid node below it.
    unsettled = [
        node.id
        for node in m.nodes.values()
        if node.kind is not Kind.CLAIM
        and (not (targets := node.targets()) or any(ref.id not in m.nodes for _, ref in targets))
    ]
    connected = levels(ctx.graph, [*roots(ctx.graph), *unsettled])
    for node in m.nodes.values():
        if node.id in connected or node.kind is Kind.CLAIM:
            continue
        yield (
            node.span,
            f"{node.kind} `{node.id}` does not lead to any claim",
            "connect it with `supports`/`attacks` to a node that argues about a claim, "
            "or remove it",
        )


RULES = [
    Rule(
        "no-claim",
        Severity.WARNING,
        "A map without a claim: nothing for its reasons and objections to argue about.",
        "Claims are what a debate is about, and the top of its drawing. A map without one "
        "(a new file, or claims written under another section) draws as an empty picture "
        "or as loose nodes.",
        "summary: A debate yet to be written.\n",
        "summary: A debate yet to be written.\nclaims:\n  c1: {text: A claim.}\n",
        _no_claim,
    ),
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
