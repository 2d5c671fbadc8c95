"""Phone checks: parsing, type and SMS reach, and the usual entry mistakes. Offline."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.contacts.phone import check_phone
from inspector.contacts.problems import SmsReach
from inspector.diagnosis.rules.contacts import CheckedPhone, judge_phone
from inspector.errors import UsageError
from inspector.model import Severity
from inspector.report.serialize import jsonable


def checked(number: str, *, region: str | None) -> CheckedPhone:
    """The check as check-phone and the report show it: its facts and their findings."""
    return judge_phone(check_phone(number, region=region))


def ids(check: CheckedPhone) -> dict[str, Severity]:
    return {f.id: f.severity for f in check.findings}


# Example numbers from phonenumbers' own metadata (example_number_for_type), one per type.
TYPES = [
    ("gb-mobile", "+44 7400 123456", "mobile", SmsReach.YES, {}),
    ("us-fixed-or-mobile", "+1 201-555-0123", "fixed_line_or_mobile", SmsReach.LIKELY, {}),
    (
        "gb-fixed",
        "+44 121 234 5678",
        "fixed_line",
        SmsReach.NO,
        {"phone_not_mobile": Severity.ERROR},
    ),
    (
        "gb-voip",
        "+44 56 1234 5678",
        "voip",
        SmsReach.UNLIKELY,
        {"phone_not_mobile": Severity.WARNING},
    ),
    (
        "gb-toll-free",
        "+44 800 123 4567",
        "toll_free",
        SmsReach.NO,
        {"phone_not_mobile": Severity.ERROR},
    ),
    (
        "gb-premium",
        "+44 901 234 5678",
        "premium_rate",
        SmsReach.NO,
        {"phone_not_mobile": Severity.ERROR},
    ),
    (
        "de-shared-cost",
        "+49 180 12345",
        "shared_cost",
        SmsReach.NO,
        {"phone_not_mobile": Severity.ERROR},
    ),
    ("gb-personal", "+44 70 1234 5678", "personal_number", SmsReach.UNKNOWN, {}),
    ("gb-pager", "+44 76 4012 3456", "pager", SmsReach.NO, {"phone_not_mobile": Severity.ERROR}),
    ("gb-uan", "+44 55 1234 5678", "uan", SmsReach.NO, {"phone_not_mobile": Severity.ERROR}),
    (
        "de-voicemail",
        "+49 177 991234567",
        "voicemail",
        SmsReach.NO,
        {"phone_not_mobile": Severity.ERROR},
    ),
    (
        "it-fixed-keeps-zero",
        "+39 02 1234 5678",
        "fixed_line",
        SmsReach.NO,
        {"phone_not_mobile": Severity.ERROR},
    ),
    ("it-mobile", "+39 312 345 6789", "mobile", SmsReach.YES, {}),
]


@pytest.mark.parametrize(
    ("number", "kind", "reach", "expected"), [c[1:] for c in TYPES], ids=[c[0] for c in TYPES]
)
def test_number_types(
    number: str, kind: str, reach: SmsReach, expected: dict[str, Severity]
) -> None:
    check = checked(number, region=None)
    assert check.valid
    assert check.type == kind
    assert check.can_receive_sms is reach
    assert ids(check) == expected


def test_formats_region_carrier_and_location() -> None:
    check = checked("+33 6 12 34 56 78", region=None)
    assert check.e164 == "+33612345678"
    assert check.international == "+33 6 12 34 56 78"
    assert check.national == "06 12 34 56 78"
    assert check.region == "FR"
    assert check.carrier  # the range's original carrier, from phonenumbers.carrier
    assert check.location == "France"
    fixed = checked("+44 20 7946 0000", region=None)
    assert fixed.location == "London"
    assert fixed.carrier is None  # no carrier data for fixed lines


MISTAKES = [
    (
        "missing-cc-with-region",
        "07400 123456",
        "GB",
        True,
        {"phone_missing_country_code": Severity.WARNING},
        None,
    ),
    (
        "cc-without-plus-in-region",
        "447400123456",
        "GB",
        True,
        {"phone_missing_country_code": Severity.WARNING},
        None,
    ),
    (
        "missing-cc-no-region",
        "07400 123456",
        None,
        False,
        {"phone_missing_country_code": Severity.ERROR},
        None,
    ),
    (
        "missing-plus-no-region",
        "447400123456",
        None,
        False,
        {"phone_missing_country_code": Severity.ERROR},
        "+447400123456",
    ),
    (
        "trunk-prefix-gb",
        "+44 07400 123456",
        None,
        True,
        {"phone_trunk_prefix": Severity.WARNING},
        None,
    ),
    (
        "trunk-prefix-parenthesised",
        "+44 (0)7400 123456",
        None,
        True,
        {"phone_trunk_prefix": Severity.WARNING},
        None,
    ),
    (
        "trunk-prefix-ru-8",
        "+7 8 916 123 45 67",
        None,
        True,
        {"phone_trunk_prefix": Severity.WARNING},
        None,
    ),
    (
        "trunk-prefix-fr",
        "+33 06 12 34 56 78",
        None,
        True,
        {"phone_trunk_prefix": Severity.WARNING},
        None,
    ),
    (
        "trunk-prefix-idd",
        "0044 07400 123456",
        None,
        True,
        {"phone_trunk_prefix": Severity.WARNING},
        None,
    ),
    (
        # Colombia: phonenumbers does not drop this 0, so only the number without it is valid.
        "trunk-prefix-makes-it-invalid",
        "+57 03211234567",
        None,
        False,
        {"phone_trunk_prefix": Severity.ERROR},
        "+573211234567",
    ),
    ("italy-zero-is-not-trunk", "+39 312 345 6789", None, True, {}, None),
    (
        "italy-zero-dropped",
        "+39 2 1234 5678",
        None,
        False,
        {"phone_leading_zero_dropped": Severity.ERROR},
        "+390212345678",
    ),
    (
        "cc-doubled",
        "+44 44 7400 123456",
        None,
        False,
        {"phone_country_code_doubled": Severity.ERROR},
        "+447400123456",
    ),
    (
        "cc-doubled-idd-and-plus",
        "0044 +44 7400 123456",
        None,
        False,
        {"phone_country_code_doubled": Severity.ERROR},
        "+447400123456",
    ),
    (
        "cc-doubled-plus-and-idd",
        "+33 0033 6 12 34 56 78",
        None,
        False,
        {"phone_country_code_doubled": Severity.ERROR},
        "+33612345678",
    ),
    (
        # "+49 49 ...": as typed a landline in Leer (area code 491); meant: a German mobile.
        "cc-doubled-yet-valid",
        "+49 49 151 23456789",
        None,
        True,
        {"phone_country_code_doubled": Severity.ERROR},
        "+4915123456789",
    ),
    (
        # As typed a Swedish landline (area code 46), meant a Stockholm one: no worse for SMS.
        "cc-doubled-valid-either-way",
        "+46 46 8123456",
        None,
        True,
        {"phone_country_code_doubled": Severity.WARNING},
        "+468123456",
    ),
    (
        "other-region-valid",
        "+1 201-555-0123",
        "GB",
        True,
        {"phone_region_mismatch": Severity.WARNING},
        None,
    ),
    (
        "same-cc-other-territory",
        "07781 123456",
        "GB",
        True,
        {"phone_missing_country_code": Severity.WARNING},
        None,
    ),
    (
        "other-region-without-plus",
        "447400123456",
        "US",
        False,
        {"phone_region_mismatch": Severity.ERROR},
        "+447400123456",
    ),
    ("idd-00-without-region", "0044 7400 123456", None, True, {}, None),
    (
        "idd-00-in-nanp",
        "0044 7400 123456",
        "US",
        True,
        {"phone_region_mismatch": Severity.WARNING},
        None,
    ),
    (
        "nanp-idd-011",
        "011 44 7400 123456",
        "US",
        True,
        {"phone_region_mismatch": Severity.WARNING},
        None,
    ),
]


@pytest.mark.parametrize(
    ("number", "region", "valid", "expected", "suggestion"),
    [c[1:] for c in MISTAKES],
    ids=[c[0] for c in MISTAKES],
)
def test_entry_mistakes(
    number: str,
    region: str | None,
    valid: bool,
    expected: dict[str, Severity],
    suggestion: str | None,
) -> None:
    check = checked(number, region=region)
    assert check.valid is valid
    assert {k: v for k, v in ids(check).items() if k != "phone_not_mobile"} == expected
    assert check.suggestion == suggestion
    if suggestion:
        assert check.e164 != suggestion  # the input as typed is not that number


INVALID = [
    ("too-short", "+44 7400 12", None, "too few digits"),
    ("too-long", "+44 7400 1234567", None, "too many digits"),
    ("local-only", "7946 0000", "GB", "without its area code"),
    ("not-in-plan", "+44 7700 900123", None, "not in the numbering plan"),
    ("bad-country-code", "+999 1234 5678", None, "not a country calling code"),
    ("letters", "call me maybe", None, "no digits"),
    ("not-a-number", "12-ab-cd-34-ef-56-gh", None, "does not look like a phone number"),
    ("empty", "", "GB", "no digits"),
    ("only-plus", "+", None, "no digits"),
    ("over-64-chars", "+44 " + "1" * 70, None, "characters long"),
]


@pytest.mark.parametrize(
    ("number", "region", "explains"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID]
)
def test_invalid_numbers_explain_why(number: str, region: str | None, explains: str) -> None:
    check = checked(number, region=region)
    assert not check.valid
    assert check.e164 is None
    assert check.can_receive_sms is SmsReach.UNKNOWN
    [finding] = check.findings
    assert finding.id == "phone_invalid"
    assert explains in finding.message


def test_long_hostile_input_is_not_parsed_and_fast() -> None:
    started = time.perf_counter()
    check = checked("+1" + "9" * 100_000, region="US")
    assert time.perf_counter() - started < 0.05
    assert check.findings[0].id == "phone_invalid"
    assert len(check.findings[0].message) < 200


def test_region_is_case_insensitive() -> None:
    assert checked("07400 123456", region="gb").e164 == "+447400123456"


def test_unknown_region_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="XX"):
        checked("07400 123456", region="XX")


def test_json_shape() -> None:
    data = jsonable(checked("+44 07400 123456", region="GB"))
    assert isinstance(data, dict)
    assert list(data) == [
        "input",
        "valid",
        "e164",
        "national",
        "international",
        "region",
        "type",
        "can_receive_sms",
        "carrier",
        "location",
        "suggestion",
        "findings",
    ]
    assert data["can_receive_sms"] == "yes"
    assert data["findings"] == [
        {
            "id": "phone_trunk_prefix",
            "severity": "warning",
            "message": "'+44 07400 123456' keeps the national trunk prefix 0 after the country "
            "code; written internationally the number is +44 7400 123456",
            "advice": "Register it as +44 7400 123456: some services send to the digits as "
            "typed, and that number does not exist.",
        }
    ]


@settings(max_examples=300)
@given(st.text(max_size=80), st.sampled_from([None, "GB", "US", "IT", "DE"]))
def test_never_raises(text: str, region: str | None) -> None:
    checked(text, region=region)


@settings(max_examples=300)
@given(
    st.from_regex(r"(\+|00|0)?[0-9 ()+-]{0,24}", fullmatch=True),
    st.sampled_from([None, "GB", "US", "IT", "FR"]),
)
def test_never_raises_on_number_shapes(text: str, region: str | None) -> None:
    check = checked(text, region=region)
    assert check.valid == (check.e164 is not None)


@pytest.mark.parametrize(
    ("number", "region", "readings"),
    [
        ("06 12 34 56 78", "GB", ["+33 6 12 34 56 78"]),
        ("07911 123456", "US", ["+44 7911 123456"]),
    ],
    ids=["french-mobile-given-gb", "uk-mobile-given-us"],
)
def test_a_national_number_of_another_country_is_a_region_mismatch(
    number: str, region: str, readings: list[str]
) -> None:
    check = checked(number, region=region)
    assert not check.valid
    finding = next(f for f in check.findings if f.id == "phone_region_mismatch")
    assert finding.severity is Severity.ERROR
    for reading in readings:
        assert reading in finding.message


def test_a_bare_local_number_is_not_read_as_another_country() -> None:
    check = checked("7946 0000", region="GB")
    assert "phone_region_mismatch" not in {f.id for f in check.findings}
