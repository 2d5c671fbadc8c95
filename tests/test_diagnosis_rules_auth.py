"""Findings from the authentication and spam checks: auth_failed, possible_phishing,
spam_verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from inspector.auth import (
    ArcCheck,
    AuthReport,
    DkimCheck,
    DmarcCheck,
    SpamVerdict,
    SpfCheck,
    check_auth,
)
from inspector.diagnosis.rules.auth import auth_findings
from inspector.extract.services import Service
from inspector.model import FolderRole, Severity
from testkit.dnsmasq import DNSServer, Records

if TYPE_CHECKING:
    from tests.auth_kit import AuthKit


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "auth"
TIKTOK = Service("tiktok", "TikTok", ("tiktok.com", "tiktokv.com"))
EXAMPLE = Service("example", "Example", ("example.com",))


def _findings(
    report: AuthReport,
    service: Service | None = None,
    folder: FolderRole = FolderRole.JUNK,
) -> dict[str, tuple[Severity, str, str | None]]:
    found = auth_findings(
        7,
        auth=report,
        spam=report.spam,
        claimed_service=service,
        from_domain=report.from_domain,
        folder_role=folder,
    )
    assert all(f.messages == (7,) for f in found)
    return {f.id: (f.severity, f.message, f.detail) for f in found}


def _fixture(name: str) -> AuthReport:
    return check_auth((FIXTURES / name).read_bytes(), resolver=None)


def test_lookalike_domain_is_possible_phishing() -> None:
    found = _findings(_fixture("phishing-lookalike-tiktok.eml"), TIKTOK)
    assert set(found) == {"possible_phishing"}
    severity, message, _ = found["possible_phishing"]
    assert severity is Severity.ERROR
    assert "tiktok-security.example.net" in message
    assert "not a TikTok domain" in message


def test_service_without_known_domains_is_judged_by_dmarc_only() -> None:
    unknown = Service("shop", "Shop", ())
    assert _findings(_fixture("phishing-lookalike-tiktok.eml"), unknown) == {}


def test_two_from_headers_claiming_a_service_is_possible_phishing() -> None:
    found = _findings(_fixture("two-from-headers.eml"), EXAMPLE)
    assert "possible_phishing" in found
    assert "cannot be determined" in found["possible_phishing"][1]


def test_real_sender_failing_auth_in_junk() -> None:
    found = _findings(_fixture("postfix-stacked-stamps.eml"))
    severity, message, detail = found["auth_failed"]
    assert severity is Severity.ERROR
    assert "DMARC fail" in message
    assert "likely why it went to Junk" in message
    assert detail is not None
    assert "DMARC fail for example.com (policy reject)" in detail


def test_real_sender_failing_auth_in_inbox_is_a_warning() -> None:
    found = _findings(_fixture("postfix-stacked-stamps.eml"), folder=FolderRole.INBOX)
    assert found["auth_failed"][0] is Severity.WARNING


def test_owned_domain_failing_dmarc_is_possible_phishing() -> None:
    found = _findings(_fixture("postfix-stacked-stamps.eml"), EXAMPLE)
    assert set(found) == {"possible_phishing"}
    assert "probably spoofed" in found["possible_phishing"][1]


def test_owned_domain_failing_dmarc_after_a_valid_arc_is_auth_failed() -> None:
    report = _fixture("postfix-stacked-stamps.eml")
    report = replace(report, arc=ArcCheck(result="pass", source="verified", verified="pass"))
    assert set(_findings(report, EXAMPLE)) == {"auth_failed"}


def test_passing_mail_has_no_auth_findings() -> None:
    assert _findings(_fixture("gmail-receipt-pass.eml"), EXAMPLE) == {}


def test_temporary_errors_are_not_failures() -> None:
    report = AuthReport(
        spf=SpfCheck(result="temperror", source="verified"),
        dkim=DkimCheck(result="temperror", source="verified"),
        dmarc=DmarcCheck(result="temperror", source="verified", from_domain="example.com"),
        from_domain="example.com",
    )
    assert _findings(report) == {}


def test_spf_failure_with_a_valid_signature_is_not_reported() -> None:
    report = AuthReport(
        spf=SpfCheck(result="fail", source="verified"),
        dkim=DkimCheck(result="pass", source="verified"),
        dmarc=DmarcCheck(result="none", source="verified"),
        from_domain="example.com",
    )
    assert "auth_failed" not in _findings(report)


def test_untrusted_results_never_count() -> None:
    found = _findings(_fixture("forged-authresults.eml"), TIKTOK)
    assert "possible_phishing" not in found  # offline and unverified: nothing to go on
    assert "auth_failed" not in found


def test_spam_verdict_in_junk() -> None:
    found = _findings(_fixture("junk-spamassassin-bayes.eml"))
    severity, message, detail = found["spam_verdict"]
    assert severity is Severity.WARNING
    assert "score 8.912, limit 5" in message
    assert "the learning filter puts the spam probability at 99-100% (BAYES_99)" in message
    assert detail is not None
    assert detail.startswith("Read from X-Spam-Status (spamassassin); also: ")
    assert "(BAYES_999)" in detail  # the fifth reason: in the detail, not the message
    assert "(BAYES_999)" not in message


def test_ham_verdict_in_junk_points_at_rules() -> None:
    found = _findings(_fixture("microsoft-authresults-without-id.eml"))
    severity, message, _ = found["spam_verdict"]
    assert severity is Severity.INFO
    assert "yet it is in Junk" in message


def test_ham_verdict_in_inbox_is_silent() -> None:
    found = _findings(_fixture("microsoft-authresults-without-id.eml"), folder=FolderRole.INBOX)
    assert found == {}


def test_sender_written_spam_header_is_only_info() -> None:
    spam = SpamVerdict(verdict="spam", source="X-Spam-Flag", vendor="spamassassin", trusted=False)
    report = AuthReport(spam=spam)
    severity, message, _ = _findings(report)["spam_verdict"]
    assert severity is Severity.INFO
    assert "sender could have written it" in message


@pytest.fixture(scope="module")
def tiktok_dns(dnsmasq: Callable[[Records], DNSServer]) -> DNSServer:
    return dnsmasq(Records(txt={"_dmarc.tiktok.com": ["v=DMARC1; p=reject"]}))


def test_forged_results_with_verification_are_possible_phishing(tiktok_dns: DNSServer) -> None:
    raw = (FIXTURES / "forged-authresults.eml").read_bytes()
    report = check_auth(raw, resolver=tiktok_dns.resolver())
    assert (report.dmarc.result, report.dmarc.source) == ("fail", "verified")
    found = _findings(report, TIKTOK)
    assert set(found) == {"possible_phishing"}
    assert "fails DMARC" in found["possible_phishing"][1]


def test_no_service_and_passing_mail(kit: AuthKit) -> None:
    report = check_auth(kit.delivered(kit.message()), resolver=None)
    assert _findings(report, folder=FolderRole.INBOX) == {}


def test_failing_mail_is_never_to_be_trusted_or_taught_to_the_filter() -> None:
    found = auth_findings(
        7,
        auth=(report := _fixture("postfix-stacked-stamps.eml")),
        spam=report.spam,
        claimed_service=None,
        from_domain=report.from_domain,
        folder_role=FolderRole.JUNK,
    )
    advice = next(f.advice for f in found if f.id == "auth_failed")
    assert "Do not mark it 'Not spam'" in advice
    assert "forged mail fails them too" in advice


@pytest.mark.parametrize(
    ("dmarc", "trusting"),
    [("pass", True), ("none", False), ("fail", False)],
    ids=["dmarc-pass-trust-it", "no-dmarc-check-first", "dmarc-fail-check-first"],
)
def test_spam_verdict_advice_trusts_only_a_confirmed_sender(dmarc: str, trusting: bool) -> None:
    report = AuthReport(
        dmarc=DmarcCheck(result=dmarc, source="receipt", from_domain="example.org"),
        spam=SpamVerdict(verdict="spam", score=7.0, threshold=5.0, source="X-Spam-Status"),
        from_domain="example.org",
    )
    found = auth_findings(
        7,
        auth=report,
        spam=report.spam,
        claimed_service=None,
        from_domain="example.org",
        folder_role=FolderRole.JUNK,
    )
    advice = next(f.advice for f in found if f.id == "spam_verdict")
    assert advice.startswith("Mark it as 'Not spam'") is trusting
    assert ("nothing here proves the sender" in advice) is not trusting
