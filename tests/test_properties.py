"""Property tests: whatever bytes or YAML the loader and checker get, the outcome is a
result or diagnostics, never an exception."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.checker import check_loaded
from argmap.config import Settings
from argmap.loader import loads
from argmap.spec import NODE_FIELDS

FIELD_NAMES = [f.name for f in NODE_FIELDS]
IDS = st.sampled_from(["a", "b", "c", "d", "x-1", "bad id", ""])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    IDS,
    st.dates(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.one_of(st.text(max_size=8), st.sampled_from(FIELD_NAMES)), inner, max_size=4
        )
    ),
    max_leaves=20,
)
NODES = st.dictionaries(
    IDS,
    st.one_of(
        st.fixed_dictionaries(
            {"text": st.text(max_size=30)},
            optional={
                name: st.one_of(IDS, st.lists(IDS, max_size=3), VALUES)
                for name in FIELD_NAMES
                if name != "text"
            },
        ),
        VALUES,
    ),
    max_size=6,
)
MAPS = st.fixed_dictionaries(
    {},
    optional={
        "argmap": st.one_of(st.just(1), VALUES),
        "title": st.one_of(st.text(max_size=20), VALUES),
        "claims": NODES,
        "reasons": NODES,
        "objections": NODES,
        "rebuttals": NODES,
        "actors": st.dictionaries(
            IDS, st.one_of(st.fixed_dictionaries({"name": st.text()}), VALUES)
        ),
        "sources": st.dictionaries(
            IDS, st.one_of(st.fixed_dictionaries({"title": st.text()}), VALUES)
        ),
        "extra": VALUES,
    },
)


def run(data: bytes | str) -> None:
    loaded = loads(data, "fuzz.yaml")
    # The looks a render puts off (`loads(later=True)`) say, once made, what loading says.
    later = loads(data, "fuzz.yaml", later=True)
    finished = later.finished()
    assert finished == loaded and set(finished.diagnostics) == set(loaded.diagnostics)
    assert set(later.diagnostics) <= set(loaded.diagnostics)
    diagnostics = check_loaded(loaded, Settings())
    for d in diagnostics:
        assert d.span.line >= 1 and d.span.column >= 1
        assert d.message
    if loaded.map is None:
        assert any(d.severity.value == "error" for d in diagnostics)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    run(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from([*list("ab: -[]{}&*!|>'\"#\n\t,?%@`~"), "é", "\udc80"]),
        max_size=200,
    )
)
@example('::\n:"')  # an error past the last line, after a quote: the hint read no line there
@example("argmap: 1\ntitle: \udc80")  # (text decoded with surrogateescape: an exception)
def test_random_yaml_like_text(text: str) -> None:
    run(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
def test_random_map_documents(document: dict[str, object]) -> None:
    run(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
@example({"argmap": 1, "title": "T", "claims": {"c": {"text": False}}})
def test_loader_agrees_with_pyyaml_on_valid_maps(document: dict[str, object]) -> None:
    """Where PyYAML reads a clean map, argmap reads the same ids and texts."""
    text = yaml.safe_dump(document, allow_unicode=True)
    loaded = loads(text)
    if loaded.map is None or any(d.severity.value == "error" for d in loaded.diagnostics):
        return
    data = yaml.safe_load(text)
    for section in ("claims", "reasons", "objections", "rebuttals"):
        for key, value in (data.get(section) or {}).items():
            written = value["text"]
            if not isinstance(written, str):  # `text: false` is the word, as it is written
                written = yaml.safe_dump(written).removesuffix("\n...\n")
            assert loaded.map.nodes[str(key)].text == written


TAGS = st.sampled_from(["!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!"])
FIELDS = st.sampled_from(["weight", "text", "by", "quote"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(TAGS, st.text(alphabet="0123456789:-.+_xeTtrufalsyNn~ ", max_size=12), FIELDS, TAGS)
def test_a_tag_may_force_any_type_on_any_value(
    tag: str, value: str, field: str, title_tag: str
) -> None:
    """`!!bool x` and `!!timestamp x` were internal errors: PyYAML's constructors trust
    the resolver to have matched the value to its tag."""
    quoted = value.replace("'", "''")
    run(
        f"argmap: {title_tag} '1'\ntitle: {title_tag} '{quoted}'\n"
        f"render: {{legend: {tag} '{quoted}', wrap: {tag} '{quoted}'}}\n"
        f"claims:\n  c: {{text: T, {field}: {tag} '{quoted}'}}\n"
    )


@settings(max_examples=500)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20))
@example("#economy")
@example("policy: jobs")
@example("&amp")
@example("yes")
@example("a, b")
@example("0?")
@example("a\u2028b")
def test_a_hint_writes_text_as_yaml_reads_it_back(text: str) -> None:
    """What a hint says to write (`as_written`) is read back as the text itself, after a
    key and in brackets: `text:#1 priority` was told to write `text: #1 priority`, a
    comment, and `tags: "&amp"` to write `[&amp]`, an anchor."""
    from argmap.yamlnodes import as_written

    assert yaml.safe_load(f"k: {as_written(text)}") == {"k": text}
    assert yaml.safe_load(f"k: [{as_written(text, in_brackets=True)}]") == {"k": [text]}
