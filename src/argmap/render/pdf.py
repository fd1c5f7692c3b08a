"""SVG -> PDF without system packages: svglib parses the SVG, reportlab writes the PDF.

Chosen over Graphviz's own PDF output because the builtin engine cannot write PDF and
`dot -Tpdf` needs a system Graphviz with cairo; see docs/render.md for the comparison.
reportlab draws with the 14 standard PDF fonts, so scripts outside Latin-1 need
`--engine system` (Graphviz with the machine's fonts)."""

from __future__ import annotations

import io
import logging

from argmap.render.engines import EngineError


def svg_to_pdf(svg: bytes) -> bytes:
    from reportlab.graphics import renderPDF
    from svglib.svglib import svg2rlg

    logging.getLogger("svglib").setLevel(logging.ERROR)  # font fallbacks are not news
    drawing = svg2rlg(io.BytesIO(svg))
    if drawing is None:
        raise EngineError("could not convert the SVG to PDF")
    result: bytes = renderPDF.drawToString(drawing)
    return result
