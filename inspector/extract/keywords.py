"""Find the keywords of ``lexicon`` and ``lexicon_context`` in a text (pure: no I/O).

The fragments are compiled, lazily and once, into trie-shaped patterns (common prefixes
factored out, longer continuations tried first), so at any position the most specific keyword
wins ("code de vérification" over "code", "promo code" over "code") and a position that
starts no keyword costs one character test. The patterns are matched against
``fold_keys(normalized)`` (lower case, no accents, one spelling for Arabic/Persian letters and
traditional/simplified Chinese), so one spelling per keyword is enough.

There is one pattern per group of scripts (``_GROUP_RANGES``), searched only in a text that
holds that group's characters (told by the high bytes of its UTF-16 code units, ~1 ns a
character): a wide alternation costs ~200 ns wherever one of its first characters occurs, a
narrow one a fraction of that. ASCII keywords (every Latin one, once folded) are tried only
at word starts, after a character that is not a-z, which ``re`` skips to in C. A 30 KB
newsletter is scanned in well under a millisecond.

Word boundaries are script-aware: Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari and
Georgian keywords must not be glued to letters of those scripts ("barcode", "unicode",
"foOTPath" and "בנקודת" contain no keyword), while Chinese, Japanese, Korean and Thai keywords,
written without spaces, need none. Digits never break a boundary: "OTP123456" holds "OTP".
An ASCII keyword never starts right after a-z, even one starting with a digit ("2fa").
The language of a message is guessed in ``language``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import count

from inspector.extract import lexicon, lexicon_context, lexicon_world
from inspector.extract.normalize import fold_keys, normalize
from inspector.extract.spelling import Trie, compact, expand, tokens

# Letters of the scripts that separate words with spaces (lower-case only: the keyword view is
# lower-cased), one class per script. A keyword ending in a letter of one of them must not be
# followed by another letter of the same script.
_SCRIPT_LETTERS = (
    "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff",  # Latin
    "\u0370-\u03ff",  # Greek
    "\u0400-\u0481\u048a-\u052f",  # Cyrillic
    "\u05d0-\u05ea",  # Hebrew
    "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff",  # Arabic, Persian
    "\u0900-\u0963",  # Devanagari
    "\u10a0-\u10ff",  # Georgian
)
_SCRIPT_CLASSES = tuple(re.compile(f"[{letters}]") for letters in _SCRIPT_LETTERS)
_IS_WORD_LETTER = re.compile(f"[{''.join(_SCRIPT_LETTERS)}]")


def right_ok(key: str, end: int) -> bool:
    """No letter of the keyword's own script glued after its last letter."""
    if end >= len(key) or end == 0:
        return True
    last, after = key[end - 1], key[end]
    if last.isascii():  # the common case, without trying seven classes
        return not ("a" <= last <= "z" and _SCRIPT_CLASSES[0].match(after))
    for rx in _SCRIPT_CLASSES:
        if rx.match(last):
            return not rx.match(after)
    return True


# Letters Hebrew and Arabic glue in front of a word (the, and, in, to...): "הקוד", "بالرمز".
_PREFIX_LETTERS = frozenset("הבלושמכ" + "والبفک")


@dataclass(frozen=True, slots=True)
class Keyword:
    # "strong", "weak", "verify", "action", "promo", "list", "elsewhere", "bounce" or "neg"
    kind: str
    # neg: promo/reference/amount/phone/account/postal/year/event; strong: strong or access;
    # else == kind
    category: str
    langs: tuple[str, ...]
    fragment: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One keyword found in the text, positions in the normalised text."""

    start: int
    end: int
    keyword: Keyword

    @property
    def kind(self) -> str:
        return self.keyword.kind


# How much a keyword pulls a nearby candidate (see rank.py).
WEIGHTS = {"strong": 1.0, "weak": 0.6, "verify": 0.45, "action": 0.3}


_FRAGMENT_SEPARATOR = re.compile(r"[;\n]")


@cache
def entries() -> tuple[list[Keyword], set[str]]:
    """The keywords (one per compact spelling, the most telling kind) and every spelling."""
    categories: dict[tuple[str, str], str] = {}
    langs: dict[tuple[str, str], list[str]] = {}

    def add(kind: str, category: str, table: dict[str, str]) -> None:
        for lang, lines in table.items():
            for line in _FRAGMENT_SEPARATOR.split(lines):
                if not line.strip():
                    continue
                for variant in expand(line.strip()):
                    key = (kind, fold_keys(normalize(variant)))
                    seen = langs.setdefault(key, [])
                    if lang not in seen:
                        seen.append(lang)
                    categories[key] = category

    add("strong", "strong", lexicon.STRONG)
    add("strong", "strong", lexicon_world.STRONG)
    add("strong", "access", lexicon.ACCESS)
    add("weak", "weak", lexicon.WEAK)
    add("weak", "weak", lexicon_world.WEAK)
    add("verify", "verify", lexicon.VERIFY)
    add("action", "action", lexicon.ACTION)
    add("promo", "promo", lexicon_context.PROMO)
    add("elsewhere", "elsewhere", lexicon_context.ELSEWHERE)
    add("list", "list", lexicon_context.LIST_FOOTER)
    add("bounce", "bounce", lexicon_context.BOUNCE)
    for category, table in lexicon_context.NEGATIVE.items():
        add("neg", category, table)
    # A fragment listed under several kinds keeps the most telling one.
    rank = {
        "neg": 0, "bounce": 0, "strong": 1, "verify": 2, "weak": 3, "promo": 4, "list": 5,
        "elsewhere": 6, "action": 7,
    }  # fmt: skip
    by_fragment: dict[str, tuple[str, str]] = {}
    for kind, fragment in categories:
        identity = compact(fragment)
        other = by_fragment.get(identity)
        if other is None or rank[kind] < rank[other[0]]:
            by_fragment[identity] = (kind, fragment)
    keywords = [
        Keyword(kind, categories[(kind, fragment)], tuple(langs[(kind, fragment)]), fragment)
        for kind, fragment in by_fragment.values()
    ]
    # Every spelling goes into the pattern: "인증 코드" and "인증코드" share one identity, but
    # a pattern built from the spelling without the space would not match the one with it.
    spellings = {fragment for _, fragment in categories}
    return sorted(keywords, key=lambda k: k.fragment), spellings


@dataclass(frozen=True, slots=True)
class _Compiled:
    by_compact: dict[str, Keyword]
    # Non-ASCII keywords by group of their first character (``_group``), and the groups a
    # text may hold, from the high bytes of its UTF-16 code units (see ``_groups_in``).
    spellings: dict[str, list[str]]
    byte_codes: bytes  # high byte -> code of a set of groups (0: none)
    code_groups: tuple[frozenset[str], ...]  # code -> groups


# Non-ASCII keywords get one pattern per script group, each searched only in a text holding
# that group's characters: one wide alternation costs ~200 ns at each position where one of
# its first characters occurs (most Cyrillic letters, common Chinese characters), a narrow
# one a fraction of that.
_GROUP_RANGES = (
    ("cyrillic", 0x0400, 0x052F),
    ("semitic", 0x0590, 0x06FF),  # Hebrew, Arabic, Persian
    ("cjk", 0x3000, 0x9FFF),  # kana, ideographs
    ("hangul", 0xAC00, 0xD7FF),
)


def _group(first: str) -> str:
    if first.isascii():
        return "ascii"
    code = ord(first)
    return next((name for name, lo, hi in _GROUP_RANGES if lo <= code <= hi), "other")


@cache
def compiled() -> _Compiled:
    keywords, spellings = entries()
    by_group: dict[str, list[str]] = {}
    for spelling in sorted(spellings):
        by_group.setdefault(_group(spelling[0]), []).append(spelling)
    groups_of_byte: list[set[str]] = [set() for _ in range(256)]
    for group, members in by_group.items():
        for spelling in members:
            if group != "ascii" and ord(spelling[0]) < 0x10000:
                groups_of_byte[ord(spelling[0]) >> 8].add(group)
    distinct = sorted({frozenset(g) for g in groups_of_byte if g}, key=sorted)
    codes = bytes(distinct.index(frozenset(g)) + 1 if g else 0 for g in groups_of_byte)
    return _Compiled(
        {compact(kw.fragment): kw for kw in keywords}, by_group, codes, tuple(distinct)
    )


@cache
def _pattern(group: str) -> re.Pattern[str]:
    """The trie of one group's keywords, compiled on first use (most texts need only ASCII's).

    ASCII keywords (every Latin one, once folded) must follow a character that is not a-z:
    ``re`` then skips in C to the non-letters and tries the trie only there (word starts),
    not at every letter (~20x faster on long text). A class of every script's letters in
    front costs more than it saves; ``_left_ok`` checks those on the few matches.
    """
    trie = Trie()
    members = compiled().spellings.get(group, [])
    for spelling in members:
        trie.add(tokens(spelling))
    if group != "ascii":
        return re.compile(trie.regex() if members else "(?!)")
    firsts = "".join(sorted({re.escape(s[0]) for s in members}))
    return re.compile(f"[^a-z](?=[{firsts}]){trie.regex()}")


@cache
def _letter_pattern(first: str) -> re.Pattern[str]:
    """The part of the ASCII trie whose keywords start with ``first``: the same matches as
    ``_pattern("ascii")`` at the positions where ``first`` follows a non-letter."""
    trie = Trie()
    for spelling in compiled().spellings.get("ascii", []):
        if spelling[0] == first:
            trie.add(tokens(spelling))
    return re.compile(f"[^a-z](?={re.escape(first)}){trie.regex()}")


class _Parts:
    """``_pattern("ascii")`` for a short text in a fresh process, from the tries of only the
    first letters it has at word starts: compiling the whole trie (~60 ms) is most of
    ``inspector extract``'s start-up. The union's leftmost match is the parts' leftmost (a
    match starts with its keyword's first letter: two parts never match at one position)."""

    def __init__(self, text: str) -> None:
        firsts = {s[0] for s in compiled().spellings.get("ascii", [])}
        present = {m.group(1) for m in _WORD_START.finditer(text)} & firsts
        self._parts = [_letter_pattern(first) for first in sorted(present)]

    def search(self, text: str, pos: int) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        for part in self._parts:
            m = part.search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best


_WORD_START = re.compile(r"[^a-z](?=([\x21-\x7e]))")
_SHORT = 2000  # characters: a process's first text, when this short, goes by parts
_TEXTS = count()


def skip_parts() -> None:
    """No text of this process goes by parts (``extract.many_texts``)."""
    next(_TEXTS)


def _ascii_scanner(padded: str) -> re.Pattern[str] | _Parts:
    # Only the first: a second text means a mailbox, where the whole trie pays (parts for
    # a few texts more compiled most letters' tries, ~0.1 s, and then the whole one anyway).
    if len(padded) <= _SHORT and next(_TEXTS) < 1:
        return _Parts(padded)
    return _pattern("ascii")


def _groups_in(key: str) -> frozenset[str]:
    """The non-ASCII keyword groups whose first characters ``key`` may hold (a superset)."""
    tables = compiled()
    # The high byte of each UTF-16 code unit tells the 256-character block: one encode, one
    # translate and a memchr per set of groups, ~1 ns a character.
    high = key.encode("utf-16-le", "surrogatepass")[1::2].translate(tables.byte_codes)
    found: set[str] = set()
    for code, groups in enumerate(tables.code_groups, start=1):
        if bytes((code,)) in high:
            found |= groups
    return frozenset(found)


def _katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fc"


def _left_ok(key: str, start: int, end: int) -> bool:
    """No letter of the keyword's script glued in front of it (prefix letters aside)."""
    if start and end - start <= 3 and _katakana(key[start]) and _katakana(key[start - 1]):
        # Katakana loanwords are written solid: a short one, "コード" (code), inside
        # "エンコード" (encode) or "バーコード" (barcode) is part of another word. A longer
        # listed compound ("パスコード", "ワンタイムパスコード") says enough by itself, also
        # glued to the word before it ("アプリワンタイムパスコード": the app's one-time code).
        return False
    if start == 0 or not _IS_WORD_LETTER.match(key[start]):
        return True
    i = start
    # Hebrew/Arabic keywords may carry up to three glued prefix letters ("بال", "וכש").
    if "\u0590" <= key[start] <= "\u06ff":
        while i > 0 and start - i < 3 and key[i - 1] in _PREFIX_LETTERS:
            i -= 1
        if i < start and (i == 0 or not _IS_WORD_LETTER.match(key[i - 1])):
            return True
    return not _IS_WORD_LETTER.match(key[start - 1])


def find_hits(normalized: str, key: str | None = None) -> list[Hit]:
    """Return the keywords of ``normalized`` in text order; no two overlap."""
    if key is None:
        key = fold_keys(normalized)
    # "\n" in front: a keyword at the very start has its non-letter too. Positions in the
    # padded text are one more than in ``key``, so a match's start (the non-letter) is the
    # keyword's start in ``key``.
    padded = "\n" + key
    hits = _scan(_ascii_scanner(padded), padded, key, padded=True)
    if not key.isascii():
        for group in sorted(_groups_in(key)):
            more = _scan(_pattern(group), key, key, padded=False)
            if more:
                hits = disjoint(sorted(hits + more, key=lambda h: (h.start, -h.end)))
    return hits


def _scan(pattern: re.Pattern[str] | _Parts, text: str, key: str, *, padded: bool) -> list[Hit]:
    by_compact = compiled().by_compact
    hits: list[Hit] = []
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return hits
        start = m.start()  # in ``key``: the padding and the non-letter cancel out
        end = _longest_bounded(by_compact, key, start, m.end() - 1 if padded else m.end())
        keyword = by_compact.get(compact(key[start:end])) if end else None
        if keyword is None or not _left_ok(key, start, end):
            pos = start + 1
            continue
        hits.append(Hit(start, end, keyword))
        pos = end


def disjoint(hits: list[Hit]) -> list[Hit]:
    """Keep the earliest of overlapping hits (a keyword of one script inside another's)."""
    kept: list[Hit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _longest_bounded(by_compact: dict[str, Keyword], key: str, start: int, end: int) -> int:
    """The end of the longest keyword from ``start`` that ends on a word boundary, or 0.

    The pattern matches the longest keyword regardless of what follows; when that one runs
    into a longer word ("2fa code" in "2fa codes"), a shorter keyword ("2fa") may still fit.
    """
    if right_ok(key, end):
        return end
    for shorter in range(end - 1, start, -1):
        if right_ok(key, shorter) and compact(key[start:shorter]) in by_compact:
            return shorter
    return 0
