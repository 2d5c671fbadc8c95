"""Tests of inspector.extract.keywords: finding lexicon keywords in a text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.extract import lexicon
from inspector.extract.keywords import entries, find_hits
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
    "keyword", entries()[0], ids=lambda k: f"{k.kind}-{k.langs[0]}-{k.fragment}"
)
def test_every_lexicon_entry_finds_itself(keyword: object) -> None:
    from inspector.extract.keywords import Keyword

    assert isinstance(keyword, Keyword)
    hits = find_hits(keyword.fragment)
    assert hits, keyword
    assert hits[0].keyword == keyword


@pytest.mark.parametrize("spelling", sorted(entries()[1]), ids=str)
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


def _hits_by_definition(normalized: str) -> list[tuple[int, int, str]]:
    """``find_hits`` as first written (one pattern of every spelling, tried at every position),
    plus its one deliberate change: an ASCII keyword never starts right after a-z."""
    import re

    from inspector.extract.keywords import _left_ok, _longest_bounded, compiled
    from inspector.extract.spelling import Trie, compact, tokens

    trie = Trie()
    for spelling in sorted(entries()[1]):
        trie.add(tokens(spelling))
    pattern = re.compile(trie.regex())
    by_compact = compiled().by_compact
    key = fold_keys(normalized)
    hits, pos = [], 0
    while (m := pattern.search(key, pos)) is not None:
        start = m.start()
        end = _longest_bounded(by_compact, key, start, m.end())
        keyword = by_compact.get(compact(key[start:end])) if end else None
        # An ASCII keyword never starts right after a-z, not even "2fa" or "% off".
        glued = key[start].isascii() and start > 0 and "a" <= key[start - 1] <= "z"
        if keyword is None or not _left_ok(key, start, end) or glued:
            pos = start + 1
            continue
        hits.append((start, end, keyword.fragment))
        pos = end
    return hits


_SPELLINGS = sorted(entries()[1])
_KEYWORDY = st.lists(
    st.sampled_from(_SPELLINGS)
    | st.sampled_from(
        [" ", "-", "\n", ":", "x", "é", "ä", "2", "s", "ы", "码", "ה", "ال", "(", "."]
    )
    | st.text(max_size=3),
    max_size=25,
).map("".join)


@pytest.mark.slow
@given(_KEYWORDY)
def test_find_hits_matches_its_definition(text: str) -> None:
    # The per-script patterns and word-start anchoring are an optimisation only.
    normalized = normalize(text)
    found = [(h.start, h.end, h.keyword.fragment) for h in find_hits(normalized)]
    assert found == _hits_by_definition(normalized)


GROUPS = [
    ("ascii-only", "Your code is 123456", frozenset()),
    ("latin-accents", "Código de verificação", frozenset()),
    ("cyrillic", "Ваш код 1234", frozenset({"cyrillic"})),
    ("chinese", "验证码 1234", frozenset({"cjk"})),
    ("mixed", "код 验证码 קוד", frozenset({"cyrillic", "cjk", "semitic"})),
    ("lone-surrogate", "code \ud800 код", frozenset({"cyrillic"})),
]


@pytest.mark.parametrize(("text", "groups"), [g[1:] for g in GROUPS], ids=[g[0] for g in GROUPS])
def test_script_groups_of_a_text(text: str, groups: frozenset[str]) -> None:
    from inspector.extract.keywords import _groups_in

    assert _groups_in(fold_keys(normalize(text))) >= groups
    if not groups:
        assert _groups_in(fold_keys(normalize(text))) == frozenset()


def test_no_fragment_is_in_two_tables_of_one_kind() -> None:
    # ``lexicon.ACCESS`` moved some STRONG fragments; one left in both would take one category.
    strong = {f.strip() for v in lexicon.STRONG.values() for f in v.split(";")}
    access = {f.strip() for v in lexicon.ACCESS.values() for f in v.split(";")}
    assert not strong & access


def _corpus_texts() -> list[str]:
    import json

    texts = []
    for path in sorted((Path(__file__).parent / "corpus" / "otp").glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
            texts.append(f"{item.get('subject') or ''}\n\n{item['text']}")
    return texts


def test_short_texts_scanned_by_parts_find_what_the_whole_trie_finds() -> None:
    # A fresh process scans its first short texts with only the tries of the first letters
    # they hold (start-up); the hits must be the whole trie's, on every real text we have.
    from inspector.extract.keywords import _Parts, _pattern, _scan

    texts = _corpus_texts()
    assert len(texts) > 1000
    for text in texts:
        key = fold_keys(normalize(text))
        padded = "\n" + key
        whole = _scan(_pattern("ascii"), padded, key, padded=True)
        assert _scan(_Parts(padded), padded, key, padded=True) == whole, text[:80]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeiklmnoprstuvy 0123456789:-.()[]#/\n", max_size=200))
def test_parts_and_whole_agree_on_any_text(text: str) -> None:
    from inspector.extract.keywords import _Parts, _pattern, _scan

    key = fold_keys(normalize("code pin verify " + text))
    padded = "\n" + key
    whole = _scan(_pattern("ascii"), padded, key, padded=True)
    assert _scan(_Parts(padded), padded, key, padded=True) == whole
