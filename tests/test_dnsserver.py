"""The loopback DNS test server itself: every record kind it offers really is served."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from inspector.domains.dns import Resolver
from inspector.errors import DNSError
from testkit.dnsmasq import DNSServer, Record, SilentServer

LONG_TXT = "v=DKIM1; k=rsa; p=" + "A" * 400  # longer than one 255-byte character-string
RECORDS: list[Record] = [
    ("host.example.com", "A", "192.0.2.1"),
    ("host.example.com", "A", "192.0.2.2"),
    ("host.example.com", "AAAA", "2001:db8::1"),
    ("example.com", "MX", "10 host.example.com."),
    ("nullmx.example.com", "MX", "0 ."),
    ("example.com", "TXT", 'v=spf1 a:"quoted", include:x.example.com -all'),
    ("sel._domainkey.example.com", "TXT", LONG_TXT),
    ("unicode.example.com", "TXT", "é" * 200),  # 400 bytes: split between characters
    ("alias.example.com", "CNAME", "host.example.com"),
    ("example.com", "CAA", '0 issue "ca.example.net"'),
]


@pytest.fixture(scope="module")
def resolver(dns_server: Callable[[Iterable[Record]], DNSServer]) -> Resolver:
    return dns_server(RECORDS).resolver()


def test_address_records(resolver: Resolver) -> None:
    assert sorted(resolver.query("host.example.com", "A").records) == ["192.0.2.1", "192.0.2.2"]
    assert resolver.query("host.example.com", "AAAA").records == ("2001:db8::1",)
    assert resolver.query("alias.example.com", "A").status == "ok"


def test_mx_and_null_mx(resolver: Resolver) -> None:
    assert resolver.mx("example.com") == [(10, "host.example.com")]
    assert resolver.mx("nullmx.example.com") == [(0, "")]


def test_txt_quoting_and_long_strings(resolver: Resolver) -> None:
    assert resolver.txt("example.com") == ['v=spf1 a:"quoted", include:x.example.com -all']
    assert resolver.txt("sel._domainkey.example.com") == [LONG_TXT]
    assert resolver.txt("unicode.example.com") == ["é" * 200]


def test_other_types_as_raw_records(resolver: Resolver) -> None:
    assert resolver.query("example.com", "CAA").records == ('0 issue "ca.example.net"',)


def test_nodata_nxdomain_and_refused(resolver: Resolver) -> None:
    assert resolver.query("example.com", "A").status == "nodata"
    assert resolver.query("missing.example.com", "MX").status == "nxdomain"
    with pytest.raises(DNSError):
        resolver.query("example.org", "MX")  # outside every local zone: REFUSED


def test_silent_server_times_out() -> None:
    with SilentServer() as silent:
        resolver = Resolver([silent.address], budget=0.4, per_query_timeout=0.2)
        with pytest.raises(DNSError, match="timed out"):
            resolver.query("example.com", "MX")


def test_stop_is_idempotent_and_frees_the_port(
    dns_server: Callable[[Iterable[Record]], DNSServer],
) -> None:
    server = dns_server([("a.example.com", "A", "192.0.2.9")])
    port = server.port
    server.stop()
    server.stop()
    with pytest.raises(DNSError):
        Resolver([("127.0.0.1", port)], budget=0.5, per_query_timeout=0.2).query(
            "a.example.com", "A"
        )
