"""Text from a map, made safe to print. A map is untrusted and a terminal obeys the escape
sequences in what it prints: `text: "\\e[2J"` must not clear the reader's screen, and a
bidirectional override must not make a line read other than it is."""

from __future__ import annotations

import re

from argmap.characters import BIDI_CONTROL, CONTROL, code_points

# Control characters as their visible pictures (ESC as ␛, a newline as ␊); C1 controls and
# bidirectional overrides and isolates as �. One character for one, so that a caret under
# a source line stays in its column.
_TABLE = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421}
_TABLE |= {c: 0xFFFD for c in code_points(CONTROL, BIDI_CONTROL) if c not in _TABLE}
# The line and paragraph separators too, which end a line for Python's and JavaScript's
# readers: a diagnostic is one line.
_TABLE |= {0x2028: 0xFFFD, 0x2029: 0xFFFD}
# Lone surrogates: how Python holds the bytes of a file name that is not UTF-8. They cannot
# be written out at all.
_SURROGATES = dict.fromkeys(range(0xD800, 0xE000), 0xFFFD)
_TABLE |= _SURROGATES


def printable(text: str) -> str:
    """`text` with nothing a terminal would act on."""
    return text.translate(_TABLE)


def writable(text: str) -> str:
    """`text` with what cannot be encoded (the undecodable bytes of a file name) as �."""
    return text if text.isascii() else text.translate(_SURROGATES)


def one_line(text: str) -> str:
    """`text` on one line, its runs of white space as single spaces, printable."""
    return printable(" ".join(text.split()))


def clipped(text: str, most: int) -> str:
    """`text`, or its first `most` characters and `…` when it is longer: what a message
    shows of a name or value that may be a megabyte long."""
    return text if len(text) <= most else text[:most] + "…"


# What a message quotes (in backticks) of the input, at most: the longest a hint gives to
# be pasted back (a field of QUOTED_SHOWN characters, its key and quotes) and then some. A
# value of 100 KB in a field that takes a choice, an alias's name, a tag, was said whole.
QUOTED_MOST = 2_000
_QUOTED_LONG = re.compile(f"`([^`]{{{QUOTED_MOST + 1},}})`")
_KEPT = 100  # characters of a quote past QUOTED_MOST that it is cut to


def short_quotes(text: str) -> str:
    """`text` with each quote of it (in backticks) longer than QUOTED_MOST cut short, and
    its length said."""
    if len(text) <= QUOTED_MOST:  # (almost every message)
        return text
    return _QUOTED_LONG.sub(
        lambda long: f"`{long[1][:_KEPT]}…` ({len(long[1]):,} characters)", text
    )
