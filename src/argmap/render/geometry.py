"""Where the engine's SVG lays things out: each node's place along its rank, the edges that
Graphviz routed through another node's box, and where the edges into a node come in and
whether they cross or meet on the way."""

from __future__ import annotations

import html
import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator
from typing import NamedTuple

from argmap.printable import clipped, printable
from argmap.render.dot import UNRANKED

# A node's or an edge's group; in it, its first shape: a node's box, an edge's path (from
# its tail's box to its head's, a chain of cubic Bézier curves: `M p C p p p p p p ...`),
# whose numbers are read once its commas and commands are spaces.
_GROUP = re.compile(rb'<g id="([^"]*)" class="(node|edge)([^"]*)"')
_SHAPE = re.compile(rb'<(?:path|polygon) [^>]*?(?:d|points)="([^"]*)"')
_SPACED = bytes.maketrans(b",MC", b"   ")
_UNRANKED = UNRANKED.encode()
_INSIDE = 2.0  # points by which a curve must be inside a box to cross it, not graze it
# Points: the width of the bands boxes are looked up by (`_Bands`), down and across. Boxes
# are wider than tall: each is in as many bands down as 400 points hold (a claim 1,000 points
# wide was in ten of 100, and making all the bands of 1,000 nodes took 5.2 ms, then 3.7).
_CELLS = (400.0, 100.0)
_FLAT = 0.5  # points: how far a straight piece a curve is tried as may be from it
# (The curve is within _FLAT of a piece: in by _INSIDE at least if the piece is in by
# as much more.)
_IN = _INSIDE + _FLAT
_DEEPEST = 16  # times a curve is halved, at most (a curve of 65,000 points in 1-point pieces)
# Bytes a group's start tag (`_GROUP`) takes at most: an edge's, with two ids of `spec.MAX_ID`
# characters, each `-` written `&#45;`, and its classes.
_TAG_MOST = 2**16


_ARROW = re.compile(r"<?->")  # (in an edge's id: `tail->head`, or `a<->b`, drawn as one)


def edge_ends(edge: str) -> list[str]:
    """The ids of the two nodes an edge of the SVG joins, from its id: `tail->head`, and
    `a<->b` for two that argue with each other, with `:attack` after it for the second
    edge between two nodes."""
    return _ARROW.split(edge.split(":")[0], maxsplit=1)


def _shapes(
    svg: bytes | bytearray, unranked: bool, groups: list[re.Match[bytes]], stops: list[int]
) -> Iterator[tuple[str, bool, list[float], list[float]]]:
    """Each node's id among the `groups` of the engine's SVG (each ending by its stop), and
    each edge's (with `unranked`, of those that do not rank their nodes only), whether it is
    a node, and the xs and ys of its first shape's points."""
    for group, stop in zip(groups, stops, strict=True):
        node = group[2] == b"node"
        if not node and unranked and _UNRANKED not in group[3].split():
            continue  # (its curve not read: most edges rank their nodes)
        shape = _SHAPE.search(svg, group.end(), stop)
        if shape is None:
            continue
        numbers = _numbers(shape[1])
        if numbers is None:
            raise ValueError(f"`{_shown(group[1])}` is drawn at `{_shown(shape[1])}`")
        name = group[1].decode("utf-8")
        yield html.unescape(name) if "&" in name else name, node, numbers[0::2], numbers[1::2]


def _numbers(points: bytes) -> list[float] | None:
    """The numbers of a shape's points (`x,y x,y`, or a path's `M x,y C x,y ...`); None if
    one is not a number, or is none a drawing has a place for (`nan`, `inf`)."""
    try:
        numbers = list(map(float, points.translate(_SPACED).split()))
    except ValueError:
        return None
    return numbers if math.isfinite(sum(numbers)) else None


def _shown(written: bytes) -> str:
    """What an engine wrote, as a message quotes it: its start, printable."""
    return printable(clipped(written.decode("utf-8", "replace"), 40))


def centres(svg: bytes, across: bool = False) -> dict[str, float]:
    """Where the engine's SVG places each node along its rank: its box's centre, from the
    left, or from the top if the ranks run `across` (drawn LR or RL). (Read as
    `crossed_boxes` reads a drawing without groups, which it is read for next: read once.)"""
    side = 1 if across else 0
    return {name: (box[side] + box[side + 2]) / 2 for name, box in _read(svg, True)[0].items()}


Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom


Laid = tuple[dict[str, Box], list[tuple[str, list[Point]]]]
# The layouts read last (a first and a second: `forget`), each found by its SVG itself, not
# its value: hashing 2 MB of it took 0.5 ms at 1,000 nodes.
_READ: list[Reading] = []


def _read(svg: bytes, unranked: bool) -> Laid:
    """Each node's box in the engine's SVG, and each edge's id and the points of its curve
    (with `unranked`, of the edges that do not rank their nodes only: `_shapes`), but for
    the edges of argmap's own legend (their ids start with `_`, as no map's can:
    `dot.dot_pieces`). Kept for the next reader, who must not change them: a layout laid
    out again in groups is read by three (25 ms each at 1,000 nodes)."""
    reading = _reading(svg, unranked)
    return reading.boxes, reading.edges


def _reading(svg: bytes, unranked: bool) -> Reading:
    """The layout `svg` read (`_read`), as kept, or read now and kept."""
    for reading in _READ:
        if reading.whole is svg and reading.unranked == unranked:
            return reading
    reading = _laid(svg, unranked)
    _READ[:] = [*_READ[-1:], reading]
    return reading


class Unreadable(ValueError):
    """An engine's drawing whose shapes are not where numbers say (a `dot` that is not
    Graphviz, or a broken one), once judged a drawing."""


def _laid(svg: bytes, unranked: bool) -> Reading:
    """What `_reading` reads: `svg`, whole. Unreadable if it is no drawing."""
    reading = Reading(unranked)
    try:
        reading.more(svg, whole=True)
    except ValueError as error:  # (a number that is none, bytes that are not UTF-8)
        raise Unreadable(str(error)) from error
    reading.whole = svg
    return reading


class Reading:
    """A layout read as the engine writes its SVG (`Layout.result`), for the reader that
    comes next (`_read`): each group once whole, as the next has begun. The system `dot`
    writes 2 MB of SVG over 30 ms at 1,000 nodes, and the builtin engine takes 5 to exit
    once it has written it (freeing its memory): the reading, as long, is done by then.
    Not yet judged a drawing, what it reads may be none: then it is left to `_read`.
    `then` is done with it once it is whole, while the engine exits (its edges through
    boxes looked for, `crossed`, say): the system `dot` exits 2.3 ms after the last of its
    SVG at 1,000 nodes, the builtin engine 0.9 ms after all of it at 100 (read in 0.7)."""

    def __init__(self, unranked: bool, then: Callable[[Reading], object] | None = None) -> None:
        self.unranked, self.then = unranked, then
        self.boxes: dict[str, Box] = {}
        self.edges: list[tuple[str, list[Point]]] = []
        self.at = 0  # where the first group not read yet starts
        self.failed = False  # what the engine wrote is no drawing (`__call__`)
        self.whole = b""  # the SVG read whole
        self.crossings: dict[str, str] | None = None  # once looked for (`crossed`)

    def more(self, svg: bytes | bytearray, whole: bool = False) -> None:
        """Read the groups of `svg`, what the engine has written so far, that are whole:
        all of them if the SVG is `whole`, else all but the last begun."""
        groups = list(_GROUP.finditer(svg, self.at))
        if groups and not whole:
            self.at = groups.pop().start()
        elif not whole:  # (none yet, where one whole would be found: not looked at again)
            self.at = max(self.at, len(svg) - _TAG_MOST)
        stops = [group.start() for group in groups[1:]] + [self.at if not whole else len(svg)]
        for name, node, xs, ys in _shapes(svg, self.unranked, groups, stops[: len(groups)]):
            if node and xs:
                self.boxes[name] = (min(xs), min(ys), max(xs), max(ys))
            elif not node and len(xs) >= 4 and not name.startswith("_"):
                self.edges.append((name, list(zip(xs, ys, strict=False))))

    def __call__(self, svg: bytes | bytearray, whole: bool) -> None:
        """`more`, as the engine writes (`Layout.result`). What it wrote may be no drawing
        (a number that is none, bytes that are not UTF-8): then it is left to `_read`, once
        judged one."""
        if self.failed:
            return
        try:
            self.more(svg, whole)
        except ValueError:
            self.failed = True
            return
        if whole:
            self.whole = bytes(svg)
            then, self.then = self.then, None  # (done once; a drawing's method held no more)
            if then is not None:
                then(self)

    def keep(self, svg: bytes | None) -> None:
        """Keep what was read for `_read`, if it is `svg` read whole: the engine's output
        once judged a drawing; else (None: no drawing) drop it, if kept ahead by `then`.
        (Not a layout that failed after its SVG, Graphviz's lost edge, nor one that wrote
        on after it: kept, it pushed out a reading still wanted.)"""
        kept = self in _READ
        if svg is not None and self.whole is svg:
            if not kept:
                _READ[:] = [*_READ[-1:], self]
        elif kept:
            _READ.remove(self)

    def crossed(self) -> dict[str, str]:
        """`crossed_boxes` of the layout read, looked for once."""
        if self.crossings is None:
            self.crossings = _crossed(self.boxes, self.edges)
        return self.crossings


def forget() -> None:
    """Drop the layouts read (`_read`): a drawing's are not wanted once it is done, and a
    worker or `watch` would hold two to the end (some 40 MB each at 20,000 edges)."""
    _READ.clear()


def crossed_boxes(svg: bytes, unranked: bool = False) -> dict[str, str]:
    """The ids of the edges whose curve runs through a box other than its ends', in the
    engine's SVG, each with the first such box's node: Graphviz's router does so now and
    then in a drawing with groups, and the edge then seems to come from, or go to, the box
    it crosses. With `unranked`, of the edges that do not rank their nodes only (class
    `unranked`), where it does so in a drawing without groups."""
    return _reading(svg, unranked).crossed()


def _crossed(laid: dict[str, Box], edges: list[tuple[str, list[Point]]]) -> dict[str, str]:
    """`crossed_boxes` of the boxes and edges of a layout read."""
    names, boxes = list(laid), list(laid.values())  # (each box's node)
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
    """The boxes in one band of _CELLS points (`_Bands`), in order of where they start
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


class _BandsBy(dict[int, _Band | None]):
    """The bands of the boxes numbered `inside` by their sides `by` and `by` + 2 (across
    them), each made when first looked in: the edges that rank no node, of a 1,000-node
    drawing, were looked for in 28 of the 262 bands down it, and making all of the bands
    took 3.7 ms."""

    def __init__(
        self, boxes: list[tuple[float, float, float, float]], inside: list[int], by: int
    ) -> None:
        self.boxes, self.by = boxes, by
        cell = _CELLS[by]
        self.order = sorted(inside, key=lambda i: boxes[i][by])  # (where each starts across)
        # The first band and the last each box lies in, in that order.
        self.first = [int(boxes[i][by] // cell) for i in self.order]
        self.last = [int(boxes[i][by + 2] // cell) for i in self.order]
        self.most = max((b - a for a, b in zip(self.first, self.last, strict=True)), default=0)

    def __missing__(self, band: int) -> _Band | None:
        """The boxes in `band` (None if none), made once, then found as a dict finds them."""
        self[band] = made = self._band(band)
        return made

    def _band(self, band: int) -> _Band | None:
        boxes, by, order, last = self.boxes, self.by, self.order, self.last
        along = 1 - by
        # (Those that start at most `most` bands before it, and reach it.)
        since, until = bisect_left(self.first, band - self.most), bisect_right(self.first, band)
        members = [order[j] for j in range(since, until) if last[j] >= band]
        if not members:
            return None
        ids = sorted(members, key=lambda i: boxes[i][along])
        runs: tuple[list[float], list[float]] = ([], [])
        for i in members:  # (in order across)
            start, end = boxes[i][by] + _IN, boxes[i][by + 2] - _IN
            if runs[1] and start <= runs[1][-1]:  # (within the last run: it goes on)
                runs[1][-1] = max(runs[1][-1], end)
            else:
                runs[0].append(start)
                runs[1].append(end)
        longest = max(boxes[i][along + 2] - boxes[i][along] for i in ids)
        return _Band([boxes[i][along] for i in ids], ids, longest, *runs)


class _Bands:
    """Boxes looked up by the bands of _CELLS points they lie in, across (rows) and down
    (columns), each band's boxes in order of where they start: a piece of a curve is
    looked up in the bands across its shorter extent, so that a straight piece 100,000
    points long (an edge across a drawing with groups) costs one band, not a thousand
    squares."""

    def __init__(self, boxes: list[tuple[float, float, float, float]]) -> None:
        self.boxes = boxes
        # (A box less than 2 _IN across has no inside to cross, and a run of it would end
        # before it starts.)
        inside = [i for i, (x0, y0, x1, y1) in enumerate(boxes) if min(x1 - x0, y1 - y0) > 2 * _IN]
        self.rows = _BandsBy(boxes, inside, 1)
        self.columns = _BandsBy(boxes, inside, 0)

    def _near(self, left: float, top: float, right: float, bottom: float) -> list[int]:
        """The boxes to look at for those whose inside overlaps the rectangle: in the bands
        across its shorter side, each band's boxes that start along it before the
        rectangle's end and within its longest box before its start (some more than once,
        in several bands)."""
        across = right - left >= bottom - top
        bands, low, high = (self.rows, top, bottom) if across else (self.columns, left, right)
        start, end = (left, right) if across else (top, bottom)
        cell = _CELLS[across]
        near: list[int] = []
        for band in range(int(low // cell), int(high // cell) + 1):
            if (found := bands[band]) and found.covers(low, high):
                starts = found.starts
                near += found.ids[
                    bisect_left(starts, start - found.longest) : bisect_right(starts, end)
                ]
        return near

    def overlaps_other(
        self, left: float, top: float, right: float, bottom: float, ends: Collection[int]
    ) -> bool:
        """Whether a box not among `ends` has its inside (_IN points in from its edges)
        overlap the rectangle. (Asked of each piece of a curve, most near their own ends'
        boxes alone: one look, no set of those found.)"""
        boxes = self.boxes
        for i in self._near(left, top, right, bottom):
            x0, y0, x1, y1 = boxes[i]
            if (
                x0 + _IN < right
                and x1 - _IN > left
                and y0 + _IN < bottom
                and y1 - _IN > top
                and i not in ends
            ):
                return True
        return False

    def crossed(self, chord: tuple[float, float, float, float]) -> Iterator[int]:
        """The boxes that the straight `chord` runs into, _INSIDE points in from their
        edges at least: along the whole piece, not at its ends alone (points, eight to a
        curve, missed a curve that cut 9 points into a box's corner)."""
        x0, y0, x1, y1 = chord
        xs, ys = sorted((x0, x1)), sorted((y0, y1))
        for i in set(self._near(xs[0], ys[0], xs[1], ys[1])):
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
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve
        left, right = min(x0, x1, x2, x3), max(x0, x1, x2, x3)
        if not index.overlaps_other(left, min(y0, y1, y2, y3), right, max(y0, y1, y2, y3), ends):
            continue
        if depth < _DEEPEST and not _flat(curve):
            first, second = _halves(curve)
            stack += [(second, depth + 1), (first, depth + 1)]
        else:
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


def _flat(curve: _Curve, within: float = _FLAT) -> bool:
    """Whether the cubic's inner control points lie `within` points of the line between
    its ends: the curve, inside their hull, is then as close to that line."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve
    length = math.hypot(x3 - x0, y3 - y0)
    if length == 0:
        return max(math.hypot(x1 - x0, y1 - y0), math.hypot(x2 - x0, y2 - y0)) <= within
    off = max(
        abs((x3 - x0) * (y0 - y1) - (x0 - x1) * (y3 - y0)),
        abs((x3 - x0) * (y0 - y2) - (x0 - x2) * (y3 - y0)),
    )
    # (And between the ends: a control point on the line beyond one takes the curve there.)
    along = (
        (x1 - x0) * (x3 - x0) + (y1 - y0) * (y3 - y0),
        (x2 - x0) * (x3 - x0) + (y2 - y0) * (y3 - y0),
    )
    # (The square as `along` works it out: a control point at an end, as Graphviz writes a
    # straight piece, is then at it exactly, where `length * length` rounded past it.)
    square = (x3 - x0) * (x3 - x0) + (y3 - y0) * (y3 - y0)
    return off <= within * length and all(0 <= a <= square for a in along)


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


# Points off a head's box, on its tails' side, at which the edges into it are seen coming
# in (`approaches`): half the gap between two rows drawn down.
_APPROACH = 18.0
_ROUGH = 1.0  # points: how far the straight pieces `tangles` takes a curve as may be from it
_NEAR = 12.0  # points: ends of two edges at one node this close meet (their arrowheads touch)


def approaches(
    svg: bytes, heads: Collection[str], across: bool = False
) -> dict[tuple[str, str], float]:
    """Where each edge into a node of `heads` comes in (by its ends' ids): along the rank
    (from the left, or from the top if the ranks run `across`), where its curve crosses the line
    _APPROACH points off the head's box on the tail's side. Without ports, the edges into
    a node met at one point; ports in the order they came in from take them in without
    crossing, where the order of their tails did not: a tail a row lower comes in round
    the boxes between, and a tail far to one side may come in past another's."""
    boxes, edges = _read(svg, False)
    along, rank = (1, 0) if across else (0, 1)
    found: dict[tuple[str, str], float] = {}
    for name, points in edges:
        ends = edge_ends(name)
        if "<->" in name or len(ends) != 2 or ends[1] not in heads:
            continue  # (a pair drawn as one line ends at no port: `dot._ports`)
        tail, head = ends
        if tail not in boxes or head not in boxes:
            continue
        low, high = boxes[head][rank], boxes[head][rank + 2]
        centre = (boxes[tail][rank] + boxes[tail][rank + 2]) / 2
        if low <= centre <= high:
            continue  # (within its head's rank: ends at no port)
        line = high + _APPROACH if centre > high else low - _APPROACH
        path = _polyline(points)
        if _end_at(path, boxes[head]) is path[0]:
            path.reverse()
        found[tail, head] = next(
            (
                p[along] + (line - p[rank]) / (q[rank] - p[rank]) * (q[along] - p[along])
                for q, p in itertools.pairwise(reversed(path))
                if (p[rank] - line) * (q[rank] - line) <= 0 and p[rank] != q[rank]
            ),
            path[0][along],  # (a tail nearer than the line: where it starts)
        )
    return found


def tangles(svg: bytes, heads: Collection[str]) -> int:
    """How many pairs of the edges into a node of `heads`, in the engine's SVG, cross each
    other on the way in or meet with their arrowheads on one another: what ports along a
    node's side are for. (Edges cross near a node as they part: within _NEAR points of
    the boxes of their ends, not counted.)"""
    boxes, edges = _read(svg, False)
    into: dict[str, list[tuple[list[str], list[tuple[Point, Point, Box]], Box]]] = {}
    for name, points in edges:
        ends = edge_ends(name)
        for node in ends if "<->" in name else ends[1:]:
            if node in heads and node in boxes:
                path = _polyline(points)
                pieces = [(a, b, _around([a, b])) for a, b in itertools.pairwise(path)]
                into.setdefault(node, []).append((ends, pieces, _around(path)))
    tangled = 0
    for head, arriving in into.items():
        arrows = [_end_at([pieces[0][0], pieces[-1][1]], boxes[head]) for _, pieces, _ in arriving]
        for i, j in itertools.combinations(range(len(arriving)), 2):
            (ends, pieces, _), (others, other, around) = arriving[i], arriving[j]
            shared = [boxes[n] for n in set(ends) & set(others) if n in boxes]
            tangled += math.dist(arrows[i], arrows[j]) < _NEAR or any(
                all(_off(point, box) >= _NEAR for box in shared)
                for a, b, near in pieces
                if _meets(near, around)  # (most pieces lie apart but the last)
                for c, d, far in other
                if _meets(near, far) and (point := _crossing(a, b, c, d)) is not None
            )
    return tangled


def _around(points: list[Point]) -> Box:
    """The rectangle around the points."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _meets(one: Box, other: Box) -> bool:
    """Whether two rectangles overlap or touch."""
    return one[0] <= other[2] and other[0] <= one[2] and one[1] <= other[3] and other[1] <= one[3]


def _off(point: Point, box: Box) -> float:
    """How far the point is from the box (0 within it)."""
    return math.hypot(
        max(box[0] - point[0], 0.0, point[0] - box[2]),
        max(box[1] - point[1], 0.0, point[1] - box[3]),
    )


def _end_at(path: list[Point], box: Box) -> Point:
    """The end of the path at the box: the nearer (a curve drawn back, as a diff draws
    one, starts at its head)."""
    return min(path[0], path[-1], key=lambda end: _off(end, box))


def _crossing(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    """Where the straight pieces from `a` to `b` and from `c` to `d` cross (None if they
    do not, or only touch)."""

    def side(o: Point, p: Point, q: Point) -> float:
        return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])

    at_a, at_b = side(c, d, a), side(c, d, b)
    if at_a * at_b >= 0 or side(a, b, c) * side(a, b, d) >= 0:
        return None
    share = at_a / (at_a - at_b)  # (how far along a-b: its ends lie on either side of c-d)
    return a[0] + share * (b[0] - a[0]), a[1] + share * (b[1] - a[1])


def _polyline(points: list[Point]) -> list[Point]:
    """A chain of cubic Bézier curves as the ends of straight pieces within _ROUGH points
    of it."""
    line = [points[0]]
    for i in range(0, len(points) - 3, 3):
        stack: list[tuple[_Curve, int]] = [
            ((points[i], points[i + 1], points[i + 2], points[i + 3]), 0)
        ]
        while stack:
            curve, depth = stack.pop()
            if depth < _DEEPEST and not _flat(curve, _ROUGH):
                first, second = _halves(curve)
                stack += [(second, depth + 1), (first, depth + 1)]
            else:
                line.append(curve[3])
    return line
