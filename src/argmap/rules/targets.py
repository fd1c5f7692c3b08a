"""Rules on what each kind of node must argue about."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Severity
from argmap.model import Kind, Node, Relation, Span
from argmap.rules.base import Context, Finding, Rule, twice

# Each relation's field, and what a node with it does to the node it names.
_SAID = {Relation.SUPPORT: ("supports", "backs"), Relation.ATTACK: ("attacks", "argues against")}
_OTHER = {Relation.SUPPORT: Relation.ATTACK, Relation.ATTACK: Relation.SUPPORT}


def _without(kind: Kind, relation: Relation, otherwise: str = "") -> Rule:
    verb = _SAID[relation][0]
    target = "node it backs" if relation is Relation.SUPPORT else "node it argues against"

    def check(ctx: Context) -> Iterator[Finding]:
        for node in ctx.map.of_kind(kind):
            if not (node.supports if relation is Relation.SUPPORT else node.attacks):
                where, message, hint = _argues_nothing(node, verb, "id", target)
                yield (
                    where,
                    message,
                    _the_other_relation(ctx, node, relation)
                    or _named_the_other_way(ctx, node.id, relation)
                    or hint + otherwise,
                )

    example = {
        Kind.REASON: (
            "reasons:\n  r1: {text: A reason.}\n",
            "reasons:\n  r1: {text: A reason., supports: c1}\n",
        ),
        Kind.OBJECTION: (
            "objections:\n  o1: {text: An objection.}\n",
            "objections:\n  o1: {text: An objection., attacks: c1}\n"
            "rebuttals:\n  b1: {text: An answer., attacks: o1}\n",
        ),
    }[kind]
    claim = "claims:\n  c1: {text: A claim.}\n"
    article = "An" if kind is Kind.OBJECTION else "A"
    return Rule(
        f"{kind}-without-target",
        Severity.ERROR,
        f"{article} {kind} that {verb} no node.",
        f"{article} {kind} exists to {verb.removesuffix('s')} something; "
        f"without `{verb}` it floats free of the debate. Name the {target}.",
        claim + example[0],
        claim + example[1],
        check,
    )


def _argues_nothing(node: Node, verb: str, named: str, target: str) -> tuple[Span, str, str]:
    """Where a node whose `verb` names nothing is said to, what is said, and the hint that
    names its `target` (`<named>` in the field to add): at the field if it is written
    empty (`attacks: ''`, `attacks:` and nothing after), not at the node's id."""
    empty = node.fields.get(verb)
    message = f"{node.kind} `{node.id}` {verb} nothing" + f": its `{verb}` is empty" * bool(empty)
    if empty:
        return empty, message, f"write in it the id of the {target}"
    return node.span, message, f"add `{verb}: <{named}>` naming the {target}"


def _named_the_other_way(ctx: Context, node: str, relation: Relation, by: Kind = Kind.CLAIM) -> str:
    """The hint for a node that argues about nothing, named instead by the nodes it argues
    about (of kind `by`: the claims of a reason or objection, the objections of a
    rebuttal), in their own `supports` or `attacks` (`c: {attacks: [o1]}`, written on the
    target): adding the relation to the node alone made the two argue with each other,
    or support each other in a circle."""
    targets = [
        t
        for t, _, r in ctx.graph.in_edges(node, data="relation")
        if r is relation and ctx.map.nodes[t].kind is by
    ]
    if not targets:
        return ""
    one = len(targets) == 1
    named = ", ".join(f"`{t}`" for t in targets)
    listed = targets[0] if one else f"[{', '.join(targets)}]"
    verb, argues = _SAID[relation]
    owner = f"`{targets[0]}`'s" if one else "their"
    return (
        f"{named} {'names' if one else 'name'} `{node}` in {'its' if one else 'their'} "
        f"`{verb}`; if `{node}` {argues} {'it' if one else 'them'} (a relation is written on "
        f"the node that argues), write `{verb}: {listed}` in `{node}`, and remove `{node}` "
        f"from {owner} `{verb}`"
    )


def _the_other_relation(ctx: Context, node: Node, relation: Relation) -> str:
    """The hint for a node that should have `relation` and has the other instead: the
    field's name mistaken (where the targets suit the node), or the node in another kind's
    section, with what moves with it. "" if it has neither."""
    named = node.attacks if relation is Relation.SUPPORT else node.supports
    if not named:
        return ""
    (field, argues), (written, other) = _SAID[relation], _SAID[_OTHER[relation]]
    section = "objections" if relation is Relation.SUPPORT else "reasons"
    kind = "an objection" if relation is Relation.SUPPORT else "a reason"
    targets = [ctx.map.nodes.get(ref.id) for ref in named]
    # (A rebuttal that attacks a claim is an objection: `rebuttal-target`.)
    suits = node.kind is not Kind.REBUTTAL or all(
        t is not None and t.kind in (Kind.OBJECTION, Kind.REBUTTAL) for t in targets
    )
    them = "it" if len(named) == 1 else "them"
    quoted = [f"`{ref.id}`" for ref in named]
    names = " and ".join(filter(None, (", ".join(quoted[:-1]), quoted[-1])))
    renamed = f"if it {argues} {names}, rename `{written}` to `{field}`; " if suits else ""
    return (
        f"it has `{written}`: {renamed}if it {other} {them if suits else names}, it is {kind}: "
        f"move it under `{section}:`{_rebuttals_then(ctx, node.id, node.kind)}"
    )


def _rebuttals_then(ctx: Context, moved: str, kind: Kind) -> str:
    """The rebuttals that answer an objection or rebuttal (of `kind`) about to become a
    reason, which then attack a reason and must be objections too: said now, rather than
    in the next check's round. (A reason about to become an objection keeps them.)"""
    if kind is Kind.REASON:
        return ""
    answers = [
        a
        for a, _, r in ctx.graph.in_edges(moved, data="relation")
        if r is Relation.ATTACK and ctx.map.nodes[a].kind is Kind.REBUTTAL
    ]
    if not answers:
        return ""
    names = ", ".join(f"`{a}`" for a in answers)
    return f", and the rebuttals that answer it ({names}) under `objections:`"


def _an_objection(node: Node) -> bool:
    """Whether `node` is an objection written under `reasons:`, which `reason-without-target`
    says to move: a rebuttal that answers it is then where it belongs."""
    return node.kind is Kind.REASON and bool(node.attacks) and not node.supports


def _rebuttal_target(ctx: Context) -> Iterator[Finding]:
    # Of an id written twice the map has the first node, not perhaps the one meant: moving
    # the rebuttal to answer a reason would break it (duplicate-id says to rename one).
    doubtful = twice(ctx.map)
    for node in ctx.map.of_kind(Kind.REBUTTAL):
        if not node.attacks:
            where, message, hint = _argues_nothing(
                node, "attacks", "objection id", "objection it answers"
            )
            yield (
                where,
                message,
                _the_other_relation(ctx, node, Relation.ATTACK)
                or _named_the_other_way(ctx, node.id, Relation.ATTACK, Kind.OBJECTION)
                or hint,
            )
        for ref in node.attacks:
            target = ctx.map.nodes.get(ref.id)
            if (
                target is not None
                and target.kind not in (Kind.OBJECTION, Kind.REBUTTAL)
                and ref.id not in doubtful
                and not _an_objection(target)
            ):
                yield (
                    ref.span,
                    f"rebuttal `{node.id}` attacks the {target.kind} `{ref.id}`; "
                    "a rebuttal answers an objection or another rebuttal",
                    f"move `{node.id}` to `objections` if it argues against the {target.kind}",
                )


RULES = [
    _without(
        Kind.REASON, Relation.SUPPORT, ", or move it under `claims:` if it is a position of its own"
    ),
    _without(Kind.OBJECTION, Relation.ATTACK),
    Rule(
        "rebuttal-target",
        Severity.ERROR,
        "A rebuttal must attack an objection or another rebuttal.",
        "A rebuttal answers an objection. One that attacks a claim or a reason directly is "
        "an objection, and belongs under `objections`; one that attacks nothing is lost.",
        "claims:\n  c1: {text: A claim.}\nrebuttals:\n  b1: {text: Not so., attacks: c1}\n",
        "claims:\n  c1: {text: A claim.}\nobjections:\n  o1: {text: Not so., attacks: c1}\n"
        "rebuttals:\n  b1: {text: But it is., attacks: o1}\n",
        _rebuttal_target,
    ),
]
