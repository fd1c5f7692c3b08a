"""Dates as a map writes them (ISO 8601: a year, month or day), and the ISO dates a hint
suggests for one written otherwise."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from contextlib import suppress


def real_date(written: str) -> bool:
    """Whether a YYYY, YYYY-MM or YYYY-MM-DD names a day, month or year the calendar has."""
    try:
        dt.date.fromisoformat((written + "-01-01")[:10])
    except ValueError:
        return False
    return True


_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?(?=$|[Tt ])")
_CLOCK = re.compile(r"[Tt ](([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)")  # after the day


def no_such_day(written: str) -> tuple[str, str] | None:
    """Why an ISO date that the calendar has not (`2009-02-30`, `2022-13-01`) is none, and
    what to write: an example date in the hint read as the correction."""
    found = _ISO_DAY.match(written.strip())
    if found is None or int(found[1]) < 1:
        return None
    year, month, day = int(found[1]), int(found[2]), int(found[3] or 1)
    if not 1 <= month <= 12:
        if found[3] and 1 <= day <= 12:  # `2022-25-12`
            swapped = f"{year:04}-{day:02}-{month:02}"
            if real_date(swapped):
                return f"there is no month {month}", f"the month comes first: `{swapped}`"
        return f"there is no month {month}", "write it as YYYY-MM-DD: year, month (01-12), day"
    last = calendar.monthrange(year, month)[1]
    if 1 <= day <= last:
        clock = _CLOCK.match(written.strip(), found.end())
        if clock is None or (
            int(clock[2]) < 24 and int(clock[3]) < 60 and int(clock[4] or 0) <= 60
        ):
            return None
        return (
            f"there is no time of day {clock[1]}",
            f"write the day alone, `{found[0]}` (a source needs no more), or a time from "
            "00:00 to 23:59",
        )
    hint = "write the day it was, as YYYY-MM-DD (or YYYY-MM if the day is not known)"
    if day < 1:
        return "there is no day 0", hint
    return f"{calendar.month_name[month]} {year} has {last} days", hint


_LOCAL_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")


# A date with its month in words, as references give it: `December 1969`, `4 Dec. 1969`,
# `Dec 4th, 1969`, and in German, French, Spanish, Italian, Portuguese and Dutch:
# `5. September 2022`, `1er mars 2021`, `5 de septiembre de 2022`, `März 2023`.
_MONTH_NAMES = {
    name: month
    for names in (
        "january february march april may june july august september october november december",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "januari februari maart april mei juni juli augustus september oktober november december",
    )
    for month, name in enumerate(names.split(), 1)
} | {"setiembre": 9}
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|º)?\.?"
_MONTH = r"([^\W\d_]{3,10})\.?"
_WORDED_DATE = re.compile(
    rf"(?:{_DAY}\s+(?:of\s+|de\s+)?{_MONTH},?|{_MONTH}(?:\s+{_DAY})?,?)\s+(?:de\s+)?(\d{{4}})",
    re.IGNORECASE,
)


def _month(name: str) -> int | None:
    """The month that `name` names, whole or cut short (`Sept`, `Dez`, `févr`), in any of
    the languages above; None if it names none, or months that differ (`jui`: juin or
    juillet)."""
    months = {month for full, month in _MONTH_NAMES.items() if full.startswith(name)}
    return months.pop() if len(months) == 1 else None


def _worded_date(written: str) -> str | None:
    """A date with its month in words as an ISO date, to the day or the month."""
    found = _WORDED_DATE.fullmatch(written)
    if found is None:
        return None
    day_first, month_first, month_second, day_second, year = found.groups()
    name, day = (month_first or month_second).casefold(), day_first or day_second
    month = _month(name)
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day or 1)).isoformat()[: 10 if day else 7]
    except ValueError:  # (the 31st of June)
        return None


_YEAR_FIRST = re.compile(
    r"([0-9]{4})[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,2}))?"
    # (as Chinese, Japanese and Korean write it: `2023年12月13日`, `2023년 12월 13일`)
    r"|(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?"
)


def iso_dates(written: str) -> list[str]:
    """The days a date written the local way may mean, as ISO dates: `06.05.2020` is the
    6th of May (dots are day first); `05/06/2020` is either, unless one part is over 12;
    `December 1969` is `1969-12`; `2019/04/29`, `2019年4月29日` and `2004-7`, year first,
    are `2019-04-29` and `2004-07`."""
    if worded := _worded_date(written.strip()):
        return [worded]
    if year_first := _YEAR_FIRST.fullmatch(written.strip()):
        parts = year_first.groups()
        year, month, day = parts[:3] if parts[0] else parts[3:]
        with suppress(ValueError):
            day_meant = dt.date(int(year), int(month), int(day or 1)).isoformat()
            return [day_meant if day else day_meant[:7]]
        return []
    found = _LOCAL_DATE.fullmatch(written.strip())
    if found is None:
        return []
    first, mark, second, year = found.groups()
    orders = [(first, second)] if mark == "." else [(first, second), (second, first)]
    meant = []
    for day, month in orders:
        try:
            meant.append(dt.date(int(year), int(month), int(day)).isoformat())
        except ValueError:
            continue
    return list(dict.fromkeys(meant))  # (the 5th of May either way)
