"""Shared fixtures: paths, hypothesis profile, and real servers on loopback."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.dnsserver import DNSServer, Record, dnsmasq_binary

pytest.register_assert_rewrite("tests.auth_kit")
from tests.auth_kit import (  # noqa: E402  (fixtures shared by the auth tests)
    dnsmasq,
    ed25519_key,
    kit,
    other_rsa_key,
    rsa_key,
    silent_resolver,
)
from tests.dovecot import PASSWORD, Dovecot, WireProxy, available  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

settings.register_profile(
    "inspector", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "inspector"))


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
def dns_server() -> Iterator[Callable[[Iterable[Record]], DNSServer]]:
    """Factory: ``dns_server(records)`` starts dnsmasq on 127.0.0.1 serving ``records``.

    Every server started is stopped at the end of the session. Skips the test when dnsmasq is
    not installed. Wrap it in a module-scoped fixture to share one server per test module.
    """
    require(dnsmasq_binary() is not None, "dnsmasq", "Debian: apt-get install dnsmasq-base")
    started: list[DNSServer] = []

    def start(records: Iterable[Record]) -> DNSServer:
        server = DNSServer(records).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


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


__all__ = ["dnsmasq", "ed25519_key", "kit", "other_rsa_key", "rsa_key", "silent_resolver"]
