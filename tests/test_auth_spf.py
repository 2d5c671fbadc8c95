"""SPF re-evaluation with pyspf over the shared resolver and a loopback dnsmasq (RFC 7208)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from inspector.auth import check_auth
from inspector.auth.spf_eval import evaluate
from inspector.domains.dns import Resolver
from testkit.dnsmasq import DNSServer, Records

if TYPE_CHECKING:
    from tests.auth_kit import AuthKit

NOW = datetime.now(UTC)
HOSTS = {f"h{n}.example.com": [f"203.0.113.{n}"] for n in range(1, 12)}


@pytest.fixture(scope="module")
def server(dnsmasq: Callable[[Records], DNSServer]) -> DNSServer:
    return dnsmasq(
        Records(
            txt={
                "pass.example.com": ["v=spf1 ip4:192.0.2.0/24 -all"],
                "soft.example.com": ["v=spf1 ip4:192.0.2.0/24 ~all"],
                "neutral.example.com": ["v=spf1 ?all"],
                "amx.example.com": ["v=spf1 a mx -all"],
                "inc.example.com": ["v=spf1 include:pass.example.com -all"],
                "six.example.com": ["v=spf1 ip6:2001:db8::/32 -all"],
                "macro.example.com": ["v=spf1 exists:%{i}.allow.example.com -all"],
                "many.example.com": [
                    "v=spf1 " + " ".join(f"a:h{n}.example.com" for n in range(1, 12)) + " -all"
                ],
                "void.example.com": [
                    "v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com -all"
                ],
                "two.example.com": ["v=spf1 -all", "v=spf1 +all"],
                "nospf.example.com": ["google-site-verification=abc"],
                "helo.example.com": ["v=spf1 ip4:192.0.2.10 -all"],
                "bad.example.com": ["v=spf1 ip4:192.0.2.300 -all"],
            },
            a={
                "amx.example.com": ["198.51.100.20"],
                "mx1.amx.example.com": ["198.51.100.21"],
                "192.0.2.77.allow.example.com": ["127.0.0.2"],
                **HOSTS,
            },
            mx={"amx.example.com": [(10, "mx1.amx.example.com")]},
        )
    )


@pytest.fixture
def resolver(server: DNSServer) -> Resolver:
    return server.resolver()


CASES = [
    ("pass.example.com", "192.0.2.10", "pass"),
    ("pass.example.com", "198.51.100.5", "fail"),
    ("soft.example.com", "198.51.100.5", "softfail"),
    ("neutral.example.com", "198.51.100.5", "neutral"),
    ("amx.example.com", "198.51.100.20", "pass"),
    ("amx.example.com", "198.51.100.21", "pass"),
    ("amx.example.com", "198.51.100.22", "fail"),
    ("inc.example.com", "192.0.2.99", "pass"),
    ("six.example.com", "2001:db8::5", "pass"),
    ("macro.example.com", "192.0.2.77", "pass"),
    ("macro.example.com", "192.0.2.78", "fail"),
    ("many.example.com", "192.0.2.10", "permerror"),
    ("void.example.com", "192.0.2.10", "permerror"),
    ("two.example.com", "192.0.2.10", "permerror"),
    ("nospf.example.com", "192.0.2.10", "none"),
    ("unknown.example.com", "192.0.2.10", "none"),
    ("bad.example.com", "192.0.2.10", "permerror"),
]


@pytest.mark.parametrize(
    ("domain", "ip", "expected"),
    CASES,
    ids=[f"{d.split('.')[0]}-{ip}-{r}" for d, ip, r in CASES],
)
def test_spf_results(kit: AuthKit, resolver: Resolver, domain: str, ip: str, expected: str) -> None:
    raw = kit.delivered(kit.message(), ip=ip, return_path=f"bounce@{domain}")
    spf = check_auth(raw, resolver=resolver, now=NOW).spf
    assert (spf.result, spf.source, spf.verified) == (expected, "verified", expected)
    assert (spf.domain, spf.identity, spf.ip) == (domain, "mailfrom", ip)


def test_too_many_lookups_is_explained(resolver: Resolver) -> None:
    result, explanation, lookups = evaluate(
        "192.0.2.10", "x@many.example.com", "mail.example.com", resolver, NOW
    )
    assert result == "permerror"
    assert "Too many DNS lookups" in explanation
    assert lookups is not None
    assert lookups > 10


def test_void_lookup_limit_is_explained(resolver: Resolver) -> None:
    result, explanation, _ = evaluate(
        "192.0.2.10", "x@void.example.com", "mail.example.com", resolver, NOW
    )
    assert result == "permerror"
    assert "Void lookup limit" in explanation


def test_null_sender_uses_helo(kit: AuthKit, resolver: Resolver) -> None:
    raw = kit.delivered(kit.message(), ip="192.0.2.10", helo="helo.example.com", return_path="")
    spf = check_auth(raw, resolver=resolver, now=NOW).spf
    assert (spf.identity, spf.domain, spf.result) == ("helo", "helo.example.com", "pass")


def test_receipt_pass_but_fails_now_is_explained(kit: AuthKit, resolver: Resolver) -> None:
    stamp = (
        "Authentication-Results: mx.receiver.test; "
        "spf=pass smtp.mailfrom=bounce@pass.example.com\r\n"
    )
    raw = kit.delivered(
        kit.message(), ip="198.51.100.5", return_path="bounce@pass.example.com", stamps=stamp
    )
    spf = check_auth(raw, resolver=resolver, now=NOW).spf
    assert (spf.result, spf.source, spf.receipt, spf.verified) == (
        "pass",
        "receipt",
        "pass",
        "fail",
    )
    assert "changed since delivery" in (spf.explanation or "")


@pytest.mark.slow
def test_timeout_is_temperror_not_fail(kit: AuthKit, silent_resolver: Resolver) -> None:
    raw = kit.delivered(kit.message(), ip="192.0.2.10", return_path="bounce@pass.example.com")
    started = time.monotonic()
    spf = check_auth(raw, resolver=silent_resolver, now=NOW).spf
    assert time.monotonic() - started < 5
    assert spf.result == "temperror"


def test_pyspf_global_dns_is_not_used(
    kit: AuthKit, resolver: Resolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spf

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("pyspf's module-level DNSLookup was called")

    monkeypatch.setattr(spf, "DNSLookup", forbidden)
    raw = kit.delivered(kit.message(), ip="192.0.2.10", return_path="bounce@inc.example.com")
    assert check_auth(raw, resolver=resolver, now=NOW).spf.result == "pass"


def test_answers_are_cached_per_run(kit: AuthKit, server: DNSServer) -> None:
    resolver = server.resolver()
    raw = kit.delivered(kit.message(), ip="192.0.2.10", return_path="bounce@pass.example.com")
    check_auth(raw, resolver=resolver, now=NOW)
    first = resolver.queries
    check_auth(raw, resolver=resolver, now=NOW)
    assert resolver.queries == first


def test_missing_ip_is_not_a_failure(kit: AuthKit, resolver: Resolver) -> None:
    raw = kit.message(extra="Return-Path: <bounce@pass.example.com>\r\n")
    spf = check_auth(raw, resolver=resolver, now=NOW).spf
    assert (spf.result, spf.verified) == ("none", None)
    assert "connecting IP" in (spf.explanation or "")


@pytest.mark.parametrize(
    ("verified", "explanation", "expected"),
    [
        ("temperror", None, "Pass at receipt; cannot be re-checked now."),
        ("temperror", "", "Pass at receipt; cannot be re-checked now."),
        ("temperror", "timed out.", "Pass at receipt; cannot be re-checked now (timed out)."),
        (
            "fail",
            None,
            "Pass at receipt, fail now: the SPF record has probably changed since delivery.",
        ),
    ],
    ids=["none", "empty", "reason", "changed-without-reason"],
)
def test_a_disagreement_never_shows_empty_brackets(
    verified: str, explanation: str | None, expected: str
) -> None:
    from inspector.auth.spf_eval import _disagreement

    assert _disagreement("pass", verified, explanation) == expected
