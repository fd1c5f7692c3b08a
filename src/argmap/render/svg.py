"""The engine's SVG, finished for viewers whose fonts are not the engine's."""

from __future__ import annotations

import re

from argmap.render.theme import FONT, SVG_FONTS

# The engines name the one font; a viewer without it takes one as wide (theme.SVG_FONTS).
_FONT_ATTRIBUTE = f'font-family="{FONT}"'.encode()
_FONTS_ATTRIBUTE = f'font-family="{SVG_FONTS}"'.encode()
# The graph's own element: its background's corners, then the title's lines. An HTML-like
# label's lines are placed from their left end by the engine's measure of the text.
_GRAPH = re.compile(rb'<g id="a__map">.*?</g>', re.S)
_CORNERS = re.compile(rb'<polygon [^>]*?points="([^"]*)"')
_FROM_LEFT = re.compile(rb'text-anchor="start" x="[^"]*"')


def centred_title(svg: bytes) -> bytes:
    """`svg` with the map's title centred by the viewer's own measure of it. Placed by the
    engine's, a title in a font the viewer draws narrower or wider (Arabic, or a viewer
    without the engine's font) sat off centre: 80 points, in a browser, for an Arabic one.
    The title is centred on the drawing, as the engine centres a graph's label."""
    graph = _GRAPH.search(svg)
    corners = _CORNERS.search(svg, graph.start(), graph.end()) if graph else None
    if graph is None or corners is None:
        return svg
    xs = [float(point.split(b",")[0]) for point in corners[1].split()]
    middle = f'text-anchor="middle" x="{(min(xs) + max(xs)) / 2:.2f}"'.encode()
    title = _FROM_LEFT.sub(middle, graph[0])
    # One copy of the rest: a drawing of 1,000 nodes is 2 MB, and slicing and adding
    # copied it three times (2.6 ms, against the 0.4 ms of one copy).
    return b"".join((svg[: graph.start()], title, memoryview(svg)[graph.end() :]))


# In the engine's order: a group's start (a node's, a group of nodes', or not), a shape (a
# node's first is its box, a group's its frame), and the start of a line of right-to-left
# text (in dot._escaped's isolate, U+2067, after a list item's hanging indent).
_PARTS = re.compile(
    rb'<g id="[^"]*" class="(node|cluster)?'
    rb'|<(?:path|polygon) [^>]*?(?:d|points)="([^"]*)"'
    rb'|text-anchor="start" x="([^"]*)"(?=[^>]*>(?: |&#160;)*\xe2\x81\xa7)'
)
_X = re.compile(rb"(-?[\d.]+),-?[\d.]")
_NAME_INSET = 8.0  # points from a group's frame to the side of its name, as Graphviz sets it


def right_aligned(svg: bytes, names_at_right: bool = True) -> bytes:
    """`svg` with each line of right-to-left text in a node starting at the box's right,
    as far in from it as the lines start from its left, and read from there: aligned
    left, Arabic and Hebrew were ragged at the start of every line. Likewise the lines of
    a group's name, if `names_at_right` (the frame's corner the engine puts it at), which
    ended 30 to 70 points short of it. (The engine cannot align them: it places lines by
    its own measure of the text, wider than a browser draws Arabic.)"""
    pieces, done = [], 0
    kind, box = None, None  # box: the node's shape's (or group's frame's) left and right
    for part in _PARTS.finditer(svg):
        if part[0].startswith(b"<g"):
            kind, box = part[1], None
        elif part[2] is not None:
            if kind and box is None and (xs := [float(x) for x in _X.findall(part[2])]):
                box = min(xs), max(xs)
        elif box is not None:
            if kind == b"node":
                start = box[1] - (float(part[3]) - box[0])
            elif names_at_right:
                start = box[1] - _NAME_INSET
            else:  # (at the left corner, it starts there)
                continue
            pieces += [
                svg[done : part.start()],
                b'direction="rtl" text-anchor="start" x="%.2f"' % start,
            ]
            done = part.end()
    return b"".join([*pieces, memoryview(svg)[done:]])


def for_viewers(
    svg: bytes, right_to_left: bool, greyscale: bool = False, names_at_right: bool = True
) -> bytes:
    """The SVG a browser or an editor is given: the title centred, fonts to fall back on,
    right-to-left lines aligned right if it has some (`right_to_left`: asked of the DOT,
    in 0.03 ms, where looking through 2 MB of SVG took 1.3; `names_at_right`: see
    `right_aligned`), and, for a `greyscale` theme, shown in greys whole (an emoji, in a
    viewer's colour font, stayed in colour)."""
    finished = centred_title(svg).replace(_FONT_ATTRIBUTE, _FONTS_ATTRIBUTE)
    if greyscale:
        finished = finished.replace(b"<svg ", b'<svg style="filter: grayscale(1)" ', 1)
    return right_aligned(finished, names_at_right) if right_to_left else finished
