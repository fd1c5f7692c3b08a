"""Rules on the map's bookkeeping: unused entries, missing sources, repeated or long text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from unicodedata import normalize

from argmap.diagnostics import Severity
from argmap.model import Kind
from argmap.rules.base import Context, Finding, Option, Rule
from argmap.rules.references import PIECES, meant
from argmap.spec import ID_RE

W = Severity.WARNING


def _unused(section: str) -> Rule:
    field = "by" if section == "actors" else "source"
    what = section[:-1]
    article = "An" if what == "actor" else "A"

    def check(ctx: Context) -> Iterator[Finding]:
        # Nodes that could not be read (`reasons:` as a list, its own error) may name any
        # entry: "unused" would ask for what the file already has.
        if ctx.map.unread_sections & {kind.section for kind in Kind}:
            return
        entries = ctx.map.actors if section == "actors" else ctx.map.sources
        nodes = [*ctx.map.nodes.values(), *ctx.map.duplicates]
        named = [ref.id for n in nodes for ref in n.refs(field)]
        # (Each of several ids written as one, `by: reid vh`: said of the reference alone.)
        used = {piece for i in named for piece in PIECES.split(i)} if field == "by" else set(named)
        # An entry named by its name or title, `by: Harry Reid`, or misspelt, `by: reidd`:
        # the reference's error says to write the entry's id (not to remove the entry).
        if any(i not in entries for i in named):
            used |= meant(ctx, what)
        for entry in entries.values():
            # (An invalid id's own error says what to do: renamed, the nodes may name it.)
            if entry.id not in used and ID_RE.match(entry.id):
                yield (
                    entry.span,
                    f"{what} `{entry.id}` is not the `{field}` of any node",
                    f"add `{field}: {entry.id}` to the nodes it belongs to, or remove it",
                )

    key, entry = (
        ("reid", "{name: Harry Reid}") if section == "actors" else ("benen", "{title: Benen}")
    )
    return Rule(
        f"unused-{what}",
        W,
        f"{article} {what} that no node names in `{field}`.",
        f"An unused {what} is usually a node that lost its `{field}` or a leftover from an "
        "edit; either way the map says less than it seems to.",
        f"{section}:\n  {key}: {entry}\nclaims:\n  c1: {{text: A claim.}}\n",
        f"{section}:\n  {key}: {entry}\nclaims:\n  c1: {{text: A claim., {field}: {key}}}\n",
        check,
    )


def _quote_without_source(ctx: Context) -> Iterator[Finding]:
    for node in ctx.map.nodes.values():
        if node.quote is not None and node.source is None:
            yield (
                node.field_span("quote"),
                f"{node.kind} `{node.id}` quotes someone but names no source",
                "add `source: <source id>` so that readers can check the quote",
            )


def _normalise(text: str) -> str:
    """Text as read: its letters as one encoding of them (NFC: é written as one character
    or as e and a combining accent; not NFKC, to which `mc²` is `mc2`), case and spacing
    aside."""
    return " ".join(normalize("NFC", text).casefold().split())


def _duplicate_text(ctx: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for node in ctx.map.nodes.values():
        key = _normalise(node.text)
        if not key:
            continue
        if key in first:
            yield (
                node.field_span("text"),
                f"{node.kind} `{node.id}` has the same text as `{first[key]}`",
                f"merge the two nodes, or reword one; to repeat an argument, reference "
                f"`{first[key]}` instead",
            )
        else:
            first[key] = node.id


def _long_text(ctx: Context) -> Iterator[Finding]:
    limit: int = ctx.options["max-length"]
    for node in ctx.map.nodes.values():
        if len(node.text) > limit:
            yield (
                node.field_span("text"),
                f"the text of {node.kind} `{node.id}` is {len(node.text):,} characters long "
                f"(limit {limit})",
                "say it in fewer words and move detail to `note`, or split the node",
            )


def _future_date(ctx: Context) -> Iterator[Finding]:
    # (Tomorrow in UTC: today somewhere on earth.)
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    for source in ctx.map.sources.values():
        # (To the day, month or year: compared as far as it is written.)
        if source.date and source.date > tomorrow[: len(source.date)]:
            yield (
                source.span,
                f"source `{source.id}` is dated {source.date}, which is yet to come",
                "check the year (a typo such as 2052 for 2025?); a source is dated when it "
                "was published",
            )


def _svg_id_clash(ctx: Context) -> Iterator[Finding]:
    nodes = ctx.map.nodes
    for node in nodes.values():
        other = node.id.removeprefix("a_")
        if other != node.id and (other in nodes or other.startswith("_")):
            whose = "one of argmap's own elements" if other[0] == "_" else f"`{other}`'s box"
            yield (
                node.span,
                f"in the SVG, {node.kind} `{node.id}` has the same id as the link around {whose}",
                f"rename `{node.id}`; Graphviz names the link around an element `a_` + its id",
            )


RULES = [
    _unused("actors"),
    _unused("sources"),
    Rule(
        "quote-without-source",
        W,
        "A node with a `quote` but no `source`.",
        "A quote is only as good as the place it can be checked; name where it was said.",
        "claims:\n  c1: {text: Pressure is unwise., quote: very unwise and not helpful}\n",
        "sources:\n  benen: {title: MoveOn isn't backing off}\n"
        "claims:\n  c1: {text: Pressure is unwise., quote: very unwise and not helpful, "
        "source: benen}\n",
        _quote_without_source,
    ),
    Rule(
        "future-date",
        W,
        "A source dated after today.",
        "A debate quotes what has been said: a date yet to come is a typo of the year "
        "(`2919` for `2019`), which misleads whoever checks the source.",
        "sources:\n  benen: {title: MoveOn isn't backing off, date: 2919-04-29}\n"
        "claims:\n  c1: {text: A claim., source: benen}\n",
        "sources:\n  benen: {title: MoveOn isn't backing off, date: 2019-04-29}\n"
        "claims:\n  c1: {text: A claim., source: benen}\n",
        _future_date,
    ),
    Rule(
        "duplicate-text",
        W,
        "Two nodes with the same text (ignoring case, spacing and how letters are encoded).",
        "The same argument twice splits its supports and attacks between two nodes. "
        "Reference one node from several places instead.",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: Good reason., supports: c1}\n"
        "  r2: {text: good  reason., supports: c1}\n",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: Good reason., supports: c1}\n"
        "  r2: {text: Another reason., supports: c1}\n",
        _duplicate_text,
    ),
    Rule(
        "long-text",
        W,
        "A node whose text is longer than `max-length` characters (default 280).",
        "A node is one step of an argument; long text makes the rendered graph unreadable. "
        "Keep detail in `note`. Set the limit with `[tool.argmap.rules.long-text] "
        "max-length = 400`.",
        "claims:\n  c1:\n    text: " + "Very long. " * 30 + "\n",
        "claims:\n  c1:\n    text: Short.\n    note: " + "Very long. " * 30 + "\n",
        _long_text,
        {"max-length": Option(int, 280, "Longest text allowed, in characters.")},
    ),
    Rule(
        "svg-id-clash",
        W,
        "A node id that is `a_` + another node's id, or that starts with `a__`.",
        "In a rendered SVG each node's element id is its map id, and Graphviz wraps the "
        "link and tooltip around an element in a group with the id `a_` + that id (argmap's "
        "own elements have ids that start with `_`). Two elements with one id break links "
        "to `#id`, scripts and style sheets that look the node up.",
        "claims:\n  unwise: {text: Pressure is unwise.}\nreasons:\n"
        "  a_unwise: {text: It splits the party., supports: unwise}\n",
        "claims:\n  unwise: {text: Pressure is unwise.}\nreasons:\n"
        "  splits: {text: It splits the party., supports: unwise}\n",
        _svg_id_clash,
    ),
]
