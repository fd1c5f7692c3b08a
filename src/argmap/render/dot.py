"""Map graph -> DOT source, as the `graphviz` package writes it, with its quoting.

Everything from the map is escaped here and only here: label text goes through `_html`
(HTML-like labels), every other string through `graphviz.escape` (no backslash escapes,
no HTML), so a map cannot inject DOT or markup. URLs are limited to http and https.
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple
from unicodedata import bidirectional
from urllib.parse import quote

import graphviz
import networkx as nx

from argmap.characters import BIDI_CONTROL, CONTROL, char_class, code_points
from argmap.graph import Graph, adjacency, levels, roots
from argmap.model import Kind, Map, Node, Relation, Source
from argmap.render.glyphs import in_boxes
from argmap.render.theme import FONT, THEMES, Theme
from argmap.text import (
    balanced_lines,
    columns,
    in_quotes,
    listed,
    min_width,
    shorten,
    wrap_lines,
    wrap_paragraphs,
)

DIRECTIONS = ("TB", "BT", "LR", "RL")
GROUPS = ("actor", "source", "tag")

# Edges run from the arguing node to its target, so Graphviz's rank direction is the
# opposite of where the claims go: claims at the top (TB) is rankdir=BT.
_RANKDIR = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}
# A cluster's `labelloc` that puts its label at the top of the drawing: Graphviz turns
# clusters upside down with the rank direction BT.
_TOP = {"BT": "b", "TB": "t", "RL": "t", "LR": "t"}
# Where a group's name goes: where the fewest edges cross it, in 144 drawings of 12 real
# maps, each grouping, each direction. Drawn TB or BT, on the side away from the claims
# (Graphviz's own place; at the top of the frame drawn TB, 2.5 times as many crossed it),
# at its right corner (in 32 drawings of 19 maps, 21 of 128 names crossed, against 30
# centred, where an edge into a node's middle ran through it, and 34 at the left); drawn
# LR or RL, below the frame, at the corner away from the claims (Graphviz turns `l` round
# with the drawing; at the top, centred, 1.7 times as many; at the other corner, 20 of
# 128 against 14). A name of several lines has them aligned to its corner.
_GROUP_LABEL = {
    "BT": {"labeljust": "r"},
    "TB": {"labeljust": "r"},
    "RL": {"labelloc": "b", "labeljust": "l"},
    "LR": {"labelloc": "b", "labeljust": "l"},
}
_GROUP_LINES = {"BT": "RIGHT", "TB": "RIGHT"}  # (across: centred, as Graphviz turns sides)
# Control characters (C0 and C1), the bidirectional overrides and isolates that can make text
# display other than it reads ("Trojan Source"), and what XML cannot hold: lone surrogates
# and the non-characters (U+FDD0..U+FDEF, and the last two code points of every plane).
_NONCHARACTERS = (
    range(0xD800, 0xE000),
    range(0xFDD0, 0xFDF0),
    *(range(plane + 0xFFFE, plane + 0x10000) for plane in range(0, 0x110000, 0x10000)),
)
_CONTROL = re.compile(
    "["
    + char_class(
        c for c in code_points(CONTROL, BIDI_CONTROL, _NONCHARACTERS) if c not in (0x09, 0x0A)
    )
    + "]"
)
# What graphviz writes without quotes. `fullmatch`: the pattern ends in `$`, which also
# matches before a final newline, and `graph\n` written bare is the keyword `graph`.
_BARE_ID = graphviz.quoting.ID.fullmatch
_KEYWORDS = graphviz.quoting.KEYWORDS
# Graphviz's quoting of an attribute's value, kept: it takes microseconds (four regular
# expressions), and a drawing's values are few (colours, styles, sizes; its title, its
# groups' names). Typed: a value marked "not HTML" (`graphviz.escape`'s) is quoted unlike
# the same str.
_quote: Callable[[str], str] = functools.lru_cache(maxsize=1024, typed=True)(graphviz.quoting.quote)
_BREAK = '<BR ALIGN="LEFT"/>'
_RIGHT_BREAK = '<BR ALIGN="RIGHT"/>'
# A valid map's id: `_text` only quotes it, if even that, and an edge's id and tooltip
# made of two, joined by `->` or words (see `_edge_text`).
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.-]+").fullmatch
_UNSAFE_IN_URL = re.compile(r"[\"'<>\\`{}|^\s\x00-\x1f\x7f-\x9f]")
_BRACKETS = re.compile(r"[()]")
TITLE_WRAP = 70  # columns of the map's title per line
# A drawing with this many edges at least, and as many for each node, is laid out with
# less search for a tidy order, and without ports or staggered rows (see `dot_pieces`): a
# debate has one or two for each node.
DENSE_EDGES, DENSE_RATIO = 400, 4
TITLE_LINES = 4  # lines of it drawn, at most
GROUP_WRAP = 40  # columns of a group's name (a source's title, say) per line
LEGEND_WRAP = 36  # columns of the legend's note per line
_PARAGRAPH_GAP = '<BR/><FONT POINT-SIZE="4"> </FONT><BR/>'  # between the note's parts
STAGGER_ROW = 8  # arguers side by side on a row before they stagger into more rows
# ... and one above another, drawn across (LR, RL), where a box is about three times as
# wide as it is high: staggered from 8 as well, the edges of the column further out wove
# through the nearer one to their ports, crossed its edges and looped back (a claim's
# dozen arguers, with rebuttals: unstaggered, a drawing no larger).
STAGGER_COLUMN = 24
STAGGER_ROWS = 4  # rows at most: more would barely narrow the drawing, and lengthen every edge
# Maps larger than this are not staggered: their drawings are searched and zoomed rather
# than seen whole, and the longer edges made a 5,000-node layout 2.5 times as slow.
STAGGER_MAX_NODES = 500


RightToLeft = Literal["viewer", "engine"]  # see DotOptions.right_to_left


@dataclass(frozen=True)
class DotOptions:
    direction: str = "TB"  # where the claims are: TB top, BT bottom, LR left, RL right
    theme: str = "light"
    font: str = FONT  # what the engine measures text in (theme.FONT, theme.DRAWN_FONT)
    # Right-to-left lines: in bidi isolates, which an SVG's viewer follows, and which it aligns
    # right by its own measure of the text (`svg.right_aligned`), or argmap's PDF orders
    # (`pdf`) ("viewer"); in isolates that the engine both follows and aligns right, drawing
    # them by its own measure (a PNG, or Graphviz's PDF: "engine").
    right_to_left: RightToLeft = "viewer"
    max_inches: int | None = None  # a larger drawing is scaled down to fit (a PNG's size)
    # Labels drawn in Arimo by argmap's own tools (the builtin engine's PNG, argmap's PDF):
    # each letter Arimo lacks written as □ (`glyphs.in_boxes`), which the engine measures as
    # drawn. Labels only: ids, links and tooltips stay as written.
    boxed: bool = False
    pdf_links: bool = False  # links for Graphviz's own PDF (`_pdf_url`), not for an SVG
    wrap: int = 36  # characters per label line
    legend: bool = True
    group_by: str | None = None
    fill: Mapping[str, str] = field(default_factory=dict)  # node id -> fill colour override
    badges: Mapping[str, str] = field(default_factory=dict)  # node id -> words after its kind
    legend_note: str = ""  # extra line in the legend (e.g. which semantics colours show)
    # What the fills mean when they are not the kinds' (an evaluation): (word, fill) samples
    # in the legend, whose kinds are then drawn unfilled.
    legend_fills: tuple[tuple[str, str], ...] = ()
    marks: Mapping[str, str] = field(default_factory=dict)  # id -> added/removed/changed/focus
    notes: Mapping[str, str] = field(default_factory=dict)  # id -> a line below its byline
    edge_marks: Mapping[tuple[str, str, str], str] = field(default_factory=dict)  # (u, rel, v)
    # Where a first layout brought each edge (its ends' ids) to its head, along the rank:
    # the edges into a node argued about by many then end at ports in this order, in
    # groups too (`_ports`).
    placed: Mapping[tuple[str, str], float] = field(default_factory=dict)

    @property
    def across(self) -> bool:
        """Whether the ranks run across (drawn LR or RL), a node's place along its rank
        then from the top."""
        return self.direction in ("LR", "RL")


# What a diff marks, in the order its legend shows them.
DIFF_MARKS = ("added", "removed", "changed")


def _mark_attrs(mark: str, kind: str, theme: Theme) -> dict[str, str]:
    """The attributes that draw a mark (a diff's, or the focus); `kind` is the element's
    own class."""
    if mark == "focus":  # the node a focused drawing is about: a heavier border, same colour
        return {"penwidth": "4", "class": f"{kind} focus"}
    attrs = {"color": theme.marks[mark], "penwidth": "3", "class": f"{kind} {mark}"}
    if mark == "removed":
        # Dotted: a dashed border is a rebuttal's own, and a dashed line an attack's (in
        # print, a changed rebuttal looked removed). A node keeps its kind's shape.
        own = next((s.style for k, s in theme.nodes.items() if k.value == kind), "")
        shape = [word for word in own.split(",") if word in ("rounded", "diagonals")]
        fill, text = theme.faded
        attrs |= {
            "fontcolor": text,
            "fillcolor": fill,
            "style": ",".join([*shape, "filled,dotted"]),
        }
    return attrs


UNRANKED = "unranked"  # the class of an edge that does not rank its nodes (`constraint`)


def has_unranked(dot: str) -> bool:
    """Whether an edge of `dot` ranks no node: classed `unranked`, alone or after a
    diff's mark (a map's text that says so only costs a look at the drawing). Looked for
    from the end, where the edges are: from the start, past the nodes, 0.5 ms at 1,000."""
    return dot.rfind(f"class={UNRANKED}") >= 0 or dot.rfind(f' {UNRANKED}"') >= 0


def _marked(mark: str | None, kind: str, theme: Theme) -> dict[str, str]:
    """`_mark_attrs` as DOT, for a statement; none without a mark."""
    if mark is None:
        return {}
    return {k: _quote(v) for k, v in _mark_attrs(mark, kind, theme).items()}


_BACKSLASH_ESCAPING = re.compile(r'\\(?=["\n]|$)')


def drawn_text(text: str) -> str:
    """`text` as a drawing shows it: without control characters or white space at the
    ends. Every character _CONTROL finds is unprintable, and running it costs ten times
    testing that: printable text, most of it, and printable lines joined by newlines
    (labels, tooltips), which _CONTROL keeps, skip it."""
    printable = text.isprintable() or text.replace("\n", "").isprintable()
    return (text if printable else _CONTROL.sub("", text)).strip()


def _clean(text: str) -> str:
    """`drawn_text`, its piled marks left out, cut to what Graphviz reads of one string
    (`_within`)."""
    drawn = drawn_text(text)
    if not drawn.isascii():
        drawn = _PILED_MARKS.sub("", drawn)
    return _within(drawn)


def _read_twice(text: str) -> str:
    """A tooltip's `text`, its backslashes doubled for Graphviz, which reads them twice
    in a tooltip, once more than in other strings: `\\\\` in the DOT is one `\\`, and
    `\\N` the node's name."""
    return text.replace("\\", "\\\\")


# Combining marks past the eighth on one letter (the blocks of diacritics that "Zalgo"
# text piles up): a letter with 10,000 of them, which no line break splits, made a label
# longer than Graphviz 2.43 reads, and they draw as one smear.
_MARK = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_PILED_MARKS = re.compile(f"(?<={_MARK}{{8}}){_MARK}+")
# Bytes of one string, escaped, that Graphviz 2.43 reads ("longer than 16384?"), less room
# for its quotes: the tooltip of a text of 20,000 letters failed.
_MAX_STRING = 16_000


def _within(text: str) -> str:
    """`text` cut, with "…", to what fits _MAX_STRING bytes once escaped for DOT (a text
    of 3,200 characters or fewer is whole)."""
    if len(text) <= _MAX_STRING // 5:  # (a character takes 5 bytes at most, escaped)
        return text
    used = 0
    for i, c in enumerate(text):
        used += 5 if c in '&<>"\\' else len(c.encode("utf-8"))
        if used > _MAX_STRING - 3:
            return text[:i] + "…"
    return text


def _html(text: str) -> str:
    """Text for an HTML-like label. A backslash as two references, which Graphviz reads as
    one (one alone starts an escape: `\\N` is the node's name, `\\\\` one backslash). A `]`
    as a reference too: Graphviz 2.43 fails on a piece of text that is only `]`s between
    two tags (`<B>]</B>`, a title `]`)."""
    escaped = html.escape(_clean(text), quote=True).replace("]", "&#93;")
    return escaped.replace("\\", "&#92;&#92;") if "\\" in escaped else escaped


def _plain(text: str) -> str:
    """A string for a DOT attribute: no HTML, no backslash escapes, no control characters,
    and `&` escaped, since Graphviz expands character references in these strings (`&#1;`
    would put a control character into the SVG). It must stay the `graphviz.escape` result
    (a str subclass marked "not HTML"): as a plain str, text like `<b>x</b>` would be
    written into DOT as an HTML-like label."""
    escaped: str = graphviz.escape(_clean(text).replace("&", "&amp;"))
    return escaped


def _text(text: str) -> str:
    """`text` as a DOT attribute value: exactly `graphviz.quoting.quote(_plain(text))` (a
    property test keeps them equal), without the general-purpose regular expressions that
    made quoting the slowest part of building DOT. After `_plain` every backslash is
    doubled, so escaping each `"` is all that quoting leaves to do."""
    escaped = text  # (a valid map's id, as every node's name: nothing to clean or escape)
    if len(text) > _MAX_STRING // 5 or not _PLAIN_ID(text):  # (a long one cut: `_within`)
        escaped = _clean(text).replace("&", "&amp;").replace("\\", "\\\\")
    if _BARE_ID(escaped) and escaped.lower() not in _KEYWORDS:
        return escaped
    return '"' + escaped.replace('"', '\\"') + '"'


def _edge_text(text: str, plain: bool) -> str:
    """`_text(text)` of an edge's id or tooltip, `plain` if it joins two `_PLAIN_ID`s: then
    only quoted (a property test keeps them equal), as most are."""
    return f'"{text}"' if plain else _text(text)


def _attr_list(attrs: dict[str, str]) -> str:
    """`attrs` as graphviz writes a list of them (`graphviz.quoting.a_list`): by name,
    each value quoted."""
    return " ".join([f"{k}={_quote(v)}" for k, v in sorted(attrs.items())])


def _attributes(attrs: dict[str, str]) -> str:
    """`attrs` (DOT already: `_text`, `_quote`, HTML) as the end of an attribute list."""
    if not attrs:  # (most statements: a quarter of the time of joining none)
        return ""
    return "".join([f" {k}={v}" for k, v in attrs.items()])


def _right_to_left(text: str) -> bool:
    """Whether text's first letter is Arabic, Hebrew or another right-to-left script's:
    it then reads from the right (the Unicode bidirectional algorithm's rule P2)."""
    if text.isascii():
        return False
    for c in text:
        direction = bidirectional(c)
        if direction in ("L", "R", "AL"):
            return direction != "L"
    return False


def _escaped(lines: list[str], boxed: bool, closed: bool = True) -> tuple[list[str], bool]:
    """Lines escaped for an HTML-like label (`boxed`: see DotOptions), and whether they
    read from the right. The lines of right-to-left text each go in a right-to-left
    isolate (U+2067 ... U+2069), which browsers, the engines and argmap's PDF follow:
    laid out left to right, a line put its final `.` or `!` at the wrong end. (See
    DotOptions for how they come to the right of their box.) The direction is the text's
    as written: boxed, Arabic has no letters to tell it. Not `closed`, an isolate ends
    with its line (for the PNG, and the PDF laid out as it is): the builtin engine, which
    aligns such a line right by its measure of it, counts each isolate as three spaces
    wide and draws it as nothing, and the line ended that much short of the box's right."""
    shown = [in_boxes(line) for line in lines] if boxed else lines
    end = "\u2069" if closed else ""
    # (A line's leading spaces are a list item's hanging indent, which `_html` would trim.)
    if _right_to_left(" ".join(lines)):
        return [f"{_indent(line)}\u2067{_html(line)}{end}" for line in shown], True
    return [_indent(line) + _html(line) for line in shown], False


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" "))]


def _row(
    paragraphs: list[list[str]],
    points: int,
    options: DotOptions,
    start: str = "",
    end: str = "",
) -> str:
    """A label's row of the lines of `paragraphs`, between `start` and `end` (a font), each
    ending in a break aligned left (each paragraph reads in its own direction), or right
    for a right-to-left paragraph that the engine aligns (DotOptions.right_to_left), in a
    cell wide enough for them if they hold East Asian text (see `min_width`)."""
    right_to_left = options.right_to_left
    lines = [line for paragraph in paragraphs for line in paragraph]
    joined = "\n".join(lines)
    ascii = joined.isascii()  # (most text: nothing wide, nothing right-to-left)
    align = "LEFT"
    if ascii:
        # One escape for all: no line holds a newline to confuse with the breaks.
        broken = _html(joined).replace("\n", _BREAK) + _BREAK
    else:
        pieces = []
        for paragraph in paragraphs:
            escaped, from_right = _escaped(paragraph, options.boxed, _closed(options))
            breaks = _RIGHT_BREAK if from_right and right_to_left == "engine" else _BREAK
            align = "TEXT" if breaks == _RIGHT_BREAK else align  # (breaks align in the cell)
            pieces += [line + breaks for line in escaped]
        broken = "".join(pieces)
    width = "" if ascii else min_width(lines, points)
    return f'<TR><TD ALIGN="{align}" BALIGN="LEFT"{width}>{start}{broken}{end}</TD></TR>'


def _closed(options: DotOptions) -> bool:
    """Whether right-to-left isolates end before their line does (`_escaped`): for a
    browser alone (the PDF that argmap draws has the PNG's layout)."""
    return options.right_to_left == "viewer" and not options.boxed


def _fitted(
    lines: list[str],
    points: float,
    options: DotOptions,
    bold: bool = False,
    below: int = 0,
    align: str | None = None,
) -> str:
    """An HTML-like label of `lines` (each line centred in the label, or aligned LEFT or
    RIGHT), in a table cell wide enough for them when they hold East Asian text (see
    `min_width`), with `below` points of space under it. The cell is aligned left, at the
    label's edge: centred, it would be placed by the engine's measure of the text, which
    is too narrow."""
    escaped, _ = _escaped(lines, options.boxed, _closed(options))
    # (An empty <B></B> is a syntax error to Graphviz: a blank line between paragraphs, or
    # one of what shows nothing, left out.)
    shown = [f"<B>{line}</B>" if bold and line else line for line in escaped]
    if align and len(shown) > 1:  # (each line's alignment is its <BR>'s: the last's too)
        markup = "".join(f'{line}<BR ALIGN="{align}"/>' for line in shown)
    else:
        markup = "<BR/>".join(shown)
    width = min_width(lines, points)
    if not width and not below:
        return f"<{markup}>"
    space = f'<TR><TD HEIGHT="{below}"></TD></TR>' if below else ""
    return (
        '<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0">'
        f'<TR><TD ALIGN="LEFT"{width}>{markup}</TD></TR>{space}</TABLE>>'
    )


# Node statements by node, number of ports and indent (`_Nodes.drawn`).
Statements = dict[tuple[str, int | None, str], str]


@dataclass
class DotCache:
    """What a drawing's DOT (`dot_pieces`) shares with a DOT of the same map and nodes
    but for where a first layout placed them (`DotOptions.placed`): a drawing laid out
    again with its ports in order (`render.Drawing._in_place`) builds on it. Its rows (and
    whether it is dense, and its claims); its nodes' statements, by node, ports and indent
    (a node's statement holds its ports, not whose); its edges', by edge and the port it
    ends at; and its head, the DOT up to its edges, as the pieces it was handed in, with
    the ports each node had. (Not the map: a render frees it while the engine works.)"""

    # What it was built for: the options, `placed` aside, and the nodes drawn.
    drawing: tuple[DotOptions, tuple[str, ...]] | None = None
    rows: tuple[bool, list[str], _Rows, dict[tuple[str, str], int]] | None = None
    statements: Statements = field(default_factory=dict)
    edges: dict[tuple[str, str, int, int | None], str] = field(default_factory=dict)
    head: tuple[dict[str, int], list[str]] | None = None
    unported: bool = False  # the head's nodes lack ports that a placed drawing's have

    def fit(self, options: DotOptions, g: Graph) -> None:
        """Forget what was built for another drawing: other `options` (`placed` aside), or
        other nodes."""
        drawing = (replace(options, placed={}), tuple(g))
        if self.drawing != drawing:
            self.drawing, self.rows, self.statements, self.head = drawing, None, {}, None
            self.edges = {}

    def next_start(self) -> str:
        """The start of the next DOT, laid out again with its nodes placed: this one's
        head, whole; or nothing where that one's nodes have ports this one's lack (in
        groups, a drawing has its ports once its nodes are placed)."""
        return "" if self.head is None or self.unported else "".join(self.head[1])


class _Nodes:
    """The node statements of one drawing, with what many nodes share built once for it:
    each kind's header row, each byline's row, each source's part of the tooltip and link.
    A map has few actors and sources, and many nodes."""

    def __init__(
        self,
        m: Map,
        theme: Theme,
        options: DotOptions,
        names: dict[str, str],
        ports: Mapping[str, int] | None = None,
        drawn: Statements | None = None,
    ):
        self.m, self.theme, self.options, self.names = m, theme, options, names
        self.ports = ports or {}
        # Statements built for a drawing with these options but for where its nodes were
        # placed (`DotOptions.placed`), by node and ports: a drawing laid out again with
        # its ports in order reuses them (a node's statement holds its ports, not whose).
        self.drawn = {} if drawn is None else drawn
        self.headers = {kind: _header(kind, theme, None) for kind in Kind}
        self.bylines: dict[tuple[tuple[str, ...], bool], str] = {}
        self.sources: dict[str, tuple[str, str]] = {}

    def statement(self, node: Node, kind: str, indent: str) -> str:
        """A node's statement: only what differs from its block's (id, label, tooltip,
        link, and a fill or a mark); `kind` is its class."""
        key = (node.id, self.ports.get(node.id), indent)
        if (drawn := self.drawn.get(key)) is None:
            drawn = self.drawn[key] = self._statement(node, kind, indent)
        return drawn

    def _statement(self, node: Node, kind: str, indent: str) -> str:
        name, options = self.names[node.id], self.options
        cited, link = self._source(node)
        own = {"fillcolor": _quote(options.fill[node.id])} if node.id in options.fill else {}
        own |= _marked(options.marks.get(node.id), kind, self.theme)
        if node.id in self.ports:  # (its ports at its border: see `_ported`)
            own["margin"] = _quote(_PORTED_MARGIN[not options.across])
        return (
            f"{indent}{name} [label={self.label(node)} id={name} "
            f"tooltip={_text(_read_twice(_tooltip(node, cited)))}{_attributes(own)}{link}]\n"
        )

    def label(self, node: Node) -> str:
        """A node's label: its kind, its text, and the byline and note below it."""
        options = self.options
        badge = options.badges.get(node.id)
        header = _header(node.kind, self.theme, badge) if badge else self.headers[node.kind]
        paragraphs = wrap_paragraphs(node.text, options.wrap)
        text = _row(paragraphs, 12, options)
        byline = self._byline(node) if node.by or node.quote else ""
        note = options.notes.get(node.id)
        rows = f"{header}{text}{byline}" + (
            "" if note is None else _small_row(note, self.theme, options)
        )
        if node.id in self.ports:
            lines = [line for paragraph in paragraphs for line in paragraph]
            spread = options.group_by is None  # (in groups: see _APART_ALONG)
            return f"<{_ported(rows, self.ports[node.id], lines, options, spread)}>"
        return f"<{_TABLE}{rows}</TABLE>>"

    def _byline(self, node: Node) -> str:
        """The row of "— Harry Reid · quoted": the actors, and whether the node carries the
        source's own words (as `“quoted”`, the mark read as the quotation itself; after a
        comma, as one more actor)."""
        key = (node.actors, bool(node.quote))
        row = self.bylines.get(key)
        if row is None:
            actors, quoted = key
            byline = []
            # (No-break spaces: wrapped narrow, the dash stood on a line alone, and a line
            # started with the `·`.)
            if actors:
                byline.append("—\u00a0" + listed([self.m.actor_name(actor) for actor in actors]))
            if quoted:
                byline.append("quoted")
            row = self.bylines[key] = _small_row("\u00a0· ".join(byline), self.theme, self.options)
        return row

    def _source(self, node: Node) -> tuple[str, str]:
        """The tooltip's line that cites the node's source ("" for none), and its link's
        attributes ("" for none)."""
        if node.source is None:
            return "", ""
        found = self.sources.get(node.source.id)
        if found is None:
            source = self.m.sources.get(node.source.id)
            cited = f"Source: {source.describe()}" if source is not None else ""
            url = _link(source) if source is not None else None
            if url is not None and _within(url) is not url:
                url = None  # (past what Graphviz reads of a string: cut, it led elsewhere)
            if url is not None:
                url = _pdf_url(url) if self.options.pdf_links else _text(url)
            link = "" if url is None else f" URL={url} target=_blank"
            found = self.sources[node.source.id] = (cited, link)
        return found


_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
_BARE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
_COLUMN = 5.5  # points: about how wide a column of 12-point text draws, for the ports
_APART = 16  # points between ports, at least: a bar (10.5 points wide) and a gap that shows
# ... along a box's top or bottom (drawn down), where a fan of arguers' edges come in: 16
# apart, within its text's width, the edges of a claim's 19 arguers in three staggered
# rows ran level under it, one along another (22 pairs crossing); 64 apart, the box wider,
# most come in sloped (3). (Drawn across, the arguers' column is as high as theirs, and
# the edges wove through the gap between the columns to ports further apart: 17 pairs, 27.
# In groups, whose ports follow a first layout, the edges into a wider box crossed more:
# that layout stood.)
_APART_ALONG = 64
_ALONG_MOST = 2048  # points of ports along a box, at most: closer for more than 32 of them


# A ported node's margin (inches across, down), the node's own (`node_defaults`) but none
# on the side of its ports: Graphviz ends an edge at its port's cell, which the margin set
# inside the box (its arrowheads 4 to 11 points in). The ports' cells are as deep as the
# margin was, and a spacer on the other side keeps the text where it was. By whether the
# ports are in a row (drawn TB or BT).
_PORTED_MARGIN = {True: "0.15,0", False: "0,0.08"}
# The side of its port an edge ends at, by Graphviz's rankdir: the side the ports are
# on (`_ported`). Else the ports at the ends of the line, at the box's corners, took
# their edges in from above and below.
_PORT_SIDE = {"BT": "s", "TB": "n", "LR": "w", "RL": "e"}
_SPACER = {True: '<TR><TD HEIGHT="6"></TD></TR>', False: '<TD WIDTH="11"></TD>'}


def _ported(rows: str, ports: int, lines: list[str], options: DotOptions, spread: bool) -> str:
    """A label's table of `rows`, with `ports` ports (`p0`, `p1`, ...) in a line along the
    side its ranking edges come in at (see `_ports`), spread over about the width of its
    text, _APART points apart at least (`spread`: _APART_ALONG, up to _ALONG_MOST in all,
    unless drawn across): the box grows for more. `lines`: the label's text, as wrapped."""
    rankdir = _RANKDIR[options.direction]
    if not options.across:
        wide = max(columns(line) for line in lines) * _COLUMN if lines else 0.0
        along = min(_APART_ALONG, _ALONG_MOST // ports) if spread else _APART
        apart = max(_APART, along, int(wide / ports))
        size = f'WIDTH="{apart}" HEIGHT="6"'  # (the margin's)
        cells = "".join(f'<TD PORT="p{i}" {size}></TD>' for i in range(ports))
        line = f"<TR><TD>{_BARE}<TR>{cells}</TR></TABLE></TD></TR>"
        spaced = _SPACER[True]
        # In the middle of a box its ports make wider than its text, between two margins
        # (a table in a cell is stretched across it): at its left, the text of a claim of
        # 32 arguers sat in a corner of a box 2,000 points wide.
        if (margin := int((ports * apart - wide) / 2)) > _APART:
            side = f'<TD WIDTH="{margin}"></TD>'
            rows = f"<TR>{side}<TD>{_TABLE}{rows}</TABLE></TD>{side}</TR>"
            line, spaced = (row.replace("<TD", '<TD COLSPAN="3"', 1) for row in (line, spaced))
        inner = spaced + rows + line if rankdir == "BT" else line + rows + spaced
        return f"{_TABLE}{inner}</TABLE>"
    high = (len(lines) + 2) * 14.4  # (the text's lines, the kind's, a byline's)
    apart = max(_APART, int(high / ports))
    cells = "".join(
        f'<TR><TD PORT="p{i}" WIDTH="11" HEIGHT="{apart}"></TD></TR>' for i in range(ports)
    )
    side = f"<TD>{_BARE}{cells}</TABLE></TD>"
    # (Below the text, the room the ports take beyond it: else Graphviz spread the rows.)
    below = (
        f'<TR><TD HEIGHT="{int(apart * ports - high)}"></TD></TR>' if apart * ports > high else ""
    )
    table = f"<TD>{_TABLE}{rows}{below}</TABLE></TD>"
    spaced = _SPACER[False]
    cells = spaced + table + side if rankdir == "RL" else side + table + spaced
    return f"{_BARE}<TR>{cells}</TR></TABLE>"


def _header(kind: Kind, theme: Theme, badge: str | None) -> str:
    """A label's first row: the node's kind, and its badge (words after it), if any."""
    words = kind.value.upper() + (f" · {_html(badge)}" if badge else "")
    return (
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{theme.nodes[kind].header}">'
        f"<B>{words}</B></FONT></TD></TR>"
    )


def _small_row(text: str, theme: Theme, options: DotOptions) -> str:
    """A label's row in small, muted type (a byline, a note): as many characters fit in a
    third more width. (Upright: Graphviz sets the lines of italics as far apart as their
    size, 9 points for 9-point type, where they touched, and upright ones 10.8.)"""
    lines = wrap_lines(text, options.wrap + options.wrap // 3)
    return _row([lines], 9, options, f'<FONT POINT-SIZE="9" COLOR="{theme.muted}">', "</FONT>")


def _tooltip(node: Node, cited: str) -> str:
    """The node's full text, quote, source (`cited`) and note, one after the other. Each is
    trimmed: a text written as a block (`text: |`) ends in a line break, which left a blank
    line."""
    parts = [node.text.strip()]
    if node.quote:
        parts.append(in_quotes(node.quote))
    if cited:
        parts.append(cited)
    if node.note:
        parts.append(f"Note: {node.note.strip()}")
    return "\n".join(parts)


def _link(source: Source) -> str | None:
    """The source's URL, http(s) only, with the characters that could end an attribute or
    a string percent-encoded, as a browser would send them: Graphviz 2.43 writes `href`
    without escaping `"` or `<`, and its PDF links end at a `'`."""
    if source.url and source.url.split(":", 1)[0].lower() in ("http", "https"):
        return _UNSAFE_IN_URL.sub(lambda c: quote(c[0], safe=""), source.url)
    return None


def _pdf_url(url: str) -> str:
    """A link (`_link`'s) as DOT for Graphviz's own PDF, whose cairo writes it into a PDF
    string as it is: its `&` stays one (escaped as for an SVG, the link led to `&amp;`,
    another address), and its brackets are percent-encoded (an unbalanced one ended the
    string, and broke the file)."""
    return _quote(graphviz.escape(_BRACKETS.sub(lambda c: quote(c[0]), drawn_text(url))))


def group_of(node: Node, m: Map, group_by: str | None) -> tuple[str, str] | None:
    """The cluster a node belongs to: (key, label), or None."""
    if group_by == "actor" and node.by:  # a node is in one group: its first actor's
        return node.by[0].id, m.actor_name(node.by[0].id)
    if group_by == "source" and node.source is not None:
        source = m.sources.get(node.source.id)
        return node.source.id, source.title if source else node.source.id
    if group_by == "tag" and node.tags:
        return node.tags[0], node.tags[0]
    return None


def _node_style(theme: Theme, kind: Kind) -> dict[str, str]:
    style = theme.nodes[kind]
    return {
        "style": style.style,
        "penwidth": style.penwidth,
        "fillcolor": style.fill,
        "color": style.border,
        "class": kind.value,
    }


def _by_kind(nodes: list[Node]) -> Iterator[tuple[Kind, list[Node]]]:
    """`nodes` in one block per kind, in the kinds' order."""
    for kind in Kind:
        of_kind = [node for node in nodes if node.kind is kind]
        if of_kind:
            yield kind, of_kind


def _block(kind: Kind, nodes: list[Node], statements: _Nodes, indent: str) -> list[str]:
    """The lines of a block of nodes of one kind, the kind's style set once for the block:
    a node's own attributes are only what differs (id, label, tooltip, link), which keeps
    DOT building a small part of rendering. `indent` is the block's, as graphviz indents
    a subgraph."""
    value = kind.value  # (an enum's value is a property: read once, not per node)
    inner = indent + "\t"
    return [
        f"{indent}{{\n",
        indent + _defaults(statements.options.theme, kind),
        *[statements.statement(node, value, inner) for node in nodes],
        f"{indent}}}\n",
    ]


@functools.cache
def _defaults(theme_name: str, element: Kind | Relation) -> str:
    """The statement that starts a block of nodes of one kind, or of edges of one relation:
    their shared attributes. Built once per theme, as it is the same for every map."""
    theme, scratch = THEMES[theme_name], graphviz.Digraph()
    if isinstance(element, Kind):
        scratch.attr("node", **_node_style(theme, element))
    else:
        scratch.attr("edge", **_edge_attrs(theme, element))
    line: str = scratch.body[0]
    return line


# Padded, so that the words keep clear of the lines they name. Drawn across, the samples
# run down a column, and Graphviz puts their words on the line: an empty cell on the side
# of the line moves them off it.
_LEGEND_EDGE_LABEL = '<<table border="0" cellpadding="4"><tr>{}</tr></table>>'
_LEGEND_WORDS = {  # (by Graphviz's rankdir, the other way round from --direction's)
    "RL": '<td width="16"></td>{}',
    "LR": '{}<td width="24"></td>',  # (not past the frame, left of the words)
}
# The words' cell as wide as a browser draws them (0.6 em a letter, on the wide side, in
# DejaVu Sans): Graphviz measures them narrower, and "supports" ran past the frame.
_LEGEND_WORD = '<td width="{width}">{word}</td>'
_EDGE_FONT_SIZE = 9  # (points: an edge's words, in the legend)


# Each relation's sample in the legend: between the kinds it joins in most debates.
_SAMPLES = {
    Relation.SUPPORT: (Kind.REASON, Kind.CLAIM),
    Relation.ATTACK: (Kind.REBUTTAL, Kind.OBJECTION),
}
_VERBS = {Relation.SUPPORT: "supports", Relation.ATTACK: "attacks"}
Sample = tuple[Relation, tuple[Kind, Kind] | None]


def _samples(
    kinds: Mapping[str, Kind], by_relation: Mapping[Relation, list[tuple[str, str, int]]]
) -> tuple[Sample, ...]:
    """Each drawn relation with the two kinds its legend sample joins: the usual ones when
    the drawing has both, else the two kinds it joins most often in the drawing (an
    objection attacking a claim, in a focus without rebuttals; a rebuttal attacking a
    rebuttal, two boxes of one kind) that no other sample joins, else None (two points)."""
    samples: list[Sample] = []
    joined: set[frozenset[Kind]] = set()  # two samples between two boxes would overlap
    for relation, edges in by_relation.items():
        if not edges:
            continue
        usual = _SAMPLES[relation]
        pair: tuple[Kind, Kind] | None = usual if set(usual) <= set(kinds.values()) else None
        if pair is None:  # (two kinds rather than one, if the drawing has them)
            pairs = Counter((kinds[u], kinds[v]) for u, v, _ in edges)
            ranked = sorted(pairs.items(), key=lambda p: (p[0][0] is p[0][1], -p[1]))
            pair = next((p for p, _ in ranked if frozenset(p) not in joined), None)
        if pair is not None:
            joined.add(frozenset(pair))
        samples.append((relation, pair))
    return tuple(samples)


@functools.lru_cache(maxsize=64)
def _legend(
    theme_name: str,
    note: str,
    rankdir: str,
    kinds: frozenset[Kind],
    samples: tuple[Sample, ...],
    fills: tuple[tuple[str, str], ...],
    marks: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """The legend's DOT statements, built once per theme, note, direction and what the
    drawing holds: only the `kinds` and relations (`samples`) drawn (a focus on two nodes
    had a legend of four kinds, larger than the drawing). With `fills`, the kinds are
    drawn unfilled and each fill is shown with what it means; with `marks`, a sample of
    each of a diff's marks the drawing holds, named."""
    theme, scratch = THEMES[theme_name], graphviz.Digraph()
    # The note's parts (what the colours mean, the focus, ...) on lines of their own, so
    # that a long note does not make the legend as wide as the map; each a paragraph, half
    # a line below the one before (one after another, two read as one run-on sentence).
    parts = [part for part in note.split("; ") if part]
    paragraphs = [
        "Legend",
        *("<BR/>".join(map(_html, balanced_lines(p, LEGEND_WRAP))) for p in parts),
    ]
    with scratch.subgraph(name="cluster__legend") as legend:
        legend.attr(
            label="<" + _PARAGRAPH_GAP.join(paragraphs) + ">",
            # Unfilled, square and titled at the top: unlike a group's grey, rounded frame
            # with its name below.
            style="solid",
            penwidth="0.8",
            labelloc=_TOP[rankdir],
            color=theme.muted,
            fontcolor=theme.muted,
            fontsize="10",
            id="_legend",
            tooltip="Legend",  # else the map's summary, inherited from the graph
            # (The samples' words, below their lines, touched the frame in PNGs; drawn
            # across, beside them, they ran past it: Graphviz keeps only the samples in.)
            margin="24" if rankdir in ("LR", "RL") else "14",
        )
        # (A margin wide enough that "objection" keeps clear of its cut corners.)
        sample = {"fontsize": "10", "margin": "0.16,0.03", "height": "0.3"}
        # One row, which Graphviz puts on the first rank (the far end from the claims):
        # ranked with the map, its samples were as long as the map's rows were tall, and
        # it could sit among the nodes in the middle of the drawing.
        legend.body.append("\trank=same\n")
        boxes: list[tuple[str, dict[str, str]]] = []  # name -> attributes
        for kind in (k for k in Kind if k in kinds):
            style = _node_style(theme, kind) | ({"fillcolor": theme.background} if fills else {})
            boxes.append((f"_legend_{kind.value}", {"label": kind.value, **style}))
        for i, (word, fill) in enumerate(fills):
            attrs = {"label": _plain(word), "shape": "box", "style": "filled", "fillcolor": fill}
            boxes.append(
                (f"_legend_fill_{i}", attrs | {"color": theme.muted, "fontcolor": theme.text})
            )
        for _, joined in samples:
            if joined and joined[0] is joined[1]:  # (a rebuttal attacking one: two boxes)
                one = f"_legend_{joined[0].value}"
                boxes.append((f"{one}_again", next(a for b, a in boxes if b == one)))
        for mark in marks:
            attrs = {"shape": "box", "style": "filled", "fillcolor": theme.background}
            attrs |= {"fontcolor": theme.text} | _mark_attrs(mark, "mark", theme)
            boxes.append((f"_legend_{mark}", {"label": mark, **attrs}))
        # Drawn across, the row is a column, which Graphviz fills from the bottom up: in
        # reverse, it reads down in the order that the row reads across.
        for name, attrs in reversed(boxes) if rankdir in ("LR", "RL") else boxes:
            legend.node(name, id=name, **sample, **attrs)
        heads, tails = set(), set()
        for relation, joined in samples:
            verb = _VERBS[relation]
            if joined is None:  # no two kinds to join: two points, in the legend's colour
                ends = [f"_legend_{verb}_{end}" for end in ("from", "to")]
                for end in ends:
                    legend.node(
                        end,
                        id=end,
                        label="",
                        shape="point",
                        width="0.05",
                        color=theme.muted,
                        fillcolor=theme.muted,
                    )
            else:
                ends = [f"_legend_{kind.value}" for kind in joined]
                if joined[0] is joined[1]:
                    ends[0] += "_again"
            attrs = _edge_attrs(theme, relation)
            # Graphviz puts an edge's tail before its head in the row: of two samples into
            # one box (a reason and an objection at a claim), the second arched past the
            # first one's tail. Written from the box and drawn back, it leaves the box
            # between the two.
            if ends[1] in heads or ends[0] in tails:
                ends.reverse()
                attrs |= {"dir": "back", "arrowtail": attrs.pop("arrowhead")}
            tails.add(ends[0])
            heads.add(ends[1])
            word = _LEGEND_WORD.format(
                width=math.ceil(len(verb) * 0.6 * _EDGE_FONT_SIZE), word=verb
            )
            label = _LEGEND_EDGE_LABEL.format(_LEGEND_WORDS.get(rankdir, "{}").format(word))
            # (Hovered, it says what it shows, as the map's edges do: else nothing.)
            said = f"{joined[0].value} {verb} {joined[1].value}" if joined else verb
            legend.edge(*ends, label=label, id=f"_legend_{verb}", tooltip=said, **attrs)
    return tuple(scratch.body)


def _edge_attrs(theme: Theme, relation: Relation) -> dict[str, str]:
    style = theme.edges[relation]
    return {
        "style": style.style,
        "arrowhead": style.arrowhead,
        "color": style.colour,
        "penwidth": style.penwidth,
        "fontcolor": theme.muted,
        "fontsize": str(_EDGE_FONT_SIZE),
    }


def ranking(dot: str, edges: Iterable[tuple[str, str]]) -> str:
    """`dot` with `edges` (their ends' ids) ranking their nodes after all (see the note on
    `constraint` in `dot_pieces`): Graphviz's router fails to draw some edges that do not,
    between groups, and draws them once they do."""
    wanted = {(_text(u), _text(v)) for u, v in edges}

    def ranked(line: re.Match[str]) -> str:
        tail, head = line["tail"], line["head"]
        # (Or written the other way and drawn back: one of two nodes that argue with each
        # other, the pair marked unlike by a diff.)
        if (tail, head) in wanted or ((head, tail) in wanted and "dir=back" in line[0]):
            return line["before"] + line["after"]
        return line[0]

    # (One pass over the DOT: a pass per edge took 1.3 s for 410 edges of 462 nodes.)
    return _UNRANKED_LINE.sub(ranked, dot) if wanted else dot


def unranked_edges(dot: str) -> int:
    """How many edges of `dot` do not rank their nodes (`ranking` makes them)."""
    return dot.count(" constraint=false")


# An edge's line in the DOT that does not rank its nodes; the ids as `_text` writes them.
_UNRANKED_LINE = re.compile(
    r"^(?P<before>\s*(?P<tail>\S+) -> (?P<head>\S+) \[.*?) constraint=false(?P<after>.*)$",
    re.MULTILINE,
)


def _mutual(
    edges: list[tuple[str, str, int]],
    rows: _Rows,
    marks: Mapping[tuple[str, str, str], str],
    relation: str,
) -> set[tuple[str, str]]:
    """Of two nodes that attack (or support) each other, the one edge to draw, with an
    arrowhead at each end. Drawn apart, Graphviz laid the two edges on one path: their
    dashes merged into what read as one solid line, a support. The edge kept is the one
    that ranks its nodes, if either does; a pair a diff marks unlike stays two edges."""
    pairs = {(u, v) for u, v, _ in edges if u != v}
    kept: set[tuple[str, str]] = set()
    for u, v, _ in edges:  # (in map order, not a set's: the same DOT every time)
        if (v, u) not in pairs or (v, u) in kept or u == v:
            continue
        if marks.get((u, relation, v)) != marks.get((v, relation, u)):
            continue
        kept.add((u, v) if rows.ranks(u, v) or not rows.ranks(v, u) else (v, u))
    return kept


PORTED = 8  # edges into one node, at least, that end each at a port of its own
# ... and at most: the engine's time grows with the square of a node's ports (a claim with
# 1,000 objections took 15 s, 2,000 took 45 s, against 2 s without ports), and 128 ports
# make a box 2,048 points wide.
PORTED_MOST = 128


def _ports(
    g: Graph, rows: _Rows, placed: Mapping[tuple[str, str], float]
) -> dict[tuple[str, str, int], int]:
    """Of the nodes into which PORTED to PORTED_MOST edges come from the next row, each such edge
    and the port it ends at, in the order of their tails in the map, or in the order a
    first layout `placed` them in along the rank. Aimed at the node's middle, they ended in one heap
    of arrowheads, supports and attacks mixed; ports along the node's side spread them,
    and Graphviz orders the tails to match (where groups' frames leave it free to: else
    it keeps them where they were `placed`). (Edges within a row, or across rows, and a
    pair that argue with each other, drawn as one, keep the middle.)"""
    in_map = {n: float(i) for i, n in enumerate(g.nodes)}
    into: dict[str, list[tuple[str, str, int]]] = {}
    adjacent = adjacency(g)
    for u, heads in adjacent.items():
        for v, keyed in heads.items():
            if rows.ranks(u, v) and u not in adjacent[v]:
                into.setdefault(v, []).extend((u, v, k) for k in keyed)
    ports: dict[tuple[str, str, int], int] = {}
    for edges in into.values():
        if PORTED <= len(edges) <= PORTED_MOST:
            edges.sort(key=lambda e: (placed.get(e[:2], 0.0) if placed else in_map[e[0]], e[2]))
            ports |= {edge: i for i, edge in enumerate(edges)}
    return ports


def _count(ports: Mapping[tuple[str, str, int], int]) -> dict[str, int]:
    """How many ports each node has."""
    return dict(Counter(v for _, v, _ in ports))


def _staggered(
    g: Graph, level: Mapping[str, int], across: bool = False
) -> dict[tuple[str, str], int]:
    """Rows for the nodes that argue about the nodes of a rank, when more than STAGGER_ROW
    of them would share the rank below (STAGGER_COLUMN drawn `across`, its ranks columns):
    as `unflatten -l` does for leaves, the edge of each node's i-th arguer asks for a
    length of 1 + i % rows (a node's own arguers then go below it). Side by side on one
    rank, forty objections to a claim made a drawing forty boxes wide and one deep (10,000
    by 270 points), and so did six claims of three each; in rows, it keeps nearer a
    screen's shape."""
    arguers: dict[str, dict[str, None]] = {}
    if len(g) > STAGGER_MAX_NODES:
        return {}
    # (A node that supports and attacks a target argues once.)
    for u, targets in adjacency(g).items():
        for v in targets:
            # Only edges that rank their node: see the note on `constraint` in `dot_pieces`.
            if level.get(u) == level.get(v, -2) + 1:
                arguers.setdefault(v, {})[u] = None
    # A rank is as wide as the arguers of all the nodes on the rank above it, side by side.
    ranked: dict[int, set[str]] = {}
    for v, nodes in arguers.items():
        ranked.setdefault(level[v], set()).update(nodes)
    lengths: dict[tuple[str, str], int] = {}
    for v, nodes in arguers.items():
        most = STAGGER_COLUMN if across else STAGGER_ROW
        rows = min(-(-len(ranked[level[v]]) // most), STAGGER_ROWS)
        if rows > 1:
            lengths.update(((u, v), 1 + i % rows) for i, u in enumerate(nodes))
    return lengths


class _Rows(NamedTuple):
    """Where the nodes are drawn: each node's level (`graph.levels`) and its row."""

    level: Mapping[str, int]
    row: Mapping[str, int]

    def ranks(self, u: str, v: str) -> bool:
        """Whether the edge from `u` to `v` ranks its nodes (the note on `constraint` in
        `dot_pieces`): `u` argues from the level after `v`'s, or from the row after."""
        level, row = self.level, self.row
        return u in level and v in level and (level[u] == level[v] + 1 or row[u] == row[v] + 1)


def _rows(
    g: Graph, level: Mapping[str, int], length: Mapping[tuple[str, str], int]
) -> dict[str, int]:
    """The row each node is drawn in, counted from the claims' (0): its level, or further
    out where its edges are lengthened (`_staggered`). An edge from a row to the one
    before ranks its nodes too: one from a node staggered a row out to a node of its own
    level did not, and Graphviz placed that node anywhere along its row, its edge coming
    in across the drawing, at the corner where another's did (a support and an attack of
    three arguers, in a map of 18 nodes)."""
    row: dict[str, int] = {}
    for u in sorted(level, key=level.__getitem__):  # (each after the nodes it argues about)
        out = level[u] - 1
        row[u] = max(
            (row[v] + length.get((u, v), 1) for v in g.successors(u) if level.get(v) == out),
            default=0,
        )
    return row


def edge_counts(g: Graph) -> tuple[int, int]:
    """How many edges `g` has, and how many of them its dense part has, if it has one:
    among the nodes with 2 * DENSE_RATIO edges or more, DENSE_EDGES at least, and
    DENSE_RATIO a node; else 0. (Of the part, not the whole: 2,400 claims arguing with
    none, beside 100 objections that each attack the same 100 claims, made the whole
    sparse, and its layout took 132 s.) Counted in the graph's own dicts: networkx's
    views of its degrees and edges took 1.5 ms at 1,000 nodes, ahead of the DOT."""
    adjacent = adjacency(g)
    degree = dict.fromkeys(adjacent, 0)
    for u, targets in adjacent.items():
        for v, keyed in targets.items():
            degree[u] += len(keyed)
            degree[v] += len(keyed)
    busy = {n for n, edges in degree.items() if edges >= 2 * DENSE_RATIO}
    dense = sum(len(keyed) for u in busy for v, keyed in adjacent[u].items() if v in busy)
    if dense < max(DENSE_EDGES, DENSE_RATIO * len(busy)):
        dense = 0
    return sum(degree.values()) // 2, dense


def dense_edges(g: Graph) -> int:
    """The edges of `g`'s dense part, if it has one (`edge_counts`); else 0."""
    return edge_counts(g)[1]


def _argued_about_last(g: Graph) -> list[str]:
    """The nodes from which a drawing of claims alone is ranked: those that argue about
    none, and of each cycle that argues about nothing outside it (a strongly connected
    part that no edge leaves), its first node in map order. Every node has a path to one;
    ranked from none, Graphviz ranked 300 arguments by all their edges, for over 600 s."""
    parts = nx.condensation(g)
    order = {n: i for i, n in enumerate(g)}
    return sorted(
        (
            min(parts.nodes[part]["members"], key=order.__getitem__)
            for part in parts
            if not parts.out_degree(part)
        ),
        key=order.__getitem__,
    )


def _claims(g: Graph) -> list[str]:
    """The nodes on the first rank (the top, drawn TB), in a group or not: the claims (a
    claim that attacks another, or sits on a cycle, or has fewer arguments under it, went
    lower). But a map of claims alone (an argumentation framework imported) is drawn by
    its attacks, from the claims that argue about none (`_argued_about_last`): all on one
    rank, 28 were a strip 15 times as wide as high. A node's rank is then how far it argues
    from them (`graph.levels`): an edge to a node as far or farther out than the arguing
    node (objections attacking each other, or a rebuttal that also attacks the claim) does
    not push it a rank further. Left to rank such edges, Graphviz stacks a dense debate
    into dozens of ranks and takes minutes."""
    claims = roots(g)
    return _argued_about_last(g) if len(claims) == len(g) and g.number_of_edges() else claims


def _drawn_rows(
    g: Graph, claims: list[str], across: bool, dense: bool
) -> tuple[_Rows, dict[tuple[str, str], int]]:
    """Where each node is drawn, from the `claims` (`_claims`), and the lengths of the
    edges that stagger arguers into rows (`_staggered`; none in a `dense` drawing)."""
    level = levels(g, claims)
    length = {} if dense else _staggered(g, level, across)
    return _Rows(level, _rows(g, level, length) if length else level), length


def ported(
    g: Graph, across: bool, placed: Mapping[tuple[str, str], float] | None = None
) -> dict[str, list[str]]:
    """Each node whose edges end at ports (`_ports`), and its arguers in their ports'
    order: the map's, or the order a first layout `placed` them in."""
    if dense_edges(g):
        return {}
    heads: dict[str, list[tuple[int, str]]] = {}
    for (u, v, _), port in _ports(
        g, _drawn_rows(g, _claims(g), across, False)[0], placed or {}
    ).items():
        heads.setdefault(v, []).append((port, u))
    return {v: [u for _, u in sorted(tails)] for v, tails in heads.items()}


def _head(
    g: Graph,
    m: Map,
    options: DotOptions,
    names: dict[str, str],
    ports: Mapping[str, int],
    cache: DotCache,
) -> Iterator[str]:
    """The DOT up to its edges (`dot_pieces`), in pieces: the graph's attributes, then each
    block of nodes, and each group; `ports` the ports each node has, `names` their names as
    DOT writes them."""
    theme = THEMES[options.theme]
    assert cache.rows is not None
    dense, _, _, length = cache.rows
    # The graph's name is the SVG's <title>: what a browser's tab and a screen reader say.
    # Graphviz expands no backslash in it, but DOT reads one before a quote, a line's end
    # or the string's as an escape: only there does it take a zero-width space after it.
    named = _within(drawn_text(m.title))  # (the SVG's title: whole, up to what Graphviz reads)
    name = _BACKSLASH_ESCAPING.sub("\\\u200b", named).replace("&", "&amp;")
    # A long title wraps: on one line it would set the width of the whole drawing. Past
    # TITLE_LINES it is cut, as a node's text is (the tooltip and the SVG's title hold it).
    title = balanced_lines(_clean(m.title), TITLE_WRAP) if name else []
    if len(title) > TITLE_LINES:
        title = [*title[: TITLE_LINES - 1], shorten(" ".join(title[TITLE_LINES - 1 :]), TITLE_WRAP)]
    across = options.across
    graph = {
        "rankdir": _RANKDIR[options.direction],
        "bgcolor": theme.background,
        "fontname": options.font,
        "fontcolor": theme.text,
        # Clear of the first row of boxes, which it touched.
        "label": _fitted(title, 18, options, bold=True, below=12)
        if title
        else _plain(""),  # not <B></B>
        "labelloc": "t",
        "fontsize": "18",
        "nodesep": "0.35",
        # Drawn across, the rows are columns of boxes, their arguers above and below one
        # another: in half an inch between columns, the edges into a node argued about by
        # many ran along it and turned in at its side at the last point, their bars read
        # as slashes and their heads touched (an inch: they come in level). Drawn down,
        # with arguers in staggered rows, the edges of those far out ran along one another
        # to their ports, level in half an inch (three objections to a claim as one dashed
        # line for 500 pixels): in 0.9 they slope, apart (the stretches where two edges run
        # within 4 points of each other, over 10 drawings: 30% shorter). In groups, in half
        # an inch, edges ran along the frames' borders, one on another (3,068 points of
        # edge within 4 of a frame's top or bottom, over 20 drawings of 10 maps); in 1.2
        # inches they slope to their ends (658 points; arrowheads that meet, 65 -> 53;
        # pairs that cross, 658 -> 648; the drawings 23% higher).
        "ranksep": "1.0" if across else "1.2" if options.group_by else "0.9" if length else "0.5",
        "pad": "0.3",
        # Rank the nodes of groups with the rest, so a group spans the ranks of its nodes:
        # otherwise Graphviz ranks each group alone and stacks the groups in extra ranks.
        "newrank": "true",
        "tooltip": _plain(_read_twice(m.summary or m.title)),
        "id": "_map",
        # Boxes over edges: an edge that Graphviz routes through another box (in groups,
        # often) passes behind it, not across its text, as if it started or ended there.
        "outputorder": "edgesfirst",
    }
    if dense:
        # Each node arguing with many (35 claims each attacked by the same 35 objections):
        # Graphviz took 22 s (60 and 60, 111 s) mostly ordering each row so that fewer
        # edges cross, and placing the boxes, which gain little here; a pass of each.
        graph |= {"mclimit": "0.01", "nslimit": "1", "nslimit1": "1"}
    node_defaults = {
        "shape": "box",
        "fontname": options.font,
        "fontcolor": theme.text,
        "fontsize": "12",
        "margin": "0.15,0.08",
    }
    size = options.max_inches
    # Written as graphviz writes DOT, not through its Digraph: each of its subgraphs and
    # attribute statements took tens of µs, a fifth of the DOT's time at 100 nodes.
    yield "".join(
        [
            f"digraph {_quote(graphviz.quoting.nohtml(name or 'argmap'))} {{\n",
            f"\t{_attr_list(graph)}\n",
            *([f"\t{_attr_list({'size': f'{size},{size}'})}\n"] if size else []),
            f"\tnode [{_attr_list(node_defaults)}]\n",
            f"\tedge [{_attr_list({'fontname': options.font})}]\n",
        ]
    )
    loose: list[Node] = []
    clusters: dict[str, tuple[str, list[Node]]] = {}
    for _, node in g.nodes(data="node"):
        group = group_of(node, m, options.group_by) if options.group_by else None
        if group is None:
            loose.append(node)
        else:
            clusters.setdefault(group[0], (group[1], []))[1].append(node)
    statements = _Nodes(m, theme, options, names, ports, cache.statements)
    for kind, block in _by_kind(loose):
        yield "".join(_block(kind, block, statements, "\t"))
    rankdir = _RANKDIR[options.direction]
    for i, (label, members) in enumerate(clusters.values()):
        frame = {
            "label": _fitted(
                balanced_lines(_clean(label), GROUP_WRAP),
                11,
                options,
                align=_GROUP_LINES.get(rankdir),
            ),
            "style": "rounded,filled",
            # (Graphviz's 8 points set the boxes about 5 points in from the frame, its
            # arrowheads and bars on the frame's line.)
            "margin": "12",
            "fillcolor": theme.group[0],
            "color": theme.group[1],
            "fontcolor": theme.muted,
            "fontsize": "11",
            **_GROUP_LABEL[rankdir],
            "tooltip": _plain(_read_twice(label)),  # else the map's summary, inherited
            "id": f"_group_{i + 1}",
        }
        lines = [f"\tsubgraph cluster_{i} {{\n\t\t{_attr_list(frame)}\n"]
        for kind, block in _by_kind(members):
            lines += _block(kind, block, statements, "\t\t")
        lines.append("\t}\n")
        yield "".join(lines)


def build_dot(g: Graph, m: Map, options: DotOptions | None = None) -> str:
    """DOT source for the nodes and edges of `g` (the whole map, or a focus subgraph)."""
    return "".join(dot_pieces(g, m, options))


def dot_pieces(
    g: Graph, m: Map, options: DotOptions | None = None, cache: DotCache | None = None
) -> Iterator[str]:
    """`build_dot`'s DOT source in pieces, each given as soon as it is built: Graphviz's
    `dot` parses a piece while the next is built (8 ms of argmap's 70 at 1,000 nodes).

    Every element gets its SVG id here: a node its map id, an edge `u->v`, and argmap's
    own elements (the graph, groups, the legend) ids that start with `_`, which no map id
    can; Graphviz's own numbering (`graph0`, `node1`, `clust1`) could clash with map ids.
    Graphviz wraps a link around an element as `a_` + its id (the svg-id-clash rule).

    With a `cache` of the same map: what the DOT shares with the last one built in it is
    taken from it (`DotCache`), and what it builds is kept there."""
    options = options or DotOptions()
    cache = cache or DotCache()
    cache.fit(options, g)
    theme = THEMES[options.theme]
    across = options.across
    if cache.rows is None:
        dense = bool(dense_edges(g))
        claims = _claims(g)
        cache.rows = (dense, claims, *_drawn_rows(g, claims, across, dense))
    dense, claims, rows, length = cache.rows
    # (With groups, only in the order of a first layout: the frames fix where the arguers
    # sit, and edges to ports in the map's order crossed one another and went round
    # frames, 70 crossings against 25. Not in a dense drawing: 75 objections that each
    # attack the same 75 claims took the engine 40 s with ports and staggered rows, which
    # spread no one's edges there; 10 s.)
    grouped = options.group_by and not options.placed
    ports = {} if grouped or dense else _ports(g, rows, options.placed)
    counts = _count(ports)
    # Every node's name quoted once: it is the node's SVG id too, and the ends of its edges.
    names = {n: _text(n) for n in g.nodes}
    body: list[str] = []
    if cache.head is not None and cache.head[0] == counts:
        yield from cache.head[1]
    else:
        built = []
        for piece in _head(g, m, options, names, counts, cache):
            built.append(piece)
            yield piece
        # (Kept once whole: a caller may stop taking pieces, as `feed` does for an engine
        # gone.)
        cache.head, cache.unported = (counts, built), bool(grouped)
    rankdir = _RANKDIR[options.direction]
    kinds = dict(g.nodes(data="kind"))
    sent = 0

    def fresh() -> str:
        """The statements added since the last piece."""
        nonlocal sent
        piece, sent = "".join(body[sent:]), len(body)
        return piece

    if len(claims) > 1:
        body.append(f"\t{{rank=same; {'; '.join(names[n] for n in claims)}}}\n")
    by_relation: dict[Relation, list[tuple[str, str, int]]] = {r: [] for r in Relation}
    for u, targets in adjacency(g).items():
        for v, keyed in targets.items():
            for k, data in keyed.items():
                by_relation[data["relation"]].append((u, v, k))
    plain = {n for n in g.nodes if _PLAIN_ID(n)}
    edge_marks = options.edge_marks
    for relation, of_relation in by_relation.items():
        if not of_relation:
            continue
        verb = _VERBS[relation]
        value = relation.value  # (an enum's value is a property: read once, not per edge)
        arrowtail = theme.edges[relation].arrowhead
        mutual = _mutual(of_relation, rows, edge_marks, value)
        pairs = {(u, v) for u, v, _ in of_relation if u != v}
        written: set[tuple[str, str]] = set()
        body += ["\t{\n", "\t" + _defaults(options.theme, relation)]
        for u, v, k in of_relation:
            if (v, u) in mutual:
                continue  # drawn as one line with the other
            port = ports.get((u, v, k)) if ports else None
            # (Built once for the DOTs of a drawing laid out again, whose edges keep their
            # statements but for the ports some end at: `DotCache`. Written in the same
            # order, which `written` follows.)
            if (statement := cache.edges.get((u, v, k, port))) is None:
                both = (u, v) in mutual
                ident = f"{u}<->{v}" if both else f"{u}->{v}"
                if k:  # a node that both supports and attacks a target has two edges to it
                    ident += f":{value}"
                tooltip = f"{u} and {v} {verb[:-1]} each other" if both else f"{u} {verb} {v}"
                ends_plain = u in plain and v in plain
                attrs = {"dir": "both", "arrowtail": arrowtail} if both else {}
                mark = edge_marks.get((u, value, v)) if edge_marks else None  # (most have none)
                marked = _mark_attrs(mark, value, theme) if mark else {}
                if u in rows.level and v in rows.level and not rows.ranks(u, v):
                    attrs["constraint"] = "false"
                    # (Classed in the SVG too: Graphviz may route such an edge through another
                    # box, which `geometry.crossed_boxes` looks for in these alone.)
                    marked["class"] = " ".join(filter(None, (marked.get("class"), UNRANKED)))
                attrs |= {name: _quote(x) for name, x in marked.items()}
                if length and (u, v) in length:
                    attrs["minlen"] = str(length[u, v])
                if port is not None:
                    attrs["headport"] = _quote(f"p{port}:{_PORT_SIDE[rankdir]}")
                tail, head = u, v
                if (
                    (v, u) in pairs
                    and not both
                    and attrs.get("constraint") == "false"  # (both nodes have a level, then)
                    and ((v, u) in written or rows.ranks(v, u))
                ):
                    # Two nodes that argue with each other, each edge marked unlike (by a diff):
                    # this one (which does not rank them) written as the other is and drawn
                    # back, the two are parallel edges, which Graphviz lays apart; the other way
                    # round it laid both on one path, their dashes merged.
                    tail, head = v, u
                    # (Never at a port: `_ports` passes over two nodes that argue both ways.)
                    attrs |= {"dir": "back", "arrowtail": arrowtail, "arrowhead": "none"}
                cache.edges[u, v, k, port] = statement = (
                    f"\t\t{names[tail]} -> {names[head]} [id={_edge_text(ident, ends_plain)} "
                    f"tooltip={_edge_text(tooltip, ends_plain)}{_attributes(attrs)}]\n"
                )
            written.add((u, v))
            body.append(statement)
        body.append("\t}\n")
        yield fresh()
    if options.legend:
        samples = _samples(kinds, by_relation)
        shown = {*options.marks.values(), *options.edge_marks.values()}
        marks = tuple(mark for mark in DIFF_MARKS if mark in shown)
        legend = _legend(
            options.theme,
            options.legend_note,
            rankdir,
            frozenset(kinds.values()),
            samples,
            options.legend_fills,
            marks,
        )
        body.extend(legend)
    yield fresh() + "}\n"
