"""Code freshness and comparison with the code the person typed. Pure: no I/O.

Rules (documented here because the diagnosis and the README repeat them):

* **Groups.** Codes in one group (``CodeEvent.group``, compared case-insensitively) replace each
  other: a service that issues a new code invalidates the previous one, so only the newest
  code of a group can be valid. Newest means issued last: ``sent_at``, else ``delivered_at``
  (a code that was sent later is newer even if a delayed older one arrived after it). Events
  with neither time are the oldest of their group; ties keep the caller's order (the caller
  passes events in arrival order).
* **Expiry.** ``validity.expires_at`` when the message states a clock time, else
  ``sent_at`` (else ``delivered_at``) + ``validity.seconds``; unknown otherwise. A validity of
  zero or fewer seconds is treated as unknown (it is a misreading, not a real lifetime).
* **The request.** With ``requested_at``, a code issued before it (or at an unknown time) is
  ``before_request``: it answered an earlier request, so it cannot be the code the person is
  waiting for, whatever its lifetime. It keeps its expiry. Only codes issued at or after the
  request compete for "newest" below.
* **Verdicts**, for the newest code of a group, first match wins:
  ``expired_in_transit`` (delivered after its expiry), ``expired`` (expiry <= ``now``),
  ``valid`` when the expiry is known and later than ``now``; ``unknown`` otherwise (we cannot
  say it is valid without knowing its lifetime). Every older code of the group is
  ``superseded`` with ``superseded_by`` = the newest one.
* **Naive datetimes** are read as UTC, like everywhere else in inspector.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from inspector.model import Freshness, Validity

MAX_CODE_CHARS = 256  # what the person typed is read up to here
MIN_TYPO_LENGTH = 4  # below this one edit turns almost anything into anything
_CURRENT = (Freshness.VALID, Freshness.UNKNOWN)
# "G-123456" (Google), "FB-12345" (Facebook): a short letter prefix before a numeric code that
# people may or may not type; it is dropped from both sides before comparing.
_DASHES = r"\-\u2010-\u2015\u2212"  # for a regex character class
_PREFIX = re.compile(rf"^\s*[A-Za-z]{{1,3}}\s*[{_DASHES}]\s*(?=\d[\d\s.{_DASHES}]*$)")


@dataclass(frozen=True, slots=True)
class CodeEvent:
    """One code that arrived: what the freshness rules need to know about it."""

    code: str
    group: str  # codes in one group supersede each other (service id, else sender domain)
    sent_at: datetime | None
    delivered_at: datetime | None
    validity: Validity


@dataclass(frozen=True, slots=True)
class Assessment:
    freshness: Freshness
    expires_at: datetime | None  # when the code stops (stopped) being valid, if known
    superseded_by: int | None = None  # index of the newer code that replaced this one
    arrived_expired: bool = False  # delivered after its expiry (whatever the verdict)
    before_request: bool = False  # issued before ``requested_at`` (an earlier request's code)


@dataclass(frozen=True, slots=True)
class EnteredMatch:
    kind: str  # "exact", "outdated", "typo" or "mismatch"
    index: int | None  # the event the entered code matches (or is one typo away from)
    detail: str = ""


def expiry(event: CodeEvent) -> datetime | None:
    """When the code stops being valid (see the module docstring), or None when unknown."""
    validity = event.validity
    if validity.expires_at is not None:
        return _utc(validity.expires_at)
    if validity.seconds is None or validity.seconds <= 0:
        return None
    base = _utc(event.sent_at) or _utc(event.delivered_at)
    if base is None:
        return None
    try:
        return base + timedelta(seconds=validity.seconds)
    except OverflowError:  # "valid for 10**20 seconds": as good as no expiry at all
        return None


def issued_at(event: CodeEvent) -> datetime | None:
    """When the service issued the code, as far as we know: sent, else delivered (UTC)."""
    return _utc(event.sent_at) or _utc(event.delivered_at)


def normalise_code(text: str) -> str:
    """The form codes are compared in: what a person may type differently is folded away.

    NFKC (full-width digits), any Unicode decimal digit to ASCII, whitespace, dashes (Unicode
    Pd), dots and invisible format characters removed, case folded, a short letter prefix
    before an all-digit code ("G-123456") dropped.
    """
    text = _PREFIX.sub("", unicodedata.normalize("NFKC", text[:MAX_CODE_CHARS]))
    kept: list[str] = []
    for char in text:
        if char.isspace() or char == "." or unicodedata.category(char) in {"Pd", "Cf"}:
            continue
        digit = unicodedata.decimal(char, None)
        kept.append(str(digit) if digit is not None else char)
    return "".join(kept).casefold()


def assess(
    events: Sequence[CodeEvent], *, now: datetime, requested_at: datetime | None = None
) -> list[Assessment]:
    """One Assessment per event, in the same order (rules in the module docstring)."""
    now_utc = _utc(now) or now.replace(tzinfo=UTC)
    request = _utc(requested_at)
    before = [request is not None and _before(issued_at(event), request) for event in events]
    newest = _newest_per_group(events, skip=before)
    results: list[Assessment] = []
    for index, event in enumerate(events):
        expires = expiry(event)
        delivered = _utc(event.delivered_at)
        arrived_expired = expires is not None and delivered is not None and delivered > expires
        if before[index]:
            verdict, replaced_by = Freshness.BEFORE_REQUEST, None
        elif index != newest[_group(event)]:
            verdict, replaced_by = Freshness.SUPERSEDED, newest[_group(event)]
        elif arrived_expired:
            verdict, replaced_by = Freshness.EXPIRED_IN_TRANSIT, None
        elif expires is not None and expires <= now_utc:
            verdict, replaced_by = Freshness.EXPIRED, None
        elif expires is not None:
            verdict, replaced_by = Freshness.VALID, None
        else:
            verdict, replaced_by = Freshness.UNKNOWN, None
        results.append(Assessment(verdict, expires, replaced_by, arrived_expired, before[index]))
    return results


def match_entered(
    entered: str, events: Sequence[CodeEvent], assessments: Sequence[Assessment]
) -> EnteredMatch:
    """Compare what the person typed with the codes that arrived.

    ``exact``: equal to a current (valid, else unknown) newest code of its group. ``outdated``:
    equal to a code that is superseded or expired (the newest such). ``typo``: one substitution,
    one adjacent transposition, or one missing/extra character away from the newest code of a
    group (current ones first; codes of at least ``MIN_TYPO_LENGTH`` characters). Otherwise
    ``mismatch``. ``events`` and ``assessments`` are parallel lists, as :func:`assess` returns.
    """
    typed = normalise_code(entered)
    if not typed:
        return EnteredMatch("mismatch", None, "nothing was entered")
    count = min(len(events), len(assessments))
    codes = [normalise_code(event.code) for event in events[:count]]
    by_recency = sorted(range(count), key=lambda i: _order_key(events[i], i), reverse=True)

    equal = [i for i in by_recency if codes[i] == typed]
    current = [i for i in equal if assessments[i].freshness in _CURRENT]
    if current:
        current.sort(key=lambda i: assessments[i].freshness != Freshness.VALID)  # valid first
        return EnteredMatch("exact", current[0], "matches the newest code")
    if equal:
        return EnteredMatch("outdated", equal[0], _why_outdated(assessments[equal[0]]))

    replaced = (Freshness.SUPERSEDED, Freshness.BEFORE_REQUEST)
    heads = [i for i in by_recency if assessments[i].freshness not in replaced]
    heads.sort(key=lambda i: assessments[i].freshness not in _CURRENT)  # stable: newest first
    for index in heads:
        if min(len(codes[index]), len(typed)) >= MIN_TYPO_LENGTH:
            edit = one_edit(typed, codes[index])
            if edit is not None:
                return EnteredMatch("typo", index, edit)
    return EnteredMatch("mismatch", None, "matches none of the codes that arrived")


def one_edit(typed: str, code: str) -> str | None:
    """Describe the single edit that turns ``code`` into ``typed``, or None if it takes more.

    Substitution, adjacent transposition (Damerau), one character missing or extra; equal
    strings are not an edit.
    """
    if typed == code:
        return None
    if len(typed) == len(code):
        diffs: list[int] = []
        for position, (a, b) in enumerate(zip(typed, code, strict=True)):
            if a != b:
                diffs.append(position)
                if len(diffs) > 2:
                    return None
        if len(diffs) == 1:
            return "one character differs"
        first, second = diffs
        if second == first + 1 and typed[first] == code[second] and typed[second] == code[first]:
            return "two neighbouring characters are swapped"
        return None
    if abs(len(typed) - len(code)) != 1:
        return None
    longer, shorter = (typed, code) if len(typed) > len(code) else (code, typed)
    position = next(
        (i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    if longer[position + 1 :] != shorter[position:]:
        return None
    return "one character too many" if longer is typed else "one character missing"


# --------------------------------------------------------------------------------------------


def _before(issued: datetime | None, request: datetime) -> bool:
    # A code of unknown time cannot be shown to answer the request, so it does not.
    return issued is None or issued < request


def _newest_per_group(events: Sequence[CodeEvent], skip: Sequence[bool] = ()) -> dict[str, int]:
    newest: dict[str, int] = {}
    for index, event in enumerate(events):
        if index < len(skip) and skip[index]:
            continue
        group = _group(event)
        best = newest.get(group)
        if best is None or _order_key(event, index) > _order_key(events[best], best):
            newest[group] = index
    return newest


def _order_key(event: CodeEvent, index: int) -> tuple[bool, datetime, int]:
    issued = issued_at(event)
    return (issued is not None, issued or datetime.min.replace(tzinfo=UTC), index)


def _group(event: CodeEvent) -> str:
    return event.group.casefold()


def _why_outdated(assessment: Assessment) -> str:
    if assessment.freshness == Freshness.BEFORE_REQUEST:
        return "matches a code sent before your latest request, which replaced it"
    if assessment.freshness == Freshness.SUPERSEDED:
        return "matches an older code; a newer code replaced it"
    if assessment.freshness == Freshness.EXPIRED_IN_TRANSIT:
        return "matches a code that had already expired when it arrived"
    return "matches a code that has expired"


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):  # datetime.min in a +01:00 zone is before year 1
        return moment.replace(tzinfo=UTC)
