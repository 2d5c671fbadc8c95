"""Connecting to a real Dovecot: TLS, STARTTLS, bad logins, dead servers, and no secret leaks."""

from __future__ import annotations

import logging
import socket
import time
import traceback
from collections.abc import Iterator

import pytest

from inspector.errors import ConnectionFailed, LoginFailed
from inspector.model import RawMail
from inspector.sources.imap import make_config, scan_mailbox
from testkit.dovecot import PASSWORD, Dovecot
from testkit.mail import make_message
from testkit.net import HOST, free_port

ENV = {"IMAP_PW": PASSWORD}
CANARY = "Canary-c0ffee-NOT-the-password"


@pytest.fixture
def user(dovecot: Dovecot) -> str:
    name = dovecot.new_user("tls")
    dovecot.append(name, "INBOX", [make_message("Your code is 246810")])
    return name


def config(user: str, port: int, encryption: str, **extra: object):
    return make_config(
        user=user,
        host=extra.pop("host", HOST),  # type: ignore[arg-type]
        port=port,
        encryption=encryption,
        password_env="IMAP_PW",
        timeout=5,
        **extra,  # type: ignore[arg-type]
    )


def count_mails(scan: object) -> int:
    return sum(isinstance(i, RawMail) for i in scan)  # type: ignore[attr-defined]


def test_tls_with_private_ca_is_refused_without_ca_file(dovecot: Dovecot, user: str) -> None:
    with pytest.raises(ConnectionFailed) as caught:
        scan_mailbox(config(user, dovecot.tls_port, "tls"), environ=ENV)
    message = str(caught.value)
    assert "could not be verified" in message
    assert "--ca-file" in message


@pytest.mark.parametrize("host", [HOST, "localhost"], ids=["ip-literal", "hostname"])
def test_tls_with_ca_file_is_accepted(dovecot: Dovecot, user: str, host: str) -> None:
    cfg = config(user, dovecot.tls_port, "tls", ca_file=dovecot.ca_file, host=host)
    assert count_mails(scan_mailbox(cfg, environ=ENV)) == 1


def test_tls_to_a_plain_port_fails_clearly(dovecot: Dovecot, user: str) -> None:
    with pytest.raises(ConnectionFailed, match="TLS handshake"):
        scan_mailbox(config(user, dovecot.port, "tls", ca_file=dovecot.ca_file), environ=ENV)


def test_starttls_really_upgrades(dovecot: Dovecot, user: str, wire_proxy) -> None:
    proxy = wire_proxy(dovecot.port)
    cfg = config(user, proxy.port, "starttls", ca_file=dovecot.ca_file)
    assert count_mails(scan_mailbox(cfg, environ=ENV)) == 1
    assert b"STARTTLS" in proxy.sent
    # after STARTTLS everything is encrypted: neither the command nor the password is readable
    assert b"LOGIN" not in proxy.sent
    assert PASSWORD.encode() not in proxy.sent


def test_starttls_with_unknown_ca_is_refused(dovecot: Dovecot, user: str, wire_proxy) -> None:
    proxy = wire_proxy(dovecot.port)
    with pytest.raises(ConnectionFailed, match="could not be verified"):
        scan_mailbox(config(user, proxy.port, "starttls"), environ=ENV)
    assert PASSWORD.encode() not in proxy.sent


def test_starttls_not_offered_never_sends_the_login(dovecot_plain: Dovecot, wire_proxy) -> None:
    proxy = wire_proxy(dovecot_plain.port)
    with pytest.raises(ConnectionFailed, match="does not offer STARTTLS"):
        scan_mailbox(config("bob", proxy.port, "starttls"), environ=ENV)
    assert b"LOGIN" not in proxy.sent
    assert PASSWORD.encode() not in proxy.sent


def test_wrong_password_is_a_clear_login_failure(dovecot: Dovecot, user: str) -> None:
    with pytest.raises(LoginFailed) as caught:
        scan_mailbox(config(user, dovecot.port, "none"), environ={"IMAP_PW": CANARY})
    message = str(caught.value)
    assert message.startswith(f"{HOST} rejected the password for {user}")
    assert message.endswith(".")
    assert "\n" not in message
    assert_no_canary(caught.value)


def test_not_listening_fails_fast() -> None:
    port = free_port()
    started = time.monotonic()
    with pytest.raises(ConnectionFailed, match="refused the connection"):
        scan_mailbox(config("bob", port, "none"), environ=ENV)
    assert time.monotonic() - started < 2


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts connections and never says a word (no IMAP greeting)."""
    with socket.socket() as listener:
        listener.bind((HOST, 0))
        listener.listen(4)
        yield int(listener.getsockname()[1])


@pytest.mark.slow
def test_silent_server_times_out(silent_server: int) -> None:
    cfg = make_config(
        user="bob", host=HOST, port=silent_server, encryption="none", timeout=1, password_env="X"
    )
    started = time.monotonic()
    with pytest.raises(ConnectionFailed, match="did not answer within 1 s"):
        scan_mailbox(cfg, environ={"X": "pw"})
    assert time.monotonic() - started < 1 + 1  # --timeout + 1 s


def assert_no_canary(exc: BaseException) -> None:
    text = "".join(traceback.format_exception(exc))
    assert CANARY not in text
    assert CANARY not in repr(exc)
    assert CANARY not in repr(exc.args)
    assert exc.__cause__ is None
    assert exc.__context__ is None


def test_secret_never_reaches_logs_or_exceptions(
    dovecot: Dovecot, user: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # root, imapclient and imapclient.imaplib included
    for name in ("imapclient", "imapclient.imaplib", "inspector"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    with pytest.raises(LoginFailed) as caught:
        scan_mailbox(config(user, dovecot.port, "none"), environ={"IMAP_PW": CANARY})
    assert_no_canary(caught.value)
    cfg = config(user, dovecot.port, "none")
    scan = scan_mailbox(cfg, environ=ENV)
    assert count_mails(scan) == 1
    assert PASSWORD not in repr(scan) + repr(cfg)
    assert any(r.name.startswith("imapclient") for r in caplog.records), "debug logs captured"
    for record in caplog.records:
        rendered = record.getMessage()
        assert CANARY not in rendered
        assert PASSWORD not in rendered
    assert CANARY not in caplog.text
    assert PASSWORD not in caplog.text


def test_non_ascii_password_goes_through_sasl_plain(dovecot: Dovecot, user: str) -> None:
    with pytest.raises(LoginFailed, match="rejected the password") as caught:
        scan_mailbox(config(user, dovecot.port, "none"), environ={"IMAP_PW": "pässwört-" + CANARY})
    assert_no_canary(caught.value)
