"""Tests of inspector.extract.codes: candidates and the rules that reject non-codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.extract.codes import Blocked, find_candidates, rejection
from inspector.extract.keywords import find_hits
from inspector.extract.normalize import normalize
from tests.strategies import CODE_LIKE


def _codes(text: str) -> list[str]:
    normalized = normalize(text)
    return [c.code for c in find_candidates(normalized, find_hits(normalized))]


SHAPES = [
    ("digits", "code 804213", ["804213"]),
    ("four-to-ten", "123, 1234; 12345678901; 1234567890", ["1234", "1234567890"]),
    ("split-space", "482 913 is it", ["482913"]),
    ("split-hyphen", "381-906", ["381906"]),
    ("split-four", "4821 9034", ["48219034"]),
    ("split-alnum", "K7P-X2Q", ["K7PX2Q"]),
    ("not-a-chain", "555 123 4567", []),
    ("alnum-needs-digit", "ABCDEF AB12CD", ["AB12CD"]),
    ("glued-to-cjk", "验证码123456，", ["123456"]),
    ("prefixed", "G-482019", ["482019"]),
    ("letters-after-colon", "security code: QWKDPR", ["QWKDPR"]),
    ("letters-after-newline", "One-time password\nAAAAAAAA", ["AAAAAAAA"]),
    ("letters-need-separator", "CODE NICHT WEITERGEBEN", []),
    ("spaced", "TAN\n a u 8 k u f", ["au8kuf"]),
    ("spaced-digits", "code 1 2 3 4 5 6", ["123456"]),
    ("spaced-not-after-keyword", "v 7 n M Z S S H 6 l", []),
]


@pytest.mark.parametrize(("text", "codes"), [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_candidate_shapes(text: str, codes: list[str]) -> None:
    assert _codes(text) == codes


# (text, the number in it, why it is not a code)
REASONS = [
    ("url", "see https://example.com/a/884120 now", "884120", "url"),
    ("email", "mail user4820@example.com", "4820", "email"),
    ("domain", "site e-bank4820.by ok", "4820", "domain"),
    ("date-dmy", "on 21.03.2024 at", "2024", "date"),
    ("date-ymd", "on 1402/07/15 at", "1402", "date"),
    ("date-cjk", "于2024年11月02日", "2024", "date"),
    ("date-month", "on 5 January 2024", "2024", "date"),
    ("date-unix", "Wed Mar 13 09:30:00 CET 2024", "2024", "date"),
    ("copyright", "© 2024 Example", "2024", "year"),
    ("phone-international", "call +44 20 7946 0958", "0958", "phone"),
    ("phone-parens", "(212) 555-0142", "0142", "phone"),
    ("phone-plus-space", "dial access code + 88216\n52098236", "88216", "phone"),
    ("phone-chain", "1-800-555-0199", "0199", "phone"),
    ("postcode-us", "Redmond, WA 98052", "98052", "postcode"),
    ("postcode-uk", "London SW1A 1AA", "SW1A", "postcode"),
    ("postcode-ca", "Ottawa K1A 0B1 CA", "K1A", "postcode"),
    ("iban", "IBAN DE89 3704 0044 0532 0130 00", "DE89", "iban"),
    ("masked-xx", "card XX1245 used", "XX1245", "masked"),
    ("masked-star-after", "QQ 61******7", "61", None),
    ("masked-star", "1234*5678901", "1234", "masked"),
    ("masked-bullets", "•••• 4821", "4821", "masked"),
    ("masked-ellipsis", "account …4821", "4821", "masked"),
    ("decimal", "pay 1234.56 now", "1234", "part of a larger number"),
    ("thousands", "2,340,000 IRR", "340", None),
    ("time", "at 1435:10", "1435", "part of a larger number"),
    ("area-code", "ISDN number 01-2434321 password", "2434321", "part of a larger number"),
    ("hex-literal", "card will use io 0x200 if free", "0x200", "hexadecimal"),
    ("label", "password\ndebug1: next method", "debug1", "label"),
    ("keypad", "calls at 512-225-3201 pin 439461# daily", "439461", "keypad"),
    ("word-then-number", "please call1333 now", "call1333", "word and number"),
    ("number-then-word", "[11street] your code", "11street", "word and number"),
    ("program-line", "password\n memset(p, 0, 1020 - strlen(code));", "1020", "program text"),
    ("code-number-sign", "Code # CY0795", "CY0795", "reference"),
    ("bug", "Bug 22056 has to do with it", "22056", "reference"),
    ("us-code", "in the US code 3005 also", "3005", "sense"),
    ("hyphen-after", "PIN 482913-04 order", "482913", "part of a larger number"),
    ("currency-before", "$4999 only", "4999", "amount"),
    ("currency-after", "4999 руб", "4999", "amount"),
    ("currency-code", "6000000 VND", "6000000", "amount"),
    ("currency-glued", "250000IRT", "250000IRT", "unit"),
    ("percent", "save 2024% today", "2024", "amount"),
    ("unit", "20GB data", "20GB", "unit"),
    ("order", "Order #58203", "58203", "reference"),
    ("order-number", "order number: 58203", "58203", "reference"),
    ("tracking", "tracking 94001000", "94001000", "reference"),
    ("vn-transaction", "ma GD 4410", "4410", "reference"),
    ("amount-keyword", "so tien 120000", "120000", "amount"),
    ("amount-persian", "مبلغ:4500000", "4500000", "amount"),
    ("phone-keyword", "LH 18001090", "18001090", "phone"),
    ("hotline-cjk", "请拨打95588咨询", "95588", "phone"),
    ("card-ending", "card ending 5678", "5678", "account"),
    ("endziffer", "Karte mit Endziffer-4417", "4417", "account"),
    ("last-four-cjk", "后四码3391", "3391", "account"),
    ("promo", "promo code SAVE20", "SAVE20", "promo"),
    ("coupon-ru", "промокод LETO2024", "LETO2024", "promo"),
    ("postal-keyword", "PLZ 10115", "10115", "postal"),
]


@pytest.mark.parametrize(
    ("text", "number", "reason"), [r[1:] for r in REASONS], ids=[r[0] for r in REASONS]
)
def test_rejection_reasons(text: str, number: str, reason: str | None) -> None:
    normalized = normalize(text)
    start = normalized.index(number)
    end = start + len(number)
    hits = find_hits(normalized)
    if reason is None:  # too short to be a candidate at all
        assert len(number) < 4 or number not in _codes(text)
        return
    assert (
        rejection(normalized, start, end, number, blocked=Blocked(normalized), hits=hits) == reason
    )
    assert number not in _codes(text)


@pytest.mark.parametrize(
    "text",
    ["Your code is 4821.", "验证码123456，", "code: 12345678", "Kodu: 561238.", "Code:1234.Valid"],
    ids=["sentence-end", "cjk-comma", "colon", "turkish", "no-space-after-period"],
)
def test_plain_codes_are_not_rejected(text: str) -> None:
    assert _codes(text)


@given(st.text(max_size=300))
def test_candidates_are_within_the_text(text: str) -> None:
    normalized = normalize(text)
    for c in find_candidates(normalized, find_hits(normalized)):
        assert 0 <= c.start < c.end <= len(normalized)
        assert 4 <= len(c.code) <= 10
        assert c.code.isascii()
        assert c.code.isalnum()


_CODE_LIKE = CODE_LIKE


@given(_CODE_LIKE, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40)), max_size=4))
def test_candidates_in_regions_are_the_whole_texts_there(
    text: str, spans: list[tuple[int, int]]
) -> None:
    from inspector.extract.codes import raw_candidates

    normalized = normalize(text)
    hits = find_hits(normalized)
    regions = sorted((lo, lo + width) for lo, width in spans)
    everywhere = raw_candidates(normalized, hits)
    inside = set(raw_candidates(normalized, hits, regions))
    for c in everywhere:
        if any(c.start <= hi and c.end >= lo for lo, hi in regions):
            assert c in inside, c


def test_letters_written_as_a_word_elsewhere_are_that_word() -> None:
    # "Password: SOLEIL" where the text also writes "Soleil": a name, not random capitals.
    text = "Password: SOLEIL\nYou must say 'Soleil' at the door."
    assert "SOLEIL" not in _codes(text)
    assert _codes("TeamViewer code: QGFDAE\nEnter QGFDAE to sign in.") == ["QGFDAE"]


def test_a_series_of_identifiers_is_no_code() -> None:
    # Knowledge-base articles, part numbers: several of one pattern are identifiers.
    text = "Password help (Q321305)\nQ321146 - Fish\nQ310436 - DVD\nQ321305 - Log on"
    assert "Q321305" not in _codes(text)
    assert _codes("Your code: K7PX2Q. Enter K7PX2Q now.") == ["K7PX2Q", "K7PX2Q"]
