"""Docs and code cannot drift: generated files match their generators."""

from __future__ import annotations

import json
import re

import pytest

from argmap.checker import check
from argmap.loader import loads
from argmap.rules.docs import markdown
from argmap.spec import json_schema
from conftest import DATA, ROOT


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


def test_argmap_rules_marks_the_rules_always_checked_and_those_of_drawings() -> None:
    """As rules.md does: the list said nothing of which rules `--select` leaves on."""
    from argmap.rules import REGISTRY
    from argmap.rules.docs import table

    marks = {line.split()[0]: line.split("  ")[1:] for line in table().splitlines()}
    for rule in REGISTRY.values():
        shown = next(m.strip() for m in marks[rule.id] if m.strip())
        assert shown.split(", ")[1:] == ["always"] * rule.required + ["drawing"] * rule.drawing


def test_schema_accepts_the_maps_and_rejects_typos() -> None:
    import jsonschema
    import yaml

    schema = json_schema()
    good = sorted((ROOT / "maps").glob("*.yaml")) + sorted((DATA / "good").glob("*.yaml"))
    for path in good:
        assert not check([path]).diagnostics
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        # As JSON, which is what the schema describes: dates are ISO strings.
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)
    bad = {"argmap": 1, "title": "t", "claims": {"c": {"txt": "typo"}}}
    assert list(jsonschema.Draft7Validator(schema).iter_errors(bad))


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://example.org/a%20b?q=1#x", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("mailto:someone@example.org", True),
        ("https://example.org/a b", False),
        ("https://example.org/\n", False),
        (" https://example.org", False),
        ("https://", False),
        ("http:/example.org", False),
        ("mailto:", False),
        ("ftp://example.org", False),
        ("javascript:alert(1)", False),
        ("https://example.org/d\u00e9bat", True),
        # Control characters and invisible formatting marks: the link would differ from
        # the address shown.
        ("https://example.com/\u0000x\u202ey\x07z", False),
        ("https://example.org/a\u202eb", False),
        ("https://example.org/\x1b[2J", False),
        ("https://example.org/\x85", False),
        ("https://\u200bexample.org", False),
        ("mailto:\u2066someone@example.org", False),
        ("https://example.org/\ufeff", False),
    ],
)
def test_schema_and_loader_agree_on_urls(url: str, valid: bool) -> None:
    import jsonschema

    data = {"argmap": 1, "title": "t", "sources": {"s": {"title": "S", "url": url}}}
    data["claims"] = {"c": {"text": "C", "source": "s"}}
    loaded = loads(json.dumps(data))
    assert (not loaded.diagnostics) is valid
    errors = list(jsonschema.Draft7Validator(json_schema()).iter_errors(data))
    assert (not errors) is valid


def test_every_invisible_character_is_refused_in_a_url_and_empties_a_field() -> None:
    """One set of invisible characters (`argmap.characters`) for the loader and the schema:
    a text of only them is an empty one, and a URL that holds one is refused (by the
    schema, those JSON Schema's patterns can name: of the Basic Multilingual Plane)."""
    import jsonschema

    from argmap.characters import BLANK, CONTROL, INVISIBLE, code_points

    validator = jsonschema.Draft7Validator(json_schema())
    for point in code_points(CONTROL, INVISIBLE, BLANK):
        c = chr(point)
        source = {"title": "S", "url": f"https://example.org/a{c}b"}
        data = {"argmap": 1, "title": "t", "sources": {"s": source}}
        data["claims"] = {"c": {"text": f" {c} ", "source": "s"}}
        # (beyond the Basic Multilingual Plane as it is: YAML reads no escaped surrogates)
        rules = {d.rule for d in loads(json.dumps(data, ensure_ascii=point < 0x10000)).diagnostics}
        assert rules == {"missing-text", "invalid-value"}, hex(point)
        assert bool(list(validator.iter_errors(data))) is (point < 0x10000), hex(point)


def test_architecture_md_names_every_module() -> None:
    """docs/architecture.md lists each module of src/argmap/ (a package by its folder)."""
    written = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    source = ROOT / "src" / "argmap"
    modules = [p.relative_to(source) for p in source.rglob("*.py") if p.name != "__main__.py"]
    missing = [
        str(m)
        for m in modules
        if f"`{m.as_posix()}`" not in written and f"`{m.parts[0]}/`" not in written
    ]
    assert not missing, f"modules not in docs/architecture.md: {missing}"
    cells = [line.split("|")[1] for line in written.splitlines() if line.startswith("| `")]
    named = [name for cell in cells for name in re.findall(r"`([\w/]+(?:\.py|/))`", cell)]
    gone = [name for name in named if not (source / name).exists()]
    assert not gone, f"docs/architecture.md names what src/argmap/ has not: {gone}"
