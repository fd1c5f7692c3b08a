"""Rules the loader reports: a file that breaks them cannot be read as the author meant.
Those `required` always run: with such an error, the map argmap reads is not the file."""

from __future__ import annotations

from argmap.diagnostics import Severity
from argmap.rules.base import Rule

E = Severity.ERROR

RULES = [
    Rule(
        "io-error",
        E,
        "The file cannot be read.",
        "argmap could not open or read the file (missing, a folder, no permission). "
        "This makes `argmap check` exit with status 2, like a usage error.",
        "",
        "",
        required=True,
    ),
    Rule(
        "encoding",
        E,
        "The file is not UTF-8.",
        "Maps are UTF-8 text, so that every editor, diff and renderer reads the same "
        "characters. A UTF-8 byte-order mark is accepted and ignored.",
        "",
        "",
        required=True,
    ),
    Rule(
        "yaml-syntax",
        E,
        "The file is not valid YAML, or uses YAML features a map does not allow.",
        "The map must parse as one YAML document. Tabs used for indentation, unclosed "
        "brackets and quotes, control characters, custom tags (`!!python/object`), merge "
        "keys (`<<: *base`), more than one document, nesting deeper than 64 levels, an "
        "alias inside the value its anchor names (a loop) and aliases that expand to more "
        "than 100,000 values or 1,000,000 characters of text (a 'billion laughs' bomb) "
        "are all refused here. So is a list "
        "item indented deeper than the one above it, which YAML joins to it as one value "
        "(`c1 - c2`): the map is read on with the items apart. Reading stops at a syntax "
        "error, but for the most common one, a value with `: ` in it (`text: Note: ...`): "
        "after it, up to 20 more of those are said in the same run, the file read on past "
        "each as if its value were quoted (fewer in a file of megabytes, where each takes a "
        "reading of the file).",
        "claims:\n  c1: {text: An unclosed mapping\n",
        "claims:\n  c1: {text: A closed mapping}\n",
        required=True,
    ),
    Rule(
        "duplicate-key",
        E,
        "The same key appears twice in one mapping.",
        "YAML parsers silently keep the last of two equal keys, so half of what you wrote "
        "would vanish without a word. argmap keeps the first and reports the second.",
        "claims:\n  c1:\n    text: First wording\n    text: Second wording\n",
        "claims:\n  c1:\n    text: First wording\n",
        required=True,
    ),
    Rule(
        "not-a-map",
        E,
        "A YAML file with none of a map's keys, or a drawing: another tool's file, not an "
        "argument map.",
        "`argmap check` of a folder reads every YAML file in it. A file with none of "
        "`argmap`, `title`, `summary`, `render` and the sections (a docker-compose.yml, a "
        "CI workflow) gets this one error rather than one per key; one whose entries have a "
        "`text` each, under other names (`pros:`, `cons:`), is read as a map, and each "
        "name is said with what argmap calls it. Point argmap at the "
        "folder that holds the maps, or give pre-commit `--maps-dir`. A drawing (SVG, PNG, "
        "PDF, DOT, Graphviz's JSON) named as a map, as a glob does (`argmap render maps/*` "
        "after a render), gets it too, and its map's drawing may replace it; so does a "
        "file written in Argdown, TOML or INI, exported from Kialo or written as an outline "
        "(items under items), with how a map writes its lines; and an HTML page.",
        "",
        "",
        required=True,
    ),
    Rule(
        "comment-in-text",
        Severity.WARNING,
        "Unquoted text goes on after ` #`, which YAML reads as a comment.",
        "In YAML a `#` after a space starts a comment, so `text: A four-day week #4dw works` "
        "stores only `A four-day week`, with no error. A hashtag (`#` and no space) in "
        "unquoted text is reported; a comment proper (`# ...`) is not. Quote the text to "
        "keep the `#`.",
        "claims:\n  c1:\n    text: Try the four-day week #4dw now.\n",
        'claims:\n  c1:\n    text: "Try the four-day week #4dw now."\n',
    ),
    Rule(
        "section-comment",
        Severity.WARNING,
        "A comment that names a section the map lacks, at the margin above entries, as a "
        "Markdown heading is written (`## Reasons`).",
        "In YAML a `#` starts a comment, so `## Reasons` written where `reasons:` goes is "
        "no key: the entries below it are read as more of the section above (reasons as "
        "claims), with no error. A comment at the left margin that is only a section's name "
        "(`# Objections`, `## Reasons:`), above indented entries, in a map without that "
        "section, is reported. Write the section's key.",
        "claims:\n  c1:\n    text: Cities should fund night buses.\n## Reasons\n  r1:\n"
        "    text: Night buses cut drunk driving.\n    supports: c1\n",
        "claims:\n  c1:\n    text: Cities should fund night buses.\nreasons:\n  r1:\n"
        "    text: Night buses cut drunk driving.\n    supports: c1\n",
    ),
    Rule(
        "field-in-text",
        Severity.WARNING,
        "A node's field written inside a block of text (after `text: >`), which YAML reads "
        "as a line of the text.",
        "A block of text (`text: >`, or with `|`) goes on for every line indented as deep "
        "as its first, so a field "
        "written there (`by: pascal` under the text's lines) is more text, and the node "
        "lacks it, with no error: only the warnings it causes elsewhere (an actor no node "
        "names, a reason that supports nothing). A line of the block that reads as a field "
        "naming ids or tags (`by`, `source`, `supports`, `attacks`, `tags`) is reported. "
        "Move the field out of the text, indented as the text's own key is.",
        "claims:\n  c1:\n    text: >\n      Cycling lanes cut traffic.\n      by: ann\n"
        "actors:\n  ann: {name: Ann}\n",
        "claims:\n  c1:\n    text: >\n      Cycling lanes cut traffic.\n    by: ann\n"
        "actors:\n  ann: {name: Ann}\n",
    ),
    Rule(
        "joined-tags",
        Severity.WARNING,
        "An unquoted tag with a semicolon and a space, or a comma of another script (`、`, "
        "`\uff0c`, `،`) in it: several tags written as one.",
        "In a list in brackets YAML takes only the comma `,` between items, so "
        "`tags: [経済、政策]` gives the node one tag, `経済、政策`, with no error, and "
        "`--group-by tag` draws it apart from the nodes tagged `経済`. Write the tags apart "
        "with `, `; quote a tag that is meant to hold such a character.",
        "claims:\n  c1:\n    text: 消費税を上げるべきだ。\n    tags: [経済、政策]\n",
        "claims:\n  c1:\n    text: 消費税を上げるべきだ。\n    tags: [経済, 政策]\n",
    ),
    Rule(
        "unused-anchor",
        Severity.WARNING,
        "An anchor (`&name`) that no alias (`*name`) uses: usually text that starts with `&`.",
        "YAML reads `&name` before a value as an anchor, a name that an alias `*name` "
        "elsewhere repeats the value by. So `text: &more jobs for all` stores `jobs for "
        "all`, with no error. An anchor that no alias uses is reported; quote a text that "
        "starts with `&` to keep it, or delete the anchor.",
        "claims:\n  c1:\n    text: &more jobs for all.\n",
        'claims:\n  c1:\n    text: "&more jobs for all."\n',
    ),
    Rule(
        "control-character",
        Severity.WARNING,
        "Text holds a control character (made by an escape such as `\\a` or `\\e`), or a "
        "bidirectional control; or a carriage return breaks a line that editors show whole.",
        "YAML refuses a control character written as it is, but an escape in double quotes "
        "makes one: a bell, an escape that starts a terminal's colour or cursor code. No "
        "drawing shows it, and a terminal that prints the map may act on it. Line breaks "
        "and tabs are not reported. The bidirectional embeddings, overrides and isolates "
        "(U+202A to U+202E, U+2066 to U+2069) YAML takes as they are: an editor shows the "
        'text after one reordered, so that the map may read other than it says ("Trojan '
        'Source"), and drawings leave them out. A carriage return (CR) with no line feed '
        "after it, in a file whose lines end in line feeds (pasted from an old Mac file), "
        "YAML reads as a line break, which some editors do not show (vim and Emacs show "
        "`^M`): the key or text it broke made errors of their own, on a line such an editor "
        "numbers one less.",
        'claims:\n  c1:\n    text: "Ring the bell\\a now."\n',
        'claims:\n  c1:\n    text: "Ring the bell now."\n',
    ),
    Rule(
        "unknown-field",
        E,
        "A field that the format does not define (usually a typo).",
        "A misspelt field is silently ignored by most tools; here it is an error with the "
        "closest known name as a hint. See docs/format.md for the fields of each section.",
        "claims:\n  c1:\n    txt: MoveOn will keep targeting moderate Democrats.\n",
        "claims:\n  c1:\n    text: MoveOn will keep targeting moderate Democrats.\n",
        required=True,
    ),
    Rule(
        "wrong-type",
        E,
        "A value of the wrong kind: a list where text belongs, text where a mapping belongs.",
        "Each field has one shape (text, an id, a list of ids, a number); a value of another "
        "shape cannot be used.",
        "claims:\n  c1:\n    text: [not, a, sentence]\n",
        "claims:\n  c1:\n    text: Not a list but a sentence.\n",
        required=True,
    ),
    Rule(
        "invalid-value",
        E,
        "A value of the right kind but not allowed: a weight outside 0..1, a bad date or URL.",
        "Weights are base scores in [0, 1]; dates are ISO dates; URLs must be http, https "
        "or mailto, so that a rendered map never links to `javascript:` or a local file.",
        "claims:\n  c1:\n    text: A claim.\n    weight: 1.5\n",
        "claims:\n  c1:\n    text: A claim.\n    weight: 0.9\n",
        required=True,
    ),
    Rule(
        "mixed-script-url",
        Severity.WARNING,
        "A URL whose host mixes Latin letters with Cyrillic or Greek ones: a look-alike address.",
        "`https://ex\u0430mple.com/` with a Cyrillic `\u0430` reads as `example.com` but is "
        "another address, which browsers show as `xn--exmple-4nf.com`; a drawing would link "
        "it as written. A part of a host (between dots) that mixes Latin letters with "
        "Cyrillic or Greek ones is how such addresses are made, so the warning names the "
        "letter and shows the address as a browser does. A host each part of which is in "
        "one script (an all-Cyrillic `.\u0440\u0444` name) is not reported.",
        'sources:\n  s: {title: A page, url: "https://ex\\u0430mple.com/"}\n'
        "claims:\n  c1: {text: A claim., source: s}\n",
        'sources:\n  s: {title: A page, url: "https://example.com/"}\n'
        "claims:\n  c1: {text: A claim., source: s}\n",
    ),
    Rule(
        "invalid-id",
        E,
        "An id with characters other than ASCII letters, digits, `_`, `.` and `-`.",
        "Ids appear in references, file names, DOT and HTML; keeping them plain keeps them "
        "safe and easy to type, and no two of them look alike (a Cyrillic `\u0430` is not a "
        "Latin `a`) or differ by a character that shows nothing. They must start with a "
        "letter or a digit. The message names the first character not allowed, and where.",
        'claims:\n  "my claim!":\n    text: A claim.\n',
        "claims:\n  my-claim:\n    text: A claim.\n",
        # (A drawing's element ids are the map's ids: `_map`, or two ids that differ by a
        # mark that shows nothing, would be two elements of one id.)
        required=True,
    ),
    Rule(
        "missing-field",
        E,
        "A required field is missing: `argmap` and `title` of the map, an actor's `name`, "
        "a source's `title`.",
        "Without them the map cannot be identified or rendered with its labels.",
        "actors:\n  reid: {role: Senate Majority Leader}\n",
        "actors:\n  reid: {name: Harry Reid, role: Senate Majority Leader}\n"
        "claims:\n  c1: {text: A claim., by: reid}\n",
    ),
    Rule(
        "missing-text",
        E,
        "A claim, reason, objection or rebuttal without `text`.",
        "The text is what the node says; a node without it cannot be read or drawn.",
        "claims:\n  c1:\n    by: moveon\nactors:\n  moveon: {name: MoveOn}\n",
        "claims:\n  c1:\n    text: A claim.\n    by: moveon\nactors:\n  moveon: {name: MoveOn}\n",
    ),
    Rule(
        "duplicate-id",
        E,
        "The same id is used in two node sections.",
        "Ids are unique across claims, reasons, objections and rebuttals, so that a "
        "reference names exactly one node. (Actors and sources have ids of their own.)",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  c1: {text: A reason., supports: c1}\n",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: c1}\n",
        required=True,
    ),
]
