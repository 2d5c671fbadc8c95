"""The cheap default candidate test on header bytes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.sources.imap_headers import HEADER_FIELDS, default_is_candidate, header_values


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (b"From: TikTok <no-reply@tiktok.com>\r\nSubject: 123456 is your code\r\n\r\n", True),
        (b"From: Bank <alerts@bank.example>\r\nSubject: Your one-time passcode\r\n\r\n", True),
        (b"Subject: =?utf-8?b?Q8OzZGlnbyBkZSB2ZXJpZmljYWNpw7Nu?=\r\n\r\n", True),
        (b"Subject: =?utf-8?b?0JrQvtC0INC/0L7QtNGC0LLQtdGA0LbQtNC10L3QuNGP?=\r\n", True),
        ("From: a@b.example\r\nSubject: 验证码\r\n".encode(), True),
        (b"From: a@b.example\r\nSubject: Your code:\r\n 48 21 93\r\n\r\n", True),
        (b"From: security@service.example\r\nSubject: Hello\r\n\r\n", True),
        (b"From: Shop <news@shop.example>\r\nSubject: Weekly digest\r\n\r\n", False),
        (b"From: Mum <mum@family.example>\r\nSubject: Dinner on Sunday?\r\n\r\n", False),
        (b"", False),
    ],
    ids=[
        "digits", "passcode", "spanish-b64", "russian-b64", "chinese-raw", "folded",
        "sender", "newsletter", "personal", "empty",
    ],
)  # fmt: skip
def test_default_is_candidate(headers: bytes, expected: bool) -> None:
    assert default_is_candidate(headers) is expected


def test_header_values_decodes_and_unfolds() -> None:
    values = header_values(b"Subject: =?utf-8?q?Caf=C3=A9?=\r\n more\r\nFrom: x\r\n")
    assert values == {"subject": "Café more", "from": "x"}


def test_header_fields_are_only_what_the_candidate_test_needs() -> None:
    # Received, DKIM and spam headers arrive with the full fetch of candidates only.
    assert set(HEADER_FIELDS) == {"From", "To", "Subject", "Date", "Message-ID"}


@given(st.binary(max_size=2000))
def test_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    assert isinstance(default_is_candidate(data), bool)
    assert isinstance(default_is_candidate(b"Subject: " + data), bool)


def test_known_service_sender_is_a_candidate_without_telling_words() -> None:
    from inspector.sources.imap_headers import default_is_candidate

    header = b"From: Steam <mailer@steampowered.com>\r\nSubject: New device\r\n"
    assert default_is_candidate(header)
    assert not default_is_candidate(b"From: Bob <bob@example.org>\r\nSubject: Lunch?\r\n")


@pytest.mark.parametrize(
    ("sender", "subject", "expected"),
    [
        ("Steam <noreply@steampowered.com>", "Your Steam account: Access from new device", True),
        ("Shop <order-update@shop.example>", "Your order #41258843 has shipped", False),
        ("Amazon <order-update@amazon.com>", "Order number 787-25 — thank you", False),
        ("LINE <no-reply@line.me>", "【LINE】認証コードのお知らせ", True),
        ("x@bank.example", "482915", True),
        ("News <news@shop.example>", "Our autumn sale starts now", False),
    ],
    ids=["catalogued-sender", "order-number", "catalogued-order", "japanese-keyword", "bare-code",
         "newsletter"],
)  # fmt: skip
def test_candidate_rules(sender: str, subject: str, expected: bool) -> None:
    from email.header import Header

    from inspector.sources.imap_headers import default_is_candidate

    header = f"From: {sender}\r\nSubject: {Header(subject, 'utf-8').encode()}\r\n".encode()
    assert default_is_candidate(header) is expected
