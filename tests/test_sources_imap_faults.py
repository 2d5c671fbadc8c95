"""A real Dovecot behind a proxy that cuts or stalls the connection in the middle of a FETCH."""

from __future__ import annotations

import time

import pytest

from inspector.model import RawMail, ReadProblem
from inspector.sources.imap import make_config, scan_mailbox
from testkit.dovecot import PASSWORD, Dovecot
from testkit.mail import make_message
from testkit.net import HOST

ENV = {"IMAP_PW": PASSWORD}


@pytest.fixture
def mailbox(dovecot: Dovecot) -> str:
    user = dovecot.new_user("faults")
    dovecot.append(user, "INBOX", [make_message(f"Your code is {100000 + i}") for i in range(30)])
    dovecot.append(user, "Junk", [make_message("Your code is 555555")])
    return user


def run(port: int, user: str, timeout: float = 5) -> tuple[list[object], bool, float]:
    cfg = make_config(
        user=user, host=HOST, port=port, encryption="none", password_env="IMAP_PW", timeout=timeout
    )
    started = time.monotonic()
    scan = scan_mailbox(cfg, environ=ENV)
    items = list(scan)  # must not raise
    return items, scan.incomplete, time.monotonic() - started


@pytest.mark.parametrize(
    ("trigger", "after"),
    [(b"HEADER.FIELDS", 60), (b"BODY.PEEK[1]<1024.", 300)],
    ids=["headers-fetch", "body-fetch"],
)
def test_connection_cut_mid_fetch(
    dovecot: Dovecot, mailbox: str, wire_proxy, trigger: bytes, after: int
) -> None:
    proxy = wire_proxy(dovecot.port)
    proxy.arm(trigger, "cut", after=after)
    items, incomplete, _ = run(proxy.port, mailbox)
    assert proxy.fired.is_set()
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert len(problems) == 1
    assert incomplete
    assert problems[0].source.endswith("/INBOX")
    assert "INBOX" in problems[0].message
    assert "incomplete" in problems[0].message
    assert items[-1] is problems[0], "the scan stops after the connection is lost"
    assert not any(isinstance(i, RawMail) and i.folder == "Junk" for i in items)


@pytest.mark.slow
def test_stalled_server_gives_up_within_the_timeout(
    dovecot: Dovecot, mailbox: str, wire_proxy
) -> None:
    proxy = wire_proxy(dovecot.port)
    proxy.arm(b"BODY.PEEK[1]<1024.", "stall")
    items, incomplete, elapsed = run(proxy.port, mailbox, timeout=1)
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert incomplete
    assert len(problems) == 1
    assert "did not answer within 1 s" in problems[0].message
    assert elapsed < 5
