"""The contact rules: the checks' facts (``problems``) as findings, ranked with all the others."""

from __future__ import annotations

from dataclasses import fields

import pytest
from click.testing import CliRunner

from inspector.cli.main import main
from inspector.contacts.email import EmailCheck, check_email
from inspector.contacts.phone import PhoneCheck, check_phone
from inspector.contacts.problems import (
    CountryCodeDoubled,
    DisposableDomain,
    DomainTakesNoMail,
    DomainTypo,
    EmailProblem,
    InvalidAddress,
    NotMobile,
    PhoneProblem,
    RegionMismatch,
    SmsReach,
    TrunkPrefixKept,
)
from inspector.diagnosis import rank
from inspector.diagnosis.rules.contacts import judge_email, judge_phone
from inspector.model import Finding, Severity
from inspector.report.serialize import jsonable
from tests.conftest import FIXTURES
from tests.schemas import cli_json

NOW = "2026-11-25T14:20:00+00:00"
# What a contact finding's severity means, and so its place on the one scale.
RANK_OF = {
    Severity.ERROR: rank.CONTACT_UNREACHABLE,
    Severity.WARNING: rank.CONTACT_RISK,
    Severity.INFO: rank.CONTACT_NOTE,
}


def email_findings(*problems: EmailProblem) -> tuple[Finding, ...]:
    return judge_email(EmailCheck("x", True, problems=problems)).findings


def phone_findings(*problems: PhoneProblem) -> tuple[Finding, ...]:
    return judge_phone(PhoneCheck("x", True, problems=problems)).findings


EMAILS = [
    "", "alice@@gmail.com", "a" * 300 + "@example.com", "alice@gmial.com", "jörg@example.com",
    "x@mailinator.com", "no-reply@example.com", "support+x@example.com",
]  # fmt: skip
PHONES = [
    ("", None), ("+44 7400 12", None), ("+44 20 7946 0018", None), ("+44 56 1234 5678", None),
    ("07400 123456", None), ("07400 123456", "GB"), ("447400123456", "GB"),
    ("447400123456", "US"), ("+44 07400 123456", None), ("+44 44 7400 123456", None),
    ("+49 49 151 23456789", None), ("+46 46 8123456", None), ("+57 03211234567", None),
    ("+39 2 1234 5678", None), ("+1 201-555-0123", "GB"),
]  # fmt: skip


def test_every_contact_finding_takes_the_rank_its_severity_means() -> None:
    found = [f for a in EMAILS for f in judge_email(check_email(a, resolver=None)).findings]
    found += [f for n, r in PHONES for f in judge_phone(check_phone(n, region=r)).findings]
    assert {f.severity for f in found} == set(RANK_OF)
    assert [(f.id, f.rank) for f in found] == [(f.id, RANK_OF[f.severity]) for f in found]


def test_the_checks_state_facts_and_the_rules_word_them() -> None:
    check = check_email("alice@hotmial.com", resolver=None)
    assert not hasattr(check, "findings")
    # The blocklist lists the typo domain too: a fact, which the typo finding makes moot.
    assert check.problems == (
        DomainTypo("hotmial.com", "alice@hotmail.com"),
        DisposableDomain("hotmial.com"),
    )
    [finding] = judge_email(check).findings
    assert finding.message == "hotmial.com looks like a typo: did you mean alice@hotmail.com?"


@pytest.mark.parametrize(
    ("problem", "severity", "message"),
    [
        (
            InvalidAddress("a" * 100, "it is too long", "a@b.c"),
            Severity.ERROR,
            f"'{'a' * 77}...' is not a valid email address: it is too long; did you mean a@b.c?",
        ),
        (
            DomainTypo("outlok.com", "a@outlook.com", "outlok.com publishes a null MX record"),
            Severity.ERROR,
            "outlok.com does not receive mail (outlok.com publishes a null MX record): did you "
            "mean a@outlook.com?",
        ),
        (
            DomainTakesNoMail("x.example", "x.example does not exist in DNS"),
            Severity.ERROR,
            "x.example does not receive mail: x.example does not exist in DNS",
        ),
    ],
    ids=["invalid-shortened", "typo-takes-no-mail", "no-mail"],
)
def test_email_problem_as_finding(problem: EmailProblem, severity: Severity, message: str) -> None:
    [finding] = email_findings(problem)
    assert (finding.severity, finding.message) == (severity, message)


def test_a_typo_is_not_repeated_as_no_mail_or_disposable() -> None:
    typo = DomainTypo("gmial.com", "a@gmail.com", "gmial.com does not exist in DNS")
    found = email_findings(
        typo,
        DomainTakesNoMail("gmial.com", "gmial.com does not exist"),
        DisposableDomain("gmial.com"),
    )
    assert [f.id for f in found] == ["email_domain_typo"]
    assert [f.id for f in email_findings(DisposableDomain("gmial.com"))] == ["email_disposable"]


@pytest.mark.parametrize(
    ("problem", "severity", "message"),
    [
        (
            NotMobile("+1 555 0100", "voip", SmsReach.UNLIKELY),
            Severity.WARNING,
            "+1 555 0100 is a VoIP (internet phone) number: many services refuse them or their "
            "codes are never delivered",
        ),
        (
            NotMobile("+44 20 7946 0018", "fixed_line", SmsReach.NO),
            Severity.ERROR,
            "+44 20 7946 0018 is a landline (fixed-line) number: SMS codes cannot arrive there",
        ),
        (
            CountryCodeDoubled("+44 44 7400 123456", 44, "+44 7400 123456"),
            Severity.ERROR,
            "'+44 44 7400 123456' has the country code +44 twice; the number is probably "
            "+44 7400 123456",
        ),
        (
            CountryCodeDoubled("+46 46 8123456", 46, "+46 8 12 34 56", "+46 46 812 34 56"),
            Severity.WARNING,
            "'+46 46 8123456' has the country code +46 twice: as typed it is +46 46 812 34 56, "
            "but the number meant is probably +46 8 12 34 56",
        ),
        (
            CountryCodeDoubled("+49 49 151", 49, "+49 151", "+49 491 51", loses_sms=True),
            Severity.ERROR,
            "'+49 49 151' has the country code +49 twice: as typed it is +49 491 51, but the "
            "number meant is probably +49 151",
        ),
        (
            TrunkPrefixKept("+57 03211234567", "0", "+57 321 1234567", valid_as_typed=False),
            Severity.ERROR,
            "'+57 03211234567' keeps the national trunk prefix 0 after the country code; the "
            "number is +57 321 1234567",
        ),
        (
            TrunkPrefixKept("+44 07400 123456", "0", "+44 7400 123456", valid_as_typed=True),
            Severity.WARNING,
            "'+44 07400 123456' keeps the national trunk prefix 0 after the country code; "
            "written internationally the number is +44 7400 123456",
        ),
        (
            RegionMismatch("1" * 50, "US", "+44 7400 123456", "United Kingdom (GB)", True),
            Severity.ERROR,
            f"'{'1' * 37}...' is not a valid US number; it looks like +44 7400 123456, a number "
            "of United Kingdom (GB), typed without the +",
        ),
    ],
    ids=[
        "voip",
        "landline",
        "doubled",
        "doubled-valid-either-way",
        "doubled-loses-sms",
        "trunk-needed-out",
        "trunk-harmless",
        "region-without-plus-shortened",
    ],
)
def test_phone_problem_as_finding(problem: PhoneProblem, severity: Severity, message: str) -> None:
    [finding] = phone_findings(problem)
    assert (finding.severity, finding.message, finding.rank) == (
        severity,
        message,
        RANK_OF[severity],
    )


def test_errors_come_first_then_the_order_found() -> None:
    found = phone_findings(
        TrunkPrefixKept("t", "0", "+1", valid_as_typed=True),
        NotMobile("+1", "fixed_line", SmsReach.NO),
        RegionMismatch("t", "GB", "+1", "US", False),
    )
    assert [(f.id, f.severity) for f in found] == [
        ("phone_not_mobile", Severity.ERROR),
        ("phone_trunk_prefix", Severity.WARNING),
        ("phone_region_mismatch", Severity.WARNING),
    ]


def test_a_judged_check_is_the_check_and_its_findings_last() -> None:
    check = check_phone("+44 07400 123456", region="GB")
    judged = judge_phone(check)
    assert isinstance(judged, PhoneCheck)
    assert all(getattr(judged, f.name) == getattr(check, f.name) for f in fields(check))
    data = jsonable(judged)
    assert isinstance(data, dict)
    assert list(data) == [f.name for f in fields(check) if f.name != "problems"] + ["findings"]
    assert judge_phone(judged) == judged  # judging again changes nothing


def test_an_address_that_cannot_get_codes_ranks_before_an_expired_code() -> None:
    expired = FIXTURES / "mail" / "inbox" / "google-code-expired.eml"
    result = CliRunner().invoke(
        main,
        ["analyze", str(expired), "--now", NOW, "--offline", "--format", "json",
         "--email", "alice@@gmail.com", "--phone", "+44 20 7946 0018"],
    )  # fmt: skip
    doc = cli_json(result.stdout, "analyze")
    assert [(f["id"], f["severity"]) for f in doc["findings"]] == [
        ("email_invalid", "error"),
        ("phone_not_mobile", "error"),
        ("code_expired", "error"),
        ("recipient_mismatch", "warning"),
    ]
    assert [f["id"] for f in doc["contacts"]["email"]["findings"]] == ["email_invalid"]
