"""What the fonts of argmap's own PNG and PDF drawings can show. Their text is drawn by
tools that bring their own fonts rather than the machine's: a character the font lacks
shows as a box (□), and the render warns of them (rules `png-font`, `pdf-font`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from argmap.diagnostics import Diagnostic, Severity
from argmap.model import Map, Span
from argmap.render.dot import DotOptions, drawn_text, group_of
from argmap.render.glyphs import in_arimo, unseen
from argmap.text import counted


@dataclass(frozen=True)
class DrawnFont:
    """The font a drawing's text is in, and the rule that warns of what it cannot show."""

    rule: str
    format: str
    name: str


PDF_FONT = DrawnFont("pdf-font", "PDF", "Arimo")
PNG_FONT = DrawnFont("png-font", "PNG", "Arimo")


def font_warning(
    m: Map, shown: Mapping[str, list[str]], font: DrawnFont, style: DotOptions
) -> Diagnostic | None:
    """A warning when the map's drawn text (title, the drawn nodes' text as far as their
    labels show it, `shown`, their actors' names, their groups' names) has characters that `font`
    cannot draw (control characters, which drawings leave out, are not counted). One for
    the map, at the first text that has them: a node's text, the actor whose name it is,
    the source or the tags of a group."""
    missing: dict[str, None] = {}
    first: Span | None = None
    count = 0
    nodes = [m.nodes[i] for i in shown]
    actors = {r.id: r.span for n in nodes for r in n.by}  # each name once, where first used
    groups: dict[str, tuple[str, Span]] = {}
    for n in nodes:
        if group := group_of(n, m, style.group_by):
            key, label = group
            at = m.sources[key].span if style.group_by == "source" and key in m.sources else None
            groups.setdefault(key, (label, at or n.fields.get("tags", n.span)))
    parts = [
        (m.title, m.fields.get("title", m.span)),
        # (As far as the label shows it: past MAX_LINES lines, the text is cut.)
        *((" ".join(shown[n.id]), n.fields.get("text", n.span)) for n in nodes),
        *((m.actor_name(a), m.actors[a].span if a in m.actors else at) for a, at in actors.items()),
        *(groups.values() if style.group_by != "actor" else ()),  # (actors: their names, above)
    ]
    for text, span in parts:
        found = [c for c in drawn_text(text) if not unseen(c) and not in_arimo(c)]
        if found:
            missing.update(dict.fromkeys(found))
            first = span if first is None or span < first else first
            count += 1
    if first is None:
        return None
    # Apart, so that letters of a script that joins them (Arabic) do not make a word.
    sample = " ".join(list(missing)[:8]) + (" …" if len(missing) > 8 else "")
    return Diagnostic(
        font.rule,
        Severity.WARNING,
        first,
        f"the {font.format}, in {font.name}, cannot show "
        f"{counted(len(missing), 'character')} of this map as written ({sample}), in "
        f"{counted(count, 'text')}: they show as boxes",
        f"render SVG, or a {font.format} with --engine system (Graphviz with the machine's fonts)",
    )
