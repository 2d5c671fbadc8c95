"""Tests of inspector.extract.services: the catalogue and sender identification."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.extract.services import (
    all_services,
    find_service,
    identify,
    owns_domain,
    service_by_id,
)

REQUIRED = [
    "tiktok", "google", "microsoft", "apple", "amazon", "facebook", "instagram", "whatsapp",
    "x", "discord", "github", "paypal", "steam", "telegram", "snapchat", "linkedin", "netflix",
    "uber", "airbnb", "binance", "coinbase", "revolut", "wise", "shopify", "slack", "zoom",
    "dropbox", "yahoo", "samsung", "epicgames", "riot", "roblox", "spotify", "bank",
]  # fmt: skip


@pytest.mark.parametrize("service_id", REQUIRED)
def test_required_services_present(service_id: str) -> None:
    service = service_by_id(service_id)
    assert service is not None
    assert service.name


def test_catalogue_is_consistent() -> None:
    services = all_services()
    ids = [s.id for s in services]
    assert len(ids) == len(set(ids))
    domains = [d for s in services for d in s.domains]
    assert len(domains) == len(set(domains))
    for service in services:
        assert service.id == service.id.lower()
        assert service.generic or service.domains
        assert not (service.generic and service.domains)
        for domain in service.domains:
            assert domain == domain.lower()
            assert "." in domain
            assert "@" not in domain
        if service.default_validity_seconds is not None:
            assert 0 < service.default_validity_seconds <= 7 * 86400
    # Shared mailbox providers and shared senders never make a sender "genuine".
    for shared in ("gmail.com", "outlook.com", "qq.com", "amazonses.com", "sendgrid.net"):
        assert shared not in domains


FIND = [
    ("id", "tiktok", "tiktok"),
    ("name-case", "TIKTOK", "tiktok"),
    ("name-with-space", "Epic Games", "epicgames"),
    ("name-with-hyphen", "epic-games", "epicgames"),
    ("alias", "Twitter", "x"),
    ("alias-non-latin", "抖音", "tiktok"),
    ("domain", "github.com", "github"),
    ("subdomain", "account.tiktok.com", "tiktok"),
    ("email", "noreply@accounts.google.com", "google"),
    ("url", "https://www.paypal.com/signin", "paypal"),
    ("trailing-dot", "discord.com.", "discord"),
]


@pytest.mark.parametrize(("query", "expected"), [f[1:] for f in FIND], ids=[f[0] for f in FIND])
def test_find_service(query: str, expected: str) -> None:
    service = find_service(query)
    assert service is not None
    assert service.id == expected


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "nosuchservice",
        "tiktok-security.com",
        "eviltiktok.com",
        "tiktok.com.evil.example",
    ],
)
def test_find_service_unknown(query: str) -> None:
    assert find_service(query) is None


OWNS = [
    ("exact", "tiktok", "tiktok.com", True),
    ("subdomain", "tiktok", "account.tiktok.com", True),
    ("case-and-dot", "tiktok", "Mail.TikTok.com.", True),
    ("lookalike", "tiktok", "tiktok-security.com", False),
    ("suffix-glued", "tiktok", "eviltiktok.com", False),
    ("prefix-trick", "tiktok", "tiktok.com.evil.example", False),
    ("other-service", "tiktok", "google.com", False),
    ("generic-owns-nothing", "bank", "bank.example", False),
]


@pytest.mark.parametrize(
    ("service_id", "domain", "owned"), [o[1:] for o in OWNS], ids=[o[0] for o in OWNS]
)
def test_owns_domain(service_id: str, domain: str, owned: bool) -> None:
    service = service_by_id(service_id)
    assert service is not None
    assert owns_domain(service, domain) is owned


IDENTIFY = [
    ("sender-domain", "no-reply@account.tiktok.com", None, "Your code", "tiktok"),
    ("domain-beats-text", "noreply@github.com", None, "Sign in to Google with 123456", "github"),
    ("display-name", "security@tiktok-security.com", "TikTok", "Your code", "tiktok"),
    ("sms-tag", None, None, "[TikTok] Use 482019 to log in", "tiktok"),
    ("cjk-tag", None, None, "【抖音】登录验证码482019", "tiktok"),
    ("text-mention", None, None, "Do not share this code, even with Telegram staff.", "telegram"),
    ("most-mentions", None, None, "PayPal: use it on PayPal only, not Google.", "paypal"),
    ("generic-bank", None, None, "Team Abc Bank: OTP 123456", "bank"),
    ("named-beats-generic", None, None, "VietinBank iPay: Binance transfer, bank OTP", "binance"),
    ("common-word-lowercase", None, None, "a wise choice: code 123456", None),
    ("generic-lowercase", None, None, "your bank sent OTP 123456", "bank"),
    ("generic-inside-word", None, None, "databank export, code 123456", None),
    ("generic-after-digit", None, None, "2bank code 123456", None),
    ("display-name-any-case", "alerts@example.net", "TIKTOK Security", "Your code", "tiktok"),
    ("display-name-inside-word", "alerts@example.net", "MyTikTokFan", "Your code", None),
    ("nothing", "noreply@example.org", "Example", "Your code is 123456", None),
]


@pytest.mark.parametrize(
    ("address", "name", "text", "expected"), [i[1:] for i in IDENTIFY], ids=[i[0] for i in IDENTIFY]
)
def test_identify(address: str | None, name: str | None, text: str, expected: str | None) -> None:
    service = identify(address, name, text)
    assert (service.id if service is not None else None) == expected


@given(st.text(max_size=60), st.text(max_size=60), st.text(max_size=200))
def test_identify_never_raises(address: str, name: str, text: str) -> None:
    identify(address, name, text)
    find_service(address)


def test_catalogue_loads_lazily() -> None:
    # Importing the package must not read the TOML nor compile the keyword tables:
    # `inspector --version` pays for neither.
    code = textwrap.dedent(
        """
        import sys
        import inspector.extract
        import inspector.extract.services as services
        assert "tomllib" not in sys.modules
        assert services._catalogue.cache_info().currsize == 0
        assert "inspector.extract.keywords" not in sys.modules
        services.find_service("tiktok")
        assert services._catalogue.cache_info().currsize == 1
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _names_by_definition(text: str) -> list[tuple[int, str]]:
    """Service names in ``text`` as first written: one alternation with look-arounds."""
    import re

    from inspector.extract.services import _catalogue

    names = sorted(_catalogue().by_text_name, key=len, reverse=True)
    rx = re.compile(rf"(?<![^\W_])(?:{'|'.join(re.escape(n) for n in names)})(?![^\W_])")
    return [(m.start(), m.group()) for m in rx.finditer(text)]


_NAMEY = st.lists(
    st.sampled_from(["TikTok", "bank", "Bank", "banco", "iCloud", "Google Pay", "Google", "抖音"])
    | st.sampled_from([" ", "x", "_", "1", "-", "é", "\n"])
    | st.text(max_size=3),
    max_size=20,
).map("".join)


@given(_NAMEY)
def test_names_in_text_match_their_definition(text: str) -> None:
    from inspector.extract.services import _catalogue, _names_in

    names = _catalogue().text_names
    assert names is not None
    assert list(_names_in(names, text)) == _names_by_definition(text)
