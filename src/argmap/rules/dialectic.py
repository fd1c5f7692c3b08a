"""Rules on the state of the debate."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.model import Kind, Relation
from argmap.rules.base import Context, Finding, Rule
from argmap.rules.references import meant
from argmap.spec import ID_RE


def _unanswered_objection(ctx: Context) -> Iterator[Finding]:
    g = ctx.graph
    misspelt: set[str] | None = None  # (worked out for the first objection unanswered)
    for node in ctx.map.of_kind(Kind.OBJECTION):
        # An objection in the wrong place (objection-without-target), or one whose id must
        # be renamed first (invalid-id): the hint would name an id that cannot be written.
        if not node.attacks or not ID_RE.match(node.id):
            continue
        if not any(r is Relation.ATTACK for _, _, r in g.in_edges(node.id, data="relation")):
            if misspelt is None:
                misspelt = meant(ctx, "node", "attacks")
            if node.id in misspelt:  # (`attacks: o-1` for `o1`: its error says what to do)
                continue
            yield (
                node.span,
                f"objection `{node.id}` is unanswered: nothing attacks it",
                "add a rebuttal with `attacks: " + node.id + "` if the debate answers it",
            )


RULES = [
    Rule(
        "unanswered-objection",
        Severity.INFO,
        "An objection that no rebuttal (or other node) attacks.",
        "Not a mistake in the map: it marks where the debate has no answer yet, which is "
        "often the most interesting place. `argmap show` marks these too.",
        "claims:\n  c1: {text: A claim.}\nobjections:\n  o1: {text: An objection., attacks: c1}\n",
        "claims:\n  c1: {text: A claim.}\nobjections:\n  o1: {text: An objection., attacks: c1}\n"
        "rebuttals:\n  b1: {text: An answer., attacks: o1}\n",
        _unanswered_objection,
    ),
]
