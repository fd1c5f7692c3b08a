"""What Arimo, the font of argmap's own PNG and PDF drawings, can draw, and its text as
those drawings show it: each character Arimo lacks as a box (□)."""

from __future__ import annotations

import re
from bisect import bisect_right
from unicodedata import category

from argmap.characters import BIDI_CONTROL, BLANK, code_points

# The characters of Arimo, the sans-serif font that graphviz-pure 0.2.2 draws PNG text in
# (for Helvetica and Arial), and argmap's PDF in: its cmap, read with fontTools from the
# font the engine embeds. Latin, Greek, Cyrillic and Hebrew, but no Arabic, Indic, Thai,
# CJK or emoji. `test_the_builtin_png_font_is_the_one_described` checks a sample against
# the engine, and `test_the_pdf_font_has_the_characters_described` the font argmap brings.
# fmt: off
_ARIMO = (
    (0x0020, 0x007E), (0x00A0, 0x0377), (0x037A, 0x037F), (0x0384, 0x038A), (0x038C, 0x038C),
    (0x038E, 0x03A1), (0x03A3, 0x052F), (0x0591, 0x05C7), (0x05D0, 0x05EA), (0x05F0, 0x05F4),
    (0x1AB0, 0x1ABE), (0x1C80, 0x1C88), (0x1D00, 0x1DF5), (0x1DFB, 0x1F15), (0x1F18, 0x1F1D),
    (0x1F20, 0x1F45), (0x1F48, 0x1F4D), (0x1F50, 0x1F57), (0x1F59, 0x1F59), (0x1F5B, 0x1F5B),
    (0x1F5D, 0x1F5D), (0x1F5F, 0x1F7D), (0x1F80, 0x1FB4), (0x1FB6, 0x1FC4), (0x1FC6, 0x1FD3),
    (0x1FD6, 0x1FDB), (0x1FDD, 0x1FEF), (0x1FF2, 0x1FF4), (0x1FF6, 0x1FFE), (0x2000, 0x2064),
    (0x2066, 0x2071), (0x2074, 0x208E), (0x2090, 0x209C), (0x20A0, 0x20BE), (0x20F0, 0x20F0),
    (0x2100, 0x214F), (0x2153, 0x2154), (0x215B, 0x215E), (0x2184, 0x2184), (0x2190, 0x2195),
    (0x21A8, 0x21A8), (0x2202, 0x2202), (0x2206, 0x2206), (0x220F, 0x220F), (0x2211, 0x2212),
    (0x2215, 0x2215), (0x2219, 0x221A), (0x221E, 0x221F), (0x2229, 0x2229), (0x222B, 0x222B),
    (0x2248, 0x2248), (0x2260, 0x2261), (0x2264, 0x2265), (0x2302, 0x2302), (0x2310, 0x2310),
    (0x2320, 0x2321), (0x2500, 0x2500), (0x2502, 0x2502), (0x250C, 0x250C), (0x2510, 0x2510),
    (0x2514, 0x2514), (0x2518, 0x2518), (0x251C, 0x251C), (0x2524, 0x2524), (0x252C, 0x252C),
    (0x2534, 0x2534), (0x253C, 0x253C), (0x2550, 0x256C), (0x2580, 0x2580), (0x2584, 0x2584),
    (0x2588, 0x2588), (0x258C, 0x258C), (0x2590, 0x2593), (0x25A0, 0x25A1), (0x25AA, 0x25AC),
    (0x25B2, 0x25B2), (0x25BA, 0x25BA), (0x25BC, 0x25BC), (0x25C4, 0x25C4), (0x25CA, 0x25CC),
    (0x25CF, 0x25CF), (0x25D8, 0x25D9), (0x25E6, 0x25E6), (0x263A, 0x263C), (0x2640, 0x2640),
    (0x2642, 0x2642), (0x2660, 0x2660), (0x2663, 0x2663), (0x2665, 0x2666), (0x266A, 0x266B),
    (0x266F, 0x266F), (0x2C60, 0x2C7F), (0x2DE0, 0x2E42), (0xA640, 0xA69F), (0xA717, 0xA7AE),
    (0xA7B0, 0xA7B7), (0xA7F7, 0xA7FF), (0xAB30, 0xAB65), (0xF001, 0xF002), (0xF005, 0xF005),
    (0xF00A, 0xF00E), (0xFB01, 0xFB04), (0xFB1D, 0xFB36), (0xFB38, 0xFB3C), (0xFB3E, 0xFB3E),
    (0xFB40, 0xFB41), (0xFB43, 0xFB44), (0xFB46, 0xFB4F), (0xFE20, 0xFE2F), (0xFEFF, 0xFEFF),
    (0xFFFC, 0xFFFD),
)
# fmt: on
_ARIMO_STARTS = [start for start, _ in _ARIMO]


def in_arimo(c: str) -> bool:
    """Whether Arimo has a glyph for `c`."""
    i = bisect_right(_ARIMO_STARTS, ord(c)) - 1
    return i >= 0 and ord(c) <= _ARIMO[i][1]


# The format characters Arimo has a glyph for, which draws as a mark (a family of four
# emoji joined by zero-width joiners left three): not the direction controls, which the
# PNG's engine follows.
_MARKED = frozenset(
    chr(c)
    for start, end in _ARIMO
    for c in range(start, end + 1)
    if category(chr(c)) == "Cf" and not any(c in controls for controls in BIDI_CONTROL)
)
# What argmap's own drawings cannot draw: any character but Arimo's, line breaks and tabs,
# and its marked format characters.
_UNDRAWN = re.compile(
    "[^\t\n\r"
    + "".join(f"\\U{start:08x}-\\U{end:08x}" for start, end in _ARIMO)
    + "]|["
    + "".join(_MARKED)
    + "]"
)


def in_boxes(text: str) -> str:
    """Text as argmap's PNG and PDF draw it: each character Arimo lacks as □, which the
    engine lays out as drawn (measured by its bytes, a line of Arabic ran out of its node
    into the next; left out, a Chinese title was gone, and the numbers of `平成27年` and
    `5年間` made one), and what shows nothing left out (a selector after an emoji)."""
    return text if text.isascii() else _UNDRAWN.sub(_box, _pictures(text))


def _box(found: re.Match[str]) -> str:
    return "" if unseen(found[0]) else "\u25a1"


def _pictures(text: str) -> str:
    """`text` with each emoji sequence one character, the first of it: one picture, one □.
    What a zero-width joiner joins to the emoji before it goes (`🙅` + `♂`, a family's
    others: the ♂, which Arimo has, was drawn beside the box), and a skin tone, and the
    second letter of a flag (two regional indicators)."""
    return _FLAG.sub(r"\1", _JOINED.sub(_joined, text))


def _joined(found: re.Match[str]) -> str:
    """A skin tone, or a joiner and a symbol it joins (`♂`, `🍳`), left out; a joiner
    between letters or signs keeps them (`ab\u200dcd`: only the joiner goes)."""
    return "" if not found[1] or category(found[1]) == "So" else found[1]


_JOINED = re.compile("\u200d(.?)\ufe0f?|[\U0001f3fb-\U0001f3ff]", re.DOTALL)
_FLAG = re.compile("([\U0001f1e6-\U0001f1ff])[\U0001f1e6-\U0001f1ff]")


def unseen(c: str) -> bool:
    """Whether `c` is drawn as nothing of its own, glyph or not: a space, a format
    character (a joiner, a direction mark) or one of BLANK (U+FE0F after an emoji, which
    the warning listed as a character apart, showing nothing)."""
    return c.isspace() or category(c) == "Cf" or ord(c) in _BLANK


_BLANK = frozenset(code_points(BLANK))
