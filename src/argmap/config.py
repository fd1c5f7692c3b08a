"""Settings for `argmap check`: from `.argmap.toml` (or `argmap.toml`) or `[tool.argmap]`
in the nearest pyproject.toml, overridden by the command line. Every key is validated
here, once."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argmap.diagnostics import did_you_mean
from argmap.files import NotUtf8, decode_utf8
from argmap.rules import REGISTRY

KEYS = ("select", "ignore", "strict", "rules")


class ConfigError(Exception):
    """A setting that cannot be used; the CLI reports it as a usage error (exit 2)."""


@dataclass(frozen=True)
class Settings:
    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    strict: bool = False  # warnings fail the check too
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    origin: str | None = None  # the file the settings came from

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.ignore and (self.select is None or rule_id in self.select)

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
        where = ""  # the command line: the option names itself
        chosen = _selected(select, where, "--select") if select is not None else None
        kept = self.ignore - chosen if chosen is not None else self.ignore
        return _checking_some(
            replace(
                self,
                select=chosen if chosen is not None else self.select,
                ignore=rule_ids(ignore, where, "--ignore") if ignore is not None else kept,
                strict=self.strict if strict is None else strict,
            ),
            where,
        )


def rule_ids(ids: Iterable[str], where: str, key: str) -> frozenset[str]:
    """Validated rule ids; `a,b` and repeated options both work."""
    result = set()
    for item in ids:
        for rule_id in filter(None, (part.strip() for part in item.split(","))):
            if rule_id not in REGISTRY:
                hint = did_you_mean(rule_id, REGISTRY, fallback="`argmap rules` lists them")
                prefix = f"{where}: " if where else ""
                raise ConfigError(f"{prefix}`{key}` names an unknown rule `{rule_id}`; {hint}")
            result.add(rule_id)
    return frozenset(result)


def _selected(ids: Iterable[str], where: str, key: str) -> frozenset[str]:
    """The rules to run: at least one. An empty list (`--select "$RULES"` with the variable
    unset) would switch every rule off and pass any map."""
    selected = rule_ids(ids, where, key)
    if not selected:
        prefix = f"{where}: " if where else ""
        raise ConfigError(
            f"{prefix}`{key}` names no rule, which would check nothing; name the rules to "
            "run, e.g. `long-text,unknown-reference`, or leave it out to run them all"
        )
    return selected


def find(start: Path) -> Path | None:
    """The nearest `.argmap.toml` or `argmap.toml` (as ruff reads `.ruff.toml` and
    `ruff.toml`), or pyproject.toml with a [tool.argmap] table, upwards."""
    for folder in [start, *start.parents]:
        for name in (".argmap.toml", "argmap.toml"):
            own = folder / name
            if own.is_file():
                return own
        pyproject = folder / "pyproject.toml"
        # Another project's pyproject.toml, even a broken one, is none of argmap's business.
        if pyproject.is_file() and _mentions_argmap(pyproject):
            tool = _read(pyproject).get("tool")
            if isinstance(tool, dict) and "argmap" in tool:
                return pyproject
    return None


def _mentions_argmap(path: Path) -> bool:
    try:
        return b"argmap" in path.read_bytes()
    except OSError:
        return False


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(decode_utf8(path.read_bytes()))
    except NotUtf8 as error:
        raise ConfigError(
            f"{path}:{error.line}:{error.column}: cannot read settings: {error}; "
            "save the file as UTF-8"
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}{_toml_error(error)}") from error
    except OSError as error:
        raise ConfigError(f"{path}: cannot read settings: {error.strerror or error}") from error


def _toml_error(error: tomllib.TOMLDecodeError) -> str:
    """`:line:col: cannot read settings: problem`, the position first as for maps (tomllib
    gives it only inside its message before Python 3.14)."""
    found = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(error), re.DOTALL)
    if found is None:
        return f": cannot read settings: {error}"
    return f":{found[2]}:{found[3]}: cannot read settings: {found[1]}"


def load(path: Path | None) -> Settings:
    """Settings from a file (None: the defaults)."""
    if path is None:
        return Settings()
    data = _read(path)
    table: Any = data
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("argmap", {}) if isinstance(tool, dict) else None
    where = f"{path}" + (" [tool.argmap]" if path.name == "pyproject.toml" else "")
    return parse(table, where, str(path))


def parse(table: Any, where: str, origin: str | None = None) -> Settings:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: the settings must be a table (`ignore = [...]` and so on)")
    for key in table:
        if key == "tool" and origin is not None and not origin.endswith("pyproject.toml"):
            raise ConfigError(
                f"{where}: `[tool.argmap]` belongs in pyproject.toml; in this file the settings "
                "go at the top level (`ignore = [...]`, `[rules.long-text]`)"
            )
        if key not in KEYS:
            hint = did_you_mean(key, KEYS, fallback="known settings: " + ", ".join(KEYS))
            raise ConfigError(f"{where}: unknown setting `{key}`; {hint}")
    ids = {}
    for key in ("select", "ignore"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f'{where}: `{key}` must be a list of rule ids, e.g. ["long-text"]')
        read = _selected if key == "select" and key in table else rule_ids
        ids[key] = read(value, where, key)
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{where}: `strict` must be true or false")
    settings = Settings(
        select=ids["select"] if "select" in table else None,
        ignore=ids["ignore"],
        strict=strict,
        rule_options=_rule_options(table.get("rules", {}), where),
        origin=origin,
    )
    return _checking_some(settings, where)


def _checking_some(settings: Settings, where: str) -> Settings:
    """`settings`, unless every rule they select they also ignore: then nothing is checked."""
    if settings.select is not None and settings.select <= settings.ignore:
        prefix, ignore = (f"{where}: ", "`ignore`") if where else ("", "--ignore")
        raise ConfigError(
            f"{prefix}every rule selected is also ignored ({', '.join(sorted(settings.select))}), "
            f"which would check nothing; drop one of them from {ignore}"
        )
    return settings


def _rule_options(table: Any, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `rules` must be a table of rule id -> options")
    options: dict[str, dict[str, Any]] = {}
    for rule_id, values in table.items():
        rule = REGISTRY.get(rule_id)
        if rule is None:
            hint = did_you_mean(rule_id, REGISTRY, fallback="`argmap rules` lists them")
            raise ConfigError(f"{where}: unknown rule `{rule_id}` in `rules`; {hint}")
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: `rules.{rule_id}` must be a table of options")
        for name, value in values.items():
            option = rule.options.get(name)
            if option is None:
                known = ", ".join(rule.options) or "none"
                raise ConfigError(
                    f"{where}: rule `{rule_id}` has no option `{name}` (its options: {known})"
                )
            if type(value) is not option.type:
                raise ConfigError(
                    f"{where}: `rules.{rule_id}.{name}` must be {option.type.__name__}, "
                    f"not {type(value).__name__}"
                )
            if isinstance(value, int) and value < 1:
                raise ConfigError(f"{where}: `rules.{rule_id}.{name}` must be at least 1")
        options[rule_id] = dict(values)
    return options
