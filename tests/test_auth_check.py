"""check_auth end to end: fixture messages, the JSON shape, offline means no network."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.auth import AuthReport, check_auth
from inspector.domains.dns import Resolver
from inspector.report.serialize import jsonable
from testkit.dnsmasq import DNSServer, Records

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "auth"
ALL = sorted(p.name for p in FIXTURES.glob("*.eml"))


def _check(name: str, resolver: Resolver | None = None) -> AuthReport:
    return check_auth((FIXTURES / name).read_bytes(), resolver=resolver)


def test_gmail_receipt() -> None:
    report = _check("gmail-receipt-pass.eml")
    assert (report.receiver, report.receiver_org) == ("mx.google.com", "google.com")
    assert (report.spf.result, report.spf.source, report.spf.ip) == ("pass", "receipt", "192.0.2.1")
    (signature,) = report.dkim.signatures
    assert (signature.domain, signature.selector, signature.result, signature.source) == (
        "example.com",
        "s1",
        "pass",
        "receipt",
    )
    assert (report.dmarc.result, report.dmarc.disposition) == ("pass", "reject")
    assert report.arc.domains == ("google.com",)
    assert report.offline


def test_forged_results_are_not_a_pass() -> None:
    report = _check("forged-authresults.eml")
    assert report.receiver_org == "receiver.test"
    assert not report.trusted
    assert {r.authserv_id for r in report.untrusted} >= {"mx.google.com"}
    for method in (report.spf, report.dkim, report.dmarc):
        assert method.result != "pass"
    assert any("may be forged" in n for n in report.notes)


def test_microsoft_receipt_and_spam_headers() -> None:
    report = _check("microsoft-authresults-without-id.eml")
    assert (report.spf.result, report.dkim.result, report.dmarc.result) == ("pass", "pass", "pass")
    assert (report.spam.verdict, report.spam.vendor, report.spam.trusted) == (
        "ham",
        "microsoft",
        True,
    )


def test_postfix_failures_at_receipt() -> None:
    report = _check("postfix-stacked-stamps.eml")
    assert (report.spf.result, report.dkim.result, report.dmarc.result) == ("fail", "fail", "fail")
    assert report.dmarc.disposition == "reject"


def test_two_from_headers() -> None:
    report = _check("two-from-headers.eml")
    assert report.from_domain is None
    assert report.dmarc.result == "permerror"


@pytest.mark.parametrize("name", ALL)
def test_offline_opens_no_connection(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("offline check_auth tried to open a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    report = check_auth((FIXTURES / name).read_bytes(), resolver=None)
    assert report.offline
    assert all(s.verified is None for s in report.dkim.signatures)
    assert report.spf.verified is None
    assert report.dmarc.verified is None


@pytest.mark.parametrize("name", ALL)
def test_json_shape(name: str) -> None:
    report = _check(name)
    auth, spam = jsonable(report), jsonable(report.spam)
    assert isinstance(auth, dict)
    assert isinstance(spam, dict)
    assert "spam" not in auth  # a report message has "spam" beside "auth"
    for method in ("spf", "dkim", "dmarc", "arc"):
        assert auth[method]["result"] in (
            "pass",
            "fail",
            "softfail",
            "neutral",
            "none",
            "temperror",
            "permerror",
            "policy",
        )
        assert auth[method]["source"] in ("receipt", "verified", None)
    for signature in auth["dkim"]["signatures"]:
        assert {"domain", "selector", "algorithm", "result", "partial", "explanation"} <= set(
            signature
        )
    assert isinstance(auth["trusted"], list)
    assert isinstance(auth["untrusted"], list)
    assert spam["verdict"] in ("spam", "ham", "unknown")
    json.dumps([auth, spam])


def test_package_import_is_light() -> None:
    code = (
        "import sys, inspector.auth, inspector.diagnosis.rules.auth;"
        "heavy = [m for m in ('dkim', 'spf', 'dns', 'authres', 'publicsuffixlist', 'nacl')"
        " if m in sys.modules]; print(heavy)"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={"PYTHONPATH": str(root)},
    )
    assert result.stdout.strip() == "[]"


MESSAGE_PARTS = st.sampled_from(
    [
        b"DKIM-Signature: ",
        b"ARC-Seal: ",
        b"ARC-Message-Signature: ",
        b"ARC-Authentication-Results: ",
        b"Authentication-Results: ",
        b"Received: ",
        b"Received-SPF: ",
        b"From: ",
        b"Return-Path: ",
        b"X-Spam-Status: ",
        b"\r\n",
        b"\r\n\t",
        b"; ",
        b"v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; l=5",
        b"i=1; cv=none",
        b"from a (a [192.0.2.1]) by mx.receiver.test",
        b"dkim=pass header.d=example.com",
    ]
)


@pytest.fixture(scope="module")
def empty_dns(dnsmasq: Callable[[Records], DNSServer]) -> DNSServer:
    return dnsmasq(Records(txt={"_dmarc.example.com": ["v=DMARC1; p=reject"]}))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MESSAGE_PARTS, st.binary(max_size=30)), max_size=30))
def test_hostile_messages_never_raise(empty_dns: DNSServer, parts: list[bytes]) -> None:
    raw = b"".join(parts) + b"\r\n\r\nbody\r\n"
    for resolver in (None, empty_dns.resolver()):
        report = check_auth(raw, resolver=resolver)
        json.dumps(jsonable(report))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise_offline(raw: bytes) -> None:
    jsonable(check_auth(raw, resolver=None))
