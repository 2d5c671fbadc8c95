"""Delivery timeline from Received headers (RFC 5321 §4.4, RFC 5322 §3.6.7). Pure: no I/O.

Each Received header is one hop (parsed by :mod:`inspector.parse.received`). Headers are prepended
by every server on the way, so the message lists them newest first; the timeline lists them
oldest first. A hop's ``delay_seconds`` is the time since the closest older hop that has a
timestamp (since ``sent_at`` for the first one), so the delays of a fully stamped path add up
to the transit time. Clocks of different servers disagree: a negative step is reported as
clock skew and kept negative, never "repaired" by adding a day.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from inspector.model import Hop, Timeline
from inspector.parse.received import (
    ParsedReceived,
    is_ip_literal,
    parse_date,
    parse_received,
    parse_received_full,
)

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

__all__ = [
    "GREYLIST_MAX_SECONDS",
    "GREYLIST_MIN_SECONDS",
    "MAX_HOPS",
    "QUICK_SECONDS",
    "border_hop",
    "build_timeline",
    "is_greylisting",
    "parse_received",
    "sent_time",
]

MAX_HOPS = 100  # a real path has < 15 hops; the rest is a loop or an attack
MAX_NOTES = 20
# Greylisting (RFC 6647 §2.1): the receiver answers 4xx to an unknown (IP, sender, recipient)
# and accepts the sender's retry after its minimum delay (postgrey: 300 s, many: 60 s). Senders
# retry after 1-15 min and back off to about an hour (Postfix maximal_backoff_time = 4000 s).
GREYLIST_MIN_SECONDS = 60.0
GREYLIST_MAX_SECONDS = 4000.0
QUICK_SECONDS = 30.0  # a hop-to-hop step no slower than this is "quick"

_INTERNAL_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)
# Provider domains that belong to one mail system: a hop between them stays inside it.
_FAMILIES = {
    "office365.com": "outlook.com",
    "hotmail.com": "outlook.com",
    "live.com": "outlook.com",
    "microsoft.com": "outlook.com",
    "gmail.com": "google.com",
    "googlemail.com": "google.com",
    "yahoodns.net": "yahoo.com",
    "yahoo.net": "yahoo.com",
    "aol.com": "yahoo.com",
    "me.com": "icloud.com",
    "mac.com": "icloud.com",
    "apple.com": "icloud.com",
}


def build_timeline(
    received: Sequence[str],
    *,
    date: str | None,
    dkim_timestamp: int | None = None,
    stored_at: datetime | None = None,
) -> Timeline:
    """Build the timeline; ``received`` in header order (newest first, as in the message).

    ``sent_at`` comes from ``date`` (the Date header, RFC 5322 §3.6.1), else from the DKIM
    signature's ``t=`` tag (RFC 6376 §3.5) when Date is missing or unreadable. Delivery is the
    newest hop's timestamp, else ``stored_at`` (IMAP INTERNALDATE or similar), else the newest
    timestamp any hop has. Problems become ``notes``; nothing raises.
    """
    notes: list[str] = []
    if len(received) > MAX_HOPS:
        notes.append(f"{len(received)} Received headers; only the newest {MAX_HOPS} were read")
    # The newest headers were added by the receiving side (the most trustworthy ones); forged
    # ones can only be appended below them, so the cap keeps the top of the list.
    parsed = [parse_received_full(value) for value in reversed(received[:MAX_HOPS])]
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

    border = _border(parsed)
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

    See :func:`_border`; the TCP-info details are read again from each hop's ``raw``.
    """
    return _border([parse_received_full(hop.raw) for hop in hops[-MAX_HOPS:]])


# --------------------------------------------------------------------------------------------


def _border(parsed: Sequence[ParsedReceived]) -> int | None:
    """The first hop, walking from the newest, whose ``from`` side is outside the receiver.

    The receiver is the organisational domain (public suffix list, folded through the small
    provider table ``_FAMILIES`` so outlook.com and office365.com count as one system) of the
    newest ``by`` host that is a name. Hops without a ``by`` name (Gmail's final
    ``by 2002:a05:...``) or without a ``from`` clause are internal steps. A ``from`` side is
    inside when its reverse-DNS name (else its stated name) belongs to the receiver or its IP
    is private/loopback. None when the path never leaves the receiver (internal mail) or
    changes provider without an outside ``from`` (no clear border).
    """
    receiver: str | None = None
    for index in range(len(parsed) - 1, -1, -1):
        item = parsed[index]
        family = _family(item.hop.by_host)
        if receiver is None:
            receiver = family
        elif family is not None and family != receiver:
            return None
        if receiver is None:
            continue
        hop = item.hop
        if hop.from_host is None and hop.from_ip is None:
            continue
        if hop.from_ip is not None and _internal_ip(hop.from_ip):
            continue
        name = item.from_rdns or hop.from_host
        if _family(name) != receiver:
            return index
    return None


def _internal_ip(text: str) -> bool:
    """Loopback, link-local, RFC 1918, RFC 6598 shared or RFC 4193 unique-local space.

    Not ``not is_global``: that also holds for the documentation ranges (RFC 5737, RFC 3849).
    """
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return (
        address.is_loopback
        or address.is_link_local
        or any(address in network for network in _INTERNAL_NETWORKS)
    )


def _family(host: str | None) -> str | None:
    if not host or is_ip_literal(host) or "." not in host.strip("."):
        return None
    return _org_domain(host.strip(".").lower())


@lru_cache(maxsize=1024)
def _org_domain(host: str) -> str:
    """Organisational domain (RFC 7489 §3.2 style: one label below the public suffix)."""
    try:
        org = _psl().privatesuffix(host)
    except Exception:  # the library is not meant to see hostile names; never let it crash us
        org = None
    if not isinstance(org, str):
        org = ".".join(host.split(".")[-2:])
    return _FAMILIES.get(org, org)


def _psl() -> PublicSuffixList:
    from inspector.domains.psl import public_suffix_list  # lazy: parsing the list costs ~130 ms

    return public_suffix_list()


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
