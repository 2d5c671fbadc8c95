"""Who received the message, and from which IP: the Received path as authentication needs it.

The Received fields are parsed once per message (:func:`inspector.parse.trace.read_trace`) and
the receiving provider and its *entry hop* are decided once, by
:func:`inspector.parse.trace.receiving_border`, the same answer the delivery timeline uses.
This module only turns that answer into what the checks read: the connecting IP and HELO name
SPF is checked for (RFC 7208 §2.4), and the header positions that tell the receiver's stamps
from the ones somebody else wrote. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector.domains.orgdomain import same_provider
from inspector.parse.received import ParsedReceived
from inspector.parse.trace import Trace, hostname


@dataclass(frozen=True, slots=True)
class ReceivedHop:
    index: int  # position of the Received field in the header block (0 = topmost)
    helo: str | None  # first token of the from clause (what the client said in HELO/EHLO)
    rdns: str | None  # host name in the from clause's comment, if the receiver recorded one
    ip: str | None  # connecting IP recorded in the from clause
    by: str | None  # the receiving host
    retrieval: bool = False  # a mail fetcher's hop (fetchmail/getmail over POP3/IMAP)


@dataclass(frozen=True, slots=True)
class DeliveryPath:
    receiver_host: str | None  # the ``by`` host naming the final receiver
    receiver_org: str | None  # its organisational domain
    entry: ReceivedHop | None  # the hop where the message entered the receiver from outside
    zone_end: int  # header position where headers written by others begin (see below)

    @property
    def connecting_ip(self) -> str | None:
        return self.entry.ip if self.entry else None

    @property
    def helo(self) -> str | None:
        return self.entry.helo if self.entry else None

    def is_receiver(self, host: str) -> bool:
        return bool(self.receiver_org) and same_provider(host, self.receiver_org or "")


def received_hop(index: int, parsed: ParsedReceived) -> ReceivedHop:
    """The parts of one parsed Received field the checks read; ``index`` is its position."""
    hop = parsed.hop
    helo = (hop.from_host or "").strip("[]") or parsed.helo
    by = hop.by_host.strip("[]").lower() if hop.by_host else None
    return ReceivedHop(
        index, helo or None, hostname(parsed.from_rdns), hop.from_ip, by, parsed.retrieval
    )


def delivery_path(trace: Trace) -> DeliveryPath:
    border = trace.border
    entry: ReceivedHop | None = None
    zone_end = trace.field_count
    if border.entry is not None:
        entry = received_hop(trace.positions[border.entry], trace.hops[border.entry])
        # Headers the receiver writes for the entry hop (Received-SPF, an Authentication-Results
        # without authserv-id) sit just below it; the sender's own fields start at the next
        # Received (or, for a sender that adds none, nowhere we can tell: the end).
        after = border.entry + 1
        below = zip(trace.positions[after:], trace.hops[after:], strict=True)
        zone_end = next((p for p, hop in below if not hop.retrieval), trace.field_count)
    return DeliveryPath(border.receiver_host, border.receiver_org, entry, zone_end)
