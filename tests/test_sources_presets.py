"""Provider presets chosen from the address's domain."""

from __future__ import annotations

import pytest

from inspector.sources.presets import preset_for_address, preset_for_host


@pytest.mark.parametrize(
    ("address", "host", "port", "encryption", "hint_word"),
    [
        ("a@gmail.com", "imap.gmail.com", 993, "tls", "app password"),
        ("a@GoogleMail.com", "imap.gmail.com", 993, "tls", "app password"),
        ("a@hotmail.com", "outlook.office365.com", 993, "tls", "OAuth2"),
        ("a@live.fr", "outlook.office365.com", 993, "tls", "OAuth2"),
        ("a@yahoo.co.jp", "imap.mail.yahoo.com", 993, "tls", "app password"),
        ("a@me.com", "imap.mail.me.com", 993, "tls", "app-specific"),
        ("a@aol.com", "imap.aol.com", 993, "tls", "app password"),
        ("a@gmx.de", "imap.gmx.net", 993, "tls", "enabled"),
        ("a@yandex.ru", "imap.yandex.com", 993, "tls", "app password"),
        ("a@zoho.eu", "imap.zoho.eu", 993, "tls", "IMAP access"),
        ("a@fastmail.com", "imap.fastmail.com", 993, "tls", "app password"),
        ("a@proton.me", "127.0.0.1", 1143, "starttls", "Bridge"),
        ("a@pm.me", "127.0.0.1", 1143, "starttls", "--ca-file"),
    ],
    ids=lambda v: v if isinstance(v, str) and "@" in v else "",
)
def test_known_providers(address: str, host: str, port: int, encryption: str, hint_word: str):
    preset = preset_for_address(address)
    assert preset is not None
    assert (preset.host, preset.port, preset.encryption) == (host, port, encryption)
    assert hint_word in (preset.hint or "")


@pytest.mark.parametrize("address", ["a@example.com", "no-at-sign", "", "a@"], ids=str)
def test_unknown(address: str) -> None:
    assert preset_for_address(address) is None


def test_by_host() -> None:
    preset = preset_for_host("IMAP.gmail.com.")
    assert preset is not None
    assert preset.provider == "Gmail"
    assert preset_for_host("127.0.0.1") is None
    assert preset_for_host("mail.example.com") is None
