"""The links a map's sources give: which addresses a drawing may link to, why one may not
(and what was meant), and hosts that read as one site and lead to another."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from argmap import spec
from argmap.characters import describe, punycode
from argmap.printable import clipped

URL_SHOWN = 200  # characters of a part of a URL that a message shows
_URL_UNSEEN = re.compile(rf"(?!\s)[{spec.URL_UNSEEN}]")  # white space has its own message
# What the URL standard forbids in a domain (besides what ends one, and spaces and controls,
# which spec.URL_PATTERN refuses anywhere): a browser refuses a link to such a host.
_NOT_IN_HOSTS = frozenset("<>^|\\")
# Letters drawn like the `/`, `?`, `#`, `@` and `:` that end a host, which a host name may
# hold (IDNA): an address that seems to go to one site, and goes to another.
_LIKE_DELIMITERS = {
    **dict.fromkeys("\u2044\u2215\u2571\u29f8\uff0f", "/"),
    **dict.fromkeys("\u0294\uff1f", "?"),
    **dict.fromkeys("\uff03", "#"),
    **dict.fromkeys("\uff20", "@"),
    **dict.fromkeys("\u2236\uff1a\ua789", ":"),
    **dict.fromkeys("\u2024\ufe52", "."),
}
# What starts a URL with a scheme (`javascript:`, `ftp://`), not a host and its port.
_SCHEME = re.compile(r"\s*[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_DOI = re.compile(r"\s*(?:doi:\s*)?(10\.\d{4,9}/\S+)\s*", re.IGNORECASE)  # `doi:10.1162/...`
# The host of an http(s) URL: after the user and password, if any, before the port or path.
_HOST = re.compile(r"[hH][tT][tT][pP][sS]?://(?:[^/?#@]*@)?([^/?#:]*)")
# An address as Markdown links it, `[text](address)`, or as mail writes it, `<address>`.
_WRAPPED_URL = re.compile(r"\[[^\]]*\]\((?P<a>[^()\s]+)\)|<(?P<b>[^<>\s]+)>")
# A scheme mistyped: `https//`, `http:/`, `https;//`, `https:///`, `https:` alone.
_SCHEME_TYPO = re.compile(r"(?i)(https?)(?::/?|//|;//|:///+)(?=[^/\s])")
# A host a link can go to: names with a dot, and the last one's letters.
_LINKED_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}\.?", re.IGNORECASE)


def _meant_url(url: str) -> str | None:
    """The address meant by a URL that is none, where it is plain: a Markdown link's, one in
    `<...>`, one with its scheme mistyped (`https//`), or without one (`www.python.org/...`,
    as a browser's bar shows it). None unless the address has a host a link can go to."""
    url = url.strip()
    if wrapped := _WRAPPED_URL.fullmatch(url):
        url = wrapped["a"] or wrapped["b"]
    url = _SCHEME_TYPO.sub(lambda typo: f"{typo[1].lower()}://", url, count=1)
    if not _SCHEME.match(url):
        url = f"https://{url}"
    if not re.match(spec.URL_PATTERN, url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 (read for the ValueError it raises: `:99999`)
    except ValueError:
        return None
    return url if "@" not in parts.netloc and _LINKED_HOST.fullmatch(host) else None


def _script(letter: str) -> str:
    """The script a letter belongs to, as the first word of its Unicode name says:
    LATIN, CYRILLIC, GREEK, ..."""
    return unicodedata.name(letter, "").partition(" ")[0]


def refused(url: str, what: str) -> tuple[str, str] | None:
    """Why `url` (`what` names it) is no address a drawing may link to, and what to write
    instead; None if it is one."""
    unseen = _URL_UNSEEN.search(url)
    if unseen is not None:  # the link drawn would differ from the address one reads
        code = ord(unseen[0])
        return (
            f"{what} holds {describe(unseen[0])}: the link would not be the address shown",
            "remove it"
            + (f"; if the address needs it, write it as `%{code:02X}`" if code < 0x80 else ""),
        )
    if not re.match(spec.URL_PATTERN, url):
        meant = _meant_url(url)
        hint = "write the full address, e.g. `https://example.org/article`"
        if meant and _WRAPPED_URL.fullmatch(url.strip()):
            hint = f"write the address alone: `{meant}`"
        elif meant:
            how = "with its scheme:" if not _SCHEME.match(url) else "as"
            hint = f"write it {how} `{meant}`"
        if doi := _DOI.fullmatch(url):  # (its space is not in the address: no %20)
            hint, url = f"a DOI's address is at doi.org: `https://doi.org/{doi[1]}`", doi[1]
        return (
            f"{what} must be an http, https or mailto URL, without spaces",
            hint + ("; a space in an address is written `%20`" if " " in url.strip() else ""),
        )
    try:  # a host or port that no browser could follow (`https://[::1`, `:99999`)
        parts = urlsplit(url)
        parts.port  # noqa: B018 (read for the ValueError it raises)
    except ValueError as error:
        reason = str(error)
        return (
            f"{what} is not an address a link can follow: {reason[0].lower()}{reason[1:]}",
            "check the host (an IPv6 one in `[...]`) and the port after `:` (0 to 65535)",
        )
    if "@" in parts.netloc:
        # (`https://doi.org@evil.example/`: a browser goes to `evil.example`)
        user, _, host = (clipped(p, URL_SHOWN) for p in parts.netloc.rpartition("@"))
        said = f"goes to `{host}`, not to `{user}`, which"
        if not host:
            said = f"has no host after its `@`: `{user}`, before it,"
        return (
            f"{what} {said} is read as a user name, as misleading addresses write it",
            "write the address of the page itself, as the browser's address bar shows "
            "it, without a user name",
        )
    forbidden = next((c for c in parts.hostname or "" if c in _NOT_IN_HOSTS), None)
    if forbidden is not None:
        return (
            f"{what} is not an address a link can follow: its host `{parts.hostname}` "
            f"holds `{forbidden}`, which no host name can",
            "copy the address from the browser's address bar",
        )
    host = parts.hostname or ""
    # (`https://:80/`; and the full stops IDNA reads as dots: `https://。/`)
    if parts.scheme.lower() != "mailto" and not host.strip(".\u3002\uff0e\uff61"):
        return (
            f"{what} is not an address a link can follow: it has no host"
            + (f" (`{host}`)" if host else ""),
            "write the full address, e.g. `https://example.org/article`",
        )
    if (alike := next((c for c in host if c in _LIKE_DELIMITERS), None)) is not None:
        # (`https://accounts.google.com` U+2215 `signin.evil.example/`: not google's host)
        shown = clipped(host, URL_SHOWN)
        return (
            f"{what} has {describe(alike)} in its host, drawn like `{_LIKE_DELIMITERS[alike]}`"
            f", as misleading addresses write it: the link goes to the host `{shown}`",
            "write the address of the page itself, as the browser's address bar shows it",
        )
    return None


def mixed_script(url: str) -> tuple[int, str, str] | None:
    """Where a link's host mixes Latin letters with Cyrillic or Greek ones in one part, the
    scripts it mixes (`Latin and Cyrillic`), and the address as a browser shows it; None if
    it does not. The classic look-alike address (`example.com` with a Cyrillic a) is shown
    by a browser in its punycode form, and linked by a drawing as written. A host each part
    of which is in one script (all Cyrillic, or a Cyrillic name under `.com`) is a name like
    any other."""
    host = _HOST.match(url)
    if host is None:  # mailto: not linked
        return None
    start = host.start(1)
    for label in host[1].split("."):
        letters = [(i, _script(c)) for i, c in enumerate(label, start) if c.isalpha()]
        scripts = {script for _, script in letters}
        alike = scripts & {"CYRILLIC", "GREEK"}  # (letters drawn like Latin ones)
        if "LATIN" in scripts and alike:
            at = next(i for i, script in letters if script in alike)
            mixed = " and ".join(s.title() for s in ("LATIN", *sorted(alike)))
            return at, mixed, url[: host.start(1)] + punycode(host[1]) + url[host.end(1) :]
        start += len(label) + 1
    return None
