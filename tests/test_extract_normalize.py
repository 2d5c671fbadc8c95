"""Tests of inspector.extract.normalize: the two text views of the engine."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.extract.normalize import clip, fold_code_view, fold_keys, normalize

DIGITS = [
    ("full-width", "１２３４５６", "123456"),
    ("arabic-indic", "٤٨٢٩١٣", "482913"),
    ("persian", "۵۲۷۱۹۰", "527190"),
    ("devanagari", "७१८२०४", "718204"),
    ("bengali", "৪৮২৯১৩", "482913"),
    ("thai", "๔๘๒๙๑๓", "482913"),
    ("mixed", "12٣4۵６", "123456"),
]


@pytest.mark.parametrize(
    ("raw", "ascii_digits"), [d[1:] for d in DIGITS], ids=[d[0] for d in DIGITS]
)
def test_digits_become_ascii(raw: str, ascii_digits: str) -> None:
    assert normalize(raw) == ascii_digits


CLEANUP = [
    ("crlf", "a\r\nb\rc", "a\nb\nc"),
    ("zero-width-space", "12\u200b34", "1234"),
    ("bidi-marks", "\u200f123456\u200e", "123456"),
    ("soft-hyphen", "ver\u00adification", "verification"),
    ("zwnj-splits-words", "کیف\u200cپول", "کیف پول"),
    ("full-width-colon", "验证码：123456", "验证码:123456"),
    ("full-width-comma", "123456，10分钟", "123456, 10分钟"),
    ("typographic-apostrophe", "code d’accès", "code d'accès"),
    ("nbsp", "123\u00a0456", "123 456"),
    ("ideographic-space", "コード\u3000123456", "コード 123456"),
    ("tatweel", "رمـــز", "رمز"),
]


@pytest.mark.parametrize(("raw", "clean"), [c[1:] for c in CLEANUP], ids=[c[0] for c in CLEANUP])
def test_cleanup(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


FOLDS = [
    ("lower", "OTP Code", "otp code"),
    ("spanish", "Código de verificación", "codigo de verificacion"),
    ("turkish", "Doğrulama Kodu İşte", "dogrulama kodu iste"),
    ("polish", "Hasło jednorazowe", "haslo jednorazowe"),
    ("vietnamese", "Mã xác thực", "ma xac thuc"),
    ("german", "Bestätigungscode", "bestatigungscode"),
    ("arabic-variants", "كود التفعيل", "کود التفعیل"),
    ("hamza", "رمز التأكيد", "رمز التاکید"),
    ("traditional-chinese", "驗證碼", "验证码"),
    ("russian-yo", "Ещё код", "еще код"),
    ("greek-tonos", "Κωδικός", "κωδικος"),
]


@pytest.mark.parametrize(("raw", "folded"), [f[1:] for f in FOLDS], ids=[f[0] for f in FOLDS])
def test_fold_keys(raw: str, folded: str) -> None:
    assert fold_keys(normalize(raw)) == folded


@given(st.text())
def test_fold_keys_keeps_positions(text: str) -> None:
    normalized = normalize(text)
    assert len(fold_keys(normalized)) == len(normalized)


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_clip_keeps_the_head() -> None:
    assert clip("abc", 10) == "abc"
    assert clip("abcdef", 3) == "abc"


def test_fold_code_view_drops_separators() -> None:
    assert fold_code_view("Code: 123 456 - G-7 8.9") == "Code:123456G789"


def _normalize_by_definition(text: str) -> str:
    """``normalize`` without its fast paths: line breaks, NFKC, then the table."""
    import re
    import unicodedata

    from inspector.extract.normalize import _table

    text = re.sub(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]", "\n", text).replace("\uff0c", ", ")
    return unicodedata.normalize("NFKC", text).translate(_table())


_MIXED = st.text(
    st.sampled_from([*"aé ü\t\r\n-1٣۵६", "\u00a0", "\u200b", "\u00ad", "’", "？", "：", "（", "　"])
    | st.characters(),
    max_size=200,
)


@given(_MIXED)
def test_normalize_fast_paths_match_the_definition(text: str) -> None:
    assert normalize(text) == _normalize_by_definition(text)


@given(_MIXED)
def test_fold_keys_fast_paths_match_the_definition(text: str) -> None:
    from inspector.extract.normalize import _key_table

    normalized = normalize(text)
    lowered = normalized.lower()
    if len(lowered) != len(normalized):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in normalized)
    assert fold_keys(normalized) == lowered.translate(_key_table())


@pytest.mark.parametrize(
    "text",
    ["验证码：１２３４５６？（有效）", "ｶﾀｶﾅ コード　123", "Ａｂｃ　ＤＥＦ！", "e\u0301\u200d"],
    ids=["cjk-punctuation", "half-width-katakana", "full-width-latin", "combining-and-zwj"],
)
def test_cjk_text_normalizes_as_nfkc_would(text: str) -> None:
    assert normalize(text) == _normalize_by_definition(text)
