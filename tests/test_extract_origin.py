"""Tests of inspector.extract.origin against the WICG sms-one-time-codes parsing rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.extract.origin import origin_line, parse_origin_bound
from inspector.model import Origin

PARSED = [
    (
        "plain",
        "747723 is your ExampleCo code.\n\n@example.com #747723",
        ("example.com", "747723", None),
    ),
    ("only-line", "@example.com #747723", ("example.com", "747723", None)),
    (
        "embedded-at",
        "Code\n@example.com #747723 @ecommerce.example",
        ("example.com", "747723", "ecommerce.example"),
    ),
    (
        "embedded-percent",
        "Code\n@example.com #747723 %ecommerce.example",
        ("example.com", "747723", "ecommerce.example"),
    ),
    (
        "trailing-text",
        "@example.com #747723 @ecommerce.example $future",
        ("example.com", "747723", "ecommerce.example"),
    ),
    ("trailing-non-host", "@example.com #747723 $future", ("example.com", "747723", None)),
    ("alphanumeric-code", "@example.com #A7-K9", ("example.com", "A7-K9", None)),
    ("crlf", "Your code\r\n\r\n@example.com #747723", ("example.com", "747723", None)),
    ("cr", "Your code\r@example.com #747723", ("example.com", "747723", None)),
    ("host-case", "@Example.COM #747723", ("example.com", "747723", None)),
    ("port", "@localhost:8443 #747723", ("localhost:8443", "747723", None)),
]


@pytest.mark.parametrize(
    ("message", "expected"), [p[1:] for p in PARSED], ids=[p[0] for p in PARSED]
)
def test_parsed(message: str, expected: tuple[str, str, str | None]) -> None:
    assert parse_origin_bound(message) == Origin(*expected)


REFUSED = [
    ("text-before-host", "something @example.com #747723"),
    ("wrong-order", "#747723 %ecommerce.example @example.com"),
    ("word-between", "@example.com code #747723"),
    ("two-spaces", "@example.com  #747723"),
    ("tab", "@example.com\t#747723"),
    ("not-last-line", "@example.com #747723\nThanks!"),
    ("trailing-newline-strict", "Code\n@example.com #747723\n"),
    ("empty-host", "@ #747723"),
    ("empty-code", "@example.com #"),
    ("no-code", "@example.com"),
    ("leading-space", " @example.com #747723"),
    ("empty", ""),
]


@pytest.mark.parametrize("message", [r[1] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_refused(message: str) -> None:
    assert parse_origin_bound(message) is None


def test_origin_line_tolerates_trailing_line_breaks() -> None:
    assert origin_line("Code\n@example.com #747723\r\n\n") == Origin("example.com", "747723")
    assert origin_line("Code\n@example.com #747723\nThanks!") is None


@given(st.text())
def test_never_raises(message: str) -> None:
    origin = parse_origin_bound(message)
    if origin is not None:
        assert origin.domain
        assert origin.code
        assert not any(ch in origin.code for ch in "\t\n\f\r ")
        assert origin.code in message


@given(st.from_regex(r"@[a-z0-9.\-]{1,20} #[0-9A-Za-z]{1,10}( @[a-z.]{1,10})?", fullmatch=True))
def test_wellformed_lines_parse(line: str) -> None:
    origin = parse_origin_bound("Your code\n\n" + line)
    assert origin is not None
    assert line.startswith("@" + origin.domain)
