"""SVG -> PDF without system packages: svglib parses the SVG, reportlab writes the PDF.

Chosen over Graphviz's own PDF output because the builtin engine cannot write PDF and
`dot -Tpdf` needs a system Graphviz with cairo; see docs/render.md for the comparison.
The text is drawn in the Arimo that argmap brings (pdf-font/), which reportlab embeds:
reportlab's own standard fonts have Western European letters only. svglib drops links,
so they are laid back over the drawing as PDF link annotations, from the SVG's `<a>`
elements."""

from __future__ import annotations

import html
import io
import logging
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any
from unicodedata import bidirectional

from argmap.characters import ascii_url
from argmap.render.engines import EngineError
from argmap.render.glyphs import in_boxes
from argmap.render.theme import PDF_FONT_FAMILY

_FONT_FOLDER = Path(__file__).parent / "pdf-font"

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_HREF = f"{_XLINK}href"
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TRANSFORM = re.compile(r"scale\(([^ )]+) ([^ )]+)\).*translate\(([^ )]+) ([^ )]+)\)")

# The PDF font's names in reportlab, argmap's own (a font is registered for the process).
_REGULAR, _BOLD = (f"argmap-{PDF_FONT_FAMILY}-{style}" for style in ("Regular", "Bold"))
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, origin bottom left


def svg_to_pdf(svg: bytes) -> bytes:
    with _quick(), _epoch_unset():
        return _converted(svg)


def _converted(svg: bytes) -> bytes:
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas
    from svglib.svglib import svg2rlg

    logging.getLogger("svglib").setLevel(logging.ERROR)  # font fallbacks are not news
    drawing = svg2rlg(io.BytesIO(_TEXT.sub(_in_the_font, svg)), font_map=_font_map())
    if drawing is None:
        raise EngineError("could not convert the SVG to PDF")
    out = io.BytesIO()
    # Invariant: no creation date or random document id, so that the same map gives the
    # same bytes and `render --check` can compare them.
    # The page and the drawing start in Arimo: reportlab's default, Helvetica, unused,
    # was named in the file (a font list showed it, not embedded, beside Arimo).
    size = (drawing.width, drawing.height)
    pdf = Canvas(out, pagesize=size, invariant=True, initialFontName=_REGULAR)
    drawing.initialFontName = _REGULAR
    root = ET.fromstring(svg)
    heading = root.find(f"{_SVG}g/{_SVG}title")  # Graphviz's: the graph's name, the title
    pdf.setTitle(heading.text or "" if heading is not None else "")  # else "untitled"
    pdf.setAuthor("")  # else "anonymous"
    # The map's summary, the graph's tooltip (its title when it has none): else
    # "unspecified".
    about = root.find(f"{_SVG}g/{_SVG}g/{_SVG}a")
    summary = about.get(f"{_XLINK}title", "") if about is not None else ""
    pdf.setSubject(summary if heading is None or summary != heading.text else "")
    pdf.setCreator("argmap")
    renderPDF.draw(drawing, pdf, 0, 0)
    for url, box in links(root, drawing.width, drawing.height):
        pdf.linkURL(ascii_url(url), box)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


# A line of text in Graphviz's SVG: its element's start, its text, its end.
_TEXT = re.compile(rb"(<text\b[^>]*>)([^<]*)(</text>)")


def _in_the_font(line: re.Match[bytes]) -> bytes:
    """A line of text as the PDF can draw it: right-to-left text in the order its letters
    are seen, since reportlab sets every line left to right (Hebrew came out with each
    word's letters reversed), and what Arimo lacks as □ (`in_boxes`). A line of a
    right-to-left paragraph comes in an isolate (`dot._escaped`), and reads from the right
    whatever its first word (`Apple היא...`); any other line, from the left."""
    text = html.unescape(line[2].decode("utf-8"))
    if text.isascii():
        return line[0]
    # (Hebrew, Arabic..., or a right-to-left paragraph's line of only □ and digits: its
    # Arabic letters boxed before the layout, as the PNG's are: `DotOptions.boxed`.)
    if "\u2067" in text or any(bidirectional(c) in ("R", "AL") for c in text):
        # (python-bidi's own algorithm, which mirrors brackets and signs, `(2024)` and
        # `3 < 5`, as the faster one does not; it knows no isolates: given the direction.)
        from bidi.algorithm import get_display

        base = "R" if "\u2067" in text else "L"
        shown = get_display(text.translate(_ISOLATES), base_dir=base)
        text = _MARKS_BEFORE.sub(r"\2\1", shown)
    drawn = in_boxes(text.translate(_ISOLATES))  # (isolates: the engine's, not drawn)
    return line[1] + html.escape(drawn, quote=False).encode("utf-8") + line[3]


# Turned round, a right-to-left letter's marks (Hebrew's points) come before it: put back
# after it, where reportlab draws them on it, not on the letter before.
_MARKS_BEFORE = re.compile("([\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+)(.)")
_ISOLATES = dict.fromkeys(range(0x2066, 0x206A))


@contextmanager
def _quick() -> Iterator[None]:
    """reportlab set to draw without checking each shape's attributes as they are set
    (they are svglib's, not argmap's), and to write its streams compressed alone, not
    also in ASCII (`rl_config`): a PDF of 1,000 nodes took 16% less time, and is 19%
    smaller. Set back after, for any other user of reportlab in the process."""
    from reportlab import rl_config

    before = rl_config.shapeChecking, rl_config.useA85
    rl_config.shapeChecking, rl_config.useA85 = 0, 0
    try:
        yield
    finally:
        rl_config.shapeChecking, rl_config.useA85 = before


@contextmanager
def _epoch_unset() -> Iterator[None]:
    """reportlab dates an invariant PDF by SOURCE_DATE_EPOCH when it is set (reproducible
    builds set it, to the last commit's time, say), and the same map gave other bytes
    there: `render --check` called the PDF committed stale. Dated as everywhere else."""
    epoch = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        yield
    finally:
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = epoch


@cache
def _font_map() -> Any:
    """svglib's fonts for argmap's PDF: Arimo and its bold, read once (a font is registered
    with reportlab for the whole process, under argmap's own names)."""
    from reportlab.pdfbase.ttfonts import TTFError
    from svglib.fonts import FontMap

    fonts = FontMap()
    for weight, style, name in (("normal", "Regular", _REGULAR), ("bold", "Bold", _BOLD)):
        path = _FONT_FOLDER / f"{PDF_FONT_FAMILY}-{style}.ttf"
        try:
            _, registered = fonts.register_font(
                PDF_FONT_FAMILY, str(path), weight, "normal", rlgFontName=name
            )
        except TTFError:  # (svglib 1 returns False; svglib 2 lets reportlab's through)
            registered = False
        if not registered:
            raise EngineError(f"cannot read the PDF font {path}; reinstall argmap")
    return fonts


def links(root: ET.Element, width: float, height: float) -> Iterator[tuple[str, Box]]:
    """Each link of a Graphviz SVG (parsed) and the box its shapes cover, on a `width` x
    `height` page."""
    graph = root.find(f"{_SVG}g")
    transform = _TRANSFORM.search(graph.get("transform", "") if graph is not None else "")
    sx, sy, tx, ty = map(float, transform.groups()) if transform else (1.0, 1.0, 0.0, 0.0)
    _, _, view_width, view_height = map(float, root.get("viewBox", "0 0 1 1").split())
    kx, ky = width / view_width, height / view_height
    for anchor in root.iter(f"{_SVG}a"):
        url = anchor.get(_HREF)
        numbers = [
            float(n)
            for shape in anchor.iter()
            if shape.tag in (f"{_SVG}path", f"{_SVG}polygon")
            for n in _NUMBER.findall(shape.get("d") or shape.get("points") or "")
        ]
        if not url or len(numbers) < 4:
            continue
        xs = [kx * sx * (x + tx) for x in numbers[0::2]]
        ys = [height - ky * sy * (y + ty) for y in numbers[1::2]]
        yield url, (min(xs), min(ys), max(xs), max(ys))
