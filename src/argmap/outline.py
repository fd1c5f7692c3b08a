"""The map as a tree to read top-down: each claim, under it what argues about it, and so on.

A graph is not a tree: a node that argues about two others appears under both, and a
cycle is cut where it would repeat (marked `repeat`). Every claim is the top of its own
tree: under another node, it is named, not expanded."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.graph import Graph, arguments_for, levels, roots
from argmap.model import Kind, Node, Relation


@dataclass
class Entry:
    node: Node
    relation: Relation | None  # how it bears on its parent; None at the top
    unanswered: bool = False  # an objection nothing attacks
    repeat: bool = False  # shown in full elsewhere in the outline (a claim: at the top)
    children: list[Entry] = field(default_factory=list)


def outline(g: Graph) -> tuple[list[Entry], list[Entry]]:
    """The claims' trees, and the trees of nodes that reach no claim (their tops are nodes
    nothing argues about, or the first of a cycle). Each node is expanded once, where it
    first appears, so the outline grows linearly with the map however it is wired."""
    claims = roots(g)
    expanded: set[str] = set()
    # Found once: a node shown under each of 3,000 parents, with 3,000 in-edges of its own,
    # looked through them at each (`show` took 25 s at 8,000 nodes).
    attacked = {target for _, target, r in g.edges(data="relation") if r is Relation.ATTACK}
    trees = [_expand(g, claim, expanded, attacked) for claim in claims]
    connected = levels(g, claims)
    loose = [
        _expand(g, n, expanded, attacked)
        for n in g.nodes
        if n not in connected and n not in expanded
    ]
    return trees, loose


def _entry(g: Graph, n: str, relation: Relation | None, attacked: set[str]) -> Entry:
    node: Node = g.nodes[n]["node"]
    return Entry(node, relation, unanswered=node.kind is Kind.OBJECTION and n not in attacked)


def _expand(g: Graph, top: str, expanded: set[str], attacked: set[str]) -> Entry:
    root = _entry(g, top, None, attacked)
    stack = [root]  # iterative: a chain of thousands of reasons must not hit the recursion limit
    while stack:
        entry = stack.pop()
        if entry.repeat or entry.node.id in expanded:
            entry.repeat = True
            continue
        expanded.add(entry.node.id)
        entry.children = [
            _entry(g, child, r, attacked) for child, r in arguments_for(g, entry.node.id)
        ]
        # A claim that argues about another is a tree of its own, not a branch of the other's
        # (a rival claim's whole debate was nested under the claim it attacks).
        for child in entry.children:
            child.repeat = child.node.kind is Kind.CLAIM
        stack.extend(reversed(entry.children))
    return root
