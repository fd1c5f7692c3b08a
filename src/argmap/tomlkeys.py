"""Where a setting is written in a TOML file's text: tomllib gives values, not positions."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"\s*\[\[?\s*(?P<keys>{_DOTTED})\s*\]")
_ASSIGN = re.compile(rf"\s*(?P<keys>{_DOTTED})\s*=")
_KEY = re.compile(r"""[A-Za-z0-9_-]+|"((?:[^"\\]|\\.)*)"|'([^']*)'""")


def _keys(dotted: str) -> tuple[str, ...]:
    return tuple(
        part[1] if part[1] is not None else part[2] if part[2] is not None else part[0]
        for part in _KEY.finditer(dotted)
    )


@dataclass(frozen=True)
class Locator:
    """Finds keys in `text`; `within` is the table the settings are in (`tool.argmap` in
    pyproject.toml)."""

    text: str
    within: tuple[str, ...] = ()

    def find(self, key: tuple[str, ...], value: str | None = None) -> tuple[int, int] | None:
        """The line and column (from 1) where `key` is written, or the item `value` of its
        list; where a table that holds it is written (an inline one, say) if not itself;
        None if nowhere."""
        if not key:
            return None
        path = self.within + key
        table: tuple[str, ...] = ()
        holder: tuple[int, int] | None = None
        offset = 0
        for number, line in enumerate(self.text.splitlines(keepends=True), 1):
            start = offset
            offset += len(line)
            header = _HEADER.match(line)
            written = _keys(header["keys"]) if header else None
            if header is None and (assign := _ASSIGN.match(line)) is not None:
                written = table + _keys(assign["keys"])
            if written is None:
                continue
            if header is not None:
                table = written
            column = len(line) - len(line.lstrip()) + 1
            if written[: len(path)] == path:  # the key itself, or a key inside it
                if value is not None and (item := self._item(value, start)) is not None:
                    return item
                return number, column
            if holder is None and path[: len(written)] == written and header is None:
                holder = number, column
        return holder

    def _item(self, value: str, start: int) -> tuple[int, int] | None:
        """Where the string `value` is written from offset `start` on, quoted either way."""
        found = re.compile(rf"""(["']){re.escape(value)}\1""").search(self.text, start)
        if found is None:
            return None
        before = self.text[: found.start()]
        return before.count("\n") + 1, found.start() - (before.rfind("\n") + 1) + 1
