"""The map format, version 1, declared once: the loader checks against it, the JSON Schema
(schema.json) is generated from it, and a test keeps the two equal."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass
from typing import Any, Literal

from argmap.characters import BLANK, CONTROL, INVISIBLE, char_class, code_points
from argmap.model import ActorKind, Kind

FORMAT_VERSION = 1
MIN_WRAP = 10  # characters per line: narrower breaks most words
MAX_WRAP = 200  # characters per line: wider makes drawings that no screen shows (or RAM holds)
# Patterns are written without flags, and end with _END rather than `$` (which in Python
# matches before a final newline), so that the JSON Schema (ECMA-262 patterns, which
# jsonschema checks with Python's `re.search`) means exactly what the loader does.
_END = r"(?![\s\S])"
# An id is a short name: YAML reads a plain key of at most 1,024 characters, and Graphviz
# 2.43 no DOT string over 16 KB (an id of 17,000, written as `? id`, passed `check`).
MAX_ID = 1024
_ID = rf"[A-Za-z0-9][A-Za-z0-9_.-]{{0,{MAX_ID - 1}}}"
ID_PATTERN = rf"^{_ID}{_END}"
ID_RE = re.compile(ID_PATTERN)
NULL_IDS = frozenset(("null", "Null", "NULL"))  # ids that YAML reads as no value where named
# What an id may hold, as a hint says it: "letters" alone would take in `Ключ` and `é`.
ID_CHARS = "ASCII letters, digits, `_`, `.` and `-`"
_ID_START = re.compile(_ID)


def is_map_id(key: str) -> bool:
    """Whether a map may have `key` as an id: the pattern's, and not one that YAML reads
    as no value where a field names it."""
    return bool(ID_RE.match(key)) and key not in NULL_IDS


def refused_at(key: str) -> int:
    """Where `key` stops being an id: the index of the first character the pattern refuses
    (len(key) for an id, and for the empty key)."""
    start = _ID_START.match(key)
    return start.end() if start else 0


def suggested_id(key: str, taken: Container[str] = ()) -> str:
    """The id that invalid `key` stands for, as far as spelling goes (`café` as `cafe`,
    `<robot>` and `+ r1`, as Argdown writes them, as `robot` and `r1`); "" if there is
    none, or it is `taken` (`cafe` beside `café`)."""
    written = ascii_id(key)
    if not ID_RE.match(written):
        written = _PUNCTUATION.sub("-", written).strip("-._")
    return written if ID_RE.match(written) and written not in taken else ""


# Letters that lose more than an accent in ASCII: German's umlauts and ß, Nordic letters;
# and dashes.
_SPELLED_OUT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "ø": "oe",
        "Ø": "Oe",
        "œ": "oe",
        "Œ": "Oe",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        # Dashes of typography and the minus sign, as an editor's autocorrect makes `-`.
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)


# ASCII's punctuation but for what an id may hold (`-`, `.`, `_`), in a run, and the
# dashes beside it.
_PUNCTUATION = re.compile(r"-*[!-,/:-@\[-^`{-~][!-,/:-@\[-^`{-~-]*")


def ascii_id(key: str) -> str:
    """`key` in the characters an id may hold, as far as that is spelling: spaces and
    dashes as `-`, letters without their accents (`é` as `e`, `ü` as `ue`). Other scripts
    stay as they are."""
    spelled = unicodedata.normalize("NFKD", key.strip().translate(_SPELLED_OUT))
    return "".join(c for c in spelled if not unicodedata.combining(c)).replace(" ", "-")


def _any_case(word: str) -> str:
    return "".join(f"[{c}{c.upper()}]" for c in word)


# What a URL may not hold: white space; control characters (C0, DEL, C1), which a link
# drops or turns into something else; and what shows nothing (bidirectional controls,
# zero-width characters, variation selectors), which makes the address shown differ from
# the one linked. In the schema, those of the Basic Multilingual Plane, which JSON Schema's
# patterns write as Python's do; the loader refuses all.
URL_UNSEEN = char_class(code_points(CONTROL, INVISIBLE, BLANK))
_URL_UNSEEN_BMP = char_class(c for c in code_points(CONTROL, INVISIBLE, BLANK) if c < 0x10000)
_URL_CHAR = rf"[^\s{_URL_UNSEEN_BMP}]"
# A URL that a source may have: http(s) with a host, or mailto, and none of the above.
URL_PATTERN = (
    rf"^(?:{_any_case('http')}[sS]?://[^\s{_URL_UNSEEN_BMP}/?#]|{_any_case('mailto')}:{_URL_CHAR})"
    rf"{_URL_CHAR}*{_END}"
)

# A source's date: ISO 8601 to the day, the month or the year (the calendar is checked
# too), or a YAML timestamp (or one to the minute, as ISO 8601 allows), of which the day
# is kept.
_ZONE = r"(?: *(?:[Zz]|[+-](?:[01]?[0-9]|2[0-3])(?::[0-5][0-9])?))?"  # (UTC offsets to 23:59)
_TIME = rf"(?:[Tt ](?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60)(?:\.[0-9]*)?)?{_ZONE})?"
_DAY = rf"(?:0[1-9]|[12][0-9]|3[01]){_TIME}"
PARTIAL_DATE_RE = re.compile(rf"^(?!0000)[0-9]{{4}}(?:-(?:0[1-9]|1[0-2])(?:-{_DAY})?)?{_END}")

FieldType = Literal[
    "text",
    "ref",
    "refs",
    "tags",
    "weight",
    "date",
    "url",
    "choice",
    "integer",
    "boolean",
    "version",
    "render",
]


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: FieldType
    description: str
    required: bool = False
    example: str = "..."  # what a hint suggests writing
    choices: tuple[str, ...] = ()  # the allowed values of a "choice"
    minimum: int = 0  # the least value of an "integer"
    maximum: int | None = None  # and the largest, if any


NODE_FIELDS = (
    Field("text", "text", "What the node says, in a sentence or two.", required=True),
    Field(
        "by",
        "refs",
        "Id of the actor who argues it, or a list of ids when several do (see `actors`).",
    ),
    Field("source", "ref", "Id of the source where it was said (see `sources`)."),
    Field("quote", "text", "The source's exact words."),
    Field("supports", "refs", "Id, or list of ids, of the nodes this one supports."),
    Field("attacks", "refs", "Id, or list of ids, of the nodes this one attacks."),
    Field("tags", "tags", "Free labels, for grouping and filtering."),
    Field("note", "text", "A remark for readers of the map; not part of the argument."),
    Field(
        "weight",
        "weight",
        "Base score from 0 to 1 for gradual semantics (default 1 under h-categorizer, 0.5 "
        "under DF-QuAD).",
    ),
)
ACTOR_FIELDS = (
    Field("name", "text", "The person's or organisation's name.", required=True),
    Field("role", "text", "Their role, e.g. `Senate Majority Leader`."),
    Field(
        "kind",
        "choice",
        "person (the default), organisation or group.",
        choices=tuple(k.value for k in ActorKind),
    ),
)
SOURCE_FIELDS = (
    Field("title", "text", "Title of the article, speech or document.", required=True),
    Field("author", "text", "Who wrote it."),
    Field("publisher", "text", "Where it appeared."),
    Field(
        "date",
        "date",
        "When it appeared, as an ISO date: 2009-03-13, or 2009-03 or 2009 when the day or "
        "month is not known.",
    ),
    Field("url", "url", "Where to read it: an http, https or mailto URL."),
)
RENDER_FIELDS = (
    Field(
        "direction",
        "choice",
        "Where the claims go: TB top (the default), BT bottom, LR left, RL right.",
        choices=("TB", "BT", "LR", "RL"),
    ),
    Field(
        "theme",
        "choice",
        "Colours: light (the default), dark or print (greyscale).",
        choices=("light", "dark", "print"),
    ),
    Field(
        "wrap",
        "integer",
        "Characters per line of node text (default 36).",
        example="36",
        minimum=MIN_WRAP,
        maximum=MAX_WRAP,
    ),
    Field("legend", "boolean", "Draw the legend (default true)."),
    Field(
        "group-by",
        "choice",
        "Draw boxes around the nodes of each actor, source or first tag (`none`, the "
        "default: no boxes).",
        choices=("actor", "source", "tag", "none"),
    ),
)
MAP_FIELDS = (
    Field(
        "argmap",
        "version",
        "The version of the map format the file is written in.",
        required=True,
        example="1",
    ),
    Field("title", "text", "Title of the debate.", required=True),
    Field("summary", "text", "What the debate is about, in a sentence or two."),
    Field(
        "render",
        "render",
        "Defaults for `argmap render` of this map; options on the command line win.",
    ),
)
ALL_FIELDS = (MAP_FIELDS, NODE_FIELDS, ACTOR_FIELDS, SOURCE_FIELDS, RENDER_FIELDS)
# Each field's name, in any mapping of the format, and its type.
FIELD_TYPES = {f.name: f.type for fields in ALL_FIELDS for f in fields}
SECTIONS: dict[str, tuple[str, tuple[Field, ...]]] = {
    "sources": ("Where things were said: id -> source.", SOURCE_FIELDS),
    "actors": ("Who argues: id -> person or organisation.", ACTOR_FIELDS),
    **{
        kind.section: (description, NODE_FIELDS)
        for kind, description in (
            (Kind.CLAIM, "Positions under debate: id -> claim."),
            (Kind.REASON, "Reasons that support other nodes: id -> reason."),
            (Kind.OBJECTION, "Objections that attack other nodes: id -> objection."),
            (Kind.REBUTTAL, "Rebuttals that attack objections or rebuttals: id -> rebuttal."),
        )
    },
}


# argmap reads a scalar as written (`text: 3.10` is "3.10", `by: no` the id "no"), so the
# schema accepts what a YAML reader may make of one; and an empty field is an absent one.
SCALAR = ["string", "number", "boolean"]


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    if "type" not in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*types, "null"]}


def _field_schema(f: Field) -> dict[str, Any]:
    id_ref = {"$ref": "#/definitions/id"}
    types: dict[str, dict[str, Any]] = {
        "text": {"type": SCALAR, "minLength": 1} if f.required else {"type": SCALAR},
        "ref": id_ref,
        "refs": {"oneOf": [id_ref, {"type": "array", "items": id_ref}]},
        "tags": {"type": "array", "items": {"type": SCALAR}},
        "weight": {"type": "number", "minimum": 0, "maximum": 1},
        # A plain 2009 is a number in YAML; 2009-03-13 is text to editors (YAML 1.2).
        "date": {
            "anyOf": [
                {"type": "string", "pattern": PARTIAL_DATE_RE.pattern},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        },
        "url": {"type": "string", "pattern": URL_PATTERN},
        "choice": {"enum": list(f.choices)},
        "integer": {"type": "integer", "minimum": f.minimum}
        | ({} if f.maximum is None else {"maximum": f.maximum}),
        "boolean": {"type": "boolean"},
        "version": {"const": FORMAT_VERSION},
    }
    # The render section is nested, so built only when asked for.
    schema = _object(RENDER_FIELDS) if f.type == "render" else types[f.type]
    return {"description": f.description, **(schema if f.required else _nullable(schema))}


def _object(fields: tuple[Field, ...], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object"}
    if description:
        schema["description"] = description
    schema["properties"] = {f.name: _field_schema(f) for f in fields}
    schema["required"] = [f.name for f in fields if f.required]
    schema["additionalProperties"] = False
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, for editors (the YAML language server) and other tools."""
    definitions = {
        "id": {"type": SCALAR, "pattern": ID_PATTERN},
        "node": _object(NODE_FIELDS),
        "actor": _object(ACTOR_FIELDS),
        "source": _object(SOURCE_FIELDS),
    }
    item = {"sources": "source", "actors": "actor"}
    schema = _object(MAP_FIELDS, "An argument map, argmap format version 1.")
    properties: dict[str, Any] = schema["properties"]
    for section, (description, _) in SECTIONS.items():
        properties[section] = {
            "description": description,
            "type": ["object", "null"],
            "propertyNames": {"$ref": "#/definitions/id"},
            "additionalProperties": {"$ref": f"#/definitions/{item.get(section, 'node')}"},
        }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "argmap map",
        **schema,
        "definitions": definitions,
    }
