"""Settings for `argmap check` and `render`: from `.argmap.toml` (or `argmap.toml`) or
`[tool.argmap]` in pyproject.toml, the nearest to each map, overridden by the command
line. Every key is validated here, once."""

from __future__ import annotations

import datetime
import re
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argmap.characters import describe
from argmap.diagnostics import did_you_mean
from argmap.files import NotUtf8, RealPaths, TooLarge, decode_utf8, from_here, read_input
from argmap.rules import REGISTRY
from argmap.text import position
from argmap.tomlkeys import Locator

KEYS = ("select", "ignore", "strict", "rules")
SETTINGS_FILES = (".argmap.toml", "argmap.toml")  # a folder's own, first to last
# Rules that run whatever is selected or ignored (`Rule.required`).
REQUIRED = frozenset(rule.id for rule in REGISTRY.values() if rule.required)
# What tomllib reads each TOML type as, named as a user says it (`int`, `str` are Python's).
_TOML_TYPES: dict[type, str] = {
    str: "text",
    int: "a whole number",
    float: "a decimal number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
    datetime.datetime: "a date and time",
    datetime.date: "a date",
    datetime.time: "a time",
}


class ConfigError(Exception):
    """Settings that cannot be used; the CLI reports each problem as a usage error (exit 2).
    `key` is the setting's path in its table and `value` the item of its list that is
    wrong, so that a settings file can say where (`parse`)."""

    def __init__(
        self,
        *problems: str,
        key: tuple[str, ...] = (),
        value: str | None = None,
        at_value: bool = False,
    ) -> None:
        super().__init__("\n".join(problems))
        self.problems, self.key, self.value = problems, key, value
        self.at_value = at_value  # said at the setting's value, not its key (a wrong type)


@dataclass(frozen=True)
class Settings:
    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    strict: bool = False  # warnings fail the check too
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    origin: str | None = None  # the file the settings came from

    def enabled(self, rule_id: str) -> bool:
        return rule_id in REQUIRED or (
            rule_id not in self.ignore and (self.select is None or rule_id in self.select)
        )

    def options(self, rule_id: str) -> dict[str, Any]:
        defaults = {name: o.default for name, o in REGISTRY[rule_id].options.items()}
        return {**defaults, **self.rule_options.get(rule_id, {})}

    def override(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        strict: bool | None = None,
    ) -> Settings:
        """These settings with the command line's choices on top. A rule selected on the
        command line is checked even if the settings file ignores it: the command line
        is the more particular wish."""
        chosen = _selected(select, "--select") if select is not None else None
        kept = self.ignore - chosen if chosen is not None else self.ignore
        combined = replace(
            self,
            select=chosen if chosen is not None else self.select,
            ignore=_ignored(ignore, "--ignore") if ignore is not None else kept,
            strict=self.strict if strict is None else strict,
        )
        try:
            return _checking_some(combined, "--ignore")
        except ConfigError as error:  # the file's choices and the command line's together
            if self.origin is None:
                raise
            raise ConfigError(f"{self.origin} with the command line: {error}") from None


Report = Callable[[ConfigError], None]


def _raise(error: ConfigError) -> None:
    raise error


def rule_ids(ids: Iterable[str], key: str, report: Report = _raise) -> frozenset[str]:
    """Validated rule ids; `a,b` and repeated options both work. `key` names the option
    or setting that gave them. Each unknown id goes to `report` (which raises, unless a
    settings file's every mistake is being collected)."""
    result = set()
    for item in ids:
        for rule_id in filter(None, (part.strip() for part in item.split(","))):
            if rule_id not in REGISTRY:
                hint = did_you_mean(rule_id, REGISTRY, fallback="`argmap rules` lists them")
                message = f"`{key}` names an unknown rule `{rule_id}`; {hint}"
                report(ConfigError(message, key=(key,), value=item))
            else:
                result.add(rule_id)
    return frozenset(result)


def _ignored(ids: Iterable[str], key: str, report: Report = _raise) -> frozenset[str]:
    """The rules to switch off: none that must run."""
    ignored = rule_ids(ids, key, report)
    if needed := sorted(ignored & REQUIRED):
        raise ConfigError(
            f"`{key}` names `{needed[0]}`, which cannot be switched off: with such an error, "
            "the map argmap reads is not what the file says; fix the map instead",
            key=(key,),
            value=needed[0],
        )
    return ignored


def _selected(ids: Iterable[str], key: str, report: Report = _raise) -> frozenset[str]:
    """The rules to run: at least one. An empty list (`--select "$RULES"` with the variable
    unset) would switch every rule off and pass any map."""
    ids = list(ids)
    selected = rule_ids(ids, key, report)
    if not selected and not any(item.strip(", ") for item in ids):  # (not: all unknown)
        example = (
            "`--select long-text,unknown-reference`"
            if key.startswith("--")
            else f'`{key} = ["long-text", "unknown-reference"]`'
        )
        raise ConfigError(
            f"`{key}` names no rule, which would check nothing; name the rules to run, "
            f"e.g. {example}, or leave it out to run them all",
            key=(key,),
        )
    return selected


class Resolver:
    """Each map's settings, found as ruff and eslint find theirs: from the nearest settings
    file upwards from the map's own folder (standard input's, `-`, is the current folder),
    or from `config` for every map; the command line's choices on top (as in
    `Settings.override`). Each folder is looked at, and each file read, once: 10,000 maps
    in a folder cost one look-up. A file with mistakes raises ConfigError, naming them
    all; the command line's own mistakes, and `config`'s, are raised at once, even if no
    map is found."""

    def __init__(
        self,
        config: Path | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        strict: bool | None = None,
    ) -> None:
        if config is not None and not config.exists():
            broken = config.is_symlink()
            what = "is a link that leads nowhere, or loops" if broken else "does not exist"
            raise ConfigError(f"settings file {config} {what}")
        if config is not None and config.is_dir():
            raise ConfigError(
                f"settings file {config} is a folder; name the .argmap.toml or pyproject.toml"
            )
        self._on_top: Callable[[Settings], Settings] = lambda s: s.override(select, ignore, strict)
        self._given = self._on_top(load(config))  # also for a map with no settings file above
        self.config = config  # the settings file of every map, if given
        self._nearest: dict[Path, Settings] = {}  # by folder
        self._real = RealPaths()

    def __call__(self, path: str | Path) -> Settings:
        """The settings for the map at `path`."""
        if self.config is not None:
            return self._given
        # The folder the file is in, as opening it finds it (`link/../m.yaml` is beside
        # where the link leads); a map that is itself a link is in the link's folder.
        return self._find(Path(self._real(Path(path).absolute().parent)))

    def _find(self, folder: Path) -> Settings:
        """The settings of the nearest settings file from `folder` up."""
        below: list[Path] = []
        while folder not in self._nearest:
            own = _own(folder)
            if own is None and folder.parent != folder:
                below.append(folder)
                folder = folder.parent
            else:
                self._nearest[folder] = self._given if own is None else self._on_top(own)
        self._nearest.update(dict.fromkeys(below, self._nearest[folder]))
        return self._nearest[folder]


def _own(folder: Path) -> Settings | None:
    """The settings of the folder's own settings file: `.argmap.toml` or `argmap.toml` (as
    ruff reads `.ruff.toml` and `ruff.toml`), or pyproject.toml with a [tool.argmap]
    table; None if it has none. (Its errors name it from the current folder, as the
    maps' do.)"""
    folder = Path(from_here(str(folder)))
    for name in SETTINGS_FILES:
        path = folder / name
        try:
            found = path.is_file()
            # (One that is no file, passed over, let CI pass unstrict: a link that leads
            # nowhere, or loops, or a folder or a pipe by the name.)
            there, link = path.exists(), path.is_symlink()
        except OSError:  # a folder that cannot be entered: nor can its maps be read, and
            return None  # loading says so (this stopped the run as "cannot write")
        if not found and (there or link):
            what = "no file" if there else "a link that leads nowhere, or loops"
            raise ConfigError(f"{path}: cannot read settings: it is {what}; fix it or remove it")
        if found:
            return load(path)
    pyproject = folder / "pyproject.toml"
    try:
        # (Only a file: a pull request's pyproject.toml that leads to /dev/zero or a pipe
        # read without end.)
        raw = read_input(pyproject, MAX_SETTINGS) if pyproject.is_file() else b""
    except TooLarge as error:  # (whether it holds [tool.argmap] past its start or not)
        raise ConfigError(f"{pyproject}: cannot read settings: {error.strerror}") from error
    except OSError:  # none, or a folder: another project's pyproject.toml is not argmap's
        return None
    if b"argmap" not in raw:  # nor is one that does not name it, even a broken one
        return None
    data, locator = _parse(pyproject, raw)
    tool = data.get("tool")
    read = "argmap" in data or (isinstance(tool, dict) and "argmap" in tool)  # (see `_from`)
    return _from(pyproject, data, locator) if read else None


def names_settings(path: Path) -> bool:
    """Whether `path` is a settings file by its name, as `_own` finds them: a
    pyproject.toml only if it names argmap, as one with a [tool.argmap] table does."""
    if path.name in SETTINGS_FILES:
        return True
    try:  # (Only a file: a pipe by the name was read without end.)
        if path.name != "pyproject.toml" or not path.is_file():
            return False
        return b"argmap" in read_input(path, MAX_SETTINGS)
    except OSError:  # (none, one too large: not argmap's either)
        return False


def _read(path: Path) -> tuple[dict[str, Any], Locator]:
    """The file's table, and a Locator over its text for `parse`."""
    try:
        raw = read_input(path, MAX_SETTINGS)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read settings: {error.strerror or error}") from error
    return _parse(path, raw)


def _parse(path: Path, raw: bytes) -> tuple[dict[str, Any], Locator]:
    """The table of `raw`, the bytes of `path`, and a Locator over its text."""
    within = ("tool", "argmap") if path.name == "pyproject.toml" else ()
    try:
        text = decode_utf8(raw)
        return tomllib.loads(text), Locator(text, within)
    except NotUtf8 as error:
        raise ConfigError(
            f"{path}:{error.line}:{error.column}: cannot read settings: {error}; "
            "save the file as UTF-8"
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}{_toml_error(error, Locator(text, within))}") from error
    except ValueError as error:  # (a whole number past Python's 4,300 digits)
        long = _LONG_NUMBER.search(text)
        at = position(text, long.start()) if long else (1, 1)
        raise ConfigError(
            f"{path}:{at[0]}:{at[1]}: cannot read settings: a number of more than "
            f"{sys.get_int_max_str_digits():,} digits, where argmap's settings need a few; "
            "write a smaller number"
        ) from error
    except RecursionError as error:  # tomllib reads each level of nesting with a call
        at = Locator(text, within).deepest(_DEEPEST) or (1, 1)
        raise ConfigError(
            f"{path}:{at[0]}:{at[1]}: cannot read settings: lists or tables are nested too "
            f"deeply (hundreds of levels; level {_DEEPEST + 1} starts here), where argmap's "
            "settings need a few; remove the extra `[` or `{`"
        ) from error


_DEEPEST = 64  # levels of nesting: where too many start, once tomllib runs out (hundreds)
# A whole number longer than Python reads (tomllib's error names no place).
_LONG_NUMBER = re.compile(rf"[0-9](?:_?[0-9]){{{sys.get_int_max_str_digits()},}}")
MAX_SETTINGS = 4 * 2**20  # bytes of a settings file: a few lines, or a project's pyproject
# What tomllib says of a string never closed, at the end of its line or of the file.
_STRING_LEFT_OPEN = re.compile(
    r"Unterminated string|Illegal character '\\n'|Expected \"('|\"|''')\""
)
# What tomllib says where a list's or a braced table's next item, or its end, should be.
_UNCLOSED = {
    "Unclosed array": "a `,` between two items of the list, or its `]`, is missing here",
    "Unclosed inline table": "a `,` between two keys of the table, or its `}`, is missing here",
}
_TOML_ERROR = re.compile(r"(.*) \(at (?:line (\d+), column (\d+)|end of document)\)", re.DOTALL)


def _toml_error(error: tomllib.TOMLDecodeError, locator: Locator) -> str:
    """`:line:col: cannot read settings: problem`, the position first as for maps (tomllib
    gives it only inside its message before Python 3.14). Where tomllib's words or place
    would puzzle, plainer ones: the key written twice, with both lines; the `[` never
    closed, rather than the end of the file where tomllib gave up."""
    found = _TOML_ERROR.fullmatch(str(error))
    if found is None:
        return f": cannot read settings: {error}"
    problem, at = found[1], (int(found[2]), int(found[3])) if found[2] else None
    lines = locator.text.split("\n")
    if at is None and problem.startswith("Cannot "):  # on the last line, without its end
        at = (len(lines), 1)
    # The character there (tomllib counts lines by LF), and whether it ends its line.
    line = lines[at[0] - 1] if at and 0 < at[0] <= len(lines) else ""
    there = line[at[1] - 1] if at and 0 < at[1] <= len(line) else ""
    crlf = at is not None and there == "\r" and at[1] == len(line) and at[0] < len(lines)
    if at and there == "\r" and not crlf:  # (lines ended by CR alone: one line to TOML)
        problem = (
            "this line ends in a carriage return alone (as old Macs ended lines), which TOML "
            "does not read as the end of a line; save the file with LF line ends"
        )
        return f":{at[0]}:{at[1]}: cannot read settings: {problem}"
    if at and there and not crlf and unicodedata.category(there) == "Cc":
        problem = f"{describe(there)}, which TOML allows nowhere (but a tab); delete it"
        return f":{at[0]}:{at[1]}: cannot read settings: {problem}"
    unclosed = locator.unclosed(at) if at is None or problem.startswith("Unclosed ") else None
    repeated = locator.repeated(at[0]) if at and problem.startswith("Cannot ") else None
    if unclosed is not None:
        at, bracket = unclosed
        problem = (
            "this `[` is never closed; end the list with `]`"
            if bracket == "["
            else "this `{` is never closed; end the table with `}`, on its line (TOML writes "
            "a table in braces on one line)"
        )
    elif repeated is not None:
        path, at, first = repeated
        inside = path[: len(locator.within)] == locator.within and path != locator.within
        name = ".".join(path[len(locator.within) :] if inside else path)
        problem = f"`{name}` is written twice, on lines {first} and {at[0]}; write it once"
    elif _STRING_LEFT_OPEN.fullmatch(problem) and (string := locator.unclosed_string()):
        at, quote = string
        problem = f"this string is never closed; end it with {quote}"
        if len(quote) == 1:
            problem += " on its line (text over several lines goes in \"\"\" or ''')"
    elif at is None:  # (the end of a file whose last line has no line end)
        at = (len(lines), len(lines[-1]) + 1)
    elif (not there or crlf) and locator.open_at(at) == "{":  # a line's end inside braces
        problem = (
            "a table in braces ends on the line it starts on in TOML; write it on one line, "
            "or its keys under a `[table]` header of their own"
        )
    elif problem in _UNCLOSED:  # (closed later: what comes next is no item, nor the end)
        problem = _UNCLOSED[problem]
    if problem == "Invalid value":  # `strict = yes`, `ignore = long-text`
        problem = (
            "a value TOML cannot read; write true or false, a number, or text in quotes "
            '(`strict = true`, `ignore = ["long-text"]`)'
        )
    return f":{at[0]}:{at[1]}: cannot read settings: {problem}"


def load(path: Path | None) -> Settings:
    """Settings from a file (None: the defaults)."""
    return Settings() if path is None else _from(path, *_read(path))


def _from(path: Path, data: dict[str, Any], locator: Locator) -> Settings:
    """Settings from a file's table (from its [tool.argmap] in pyproject.toml)."""
    table: Any = data
    if locator.within:
        tool = data.get("tool", {})
        table = tool.get("argmap") if isinstance(tool, dict) else None
        if table is None and "argmap" not in data:  # (named with --config: else not read)
            raise ConfigError(
                f"{path}: has no [tool.argmap] table, so none of it is argmap's settings "
                "(a pyproject.toml's own keys are not); put them under [tool.argmap], or "
                "give a .argmap.toml"
            )
        if "argmap" in data:  # a table no tool reads: its settings were silently not used
            line, column = replace(locator, within=()).find(("argmap",)) or (1, 1)
            raise ConfigError(
                f"{path}:{line}:{column}: settings for argmap go under [tool.argmap] in "
                "pyproject.toml, not [argmap]; add `tool.` to the name of the table"
            )
    return parse(table, str(path), str(path), locator)


def parse(
    table: Any, where: str, origin: str | None = None, locator: Locator | None = None
) -> Settings:
    """Settings from a TOML table. Every problem is reported, each as `where:line:col:
    message` (the position when `locator` finds the setting in the file's text)."""
    found: list[tuple[tuple[int, int], str]] = []  # in the order of the file, then read

    def report(error: ConfigError) -> None:
        at = locator.find(error.key, error.value, error.at_value) if locator else None
        position = f":{at[0]}:{at[1]}" if at else ""
        context = " [tool.argmap]" if locator and locator.within and not at else ""
        found.append((at or (0, 0), f"{where}{position}{context}: {error}"))

    def problems() -> list[str]:
        return [message for _, message in sorted(found, key=lambda f: f[0])]

    if not isinstance(table, Mapping):
        report(ConfigError("the settings must be a table (`ignore = [...]` and so on)"))
        raise ConfigError(*problems())
    for key in table:
        if key == "tool" and origin is not None and not origin.endswith("pyproject.toml"):
            tools = table["tool"]
            named = isinstance(tools, Mapping) and "argmap" in tools
            said = (
                "`[tool.argmap]` belongs in pyproject.toml"
                if named
                else f"`[tool]` holds other tools' settings ({', '.join(map(str, tools))}), "
                "not argmap's"
                if isinstance(tools, Mapping) and tools
                else "`tool` is no setting of argmap's"
            )
            report(
                ConfigError(
                    f"{said}; in this file the settings go at the top level (`ignore = "
                    "[...]`, `[rules.long-text]`)",
                    key=("tool",),
                )
            )
        elif key not in KEYS:
            hint = did_you_mean(key, KEYS, fallback="known settings: " + ", ".join(KEYS))
            report(ConfigError(f"unknown setting `{key}`; {hint}", key=(key,)))
    ids: dict[str, frozenset[str]] = {}
    for key in ("select", "ignore"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            report(
                ConfigError(
                    f'`{key}` must be a list of rule ids, e.g. ["long-text"]',
                    key=(key,),
                    at_value=True,
                )
            )
            continue
        read = _ignored if key == "ignore" else _selected if key in table else rule_ids
        try:
            ids[key] = read(value, key, report)  # (each unknown id named: not the first only)
        except ConfigError as error:
            report(error)
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        report(ConfigError("`strict` must be true or false", key=("strict",), at_value=True))
    options = _rule_options(table.get("rules", {}), report)
    if found:
        raise ConfigError(*problems())
    settings = Settings(
        select=ids["select"] if "select" in table else None,
        ignore=ids["ignore"],
        strict=strict,
        rule_options=options,
        origin=origin,
    )
    try:
        return _checking_some(settings, "`ignore`")
    except ConfigError as error:
        report(error)
        raise ConfigError(*problems()) from None


def _checking_some(settings: Settings, ignore: str) -> Settings:
    """`settings`, unless every rule they select they also ignore: then nothing is checked."""
    if settings.select is not None and settings.select <= settings.ignore:
        raise ConfigError(
            f"every rule selected is also ignored ({', '.join(sorted(settings.select))}), "
            f"which would check nothing; drop one of them from {ignore}",
            key=("ignore",),
        )
    return settings


def _rule_options(table: Any, report: Callable[[ConfigError], None]) -> dict[str, dict[str, Any]]:
    if not isinstance(table, dict):
        report(ConfigError("`rules` must be a table of rule id -> options", key=("rules",)))
        return {}
    options: dict[str, dict[str, Any]] = {}
    for rule_id, values in table.items():
        rule = REGISTRY.get(rule_id)
        if rule is None:
            hint = did_you_mean(rule_id, REGISTRY, fallback="`argmap rules` lists them")
            if rule_id in KEYS:  # written below `[rules]`, which holds the rest of the file
                hint = f"`{rule_id}` is a setting: write it above the first [table]"
            report(
                ConfigError(f"unknown rule `{rule_id}` in `rules`; {hint}", key=("rules", rule_id))
            )
            continue
        if not isinstance(values, dict):
            report(
                ConfigError(f"`rules.{rule_id}` must be a table of options", key=("rules", rule_id))
            )
            continue
        for name, value in values.items():
            key = ("rules", rule_id, name)
            option = rule.options.get(name)
            if option is None:
                known = ", ".join(rule.options) or "none"
                report(
                    ConfigError(
                        f"rule `{rule_id}` has no option `{name}` (its options: {known})", key=key
                    )
                )
            elif type(value) is not option.type:
                report(
                    ConfigError(
                        f"`rules.{rule_id}.{name}` must be {_TOML_TYPES[option.type]}, "
                        f"not {_TOML_TYPES[type(value)]}",
                        key=key,
                        at_value=True,
                    )
                )
            elif isinstance(value, int) and value < 1:
                report(
                    ConfigError(
                        f"`rules.{rule_id}.{name}` must be at least 1", key=key, at_value=True
                    )
                )
        options[rule_id] = dict(values)
    return options
