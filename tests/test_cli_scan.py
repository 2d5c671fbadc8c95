"""``inspector scan`` end to end through the CLI, against the suite's real Dovecot."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from testkit.dovecot import PASSWORD, Dovecot
from testkit.mail import make_message
from testkit.net import HOST, free_port
from tests.conftest import FIXTURES
from tests.schemas import cli_json

NOW = "2026-11-25T14:20:00+00:00"
T0 = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


def scan(
    port: int, user: str, *args: str, password: str = PASSWORD
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IMAP_PW": password}
    command = [
        sys.executable, "-m", "inspector", *(a for a in args if a == "--debug"), "scan",
        "--host", HOST, "--port", str(port), "--encryption", "none", "--user", user,
        "--password-env", "IMAP_PW", "--timeout", "5", "--offline",
        *(a for a in args if a != "--debug"),
    ]  # fmt: skip
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


def fixture(name: str) -> bytes:
    return (FIXTURES / "mail" / name).read_bytes()


@pytest.fixture(scope="module")
def mailbox(dovecot: Dovecot) -> str:
    """TikTok codes in INBOX (newest) and Junk (older), Discord in Trash, an old code."""
    user = dovecot.new_user("cli")
    dovecot.append(
        user, "INBOX", [fixture("inbox/tiktok-code-valid.eml")], when=T0 + timedelta(minutes=17)
    )
    dovecot.append(
        user, "Junk", [fixture("Junk/tiktok-code-in-junk.eml")], when=T0 + timedelta(minutes=2)
    )
    dovecot.append(
        user, "INBOX", [fixture("inbox/newsletter-promo-code.eml")], when=T0 - timedelta(hours=5)
    )
    old = make_message(
        "Your Discord verification code", sender="Discord <noreply@discord.com>",
        body="Your Discord verification code is: 555123", sent=T0 - timedelta(days=3),
    )  # fmt: skip
    dovecot.append(user, "Trash", [old], when=T0 - timedelta(days=3), flags=(b"\\Seen",))
    return user


def test_finds_codes_across_folders(dovecot: Dovecot, mailbox: str) -> None:
    proc = scan(dovecot.port, mailbox, "--now", NOW, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    doc = cli_json(proc.stdout, "scan")
    by_code = {m["code"]: m for m in doc["messages"]}
    assert by_code["731904"]["folder_role"] == "junk"
    assert by_code["731904"]["freshness"] == "superseded"
    assert by_code["482915"]["folder_role"] == "inbox"
    assert by_code["482915"]["freshness"] == "valid"
    assert by_code["482915"]["source"].startswith("imap://")
    ids = {f["id"] for f in doc["findings"]}
    assert {"code_in_spam", "code_superseded"} <= ids
    assert "555123" not in by_code  # outside the default 24-hour window
    assert doc["mailbox"]["host"] == HOST
    assert {f["role"] for f in doc["mailbox"]["folders"]} >= {"inbox", "junk", "trash"}


def test_since_widens_the_window(dovecot: Dovecot, mailbox: str) -> None:
    proc = scan(dovecot.port, mailbox, "--now", NOW, "--since", "5d", "--format", "json")
    codes = {m["code"]: m["folder_role"] for m in cli_json(proc.stdout, "scan")["messages"]}
    assert codes.get("555123") == "trash"


def test_scan_changes_no_flags(dovecot: Dovecot, mailbox: str) -> None:
    before = dovecot.snapshot(mailbox)
    proc = scan(dovecot.port, mailbox, "--now", NOW, "--since", "30d", "--all-messages")
    assert proc.returncode in (0, 1), proc.stderr
    assert dovecot.snapshot(mailbox) == before


def test_no_special_use_finds_spam_by_name(dovecot_plain: Dovecot) -> None:
    user = dovecot_plain.new_user("plain")
    dovecot_plain.append(user, "Spam", [fixture("Junk/tiktok-code-in-junk.eml")], when=T0)
    proc = scan(dovecot_plain.port, user, "--now", "2026-11-25T14:04:00+00:00", "--format", "json")
    doc = cli_json(proc.stdout, "scan")
    assert [m["folder"] for m in doc["messages"]] == ["Spam"]
    assert "code_in_spam" in {f["id"] for f in doc["findings"]}


def test_wrong_password_exits_3_without_leaking(dovecot: Dovecot, mailbox: str) -> None:
    canary = "Wrong-Canary-5b9d2e"
    proc = scan(dovecot.port, mailbox, "--debug", password=canary)
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr or canary not in proc.stderr
    assert canary not in proc.stdout + proc.stderr
    assert "login" in proc.stderr.lower() or "password" in proc.stderr.lower()


def test_password_never_printed_even_with_debug(dovecot: Dovecot, mailbox: str) -> None:
    proc = scan(dovecot.port, mailbox, "--debug", "--now", NOW, "--format", "json")
    assert proc.returncode in (0, 1)
    cli_json(proc.stdout, "scan")
    assert PASSWORD not in proc.stdout + proc.stderr


def test_server_not_listening_exits_3_quickly() -> None:
    port = free_port()
    start = time.monotonic()
    proc = scan(port, "nobody")
    assert proc.returncode == 3
    assert time.monotonic() - start < 10
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_server_that_never_answers_times_out() -> None:
    with socket.socket() as silent:
        silent.bind((HOST, 0))
        silent.listen(1)
        start = time.monotonic()
        proc = scan(silent.getsockname()[1], "nobody", "--timeout", "2")
        assert proc.returncode == 3
        assert time.monotonic() - start < 2 + 5  # timeout + interpreter start-up
        assert "Traceback" not in proc.stderr


def test_plaintext_to_a_remote_host_is_refused() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "inspector", "scan", "--host", "imap.example.com",
         "--user", "a@example.com", "--encryption", "none", "--password-env", "X"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_full_mailbox_is_a_finding(dovecot: Dovecot) -> None:
    user = dovecot.new_user("full")
    chunk = "q" * 998 + "\n"
    dovecot.append(user, "Archive", [make_message("big", body=chunk * 1000) for _ in range(4)])
    proc = scan(dovecot.port, user, "--now", NOW, "--format", "json")
    doc = cli_json(proc.stdout, "scan")
    quota = next(f for f in doc["findings"] if f["id"] == "mailbox_over_quota")
    assert quota["severity"] in ("warning", "error")
    assert "full" in quota["message"]
    assert doc["mailbox"]["quota"]["limit"] == 4096


def test_progress_names_the_folder_on_a_terminal_and_is_cleared(
    dovecot: Dovecot, mailbox: str
) -> None:
    from tests.ptyrun import run_on_tty

    command = [
        "scan", "--host", HOST, "--port", str(dovecot.port), "--encryption", "none",
        "--user", mailbox, "--password-env", "IMAP_PW", "--timeout", "5", "--offline",
        "--now", NOW,
    ]  # fmt: skip
    run = run_on_tty(command, stdout_tty=False, stderr_tty=True, env={"IMAP_PW": PASSWORD})
    assert run.returncode == 1, run.stderr
    err = run.stderr.decode()
    assert "Reading INBOX (1/" in err
    assert "Reading Junk (" in err
    assert err.endswith("\r\x1b[K")
    assert run.stdout.decode().startswith("Your newest TikTok code")
    quiet = run_on_tty(
        [*command, "-q"], stdout_tty=False, stderr_tty=True, env={"IMAP_PW": PASSWORD}
    )
    assert quiet.stderr == b""
