"""Every finding id of the offline analysis, shown by a fixture and asserted end to end."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from inspector.cli.main import main
from tests.conftest import FIXTURES, ROOT
from tests.schemas import cli_json

MAIL = FIXTURES / "mail"
NOW = "2026-11-25T14:20:00+00:00"


def analyze(*args: str) -> tuple[int, dict[str, Any]]:
    # Tests never ask DNS servers on the internet: offline unless a loopback one is given.
    offline = [] if "--resolver" in args or "--offline" in args else ["--offline"]
    result = CliRunner().invoke(main, ["analyze", *args, *offline, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, cli_json(result.stdout, "analyze")


def ids(doc: dict[str, Any]) -> set[str]:
    return {f["id"] for f in doc["findings"]}


SCENARIOS = [
    ("inbox/tiktok-code-valid.eml", [], set(), {"code_expired", "code_in_spam"}),
    (
        "Junk/tiktok-code-in-junk.eml",
        ["--now", "2026-11-25T14:04:00+00:00"],
        {"code_in_spam"},
        {"code_expired"},
    ),
    ("inbox/google-code-expired.eml", [], {"code_expired"}, set()),
    (
        "inbox/microsoft-code-expired-in-transit-greylisted.eml",
        [],
        {"code_expired_in_transit", "delivery_delayed", "greylisting_suspected"},
        set(),
    ),
    ("inbox/paypal-code-de-clock-skew.eml", [], {"clock_skew"}, {"code_expired"}),
    ("inbox/steam-code-delayed.eml", [], {"delivery_delayed"}, set()),
    ("inbox/newsletter-promo-code.eml", [], {"code_not_found"}, set()),
    (
        "inbox/amazon-code-other-recipient.eml",
        ["--email", "alice@example.org"],
        {"recipient_mismatch"},
        set(),
    ),
    (
        "inbox/amazon-code-other-recipient.eml",
        ["--email", "Bob+shop@Example.org"],
        set(),
        {"recipient_mismatch"},
    ),
    ("discord-superseded.mbox", [], {"code_superseded"}, {"entered_code_outdated"}),
    ("discord-superseded.mbox", ["--entered-code", "271828"], {"entered_code_outdated"}, set()),
    ("discord-superseded.mbox", ["--entered-code", "314195"], {"entered_code_typo"}, set()),
    ("discord-superseded.mbox", ["--entered-code", "999999"], {"entered_code_mismatch"}, set()),
    (
        "discord-superseded.mbox",
        ["--entered-code", "314 159"],
        set(),
        {"entered_code_mismatch", "entered_code_typo"},
    ),
    ("instagram-too-many-codes.mbox", [], {"too_many_codes", "code_superseded"}, set()),
]


@pytest.mark.parametrize(
    ("fixture", "args", "present", "absent"),
    SCENARIOS,
    ids=[f"{Path(s[0]).stem}{'-' + '-'.join(s[1][1:2]) if s[1] else ''}" for s in SCENARIOS],
)
def test_scenario(fixture: str, args: list[str], present: set[str], absent: set[str]) -> None:
    code, doc = analyze(str(MAIL / fixture), "--now", NOW, *args)
    found = ids(doc)
    assert present <= found, doc["findings"]
    assert not (absent & found), doc["findings"]
    problems = any(f["severity"] in ("error", "warning") for f in doc["findings"])
    assert code == (1 if problems else 0)


@pytest.mark.parametrize(
    ("fixture", "code", "service", "validity"),
    [
        ("inbox/tiktok-code-valid.eml", "482915", "tiktok", 300),
        ("inbox/google-code-expired.eml", "318274", "google", 600),
        ("inbox/microsoft-code-expired-in-transit-greylisted.eml", "5820", "microsoft", 600),
        ("inbox/paypal-code-de-clock-skew.eml", "926184", "paypal", 600),
        ("inbox/alipay-code-zh-base64.eml", "604217", "alipay", 600),
        ("inbox/amazon-code-other-recipient.eml", "270553", "amazon", None),
        ("inbox/steam-code-delayed.eml", "F7K2Q", "steam", None),
    ],
    ids=lambda v: str(v),
)
def test_code_service_and_validity(
    fixture: str, code: str, service: str, validity: int | None
) -> None:
    _, doc = analyze(str(MAIL / fixture), "--now", NOW)
    [message] = doc["messages"]
    assert message["code"] == code
    assert message["service"] == service
    if validity is not None:
        assert message["valid_for_seconds"] == validity


def test_valid_code_verdict() -> None:
    code, doc = analyze(str(MAIL / "inbox" / "tiktok-code-valid.eml"), "--now", NOW)
    assert code == 0
    assert (
        doc["verdict"]
        == "Your newest TikTok code 482915 arrived in your Inbox at 14:17 and is valid until 14:22."
    )
    assert doc["messages"][0]["freshness"] == "valid"


def test_superseded_freshness_spans_the_mailbox() -> None:
    _, doc = analyze(str(MAIL / "discord-superseded.mbox"), "--now", NOW)
    assert [m["freshness"] for m in doc["messages"]] == ["superseded", "valid"]


def test_service_filter() -> None:
    _, doc = analyze(str(MAIL), "--now", NOW, "--service", "discord.com")
    assert {m["service"] for m in doc["messages"]} == {"discord"}
    _, doc = analyze(
        str(MAIL / "inbox" / "newsletter-promo-code.eml"), "--now", NOW, "--service", "tiktok"
    )
    assert "TikTok" in doc["verdict"]


@pytest.mark.slow
def test_report_matches_the_schema() -> None:
    # analyze() validates every report against the published schema; this one holds every
    # kind of message the fixtures have.
    _, doc = analyze(str(MAIL), str(FIXTURES / "sample-mailbox"), "--now", NOW, "--all-messages")
    assert doc["messages_read"] == len(doc["messages"])
    for finding in doc["findings"]:
        assert all(0 <= i < len(doc["messages"]) for i in finding["messages"])


def test_redact_masks_codes_and_addresses() -> None:
    result = CliRunner().invoke(
        main,
        [
            "analyze",
            str(MAIL / "discord-superseded.mbox"),
            "--now",
            NOW,
            "--redact",
            "--entered-code",
            "271828",
            "--offline",
        ],
    )
    assert "314159" not in result.stdout
    assert "271828" not in result.stdout
    assert "alice@example.org" not in result.stdout
    assert "****59" in result.stdout


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("sample-mailbox.txt", [str(FIXTURES / "sample-mailbox")]),
        (
            "discord-outdated.txt",
            [str(MAIL / "discord-superseded.mbox"), "--entered-code", "271828"],
        ),
    ],
    ids=["sample-mailbox", "discord-outdated"],
)
def test_text_report_golden(name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The width is pinned (the text report wraps to COLUMNS, else the terminal, else 80) and
    # the paths are relative to the checkout, so the wrapping is the same in any folder.
    monkeypatch.chdir(ROOT)
    relative = [str(Path(a).relative_to(ROOT)) if a.startswith(str(ROOT)) else a for a in args]
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": None})
    result = runner.invoke(main, ["analyze", *relative, "--now", NOW, "--offline"])
    rendered = result.stdout
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered)
    assert rendered == path.read_text()


AUTH = FIXTURES / "auth"


@pytest.mark.parametrize(
    ("fixture", "finding"),
    [
        ("phishing-lookalike-tiktok.eml", "possible_phishing"),
        ("junk-spamassassin-bayes.eml", "spam_verdict"),
        ("junk-spamassassin-bayes.eml", "auth_failed"),
        ("postfix-stacked-stamps.eml", "auth_failed"),
    ],
    ids=["phishing", "spam-verdict", "auth-failed-junk", "auth-failed-stacked"],
)
def test_auth_findings_from_fixtures(fixture: str, finding: str) -> None:
    _, doc = analyze(str(AUTH / fixture), "--now", NOW, "--offline")
    assert finding in ids(doc)
    [message] = doc["messages"]
    assert {"spf", "dkim", "dmarc", "arc"} <= set(message["auth"])
    assert message["spam"]["verdict"] in ("spam", "ham", "unknown")


def test_forged_authentication_results_are_not_a_pass() -> None:
    _, doc = analyze(str(AUTH / "forged-authresults.eml"), "--now", NOW, "--offline")
    [message] = doc["messages"]
    assert message["auth"]["untrusted"], "the forged stamp must be listed as untrusted"
    assert message["auth"]["dkim"]["result"] != "pass"


def test_code_in_a_gmail_tab() -> None:
    from datetime import UTC, datetime

    from inspector.analysis.record import Options
    from inspector.analysis.run import run
    from inspector.diagnosis.engine import diagnose
    from inspector.diagnosis.evidence import Context
    from inspector.model import FolderRole, RawMail

    raw = (MAIL / "inbox" / "tiktok-code-valid.eml").read_bytes()
    item = RawMail(raw, "imap://x/INBOX;UID=1", "INBOX", FolderRole.INBOX, category="promotions")
    now = datetime(2026, 11, 25, 14, 20, tzinfo=UTC)
    result = run([item], Options(now=now))
    findings = diagnose(result.records, Context(now=now)).findings
    tab = next(f for f in findings if f.id == "code_in_tab")
    assert "Promotions" in tab.message
