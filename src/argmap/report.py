"""Output formats for check results. Each writes to a stream it is given; REPORTERS is the
one registry that both the library and the CLI's `--format` choices read."""

from __future__ import annotations

import codecs
import functools
import json
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from argmap import __version__
from argmap.characters import BIDI_CONTROL
from argmap.checker import CheckResult
from argmap.diagnostics import Diagnostic, Severity
from argmap.files import real_path
from argmap.printable import printable, writable
from argmap.rules import REGISTRY
from argmap.text import columns, counted, source_lines


@dataclass(frozen=True, slots=True)
class Style:
    """How the text format looks: on a terminal, the source line and colour."""

    color: bool = False
    show_source: bool = False


Reporter = Callable[[CheckResult, TextIO, Style], None]


def summary(result: CheckResult) -> str:
    """`3 files checked: 1 error, 2 warnings`. A path that could not be read (one that does
    not exist, a folder without maps) is counted apart: its error says what it is."""
    unread = sum(any(d.rule == "io-error" for d in f.diagnostics) for f in result.files)
    files = len(result.files) - unread
    parts = [
        f"{n:,} {severity.value}" if severity is Severity.INFO else counted(n, severity.value)
        for severity, n in result.counts.items()
        if n
    ]
    checked = counted(files, "file") + " checked"
    if unread:
        checked += f", {unread} not read"
    # (Warnings that fail the check: why it exits 1 with no error said.)
    failing = "; under strict, warnings fail" if result.strictly_failed else ""
    return f"{checked}: {', '.join(parts) or 'no problems'}{failing}"


def headline(d: Diagnostic) -> str:
    """A diagnostic in one line: `file:line:col: severity[rule] message; hint`."""
    where = f"{printable(d.span.file)}:{d.span.line}:{d.span.column}"
    hint = f"; {d.hint}" if d.hint else ""
    return f"{where}: {d.severity.value}[{d.rule}] {d.message}{hint}"


WIDTH = 120  # characters of a long source line shown around the column


def _excerpt(lines: list[str], d: Diagnostic) -> tuple[str, str] | None:
    """The offending line and a caret line under the span, or None for no line. A long
    line (a 10 MB text field) is cut to a window around the column."""
    if not 0 < d.span.line <= len(lines) or not lines[d.span.line - 1].strip():
        return None
    line = lines[d.span.line - 1]
    start = d.span.column - 1
    end = d.span.end_column - 1 if d.span.end_line == d.span.line else len(line)
    offset = max(0, start - WIDTH // 2)
    # The window alone made printable, a tab shown one column wide: one character for one,
    # so that columns hold. (The whole line, for each of 16,000 diagnostics on a map of
    # one line, took a second.)
    cut = line[offset : offset + WIDTH].replace("\t", "→")
    # (A `…` in place of the window's first or last character where the line goes on.)
    if offset and cut:
        cut = "…" + cut[1:]
    if offset + WIDTH < len(line):
        cut = cut[:-1] + "…"
    line = printable(cut)
    start, end = start - offset, min(end - offset, len(line))
    # Carets by display column: a Chinese character takes two, a combining mark none.
    indent, width = columns(line[:start]), columns(line[start:end])
    gutter = f"{d.span.line:>5} | "
    return gutter + line, " " * (len(gutter) - 2) + "| " + " " * indent + "^" * max(1, width)


def _with_excerpts(
    result: CheckResult, style: Style
) -> Iterator[tuple[Diagnostic, tuple[str, str] | None]]:
    """Each diagnostic with its excerpt when asked for (each file split into lines once)."""
    for report in result.files:
        lines = source_lines(report.text) if style.show_source and report.diagnostics else []
        for d in report.diagnostics:
            yield d, _excerpt(lines, d) if style.show_source else None


_COLOURS = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}


def write_text(result: CheckResult, out: TextIO, style: Style) -> None:
    if style.color:
        _write_rich(result, out, style)
        return
    for d, excerpt in _with_excerpts(result, style):
        out.write(headline(d) + "\n")
        if excerpt:
            out.write("\n".join(excerpt) + "\n")
    out.write(summary(result) + "\n")


def _write_rich(result: CheckResult, out: TextIO, style: Style) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
    for d, excerpt in _with_excerpts(result, style):
        text = Text()
        text.append(f"{printable(d.span.file)}:{d.span.line}:{d.span.column}: ", "bold")
        text.append(f"{d.severity.value}[{d.rule}]", _COLOURS[d.severity])
        text.append(f" {d.message}")
        if d.hint:
            text.append(f"; {d.hint}", "dim")
        console.print(text)
        if excerpt:
            console.print(Text(excerpt[0]))
            console.print(Text(excerpt[1], _COLOURS[d.severity]))
    failed = result.exit_code != 0
    console.print(Text(summary(result), "bold red" if failed else "bold green"))


def _dump(document: dict[str, Any], out: TextIO) -> None:
    out.write(json_text(document, out) + "\n")


def json_text(document: dict[str, Any], out: TextIO) -> str:
    """JSON for `out`, with the file names that are not UTF-8 (held as lone surrogates,
    which no encoding writes: an internal error, or bytes that were not UTF-8) shown with
    U+FFFD. Other than ASCII as `\\u` escapes where `out` does not take UTF-8 (Windows,
    redirected): an escape of the encoding's own would not be JSON."""
    utf8 = codecs.lookup(getattr(out, "encoding", None) or "utf-8").name == "utf-8"
    text = writable(json.dumps(document, indent=2, ensure_ascii=not utf8))
    # (A map's text, in `diff`'s JSON, held C1 controls, DEL and bidirectional controls
    # as they are: `\x9b2J`, read by a terminal, cleared it. Escaped, as JSON has them.)
    return text if text.isascii() else text.translate(_JSON_ESCAPED)


_JSON_ESCAPED = {
    c: f"\\u{c:04x}"
    for span in (range(0x7F, 0xA0), *BIDI_CONTROL, range(0x2028, 0x202A))
    for c in span
}


def _record(d: Diagnostic) -> dict[str, Any]:
    return {
        "file": d.span.file,
        "line": d.span.line,
        "column": d.span.column,
        "end_line": d.span.end_line,
        "end_column": d.span.end_column,
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "hint": d.hint,
    }


def _document(result: CheckResult) -> dict[str, Any]:
    return {
        "argmap": __version__,
        "files": [report.path for report in result.files],
        "summary": {s.value: n for s, n in result.counts.items()},
        "exit_code": result.exit_code,
        "diagnostics": [_record(d) for d in result.diagnostics],
    }


def write_json(result: CheckResult, out: TextIO, style: Style) -> None:
    _dump(_document(result), out)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _command(level: str, properties: dict[str, object], message: str) -> str:
    """One workflow command: `::error title=...,file=...,line=...::message`. Printable, as
    the other outputs are: a file name that a pull request chooses reached the CI log with
    its escape sequences (its lines apart, as the command writes them)."""
    # (Line breaks escaped before the rest is made printable: a file named with one was
    # named with `␊`, no file of the pull request.)
    attrs = ",".join(f"{k}={printable(_escape_property(str(v)))}" for k, v in properties.items())
    said = "\n".join(map(printable, message.split("\n")))
    return writable(f"::{level} {attrs}::{_escape_data(said)}\n")


def _repository() -> str | None:
    """The folder GitHub names files from: the repository the current folder is in (the
    nearest folder up with a `.git`: a checkout into a subfolder of the workspace has its
    own), else the workspace under GitHub Actions."""
    here = Path.cwd()
    found = next((str(p) for p in (here, *here.parents) if (p / ".git").exists()), None)
    workspace = os.environ.get("GITHUB_WORKSPACE")
    # (`real_path`, not `resolve`: a workspace that is a looping link raised an error.)
    return found or (real_path(workspace) if workspace else None)


def _from_repository(root: str | None) -> Callable[[str], str]:
    """A file's path from `root`, as GitHub's annotations and code scanning name it: a check
    run in a subfolder (`cd docs && argmap check ../maps`) named `../maps/a.yaml`, which
    matched no file of the pull request. A file outside the root, or none on disk (`-`, read
    from standard input), keeps the name it was given."""

    def path(file: str) -> str:
        if root is None or not os.path.lexists(file):
            return file
        try:  # (a link: named where it is)
            found = Path(os.path.relpath(Path(file).absolute(), root))
        except ValueError:  # on another drive (Windows)
            return file
        return file if found.parts[:1] == (os.pardir,) else found.as_posix()

    return path


def write_github(result: CheckResult, out: TextIO, style: Style) -> None:
    """GitHub Actions workflow commands: annotations on the pull request's diff."""
    named = _from_repository(_repository())
    for d in result.diagnostics:
        s = d.span
        properties: dict[str, object] = {
            "title": f"argmap ({d.rule})",
            "file": named(s.file),
            "line": s.line,
            "col": s.column,
            "endLine": s.end_line,
            "endColumn": s.end_column,
        }
        message = d.message + (f"\n{d.hint}" if d.hint else "")
        out.write(_command(_GITHUB_LEVELS[d.severity], properties, message))
    out.write(summary(result) + "\n")


_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uris() -> Callable[[str], str]:
    """Each file's URI reference (its bytes percent-encoded: a space, `#`, `%`, a line
    break, or a byte of a name that is not UTF-8), from the repository's root where it is
    in one: the root found once, each file's URI made once."""
    named = _from_repository(_repository())

    @functools.cache
    def uri(file: str) -> str:
        path = Path(named(file))
        return path.as_uri() if path.is_absolute() else quote(os.fsencode(path.as_posix()))

    return uri


def _utf16(lines: dict[str, list[str]]) -> Callable[[str, int, int], int]:
    """A column of a line of `lines` in UTF-16 code units, SARIF's default unit, in which
    GitHub and editors slice a line: a character beyond U+FFFF (an emoji) counts two.
    Where a line has such characters is found once: each of 4,000 diagnostics on a map of
    one line counted them from its start, in 39 s."""
    beyond: dict[tuple[str, int], list[int]] = {}

    def column_of(file: str, line: int, column: int) -> int:
        text = lines.get(file)
        if text is None or not 1 <= line <= len(text):
            return column
        if (file, line) not in beyond:
            row = text[line - 1]
            found = [] if row.isascii() else [i for i, c in enumerate(row) if c > "\uffff"]
            beyond[file, line] = found
        return column + bisect_left(beyond[file, line], column - 1)

    return column_of


_SARIF_LOG = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0"}


def write_sarif(result: CheckResult, out: TextIO, style: Style) -> None:
    """SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""
    utf16 = _utf16({report.path: source_lines(report.text) for report in result.files})
    uri = _uris()
    rule_ids = list(REGISTRY)
    rules = [
        {
            "id": rule.id,
            "name": "".join(part.title() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.why},
            "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
            "properties": {"tags": [rule.family]},
        }
        for rule in REGISTRY.values()
    ]
    shown = _sarif_shown(result.diagnostics)
    results = [
        {
            "ruleId": d.rule,
            "ruleIndex": rule_ids.index(d.rule),
            "level": _SARIF_LEVELS[d.severity],
            "message": {"text": d.message + (f". Hint: {d.hint}" if d.hint else "")},
            "locations": _locations(
                uri(d.span.file),
                startLine=d.span.line,
                startColumn=utf16(d.span.file, d.span.line, d.span.column),
                endLine=d.span.end_line,
                endColumn=utf16(d.span.file, d.span.end_line, d.span.end_column),
            ),
        }
        for d in shown
    ]
    run: dict[str, Any] = {"results": results, "columnKind": "utf16CodeUnits"}
    if left := len(result.diagnostics) - len(shown):
        said = (
            f"{left:,} more results, not listed: GitHub takes {SARIF_MOST:,} a run at most "
            "(the errors are listed first, then the warnings, then the notes)"
        )
        notice = {"level": "warning", "message": {"text": said}}
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [notice]}]
    _dump(_sarif(rules, **run), out)


# Results of one SARIF run, at most: GitHub's code scanning refuses an upload with more
# (26 files of 1,100 duplicate keys each made 26,026, each file's rule kept to MAX_PER_RULE).
SARIF_MOST = 25_000


def _sarif_shown(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics a SARIF run lists: all, or SARIF_MOST of them, the most severe, in
    their order."""
    if len(diagnostics) <= SARIF_MOST:
        return list(diagnostics)
    kept = sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].severity.rank)
    return [diagnostics[i] for i in sorted(kept[:SARIF_MOST])]


def _locations(uri: str, **region: int) -> list[dict[str, Any]]:
    return [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}]


def _sarif(rules: list[dict[str, Any]], **run: Any) -> dict[str, Any]:
    """A SARIF log of one run of argmap, with `rules` and what else the run holds."""
    driver = {"name": "argmap", "version": __version__, "rules": rules}
    return {**_SARIF_LOG, "runs": [{"tool": {"driver": driver}, **run}]}


_PLACE = re.compile(r"(.+?):(\d+):(\d+): (.*)", re.DOTALL)  # `file:line:col: message`


def write_unchecked(name: str, problems: Sequence[str], out: TextIO) -> None:
    """For a machine, in its format, why nothing was checked: settings with mistakes (each
    problem `file:line:col: message`, or without the place). SARIF's upload and GitHub's
    annotations had an empty output, and showed nothing."""
    # Each problem's text, and its place when it has one: (file, line, column).
    said = [
        (place[4], (place[1], int(place[2]), int(place[3]))) if place else (problem, None)
        for problem, place in ((p, _PLACE.fullmatch(p)) for p in problems)
    ]
    if name == "github":
        named = _from_repository(_repository())
        for text, where in said:
            properties: dict[str, object] = {"title": "argmap (settings)"}
            if where:
                file, line, column = where
                properties |= {"file": named(file), "line": line, "col": column}
            out.write(_command("error", properties, text))
    elif name == "sarif":
        notifications: list[dict[str, Any]] = []
        for text, where in said:
            notifications.append({"level": "error", "message": {"text": text}})
            if where:
                file, line, column = where
                notifications[-1]["locations"] = _locations(
                    _uris()(file), startLine=line, startColumn=column
                )
        invocation = {"executionSuccessful": False, "toolConfigurationNotifications": notifications}
        _dump(_sarif([], invocations=[invocation], results=[]), out)
    elif name == "json":
        unchecked = CheckResult(())
        _dump(_document(unchecked) | {"exit_code": 2, "settings_errors": list(problems)}, out)


REPORTERS: dict[str, Reporter] = {
    "text": write_text,
    "json": write_json,
    "github": write_github,
    "sarif": write_sarif,
}
MACHINE_FORMATS = frozenset({"json", "sarif"})  # their stdout must stay pure JSON
