"""Render a map: graph -> DOT -> layout engine -> svg, png, pdf, dot or json bytes."""

from __future__ import annotations

import itertools
import re
import struct
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import networkx as nx

from argmap.diagnostics import Diagnostic, Severity, no_node
from argmap.graph import (
    Graph,
    adjacency,
    build_graph,
    emptied,
    left_out,
    levels,
    neighbourhood,
    relations_of,
    roots,
)
from argmap.model import Kind, Map, Node, Relation, Span
from argmap.render.dot import (
    DIRECTIONS,
    GROUPS,
    DotCache,
    DotOptions,
    RightToLeft,
    dot_pieces,
    edge_counts,
    group_of,
    has_unranked,
    ported,
    ranking,
    unranked_edges,
)
from argmap.render.engines import ENGINES, EngineError, Layout, select
from argmap.render.geometry import (
    Reading,
    Unreadable,
    approaches,
    centres,
    crossed_boxes,
    edge_ends,
    forget,
    tangles,
)
from argmap.render.svg import centred_title, for_viewers
from argmap.render.theme import DRAWN_FONT, PDF_FONT_FAMILY, THEMES
from argmap.spec import MAX_WRAP, MIN_WRAP
from argmap.text import MAX_LINES, columns, counted, shown_lines

if TYPE_CHECKING:
    from argmap.render.fonts import DrawnFont

FORMATS = ("svg", "png", "pdf", "dot", "json")
# A PNG of 3,000 claims side by side was a million pixels wide and took 2.5 GB to draw;
# at most 16,320 pixels a side (170 inches at 96 dpi), a larger drawing is scaled down.
PNG_MAX_INCHES = 170
PNG_DPI = 96  # Graphviz's pixels per inch in a PNG


# A PDF's creation time, which would make every render differ (`render --check`): set to
# the epoch in as many bytes, which keeps the file's table of offsets right. (The engine
# runs in UTC, so that the time has no offset after it.)
_UNDATED = re.compile(rb"(/CreationDate \()D:\d{14}(Z?\))")


class RenderError(Exception):
    """A map that cannot be rendered as asked: the message says why and what to do."""

    usage = False  # the command line asked for what the map cannot give (exit 2)


class OptionError(RenderError):
    """An option that does not fit the map, such as --focus on an id the map lacks."""

    usage = True


@dataclass(frozen=True)
class RenderOptions:
    format: str = "svg"
    engine: str = "auto"
    focus: str | None = None
    depth: int = 2
    evaluate: str | None = None  # a semantics: colour nodes by where they stand under it
    support: str = "none"  # the reading of support for `evaluate`
    dot: DotOptions = field(default_factory=DotOptions)


def options_for(m: Map, base: RenderOptions, overrides: dict[str, Any]) -> RenderOptions:
    """`base` with the map's `render:` defaults, then the command line's `overrides` (the
    DotOptions fields given, None meaning "not given") on top."""
    names = {"group-by": "group_by"}
    from_map = {names.get(k, k): v for k, v in m.render.items()}
    given = {k: v for k, v in overrides.items() if v is not None}
    dot = replace(base.dot, **{**from_map, **given})
    if dot.group_by == "none":  # (said in a map, or by the command line to undo the map's)
        dot = replace(dot, group_by=None)
    return replace(base, dot=dot)


# Options that the command line refuses, given by a library caller, are refused too: a
# theme or direction argmap lacks was a KeyError deep in building the DOT, an engine it
# lacks or a wrap of 0 went unremarked.


def _checked(options: RenderOptions) -> None:
    """Refuse the options of a rendering that argmap lacks (see above)."""
    _one_of("engine", options.engine, ENGINES)
    if options.depth < 0:
        raise OptionError(f"depth must be 0 or more, not {options.depth}")


def _checked_style(dot: DotOptions) -> None:
    """Refuse the options of a drawing's style that argmap lacks (see above)."""
    _one_of("direction", dot.direction, DIRECTIONS)
    _one_of("theme", dot.theme, tuple(THEMES))
    _one_of("group_by", dot.group_by, (*GROUPS, None))
    if not MIN_WRAP <= dot.wrap <= MAX_WRAP:
        raise OptionError(f"wrap must be {MIN_WRAP} to {MAX_WRAP} characters, not {dot.wrap}")


def _one_of(name: str, value: object, allowed: tuple[object, ...]) -> None:
    if value not in allowed:
        raise OptionError(f"{name} must be one of {', '.join(map(str, allowed))}, not {value!r}")


def _focus(g: Graph, m: Map, options: RenderOptions) -> Graph:
    if options.focus is None:
        return g
    if options.focus not in m.nodes:
        raise OptionError(no_node(m, options.focus, "--focus"))
    return neighbourhood(g, options.focus, options.depth)


def _not_drawn(g: Graph, shown: Graph) -> dict[str, str]:
    """A line for each node of a focused drawing whose relations lead out of it: what
    argues about it and what it argues about, left out (`not drawn: 2 reasons for it, the
    claim it attacks`), and `other` where some of the same are drawn (`another claim it
    supports`). Without it a node at the edge of the focus looked settled."""
    words = {Relation.SUPPORT: ("for it", "supports"), Relation.ATTACK: ("against it", "attacks")}
    notes = {}
    for node, missing in left_out(g, shown).items():
        # A node that argues with this one both ways, once (`it attacks, which attacks it
        # too`): counted each way, one rebuttal read as two.
        both = {(other, r) for about, other, r in missing if about} & {
            (other, r) for about, other, r in missing if not about
        }
        found = Counter(
            (about, g.nodes[other]["kind"], r)
            for about, other, r in missing
            if not (about and (other, r) in both)
        )
        back = Counter((g.nodes[other]["kind"], r) for other, r in both)
        drawn = Counter(
            (about, g.nodes[other]["kind"], r) for about, other, r in relations_of(shown, node)
        )
        parts = []
        for (about, kind, relation), n in sorted(
            found.items(), key=lambda item: (not item[0][0], list(Kind).index(item[0][1]))
        ):
            phrase, verb = words[relation]
            more = drawn[about, kind, relation] > 0
            if about:
                parts.append(f"{counted(n, 'more ' * more + kind.value)} {phrase}")
                continue
            part = f"{'another' if more else 'the'} {kind.value}" if n == 1 else None
            part = part or f"{n} {'other ' * more}{kind.value}s"
            mutual = back[kind, relation]  # (of these, those that argue back)
            if mutual:
                which = {1: "one of which", n: "which"}.get(mutual, f"{mutual} of which")
                part += f" it {verb}, {which} {verb if n == 1 or mutual == 1 else verb[:-1]} it too"
            else:
                part += f" it {verb}"
            parts.append(part)
        notes[node] = "not drawn: " + ", ".join(parts)
    return notes


def _evaluated(m: Map, options: RenderOptions, drawn: Iterable[str]) -> DotOptions:
    """Fills and label words from an evaluation, and a legend that says which semantics,
    with the words of the nodes `drawn`."""
    from argmap.render.theme import STANDING, STANDING_FILLS, score_fill
    from argmap.semantics import evaluate
    from argmap.semantics.framework import TooManyAttacks

    assert options.evaluate is not None
    try:
        result = evaluate(m, options.evaluate, options.support)
    except TooManyAttacks as error:  # (the map's size, not the options: exit 1, as evaluate's)
        raise RenderError(str(error)) from error
    except ValueError as error:
        raise OptionError(str(error)) from error
    theme = options.dot.theme
    if result.scores is not None:
        scores = result.scores.scores
        fill = {n: score_fill(theme, s) for n, s in scores.items()}
        badges = {n: f"{s:.2f}" for n, s in scores.items()}
        # (No-break spaces: wrapped, the note left "1" on a line of its own.)
        note = f"{options.evaluate} scores, from\u00a00 (defeated) to\u00a01"
        samples = tuple((f"score {s:g}", score_fill(theme, s)) for s in (0, 0.5, 1))
    else:
        labels = {n: result.label(n) for n in m.nodes}
        badges = {n: label.upper() for n, label in labels.items()}
        fill = {n: STANDING_FILLS[theme][STANDING[label]] for n, label in labels.items()}
        note = f"{options.evaluate} semantics"
        # The legend names the words the nodes show, each with its fill: it said
        # accepted, rejected and undecided beside nodes marked IN, CONTESTED or NO EXTENSION.
        shown = {labels[n] for n in drawn}
        samples = tuple(
            (_LEGEND_WORDS.get(label, label), STANDING_FILLS[theme][STANDING[label]])
            for label in STANDING
            if label in shown
        )
    if options.support != "none":
        note += f", {options.support}\u00a0support"
        # The attacks the reading adds to the map's own count too, and are not drawn: a claim
        # drawn OUT, its drawn attackers all OUT, read as a fault of the drawing.
        if added := result.added(m):
            note += f"; it adds {counted(added, 'attack')}, which count but are not drawn"
    note = "; ".join(filter(None, (note, result.caveat())))
    return replace(options.dot, fill=fill, badges=badges, legend_note=note, legend_fills=samples)


def _noted(options: DotOptions, note: str) -> DotOptions:
    """`options` with one more line for the legend."""
    return replace(options, legend_note="; ".join(filter(None, (options.legend_note, note))))


# What a node needs to be in a group, and how to give it that.
_GROUP_FIELDS = {
    "actor": ("names an actor", "`by: an-actor`"),
    "source": ("names a source", "`source: a-source`"),
    "tag": ("has a tag", "`tags: [a-tag]`"),
}


def _groups(m: Map, drawn: Iterable[str], group_by: str | None) -> int:
    """How many groups grouping by `group_by` draws of the nodes `drawn`."""
    return len({group_of(m.nodes[i], m, group_by) for i in drawn} - {None}) if group_by else 0


def _ungrouped(m: Map, group_by: str | None, groups: int) -> Diagnostic | None:
    """A warning when grouping draws no group at all: the drawing looks as it would
    without grouping, and nothing else would say why; or when it would draw more than
    MAX_GROUPS, which the drawing is then without."""
    if group_by is None or 0 < groups <= MAX_GROUPS:
        return None
    has, example = _GROUP_FIELDS[group_by]
    others = " or ".join(g for g in _GROUP_FIELDS if g != group_by)
    # (Said where the map asks for it, if it does: its `render:` section.)
    asked = m.fields.get("render.group-by") if m.render.get("group-by") == group_by else None
    said = f"grouping by {group_by} draws no groups: no node in the drawing {has}"
    hint = f"add {example} to the nodes to group, or group by {others}"
    if groups:
        said = (
            f"grouping by {group_by} would draw {groups:,} groups, more than the "
            f"{MAX_GROUPS} argmap draws (Graphviz takes hundreds of megabytes of memory for "
            "so many, a gigabyte for 2,000, and their frames could not be read): the drawing "
            "has no groups"
        )
        hint = f"group by {others}, or {PART_OF_IT}"
    return Diagnostic(
        "no-groups",
        Severity.WARNING,
        Span.point(m.path, asked.line, asked.column) if asked else Span.point(m.path),
        said,
        hint,
    )


def _whole(nodes: list[Node], wrap: int) -> int | None:
    """The narrowest lines, wider than `wrap`, that show the text of all `nodes` whole;
    None if even MAX_WRAP does not (many short lines, say)."""
    for node in nodes:
        # No fewer columns than the text's share of each line: fewer cannot hold it.
        least = max(wrap + 1, -(-columns(node.text) // MAX_LINES))
        fits = (w for w in range(least, MAX_WRAP + 1) if not shown_lines(node.text, w)[1])
        if (found := next(fits, None)) is None:
            return None
        wrap = found - 1  # the next node's lines are at least as wide
    return wrap + 1


def _cut_short(
    m: Map, shown: Mapping[str, tuple[list[str], bool]], fmt: str, wrap: int
) -> Diagnostic | None:
    """A warning when a PNG or PDF shows some node's text in part: past MAX_LINES lines of
    its label, the rest is left out, and such a drawing has no tooltip to show it."""
    cut = sorted((m.nodes[n] for n, (_, short) in shown.items() if short), key=lambda n: n.span)
    if not cut:
        return None
    more = f" and {counted(len(cut) - 1, 'other')}" if len(cut) > 1 else ""
    widen = ""
    if (wider := _whole(cut, wrap)) is not None:
        widen = f"widen the lines to show all (`--wrap {wider}`), "
    return Diagnostic(
        "cut-text",
        Severity.WARNING,
        cut[0].fields.get("text", cut[0].span),
        f"the {fmt.upper()} shows the text of `{cut[0].id}`{more} cut short, after "
        f"{MAX_LINES} lines of {wrap} characters",
        f"{widen}shorten the text, or render SVG, whose tooltips hold each text whole",
    )


# Layouts again with the lost edges ranked, before the edges are drawn straight.
_RANKINGS = 3
# Edges drawn straight from box to box need no routing. (Not `splines=curved`: Graphviz
# bends each away from the middle of a cycle of edges it is in, and finds one by following
# every path of the graph: over 600 s for 462 nodes, in Graphviz 2.43 and 16.1 alike.)
_STRAIGHT = "splines=line"
# Nodes of a drawing laid out again (to route an edge around a box, or to put its ports in
# order), at most: a second layout doubles the engine's time, a second at 1,000 nodes, ten
# at 5,000.
_AGAIN_NODES = 1_000
# ... and to put its ports in order without groups, where it only uncrosses a few edges:
# 60 ms more at 100 nodes, 0.3 s at 300; at 1,000, 0.9 s (it halved the tails placed out
# of their ports' order, 1,218 pairs of 20 nodes' arguers).
_REPLACED_NODES = 300
# Edges through boxes ranked in a layout again, at most: a drawing with more is a tangle that
# ranking them does not undo, at great cost (462 nodes in groups: 126 of 464 such edges
# ranked took Graphviz 10 s against 1, and left 410); real maps have a few.
_RANKED_MOST = 16
# Edges of a drawing, at most: Graphviz took 140 s and 300 MB to lay out 40,000 (200 nodes
# each attacking all, 7.6 KB of YAML aliases), and 5,000 nodes with 6,500 edges take 12 s.
MAX_EDGES = 20_000
# ... and of a dense part (`dot.edge_counts`), whose time grows faster: 75 objections that each
# attack the same 75 claims (5,625 edges) take the builtin engine 10 s, 140 and 140 (19,600)
# over 200 s, for a block of lines that no one can follow.
MAX_DENSE_EDGES = 6_000
# Rows an edge runs across, at most: Graphviz routes an edge through every row between its
# ends, in a time that grows as the square of their number (an objection that attacks the
# last of a chain of rebuttals: across 2,000 rows 6 s, 10,000 rows 272 s; without that edge,
# 0.4 and 3 s).
MAX_SPAN = 3_000
# Groups a drawing has at most: 2,000 (one tag a node) took the engine 0.9 GB, 1,000 0.24
# GB, 500 70 MB (a render without groups, 60 MB).
MAX_GROUPS = 500
PART_OF_IT = "draw part of the map, `--focus ID --depth N`"  # (`diff` says its own)


# A label of one extension, in the legend with what it means for the node.
_LEGEND_WORDS = {"in": "in: accepted", "out": "out: rejected", "undec": "undec: undecided"}


@dataclass
class Drawing:
    """A rendering under way: `start` makes one, `draw` gives it a map, `result` waits for
    the picture and `cancel` drops it."""

    options: RenderOptions
    layout: Layout | None = None  # the engine's process; None for DOT output
    to_pdf: bool = False  # the layout is SVG, to convert
    dot: str = ""
    warnings: list[Diagnostic] = field(default_factory=list)  # what the drawing will lack
    path: str = ""  # the map's, for the warnings
    grouped: bool = False  # nodes drawn in groups, whose edges Graphviz may route through boxes
    spans: dict[str, Span] = field(default_factory=dict)  # where each node is written
    style: DotOptions = field(default_factory=DotOptions)  # as drawn: its theme, direction
    # To draw it again with its ports in order (`_in_place`): its graph and map, and the
    # tails of each node with ports, in their ports' order.
    drawn_from: tuple[Graph, Map, dict[str, list[str]]] | None = None
    lost: set[tuple[str, str]] = field(default_factory=set)  # edges the engine lost so far
    unrouted: bool = False  # the layout kept so far has straight edges (`_laid_out`)
    spare: Layout | None = None  # an engine started for the next layout (`_again`)
    cache: DotCache = field(default_factory=DotCache)  # (for `_in_place`'s DOT)
    planned: _InPlace | None = None  # the layout in place, planned ahead (`_plan_ahead`)

    def draw(self, m: Map, graph: Graph | None = None, style: DotOptions | None = None) -> None:
        """Build the DOT of `m` (`graph` is its graph if already built; `style` replaces the
        options' DotOptions) and hand it to the engine, which lays it out in its own
        process while the caller goes on (checking the map, say). Raises RenderError."""
        options = self.options if style is None else replace(self.options, dot=style)
        _checked_style(options.dot)
        whole = build_graph(m) if graph is None else graph
        g = _focus(whole, m, options)
        edges, dense = edge_counts(g)
        if edges > MAX_EDGES or dense > MAX_DENSE_EDGES:
            how = (
                (f"edges, {dense:,} of them among nodes that each argue with many,", "so densely")
                if dense > MAX_DENSE_EDGES
                else ("edges,", "")
            )
            raise RenderError(
                f"the drawing would have {edges:,} {how[0]} more than the "
                f"{MAX_DENSE_EDGES if how[1] else MAX_EDGES:,} that argmap lays out"
                f"{' ' + how[1] if how[1] else ''} (Graphviz would take many minutes, and the "
                f"picture could not be read): {PART_OF_IT}"
            )
        if len(g) > MAX_SPAN and (span := _longest_span(g)) > MAX_SPAN:  # (else it cannot)
            raise RenderError(
                f"an edge of the drawing would run across {span:,} rows of nodes, more than "
                f"the {MAX_SPAN:,} that argmap lays out (Graphviz would take many minutes to "
                f"route it): {PART_OF_IT}"
            )
        dot_options = _evaluated(m, options, g.nodes) if options.evaluate else options.dot
        if options.format in ("png", "pdf"):  # drawn by the engine, or by reportlab
            family = PDF_FONT_FAMILY if self.to_pdf else DRAWN_FONT
            # (argmap's PDF orders right-to-left lines itself, by their isolates: `pdf`)
            rtl: RightToLeft = "viewer" if self.to_pdf else "engine"
            # (Its letters as argmap's own tools draw them: the builtin engine's PNG, its PDF.)
            boxed = self._drawn_font() is not None
            dot_options = replace(dot_options, font=family, right_to_left=rtl, boxed=boxed)
        if options.format == "png":
            dot_options = replace(dot_options, max_inches=PNG_MAX_INCHES)
        if options.format == "pdf" and not self.to_pdf:  # Graphviz's own, its links by cairo
            dot_options = replace(dot_options, pdf_links=True)
        if options.focus is not None:
            # Named above its text too: a claim's own border is as heavy as the focus's.
            focus, badges = options.focus, dict(dot_options.badges)
            badges[focus] = " · ".join(filter(None, (badges.get(focus), "FOCUS")))
            steps = counted(options.depth, "step")
            dot_options = _noted(
                replace(
                    dot_options,
                    marks={**dot_options.marks, focus: "focus"},
                    badges=badges,
                    notes=_not_drawn(whole, g),
                ),
                f"FOCUS and a heavy border: the focus; {len(g)} of {len(whole)} nodes"
                + (f", up to {steps} from it" if options.depth else ""),
            )
        groups = _groups(m, g.nodes, dot_options.group_by)
        ungrouped = _ungrouped(m, dot_options.group_by, groups)
        if groups > MAX_GROUPS:
            dot_options = replace(dot_options, group_by=None)
        self.grouped = dot_options.group_by is not None and ungrouped is None
        if self.grouped:
            dot_options = _noted(dot_options, f"grey frame: one {dot_options.group_by}'s nodes")
        self.style = dot_options  # (with its legend's note: `_in_place` draws it again)
        self.spans = {n: m.nodes[n].span for n in g.nodes}  # (for `_crossing`'s warning)
        if self.grouped and self.layout is not None and self.layout.with_svg:
            # Laid out as SVG, to choose among (`_again`): most layouts in groups are laid out
            # again (an edge Graphviz lost, ports, edges through boxes), and the layout is a
            # fraction of a PNG's time (0.36 s of 6.6 at 250 nodes).
            self.layout.cancel()
            try:
                self.layout = self.layout.launched.launch("svg")
            except EngineError as error:
                raise RenderError(str(error)) from error
        self.cache = DotCache()  # (another map's, if drawn before: `dot.DotCache`)
        pieces = dot_pieces(g, m, dot_options, self.cache)
        self.dot = "".join(pieces) if self.layout is None else self.layout.feed(pieces)
        # (Once the engine has its DOT, as the rest: it lays out meanwhile.)
        again = _AGAIN_NODES if self.grouped else _REPLACED_NODES
        drawn_again = self.layout is not None and options.format != "json" and len(g) <= again
        if drawn_again and (orders := ported(g, dot_options.across)):
            # (A copy: the caller may empty the graph once it is drawn, `graph_for`.)
            self.drawn_from = g.copy(), m, orders
        self.path = m.path
        warnings = [ungrouped]
        if options.format in ("png", "pdf"):  # no tooltip holds what a label leaves out
            wrap = dot_options.wrap
            shown = {n: shown_lines(m.nodes[n].text, wrap) for n in g.nodes}
            warnings.append(_cut_short(m, shown, options.format, wrap))
            font = self._drawn_font()
            if font is not None:
                from argmap.render.fonts import font_warning

                lines = {n: drawn for n, (drawn, _) in shown.items()}
                warnings.append(font_warning(m, lines, font, dot_options))
        self.warnings = [w for w in warnings if w is not None]

    def _drawn_font(self) -> DrawnFont | None:
        """The font that argmap's own tools draw this rendering's text in, if they do: the
        PDF it converts, the builtin engine's PNG (not the machine's fonts)."""
        from argmap.render.fonts import PDF_FONT, PNG_FONT

        if self.to_pdf:
            return PDF_FONT
        builtin = self.layout is not None and self.layout.engine == "builtin"
        return PNG_FONT if builtin and self.options.format == "png" else None

    def result(self) -> bytes:
        """The rendering; RenderError with a message for the user if the engine failed."""
        if self.layout is None:
            return self.dot.encode("utf-8")
        try:
            if self.drawn_from is not None:  # (laid out again, most often: `_in_place`)
                self._spare(self.layout)
            read = self.drawn_from is not None or self._crossings_looked_for()
            data = self._laid_out(self.layout, not self.grouped if read else None)
            if self.drawn_from is not None:
                data = self._in_place(data)
            if self._crossings_looked_for():
                data = self._uncrossed(data)
            fmt = _engine_format(self.options)
            if fmt in _PICTURES and self.layout.fmt != fmt:  # (laid out as SVG: `_again`)
                # (A PNG takes several times its layout's time to draw: 6 s of 6.4 at 250
                # nodes. Drawn for each layout tried, it took most of a minute.)
                unrouted = (_STRAIGHT,) if self.unrouted else ()
                data = self._again(self.layout, self.dot, *unrouted, fmt=fmt).result()
            if self.unrouted:
                self.warnings.append(
                    Diagnostic(
                        "unrouted-edges",
                        Severity.WARNING,
                        Span.point(self.path),
                        "Graphviz could not route every edge of this drawing around its boxes "
                        "(a fault of its router, mostly with groups): the edges are drawn as "
                        "straight lines, and some may cross boxes",
                        "draw it with another --direction or --group-by, or without groups",
                    )
                )
        except EngineError as error:
            raise RenderError(str(error)) from error
        except Unreadable as error:
            layout = self.layout
            raise RenderError(
                f"the {layout.engine} layout engine wrote a drawing whose shapes argmap cannot "
                f"read ({error}): is {layout.command} Graphviz?"
            ) from error
        finally:
            forget()  # (the layouts read to choose one)
            if self.spare is not None:  # (not wanted: the first layout was kept)
                self.spare.cancel()
                self.spare = None
        if self.to_pdf:
            from argmap.render.pdf import svg_to_pdf

            return svg_to_pdf(centred_title(data))
        if self.options.format == "svg":
            rtl = "\u2067" in self.dot  # (dot._escaped's isolate)
            # (Graphviz puts a group's name at the frame's left corner drawn RL: `dot._GROUP_LABEL`)
            at_right = self.style.direction != "RL"
            return for_viewers(data, rtl, THEMES[self.style.theme].greyscale, at_right)
        if self.options.format == "pdf":  # Graphviz's own, dated by cairo
            return _UNDATED.sub(rb"\1D:19700101000000\2", data)
        if self.options.format == "png":
            self._scaled(data)
        return data

    def _scaled(self, png: bytes) -> None:
        """Warn of a PNG scaled down to PNG_MAX_INCHES a side: a map of 1,500 nodes laid out
        in a wide tree came out 16,320 by 311 pixels, its text 2 pixels high, without a
        word. (Its size is in the header, after the signature and the IHDR chunk's length
        and type.)"""
        width, height = struct.unpack(">II", png[16:24])
        most = PNG_MAX_INCHES * PNG_DPI
        if max(width, height) < most - 1:  # (the engine rounds)
            return
        self.warnings.append(
            Diagnostic(
                "scaled-png",
                Severity.WARNING,
                Span.point(self.path),
                f"the PNG is {width:,} by {height:,} pixels: the drawing is larger, and was "
                f"scaled down to fit {most:,} pixels a side, so its text may be too small "
                "to read",
                "render SVG or PDF, which keep the full size, or draw part of the map "
                "(--focus ID --depth N)",
            )
        )

    def _laid_out(self, layout: Layout, unranked: bool | None) -> bytes:
        """The engine's output, read (`geometry._read`, `unranked` or not; None: not read)
        while the engine exits. Graphviz's router fails to draw an edge of some drawings
        with groups (`lost u v edge`, a fault of Graphviz's own): laid out again with the
        edges lost so far ranking their nodes (which may lose others: up to _RANKINGS
        times), and failing that, with edges drawn as straight lines, which need no
        routing (`unrouted`, warned of by `result` if kept: they may cross boxes). Its
        edges through boxes are looked for as soon as it is read, if they will be; in a
        first layout to lay out again in place (`_in_place`), the next layout is planned
        and handed to its engine instead (`_plan_ahead`)."""
        then: Callable[[Reading], object] | None = None
        if unranked is not None and self.drawn_from is not None:
            then = self._plan_ahead
        elif unranked is not None and self._crossings_looked_for():
            then = Reading.crossed
        tried = self.dot
        for rankings in range(_RANKINGS + 1):
            try:
                data = _read_meanwhile(layout, unranked, then)
                # (What was drawn: `_uncrossed` and `_in_place` build on it.)
                self.dot, self.unrouted = tried, False
                return data
            except EngineError as error:
                if not error.lost:
                    raise
                self.lost.update(error.lost)
            ranked = ranking(self.dot, self.lost)
            if ranked == tried or rankings == _RANKINGS:  # (the same DOT would fail the same)
                break
            layout, tried = self._again(layout, ranked), ranked
        data = _read_meanwhile(self._again(layout, self.dot, _STRAIGHT), unranked, then)
        self.unrouted = True
        return data

    def _crossings_looked_for(self) -> bool:
        """Whether the drawing is looked at for edges through boxes (`_uncrossed`)."""
        return self.options.format != "json" and (self.grouped or has_unranked(self.dot))

    def _in_place(self, data: bytes) -> bytes:
        """The drawing `data`, or one laid out again with the edges into each node argued
        about by many ending at ports in the order this layout brought them (`dot._ports`).
        In groups, which have no ports in the map's order, their arrowheads met in one heap:
        their ports take them in the order they came in from (`geometry.approaches`), and
        the drawing is kept if fewer of them cross or meet (`geometry.tangles`). Without
        groups, a tail that Graphviz placed out of the map's order (a reason one row lower,
        as it supports another node too) crossed the edges between: their ports take them
        in the order of their tails, kept if Graphviz places fewer out of that order."""
        assert self.layout is not None and self.drawn_from is not None
        svg, plan, self.planned = self.layout.svg, self.planned, None
        with emptied(self.drawn_from[0]):  # (a copy, freed once planned: `emptied`)
            if plan is None or plan.svg is not svg or plan.unrouted != self.unrouted:
                plan = self._plan(svg, self.unrouted)
        orders, self.drawn_from = self.drawn_from[2], None
        if plan.dot is None:
            return data  # (none has fewer)
        layout, first, unrouted = self.layout, self.dot, self.unrouted
        try:
            self.dot = plan.dot
            again = self._laid_out(self._again(layout, plan.dot), not self.grouped)
            svg_again = self.layout.svg
            # (Routed before straight, which cross boxes; then the fewer crossed edges.)
            if self.grouped:
                better = (self.unrouted, tangles(svg_again, orders)) < (unrouted, plan.before)
            else:
                # (Each node's tails in its ports' order now: as the first layout placed
                # them, in the map's order where it placed two alike, as `dot._ports` sorts.)
                centre = plan.centre
                now = (sorted(tails, key=lambda u: centre.get(u, 0.0)) for tails in orders.values())
                disorder = _disorder(now, centres(svg_again, self.style.across))
                better = (self.unrouted, disorder) < (unrouted, plan.before)
            if better:
                return again
        except EngineError:  # (the drawing laid out first stands)
            pass
        self.layout, self.dot, self.unrouted = layout, first, unrouted
        return data

    def _plan(self, svg: bytes, unrouted: bool) -> _InPlace:
        """How `_in_place` lays the drawing out again after the layout `svg`, its edges
        drawn straight (`unrouted`) or not: with no DOT if it does not."""
        assert self.drawn_from is not None
        g, m, orders = self.drawn_from
        across = self.style.across
        centre: dict[str, float] = {}
        if self.grouped:
            if not (before := tangles(svg, orders)) and not unrouted:
                return _InPlace(svg, unrouted, before, None, centre)
            placed = approaches(svg, orders, across)
        else:
            centre = centres(svg, across)
            if not (before := _disorder(orders.values(), centre)):
                return _InPlace(svg, unrouted, before, None, centre)
            placed = {
                (u, v): centre.get(u, 0.0) for u, heads in adjacency(g).items() for v in heads
            }
        # (With the edges Graphviz lost in the first ranking their nodes: `Drawing._laid_out`.)
        style = replace(self.style, placed=placed)
        dot = ranking("".join(dot_pieces(g, m, style, self.cache)), self.lost)
        return _InPlace(svg, unrouted, before, dot, centre)

    def _plan_ahead(self, reading: Reading) -> None:
        """Plan the layout again in place (`_plan`) as soon as the first layout's SVG is
        whole, and hand its DOT to the spare engine, while the first one exits (the builtin
        engine takes 0.9 ms at 100 nodes): the second layout then starts that much sooner.
        Taken for routed: a layout drawn straight is planned again once it is known. (The
        first layout may yet fail, or write on: then the plan and the spare's work are not
        used, and its reading, kept for `_plan`'s readers, is dropped: `_read_meanwhile`.)"""
        assert self.layout is not None
        if self.layout.lost_edges():  # (laid out again with them ranked: `_laid_out`)
            return
        reading.keep(reading.whole)
        self.planned = plan = self._plan(reading.whole, unrouted=False)
        spare = self.spare
        if plan.dot is not None and spare is not None and spare.takes(plan.dot):
            spare.feed([plan.dot[len(spare.fed) :]])

    def _uncrossed(self, data: bytes) -> bytes:
        """The drawing `data`, or one laid out again with fewer edges through other boxes:
        Graphviz routes an edge through another node's box now and then (`_crossing`), an
        edge that does not rank its nodes most often, and routes it around once it does
        (an objection to a claim and to a reason of it, drawn across a sibling's text in
        every direction). Laid out once more, only for a drawing with such an edge, of
        up to _AGAIN_NODES nodes."""
        assert self.layout is not None
        # (A PNG's or Graphviz's PDF's engine wrote the layout's SVG too: see `start`.)
        crossed = crossed_boxes(self.layout.svg, unranked=not self.grouped)
        if not crossed or len(self.spans) > _AGAIN_NODES:
            self._crossing(crossed)
            return data
        ranked = ranking(self.dot, [(tail, head) for tail, head in map(edge_ends, crossed)])
        newly = unranked_edges(self.dot) - unranked_edges(ranked)
        if 0 < newly <= _RANKED_MOST:
            layout, dot, unrouted = self.layout, self.dot, self.unrouted
            try:
                self.dot = ranked
                again = self._laid_out(self._again(layout, ranked), False)
                svg_again = self.layout.svg
                # (Every edge: laid out anew, one that ranks its nodes may cross a box.)
                fewer = crossed_boxes(svg_again)
            except EngineError:  # (the drawing laid out first stands)
                fewer = crossed
            # (Routed before straight; then the fewer edges through boxes.)
            if (self.unrouted, len(fewer)) < (unrouted, len(crossed)):
                data, crossed = again, fewer
            else:
                self.layout, self.dot, self.unrouted = layout, dot, unrouted
        self._crossing(crossed)
        return data

    def _crossing(self, crossed: dict[str, str]) -> None:
        """Warn of the edges that Graphviz routed through another box (`geometry.crossed_boxes`):
        such an edge seems to start or end at the box it crosses. Looked for in drawings
        with groups, where Graphviz does it most (0.14 s at 1,000 nodes, 7% of the render
        of such a drawing), and among the edges that do not rank their nodes, the only
        ones it was seen to route so without groups. Warned of at the first such edge's
        tail."""
        if not crossed:
            return
        edges = list(crossed)
        tail = edge_ends(edges[0])[0]
        arrows = {True: " ↔ ", False: " → "}
        # (A node that both supports and attacks another has two edges to it: `:attack`.)
        named = ", ".join(
            f"`{arrows['<->' in e].join(edge_ends(e))}`{' (its attack)' * e.endswith(':attack')} "
            f"behind `{crossed[e]}`"
            for e in edges[:3]
        )
        more = f" and {counted(len(crossed) - 3, 'other')}" if len(crossed) > 3 else ""
        self.warnings.append(
            Diagnostic(
                "crossed-box",
                Severity.WARNING,
                self.spans.get(tail, Span.point(self.path)),
                f"{counted(len(crossed), 'edge')} of this drawing "
                f"{'passes' if len(crossed) == 1 else 'pass'} behind another node's box "
                f"({named}{more}), and may seem to start or end there: Graphviz's router does "
                + ("this in many drawings with groups" if self.grouped else "this now and then"),
                "draw it with another --direction"
                + ", or without groups (`--group-by none`)" * self.grouped,
            )
        )

    def _again(self, layout: Layout, dot: str, *graph: str, fmt: str | None = None) -> Layout:
        """`layout`'s engine laying out `dot` (with `graph`'s attributes) anew: the drawing's
        engine, for `cancel` to stop, from the moment it starts. A PNG's or a PDF's as SVG
        (`fmt` unless given), a layout to choose among: the one kept is drawn in its format
        once chosen (`result`)."""
        fmt = fmt or _chosen_as(layout)
        spare, self.spare = self.spare, None
        # (Handed the start of its DOT ahead, the spare takes the rest: `_spare`.)
        if spare is not None and not graph and spare.fmt == fmt and spare.takes(dot):
            self.layout = spare
        else:
            if spare is not None:
                spare.cancel()
            self.layout = layout.launched.launch(fmt, *graph)
        if not self.layout.fed_whole:  # (else handed all of it ahead: `_plan_ahead`)
            self.layout.feed([dot[len(self.layout.fed) :]])
        return self.layout

    def _spare(self, layout: Layout) -> None:
        """Start an engine for the next layout while `layout` is laid out, which the engine
        does on its own processor: a second layout then waits for no process to start
        (0.4 ms of a 100-node map's 13 outside the engine). It is handed the start of
        the next DOT, where that is this one's (its nodes have the same ports, in another
        order: `dot.DotCache`): the next layout then waits only for the rest to be built
        and handed over (1 ms less of a 100-node map's 14). None if it cannot start: the
        next layout starts its own, and says why if it cannot either."""
        with suppress(EngineError):
            self.spare = layout.launched.launch(_chosen_as(layout))
        if self.spare is not None:
            self.spare.feed_ahead(self.cache.next_start())

    def cancel(self) -> None:
        """Stop the engine if it is still running (a no-op once the result is in)."""
        for layout in (self.layout, self.spare):
            if layout is not None:
                layout.cancel()


def _read_meanwhile(
    layout: Layout, unranked: bool | None, then: Callable[[Reading], object] | None
) -> bytes:
    """`layout`'s result, its SVG read (`unranked` or not; None: not) while the engine
    writes it and exits (and, once whole, `then` done with it: `Reading`), and kept for
    the next reader once judged a drawing."""
    reading = None if unranked is None else Reading(unranked, then)
    try:
        data = layout.result(reading)
    except BaseException:
        if reading is not None:
            reading.keep(None)  # (no drawing: not kept, if kept ahead by `then`)
        raise
    if reading is not None:
        reading.keep(layout.svg)
    return data


@dataclass(frozen=True, slots=True)
class _InPlace:
    """How a drawing is laid out again in place (`Drawing._in_place`), after the layout
    `svg`, drawn straight (`unrouted`) or not, which had `before` edges crossed or met:
    with the DOT `dot` (None: not laid out again); without groups, where that layout placed
    each node (`centre`)."""

    svg: bytes
    unrouted: bool
    before: int
    dot: str | None
    centre: dict[str, float]


def _chosen_as(layout: Layout) -> str:
    """The format `layout`'s drawing is laid out again in: SVG for a PNG's or a PDF's,
    laid out to choose among (`Drawing._again`), else its own."""
    return "svg" if layout.with_svg else layout.fmt


def _longest_span(g: Graph) -> int:
    """How many rows the longest edge of `g` runs across, at least: by the nodes' levels
    below the claims, and for a cycle of nodes (which need not lead to a claim), the edge
    that closes it, back across the rows of the others. (Two nodes that argue with each
    other are drawn as one edge: no cycle.)"""
    level = levels(g, roots(g))
    spans = (abs(level[u] - level[v]) for u, v in g.edges() if u in level and v in level)
    one_way = nx.DiGraph((u, v) for u, v in g.edges() if u < v or not g.has_edge(v, u))
    cycles = (len(nodes) - 1 for nodes in nx.strongly_connected_components(one_way))
    return max(itertools.chain(spans, cycles), default=0)


def _disorder(orders: Iterable[list[str]], placed: Mapping[str, float]) -> int:
    """How many pairs of the tails in `orders` (each node's, in its ports' order) a layout
    `placed` the other way round: each such pair's edges cross."""
    return sum(
        placed.get(one, 0.0) > placed.get(other, 0.0)
        for tails in orders
        for i, one in enumerate(tails)
        for other in tails[i + 1 :]
    )


# The formats the engine draws (a PNG, Graphviz's own PDF) rather than writes out: their
# layouts are read, and chosen among, as SVG.
_PICTURES = ("png", "pdf")


def _engine_format(options: RenderOptions) -> str:
    """What the engine writes: argmap converts SVG to PDF itself, unless told to use the
    system's Graphviz."""
    return "svg" if options.format == "pdf" and options.engine != "system" else options.format


def start(options: RenderOptions | None = None) -> Drawing:
    """A rendering with `options`: the format checked and the layout engine started, ahead
    of the map, so that its start-up overlaps loading the map. Raises RenderError."""
    options = options or RenderOptions()
    if options.format not in FORMATS:
        raise RenderError(f"unknown format `{options.format}`; choose {', '.join(FORMATS)}")
    _checked(options)
    if options.format == "dot":
        return Drawing(options)
    fmt = _engine_format(options)
    try:
        engine = select(options.engine, fmt)
    except EngineError as error:  # a missing engine: what to install (exit 2, as for usage)
        raise OptionError(str(error)) from error
    try:
        # A PNG, or Graphviz's own PDF, with the SVG of its layout, which `_crossing` reads.
        layout = engine.launch(fmt, svg=fmt in _PICTURES)
        return Drawing(options, layout, to_pdf=fmt != options.format)
    except EngineError as error:
        raise RenderError(str(error)) from error


def render(m: Map, options: RenderOptions | None = None) -> bytes:
    """The map drawn in `options.format`. Raises RenderError with a message for the user."""
    return drawn(m, options)[0]


def drawn(m: Map, options: RenderOptions | None = None) -> tuple[bytes, list[Diagnostic]]:
    """`render`, and the warnings of what the drawing lacks (`Drawing.warnings`)."""
    drawing = start(options)
    try:
        drawing.draw(m)
        return drawing.result(), drawing.warnings
    finally:
        drawing.cancel()
