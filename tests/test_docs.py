"""Docs and code cannot drift: generated files match their generators."""

from __future__ import annotations

import json

from argmap.rules.docs import markdown
from argmap.spec import json_schema
from conftest import ROOT


def test_schema_json_is_generated_from_the_spec(update_golden: bool) -> None:
    path = ROOT / "src" / "argmap" / "schema.json"
    generated = json.dumps(json_schema(), indent=2) + "\n"
    if update_golden:
        path.write_text(generated, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == generated


def test_rules_md_is_generated_from_the_registry(update_golden: bool) -> None:
    path = ROOT / "docs" / "rules.md"
    if update_golden:
        path.write_text(markdown(), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == markdown()


def test_schema_accepts_the_maps_and_rejects_typos() -> None:
    import jsonschema
    import yaml

    schema = json_schema()
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    bad = {"argmap": 1, "title": "t", "claims": {"c": {"txt": "typo"}}}
    assert list(jsonschema.Draft7Validator(schema).iter_errors(bad))
