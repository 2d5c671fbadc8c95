"""Fixtures for the IMAP source tests: private Dovecot servers on loopback, a wire proxy.

Self-contained so it can be merged into ``tests/conftest.py`` (or loaded with
``pytest_plugins``). Tests that need a server skip with a clear reason when dovecot is not
installed (``apt-get install dovecot-imapd``) or the suite does not run as root.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from dovecot import PASSWORD, Dovecot, WireProxy, available

SKIP_REASON = "dovecot is not installed (apt-get install dovecot-imapd) or not running as root"


def _start(**options: bool) -> Iterator[Dovecot]:
    if not available():
        pytest.skip(SKIP_REASON)
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
