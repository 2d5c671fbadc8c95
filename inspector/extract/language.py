"""Which language a message is in, when its deciding keyword is shared (pure: no I/O).

"code" is English, French, German and Dutch; "OTP" every language. The text itself decides:
a script that names a language, else the most frequent function words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from inspector.extract import lexicon_context

_WORD = re.compile(r"[a-z]+")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words.split()) for lang, words in lexicon_context.STOPWORDS.items()}


def guess_language(langs: tuple[str, ...], normalized: str, key: str) -> str | None:
    """Pick one of ``langs`` (a shared keyword's languages) from the text itself.

    A keyword of one language is that language. For a shared one ("code", or "OTP", which
    every language uses: ``"*"``) a script that names a language (kana, Hangul, Hebrew,
    Cyrillic with і/ї...) decides, else the most frequent function words, else the first.
    """
    if not langs:
        return None
    anything = "*" in langs
    if len(langs) == 1 and not anything:
        return langs[0]
    script = _script_language(normalized)
    if script is not None and (anything or script in langs):
        return script
    stop = _stopwords()
    candidates = tuple(stop) if anything else langs
    words = Counter(_WORD.findall(key[:4000]))
    best = "en" if anything else langs[0]
    best_score = 1  # one stray function word is no evidence
    for lang in candidates:
        score = sum(words[w] for w in stop.get(lang, ()))
        if score > best_score:
            best, best_score = lang, score
    return best


_SCRIPTS = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u05d0-\u05ea]"), "he"),
    (re.compile(r"[پچژگ]"), "fa"),
    (re.compile(r"[\u0620-\u064a]"), "ar"),
    (re.compile(r"[іїєґ]"), "uk"),
    (re.compile(r"[\u0400-\u04ff]"), "ru"),
    (re.compile(r"[\u0900-\u097f]"), "hi"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
    (re.compile(r"[ăơưđ]"), "vi"),
    (re.compile(r"[ğış]"), "tr"),
    (re.compile(r"[ąęłńśźż]"), "pl"),
)


def _script_language(normalized: str) -> str | None:
    """A language told apart by its script or letters, when the text shows one."""
    sample = normalized[:4000].lower()
    for rx, lang in _SCRIPTS:
        if rx.search(sample):
            return lang
    return None
