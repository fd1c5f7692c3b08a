"""Where a setting is written in a TOML file's text: tomllib gives values, not positions."""

from __future__ import annotations

import re
import tomllib
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"\s*\[\[?\s*(?P<keys>{_DOTTED})\s*\]")
_ASSIGN = re.compile(rf"\s*(?P<keys>{_DOTTED})\s*=")
_LINE = re.compile(r"[^\n]*\n?")  # a line and its end, as TOML ends lines (LF, CRLF)
_KEY = re.compile(r"""[A-Za-z0-9_-]+|"((?:[^"\\]|\\.)*)"|'([^']*)'""")
# Strings and comments, as TOML writes them.
_STRINGS = r"""'''.*?'''|"{3}(?:[^\\]|\\.)*?"{3}|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#[^\n]*"""
_STRING_OR_COMMENT = re.compile(_STRINGS, re.DOTALL)
# Brackets, and what can hold one that is not: strings and comments.
_BRACKET = re.compile(_STRINGS + r"|[][{}]", re.DOTALL)
_CLOSER = {"[": "]", "{": "}"}
# Strings and comments, or a quote that opens a string never closed.
_STRING_OR_OPEN = re.compile(
    r"""'''.*?'''|"{3}(?:[^\\]|\\.)*?"{3}|"(?!"")(?:[^"\\\n]|\\.)*"|'(?!'')[^'\n]*'"""
    r"""|#[^\n]*|(?P<open>'{3}|"{3}|["'])""",
    re.DOTALL,
)


def _keys(dotted: str) -> tuple[str, ...]:
    return tuple(
        _unescaped(part[1]) if part[1] is not None else part[2] if part[2] is not None else part[0]
        for part in _KEY.finditer(dotted)
    )


def _unescaped(quoted: str) -> str:
    """A `"..."` key's text, its escapes read as TOML reads them (`"long\\u002dtext"` is
    `long-text`)."""
    if "\\" not in quoted:
        return quoted
    try:
        key: str = tomllib.loads(f'k = "{quoted}"')["k"]
    except tomllib.TOMLDecodeError:  # (then tomllib fails on the file, and says why)
        return quoted
    return key


@dataclass(frozen=True)
class Locator:
    """Finds keys in `text`; `within` is the table the settings are in (`tool.argmap` in
    pyproject.toml)."""

    text: str
    within: tuple[str, ...] = ()

    def find(
        self, key: tuple[str, ...], value: str | None = None, at_value: bool = False
    ) -> tuple[int, int] | None:
        """The line and column (from 1) where `key` is written, or the item `value` of its
        list, or (`at_value`) its value; where a table that holds it is written (an inline
        one, say) if not itself; None if nowhere. No key is the table the settings are in
        (`within`), if any."""
        path = self.within + key
        if not path:
            return None
        holder: tuple[int, int] | None = None
        written = list(self._written())
        for i, (number, column, start, keys, header) in enumerate(written):
            if keys[: len(path)] == path:  # the key itself, or a key inside it
                # Its list's items come before the next key.
                end = written[i + 1][2] if i + 1 < len(written) else len(self.text)
                if value is not None and (item := self._item(value, start, end)) is not None:
                    return item
                if at_value and keys == path and not header:
                    after = _ASSIGN.match(self.text, start)
                    assert after is not None  # (how `_written` found the key)
                    rest = self.text[after.end() : end]
                    return self._position(end - len(rest.lstrip(" \t")))
                return number, column
            if holder is None and path[: len(keys)] == keys and not header:
                holder = number, column
        return holder

    def repeated(self, line: int) -> tuple[tuple[str, ...], tuple[int, int], int] | None:
        """The key (or [table]) written on `line` if an earlier line wrote it too: its full
        path, where it is on `line`, and the earlier line. tomllib says only that it
        "cannot overwrite a value" (or "declare" a table twice), at the second."""
        first: dict[tuple[str, ...], int] = {}
        for number, column, _, written, header in self._written():
            if number == line:
                return (written, (number, column), first[written]) if written in first else None
            first.setdefault(written, number)
            if not header:  # (`a.b.c = 1` makes the table [a.b] too, which a header repeats)
                for end in range(1, len(written)):
                    first.setdefault(written[:end], number)
        return None

    def unclosed_string(self) -> tuple[tuple[int, int], str] | None:
        """Where the first string that is never closed starts, and its quote; tomllib
        reports only the end of the file, where it gave up."""
        for token in _STRING_OR_OPEN.finditer(self.text):
            if token["open"] is not None:
                return self._position(token.start()), token["open"]
        return None

    def open_at(self, at: tuple[int, int]) -> str:
        """The innermost `[` or `{` still open at the line and column `at`, "" if none."""
        lines = self.text.split("\n")[: at[0]]
        offset = sum(len(line) + 1 for line in lines[:-1]) + at[1] - 1
        # (Run to `at`: the list the last bracket came with is then what is open there.)
        last = deque(self._nesting(offset), maxlen=1)
        opened = last[0][1] if last else []
        return opened[-1][0] if opened else ""

    def deepest(self, most: int) -> tuple[int, int] | None:
        """Where the first `[` or `{` more than `most` deep is written, if any."""
        for token, opened in self._nesting():
            if token[0] in _CLOSER and len(opened) > most:
                return self._position(token.start())
        return None

    def unclosed(self, before: tuple[int, int] | None) -> tuple[tuple[int, int], str] | None:
        """Where the first `[` or `{` that is never closed is written, and which: one that
        the other bracket meets, or still open at the end (brackets in strings and comments
        do not count), if it opens `before` that line and column (where tomllib gave up,
        reporting no more)."""
        opened: list[re.Match[str]] = []
        for token, opened in self._nesting():
            if token[0] not in _CLOSER and opened and _CLOSER[opened[-1][0]] != token[0]:
                break  # (the innermost one open: `{ a = [1 }`)
        else:
            opened = opened[:1]  # (the outermost: the rest are in it)
        if not opened:
            return None
        at = self._position(opened[-1].start())
        return (at, opened[-1][0]) if before is None or at < before else None

    def _nesting(
        self, end: int | None = None
    ) -> Iterator[tuple[re.Match[str], list[re.Match[str]]]]:
        """Each bracket written up to the offset `end` (in strings and comments, none), with
        those open at it: an opening one among them, and a closing one's, if any, still
        there (it is closed once the next is asked for)."""
        opened: list[re.Match[str]] = []
        for token in _BRACKET.finditer(self.text, 0, len(self.text) if end is None else end):
            if token[0] in _CLOSER:
                opened.append(token)
                yield token, opened
            elif token[0] in "]}":
                yield token, opened
                if opened:
                    opened.pop()

    def _written(self) -> Iterator[tuple[int, int, int, tuple[str, ...], bool]]:
        """Each key or [table] written at the start of a line: its line and column, the
        offset of the line, its full path, and whether it is a table's header."""
        table: tuple[str, ...] = ()
        offset = 0
        # A string over several lines, whose lines are text, not keys (its quotes read in
        # order with the other strings and comments: not `'''` in `# use ''' for text`).
        strings = [
            (m.start(), m.end())
            for m in _STRING_OR_COMMENT.finditer(self.text)
            if m[0].startswith(("'''", '"""'))
        ]
        strings += self._arrays()  # (and an array over lines: `  ["strict"],` is no header)
        # (Lines as TOML ends them, at LF: `splitlines` also split at U+2028 or a form feed
        # inside a string, and every line number after it was one too many.)
        for number, line in enumerate(_LINE.findall(self.text), 1):
            start = offset
            offset += len(line)
            if any(a < start < b for a, b in strings):
                continue
            header = _HEADER.match(line)
            if header is not None:
                table = written = _keys(header["keys"])
            elif (assign := _ASSIGN.match(line)) is not None:
                written = table + _keys(assign["keys"])
            else:
                continue
            yield number, len(line) - len(line.lstrip()) + 1, start, written, header is not None

    def _arrays(self) -> list[tuple[int, int]]:
        """Where each array value written over lines starts and ends (offsets). A `[` is a
        value's after an `=` on its line, or inside another; one that starts a line
        outside any is a [table] header's."""
        spans: list[tuple[int, int]] = []
        opened: list[int] = []
        for token in _BRACKET.finditer(self.text):
            if token[0] == "[":
                line = self.text[self.text.rfind("\n", 0, token.start()) + 1 : token.start()]
                if opened or "=" in line:
                    opened.append(token.start())
            elif token[0] == "]" and opened:
                start = opened.pop()
                if not opened:
                    spans.append((start, token.end()))
        return spans

    def _item(self, value: str, start: int, end: int) -> tuple[int, int] | None:
        """Where the string `value` is written between offsets `start` and `end`, quoted
        either way, with escapes or without; not in a comment (`# was "unknown-ruel"`)."""
        for token in _STRING_OR_COMMENT.finditer(self.text, start, end):
            written = token[0]
            if written.startswith("#"):
                continue
            quotes = 3 if written.startswith(('"""', "'''")) else 1
            inner = written[quotes:-quotes]
            read = _unescaped(inner) if written[0] == '"' else inner
            if read == value:
                return self._position(token.start())
        return None

    def _position(self, offset: int) -> tuple[int, int]:
        before = self.text[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
