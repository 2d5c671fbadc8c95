"""Code freshness and comparison with the code the person typed. Pure: no I/O.

STUB: replaced by the real module; the names below are the contract.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from inspector.model import Freshness, Validity


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


@dataclass(frozen=True, slots=True)
class EnteredMatch:
    kind: str  # "exact", "outdated", "typo" or "mismatch"
    index: int | None  # the event the entered code matches (or is one typo away from)
    detail: str = ""


def assess(
    events: Sequence[CodeEvent], *, now: datetime, requested_at: datetime | None = None
) -> list[Assessment]:
    del now, requested_at
    return [Assessment(Freshness.UNKNOWN, None) for _ in events]


def match_entered(
    entered: str, events: Sequence[CodeEvent], assessments: Sequence[Assessment]
) -> EnteredMatch:
    del entered, events, assessments
    return EnteredMatch("mismatch", None)
