"""`argmap show`: the outline of a map printed as a tree in the terminal."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import TextIO

from rich.console import Console
from rich.style import Style
from rich.text import Text

from argmap.graph import build_graph
from argmap.loader import gc_paused
from argmap.model import Kind, Map, Node, Relation
from argmap.outline import Entry, outline
from argmap.printable import one_line, printable
from argmap.text import (
    LIST_ITEM,
    breaks_at_spaces,
    columns,
    fill,
    in_quotes,
    listed,
    written_lines,
)

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
_BYLINE = re.compile(r"(?<=\u00a0\()[^()]*(?=\))")  # (after `_SPACES`: `  (the actors)`)
# A relation's mark, first or after a node's level (`[level 7, under o1] - rebuttal b1`),
# and the space after it, which a line is not to end at.
_MARK_SPACE = re.compile(r"(?:^|(?<=\] ))[-+]( )")


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
    # (A quote's and a note's lines as written, as a node's text: a list ran together.)
    lines = written_lines(in_quotes(node.quote)) if node.quote else []
    source = m.sources.get(node.source.id) if node.source else None
    cited = len(lines)  # (the source's line)
    if source is not None:
        lines.append(f"source: {source.describe()}")
    if node.tags:
        lines.append(f"tags: {', '.join(node.tags)}")
    if node.note:
        lines += written_lines(f"note: {node.note}")
    texts = [Text(one_line(line), "dim italic") for line in lines]
    if source is not None and source.url:
        link = Style(dim=True, italic=True, link=source.url)
        before = " " if links else "\n"
        texts[cited].append(f"{before}<{one_line(source.url)}>", link)
    return texts


def _label(entry: Entry, m: Map, options: _Options, above: str) -> Text:
    """The line of `entry`, under the node `above` ("" at the top)."""
    node = entry.node
    labels = options.labels
    label = Text(_MARKS[entry.relation])
    label.append(f"{node.kind} {printable(node.id)}", KIND_STYLES[node.kind])
    if entry.repeat:
        # (A claim that attacks itself is in its own tree: right above.)
        own = node.kind is Kind.CLAIM and node.id != above
        where = "see its own tree" if own else "shown above"
        label.append(f"  ({where})", "dim")
        return label
    # Each line as written on a line of its own, as drawings set them: a numbered argument
    # (1. 2. 3. So ...) ran together into one paragraph.
    lines = [one_line(line) for line in written_lines(node.text)]
    # (A list that the text starts with starts on a line of its own, its items lined up.)
    label.append((":\n" if lines and LIST_ITEM.match(lines[0]) else ": ") + "\n".join(lines))
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


@dataclass
class _Branch:
    """A node of the tree as drawn: its label, and the branches under it."""

    label: Text
    children: list[_Branch] = field(default_factory=list)


def _add(tree: _Branch, entry: Entry, m: Map, options: _Options, level: int) -> None:
    """Adds `entry`, at `level` of the tree, and what is under it to `tree`."""
    stack: list[tuple[_Branch, Entry, int, str]] = [(tree, entry, level, "")]
    while stack:  # iterative, like the outline itself
        parent, current, depth, above = stack.pop()
        label = _label(current, m, options, above)
        if depth > options.nesting:
            # Lined up at the deepest level drawn, each with its level and the node it
            # argues about: by the lines alone, it would seem to argue about that level's.
            label = Text(f"[level {depth}, under {printable(above)}] ", "dim") + label
        branch = _Branch(label)
        parent.children.append(branch)
        under = branch if depth < options.nesting else parent
        below = current.node.id
        stack.extend((under, child, depth + 1, below) for child in reversed(current.children))


# The guides in front of a line, as rich draws a tree: under a branch with more after it,
# that branch's own fork, its last branch's end, and the space under a last branch. In
# ASCII where the output cannot encode the lines.
_GUIDES = ("│   ", "├── ", "└── ", "    ")
_ASCII_GUIDES = ("|   ", "+-- ", "`-- ", "    ")


def _rows(root: _Branch, ascii_only: bool) -> Iterator[tuple[str, str, Text]]:
    """Each branch's label in the order printed, with the guides in front of its first
    line and of its other lines. Drawn here rather than by rich's Tree, which took most of
    `show`'s time on a big map: piped, the lines go out as plain text."""
    more, fork, end, space = _ASCII_GUIDES if ascii_only else _GUIDES
    stack = [("", "", root)]
    while stack:
        first, rest, branch = stack.pop()
        yield first, rest, branch.label
        last = len(branch.children) - 1
        stack.extend(
            (rest + (end if i == last else fork), rest + (space if i == last else more), child)
            for i, child in reversed(list(enumerate(branch.children)))
        )


def _cuts(plain: str, width: int) -> list[tuple[int, int, bool]]:
    """Where each line of `plain` starts and ends, in lines of `width` columns broken where
    its script allows, as drawings break text (rich breaks at spaces only: a Japanese
    sentence went whole to the next line, and a line could start with its 。), and whether
    it ends in a hyphen of `fill`'s (a word cut between two letters). A line of one word
    (a URL, whatever its script) stays whole; a line of Chinese, Japanese or Thai without
    spaces is no word."""
    if " " not in plain.strip() and (breaks_at_spaces(plain) or "://" in plain):
        return [(0, len(plain), False)]
    # Each run of spaces counted in full (`text  (actor)`): `fill` makes one of it. And a
    # byline that fits on a line kept whole on one: `(Rafael` ended a line, `Grossi)` began
    # the next.
    spaced = _SPACES.sub(lambda run: " " + "\u00a0" * (len(run[0]) - 1), plain)
    spaced = _BYLINE.sub(
        lambda by: by[0].replace(" ", "\u00a0") if columns(by[0]) < width - 2 else by[0], spaced
    )
    spaced = _MARK_SPACE.sub(lambda mark: mark[0][0] + "\u00a0", spaced)
    cuts, at = [], 0
    for line in fill(spaced, width):
        while at < len(plain) and plain[at].isspace():
            at += 1
        if spaced.startswith(line, at):  # (most lines: as written, whole words)
            cuts.append((at, at + len(line.rstrip()), False))  # (no spaces left at the end)
            at += len(line)
            continue
        start, count = at, sum(not c.isspace() for c in line)
        while count and at < len(plain):
            if plain[at].isspace():
                at += 1
                continue
            if count == 1 and line[-1] == "-" and plain[at] != "-":
                break  # (a word over twice the width, cut between two letters)
            count -= 1
            at += 1
        cuts.append((start, at, bool(count)))
    return cuts


def _lines(label: Text, width: int) -> list[Text]:
    """`label` in lines of `width` columns (see `_cuts`), with its styles."""
    lines = _laid_out(label.plain, width)
    # Cut all at once: a slice of a rich Text is as slow as the whole text, and a
    # text of 80,000 characters in 2,000 lines took 8 s.
    pieces = label.divide([at for start, end, *_ in lines for at in (start, end)])[1::2]
    return [
        Text(" " * indent) + piece + ("-" if cut else "")
        for piece, (*_, indent, cut) in zip(pieces, lines, strict=True)
    ]


def _plain_lines(label: Text, width: int) -> list[str]:
    """`label` in lines of `width` columns (see `_cuts`), as plain text."""
    plain = label.plain
    return [
        " " * indent + plain[start:end] + "-" * cut
        for start, end, indent, cut in _laid_out(plain, width)
    ]


def _laid_out(plain: str, width: int) -> list[tuple[int, int, int, bool]]:
    """Where each line of `plain` in `width` columns starts and ends in it, how far it is
    indented, and whether a word is cut at its end. A list's item (`1. `, `- `) goes on
    under its first word, as drawings set it. (Not in the label's first written line,
    which starts with the node's mark: `- ` for an objection.)"""
    lines: list[tuple[int, int, int, bool]] = []
    offset = 0
    for written, part in enumerate(plain.split("\n")):
        item = LIST_ITEM.match(part) if written else None
        indent = item.end() if item and item.end() <= width // 3 else 0
        cuts = _cuts(part[indent:], width - indent)
        lines += [
            (offset + (start + indent if i else 0), offset + end + indent, indent if i else 0, cut)
            for i, (start, end, cut) in enumerate(cuts)
        ]
        offset += len(part) + 1
    return lines


def print_outline(
    m: Map,
    out: TextIO,
    *,
    color: bool,
    labels: Mapping[str, str] | None = None,
    details: bool = False,
    note: str = "",
    about: str = "",
) -> None:
    """The outline; with `labels` (node id -> label, status or score), each node marked,
    with `details`, its quote, source, tags and note under it, and at the end what the
    labels are (`about`: the semantics) and `note` (what to mind about them). Without
    `color`, plain text, as `check` prints it."""
    console = Console(file=out, highlight=False, color_system="auto" if color else None)
    # Two levels at least: the nodes not connected to any claim are drawn on the second.
    width = max(console.width, 2 * _INDENT + _MIN_TEXT_WIDTH)
    nesting = min(MAX_NESTING, (width - _MIN_TEXT_WIDTH) // _INDENT)
    options = _Options(labels, details, width, nesting, links=color)
    with gc_paused():  # (the outline and its lines hold no cycles: see `gc_paused`)
        trees, loose = outline(build_graph(m))
        root = _Branch(Text(one_line(m.title), "bold"))
        for entry in trees:
            _add(root, entry, m, options, 1)
        if loose:
            lost = _Branch(Text("not connected to any claim", "bold yellow"))
            root.children.append(lost)
            for entry in loose:
                _add(lost, entry, m, options, 2)
        marks = "+ supports its parent, - attacks it"
        unanswered = _unanswered(trees, loose)
        nodes = f"{len(m.nodes)} node{'s' if len(m.nodes) != 1 else ''}"
        answered = f"{unanswered} unanswered objection{'s' if unanswered != 1 else ''}"
        after = [Text(f"{nodes}; {marks}; {answered}", "dim")]
        after += [Text(printable(about), "dim")] if about else []
        after += [Text(printable(note), "yellow")] if note else []
        rows = _rows(root, console.options.ascii_only)
        for first, rest, label in chain(rows, (("", "", text) for text in after)):
            room = width - len(first)  # (what the guides leave)
            if color:
                # (A line of one long word, cut short at the edge, and on under its guides.)
                styled = [
                    piece
                    for line in _lines(label, room)
                    for piece in (
                        line.wrap(console, room, overflow="fold")
                        if line.cell_len > room
                        else [line]
                    )
                ]
                # (Assembled: `guide + line` gave the line the guide's style, faint, whole.)
                console.print(
                    Text("\n").join(
                        Text.assemble((rest if i else first, "dim"), line)
                        for i, line in enumerate(styled)
                    ),
                    soft_wrap=True,
                )
            else:
                plain = _plain_lines(label, room)
                out.write(
                    "".join(f"{rest if i else first}{line}\n" for i, line in enumerate(plain))
                )


def _unanswered(*forests: list[Entry]) -> int:
    """How many objections nothing attacks (each node is in the outline in full once)."""
    stack = [e for forest in forests for e in forest]
    count = 0
    while stack:
        entry = stack.pop()
        count += entry.unanswered and not entry.repeat
        stack.extend(entry.children)
    return count
