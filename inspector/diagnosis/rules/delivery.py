"""Rules about the way to the mailbox: delays, greylisting, clocks."""

from __future__ import annotations

from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence
from inspector.diagnosis.wording import duration, group_label
from inspector.model import Finding, Severity

# A transit longer than this is worth telling; most codes arrive within seconds.
DELAY_WARNING_SECONDS = 5 * 60


def delivery_delayed(ev: Evidence) -> list[Finding]:
    slow = [
        (r.timeline.transit_seconds, i)
        for i, r in ev.focused()
        if r.is_verification
        and r.timeline.transit_seconds is not None
        and r.timeline.transit_seconds > _delay_threshold(r.extraction.validity.seconds)
    ]
    if not slow:
        return []
    worst_seconds, worst = max(slow)
    record = ev.records[worst]
    hop = max(
        (h for h in record.timeline.hops if h.delay_seconds is not None),
        key=lambda h: h.delay_seconds or 0.0,
        default=None,
    )
    where = ""
    if hop is not None and hop.delay_seconds and hop.delay_seconds >= worst_seconds / 2:
        where = f"; {duration(hop.delay_seconds)} of it before {hop.by_host or 'one server'}"
        where += " accepted it"
    return [
        Finding(
            "delivery_delayed",
            Severity.WARNING,
            f"The {group_label(record)} code took {duration(worst_seconds)} to arrive{where}.",
            "Slow delivery eats into the code's validity: ask for the code only when you are "
            "ready to type it, and if your provider delays mail from new senders, allow-list "
            "the service's address.",
            messages=tuple(sorted(i for _, i in slow)),
            rank=rank.DELAYED,
        )
    ]


def _delay_threshold(validity: int | None) -> float:
    if validity:
        return min(DELAY_WARNING_SECONDS, validity / 2)
    return DELAY_WARNING_SECONDS


def greylisting_suspected(ev: Evidence) -> list[Finding]:
    hits = [i for i, r in ev.focused() if r.is_verification and r.timeline.greylisting_suspected]
    if not hits:
        return []
    seconds = ev.records[hits[0]].timeline.greylisting_seconds
    held = f" for {duration(seconds)}" if seconds else ""
    return [
        Finding(
            "greylisting_suspected",
            Severity.WARNING,
            f"Your mail server appears to have held the message{held} before accepting it "
            "(greylisting: first delivery attempts are refused and retried later).",
            "Ask your mail administrator to exempt the service's sending domain from "
            "greylisting; until then expect each code to arrive several minutes late.",
            messages=tuple(hits),
            rank=rank.GREYLISTING,
        )
    ]


def clock_skew(ev: Evidence) -> list[Finding]:
    hits = [
        i
        for i, r in ev.focused()
        if r.is_verification
        and r.timeline.clock_skew_seconds is not None
        and r.timeline.clock_skew_seconds < -60
    ]
    if not hits:
        return []
    skew = min(ev.records[i].timeline.clock_skew_seconds or 0.0 for i in hits)
    return [
        Finding(
            "clock_skew",
            Severity.INFO,
            f"The servers' clocks disagree by up to {duration(skew)}: a later hop is stamped "
            "earlier than the one before it, so delivery times are approximate.",
            "Nothing to do for you; the delays shown may be off by that much.",
            messages=tuple(hits),
            rank=rank.CLOCK_SKEW,
        )
    ]
