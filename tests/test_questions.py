"""The person's question, end to end through the CLI: "I asked at 14:19; did a code come, where,
and why not?" Each behaviour is checked in the JSON report and in the text report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from inspector.cli.main import main
from testkit.dnsmasq import DNSServer
from tests.conftest import FIXTURES, require
from tests.schemas import cli_json

MAIL = FIXTURES / "mail"
SAMPLE = FIXTURES / "sample-mailbox"  # INBOX: TikTok 605143 at 13:58; Junk: 482915 at 14:16
NOW = "2026-11-25T14:20:00+00:00"


def run(*args: str) -> tuple[int, dict[str, Any], str]:
    """Exit code, JSON report and text report of one ``analyze`` (offline unless a resolver)."""
    offline = [] if any(a.startswith("--resolver") for a in args) else ["--offline"]
    runner = CliRunner()
    as_json = runner.invoke(main, ["analyze", *args, *offline, "--format", "json"])
    as_text = runner.invoke(main, ["analyze", *args, *offline])
    assert as_json.exit_code == as_text.exit_code, as_text.output
    return as_json.exit_code, cli_json(as_json.stdout, "analyze"), as_text.stdout


def ids(doc: dict[str, Any]) -> list[str]:
    return [f["id"] for f in doc["findings"]]


def finding(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(f for f in doc["findings"] if f["id"] == name)


# ---- Anchored to the request --------------------------------------------------------------


def test_nothing_since_the_request() -> None:
    code, doc, text = run(str(SAMPLE), "--now", NOW, "--requested-at", "14:19")
    assert code == 1
    assert doc["verdict"].startswith("No code has arrived since you asked at 14:19, 1 min ago")
    assert "482915" in doc["verdict"]  # the last code before the request, said as such
    assert ids(doc)[0] == "no_code_after_request"
    top = finding(doc, "no_code_after_request")
    assert "INBOX, Junk" in top["message"]
    assert "5 messages read" in top["message"]
    assert "arrived at 14:16 in Junk" in (top["detail"] or "")
    assert "(1)" in top["advice"]
    assert "(4)" in top["advice"]
    # Codes from before the request keep their own state and expiry.
    states = {m["code"]: m["freshness"] for m in doc["messages"]}
    assert states == {"605143": "before_request", "482915": "before_request"}
    assert all(m["expires_at"] for m in doc["messages"])
    assert text.startswith("No code has arrived since you asked at 14:19")
    assert "[no_code_after_request]" in text


def test_the_newest_code_is_never_superseded_by_itself() -> None:
    _, doc, _ = run(str(SAMPLE), "--now", NOW, "--requested-at", "14:19")
    assert "code_superseded" not in ids(doc)
    assert "superseded" not in {m["freshness"] for m in doc["messages"]}


def test_code_after_the_request_answers_first() -> None:
    _, doc, text = run(str(SAMPLE), "--now", NOW, "--requested-at", "14:10")
    assert doc["verdict"] == (
        "Your TikTok code 482915 arrived 6 min 41 s after you asked, in Junk, and is valid "
        "until 14:21."
    )
    assert ids(doc)[0] == "code_in_spam"
    assert text.splitlines()[0].startswith("Your TikTok code 482915 arrived 6 min 41 s after")


def test_the_most_likely_cause_comes_first() -> None:
    # Asked 20 minutes ago, three codes before: the rate limit moves up; a typo in the
    # address comes first of all.
    _, doc, _ = run(
        str(MAIL / "instagram-too-many-codes.mbox"),
        "--now", "2026-11-25T14:40:00+00:00",
        "--requested-at", "14:20",
        "--email", "alice@gmial.com",
    )  # fmt: skip
    advice = finding(doc, "no_code_after_request")["advice"]
    assert advice.index("(1) the contact details as registered: gmial.com") >= 0
    assert advice.index("rate limit") < advice.index("still on its way")


# ---- Focus on the attempt -----------------------------------------------------------------


def test_old_codes_are_history_not_errors(tmp_path: Path) -> None:
    mailbox = tmp_path / "all.mbox"
    parts = [
        (MAIL / "discord-superseded.mbox").read_bytes(),
        (MAIL / "instagram-too-many-codes.mbox").read_bytes(),
    ]
    mailbox.write_bytes(b"\n".join(parts))
    # A week later, no code in the last 24 hours: the newest code's service is diagnosed,
    # and the verdict says how old it is.
    code, doc, _ = run(str(mailbox), "--now", "2026-12-02T14:20:00+00:00")
    assert "7 days ago" in doc["verdict"]
    older = finding(doc, "older_codes")
    assert older["severity"] == "info"
    assert "--since" in older["advice"]
    # No error about the codes nobody waits for any more (Discord's, a week old).
    assert not [f for f in doc["findings"] if "Discord" in f["message"]]
    assert all(f["severity"] != "error" for f in doc["findings"])
    listed = {m["service"] for m in doc["messages"]}
    assert len(listed) == 1
    everything = run(str(mailbox), "--now", "2026-12-02T14:20:00+00:00", "--all-messages")[1]
    assert len(everything["messages"]) > len(doc["messages"])
    assert code == 1


def test_since_widens_the_window() -> None:
    _, narrow, _ = run(str(SAMPLE), "--now", NOW, "--since", "10m")
    _, wide, _ = run(str(SAMPLE), "--now", NOW, "--since", "2h")
    assert [m["code"] for m in narrow["messages"]] == ["482915"]
    assert "older_codes" in ids(narrow)
    assert [m["code"] for m in wide["messages"]] == ["605143", "482915"]


# ---- Times --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        ("14:19", "2026-11-25T14:19:00+01:00"),
        ("14:19:30", "2026-11-25T14:19:30+01:00"),
        ("10m", "2026-11-25T14:10:00+01:00"),
        ("10m ago", "2026-11-25T14:10:00+01:00"),
        ("2h", "2026-11-25T12:20:00+01:00"),
        ("2026-11-25T14:00", "2026-11-25T14:00:00+01:00"),
        ("2026-11-25T13:00:00Z", "2026-11-25T13:00:00+00:00"),
    ],
    ids=["clock", "clock-seconds", "span", "span-ago", "hours", "iso-no-zone", "iso-utc"],
)
def test_times_take_the_date_and_zone_of_now(requested: str, expected: str) -> None:
    _, doc, _ = run(str(SAMPLE), "--now", "2026-11-25T14:20:00+01:00", "--requested-at", requested)
    assert doc["requested_at"] == expected


@pytest.mark.parametrize("option", ["--requested-at", "--since"])
def test_a_time_after_now_is_a_usage_error(option: str) -> None:
    result = CliRunner().invoke(main, ["analyze", str(SAMPLE), "--now", NOW, option, "14:30"])
    assert result.exit_code == 2
    assert f"{option} 14:30" in result.output
    assert "later than --now" in result.output
    assert "2026-11-25 14:20:00+00:00" in result.output


def test_now_is_a_cutoff() -> None:
    _, doc, text = run(str(SAMPLE), "--now", "2026-11-25T14:10:00+00:00")
    assert doc["ignored_after_now"] == 1
    assert [m["code"] for m in doc["messages"]] == ["605143"]
    assert "482915" not in doc["verdict"]
    assert "1 verification message arrived after --now (14:10) and was left out." in text


# ---- Look-alikes --------------------------------------------------------------------------


def test_a_lookalike_in_junk_is_never_your_code() -> None:
    real = MAIL / "inbox" / "tiktok-code-valid.eml"  # 482915 at 14:17
    fake = MAIL / "Junk" / "tiktok-lookalike-in-junk.eml"  # 771904 at 14:18, newer
    code, doc, text = run(str(real), str(fake), "--now", NOW, "--requested-at", "14:15")
    assert "482915" in doc["verdict"]
    assert "771904" not in doc["verdict"]
    assert ids(doc)[0] == "possible_phishing"
    phishing = finding(doc, "possible_phishing")
    fake_index = next(i for i, m in enumerate(doc["messages"]) if m["code"] == "771904")
    assert phishing["messages"] == [fake_index]
    about_fake = [f for f in doc["findings"] if fake_index in f["messages"]]
    for item in about_fake:
        assert "not spam" not in item["advice"].lower()
        assert "contacts" not in item["advice"].lower()
    assert "code_superseded" not in ids(doc)  # the look-alike replaces nothing
    assert code == 1
    assert "Not spam" not in text


def test_only_a_lookalike_arrived() -> None:
    fake = MAIL / "Junk" / "tiktok-lookalike-in-junk.eml"
    _, doc, _ = run(str(fake), "--now", NOW, "--requested-at", "14:15")
    assert doc["verdict"].startswith("No code has arrived since you asked at 14:15")
    assert "probably phishing" in doc["verdict"]
    assert set(ids(doc)) >= {"possible_phishing", "no_code_after_request"}


# ---- Nothing skipped silently -------------------------------------------------------------


def _as_nobody(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run inspector subject to file permissions: root reads a chmod 000 folder anyway, so
    as root the capabilities that override them are dropped (util-linux setpriv)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("setpriv (util-linux) is needed to drop root's permission override")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "inspector", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _maildir_with_locked_junk(tmp_path: Path) -> Path:
    root = tmp_path / "Maildir"
    shutil.copytree(SAMPLE, root)
    os.chmod(tmp_path, 0o755)
    for path in [root, *root.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    os.chmod(root / ".Junk", 0o000)
    return root


def test_an_unreadable_junk_folder_is_reported_and_the_inbox_still_read(tmp_path: Path) -> None:
    root = _maildir_with_locked_junk(tmp_path)
    proc = _as_nobody(["analyze", str(root), "--now", NOW, "--offline", "--format", "json"])
    doc = cli_json(proc.stdout, "analyze")
    assert doc["incomplete"] is True
    assert [s["where"] for s in doc["skipped"]] == [str(root / ".Junk")]
    assert "permission denied" in doc["skipped"][0]["why"]
    assert [m["code"] for m in doc["messages"]] == ["605143"]  # the Inbox was read
    text = _as_nobody(["analyze", str(root), "--now", NOW, "--offline"]).stdout
    flowing = " ".join(text.split())  # the text report wraps lines
    assert f"This diagnosis is incomplete: {root / '.Junk'} could not be read" in flowing


def test_no_code_while_something_was_skipped_exits_3(tmp_path: Path) -> None:
    root = _maildir_with_locked_junk(tmp_path)
    proc = _as_nobody(["analyze", str(root), "--now", NOW, "--requested-at", "14:19", "--offline"])
    assert proc.returncode == 3
    assert proc.stdout.startswith("No code has arrived since you asked at 14:19")


def test_nothing_readable_exits_3(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("shopping list\n")
    result = CliRunner().invoke(main, ["analyze", str(junk), "--offline"])
    assert result.exit_code == 3
    assert "nothing could be read" in result.output


# ---- DNS you can trust --------------------------------------------------------------------


@pytest.fixture(scope="module")
def lying_dns() -> Any:
    """A resolver that answers NXDOMAIN for every name, gmail.com included."""
    from testkit.dnsmasq import dnsmasq_binary

    require(dnsmasq_binary() is not None, "dnsmasq", "Debian: apt-get install dnsmasq-base")
    with DNSServer(local_zones=["#"], probes=False) as server:
        yield server


def test_a_lying_resolver_is_not_believed(lying_dns: DNSServer) -> None:
    host, port = lying_dns.address
    result = CliRunner().invoke(
        main,
        ["check-email", "alice@gmail.com", "--resolver", f"{host}:{port}", "--format", "json"],
    )
    doc = cli_json(result.stdout, "check-email")
    assert doc["deliverable"] is None
    assert [f["id"] for f in doc["findings"]] == ["dns_unreliable"]
    message = doc["findings"][0]["message"]
    assert f"{host}:{port}" in message
    assert "answered that gmail.com does not exist" in message


def test_a_lying_resolver_in_a_diagnosis(lying_dns: DNSServer) -> None:
    host, port = lying_dns.address
    _, doc, _ = run(
        str(MAIL / "inbox" / "tiktok-code-valid.eml"), "--now", NOW,
        "--resolver", f"{host}:{port}", "--email", "alice@gmail.com",
    )  # fmt: skip
    assert "dns_unreliable" in ids(doc)
    assert "email_domain_no_mail" not in ids(doc)
    assert doc["contacts"]["email"]["deliverable"] is None
    for item in doc["findings"]:
        assert "()" not in item["message"] + (item["detail"] or "")


# ---- Grouping -----------------------------------------------------------------------------


def test_junk_findings_group_by_service(tmp_path: Path) -> None:
    junk = tmp_path / "Junk"
    junk.mkdir()
    sample_junk = next((SAMPLE / ".Junk" / "cur").iterdir())
    for n in range(3):
        shutil.copy(sample_junk, junk / f"tiktok-{n}.eml")
    shutil.copy(MAIL / "Junk" / "tiktok-code-in-junk.eml", junk / "tiktok-3.eml")
    for n in range(2):
        data = (MAIL / "inbox" / "alipay-code-zh-base64.eml").read_bytes()
        (junk / f"alipay-{n}.eml").write_bytes(data)
    _, doc, _ = run(str(junk), "--now", NOW, "--since", "30d")
    spam = [f for f in doc["findings"] if f["id"] == "code_in_spam"]
    assert len(spam) == 2
    messages = sorted(f["message"] for f in spam)
    assert any("Alipay" in m for m in messages)
    assert any("TikTok" in m for m in messages)
    assert all("are in Junk/Spam, the newest" in m for m in messages)


# ---- Advice that cannot hurt ---------------------------------------------------------------


def test_junk_code_from_an_unconfirmed_sender_is_not_to_be_trusted_blindly(tmp_path: Path) -> None:
    junk = tmp_path / "Junk"
    junk.mkdir()
    data = next((SAMPLE / ".Junk" / "cur").iterdir()).read_bytes()
    stamp = next(line for line in data.splitlines(True) if line.startswith(b"Authentication-"))
    (junk / "tiktok.eml").write_bytes(data.replace(stamp, b""))  # nothing proves the sender
    _, doc, text = run(str(junk), "--now", NOW)
    advice = finding(doc, "code_in_spam")["advice"]
    assert "nothing here proves the message comes from TikTok" in advice
    assert "to your contacts" not in advice
    assert "to your contacts" not in text
    # With the receiving server's DMARC pass (the sample as it is) the usual advice stands.
    _, doc, _ = run(str(SAMPLE), "--now", NOW)
    assert "to your contacts" in finding(doc, "code_in_spam")["advice"]


def _verify_link_in_junk(tmp_path: Path, content_type: bytes, body: bytes) -> Path:
    """A Junk folder holding one "verify your account" message from mybank.example."""
    junk = tmp_path / "Junk"
    junk.mkdir()
    (junk / "verify.eml").write_bytes(
        b"From: support@mybank.example\r\nTo: alice@example.net\r\n"
        b"Subject: Verify your account\r\nDate: Wed, 25 Nov 2026 14:10:00 +0000\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: " + content_type + b"\r\n\r\n" + body
    )
    return junk


def test_a_verification_message_without_a_code_is_not_called_a_code(tmp_path: Path) -> None:
    body = b"Please verify your account within 24 hours by clicking the link below:\r\n"
    body += b"https://mybank.example/verify?t=abc\r\n"
    junk = _verify_link_in_junk(tmp_path, b"text/plain", body)
    _, doc, _ = run(str(junk), "--now", NOW)
    spam = [f for f in doc["findings"] if f["id"] == "code_in_spam"]
    assert spam, doc["findings"]
    assert "verification message" in spam[0]["message"]
    assert " code " not in spam[0]["message"]


def test_a_link_leading_to_a_look_alike_is_called_phishing(tmp_path: Path) -> None:
    body = b"<p>Please verify your account within 24 hours:</p>"
    body += b'<p><a href="http://secure.mybank-example-login.com/verify">mybank.example</a></p>'
    junk = _verify_link_in_junk(tmp_path, b"text/html; charset=utf-8", body)
    code, doc, text = run(str(junk), "--now", NOW, "--since", "1d")
    assert code == 1
    top = doc["findings"][0]
    assert top["id"] == "possible_phishing"
    assert "leads to secure.mybank-example-login.com" in top["message"]
    assert "Not spam" not in text
    assert "code_in_spam" not in ids(doc)
