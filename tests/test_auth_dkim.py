"""DKIM re-verification against keys served by a loopback dnsmasq (RFC 6376)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.auth import DkimSignature, check_auth
from inspector.domains.dns import Resolver
from testkit.dnsmasq import DNSServer, Records

if TYPE_CHECKING:
    from tests.auth_kit import AuthKit, TestKey

NOW = datetime.now(UTC)
STAMP = "Authentication-Results: mx.receiver.test; dkim=pass header.d=example.com header.s={s}\r\n"


@pytest.fixture(scope="module")
def server(
    dnsmasq: Callable[[Records], DNSServer],
    rsa_key: TestKey,
    other_rsa_key: TestKey,
    ed25519_key: TestKey,
) -> DNSServer:
    records = Records(
        txt={
            "sel._domainkey.example.com": [rsa_key.record],
            "ed._domainkey.example.com": [ed25519_key.record],
            "rotated._domainkey.example.com": [other_rsa_key.record],
            "revoked._domainkey.example.com": ["v=DKIM1; k=rsa; p="],
            "junk._domainkey.example.com": ["v=DKIM1; k=rsa; p=bm90IGEga2V5"],
            # a DKIM record longer than 255 bytes is split into strings and joined again
            "example.com": ["v=spf1 ip4:192.0.2.0/24 -all"],
        }
    )
    return dnsmasq(records)


@pytest.fixture
def resolver(server: DNSServer) -> Resolver:
    return server.resolver()


def _only(raw: bytes, resolver: Resolver | None) -> DkimSignature:
    report = check_auth(raw, resolver=resolver, now=NOW)
    assert len(report.dkim.signatures) == 1
    return report.dkim.signatures[0]


@pytest.mark.parametrize("key_name", ["rsa_key", "ed25519_key"], ids=["rsa-2048", "ed25519"])
def test_good_signature_passes(
    kit: AuthKit, key_name: str, request: pytest.FixtureRequest, resolver: Resolver
) -> None:
    key: TestKey = request.getfixturevalue(key_name)
    selector = "sel" if key_name == "rsa_key" else "ed"
    raw = kit.delivered(kit.sign(kit.message(), key, domain="example.com", selector=selector))
    report = check_auth(raw, resolver=resolver, now=NOW)
    signature = report.dkim.signatures[0]
    assert (signature.result, signature.source, signature.verified) == ("pass", "verified", "pass")
    assert signature.algorithm == key.algorithm.decode()
    assert report.dkim.result == "pass"
    assert report.dkim.domains == ("example.com",)


def test_body_tampered_fails(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    raw = kit.delivered(kit.sign(kit.message(), rsa_key, domain="example.com"))
    raw = raw.replace(b"123456", b"654321")
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert signature.result == "fail"
    assert "body" in (signature.explanation or "")


def test_header_tampered_fails(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    raw = kit.delivered(kit.sign(kit.message(), rsa_key, domain="example.com"))
    raw = raw.replace(b"Subject: Your verification code", b"Subject: Your new code")
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert signature.result == "fail"
    assert "does not match" in (signature.explanation or "")


def test_key_missing_is_permerror(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    raw = kit.delivered(kit.sign(kit.message(), rsa_key, domain="example.com", selector="gone"))
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert signature.result == "permerror"
    assert "key missing" in (signature.explanation or "")


def test_revoked_key(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    raw = kit.delivered(kit.sign(kit.message(), rsa_key, domain="example.com", selector="revoked"))
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert signature.result == "permerror"
    assert "revoked" in (signature.explanation or "")


def test_unusable_key_record(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    raw = kit.delivered(kit.sign(kit.message(), rsa_key, domain="example.com", selector="junk"))
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert signature.result in ("permerror", "fail")
    assert signature.verified in ("permerror", "fail")


def test_invalid_signing_domain_is_permerror_without_asking_dns(
    kit: AuthKit, rsa_key: TestKey, server: DNSServer
) -> None:
    raw = kit.delivered(kit.sign(kit.message(), rsa_key, domain="example.com"))
    raw = raw.replace(b"d=example.com;", b"d=exa..mple.com;", 1)
    raw = raw.replace(b"i=@example.com;", b"i=@exa..mple.com;", 1)
    resolver = server.resolver()
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert signature.result == "permerror"
    assert "not a valid DNS name" in (signature.explanation or "")


@pytest.mark.slow
def test_dns_timeout_is_temperror_and_quick(
    kit: AuthKit, rsa_key: TestKey, silent_resolver: Resolver
) -> None:
    raw = kit.delivered(kit.sign(kit.message(), rsa_key, domain="example.com"))
    started = time.monotonic()
    report = check_auth(raw, resolver=silent_resolver, now=NOW)
    assert time.monotonic() - started < 5
    signature = report.dkim.signatures[0]
    assert signature.result == "temperror"
    assert report.dkim.result == "temperror"
    assert report.spf.result != "fail"
    assert report.dmarc.result == "temperror"


def test_partial_body_with_appended_text(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    signed = kit.sign(kit.message(), rsa_key, domain="example.com", length=True)
    raw = kit.delivered(signed + b"Click here to claim your prize: http://evil.test/\r\n")
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert signature.result == "pass"
    assert signature.partial is True
    assert signature.appended is not None
    assert signature.appended > 0
    assert "added after the signed part" in (signature.explanation or "")


def test_partial_body_without_appended_text(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    raw = kit.delivered(kit.sign(kit.message(), rsa_key, domain="example.com", length=True))
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert (signature.result, signature.partial, signature.appended) == ("pass", True, 0)


def test_key_rotated_since_receipt(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    signed = kit.sign(kit.message(), rsa_key, domain="example.com", selector="rotated")
    raw = kit.delivered(signed, stamps=STAMP.format(s="rotated"))
    signature = check_auth(raw, resolver=resolver, now=NOW).dkim.signatures[0]
    assert (signature.result, signature.source) == ("pass", "receipt")
    assert (signature.receipt, signature.verified) == ("pass", "fail")
    assert (signature.explanation or "").startswith("Passed at receipt; key since changed")


def test_key_removed_since_receipt(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    signed = kit.sign(kit.message(), rsa_key, domain="example.com", selector="gone")
    raw = kit.delivered(signed, stamps=STAMP.format(s="gone"))
    report = check_auth(raw, resolver=resolver, now=NOW)
    signature = report.dkim.signatures[0]
    assert (signature.result, signature.verified) == ("pass", "permerror")
    assert "key since changed" in (signature.explanation or "")
    assert report.dkim.result == "pass"


def test_forged_pass_from_foreign_authserv_id_is_not_trusted(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    signed = kit.sign(kit.message(), rsa_key, domain="example.com", selector="gone")
    forged = "Authentication-Results: mx.google.com; dkim=pass header.d=example.com\r\n"
    raw = kit.delivered(forged.encode() + signed)
    report = check_auth(raw, resolver=resolver, now=NOW)
    signature = report.dkim.signatures[0]
    assert (signature.result, signature.source, signature.receipt) == (
        "permerror",
        "verified",
        None,
    )
    assert [r.authserv_id for r in report.untrusted] == ["mx.google.com"]
    assert not report.trusted


def test_two_signatures_each_reported(
    kit: AuthKit, rsa_key: TestKey, ed25519_key: TestKey, resolver: Resolver
) -> None:
    once = kit.sign(kit.message(), rsa_key, domain="example.com", selector="sel")
    twice = kit.sign(once, ed25519_key, domain="example.com", selector="ed")
    report = check_auth(kit.delivered(twice), resolver=resolver, now=NOW)
    assert [s.algorithm for s in report.dkim.signatures] == ["ed25519-sha256", "rsa-sha256"]
    assert [s.result for s in report.dkim.signatures] == ["pass", "pass"]


def test_expired_signature_is_flagged_offline(kit: AuthKit) -> None:
    header = (
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=sel;\r\n"
        " t=1600000000; x=1600086400; h=from:subject; bh=AAAA; b=AAAA\r\n"
    )
    raw = kit.delivered(header.encode() + kit.message())
    signature = _only(raw, None)
    assert signature.expired is True
    assert "expired on 2020-09-14" in (signature.explanation or "")


def test_offline_reports_receipt_only(kit: AuthKit, rsa_key: TestKey) -> None:
    signed = kit.sign(kit.message(), rsa_key, domain="example.com")
    raw = kit.delivered(signed, stamps=STAMP.format(s="sel"))
    signature = _only(raw, None)
    assert (signature.result, signature.source, signature.verified) == ("pass", "receipt", None)


def test_truncated_message_does_not_claim_failure(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    raw = kit.delivered(
        kit.sign(kit.message(body="x" * 5000 + "\r\n"), rsa_key, domain="example.com")
    )
    report = check_auth(raw[:-2000], resolver=resolver, now=NOW, truncated=True)
    signature = report.dkim.signatures[0]
    assert signature.verified is None
    assert "truncated" in (signature.explanation or "")
    assert report.truncated


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab=; \t_1é-", max_size=24))
def test_tag_lists_read_as_dkimpy_reads_them(value: str) -> None:
    """inspector reads DKIM tag lists itself (no dkimpy import offline), with its answers."""
    from dkim.util import InvalidTagValueList, parse_tag_value

    from inspector.auth.dkim_verify import _tags

    try:
        tags = parse_tag_value(value.encode("utf-8", "replace"))
        expected = {
            k.decode("ascii", "replace").lower(): v.decode("utf-8", "replace")
            for k, v in tags.items()
        }
    except (InvalidTagValueList, ValueError):
        expected = None
    assert _tags(value) == expected
