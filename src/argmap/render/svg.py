"""The engine's SVG, finished for viewers whose fonts are not the engine's."""

from __future__ import annotations

import re

from argmap.render.theme import SVG_FONTS

# The engines name the one font in each text's `font-family`; a viewer without it takes one
# as wide (theme.SVG_FONTS), named once in a style sheet, whose rules come before such
# attributes (the least of a document's styles). The attributes replaced, 4,008 of them at
# 1,000 nodes, took 1.3 ms and 72 KB. (Of the drawing's own texts: an SVG put inside a web
# page gives the page its style sheet. Its `type`, which SVG 1.1 asks for.)
_FONTS = f'<style type="text/css">#_map text {{font-family: {SVG_FONTS}}}</style>\n'.encode()
# A greyscale theme's drawing shown in greys whole: an emoji, in a viewer's colour font,
# stayed in colour.
_GREYS = b' style="filter: grayscale(1)"'
_START = re.compile(rb"<svg\b[^>]*>\n?")  # (the root's start)
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
    return _edited(svg)


def _edited(svg: bytes, sheet: bytes = b"", root: bytes = b"") -> bytes:
    """`svg` with its title centred (`centred_title`), and after its start the style sheet
    `sheet` and the `root` element's own attributes, if given. One copy: a drawing of
    1,000 nodes is 2 MB, and slicing and adding copied it three times (2.6 ms, against
    the 0.4 ms of one copy)."""
    pieces: list[bytes | memoryview] = []
    done = 0  # (what of `svg` the pieces hold)
    if (sheet or root) and (start := _START.search(svg)):
        pieces += [svg[: start.start() + 4], root, svg[start.start() + 4 : start.end()], sheet]
        done = start.end()
    graph = _GRAPH.search(svg, done)
    corners = _CORNERS.search(svg, graph.start(), graph.end()) if graph else None
    if graph is not None and corners is not None:
        xs = [float(point.split(b",")[0]) for point in corners[1].split()]
        middle = f'text-anchor="middle" x="{(min(xs) + max(xs)) / 2:.2f}"'.encode()
        pieces += [svg[done : graph.start()], _FROM_LEFT.sub(middle, graph[0])]
        done = graph.end()
    return b"".join([*pieces, memoryview(svg)[done:]]) if pieces else svg


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
    `right_aligned`), and, for a `greyscale` theme, shown in greys whole."""
    finished = _edited(svg, _FONTS, _GREYS if greyscale else b"")
    return right_aligned(finished, names_at_right) if right_to_left else finished
