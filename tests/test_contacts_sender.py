"""SMS sender classification: short codes, long numbers, alphanumeric sender IDs. Offline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.contacts.sender import SenderInfo, SenderKind, classify_sender
from inspector.errors import UsageError
from inspector.report.serialize import jsonable

KINDS = [
    ("us-short-code", "22395", "US", SenderKind.SHORT_CODE, "22395"),
    ("short-code-no-region", "32665", None, SenderKind.SHORT_CODE, "32665"),
    ("short-code-spaced", "322 65", "US", SenderKind.SHORT_CODE, "32265"),
    ("short-code-arabic-digits", "٢٢٣٩٥", "US", SenderKind.SHORT_CODE, "22395"),
    ("three-digits", "123", "FR", SenderKind.SHORT_CODE, "123"),
    ("e164-long-number", "+1 415 555 0100", "US", SenderKind.LONG_NUMBER, "+14155550100"),
    ("national-long-number", "(650) 253-0000", "US", SenderKind.LONG_NUMBER, "+16502530000"),
    ("idd-long-number", "0044 7400 123456", "GB", SenderKind.LONG_NUMBER, "+447400123456"),
    ("eight-digit-national-number", "41234567", "NO", SenderKind.LONG_NUMBER, "+4741234567"),
    ("long-number-no-region", "6502530000", None, SenderKind.LONG_NUMBER, "6502530000"),
    ("alphanumeric", "TikTok", None, SenderKind.ALPHANUMERIC, "TikTok"),
    ("alphanumeric-with-digits", "Bank24", "DE", SenderKind.ALPHANUMERIC, "Bank24"),
    ("alphanumeric-spaces", " VERIFY ", "GB", SenderKind.ALPHANUMERIC, "VERIFY"),
    ("empty", "", None, SenderKind.UNKNOWN, None),
    ("email-address", "noreply@example.com", None, SenderKind.UNKNOWN, None),
    ("only-punctuation", "+-()", None, SenderKind.UNKNOWN, None),
    ("too-long", "x" * 65, None, SenderKind.UNKNOWN, None),
]


@pytest.mark.parametrize(
    ("sender", "region", "kind", "normalized"), [c[1:] for c in KINDS], ids=[c[0] for c in KINDS]
)
def test_kind(sender: str, region: str | None, kind: SenderKind, normalized: str | None) -> None:
    info = classify_sender(sender, region=region)
    assert info.kind is kind
    assert info.normalized == normalized
    assert info.sender == sender


SHORT = [
    # (known, sms_service, carrier_specific, premium) from phonenumbers' short-number metadata
    ("us-sms-service", "22395", "US", (True, True, False, None)),
    ("us-standard-rate", "40404", "US", (True, True, False, False)),
    ("us-carrier-specific", "4040", "US", (True, False, True, None)),
    ("us-unknown", "12345", "US", (False, False, False, None)),
    ("fr-sms-service", "38100", "FR", (True, True, False, None)),
    ("no-region", "22395", None, (None, None, None, None)),
]


@pytest.mark.parametrize(
    ("sender", "region", "facts"), [c[1:] for c in SHORT], ids=[c[0] for c in SHORT]
)
def test_short_code_facts(sender: str, region: str | None, facts: tuple[bool | None, ...]) -> None:
    info = classify_sender(sender, region=region)
    assert (info.known, info.sms_service, info.carrier_specific, info.premium) == facts
    assert info.replyable is True
    assert any("block" in a for a in info.advice)


def advice(info: SenderInfo) -> str:
    return " ".join(info.advice)


def test_short_code_advice_mentions_carrier_block() -> None:
    assert "lift a premium/short code block" in advice(classify_sender("22395", region="US"))


def test_carrier_specific_short_code_advice() -> None:
    assert "only on some US carriers" in advice(classify_sender("4040", region="US"))


def test_unknown_short_code_advice() -> None:
    assert "not in phonenumbers' list" in advice(classify_sender("12345", region="US"))


INTERNATIONAL = [
    ("foreign", "+44 7400 123456", "US", True, "GB"),
    ("domestic", "+44 7400 123456", "GB", False, "GB"),
    ("same-code-other-territory", "+44 7781 123456", "GB", False, "GG"),  # Guernsey uses +44
    ("unknown-without-region", "+44 7400 123456", None, None, "GB"),
]


@pytest.mark.parametrize(
    ("sender", "region", "international", "number_region"),
    [c[1:] for c in INTERNATIONAL],
    ids=[c[0] for c in INTERNATIONAL],
)
def test_long_number_international(
    sender: str, region: str | None, international: bool | None, number_region: str
) -> None:
    info = classify_sender(sender, region=region)
    assert info.kind is SenderKind.LONG_NUMBER
    assert info.international is international
    assert info.region == number_region
    assert ("another country" in advice(info)) is bool(international)


def test_us_long_number_mentions_10dlc() -> None:
    assert "10DLC" in advice(classify_sender("+1 650 253 0000", region="US"))
    assert "10DLC" not in advice(classify_sender("+1 650 253 0000", region="GB"))


def test_alphanumeric_cannot_be_replied_to() -> None:
    info = classify_sender("TikTok", region="IN")
    assert info.replyable is False
    assert "cannot be replied to" in advice(info)
    assert "registered" in advice(info)


def test_alphanumeric_longer_than_11_is_probably_a_contact_name() -> None:
    assert "contact name" in advice(classify_sender("Google Verify Service", region=None))
    assert "contact name" not in advice(classify_sender("GoogleVerif", region=None))


def test_unknown_region_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        classify_sender("22395", region="ZZZ")


def test_json_shape() -> None:
    data = jsonable(classify_sender("22395", region="us"))
    assert isinstance(data, dict)
    assert data["kind"] == "short_code"
    assert data["region"] == "US"
    assert isinstance(data["advice"], list)
    assert set(data) == {
        "sender",
        "kind",
        "normalized",
        "region",
        "international",
        "known",
        "sms_service",
        "carrier_specific",
        "premium",
        "replyable",
        "advice",
    }


@given(st.text(max_size=80), st.sampled_from([None, "US", "GB", "NO"]))
def test_never_raises(text: str, region: str | None) -> None:
    classify_sender(text, region=region)
