"""Delivery timeline from Received headers (RFC 5321 §4.4, RFC 5322 §3.6.7). Pure: no I/O.

Each Received header is one hop, parsed once per message by :mod:`inspector.parse.trace` (whose
``Trace`` the authentication checks share). Headers are prepended by every server on the way, so
the message lists them newest first; the timeline lists them oldest first. A hop's
``delay_seconds`` is the time since the closest older hop that has a timestamp (since
``sent_at`` for the first one), so the delays of a fully stamped path add up to the transit
time. Clocks of different servers disagree: a negative step is reported as clock skew and kept
negative, never "repaired" by adding a day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from inspector.model import Hop, Timeline
from inspector.parse.dates import parse_date
from inspector.parse.received import parse_received, parse_received_full, received_date
from inspector.parse.trace import MAX_HOPS, Trace, read_trace, receiving_border

__all__ = [
    "GREYLIST_MAX_SECONDS",
    "GREYLIST_MIN_SECONDS",
    "MAX_HOPS",
    "QUICK_SECONDS",
    "arrival_timeline",
    "border_hop",
    "build_timeline",
    "is_greylisting",
    "parse_received",
    "sent_time",
]

MAX_NOTES = 20
# Greylisting (RFC 6647 §2.1): the receiver answers 4xx to an unknown (IP, sender, recipient)
# and accepts the sender's retry after its minimum delay (postgrey: 300 s, many: 60 s). Senders
# retry after 1-15 min and back off to about an hour (Postfix maximal_backoff_time = 4000 s).
GREYLIST_MIN_SECONDS = 60.0
GREYLIST_MAX_SECONDS = 4000.0
QUICK_SECONDS = 30.0  # a hop-to-hop step no slower than this is "quick"


def build_timeline(
    received: Sequence[str] | Trace,
    *,
    date: str | None,
    dkim_timestamp: int | None = None,
    stored_at: datetime | None = None,
) -> Timeline:
    """Build the timeline from the message's parsed Received fields (``Trace``, see
    :func:`inspector.parse.trace.read_trace`), or from Received values in header order (newest
    first, as in the message).

    ``sent_at`` comes from ``date`` (the Date header, RFC 5322 §3.6.1), else from the DKIM
    signature's ``t=`` tag (RFC 6376 §3.5) when Date is missing or unreadable. Delivery is the
    newest hop's timestamp, else ``stored_at`` (IMAP INTERNALDATE or similar), else the newest
    timestamp any hop has. Problems become ``notes``; nothing raises.
    """
    notes: list[str] = []
    trace = (
        received
        if isinstance(received, Trace)
        else read_trace([("received", value) for value in received])
    )
    if trace.count > MAX_HOPS:
        notes.append(f"{trace.count} Received headers; only the newest {MAX_HOPS} were read")
    parsed = trace.hops[::-1]  # oldest first
    sent_at, sent_source = _sent_at(date, dkim_timestamp, notes)
    if not parsed:
        notes.append("no Received headers")

    hops: list[Hop] = []
    from_date: list[bool] = []  # whether each hop's delay was measured from sent_at
    skew: float | None = None
    previous, previous_is_date = sent_at, True
    for number, item in enumerate(parsed, 1):
        hop = item.hop
        if item.date_problem is not None:
            notes.append(f"{_label(number, hop)}: timestamp {item.date_problem}")
        delay = None
        from_date.append(previous_is_date)
        if hop.at is not None:
            if previous is not None:
                delay = (hop.at - previous).total_seconds()
                if delay < 0:
                    skew = delay if skew is None else min(skew, delay)
                    since = "the Date header" if previous_is_date else "the hop before it"
                    notes.append(
                        f"clock skew: {_label(number, hop)} is stamped {-delay:.0f} s "
                        f"before {since}"
                    )
            previous, previous_is_date = hop.at, False
        hops.append(replace(hop, delay_seconds=delay))

    delivered_at = _delivered_at(hops, stored_at, notes)
    transit = None
    if delivered_at is not None and sent_at is not None:
        transit = (delivered_at - sent_at).total_seconds()
        if transit < 0 and not any(h.at is not None for h in hops):
            skew = transit if skew is None else min(skew, transit)
            notes.append(f"clock skew: stored {-transit:.0f} s before the Date header")

    border = _oldest_first(trace.border.entry, len(hops))
    greylisting = None
    if border is not None:
        others = [
            h.delay_seconds
            for i, h in enumerate(hops)
            if i != border and h.delay_seconds is not None and not from_date[i]
        ]
        if is_greylisting(hops[border].delay_seconds, others):
            greylisting = hops[border].delay_seconds
            source = hops[border].from_ip or hops[border].from_host or "the sender"
            notes.append(
                f"greylisting suspected: {greylisting:.0f} s before "
                f"{hops[border].by_host or 'the receiver'} accepted the message from {source}"
            )

    if len(notes) > MAX_NOTES:
        notes[MAX_NOTES - 1 :] = [f"... and {len(notes) - MAX_NOTES + 1} more notes"]
    return Timeline(
        hops=tuple(hops),
        sent_at=sent_at,
        sent_at_source=sent_source,
        delivered_at=delivered_at,
        transit_seconds=transit,
        clock_skew_seconds=skew,
        greylisting_suspected=greylisting is not None,
        greylisting_seconds=greylisting,
        notes=tuple(notes),
    )


def arrival_timeline(
    received: Sequence[str],
    *,
    date: str | None,
    dkim_timestamp: int | None = None,
    stored_at: datetime | None = None,
) -> Timeline:
    """The send and delivery times ``build_timeline`` gives, without the hops.

    For a message that is listed but not diagnosed (not a verification message, with
    ``--all-messages``): only the timestamps are read from its Received values (newest
    first), by the same rules, so it sorts and shows where the full timeline would put it.
    """
    sent_at, sent_source = _sent_at(date, dkim_timestamp, [])
    kept = received[:MAX_HOPS]
    delivered_at = received_date(kept[0]) if kept else None
    if delivered_at is None:
        delivered_at = _delivered_at((), stored_at, [])
    if delivered_at is None:
        delivered_at = next((at for v in kept[1:] if (at := received_date(v)) is not None), None)
    transit = None
    if delivered_at is not None and sent_at is not None:
        transit = (delivered_at - sent_at).total_seconds()
    return Timeline(
        sent_at=sent_at,
        sent_at_source=sent_source,
        delivered_at=delivered_at,
        transit_seconds=transit,
    )


def sent_time(date: str | None, dkim_timestamp: int | None = None) -> datetime | None:
    """The ``sent_at`` that ``build_timeline`` would give, without reading the Received path.

    Extraction needs only this (to resolve "expires at 2:59 PM"); the whole timeline is built
    for the messages that are kept.
    """
    return _sent_at(date, dkim_timestamp, [])[0]


def is_greylisting(border_delay: float | None, other_delays: Iterable[float]) -> bool:
    """Does the delay at the receiving border look like a greylisting retry?

    The heuristic: the step into the border hop (see :func:`border_hop`) took between
    ``GREYLIST_MIN_SECONDS`` and ``GREYLIST_MAX_SECONDS`` (a sender's retry window after a
    4xx), while every other hop-to-hop step was quick (within ±``QUICK_SECONDS``), so the wait
    happened exactly where a receiver decides whether to accept mail from an unknown sender.
    A slow path everywhere, or timestamps skewed by more than a few seconds, is not greylisting.
    The step from the Date header to the first hop is left out of ``other_delays`` by the
    caller: a sender's own queue says nothing about the receiver.
    """
    if border_delay is None or not GREYLIST_MIN_SECONDS <= border_delay <= GREYLIST_MAX_SECONDS:
        return False
    return all(-QUICK_SECONDS <= delay <= QUICK_SECONDS for delay in other_delays)


def border_hop(hops: Sequence[Hop]) -> int | None:
    """Index (oldest first) of the hop where the message entered the receiving provider.

    For a caller that holds only the hops: the TCP-info details are read again from each
    hop's ``raw``. The answer is :func:`inspector.parse.trace.receiving_border`'s, the one the
    authentication checks use.
    """
    kept = hops[-MAX_HOPS:]
    border = receiving_border([parse_received_full(hop.raw) for hop in reversed(kept)])
    return _oldest_first(border.entry, len(kept))


# --------------------------------------------------------------------------------------------


def _oldest_first(entry: int | None, count: int) -> int | None:
    """The border's index among ``count`` hops oldest first (a trace lists them newest first)."""
    return None if entry is None else count - 1 - entry


def _sent_at(
    date: str | None, dkim_timestamp: int | None, notes: list[str]
) -> tuple[datetime | None, str | None]:
    parsed = parse_date(date)
    if parsed.problem is not None:
        shown = "" if date is None else f": {date.strip()[:60]!r}"
        notes.append(f"Date header {parsed.problem}{shown}")
    if parsed.at is not None:
        return parsed.at, "date"
    if dkim_timestamp is None:
        return None, None
    try:
        if dkim_timestamp < 0:
            raise ValueError
        at = datetime.fromtimestamp(dkim_timestamp, UTC)
    except (ValueError, OverflowError, OSError):
        shown = str(dkim_timestamp) if abs(dkim_timestamp) < 10**20 else "(huge)"
        notes.append(f"DKIM t={shown} is not a usable time")
        return None, None
    notes.append("sent time taken from the DKIM signature (t=)")
    return at, "dkim"


def _delivered_at(
    hops: Sequence[Hop], stored_at: datetime | None, notes: list[str]
) -> datetime | None:
    if hops and hops[-1].at is not None:
        return hops[-1].at
    if stored_at is not None:
        if hops:
            notes.append("the newest hop has no timestamp; delivery time taken from the mailbox")
        # A naive time is taken as UTC: sources give UTC or aware times.
        try:
            return stored_at.astimezone(UTC) if stored_at.tzinfo else stored_at.replace(tzinfo=UTC)
        except (OverflowError, ValueError):
            notes.append("the mailbox's delivery time is out of range")
    stamped = [hop.at for hop in hops if hop.at is not None]
    if stamped:
        notes.append("the newest hop has no timestamp; delivery time is the newest one found")
        return stamped[-1]
    return None


def _label(number: int, hop: Hop) -> str:
    return f"hop {number} (by {hop.by_host})" if hop.by_host else f"hop {number}"
