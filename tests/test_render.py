"""Rendering: golden DOT and SVG, escaping of hostile text, engines, options."""

from __future__ import annotations

import dataclasses
import html
import itertools
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import graphviz
import networkx as nx
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.characters import ascii_url
from argmap.checker import check_loaded
from argmap.config import Settings
from argmap.diagnostics import Severity
from argmap.graph import build_graph, neighbourhood
from argmap.loader import load, loads
from argmap.model import Kind, Map
from argmap.render import (
    Drawing,
    OptionError,
    RenderError,
    RenderOptions,
    drawn,
    engines,
    geometry,
    options_for,
    render,
    start,
)
from argmap.render.batch import Job, run_one
from argmap.render.dot import (
    _PLAIN_ID,
    GROUPS,
    PORTED,
    PORTED_MOST,
    STAGGER_COLUMN,
    STAGGER_MAX_NODES,
    DotCache,
    DotOptions,
    _attr_list,
    _edge_text,
    _plain,
    _quote,
    _text,
    build_dot,
    dot_pieces,
    ported,
    ranking,
)
from argmap.render.engines import (
    _PIPE_BYTES,
    Engine,
    EngineError,
    Layout,
    _spare_processor,
    select,
)
from argmap.render.geometry import Reading, approaches, centres, tangles
from argmap.render.pdf import links, svg_to_pdf
from argmap.render.theme import STANDING_FILLS, THEMES, score_fill
from argmap.text import (
    _BREAKING_SPACE,
    _PARAGRAPH,
    MAX_LINES,
    _has_break,
    _paragraphs,
    _words,
    balanced_lines,
    columns,
    in_quotes,
    listed,
    pieces,
    shorten,
    shown_lines,
    wrap_lines,
    wrap_paragraphs,
)
from argmap.text import fill as fill_lines
from conftest import DATA, SEED


@pytest.fixture(autouse=True)
def _layouts_forgotten() -> Iterator[None]:
    """Each test starts with no layout read (`geometry._READ`): one a test read directly,
    with no render to forget it, was found by the next (whose `_READ == []` then failed,
    run in another order)."""
    geometry.forget()
    yield
    geometry.forget()


EVERY = DATA / "good" / "every-feature.yaml"
HOSTILE = DATA / "render" / "hostile.yaml"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def load_map(path: Path) -> Map:
    loaded = load(path)
    assert loaded.map is not None
    return loaded.map


def dot_of(m: Map, **overrides: object) -> str:
    options = options_for(m, RenderOptions(), dict(overrides))
    return build_dot(build_graph(m), m, options.dot)


@pytest.mark.parametrize("path", [SEED, EVERY], ids=lambda p: p.stem)
def test_dot_golden(path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    golden(f"render/{path.stem}.dot", dot_of(load_map(path)))


def test_builtin_svg_golden(golden) -> None:  # type: ignore[no-untyped-def]
    """The builtin engine gives the same bytes on every machine: that is what --check needs."""
    golden("render/circular-firing-squad.svg", render(load_map(SEED)).decode("utf-8"))


ALLOWED_ELEMENTS = {"svg", "g", "title", "polygon", "path", "polyline", "ellipse", "text", "a"}
_STYLE_SHEET = "#_map text {font-family: DejaVu Sans,Verdana,sans-serif}"


def safe_svg(svg: bytes, link: str) -> ET.Element:
    """The parsed SVG, once shown to be well-formed, with only the elements Graphviz draws,
    no event handlers, and links only to `link`."""
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    # argmap's own style sheet, first, and no other (`svg._FONTS`): the map's text has none.
    sheets = [e for e in root.iter() if e.tag == f"{SVG}style"]
    assert all(e is root[0] and e.text == _STYLE_SHEET for e in sheets), sheets
    for element in root.iter():
        assert element.tag.removeprefix(SVG) in {*ALLOWED_ELEMENTS, "style"}, element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name == f"{XLINK}href":
                assert value.startswith(link), value
    return root


def test_hostile_text_cannot_inject() -> None:
    svg = render(load_map(HOSTILE))
    root = safe_svg(svg, "https://example.org/?q=")
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "<script>alert('xss')</script>" in texts  # shown as text, not run
    assert '"]; a -> b [color=red]; c' in texts
    # A backslash escape is shown as written, not expanded (nor with a zero-width space,
    # which came along when a reader copied it), and so is a backslash that makes none.
    assert "and \\N, C:\\dir\\temp" in texts
    assert "\u202e" not in svg.decode("utf-8")  # no bidi override survives
    assert "\x85" not in svg.decode("utf-8")  # nor a C1 control character
    assert "pwned" not in "".join(root.itertext()).replace("[label=pwned]", "")
    titles = [a.get(f"{XLINK}title", "") for a in root.iter(f"{SVG}a")]
    assert any("and \\N, C:\\dir\\temp" in t for t in titles)
    assert any("<img src=x onerror=alert(1)>" in t for t in titles)  # tooltip kept as text
    assert "…" in texts  # the 5,000-character text is cut in the label
    assert "&#1; c &#xFFFE; d &#x1b;[31m e &#xD800; f &#34; g" in " ".join(titles)  # as text
    assert "\ufffe" not in svg.decode("utf-8")  # nor a non-character
    assert any(t.startswith("subgraph") for t in titles)  # a keyword is quoted, not DOT
    assert svg_to_pdf(svg).startswith(b"%PDF")
    # The map's title is the document's, for a browser's tab and a PDF viewer.
    heading = root.find(f"{SVG}g/{SVG}title")
    assert heading is not None
    assert heading.text == 'Title "]; evil -> x [label=pwned]; <script>alert(1)</script> &amp; {}'
    seed = svg_to_pdf(render(load_map(SEED)))
    assert b"/Title (MoveOn isn't backing off)" in seed
    assert b"/Subject (Party leaders warn progressive groups" in seed  # (the summary)


# Text, with now and then what has broken DOT or SVG before: character references,
# keywords with a final newline, non-characters, backslash escapes.
FRAGMENTS = ["&#1;", "&#xD800;", "&amp;", "&", "graph\n", "edge", "\ufffe", "\\N", '"', "<b>", "\\"]
TEXT = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=["Cs"]), max_size=20), st.sampled_from(FRAGMENTS)
    ),
    min_size=1,
    max_size=5,
).map("".join)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries(
        {"title": TEXT, "text": TEXT, "quote": TEXT, "name": TEXT, "source": TEXT, "url": TEXT},
    ),
    st.lists(TEXT, max_size=3),
    st.sampled_from([None, *GROUPS]),
)
@example(
    {"title": "0\n\n0", **dict.fromkeys(("text", "quote", "name", "source", "url"), "0")}, [], None
)
def test_any_map_that_passes_the_check_renders_safely(
    texts: dict[str, str], tags: list[str], group_by: str | None
) -> None:
    """Whatever text a valid map holds, in whichever field, the engine accepts the DOT and
    the SVG is safe (an empty <B></B> from a title of control characters was a crash)."""
    document = {
        "argmap": 1,
        "title": texts["title"],
        "summary": texts["quote"],
        "actors": {"a": {"name": texts["name"]}},
        "sources": {"s": {"title": texts["source"], "url": "https://x.org/" + texts["url"]}},
        "claims": {"c": {"text": texts["text"], "by": "a", "source": "s", "tags": tags}},
        "reasons": {"r": {"text": texts["quote"], "quote": texts["quote"], "supports": "c"}},
    }
    loaded = loads(yaml.safe_dump(document, allow_unicode=True), "fuzz.yaml")
    if loaded.map is None or any(
        d.severity is Severity.ERROR for d in check_loaded(loaded, Settings())
    ):
        return  # not drawn: `render` refuses maps with errors
    svg = render(loaded.map, RenderOptions(dot=DotOptions(group_by=group_by)))
    root = safe_svg(svg, "https://x.org/")
    assert root.find(f".//{SVG}g[@id='c']") is not None


def test_a_title_that_shows_nothing_is_drawn_without_one() -> None:
    """The loader refuses such a title; a map built in code still renders."""
    svg = render(replace(load_map(SEED), title="\u202e\x1b"))
    assert ET.fromstring(svg).find(f".//{SVG}g[@id='keep-targeting']") is not None


@pytest.mark.parametrize("group_by", [None, "actor"])
def test_claims_share_the_top_rank_even_when_one_attacks_another(group_by: str | None) -> None:
    """A rival claim that attacks the main one was drawn a rank below it; an objection on
    a cycle with a claim could sit above it. Claims are drawn together, at the top, in
    groups too (with them the rival claim, with fewer arguments under it, went down)."""
    text = """argmap: 1
title: Rival claims
claims:
  ban: {text: Ban children from social media., by: a}
  design: {text: Make platforms safe by design instead., attacks: ban, by: b}
reasons:
  harm: {text: Heavy use harms sleep., supports: ban, by: a}
  deeper: {text: Sleep matters for learning., supports: harm, by: a}
objections:
  evasion: {text: Teenagers get round bans., attacks: design, by: a}
  loop: {text: This objection and the claim attack each other., attacks: ban, by: b}
rebuttals:
  answer: {text: The ban answers the loop., attacks: loop, by: a}
"""
    m = loads(text).map
    assert m is not None
    root = ET.fromstring(render(m, RenderOptions(dot=DotOptions(group_by=group_by))))
    top = middle(root, "ban")
    assert middle(root, "design") == top
    assert all(top < middle(root, n) for n in ("harm", "deeper", "evasion", "loop", "answer"))


def _bipartite(n: int, loose: int = 0) -> Map:
    """`n` claims each attacked by the same `n` objections, and `loose` claims apart."""
    dense = loads(
        "argmap: 1\ntitle: T\nclaims:\n"
        + "".join(f"  c{i}: {{text: C{i}}}\n" for i in range(n))
        + "".join(f"  x{i}: {{text: X{i}}}\n" for i in range(loose))
        + "objections:\n"
        + "".join(
            f"  o{i}: {{text: O{i}, attacks: [{', '.join(f'c{j}' for j in range(n))}]}}\n"
            for i in range(n)
        )
    ).map
    assert dense is not None
    return dense


def test_a_dense_drawing_is_laid_out_with_less_search() -> None:
    """35 claims each attacked by the same 35 objections took Graphviz 22 s to lay out
    (60 and 60, 111 s): such a drawing asks for one pass of ordering and placing; a
    debate, with an edge or two for each node, for Graphviz's full search. Nor has it
    ports or staggered rows, which spread no one's edges there (75 and 75: 40 s, 10 s)."""
    drawn = dot_of(_bipartite(35))
    # (Dense in part: 2,000 claims arguing with none made the whole sparse, 132 s.)
    assert "headport" not in dot_of(_bipartite(35, loose=2_000))
    assert re.search(r"mclimit=0\.01 .*nslimit=1 nslimit1=1", drawn)
    assert "headport" not in drawn and "minlen=2" not in drawn
    assert "mclimit" not in dot_of(load_map(SEED))


def test_a_framework_of_claims_alone_is_drawn_by_its_attacks() -> None:
    """`argmap import` makes every argument a claim: all on the claims' row, a framework of
    28 arguments was a strip 15 times as wide as high. Drawn by its attacks, the claims
    that attack nothing share the top row, and each attacker goes below what it attacks."""
    text = """argmap: 1
title: Imported
claims:
  a: {text: A}
  b: {text: B, attacks: a}
  c: {text: C, attacks: b}
  d: {text: D, attacks: [c, e]}
  e: {text: E, attacks: d}
  f: {text: F}
"""
    m = loads(text).map
    assert m is not None
    root = ET.fromstring(render(m))
    assert middle(root, "a") == middle(root, "f")
    assert middle(root, "a") < middle(root, "b") < middle(root, "c") < middle(root, "d")
    # Every claim attacking another (a cycle, and one attacking into it): ranked from the
    # cycle's first claim. Ranked from none, Graphviz ranked by every edge: 300 random
    # arguments took over 600 s.
    ring = loads(
        "argmap: 1\ntitle: Ring\nclaims:\n  a: {text: A, attacks: b}\n"
        "  b: {text: B, attacks: c}\n  c: {text: C, attacks: a}\n  d: {text: D, attacks: a}\n"
    ).map
    assert ring is not None
    assert "a -> c" not in dot_of(ring) and "c -> a [" in dot_of(ring)
    assert dot_of(ring).count("constraint=false") == 1  # a -> b: b is a step further out
    root = ET.fromstring(render(ring))
    assert middle(root, "a") < middle(root, "c") < middle(root, "b")
    assert middle(root, "a") < middle(root, "d")


def middle(root: ET.Element, element_id: str, axis: int = 1) -> float:
    """The height (axis 1; across, axis 0) of the middle of a node's box in an SVG (a rank
    lines up the middles)."""
    shape = root.find(f".//{SVG}g[@id='{element_id}']//{SVG}path")
    if shape is None:
        shape = root.find(f".//{SVG}g[@id='{element_id}']//{SVG}polygon")
    assert shape is not None, element_id
    numbers = re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points", ""))
    values = [float(v) for v in numbers[axis::2]]
    return round((min(values) + max(values)) / 2)


def test_the_legend_is_one_row_on_the_last_row() -> None:
    """The legend's samples were ranked with the map: its edges as long as the map's rows
    were tall, and it could sit among the nodes in the middle of the drawing."""
    m = load_map(SEED)
    root = ET.fromstring(render(m))
    (row,) = {middle(root, f"_legend_{kind.value}") for kind in Kind}
    assert all(middle(root, n) <= row for n in m.nodes)  # (SVG's y grows downwards)


def test_the_legends_notes_are_paragraphs_apart() -> None:
    """Each of the legend's notes balanced into lines of alike length, one after another,
    two read as one run-on sentence ("claims whose verdict ... say how / also changed:
    the map's title"): the notes are further apart than a note's lines."""
    note = "claims whose verdict under grounded changed say how; also changed: the title"
    root = ET.fromstring(render(load_map(SEED), RenderOptions(dot=DotOptions(legend_note=note))))
    legend = root.find(f".//{SVG}g[@id='_legend']")
    assert legend is not None
    texts = [t for t in legend.iter(f"{SVG}text") if (t.text or "").strip()]
    assert [t.text for t in texts] == [
        "Legend",
        "claims whose verdict under",
        "grounded changed say how",
        "also changed: the title",
    ]
    ys = [float(t.get("y", "0")) for t in texts]
    title, within, between = (round(b - a, 1) for a, b in itertools.pairwise(ys))
    assert title == between > within * 1.3


@pytest.mark.parametrize(("support", "added"), [("none", 0), ("deductive", 0), ("necessary", 1)])
def test_the_legend_counts_the_attacks_a_reading_of_support_adds(support: str, added: int) -> None:
    """Under necessary support, an objection to a reason attacks the claim it supports
    too: the claim drawn OUT with no attacker drawn IN read as a fault of the drawing."""
    m = loads(
        "argmap: 1\ntitle: t\nclaims:\n  d: {text: D}\nreasons:\n  c: {text: C, supports: d}\n"
        "objections:\n  o: {text: O, attacks: c}\n"
    ).map
    assert m is not None
    root = ET.fromstring(render(m, RenderOptions(evaluate="grounded", support=support)))
    legend = root.find(f".//{SVG}g[@id='_legend']")
    assert legend is not None
    said = " ".join((t.text or "").strip() for t in legend.iter(f"{SVG}text"))
    assert ("it adds 1 attack, which count but are not drawn" in said) == bool(added), said


@pytest.mark.parametrize("direction", ["LR", "RL"])
def test_a_legend_drawn_across_reads_down_in_the_order_a_row_reads(direction: str) -> None:
    """Drawn across, the legend is a column, which read up: the fills at the top, above
    the kinds in reverse."""
    m = load_map(SEED)
    options = RenderOptions(evaluate="grounded", dot=DotOptions(direction=direction))
    root = ET.fromstring(render(m, options))
    heights = [middle(root, f"_legend_{box}") for box in ("claim", "objection", "fill_0")]
    assert heights == sorted(heights) and len(set(heights)) == 3  # (y grows downwards)


@pytest.mark.parametrize("direction", ["LR", "RL"])
@pytest.mark.parametrize("kinds", ["all", "claim and reason"])
def test_a_legend_drawn_across_keeps_its_words_off_their_lines(direction: str, kinds: str) -> None:
    """Drawn across, Graphviz put "supports" and "attacks" on the sample lines they name,
    and partly past the legend's frame (by 8 points, in a browser's DejaVu Sans, which
    draws them wider than Graphviz measures them: 4.9 points a letter at 9 points)."""
    m = load_map(SEED) if kinds == "all" else _arguers(3, 0)
    svg = render(m, RenderOptions(dot=DotOptions(direction=direction))).decode()
    frame = re.search(r'id="_legend".*?points="([^"]+)', svg, re.S)
    assert frame is not None
    sides = [float(point.split(",")[0]) for point in frame[1].split()]
    for verb in ("supports", "attacks") if kinds == "all" else ("supports",):
        edge = svg[svg.index(f'id="_legend_{verb}"') :]
        line = float(re.search(r' d="M([-\d.]+),', edge)[1])  # type: ignore[index]
        start = float(re.search(rf'x="([-\d.]+)"[^>]*>{verb}<', edge)[1])  # type: ignore[index]
        end = start + len(verb) * 4.9
        assert min(sides) + 2 < start and end < max(sides) - 2, verb
        assert start > line + 2 if direction == "LR" else end < line - 2, verb


def _arguers(reasons: int, objections: int) -> Map:
    """A claim argued about by `reasons` reasons and `objections` objections."""
    text = "argmap: 1\ntitle: T\nclaims:\n  c: {text: A claim of a line or two.}\nreasons:\n"
    text += "".join(f"  r{i}: {{text: Reason {i}, supports: c}}\n" for i in range(reasons))
    text += "objections:\n" + "".join(
        f"  o{i}: {{text: Objection {i}, attacks: c}}\n" for i in range(objections)
    )
    m = loads(text).map
    assert m is not None
    return m


@pytest.mark.parametrize("direction", ["TB", "BT", "LR", "RL"])
def test_many_edges_into_a_node_end_apart(direction: str) -> None:
    """Aimed at the middle of a node, the edges of its many arguers ended in one heap of
    arrowheads and bars, supports and attacks mixed, on its side or its corners: each
    ends at a port of its own, along the side they come in at, in the map's order."""
    m = _arguers(6, 5)
    dot = dot_of(m, direction=direction)
    ports = re.findall(r'(\w+) -> c \[[^]]*headport="p(\d+):(\w)"', dot)
    side = {"TB": "s", "BT": "n", "LR": "e", "RL": "w"}[direction]  # (facing the arguers)
    assert [(tail, int(port), at) for tail, port, at in ports] == [
        *((f"r{i}", i, side) for i in range(6)),
        *((f"o{i}", 6 + i, side) for i in range(5)),
    ]
    root = ET.fromstring(render(m, RenderOptions(dot=DotOptions(direction=direction))))
    box = root.find(f".//{SVG}g[@id='c']//{SVG}path")
    assert box is not None
    corners = [float(n) for n in re.findall(r"-?[\d.]+", box.get("d", ""))]
    left, right = min(corners[0::2]), max(corners[0::2])
    top, bottom = min(corners[1::2]), max(corners[1::2])
    ends, deepest = [], 0.0
    for edge in root.iter(f"{SVG}g"):
        if "edge" in (edge.get("class") or "") and (edge.get("id") or "").endswith("->c"):
            head = edge.find(f".//{SVG}polygon")  # the arrowhead, or the bar
            assert head is not None
            numbers = [float(n) for n in re.findall(r"-?[\d.]+", head.get("points", ""))]
            points = list(zip(numbers[0::2], numbers[1::2], strict=True))
            ends.append(tuple(sum(axis) / len(points) for axis in zip(*points, strict=True)))
            # (How far inside the box its point nearest the border is: at the border, not
            # wholly in it, as a port's cell inside the node's margin left them, 4 to 11
            # points in.)
            depth = min(min(x - left, right - x, y - top, bottom - y) for x, y in points)
            deepest = max(deepest, depth)
    assert len(ends) == 11
    # On the side facing the arguers, every one: those at the ends of the line of ports,
    # at the box's corners, came in from above and below (SVG's y grows downwards).
    facing = {"TB": lambda x, y: y > bottom - 8, "BT": lambda x, y: y < top + 8}
    facing |= {"LR": lambda x, y: x > right - 8, "RL": lambda x, y: x < left + 8}
    assert all(facing[direction](x, y) for x, y in ends), ends
    # Apart by more than a bar's width (10.5 points): 12 points apart, the bars of a row of
    # attacks that came in straight joined into one thick line.
    apart = min(math.dist(a, b) for a, b in itertools.combinations(ends, 2))
    assert apart >= 14, apart
    assert deepest <= 1.5, deepest


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[Layout]:
    """The layouts started, in order: a spy on `Engine.launch`."""
    layouts: list[Layout] = []
    launch = Engine.launch

    def spy(engine: Engine, fmt: str, *graph: str, svg: bool = False) -> Layout:
        layouts.append(launch(engine, fmt, *graph, svg=svg))
        return layouts[-1]

    monkeypatch.setattr(Engine, "launch", spy)
    return layouts


def _laid_out(launched: list[Layout]) -> list[Layout]:
    """The layouts of `launched` that were laid out, their SVG read: an engine started for
    a next layout that was not wanted (`Drawing._spare`) lays out nothing."""
    return [layout for layout in launched if layout.svg]


def _port_tails(dot: str, head: str) -> list[str]:
    """The tails of the edges into `head` that end at its ports, in their ports' order."""
    ports = re.findall(rf'(\w[\w-]*)"? -> "?{head}"? \[[^]]*headport="p(\d+):', dot)
    return [tail for tail, _ in sorted(ports, key=lambda found: int(found[1]))]


def _twelve_arguers() -> Map:
    """A claim with 12 objections in 5 groups by tag."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: A claim of a line or two.}\nobjections:\n"
        + "".join(
            f"  o{i}: {{text: Objection {i}, attacks: c, tags: [t{i % 5}]}}\n" for i in range(12)
        )
    ).map
    assert m is not None
    return m


@pytest.mark.parametrize(
    ("arguers", "style", "ranksep"),
    [
        (12, DotOptions(), "0.9"),  # in staggered rows: their edges slope apart
        (6, DotOptions(), "0.5"),  # on one row
        (12, DotOptions(group_by="tag"), "1.2"),  # in groups: clear of the frames' borders
        (6, DotOptions(group_by="tag"), "1.2"),
        (12, DotOptions(direction="LR"), "1.0"),  # across: every drawing
    ],
)
def test_rows_are_further_apart_where_arguers_stagger(
    arguers: int, style: DotOptions, ranksep: str
) -> None:
    """Three objections to a claim, from staggered rows far to its side, ran to their ports
    as one dashed line for 500 pixels, level in half an inch between the rows."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: A claim.}\nobjections:\n"
        + "".join(
            f"  o{i}: {{text: Objection {i}, attacks: c, tags: [t{i % 5}]}}\n"
            for i in range(arguers)
        )
    ).map
    assert m is not None
    assert f" ranksep={ranksep} " in build_dot(build_graph(m), m, style)


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_edges_into_a_node_in_groups_get_ports_where_fewer_then_cross_or_meet(
    direction: str,
) -> None:
    """In groups, whose frames fix where the arguers sit, the edges of a node's many
    arguers had no ports (in the map's order, they crossed round the frames) and met in
    one heap of bars: the drawing is laid out again with ports in the order the edges
    came in, kept if fewer of them cross or meet; the legend keeps its note of the
    frames."""
    drawing = start(RenderOptions(dot=DotOptions(group_by="tag", direction=direction)))
    drawing.draw(_twelve_arguers())
    first = run(select("builtin", "svg"), drawing.dot)
    svg = drawing.result()
    assert sorted(_port_tails(drawing.dot, "c")) == sorted(f"o{i}" for i in range(12))
    # (Drawn down, 8 pairs of edges cross or meet before, 3 after.)
    assert tangles(svg, {"c"}) < tangles(first, {"c"})
    assert "cluster" in svg.decode()  # (in groups still)
    assert "grey frame: one tag" in svg.decode()  # (the second layout dropped it)


@pytest.mark.parametrize("unrouted", [2, 1], ids=["second-unrouted", "first-unrouted"])
def test_a_layout_with_straight_edges_gives_way_to_a_routed_one(
    monkeypatch: pytest.MonkeyPatch, unrouted: int
) -> None:
    """Graphviz may lose an edge of a layout, then drawn with straight edges, which cross
    boxes: the routed one stands, with fewer of its edges apart or not, and the drawing is
    warned of straight edges only if it has them (it was when the first had, the second kept); and
    the layouts read to choose are not kept once the drawing is done."""
    from argmap.render import geometry

    laid_out, calls = Drawing._laid_out, []

    def unrouted_once(self: Drawing, layout: Layout, unranked: bool | None) -> bytes:
        calls.append(layout)
        data = laid_out(self, layout, unranked)
        self.unrouted = len(calls) == unrouted
        return data

    monkeypatch.setattr(Drawing, "_laid_out", unrouted_once)
    drawing = start(RenderOptions(dot=DotOptions(group_by="tag")))
    drawing.draw(_twelve_arguers())
    drawing.result()
    assert len(calls) == 2 and (_port_tails(drawing.dot, "c") == []) is (unrouted == 2)
    assert [w.rule for w in drawing.warnings] == []
    assert geometry._READ == []  # (the layouts read, dropped once it is drawn)


def test_a_render_leaves_no_graph_to_the_cyclic_collector(tmp_path: Path) -> None:
    """A networkx graph refers to itself through its views: the graph a render draws, and
    the copy it keeps to draw the map again with its ports in order (`Drawing._in_place`:
    Citizens United's first layout has three tails out of order), are emptied once drawn,
    not left with the map for the collector that `run_one` pauses (its first pass after
    took 0.5 ms of a 100-node map's render)."""
    import gc

    from argmap.loader import gc_paused

    job = Job(str(DATA / "render" / "citizens-united.yaml"), str(tmp_path / "cu.svg"))
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        with gc_paused():
            assert not run_one(job, RenderOptions(), {}, Settings(), check_only=False).failed
            gc.collect()
        left = [o for o in gc.garbage if isinstance(o, nx.Graph | Map) and len(o.nodes)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []


@pytest.mark.parametrize(
    ("fmt", "m", "group_by", "formats"),
    [  # In groups, laid out as SVG from the start: most are laid out again.
        ("png", _twelve_arguers, "tag", ["png", "svg", "svg", "png"]),
        # Without, as a PNG (and its SVG), and again as SVG only if need be.
        (
            "png",
            lambda: load_map(DATA / "render" / "edge-through-a-box.yaml"),
            None,
            ["png", "svg", "png"],
        ),
        ("png", lambda: load_map(SEED), None, ["png"]),
        # (JSON, which is not laid out again, in its own format once.)
        ("json", _twelve_arguers, "tag", ["json"]),
    ],
    ids=["groups", "again", "once", "json"],
)
def test_a_png_is_drawn_once_of_the_layouts_tried(
    launched: list[Layout], fmt: str, m: Callable[[], Map], group_by: str | None, formats: list[str]
) -> None:
    """A PNG takes several times its layout's time to draw (6 s of 6.4 at 250 nodes): drawn
    for each layout tried, a map in groups took 28 s, 8 now."""
    drawing = start(RenderOptions(format=fmt))
    drawing.draw(m(), style=DotOptions(group_by=group_by))
    drawn = drawing.result()
    assert [layout.fmt for layout in launched] == formats
    layout = select("builtin", fmt).launch(fmt)
    layout.feed([drawing.dot])
    assert drawn == layout.result()  # (the layout kept)


def test_an_engine_that_cannot_start_again_for_groups_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A PNG in groups starts its engine again, for SVG: failing (the engine gone, no
    processes left), it was an internal error, not the engine's message."""
    launch = Engine.launch

    def once(engine: Engine, fmt: str, *graph: str, svg: bool = False) -> Layout:
        if fmt == "svg":
            raise EngineError("cannot run dot: Resource temporarily unavailable")
        return launch(engine, fmt, *graph, svg=svg)

    monkeypatch.setattr(Engine, "launch", once)
    drawing = start(RenderOptions(format="png"))
    with pytest.raises(RenderError, match=r"^cannot run dot: Resource temporarily"):
        drawing.draw(_twelve_arguers(), style=DotOptions(group_by="tag"))


@pytest.mark.parametrize("again", [True, False])
def test_the_next_layout_starts_while_the_first_lays_out(
    monkeypatch: pytest.MonkeyPatch, launched: list[Layout], again: bool
) -> None:
    """The engine for a second layout starts while the first lays out (`Drawing._spare`),
    handed the start of its DOT, the first's up to the edges: it then waits for none to
    start, and for the rest of its DOT alone. Where the first is kept, it is stopped."""
    import argmap.render

    disorder = iter([1 if again else 0, 0])  # (out of order first, in order laid out again)
    monkeypatch.setattr(argmap.render, "_disorder", lambda orders, placed: next(disorder))
    waited: list[int] = []  # (how many engines had started as each layout was waited for)
    result = Layout.result
    monkeypatch.setattr(
        Layout, "result", lambda self, ahead: (waited.append(len(launched)), result(self, ahead))[1]
    )
    drawing = start(RenderOptions())
    drawing.draw(_twelve_arguers())
    first = drawing.dot
    ahead = launched[0].fed if drawing.result() and again else None
    assert waited[0] == 2 and len(launched) == 2  # (the first, and the spare, started ahead)
    assert len(_laid_out(launched)) == (2 if again else 1)
    assert all(layout.process.returncode is not None for layout in launched)
    spare = launched[1]
    head = drawing.cache.next_start()
    assert " -> " not in head and first.startswith(head) and spare.fed.startswith(head)
    if again:  # (laid out with its ports in order: the DOT it was fed whole)
        assert ahead == first and spare.fed == drawing.dot


@pytest.mark.skipif(not _spare_processor(), reason="read as written only with a processor to spare")
@pytest.mark.parametrize(
    ("fails", "says"),
    [(False, ""), (True, ""), (False, "echo 'Fontconfig error: no writable cache' >&2; ")],
    ids=["kept", "failed", "said-other-than-lost"],
)
def test_the_next_layout_is_handed_its_dot_while_the_first_engine_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, launched: list[Layout], fails: bool, says: str
) -> None:
    """Once the first layout's SVG is whole, the layout again with its ports in order is
    planned and its DOT handed whole to the engine started for it (`Drawing._plan_ahead`)
    while the first engine exits (here, 0.5 s later), not after; an engine's message that
    is no lost edge does not stop it. Where the first then fails all the same, that engine
    is stopped, and the render says why."""
    import argmap.render

    disorder = iter([1, 0])  # (out of order first, in order laid out again: planned once)
    monkeypatch.setattr(argmap.render, "_disorder", lambda orders, placed: next(disorder))
    builtin = select("builtin", "svg").command
    engine = fake_engine(
        tmp_path,
        f'{says}f=$(mktemp -p "{tmp_path}"); cat > "$f"; {builtin} "$@" < "$f"; sleep 0.5; '
        f"exit {int(fails)}",
    )
    first_running: list[bool] = []  # (as each engine was handed the rest of its DOT)
    feed = Layout.feed
    monkeypatch.setattr(
        Layout,
        "feed",
        lambda self, pieces: (
            first_running.append(launched[0].process.poll() is None),
            feed(self, pieces),
        )[1],
    )
    drawing = replace(start(RenderOptions(format="dot")), layout=engine.launch("svg"))
    drawing.draw(_twelve_arguers())
    if fails:
        with pytest.raises(RenderError, match="failed: exit status 1"):
            drawing.result()
    else:
        drawing.result()
        assert drawing.layout is launched[1] and launched[1].fed == drawing.dot
    assert len(launched) == 2 and first_running == [True, True]  # (the first's DOT, the next's)
    assert _port_tails(launched[1].fed, "c")  # (its ports in order: the plan's DOT)
    assert all(layout.process.returncode is not None for layout in launched)
    assert geometry._READ == []


@pytest.mark.skipif(not _spare_processor(), reason="read as written only with a processor to spare")
@pytest.mark.parametrize("again", [True, False])
def test_a_plan_made_ahead_of_a_layout_that_writes_on_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, again: bool
) -> None:
    """An engine that writes on after its SVG (here a last line end, 0.1 s later): the plan
    made ahead of its exit is for an SVG not kept, so it is made again, and the reading it
    was made from is not kept among the layouts read (it pushed out one still wanted). A
    plan of no second layout, made ahead of an engine that writes nothing more (and exits
    0.1 s later), is not made twice."""
    import argmap.render

    monkeypatch.setattr(argmap.render, "_disorder", lambda orders, placed: int(again))
    builtin = select("builtin", "svg").command
    tail = '| head -c -1; sleep 0.1; printf "\\n"' if again else "; sleep 0.1"
    engine = fake_engine(tmp_path, f'{builtin} "$@" {tail}')
    plans: list[tuple[bool, list[bool]]] = []  # (ahead or not; each reading kept: of it?)
    plan = Drawing._plan

    def spy(drawing: Drawing, svg: bytes, unrouted: bool) -> object:
        ahead = drawing.layout is not None and drawing.layout.process.returncode is None
        plans.append((ahead, [reading.whole is svg for reading in geometry._READ]))
        return plan(drawing, svg, unrouted)

    monkeypatch.setattr(Drawing, "_plan", spy)
    drawing = replace(start(RenderOptions(format="dot")), layout=engine.launch("svg"))
    drawing.draw(_twelve_arguers())
    assert drawing.result().endswith(b"</svg>\n")
    assert plans == ([(True, [True]), (False, [])] if again else [(True, [True])])


def test_an_engine_handed_its_whole_dot_ahead_is_told_it_has_ended(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A spare engine handed all of the next DOT ahead, its input still open, takes that
    DOT: its input is then closed, and it lays it out (it waited for the rest until the
    time was up)."""
    monkeypatch.setattr(engines, "TIMEOUT", 10)
    engine = select("builtin", "svg")
    dot = "digraph { a -> b }"
    drawing = replace(start(RenderOptions(format="dot")), layout=engine.launch("svg"))
    assert drawing.layout is not None
    drawing.spare = spare = engine.launch("svg")
    try:
        spare.feed_ahead(dot)
        assert spare.takes(dot) and not spare.fed_whole
        assert drawing._again(drawing.layout, dot) is spare and spare.fed_whole
        assert b"</svg>" in spare.result()
    finally:
        drawing.cancel()
        spare.cancel()


def test_argmap_pauses_once_the_engine_has_its_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Layout.feed` pauses a moment once the DOT has ended (`engines._PAUSE`), not before:
    the engine, woken by it on argmap's processor, then runs there at once (it waited 3.3
    ms of a 100-node map's first layout, for argmap's check or for the kernel). On Linux,
    whose scheduler does so: elsewhere a sleep may last much longer."""
    layout = select("builtin", "svg").launch("svg")
    paused: list[tuple[float, bool]] = []
    stdin = layout.process.stdin
    assert stdin is not None
    monkeypatch.setattr(engines.time, "sleep", lambda s: paused.append((s, stdin.closed)))
    try:
        assert layout.feed(["digraph {", "a -> b }"]) == "digraph {a -> b }"
    finally:
        monkeypatch.undo()
        layout.cancel()
    assert paused == ([(engines._PAUSE, True)] if sys.platform == "linux" else [])


def test_a_next_layout_with_ports_its_first_lacked_is_handed_none_ahead(
    monkeypatch: pytest.MonkeyPatch, launched: list[Layout]
) -> None:
    """Grouped by what no node has (no group drawn), the first layout's nodes have no
    ports and the next's have: the engine started for it is handed none of the first DOT,
    and lays it out (it was stopped, and a third started)."""
    import argmap.render

    disorder = iter([1, 0])
    monkeypatch.setattr(argmap.render, "_disorder", lambda orders, placed: next(disorder))
    drawing = start(RenderOptions())
    drawing.draw(_twelve_arguers(), style=DotOptions(group_by="actor"))
    drawing.result()
    assert [w.rule for w in drawing.warnings] == ["no-groups"]
    assert len(launched) == 2 and drawing.layout is launched[1]
    assert _port_tails(drawing.dot, "c") and not _port_tails(launched[0].fed, "c")


def test_the_start_of_a_dot_is_handed_ahead_only_where_the_pipe_holds_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`Layout.feed_ahead` hands an engine the start of its DOT only if the pipe to it
    holds it whole, where the pipe says what it holds (Linux): then nothing waits for the
    engine, which is not watched until its DOT is whole (`feed`)."""
    engine = select("builtin", "svg")
    layouts = [engine.launch("svg") for _ in range(4)]
    try:
        big, wide, small = "x" * (_PIPE_BYTES + 1), "y" * 2**17, "digraph{"
        for layout, start in zip(layouts, (big, wide, small), strict=False):
            layout.feed_ahead(start)
        linux = sys.platform == "linux"
        assert layouts[0].fed == "" and layouts[0].watch is None
        # (Past the 64 KB a pipe holds at first, widened: tried once, as `_send` does.)
        assert layouts[1].fed == (wide if linux else "") and layouts[1].widened is linux
        assert layouts[2].fed == (small if linux else "") and not layouts[2].widened
        monkeypatch.setattr(sys, "platform", "win32")
        layouts[3].feed_ahead(small)
        assert layouts[3].fed == ""
    finally:
        for layout in layouts:
            layout.cancel()


def test_a_next_layout_not_started_as_its_engine_was_fed_starts_its_own(
    monkeypatch: pytest.MonkeyPatch, launched: list[Layout]
) -> None:
    """An engine handed the start of a next layout's DOT (`Drawing._spare`) that the DOT
    does not start with is stopped, and another lays it out."""
    import argmap.render

    disorder = iter([1, 0])
    monkeypatch.setattr(argmap.render, "_disorder", lambda orders, placed: next(disorder))
    monkeypatch.setattr(DotCache, "next_start", lambda self: "digraph other {\n")
    drawing = start(RenderOptions())
    drawing.draw(_twelve_arguers())
    drawing.result()
    assert len(launched) == 3 and launched[1].fed == "digraph other {\n"
    assert launched[1].process.returncode is not None and not launched[1].svg
    assert drawing.layout is launched[2] and launched[2].fed == drawing.dot
    assert b"</svg>" in launched[2].svg


def test_no_second_layout_in_groups_where_no_edges_into_a_node_cross(
    monkeypatch: pytest.MonkeyPatch, launched: list[Layout]
) -> None:
    """A second layout is kept only if fewer of the edges into each node argued about by
    many cross or meet (`tangles`): with none, it was laid out all the same."""
    import argmap.render

    for untangled, layouts in ((False, 2), (True, 1)):
        if untangled:
            monkeypatch.setattr(argmap.render, "tangles", lambda svg, heads: 0)
        launched.clear()
        drawing = start(RenderOptions(dot=DotOptions(group_by="tag")))
        drawing.draw(_twelve_arguers())
        drawing.result()
        assert len(_laid_out(launched)) == layouts
        assert bool(_port_tails(drawing.dot, "c")) is not untangled


def test_a_routed_second_layout_is_not_warned_of_straight_edges(tmp_path: Path) -> None:
    """The first layout drawn with straight edges (Graphviz lost an edge, whatever was
    ranked), the second, with ports, routed and kept: the drawing was warned of straight
    edges it did not have."""
    builtin = select("builtin", "svg").command
    engine = fake_engine(
        tmp_path,
        f'f=$(mktemp -p "{tmp_path}"); cat > "$f"; grep -q \'headport="p\' "$f" || case "$*" in '
        "*splines=line*) ;; *) echo 'Error: lost o0 c edge' >&2; exit 1;; esac; "
        f'exec {builtin} "$@" < "$f"',
    )
    drawing = replace(start(RenderOptions(format="dot")), layout=engine.launch("svg"))
    drawing.draw(_twelve_arguers(), style=DotOptions(group_by="tag"))
    drawing.result()
    assert _port_tails(drawing.dot, "c") and not drawing.unrouted
    assert [w.rule for w in drawing.warnings] == []


@pytest.mark.skipif(not _spare_processor(), reason="read as written only with a processor to spare")
def test_a_layout_that_fails_after_its_svg_keeps_no_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A layout read as the engine wrote it, which then failed (Graphviz's lost edge, after
    a whole SVG), is not kept among the layouts read: it pushed out the first layout's,
    which the look for edges through boxes then read again, whole."""
    builtin, failed = select("builtin", "svg").command, tmp_path / "failed"
    engine = fake_engine(  # (the second layout, with ports, written whole, then failed once)
        tmp_path,
        f'f=$(mktemp -p "{tmp_path}"); cat > "$f"; {builtin} "$@" < "$f"; '
        f'if grep -q \'headport="p\' "$f" && [ ! -e {failed} ]; then touch {failed}; '
        "echo 'Error: lost o0 c edge' >&2; exit 1; fi",
    )
    read_whole: list[int] = []
    laid = geometry._laid
    monkeypatch.setattr(geometry, "_laid", lambda svg, u: read_whole.append(1) or laid(svg, u))
    drawing = replace(start(RenderOptions(format="svg")), layout=engine.launch("svg"))
    drawing.draw(_twelve_arguers(), style=DotOptions(group_by="tag"))
    drawing.result()
    assert failed.exists() and read_whole == []


@pytest.mark.parametrize(("group_by", "after"), [("actor", 1), ("source", 0)])
def test_edges_into_a_node_in_groups_come_in_as_they_came(group_by: str, after: int) -> None:
    """Ports in the order of where the tails sat crossed the edges of tails a row lower,
    which come in round the boxes between (Citizens United grouped by tag: an edge looped
    round a reason to its port, 2 pairs crossing or meeting before, 1 after): in the order
    the edges came in, fewer do (grouped by actor, 6 pairs in the first layout, 1 after)."""
    m = load_map(DATA / "render" / "citizens-united.yaml")
    drawing = start(RenderOptions(dot=DotOptions(group_by=group_by)))
    drawing.draw(m)
    first = run(select("builtin", "svg"), drawing.dot)
    assert tangles(drawing.result(), {"strike-down"}) == after < tangles(first, {"strike-down"})


_HEAD_AND_TAILS = (
    b'<g id="h" class="node"><polygon points="0,-100 100,-100 100,-60 0,-60 0,-100"/></g>'
    b'<g id="a" class="node"><polygon points="0,0 20,0 20,-10 0,-10 0,0"/></g>'
    b'<g id="b" class="node"><polygon points="80,0 100,0 100,-10 80,-10 80,0"/></g>'
)


def _edge(ident: str, d: str) -> bytes:
    return f'<g id="{html.escape(ident)}" class="edge"><path d="{d}"/></g>'.encode()


def test_approaches_are_where_edges_come_in_not_where_they_start() -> None:
    """An edge from a tail at the right that crosses over to come in at the left of
    another's is before it along the rank: its port is at the left of the other's. So
    drawn back (a diff's), and drawn across (its ranks run left to right)."""
    a, b = "M10,-10 C40,-20 70,-30 70,-60", "M90,-10 C60,-20 40,-30 40,-60"
    svg = _HEAD_AND_TAILS + _edge("a->h", a) + _edge("b->h", b)
    came = approaches(svg, {"h"})
    assert came[("b", "h")] < came[("a", "h")]
    assert centres(svg)["a"] < centres(svg)["b"]
    assert approaches(svg, {"a"}) == {}  # (into the nodes asked of only)
    back = _HEAD_AND_TAILS + _edge("a->h", a) + _edge("b->h", "M40,-60 C40,-30 60,-20 90,-10")
    assert approaches(back, {"h"}) == pytest.approx(came)

    def across(svg: bytes) -> bytes:  # (x and y swapped: the ranks run across)
        return re.sub(rb"(-?[\d.]+),(-?[\d.]+)", lambda m: m[2] + b"," + m[1], svg)

    assert approaches(across(svg), {"h"}, across=True) == pytest.approx(came)


def test_tangles_are_edges_into_a_node_that_cross_or_meet() -> None:
    """Two edges into one node whose curves cross on the way, or whose heads meet, are a
    pair that tangles; two that cross near a node they both reach are parting there."""
    a = "M10,-10 C40,-20 70,-30 70,-60"
    svg = _HEAD_AND_TAILS + _edge("a->h", a) + _edge("b->h", "M90,-10 C60,-20 40,-30 40,-60")
    assert tangles(svg, {"h"}) == 1 and tangles(svg, {"a"}) == 0
    met = _HEAD_AND_TAILS + _edge("a->h", a) + _edge("b->h", "M90,-10 C80,-30 72,-50 71,-60")
    assert tangles(met, {"h"}) == 1
    apart = _HEAD_AND_TAILS + _edge("a->h", a) + _edge("b->h", "M90,-10 C90,-30 90,-50 90,-60")
    assert tangles(apart, {"h"}) == 0
    # Straight pieces that cross 7 points below the head, their ends 14 points apart: near
    # the node, whichever is read first or drawn back.
    near = [("a->h", "M43,-40 C43,-40 57,-60 57,-60"), ("b->h", "M57,-40 C57,-40 43,-60 43,-60")]
    for first, second in (near, near[::-1]):
        assert tangles(_HEAD_AND_TAILS + _edge(*first) + _edge(*second), {"h"}) == 0
    assert (
        tangles(
            _HEAD_AND_TAILS + _edge("a->h", "M57,-60 C57,-60 43,-40 43,-40") + _edge(*near[1]),
            {"h"},
        )
        == 0
    )
    # ... and 20 points below it, on the way.
    far = [("a->h", "M36,-20 C36,-20 60,-60 60,-60"), ("b->h", "M64,-20 C64,-20 40,-60 40,-60")]
    assert tangles(_HEAD_AND_TAILS + _edge(*far[0]) + _edge(*far[1]), {"h"}) == 1


def test_a_straight_piece_is_flat_however_its_length_rounds() -> None:
    """Graphviz writes a straight piece as a curve whose control points are at its ends:
    taken as not flat (its square length rounded past the control point's), it was halved
    16 times over, one in four."""
    from argmap.render.geometry import _flat

    ends = itertools.product((-4987.13, 0.0, 17.31, 3021.77), repeat=4)
    assert all(_flat(((x0, y0), (x1, y1), (x1, y1), (x1, y1))) for x0, y0, x1, y1 in ends)


def test_edges_into_a_node_end_in_the_order_their_tails_are_placed() -> None:
    """A reason that also supports another reason of the claim sat a row lower, where
    Graphviz placed it left of the three arguers before it in the map, and its edge
    crossed theirs to its port: laid out again, the ports follow where the tails are."""
    m = load_map(DATA / "render" / "citizens-united.yaml")
    drawing = start(RenderOptions())
    drawing.draw(m)
    placed = centres(drawing.result())
    tails = _port_tails(drawing.dot, "strike-down")
    assert len(tails) == 8
    assert [placed[tail] for tail in tails] == sorted(placed[tail] for tail in tails)


def test_a_few_edges_into_a_node_keep_its_middle() -> None:
    """Below PORTED edges, and for the edges that do not rank their node, Graphviz's own
    ends: ports would pull a node of few arguers off their middle."""
    assert "headport" not in dot_of(_arguers(4, 3))
    assert "headport" not in dot_of(_arguers(6, 5), group_by="actor")  # (frames set the order)
    # Past PORTED_MOST, none either: a claim's 1,000 ports took the engine 15 s.
    assert dot_of(_arguers(PORTED_MOST, 0)).count("headport") == PORTED_MOST
    assert "headport" not in dot_of(_arguers(PORTED_MOST + 1, 0))
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nobjections:\n"
        + "".join(f"  o{i}: {{text: O{i}, attacks: [c, p]}}\n" for i in range(9))
        + "  p: {text: P, attacks: c}\n"
    ).map
    assert m is not None
    dot = dot_of(m)
    assert len(re.findall(r"-> c \[[^]]*headport", dot)) == 10  # (p too: it ranks c)
    assert not re.search(r"-> p \[[^]]*headport", dot)  # same row: no rank between


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_two_legend_samples_at_one_box_put_it_between_them(direction: str) -> None:
    """A reason and an objection, both at the claim: the support's sample arched past the
    objection to reach the claim, out of the legend's frame."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nreasons:\n  r: {text: R, supports: c}\n"
        "objections:\n  o: {text: O, attacks: c}\n"
    ).map
    assert m is not None
    root = ET.fromstring(render(m, RenderOptions(dot=DotOptions(direction=direction))))
    across = 0 if direction == "TB" else 1
    reason, claim, objection = (
        middle(root, f"_legend_{kind}", across) for kind in ("reason", "claim", "objection")
    )
    assert min(reason, objection) < claim < max(reason, objection)


def test_an_evaluated_drawing_explains_the_words_its_nodes_show() -> None:
    """The legend said accepted, rejected and undecided beside nodes marked IN, CONTESTED
    or NO EXTENSION, and contested had undecided's fill."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nobjections:\n"
        "  o: {text: O, attacks: c}\n  p: {text: P, attacks: q}\n  q: {text: Q, attacks: p}\n"
        "  r: {text: R, attacks: r}\n"
    ).map
    assert m is not None

    def legend(
        semantics: str, support: str = "none", focus: str | None = None
    ) -> tuple[list[str], str]:
        options = RenderOptions(
            format="dot", evaluate=semantics, support=support, focus=focus, depth=0
        )
        dot = render(m, options).decode()
        drawn = dot[dot.index("cluster__legend") :]
        found = re.findall(r'_legend_fill_\d+ \[label=("[^"]*"|\w+)', drawn)
        return [word.strip('"') for word in found], drawn

    words, _ = legend("grounded")  # one extension: its labels, and what they mean
    assert words == ["in: accepted", "out: rejected", "undec: undecided"]
    words, drawn = legend("preferred", "deductive")  # p and q: in one extension each
    assert words == ["accepted", "contested", "rejected", "undecided"]
    assert "preferred semantics, deductive\u00a0support" in drawn.replace("<BR/>", " ")
    assert len(set(STANDING_FILLS["light"].values())) == 4  # each its own
    words, _ = legend("stable")  # r attacks itself: no stable extension
    assert words == ["no extension"]
    words, _ = legend("grounded", focus="o")  # what the drawing holds, not the map
    assert words == ["in: accepted"]


def star(leaves: int) -> Map:
    """One claim and `leaves` objections to it that nothing answers."""
    objections = "".join(
        f"  o{i}: {{text: Objection {i} to the claim in a dozen words or so., attacks: c}}\n"
        for i in range(leaves)
    )
    m = loads(
        f"argmap: 1\ntitle: Star\nclaims:\n  c: {{text: A claim.}}\nobjections:\n{objections}"
    ).map
    assert m is not None
    return m


def test_many_leaves_of_one_node_stagger_into_rows() -> None:
    """Forty objections to one claim were drawn side by side: a ribbon 38 times as wide
    as deep. In rows (as `unflatten -l` does) the drawing keeps to a screen's shape."""
    root = ET.fromstring(render(star(40)))
    width, height = (float(root.get(a, "").removesuffix("pt")) for a in ("width", "height"))
    assert width / height < 10
    assert "minlen" not in dot_of(star(8))  # a few stay on one row
    assert dot_of(star(9)).count("minlen=2") == 4
    assert "minlen" not in dot_of(star(STAGGER_MAX_NODES))  # laid out fast, not staggered


def _fan(reasons: int, objections: int) -> Map:
    """A claim argued about by many, with texts of many lengths, and a few rebuttals."""

    def words(i: int) -> str:
        return " ".join(["word"] * (3 + i * 7 % 12))

    m = loads(
        "argmap: 1\ntitle: Fan\nclaims:\n  c: {text: The council should fund night buses.}\n"
        + "reasons:\n"
        + "".join(
            f"  r{i}: {{text: Reason {words(i)} {i}., supports: c}}\n" for i in range(reasons)
        )
        + "objections:\n"
        + "".join(
            f"  o{i}: {{text: Objection {words(i + 5)} {i}., attacks: c}}\n"
            for i in range(objections)
        )
        + "rebuttals:\n"
        + "".join(
            f"  b{i}: {{text: Rebuttal {i}., attacks: o{i}}}\n" for i in range(0, objections, 3)
        )
    ).map
    assert m is not None
    return m


def test_a_fan_of_arguers_comes_in_sloped_to_ports_spread_along_the_box() -> None:
    """Nineteen arguers of a claim, staggered into rows: their ports within the claim's text
    width, 16 points apart, their edges ran level under it, one along another, and 19 pairs
    crossed or met on the way in. Ports 64 points apart, the box wider, they come in
    sloped. (Not drawn across, where they wove through the gap between the columns.)"""
    m = _fan(11, 8)
    assert re.search(r'PORT="p0" WIDTH="64"', dot_of(m))
    assert re.search(r'PORT="p0" WIDTH="11" HEIGHT="16"', dot_of(m, direction="LR"))
    svg = render(m)
    assert tangles(svg, {"c"}) <= 5
    # Its text in the middle of the box, not in its left corner.
    root = ET.fromstring(svg)
    claim = root.find(f".//{SVG}g[@id='c']")
    assert claim is not None
    box = [float(x) for x in re.findall(r"(-?[\d.]+),", claim.find(f".//{SVG}path").get("d", ""))]
    starts = [float(t.get("x", "0")) for t in claim.iter(f"{SVG}text")]
    assert min(starts) - min(box) > (max(box) - min(box)) / 3


def test_an_arguer_staggered_a_row_out_ranks_a_node_of_the_row_before() -> None:
    """Of nine objections to a claim, four are staggered into a second row: one of them
    that also attacks an objection of the first row (both a step from the claim) did not
    rank the two, Graphviz placed it anywhere along its row, and its edge came in across
    the drawing, at the corner where another arguer's did. It ranks them now, and is
    drawn in the row right below."""
    objections = "".join(
        f"  o{i}: {{text: Objection {i} to the claim in a dozen words or so., "
        f"attacks: {'[c, o0]' if i == 1 else 'c'}}}\n"
        for i in range(9)
    )
    m = loads(
        f"argmap: 1\ntitle: t\nclaims:\n  c: {{text: A claim.}}\nobjections:\n{objections}"
    ).map
    assert m is not None
    dot = dot_of(m)
    assert re.search(r"\bo1 -> c \[.*minlen=2", dot)  # (staggered)
    assert re.search(r"\bo1 -> o0 \[", dot) and not re.search(r"\bo1 -> o0 \[.*constraint", dot)
    root = ET.fromstring(render(m))
    assert middle(root, "o1") > middle(root, "o0") > middle(root, "c")  # (y grows down)


def forest(claims: int, each: int) -> Map:
    """`claims` claims, and `each` objections to each of them that nothing answers."""
    written = "".join(
        f"  c{j}: {{text: Claim {j} of the debate, in a few words.}}\n" for j in range(claims)
    )
    objections = "".join(
        f"  o{j}-{i}: {{text: Objection {i} to claim {j} in a dozen words or so., attacks: c{j}}}\n"
        for j in range(claims)
        for i in range(each)
    )
    m = loads(f"argmap: 1\ntitle: Forest\nclaims:\n{written}objections:\n{objections}").map
    assert m is not None
    return m


def test_a_rank_wide_with_the_arguers_of_many_nodes_staggers_into_rows() -> None:
    """Six claims of three objections each were drawn as one row of eighteen, no claim
    having many: a ribbon 20 times as wide as deep. A rank's width is its arguers', of
    every node above it, so they take rows as one node's many do."""
    root = ET.fromstring(render(forest(6, 3)))
    width, height = (float(root.get(a, "").removesuffix("pt")) for a in ("width", "height"))
    assert width / height < 10
    assert "minlen" not in dot_of(forest(2, 4))  # eight: one row
    assert dot_of(forest(3, 3)).count("minlen=2") == 3  # nine: two rows, a third of each's


def _objected(many: int, more: int = 0) -> Map:
    """A claim with `many` objections of a line or two, and `more` of a word each."""
    objections = "".join(
        f"  o{i}: {{text: Objection number {i} to the claim with a few words more., attacks: c}}\n"
        for i in range(many)
    ) + "".join(f"  p{i}: {{text: P{i}, attacks: c}}\n" for i in range(more))
    m = loads(
        f"argmap: 1\ntitle: t\nclaims:\n  c: {{text: A claim.}}\nobjections:\n{objections}"
    ).map
    assert m is not None
    return m


@pytest.mark.parametrize("direction", ["LR", "RL"])
def test_edges_into_a_node_argued_about_by_many_come_in_level_drawn_across(
    direction: str,
) -> None:
    """Drawn across, half an inch between the columns, the edges into a claim of ten
    objections ran along its side and turned in at the last point (their bars read as
    slashes, their heads touched): none now comes in steeper than 45 degrees, and most
    within 15 degrees of level."""
    m = _objected(10)
    root = ET.fromstring(render(m, RenderOptions(dot=DotOptions(direction=direction))))
    angles = []
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "edge" and group.get("id", "").endswith("->c"):
            path = group.find(f".//{SVG}path")
            assert path is not None
            numbers = [float(n) for n in re.findall(r"-?[\d.]+", path.get("d", ""))]
            x0, y0, x1, y1 = numbers[-4:]  # (the last control point, and the end)
            angles.append(math.degrees(math.atan2(abs(y1 - y0), abs(x1 - x0))))
    assert len(angles) == 10
    assert max(angles) < 45 and sum(angle < 15 for angle in angles) > 5, sorted(angles)


@pytest.mark.parametrize("direction", ["LR", "RL"])
def test_arguers_drawn_across_stagger_only_past_a_columns_worth(direction: str) -> None:
    """Drawn across, a rank is a column, and a box about three times as wide as high: ten
    objections to a claim staggered into two columns as they would into two rows drawn
    down, and the edges of the column further out wove through the nearer one to their
    ports, 4 pairs crossing or meeting. In one column, none do; past STAGGER_COLUMN
    arguers, they stagger."""
    m = _objected(10)
    style = DotOptions(direction=direction)
    assert tangles(render(m, RenderOptions(dot=style)), {"c"}) == 0
    more = _objected(10, STAGGER_COLUMN)
    assert "minlen" not in build_dot(build_graph(m), m, style)
    assert "minlen=2" in build_dot(build_graph(more), more, style)


def test_right_to_left_lines_start_at_the_right_of_their_box() -> None:
    """Aligned left, every line of an Arabic or Hebrew text was ragged where it starts. Its
    lines start at the box's right, as far in as the others start from its left; the
    header and a byline in Latin letters stay at the left."""
    m = loads(
        "argmap: 1\ntitle: t\nactors:\n  jo: {name: Jo Smith}\nclaims:\n"
        "  a: {text: يجب أن تُدرَّس العلوم في الجامعات العربية باللغة العربية, by: jo}\n"
        "objections:\n  b:\n    attacks: a\n    text: |\n"
        "      - רשימה של דברים שונים וארוכים מאוד מאוד\n      - שניים\n"
    ).map
    assert m is not None
    root = ET.fromstring(render(m))
    for node in ("a", "b"):
        group = root.find(f".//{SVG}g[@id='{node}']")
        assert group is not None
        shape = group.find(f".//{SVG}path")
        shape = group.find(f".//{SVG}polygon") if shape is None else shape
        assert shape is not None
        xs = [
            float(x) for x in re.findall(r"(-?[\d.]+),", shape.get("d") or shape.get("points", ""))
        ]
        header, *lines = group.iter(f"{SVG}text")
        left = float(header.get("x", ""))
        rtl = [t for t in lines if (t.text or "").lstrip().startswith("\u2067")]
        assert len(rtl) >= 2 and header.get("direction") is None
        for line in lines:
            if line in rtl:
                assert line.get("direction") == "rtl" and line.get("text-anchor") == "start"
                assert float(line.get("x", "")) == pytest.approx(
                    max(xs) - (left - min(xs)), abs=0.01
                )
            else:  # the byline
                assert line.get("direction") is None and float(line.get("x", "")) == left


@pytest.mark.parametrize("direction", ["TB", "BT", "LR", "RL"])
def test_a_right_to_left_group_name_ends_at_its_corner(direction: str) -> None:
    """Placed by the engine's measure of it, a Hebrew or Arabic group name ended 30 to 70
    points short of its frame's right corner, where Latin names end 8 points in: each of
    its lines ends there (a name of two lines, one that sets its frame's width, and a
    short one). Drawn RL, Graphviz puts names at the left corner, where they start."""
    long = "דוח הוועדה הציבורית לבחינת הסדרת שעון הקיץ בישראל והשלכותיו על המשק והחברה"
    m = loads(
        "argmap: 1\ntitle: t\nsources:\n"
        f"  s1: {{title: {long}}}\n  s2: {{title: דוח מעורב}}\n  s3: {{title: Jo Smith}}\n"
        "claims:\n  a: {text: יש להאריך את שעון הקיץ., source: s1}\n"
        "  b: {text: Another claim with a longer text than the others have., source: s2}\n"
        "  c: {text: It is too dark., source: s3}\n"
    ).map
    assert m is not None
    options = RenderOptions(dot=DotOptions(direction=direction, group_by="source"))
    root = ET.fromstring(render(m, options))
    lines: dict[str, list[tuple[float, float, ET.Element]]] = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "cluster" and (frame := group.find(f".//{SVG}path")) is not None:
            xs = [float(x) for x in re.findall(r"(-?[\d.]+),", frame.get("d", ""))]
            for text in group.iter(f"{SVG}text"):
                key = group.get("id", "")
                lines.setdefault(key, []).append((min(xs), max(xs), text))
    assert sorted(len(found) for found in lines.values()) == [1, 1, 2]
    for found in lines.values():
        for left, right, text in found:
            if "\u2067" not in (text.text or ""):  # (Jo Smith: as placed)
                assert text.get("direction") is None
            elif direction == "RL":
                assert text.get("direction") is None and left < float(text.get("x", "")) < right
            else:
                assert text.get("direction") == "rtl" and text.get("text-anchor") == "start"
                assert float(text.get("x", "")) == pytest.approx(right - 8, abs=0.01)


def _edge_svg(path: str, classes: str = "edge", ident: str = "a&#45;&gt;c") -> bytes:
    """Three boxes in a row (a, b, c) and an edge from a to c along `path`."""
    boxes = "".join(
        f'<g id="{n}" class="node claim"><title>{n}</title>'
        f'<polygon points="{x},0 {x + 50},0 {x + 50},-30 {x},-30 {x},0"/></g>\n'
        for n, x in (("a", 0), ("b", 100), ("c", 200))
    )
    edge = f'<g id="{ident}" class="{classes}"><path fill="none" d="{path}"/></g>\n'
    return f"<svg><g>{boxes}{edge}</g></svg>".encode()


@settings(max_examples=300)
@given(st.data())
def test_the_box_index_finds_what_a_look_at_every_box_finds(data: st.DataObject) -> None:
    """The index `crossed_boxes` looks boxes up in (by bands, and the runs the boxes cover
    across each) passes over no box that overlaps a curve's hull or that a piece of it
    runs into, and finds none that does not (nor one with no inside, `_IN` points in): a
    box other than a curve's ends overlaps its hull whenever one overlaps it, whichever
    boxes are its ends."""
    from argmap.render.geometry import _IN, _Bands, _runs_into

    at, size = st.integers(-500, 500), st.integers(0, 500)  # (half points; some with no inside)
    sized = data.draw(st.lists(st.tuples(at, at, size, size), min_size=1, max_size=25))
    boxes = [(x / 2, y / 2, (x + w) / 2, (y + h) / 2) for x, y, w, h in sized]
    # Where the lookups end: mostly at or near a box's side or inside, where a band or a
    # run is cut, so that a lookup off by a point is caught.
    offsets = (0, 0.5, -0.5, _IN, -_IN, _IN + 0.5, -_IN - 0.5)
    sides = sorted({side + off for box in boxes for side in box for off in offsets})
    end = st.sampled_from(sides) | at.map(lambda v: v / 2)
    left, top, right, bottom = (data.draw(end) for _ in range(4))
    left, right = sorted((left, right))
    top, bottom = sorted((top, bottom))
    inner = [(x0 + _IN, y0 + _IN, x1 - _IN, y1 - _IN) for x0, y0, x1, y1 in boxes]
    inside = [i for i, (x0, y0, x1, y1) in enumerate(inner) if x0 < x1 and y0 < y1]
    overlapping = [
        i
        for i in inside
        if inner[i][0] < right and inner[i][2] > left and inner[i][1] < bottom and inner[i][3] > top
    ]
    index = _Bands(boxes)
    ends = data.draw(st.sets(st.integers(0, len(boxes) - 1), max_size=3))
    other = [i for i in overlapping if i not in ends]
    assert index.overlaps_other(left, top, right, bottom, ends) == bool(other)
    chord = (data.draw(end), data.draw(end), data.draw(end), data.draw(end))
    crossed = [i for i in inside if _runs_into(chord, inner[i])]
    assert sorted(index.crossed(chord)) == crossed


@settings(max_examples=200)
@given(
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=40),
    st.integers(1, 3),
    st.integers(1, 12),
)
def test_the_edges_are_counted_as_networkx_counts_them(
    pairs: list[tuple[int, int]], ratio: int, least: int
) -> None:
    """`edge_counts`, in the graph's own dicts: the edges networkx counts, and those among
    the nodes of 2 * DENSE_RATIO edges or more (each of several between two nodes, and a
    node's own, twice), if DENSE_EDGES at least and DENSE_RATIO a node."""
    from unittest import mock

    from argmap.render import dot

    g = nx.MultiDiGraph()
    g.add_nodes_from(range(8))
    g.add_edges_from(pairs)
    busy = {n for n, degree in g.degree() if degree >= 2 * ratio}
    among = sum(1 for u, v in g.edges() if u in busy and v in busy)
    dense = among if among >= max(least, ratio * len(busy)) else 0
    with mock.patch.object(dot, "DENSE_RATIO", ratio), mock.patch.object(dot, "DENSE_EDGES", least):
        assert dot.edge_counts(g) == (g.number_of_edges(), dense)


def test_a_layout_is_read_once_for_its_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The nodes' centres and the edges through boxes, read from one layout: one parse,
    found by the SVG itself (not by hashing its 2 MB at 1,000 nodes). Another layout is
    read anew, even one alike."""
    from argmap.render import geometry

    parsed: list[bytes] = []
    laid = geometry._laid
    monkeypatch.setattr(geometry, "_laid", lambda svg, u: parsed.append(svg) or laid(svg, u))
    svg = _edge_svg("M25,-15 C100,-15 200,-15 225,-15")
    geometry.forget()
    assert geometry.centres(svg) == {"a": 25.0, "b": 125.0, "c": 225.0}
    assert geometry.crossed_boxes(svg, unranked=True) == {}
    assert len(parsed) == 1
    again = bytes(bytearray(svg))
    assert geometry.centres(again) == geometry.centres(svg) and len(parsed) == 2
    geometry.forget()


def test_an_edge_through_a_box_not_its_own_is_found() -> None:
    """Graphviz routes an edge through another box now and then (with groups): it then
    seems to come from that box (`crossed-box`). Its own ends' boxes do not count."""
    from argmap.render.geometry import crossed_boxes

    straight = "M50,-15C100,-15 150,-15 200,-15"  # through b
    around = "M50,-15C100,-80 150,-80 200,-15"  # over b
    grazing = "M50,-15C100,-34 150,-34 200,-15"  # along b's top, within 2 points
    corner = "M50,-38C100,-6 150,26 200,58"  # through b's lower left corner, 6 points in
    assert crossed_boxes(_edge_svg(straight)) == crossed_boxes(_edge_svg(corner)) == {"a->c": "b"}
    # On the line between its ends, but its control points beyond one: out into b and back.
    back = "M50,-15C130,-15 130,-15 60,-15"
    assert crossed_boxes(_edge_svg(back)) == {"a->c": "b"}
    assert crossed_boxes(_edge_svg(around)) == crossed_boxes(_edge_svg(grazing)) == {}
    # Two nodes that argue with each other, one edge `a<->c`: both ends its own.
    inside = "M10,-15C100,-80 150,-80 200,-15"  # (from inside a, over b)
    assert crossed_boxes(_edge_svg(inside, ident="a&lt;&#45;&gt;c")) == {}
    assert crossed_boxes(_edge_svg(straight, ident="a&lt;&#45;&gt;c")) == {"a<->c": "b"}
    # Without groups, only the edges that rank no node (class `unranked`) are looked at.
    assert crossed_boxes(_edge_svg(straight), unranked=True) == {}
    crossed = crossed_boxes(_edge_svg(straight, "edge attack unranked"), unranked=True)
    assert crossed == {"a->c": "b"}
    for path in (SEED, EVERY):  # the maps' own drawings cross no box
        assert crossed_boxes(render(load_map(path))) == {}


def test_a_drawing_with_an_edge_through_a_box_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawings with groups are looked at (`crossed-box`), a PNG by the SVG of its layout,
    which its engine writes too; not a drawing without groups. The warning is at the
    first edge's tail (it was at the file's first line, a comment, say)."""
    import argmap.render

    seen: list[bytes] = []

    def crossed(svg: bytes, unranked: bool = False) -> dict[str, str]:
        seen.append(svg)
        return {"unwise->keep-targeting:attack": "b", "d->a": "b", "e->a": "c", "f->a": "b"}

    monkeypatch.setattr(argmap.render, "crossed_boxes", crossed)
    messages, spans = {}, {}
    for fmt in ("svg", "pdf", "png"):
        drawing = start(RenderOptions(format=fmt))
        drawing.draw(load_map(SEED), style=DotOptions(group_by="actor"))
        png = drawing.result()
        found = [w for w in drawing.warnings if w.rule == "crossed-box"]
        messages[fmt], spans[fmt] = [w.message for w in found], found[0].span
    assert len(seen) == 3 and all(svg.startswith(b"<?xml") for svg in seen)
    assert seen[2].rstrip().endswith(b"</svg>")  # (the PNG's own bytes apart)
    assert png.startswith(b"\x89PNG")
    ungrouped = start(RenderOptions())  # (no edge that ranks no node: none looked at)
    ungrouped.draw(load_map(SEED))
    ungrouped.result()
    assert len(seen) == 3
    assert messages["svg"] == messages["pdf"] == messages["png"]
    assert spans["svg"] == spans["png"] == load_map(SEED).nodes["unwise"].span
    assert messages["svg"][0].startswith(
        "4 edges of this drawing pass behind another node's box (`unwise → keep-targeting` "
        "(its attack) behind `b`, `d → a` behind `b`, `e → a` behind `c` and 1 other), and "
        "may seem to start or end there: Graphviz's router does this in many drawings with "
        "groups"
    )
    assert found[0].hint.endswith(", or without groups (`--group-by none`)")


# (Drawn across, its arguers in one column, not staggered: the edge went around at once.)
@pytest.mark.parametrize("direction", ["TB", "BT"])
def test_an_edge_that_ranks_no_node_through_a_box_is_laid_out_again_ranking(
    direction: str,
) -> None:
    """An objection to a claim and to a reason of it: its edge to the reason, which ranks
    no node, Graphviz drew through another reason's text (in every direction, its arguers
    in staggered rows), and then warned of it. Laid out again with that edge ranking its
    nodes, it goes around."""
    from argmap.render.geometry import crossed_boxes

    m = load_map(DATA / "render" / "edge-through-a-box.yaml")
    first = start(RenderOptions(format="dot"))
    first.draw(m, style=DotOptions(direction=direction))
    engine = select("builtin", "svg").launch("svg")
    engine.feed([first.dot])
    assert list(crossed_boxes(engine.result(), unranked=True)) == ["other-nuclides->iaea-ok"]
    drawing = start(RenderOptions())
    drawing.draw(m, style=DotOptions(direction=direction))
    svg = drawing.result()
    assert not [w for w in drawing.warnings if w.rule == "crossed-box"]
    assert crossed_boxes(svg) == {}
    assert b'id="other&#45;nuclides&#45;&gt;iaea&#45;ok" class="edge unranked"' in svg
    assert "constraint=false" not in drawing.dot.partition("other-nuclides -> iaea-ok")[2][:200]


def test_the_title_keeps_clear_of_the_first_row() -> None:
    """The title's last line sat 2 points above the claims' boxes."""
    root = ET.fromstring(render(load_map(SEED)))
    title = root.findall(f".//{SVG}g[@id='a__map']//{SVG}text")
    baseline = max(float(t.get("y", "")) for t in title)
    tops = [
        min(float(y) for y in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d", ""))[1::2])
        for shape in root.findall(f".//{SVG}g[@class='node claim']//{SVG}path")
    ]
    assert min(tops) - baseline >= 16  # 12 points of space, and the descenders'


@pytest.mark.parametrize("title", ["MoveOn isn't backing off", "هل يجب تدريس الطب " * 8])
def test_the_title_is_centred_by_the_viewers_measure(title: str) -> None:
    """Placed from its left end by the engine's measure of the text, an Arabic title sat
    80 points off centre in a browser, which draws it narrower: each line is centred on
    the drawing instead, however wide the viewer draws it."""
    m = loads(f"argmap: 1\ntitle: {title}\nclaims:\n  a: {{text: A claim.}}\n").map
    assert m is not None
    root = ET.fromstring(render(m))
    graph = root.find(f".//{SVG}g[@id='a__map']")
    assert graph is not None
    corners = graph.find(f".//{SVG}polygon")
    assert corners is not None
    xs = [float(p.split(",")[0]) for p in corners.get("points", "").split()]
    lines = graph.findall(f".//{SVG}text")
    assert len(lines) == (1 if len(title) < 70 else 3)
    for line in lines:
        assert line.get("text-anchor") == "middle"
        assert float(line.get("x", "")) == pytest.approx((min(xs) + max(xs)) / 2, abs=0.01)
    # The node's own lines keep the engine's placement, at the left of their box.
    assert {t.get("text-anchor") for t in root.iter(f"{SVG}text")} - {None} == {
        "start",
        "middle",
    }


def test_right_to_left_text_reads_from_the_right_in_svg() -> None:
    """Hebrew or Arabic text goes in a right-to-left isolate, line by line: laid out left
    to right, `(כך!).` put its `.` and `!` at the wrong end. Text that starts with a
    Latin letter is left to right (the bidi rule P2). A map's own isolates are removed, as
    ever."""
    text = """argmap: 1
title: שמות מתחם
claims:
  he: {text: "שמות מתחם בינלאומיים צריכים להיות מוצגים בכתב המקורי שלהם (כך!)."}
  en: {text: "English first, then עברית.", by: ע}
  sneaky: {text: "\u2067abc\u2069"}
"""
    m = loads(text).map
    assert m is not None
    dot = dot_of(m, wrap=30)
    assert "\u2067שמות מתחם בינלאומיים צריכים\u2069<BR" in dot  # noqa: RUF001 (Hebrew)
    assert "\u2067להיות מוצגים בכתב המקורי\u2069<BR" in dot  # noqa: RUF001
    assert "\u2067שלהם (כך!).\u2069" in dot  # (no word alone on the last line)
    assert "<B>\u2067שמות מתחם\u2069</B>" in dot  # noqa: RUF001 (the title)
    assert "\u2067—\u00a0ע\u2069" in dot and ">English first" in dot
    assert dot.count("\u2067") == 5 and dot.count("\u2069") == 5  # 3 lines, title, byline
    # The engine draws a PNG by its own measure of the text, and aligns its lines right;
    # argmap's PDF orders each line by its isolate (`pdf._in_the_font`), left-aligned.
    for fmt, right in (("png", True), ("pdf", False)):
        drawing = start(RenderOptions(format=fmt))
        try:
            drawing.draw(m)
        finally:
            drawing.cancel()
        assert "\u2067" in drawing.dot
        assert ('<TD ALIGN="TEXT"' in drawing.dot) is right, fmt
        # (Its isolates end with their lines: the engine counts U+2069 three spaces wide,
        # and the PDF is laid out as the PNG.)
        assert ('(כך!).<BR ALIGN="RIGHT"/>' in drawing.dot) is right, fmt
        assert "\u2069" not in drawing.dot, fmt  # (the title's isolate neither)
        assert 'English first, then עברית.<BR ALIGN="LEFT"/>' in drawing.dot


def test_each_paragraph_reads_in_its_own_direction() -> None:
    """Decided once for the whole text, an English paragraph after a Hebrew one went in
    a right-to-left isolate too, its `.` at the wrong end."""
    text = 'argmap: 1\ntitle: T\nclaims:\n  a: {text: "שלום עולם.\\nEnglish after."}\n'
    m = loads(text).map
    assert m is not None
    dot = dot_of(m)
    assert "\u2067שלום עולם.\u2069<BR" in dot  # noqa: RUF001 (Hebrew)
    assert "\u2067English" not in dot
    assert '<BR ALIGN="LEFT"/>English after.<BR' in dot


def test_a_long_group_name_wraps() -> None:
    m = load_map(SEED)
    long = "A very long title of a source, " * 5
    m = replace(m, sources={k: replace(v, title=long) for k, v in m.sources.items()})
    dot = dot_of(m, group_by="source")
    assert 'A very long title of a source, A very<BR ALIGN="RIGHT"/>long title' in dot


ENGINES = [
    "builtin",
    pytest.param(
        "system",
        marks=pytest.mark.skipif(
            shutil.which("dot") is None, reason="system Graphviz not installed"
        ),
    ),
]


@pytest.mark.skipif(shutil.which("dot") is None, reason="system Graphviz not installed")
def test_hostile_urls_cannot_inject_through_the_system_engine() -> None:
    """Graphviz 2.43 writes `href` unescaped, and its PDF links end at a `'`: the URL's
    quotes and brackets are percent-encoded before they reach it."""
    m = load_map(HOSTILE)
    safe_svg(render(m, RenderOptions(engine="system")), "https://example.org/?q=")
    pdf = render(m, RenderOptions(engine="system", format="pdf"))
    assert b"/URI (https://example.org/?q=%22%3E%3Cscript%3E" in pdf
    assert b"javascript" not in pdf.replace(b"%27javascript:alert%282%29", b"")


@pytest.mark.skipif(shutil.which("dot") is None, reason="system Graphviz not installed")
def test_text_of_closing_brackets_alone_is_drawn_by_the_system_engine() -> None:
    """Graphviz 2.43 failed with a syntax error on a title `]`, or a line `]]`, between
    the tags of an HTML-like label."""
    m = loads(
        "argmap: 1\ntitle: ']'\nclaims:\n  c: {text: ']]', by: a}\nactors:\n  a: {name: ']'}\n"
    ).map
    assert m is not None
    for engine in ("builtin", "system"):
        root = safe_svg(render(m, RenderOptions(engine=engine)), "]")
        assert "]]" in "".join(root.itertext())


@pytest.mark.skipif(shutil.which("dot") is None, reason="system Graphviz not installed")
def test_system_pdf_links_lead_where_the_source_says() -> None:
    """Graphviz's own PDF (cairo) writes a link into a PDF string as it is given: escaped
    for an SVG, `&` led to `&amp;b=2`, another address, and an unbalanced bracket ended
    the string, which broke the file. An SVG's links, of either engine, are as before."""
    url = "https://example.org/wiki/Foo_(bar?a=1&b=2"
    m = loads(
        "argmap: 1\ntitle: Links\n"
        f"sources:\n  s: {{title: Paper, url: '{url}'}}\n"
        "claims:\n  c: {text: Claim., source: s}\n"
    ).map
    assert m is not None
    pdf = render(m, RenderOptions(engine="system", format="pdf"))
    assert b"/URI (https://example.org/wiki/Foo_%28bar?a=1&b=2)" in pdf
    for engine in ("builtin", "system"):
        root = safe_svg(render(m, RenderOptions(engine=engine)), url)
        assert {a.get(f"{XLINK}href") for a in root.iter(f"{SVG}a")} - {None} == {url}


@pytest.mark.parametrize("engine", ENGINES)
def test_engines_draw_html_labels(engine: str) -> None:
    svg = render(load_map(SEED), RenderOptions(engine=engine)).decode("utf-8")
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "CLAIM" in texts and "OBJECTION" in texts
    assert any(t and t.startswith("MoveOn will keep targeting") for t in texts)
    assert root.find(f".//{SVG}g[@id='keep-targeting']") is not None


@pytest.mark.parametrize("engine", ENGINES)
def test_backslashes_are_drawn_as_written(engine: str) -> None:
    """`\\\\server\\share` was drawn `\\server\\share`: Graphviz reads a backslash in a
    label as an escape, and in a tooltip twice over. Group names, the title and the summary
    (the drawing's tooltip) too."""
    written = r"Open \\server\share, \N and a\\\\b"
    m = loads(
        f"argmap: 1\ntitle: 'T \\\\ t'\nsummary: 'S \\\\ s'\nactors:\n  a: {{name: 'A\\B'}}\n"
        f"claims:\n  c: {{text: '{written}', by: a}}\n"
    ).map
    assert m is not None
    options = RenderOptions(engine=engine, dot=DotOptions(group_by="actor", wrap=80))
    root = ET.fromstring(render(m, options))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    titles = [a.get(f"{XLINK}title") for a in root.iter(f"{SVG}a")]
    assert {written, "T \\\\ t", "A\\B"} <= set(texts)
    assert {written, "S \\\\ s", "A\\B"} <= set(titles)


@pytest.mark.parametrize(
    ("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("dot", b"digraph")]
)
def test_other_formats(fmt: str, magic: bytes) -> None:
    assert render(load_map(SEED), RenderOptions(format=fmt)).startswith(magic)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_pdf_is_the_same_bytes_each_time(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A creation date and a random id made every PDF differ: `render --check` could
    never pass for one. (A time zone other than UTC adds an offset to the date.)"""
    monkeypatch.setenv("TZ", "Europe/Paris")
    options = RenderOptions(format="pdf", engine=engine)
    first = render(load_map(SEED), options)
    time.sleep(1.1)  # a second later: the dates are to the second
    assert render(load_map(SEED), options) == first
    # Where reproducible builds set SOURCE_DATE_EPOCH, which reportlab dates a PDF by.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert render(load_map(SEED), options) == first


def test_argmaps_pdf_streams_are_compressed_alone_and_reportlab_is_set_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """reportlab is set to skip its ASCII encoding of streams for argmap's PDF (a fifth
    smaller) and its checks of each shape's attributes, and set back for other users."""
    import svglib.svglib
    from reportlab import rl_config

    seen = []
    convert = svglib.svglib.svg2rlg

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(rl_config.shapeChecking)
        return convert(*args, **kwargs)

    monkeypatch.setattr(svglib.svglib, "svg2rlg", watched)
    pdf = render(load_map(SEED), RenderOptions(format="pdf", engine="builtin"))
    assert b"/FlateDecode" in pdf and b"/ASCII85Decode" not in pdf
    assert seen == [0]
    assert (rl_config.shapeChecking, rl_config.useA85) == (1, 1)


def test_a_png_is_at_most_16320_pixels_a_side() -> None:
    """Drawn at full size, a map of claims side by side made a PNG a million pixels wide
    (2.5 GB to draw): a larger drawing is scaled down to fit."""
    claims = "".join(
        f"  c{i}: {{text: Claim {i} with a few more words to it.}}\n" for i in range(80)
    )
    m = loads(f"argmap: 1\ntitle: Wide\nclaims:\n{claims}").map
    assert m is not None
    png = render(m, RenderOptions(format="png"))
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width == 16_320 and 0 < height < 1_000  # scaled, not cut: the same shape
    svg = ET.fromstring(render(m))
    assert float(svg.get("width", "").removesuffix("pt")) > 12_240  # SVG keeps its size


def test_a_png_scaled_down_is_warned_of() -> None:
    """Scaled to fit, the text of a wide map was a few pixels high, without a word."""
    claims = "".join(
        f"  c{i}: {{text: Claim {i} with a few more words to it.}}\n" for i in range(80)
    )
    m = loads(f"argmap: 1\ntitle: Wide\nclaims:\n{claims}", "wide.yaml").map
    assert m is not None
    _, warnings = drawn(m, RenderOptions(format="png"))
    scaled = [w for w in warnings if w.rule == "scaled-png"]
    assert len(scaled) == 1 and scaled[0].span.file == "wide.yaml"
    assert "the PNG is 16,320 by " in scaled[0].message
    assert "scaled down to fit 16,320 pixels a side" in scaled[0].message
    assert "render SVG or PDF" in scaled[0].hint
    assert not drawn(load_map(SEED), RenderOptions(format="png"))[1]  # at full size
    assert not [w for w in drawn(m)[1] if w.rule == "scaled-png"]  # an SVG keeps its size


def test_a_url_longer_than_graphviz_reads_is_not_linked() -> None:
    """Cut with "…" to what Graphviz reads of a string, it led to another address; and the
    system engine's PDF, which took it whole, failed ("longer than 16384?")."""
    m = load_map(SEED)
    source = next(iter(m.sources.values()))
    for length, linked in ((3_000, True), (16_400, False)):
        url = "https://example.org/" + "a" * length
        m.sources[source.id] = dataclasses.replace(source, url=url)
        root = ET.fromstring(render(m, RenderOptions()))
        hrefs = {a.get(f"{XLINK}href") for a in root.iter(f"{SVG}a")} - {None}
        assert hrefs == ({url} if linked else set())


def test_pdf_keeps_the_links() -> None:
    m = load_map(EVERY)
    linked = ET.fromstring(render(m, RenderOptions())).findall(f".//{SVG}a[@{XLINK}href]")
    pdf = render(m, RenderOptions(format="pdf"))
    assert pdf.count(b"/URI (https://example.org/paper)") == len(linked) == 4


def test_pdf_links_to_international_addresses_are_in_ascii() -> None:
    """A PDF's link holds ASCII only: `Straße` went in as a byte of Latin-1, and a host in
    Cyrillic as UTF-16, which readers followed to the wrong address. Letters Arimo lacks
    are □ in the labels, not in the link (a dead one, `%E2%96%A1`) nor in the title."""

    def pdf_of(title: str, url: str) -> bytes:
        m = loads(
            f"argmap: 1\ntitle: {title}\nsources:\n  s: {{title: S, url: '{url}'}}\n"
            "claims:\n  c: {text: C, source: s}\n"
        ).map
        assert m is not None
        return render(m, RenderOptions(format="pdf"))

    pdf = pdf_of("T", "https://пример.рф/Straße?q=ü")
    assert b"/URI (https://xn--e1afmkfd.xn--p1ai/Stra%C3%9Fe?q=%C3%BC)" in pdf
    # As browsers read a host: its accents composed, an ideographic full stop a dot.
    assert ascii_url("https://bu\u0308cher\u3002de/") == "https://xn--bcher-kva.de/"
    pdf = pdf_of("نفرتيتي", "https://ar.wikipedia.org/wiki/نفرتيتي")
    assert b"/URI (https://ar.wikipedia.org/wiki/%D9%86%D9%81%D8%B1" in pdf
    assert b"/Title (\\376\\377\\006F\\006A" in pdf  # (UTF-16: ن ف)


def test_the_pdf_font_has_the_characters_described() -> None:
    """`render.fonts` says which characters argmap's PDF draws: those of the Arimo it
    brings (the builtin engine's PNG font too). Helvetica, reportlab's own, had Western
    European letters only."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from argmap.render import pdf
    from argmap.render.fonts import PDF_FONT, in_arimo

    for style in ("Regular", "Bold"):
        cmap = TTFontFile(str(Path(pdf.__file__).parent / "pdf-font" / f"Arimo-{style}.ttf"))
        # (U+FFFF ends a cmap's last segment: reportlab lists it; no character is there.)
        has = {c for c in cmap.charToGlyph if c >= 0x20 and c != 0xFFFF}
        assert has == {c for c in range(0x20, 0x30000) if in_arimo(chr(c))}, style
    assert all(in_arimo(c) for c in "zażółć Ελληνικά Кириллица Tiếng Việt עבר")
    assert not any(in_arimo(c) for c in "عربي" + "中文")
    assert PDF_FONT.rule == "pdf-font"
    m = loads("argmap: 1\ntitle: Zażółć\nclaims:\n  c: {text: Ελληνικά}\n").map
    assert m is not None
    pdf = render(m, RenderOptions(format="pdf"))
    assert b"/BaseFont /AAAAAA+Arimo" in pdf
    assert b"Helvetica" not in pdf  # reportlab's default font, which nothing uses
    # A focused drawing's notes ("not drawn: ..."), in Arimo too.
    focused = render(load_map(SEED), RenderOptions(format="pdf", focus="unwise", depth=0))
    assert set(re.findall(rb"/BaseFont /AAAAAA\+([\w-]+)", focused)) == {b"Arimo", b"Arimo-Bold"}


@pytest.mark.parametrize(
    ("line", "drawn"),
    [
        # An emoji sequence, one picture, one □ (its joiner, which Arimo draws, left out;
        # a ♂ it joins, which Arimo has, was drawn beside the box).
        ("🍕 Pizza is the best food 👍🏽", "□ Pizza is the best food □"),
        ("👨\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 🙅\u200d♂\ufe0f", "□ □ □"),
        ("Italian 🇮🇹 says no, 🇫🇷🇩🇪 too", "Italian □ says no, □□ too"),  # (flags)
        # A joiner between letters or signs goes alone (what followed it went too).
        ("ab\u200dcd: Rock\u200d&amp;\u200dRoll", "abcd: Rock&amp;Roll"),
        ("ab\u00adc &amp; 中文 d", "abc &amp; □□ d"),  # (a soft hyphen: a format character)
        # Left out, the Chinese made one number of two, and a title was gone.
        ("平成27年 5年間", "□□27□ 5□□"),
        ("Zażółć gęślą", "Zażółć gęślą"),
        # reportlab sets the line left to right: given in the order its letters are seen
        # (each Hebrew word's letters came out reversed).
        ("שלום עולם", "םלוע םולש"),
        ("The word שלום means peace.", "The word םולש means peace."),
        # A line of a right-to-left paragraph, in its isolate, reads from the right
        # whatever its first word; its points stay on their letters (turned round, each
        # came before its letter, and reportlab drew it on the one before).
        ("\u2067Apple היא חברה\u2069", "הרבח איה Apple"),
        # Brackets and signs mirrored, as a reader of the right-to-left text sees them
        # (`(2024)` came out `)2024(`, and `3 &lt; 5` meant 3 > 5); a line of a left-to-right
        # paragraph, without an isolate, reads from the left, whatever its first word.
        ("\u2067שלום (2024) 3 &lt; 5.\u2069", ".5 &gt; 3 (2024) םולש"),  # noqa: RUF001
        ("המכירות ירדו 2023.", "2023 ודרי תוריכמה."),
        ("\u2067שָׁלוֹם\u2069", "םוֹלשָׁ"),  # noqa: RUF001
        # Arabic, boxed before the layout as for the PNG: the isolate read, not drawn.
        ("\u2067□□□ 1913 (!)\u2069", "(!) 1913 □□□"),
    ],
)
def test_a_pdf_draws_what_its_font_lacks_as_boxes(line: str, drawn: str) -> None:
    from argmap.render.pdf import _TEXT, _in_the_font

    element = f'<text x="1">{line}</text>'.encode()
    found = _TEXT.fullmatch(element)
    assert found is not None
    # (Marks on one letter compared in Unicode's order for them, as NFD puts them.)
    got = unicodedata.normalize("NFD", _in_the_font(found).decode())
    assert got == unicodedata.normalize("NFD", f'<text x="1">{drawn}</text>')


def test_a_pdf_is_laid_out_as_the_png_with_letters_arimo_lacks() -> None:
    """The PNG's DOT had Arabic as □, the PDF's the letters, which the engine measures
    otherwise: a map's PDF was 1766 points wide, its PNG 1844 (and a node 231 against 308)."""
    import re
    import struct

    loaded = loads(
        "argmap: 1\ntitle: نفرتيتي\nclaims:\n  c: {text: نفرتيتي خرجت من مصر بالخداع عام 1913}\n"
        "reasons:\n  r: {text: 平成27年 5年間の調査, supports: c}\n"
    )
    assert loaded.map is not None
    m = loaded.map
    png = render(m, RenderOptions(format="png"))
    pdf = render(m, RenderOptions(format="pdf"))
    width, height = struct.unpack(">II", png[16:24])
    box = re.search(rb"/MediaBox \[ 0 0 (\d+) (\d+) \]", pdf)
    assert box is not None
    assert (int(box[1]), int(box[2])) == (round(width * 72 / 96), round(height * 72 / 96))


def test_the_pdf_font_warning_follows_what_is_drawn() -> None:
    """A group's name (a source's title, a tag) is drawn and was not looked at; text past
    a label's last line is not drawn, and was."""
    from argmap.render.fonts import PDF_FONT, font_warning

    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n"
        "  c: {text: Plain words., tags: [漢字], source: s}\n"
        "  d: {text: " + "word " * 60 + "漢字}\n"
        "sources:\n  s: {title: 資料}\n"
    ).map
    assert m is not None

    def warned(**style: Any) -> str | None:
        wrap = DotOptions(**style).wrap
        shown = {n: wrap_lines(m.nodes[n].text, wrap) for n in ("c", "d")}
        found = font_warning(m, shown, PDF_FONT, DotOptions(**style))
        return None if found is None else f"{found.span.line}:{found.span.column} {found.message}"

    assert warned(wrap=10) is None  # d's 漢字 are past its twelfth line
    assert (warned(wrap=10, group_by="tag") or "").startswith("4:33 ")  # at the tags
    assert "(資 料)" in (warned(wrap=10, group_by="source") or "")
    assert "(漢 字)" in (warned(wrap=200) or "")  # on the label after all
    # At the title's text, not where the map starts (a comment above `argmap: 1`, say).
    titled = loads("# A map\nargmap: 1\ntitle: 原発の再稼働\nclaims:\n  c: {text: C}\n").map
    assert titled is not None
    found = font_warning(titled, {"c": ["C"]}, PDF_FONT, DotOptions())
    assert found is not None and (found.span.line, found.span.column) == (3, 8)
    # The emoji only, not the variation selector after it, nor a joiner: they show nothing.
    emoji = loads('argmap: 1\ntitle: T\nclaims:\n  c: {text: "\U0001f3db\ufe0f a\u200db"}\n').map
    assert emoji is not None
    found = font_warning(emoji, {"c": [emoji.nodes["c"].text]}, PDF_FONT, DotOptions())
    assert found is not None and "cannot show 1 character of this map as written (\U0001f3db)" in (
        found.message
    )


@pytest.mark.parametrize("tags", [500, 501])
def test_grouping_into_hundreds_of_groups_draws_none_past_the_most(tags: int) -> None:
    """A tag for each of 2,000 reasons, grouped by tag, took the engine 0.9 GB of memory
    (and the map can ask for it in its `render:` section)."""
    from argmap.render import MAX_GROUPS

    reasons = "".join(f"  r{i}: {{text: R{i}, supports: c, tags: [t{i}]}}\n" for i in range(tags))
    m = loads(f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: C}}\nreasons:\n{reasons}").map
    assert m is not None
    drawing = start(RenderOptions(format="dot"))
    drawing.draw(m, style=DotOptions(group_by="tag"))
    groups = len(re.findall(r"subgraph cluster_\d", drawing.dot))  # (not the legend's)
    assert groups == (tags if tags <= MAX_GROUPS else 0)
    said = [w.message for w in drawing.warnings if w.rule == "no-groups"]
    assert said == (
        []
        if tags <= MAX_GROUPS
        else [
            f"grouping by tag would draw {tags} groups, more than the 500 argmap draws "
            "(Graphviz takes hundreds of megabytes of memory for so many, a gigabyte for "
            "2,000, and their frames could not be read): the drawing has no groups"
        ]
    )


def test_grouping_that_draws_no_group_is_warned_of() -> None:
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C, by: a}\n"
        "reasons:\n  r: {text: R, supports: c, tags: [cost]}\nactors:\n  a: {name: A}\n"
    ).map
    assert m is not None

    def warned(group_by: str, focus: str | None = None) -> list[str]:
        drawing = start(RenderOptions(format="dot", focus=focus, depth=0))
        drawing.draw(m, style=DotOptions(group_by=group_by))
        # The legend says what the grey frames are, where there are some.
        framed = f"grey frame: one {group_by}&#x27;s nodes" in drawing.dot
        assert framed is (not drawing.warnings)
        return [f"{w.rule}: {w.message}" for w in drawing.warnings]

    assert warned("actor") == warned("tag") == []
    assert warned("source") == [
        "no-groups: grouping by source draws no groups: no node in the drawing names a source"
    ]
    assert warned("tag", focus="r") == []
    assert warned("tag", focus="c") == [  # only c is drawn, and it has no tag
        "no-groups: grouping by tag draws no groups: no node in the drawing has a tag"
    ]
    # Asked for by the map itself: said at its `render:` option, not at the file's start.
    asking = loads(
        "argmap: 1\ntitle: T\nrender:\n  theme: dark\n  group-by: tag\nclaims:\n  c: {text: C}\n"
    ).map
    assert asking is not None
    drawing = start(RenderOptions(format="dot", dot=DotOptions(group_by="tag")))
    drawing.draw(asking)
    assert [(w.span.line, w.span.column) for w in drawing.warnings] == [(5, 13)]
    drawing.draw(asking, style=DotOptions(group_by="source"))  # the command line's own
    assert [(w.span.line, w.span.column) for w in drawing.warnings] == [(1, 1)]


def test_a_png_or_pdf_that_cuts_a_text_short_says_so() -> None:
    """Past 12 lines a label's text is left out; an SVG keeps it in the tooltip, a PNG or
    PDF nowhere, and nothing said so."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: Short.}\nreasons:\n"
        "  r: {text: " + "word " * 40 + "end, supports: c}\n"
        "  s: {text: " + "word " * 40 + "end, supports: c}\n"
    ).map
    assert m is not None

    def warned(fmt: str, wrap: int) -> list[str]:
        drawing = replace(start(RenderOptions(format="dot")), options=RenderOptions(format=fmt))
        drawing.draw(m, style=DotOptions(wrap=wrap))
        return [
            f"{w.rule} {w.span.line}:{w.span.column} {w.message}; {w.hint}"
            for w in drawing.warnings
        ]

    # The hint names the width that shows every text whole (it said `--wrap 10`, the one
    # that cut them), which is then the narrowest that warns of nothing.
    assert warned("png", 10) == [
        "cut-text 6:13 the PNG shows the text of `r` and 1 other cut short, after 12 lines of "
        "10 characters; widen the lines to show all (`--wrap 19`), shorten the text, or render "
        "SVG, whose tooltips hold each text whole"
    ]
    assert warned("png", 18) != [] and warned("png", 19) == []
    assert warned("pdf", 10)[0].startswith("cut-text 6:13 the PDF shows")
    assert warned("svg", 10) == []
    lines = "".join(f"      line {i}\n" for i in range(14))
    many = loads(f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: |\n{lines}").map
    assert many is not None
    drawing = replace(start(RenderOptions(format="dot")), options=RenderOptions(format="png"))
    drawing.draw(many, style=DotOptions(wrap=10))
    assert drawing.warnings[0].hint.startswith("shorten the text")  # no width holds 14 lines


def test_pdf_link_boxes_cover_the_linked_shapes() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 200 100"><g transform="scale(1 1) rotate(0) translate(4 96)">'
        '<a xlink:title="no link"><polygon points="0,0 1,1"/></a>'
        '<a xlink:href="https://x.org"><polygon points="0,0 10,0 10,-20 0,-20"/><text>x</text>'
        "</a></g></svg>"
    )
    # The page is twice the viewBox; PDF's y axis runs up from the bottom of the page.
    assert list(links(ET.fromstring(svg), 400, 200)) == [("https://x.org", (8, 8, 28, 48))]


def test_builtin_engine_cannot_write_pdf_itself() -> None:
    with pytest.raises(EngineError, match="cannot write pdf"):
        select("builtin", "pdf")


def run(engine: Engine, dot: str) -> bytes:
    """SVG from `engine` the way a render drives it."""
    layout = engine.launch("svg")
    layout.feed([dot])
    return layout.result()


def fake_engine(tmp_path: Path, script: str) -> Engine:
    command = tmp_path / "fake-dot"
    command.write_text(f"#!/bin/sh\n{script}\n")
    command.chmod(0o755)
    return Engine("builtin", str(command))


@pytest.mark.parametrize("number", ["nan", "inf", "abc"])
def test_a_drawing_whose_shapes_are_not_at_numbers_is_refused(tmp_path: Path, number: str) -> None:
    """An engine that exits as done, having written a drawing with `nan`, `inf` or a word
    where a shape's points are (a `dot` that is not Graphviz, or a broken one): the render
    says so, as for an engine that fails; not an internal error. (Read as it is written,
    and its edges through boxes looked for ahead, it is no drawing yet: left as it is.)"""
    svg = (
        '<svg><g id="a" class="node"><polygon points="0,0 50,0 50,-30 0,-30 0,0"/></g>'
        '<g id="b" class="node"><polygon points="100,0 150,0 150,-30 100,-30 100,0"/></g>'
        f'<g id="a->b" class="edge"><path d="M{number},0C{number},1 2,2 3,3"/></g></svg>'
    )
    engine = fake_engine(tmp_path, f"cat > /dev/null; printf '{svg}'")
    drawing = Drawing(RenderOptions(), engine.launch("svg"))
    drawing.draw(load_map(SEED), style=DotOptions(group_by="actor"))  # (looked at: groups)
    said = rf"whose shapes argmap cannot read \(`a->b` is drawn at `M{number},0C{number},1 2,2"
    with pytest.raises(RenderError, match=said):
        drawing.result()
    drawing.cancel()


def test_a_layout_overlaps_the_caller_and_can_be_cancelled(tmp_path: Path) -> None:
    layout = fake_engine(tmp_path, "cat > /dev/null; sleep 30").launch("svg")
    layout.feed(["digraph {}"])
    start = time.perf_counter()
    layout.cancel()
    assert time.perf_counter() - start < 5
    assert layout.process.returncode is not None  # killed, not left running


def test_the_engine_reads_each_piece_of_dot_as_it_is_built(tmp_path: Path) -> None:
    """Graphviz's `dot` parses as it reads: each piece reaches the engine before the next
    is built, and the pieces are whole statements."""
    seen = tmp_path / "seen"
    layout = fake_engine(tmp_path, f"cat > {seen}; echo '<svg></svg>'").launch("svg")
    m = load_map(EVERY)
    pieces = list(dot_pieces(build_graph(m), m, DotOptions(group_by="actor")))
    assert len(pieces) > 4 and all(piece.endswith("\n") for piece in pieces)
    assert pieces[0].startswith("digraph ") and "rankdir=" in pieces[0]

    def read() -> str:  # (the engine's shell may not have made the file yet)
        return seen.read_text() if seen.exists() else ""

    def built() -> Iterator[str]:
        for i, piece in enumerate(pieces):
            if i:  # the engine has read what came before
                deadline = time.monotonic() + 10
                while read() != "".join(pieces[:i]) and time.monotonic() < deadline:
                    time.sleep(0.01)
                assert read() == "".join(pieces[:i])
            yield piece

    assert layout.feed(built()) == build_dot(build_graph(m), m, DotOptions(group_by="actor"))
    assert layout.result() == b"<svg></svg>\n"


def _pipes_widen() -> bool:
    """Whether this system lets a pipe hold `engines._PIPE_BYTES` (Linux's most, by default)."""
    most = Path("/proc/sys/fs/pipe-max-size")
    return most.exists() and int(most.read_text()) >= engines._PIPE_BYTES


@pytest.mark.skipif(not _pipes_widen(), reason="pipes cannot be widened here")
def test_the_dot_is_handed_over_while_the_engine_is_busy(tmp_path: Path) -> None:
    """The engine reads its DOT only once it has started: a DOT the pipe's default 64 KB
    cannot hold (a 100-node map's) waited on it. The pipe is widened once the DOT fills
    it, not before: a wide pipe takes of what the user's pipes may hold together."""
    small, large = (fake_engine(tmp_path, "sleep 30").launch("svg") for _ in range(2))
    started = time.monotonic()
    small.feed(["digraph {}"])
    large.feed(["digraph {" + "a;" * 200_000 + "}"])  # (never read)
    assert time.monotonic() - started < 5
    assert (small.widened, large.widened) == (False, True)
    small.cancel()
    large.cancel()


# More DOT than the pipe to an engine holds (`engines._PIPE_BYTES`): a write that waits.
_UNREAD_DOT = "digraph {" + "a;" * engines._PIPE_BYTES + "}"


def test_an_engine_gone_is_not_fed_though_its_pipe_is_held_open(tmp_path: Path) -> None:
    """A `dot` that is a script may leave a process that holds its input open, unread:
    writing the DOT waited for it (30 s here; for ever, past the time limit, for one that
    never ends)."""
    started = time.monotonic()
    layout = fake_engine(tmp_path, "sleep 30 0<&0 & exit 0").launch("svg")
    layout.feed([_UNREAD_DOT])
    with pytest.raises(EngineError, match="wrote nothing"):
        layout.result()
    assert time.monotonic() - started < 10


@given(
    st.binary(max_size=40),
    st.text(" \t\n\r\x0b\x0c", max_size=150).map(str.encode),
    st.sampled_from([b"</svg>", b"%%EOF", b"IEND\xaeB`\x82", b"}", b""]),
)
def test_an_engines_output_is_seen_to_end_as_stripped_of_white_space(
    data: bytes, white: bytes, end: bytes
) -> None:
    from argmap.render.engines import _ends_with

    for output in (data + white, data + end + white, end + white, data + end):
        assert _ends_with(output, end) is output.rstrip().endswith(end)


def test_a_drawing_is_read_as_it_is_written_only_with_a_processor_to_spare(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reading a drawing while its engine finishes takes a processor, and looks at the
    engine's output every millisecond or so: not in `render.batch`'s workers, whose engines
    take every processor, nor on a machine of one."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(_spare_processor).result() is False
    # (By the processors it may run on, where the system says: `taskset -c 0`, a container.)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert _spare_processor() is False
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3}, raising=False)
    assert _spare_processor() is hasattr(os, "pread")
    monkeypatch.delattr(os, "sched_getaffinity")
    assert _spare_processor() is hasattr(os, "pread")
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert _spare_processor() is False


@pytest.mark.skipif(not _spare_processor(), reason="read as written only with a processor to spare")
def test_an_svg_is_read_as_its_engine_writes_it(tmp_path: Path) -> None:
    """`Layout.result` hands its reader what the engine has written each time it writes
    more, and the SVG once whole, before the engine has exited (which takes a 1,000-node
    map's 5 ms), and returns that same SVG; what the engine writes after it, or its
    failure, still count."""
    seen: list[tuple[bytes, bool, int | None]] = []

    def run(script: str) -> bytes:
        seen.clear()
        layout = fake_engine(tmp_path, f"cat > /dev/null; {script}").launch("svg")
        layout.feed(["digraph {}"])
        return layout.result(
            lambda svg, whole: seen.append((bytes(svg), whole, layout.process.poll()))
        )

    drawing = run("printf '<svg>\\n</svg>\\n'; sleep 0.3")
    assert seen == [(b"<svg>\n</svg>\n", True, None)] and drawing is seen[0][0]
    with pytest.raises(EngineError, match="cut short"):
        run("printf '<svg></svg>'; sleep 0.3; printf '<svg>'")
    assert seen == [(b"<svg></svg>", True, None)]
    with pytest.raises(EngineError, match="failed: Error: x"):
        run("printf '<svg></svg>'; echo 'Error: x' >&2; sleep 0.3; exit 1")
    # Written in pieces: each piece read as it comes, whole once whole.
    assert run("printf '<svg>'; sleep 0.1; printf '</sv'; sleep 0.1; printf 'g>'; sleep 0.3")
    assert seen == [
        (b"<svg>", False, None),
        (b"<svg></sv", False, None),
        (b"<svg></svg>", True, None),
    ]
    # Read by geometry as it comes, before the engine's failure judges it: no drawing.
    with pytest.raises(EngineError, match="failed: Error: x"):
        svg = '<svg><g id="a" class="node"><path d="M x,\\xff"/></g><g id="b" class="node">'
        layout = fake_engine(
            tmp_path,
            f"cat > /dev/null; printf '{svg}'; sleep 0.1; printf '</svg>'; "
            "echo 'Error: x' >&2; sleep 0.3; exit 1",
        ).launch("svg")
        layout.feed(["digraph {}"])
        layout.result(Reading(unranked=True))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2**31), max_size=6))
def test_a_layout_read_in_pieces_is_the_layout_read_whole(cuts: list[int]) -> None:
    """A layout read as the engine writes it (`geometry.Reading`), whatever the pieces it
    comes in, is the layout read whole: its boxes, and its edges in their order."""
    svg = (Path(__file__).parent / "golden" / "render" / "circular-firing-squad.svg").read_bytes()
    reading = Reading(unranked=False)
    for cut in sorted(cut % len(svg) for cut in cuts):
        reading(svg[:cut], False)
    reading(svg, True)
    reading.keep(bytes(bytearray(svg)))  # (not the SVG judged a drawing: kept by no one)
    assert geometry._READ == []
    reading.keep(svg)
    whole = geometry._laid(svg, False)
    assert len(geometry._READ) == 1 and geometry._READ[0] is reading and reading.whole is svg
    assert (reading.boxes, reading.edges) == (whole.boxes, whole.edges)
    assert geometry._reading(svg, False) is reading  # (found, not read again)
    assert reading.crossed() == whole.crossed() and geometry.crossed_boxes(svg) is reading.crossed()
    geometry.forget()


def test_edges_through_boxes_are_looked_for_as_soon_as_the_layout_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read `ahead`, a layout has its edges through boxes looked for once its SVG is
    whole, while the engine exits, and once only: `crossed_boxes` of it, once it is kept,
    finds them. Not ahead, not until asked."""
    looked: list[int] = []
    crossed = geometry._crossed
    monkeypatch.setattr(geometry, "_crossed", lambda *a: looked.append(1) or crossed(*a))
    svg = _edge_svg("M50,-15C100,-15 150,-15 200,-15")  # through b
    ahead, later = Reading(unranked=False, then=Reading.crossed), Reading(unranked=False)
    for reading in (ahead, later):
        reading(svg[:40], False)
        reading(svg, True)
    at_once = Reading(unranked=False, then=Reading.crossed)
    at_once(svg, True)  # (written whole at once, as the builtin engine writes it)
    assert ahead.crossings == at_once.crossings == {"a->c": "b"} and len(looked) == 2
    assert later.crossings is None
    ahead.keep(svg)
    assert geometry.crossed_boxes(svg) == {"a->c": "b"} and len(looked) == 2
    geometry.forget()
    assert geometry.crossed_boxes(svg) == {"a->c": "b"} and len(looked) == 3  # (read anew)


def test_what_an_engine_writes_is_looked_through_once() -> None:
    """Output with no group in it (an engine that writes on and on, not Graphviz) is not
    looked through again each time more of it comes: from its last `<` on only."""
    from argmap.render.geometry import _TAG_MOST

    reading, written = Reading(unranked=True), b"<svg>" + b"x" * 3 * _TAG_MOST
    reading(written, False)
    assert reading.at == len(written) - _TAG_MOST  # (a group's start tag may end there)
    written += b'<g id="a" class="node"><path d="M0,0 9,9"/></g><g id="b" class="node">'
    reading(written, False)
    assert reading.at == written.rindex(b"<g") and list(reading.boxes) == ["a"]
    reading(written + b'<path d="M1,1 8,8"/>', True)
    assert list(reading.boxes) == ["a", "b"]


def test_the_watch_on_an_engine_ends_quietly_once_its_files_are_closed(tmp_path: Path) -> None:
    """The watch is not waited for once the engine is done: a look it takes after `result`
    has closed the output files ends it, with no error from its thread."""
    layout = fake_engine(tmp_path, "cat > /dev/null; echo '<svg></svg>'").launch("svg")
    layout.feed(["digraph {}"])
    assert layout.result() == b"<svg></svg>\n"

    class Late(threading.Event):
        """Set, but the watch's first wait returned before it was: it looks once more."""

        looked = False

        def wait(self, timeout: float | None = None) -> bool:
            first, self.looked = not self.looked, True
            return False if first else super().wait(timeout)

    layout.done = Late()
    layout.done.set()
    layout._watch()
    assert not layout.process.returncode


def test_an_engine_is_stopped_though_its_watch_never_started(tmp_path: Path) -> None:
    """An interrupt inside the watch thread's start (0.5 ms on a busy machine) left a thread
    that cannot be joined: stopping the engine raised, and left it running."""
    layout = fake_engine(tmp_path, "sleep 30").launch("svg")
    layout.watch = threading.Thread(target=layout.kill)  # (as if its start was broken off)
    layout.cancel()
    assert layout.process.returncode is not None


def test_a_stuck_engine_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "TIMEOUT", 0.5)
    started = time.monotonic()
    layout = fake_engine(tmp_path, "sleep 30").launch("svg")
    layout.feed([_UNREAD_DOT])  # never read
    with pytest.raises(
        EngineError, match=r"took over 0\.5 s, and was stopped; draw part of the map with --focus"
    ):
        layout.result()
    assert layout.process.returncode is not None
    # The script's `sleep`, which held the pipe, was stopped with it.
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    "text",
    [
        "argmap: 1\ntitle: T\nclaims:\n  a: {text: A, bogus: 1}\n",
        "argmap: 1\ntitle: [\n",
        # (Found by a look the loader puts off until the engine has its DOT: `loads(later=True)`.)
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nreasons:\n  1.1: {text: R, supports: c}\n"
        "objections:\n  1.10: {text: O, attacks: c}\n",
    ],
    ids=["map-error", "yaml-error", "error-found-later"],
)
def test_the_engine_started_ahead_of_a_broken_map_is_stopped(
    tmp_path: Path, launched: list[Layout], text: str
) -> None:
    source, output = tmp_path / "broken.yaml", tmp_path / "broken.svg"
    source.write_text(text)
    outcome = run_one(Job(str(source), str(output)), RenderOptions(), {}, Settings(), False)
    assert outcome.failed and not output.exists()
    assert len(launched) == 1 and launched[0].process.returncode is not None


def test_the_loaders_looks_that_change_nothing_are_made_while_the_engine_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A render hands the map's DOT to its layout engine before the loader looks for what
    only warns and changes nothing in the map (a hashtag YAML takes for a comment, ...:
    `loads(later=True)`), and reports what those looks find."""
    from argmap.loader import _MapBuilder

    done: list[str] = []
    look, feed = _MapBuilder.hashtag_after, Layout.feed

    def looking(self: _MapBuilder, *args: Any, **kwargs: Any) -> None:
        done.append("look")
        look(self, *args, **kwargs)

    def feeding(self: Layout, pieces: Any) -> str:
        done.append("feed")
        return feed(self, pieces)

    monkeypatch.setattr(_MapBuilder, "hashtag_after", looking)
    monkeypatch.setattr(Layout, "feed", feeding)
    source, output = tmp_path / "m.yaml", tmp_path / "m.svg"
    source.write_text("argmap: 1\ntitle: T\nclaims:\n  c:\n    text: Taxes rise #policy\n")
    outcome = run_one(Job(str(source), str(output)), RenderOptions(), {}, Settings(), False)
    assert not outcome.failed and output.exists()
    assert done[0] == "feed" and "look" in done
    assert [d.rule for d in outcome.report.diagnostics] == ["comment-in-text"]


def test_an_engine_failure_says_why(tmp_path: Path) -> None:
    engine = fake_engine(
        tmp_path, "echo 'Warning: fonts' >&2; echo 'Error: syntax error' >&2; exit 1"
    )
    with pytest.raises(EngineError, match=r"builtin layout engine failed: Error: syntax error$"):
        run(engine, "digraph {}")
    # An engine that exits without reading its input fails the same way, with no traceback.
    with pytest.raises(EngineError, match="builtin layout engine failed"):
        run(fake_engine(tmp_path, "exit 3"), _UNREAD_DOT)
    # A few lines of what it said, each cut short: 5 MB of it was all the message.
    chatty = fake_engine(
        tmp_path, "yes 'Error: x' | head -n 50000 >&2; printf '%05000d' 0 >&2; exit 1"
    )
    with pytest.raises(EngineError) as said:
        run(chatty, "digraph {}")
    assert len(str(said.value)) < 4000 and str(said.value).endswith("and 49991 more lines")


def test_the_svg_ahead_of_a_png_is_split_off_however_its_lines_end(tmp_path: Path) -> None:
    """A PNG's engine writes the SVG of its layout first (for `crossed-box`): on Windows,
    Graphviz ends its lines in CR LF; an engine that writes no SVG is an error, not a PNG
    that starts with text."""
    png = "\\211PNG\\r\\n\\032\\nIEND\\256B`\\202"
    for ending in ("\\n", "\\r\\n"):
        engine = fake_engine(tmp_path, f"cat > /dev/null; printf '<svg>x</svg>{ending}{png}'")
        layout = engine.launch("png", svg=True)
        layout.feed(["digraph {}"])
        assert layout.result() == b"\x89PNG\r\n\x1a\nIEND\xaeB`\x82"
        assert layout.svg.startswith(b"<svg>")
    layout = fake_engine(tmp_path, f"cat > /dev/null; printf '{png}'").launch("png", svg=True)
    layout.feed(["digraph {}"])
    with pytest.raises(EngineError, match="builtin engine wrote no SVG with its png"):
        layout.result()


def test_an_engine_that_writes_on_and_on_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `dot` on PATH that writes more than any drawing is, was read whole into memory."""
    monkeypatch.setattr(engines, "MAX_OUTPUT", 1_000)
    with pytest.raises(
        EngineError, match=r"wrote 1,001 bytes, more than the 1,000 of any drawing: is .*fake-dot"
    ):
        run(
            fake_engine(
                tmp_path, "cat > /dev/null; printf '<svg>'; head -c 990 /dev/zero; printf '</svg>'"
            ),
            "x",
        )
    assert run(
        fake_engine(
            tmp_path, "cat > /dev/null; printf '<svg>'; head -c 983 /dev/zero; printf '</svg>\\n'"
        ),
        "x",
    )


@pytest.mark.parametrize("into", ["", ">&2"], ids=["output", "messages"])
def test_an_engine_that_writes_on_and_on_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, into: str
) -> None:
    """Without a watch on what it writes, it filled the temporary folder until the time
    was up."""
    monkeypatch.setattr(engines, "MAX_OUTPUT", 1_000_000)
    started = time.monotonic()
    layout = fake_engine(tmp_path, f"cat > /dev/null; printf '<svg>'; exec yes {into}").launch(
        "svg"
    )
    layout.feed(["digraph {}"])
    with pytest.raises(EngineError, match=r"more than the 1,000,000 of any drawing"):
        layout.result()
    assert time.monotonic() - started < 30 and layout.process.returncode is not None


def test_an_engine_that_writes_no_drawing_says_so(tmp_path: Path) -> None:
    """A `dot` on PATH that is not Graphviz's (a wrapper, a broken build) wrote its output
    into the drawing's file."""
    with pytest.raises(
        EngineError,
        match=r"is not SVG \(it starts `Usage: dot \[options\]`\): is .*fake-dot Graphviz\?$",
    ):
        run(
            fake_engine(tmp_path, "cat > /dev/null; printf 'Usage: dot [options]\\n\\033[1m'"),
            "digraph {}",
        )
    # One that stopped half way through: its drawing was written as if whole.
    with pytest.raises(EngineError, match=r"SVG is cut short: is .*fake-dot a whole Graphviz"):
        run(fake_engine(tmp_path, "cat > /dev/null; printf '<?xml?>\\n<svg><g>'"), "digraph {}")
    with pytest.raises(EngineError, match=r"failed: it wrote nothing, and said nothing of why$"):
        run(fake_engine(tmp_path, "cat > /dev/null"), "digraph {}")
    with pytest.raises(EngineError, match=r"failed: Error: syntax error in line 1$"):  # it said
        run(fake_engine(tmp_path, "cat > /dev/null; echo 'Error: syntax error in line 1' >&2"), "x")
    # Graphviz's own SVG, PNG and JSON pass, whatever comes before the <svg>.
    for fmt, output in [
        ("svg", "<?xml?>\\n<!-- T -->\\n<svg></svg>\\n"),
        ("png", "\\211PNG\\r\\n\\032\\nIEND\\256B`\\202"),
        ("json", "  {}"),
    ]:
        layout = fake_engine(tmp_path, f"cat > /dev/null; printf '{output}'").launch(fmt)
        layout.feed(["digraph {}"])
        assert layout.result().startswith(output[:2].encode() if fmt != "png" else b"\x89PNG")


RIVALS = (
    "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\n"
    "objections:\n  o1: {text: A, attacks: [c, o2]}\n  o2: {text: B, attacks: c}\n"
)


@pytest.mark.parametrize(
    ("script", "warned"),
    [  # Graphviz's router fails on an edge that does not rank its nodes ...
        ("grep -q 'o1 -> o2 \\[.*constraint=false' in.dot && {lost}; echo '<svg></svg>'", False),
        # ... and on another once that one ranks its nodes
        (
            "grep -q 'o1 -> o2 \\[.*constraint=false' in.dot && {lost}; "
            "grep -q 'o3 -> o2 \\[.*constraint=false' in.dot && "
            "{{ echo 'Error: lost o3 o2 edge' >&2; exit 1; }}; echo '<svg></svg>'",
            False,
        ),
        # ... or on any edge, unless there is no routing to do.
        ('case "$*" in *-Gsplines=line*) echo "<svg></svg>";; *) {lost};; esac', True),
    ],
    ids=["ranked", "ranked-twice", "unrouted"],
)
def test_an_edge_graphviz_cannot_route_is_drawn_all_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, warned: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    lost = "{ echo 'Error: lost o1 o2 edge' >&2; exit 1; }"
    engine = fake_engine(tmp_path, "cat > in.dot; " + script.format(lost=lost))
    m = loads(RIVALS + "  o3: {text: D, attacks: [c, o2]}\n", "rivals.yaml").map
    assert m is not None
    drawing = replace(start(RenderOptions(format="dot")), layout=engine.launch("svg"))
    drawing.draw(m)
    assert "o1 -> o2 [" in drawing.dot and "constraint=false" in drawing.dot
    assert drawing.result() == b"<svg></svg>\n"
    assert [(w.rule, w.span.file) for w in drawing.warnings] == (
        [("unrouted-edges", "rivals.yaml")] if warned else []
    )
    # An engine that loses the edge whatever is done says so.
    drawing = replace(
        start(RenderOptions(format="dot")),
        layout=fake_engine(tmp_path, f"cat > /dev/null; {lost}").launch("svg"),
    )
    drawing.draw(m)
    with pytest.raises(RenderError, match=r"failed: Error: lost o1 o2 edge$"):
        drawing.result()


def test_edges_drawn_straight_take_no_time_on_a_graph_of_many_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Graphviz bends a curved edge (`splines=curved`) away from a cycle it is in, which it
    looks for along every path: 22 rows of two reasons that each support both above took it
    over 30 s (2^22 paths). Drawn straight instead, when it loses an edge whatever is done."""
    monkeypatch.setattr(engines, "TIMEOUT", 10)
    builtin = select("builtin", "svg").command
    engine = fake_engine(
        tmp_path,
        f'f=$(mktemp -p "{tmp_path}"); cat > "$f"; case "$*" in *splines=*) ;; '
        "*) echo 'Error: lost r0a c edge' >&2; exit 1;; esac; "
        f'exec {builtin} "$@" < "$f"',
    )
    rows = [["c"]] + [[f"r{i}a", f"r{i}b"] for i in range(22)]
    m = loads(
        "argmap: 1\ntitle: Paths\nclaims:\n  c: {text: C}\nreasons:\n"
        + "".join(
            f"  {n}: {{text: {n}, supports: [{', '.join(above)}]}}\n"
            for above, row in itertools.pairwise(rows)
            for n in row
        )
    ).map
    assert m is not None
    drawing = replace(start(RenderOptions(format="dot")), layout=engine.launch("svg"))
    drawing.draw(m)
    assert b"r21b" in drawing.result()
    assert [w.rule for w in drawing.warnings] == ["unrouted-edges"]


@pytest.mark.parametrize("name", ["builtin", "system"])
def test_a_real_lost_edge_is_drawn(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A map's shape on which Graphviz (16.1.0, ported, and Debian's 2.43) loses an edge
    with groups: drawn with every edge, each where the DOT puts it. Each layout after the
    first ranks the edge by it (a second layout, for ports in order or around a box, lost
    it again and took two more runs)."""
    if name == "system" and not shutil.which("dot"):
        pytest.skip("no system Graphviz")
    fed: list[str] = []
    feed = Layout.feed
    monkeypatch.setattr(
        Layout, "feed", lambda self, pieces: fed.append(feed(self, pieces)) or fed[-1]
    )
    m = load_map(DATA / "render" / "lost-edge.yaml")
    style = DotOptions(group_by="actor")
    dot = build_dot(build_graph(m), m, style)
    with pytest.raises(EngineError, match="lost suburbs-slower fire-worried edge") as lost:
        run(select(name, "svg"), dot)  # (else this map no longer tests the retry)
    assert lost.value.lost == (("suburbs-slower", "fire-worried"),)
    drawing = start(RenderOptions(engine=name))
    drawing.draw(m, style=style)
    svg = ET.fromstring(drawing.result())
    drawn = {g.get("id") for g in svg.iter("{http://www.w3.org/2000/svg}g")}
    # (Two nodes that attack each other are one line, `u<->v`.)
    for u, v in build_graph(m).edges():
        assert {f"{u}->{v}", f"{u}<->{v}", f"{v}<->{u}"} & drawn, (u, v)
    # Routed, not straight. (Some edges cross boxes, as in many drawings with groups.)
    assert {w.rule for w in drawing.warnings} <= {"crossed-box"}
    lost_line = re.compile(r'^\s*"suburbs-slower" -> "fire-worried" \[.*constraint=false', re.M)
    # (Laid out alone above, then by the drawing: lost; then ranked, and laid out again.)
    assert all(lost_line.search(dot) for dot in fed[:2])
    assert len(fed) > 3 and not any(lost_line.search(dot) for dot in fed[2:])


def test_nodes_that_attack_each_other_are_one_line_with_two_heads() -> None:
    """Drawn as two edges, Graphviz laid them on one path, their dashes merging into what
    read as a solid line (a support). The line kept is the one that ranks its nodes."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nobjections:\n"
        "  o1: {text: A, attacks: [c, o2, o3]}\n  o2: {text: B, attacks: [c, o1]}\n"
        "rebuttals:\n  o3: {text: D, attacks: o1}\n"
    ).map
    assert m is not None
    g = build_graph(m)
    assert {("o1", "o2"), ("o2", "o1"), ("o3", "o1"), ("o1", "o3")} <= set(g.edges())
    dot = build_dot(g, m, DotOptions())
    edges = re.findall(r"^\t+(\S+) -> (\S+) \[(.*)\]$", dot, re.MULTILINE)
    both = {(u, v): attrs for u, v, attrs in edges if "dir=both" in attrs}
    assert set(both) == {("o1", "o2"), ("o3", "o1")}  # o3 argues farther out: its edge ranks
    assert all("arrowtail=tee" in a and "<->" in a for a in both.values())
    assert ("o2", "o1") not in {(u, v) for u, v, _ in edges}
    assert 'tooltip="o1 and o2 attack each other"' in both["o1", "o2"]
    # Two nodes that both support and attack each other: two lines, each its own id.
    both = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nobjections:\n"
        "  a: {text: A, attacks: [c, b], supports: b}\n"
        "  b: {text: B, attacks: [c, a], supports: a}\n"
    ).map
    assert both is not None
    ids = re.findall(r'id="([^"]*<->[^"]*)"', build_dot(build_graph(both), both, DotOptions()))
    assert len(ids) == 2 and len(set(ids)) == 2, ids
    # A diff that adds one of the two draws them apart, each with its mark: the second
    # written as the first, drawn back, so that Graphviz lays the two side by side (the
    # other way round it laid both on one path, the added one's dashes through the other's).
    marked = build_dot(g, m, DotOptions(edge_marks={("o2", "attack", "o1"): "added"}))
    apart = re.findall(r"^\t+o1 -> o2 \[(.*)\]$", marked, re.MULTILINE)
    assert len(apart) == 2 and "o2 -> o1 [" not in marked
    assert 'id="o2->o1"' in apart[1] and "dir=back arrowtail=tee arrowhead=none" in apart[1]
    # Ranked when it crosses a box (`_uncrossed`, by its id's ends): found as written.
    ranked = re.findall(r"^\t+o1 -> o2 \[(.*)\]$", ranking(marked, [("o2", "o1")]), re.MULTILINE)
    assert "constraint=false" in ranked[0] and "constraint=false" not in ranked[1]
    svg = ET.fromstring(
        render(
            m,
            RenderOptions(
                engine="builtin", dot=DotOptions(edge_marks={("o2", "attack", "o1"): "added"})
            ),
        )
    )
    paths = {
        g.get("id"): next(g.iter(f"{SVG}path")).get("d")
        for g in svg.iter(f"{SVG}g")
        if g.get("id") in ("o1->o2", "o2->o1")
    }
    assert len(paths) == 2 and len(set(paths.values())) == 2


@pytest.mark.parametrize(("crossing", "layouts"), [(16, 2), (17, 1)])
def test_a_tangle_of_edges_through_boxes_is_not_laid_out_again(
    monkeypatch: pytest.MonkeyPatch, launched: list[Layout], crossing: int, layouts: int
) -> None:
    """Ranked, the edges through boxes of a tangle do not come out (462 nodes in groups:
    126 of 464 ranked left 410), and Graphviz took 10 s to lay them out, against 1."""
    import argmap.render

    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nreasons:\n"
        + "".join(f"  r{i}: {{text: R{i}, supports: c}}\n" for i in range(20))
        + "objections:\n"
        + "".join(f"  o{i}: {{text: O{i}, attacks: [c, r{i}]}}\n" for i in range(20))
    ).map
    assert m is not None
    crossed = {f"o{i}->r{i}": "c" for i in range(crossing)}
    monkeypatch.setattr(argmap.render, "crossed_boxes", lambda svg, unranked=False: crossed)
    drawing = start(RenderOptions())
    drawing.draw(m)
    drawing.result()
    assert len(_laid_out(launched)) == layouts
    assert [w.rule for w in drawing.warnings] == ["crossed-box"]


def test_ranking_takes_off_only_the_named_edges_constraint() -> None:
    m = loads(RIVALS + "  o3: {text: D, attacks: [c, o2]}\n").map
    assert m is not None
    dot = build_dot(build_graph(m), m, DotOptions())
    assert dot.count("constraint=false") == 2
    ranked = ranking(dot, [("o3", "o2")])
    assert ranked.count("constraint=false") == 1
    assert "o1 -> o2 [" in ranked and re.search(r"o1 -> o2 \[.*constraint=false", ranked)
    assert ranking(dot, [("o1", "o")]) == dot  # (ids in full)


def test_an_engine_out_of_memory_says_what_to_do(tmp_path: Path) -> None:
    """The builtin engine's panic printed a Rust backtrace into the one-line error."""
    panic = "echo 'memory allocation of 3293695440 bytes failed' >&2; echo 'stack backtrace:' >&2"
    engine = fake_engine(tmp_path, f"{panic}; echo '   0: std::alloc::rust_oom' >&2; exit 134")
    with pytest.raises(EngineError, match=r"ran out of memory.*--focus ID --depth N") as raised:
        run(engine, "digraph {}")
    assert "rust_oom" not in str(raised.value)
    other = "echo \"thread 'main' panicked at x.rs\" >&2; echo 'stack backtrace:' >&2"
    engine = fake_engine(tmp_path, f"{other}; echo '   0: frame' >&2; exit 101")
    with pytest.raises(EngineError, match=r"failed: thread 'main' panicked at x.rs$"):
        run(engine, "digraph {}")


def test_no_writable_temporary_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    with pytest.raises(EngineError, match="set TMPDIR to a writable folder"):
        run(fake_engine(tmp_path, "cat"), "digraph {}")


def test_direction_theme_wrap_legend() -> None:
    m = load_map(SEED)
    assert "rankdir=BT" in dot_of(m)  # claims at the top: edges point up
    assert "rankdir=RL" in dot_of(m, direction="LR")
    grey = dot_of(m, theme="print")
    colours = set(re.findall(r'"#([0-9A-Fa-f]{6})"', grey))
    assert colours and all(c[0:2] == c[2:4] == c[4:6] for c in colours), colours
    # The SVG shown in greys whole: an emoji, in the viewer's colour font, stayed in colour.
    style = "filter: grayscale(1)"
    root = ET.fromstring(render(m, RenderOptions(dot=DotOptions(theme="print"))))
    assert root.get("style") == style and ET.fromstring(render(m)).get("style") is None
    assert "cluster__legend" in dot_of(m) and "cluster__legend" not in dot_of(m, legend=False)
    narrow = dot_of(m, wrap=12)
    texts = re.findall(r'BALIGN="LEFT">((?:[^<]|<BR ALIGN="LEFT"/>)*)</TD>', narrow)
    lines = [html.unescape(line) for text in texts for line in text.split('<BR ALIGN="LEFT"/>')]
    assert len(texts) == len(m.nodes)
    assert all(len(line) <= 12 for line in lines if " " in line)
    assert "circumstances" in lines  # a word longer than a line is not cut
    bylines = re.findall(r'POINT-SIZE="9" COLOR="#[0-9A-F]{6}">([^<]*)<BR', narrow)
    assert bylines and max(map(len, bylines)) <= 12 + 12 // 3  # small type: a third more
    # The actor, and "quoted" as a word, not in quotation marks: read as the quotation.
    assert "—\u00a0Harry Reid\u00a0· quoted<BR" in dot_of(m) and "“quoted”" not in dot_of(m)


def test_an_actor_named_twice_is_in_the_byline_once() -> None:
    """`by: [a, a]` is warned of, and was drawn "— Ann, Ann"."""
    m = loads(
        "argmap: 1\ntitle: T\nactors: {a: {name: Ann}, b: {name: Bo}}\n"
        "claims: {c: {text: C., by: [a, b, a]}}\n"
    ).map
    assert m is not None
    assert "—\u00a0Ann, Bo<BR" in dot_of(m)


def test_the_legend_shows_what_is_drawn() -> None:
    """A focus on two nodes had a legend of every kind and relation, larger than it."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\n"
        "objections:\n  o: {text: O, attacks: c}\nrebuttals:\n  b: {text: B, attacks: o}\n"
    ).map
    assert m is not None
    dot = build_dot(build_graph(m), m, DotOptions())
    legend = dot[dot.index("cluster__legend") :]
    assert re.findall(r"id=_legend_(\w+)", legend) == ["claim", "objection", "rebuttal", "attacks"]
    assert "_legend_rebuttal -> _legend_objection" in legend
    # An attack on the claim alone: the sample joins the kinds drawn, not a rebuttal drawn
    # in (it joined two black points, which the dark theme hid, beside an unjoined box).
    two = build_dot(neighbourhood(build_graph(m), "c", 1), m, DotOptions())
    legend = two[two.index("cluster__legend") :]
    assert "_legend_rebuttal" not in legend and "_legend_reason" not in legend
    assert "_legend_objection -> _legend_claim" in legend
    assert "_legend_supports" not in legend and "_legend_attacks_from" not in legend
    # Objections attacking each other: two boxes of the one kind (it was two points,
    # apart from the box).
    rivals = loads(
        "argmap: 1\ntitle: T\nobjections:\n  o: {text: O, attacks: p}\n  p: {text: P, attacks: o}\n"
    ).map
    assert rivals is not None
    legend = dot_of(rivals)[dot_of(rivals).index("cluster__legend") :]
    assert "_legend_objection_again -> _legend_objection" in legend
    assert "_legend_attacks_from" not in legend
    again = re.search(r"_legend_objection_again \[label=objection (.*)\]", legend)
    assert again is not None and "diagonals" in again[1]
    # A claim attacking the reason that supports another: the attack's sample would run
    # back over the support's between the same two boxes, their words on top of each
    # other. Two points in the legend's colour, then.
    back = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c1: {text: A}\n  c2: {text: B, attacks: r}\n"
        "reasons:\n  r: {text: R, supports: c1}\n"
    ).map
    assert back is not None
    dark = build_dot(build_graph(back), back, DotOptions(theme="dark"))
    legend = dark[dark.index("cluster__legend") :]
    assert "_legend_reason -> _legend_claim" in legend and "_legend_claim ->" not in legend
    assert "_legend_attacks_from -> _legend_attacks_to" in legend
    muted = THEMES["dark"].muted
    assert re.search(rf"_legend_attacks_from \[.*color=\"{muted}\".*fillcolor=\"{muted}\"", legend)


def _contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""

    def luminance(colour: str) -> float:
        channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_small_text_reads_on_every_fill(name: str) -> None:
    """The kind names (8 points) and actor names (9) reach WCAG AA, 4.5:1, on the node's
    fill and on the fills `evaluate` gives, and the groups' names on their frames' shade;
    the kind names were 2.6:1 to 4.5:1."""
    theme = THEMES[name]
    scores = [score_fill(name, s / 8) for s in range(9)]
    for style in theme.nodes.values():
        for fill in (style.fill, *STANDING_FILLS[name].values(), *scores):
            assert _contrast(style.header, fill) >= 4.5, (style.header, fill)
            assert _contrast(theme.muted, fill) >= 4.5, (theme.muted, fill)
    # A group's name (11 points) on its frame's shade; the frame a shade off the page, or
    # (print, where objections are grey) drawn by its border alone.
    assert _contrast(theme.muted, theme.group[0]) >= 4.5
    shade = _contrast(theme.group[0], theme.background)
    assert 1.05 < shade < 1.3 or (shade == 1 and _contrast(theme.group[1], theme.background) > 2)
    # A removed node of a diff unfilled: a fill of its own vanished on a group's shade.
    assert theme.faded[0] == theme.background


def test_scores_further_apart_differ_more_in_fill() -> None:
    """A straight mix of the "out" and "in" fills made 0.25 and 0.62 the same beige: the
    fill now runs from "out" through grey at 0.5 to "in", each side its own hue."""
    for name in ("light", "dark"):
        fills = STANDING_FILLS[name]
        assert [score_fill(name, s) for s in (0, 1)] == [fills["out"], fills["in"]]
        middle = score_fill(name, 0.5)
        channels = [int(middle[i : i + 2], 16) for i in (1, 3, 5)]
        assert max(channels) - min(channels) <= 12  # a grey
        low, high = score_fill(name, 0.25), score_fill(name, 0.62)
        red, green = int(low[1:3], 16) - int(low[3:5], 16), int(high[3:5], 16) - int(high[1:3], 16)
        assert red > 16 and green > 4  # reddish, and greenish
    assert score_fill("print", 0) == "#BDBDBD" and score_fill("print", 1) == "#FFFFFF"


def test_kinds_and_relations_differ_without_colour() -> None:
    from argmap.render.theme import THEMES

    theme = THEMES["print"]
    assert len({(s.style, s.penwidth) for s in theme.nodes.values()}) == 4
    assert len({(s.style, s.arrowhead) for s in theme.edges.values()}) == 2


def test_focus_and_depth() -> None:
    m = load_map(SEED)

    def nodes(depth: int) -> set[str]:
        options = RenderOptions(format="dot", focus="singular-focus", depth=depth)
        dot = render(m, options).decode()
        return set(re.findall(r'^\t+"?([\w.-]+)"? \[label=<<TABLE', dot, re.MULTILINE))

    assert nodes(0) == {"singular-focus"}
    focused = render(m, RenderOptions(format="dot", focus="singular-focus", depth=1)).decode()
    statements = re.split(r"\n(?=\t)", focused)  # a tooltip may span lines
    heavy = [s.split(" [")[0].strip() for s in statements if re.search(r'class="\w+ focus"', s)]
    assert heavy == ['"singular-focus"']
    assert "FOCUS and a heavy border: the focus" in focused
    assert "4 of 11 nodes, up to 1 step from it" in focused  # the legend says it is a part
    alone = render(m, RenderOptions(format="dot", focus="singular-focus", depth=0)).decode()
    assert "1 of 11 nodes" in alone and "up to 0 steps" not in alone
    assert "OBJECTION · FOCUS" in focused  # a claim's border is as heavy as the focus's
    assert nodes(1) == {"singular-focus", "keep-targeting", "elected-to-do", "no-reckless-risks"}
    with pytest.raises(RenderError, match="did you mean `singular-focus`"):
        render(m, RenderOptions(focus="singular-focuss"))


def test_a_drawing_of_more_edges_than_argmap_lays_out_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nodes that each attack all the others, written with one YAML alias (7.6 KB for
    40,000 edges), kept Graphviz busy for minutes; a focus draws part of such a map."""
    import argmap.render

    m = load_map(SEED)
    monkeypatch.setattr(argmap.render, "MAX_EDGES", 10)  # (the seed map has 13)
    with pytest.raises(RenderError, match=r"would have 13 edges, more than the 10 .*`--focus"):
        render(m, RenderOptions(format="dot"))
    assert b"singular-focus" in render(
        m, RenderOptions(format="dot", focus="singular-focus", depth=1)
    )
    # A dense one, at fewer: 140 objections each attacking the same 140 claims (8.6 KB)
    # kept the engine busy for over 200 s.
    dense = _bipartite(35)
    monkeypatch.setattr(argmap.render, "MAX_DENSE_EDGES", 1_000)
    dense_part = r"1,225 edges, 1,225 of them among nodes that each argue with many, more than"
    with pytest.raises(RenderError, match=rf"{dense_part} the 1,000 .* so densely"):
        render(dense, RenderOptions(format="dot"))


def test_a_drawing_with_an_edge_across_more_rows_than_argmap_lays_out_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An objection that attacks the last of a chain of 10,000 rebuttals kept Graphviz
    routing that one edge for 272 s; the chain alone, or a focus on part of it, is drawn."""
    import argmap.render

    chain = "".join(f"  r{i}: {{text: R, attacks: r{i - 1}}}\n" for i in range(1, 20))
    text = "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nobjections:\n"
    text += "  o: {text: O, attacks: [c, r19]}\nrebuttals:\n  r0: {text: R, attacks: o}\n"
    m = loads(text + chain + "  r19: {text: R, attacks: r18}\n").map
    assert m is not None
    monkeypatch.setattr(argmap.render, "MAX_SPAN", 15)
    with pytest.raises(RenderError, match=r"an edge .* across 20 rows .* than the 15 .*`--focus"):
        render(m, RenderOptions(format="dot"))
    assert b"r10" in render(m, RenderOptions(format="dot", focus="r10", depth=2))
    without = loads(text.replace(", r19]", "]") + chain).map
    assert without is not None
    assert b"r19" in render(without, RenderOptions(format="dot"))
    # A cycle that leads to no claim: no levels to measure by, the edge that closes it
    # across the rows of the others all the same (4,000 nodes: 26 s).
    apart = loads(text.replace("[c, r19]", "r19") + chain + "  r19: {text: R, attacks: r18}\n")
    assert apart.map is not None
    with pytest.raises(RenderError, match=r"across 20 rows"):
        render(apart.map, RenderOptions(format="dot"))
    # Nodes that argue with each other along a chain, each pair drawn as one edge: no cycle.
    mutual = "".join(f"  r{i}: {{text: R, attacks: [r{i - 1}, r{i + 1}]}}\n" for i in range(1, 19))
    both = loads(text.replace(", r19]", "]").replace("attacks: o}", "attacks: [o, r1]}") + mutual)
    assert both.map is not None
    assert b"r18" in render(both.map, RenderOptions(format="dot"))


@pytest.mark.parametrize("group_by", [None, "actor"])
def test_a_drawing_laid_out_again_reuses_what_its_dot_shares(group_by: str | None) -> None:
    """The DOT of a drawing laid out again with its ports in order (`Drawing._in_place`)
    reuses the first DOT's node statements where their ports are the same, and its head
    (all up to the edges) where every node's are: in groups, the first has no ports and
    the second some, which a reuse by node alone dropped. A cache built with other
    options is no help, and no harm."""
    reasons = "".join(f"  r{i}: {{text: R, supports: c, by: a}}\n" for i in range(PORTED))
    m = loads(
        "argmap: 1\ntitle: T\nactors:\n  a: {name: A}\nclaims:\n  c: {text: C, by: a}\n"
        f"reasons:\n{reasons}"
    ).map
    assert m is not None
    g = build_graph(m)
    first, cache = DotOptions(group_by=group_by), DotCache()
    dot = "".join(dot_pieces(g, m, first, cache))
    built, head = len(cache.statements), cache.next_start()
    assert dot.startswith(head) and " -> " not in head and " -> " in dot[len(head) :]
    # Placed as the map has them, each edge keeps its port, and its statement is reused
    # (in groups, the first drawing's edges had none: each built anew, to its port).
    edges = len(cache.edges)
    kept = replace(first, placed={(u, v): float(i) for i, (u, v) in enumerate(g.edges())})
    assert "".join(dot_pieces(g, m, kept, cache)) == "".join(dot_pieces(g, m, kept))
    assert edges == g.number_of_edges() and len(cache.edges) == edges * (2 if group_by else 1)
    placed = {(u, v): float(-i) for i, (u, v) in enumerate(g.edges())}  # (the other way)
    again = replace(first, placed=placed)
    assert "".join(dot_pieces(g, m, again, cache)) == "".join(dot_pieces(g, m, again))
    assert built == len(m.nodes)
    assert (len(cache.statements) > built) == (group_by is not None)  # (ported, built anew)
    assert (cache.next_start() == head) == (group_by is None)
    dark = replace(again, theme="dark")
    assert "".join(dot_pieces(g, m, dark, cache)) == "".join(dot_pieces(g, m, dark))
    # A DOT not taken whole (`Layout.feed` stops at an engine gone) leaves no head of it.
    for style in (replace(dark, direction="LR"), again):
        taken = dot_pieces(g, m, style, cache)
        next(taken)
        taken.close()
        assert "".join(dot_pieces(g, m, style, cache)) == "".join(dot_pieces(g, m, style))


def test_a_drawing_drawn_again_of_another_map_is_drawn_anew() -> None:
    """A drawing given a second map (`Drawing.draw`, DOT output) draws it as a fresh one
    does: the first's rows and head, kept for a layout again (`dot.DotCache`), named
    nodes the second lacks (a KeyError), or left its nodes undeclared."""
    first = loads("argmap: 1\ntitle: First\nclaims:\n  a: {text: Alpha}\n  b: {text: B}\n").map
    same = loads("argmap: 1\ntitle: Same\nclaims:\n  a: {text: Alpha}\n  b: {text: B}\n").map
    more = loads(
        "argmap: 1\ntitle: Second\nclaims:\n  a: {text: Alpha}\n"
        "reasons:\n  r: {text: Because, supports: a}\n"
    ).map
    assert first is not None and same is not None and more is not None
    drawing = start(RenderOptions(format="dot"))
    for m in (first, more, same, first):
        drawing.draw(m)
        assert drawing.result() == render(m, RenderOptions(format="dot"))


# (Text, not a map: a map kept for the module is one a test that frees maps finds.)
_FAN = (
    "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\n  d: {text: D}\nreasons:\n"
    + "".join(f"  r{i}: {{text: R{i}, supports: [c, d]}}\n" for i in range(PORTED + 2))
    + "  both: {text: B, supports: d, attacks: d}\n"  # (two edges into d, one port each)
    + "objections:\n"
    + "".join(f"  o{i}: {{text: O{i}, attacks: c}}\n" for i in range(3))
)


@given(st.lists(st.sampled_from([0.0, 1.0, 2.5, -3.0, 7.0]), min_size=40, max_size=40))
def test_the_ports_order_of_a_second_layout_is_the_first_orders_by_place(at: list[float]) -> None:
    """`Drawing._in_place` takes each node's tails in its ports' order in the second DOT
    as the first DOT's order sorted by where the first layout placed the tails (ties in the
    map's order), not from `dot.ported` again (0.7 ms of a 100-node map's 13 outside the
    engine): the two agree."""
    fan = loads(_FAN).map
    assert fan is not None
    g = build_graph(fan)
    centre = dict(zip(g.nodes, at, strict=False))
    placed = {(u, v): centre.get(u, 0.0) for u, v in g.edges()}
    first = ported(g, False)
    assert first  # (c and d each argued about by enough to have ports)
    resorted = {v: sorted(tails, key=lambda u: centre.get(u, 0.0)) for v, tails in first.items()}
    assert ported(g, False, placed) == resorted


def test_a_focus_is_drawn_the_same_every_run() -> None:
    """Its nodes came in the order of a set, which changes with Python's hash seed: the
    DOT, and so `render --check`, changed from run to run."""
    command = [sys.executable, "-m", "argmap", "render", str(SEED), "--focus", "unwise"]
    command += ["--depth", "1", "-f", "dot", "-o", "-"]
    runs = {
        subprocess.run(
            command, capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(runs) == 1


def test_focus_says_what_it_leaves_out() -> None:
    """A node at the edge of a focus names the relations the drawing leaves out, by kind and
    by way: what argues about it, and what it argues about."""
    m = load_map(SEED)

    def notes(depth: int) -> dict[str, str]:
        options = RenderOptions(format="dot", focus="singular-focus", depth=depth)
        statements = re.split(r"\n(?=\t)", render(m, options).decode())
        found = (
            re.search(r'^\s*"?([\w-]+)"? \[.*>(not drawn: .*?)<BR[^>]*></FONT>', s, re.S)
            for s in statements
        )
        return {match[1]: re.sub("<BR[^>]*>", " ", match[2]) for match in found if match}

    assert notes(0) == {"singular-focus": "not drawn: 2 rebuttals against it, the claim it attacks"}
    assert notes(1) == {
        "keep-targeting": "not drawn: 2 reasons for it, 2 more objections against it",
        "no-reckless-risks": "not drawn: another objection it attacks",
    }
    assert notes(9) == {}  # the whole debate: nothing left out
    assert "not drawn" not in dot_of(m)  # nor without a focus


def test_focus_note_lines_as_far_apart_as_byline_lines() -> None:
    """A note of what a focus leaves out, on two lines, has them as far apart as a byline's:
    in italics, Graphviz set them 9 points apart in 9-point type, touching."""
    names = ("Gottfried Wilhelm Leibniz of Leipzig", "Thomas Hobbes of Malmesbury")
    m = loads(
        "argmap: 1\ntitle: T\nactors:\n"
        + "".join(f"  a{i}: {{name: {name}}}\n" for i, name in enumerate(names))
        + "claims:\n  c: {text: C, by: [a0, a1]}\nreasons:\n"
        + "".join(f"  r{i}: {{text: R, supports: c}}\n" for i in range(3))
        + "objections:\n  o: {text: O, attacks: c}\n  p: {text: P, attacks: r0}\n"
    ).map
    assert m is not None
    svg = render(m, RenderOptions(engine="builtin", focus="r0", depth=1)).decode()
    small = re.findall(r'<text [^>]*y="([-\d.]+)"[^>]*font-size="9.00"[^>]*>([^<]*)', svg)
    lines = [(float(y), text) for y, text in small if text not in ("supports", "attacks")]
    assert [text.startswith("not drawn") for _, text in lines] == [False, False, True, False]
    gaps = {round(b[0] - a[0], 1) for a, b in itertools.pairwise(lines)}  # (byline and note)
    assert min(gaps) >= 10.8, gaps


def _focus_notes(m: Map | None, focus: str, depth: int) -> dict[str, str]:
    """Each node's note of what a focused drawing of `m` leaves out, on one line."""
    assert m is not None
    dot = render(m, RenderOptions(format="dot", focus=focus, depth=depth)).decode()
    notes = dict(re.findall(r'\n\t+"?(\w+)"? \[.*?>(not drawn: .*?)</FONT>', dot))
    return {n: re.sub("<BR[^>]*>", " ", note).strip() for n, note in notes.items()}


def test_focus_says_another_where_some_of_the_same_are_drawn() -> None:
    """`the claim it supports` read as if no claim it supports were drawn, beside one."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  a: {text: A}\n  b: {text: B}\nreasons:\n"
        "  r: {text: R, supports: [a, b]}\n  s: {text: S, supports: r}\n"
        "  t: {text: T, supports: [a, r]}\n  far: {text: F, supports: t}\n"
    ).map
    assert _focus_notes(m, "a", 1) == {
        "r": "not drawn: 1 more reason for it, another claim it supports",
        "t": "not drawn: 1 reason for it",
    }
    assert (
        "not drawn: 1 more reason for it, 2 claims it supports" in _focus_notes(m, "s", 1).values()
    )


def test_focus_names_a_node_that_argues_both_ways_once() -> None:
    """A rebuttal left out that attacks a drawn one, which attacks it back, was named twice:
    `1 rebuttal against it, the rebuttal it attacks`, two rebuttals to a reader."""
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nobjections:\n  o: {text: O, attacks: c}\n"
        "rebuttals:\n  p: {text: P, attacks: [o, q]}\n  q: {text: Q, attacks: p}\n"
        "  r: {text: R, attacks: p}\n"
    ).map
    assert _focus_notes(m, "o", 1) == {
        "p": "not drawn: 1 rebuttal against it, the rebuttal it attacks, which attacks it too"
    }
    # Beside another of its kind that does not argue back: one phrase, not two alike.
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\nobjections:\n"
        "  o: {text: O, attacks: [c, b1, b2]}\n  o2: {text: P, attacks: c}\n"
        "rebuttals:\n  b1: {text: B, attacks: o}\n  b2: {text: D, attacks: o2}\n"
    ).map
    assert _focus_notes(m, "c", 1)["o"] == (
        "not drawn: 2 rebuttals it attacks, one of which attacks it too"
    )


def test_group_by_makes_clusters() -> None:
    dot = dot_of(load_map(SEED), group_by="actor")
    assert dot.count("subgraph cluster_") == 5 + 1  # five actors and the legend
    assert "label=<Steve Benen>" in dot


@pytest.mark.parametrize(
    ("direction", "place"),
    [
        ("TB", "labeljust=r"),
        ("BT", "labeljust=r"),
        ("LR", "labeljust=l labelloc=b"),
        ("RL", "labeljust=l labelloc=b"),
    ],
)
def test_group_names_go_where_fewest_edges_cross_them(direction: str, place: str) -> None:
    """Drawn sideways, a group's name goes below its frame, at a corner (at the top, in
    the middle, 1.7 times as many edges crossed names in 144 drawings of real maps); drawn
    up or down, at the corner of the side away from the claims (centred, an edge into a
    node's middle ran through it: 30 names crossed of 128, against 21), its lines
    aligned to it."""
    dot = dot_of(load_map(SEED), group_by="actor", direction=direction)
    frames = re.findall(r"subgraph cluster_\d+ \{\n\t+(.*)", dot)
    assert len(frames) == 5
    assert all(place in frame for frame in frames)
    if direction in ("TB", "BT"):
        m = replace(load_map(SEED), title="T")
        long = "Averyveryveryveryveryveryverylongname Short"  # (two lines, one far wider)
        actors = {k: replace(a, name=long) for k, a in m.actors.items()}
        root = ET.fromstring(
            render(
                replace(m, actors=actors),
                RenderOptions(dot=DotOptions(group_by="actor", direction=direction)),
            )
        )
        for box in root.iter(f"{SVG}g"):
            if not (box.get("id") or "").startswith("_group_"):
                continue
            frame = box.find(f".//{SVG}path")
            assert frame is not None
            right = max(float(x) for x in re.findall(r"(-?[\d.]+),", frame.get("d", "")))
            wide, short = (float(t.get("x", 0)) for t in box.findall(f".//{SVG}text"))
            # Right-aligned, the short line starts about 32 letters of 6 points further
            # in (centred, half that); the wide one ends near the frame's right side.
            assert short - wide > 0.75 * 32 * 6, (wide, short)
            assert right - 40 < wide + 37 * 6 < right + 20, (wide, right)


def test_every_edge_says_what_it_joins_when_hovered() -> None:
    """The legend's sample edges had no tooltip, the map's edges one each."""
    root = ET.fromstring(render(load_map(SEED)))
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith("edge")]
    said = {g.get("id"): [a.get(f"{XLINK}title") for a in g.iter(f"{SVG}a")] for g in edges}
    assert said["_legend_supports"] == ["reason supports claim"]
    assert said["_legend_attacks"] == ["rebuttal attacks objection"]
    assert len(edges) > 10 and all(titles and all(titles) for titles in said.values())


def test_group_boxes_carry_their_own_tooltip_not_the_maps() -> None:
    m = load_map(SEED)
    svg = ET.fromstring(render(m, RenderOptions(dot=DotOptions(group_by="actor"))))
    boxes = svg.findall(f".//{SVG}g[@class='cluster']")
    titles = [a.get(f"{XLINK}title") for box in boxes for a in box.iter(f"{SVG}a")]
    assert len(titles) == len(boxes) == 6
    assert "Legend" in titles and "Steve Benen" in titles
    assert m.summary and m.summary not in titles


def test_a_target_named_twice_is_one_edge() -> None:
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C.}\n"
        "reasons:\n  r: {text: R., supports: [c, c]}\n"
        "objections:\n  o: {text: O., attacks: [c, r, c]}\n"
    ).map
    assert m is not None
    edges = sorted((u, v, r.value) for u, v, r in build_graph(m).edges(data="relation"))
    assert edges == [("o", "c", "attack"), ("o", "r", "attack"), ("r", "c", "support")]


def test_every_svg_id_is_unique_whatever_the_map_ids() -> None:
    """Map ids that are Graphviz's own numbering, and a node that both supports and attacks
    one target (two edges between one pair), still give one element per id."""
    m = loads(
        "argmap: 1\ntitle: T\nactors:\n  clust1: {name: A}\n"
        "claims:\n  graph0: {text: C., by: clust1}\n  x-1: {text: D.}\n"
        "reasons:\n  node1: {text: R., supports: graph0}\n  edge1: {text: S., supports: graph0}\n"
        "  clust1: {text: U., supports: [graph0, x-1], attacks: graph0}\n"
    ).map
    assert m is not None
    svg = ET.fromstring(render(m, RenderOptions(dot=DotOptions(group_by="actor"))))
    ids = [element.get("id") for element in svg.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) > 20
    assert {"graph0", "node1", "edge1", "clust1", "clust1->graph0:attack"} <= set(ids)


def test_chinese_text_stays_inside_its_box() -> None:
    """The builtin engine measures a Chinese character as a space or so: without a width
    for the cell, an 18-character line spilled out of its box."""
    text = "免费公共交通可以减少交通拥堵和空气污染并帮助低收入家庭过上更好的生活"
    m = loads(
        f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: C.}}\n"
        f"reasons:\n  r: {{text: {text}, supports: c}}\n"
    ).map
    assert m is not None
    svg = ET.fromstring(render(m, RenderOptions(dot=DotOptions(wrap=36))))
    box = svg.find(f".//{SVG}g[@id='r']//{SVG}polygon")
    assert box is not None
    xs = [float(point.split(",")[0]) for point in box.get("points", "").split()]
    assert max(xs) - min(xs) >= 18 * 12  # 18 characters of one em at 12 points


def test_map_render_section_is_the_default_and_options_win() -> None:
    m = load_map(EVERY)  # render: {direction: TB, wrap: 30, group-by: actor}
    options = options_for(m, RenderOptions(), {"direction": "LR", "wrap": None})
    assert options.dot == replace(
        DotOptions(), direction="LR", theme="light", wrap=30, group_by="actor"
    )


def test_group_by_none_in_a_map_draws_no_groups() -> None:
    """`group-by: none`, the default said in a map, was an invalid value: no drawing."""
    loaded = loads("argmap: 1\ntitle: T\nrender: {group-by: none}\nclaims:\n  c: {text: C}\n")
    assert loaded.diagnostics == () and loaded.map is not None
    assert options_for(loaded.map, RenderOptions(), {}).dot.group_by is None


def test_links_only_for_http_sources() -> None:
    dot = dot_of(load_map(EVERY))
    assert 'URL="https://example.org/paper"' in dot
    assert "mailto:" not in dot


IDS = st.one_of(st.from_regex(r"[A-Za-z0-9_.-]+", fullmatch=True), st.text(min_size=1))


@given(st.one_of(st.text(), IDS))
@example("graph")
@example("Node")
def test_fast_quoting_is_graphviz_quoting(text: str) -> None:
    assert _text(text) == graphviz.quoting.quote(_plain(text))


@given(
    IDS,
    IDS,
    st.sampled_from(["->", "<->", " supports ", " and "]),
    st.sampled_from(["", ":support", " attack each other"]),
)
def test_an_edge_between_plain_ids_is_only_quoted(u: str, v: str, between: str, end: str) -> None:
    """An edge's id or tooltip that joins two valid ids takes a fast path past `_text`."""
    text = f"{u}{between}{v}{end}"
    assert _edge_text(text, _PLAIN_ID(u) is not None and _PLAIN_ID(v) is not None) == _text(text)


@given(
    st.dictionaries(
        st.sampled_from(["label", "color", "style", "id", "tooltip", "fontsize", "URL"]),
        st.one_of(st.text(), st.text().map(graphviz.escape), st.sampled_from(["<b>", "1.5"])),
        max_size=5,
    )
)
@example({"label": "<b>"})
@example({"label": graphviz.escape("<b>")})
def test_attribute_lists_are_written_as_graphviz_writes_them(attrs: dict[str, str]) -> None:
    """Graphviz's quoting is kept for each value: a str and the same text marked "not
    HTML" (`graphviz.escape`'s) are kept apart, as graphviz quotes them unlike."""
    with warnings.catch_warnings():  # (a value ending in a backslash: DotSyntaxWarning)
        warnings.simplefilter("ignore")
        assert _attr_list(attrs) == graphviz.quoting.a_list(kwargs=attrs)
    assert (_quote("<b>"), _quote(graphviz.escape("<b>"))) == ("<b>", '"<b>"')


WORDS = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=["Z", "C"]), min_size=1),
        st.text("中文字「」。，あア한ＡＢ12abーっ\u3099\u200d👨🏻🇯🇵\U000e0100", min_size=1),  # noqa: RUF001 (wide characters)
        st.text("ภาษาไทยไม่เว้นวรรค", min_size=1),  # Thai: no spaces between its words
    ),
    max_size=60,
)


def _line_pieces(text: str, line: str, width: int) -> tuple[list[str], list[str]]:
    """What `line`, wrapped from `text` at `width`, may break between by itself (in the
    language of the whole text), and the text's own pieces that the line starts with:
    Japanese and Thai phrases depend on the text around them."""
    words = [w for w in line.split(" ") if w]
    alone = [piece for piece, _ in pieces(text, words, width)]
    # (Or the text's piece that the line's first word is the start of, cut: a piece too
    # long for any line, which starts on a line of its own.)
    own = [
        p
        for p, _ in pieces(text, None, width)
        if words and (words[0].startswith(p) or p.startswith(words[0]))
    ]
    return alone, own


def _unbreakable(text: str, line: str, width: int) -> bool:
    """Whether `line` is one piece: by itself, or in the text (a Thai phrase), or what is
    left of one cut for being over twice the width."""
    alone, _ = _line_pieces(text, line, width)
    return len(alone) == 1 or any(p.endswith(line.strip()) for p, _ in pieces(text, None, width))


def _first_pieces(text: str, line: str, width: int) -> list[str]:
    alone, own = _line_pieces(text, line, width)
    return [alone[0], *own]


def _assert_the_words(lines: list[str], words: str, whole: bool = True) -> None:
    """`lines` hold `words` (written together; their start, unless `whole`), in order, and
    nothing else: but for spaces, and a hyphen where a word of letters was cut between two
    of them."""
    rest = words
    for line in lines:
        line = line.replace(" ", "").replace("\u00a0", "")
        if not rest.startswith(line):
            assert line.endswith("-") and line[-2:-1].isalpha(), (line, rest)
            line = line[:-1]
            assert rest.startswith(line) and rest[len(line) : len(line) + 1].isalpha()
        rest = rest[len(line) :]
    assert rest == "" or not whole


def test_a_line_breaks_between_flags_never_inside_one() -> None:
    """Two regional indicators make a flag: a line may break between two flags, not between
    the halves of one, however long the run (counted back over the run at each character,
    8,000 flags took 29 s to wrap)."""
    us, gb, lone = "\U0001f1fa\U0001f1f8", "\U0001f1ec\U0001f1e7", "\U0001f1eb"
    run = us + gb * 3000 + lone
    first, *flags, last = fill_lines(f"Flags {run} here", 12)
    assert {len(line) for line in flags} == {12}  # six flags a line, each whole
    # (The lone half of a flag: no break before it. The run's rest goes on the next word's
    # line: once cut, a word is cut to its end.)
    assert (first, last) == ("Flags", f"{gb}{lone} here")
    assert "".join(flags) + gb + lone == run


@given(WORDS, st.integers(min_value=3, max_value=60))
@example(["0", "0", "\uff9e\uff71\uff01"], 3)  # a zero-width mark, then a word too long
@example(["-", "an", "item", "that", "wraps", "under", "its", "words"], 9)  # a hanging indent
@example(["0", "0\U000e0100"], 3)  # a variation selector in text with no wide character
@example(["Geschwindigkeitsbegrenzung"], 10)  # cut with a hyphen
@example(["::AA??¿"], 3)  # cut after what is no letter: no hyphen
@example(["000bไนมเ"], 3)  # a Thai phrase over twice the width, cut: its rest is one piece
@example(["0", "00", "00⺀00", "?AA:???", "0", "00豈00", "0"], 3)  # cut short after a hyphen
@example(["0", "00<0ก", "0", "เ"], 6)  # a line broken in a no-break space that it glued
@example(["0", "00", "000", "0000", ":", "0:", "0", "0"], 12)  # an orphan of glued pieces
@example(["0", "0", "\u3099", "วาเด000"], 3)  # a Thai phrase too long for a line: its own line
@example(["-", "0", "0", ":", ":", "0"], 9)  # an orphan moved down under a hanging indent
def test_words_wrap_within_the_width(words: list[str], width: int) -> None:
    """Lines fit `width` columns (a wide character takes two); Chinese and Japanese text,
    which has no spaces, breaks between characters."""
    text = " \t ".join(words)
    lines = wrap_lines(text, width)
    # Only a piece that does not fit stretches its line, and not past twice the width.
    assert all(
        columns(line) <= width or (_unbreakable(text, line, width) and columns(line) <= 2 * width)
        for line in lines
    )
    assert len(lines) <= MAX_LINES
    if len(lines) == MAX_LINES and lines[-1].endswith("…"):  # cut: the text's start shown
        shown = [*lines[:-1], lines[-1].removesuffix("…").rstrip(" ")]
        _assert_the_words(shown, "".join(words).replace("\u00a0", ""), whole=False)
        assert len(lines) == MAX_LINES
    else:  # whole: every word, in order, a line break only where the next piece did not fit
        # (A space that French typography keeps, as before `:`, is a no-break space.)
        _assert_the_words(lines, "".join(words).replace("\u00a0", ""))
        # (A line may start with spaces: a list item's hanging indent, `- ` or `1. `.)
        assert all(line == line.rstrip() for line in lines)
        for line, following in itertools.pairwise(lines):
            firsts = _first_pieces(text, following, width)
            # (But for a word moved down to the last line, which it would leave alone; its
            # pieces apart by spaces, not by the no-break spaces that hold one together.)
            orphan = following is lines[-1] and len(following.lstrip(" ").split(" ")) == 2
            assert orphan or any(columns(line) + 1 + columns(first) > width for first in firsts)


def test_a_word_cut_at_the_last_line_ends_in_an_ellipsis_of_its_own() -> None:
    """A word as long as a line, cut to end the last line shown, was followed by " …",
    which said a shorter word, another one ("Kilowatt"): the ellipsis goes right after a
    word cut, and after a space only when whole words are left out."""
    assert shown_lines("Kilowattstunde " * 30, 10)[0][-1] == "Kilowatts…"
    assert shown_lines("100 €/MWh " * 30, 10)[0][-1] == "100 …"
    # A list item's hanging indent stays; and no cut is wider than its width, however small.
    assert shorten("  Kilowattstunden x", 12) == "  Kilowatts…"
    assert [shorten("日本語のテキスト", width) for width in (1, 2, 3)] == ["…", "…", "日…"]


def test_a_short_last_word_is_not_alone_on_its_line() -> None:
    """`economy.` ended a box of the seed map alone on its line (as `reform.`, `sort.`, ...):
    the word before it moves down to it, unless that would overfill the line, leave the
    line before shorter, or split what is held together."""
    text = (
        "The ads, calls and emails only encourage constituents to call their Member of "
        "Congress and support legislation that revives the economy."
    )
    assert wrap_lines(text, 36)[-2:] == ["legislation that revives", "the economy."]
    assert wrap_lines("- an item that wraps under the words it has.", 20) == [
        "- an item that wraps",
        "  under the words",
        "  it has.",
    ]
    assert wrap_lines("ab cdefghijklmnop xyz", 20) == ["ab cdefghijklmnop", "xyz"]
    assert wrap_lines("Il lui a dit « salut x.", 20) == ["Il lui a dit « salut", "x."]
    assert wrap_lines("短い文です。これは長い文章の例です。", 10)[-1] == "例です。"  # (no spaces)


@given(
    st.lists(st.from_regex(r"[a-z][a-z.,]{0,13}", fullmatch=True), max_size=40), st.integers(3, 40)
)
def test_plain_words_wrap_as_textwrap_does(words: list[str], width: int) -> None:
    """ASCII words take a fast path (each line cut at the last space that fits): the same
    greedy lines as `textwrap`, a word too long for a line on one of its own, and a short
    last word not alone on its line. (Words of letters: a lone `.` or `:` stays with the
    word before, where textwrap breaks.)"""
    import textwrap

    expected = textwrap.wrap(" ".join(words), width, break_long_words=False, break_on_hyphens=False)
    if len(expected) <= MAX_LINES and all(len(word) <= width for word in words):
        lines = wrap_lines(" ".join(words), width)
        assert (
            lines == (expected or [""])
            or (  # or a short last word joined by one more
                lines[:-2] == expected[:-2]
                and " ".join(lines[-2:]) == " ".join(expected[-2:])
                and len(expected[-1].split()) == 1
                and len(lines[-1].split()) == 2
            )
        )


@pytest.mark.parametrize("width", range(12, 41))  # from the widest phrase held together
def test_french_spaces_hold_their_words_together(width: int) -> None:
    """French sets a space before `:`, `;`, `?` and `»` and after `«`, and writes
    `1 200 €`: lines began with `: 1,7 cotisant` or `» coûterait`, or ended in `«`."""
    text = (
        "Le ratio se dégrade : 1,7 cotisant par retraité ; le dispositif « carrières "
        "longues » coûterait 1 200 € par mois, et 12 000 000 € en tout ?"
    )
    lines = wrap_lines(text, width)
    if not lines[-1].endswith(" …"):  # (at most MAX_LINES lines)
        assert " ".join(lines).replace("\u00a0", " ") == text
    for line, following in itertools.pairwise(lines):
        assert following[0] not in ":;?»€" and not line.endswith("«")
        assert not (line[-1].isdigit() and following[:3].isdigit())
    assert wrap_lines("In 2023 100 people came.", 7) == ["In 2023", "100", "people", "came."]
    # What is held together still fits a line; Chinese text keeps its own breaks.
    numbers = "The results were 12 100 200 300 400 500 600 700 800 900 and more"
    assert all(len(line) <= width for line in wrap_lines(numbers, width))
    assert all(len(line) <= width for line in wrap_lines(" ".join([":"] * 60), width))
    assert "\u00a0" not in "".join(
        wrap_lines("他说 « 这个项目太贵了 » 而且 « 没有必要 » 。", width)
    )


@pytest.mark.parametrize("width", range(14, 41))
def test_numbers_keep_their_units_and_signs_their_terms(width: int) -> None:
    """Lines ended in `P <` (`0.05` on the next), `130` (`km/h`), `15` (`Prozent`), and
    Japanese ones in `5` (`年間`)."""
    text = "It should change from P < 0.05 to P < 0.005 at 130 km/h, or by 15 Prozent"
    lines = wrap_lines(text, width)
    assert " ".join(lines).replace("\u00a0", " ") == text
    apart = {("P", "<"), ("<", "0.05"), ("<", "0.005"), ("130", "km/h,"), ("15", "Prozent")}
    for line, following in itertools.pairwise(lines):
        assert (line.split()[-1], following.split()[0]) not in apart
    japanese = (
        "火力燃料費の増加は2011〜2015年度の5年間で累計14.7兆円、国民1人当たり11万円超の負担増"
    )
    for line, following in itertools.pairwise(wrap_lines(japanese, width)):
        assert not (line[-1].isdigit() and following[0] in "年兆万人")


def test_line_breaks_written_in_the_text_stay() -> None:
    """A `|` block's lines (a list, say) were run together into one paragraph."""
    text = "Two things:\n- one\n- another, long enough to wrap\n\n\n\nThat is all.\n"
    assert wrap_lines(text, 20) == [
        "Two things:",
        "- one",
        "- another, long",
        "  enough to wrap",  # under its first word: a hanging indent
        "",
        "That is all.",
    ]
    assert wrap_lines("a word", 0) == wrap_lines("a word", 1)  # a width of 0 looped forever
    assert wrap_lines("12) an item that wraps", 12) == ["12) an item", "    that", "    wraps"]
    assert wrap_lines("- on a narrow line", 5)[:2] == ["- on", "a"]  # no room to indent
    block = text.strip().replace("\n", "\n      ")
    m = loads(f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: |\n      {block}\n").map
    assert m is not None
    assert '- another, long<BR ALIGN="LEFT"/>  enough' in dot_of(m, wrap=20)
    hebrew = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: |\n      - שמות מתחם בינלאומיים\n"
    ).map
    assert hebrew is not None
    assert '"/>  \u2067בינלאומיים\u2069<BR' in dot_of(hebrew, wrap=12)  # noqa: RUF001 (Hebrew)
    many = "\n".join(["line"] * MAX_LINES) + "\n\nmore"
    assert wrap_lines(many, 20) == [*["line"] * (MAX_LINES - 1), "line …"]
    assert wrap_lines("\n".join(["line"] * (MAX_LINES - 1)) + "\n\nmore", 20)[-1] == "…"


@given(
    st.lists(st.one_of(WORDS.map(" ".join), st.just(""), st.just("   ")), max_size=20),
    st.integers(min_value=3, max_value=60),
)
# A paragraph with no kana after a Japanese one: not read as Japanese phrases, its `0(⺀`
# holds together (no break after a digit before a bracket, nor after the bracket).
@example(["ぁ", "0(⺀"], 3)
def test_paragraphs_wrap_within_the_limits(paragraphs: list[str], width: int) -> None:
    """Lines written in the text, blank ones among them, within the width and the line
    limit; a paragraph's words in order; at most one blank line in a row. Each paragraph
    is wrapped in its own language (Japanese if it has kana)."""
    text = "\n".join(paragraphs)
    wrapped = wrap_paragraphs(text, width)
    lines = wrap_lines(text, width)
    assert lines == [line for p in wrapped for line in p]
    assert len(lines) <= MAX_LINES
    written = [p for p in paragraphs if p and not p.isspace()]
    assert all(
        columns(line) <= width or (_unbreakable(p, line, width) and columns(line) <= 2 * width)
        for p, shown in zip(written, [p for p in wrapped if p != [""]], strict=False)
        for line in shown
    )
    assert not any(a == b == "" for a, b in itertools.pairwise(lines))
    if not lines[-1].endswith("…"):  # whole: every word, in order
        words = [w for p in paragraphs for w in p.split()]
        # (A number and the word after it are held together by a no-break space.)
        _assert_the_words(lines, "".join(words))


# Text that typography holds together in places (`1 200 €`, `« mot »`, `P < 0.05`), list items,
# long words and URLs.
_TYPESET = "Le ratio a word : ; ? « » 1 200 000,50 € 130 km/h P < 0.05 - 1. 2) * https://e.org/a"
TYPESET = st.lists(st.sampled_from([*_TYPESET.split(), "x" * 30]), max_size=50).map(" ".join)


@given(st.one_of(WORDS.map(" ".join), TYPESET, st.text()), st.integers(0, 60))
@example("- an item that wraps under its words", 9)
@example(" ".join(["word"] * 200), 10)  # cut short
@example("   ", 10)
def test_one_paragraph_wraps_as_in_a_text_of_several(text: str, width: int) -> None:
    """Most text is one paragraph, which takes a fast path past the loop over paragraphs:
    it wraps as that loop wraps it, which it goes through with a line break after it."""
    assert _paragraphs(text, width) == _paragraphs(text + "\n", width)


@given(st.text())
def test_quick_looks_for_breaks_and_spaces_agree_with_the_regular_expressions(text: str) -> None:
    assert _has_break(text) == (_PARAGRAPH.search(text) is not None)
    assert _words(text) == [word for word in _BREAKING_SPACE.split(text) if word]


def test_no_break_spaces_hold_words_together() -> None:
    """`10\u00a0km` was split as `10` at the end of a line and `km` on the next."""
    assert wrap_lines("aaaa bbbb 10\u00a0km cccc", 12) == ["aaaa bbbb", "10\u00a0km cccc"]
    french = "Il a dit\u202f: «\u202fnon\u202f» et puis"
    assert wrap_lines(french, 12) == ["Il a dit\u202f:", "«\u202fnon\u202f» et", "puis"]
    assert wrap_lines("x 1\u2007000 y", 4) == ["x", "1\u2007000", "y"]


def test_a_long_url_breaks_after_its_separators() -> None:
    url = "https://example.org/a-very-long-url-that-goes-on/and-on?page=2"
    assert wrap_lines(f"see {url}", 30) == [
        "see https://example.org/a-",
        "very-long-url-that-goes-on/",
        "and-on?page=2",
    ]
    assert wrap_lines("Donaudampfschifffahrtsgesellschaft", 30) == [
        "Donaudampfschifffahrtsgesellschaft"  # no separator: whole, up to twice the width
    ]
    # Past twice the width it is cut, and to its end: its last 64 letters were left whole.
    word = "Supercalifragilisticexpialidocious" * 6
    assert [len(line) for line in wrap_lines(word, 36)] == [36, 36, 36, 36, 36, 29]
    # (A URL's rest after a cut at its separator is still whole up to twice the width.)
    url = "see https://example.org/reports/" + "a" * 50 + ".pdf"
    assert wrap_lines(url, 36) == ["see https://example.org/reports/", "a" * 50 + ".pdf"]
    # Not between the slashes of `https://` (`<https:/`, then `/www.rtve.es/`).
    assert wrap_lines("see <https://www.rtve.es/noticias/2010/toros.html>", 12)[:3] == [
        "see",
        "<https://",
        "www.rtve.es/",
    ]


def test_headings_break_near_their_middle() -> None:
    """The legend's note left a word alone on its last line (`to 1`)."""
    from argmap.text import balanced_lines

    note = "df-quad scores, from 0 (defeated) to 1"
    assert len(wrap_lines(note, 36)[-1]) <= 4
    assert balanced_lines(note, 36) == ["df-quad scores, from", "0 (defeated) to 1"]
    assert balanced_lines("Short title", 36) == ["Short title"]


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (["山田", "佐藤"], "山田、佐藤"),
        (["中文", "Bob"], "中文, Bob"),
        (["김민수", "이영희"], "김민수, 이영희"),
        # An emoji is wide, as Chinese is, but no reason to list Latin names the Chinese way.
        (
            ["Chef Luigi 👨\u200d🍳", "Pizza Guild 🏛\ufe0f"],
            "Chef Luigi 👨\u200d🍳, Pizza Guild 🏛\ufe0f",
        ),
    ],
)
def test_names_are_listed_as_their_script_lists_them(names: list[str], said: str) -> None:
    assert listed(names) == said


def test_chinese_breaks_between_characters_and_counts_twocolumns() -> None:
    text = "免费公共交通可以减少交通拥堵和空气污染，并帮助低收入家庭。"  # noqa: RUF001
    lines = wrap_lines(text, 20)
    assert lines == ["免费公共交通可以减少", "交通拥堵和空气污染，", "并帮助低收入家庭。"]  # noqa: RUF001
    assert wrap_lines("「引用」は、ここ。", 4) == ["「引", "用」", "は、", "こ", "こ。"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "原子力発電所の再稼働は、電力の安定供給と温室効果ガスの削減のために必要である"
            "（民法上の責任も含む）。",  # noqa: RUF001 (Japanese)
            "ja",
        ),
        (
            "การศึกษาภาคบังคับควรขยายเป็นสิบสองปีเพื่อให้เด็กทุกคนได้รับโอกาสที่เท่าเทียมกันในการเรียนรู้",
            "th",
        ),
    ],
)
@pytest.mark.parametrize("width", [16, 24, 30, 36])
def test_japanese_and_thai_break_between_phrases(text: str, language: str, width: int) -> None:
    """Broken between any two characters, a line split a Japanese word (`責任` / `も`),
    and Thai, which has no spaces, was one long word cut anywhere, its lines too long:
    lines now end where BudouX's phrases do, within the width."""
    import budoux

    parser = budoux.load_default_thai_parser() if language == "th" else None
    phrases = (parser or budoux.load_default_japanese_parser()).parse(text)
    ends = set(itertools.accumulate(map(len, phrases)))
    lines = wrap_lines(text, width)
    assert "".join(lines) == text and len(lines) > 1
    assert all(columns(line) <= width for line in lines)
    assert set(itertools.accumulate(map(len, lines))) <= ends


def test_a_japanese_phrase_wider_than_the_line_breaks_between_characters() -> None:
    """`原子力発電所の` (a nuclear plant's) is 14 columns: broken between its characters,
    while `再稼働` (restart), which fits, is kept whole."""
    assert wrap_lines("原子力発電所の再稼働", 8) == ["原子力発", "電所の", "再稼働"]


@pytest.mark.parametrize(
    ("names", "byline"),
    [
        (["経団連", "家族法研究者"], "経団連、家族法研究者"),
        (["Harry Reid", "経団連"], "Harry Reid, 経団連"),
        (["김철수", "이영희"], "김철수, 이영희"),  # Korean lists with commas
    ],
)
def test_bylines_list_names_as_their_script_does(names: list[str], byline: str) -> None:
    assert listed(names) == byline
    actors = "".join(f"  a{i}: {{name: {name}}}\n" for i, name in enumerate(names))
    by = ", ".join(f"a{i}" for i in range(len(names)))
    m = loads(f"argmap: 1\ntitle: T\nactors:\n{actors}claims:\n  c: {{text: C., by: [{by}]}}\n").map
    assert m is not None
    assert f"—\u00a0{byline}" in dot_of(m, wrap=60)


def test_no_phrase_splits_a_number() -> None:
    """BudouX put a break inside `平成27年` (the year 2015, as `平成2` / `7年`)."""
    text = "最高裁判所の判決 平成27年12月16日（平成26年(オ)第1023号）"  # noqa: RUF001
    assert wrap_lines(text, 20) == [
        "最高裁判所の判決",
        "平成27年12月16日",
        "（平成26年",  # noqa: RUF001
        "(オ)第1023号）",  # noqa: RUF001
    ]


def test_an_ordinal_keeps_its_number() -> None:
    """`第` (the nth) ended a line, and its number started the next: `民法第` / `750条`."""
    assert wrap_lines("損害賠償は民法第750条による", 8) == [
        "損害賠償",
        "は民法",
        "第750条",
        "による",
    ]
    assert wrap_lines("参加者は約100人だった", 8)[1].startswith("約100人")


def test_a_balanced_title_cuts_no_phrase_that_its_width_keeps() -> None:
    """Balanced at a narrower width, a Japanese title's phrases wider than that were cut
    between characters (`基づく損害賠` / `償請求は`), where the title's width keeps them."""
    title = "民法第750条に基づく損害賠償請求は認められるべきか"
    assert wrap_lines(title, 16) == [
        "民法第750条に",
        "基づく",
        "損害賠償請求は",
        "認められるべきか",
    ]
    assert balanced_lines(title, 16) == wrap_lines(title, 16)
    assert balanced_lines("MoveOn isn't backing off", 20) == ["MoveOn isn't", "backing off"]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # Korean and full-width letters break at spaces, like Latin words
        ("안녕하세요 여러분 반갑습니다", 10, ["안녕하세요", "여러분", "반갑습니다"]),
        ("ＣＯ２の排出", 6, ["ＣＯ２", "の排出"]),  # noqa: RUF001
        # no line starts with a small kana or the long-vowel mark
        (
            "スーパーマーケットでラッシュアワー",
            10,
            ["スーパー", "マーケット", "でラッシュ", "アワー"],
        ),
        # a combining mark (here a voiced mark) stays with its character, and takes no room
        ("東京のか\u3099くせいはと\u309aても", 10, ["東京のか\u3099く", "せいはと\u309aて", "も"]),
        # a variation selector stays with its kanji (in a phrase, 葛飾区, a ward of Tokyo);
        # an emoji sequence is one piece
        ("でいます葛\U000e0100飾区", 10, ["でいます", "葛\U000e0100飾区"]),
        ("家族👨\u200d👩\u200d👧\u200d👦です", 8, ["家族", "👨\u200d👩\u200d👧\u200d👦", "です"]),
    ],
)
def test_lines_break_only_between_whole_characters(
    text: str, width: int, expected: list[str]
) -> None:
    assert wrap_lines(text, width) == expected


def test_an_emoji_style_character_takes_two_columns() -> None:
    """`❤️` (a heart and variation selector 16) is drawn as an emoji, two columns wide in
    a terminal; counted as one, `show` made lines a terminal broke again."""
    assert columns("❤") == 1 and columns("❤️") == 2 and columns("☀️x") == 3
    assert columns("👍🏽") == 2  # (the skin tone is drawn in the emoji it follows)
    assert wrap_lines("❤️ ❤️ ❤️ ❤️", 6) == ["❤️ ❤️", "❤️ ❤️"]


def test_printable_text_has_no_character_to_clean() -> None:
    """`_clean` skips its regular expression for printable text: every character it
    removes must be one that makes text not printable. All of Unicode, one by one."""
    from argmap.render.dot import _CONTROL

    removed = [c for c in map(chr, range(0x110000)) if _CONTROL.match(c)]
    assert len(removed) > 2000  # controls, bidi overrides, surrogates, noncharacters
    assert not any(c.isprintable() for c in removed)


def test_the_map_is_freed_while_the_engine_works(tmp_path: Path) -> None:
    """networkx's graph refers to itself through its cached views; the map it holds was
    left to the cyclic collector, whose pass after a render took as long as the check."""
    import gc

    from argmap.model import Node
    from argmap.render.batch import Job, _lay_out

    job = Job(str(SEED), str(tmp_path / "seed.svg"))
    gc.collect()
    gc.disable()
    try:
        report, drawing, failure = _lay_out(job, RenderOptions(), {}, Settings())
        assert drawing is not None and failure is None and report.path == str(SEED)
        assert not [o for o in gc.get_objects() if isinstance(o, Node)]
        assert b"<svg" in drawing.result()
    finally:
        gc.enable()


def test_no_string_of_the_dot_is_longer_than_graphviz_2_43_reads() -> None:
    """A letter with 10,000 combining marks, which no line break splits, made a label of
    20 KB, and a text of 20,000 letters a tooltip as long: Graphviz 2.43 stops at 16 KB
    ("longer than 16384?"), so `--engine system` failed. Past eight, piled marks are left
    out (they draw as one smear); a tooltip is cut at 16,000 bytes, with "…"."""
    zalgo = "e" + "\u0301" * 10_000
    m = loads(
        f"argmap: 1\ntitle: {'Title words ' * 2_000}\nclaims:\n"
        f'  c: {{text: "{zalgo} ok", tags: ["{zalgo}"]}}\n'
        f'  d: {{text: "{"a&b " * 5_000}"}}\n'
        f"  e: {{text: {'x' * 17_000}}}\n"  # (a bare word in DOT: unquoted, and was whole)
    ).map
    assert m is not None
    for options in ({}, {"group_by": "tag"}):
        dot = dot_of(m, **options)
        strings = re.findall(r'"(?:[^"\\]|\\.)*"|<(?:[^<>]|<[^<>]*>)*>', dot)
        assert max(len(x.encode("utf-8")) for x in strings) < 16_384
        assert not re.search(r"[^\s=]{16384}", dot)
        assert "e" + "\u0301" * 8 + " ok" in html.unescape(dot)
        assert "\u0301" * 9 not in dot
    title = re.search(r"id=_map label=<(.*?)> labelloc", dot_of(m))
    assert title is not None and title[1].count("<BR/>") == 3  # four lines, the last cut
    tooltip = re.search(r'id=d [^\n]*tooltip="([^"]*)"', dot_of(m))
    assert tooltip is not None and tooltip[1].endswith("…")
    assert tooltip[1].startswith("a&amp;b a&amp;b")
    if shutil.which("dot"):
        drawn = render(m, RenderOptions(engine="system", dot=DotOptions(group_by="tag")))
        ET.fromstring(drawn)


def test_a_tooltip_has_no_blank_line_after_a_block_of_text() -> None:
    m = loads(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: |\n      Fell:\n      - by 24 %;\n"
        '    quote: "Ha demostrado su eficacia"\n    note: >\n      Checked.\n'
    ).map
    assert m is not None
    assert 'tooltip="Fell:\n- by 24 %;\n“Ha demostrado su eficacia”\nNote: Checked."' in dot_of(m)
    # A quote in quotation marks of its own is not quoted again: “« Nous devons »”.
    french = loads("argmap: 1\ntitle: T\nclaims:\n  c: {text: T, quote: « Nous devons »}\n").map
    assert french is not None
    assert 'tooltip="T\n« Nous devons »"' in dot_of(french)
    assert in_quotes("'90s policy failed") == "“'90s policy failed”"  # not a quotation mark
    assert in_quotes(" „Ja“ ") == "„Ja“"


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (RenderOptions(engine="dot"), "engine must be one of auto, builtin, system, not 'dot'"),
        (RenderOptions(dot=DotOptions(theme="neon")), "theme must be one of light, dark, print"),
        (RenderOptions(dot=DotOptions(direction="TD")), "direction must be one of TB, BT,"),
        (RenderOptions(dot=DotOptions(group_by="person")), "group_by must be one of actor,"),
        (RenderOptions(dot=DotOptions(wrap=0)), "wrap must be 10 to 200 characters, not 0"),
        (RenderOptions(focus="unwise", depth=-1), "depth must be 0 or more, not -1"),
    ],
)
def test_options_the_command_line_refuses_are_refused_to_the_library(
    options: RenderOptions, said: str
) -> None:
    """A theme or direction argmap lacks was a KeyError in building the DOT; an engine it
    lacks, a wrap of 0 or a depth of -1 went unremarked."""
    with pytest.raises(OptionError, match=re.escape(said)):
        render(load_map(SEED), options)
