"""Rules on references: every id a node names must exist, and not be the node itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from argmap.diagnostics import Severity, did_you_mean
from argmap.model import Ref, Relation
from argmap.rules.base import Context, Finding, Rule
from argmap.spec import ID_CHARS, ID_RE


def _unknown_reference(ctx: Context) -> Iterator[Finding]:
    m = ctx.map
    for node in m.nodes.values():
        named: list[tuple[str, Ref, Mapping[str, object], str]] = [
            (relation.value + "s", ref, m.nodes, "node") for relation, ref in node.targets()
        ]
        named += [("by", ref, m.actors, "actor") for ref in node.by]
        if node.source:
            named.append(("source", node.source, m.sources, "source"))
        spaces = {"node": m.nodes, "actor": m.actors, "source": m.sources}
        for field, ref, known, what in named:
            if ref.id in known or ref.id in m.unreadable:
                continue
            said = f"`{field}` of {node.kind} `{node.id}` names `{ref.id}`"
            other = next((k for k, ids in spaces.items() if ref.id in ids), None)
            if other is not None:  # `by: a-node`, `supports: an-actor`
                yield (
                    ref.span,
                    f"{said}, which is {_a(other)} {other}, not {_a(what)} {what}",
                    f"`{field}` takes {_a(what)} {what}'s id; {_GOES_IN[other]}",
                )
                continue
            section = {"node": "the map", "actor": "`actors`", "source": "`sources`"}[what]
            yield (
                ref.span,
                f"{said}, which is not in {section}",
                did_you_mean(ref.id, known, fallback=_unknown_hint(field, ref.id, what, known)),
            )


_GOES_IN = {
    "node": "a node it argues with goes in `supports` or `attacks`",
    "actor": "who said it goes in `by`",
    "source": "where it was said goes in `source`",
}


def _a(what: str) -> str:
    return "an" if what == "actor" else "a"


def _unknown_hint(field: str, name: str, what: str, known: Mapping[str, object]) -> str:
    """What to do about a name that no entry has, by what it looks like."""
    written = name.casefold().strip()
    for key, entry in known.items():  # the text of a node, or the name of an actor
        if written in (str(getattr(entry, a, "")).casefold().strip() for a in ("text", "name")):
            return f"write the id, not the {'text' if what == 'node' else 'name'}: `{field}: {key}`"
    section = {"node": "the map", "actor": "`actors`", "source": "`sources`"}[what]
    pieces = [p.strip() for p in name.split(",")]
    if what != "source" and len(pieces) > 1 and all(ID_RE.match(p) for p in pieces):
        return f"to name several, write a list: `{field}: [{', '.join(pieces)}]`"
    if what == "source" and name.startswith(("http://", "https://")):
        return (
            f"`source` names an entry of `sources`: add one there, such as "
            f"`my-source: {{title: ..., url: {name}}}`, and write `source: my-source`"
        )
    if not ID_RE.match(name):
        return (
            f"`{field}` takes the id of {_a(what)} {what} in {section} "
            f"({ID_CHARS}), not its text or name"
        )
    return f"add {_a(what)} {what} `{name}` to {section}"


def _itself(relation: Relation, message: str, hint: str) -> Callable[[Context], Iterator[Finding]]:
    """Findings for each node that names itself in `relation`'s field."""

    def check(ctx: Context) -> Iterator[Finding]:
        for node in ctx.map.nodes.values():
            for ref in node.supports if relation is Relation.SUPPORT else node.attacks:
                if ref.id == node.id:
                    yield ref.span, f"{node.kind} `{node.id}` {message}", hint

    return check


def _repeated_target(ctx: Context) -> Iterator[Finding]:
    for node in ctx.map.nodes.values():
        named: dict[Relation, set[str]] = {relation: set() for relation in Relation}
        for relation, ref in node.targets():
            if ref.id in named[relation]:
                yield (
                    ref.span,
                    f"{node.kind} `{node.id}` names `{ref.id}` twice in `{relation.value}s`",
                    "delete the repeated id; the relation is drawn and counted once",
                )
            elif any(ref.id in ids for ids in named.values()):
                yield (
                    ref.span,
                    f"{node.kind} `{node.id}` both supports and attacks `{ref.id}`",
                    "keep the one relation you mean; a node cannot argue both for and against "
                    "the same target",
                )
            named[relation].add(ref.id)
        actors: set[str] = set()
        for ref in node.by:
            if ref.id in actors:
                yield (
                    ref.span,
                    f"{node.kind} `{node.id}` names `{ref.id}` twice in `by`",
                    "delete the repeated id; each actor is named once",
                )
            actors.add(ref.id)


RULES = [
    Rule(
        "unknown-reference",
        Severity.ERROR,
        "`supports`, `attacks`, `by` or `source` names an id that is not in the map.",
        "A dangling reference is usually a typo or a node that was renamed or deleted; the "
        "relation would silently vanish from the graph. The hint names the closest id.",
        "claims:\n  keep-targeting: {text: MoveOn will keep targeting moderates.}\n"
        "objections:\n  unwise: {text: Very unwise., attacks: keep-targetting}\n",
        "claims:\n  keep-targeting: {text: MoveOn will keep targeting moderates.}\n"
        "objections:\n  unwise: {text: Very unwise., attacks: keep-targeting}\n"
        "rebuttals:\n  popular: {text: The agenda is popular., attacks: unwise}\n",
        _unknown_reference,
    ),
    Rule(
        "self-reference",
        Severity.ERROR,
        "A node supports itself.",
        "A node that is its own reason says nothing about the debate (it is circular "
        "reasoning in one step); it is almost always a copy-paste slip.",
        "claims:\n  c1: {text: A claim., supports: c1}\n",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: c1}\n",
        _itself(Relation.SUPPORT, "supports itself", "point it at the node it backs"),
    ),
    Rule(
        "self-attack",
        Severity.WARNING,
        "A node attacks itself.",
        "In a debate a node that attacks itself is usually a slip. In formal argumentation it "
        "is a self-defeating argument, which no extension accepts, and frameworks imported "
        "from the argumentation competitions often have them; so the map is still drawn and "
        "evaluated as written.",
        "claims:\n  c1: {text: A claim.}\n"
        "objections:\n  o1: {text: An objection., attacks: [o1, c1]}\n",
        "claims:\n  c1: {text: A claim.}\nobjections:\n  o1: {text: An objection., attacks: c1}\n"
        "rebuttals:\n  b1: {text: An answer., attacks: o1}\n",
        _itself(
            Relation.ATTACK,
            "attacks itself, so no extension can accept it",
            "point it at the node it argues against; if it defeats itself on purpose (as in "
            'an imported framework), leave it and ignore the rule (`ignore = ["self-attack"]`)',
        ),
    ),
    Rule(
        "repeated-target",
        Severity.WARNING,
        "A node names the same target (or actor) twice, or both supports and attacks a target.",
        "Naming a target twice in `supports` or `attacks`, or an actor twice in `by`, is a "
        "copy-paste slip: the relation still counts once. A node that both supports and "
        "attacks one target contradicts itself, and every evaluation of the map then rests "
        "on that contradiction.",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: [c1, c1]}\n",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: c1}\n",
        _repeated_target,
    ),
]
