"""The characters that text from a map is checked for, named once, so that the loader, the
URL check, the drawing and the terminal agree on them: a set copied into each with small
differences let U+2065 through one of them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from urllib.parse import quote

from argmap.model import Span

# Control characters: C0, DEL and C1.
CONTROL = (range(0x00, 0x20), range(0x7F, 0xA0))
# Bidirectional embeddings, overrides and isolates: they can make text display other than
# it reads ("Trojan Source").
BIDI_CONTROL = (range(0x202A, 0x202F), range(0x2066, 0x206A))
# What shows nothing besides control characters and white space: the soft hyphen, the
# Arabic letter mark, the Mongolian vowel separator, zero-width characters and direction
# marks, the bidirectional controls, the word joiner and invisible operators, the
# deprecated format characters, and the byte-order mark.
INVISIBLE = (
    range(0x00AD, 0x00AE),
    range(0x061C, 0x061D),
    range(0x180E, 0x180F),
    range(0x200B, 0x2010),
    *BIDI_CONTROL,
    range(0x2060, 0x2070),
    range(0xFEFF, 0xFF00),
)


# What shows nothing of its own beside the character before it, or at all: variation
# selectors (U+FE0F, which only styles an emoji), the tag characters, the combining
# grapheme joiner, the Hangul fillers, Khmer's inherent vowels, the blank Braille pattern,
# and the format characters of interlinear annotation, Egyptian hieroglyphs, shorthand and
# musical beams.
BLANK = (
    range(0xFE00, 0xFE10),
    range(0xE0000, 0xE0080),
    range(0xE0100, 0xE01F0),
    range(0x034F, 0x0350),
    range(0x115F, 0x1161),
    range(0x17B4, 0x17B6),
    range(0x2800, 0x2801),
    range(0x3164, 0x3165),
    range(0xFFA0, 0xFFA1),
    range(0xFFF9, 0xFFFC),
    range(0x13430, 0x13440),
    range(0x1BCA0, 0x1BCA4),
    range(0x1D173, 0x1D17B),
)


def code_points(*sets: Iterable[range]) -> Iterator[int]:
    """Every code point of `sets`."""
    for ranges in sets:
        for span in ranges:
            yield from span


def char_class(points: Iterable[int]) -> str:
    """The body of a regular-expression character class that matches `points`: `\\x00-\\x1f`
    and the like, ranges for runs."""
    parts: list[str] = []
    ordered = sorted(set(points))
    start = 0
    while start < len(ordered):
        end = start
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        first, last = escape(ordered[start]), escape(ordered[end])
        parts.append(first if start == end else f"{first}-{last}")
        start = end + 1
    return "".join(parts)


def escape(point: int) -> str:
    """A code point as a regular-expression escape (those of the Basic Multilingual Plane
    read alike in Python and in JSON Schema), which YAML's double quotes read too."""
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


_CONTROL = frozenset(code_points(CONTROL))
_INVISIBLE = frozenset(code_points(INVISIBLE))
_UNSHOWN = dict.fromkeys(_INVISIBLE)


def is_hidden(c: str) -> bool:
    """Whether `c` shows nothing in the text it is part of: a control character or one of
    INVISIBLE. Two strings that differ only by these read alike."""
    return ord(c) in _CONTROL or ord(c) in _INVISIBLE


def visible(text: str) -> str:
    """`text` as it reads: without its INVISIBLE characters (a message that quotes it names
    them apart, since quoted they would show nothing)."""
    return text.translate(_UNSHOWN)


def invisible_at(text: str) -> int | None:
    """The index of the first INVISIBLE character of `text`, if any."""
    return next((i for i, c in enumerate(text) if ord(c) in _INVISIBLE), None)


def describe(c: str) -> str:
    """One character as a message names it: by its code point and Unicode name, and shown
    itself when it is visible, so that a reader can tell two look-alikes apart."""
    code = f"U+{ord(c):04X}"
    if ord(c) in _CONTROL:
        return f"the control character {code}"  # (control characters have no names)
    name = unicodedata.name(c, "")  # (unassigned ones have none either)
    named = f"{code} {name}" if name else code
    if ord(c) in _INVISIBLE:
        return f"the invisible character {named}"
    return f"the space {named}" if c.isspace() else f"`{c}` {named}"


def located(span: Span, text: str, index: int) -> str:
    """`text[index]` named, and where it is written, when `span` is where `text` is: at its
    column when `text` is written on one line as it reads (plain, or quoted without
    escapes, the only ways its length and the span's agree), else by its place in `text`."""
    written = span.end_column - span.column
    if span.line == span.end_line and written in (len(text), len(text) + 2):
        where = f"at column {span.column + index + (written - len(text)) // 2}"
    else:
        where = f"as character {index + 1}"
    return f"{describe(text[index])} {where}"


# What separates the items of a list: commas, semicolons, and the commas of Chinese and
# Japanese (full-width, ideographic, small, half-width), and of Arabic. YAML reads only
# the ASCII comma of a list in brackets; the others are text.
LIST_SEPARATOR = re.compile("[,;\uff0c\u3001\ufe50\uff64\uff1b\u060c\u061b]")


# A key's colon typed in another script's form: the full-width one of Chinese and Japanese
# keyboards, and colons that look like it. YAML reads it as part of the text.
_LOOKALIKE_KEY = re.compile(r"[ \t]*([A-Za-z_][\w-]*)[ \t]*([\uFF1A\uFE55\uFE13\uA789\u2236])")


def lookalike_colon(text: str, keys: Collection[str]) -> tuple[str, int] | None:
    """The key with its colon, and the index of the colon, if `text` starts with one of
    `keys` and a colon YAML does not read as one (`title` and a full-width colon). (Only a
    key that is one: text may well start with a word and a full-width colon.)"""
    found = _LOOKALIKE_KEY.match(text)
    if found is None or found[1] not in keys:
        return None
    return found[0].strip(" \t"), found.start(2)


def colon_hint(key: str) -> tuple[str, str]:
    """The problem and the hint for a key written with a look-alike colon (`lookalike_colon`)."""
    return (
        f"`{key}` ends in {describe(key[-1])}, which YAML does not read as the colon after a "
        "key, but as text",
        f"write `{key[:-1].rstrip()}:` with the colon `:`",
    )


_DOTS = {0x3002: ".", 0xFF0E: ".", 0xFF61: "."}  # the full stops IDNA reads as dots


def punycode(host: str) -> str:
    """`host` as a browser shows an international name: each part with other letters than
    ASCII in punycode, `xn--...`. Part by part with the punycode codec rather than with
    the idna one, which refuses a part that is too long or that it cannot normalise; after
    composing accents (`u` and a combining diaeresis, as macOS pastes them, is `ü`) and
    reading the ideographic full stops as dots, as browsers do."""
    host = unicodedata.normalize("NFC", host).translate(_DOTS)
    return ".".join(
        p if p.isascii() else "xn--" + p.lower().encode("punycode").decode("ascii")
        for p in host.split(".")
    )


def ascii_url(url: str) -> str:
    """`url` in ASCII, as a browser sends it: the host in punycode, any other character
    outside ASCII percent-encoded as UTF-8 (`Straße` as `Stra%C3%9Fe`). A PDF's link holds
    ASCII only; a PDF reader took `ß` there for a byte of Latin-1."""
    scheme, slashes, rest = url.partition("://")
    if slashes:
        cut = re.search("[/?#]", rest)
        authority, path = (rest[: cut.start()], rest[cut.start() :]) if cut else (rest, "")
        user, at, host_port = authority.rpartition("@")
        host, colon, port = host_port.partition(":")
        rest = f"{user}{at}{punycode(host)}{colon}{port}{path}"
    return "".join(c if c.isascii() else quote(c) for c in f"{scheme}{slashes}{rest}")
