"""The IMAP source against a real Dovecot on loopback: what is found, and that nothing changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from inspector.model import FolderRole, RawMail, ReadProblem
from inspector.sources.imap import make_config, scan_mailbox
from inspector.sources.imap_scan import ScanProgress
from testkit.dovecot import PASSWORD, Dovecot
from testkit.mail import make_message
from testkit.net import HOST
from tests.test_diagnosis_rules_mailbox import quota_finding

WRITES = {"STORE", "COPY", "MOVE", "EXPUNGE", "APPEND", "SELECT", "DELETE", "RENAME", "CREATE"}


def config_for(server: Dovecot, user: str, port: int | None = None, **extra: object):
    return make_config(
        user=user,
        host=HOST,
        port=port or server.port,
        encryption="none",
        password_env="IMAP_PW",
        timeout=5,
        **extra,  # type: ignore[arg-type]
    )


ENV = {"IMAP_PW": PASSWORD}


def found_in(server: Dovecot, user: str, **options: object) -> list[RawMail]:
    """Scan ``user``'s mailbox and return the messages found."""
    return mails(list(scan_mailbox(config_for(server, user), environ=ENV, **options)))  # type: ignore[arg-type]


def mails(items: list[object]) -> list[RawMail]:
    return [i for i in items if isinstance(i, RawMail)]


@pytest.fixture
def loaded(dovecot: Dovecot) -> str:
    """A mailbox with a code in INBOX, one in Junk, one in Trash, a newsletter, an old code."""
    user = dovecot.new_user("loaded")
    now = datetime.now(UTC)
    dovecot.append(user, "INBOX", [make_message("123456 is your TikTok code")], when=now)
    dovecot.append(
        user,
        "INBOX",
        [make_message("Weekly digest", sender="News <news@shop.example>", body="Sale!")],
        when=now,
    )
    dovecot.append(user, "Junk", [make_message("Your verification code")], when=now)
    dovecot.append(user, "Trash", [make_message("Código de verificación: 4821")], when=now)
    dovecot.append(user, "INBOX", [make_message("Old code 999999")], when=now - timedelta(days=3))
    dovecot.append(
        user, "Sent", [make_message("Re: code 111111", sender="alice@example.com")], when=now
    )
    return user


def test_scan_finds_candidates_in_inbox_junk_and_trash(dovecot: Dovecot, loaded: str) -> None:
    scan = scan_mailbox(config_for(dovecot, loaded), environ=ENV)
    items = list(scan)
    found = mails(items)
    roles = sorted((m.folder_role, m.folder) for m in found)
    assert roles == [
        (FolderRole.INBOX, "INBOX"),
        (FolderRole.JUNK, "Junk"),
        (FolderRole.TRASH, "Trash"),
    ]
    assert not [i for i in items if isinstance(i, ReadProblem)]
    assert not scan.incomplete
    assert scan.folders_scanned == ["INBOX", "Junk", "Trash", "Archive"]
    inbox = next(m for m in found if m.folder == "INBOX")
    assert inbox.source == f"imap://{loaded}@{HOST}:{dovecot.port}/INBOX;UID=1"
    assert b"123456 is your TikTok code" in inbox.data
    assert b"\r\n\r\nHello" in inbox.data  # the full message, body included
    assert not inbox.truncated
    assert inbox.size == len(inbox.data)
    assert inbox.stored_at is not None
    assert inbox.stored_at.tzinfo is not None
    assert abs((inbox.stored_at - datetime.now(UTC)).total_seconds()) < 120


def test_all_messages_yields_headers_of_the_rest(dovecot: Dovecot, loaded: str) -> None:
    found = mails(list(scan_mailbox(config_for(dovecot, loaded), environ=ENV, all_messages=True)))
    digest = next(m for m in found if b"Weekly digest" in m.data)
    assert digest.truncated
    assert b"Sale!" not in digest.data  # headers only
    assert b"From: News <news@shop.example>" in digest.data
    assert len(found) == 4


def test_time_window_is_exact_on_internaldate(dovecot: Dovecot) -> None:
    user = dovecot.new_user("window")
    now = datetime.now(UTC).replace(microsecond=0)
    for minutes in (10, 50, 70):
        dovecot.append(
            user,
            "INBOX",
            [make_message(f"code {minutes}0000")],
            when=now - timedelta(minutes=minutes),
        )
    since = now - timedelta(hours=1)
    found = mails(list(scan_mailbox(config_for(dovecot, user), environ=ENV, since=since)))
    assert sorted(m.data.count(b"code 100000") + m.data.count(b"code 500000") for m in found) == [
        1,
        1,
    ]
    until = now - timedelta(minutes=30)
    found = mails(
        list(scan_mailbox(config_for(dovecot, user), environ=ENV, since=since, until=until))
    )
    assert len(found) == 1
    assert b"code 500000" in found[0].data


def test_default_since_is_24_hours_before_now(dovecot: Dovecot, loaded: str) -> None:
    fake_now = datetime.now(UTC) + timedelta(days=2, hours=12)
    found = mails(list(scan_mailbox(config_for(dovecot, loaded), environ=ENV)))
    assert len(found) == 3
    later = found_in(dovecot, loaded, now=lambda: fake_now)
    assert later == []


def test_sender_domains_search_on_the_server(dovecot: Dovecot) -> None:
    user = dovecot.new_user("senders")
    dovecot.append(
        user,
        "INBOX",
        [
            make_message("Your code 111111", sender="x@account.tiktok.com"),
            make_message("Your code 222222", sender="y@bank.example"),
            make_message("Your code 333333", sender="z@other.example"),
        ],
    )
    scan = scan_mailbox(
        config_for(dovecot, user), environ=ENV, sender_domains=["tiktok.com", "bank.example"]
    )
    found = mails(list(scan))
    assert sorted(m.data.split(b"Your code ")[1][:6] for m in found) == [b"111111", b"222222"]
    three = scan_mailbox(
        config_for(dovecot, user),
        environ=ENV,
        sender_domains=["tiktok.com", "bank.example", "other.example"],
    )
    assert len(mails(list(three))) == 3


def test_is_candidate_is_injected(dovecot: Dovecot, loaded: str) -> None:
    seen: list[bytes] = []

    def only_tiktok(headers: bytes) -> bool:
        seen.append(headers)
        return b"TikTok code" in headers

    found = found_in(dovecot, loaded, is_candidate=only_tiktok)
    assert [m.folder for m in found] == ["INBOX"]
    # headers only, never bodies; every message in the window of the read folders (not Sent)
    assert all(h.startswith(b"From: ") and h.endswith(b"\r\n\r\n") for h in seen)
    assert not any(b"Hello" in h for h in seen)
    assert len(seen) == 4


def test_folders_override_and_missing_folder(dovecot: Dovecot, loaded: str) -> None:
    scan = scan_mailbox(config_for(dovecot, loaded), environ=ENV, folders=["Junk", "Nope"])
    items = list(scan)
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert len(problems) == 1
    assert "Nope" in problems[0].message
    assert [m.folder for m in mails(items)] == ["Junk"]
    assert scan.folders_scanned == ["Junk"]


def test_large_candidate_is_truncated(dovecot: Dovecot) -> None:
    user = dovecot.new_user("big")
    body = "Your code is 424242\n" + ("x" * 998 + "\n") * 400  # ~400 KB
    dovecot.append(user, "INBOX", [make_message("Security code", body=body)])
    found = found_in(dovecot, user, max_message_bytes=65536)
    assert len(found) == 1
    assert found[0].truncated
    # the cap applies to the text part (the header block comes on top of it)
    assert len(found[0].data.split(b"\r\n\r\n", 1)[1]) == 65536
    assert (found[0].size or 0) > 400_000
    assert b"424242" in found[0].data


def test_progress_is_reported_per_batch(dovecot: Dovecot) -> None:
    user = dovecot.new_user("progress")
    dovecot.append(user, "INBOX", [make_message(f"note {i}") for i in range(25)])
    events: list[ScanProgress] = []
    found_in(dovecot, user, batch_size=10, progress=events.append)
    inbox = [(e.done, e.total) for e in events if e.folder == "INBOX"]
    assert inbox == [(0, 25), (10, 25), (20, 25), (25, 25)]
    assert {e.folder_count for e in events} == {4}


def test_scan_is_read_only_flags_modseq_and_wire(dovecot: Dovecot, loaded: str, wire_proxy) -> None:
    dovecot.append(loaded, "INBOX", [make_message("Flagged code 777777")], flags=(b"\\Flagged",))
    before = dovecot.snapshot(loaded)
    assert any(modseq for _, modseq in before.values()), "CONDSTORE gives MODSEQ values"
    proxy = wire_proxy(dovecot.port)
    config = config_for(dovecot, loaded, port=proxy.port)
    scan = scan_mailbox(config, environ=ENV, all_messages=True)
    assert len(mails(list(scan))) == 5
    after = dovecot.snapshot(loaded)
    assert after == before
    sent = proxy.commands()
    assert "EXAMINE" in sent
    assert not WRITES & set(sent), sent
    assert b"BODY.PEEK[" in proxy.sent
    assert b"BODY[" not in proxy.sent.replace(b"BODY.PEEK[", b"")


def test_commands_grow_with_batches_not_messages(dovecot: Dovecot, wire_proxy) -> None:
    user = dovecot.new_user("bulk")
    messages = [
        make_message(f"Newsletter {chr(97 + i % 26)}{i // 26}", sender="n@shop.example")
        for i in range(1190)
    ]
    messages += [make_message(f"Your code {100000 + i}") for i in range(10)]
    dovecot.append(user, "INBOX", messages)
    proxy = wire_proxy(dovecot.port)
    scan = scan_mailbox(config_for(dovecot, user, port=proxy.port), environ=ENV, batch_size=500)
    found = mails(list(scan))
    assert len(found) == 10
    sent = proxy.commands()
    # 3 header batches for 1,200 messages, at most one body FETCH per batch with candidates
    assert sent.count("FETCH") <= 6
    assert sent.count("SEARCH") == 4  # one per folder
    assert len(sent) < 20
    assert scan.commands["FETCH"] == sent.count("FETCH")
    assert scan.command_count <= len(sent)


def test_quota_is_reported(dovecot: Dovecot) -> None:
    user = dovecot.new_user("quota")
    chunk = "q" * 998 + "\n"
    # about 3.7 MB of the 4 MB quota: 92%
    dovecot.append(user, "Archive", [make_message("big", body=chunk * 950) for _ in range(4)])
    scan = scan_mailbox(config_for(dovecot, user), environ=ENV)
    list(scan)
    assert scan.quota is not None
    assert scan.quota.resource == "STORAGE"
    assert scan.quota.limit == 4096
    finding = quota_finding(scan.quota.usage, scan.quota.limit)
    assert finding is not None
    assert finding.id == "mailbox_over_quota"
    assert finding.severity == "warning"


def test_server_without_special_use_finds_spam_by_name(dovecot_plain: Dovecot) -> None:
    user = dovecot_plain.new_user("plain")
    dovecot_plain.append(user, "Spam", [make_message("Your login code 987654")])
    dovecot_plain.append(user, "Newsletters", [make_message("Code 555555 newsletter")])
    scan = scan_mailbox(config_for(dovecot_plain, user), environ=ENV)
    found = mails(list(scan))
    assert [(m.folder, m.folder_role) for m in found] == [("Spam", FolderRole.JUNK)]
    assert scan.folders_scanned == ["INBOX", "Spam"]
    assert scan.quota is None
