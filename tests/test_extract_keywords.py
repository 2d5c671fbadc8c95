"""Tests of inspector.extract.keywords: finding lexicon keywords in a text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.extract import lexicon
from inspector.extract.keywords import _entries, find_hits
from inspector.extract.language import guess_language
from inspector.extract.normalize import fold_keys, normalize


def _kinds(text: str) -> list[tuple[str, str]]:
    normalized = normalize(text)
    return [(normalized[h.start : h.end], h.keyword.category) for h in find_hits(normalized)]


FOUND = [
    ("english-strong", "Your verification code is", [("verification code", "strong")]),
    ("english-weak", "your code is", [("code", "weak")]),
    ("otp-glued-digits", "OTP123456", [("OTP", "strong")]),
    ("otp-glued-cjk", "OTP密碼7712345", [("OTP", "strong"), ("密碼", "weak")]),
    ("longest-wins", "code de vérification", [("code de vérification", "strong")]),
    ("promo-swallows-code", "promo code SAVE20", [("promo code", "promo")]),
    ("compound-german", "Ihr Sicherheitscode", [("Sicherheitscode", "strong")]),
    ("access-german", "Ihr Bestätigungscode", [("Bestätigungscode", "access")]),
    ("access-passcode", "Passcode: 4821", [("Passcode", "access")]),
    ("event-dial-in", "Dial-in: +1 555 0100", [("Dial-in", "event")]),
    ("event-longest", "Booking confirmation", [("Booking confirmation", "event")]),
    ("event-swallows-pin", "meeting PIN 4821", [("meeting PIN", "event")]),
    (
        "elsewhere",
        "sent by SMS to your phone",
        [("by SMS", "elsewhere"), ("to your phone", "elsewhere")],
    ),
    ("password-reset-code", "password reset code", [("password reset code", "strong")]),
    ("finnish-inflection", "vahvistuskoodia", [("vahvistuskoodia", "strong")]),
    ("hyphen-or-space", "sign-in code", [("sign-in code", "strong")]),
    ("no-space", "signin code", [("signin code", "strong")]),
    ("hebrew-prefix", "הקוד שלך", [("הקוד", "weak")]),
    ("arabic-article", "بالرمز", [("الرمز", "weak")]),
    ("traditional", "驗證碼", [("驗證碼", "strong")]),
    ("unaccented-vietnamese", "ma xac thuc", [("ma xac thuc", "strong")]),
    ("crypto-is-not-password", "رمز-ارز", [("رمز-ارز", "reference")]),
    ("card-ending", "card ending 1234", [("card", "account"), ("ending", "account")]),
    ("link-only", "Please verify your email address", [("verify your email address", "verify")]),
]


@pytest.mark.parametrize(("text", "expected"), [f[1:] for f in FOUND], ids=[f[0] for f in FOUND])
def test_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


NOT_FOUND = [
    ("barcode", "barcode"),
    ("unicode", "unicode"),
    ("vscode", "vscode"),
    ("decode", "decode"),
    ("codex", "codex"),
    ("footpath", "footpath"),
    ("camel-case", "RatingCode"),
    ("hebrew-inside-word", "בנקודת"),
    ("persian-which", "کدام"),
    ("english-the", "the"),
]


@pytest.mark.parametrize("text", [n[1] for n in NOT_FOUND], ids=[n[0] for n in NOT_FOUND])
def test_not_found(text: str) -> None:
    # No code keyword (a negative one, "bar code", may be there).
    assert [h for h in find_hits(normalize(text)) if h.kind != "neg"] == []


@pytest.mark.parametrize(
    "keyword", _entries()[0], ids=lambda k: f"{k.kind}-{k.langs[0]}-{k.fragment}"
)
def test_every_lexicon_entry_finds_itself(keyword: object) -> None:
    from inspector.extract.keywords import Keyword

    assert isinstance(keyword, Keyword)
    hits = find_hits(keyword.fragment)
    assert hits, keyword
    assert hits[0].keyword == keyword


@pytest.mark.parametrize("spelling", sorted(_entries()[1]), ids=str)
def test_every_spelling_is_matched_whole(spelling: str) -> None:
    # Spellings sharing an identity ("인증 코드", "인증코드") must all be in the pattern.
    hits = find_hits(spelling)
    assert [(h.start, h.end) for h in hits][:1] == [(0, len(spelling))], spelling


def test_lexicon_languages_cover_the_required_set() -> None:
    required = {
        "en", "es", "pt", "fr", "de", "it", "nl", "pl", "tr", "ru", "uk", "ar", "he", "hi",
        "zh", "ja", "ko", "vi", "id", "fa",
    }  # fmt: skip
    assert required <= set(lexicon.STRONG)
    assert required <= set(lexicon.WEAK) | {"uk"}


LANGUAGE = [
    ("single-language", ("it",), "il codice", "it"),
    ("shared-by-script", ("*",), "OTP密碼", "zh"),
    (
        "shared-by-stopwords",
        ("en", "fr", "de", "nl"),
        "Ihr Code ist der 1234 und nicht teile",
        "de",
    ),
    ("shared-default", ("en", "fr", "de", "nl"), "Code: 1234", "en"),
    ("universal-default", ("*",), "OTP 1234", "en"),
    ("persian-letters", ("ar", "fa"), "رمز پویا", "fa"),
    ("arabic-letters", ("ar", "fa"), "الرمز هو", "ar"),
    ("ukrainian-letters", ("*",), "OTP код підтвердження", "uk"),
]


@pytest.mark.parametrize(
    ("langs", "text", "expected"), [g[1:] for g in LANGUAGE], ids=[g[0] for g in LANGUAGE]
)
def test_guess_language(langs: tuple[str, ...], text: str, expected: str) -> None:
    normalized = normalize(text)
    assert guess_language(langs, normalized, fold_keys(normalized)) == expected


@given(st.text())
def test_hits_are_ordered_and_disjoint(text: str) -> None:
    normalized = normalize(text)
    hits = find_hits(normalized)
    end = 0
    for hit in hits:
        assert end <= hit.start < hit.end <= len(normalized)
        end = hit.end
