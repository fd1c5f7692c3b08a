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


def for_viewers(svg: bytes) -> bytes:
    """The SVG a browser or an editor is given: the title centred, and fonts to fall back
    on."""
    return centred_title(svg.replace(_FONT_ATTRIBUTE, _FONTS_ATTRIBUTE))
