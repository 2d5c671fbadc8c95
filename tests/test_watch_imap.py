"""``inspector watch`` against a real Dovecot: mail APPENDed while it watches is reported at
once, in the right folder, and the mailbox is left exactly as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from testkit.dovecot import Dovecot
from testkit.dovecot_config import WITHOUT_IDLE
from testkit.mail import make_message
from testkit.watch import WatchProcess, watch_dovecot
from testkit.wireproxy import WireProxy
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "inspector/report/watch-events.schema.json").read_text())
WRITES = {"STORE", "COPY", "MOVE", "EXPUNGE", "APPEND", "SELECT", "DELETE", "RENAME", "CREATE"}


def code_mail(code: str, *, sender: str = "TikTok <no-reply@account.tiktok.com>") -> bytes:
    """A TikTok code sent just now (make_message's default date is 5 minutes old)."""
    return make_message(
        "Your TikTok verification code",
        sender=sender,
        body=f"Your TikTok verification code is {code}. It expires in 5 minutes.",
        sent=datetime.now(UTC),
    )


def valid(process: WatchProcess) -> list[dict[str, object]]:
    """Every event printed, each checked against the published schema."""
    events = [seen.event for seen in process.events]
    for event in events:
        jsonschema.validate(event, SCHEMA)
    return events


def unchanged(server: Dovecot, user: str, before: dict[object, object]) -> None:
    """Flags and MODSEQ of the messages there before are the same; the ones that came during
    the watch are still unseen and unflagged."""
    after = server.snapshot(user)
    assert {k: v for k, v in after.items() if k in before} == before
    assert all(flags == frozenset() for k, (flags, _) in after.items() if k not in before)


@pytest.fixture
def watching(dovecot: Dovecot) -> Iterator[list[WatchProcess]]:
    started: list[WatchProcess] = []
    yield started
    for process in started:
        process.stop()


def start(
    started: list[WatchProcess], server: Dovecot, user: str, *extra: str, **kw: object
) -> WatchProcess:
    process = watch_dovecot(server, user, "--offline", *extra, **kw)  # type: ignore[arg-type]
    started.append(process)
    first = process.until("started")
    assert first.event["kind"] == "imap"
    # The backlog is read once every folder answered; give the workers their EXAMINE.
    return process


def test_a_code_appended_to_the_inbox_is_reported_and_ends_the_watch(
    dovecot: Dovecot, watching: list[WatchProcess], wire_proxy: object
) -> None:
    user = dovecot.new_user("watch-inbox")
    dovecot.append(user, "INBOX", [make_message("Old news", sender="n@shop.example")])
    before = dovecot.snapshot(user)
    proxy: WireProxy = wire_proxy(dovecot.port)  # type: ignore[operator]
    process = start(watching, dovecot, user, port=proxy.port)
    folders = {f["name"]: f["method"] for f in process.events[0].event["folders"]}  # type: ignore[index,union-attr]
    assert folders == {"INBOX": "idle", "Junk": "idle", "Trash": "idle", "Archive": "idle"}
    dovecot.append(user, "INBOX", [make_message("Weekly digest", sender="News <n@shop.example>")])
    dovecot.append(user, "INBOX", [code_mail("482915")])
    message = process.until("message").event
    assert (message["folder"], message["folder_role"], message["code"]) == (
        "INBOX",
        "inbox",
        "482915",
    )
    assert message["service"] == "tiktok"
    assert message["ends_watch"] is True
    assert message["valid_for_seconds"] == 300
    assert isinstance(message["seconds_left"], float)
    assert 0 < message["seconds_left"] <= 300
    assert process.wait() == 0
    events = valid(process)
    assert [e["event"] for e in events] == ["started", "message", "finished"]  # digest: silent
    finished = events[-1]
    assert (finished["reason"], finished["exit_code"], finished["code"]) == (
        "code_arrived",
        0,
        "482915",
    )
    assert "482915" in str(finished["verdict"])
    unchanged(dovecot, user, before)
    assert not WRITES & set(proxy.commands()), proxy.commands()
    assert "IDLE" in proxy.commands()
    assert b"BODY[" not in bytes(proxy.sent).replace(b"BODY.PEEK[", b"")  # \Seen never set


def test_a_code_in_junk_is_reported_as_junk_and_the_wait_goes_on(
    dovecot: Dovecot, watching: list[WatchProcess]
) -> None:
    user = dovecot.new_user("watch-junk")
    process = start(watching, dovecot, user, wait=15)  # 10 s was once short on a busy machine
    dovecot.append(user, "Junk", [code_mail("271828")])
    message = process.until("message").event
    assert (message["folder"], message["folder_role"], message["ends_watch"]) == (
        "Junk",
        "junk",
        False,
    )
    assert "code_in_spam" in {f["id"] for f in message["findings"]}  # type: ignore[index,union-attr]
    assert process.wait() == 1
    finished = valid(process)[-1]
    assert finished["reason"] == "wait_over"
    assert "code_in_spam" in {f["id"] for f in finished["findings"]}  # type: ignore[index,union-attr]


def test_a_lookalike_is_suspicious_and_does_not_end_the_watch(
    dovecot: Dovecot, watching: list[WatchProcess]
) -> None:
    user = dovecot.new_user("watch-phish")
    process = start(watching, dovecot, user, "--service", "tiktok", wait=20)
    fake = code_mail("111111", sender="TikTok <no-reply@tiktok-login-help.example>")
    dovecot.append(user, "INBOX", [fake])
    phishing = process.until("message").event
    assert phishing["suspicious"] is True
    assert phishing["ends_watch"] is False
    assert "possible_phishing" in {f["id"] for f in phishing["findings"]}  # type: ignore[index,union-attr]
    dovecot.append(user, "INBOX", [code_mail("222222")])
    real = process.until("message").event
    assert (real["code"], real["ends_watch"], real["suspicious"]) == ("222222", True, False)
    assert process.wait() == 0
    valid(process)


@pytest.mark.slow
def test_nothing_in_time_gives_no_code_after_request(
    dovecot: Dovecot, watching: list[WatchProcess]
) -> None:
    user = dovecot.new_user("watch-nothing")
    process = start(
        watching, dovecot, user, "--service", "tiktok", "--email", "alice@gmial.com", wait=3
    )
    assert process.wait() == 1
    finished = valid(process)[-1]
    assert finished["reason"] == "wait_over"
    ids = [f["id"] for f in finished["findings"]]  # type: ignore[index,union-attr]
    assert "no_code_after_request" in ids
    assert "email_domain_typo" in ids  # the contact checks join the diagnosis, as in scan
    assert str(finished["verdict"]).startswith("No TikTok code has arrived since you asked")


def test_ctrl_c_ends_cleanly_with_130(dovecot: Dovecot, watching: list[WatchProcess]) -> None:
    user = dovecot.new_user("watch-sigint")
    process = start(watching, dovecot, user, wait=60)
    process.interrupt()
    assert process.wait() == 130
    finished = valid(process)[-1]
    assert (finished["event"], finished["reason"], finished["exit_code"]) == (
        "finished",
        "interrupted",
        130,
    )
    assert "Traceback" not in process._stderr()


def test_an_unreachable_mailbox_exits_3(dovecot: Dovecot, watching: list[WatchProcess]) -> None:
    from testkit.net import free_port

    process = watch_dovecot(dovecot, "nobody", "--offline", "--timeout", "2", port=free_port())
    watching.append(process)
    assert process.wait() == 3
    assert "refused the connection" in process._stderr()
    assert process.events == []


@pytest.mark.slow
def test_a_restart_loses_nothing_delivered_during_the_outage(
    dovecot_factory: object, watching: list[WatchProcess], tmp_path: Path
) -> None:
    server: Dovecot = dovecot_factory()  # type: ignore[operator]
    server.start()
    user = server.new_user("watch-restart")
    counter = tmp_path / "asked"
    script = tmp_path / "password.sh"
    script.write_text(f"#!/bin/sh\necho x >> {counter}\necho '{server.password}'\n")
    script.chmod(0o755)
    process = start(watching, server, user, "--password-command", str(script), wait=40)
    before = server.snapshot(user)
    server.restart(while_down=lambda: server.deliver(user, "Junk", code_mail("161803")))
    message = process.until("message", timeout=30).event
    assert (message["code"], message["folder"]) == ("161803", "Junk")
    reconnected = process.until("reconnected", timeout=30).event
    assert reconnected["uidvalidity_changed"] == []
    server.append(user, "INBOX", [code_mail("314159")])
    assert process.until("message", timeout=30).event["code"] == "314159"
    assert process.wait() == 0
    valid(process)
    assert counter.read_text().count("x") == 1  # the password was read once
    unchanged(server, user, before)


@pytest.mark.slow
def test_a_server_without_idle_is_polled(
    dovecot_factory: object, watching: list[WatchProcess]
) -> None:
    server: Dovecot = dovecot_factory(capabilities=WITHOUT_IDLE)  # type: ignore[operator]
    server.start()
    user = server.new_user("watch-poll")
    process = start(watching, server, user, "--poll-interval", "1", wait=20)
    methods = {f["method"] for f in process.events[0].event["folders"]}  # type: ignore[index,union-attr]
    assert methods == {"poll"}
    server.append(user, "Trash", [code_mail("577215")])
    message = process.until("message", timeout=10).event
    assert (message["folder"], message["folder_role"]) == ("Trash", "trash")
    server.append(user, "INBOX", [code_mail("577216")])
    assert process.until("message", timeout=10).event["code"] == "577216"
    assert process.wait() == 0
    valid(process)
