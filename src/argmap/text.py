"""Node text in lines: wrapped by display columns, broken where the script allows, and an
estimate of how wide East Asian text draws.

Most text is ASCII or has no East Asian wide characters: words, one column per
character, and Graphviz measures it. Chinese, Japanese and Thai are written without spaces:
Chinese breaks between characters, Japanese and Thai between phrases (see `pieces`). East
Asian characters take two columns, and the builtin engine does not know their width at all
(see `min_width`).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise, repeat
from typing import TYPE_CHECKING
from unicodedata import category, east_asian_width

from argmap.spec import MAX_WRAP

if TYPE_CHECKING:
    from budoux import Parser

MAX_LINES = 12  # longer text is cut in the label; the tooltip keeps all of it
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Where a node's text starts a new line: also at the breaks of YAML 1.1 (which the loader
# keeps as text, so that line numbers are as editors count them).
_PARAGRAPH = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Whether there is one (`_has_break`): a class of characters is searched three times as
# fast as the alternation above, which the regex engine tries at every position.
_PARAGRAPH_END = re.compile("[\r\n\x85\u2028\u2029]")
# A line of a text that is a list's item (`- `, `* `, a bullet or an en dash, `1. `, `2) `):
# the lines it wraps into are indented under its words.
LIST_ITEM = re.compile(r"[ \t]*([-*\u2022\u2013]|\d{1,3}[.)])[ \t]+(?=\S)")

# Every East Asian wide or full-width character (two columns) is in these blocks, with a
# few narrow ones; text with none of them is measured one column per character.
_MAYBE_WIDE = re.compile(
    "[\u1100-\u115f\u231a-\u23ff\u25fd-\u27bf\u2b1b-\u2b55\u2e80-\ua4cf\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffe6\U00016fe0-\U0001faff"
    "\U00020000-\U0003fffd]"
)
# Korean is written with spaces between words, and full-width letters and digits make
# words too: these wide characters break like Latin letters, at spaces only.
_WORDLIKE = re.compile(
    "[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
)
# What never starts a line: the joiner inside emoji sequences, and what Japanese
# typesetting keeps off the start of a line (small kana, the long-vowel mark, iteration
# marks). Combining marks and variation selectors (categories Mn, Mc, Me) never do either.
_NO_BREAK_BEFORE = frozenset(
    "\u200dーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ〻"
    + "".join(map(chr, range(0x31F0, 0x3200)))
)
# Japanese (text with kana) and Thai break between phrases, which BudouX's models find (as
# Chrome's `word-break: auto-phrase` does): between any two characters, a line broke a
# word in two (`責任` / `も`), and Thai, read as one long word, was cut anywhere.
_KANA = re.compile("[\u3041-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_THAI = re.compile("[\u0e00-\u0e7f]")
_BEFORE_NUMBERS = frozenset("第約計各毎")  # Chinese and Japanese: the nth, about, in all, each
_STRETCH = 1_000  # characters parsed at a time: more than a label's 12 lines show
_ZERO_WIDTH = ("Mn", "Me", "Cf")  # combining marks, variation selectors, joiners
_EMOJI_STYLE = "\ufe0f"  # variation selector 16: the character before it drawn as an emoji
_SKIN_TONES = frozenset(map(chr, range(0x1F3FB, 0x1F400)))
_REGIONAL = range(0x1F1E6, 0x1F200)  # two regional indicators make one flag
_SEPARATOR = re.compile(r"[/\-.?&=_]")  # where a URL or a path may break, after the mark
# No-break spaces (`10\u00a0km`, French `«\u202fmot\u202f»`) hold words together; `str.split`
# would break lines at them as at any space.
_NO_BREAK = ("\u00a0", "\u2007", "\u202f")
_BREAKING_SPACE = re.compile(rf"[^\S{''.join(_NO_BREAK)}]+")
# French sets a space before `:`, `;`, `!`, `?`, `»` and after `«`, and writes `1 200 €`:
# typed as plain spaces, lines began with `: environ` or `» coûterait`, and split `1 200`.
# Such a space holds its words together as a no-break space would.
_CLOSING = ":;!?»\u203a%‰€$£¥.,)]…"  # a word of these goes with the one before
_OPENING = "«\u2039([„¿¡"  # and of these, with the one after
_ENDS = re.compile(f"[{re.escape(_CLOSING)}]+")
_DIGITS = re.compile(rf"\d{{3}}(?:[.,]\d+)?[{re.escape(_CLOSING)}]*")  # `200`, `000,50`, `200;`
# A number, kept with the word after it (its unit: `130 km/h`, `15 Prozent`), and a sign
# of relation, kept with the words on both sides (`P < 0.05`), as typesetters keep them.
_RELATIONS = "<>=\u2264\u2265\u2248\u2260\u00b1\u00d7\u2212+~\u2192"
_RELATION = re.compile(f"[{re.escape(_RELATIONS)}]+")
# What the word after joins: an opening `«`, a number, a sign of relation.
_HOLDS = re.compile(rf"[{re.escape(_OPENING)}]+|[-+\u2212]?\d+(?:[.,:/]\d+)*|{_RELATION.pattern}")
_MAY_HOLD = frozenset(_OPENING + _RELATIONS + "0123456789")  # (the last character of one)
_NUMBER_END = re.compile(r"(?:^|[^\d.,])\d{1,3}$")  # `1`, `€12`, `1\u00a0200`: not `2023`
_MAY_END = frozenset(_CLOSING + "0123456789")  # (a line's first character, when so)


def counted(n: int, thing: str) -> str:
    """`1 error`, `2 errors`, `1,500 errors`."""
    return f"{n:,} {thing}{'s' if n != 1 else ''}"


def breaks_at_spaces(text: str) -> bool:
    """Whether `text` breaks at spaces only: it has no Chinese, Japanese or Thai."""
    return text.isascii() or not (_MAYBE_WIDE.search(text) or _THAI.search(text))


def _wide(text: str) -> bool:
    """Whether `text` may hold East Asian wide characters: if so, measure it by column."""
    return not text.isascii() and _MAYBE_WIDE.search(text) is not None


def _double(c: str) -> bool:
    """Whether a character takes two columns. (`unicodedata` calls every unassigned code
    point full-width; the blocks above hold every assigned wide one.)"""
    return east_asian_width(c) in "WF" and _MAYBE_WIDE.match(c) is not None


def _char_columns(c: str) -> int:
    if c == _EMOJI_STYLE:  # `❤` takes one column, and `❤️` two, as terminals draw it
        return 1
    if category(c) in _ZERO_WIDTH or c in _SKIN_TONES:  # (a tone is drawn in its emoji)
        return 0
    return 2 if _double(c) else 1


def columns(text: str) -> int:
    """How wide `text` shows: East Asian wide and full-width characters take two columns,
    combining marks and joiners none."""
    if text.isascii():
        return len(text)
    return sum(map(_char_columns, text))


def _prefix(text: str, width: int) -> str:
    """The longest start of `text` (one character at least, with the marks that combine
    with it) that fits in `width` columns."""
    if text.isascii():
        return text[: max(width, 1)]
    used = 0
    for i, c in enumerate(text):
        used += _char_columns(c)
        if used > width and i > 0:
            return text[:i]
    return text


def _breaks_around(c: str) -> bool:
    """Whether a line may break before and after this character inside a word."""
    return _double(c) and _WORDLIKE.match(c) is None


def _held(c: str, piece: str, glue: bool, half_flag: bool) -> bool:
    """Whether no line may break between the `piece` before and `c`, whatever the script
    (`glue`: the piece ends in an opening bracket; `half_flag`: in an odd number of
    regional indicators, two of which make a flag)."""
    kind = category(c)
    last = piece[-1]
    return (
        glue  # after an opening bracket
        or kind in ("Mn", "Mc", "Me")
        or c in _NO_BREAK_BEFORE
        or last == "\u200d"
        or c in _SKIN_TONES  # part of the emoji before it
        or (kind[0] == "P" and kind not in ("Ps", "Pi"))  # `。` and `」` end what they follow
        or (half_flag and ord(c) in _REGIONAL)
        # A number, and its counter: `27年` (BudouX's phrases split `平成2` / `7年`); and
        # what comes before one: `第750条` (the 750th), `約100人` (about 100).
        or (last.isdigit() and (c.isdigit() or "\u4e00" <= c <= "\u9fff"))
        or (c.isdigit() and last in _BEFORE_NUMBERS)
    )


def _joins(c: str, piece: str, glue: bool, half_flag: bool) -> bool:
    """Whether `c` stays on the line of the `piece` before it, in a word broken between
    characters."""
    return _held(c, piece, glue, half_flag) or not (
        _breaks_around(c) or _breaks_around(_base(piece))
    )


@functools.cache
def _parser(language: str) -> Parser:
    """BudouX's parser for Japanese (`ja`) or Thai (`th`), read once, when first needed."""
    import budoux

    if language == "th":
        return budoux.load_default_thai_parser()
    return budoux.load_default_japanese_parser()


@functools.lru_cache(maxsize=1024)
def _parsed(stretch: str, language: str) -> list[str]:
    """The phrases of `stretch`: kept, since a text is wrapped at several widths to find
    the one it fits (a title, a text cut short)."""
    return _parser(language).parse(stretch)


def _phrases(word: str, language: str) -> Iterator[str]:
    """The phrases of `word`, a stretch at a time: a label shows a text's start only, and
    a text may be a megabyte long."""
    for start in range(0, len(word), _STRETCH):
        yield from _parsed(word[start : start + _STRETCH], language)


def _base(piece: str) -> str:
    """The last character of `piece` that is not a combining mark or joiner."""
    for c in reversed(piece):
        if category(c) not in _ZERO_WIDTH:
            return c
    return piece[-1]


def _flags_ending(unit: str, before: int) -> int:
    """How many regional indicators end a piece that ends in `unit`, `before` of them
    ending the piece before it: counted as the piece grows (counted back over the piece
    at each character, a run of 8,000 flags took 29 s)."""
    count = 0
    for c in reversed(unit):
        if ord(c) not in _REGIONAL:
            return count
        count += 1
    return before + count


def pieces(
    text: str, words: list[str] | None = None, width: int = MAX_WRAP
) -> Iterator[tuple[str, bool]]:
    """What a line of `width` columns may break between, each with whether a space goes
    before it: words (`text`'s, or `words`), and inside a word each Chinese character (or
    emoji), or each Japanese or Thai phrase (a Japanese one wider than the line, each of
    its characters), with what belongs to it: combining marks, joined emoji, punctuation
    after it, an opening bracket before. Given as found: the lines wanted may end long
    before the text does."""
    japanese = not text.isascii() and _KANA.search(text) is not None
    for word in _words(text) if words is None else words:
        if word.isascii():
            yield word, True
            continue
        language = "th" if _THAI.search(word) else "ja" if japanese and _wide(word) else ""
        if not language:
            yield from _spaced(_joined(word, _joins))
            continue
        for phrase, spaced in _spaced(_joined(_phrases(word, language), _held)):
            if language == "ja" and columns(phrase) > width:  # (Thai would break a syllable)
                yield from _spaced(_joined(phrase, _joins), spaced)
            else:
                yield phrase, spaced


def _spaced(parts: Iterator[str], spaced: bool = True) -> Iterator[tuple[str, bool]]:
    """The parts of a word, the first with a space before it if `spaced`, the others with none."""
    for part in parts:
        yield part, spaced
        spaced = False


def _joined(units: Iterable[str], joins: Callable[[str, str, bool, bool], bool]) -> Iterator[str]:
    """`units` (a word's characters or phrases), each joined to the one before where
    `joins` says it stays on that one's line."""
    each = iter(units)
    part = next(each)
    glue = category(part[-1]) in ("Ps", "Pi")
    flags = _flags_ending(part, 0)
    for unit in each:
        if joins(unit[0], part, glue, flags % 2 == 1):
            part += unit
            flags = _flags_ending(unit, flags)
        else:
            yield part
            part = unit
            flags = _flags_ending(unit, 0)
        glue = category(unit[-1]) in ("Ps", "Pi")
    yield part


def _words(text: str) -> list[str]:
    """The words of `text`: what lies between spaces a line may break at."""
    # (Most text: the fast way. ASCII holds no no-break space.)
    if text.isascii() or not any(space in text for space in _NO_BREAK):
        return text.split()
    return [word for word in _BREAKING_SPACE.split(text) if word]


def _glued(words: list[str], width: int) -> list[str]:
    """`words`, with each that typography keeps on the line of its neighbour joined to it
    by a no-break space: French's `:` or `»` to the word before, `«` to the word after,
    a group of three digits to the number before (`1 200 000`), a number's unit to the
    number, a sign of relation to both its neighbours; so long as what they make fits on
    a line (a long number, a row of `:`, is broken after all)."""
    glued: list[str] = []
    opened = False
    for word in words:
        if (
            glued
            and len(glued[-1]) + 1 + len(word) <= width
            and (
                opened
                or _ENDS.fullmatch(word)
                or _RELATION.fullmatch(word)
                or (_DIGITS.fullmatch(word) and _NUMBER_END.search(glued[-1]))
            )
        ):
            glued[-1] += "\u00a0" + word
        else:
            glued.append(word)
        opened = _HOLDS.fullmatch(word) is not None
    return glued


def _splits_a_phrase(lines: list[str]) -> bool:
    """Whether a line starts with what `_glued` keeps on the line before, or ends with
    what it keeps on the next. (Checked on a paragraph's few lines, not its many words:
    most text has no such break, and pays only for a look at each line's ends.)"""
    for before, line in pairwise(lines):
        if line and line[0] in _MAY_END:
            first = line.split(" ", 1)[0]
            if _ENDS.fullmatch(first) or (
                _DIGITS.fullmatch(first) and _NUMBER_END.search(before.rsplit(" ", 1)[-1])
            ):
                return True
        if before and before[-1] in _MAY_HOLD and _HOLDS.fullmatch(before.rsplit(" ", 1)[-1]):
            return True
        if line and line[0] in _RELATIONS and _RELATION.fullmatch(line.split(" ", 1)[0]):
            return True
    return False


def _long_word(word: str, room: int, width: int) -> list[str]:
    """A word wider than the line, in pieces: the first for the `room` left on the line it
    starts on ("" when it cannot break there), the others a line each. Each piece ends
    after a `/`, `-`, `.`, `?`, `&`, `=` or `_` (a URL, a path) that falls late enough in
    its line; a word without one is left whole up to twice the width, and cut beyond, to its
    end (with a hyphen, between two letters of a script with capitals)."""
    chunks = []
    space = room
    size = columns(word)  # (of what is left: measured once, a 40,000-letter word took 5 s)
    hyphens = word.strip(_CLOSING + _OPENING).isalpha()  # letters: no URL, path or number
    # Where the rest starts: the word is not copied for each piece (a word of 4 MB took 19 s).
    start = 0
    forced = False  # cut for being over twice the width: then cut to its end, even pieces
    while size > space:
        # (A prefix has a character at least; of `space` columns, few more characters.)
        head = _prefix(word[start : start + 4 * space + 4], space) if space else ""
        # (Not between the slashes of `https://`.)
        cut = max(
            (
                m.end()
                for m in _SEPARATOR.finditer(head)
                if word[start + m.end() : start + m.end() + 1] != "/"
            ),
            default=0,
        )
        if cut > len(head) // 3:
            head = head[:cut]
        elif space < width:  # the rest of a line: start the word on the next one instead
            head = ""
        elif size <= 2 * width and not forced:
            break
        else:
            forced = True
        if forced and hyphens and len(head) > 2 and _cased(head[-2]) and _cased(head[-1]):
            # Cut between two letters of a word (a German compound): a hyphen says so, in
            # the place of the second.
            head = head[:-1]
            chunks.append(head + "-")
            start += len(head)
            size -= columns(head)
            space = width
            continue
        chunks.append(head)
        start += len(head)
        size -= columns(head)
        space = width
    return [*chunks, word[start:]]


def _cased(c: str) -> bool:
    """A letter of a script with capitals (Latin, Greek, Cyrillic), whose words take a
    hyphen where they are cut."""
    return c.lower() != c.upper()


def wrap_lines(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken at spaces and between East Asian
    characters. A line break written in the text (a `|` block, a list) starts a new
    line, and a blank line between paragraphs stays, one. A list's item (`- `, `1. `)
    wraps with its later lines indented under its words. A longer word breaks after the
    separators of a URL or path; without them it has a line of its own, up to twice the
    width, and is cut beyond that. At most MAX_LINES lines, the last ending in " …" when
    text was left out."""
    return shown_lines(text, width)[0]


def balanced_lines(text: str, width: int) -> list[str]:
    """`wrap_lines`, in as few lines, each as narrow as that allows: a heading of two
    lines broken near its middle, not one that leaves a last word alone (`to 1`)."""
    lines = wrap_lines(text, width)
    if len(lines) < 2 or len(lines) >= MAX_LINES:
        return lines
    # Breaking no more than `width` does: narrower, a Japanese phrase or a long word that
    # fits `width` would be cut (`損害賠` / `償`).
    whole = _breaks(piece for piece, _ in pieces(text, None, width)) | _breaks(lines)
    least = -(-columns(" ".join(lines)) // len(lines))
    for narrower in range(least, width):
        tried = wrap_lines(text, narrower)
        if len(tried) == len(lines) and _breaks(tried) <= whole:
            return tried
    return lines


def _breaks(parts: Iterable[str]) -> set[int]:
    """Where `parts` (lines, or pieces) end, counted in characters other than spaces."""
    ends, at = set(), 0
    for part in parts:
        at += sum(not c.isspace() for c in part)
        ends.add(at)
    return ends


def shown_lines(text: str, width: int) -> tuple[list[str], bool]:
    """`wrap_lines`, and whether text was left out past MAX_LINES."""
    paragraphs, cut = _paragraphs(text, width)
    return [line for paragraph in paragraphs for line in paragraph], cut


def fill(text: str, width: int) -> list[str]:
    """One paragraph in lines of at most `width` columns, broken as `wrap_lines` breaks
    them, however many lines it takes (no line is left out)."""
    return _wrapped(text, max(width, 1), len(text) + 1)[0]


def wrap_paragraphs(text: str, width: int) -> list[list[str]]:
    """`wrap_lines`, by the paragraphs written (a blank line is a paragraph of one empty
    line): each may read in a direction of its own."""
    return _paragraphs(text, width)[0]


def _paragraphs(text: str, width: int) -> tuple[list[list[str]], bool]:
    """`wrap_paragraphs`, and whether text was left out."""
    width = max(width, 1)  # (no line of 0 columns would ever hold a character)
    several = _has_break(text)
    # Most text: one paragraph, not a list's item, and not cut. Wrapped as the loop below
    # would (a property test keeps them equal), without its bookkeeping (a tenth faster).
    if not several and text and not text.isspace() and LIST_ITEM.match(text) is None:
        lines, cut = _wrapped(text, width, MAX_LINES)
        if not cut:
            return [_without_orphan(lines, width)], False
    paragraphs: list[list[str]] = []
    count, cut = 0, False
    for written in _PARAGRAPH.split(text) if several else (text,):
        if not written or written.isspace():
            if paragraphs and paragraphs[-1] != [""]:
                paragraphs.append([""])
                count += 1
            continue
        if count >= MAX_LINES:
            cut = True
            break
        wrapped, cut = _item_wrapped(written, width, MAX_LINES - count)
        if not cut:
            wrapped = _without_orphan(wrapped, width)
        paragraphs.append(wrapped)
        count += len(wrapped)
        if cut:
            break
    while paragraphs and paragraphs[-1] == [""]:
        paragraphs.pop()
        count -= 1
    if not cut:
        return paragraphs or [[""]], False
    if count < MAX_LINES:  # the text went on after a blank line
        return [*paragraphs, ["…"]], True
    # The last line shown ends in " …": drop the lines past it, then shorten it to fit.
    while count > MAX_LINES:
        excess = count - MAX_LINES
        last = paragraphs[-1]
        if len(last) > excess:
            paragraphs[-1] = last[: len(last) - excess]
            count = MAX_LINES
        else:
            paragraphs.pop()
            count -= len(last)
    paragraphs[-1][-1] = _ended(paragraphs[-1][-1], width)
    return paragraphs, True


def written_lines(text: str) -> list[str]:
    """The lines of `text` as written, which drawings set apart (paragraphs, a list's
    items), without the blank ones."""
    return [line for line in _PARAGRAPH.split(text) if line and not line.isspace()]


def on_one_line(text: str) -> str:
    """`text` on one line, its lines as written (a `|` block's list) apart by ` ⏎ `, as
    `diff` marks a line's end, the white space in each as single spaces: run together,
    `plasma: - Q = 10 - for 400 s` read as one sentence."""
    return " ⏎ ".join(" ".join(line.split()) for line in written_lines(text))


def as_drawn(text: str) -> tuple[str, ...]:
    """What drawings show of `text`, to compare one with another: its lines as written,
    the white space in each (but a no-break space) as single spaces, and a blank line for
    each run of them between lines (none at either end)."""
    lines: list[str] = []
    for line in _PARAGRAPH.split(text):
        # (Not at a no-break space, which keeps `10 km` on one line.)
        words = " ".join(_BREAKING_SPACE.split(line.strip()))
        if words or (lines and lines[-1]):
            lines.append(words)
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines)


def _has_break(text: str) -> bool:
    """Whether `text` has a line break (most text has none). In ASCII, a CR or LF: `in`
    finds them in a tenth of the time of a search for any."""
    if text.isascii():
        return "\n" in text or "\r" in text
    return _PARAGRAPH_END.search(text) is not None


def _without_orphan(lines: list[str], width: int) -> list[str]:
    """`lines`, but for a last line of one short word (`economy.`): the word before it moves
    down to it (as CSS's `text-wrap: pretty` does). Text broken between characters, with
    no spaces, has no such word."""
    if len(lines) < 2 or " " in lines[-1].lstrip(" ") or 4 * columns(lines[-1].lstrip()) > width:
        return lines
    head, _, word = lines[-2].rpartition(" ")
    if not head.strip():  # (one word on that line too)
        return lines
    last = lines[-1]
    indent = last[: len(last) - len(last.lstrip(" "))]  # (a list item's hanging indent)
    moved = f"{indent}{word} {last.lstrip(' ')}"
    # Not past the width, nor leaving a line shorter than the last, nor splitting what is
    # held together (`130` / `km/h`).
    if not columns(moved) <= min(width, columns(head)) or _splits_a_phrase([head, moved]):
        return lines
    return [*lines[:-2], head, moved]


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` columns: whole, or cut after a word and ending in " …"."""
    return text if columns(text) <= width else _ended(text, width)


def _ended(line: str, width: int) -> str:
    """`line` ending in " …", after as many of its words as leave room for it; or, when
    its first word alone leaves none, that word cut short with "…" right after it, as a
    word cut reads ("Kilowatt …" said a word that the text does not)."""
    if columns(line) <= width - 2:
        return line + " …"
    head = _prefix(line, width - 1)
    indent = head[: len(head) - len(head.lstrip(" "))]  # (a list item's hanging indent)
    # (Up to the last space, no-break ones too: `12 000 000 €` is words held together.)
    space = max((i for i, c in enumerate(head) if c.isspace()), default=0)
    if (words := head[:space].rstrip()).strip():
        return _prefix(words, width - 2) + " …"
    cut = indent + _prefix(line[len(indent) :], width - 1 - columns(indent)) + "…"
    return cut if columns(cut) <= width else "…"  # (no room for a letter: a tiny width)


def _item_wrapped(text: str, width: int, limit: int) -> tuple[list[str], bool]:
    """`_wrapped`, with a hanging indent for a list's item: its second and later lines
    start under its first word, not under its `-`."""
    item = LIST_ITEM.match(text)
    indent = len(item[1]) + 1 if item else 0
    if item is None or indent > width // 3:
        return _wrapped(text, width, limit)
    lines, cut = _wrapped(text[item.end() :], width - indent, limit)
    return [f"{item[1]} {lines[0]}", *(" " * indent + line for line in lines[1:])], cut


def _wrapped(text: str, width: int, limit: int) -> tuple[list[str], bool]:
    """One paragraph in lines, and whether it went on past `limit` lines (then the lines
    are `limit` or more). Greedy like `textwrap.wrap`, which was a third of the time spent
    building DOT, and which counts characters, not columns."""
    words = _words(text)
    found = _fill(text, words, width, limit)
    # (Not in Chinese or Japanese text, which breaks between characters and sets no such
    # spaces.)
    if len(found[0]) > 1 and not _wide(text) and _splits_a_phrase(found[0]):
        lines, cut = _fill(text, _glued(words, width), width, limit)
        # (Broken inside what it glued, between characters of Thai: `0 เ` ended a line
        # in its no-break space.)
        return [line.rstrip("\u00a0") for line in lines], cut
    return found


def _fill(text: str, words: list[str], width: int, limit: int) -> tuple[list[str], bool]:
    """`_wrapped`, of `text` in `words`."""
    plain = breaks_at_spaces(text)  # most text: words, broken at spaces only
    if plain:
        joined = " ".join(words)
        # A character of ASCII is a column, and of other plain text a column at most.
        if joined.isascii() or len(joined) <= width:
            found = _at_spaces(joined, width, limit)
            if found is not None:
                return found
    lines: list[str] = []
    line, used = "", 0
    measure = len if text.isascii() else columns  # (a combining mark takes no column)
    for piece, spaced in zip(words, repeat(True)) if plain else pieces(text, words, width):
        size = measure(piece)
        gap = 1 if spaced else 0
        if line and used + gap + size <= width:
            line += " " + piece if spaced else piece
            used += gap + size
            continue
        if size > width:  # a URL, say: its first piece may still end this line
            if line:
                first, *rest = _long_word(piece, max(0, width - used - gap), width)
                if not rest:  # a line of its own after all (this one shows nothing yet)
                    first, rest = "", [first]
                if first:
                    line += " " + first if spaced else first
                lines.append(line)
            else:
                rest = _long_word(piece, width, width)
            lines += rest[:-1]
            piece = rest[-1]
            size = columns(piece)
        elif line:
            lines.append(line)
        line, used = piece, size
        if len(lines) >= limit:
            return lines, True
    return [*lines, line], False


def _at_spaces(text: str, width: int, limit: int) -> tuple[list[str], bool] | None:
    """`_wrapped` of words one space apart, a character a column: each line ends at the
    last space that fits, found by `str.rfind` rather than word by word. None when a word
    is longer than the line, for `_wrapped` to break it."""
    lines: list[str] = []
    start = 0  # (the text is not copied for each line: 8 MB took 15 s)
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut < 0:  # (even past the limit: the line before may end with a piece of it)
            return None
        if len(lines) == limit:
            return lines, True
        lines.append(text[start:cut])
        start = cut + 1
    return (lines, True) if len(lines) == limit else ([*lines, text[start:]], False)


def _ems(c: str) -> float:
    """About how wide a character draws in a line of East Asian text, in ems: its fonts
    draw symbols such as … and — full width, and emoji wider still."""
    kind = category(c)
    if kind in _ZERO_WIDTH:
        return 0.0
    if _double(c):
        return 1.3 if kind == "So" else 1.0
    return 1.0 if east_asian_width(c) == "A" and not c.isalnum() else 0.6


def min_width(lines: list[str], points: float) -> str:
    """A WIDTH attribute for the table cell of `lines`, when they hold East Asian wide
    characters. The builtin engine's font metrics do not know them and measure each of
    their UTF-8 bytes as a space, a sixth short of the em they take, so the text would
    spill out of its box. WIDTH is a minimum, so an estimate on the wide side is safe.
    Other text is left to the engine's own measure."""
    wide = [line for line in lines if _wide(line)]
    if not wide:
        return ""
    widest = max(sum(map(_ems, line)) for line in wide)
    return f' WIDTH="{math.ceil(widest * points)}"'


def listed(names: list[str]) -> str:
    """`names` one after another, as their script lists them: Chinese and Japanese with
    `、`, others (Korean too, and Latin names with an emoji) with `, `."""
    cjk = names and all(
        _HAN_KANA.search(name) and not _WORDLIKE.search(name) and not _LATIN.search(name)
        for name in names
    )
    return ("、" if cjk else ", ").join(names)


# Chinese and Japanese writing (kana, CJK ideographs), and Latin letters.
_HAN_KANA = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
)
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index (libyaml's reader reports only that),
    lines counted as `source_lines` counts them: a lone CR ends one too."""
    if text.find("\r", 0, index) == -1:  # (most files)
        line = text.count("\n", 0, index) + 1
        return line, index - (text.rfind("\n", 0, index) + 1) + 1
    lines = source_lines(text[:index])
    return len(lines), len(lines[-1]) + 1


# Quotation marks a quotation may open and close with, of many languages' kinds.
_OPENING_QUOTES = "\"'“„«»\u2018\u201a\u201b\u201f\u2039\u203a「『〝\uff02"
_CLOSING_QUOTES = "\"'”“»«\u2019\u2018\u203a\u2039」』〞〟\uff02"


def in_quotes(text: str) -> str:
    """A quotation, trimmed, between “ and ”, unless written between quotation marks of
    its own: `« Nous devons »` was shown as `“« Nous devons »”`."""
    text = text.strip()
    if len(text) > 1 and text[0] in _OPENING_QUOTES and text[-1] in _CLOSING_QUOTES:
        return text
    return f"“{text}”"


def source_lines(text: str) -> list[str]:
    """A file's lines as an editor numbers them: only CR, LF and CRLF end a line, not the
    other breaks `str.splitlines` knows (NEL, LINE SEPARATOR, form feed)."""
    if "\r" not in text:  # (most files: `str.split` is several times faster than the regex)
        return text.split("\n")
    return _LINE_BREAK.split(text)
