"""The Received fields of one message, parsed once, and where it entered the receiver. Pure.

``read_trace`` parses every Received field (RFC 5321 §4.4) of a message once; the same
``Trace`` serves the delivery timeline (:mod:`inspector.timeline.delivery`) and the
authentication checks (:mod:`inspector.auth.received`). ``Trace.border`` answers, once for
both, the question they share: which provider received the message, and at which hop did it
enter that provider from outside. The timeline looks for a greylisting delay at that hop;
authentication re-checks SPF for the IP recorded there (RFC 7208 §2.4) and trusts only what
the receiver wrote above it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from inspector.domains.orgdomain import is_ip_literal, normalise, org_domain, same_provider
from inspector.parse.received import ParsedReceived, parse_received_full

__all__ = [
    "INTERNAL_NETWORKS",
    "MAX_HOPS",
    "Border",
    "Trace",
    "hostname",
    "is_internal_ip",
    "read_trace",
    "receiving_border",
]

MAX_HOPS = 100  # a real path has < 15 hops; the rest is a loop or an attack

# Addresses only a receiver's own relays use: RFC 1918, RFC 6598 shared space, RFC 4193
# unique-local, loopback, link-local and "this network" (RFC 1122 §3.2.1.3). Not Python's
# ``is_private`` / ``not is_global``: those also cover the documentation ranges (RFC 5737,
# RFC 3849), which stand for public senders in examples and tests.
INTERNAL_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "0.0.0.0/8",
        "::1/128",
        "fc00::/7",
        "fe80::/10",
    )
)


@dataclass(frozen=True, slots=True)
class Border:
    """Who received the message and where it came in (see :func:`receiving_border`)."""

    receiver_host: str | None = None  # the topmost ``by`` that is a host name, lower case
    receiver_org: str | None = None  # its organisational domain (RFC 7489 §3.2)
    entry: int | None = None  # index in ``Trace.hops`` (newest first) of the entry hop


@dataclass(frozen=True)
class Trace:
    """The Received fields of one message, each parsed once, newest (topmost) first.

    ``positions[i]`` is the place of ``hops[i]`` among all header fields (0 = topmost);
    ``count`` is the number of Received fields (only the newest ``MAX_HOPS`` are parsed);
    ``field_count`` the number of header fields.
    """

    hops: tuple[ParsedReceived, ...] = ()
    positions: tuple[int, ...] = ()
    count: int = 0
    field_count: int = 0

    @cached_property
    def border(self) -> Border:
        return receiving_border(self.hops)


def read_trace(fields: Sequence[tuple[str, str]]) -> Trace:
    """Parse the Received fields among ``fields`` ((name, value) pairs in message order).

    Values are normally ``HeaderBlock.unfolded``; folded values read the same. The newest
    ``MAX_HOPS`` are kept: they were added by the receiving side, and forged ones can only sit
    below them.
    """
    positions = [i for i, (name, _) in enumerate(fields) if name.lower() == "received"]
    kept = positions[:MAX_HOPS]
    hops = tuple(parse_received_full(fields[i][1]) for i in kept)
    return Trace(hops, tuple(kept), len(positions), len(fields))


def receiving_border(hops: Sequence[ParsedReceived]) -> Border:
    """The receiving provider and the hop where the message entered it, newest hop first.

    Trace fields are prepended (RFC 5321 §4.4), so the receiver's own hops are on top:

    * A fetcher's hop (fetchmail, getmail over POP3/IMAP) is not a delivery and is passed over.
    * The receiver is the newest ``by`` that is a host name. Hops above it (Gmail's final
      ``by 2002:a05:...``, an internal IPv6 address) are the receiver's internal steps.
    * Walking down from there, a hop is internal when it has no ``from`` side, when its
      connecting IP is in ``INTERNAL_NETWORKS``, or when its ``from`` host belongs to the
      receiver (same organisational domain or one provider family, see ``same_provider``).
      The reverse-DNS name the receiver looked up counts before the name the client gave:
      a HELO name is chosen by the sender.
    * The first hop that is not internal is the entry. A hop whose ``by`` names another
      provider before any such hop means the path changed hands without an outside ``from``
      (a Gmail-to-Gmail relay, a gap in the stamps): there is no clear border, ``entry`` None.
    """
    receiver_host: str | None = None
    receiver_org = ""
    for index, item in enumerate(hops):
        if item.retrieval:
            continue
        by = _by(item)
        if receiver_host is None:
            if by is None or hostname(by) is None:
                continue
            receiver_host, receiver_org = by, org_domain(by)
        elif hostname(by) is not None and not same_provider(by or "", receiver_org):
            return Border(receiver_host, receiver_org or None, None)
        if not _internal(item, receiver_org):
            return Border(receiver_host, receiver_org or None, index)
    return Border(receiver_host, receiver_org or None, None)


def hostname(token: str | None) -> str | None:
    """``token`` normalised when it is a host name (not an IP literal, at least one dot)."""
    token = (token or "").strip().strip("[]")
    if not token or is_ip_literal(token) or not _HOST.match(token):
        return None
    return normalise(token)


_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]*\.)+[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*\.?$")


def is_internal_ip(text: str) -> bool:
    """True for an address in ``INTERNAL_NETWORKS``; False for anything else, even junk."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return any(address in net for net in INTERNAL_NETWORKS if net.version == address.version)


def _by(item: ParsedReceived) -> str | None:
    by = item.hop.by_host
    return by.strip("[]").lower() if by else None


def _internal(item: ParsedReceived, receiver_org: str) -> bool:
    hop = item.hop
    if hop.from_host is None and hop.from_ip is None and item.helo is None:
        return True  # "Received: by 2002:a05:... with SMTP id ..." (no from clause)
    if hop.from_ip is not None and is_internal_ip(hop.from_ip):
        return True
    name = hostname(item.from_rdns) or (hop.from_host or "").strip("[]") or item.helo
    return bool(name) and same_provider(name or "", receiver_org)
