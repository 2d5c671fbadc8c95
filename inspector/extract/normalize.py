"""Text normalisation shared by the extraction rules (pure: no I/O).

Two views of a message are used:

* ``normalize(text)`` is what candidates are read from: Unicode NFKC (full-width digits and
  letters become ASCII, ``：`` becomes ``:``), every script's decimal digits folded to ASCII
  (Arabic-Indic, Persian, Devanagari...), invisible format characters dropped, line breaks
  unified. Codes returned by the engine are substrings of this view (minus separators).
* ``fold_keys(normalized)`` is what keywords are matched against: the normalised text
  lower-cased, Latin diacritics stripped (``código`` -> ``codigo``), Arabic/Persian letter
  variants unified and a few traditional Chinese characters mapped to simplified ones. It has
  exactly the same length as its input, so a match position in it is a position in the
  normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Decimal digit blocks that NFKC leaves alone; each block holds the digits 0-9 in order.
_DIGIT_ZEROS = (
    0x0660,  # Arabic-Indic
    0x06F0,  # Extended Arabic-Indic (Persian, Urdu)
    0x07C0,  # NKo
    0x0966,  # Devanagari
    0x09E6,  # Bengali
    0x0A66,  # Gurmukhi
    0x0AE6,  # Gujarati
    0x0B66,  # Oriya
    0x0BE6,  # Tamil
    0x0C66,  # Telugu
    0x0CE6,  # Kannada
    0x0D66,  # Malayalam
    0x0E50,  # Thai
    0x0ED0,  # Lao
    0x0F20,  # Tibetan
    0x1040,  # Myanmar
    0x17E0,  # Khmer
    0x1810,  # Mongolian
)

# Invisible characters that split words or codes without being visible: zero-width space and
# joiner, word joiner, BOM, soft hyphen, Arabic tatweel and the bidirectional controls that
# right-to-left SMS often carry.
_DROP = "\u200b\u200d\u2060\ufeff\u00ad\u0640\u200e\u200f\u061c" + "".join(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)

# Starts with a character class, so ``re`` skips to candidate characters in C (an alternation
# starting with "\r\n?" would be tried at every position).
_LINE_BREAKS = re.compile(r"[\r\u2028\u2029\x85\x0b\x0c](?:(?<=\r)\n)?")

# How much of one text the engine looks at; see ``clip``.
MAX_SCAN_CHARS = 64 * 1024
MAX_SUBJECT_CHARS = 2048


@cache
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for zero in _DIGIT_ZEROS:
        for i in range(10):
            table[zero + i] = str(i)
    for ch in _DROP:
        table[ord(ch)] = None
    table[0x200C] = " "  # ZWNJ separates Persian word parts: a space keeps them apart
    table[0x066B] = "."  # Arabic decimal separator
    table[0x066C] = ","  # Arabic thousands separator
    for ch in "\u2018\u2019\u201b\u02bc\u0060\u00b4":  # typographic apostrophes
        table[ord(ch)] = "'"
    for ch in "\u201c\u201d\u201e\u00ab\u00bb":
        table[ord(ch)] = '"'
    for ch in "\u2010\u2011\u2012\u2212\ufe63":  # hyphens and minus signs
        table[ord(ch)] = "-"
    table[0x00A0] = " "
    table[0x3000] = " "
    table[0x09] = " "
    return table


_COMMON_WIDE = "？！：；（）．　"


@cache
def _ascii_changes() -> tuple[tuple[str, str], ...]:
    return tuple((chr(c), r or "") for c, r in sorted(_table().items()) if c < 128)


@cache
def _translated() -> re.Pattern[str]:
    """Runs of the characters ``_table`` changes (``str.translate`` costs ~50 ns a character
    of the whole text; most texts hold none or a few of these)."""
    chars = "".join(re.escape(chr(c)) for c in sorted(_table()))
    return re.compile(f"[{chars}]+")


def normalize(text: str) -> str:
    """Return the view codes are read from (see the module docstring)."""
    text = _LINE_BREAKS.sub("\n", text)
    if text.isascii():
        # NFKC leaves ASCII alone; of the table, only its few ASCII entries (tab, backtick).
        for ch, replacement in _ascii_changes():
            if ch in text:
                text = text.replace(ch, replacement)
        return text
    # A full-width comma separates clauses (验证码123456，10分钟内有效), never digit groups:
    # keep it from gluing the code to the next number once NFKC makes it ASCII.
    text = text.replace("\uff0c", ", ")
    if not unicodedata.is_normalized("NFKC", text):
        # The full-width punctuation that makes Chinese and Japanese text fail the quick
        # check becomes what NFKC makes of it first (its decomposition: the result is the
        # same), then NFKC has often nothing left to do: on a whole CJK text it costs ~60 ns
        # a character, ``str.replace`` ~1 ns.
        for wide in _COMMON_WIDE:
            if wide in text:
                text = text.replace(wide, unicodedata.normalize("NFKC", wide))
        text = unicodedata.normalize("NFKC", text)
    table = _table()
    return _translated().sub(lambda m: m.group().translate(table), text)


def clip(text: str, limit: int = MAX_SCAN_CHARS) -> str:
    """Cap the work on huge bodies: keep the head of the text, where codes sit.

    Verification messages put the code near the top; a body larger than ``limit`` (a
    rendered HTML newsletter, an attachment pasted as text) is read up to ``limit`` only.
    """
    return text if len(text) <= limit else text[:limit]


@cache
def _key_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Latin letters with diacritics -> base letter (same length), e.g. ç->c, ğ->g, ệ->e.
    for cp in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if base.isascii() and base.isalpha() and base != ch:
            table[cp] = base
    for src, dst in (("ł", "l"), ("Ł", "l"), ("đ", "d"), ("Đ", "d"), ("ø", "o"), ("Ø", "o")):
        table[ord(src)] = dst
    table[ord("ı")] = "i"
    table[ord("ß")] = "ß"
    # Greek tonos -> plain vowel.
    for src, dst in zip("άέήίόύώΐΰϊϋ", "αεηιουωιυιυ", strict=True):
        table[ord(src)] = dst
    # Cyrillic ё -> е (Russian texts use both).
    table[ord("ё")] = "е"
    table[ord("Ё")] = "е"
    # Arabic-script letter variants: Arabic kaf/yeh/alef-maksura vs Persian forms, hamza
    # carriers on alef, teh marbuta; one spelling per keyword is enough after this.
    for src, dst in (
        ("ك", "ک"),
        ("ي", "ی"),
        ("ى", "ی"),
        ("ئ", "ی"),
        ("أ", "ا"),
        ("إ", "ا"),
        ("آ", "ا"),
        ("ٱ", "ا"),
        ("ة", "ه"),
        ("ؤ", "و"),
    ):
        table[ord(src)] = dst
    for src, dst in zip(_TRAD, _SIMP, strict=True):
        table[ord(src)] = dst
    return table


# Traditional -> simplified for the characters that occur in verification vocabulary, so one
# keyword table serves both scripts (Taiwan/Hong Kong banks write 驗證碼, mainland 验证码).
_TRAD = (
    "驗證確認動態鐘內時間號錄輸傳單額幣為將請萬個機帳戶銀關開啟綁細寶華碼訊簡發結買購費於後協議"
    "獲們這稅貨電話線務遊戲識別網頁轉賬優兌換薦訂編錯誤熱撥郵隨啓過洩騙詐鍾業辦"
)
_SIMP = (
    "验证确认动态钟内时间号录输传单额币为将请万个机帐户银关开启绑细宝华码讯简发结买购费于后协议"
    "获们这税货电话线务游戏识别网页转账优兑换荐订编错误热拨邮随启过泄骗诈钟业办"
)


@cache
def _key_translated() -> re.Pattern[str]:
    chars = "".join(re.escape(chr(c)) for c in sorted(_key_table()))
    return re.compile(f"[{chars}]+")


def fold_keys(normalized: str) -> str:
    """Return the keyword-matching view of ``normalized``: same length, same positions."""
    lowered = normalized.lower()
    if lowered.isascii():
        return lowered
    if len(lowered) != len(normalized):
        # A few characters lower-case to two (İ -> i̇); keep those as they are.
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in normalized)
    table = _key_table()
    return _key_translated().sub(lambda m: m.group().translate(table), lowered)


_SEPARATORS = re.compile(r"[\s\-–—_.]+")


def fold_code_view(text: str) -> str:
    """The normalised text with separators removed: every code the engine returns is in it.

    Used by tests to check that a returned code is derived from the input, not invented.
    """
    return _SEPARATORS.sub("", normalize(text))
