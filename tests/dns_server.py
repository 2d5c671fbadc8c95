"""The auth tests' view of the loopback DNS server: records given by type, as mappings.

A thin adapter over ``tests.dnsserver.DNSServer`` (one dnsmasq launcher for the whole suite).
Every name the records do not define is NXDOMAIN (``local=/#/``), so nothing is ever
forwarded to the internet. ``silent_udp_server()`` is a loopback socket that never answers,
for timeout tests.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.dnsserver import DNSServer, Record, dnsmasq_binary


def dnsmasq_available() -> bool:
    return dnsmasq_binary() is not None


@dataclass(frozen=True)
class Records:
    """Records to serve; names without a trailing dot, TXT values as one string each."""

    txt: Mapping[str, Sequence[str]] = field(default_factory=dict)
    a: Mapping[str, Sequence[str]] = field(default_factory=dict)  # IPv4 or IPv6 addresses
    mx: Mapping[str, Sequence[tuple[int, str]]] = field(default_factory=dict)
    ptr: Mapping[str, str] = field(default_factory=dict)  # "4.3.2.1.in-addr.arpa" -> host

    def as_list(self) -> list[Record]:
        out: list[Record] = [(n, "TXT", v) for n, values in self.txt.items() for v in values]
        for name, addresses in self.a.items():
            for address in addresses:
                kind = "AAAA" if ipaddress.ip_address(address).version == 6 else "A"
                out.append((name, kind, address))
        out += [(n, "MX", f"{p} {h}") for n, exchanges in self.mx.items() for p, h in exchanges]
        out += [(n, "PTR", h) for n, h in self.ptr.items()]
        return out


class DnsServer(DNSServer):
    def __init__(self, records: Records, directory: Path | None = None) -> None:
        del directory  # the shared launcher keeps its own temporary folder
        super().__init__(records.as_list(), local_zones=["#"])


@contextlib.contextmanager
def silent_udp_server() -> Iterator[tuple[str, int]]:
    """A bound loopback UDP socket nobody reads: every query to it times out."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        yield "127.0.0.1", int(udp.getsockname()[1])
