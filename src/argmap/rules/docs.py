"""Documentation of the rules, generated from the registry: `argmap rules` and docs/rules.md."""

from __future__ import annotations

from argmap.diagnostics import Severity
from argmap.rules import REGISTRY
from argmap.rules.base import EXAMPLE_HEADER, Rule


def table() -> str:
    width = max(map(len, REGISTRY))
    marked = {rule.id: _marks(rule) for rule in REGISTRY.values()}
    wide = max(map(len, marked.values()))
    lines = [
        f"{rule.id:<{width}}  {marked[rule.id]:<{wide}}  {rule.summary}"
        for rule in REGISTRY.values()
    ]
    return "\n".join(lines) + "\n"


def _marks(rule: Rule, mark: str = "", always: str = "always") -> str:
    """`error, always`: the severity, and whether no setting switches the rule off, or it
    is checked on what a drawing draws; each mark between `mark`s (`*` in Markdown)."""
    marks = [rule.severity.value, always * rule.required, "drawing" * rule.drawing]
    return ", ".join(f"{mark}{m}{mark}" for m in marks if m)


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
    out += [f"| [`{r.id}`](#{r.id}) | {_marks(r)} | {r.summary} |" for r in REGISTRY.values()]
    for severity in Severity:
        for rule in (r for r in REGISTRY.values() if r.severity is severity):
            out += [
                "",
                f"## {rule.id}",
                "",
                f"{_marks(rule, '*', 'always checked')}: {rule.summary}",
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
