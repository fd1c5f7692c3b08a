"""`argmap show`: the outline of a map printed as a tree in the terminal."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

from rich.console import Console
from rich.style import Style
from rich.text import Text
from rich.tree import Tree

from argmap.graph import build_graph
from argmap.model import Kind, Map, Node, Relation
from argmap.outline import Entry, outline
from argmap.printable import one_line, printable
from argmap.text import breaks_at_spaces, fill, in_quotes, listed, written_lines

# One colour per kind, the same everywhere argmap draws a map.
KIND_STYLES = {
    Kind.CLAIM: "bold blue",
    Kind.REASON: "green",
    Kind.OBJECTION: "red",
    Kind.REBUTTAL: "magenta",
}
_MARKS = {None: "", Relation.SUPPORT: "+ ", Relation.ATTACK: "- "}
_MIN_TEXT_WIDTH = 40  # columns a node's text has, however deep it is
_INDENT = 4  # columns a level of the tree indents by
_SPACES = re.compile(" {2,}")


# Where a node stands, when evaluated: the same three colours as a rendered map.
STANDING_STYLES = {
    "in": "bold green",
    "out": "bold red",
    "undec": "bold yellow",
    "contested": "bold cyan",
}


def _details(node: Node, m: Map, links: bool) -> list[Text]:
    """The quote, source (with its URL), tags and note of a node, one line each. The URL is
    a link where the terminal makes them (`links`): whole, however the line breaks it;
    elsewhere it has a line of its own, to be copied whole (`_lines` breaks no word)."""
    lines = [in_quotes(node.quote)] if node.quote else []
    source = m.sources.get(node.source.id) if node.source else None
    if source is not None:
        lines.append(f"source: {source.describe()}")
    if node.tags:
        lines.append(f"tags: {', '.join(node.tags)}")
    if node.note:
        lines.append(f"note: {node.note}")
    texts = [Text(one_line(line), "dim italic") for line in lines]
    if source is not None and source.url:
        link = Style(dim=True, italic=True, link=source.url)
        before = " " if links else "\n"
        texts[1 if node.quote else 0].append(f"{before}<{one_line(source.url)}>", link)
    return texts


def _label(entry: Entry, m: Map, options: _Options) -> Text:
    node = entry.node
    labels = options.labels
    label = Text(_MARKS[entry.relation])
    label.append(f"{node.kind} {printable(node.id)}", KIND_STYLES[node.kind])
    if entry.repeat:
        where = "see its own tree" if node.kind is Kind.CLAIM else "shown above"
        label.append(f"  ({where})", "dim")
        return label
    # Each line as written on a line of its own, as drawings set them: a numbered argument
    # (1. 2. 3. So ...) ran together into one paragraph.
    label.append(": " + "\n".join(one_line(line) for line in written_lines(node.text)))
    if node.by:
        names = listed([m.actor_name(actor) for actor in node.actors])
        label.append(f"  ({one_line(names)})", "dim")
    if entry.unanswered:
        label.append("  [unanswered]", "bold yellow")
    if labels is not None:
        from argmap.render.theme import STANDING

        word = labels[node.id]
        label.append(f"  [{word}]", STANDING_STYLES.get(STANDING.get(word, ""), "bold"))
    if options.details:
        for line in _details(node, m, options.links):
            label.append("\n")
            label.append_text(line)
    return label


# Levels drawn nested at most; fewer where the terminal is narrow, so that no line is
# wider than it. A chain of thousands of objections would otherwise indent each line by
# four characters more than the last: output, time and memory quadratic.
MAX_NESTING = 30


@dataclass(frozen=True)
class _Options:
    labels: Mapping[str, str] | None  # node id -> label, status or score
    details: bool  # quotes, sources, tags and notes under each node
    width: int  # columns of the terminal (or of a tree of one level and the shortest text)
    nesting: int  # levels drawn nested (MAX_NESTING, or as many as the width holds)
    links: bool  # URLs are links (in colour, on a terminal that makes them)


def _add(tree: Tree, entry: Entry, m: Map, options: _Options, level: int) -> None:
    """Adds `entry`, at `level` of the tree, and what is under it to `tree`."""
    stack: list[tuple[Tree, Entry, int, str]] = [(tree, entry, level, "")]
    while stack:  # iterative, like the outline itself
        parent, current, depth, above = stack.pop()
        label = _label(current, m, options)
        if depth > options.nesting:
            # Lined up at the deepest level drawn, each with its level and the node it
            # argues about: by the lines alone, it would seem to argue about that level's.
            label = Text(f"[level {depth}, under {printable(above)}] ", "dim") + label
        branch = parent.add(_lines(label, options.width - _INDENT * min(depth, options.nesting)))
        under = branch if depth < options.nesting else parent
        below = current.node.id
        stack.extend((under, child, depth + 1, below) for child in reversed(current.children))


def _lines(label: Text, width: int) -> Text:
    """`label` in lines of `width` columns, broken where its script allows, as drawings
    break text (rich breaks at spaces only: a Japanese sentence went whole to the next
    line, and a line could start with its 。). A line of one word (a URL, whatever its
    script) stays whole; a line of Chinese, Japanese or Thai without spaces is no word."""
    lines = []
    for part in label.split("\n"):
        plain, at = part.plain, 0
        if " " not in plain.strip() and (breaks_at_spaces(plain) or "://" in plain):
            lines.append(part)
            continue
        # Each run of spaces counted in full (`text  (actor)`): `fill` makes one of it.
        spaced = _SPACES.sub(lambda run: " " + "\u00a0" * (len(run[0]) - 1), plain)
        cuts = []  # where each line starts and ends in `part`
        cut_words = []  # whether each line ends in a hyphen of `fill`'s, not of the text
        for line in fill(spaced, width):
            while at < len(plain) and plain[at].isspace():
                at += 1
            start, count = at, sum(not c.isspace() for c in line)
            while count and at < len(plain):
                if plain[at].isspace():
                    at += 1
                    continue
                if count == 1 and line[-1] == "-" and plain[at] != "-":
                    break  # (a word over twice the width, cut between two letters)
                count -= 1
                at += 1
            cuts += [start, at]
            cut_words.append(bool(count))
        # Cut all at once: a slice of a rich Text is as slow as the whole text, and a
        # text of 80,000 characters in 2,000 lines took 8 s.
        for piece, cut in zip(part.divide(cuts)[1::2], cut_words, strict=True):
            lines.append(piece + "-" if cut else piece)
    return Text("\n").join(lines)


def print_outline(
    m: Map,
    out: TextIO,
    *,
    color: bool,
    labels: Mapping[str, str] | None = None,
    details: bool = False,
    note: str = "",
) -> None:
    """The outline; with `labels` (node id -> label, status or score), each node marked,
    with `details`, its quote, source, tags and note under it, and `note` (about the
    labels, say) at the end."""
    # Without colour, no styles at all (bold, dim): plain text, as `check` prints it.
    console = Console(
        file=out, highlight=False, color_system="auto" if color else None, soft_wrap=False
    )
    trees, loose = outline(build_graph(m))
    # Past the console's width, rich would drop the deepest nodes. (Two levels at least:
    # the nodes not connected to any claim are drawn on the second.)
    console.width = max(console.width, 2 * _INDENT + _MIN_TEXT_WIDTH)
    nesting = min(MAX_NESTING, (console.width - _MIN_TEXT_WIDTH) // _INDENT)
    options = _Options(labels, details, console.width, nesting, links=color)
    root = Tree(_lines(Text(one_line(m.title), "bold"), console.width), guide_style="dim")
    for entry in trees:
        _add(root, entry, m, options, 1)
    if loose:
        lost = root.add(Text("not connected to any claim", "bold yellow"))
        for entry in loose:
            _add(lost, entry, m, options, 2)
    if not color:  # lines are broken already: no more, and no URL's line cut short
        console.width = 1_000_000
    console.print(root)
    marks = "+ supports its parent, - attacks it"
    unanswered = _unanswered(trees, loose)
    nodes = f"{len(m.nodes)} node{'s' if len(m.nodes) != 1 else ''}"
    answered = f"{unanswered} unanswered objection{'s' if unanswered != 1 else ''}"
    console.print(_lines(Text(f"{nodes}; {marks}; {answered}", "dim"), options.width))
    if note:
        console.print(_lines(Text(printable(note), "yellow"), options.width))


def _unanswered(*forests: list[Entry]) -> int:
    """How many objections nothing attacks (each node is in the outline in full once)."""
    stack = [e for forest in forests for e in forest]
    count = 0
    while stack:
        entry = stack.pop()
        count += entry.unanswered and not entry.repeat
        stack.extend(entry.children)
    return count
