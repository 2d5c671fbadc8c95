"""Shared fixtures: a real DNS server (dnsmasq) on loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest
from dnsserver import DNSServer, Record, dnsmasq_binary


@pytest.fixture(scope="session")
def dns_server() -> Iterator[Callable[[Iterable[Record]], DNSServer]]:
    """Factory: ``dns_server(records)`` starts dnsmasq on 127.0.0.1 serving ``records``.

    Every server started is stopped at the end of the session. Skips the test when dnsmasq is
    not installed. Wrap it in a module-scoped fixture to share one server per test module.
    """
    if dnsmasq_binary() is None:
        pytest.skip("dnsmasq is not installed (Debian: apt-get install dnsmasq-base)")
    started: list[DNSServer] = []

    def start(records: Iterable[Record]) -> DNSServer:
        server = DNSServer(records).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
