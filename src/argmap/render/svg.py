"""The engine's SVG, finished for viewers whose fonts are not the engine's."""

from __future__ import annotations

import html
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from argmap.render.dot import UNRANKED
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


# A node's or an edge's group; in it, its first shape: a node's box, an edge's path (from
# its tail's box to its head's, a chain of cubic Bézier curves: `M p C p p p p p p ...`),
# whose numbers are read once its commas and commands are spaces.
_GROUP = re.compile(rb'<g id="([^"]*)" class="(node|edge)([^"]*)"')
_SHAPE = re.compile(rb'<(?:path|polygon) [^>]*?(?:d|points)="([^"]*)"')
_SPACED = bytes.maketrans(b",MC", b"   ")
_UNRANKED = UNRANKED.encode()
_INSIDE = 2.0  # points by which a curve must be inside a box to cross it, not graze it
_CELL = 100.0  # points: the width of the bands boxes are looked up by
_FLAT = 0.5  # points: how far a straight piece a curve is tried as may be from it
# (The curve is within _FLAT of a piece: in by _INSIDE at least if the piece is in by
# as much more.)
_IN = _INSIDE + _FLAT
_DEEPEST = 16  # times a curve is halved, at most (a curve of 65,000 points in 1-point pieces)


_ARROW = re.compile(r"<?->")  # (in an edge's id: `tail->head`, or `a<->b`, drawn as one)


def edge_ends(edge: str) -> list[str]:
    """The ids of the two nodes an edge of the SVG joins, from its id: `tail->head`, and
    `a<->b` for two that argue with each other, with `:attack` after it for the second
    edge between two nodes."""
    return _ARROW.split(edge.split(":")[0], maxsplit=1)


def _shapes(
    svg: bytes, edges: bool = True, unranked: bool = False
) -> Iterator[tuple[str, bool, list[float], list[float]]]:
    """Each node's id in the engine's SVG, and each edge's (with `edges`; with `unranked`,
    of those that do not rank their nodes only), whether it is a node, and the xs and ys
    of its first shape's points."""
    groups = list(_GROUP.finditer(svg))
    stops = [group.start() for group in groups[1:]] + [len(svg)]  # (one more if none)
    for group, stop in zip(groups, stops, strict=False):
        node = group[2] == b"node"
        if not node and (not edges or (unranked and _UNRANKED not in group[3].split())):
            continue  # (its curve not read: most edges rank their nodes)
        shape = _SHAPE.search(svg, group.end(), stop)
        if shape is None:
            continue
        numbers = [float(n) for n in shape[1].translate(_SPACED).split()]
        name = group[1].decode("utf-8")
        yield html.unescape(name) if "&" in name else name, node, numbers[0::2], numbers[1::2]


def centres(svg: bytes, across: bool = False) -> dict[str, float]:
    """Where the engine's SVG places each node along its rank: its box's centre, from the
    left, or from the top if the ranks run `across` (drawn LR or RL)."""
    return {
        name: (min(along) + max(along)) / 2
        for name, node, xs, ys in _shapes(svg, edges=False)
        if (along := ys if across else xs)
    }


def crossed_boxes(svg: bytes, unranked: bool = False) -> dict[str, str]:
    """The ids of the edges whose curve runs through a box other than its ends', in the
    engine's SVG, each with the first such box's node: Graphviz's router does so now and
    then in a drawing with groups, and the edge then seems to come from, or go to, the box
    it crosses. With `unranked`, of the edges that do not rank their nodes only (class
    `unranked`), where it does so in a drawing without groups."""
    boxes: list[tuple[float, float, float, float]] = []
    names: list[str] = []  # each box's node
    edges: list[tuple[str, list[tuple[float, float]]]] = []
    for name, node, xs, ys in _shapes(svg, unranked=unranked):
        if node and xs:
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
            names.append(name)
        elif not node and len(xs) >= 4:
            edges.append((name, list(zip(xs, ys, strict=False))))
    index, box = _Bands(boxes), {node: i for i, node in enumerate(names)}
    crossed = {}
    for name, points in edges:
        ends = edge_ends(name)
        chords = _chords(points, index, [box[end] for end in ends if end in box])
        through = (names[i] for chord in chords for i in index.crossed(chord))
        if (other := next((node for node in through if node not in ends), None)) is not None:
            crossed[name] = other
    return crossed


class _Band(NamedTuple):
    """The boxes in one band of _CELL points (`_Bands`), in order of where they start
    along it."""

    starts: list[float]  # along the band
    ids: list[int]  # the boxes' numbers
    longest: float  # the longest box's length along the band
    # Where the boxes' insides lie across the band, merged into runs, in order: a piece of
    # a curve in a gap between them (between two rows of boxes, the most common case by
    # far) meets none, found without a look at each box in the band.
    covered_from: list[float]
    covered_to: list[float]

    def covers(self, low: float, high: float) -> bool:
        """Whether a box's inside overlaps the stretch from `low` to `high` across."""
        run = bisect_left(self.covered_from, high) - 1
        return run >= 0 and self.covered_to[run] > low


class _Bands:
    """Boxes looked up by the bands of _CELL points they lie in, across (rows) and down
    (columns), each band's boxes in order of where they start: a piece of a curve is
    looked up in the bands across its shorter extent, so that a straight piece 100,000
    points long (an edge across a drawing with groups) costs one band, not a thousand
    squares."""

    def __init__(self, boxes: list[tuple[float, float, float, float]]) -> None:
        self.boxes = boxes
        # (A box less than 2 _IN across has no inside to cross, and a run of it would end
        # before it starts.)
        inside = [i for i, (x0, y0, x1, y1) in enumerate(boxes) if min(x1 - x0, y1 - y0) > 2 * _IN]
        self.rows = self._bands(boxes, inside, 1, 0)
        self.columns = self._bands(boxes, inside, 0, 1)

    @staticmethod
    def _bands(
        boxes: list[tuple[float, float, float, float]], inside: list[int], by: int, along: int
    ) -> dict[int, _Band]:
        """The bands of the boxes numbered `inside`, by their sides `by` and `by` + 2, and
        along the other two."""
        found: dict[int, tuple[list[float], list[int], list[float]]] = {}
        for i in sorted(inside, key=lambda i: boxes[i][along]):  # (bands in order)
            box = boxes[i]
            start, length = box[along], box[along + 2] - box[along]
            for band in range(int(box[by] // _CELL), int(box[by + 2] // _CELL) + 1):
                if (entries := found.get(band)) is None:
                    found[band] = entries = ([], [], [0.0])
                entries[0].append(start)
                entries[1].append(i)
                entries[2][0] = max(entries[2][0], length)
        covered: dict[int, tuple[list[float], list[float]]] = {}
        for i in sorted(inside, key=lambda i: boxes[i][by]):  # (runs in order)
            box = boxes[i]
            low, high = box[by] + _IN, box[by + 2] - _IN
            for band in range(int(box[by] // _CELL), int(box[by + 2] // _CELL) + 1):
                runs = covered.setdefault(band, ([], []))
                if runs[1] and low <= runs[1][-1]:  # (within the last run: it goes on)
                    runs[1][-1] = max(runs[1][-1], high)
                else:
                    runs[0].append(low)
                    runs[1].append(high)
        return {
            band: _Band(starts, ids, longest, *covered[band])
            for band, (starts, ids, [longest]) in found.items()
        }

    def overlapping(self, left: float, top: float, right: float, bottom: float) -> Iterator[int]:
        """The boxes whose inside (_IN points in from their edges) overlaps the rectangle,
        looked up in the bands across its shorter side."""
        seen: set[int] = set()
        across = right - left >= bottom - top
        bands, low, high = (self.rows, top, bottom) if across else (self.columns, left, right)
        start, end = (left, right) if across else (top, bottom)
        for band in range(int(low // _CELL), int(high // _CELL) + 1):
            if (found := bands.get(band)) and found.covers(low, high):
                starts, ids, longest = found.starts, found.ids, found.longest
                for i in ids[bisect_left(starts, start - longest) : bisect_right(starts, end)]:
                    x0, y0, x1, y1 = self.boxes[i]
                    inside = x0 + _IN < right and x1 - _IN > left
                    if i not in seen and inside and y0 + _IN < bottom and y1 - _IN > top:
                        seen.add(i)
                        yield i

    def crossed(self, chord: tuple[float, float, float, float]) -> Iterator[int]:
        """The boxes that the straight `chord` runs into, _INSIDE points in from their
        edges at least: along the whole piece, not at its ends alone (points, eight to a
        curve, missed a curve that cut 9 points into a box's corner)."""
        x0, y0, x1, y1 = chord
        across = abs(x1 - x0) >= abs(y1 - y0)
        bands, low, high = (self.rows, y0, y1) if across else (self.columns, x0, x1)
        start, end = (x0, x1) if across else (y0, y1)
        start, end = min(start, end), max(start, end)
        near: set[int] = set()
        low, high = min(low, high), max(low, high)
        for band in range(int(low // _CELL), int(high // _CELL) + 1):
            if (found := bands.get(band)) and found.covers(low, high):
                starts, ids, longest = found.starts, found.ids, found.longest
                near.update(ids[bisect_left(starts, start - longest) : bisect_right(starts, end)])
        xs, ys = sorted((x0, x1)), sorted((y0, y1))
        for i in near:
            left, top, right, bottom = self.boxes[i]
            inner = (left + _IN, top + _IN, right - _IN, bottom - _IN)
            # (Most boxes near a piece are beside it: passed over before the test.)
            if (
                inner[0] < xs[1]
                and inner[2] > xs[0]
                and inner[1] < ys[1]
                and inner[3] > ys[0]
                and _runs_into(chord, inner)
            ):
                yield i


_Curve = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


def _chords(
    points: list[tuple[float, float]], index: _Bands, ends: list[int]
) -> Iterator[tuple[float, float, float, float]]:
    """A chain of cubic Bézier curves as straight pieces within _FLAT points of it, where
    a box other than its `ends` is near: a curve lies within its points' hull, so one
    whose hull overlaps no other box is passed over whole (most of most edges)."""
    stack: list[tuple[_Curve, int]] = [
        ((points[i], points[i + 1], points[i + 2], points[i + 3]), 0)
        for i in range(len(points) - 4, -1, -3)
    ]
    while stack:
        curve, depth = stack.pop()
        xs, ys = [x for x, _ in curve], [y for _, y in curve]
        near = index.overlapping(min(xs), min(ys), max(xs), max(ys))
        if all(i in ends for i in near):
            continue
        if depth < _DEEPEST and not _flat(curve):
            first, second = _halves(curve)
            stack += [(second, depth + 1), (first, depth + 1)]
        else:
            (x0, y0), _, _, (x3, y3) = curve
            yield x0, y0, x3, y3


def _halves(curve: _Curve) -> tuple[_Curve, _Curve]:
    """The curve's two halves (de Casteljau)."""
    p0, p1, p2, p3 = curve
    a, b, c = _middle(p0, p1), _middle(p1, p2), _middle(p2, p3)
    d, e = _middle(a, b), _middle(b, c)
    m = _middle(d, e)
    return (p0, a, d, m), (m, e, c, p3)


def _middle(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float]:
    return (p[0] + q[0]) / 2, (p[1] + q[1]) / 2


def _flat(curve: _Curve) -> bool:
    """Whether the cubic's inner control points lie within _FLAT points of the line
    between its ends: the curve, inside their hull, is then as close to that line."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve
    length = math.hypot(x3 - x0, y3 - y0)
    if length == 0:
        return max(math.hypot(x1 - x0, y1 - y0), math.hypot(x2 - x0, y2 - y0)) <= _FLAT
    off = max(
        abs((x3 - x0) * (y0 - y1) - (x0 - x1) * (y3 - y0)),
        abs((x3 - x0) * (y0 - y2) - (x0 - x2) * (y3 - y0)),
    )
    # (And between the ends: a control point on the line beyond one takes the curve there.)
    along = (
        (x1 - x0) * (x3 - x0) + (y1 - y0) * (y3 - y0),
        (x2 - x0) * (x3 - x0) + (y2 - y0) * (y3 - y0),
    )
    return off <= _FLAT * length and all(0 <= a <= length * length for a in along)


def _runs_into(
    segment: tuple[float, float, float, float], box: tuple[float, float, float, float]
) -> bool:
    """Whether the straight segment runs into the box (Liang-Barsky: the part of the
    segment between each pair of the box's sides, narrowed in turn, is left)."""
    x0, y0, x1, y1 = segment
    left, top, right, bottom = box
    low, high = 0.0, 1.0
    for delta, start, least, most in ((x1 - x0, x0, left, right), (y1 - y0, y0, top, bottom)):
        if delta == 0:
            if not least < start < most:
                return False
            continue
        enter, leave = sorted(((least - start) / delta, (most - start) / delta))
        low, high = max(low, enter), min(high, leave)
        if low >= high:
            return False
    return True
