"""`argmap show`: the outline of a map printed as a tree in the terminal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from argmap.graph import build_graph
from argmap.model import Kind, Map, Relation
from argmap.outline import Entry, outline
from argmap.printable import one_line, printable

# One colour per kind, the same everywhere argmap draws a map.
KIND_STYLES = {
    Kind.CLAIM: "bold blue",
    Kind.REASON: "green",
    Kind.OBJECTION: "red",
    Kind.REBUTTAL: "magenta",
}
_MARKS = {None: "", Relation.SUPPORT: "+ ", Relation.ATTACK: "- "}
_MIN_TEXT_WIDTH = 60  # columns a node's text has, however deep it is


# Where a node stands, when evaluated: the same three colours as a rendered map.
STANDING_STYLES = {"in": "bold green", "out": "bold red", "undec": "bold yellow"}


def _label(entry: Entry, actors: dict[str, str], labels: Mapping[str, str] | None) -> Text:
    node = entry.node
    label = Text(_MARKS[entry.relation])
    label.append(f"{node.kind} {printable(node.id)}", KIND_STYLES[node.kind])
    if entry.repeat:
        label.append("  (shown above)", "dim")
        return label
    label.append(": " + one_line(node.text))
    if node.by is not None:
        label.append(f"  ({one_line(actors.get(node.by.id, node.by.id))})", "dim")
    if entry.unanswered:
        label.append("  [unanswered]", "bold yellow")
    if labels is not None:
        from argmap.render.theme import STANDING

        word = labels[node.id]
        label.append(f"  [{word}]", STANDING_STYLES.get(STANDING.get(word, ""), "bold"))
    return label


def _add(tree: Tree, entry: Entry, actors: dict[str, str], labels: Mapping[str, str] | None) -> int:
    """Adds `entry` and what is under it to `tree`; returns how many levels that took."""
    stack = [(tree, entry, 1)]
    deepest = 0
    while stack:  # iterative, like the outline itself
        parent, current, depth = stack.pop()
        deepest = max(deepest, depth)
        branch = parent.add(_label(current, actors, labels))
        stack.extend((branch, child, depth + 1) for child in reversed(current.children))
    return deepest


def print_outline(
    m: Map, out: TextIO, *, color: bool, labels: Mapping[str, str] | None = None
) -> None:
    """The outline; with `labels` (node id -> label, status or score), each node marked."""
    console = Console(file=out, highlight=False, no_color=not color, soft_wrap=False)
    actors = {a.id: a.name for a in m.actors.values()}
    trees, loose = outline(build_graph(m))
    root = Tree(Text(one_line(m.title), "bold"), guide_style="dim")
    depth = max((_add(root, entry, actors, labels) for entry in trees), default=0)
    if loose:
        lost = root.add(Text("not connected to any claim", "bold yellow"))
        depth = max(depth, *(1 + _add(lost, entry, actors, labels) for entry in loose))
    # Each level indents by 4: past the console's width, rich would drop the deepest nodes.
    console.width = max(console.width, 4 * depth + _MIN_TEXT_WIDTH)
    console.print(root)
    marks = "+ supports its parent, - attacks it"
    unanswered = sum(1 for n in m.of_kind(Kind.OBJECTION) if _unanswered(n.id, trees, loose))
    nodes = f"{len(m.nodes)} node{'s' if len(m.nodes) != 1 else ''}"
    answered = f"{unanswered} unanswered objection{'s' if unanswered != 1 else ''}"
    console.print(Text(f"{nodes}; {marks}; {answered}", "dim"))


def _unanswered(node_id: str, *forests: list[Entry]) -> bool:
    stack = [e for forest in forests for e in forest]
    while stack:
        entry = stack.pop()
        if entry.node.id == node_id and not entry.repeat:
            return entry.unanswered
        stack.extend(entry.children)
    return False
