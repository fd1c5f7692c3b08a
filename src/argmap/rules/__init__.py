"""The rule registry: every check argmap runs, by id.

Adding a rule is adding a module with `RULES = [...]` here and one line in `_MODULES`.
Rules without a check are reported while loading (the file cannot be read as a map
otherwise), or, marked `drawing=True`, while drawing; the rest run on the loaded map and
its graph.
"""

from __future__ import annotations

from importlib import import_module

from argmap.rules.base import Context, Option, Rule

_MODULES = (
    "structure",
    "references",
    "targets",
    "cycles",
    "connectivity",
    "hygiene",
    "dialectic",
    "drawing",
)


def _collect() -> dict[str, Rule]:
    registry: dict[str, Rule] = {}
    for name in _MODULES:
        for rule in import_module(f"argmap.rules.{name}").RULES:
            if rule.id in registry:
                raise RuntimeError(f"rule id {rule.id} is registered twice")
            registry[rule.id] = rule
    return registry


REGISTRY: dict[str, Rule] = _collect()

__all__ = ["REGISTRY", "Context", "Option", "Rule"]
