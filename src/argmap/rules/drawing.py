"""Rules that `argmap render` reports while drawing: what a drawing cannot show."""

from __future__ import annotations

from argmap.diagnostics import Severity
from argmap.rules.base import Rule

RULES = [
    Rule(
        "cut-text",
        Severity.WARNING,
        "A PNG or PDF shows a node's text cut short.",
        "A node's label shows at most 12 lines of its text, wrapped at `--wrap` characters "
        "(36 unless set); the rest is left out, with `…` at the end. An SVG keeps the whole "
        "text in the node's tooltip, but a PNG or a PDF has no tooltips, so the rest is not "
        "in the file at all. Reported by `argmap render` for PNG and PDF, at the first node "
        "cut. Widen the lines, shorten the text (the `long-text` rule of `argmap check` "
        "warns of long texts), or render SVG.",
        "",
        "",
        drawing=True,
    ),
    Rule(
        "unrouted-edges",
        Severity.WARNING,
        "Graphviz could not route the drawing's edges around its boxes: they are straight.",
        "Graphviz's edge router fails on some drawings, mostly ones with groups "
        "(`--group-by`): it reports an edge as lost and leaves it out. argmap then lays "
        "the map out again with the lost edges ranking their nodes, which mends most; "
        "when that fails too, it draws every edge as a straight line from box to box, which "
        "needs no routing, so that no edge is left out. Such lines may cross other boxes. "
        "Reported by `argmap render`. Another direction (`--direction LR`), another "
        "grouping or none usually routes cleanly.",
        "",
        "",
        drawing=True,
    ),
    Rule(
        "crossed-box",
        Severity.WARNING,
        "An edge of the drawing runs through another node's box.",
        "Graphviz's edge router draws an edge through a box that is not one of its ends in "
        "many drawings with groups (`--group-by`), and now and then without: the edge "
        "then seems to start or end at the box it crosses, which misreads the debate. "
        "Boxes are drawn over the edges, so that such an edge passes behind the box rather "
        "than across its text (it has no arrowhead or bar there). argmap looks "
        "at every edge of the SVG the engine lays out with groups (for a PNG or PDF, the SVG "
        "of the same layout), and without groups at each edge that ranks no node (an "
        "objection to a claim and to a reason of it: its edge to the reason). Where such an "
        "edge, which ranks no node, crosses a box, the drawing (of up to 1,000 nodes, with "
        "up to 16 such edges: more are a tangle that ranking does not undo) is laid out once "
        "more with it ranking its nodes, which routes it around, and kept if fewer edges "
        "cross. The edges that still cross a box are named, each with the box "
        "it crosses. Reported by `argmap render` for SVG, PNG and PDF, at the first such "
        "edge's tail. "
        "Another direction (`--direction LR`), another grouping or none usually routes "
        "cleanly.",
        "",
        "",
        drawing=True,
    ),
    Rule(
        "scaled-png",
        Severity.WARNING,
        "A PNG is scaled down to fit 16,320 pixels a side.",
        "A PNG is at most 16,320 pixels a side (170 inches at 96 dots an inch): a larger "
        "drawing, such as a map of a thousand nodes side by side, is scaled down to fit, "
        "and its text may then be too small to read. Reported by `argmap render` for PNG, "
        "with the PNG's size. Render SVG or PDF, which keep the full size, or draw part of "
        "the map with `--focus ID --depth N`.",
        "",
        "",
        drawing=True,
    ),
    Rule(
        "no-groups",
        Severity.WARNING,
        "Grouping (`--group-by`, or `group-by` under `render`) draws no group.",
        "`--group-by actor|source|tag` draws a box around the nodes of each actor, source "
        "or tag. When no node in the drawing has what it groups by (no `by`, no `source`, "
        "no `tags`; with `--focus`, none of the nodes drawn), there is no group to draw and "
        "the drawing looks as it would without grouping. Nor is there when grouping would "
        "draw more than 500 groups (a tag for each node, say): Graphviz takes hundreds of "
        "megabytes of "
        "memory for so many frames, which no one could read, and the drawing is drawn "
        "without them. Reported by `argmap render`. Give the nodes what they are to be "
        "grouped by, or group by something they have fewer of.",
        "",
        "",
        drawing=True,
    ),
    Rule(
        "pdf-font",
        Severity.WARNING,
        "A PDF that argmap draws itself cannot show some of the map's letters.",
        "A PDF that argmap draws itself (with svglib and reportlab) sets its text in Arimo, "
        "a font argmap brings, which has the letters of Latin, Greek, Cyrillic and Hebrew "
        "scripts but not Arabic, Indic, Thai, Chinese, Japanese, Korean or emoji: they "
        "show as boxes, as in the builtin engine's PNG. Reported by `argmap render` "
        "for PDF, at the first text that has such "
        "letters (a node's, or an actor's name); render SVG, or the PDF with "
        "`--engine system` (Graphviz with the machine's fonts). Ignore it where the "
        "missing letters do not matter.",
        "",
        "",
        drawing=True,
    ),
    Rule(
        "png-font",
        Severity.WARNING,
        "A PNG drawn by the builtin engine cannot show some of the map's letters.",
        "The builtin engine draws a PNG's text in a font of its own, Arimo, which has the "
        "letters of Latin, Greek, Cyrillic and Hebrew scripts but not Arabic, Indic, Thai, "
        "Chinese, Japanese, Korean or emoji: they would show as boxes. Reported by "
        "`argmap render` for PNG, at the first text that has such letters (a node's, or an "
        "actor's name); render SVG "
        "(drawn by its viewer with the machine's fonts), or the PNG with `--engine system` "
        "(Graphviz with the machine's fonts). Ignore it where the boxes do not matter.",
        "",
        "",
        drawing=True,
    ),
]
