"""Map -> networkx MultiDiGraph, and the graph queries later stages share.

Nodes are map ids with `kind`, `node` (the model Node) and `index` (its place in the file)
as attributes. Edges run from the
arguing node to its target with `relation` ("support" or "attack") and `span` (where the
reference was written). References to ids that are not in the map make no edge; the
unknown-reference rule reports them. Nothing else in argmap builds graphs by hand.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import networkx as nx

from argmap.model import Kind, Map, Relation, Span

Graph = Any  # networkx ships no type information


def build_graph(m: Map) -> Graph:
    g = nx.MultiDiGraph(title=m.title, path=m.path)
    g.add_nodes_from(
        (node.id, {"kind": node.kind, "node": node, "index": i})
        for i, node in enumerate(m.nodes.values())
    )
    # A target named twice in one list is one relation (the repeated-target rule says so).
    edges: dict[tuple[str, str, Relation], Span] = {}
    for node in m.nodes.values():
        for relation, ref in node.targets():
            if ref.id in m.nodes:
                edges.setdefault((node.id, ref.id, relation), ref.span)
    # (Each by `add_edge`: `add_edges_from` gives each its attributes through views of the
    # graph made for it, 1.4 ms more at 1,000 nodes, ahead of the drawing's DOT.)
    add = g.add_edge
    for (u, v, relation), span in edges.items():
        add(u, v, relation=relation, span=span)
    return g


def adjacency(g: Graph) -> dict[str, dict[str, dict[int, dict[str, Any]]]]:
    """`{u: {v: {key: edge attributes}}}`, in `g.edges`'s order, to read only: the graph's
    own dicts, which networkx's views (`g.edges`, `g.adj`) took as long again to go
    through as the work done with them, building DOT."""
    own: dict[str, dict[str, dict[int, dict[str, Any]]]] = g._adj
    return own


def graph_for(m: Map) -> AbstractContextManager[Graph]:
    """The map's graph for the block, emptied after it (`emptied`)."""
    return emptied(build_graph(m))


@contextmanager
def emptied(g: Graph) -> Iterator[Graph]:
    """`g` for the block, emptied after it. A networkx graph refers to itself through the
    views it caches (`g.edges`): left to itself, it and the map it holds would wait for the
    cyclic garbage collector, whose pass over a large map takes as long as checking it (a
    render pauses it, and its first pass after took 0.5 ms of a 100-node map's 14 for a
    copy kept to draw the map again)."""
    try:
        yield g
    finally:
        g.clear()


def relation_subgraph(g: Graph, relation: Relation) -> Graph:
    """A graph of the same nodes (without their attributes) and only the edges of one
    relation. A copy, not a filtered view: graph algorithms run several times faster on it."""
    sub = nx.MultiDiGraph()
    sub.add_nodes_from(g)
    sub.add_edges_from(
        (u, v, k, data)
        for u, v, k, data in g.edges(keys=True, data=True)
        if data["relation"] is relation
    )
    return sub


def roots(g: Graph) -> list[str]:
    """The claims, in map order: where a reading of the map starts."""
    return [n for n, kind in g.nodes(data="kind") if kind is Kind.CLAIM]


def levels(g: Graph, targets: Iterable[str]) -> dict[str, int]:
    """Every node with a path of edges to one of `targets`, and the fewest edges on such a
    path (0 for the targets): how far from the claims a node argues, when they are the
    targets."""
    level = dict.fromkeys(targets, 0)
    queue = deque(level)
    while queue:
        node = queue.popleft()
        for predecessor in g.predecessors(node):
            if predecessor not in level:
                level[predecessor] = level[node] + 1
                queue.append(predecessor)
    return level


def neighbourhood(g: Graph, center: str, depth: int) -> Graph:
    """The subgraph of nodes at most `depth` edges from `center`, either way along edges."""
    seen = {center}
    frontier = [center]
    for _ in range(depth):
        # Each node once: reached from two nodes of the last step (or both ways, a mutual
        # attack), it was listed twice, and the list doubled at each step (a depth of 24
        # in a map of 200 nodes took 20 s).
        frontier = list(
            dict.fromkeys(
                m for n in frontier for m in (*g.predecessors(n), *g.successors(n)) if m not in seen
            )
        )
        if not frontier:  # the whole component is in: a larger depth adds nothing
            break
        seen.update(frontier)
    # Built in the map's order: `g.subgraph(seen)` lists its nodes in the order of the set,
    # which changes from run to run, and with it the drawing, byte for byte.
    sub = nx.MultiDiGraph(**g.graph)
    sub.add_nodes_from((n, g.nodes[n]) for n in g if n in seen)
    sub.add_edges_from(
        (u, v, k, data)
        for u, v, k, data in g.edges(keys=True, data=True)
        if u in seen and v in seen
    )
    return sub


def left_out(g: Graph, shown: Graph) -> dict[str, list[tuple[bool, str, Relation]]]:
    """The relations of `g` that its subgraph `shown` leaves out, for each node of `shown`
    that has any: (whether the other node argues about this one, the other, the relation)."""
    missing: dict[str, list[tuple[bool, str, Relation]]] = {}
    for node in shown:
        for relation in relations_of(g, node):
            if relation[1] not in shown:
                missing.setdefault(node, []).append(relation)
    return missing


def relations_of(g: Graph, node: str) -> Iterator[tuple[bool, str, Relation]]:
    """The relations of `node` in `g`: (whether the other node argues about this one, the
    other, the relation)."""
    for u, _, r in g.in_edges(node, data="relation"):
        yield True, u, r
    for _, v, r in g.out_edges(node, data="relation"):
        yield False, v, r


def arguments_for(g: Graph, node: str) -> list[tuple[str, Relation]]:
    """The nodes that argue about `node` (support or attack it), in map order: a node
    that both supports and attacks it, twice."""
    found = dict.fromkeys((u, relation) for u, _, relation in g.in_edges(node, data="relation"))
    return sorted(found, key=lambda item: g.nodes[item[0]]["index"])
