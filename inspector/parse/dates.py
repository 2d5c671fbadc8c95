"""Dates in mail headers (Date, and the date-time after a Received stamp's ";"). Pure: no I/O.

RFC 5322 §3.3 ``date-time``, its obsolete forms (§4.3), and the forms real MTAs write instead
(ISO 8601, fractional seconds, Go's time format, a day without a time). Every header is
attacker-controlled: nothing here raises and all work is bounded by ``MAX_DATE_CHARS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_tz

_COMMENT = re.compile(r"\([^()]*\)")
MAX_DATE_CHARS = 256

# Zone names RFC 5322 §4.3 (obs-zone) defines; any other name means "zone unknown".
_ZONE_TAIL = re.compile(r"(?:^|\s)(?:[+-]\d{4}|UT|UTC|GMT|Z|[ECMP][SD]T)\s*$", re.IGNORECASE)
_COLON_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)\s*$")  # "+01:00": not RFC 5322, seen in the wild
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-]\d{4})\s*$", re.IGNORECASE)

# Dates written other than RFC 5322 §3.3 wants, seen in real stamps: fractional seconds
# ("02:21:23.123"), Go's time format with a monotonic reading (SendGrid: "2019-02-06
# 17:40:13.123456789 +0000 UTC m=+1234.5"), and no time of day at all ("3 Jan 2023").
_FRACTION = re.compile(r"(\d\d:\d\d:\d\d)[.,]\d+")
_GO_MONOTONIC = re.compile(r"\s+m=[+-][\d.]+\s*$")
_ISO = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?(?:[.,]\d+)?\s*"
    r"(Z|[+-]\d\d:?\d\d)?(?:\s*(?:UTC|GMT))?\s*$"
)
_DATE_ONLY = re.compile(r"(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s*$")
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from a header: ``at`` is timezone-aware (UTC) or None; ``problem`` says why."""

    at: datetime | None
    problem: str | None = None  # "missing", "unparseable" or "zone unknown (read as UTC)"


def parse_date(value: str | None) -> ParsedDate:
    """Read an RFC 5322 §3.3 date-time, including the obsolete forms of §4.3.

    Handles 2-digit (and 3-digit) years, named zones (EST, PDT, GMT...), missing seconds and a
    missing day-of-week through :func:`email.utils.parsedate_tz`; a trailing comment such as
    ``(PST)`` is ignored. "-0000" means UTC with the local zone unknown (§3.3), so it is read as
    UTC without complaint; a zone the RFC does not name is read as UTC and reported.
    """
    if value is None or not value.strip():
        return ParsedDate(None, "missing")
    if len(value) <= MAX_DATE_CHARS:
        common = _COMMON_DATE.fullmatch(value.strip())
        at = _common_date(common) if common is not None else None
        if at is not None:
            return ParsedDate(at, None)
    text = _COMMENT.sub(" ", " ".join(value[:MAX_DATE_CHARS].split())).strip()
    text = text.lstrip("_-,.:; ")  # a stray mark before the date ("; _ Tue, 21 Jul ...")
    text = _GO_MONOTONIC.sub("", text)
    iso = _ISO.match(text)
    if iso is not None:
        return _iso_date(iso)
    text = _FRACTION.sub(r"\1", text)
    text = _GMT_OFFSET.sub(r"\1", text)
    text = _COLON_OFFSET.sub(r"\1\2\3", text)
    if _DATE_ONLY.fullmatch(text):
        text += " 00:00:00"  # a day without a time of day: its start, zone unknown
    try:
        fields = parsedate_tz(text)
    except Exception:  # the stdlib parser has raised on odd input in some Python versions
        fields = None
    if fields is None:
        return ParsedDate(None, "unparseable")
    year, month, day, hour, minute, second = fields[:6]
    offset = fields[9] or 0
    if 100 <= year < 1000:  # RFC 5322 §4.3: a 3-digit year is added to 1900
        year += 1900
    try:
        # A leap second (":60", allowed by §3.3) is read as :59 rather than refused.
        local = datetime(year, month, day, hour, minute, min(second, 59))
        at = (local - timedelta(seconds=offset)).replace(tzinfo=UTC)
        timezone(timedelta(seconds=offset))  # refuses offsets of a day or more
    except (ValueError, OverflowError):
        return ParsedDate(None, "unparseable")
    if offset == 0 and not _ZONE_TAIL.search(text):
        return ParsedDate(at, "zone unknown (read as UTC)")
    return ParsedDate(at, None)


# The form nearly every Date and Received stamp has ("Tue, 3 Nov 2026 14:02:07 +0100", maybe
# with a zone comment): read directly, as ``parse_date``'s general path reads it, without its
# five substitutions and the standard library's tokenizer. Anything else takes that path.
_COMMON_DATE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([12]\d{3}) (\d\d):(\d\d):(\d\d) "
    r"([+-])([01]\d|2[0-3])([0-5]\d)(?: \([A-Za-z]{1,10}\))?"
)
_MONTH_NUMBERS = {name.title(): n for n, name in enumerate(MONTHS.split("|"), 1)}


def _common_date(match: re.Match[str]) -> datetime | None:
    day, month, year, hour, minute, second, sign, zh, zm = match.groups()
    offset = (int(zh) * 3600 + int(zm) * 60) * (-1 if sign == "-" else 1)
    try:
        # A leap second (":60") is read as :59, as in the general path.
        when = (int(year), _MONTH_NUMBERS[month], int(day), int(hour), int(minute))
        local = datetime(*when, min(int(second), 59))
    except ValueError:
        return None  # the general path says why
    return (local - timedelta(seconds=offset)).replace(tzinfo=UTC)


def _iso_date(match: re.Match[str]) -> ParsedDate:
    """An ISO 8601 date-time (not RFC 5322, but what some MTAs write)."""
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    zone = match.group(7)
    offset = 0
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)
    try:
        local = datetime(year, month, day, hour, minute, min(second, 59))
        at = (local - timedelta(seconds=offset)).replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        return ParsedDate(None, "unparseable")
    named_utc = "UTC" in match.group(0).upper() or "GMT" in match.group(0).upper()
    return ParsedDate(at, None if zone or named_utc else "zone unknown (read as UTC)")
