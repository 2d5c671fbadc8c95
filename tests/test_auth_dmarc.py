"""DMARC evaluation (RFC 7489) with policies and keys served by a loopback dnsmasq."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from inspector.auth import DkimCheck, DkimSignature, SpfCheck, check_auth
from inspector.auth.dmarc import Policy, check_dmarc, parse_record
from inspector.auth.headers import Author
from inspector.auth.receipt import Receipt
from inspector.domains.dns import Answer, Resolver
from inspector.errors import DNSError
from testkit.dnsmasq import DNSServer, Records

if TYPE_CHECKING:
    from tests.auth_kit import AuthKit, TestKey


NOW = datetime.now(UTC)
SIGNERS = [
    "example.com",
    "mail.example.com",
    "mail.strictco.com",
    "a.example.co.uk",
    "example1.co.uk",
    "other.org",
    "x.spco.com",
]


@pytest.fixture(scope="module")
def server(dnsmasq: Callable[[Records], DNSServer], rsa_key: TestKey) -> DNSServer:
    txt = {f"sel._domainkey.{d}": [rsa_key.record] for d in SIGNERS}
    txt.update(
        {
            "_dmarc.example.com": ["v=DMARC1; p=reject; rua=mailto:dmarc@example.com"],
            "_dmarc.example.net": ["v=DMARC1; p=quarantine"],
            "_dmarc.example.org": ["v=DMARC1; p=none"],
            "_dmarc.strictco.com": ["v=DMARC1; p=reject; adkim=s; aspf=s"],
            "_dmarc.example.co.uk": ["v=DMARC1; p=reject"],
            "_dmarc.example2.co.uk": ["v=DMARC1; p=reject"],
            "_dmarc.spco.com": ["v=DMARC1; p=reject; sp=none"],
            "_dmarc.dup.com": ["v=DMARC1; p=none", "v=DMARC1; p=reject"],
            "_dmarc.bad.com": ["v=DMARC1; p=bogus"],
            "_dmarc.rua.com": ["v=DMARC1; p=bogus; rua=mailto:x@rua.com"],
            "_dmarc.pct0.com": ["v=DMARC1; p=reject; pct=0"],
            "_dmarc.pct50.com": ["v=DMARC1; p=quarantine; pct=50"],
            "example.com": ["v=spf1 ip4:192.0.2.0/24 -all"],
            "example.net": ["v=spf1 ip4:192.0.2.0/24 -all"],
            "bounces.other.org": ["v=spf1 ip4:192.0.2.0/24 -all"],
        }
    )
    return dnsmasq(Records(txt=txt))


@pytest.fixture
def resolver(server: DNSServer) -> Resolver:
    return server.resolver()


def _signed(
    kit: AuthKit,
    key: TestKey,
    *,
    from_domain: str,
    signer: str | None,
    ip: str = "198.51.100.9",
    return_path: str | None = None,
) -> bytes:
    raw = kit.message(from_=f"Sender <no-reply@{from_domain}>")
    if signer:
        raw = kit.sign(raw, key, domain=signer)
    return kit.delivered(raw, ip=ip, return_path=return_path or f"bounce@{from_domain}")


POLICY_CASES = [
    ("example.com", "reject"),
    ("example.net", "quarantine"),
    ("example.org", "none"),
]


@pytest.mark.parametrize(("domain", "disposition"), POLICY_CASES, ids=[p for _, p in POLICY_CASES])
def test_unauthenticated_mail_fails_with_the_published_policy(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver, domain: str, disposition: str
) -> None:
    raw = _signed(kit, rsa_key, from_domain=domain, signer=None)
    dmarc = check_auth(raw, resolver=resolver, now=NOW).dmarc
    assert (dmarc.result, dmarc.source, dmarc.disposition) == ("fail", "verified", disposition)
    assert dmarc.record_domain == domain
    assert "DMARC fails" in (dmarc.explanation or "")


ALIGNMENT_CASES = [
    # (From domain, DKIM d=, expected, why)
    ("example.com", "example.com", "pass", "same domain"),
    ("news.example.com", "mail.example.com", "pass", "siblings, relaxed"),
    ("news.strictco.com", "mail.strictco.com", "fail", "siblings, strict"),
    ("b.example.co.uk", "a.example.co.uk", "pass", "co.uk siblings"),
    ("example2.co.uk", "example1.co.uk", "fail", "different co.uk registrations"),
    ("example.com", "other.org", "fail", "third-party signer"),
]


@pytest.mark.parametrize(
    ("from_domain", "signer", "expected"),
    [c[:3] for c in ALIGNMENT_CASES],
    ids=[c[3] for c in ALIGNMENT_CASES],
)
def test_dkim_alignment(
    kit: AuthKit,
    rsa_key: TestKey,
    resolver: Resolver,
    from_domain: str,
    signer: str,
    expected: str,
) -> None:
    raw = _signed(kit, rsa_key, from_domain=from_domain, signer=signer)
    report = check_auth(raw, resolver=resolver, now=NOW)
    assert report.dkim.result == "pass"
    assert report.dmarc.result == expected
    assert (report.dmarc.dkim_aligned == (signer,)) is (expected == "pass")


def test_aligned_spf_pass_is_enough(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    raw = _signed(kit, rsa_key, from_domain="example.net", signer=None, ip="192.0.2.5")
    dmarc = check_auth(raw, resolver=resolver, now=NOW).dmarc
    assert (dmarc.result, dmarc.spf_aligned, dmarc.dkim_aligned) == ("pass", True, ())


def test_unaligned_spf_pass_is_not_enough(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    raw = _signed(
        kit,
        rsa_key,
        from_domain="example.com",
        signer=None,
        ip="192.0.2.5",
        return_path="b@bounces.other.org",
    )
    report = check_auth(raw, resolver=resolver, now=NOW)
    assert report.spf.result == "pass"
    assert report.dmarc.result == "fail"
    assert "not aligned" in (report.dmarc.explanation or "")


def test_subdomain_policy_applies_below_the_org_domain(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    raw = _signed(kit, rsa_key, from_domain="x.spco.com", signer=None)
    dmarc = check_auth(raw, resolver=resolver, now=NOW).dmarc
    assert (dmarc.result, dmarc.record_domain) == ("fail", "spco.com")
    assert (dmarc.policy, dmarc.subdomain_policy, dmarc.disposition) == ("reject", "none", "none")


BROKEN = [
    ("dup.com", "permerror"),
    ("bad.com", "permerror"),
    ("nodmarc.com", "none"),
]


@pytest.mark.parametrize(("domain", "expected"), BROKEN, ids=["two-records", "bad-p", "absent"])
def test_broken_or_missing_policy(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver, domain: str, expected: str
) -> None:
    raw = _signed(kit, rsa_key, from_domain=domain, signer=None)
    dmarc = check_auth(raw, resolver=resolver, now=NOW).dmarc
    assert dmarc.result == expected
    assert dmarc.explanation


def test_invalid_p_with_rua_acts_as_none(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    raw = _signed(kit, rsa_key, from_domain="rua.com", signer=None)
    dmarc = check_auth(raw, resolver=resolver, now=NOW).dmarc
    assert (dmarc.result, dmarc.disposition) == ("fail", "none")


def test_two_from_headers_are_never_a_pass(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    raw = kit.message(extra="From: Other <x@evil.test>\r\n")
    raw = kit.sign(raw, rsa_key, domain="example.com")
    stamp = "Authentication-Results: mx.receiver.test; dmarc=pass header.from=example.com\r\n"
    raw = kit.delivered(raw, stamps=stamp)
    for chosen in (resolver, None):
        dmarc = check_auth(raw, resolver=chosen, now=NOW).dmarc
        assert dmarc.result == "permerror"
        assert dmarc.receipt == "pass"
        assert "2 From headers" in (dmarc.explanation or "")


@pytest.mark.parametrize(
    "from_value",
    ["", "undisclosed-recipients:;", "a@example.com, b@example.com", "no address", "x@"],
    ids=["empty", "group", "two-addresses", "no-at", "no-domain"],
)
def test_unusable_from_is_not_evaluable(kit: AuthKit, from_value: str) -> None:
    raw = kit.delivered(kit.message(from_=from_value))
    report = check_auth(raw, resolver=None, now=NOW)
    assert report.dmarc.result == "permerror"
    assert report.from_domain is None


def test_receipt_verdict_offline_keeps_the_policy(kit: AuthKit) -> None:
    stamp = (
        "Authentication-Results: mx.receiver.test; dmarc=fail (p=QUARANTINE sp=NONE dis=QUARANTINE)"
        " header.from=example.com\r\n"
    )
    raw = kit.delivered(kit.message(), stamps=stamp)
    dmarc = check_auth(raw, resolver=None, now=NOW).dmarc
    assert (dmarc.result, dmarc.source, dmarc.disposition) == ("fail", "receipt", "quarantine")


RECORDS = [
    ("v=DMARC1; p=reject", Policy("d", "reject", None, "r", "r", 100, "v=DMARC1; p=reject")),
    ("v=DMARC1;p=none;adkim=s;aspf=s;pct=20", Policy("d", "none", None, "s", "s", 20, "")),
    (
        "v=DMARC1; p=quarantine; sp=reject; pct=250",
        Policy("d", "quarantine", "reject", "r", "r", 100, ""),
    ),
    ("v=DMARC1; p=bogus", "the record has no valid p= tag (bogus)"),
    ("v=spf1 -all", "the record does not start with v=DMARC1"),
]


@pytest.mark.parametrize(
    ("text", "expected"), RECORDS, ids=["reject", "strict", "sp", "bogus", "spf"]
)
def test_parse_record(text: str, expected: Policy | str) -> None:
    parsed = parse_record(text, "d")
    if isinstance(expected, str):
        assert parsed == expected
    else:
        assert isinstance(parsed, Policy)
        assert (parsed.p, parsed.sp, parsed.adkim, parsed.aspf, parsed.pct) == (
            expected.p,
            expected.sp,
            expected.adkim,
            expected.aspf,
            expected.pct,
        )


class TableResolver(Resolver):
    """An injected resolver answering from a table; names mapped to None time out."""

    def __init__(self, table: dict[tuple[str, str], Answer | None]) -> None:
        super().__init__([("127.0.0.1", 9)])
        self.table = table

    def query(self, name: str, rdtype: str) -> Answer:
        found = self.table.get((name, rdtype), Answer("nxdomain"))
        if found is None:
            raise DNSError(f"DNS lookup of {rdtype} {name} timed out")
        return found


def _dmarc_with(spf: str, dkim: str, table: dict[tuple[str, str], Answer | None]) -> object:
    signatures = (DkimSignature("example.com", "sel", "rsa-sha256", dkim, "verified"),)
    return check_dmarc(
        author=Author("example.com", "a@example.com", None),
        spf=SpfCheck(result=spf, source="verified", domain="example.com"),
        dkim=DkimCheck(result=dkim, source="verified", signatures=signatures),
        resolver=TableResolver(table),
        receipt=Receipt((), (), ()),
    )


POLICY = {("_dmarc.example.com", "TXT"): Answer("ok", ("v=DMARC1; p=reject",))}


@pytest.mark.parametrize(
    ("spf", "dkim", "table", "expected"),
    [
        ("temperror", "temperror", POLICY, "temperror"),
        ("fail", "temperror", POLICY, "temperror"),
        ("temperror", "pass", POLICY, "pass"),
        ("fail", "fail", POLICY, "fail"),
        ("pass", "pass", {("_dmarc.example.com", "TXT"): None}, "temperror"),
    ],
    ids=["both-temporary", "dkim-temporary", "dkim-pass-wins", "real-fail", "policy-timeout"],
)
def test_temporary_failures_are_temperror(
    spf: str, dkim: str, table: dict[tuple[str, str], Answer | None], expected: str
) -> None:
    dmarc = _dmarc_with(spf, dkim, table)
    assert getattr(dmarc, "result", None) == expected


@pytest.mark.parametrize(
    ("domain", "disposition", "says"),
    [("pct0.com", "quarantine", "pct=0"), ("pct50.com", "quarantine", "50% of failing mail")],
    ids=["pct-0-next-less-strict", "pct-50-may-apply"],
)
def test_pct_is_applied(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver, domain: str, disposition: str, says: str
) -> None:
    """RFC 7489 §6.6.4: outside the sample the next less strict policy applies."""
    dmarc = check_auth(
        _signed(kit, rsa_key, from_domain=domain, signer=None), resolver=resolver, now=NOW
    ).dmarc
    assert (dmarc.result, dmarc.disposition) == ("fail", disposition)
    assert says in (dmarc.explanation or "")


def _signed_at(
    kit: AuthKit, key: TestKey, monkeypatch: pytest.MonkeyPatch, *, t: int, x: int
) -> bytes:
    """A message validly signed by ``key`` at ``t`` with the expiry ``x`` (dkimpy has no
    option for x=: the tag is added to the fields it is about to sign)."""
    import time

    import dkim

    original = dkim.DKIM.gen_header

    def with_expiry(self: object, fields: list[tuple[bytes, bytes]], *args: object) -> bytes:
        fields.insert(len(fields) - 1, (b"x", str(x).encode()))  # before b=
        return original(self, fields, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(dkim.DKIM, "gen_header", with_expiry)
    monkeypatch.setattr(time, "time", lambda: float(t))
    raw = kit.message(from_="Sender <no-reply@example.com>")
    header = dkim.sign(raw, b"sel", b"example.com", key.private, signature_algorithm=key.algorithm)
    monkeypatch.undo()
    return kit.delivered(bytes(header) + raw, ip="198.51.100.9")  # SPF does not pass


def test_rsa_sha1_never_passes_dkim_nor_dmarc(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    """RFC 8301 §3.1: verifiers must not consider rsa-sha1 signatures valid."""
    import dataclasses

    import dkim

    sha1 = dataclasses.replace(rsa_key, algorithm=b"rsa-sha1")
    raw = kit.message(from_="Sender <no-reply@example.com>")
    signed = bytes(
        dkim.sign(raw, b"sel", b"example.com", sha1.private, signature_algorithm=b"rsa-sha1")
    )
    stamp = "Authentication-Results: mx.receiver.test; dkim=pass header.d=example.com\r\n"
    report = check_auth(
        kit.delivered(signed + raw, ip="198.51.100.9", stamps=stamp), resolver=resolver, now=NOW
    )
    (signature,) = report.dkim.signatures
    assert signature.result != "pass"
    assert "RFC 8301" in (signature.explanation or "")
    assert report.dmarc.verified == "fail"


def test_a_signature_expired_at_delivery_does_not_pass(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RFC 6376 §3.5: past x= the signature is not valid; DMARC must not pass on it. The
    kit delivers on 2024-01-01; the signature expired in 2023."""
    raw = _signed_at(kit, rsa_key, monkeypatch, t=1672531200, x=1672617600)  # 2023-01-01/02
    report = check_auth(raw, resolver=resolver, now=NOW)
    (signature,) = report.dkim.signatures
    assert signature.result != "pass"
    assert "expired" in (signature.explanation or "")
    assert report.dmarc.verified != "pass"


def test_a_signature_valid_at_delivery_still_passes(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Expired since delivery (re-checked today) is not a forgery: it passed when it counted."""
    raw = _signed_at(kit, rsa_key, monkeypatch, t=1704067100, x=1704153600)  # valid 2024-01-01
    report = check_auth(raw, resolver=resolver, now=NOW)
    (signature,) = report.dkim.signatures
    assert signature.result == "pass"
    assert report.dmarc.verified == "pass"
