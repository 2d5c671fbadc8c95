"""What the SMS export readers share: reading timestamps, and reporting bad records per file.

Every value handled here comes from a file the user was sent or exported, so it is
attacker-controlled: nothing in this module raises on any input.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta

from inspector.model import ReadProblem

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Epoch values of 10^11 or more are milliseconds: as seconds they would be after the year 5000,
# as milliseconds they are after March 1973, before any SMS export. Android stores SMS times in
# milliseconds but MMS times in seconds, and people's own exports use either.
EPOCH_MS_THRESHOLD = 100_000_000_000

_NUMBER = re.compile(r"[+-]?\d{1,20}(?:\.\d{1,9})?")
# Longest sensible ISO 8601 text: "2026-11-25T14:00:00.123456+05:30" is 32 characters.
_MAX_ISO_LENGTH = 64

# Android writes 0 for "unknown" (date_sent of old messages); "null" is how SMS Backup & Restore
# writes a NULL database column.
_BLANK = frozenset({"", "0", "null"})

# Per file, the first few malformed records are reported one by one, the rest only counted,
# so a garbage file cannot flood the report.
MAX_RECORD_PROBLEMS = 20
_LIST_LIMIT = 5


def is_blank(value: object) -> bool:
    """True for an absent time: missing, empty, "null" or Android's 0."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().lower() in _BLANK
    return isinstance(value, int | float) and not isinstance(value, bool) and value == 0


def epoch_to_utc(value: float) -> datetime | None:
    """Epoch seconds or milliseconds (told apart by size) as an aware UTC datetime, else None."""
    try:
        if math.isnan(value) or value <= 0:  # NaN, 0 ("unknown") and pre-1970 are no SMS times
            return None
        if value >= EPOCH_MS_THRESHOLD:
            return _EPOCH + timedelta(milliseconds=value)
        return _EPOCH + timedelta(seconds=value)
    except (OverflowError, ValueError):
        return None


def parse_timestamp(value: object) -> datetime | None:
    """Read a time written as ISO 8601 *with* a UTC offset, or as epoch seconds/milliseconds.

    A local time without an offset is refused (None): guessing the zone would shift the
    message by hours, and the freshness checks would then judge the code wrongly. Returns an
    aware UTC datetime, or None for anything else; never raises.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return epoch_to_utc(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > _MAX_ISO_LENGTH:
        return None
    if _NUMBER.fullmatch(text):
        try:
            return epoch_to_utc(float(text) if "." in text else int(text))
        except ValueError:
            return None
    if text[-1] in "zZ":
        text = text[:-1] + "+00:00"
    try:
        # RFC 3339 / ISO 8601 (Python 3.11 fromisoformat reads the common ISO 8601 forms).
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return None
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


class FileReport:
    """Collects what went wrong with single records of one file, for a bounded report."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._problems = 0
        self._bad_times: list[str] = []
        self._bad_time_count = 0

    def malformed(self, record: str, why: str) -> ReadProblem | None:
        """A problem for a skipped record ``record`` ("#17"), or None once over the limit."""
        self._problems += 1
        if self._problems > MAX_RECORD_PROBLEMS:
            return None
        return ReadProblem(
            source=f"{self.name}{record}",
            message=f"Record {record} of {self.name} was skipped: {why}.",
        )

    def bad_time(self, record: str) -> None:
        """Note a record whose time could not be read (it is still used, without the time)."""
        self._bad_time_count += 1
        if len(self._bad_times) < _LIST_LIMIT:
            self._bad_times.append(record)

    def summary(self) -> list[ReadProblem]:
        """The file-level problems to yield after the last record."""
        out: list[ReadProblem] = []
        skipped = self._problems - MAX_RECORD_PROBLEMS
        if skipped > 0:
            out.append(
                ReadProblem(
                    source=self.name,
                    message=f"{skipped} more malformed "
                    f"{'record was' if skipped == 1 else 'records were'} skipped in {self.name} "
                    "without being listed; check that the file is a complete, unmodified export.",
                )
            )
        if self._bad_time_count:
            count = self._bad_time_count
            listed = ", ".join(self._bad_times) + ("…" if count > len(self._bad_times) else "")
            subject, verb, pronoun = (
                ("1 message", "has", "it was")
                if count == 1
                else (f"{count} messages", "have", "they were")
            )
            out.append(
                ReadProblem(
                    source=self.name,
                    message=f"{subject} of {self.name} ({listed}) {verb} no usable time (ISO "
                    "8601 with a UTC offset, or epoch seconds or milliseconds); "
                    f"{pronoun} read without it, so the age of a code in it cannot be judged.",
                )
            )
        return out
