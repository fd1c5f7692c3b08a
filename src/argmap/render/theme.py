"""How a map looks: one style per kind of node and per relation, in three themes.

Kinds and relations differ by shape, border and line style and arrowhead as well as by
colour, so that a map reads in greyscale and for colour-blind readers. The colours are the
Okabe-Ito palette, chosen to stay distinct under the common colour-vision deficiencies."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model import Kind, Relation


@dataclass(frozen=True, slots=True)
class NodeStyle:
    style: str  # Graphviz node style: the border tells the kind without colour
    penwidth: str
    fill: str
    border: str
    header: str  # colour of the small kind name at the top of each node


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    style: str
    arrowhead: str
    colour: str
    penwidth: str


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str  # actor names, legend frame
    nodes: dict[Kind, NodeStyle]
    edges: dict[Relation, EdgeStyle]
    # The fill and text of what a diff shows as removed: dim, yet readable; unfilled (the
    # page's colour), as a fill of its own vanished on a group's shade.
    faded: tuple[str, str]
    # A group's frame (`--group-by`): a shaded area with a thin grey border; in print, the
    # border alone, as the shade hid an objection's grey fill. Dashed and rounded, as it
    # was, it looked like a rebuttal's border, in print most of all.
    group: tuple[str, str]  # fill, border
    marks: dict[str, str]  # a diff's border colours: added, removed, changed

    @property
    def greyscale(self) -> bool:
        """Whether the theme is all greys (print): a viewer draws emoji in colour, which
        the SVG is then told to show grey too."""
        return self.name == "print"


# An SVG is drawn by its viewer with the viewer's fonts. The layout engines measure its
# text in DejaVu Sans, and it asks for that or for Verdana, whose letters are as wide
# (Windows and macOS have Verdana, most Linux systems DejaVu), so that the text fits its
# box wherever it is opened. Measured as Helvetica, text spilled out of its box on systems
# without a font as narrow, such as Debian with Chromium.
FONT = "DejaVu Sans"
SVG_FONTS = "DejaVu Sans,Verdana,sans-serif"
# PNG and PDF are drawn by argmap's own tools: graphviz-pure with fonts of its own, a
# Helvetica among them (Arimo, whose letters are as wide) but no DejaVu Sans; and
# reportlab, in the Arimo that argmap brings (render/pdf-font), named as such so that
# svglib takes it rather than its standard Helvetica. The engines measure both alike.
DRAWN_FONT = "Helvetica"
PDF_FONT_FAMILY = "Arimo"

# Borders: claim thick and rounded, reason plain, objection with cut corners (diagonals),
# rebuttal rounded and dashed. Edges: support solid with a filled arrow, attack dashed with
# a bar ("tee"): the picture reads without colour.
_SHAPES = {
    Kind.CLAIM: ("rounded,filled,bold", "2.5"),
    Kind.REASON: ("filled", "1.2"),
    Kind.OBJECTION: ("filled,diagonals", "1.2"),
    Kind.REBUTTAL: ("rounded,filled,dashed", "1.4"),
}
_LINES = {Relation.SUPPORT: ("solid", "normal", "1.4"), Relation.ATTACK: ("dashed", "tee", "1.4")}

# Okabe-Ito: blue, bluish green, vermillion, reddish purple.
_INK = {
    Kind.CLAIM: "#0072B2",
    Kind.REASON: "#009E73",
    Kind.OBJECTION: "#D55E00",
    Kind.REBUTTAL: "#CC79A7",
}
_LIGHT_FILL = {
    Kind.CLAIM: "#E3F0FA",
    Kind.REASON: "#E0F5EE",
    Kind.OBJECTION: "#FBE9DD",
    Kind.REBUTTAL: "#F8EAF2",
}
_DARK_FILL = {
    Kind.CLAIM: "#0B2A40",
    Kind.REASON: "#0A3329",
    Kind.OBJECTION: "#40200A",
    Kind.REBUTTAL: "#3B2231",
}
_DARK_INK = {
    Kind.CLAIM: "#56B4E9",
    Kind.REASON: "#2FC79A",
    Kind.OBJECTION: "#F0884A",
    Kind.REBUTTAL: "#E3A3C7",
}
# The kind names, small type on the fills: each ink darkened (lightened, on dark fills)
# until it reads at 4.5:1 (WCAG AA) on its fill and on every standing fill of `evaluate`.
# The inks themselves, on the light fills, were 2.6:1 to 4.5:1.
_LIGHT_HEADER = {
    Kind.CLAIM: "#005D92",
    Kind.REASON: "#00654A",
    Kind.OBJECTION: "#914000",
    Kind.REBUTTAL: "#7A4964",
}
_DARK_HEADER = {
    Kind.CLAIM: "#87CAEF",
    Kind.REASON: "#63D5B3",
    Kind.OBJECTION: "#F5B38B",
    Kind.REBUTTAL: "#E7B2D0",
}
_GREY_FILL = {
    Kind.CLAIM: "#E6E6E6",
    Kind.REASON: "#FFFFFF",
    Kind.OBJECTION: "#F2F2F2",
    Kind.REBUTTAL: "#FFFFFF",
}
_EDGE_KIND = {Relation.SUPPORT: Kind.REASON, Relation.ATTACK: Kind.OBJECTION}


def _theme(
    name: str,
    background: str,
    text: str,
    muted: str,
    fills: dict[Kind, str],
    inks: dict[Kind, str],
    headers: dict[Kind, str],
    faded: tuple[str, str],
    group: tuple[str, str],
    marks: dict[str, str],
) -> Theme:
    nodes = {
        kind: NodeStyle(style, width, fills[kind], inks[kind], headers[kind])
        for kind, (style, width) in _SHAPES.items()
    }
    edges = {
        relation: EdgeStyle(style, head, inks[_EDGE_KIND[relation]], width)
        for relation, (style, head, width) in _LINES.items()
    }
    return Theme(name, background, text, muted, nodes, edges, faded, group, marks)


# What a diff marks, as diffs do: green added, red removed (drawn faded), amber changed; in
# print, black, light grey and mid grey (each also named above its text: REASON · ADDED).
_MARKS = {"added": "#1A9850", "removed": "#D73027", "changed": "#E6A100"}


THEMES = {
    "light": _theme(
        "light",
        "#FFFFFF",
        "#1A1A1A",
        "#555555",
        _LIGHT_FILL,
        _INK,
        _LIGHT_HEADER,
        ("#FFFFFF", "#666666"),
        ("#F5F5F5", "#C8C8C8"),
        _MARKS,
    ),
    "dark": _theme(
        "dark",
        "#111418",
        "#E8E8E8",
        "#C4C4C4",  # 4.5:1 on every fill, for the actor names
        _DARK_FILL,
        _DARK_INK,
        _DARK_HEADER,
        ("#111418", "#9CA3AB"),
        ("#1A1E24", "#3A4149"),
        _MARKS,
    ),
    "print": _theme(
        "print",
        "#FFFFFF",
        "#000000",
        "#444444",
        _GREY_FILL,
        dict.fromkeys(Kind, "#000000"),
        dict.fromkeys(Kind, "#000000"),
        ("#FFFFFF", "#555555"),
        ("#FFFFFF", "#9E9E9E"),
        {"added": "#000000", "removed": "#A6A6A6", "changed": "#707070"},
    ),
}

# Evaluated maps: the fill says where a node stands (the same words as `argmap evaluate`;
# contested, in some extensions and not others, a lavender: a blue was a claim's own fill),
# and the label says it too, so that it reads without colour.
STANDING_FILLS = {
    "light": {"in": "#BFE8CF", "out": "#F6C3BC", "undec": "#F7E3A1", "contested": "#DDCBF4"},
    "dark": {"in": "#1F5A3A", "out": "#6A2A24", "undec": "#5E4E17", "contested": "#4A3470"},
    "print": {"in": "#FFFFFF", "out": "#BDBDBD", "undec": "#E6E6E6", "contested": "#D3D3D3"},
}
STANDING = {  # an evaluation's status -> the fill it takes, in the legend's order
    "in": "in",
    "accepted": "in",
    "contested": "contested",  # in some extensions: neither accepted nor undecided
    "out": "out",
    "rejected": "out",
    "undec": "undec",
    "undecided": "undec",
    "no extension": "undec",
}


# A score of 0.5, neither way: a grey, from which scores go towards "out" or "in".
_SCORE_MIDDLE = {"light": "#F2F2F2", "dark": "#30353B"}


def score_fill(theme: str, score: float) -> str:
    """A fill for a score from 0 to 1: from the theme's "out" colour through a grey at 0.5
    to its "in" colour, so that how far a score is from 0.5 shows as how strong its colour
    is (a straight mix of the two made every middling score the same beige). In print,
    from grey to white."""
    low, high = STANDING_FILLS[theme]["out"], STANDING_FILLS[theme]["in"]
    if theme not in _SCORE_MIDDLE:
        return _mix(low, high, score)
    return _mix(_SCORE_MIDDLE[theme], high if score >= 0.5 else low, abs(score - 0.5) * 2)


def _mix(start: str, end: str, share: float) -> str:
    """The colour `share` of the way from `start` to `end` (#RRGGBB)."""
    mix = [
        round(int(start[i : i + 2], 16) * (1 - share) + int(end[i : i + 2], 16) * share)
        for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{c:02X}" for c in mix)
