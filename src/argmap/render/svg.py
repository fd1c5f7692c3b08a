"""The engine's SVG, finished for viewers whose fonts are not the engine's."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

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


# In the engine's order: a group's start (a node's, or not), a shape (a node's first is its
# box), and the start of a line of right-to-left text (in dot._escaped's isolate, U+2067,
# after a list item's hanging indent).
_PARTS = re.compile(
    rb'<g id="[^"]*" class="(node)?'
    rb'|<(?:path|polygon) [^>]*?(?:d|points)="([^"]*)"'
    rb'|text-anchor="start" x="([^"]*)"(?=[^>]*>(?: |&#160;)*\xe2\x81\xa7)'
)
_X = re.compile(rb"(-?[\d.]+),-?[\d.]")


def right_aligned(svg: bytes) -> bytes:
    """`svg` with each line of right-to-left text in a node starting at the box's right,
    as far in from it as the lines start from its left, and read from there: aligned
    left, Arabic and Hebrew were ragged at the start of every line. (The engine cannot
    align them: it places lines by its own measure of the text, wider than a browser
    draws Arabic.)"""
    pieces, done = [], 0
    in_node, box = False, None  # box: the node's shape's left and right
    for part in _PARTS.finditer(svg):
        if part[0].startswith(b"<g"):
            in_node, box = part[1] is not None, None
        elif part[2] is not None:
            if in_node and box is None and (xs := [float(x) for x in _X.findall(part[2])]):
                box = min(xs), max(xs)
        elif box is not None:
            start = box[1] - (float(part[3]) - box[0])
            pieces += [
                svg[done : part.start()],
                b'direction="rtl" text-anchor="start" x="%.2f"' % start,
            ]
            done = part.end()
    return b"".join([*pieces, memoryview(svg)[done:]])


def for_viewers(svg: bytes, right_to_left: bool) -> bytes:
    """The SVG a browser or an editor is given: the title centred, fonts to fall back on,
    and right-to-left lines aligned right if it has some (`right_to_left`: asked of the
    DOT, in 0.03 ms, where looking through 2 MB of SVG took 1.3)."""
    finished = centred_title(svg).replace(_FONT_ATTRIBUTE, _FONTS_ATTRIBUTE)
    return right_aligned(finished) if right_to_left else finished


# A node's or an edge's group, then its first shape: a node's box, an edge's path (from
# its tail's box to its head's, a chain of cubic Bézier curves: `M p C p p p p p p ...`).
_SHAPES = re.compile(
    rb'<g id="([^"]*)" class="(node|edge)'
    rb'|<(?:path|polygon) [^>]*?(?:d|points)="([^"]*)"'
)
_POINT = re.compile(rb"(-?[\d.]+),(-?[\d.]+)")
_INSIDE = 2.0  # points by which a curve must be inside a box to cross it, not graze it
_CELL = 100.0  # points: the side of the squares boxes are looked up by


def crossed_boxes(svg: bytes) -> list[str]:
    """The ids of the edges whose curve runs through a box other than its ends', in the
    engine's SVG: Graphviz's router does so now and then in a drawing with groups, and
    the edge then seems to come from, or go to, the box it crosses."""
    boxes: list[tuple[float, float, float, float]] = []
    names: list[str] = []  # each box's node
    edges: list[tuple[str, list[tuple[float, float]]]] = []
    kind, name = b"", ""
    for part in _SHAPES.finditer(svg):
        if part[1] is not None:
            kind, name = part[2], html.unescape(part[1].decode("utf-8"))
            continue
        points = [(float(x), float(y)) for x, y in _POINT.findall(part[3])]
        if kind == b"node" and points:
            xs, ys = [x for x, _ in points], [y for _, y in points]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
            names.append(name)
        elif kind == b"edge" and len(points) >= 4:
            edges.append((name, points))
        kind = b""  # (a group's first shape only)
    cells: dict[tuple[int, int], list[int]] = {}
    for i, (left, top, right, bottom) in enumerate(boxes):
        for cx in range(int(left // _CELL), int(right // _CELL) + 1):
            for cy in range(int(top // _CELL), int(bottom // _CELL) + 1):
                cells.setdefault((cx, cy), []).append(i)
    crossed = []
    for name, points in edges:
        ends = name.split(":")[0].split("->", 1)  # `tail->head`, `tail->head:attack`
        if any(names[i] not in ends for p in _along(points) for i in _boxes_at(p, boxes, cells)):
            crossed.append(name)
    return crossed


def _along(points: list[tuple[float, float]]) -> Iterator[tuple[float, float]]:
    """Points along a chain of cubic Bézier curves, eight to each."""
    for i in range(0, len(points) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[i : i + 4]
        for step in range(1, 9):
            t = step / 8
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            yield a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3


def _boxes_at(
    point: tuple[float, float],
    boxes: list[tuple[float, float, float, float]],
    cells: dict[tuple[int, int], list[int]],
) -> Iterator[int]:
    """The boxes that hold `point`, _INSIDE points in from their edges at least."""
    x, y = point
    for i in cells.get((int(x // _CELL), int(y // _CELL)), ()):
        left, top, right, bottom = boxes[i]
        if left + _INSIDE < x < right - _INSIDE and top + _INSIDE < y < bottom - _INSIDE:
            yield i
