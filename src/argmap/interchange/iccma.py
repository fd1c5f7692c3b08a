"""The attack graph in the formats of the International Competition on Computational
Models of Argumentation, so that argmap can be checked against, and compared with, its
solvers:

- APX (ASPARTIX): `arg(a).` and `att(a,b).` facts, `%` and `%* ... *%` comments. Ids that
  are not plain ASP constants (a lower-case letter, then letters, digits, `_`) are written
  as quoted strings. ASP tells `"ab"` from `ab`; a map id cannot, so a file that uses both
  is refused rather than read as one argument.
- I23 (ICCMA 2023): `p af N`, then one `i j` line per attack, arguments numbered 1..N in
  map order; `#` lines are comments (argmap writes `# i id` for each argument).

Imported frameworks become maps of claims (a framework has no kinds), with ids kept for
APX. For I23 the `# i id` comments name the arguments when they give every argument one
valid id of its own; otherwise the ids are the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from argmap.characters import describe
from argmap.files import NotUtf8, decode_utf8, read_input
from argmap.loader import invalid_id
from argmap.model import Span
from argmap.printable import clipped
from argmap.semantics.framework import Framework
from argmap.spec import ID_RE, NULL_IDS, is_map_id, suggested_id
from argmap.text import position, source_lines

FORMATS = ("apx", "i23")
MAX_ARGUMENTS = 1_000_000  # an imported map holds one claim per argument
_NUMBER = re.compile(r"[0-9]+\Z")
_DIGITS = 15  # a number with more is out of range: not converted (Python limits int())
_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*\Z")
# (Possessive: a quote left open made `_FACT` backtrack over the rest of the file, and 10 MB
# of it took 1.7 GB.)
_TERM = r'(?:"(?:[^"\\]++|\\.)*+"|[a-z][A-Za-z0-9_]*|[0-9]+)'
# A quoted string (which may hold a %; closed, or left open on its line), a block comment,
# or a comment to the end of the line.
_APX_LEXEME = re.compile(r'"(?:[^"\\\n]++|\\.)*+(")?|%\*.*?\*%|%[^\r\n]*', re.DOTALL)
_FACT = re.compile(rf"\s*(arg|att)\s*\(\s*({_TERM})\s*(?:,\s*({_TERM})\s*)?\)\s*\.")


class InterchangeError(Exception):
    """A file that cannot be read in its format, with where and why."""

    def __init__(self, path: str, line: int, column: int, message: str, hint: str) -> None:
        super().__init__(f"{path}:{line}:{column}: error: {message}; {hint}")


def _int(digits: str) -> int:
    """The number `digits` write, or 10**_DIGITS if it has more digits (but for leading
    zeros, which made `0000000000000002` out of range)."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= _DIGITS else 10**_DIGITS


def _term(name: str) -> str:
    """`name` as an ASP term: a constant, or a quoted string with ASP's escapes (a line
    break in an id, which `check` refuses, broke the string and the file in two)."""
    if _CONSTANT.match(name) and name != "not":  # (ASP's one word, which no constant is)
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)  # in a quoted term


def _odd_escapes(term: str) -> Iterator[re.Match[str]]:
    """The escapes of a quoted term that ASP has not: it has `\\`, `\"` and `\n` alone."""
    return (e for e in _ESCAPE.finditer(term) if e[1] not in '\\"n')


def _unterm(term: str) -> str:
    if term.startswith('"'):
        return _ESCAPE.sub(lambda e: "\n" if e[1] == "n" else e[1], term[1:-1])
    return term


def to_apx(af: Framework) -> str:
    lines = [f"arg({_term(a)})." for a in af.arguments]
    lines += [f"att({_term(a)},{_term(b)})." for a in af.arguments for b in af.targets[a]]
    return "\n".join(lines) + "\n"


def _without_breaks(name: str) -> str:
    if len(f"{name}.".splitlines()) == 1:
        return name
    return name.encode("unicode_escape").decode("ascii")


def to_i23(af: Framework) -> str:
    number = {a: i for i, a in enumerate(af.arguments, start=1)}
    lines = [f"p af {len(af.arguments)}"]
    # (An id that breaks the line, which `check` refuses, is written with escapes.)
    lines += [f"# {number[a]} {_without_breaks(a)}" for a in af.arguments]
    lines += [f"{number[a]} {number[b]}" for a in af.arguments for b in af.targets[a]]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Reader:
    path: str

    def fail(self, line: int, column: int, message: str, hint: str) -> InterchangeError:
        return InterchangeError(self.path, line, column, message, hint)

    def not_an_id(self, text: str, at: int, term: str, name: str) -> InterchangeError:
        """The error for the argument `term` (its name `name`) at `at` in `text`, which
        no map id can be: why not, as `check` says of an id."""
        line, column = position(text, at)
        span = Span(self.path, line, column, line, column + len(term))
        return self.fail(line, column, *invalid_id(name, span, suggested_id(name)))


def read_framework(path: str, fmt: str, warnings: list[str] | None = None) -> Framework:
    """The framework in file `path` (`-`: standard input), in format `fmt` (apx or i23),
    and what there is to warn of in `warnings`. Raises InterchangeError for a file not in
    the format, OSError if it cannot be read."""
    try:
        text = decode_utf8(read_input(path))
    except NotUtf8 as error:
        raise InterchangeError(
            path, error.line, error.column, f"the file is {error}", "save it as UTF-8"
        ) from error
    af = from_apx(text, path) if fmt == "apx" else from_i23(text, path, warnings)
    if warnings is not None and not af.arguments:  # (a file left empty, most likely)
        said = "no `arg(...)` fact" if fmt == "apx" else "`p af 0`"
        warnings.append(
            f"{path}:1:1: warning: the framework has no argument ({said}): the map has no claim"
        )
    return af


def _without_comments(text: str, reader: _Reader) -> str:
    """`text` with its comments blanked out, line breaks kept: positions stay the same."""

    def blank(match: re.Match[str]) -> str:
        found = match.group()
        if found.startswith('"'):
            if match.group(1) is None:
                line, column = position(text, match.start())
                raise reader.fail(
                    line,
                    column,
                    'this `"` opens a name that its line does not close',
                    'end the name with `"`',
                )
            return found
        if found.startswith("%*") and (len(found) < 4 or not found.endswith("*%")):
            line, column = position(text, match.start())
            raise reader.fail(line, column, "`%*` opens a comment that no `*%` closes", "close it")
        return re.sub(r"[^\r\n]", " ", found)

    return _APX_LEXEME.sub(blank, text)


_ARGUMENTS = re.compile(r"\s*(?:arg|att)\s*\(([^()]*)\)")  # a fact, up to its `)`
_NAME = re.compile(r"[^,\s]+")
_VISIBLE = re.compile(r"\S")


def _past_spaces(text: str, at: int) -> int:
    """Where the first character of `text` from `at` on that is no space is (its length
    if there is none)."""
    found = _VISIBLE.search(text, at)
    return len(text) if found is None else found.start()


def _bad_name(reader: _Reader, text: str, at: int) -> None:
    """Raise the error for the fact at `at` whose argument's name is no APX term
    (`arg(Big).`, `arg(über).`), if that is what is wrong with it."""
    fact = _ARGUMENTS.match(text, at)
    names = _NAME.finditer(text, fact.start(1), fact.end(1)) if fact else iter(())
    name = next((n for n in names if not re.fullmatch(_TERM, n[0])), None)
    if name is None:
        return
    if not ID_RE.match(name[0]):
        raise reader.not_an_id(text, name.start(), name[0], name[0])
    raise reader.fail(
        *position(text, name.start()),
        f"`{name[0]}` is no name in APX, which starts one with a small letter",
        f'quote it: `"{name[0]}"`',
    )


def from_apx(text: str, path: str = "<apx>") -> Framework:
    """The framework of an APX text. Its facts are read where they are in the whole text,
    as ASP reads them (one may go on over lines), in time linear in its length: reading
    line by line copied the rest of a line for each fact, quadratic in a file of one line."""
    reader = _Reader(path)
    plain = _without_comments(text, reader)  # (the same positions as `text`)
    arguments: dict[str, str] = {}  # id -> the term that names it
    # The terms, and where each is first: once (one attack written 7 million times was a
    # list of 7 million, 1.2 GB, for a map of one claim).
    attacks: dict[tuple[str, str], tuple[int, int]] = {}
    at = _past_spaces(plain, 0)
    while at < len(plain):
        match = _FACT.match(plain, at)
        if match is None:
            _bad_name(reader, plain, at)
            raise reader.fail(
                *position(plain, at),
                "expected `arg(x).` or `att(x,y).`",
                "write one fact per statement, each ending with a period",
            )
        kind, first, second = match.groups()
        for term, group in ((first, 2), (second, 3)):
            if term and (odd := next(_odd_escapes(term), None)):
                raise reader.fail(
                    *position(plain, match.start(group) + odd.start()),
                    f'`{odd[0]}` is no escape in ASP, whose strings have `\\\\`, `\\"` '
                    "and `\\n` alone",
                    f"write the character itself, or `\\{odd[0]}` for a backslash and "
                    f"`{odd[0][1:]}`",
                )
        if (kind == "arg") != (second is None):
            raise reader.fail(
                *position(plain, match.start(1)),
                f"`{kind}` takes {'one argument' if kind == 'arg' else 'two arguments'}",
                "arg(x). names an argument; att(x,y). says x attacks y",
            )
        if kind == "arg":
            name = _unterm(first)
            if not is_map_id(name):
                raise reader.not_an_id(plain, match.start(2), first, name)
            if len(arguments) == MAX_ARGUMENTS and name not in arguments:
                raise reader.fail(  # (as I23's header is: 2,000,000 took 6 GB)
                    *position(plain, match.start(1)),
                    f"the framework has more than {MAX_ARGUMENTS:,} arguments",
                    f"argmap imports frameworks of up to {MAX_ARGUMENTS:,} arguments",
                )
            if arguments.setdefault(name, first) != first:
                raise reader.fail(
                    *position(plain, match.start(2)),
                    f"`{first}` and `{arguments[name]}` are two arguments in ASP, and "
                    "would be one id in a map",
                    "rename one of them",
                )
        else:
            attacks.setdefault((first, second), (match.start(2), match.start(3)))
        at = _past_spaces(plain, match.end())
    for (a, b), where in attacks.items():
        for x, offset in zip((a, b), where, strict=True):
            name = _unterm(x)
            declared = arguments.get(name)
            if declared == x:
                continue
            if declared is None and not is_map_id(name):
                raise reader.not_an_id(plain, offset, x, name)  # (not "add `arg(x).`")
            message, hint = f"attack names `{x}`, and no `arg({x}).` says so", f"add `arg({x}).`"
            if declared is not None:  # (`arg("b").`, and `b` here)
                message = f"attack names `{x}`, another argument in ASP than `{declared}`"
                hint = f"write `{declared}`, as its `arg` does"
            raise reader.fail(*position(plain, offset), message, hint)
    return Framework.of(arguments, ((_unterm(a), _unterm(b)) for a, b in attacks))


_BLANK = " \t\f\v"  # what separates the numbers of a line
_SPACED_ID = re.compile(r"[\w.-]+(?: [\w.-]+){1,2}")  # (`# 1 big one`: two or three words)


def from_i23(text: str, path: str = "<i23>", warnings: list[str] | None = None) -> Framework:
    """The framework in I23 `text`; what it says of the `# i id` comments that could not
    name the arguments goes to `warnings`."""
    reader = _Reader(path)
    size: int | None = None
    attacks: set[tuple[str, str]] = set()
    comments: list[tuple[int, str, str]] = []  # `# i id`: its line, i and id, in order
    spaced: list[tuple[int, int, str]] = []  # `# i` with words after: line, i, comment
    for number, raw in enumerate(source_lines(text), start=1):
        line = raw.strip(_BLANK)  # (ASCII's: a no-break space between numbers is none)
        if line.startswith("#"):
            parts = line[1:].split()
            if len(parts) == 2 and _NUMBER.match(parts[0]):
                comments.append((number, str(_int(parts[0])), parts[1]))
            elif _NUMBER.match(parts[0] if parts else "") and _SPACED_ID.fullmatch(
                " ".join(parts[1:])
            ):  # (an id with spaces, meant: a few words, no prose's commas)
                spaced.append((number, _int(parts[0]), line))
            continue
        if not line:
            continue
        parts = re.split(f"[{_BLANK}]+", line)
        if size is None:
            if len(parts) != 3 or parts[:2] != ["p", "af"] or not _NUMBER.match(parts[2]):
                raise reader.fail(
                    number, 1, "the first line must be `p af N`", "N is the number of arguments"
                )
            size = _int(parts[2])
            if size > MAX_ARGUMENTS:
                raise reader.fail(
                    number,
                    raw.rindex(parts[2]) + 1,  # (at N, however the line is spaced)
                    f"the framework declares more than {MAX_ARGUMENTS:,} arguments",
                    f"argmap imports frameworks of up to {MAX_ARGUMENTS:,} arguments",
                )
            continue
        if len(parts) != 2 or not all(_NUMBER.match(p) for p in parts):
            hint = "two argument numbers per line"
            if odd := next((c for c in line if c.isspace() and c not in _BLANK), None):
                hint += f", apart by spaces or tabs (the line holds {describe(odd)})"
            raise reader.fail(number, 1, f"expected an attack `i j`, found `{line[:40]}`", hint)
        a, b = (_int(p) for p in parts)
        for found, value in zip(re.finditer(r"\S+", raw), (a, b), strict=True):
            if not 1 <= value <= size:  # (at the number, and said, however long)
                shown = clipped(found[0], 20)
                raise reader.fail(
                    number,
                    found.start() + 1,
                    f"argument number {shown} is out of range 1..{size}",
                    "fix the number or the `p af N` line",
                )
        attacks.add((str(a), str(b)))
    if size is None:
        raise reader.fail(1, 1, "no `p af N` line", "start the file with `p af N`")
    numbers = [str(i) for i in range(1, size + 1)]
    named, trouble = _names(comments, size)
    if trouble is None:
        return Framework.of(named.values(), ((named[a], named[b]) for a, b in attacks))
    # (The first about an argument: one about none, `# 2023 data`, is prose.)
    meant = next(((line, said) for line, i, said in spaced if 1 <= i <= size), None)
    if warnings is not None and (named or meant):  # (else just comments)
        at, why = trouble
        if meant is not None:  # (said at it, if no comment names an argument)
            at = at if named else meant[0]
            why += f"; `{clipped(meant[1], 30)}`, on line {meant[0]}, names none: an id is "
            why += "one word"
        warnings.append(
            f"{path}:{at}:1: warning: the `# i id` comments do not give every argument one "
            f"id of its own ({why}): the map's ids are the argument numbers; to keep the ids, "
            "write one `# i id` comment for each argument, 1 to N, each with an id no other "
            "has"
        )
    return Framework.of(numbers, attacks)


def _names(
    comments: list[tuple[int, str, str]], size: int
) -> tuple[dict[str, str], tuple[int, str] | None]:
    """The ids that the `# i id` comments give arguments 1 to `size`, in order, and the
    first trouble with them (its line, and why), None if each argument has one id of its
    own. A comment about no argument is just a comment."""
    named: dict[str, str] = {}
    owners: dict[str, str] = {}  # the argument each id names
    trouble: tuple[int, str] | None = None
    for line, argument, name in comments:
        if not 1 <= int(argument) <= size or trouble is not None:
            continue
        if not ID_RE.match(name):
            trouble = line, f"`{clipped(name, 20)}` is no id"
        elif name in NULL_IDS:
            trouble = line, f"`{name}` is what YAML reads as no value"
        elif named.get(argument, name) != name:
            trouble = line, f"argument {argument} is named twice, with two ids"
        elif owners.get(name, argument) != argument:
            trouble = line, f"`{name}` names arguments {owners[name]} and {argument}"
        named[argument], owners[name] = name, argument
    if trouble is None and len(named) < size:
        first = next((line for line, n, _ in comments if n in named), 1)
        trouble = first, f"they name {len(named):,} of the {size:,} arguments"
        if any(n == "0" for _, n, _ in comments):
            trouble = first, f"{trouble[1]}; I23 numbers them from 1"
    return {n: named[n] for n in sorted(named, key=int)}, trouble


# What YAML 1.2's core schema (yq, js-yaml) reads as no text, where PyYAML's YAML 1.1 reads
# text: numbers in its forms, and the booleans `y` and `n` of YAML 1.1's own spec (Go's
# yaml.v2), which PyYAML leaves out.
_NOT_TEXT_ELSEWHERE = re.compile(
    r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[yYnN]"
)


def to_map_yaml(af: Framework, title: str) -> str:
    """A map of claims, one per argument, with the framework's attacks."""
    import yaml

    # libyaml's emitter when PyYAML has it: the same text, faster on a large framework.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    body: str = yaml.emit(_map_events(af, title), Dumper=dumper, allow_unicode=True)
    return "# Imported from an argumentation framework: every argument is a claim.\n" + body


def _map_events(af: Framework, title: str) -> Iterator[Any]:
    """The map's YAML as the emitter's events, made as it writes them: `yaml.dump` built
    the whole map as dictionaries and then as YAML nodes first, 1.8 GB and 42 s for a
    framework of a million arguments (470 MB and 15 s this way, the same text)."""
    from yaml import events as e

    from argmap.yamlnodes import reads_as_text

    def scalar(value: str) -> e.ScalarEvent:
        # Plain where YAML reads it back as text; quoted where other readers would take
        # a number (argmap reads ids as written): YAML 1.1's, and 1.2's (`1e3`, `0o17`).
        # (The ids of an i23 file are numbers: the pattern, first, settles them.)
        plain = not _NOT_TEXT_ELSEWHERE.fullmatch(value) and reads_as_text(value)
        return e.ScalarEvent(None, None, (plain, True), value)

    def mapping() -> e.MappingStartEvent:
        return e.MappingStartEvent(None, None, True, flow_style=False)

    yield from (e.StreamStartEvent(), e.DocumentStartEvent(), mapping())
    yield from (scalar("argmap"), e.ScalarEvent(None, None, (True, False), "1"))
    yield from (scalar("title"), scalar(title), scalar("claims"), mapping())
    for a in af.arguments:
        yield from (scalar(a), mapping(), scalar("text"), scalar(f"Argument {a}."))
        if af.targets[a]:
            yield from (scalar("attacks"), e.SequenceStartEvent(None, None, True))
            yield from map(scalar, af.targets[a])
            yield e.SequenceEndEvent()
        yield e.MappingEndEvent()
    yield from (e.MappingEndEvent(), e.MappingEndEvent(), e.DocumentEndEvent(), e.StreamEndEvent())
