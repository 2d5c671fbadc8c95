"""Organisational domains and identifier alignment (RFC 7489 §3.1, §3.2), offline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.domains.orgdomain import aligned, org_domain, same_provider

ORG = [
    ("mail.example.com", "example.com"),
    ("Example.COM.", "example.com"),
    ("a.b.example.co.uk", "example.co.uk"),
    ("example.co.uk", "example.co.uk"),
    ("co.uk", "co.uk"),
    ("x.github.io", "x.github.io"),
    ("192.0.2.1", "192.0.2.1"),
    ("localhost", "localhost"),
    ("", ""),
    # Internationalised names, in ACE form or not: the list is loaded with its Unicode rules
    # only (inspector.domains.psl), the answer keeps the labels it was given.
    ("mail.xn--80ak6aa92e.com", "xn--80ak6aa92e.com"),
    ("a.b.xn--55qx5d.cn", "b.xn--55qx5d.cn"),  # 公司.cn is a public suffix
    ("xn--55qx5d.cn", "xn--55qx5d.cn"),
    ("a.b.公司.cn", "b.公司.cn"),
    ("a.xn--bad--.xn--p1ai", "xn--bad--.xn--p1ai"),  # a label that does not decode
]


@pytest.mark.parametrize(("domain", "expected"), ORG, ids=[d or "empty" for d, _ in ORG])
def test_org_domain(domain: str, expected: str) -> None:
    assert org_domain(domain) == expected


_IDN_SUFFIXES = ["公司.cn", "рф", "中国", "co.uk", "com", "github.io", "ελ"]


@given(
    st.lists(st.sampled_from(["a", "bücher", "пример", "例え", "mail"]), min_size=0, max_size=3),
    st.sampled_from(_IDN_SUFFIXES),
)
def test_org_domain_same_in_ace_and_unicode_form(labels: list[str], suffix: str) -> None:
    name = ".".join([*labels, suffix])
    ace = name.encode("idna").decode("ascii")
    assert org_domain(ace) == org_domain(name).encode("idna").decode("ascii")


ALIGN = [
    ("mail.example.com", "news.example.com", False, True),
    ("mail.example.com", "news.example.com", True, False),
    ("example.com", "example.com", True, True),
    ("a.example.co.uk", "b.example.co.uk", False, True),
    ("example1.co.uk", "example2.co.uk", False, False),
    ("x.github.io", "y.github.io", False, False),
    ("example.com", "example.com.evil.test", False, False),
    ("", "example.com", False, False),
]


@pytest.mark.parametrize(
    ("identifier", "from_domain", "strict", "expected"),
    ALIGN,
    ids=[
        "siblings-relaxed",
        "siblings-strict",
        "equal-strict",
        "co.uk-siblings",
        "co.uk-different",
        "private-suffix",
        "suffix-trick",
        "empty",
    ],
)
def test_alignment(identifier: str, from_domain: str, strict: bool, expected: bool) -> None:
    assert aligned(identifier, from_domain, strict=strict) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("mx.google.com", "mail-ej1-f41.google.com", True),
        ("mx.microsoft.com", "am6eur05ft012.mail.protection.outlook.com", True),
        ("mx.google.com", "outlook.com", False),
        ("mx.receiver.test", "filter.receiver.test", True),
    ],
    ids=["google", "microsoft-family", "different", "same-org"],
)
def test_same_provider(a: str, b: str, expected: bool) -> None:
    assert same_provider(a, b) is expected


@given(st.text(max_size=80))
def test_org_domain_never_raises(name: str) -> None:
    assert isinstance(org_domain(name), str)
    aligned(name, "example.com", strict=False)
