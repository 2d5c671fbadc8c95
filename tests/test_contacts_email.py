"""Email checks: syntax, typos, flags and comparison offline; deliverability against dnsmasq."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.contacts.email import check_email, normalize_for_compare
from inspector.contacts.lists import is_disposable
from inspector.contacts.typos import PROVIDERS, osa_distance, repair_domain, suggest_domain
from inspector.diagnosis.rules.contacts import CheckedEmail, judge_email
from inspector.domains.dns import Resolver
from inspector.model import Severity
from inspector.report.serialize import jsonable
from testkit.dnsmasq import DNSServer, Record, SilentServer


def checked(address: str, *, resolver: Resolver | None) -> CheckedEmail:
    """The check as check-email and the report show it: its facts and their findings."""
    return judge_email(check_email(address, resolver=resolver))


def ids(check: CheckedEmail) -> dict[str, Severity]:
    return {f.id: f.severity for f in check.findings}


# ------------------------------------------------------------------------------------------
# Syntax (email-validator), offline.

INVALID = [
    ("no-at", "alice.example.com", "@-sign"),
    ("two-ats", "alice@@example.com", "invalid characters"),
    ("space-in-local", "ali ce@example.com", "SPACE"),
    ("empty", "", "empty"),
    ("special-use-local", "alice@printer.local", "special-use"),
    ("special-use-localhost", "alice@localhost", "period"),
    ("special-use-invalid", "alice@foo.invalid", "special-use"),
    ("display-name", "Alice <alice@example.com>", "display name"),
    ("unsafe-char", "ali\u200bce@example.com", "unsafe"),
    ("trailing-dot-local", "alice.@example.com", "period"),
    ("dot-dot-domain", "alice@example..com", "period"),
    ("too-long", "a" * 2000 + "@example.com", "2012 characters"),
]


@pytest.mark.parametrize(
    ("address", "explains"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID]
)
def test_invalid_addresses_explain_why(address: str, explains: str) -> None:
    check = checked(address, resolver=None)
    assert not check.valid
    assert check.normalized is None
    [finding] = check.findings
    assert finding.id == "email_invalid"
    assert finding.severity is Severity.ERROR
    assert explains.lower() in finding.message.lower()


REPAIRED = [
    ("comma-for-dot", "you@gmail,com", "you@gmail.com"),
    ("dot-missing", "you@gmailcom", "you@gmail.com"),
    ("dot-doubled", "you@hotmail..com", "you@hotmail.com"),
    ("at-doubled", "alice@@gmail.com", "alice@gmail.com"),
    ("at-doubled-and-typo", "alice@@gmial.com", "alice@gmail.com"),
    ("tld-missing", "alice@gmail", "alice@gmail.com"),
    ("tld-missing-yahoo", "bob@yahoo", "bob@yahoo.com"),
    ("tld-missing-and-typo", "alice@gmial", "alice@gmail.com"),
    ("space-in-address", "alice @gmail.com", "alice@gmail.com"),
]


@pytest.mark.parametrize(
    ("address", "meant"), [c[1:] for c in REPAIRED], ids=[c[0] for c in REPAIRED]
)
def test_invalid_provider_domain_gets_a_suggestion(address: str, meant: str) -> None:
    check = checked(address, resolver=None)
    assert not check.valid
    assert check.suggestion == meant
    assert meant in check.findings[0].message


@pytest.mark.parametrize(
    "address",
    ["alice@localhost", "alice@@example.invalid", "a@b@c", "@gmail.com", "alice@", "x@@"],
)
def test_no_suggestion_without_a_real_repair(address: str) -> None:
    check = checked(address, resolver=None)
    assert check.suggestion is None or (
        check.suggestion.casefold() != address.casefold()
        and checked(check.suggestion, resolver=None).valid
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_a_suggestion_never_equals_the_input(text: str) -> None:
    suggestion = checked(text, resolver=None).suggestion
    assert suggestion is None or suggestion.strip().casefold() != text.strip().casefold()


NORMALIZED = [
    ("domain-case", "Alice@Example.COM", "Alice@example.com"),
    ("idn-unicode", "alice@BÜCHER.de", "alice@bücher.de"),
    ("idn-punycode-to-unicode", "alice@xn--bcher-kva.de", "alice@bücher.de"),
    ("surrounding-space", "  alice@example.com\n", "alice@example.com"),
    ("nfc-local", "jose\u0301@example.com", "jos\u00e9@example.com"),
]


@pytest.mark.parametrize(
    ("address", "normalized"), [c[1:] for c in NORMALIZED], ids=[c[0] for c in NORMALIZED]
)
def test_normalized_form(address: str, normalized: str) -> None:
    check = checked(address, resolver=None)
    assert check.valid
    assert check.normalized == normalized


def test_non_ascii_local_part_needs_smtputf8() -> None:
    assert ids(checked("jösé@example.com", resolver=None)) == {"email_smtputf8": Severity.WARNING}


# ------------------------------------------------------------------------------------------
# Typo suggestions.

TYPOS = [
    ("transposition", "gmial.com", "gmail.com"),
    ("tld-con", "gmail.con", "gmail.com"),
    ("tld-cmo", "gmail.cmo", "gmail.com"),
    ("tld-co", "icloud.co", "icloud.com"),
    ("tld-cm", "yahoo.cm", "yahoo.com"),
    ("tld-om", "outlook.om", "outlook.com"),
    ("hotmial", "hotmial.com", "hotmail.com"),
    ("missing-letter", "yaho.com", "yahoo.com"),
    ("outlok", "outlok.com", "outlook.com"),
    ("extra-letter", "gmaill.com", "gmail.com"),
    ("substitution", "gnail.com", "gmail.com"),
    ("long-name-two-edits", "hotmal.con", "hotmail.com"),
    ("googlemail", "googlemial.com", "googlemail.com"),
    ("country-variant", "yaho.fr", "yahoo.fr"),
    ("two-label-suffix", "hotmail.co.k", "hotmail.co.uk"),
    ("suffix-typed-twice", "gmail.com.com", "gmail.com"),
    ("short-name-tld-only", "aol.co", "aol.com"),
    ("net-ne", "gmx.ne", "gmx.net"),
    ("hyphen-dropped", "tonline.de", "t-online.de"),
    ("uppercase", "GMIAL.COM", "gmail.com"),
    # Two slips at once: a swapped letter and a suffix typo.
    ("swap-and-con", "gmial.con", "gmail.com"),
    ("swap-and-cmo", "outlok.cmo", "outlook.com"),
    ("extra-and-con", "yahooo.con", "yahoo.com"),
    # A typo trap on a disposable list is still one slip from a provider.
    ("typo-trap-on-disposable-list", "hotmai.com", "hotmail.com"),
    # A TLD that does not exist: any domain, a provider's name whatever the TLD.
    ("unknown-tld-any-domain", "randomsmallcompany.cmo", "randomsmallcompany.com"),
    ("unknown-tld-subdomain", "mail.company.ogr", "mail.company.org"),
    ("unknown-tld-digit", "company.c0m", "company.com"),
    ("provider-name-unknown-tld", "gmail.vop", "gmail.com"),
    ("provider-name-one-letter-tld", "hotmail.c", "hotmail.com"),
    # The other generic TLD, also when a blocklist has the domain.
    ("provider-name-org", "gmail.org", "gmail.com"),
    ("provider-name-net-on-disposable-list", "gmail.net", "gmail.com"),
    # Two slips in a short name when its first letter is right.
    ("two-slips-first-letter-kept", "gmiel.com", "gmail.com"),
    ("two-letters-missing", "gml.com", "gmail.com"),
    # HubSpot's provider list holds typos people typed at sign-up: one slip is still corrected.
    ("listed-typo", "hitmail.com", "hotmail.com"),
    ("listed-typo-tld", "hotmail.co", "hotmail.com"),
]
NOT_TYPOS = [
    ("provider-itself", "gmail.com"),
    ("country-variant-itself", "hotmail.co.uk"),
    ("known-real-ymail", "ymail.com"),
    ("known-real-mail-com", "mail.com"),
    ("other-cctld-not-a-typo", "yahoo.fi"),
    ("cctld-two-edits", "outlook.cz"),
    ("short-name-changed", "aoll.com"),
    ("short-name-gmx-changed", "gmc.com"),
    # Real providers are never "corrected" into another one.
    ("real-gmx-de", "gmx.de"),
    ("real-mail-ru", "mail.ru"),
    ("real-naver", "naver.com"),
    ("real-seznam", "seznam.cz"),
    ("real-wp-pl", "wp.pl"),
    ("real-inbox-ru", "inbox.ru"),
    # Throwaway services are real domains too: told as disposable, never corrected.
    ("disposable-yopmail", "yopmail.com"),
    ("disposable-mailinator", "mailinator.com"),
    ("disposable-guerrillamail", "guerrillamail.com"),
    ("unrelated", "example.com"),
    # On the allowlist of domains wrongly taken for disposable ones: a real provider.
    ("allowlisted-provider", "xmail.com"),
    # On a disposable list, another first letter than gmail's: a name of its own.
    ("disposable-other-first-letter", "tmail.com"),
    # On HubSpot's provider list and two slips away: never corrected.
    ("listed-two-slips", "homemail.com"),
    ("two-slips-other-first-letter", "fmial.com"),
    ("real-cctld-cm", "azdoij.cm"),
    ("unknown-tld-far-from-com", "example.tld"),
    ("subdomain", "mail.gmail.com"),
    ("no-dot", "gmailcom"),
    ("empty", ""),
]


@pytest.mark.parametrize(("domain", "meant"), [c[1:] for c in TYPOS], ids=[c[0] for c in TYPOS])
def test_suggest_domain(domain: str, meant: str) -> None:
    assert suggest_domain(domain) == meant


@pytest.mark.parametrize("domain", [c[1] for c in NOT_TYPOS], ids=[c[0] for c in NOT_TYPOS])
def test_no_suggestion(domain: str) -> None:
    assert suggest_domain(domain) is None


def test_every_provider_is_left_alone() -> None:
    assert [p for p in PROVIDERS if suggest_domain(p) is not None] == []


def test_offline_typo_is_a_warning_with_the_full_address() -> None:
    check = checked("you+tiktok@gmial.com", resolver=None)
    assert check.valid
    assert check.suggestion == "you+tiktok@gmail.com"
    assert check.deliverable is None
    assert ids(check)["email_domain_typo"] is Severity.WARNING
    # gmial.com is on the disposable list (blocklists collect typo domains): the typo wins.
    assert check.disposable
    assert "email_disposable" not in ids(check)


OSA = [
    ("equal", "gmail", "gmail", 0),
    ("transposition", "gmial", "gmail", 1),
    ("insertion", "gmai", "gmail", 1),
    ("kitten", "kitten", "sitting", 3),
    ("capped", "a", "abcdefgh", 4),
    ("empty", "", "abc", 3),
]


@pytest.mark.parametrize(("a", "b", "expected"), [c[1:] for c in OSA], ids=[c[0] for c in OSA])
def test_osa_distance(a: str, b: str, expected: int) -> None:
    assert osa_distance(a, b) == expected
    assert osa_distance(b, a) == expected


# ------------------------------------------------------------------------------------------
# Flags.

FLAGS = [
    ("disposable", "x@mailinator.com", {"email_disposable": Severity.WARNING}, (True, False)),
    (
        "disposable-subdomain",
        "x@inbox.mailinator.com",
        {"email_disposable": Severity.WARNING},
        (True, False),
    ),
    ("role-admin", "admin@example.com", {"email_role_account": Severity.INFO}, (False, True)),
    (
        "role-support-case",
        "Support@example.com",
        {"email_role_account": Severity.INFO},
        (False, True),
    ),
    ("noreply", "no-reply@example.com", {"email_role_account": Severity.WARNING}, (False, True)),
    (
        "donotreply",
        "do.not.reply@example.com",
        {"email_role_account": Severity.WARNING},
        (False, True),
    ),
    (
        "plus",
        "you+tiktok@example.com",
        {"email_plus_address": Severity.INFO},
        (False, False),
    ),
    (
        "role-with-plus",
        "info+shop@example.com",
        {"email_role_account": Severity.INFO, "email_plus_address": Severity.INFO},
        (False, True),
    ),
    ("plain", "alice@example.com", {}, (False, False)),
    ("plus-without-base", "+tag@example.com", {}, (False, False)),
    ("plus-without-tag", "you+@example.com", {}, (False, False)),
]


@pytest.mark.parametrize(
    ("address", "expected", "flags"), [c[1:] for c in FLAGS], ids=[c[0] for c in FLAGS]
)
def test_flags(address: str, expected: dict[str, Severity], flags: tuple[bool, bool]) -> None:
    check = checked(address, resolver=None)
    assert check.valid
    assert ids(check) == expected
    assert (check.disposable, check.role) == flags


def test_plus_note_names_the_mailbox() -> None:
    [finding] = checked("you+tiktok@example.com", resolver=None).findings
    assert "you@example.com" in finding.message


def test_json_shape() -> None:
    data = jsonable(checked("admin+x@mailinator.com", resolver=None))
    assert isinstance(data, dict)
    assert list(data) == [
        "input",
        "valid",
        "normalized",
        "suggestion",
        "deliverable",
        "mx",
        "disposable",
        "role",
        "findings",
    ]
    assert data["deliverable"] is None
    assert data["mx"] == []
    findings = data["findings"]
    assert isinstance(findings, list)
    assert [f["severity"] for f in findings] == ["warning", "info", "info"]  # errors first
    assert all(set(f) == {"id", "severity", "message", "advice"} for f in findings)


# ------------------------------------------------------------------------------------------
# normalize_for_compare.

SAME = [
    ("domain-case", "alice@Example.COM", "alice@example.com"),
    ("local-case", "Alice@example.com", "alice@example.com"),
    ("plus-tag", "alice+tiktok@example.com", "alice@example.com"),
    ("idn-forms", "alice@bücher.de", "alice@xn--bcher-kva.de"),
    ("idn-case", "alice@BÜCHER.de", "alice@bücher.de"),
    ("gmail-dots", "a.l.i.c.e@gmail.com", "alice@gmail.com"),
    ("googlemail", "alice@googlemail.com", "alice@gmail.com"),
    ("gmail-all", "A.lice+x@GoogleMail.com", "alice@gmail.com"),
    ("angle-brackets", "Alice <alice@example.com>", "alice@example.com"),
    ("trailing-dot", "alice@example.com.", "alice@example.com"),
]
DIFFERENT = [
    ("other-user", "alice@example.com", "bob@example.com"),
    ("dots-count-outside-gmail", "a.lice@example.com", "alice@example.com"),
    ("other-domain", "alice@example.com", "alice@example.net"),
]


@pytest.mark.parametrize(("a", "b"), [c[1:] for c in SAME], ids=[c[0] for c in SAME])
def test_normalize_for_compare_same(a: str, b: str) -> None:
    assert normalize_for_compare(a) == normalize_for_compare(b)


@pytest.mark.parametrize(("a", "b"), [c[1:] for c in DIFFERENT], ids=[c[0] for c in DIFFERENT])
def test_normalize_for_compare_different(a: str, b: str) -> None:
    assert normalize_for_compare(a) != normalize_for_compare(b)


# ------------------------------------------------------------------------------------------
# Never raises on arbitrary input.


@given(st.text(max_size=300))
def test_check_email_never_raises(text: str) -> None:
    check = checked(text, resolver=None)
    assert check.valid == (not any(f.id == "email_invalid" for f in check.findings))


@given(st.from_regex(r"[a-zA-Z0-9.+_-]{0,20}@[a-zA-Z0-9.,\u00e0-\u00ff-]{0,30}", fullmatch=True))
def test_check_email_never_raises_on_address_shapes(text: str) -> None:
    checked(text, resolver=None)


@given(st.text(max_size=300))
def test_helpers_never_raise(text: str) -> None:
    normalize_for_compare(text)
    suggest_domain(text)
    repair_domain(text)


# ------------------------------------------------------------------------------------------
# Deliverability against a real DNS server (dnsmasq) on loopback.

PUBLIC_V4 = "93.184.215.14"  # documentation ranges (RFC 5737) are not global: they would not count
PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"

RECORDS: list[Record] = [
    ("mail.example.com", "MX", "20 mx2.mail.example.com"),
    ("mail.example.com", "MX", "10 mx1.mail.example.com"),
    ("mx1.mail.example.com", "A", PUBLIC_V4),
    ("nullmx.example.com", "MX", "0 ."),
    ("mixed.example.com", "MX", "0 ."),
    ("mixed.example.com", "MX", "10 mx1.mail.example.com"),
    ("aonly.example.com", "A", PUBLIC_V4),
    ("aaaaonly.example.com", "AAAA", PUBLIC_V6),
    ("private.example.com", "A", "10.1.2.3"),
    ("spfnone.example.com", "A", PUBLIC_V4),
    ("spfnone.example.com", "TXT", "v=spf1 -all"),
    ("txtonly.example.com", "TXT", "hello"),
    ("xn--bcher-kva.example.com", "MX", "10 mx1.mail.example.com"),
    ("gmial.com", "MX", "10 mx.gmial.com"),  # a typo domain that really takes mail
    ("yaho.com", "A", PUBLIC_V4),  # a parked typo domain: address, no MX
    ("outlok.com", "MX", "0 ."),
]


@pytest.fixture(scope="module")
def dns(dns_server: Callable[[Iterable[Record]], DNSServer]) -> DNSServer:
    return dns_server(RECORDS)


DELIVERY = [
    ("mx", "a@mail.example.com", True, ("mx1.mail.example.com", "mx2.mail.example.com"), {}),
    ("null-mx", "a@nullmx.example.com", False, (), {"email_domain_no_mail": Severity.ERROR}),
    ("null-mx-mixed-ignored", "a@mixed.example.com", True, ("mx1.mail.example.com",), {}),
    ("a-fallback", "a@aonly.example.com", True, (), {"email_implicit_mx": Severity.INFO}),
    ("aaaa-fallback", "a@aaaaonly.example.com", True, (), {"email_implicit_mx": Severity.INFO}),
    (
        "private-address",
        "a@private.example.com",
        False,
        (),
        {"email_domain_no_mail": Severity.ERROR},
    ),
    (
        "spf-reject-all",
        "a@spfnone.example.com",
        False,
        (),
        {"email_domain_no_mail": Severity.ERROR},
    ),
    ("no-address", "a@txtonly.example.com", False, (), {"email_domain_no_mail": Severity.ERROR}),
    ("nxdomain", "a@missing.example.com", False, (), {"email_domain_no_mail": Severity.ERROR}),
    ("idn", "a@bücher.example.com", True, ("mx1.mail.example.com",), {}),
    (
        "typo-with-own-mx",
        "a@gmial.com",
        True,
        ("mx.gmial.com",),
        {"email_disposable": Severity.WARNING},
    ),
    (
        "typo-nxdomain",
        "a@hotmial.com",
        False,
        (),
        {"email_domain_typo": Severity.ERROR},
    ),
    (
        "typo-parked",
        "a@yaho.com",
        True,
        (),
        {"email_domain_typo": Severity.WARNING, "email_implicit_mx": Severity.INFO},
    ),
    ("typo-null-mx", "a@outlok.com", False, (), {"email_domain_typo": Severity.ERROR}),
    (
        "refused-is-unknown",
        "a@shop.example.org",
        None,
        (),
        {"email_deliverability_unknown": Severity.INFO},
    ),
]


@pytest.mark.parametrize(
    ("address", "deliverable", "mx", "expected"),
    [c[1:] for c in DELIVERY],
    ids=[c[0] for c in DELIVERY],
)
def test_deliverability(
    dns: DNSServer,
    address: str,
    deliverable: bool | None,
    mx: tuple[str, ...],
    expected: dict[str, Severity],
) -> None:
    check = checked(address, resolver=dns.resolver())
    assert check.valid
    assert check.deliverable is deliverable
    assert check.mx == mx
    assert ids(check) == expected


def test_typo_suggestion_dropped_when_domain_has_mx(dns: DNSServer) -> None:
    assert checked("a@gmial.com", resolver=dns.resolver()).suggestion is None
    assert checked("a@hotmial.com", resolver=dns.resolver()).suggestion == "a@hotmail.com"


def test_answers_are_cached_per_run(dns: DNSServer) -> None:
    resolver = dns.resolver()
    checked("a@aonly.example.com", resolver=resolver)
    asked = resolver.queries
    assert asked == 3  # MX (nodata), A, TXT (the SPF "-all" rule)
    checked("b@aonly.example.com", resolver=resolver)
    assert resolver.queries == asked


def test_timeout_is_unknown_not_invalid() -> None:
    with SilentServer() as silent:
        resolver = Resolver([silent.address], budget=0.6, per_query_timeout=0.3)
        started = time.monotonic()
        check = checked("alice@mail.example.com", resolver=resolver)
        elapsed = time.monotonic() - started
    assert check.valid
    assert check.deliverable is None
    assert ids(check) == {"email_deliverability_unknown": Severity.INFO}
    assert "timed out" in check.findings[0].message
    assert elapsed < 2.0


def test_a_disposable_domain_only_the_second_list_knows() -> None:
    """Two independently kept lists: 000email.com is on mailchecker's, not on the other."""
    from disposable_email_domains import blocklist

    assert "000email.com" not in blocklist
    check = checked("someone@000email.com", resolver=None)
    assert ids(check) == {"email_disposable": Severity.WARNING}
    assert check.suggestion is None


@pytest.mark.parametrize(
    ("domain", "disposable"),
    [
        ("mailinator.com", True),
        ("33mail.com", True),  # on mailchecker's list only
        ("nus.edu.sg", False),  # mailchecker lists it; a university (allowlisted)
        ("hush.com", False),
        ("mail.nus.edu.sg", False),
    ],
)
def test_the_allowlist_overrules_the_broader_list(domain: str, disposable: bool) -> None:
    assert is_disposable(domain) is disposable


def test_a_disposable_domain_is_not_corrected() -> None:
    check = checked("ok@tmail.com", resolver=None)
    assert check.disposable
    assert check.suggestion is None
    assert "email_disposable" in ids(check)
