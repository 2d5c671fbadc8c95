"""Who is a look-alike: evidence against the sender, never merely a domain missing from the
catalogue (issue 16: real Yahoo! JAPAN and Mercari mail was called phishing)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from inspector.analysis.record import MessageRecord
from inspector.auth.report import AuthReport, DmarcCheck
from inspector.diagnosis.suspicion import judge, suspicion
from inspector.extract.services import Service, service_by_id
from inspector.model import Channel, Extraction, FolderRole, Timeline


def _service(service_id: str) -> Service:
    service = service_by_id(service_id)
    assert service is not None
    return service


def _auth(result: str | None) -> AuthReport | None:
    if result is None:
        return None  # nothing known about authentication (no results, offline)
    return AuthReport(dmarc=DmarcCheck(result=result, source="receipt"))


CASES = [
    # Regional domains of the brand: its own name under another public suffix.
    ("yahoo-japan", "yahoo", "mail.yahoo.co.jp", "pass", None),
    ("mercari-jp", "mercari", "mercari.jp", "pass", None),
    ("paypal-de", "paypal", "paypal.de", "pass", None),
    ("regional-unknown-auth", "mercari", "mercari.jp", None, None),
    ("regional-failing-dmarc-is-spoofed", "paypal", "paypal.de", "fail", "spoofed"),
    # An unrelated domain: left alone when its mail authenticates or nothing is known.
    ("unrelated-authenticated", "tiktok", "notify-mail.example", "pass", None),
    ("unrelated-unknown", "tiktok", "notify-mail.example", None, None),
    ("unrelated-failing", "tiktok", "notify-mail.example", "fail", "lookalike"),
    ("unrelated-no-dmarc", "tiktok", "notify-mail.example", "none", "lookalike"),
    # Names that imitate the brand, whatever authentication says.
    ("brand-plus-words", "tiktok", "tiktok-login-help.example", "pass", "lookalike"),
    ("brand-glued", "paypal", "paypalsecure.com", "pass", "lookalike"),
    ("brand-as-subdomain", "tiktok", "tiktok.verify-login.com", "pass", "lookalike"),
    ("digit-for-letter", "paypal", "paypa1.com", "pass", "lookalike"),
    ("rn-for-m", "amazon", "arnazon.com", "pass", "lookalike"),
    ("one-letter-off", "instagram", "instagrarn.com", "pass", "lookalike"),
    ("swapped-letters", "discord", "dicsord.com", "pass", "lookalike"),
    # A personal mailbox at a mail provider.
    ("free-mail", "tiktok", "gmail.com", "pass", "lookalike"),
    # The brand's own domains.
    ("owned", "tiktok", "account.tiktok.com", "pass", None),
    ("owned-failing", "tiktok", "tiktok.com", "fail", "spoofed"),
]


@pytest.mark.parametrize(
    ("service_id", "domain", "dmarc", "kind"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_lookalike_needs_evidence(
    service_id: str, domain: str, dmarc: str | None, kind: str | None
) -> None:
    found = judge(
        _service(service_id),
        origin_domain=None,
        email=True,
        from_domain=domain,
        auth=_auth(dmarc),
    )
    assert (found.kind if found else None) == kind
    if found is not None and found.kind == "lookalike":
        assert found.detail  # the evidence is said


def _record_with_link(shown: str, target: str, dmarc: str | None) -> MessageRecord:
    record = MessageRecord(
        source="x.eml",
        channel=Channel.EMAIL,
        folder="Junk",
        folder_role=FolderRole.JUNK,
        from_display=None,
        from_address="support@yourbank.example",
        from_domain="yourbank.example",
        to=(),
        subject="Verify your account",
        extraction=Extraction(is_verification=True),
        timeline=Timeline(),
        auth=_auth(dmarc),
    )
    return replace(record, links=((shown, target),))


LINKS = [
    ("look-alike-unchecked", "yourbank.com", "evil.yourbankk.com", None, "deceptive_link"),
    ("look-alike-dmarc-none", "www.paypal.com", "paypal-secure-login.example", "none",
     "deceptive_link"),
    # A brand's own tracking domain comes in mail that authenticates.
    ("brand-tracking-authenticated", "www.paypal.com", "paypal-communication.com", "pass", None),
    # Click tracking through an unrelated domain imitates nothing.
    ("click-tracking", "account.example.com", "click.sendgrid.net", None, None),
    ("same-organisation", "bank.example", "secure.bank.example", None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("shown", "target", "dmarc", "kind"), [c[1:] for c in LINKS], ids=[c[0] for c in LINKS]
)
def test_a_link_leading_to_a_look_alike_is_evidence(
    shown: str, target: str, dmarc: str | None, kind: str | None
) -> None:
    found = suspicion(_record_with_link(shown, target, dmarc))
    assert (found.kind if found else None) == kind
    if found is not None:
        assert (found.domain, found.detail) == (target, shown)
