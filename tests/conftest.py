"""Shared fixtures: paths, hypothesis profile, and real servers on loopback (from testkit).

Every test that uses a real-server fixture (:data:`SERVER_FIXTURES`) gets the ``servers``
marker here, so ``-m "not servers"`` runs without Dovecot and dnsmasq.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from inspector.domains.dns import Resolver
from testkit.dnsmasq import DNSServer, Record, Records, SilentServer, dnsmasq_binary
from testkit.dovecot import PASSWORD, Dovecot, available
from testkit.wireproxy import WireProxy

pytest.register_assert_rewrite("tests.auth_kit")
from tests.auth_kit import (  # noqa: E402  (fixtures shared by the auth tests)
    ed25519_key,
    kit,
    other_rsa_key,
    rsa_key,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

settings.register_profile(
    "inspector", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "inspector"))


# The fixtures that start a real Dovecot or dnsmasq: a test using any of them, directly or
# through another fixture, is marked ``servers``.
SERVER_FIXTURES = frozenset(
    {"dns_server", "dnsmasq", "dovecot", "dovecot_plain", "dovecot_factory"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.servers)


def require(found: bool, what: str, install: str) -> None:
    """Skip when a server binary is missing, unless CI demands every real-server test runs."""
    if found:
        return
    if os.environ.get("INSPECTOR_REQUIRE_SERVERS"):
        pytest.fail(f"{what} is missing but INSPECTOR_REQUIRE_SERVERS is set ({install})")
    pytest.skip(f"{what} is not installed ({install})")


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def dns_server() -> Iterator[Callable[..., DNSServer]]:
    """Factory: ``dns_server(records)`` starts dnsmasq on 127.0.0.1 serving ``records``
    (``log_queries=True``: count the questions with ``take_queries()``).

    Every server started is stopped at the end of the session. Skips the test when dnsmasq is
    not installed. Wrap it in a module-scoped fixture to share one server per test module.
    """
    require(dnsmasq_binary() is not None, "dnsmasq", "Debian: apt-get install dnsmasq-base")
    started: list[DNSServer] = []

    def start(records: Iterable[Record], *, log_queries: bool = False) -> DNSServer:
        server = DNSServer(records, log_queries=log_queries).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def dnsmasq() -> Iterator[Callable[[Records], DNSServer]]:
    """The auth tests' factory: ``server = dnsmasq(Records(txt={...}))``, one set per module.

    Every name the records do not define is NXDOMAIN (local zone ``#``), so nothing is ever
    forwarded to the internet.
    """
    require(dnsmasq_binary() is not None, "dnsmasq", "Debian: apt-get install dnsmasq-base")
    servers: list[DNSServer] = []

    def start(records: Records) -> DNSServer:
        server = DNSServer(records, local_zones=["#"]).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def silent_resolver() -> Iterator[Resolver]:
    """A resolver whose only server never answers, with a small budget."""
    with SilentServer() as silent:
        yield Resolver([silent.address], budget=1.0, per_query_timeout=0.3)


# IMAP: private Dovecot servers on loopback, and a wire proxy the tests control.

SKIP_REASON = "dovecot is not installed (apt-get install dovecot-imapd) or not running as root"


def _start(**options: bool) -> Iterator[Dovecot]:
    require(available(), "dovecot", SKIP_REASON)
    server = Dovecot(**options)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """SPECIAL-USE folders (Junk, Trash, Archive, Sent), quota, TLS on a second port and
    STARTTLS offered on the plain one."""
    yield from _start(special_use=True, tls=True, quota=True)


@pytest.fixture(scope="session")
def dovecot_plain() -> Iterator[Dovecot]:
    """No SPECIAL-USE (a "Spam" folder known only by its name), no TLS, no STARTTLS."""
    yield from _start(special_use=False, tls=False, quota=False)


@pytest.fixture
def dovecot_factory() -> Iterator[Callable[..., Dovecot]]:
    """Factory for a private Dovecot that a test may restart or load a corpus into:
    ``server = dovecot_factory(directory, **options)``, not started yet, stopped after the test.
    """
    require(available(), "dovecot", SKIP_REASON)
    made: list[Dovecot] = []

    def make(directory: Path | None = None, **options: Any) -> Dovecot:
        server = Dovecot(directory, **options)
        made.append(server)
        return server

    yield make
    for server in made:
        server.stop()


@pytest.fixture
def wire_proxy() -> Iterator[Callable[[int], WireProxy]]:
    """Make loopback proxies in front of a port; all are closed after the test."""
    proxies: list[WireProxy] = []

    def make(port: int) -> WireProxy:
        proxy = WireProxy(port)
        proxies.append(proxy)
        return proxy

    yield make
    for proxy in proxies:
        proxy.close()


@pytest.fixture
def imap_password() -> str:
    return PASSWORD


__all__ = ["ed25519_key", "kit", "other_rsa_key", "rsa_key"]
