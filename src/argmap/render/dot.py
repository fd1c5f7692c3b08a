"""Map graph -> DOT source, through the `graphviz` package.

Everything from the map is escaped here and only here: label text goes through `_html`
(HTML-like labels), every other string through `graphviz.escape` (no backslash escapes,
no HTML), so a map cannot inject DOT or markup. URLs are limited to http and https.
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from unicodedata import category as category_of
from unicodedata import east_asian_width

import graphviz

from argmap.graph import Graph
from argmap.model import Kind, Map, Node, Relation
from argmap.render.theme import THEMES, Theme

DIRECTIONS = ("TB", "BT", "LR", "RL")
GROUPS = ("actor", "source", "tag")
MAX_LINES = 12  # longer text is cut in the label; the tooltip keeps all of it

# Edges run from the arguing node to its target, so Graphviz's rank direction is the
# opposite of where the claims go: claims at the top (TB) is rankdir=BT.
_RANKDIR = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}
# Control characters (C0 and C1), the bidirectional overrides and isolates that can make text
# display other than it reads ("Trojan Source"), and what XML cannot hold: lone surrogates
# and the non-characters (U+FDD0..U+FDEF, and the last two code points of every plane).
_NONCHARACTERS = "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef"
    + _NONCHARACTERS
    + "]"
)
# What graphviz writes without quotes. `fullmatch`: the pattern ends in `$`, which also
# matches before a final newline, and `graph\n` written bare is the keyword `graph`.
_BARE_ID = graphviz.quoting.ID.fullmatch
_KEYWORDS = graphviz.quoting.KEYWORDS
_quote = graphviz.quoting.quote
_BREAK = '<BR ALIGN="LEFT"/>'


@dataclass(frozen=True)
class DotOptions:
    direction: str = "TB"  # where the claims are: TB top, BT bottom, LR left, RL right
    theme: str = "light"
    wrap: int = 36  # characters per label line
    legend: bool = True
    group_by: str | None = None
    fill: Mapping[str, str] = field(default_factory=dict)  # node id -> fill colour override
    badges: Mapping[str, str] = field(default_factory=dict)  # node id -> word after its kind
    legend_note: str = ""  # extra line in the legend (e.g. which semantics colours show)
    marks: Mapping[str, str] = field(default_factory=dict)  # id -> added/removed/changed/focus
    edge_marks: Mapping[tuple[str, str, str], str] = field(default_factory=dict)  # (u, rel, v)


# What a diff marks: green added, red removed (drawn faded), amber changed.
MARK_COLOURS = {"added": "#1A9850", "removed": "#D73027", "changed": "#E6A100"}
_FADED = "#9A9A9A"


def _marked(mark: str | None, kind: str) -> dict[str, str]:
    """The attributes that draw a diff's mark; `kind` is the element's own class."""
    if mark is None:
        return {}
    if mark == "focus":  # the node a focused drawing is about: a heavier border, same colour
        return {"penwidth": "4", "class": _quote(f"{kind} focus")}
    attrs = {"color": MARK_COLOURS[mark], "penwidth": "3", "class": f"{kind} {mark}"}
    if mark == "removed":
        attrs |= {"fontcolor": _FADED, "fillcolor": "#F4F4F4", "style": "filled,dashed"}
    return {k: _quote(v) for k, v in attrs.items()}


def _clean(text: str) -> str:
    """Without control characters or white space at the ends, and with a zero-width space
    after each backslash: Graphviz expands `\\N`, `\\G`, `\\L` (the node's name, the
    graph's, the label) in tooltips and HTML-like labels even when the backslash is escaped."""
    return _CONTROL.sub("", text).strip().replace("\\", "\\\u200b")


def _html(text: str) -> str:
    """Text for an HTML-like label."""
    return html.escape(_clean(text), quote=True).replace("\\", "&#92;")


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
    escaped = _clean(text).replace("&", "&amp;").replace("\\", "\\\\")
    if _BARE_ID(escaped) and escaped.lower() not in _KEYWORDS:
        return escaped
    return '"' + escaped.replace('"', '\\"') + '"'


def _statement(head: str, attrs: dict[str, str]) -> str:
    """A node or edge statement; `attrs` values are DOT already (`_text`, `_quote`, HTML)."""
    return f"\t{head} [{' '.join(f'{k}={v}' for k, v in attrs.items())}]\n"


# Every East Asian wide or full-width character (two columns) is in these blocks, with a
# few narrow ones; text with none of them is measured one column per character.
_MAYBE_WIDE = re.compile(
    "[\u1100-\u115f\u231a-\u23ff\u25fd-\u27bf\u2b1b-\u2b55\u2e80-\ua4cf\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffe6\U00016fe0-\U0001faff"
    "\U00020000-\U0003fffd]"
)


def _wide(text: str) -> bool:
    """Whether `text` may hold East Asian wide characters: if so, measure it by column."""
    return not text.isascii() and _MAYBE_WIDE.search(text) is not None


def _double(c: str) -> bool:
    """Whether a character takes two columns. (`unicodedata` calls every unassigned code
    point full-width; the blocks above hold every assigned wide one.)"""
    return east_asian_width(c) in "WF" and _MAYBE_WIDE.match(c) is not None


def _columns(text: str) -> int:
    """How wide `text` shows: East Asian wide and full-width characters take two columns."""
    if text.isascii():
        return len(text)
    return sum(2 if _double(c) else 1 for c in text)


def _prefix(text: str, width: int) -> str:
    """The longest start of `text` (one character at least) that fits in `width` columns."""
    if text.isascii():
        return text[: max(width, 1)]
    used = 0
    for i, c in enumerate(text):
        used += 2 if _double(c) else 1
        if used > width:
            return text[: max(i, 1)]
    return text


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """What a line may break between, each with whether a space goes before it: words,
    and inside a word each East Asian wide character (Chinese and Japanese are written
    without spaces and break between characters). Punctuation stays with the character
    before it (`。` does not start a line), an opening bracket with the one after it."""
    for word in text.split():
        if word.isascii():
            yield word, True
            continue
        parts: list[str] = []
        glue = False  # the next character joins the last piece
        for c in word:
            wide = _double(c)
            category = category_of(c)
            joins = parts and (
                glue
                or (category[0] == "P" and category not in ("Ps", "Pi"))
                or (not wide and not _double(parts[-1][-1]))
            )
            if joins:
                parts[-1] += c
            else:
                parts.append(c)
            glue = category in ("Ps", "Pi")
        yield parts[0], True
        for part in parts[1:]:
            yield part, False


def _lines(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken at spaces and between East Asian
    characters. A longer word has a line of its own, up to twice the width; beyond that
    (a URL) it is cut. At most MAX_LINES lines, the last ending in " …" when text was
    left out. (Greedy like `textwrap.wrap`, which was a third of the time spent building
    DOT, and which counts characters, not columns.)"""
    lines: list[str] = []
    line, used = "", 0
    plain = not _wide(text)  # most text: words, one column per character
    measure = len if plain else _columns
    for piece, spaced in zip(text.split(), repeat(True)) if plain else _pieces(text):
        size = measure(piece)
        gap = 1 if spaced else 0
        if line and used + gap + size <= width:
            line += " " + piece if spaced else piece
            used += gap + size
            continue
        if line:
            lines.append(line)
        while size > 2 * width:
            head = _prefix(piece, width)
            lines.append(head)
            piece = piece[len(head) :]
            size = _columns(piece)
        line, used = piece, size
        if len(lines) >= MAX_LINES:
            break
    else:
        lines.append(line)
        return lines
    last = lines[MAX_LINES - 1]
    if _columns(last) > width - 2:
        last = _prefix(_prefix(last, width - 1).rsplit(" ", 1)[0], width - 2)
        if _columns(last) > width - 2:  # one wide character, and the width is tiny
            last = ""
    return [*lines[: MAX_LINES - 1], last + " …"]


def _broken(lines: list[str]) -> str:
    """Lines as HTML-like label text, each ending in a left-aligned break. One escape for
    all of them: no line holds a newline to confuse with the breaks."""
    return _html("\n".join(lines)).replace("\n", _BREAK) + _BREAK


def _wide_enough(lines: list[str], points: int) -> str:
    """A WIDTH for the cell of `lines` when they hold East Asian wide characters. The
    builtin engine's font metrics do not know them and measure each of their UTF-8 bytes
    as a space, a sixth short of the em they take, so the text would spill out of its
    box. The cell's WIDTH is a minimum: an em for a wide character, about half of one for
    any other. Other text is left to the engine's own measure."""
    wide = [line for line in lines if _wide(line)]
    if not wide:
        return ""
    widest = max(sum(1.0 if _double(c) else 0.55 for c in line) for line in wide)
    return f' WIDTH="{math.ceil(widest * points)}"'


def _label(node: Node, m: Map, theme: Theme, wrap: int, badge: str = "") -> str:
    style = theme.nodes[node.kind]
    kind = node.kind.value.upper() + (f" · {_html(badge.upper())}" if badge else "")
    lines = _lines(node.text, wrap)
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{style.header}">'
        f"<B>{kind}</B></FONT></TD></TR>",
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{_wide_enough(lines, 12)}>{_broken(lines)}</TD></TR>',
    ]
    byline = []
    if node.by is not None:
        actor = m.actors.get(node.by.id)
        byline.append("— " + (actor.name if actor else node.by.id))
    if node.quote:
        byline.append("“quoted”")
    if byline:  # smaller type: as many characters fit in a third more width
        lines = _lines(" ".join(byline), wrap + wrap // 3)
        rows.append(
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{_wide_enough(lines, 9)}>'
            f'<FONT POINT-SIZE="9" COLOR="{theme.muted}">'
            f"{_broken(lines)}</FONT></TD></TR>"
        )
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )


def _tooltip(node: Node, m: Map) -> str:
    parts = [node.text]
    if node.quote:
        parts.append(f"“{node.quote}”")
    source = m.sources.get(node.source.id) if node.source else None
    if source is not None:
        date = source.date.isoformat() if source.date else None
        parts.append(
            "Source: "
            + ", ".join(filter(None, [source.title, source.author, source.publisher, date]))
        )
    if node.note:
        parts.append(f"Note: {node.note}")
    return "\n".join(parts)


def _link(node: Node, m: Map) -> str | None:
    source = m.sources.get(node.source.id) if node.source else None
    if source and source.url and source.url.split(":", 1)[0].lower() in ("http", "https"):
        return source.url
    return None


def _group(node: Node, m: Map, group_by: str | None) -> tuple[str, str] | None:
    """The cluster a node belongs to: (key, label), or None."""
    if group_by == "actor" and node.by is not None:
        actor = m.actors.get(node.by.id)
        return node.by.id, actor.name if actor else node.by.id
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


def _add_nodes(
    parent: graphviz.Digraph,
    nodes: list[Node],
    m: Map,
    theme: Theme,
    options: DotOptions,
    names: dict[str, str],
) -> None:
    """Nodes in one block per kind, the kind's style set once for the block: a node's own
    attributes are only what differs (id, label, tooltip, link), which keeps DOT building
    a small part of rendering."""
    for kind in Kind:
        of_kind = [node for node in nodes if node.kind is kind]
        if not of_kind:
            continue
        with parent.subgraph() as block:
            block.body.append(_defaults(options.theme, kind))
            for node in of_kind:
                name = names[node.id]
                attrs = {
                    "label": _label(node, m, theme, options.wrap, options.badges.get(node.id, "")),
                    "id": name,
                    "tooltip": _text(_tooltip(node, m)),
                }
                if node.id in options.fill:
                    attrs["fillcolor"] = _quote(options.fill[node.id])
                attrs |= _marked(options.marks.get(node.id), kind.value)
                link = _link(node, m)
                if link:
                    attrs |= {"URL": _text(link), "target": "_blank"}
                block.body.append(_statement(name, attrs))


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


@functools.lru_cache(maxsize=64)
def _legend(theme_name: str, note: str) -> tuple[str, ...]:
    """The legend's DOT statements, built once per theme and note."""
    theme, scratch = THEMES[theme_name], graphviz.Digraph()
    with scratch.subgraph(name="cluster__legend") as legend:
        legend.attr(
            label="Legend" + (f" · {_html(note)}" if note else ""),
            style="dashed",
            color=theme.muted,
            fontcolor=theme.muted,
            fontsize="10",
            id="_legend",
            tooltip="Legend",  # else the map's summary, inherited from the graph
        )
        for kind in Kind:
            legend.node(
                f"_legend_{kind.value}",
                id=f"_legend_{kind.value}",
                label=kind.value,
                fontsize="10",
                margin="0.1,0.03",
                height="0.3",
                **_node_style(theme, kind),
            )
        legend.edge(
            "_legend_reason",
            "_legend_claim",
            label="supports",
            id="_legend_supports",
            **_edge_attrs(theme, Relation.SUPPORT),
        )
        legend.edge(
            "_legend_rebuttal",
            "_legend_objection",
            label="attacks",
            id="_legend_attacks",
            **_edge_attrs(theme, Relation.ATTACK),
        )
    return tuple(scratch.body)


def _edge_attrs(theme: Theme, relation: Relation) -> dict[str, str]:
    style = theme.edges[relation]
    return {
        "style": style.style,
        "arrowhead": style.arrowhead,
        "color": style.colour,
        "penwidth": style.penwidth,
        "fontcolor": theme.muted,
        "fontsize": "9",
    }


def build_dot(g: Graph, m: Map, options: DotOptions | None = None) -> str:
    """DOT source for the nodes and edges of `g` (the whole map, or a focus subgraph).

    Every element gets its SVG id here: a node its map id, an edge `u->v`, and argmap's
    own elements (the graph, groups, the legend) ids that start with `_`, which no map id
    can; Graphviz's own numbering (`graph0`, `node1`, `clust1`) could clash with map ids.
    Graphviz wraps a link around an element as `a_` + its id (the svg-id-clash rule)."""
    options = options or DotOptions()
    theme = THEMES[options.theme]
    dot = graphviz.Digraph("argmap")
    title = _html(m.title)
    dot.attr(
        rankdir=_RANKDIR[options.direction],
        bgcolor=theme.background,
        fontname=theme.font,
        fontcolor=theme.text,
        label=f"<<B>{title}</B>>" if title else _plain(""),  # Graphviz refuses <B></B>
        labelloc="t",
        fontsize="18",
        nodesep="0.35",
        ranksep="0.5",
        pad="0.3",
        tooltip=_plain(m.summary or m.title),
        id="_map",
    )
    dot.attr(
        "node",
        shape="box",
        fontname=theme.font,
        fontcolor=theme.text,
        fontsize="12",
        margin="0.15,0.08",
    )
    dot.attr("edge", fontname=theme.font)
    loose: list[Node] = []
    clusters: dict[str, tuple[str, list[Node]]] = {}
    for n in g.nodes:
        node: Node = g.nodes[n]["node"]
        group = _group(node, m, options.group_by)
        if group is None:
            loose.append(node)
        else:
            clusters.setdefault(group[0], (group[1], []))[1].append(node)
    # Every node's name quoted once: it is the node's SVG id too, and the ends of its edges.
    names = {n: _text(n) for n in g.nodes}
    _add_nodes(dot, loose, m, theme, options, names)
    for i, (label, members) in enumerate(clusters.values()):
        with dot.subgraph(name=f"cluster_{i}") as cluster:
            cluster.attr(
                label=f"<{_html(label)}>",
                style="rounded,dashed",
                color=theme.muted,
                fontcolor=theme.muted,
                fontsize="11",
                tooltip=_plain(label),  # else the map's summary, inherited from the graph
                id=f"_group_{i + 1}",
            )
            _add_nodes(cluster, members, m, theme, options, names)
    for relation in Relation:
        edges = [(u, v, k) for u, v, k, r in g.edges(keys=True, data="relation") if r is relation]
        if not edges:
            continue
        verb = "supports" if relation is Relation.SUPPORT else "attacks"
        with dot.subgraph() as block:
            block.body.append(_defaults(options.theme, relation))
            for u, v, k in edges:
                attrs = {
                    # A node that both supports and attacks a target has two edges to it.
                    "id": _text(f"{u}->{v}" + (f":{relation.value}" if k else "")),
                    "tooltip": _text(f"{u} {verb} {v}"),
                }
                attrs |= _marked(options.edge_marks.get((u, relation.value, v)), relation.value)
                block.body.append(_statement(f"{names[u]} -> {names[v]}", attrs))
    if options.legend:
        dot.body.extend(_legend(options.theme, options.legend_note))
    source: str = dot.source
    return source
