"""Publication dates in any format and precision, kept at the precision given.

`2025-02` is a month, not the first of February: the precision travels with
the date so that charts can place it and nothing invents a day.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from corpus.words import MONTHS

_ISO = re.compile(
    r"^(?P<y>\d{4})(?:-?(?P<m>\d{2})(?:-?(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{1,2}):?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,]\d+)?)?)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?"
    r"(?:\s*\[?(?P<zone>[A-Za-z_]+(?:/[A-Za-z_+-]+)+|UTC|GMT)\]?)?$"
)
_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = (
    r"(?:\s*(?:a|at|,|-)?\s*(?P<H>\d{1,2})\s*(?:h|:)\s*(?P<M>\d{2})?"
    r"(?:\s*:(?P<S>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?)?"
)
_TZ_TAIL = r"(?:\s*\(?(?P<tz>utc|gmt|z|[+-]\d{2}:?\d{2}|(?:utc|gmt)[+-]\d{1,2})\)?)?"
_DAY_FIRST = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<mon>{_MONTH_WORD})\.?,?\s+(?P<y>\d{{4}})\b" + _TIME + _TZ_TAIL
)
_MONTH_FIRST = re.compile(
    rf"\b(?P<mon>{_MONTH_WORD})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b" + _TIME + _TZ_TAIL
)
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MONTH_WORD})\.?\s+(?P<y>\d{{4}})\b")
# email.utils is lenient ("Feb 10, 2025 6:30 pm" would lose its pm): only hand it
# what has the RFC 2822 shape.
_RFC2822 = re.compile(
    r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s+(?:[+-]\d{4}|[A-Z]{1,5}))?$"
)
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b" + _TIME + _TZ_TAIL)


class Precision(StrEnum):
    """How precisely a date was given."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    MINUTE = "minute"
    SECOND = "second"


@dataclass(frozen=True, slots=True)
class Published:
    """A timezone-aware instant and the precision it was given at.

    `when` is the start of the period: 2025-02 is stored as 2025-02-01T00:00
    with precision "month".
    """

    when: dt.datetime
    precision: Precision

    def isoformat(self) -> str:
        """The date at its own precision: 2025, 2025-02, 2025-02-16 or a full instant."""
        if self.precision == Precision.YEAR:
            return f"{self.when.year:04d}"
        if self.precision == Precision.MONTH:
            return f"{self.when.year:04d}-{self.when.month:02d}"
        if self.precision == Precision.DAY:
            return self.when.date().isoformat()
        spec = "minutes" if self.precision == Precision.MINUTE else "seconds"
        return self.when.isoformat(timespec=spec)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _zone(name: str | None, default: dt.tzinfo) -> dt.tzinfo:
    return time_zone(name) if name else default


def time_zone(name: str) -> dt.tzinfo:
    """The zone a name or offset stands for (Europe/Paris, UTC, Z, +01:00, GMT-5).

    Raises ValueError naming the value for an unknown zone or an offset of a day or more."""
    upper = name.upper()
    if upper in {"Z", "UTC", "GMT"}:
        return dt.UTC
    match = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", upper)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        delta = dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
        if delta >= dt.timedelta(hours=24) or int(match.group(3) or 0) >= 60:
            raise ValueError(f"time zone offset {name!r} is out of range (-23:59 to +23:59)")
        return dt.timezone(sign * delta)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def _build(
    y: int,
    m: int,
    d: int,
    hh: int | None,
    mm: int | None,
    ss: int | None,
    tz: dt.tzinfo,
    precision: Precision,
) -> Published | None:
    try:
        when = dt.datetime(y, m, d, hh or 0, mm or 0, ss or 0, tzinfo=tz)
    except ValueError:
        return None
    return Published(when, precision)


def _from_iso(text: str, default_tz: dt.tzinfo) -> Published | None:
    match = _ISO.match(text)
    if not match:
        return None
    g = match.groupdict()
    tz = _zone(g["tz"] or g["zone"], default_tz)
    if g["m"] is None:
        return _build(int(g["y"]), 1, 1, None, None, None, tz, Precision.YEAR)
    if g["d"] is None:
        return _build(int(g["y"]), int(g["m"]), 1, None, None, None, tz, Precision.MONTH)
    if g["H"] is None:
        return _build(int(g["y"]), int(g["m"]), int(g["d"]), None, None, None, tz, Precision.DAY)
    precision = Precision.SECOND if g["S"] else Precision.MINUTE
    return _build(
        int(g["y"]),
        int(g["m"]),
        int(g["d"]),
        int(g["H"]),
        int(g["M"]),
        int(g["S"] or 0),
        tz,
        precision,
    )


def _from_prose(text: str, default_tz: dt.tzinfo) -> Published | None:
    folded = _fold(text)
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        match = pattern.search(folded)
        if match:
            g = match.groupdict()
            return _with_time(int(g["y"]), MONTHS[g["mon"]], int(g["d"]), g, default_tz)
    match = _NUMERIC.search(folded)
    if match:
        g = match.groupdict()
        a, b = int(g["a"]), int(g["b"])
        # Day first, as French and most non-US outlets write it; a first number
        # over 12 can only be a day, a second one over 12 only a US-style day.
        day, month = (b, a) if b > 12 >= a else (a, b)
        return _with_time(int(g["y"]), month, day, g, default_tz)
    match = _MONTH_YEAR.search(folded)
    if match:
        return _build(int(match["y"]), MONTHS[match["mon"]], 1, None, None, None, default_tz, Precision.MONTH)
    return None


def _with_time(y: int, m: int, d: int, g: dict[str, str | None], default_tz: dt.tzinfo) -> Published | None:
    tz = _zone(g.get("tz"), default_tz)
    if g.get("H") is None:
        return _build(y, m, d, None, None, None, tz, Precision.DAY)
    hour = int(g["H"] or 0)
    ampm = (g.get("ampm") or "").replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return _build(y, m, d, None, None, None, tz, Precision.DAY)
    precision = Precision.SECOND if g.get("S") else Precision.MINUTE
    return _build(y, m, d, hour, int(g["M"] or 0), int(g["S"] or 0), tz, precision)


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?=[/_-]|$|\.)")
_URL_COMPACT = re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)")


def date_from_url(url: str | None) -> Published | None:
    """The date a URL's path carries (/2025/02/11/…, /2025/01/…, /2025-08-14-…, …-20250211), at the
    precision it has; None when it carries none."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("//", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    match = _URL_DATE.search(path)
    if match:
        year, month, day = int(match[1]), int(match[2]), match[3]
        if day is not None:
            return _build(year, month, int(day), None, None, None, dt.UTC, Precision.DAY)
        return _build(year, month, 1, None, None, None, dt.UTC, Precision.MONTH) if 1 <= month <= 12 else None
    match = _URL_COMPACT.search(path)
    if match:
        return _build(int(match[1]), int(match[2]), int(match[3]), None, None, None, dt.UTC, Precision.DAY)
    return None


def parse_published(value: object, *, default_tz: dt.tzinfo | str = dt.UTC) -> Published | None:
    """Read a publication date from ISO 8601 (any precision), RFC 2822 or prose.

    Prose covers French and English ("Publié le 16 février 2025 à 08h11",
    "February 16, 2025 8:11 am", "16/02/2025"). A time without a zone is read
    in `default_tz` (a tzinfo or an IANA name). Returns None when nothing in
    the value is a date; raises ValueError for an unknown zone name.
    """
    tz = time_zone(default_tz) if isinstance(default_tz, str) else default_tz
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        when = value if value.tzinfo else value.replace(tzinfo=tz)
        return Published(when, Precision.SECOND)
    if isinstance(value, dt.date):
        return _build(value.year, value.month, value.day, None, None, None, tz, Precision.DAY)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return Published(dt.datetime.fromtimestamp(float(value), tz=dt.UTC), Precision.SECOND)
        except (OverflowError, OSError, ValueError):
            return None
    text = " ".join(str(value).split())
    if not text:
        return None
    found = _from_iso(text, tz)
    if found:
        return found
    rfc = None
    if _RFC2822.match(text):
        try:
            rfc = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            rfc = None
    if rfc is not None:
        return Published(rfc if rfc.tzinfo else rfc.replace(tzinfo=tz), Precision.SECOND)
    return _from_prose(text, tz)
