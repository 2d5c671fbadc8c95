"""Who received the message, and from which IP, read from the Received headers. Pure: no I/O.

Only the parts the authentication checks need (RFC 5321 §4.4 "Received" clauses): the ``by``
host names the receiver; the ``from`` clause gives the HELO name, the reverse-DNS name the
receiver looked up and the connecting IP. The receiving provider is the one named by the
topmost ``by`` that is a host name (Gmail's topmost hop is ``by 2002:a05:...``, an internal
IPv6 address). Its *entry hop* is the topmost Received whose ``from`` side is not one of its
own machines: the IP there is the one SPF is checked for (RFC 7208 §2.4).

A HELO name is chosen by the sender, so a hop is only taken as internal on the HELO name when
the receiver recorded no reverse-DNS name for it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass

from inspector.auth.headers import Header, indexed
from inspector.domains.orgdomain import is_ip_literal, normalise, org_domain, same_provider

_KEYWORDS = ("from", "by", "via", "with", "id", "for")
# Protocols of a local fetcher that downloaded the mail from the mailbox provider; such a hop
# is not a delivery, so the provider it fetched from is still the receiver.
_RETRIEVAL = {"pop3", "pop3s", "pop", "imap", "imaps", "imap4", "imap4rev1"}


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


def _hostname(token: str | None) -> str | None:
    token = (token or "").strip().strip("[]")
    if not token or is_ip_literal(token) or not _HOST.match(token):
        return None
    return normalise(token)


_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]*\.)+[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*\.?$")


def parse_hop(index: int, value: str) -> ReceivedHop:
    """One hop, read by the timeline's Received parser (one grammar for the whole project)."""
    from inspector.parse.received import parse_received_full

    parsed = parse_received_full(value[:4096])  # real fields are far shorter; bounds junk
    hop = parsed.hop
    helo = (hop.from_host or "").strip("[]") or parsed.helo
    protocol = (hop.with_protocol or "").split()[:1]
    retrieval = bool(protocol and protocol[0].lower() in _RETRIEVAL) or bool(
        re.search(r"\b(fetchmail|getmail)", value[:4096], re.I)
    )
    by = hop.by_host.strip("[]").lower() if hop.by_host else None
    return ReceivedHop(index, helo or None, _hostname(parsed.from_rdns), hop.from_ip, by, retrieval)


# Addresses only a receiver's own relays use (RFC 1918, RFC 6598, RFC 4193, loopback,
# link-local). Python's ``is_private`` also covers the documentation ranges (RFC 5737), which
# stand for public senders in examples and tests, so the list is explicit.
_INTERNAL_NETS = tuple(
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


def _is_private(ip: str) -> bool:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(address in net for net in _INTERNAL_NETS if net.version == address.version)


def delivery_path(headers: Sequence[Header]) -> DeliveryPath:
    hops = [parse_hop(i, v) for i, v in indexed(headers, "Received")]
    hops = [hop for hop in hops if not hop.retrieval]
    receiver_host = next((h.by for h in hops if h.by and _hostname(h.by)), None)
    receiver_org = org_domain(receiver_host) if receiver_host else None
    entry: ReceivedHop | None = None
    if receiver_org:
        for hop in hops:
            if not _internal(hop, receiver_org):
                entry = hop
                break
    # Headers the receiver writes for the entry hop (Received-SPF, an Authentication-Results
    # without authserv-id) sit just below it; the sender's own fields start at the next
    # Received (or, for a sender that adds none, nowhere we can tell: the end).
    zone_end = len(headers)
    if entry is not None:
        below = [h.index for h in hops if h.index > entry.index]
        zone_end = below[0] if below else len(headers)
    return DeliveryPath(receiver_host, receiver_org, entry, zone_end)


def _internal(hop: ReceivedHop, receiver_org: str) -> bool:
    if hop.helo is None and hop.ip is None:
        return True  # "Received: by 2002:a05:... with SMTP id ..." (no from clause)
    if hop.ip and _is_private(hop.ip):
        return True
    name = hop.rdns or hop.helo
    return bool(name) and same_provider(name or "", receiver_org)
