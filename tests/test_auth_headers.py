"""The header fields as auth reads them: splitting, the author (RFC 7489 §6.6.1), Return-Path."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.auth.headers import Header, author, envelope_sender
from inspector.parse.fields import header_block


def split_message(raw: bytes) -> tuple[tuple[Header, ...], bytes]:
    """What check_auth reads: the unfolded fields of the one header parser, and the body."""
    block = header_block(raw)
    return block.unfolded, raw[block.body_at :]


def test_split_unfolds_and_keeps_order() -> None:
    raw = b"From mbox-line\r\nA: 1\r\nB: two\r\n\tlines\r\nnot a header\r\nA: 3\n\nbody\r\nmore"
    headers, body = split_message(raw)
    assert headers == (("a", "1"), ("b", "two\tlines"), ("a", "3"))
    assert body == b"body\r\nmore"


def test_split_without_body() -> None:
    assert split_message(b"A: 1") == ((("a", "1"),), b"")


AUTHORS = [
    ("Example <no-reply@Example.COM>", "example.com", None),
    ('"TikTok" <noreply@tiktok-security.example.net>', "tiktok-security.example.net", None),
    ("a@example.com, b@example.org", None, "2 addresses"),
    ("undisclosed-recipients:;", None, "no readable address"),
    ("nobody", None, "no usable domain"),
    ("x@localhost", None, "no usable domain"),
]


@pytest.mark.parametrize(
    ("value", "domain", "problem"),
    AUTHORS,
    ids=["plain", "display-name", "two-addresses", "group", "no-at", "single-label"],
)
def test_author(value: str, domain: str | None, problem: str | None) -> None:
    found = author([("From", value)])
    assert found.domain == domain
    if problem:
        assert problem in (found.problem or "")


def test_two_from_headers() -> None:
    found = author([("From", "a@example.com"), ("from", "b@example.com")])
    assert found.domain is None
    assert "2 From headers" in (found.problem or "")


def test_missing_from() -> None:
    assert author([]).problem == "The message has no From header."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<bounce@example.com>", "bounce@example.com"),
        ("<>", ""),
        ("<@relay.example:user@example.com>", "user@example.com"),
        ("bare@example.com", "bare@example.com"),
    ],
    ids=["normal", "null", "source-route", "no-brackets"],
)
def test_envelope_sender(value: str, expected: str) -> None:
    assert envelope_sender([("Return-Path", value)]) == expected


def test_no_return_path() -> None:
    assert envelope_sender([("From", "a@b.c")]) is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_split_never_raises(raw: bytes) -> None:
    headers, _ = split_message(raw)
    author(headers)
    envelope_sender(headers)
