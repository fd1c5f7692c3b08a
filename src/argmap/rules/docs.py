"""Documentation of the rules, generated from the registry: `argmap rules` and docs/rules.md."""

from __future__ import annotations

from argmap.diagnostics import Severity
from argmap.rules import REGISTRY
from argmap.rules.base import EXAMPLE_HEADER


def table() -> str:
    width = max(map(len, REGISTRY))
    lines = [
        f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary}"
        for rule in REGISTRY.values()
    ]
    return "\n".join(lines) + "\n"


def markdown() -> str:
    out = [
        "# Rules",
        "",
        "Generated from the rule registry by `argmap rules --format markdown > docs/rules.md`;",
        "a test fails when this file and the code disagree. Every bad example below is",
        "reported by its rule and every good one is not: the tests check them too.",
        "",
        "Each example is a map that starts with "
        + " and ".join(f"`{line}`" for line in EXAMPLE_HEADER.splitlines())
        + ".",
        'Switch rules off with `--ignore ID` or `ignore = ["ID"]` under `[tool.argmap]`, all',
        "but those marked *always checked*: their errors mean that the map argmap reads is",
        "not what the file says (something in it was dropped, or read as its hint guesses:",
        "a misspelt `objection:` section is read as `objections:`, so that its nodes are",
        "checked too), so they run whatever `--select` and `ignore` say. Those marked",
        "*drawing* are checked by `argmap render` alone, on what it draws.",
        "",
        "| rule | severity | what it finds |",
        "| --- | --- | --- |",
    ]
    out += [
        f"| [`{r.id}`](#{r.id}) | {r.severity.value}{', always' if r.required else ''}"
        f"{', drawing' if r.drawing else ''} "
        f"| {r.summary} |"
        for r in REGISTRY.values()
    ]
    for severity in Severity:
        for rule in (r for r in REGISTRY.values() if r.severity is severity):
            out += [
                "",
                f"## {rule.id}",
                "",
                f"*{rule.severity.value}*{', *always checked*' if rule.required else ''}"
                f"{', *drawing*' if rule.drawing else ''}: " + rule.summary,
                "",
                rule.why,
            ]
            if rule.options:
                out += ["", "Options (under `[tool.argmap.rules." + rule.id + "]`):", ""]
                out += [
                    f"- `{name}` ({o.type.__name__}, default `{o.default}`): {o.description}"
                    for name, o in rule.options.items()
                ]
            if rule.bad:
                out += ["", "Reported:", "", "```yaml", rule.bad.rstrip(), "```"]
                out += ["", "Fixed:", "", "```yaml", rule.good.rstrip(), "```"]
    return "\n".join(out) + "\n"
