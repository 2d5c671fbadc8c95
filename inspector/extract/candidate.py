"""The cheap first test of extraction: can a text be a verification message at all?

Most mail of a mailbox names no code, so ``extract`` first asks this, with one multi-pattern
scan (Aho-Corasick, pyahocorasick's C automaton) of the folded text for the pieces of every
keyword that can make a message a verification message or pull a code towards it (the kinds
of ``keywords.WEIGHTS``: code words, verify phrases, action words, in every language of the
tables), and for the nouns that end compound code words (``hits``). Only a text that holds
one goes through the keyword scan, the candidates and their ranking.

The test is a superset, never a guess: a keyword's match (``keywords.find_hits``) is its
spelling with optional spaces or hyphens between the pieces, so every piece of it is in the
text; its first piece starts after a character that is not a-z when it is ASCII (the ASCII
pattern's own condition), and its last piece ends on the boundary ``keywords.right_ok``
checks. A text where no keyword passes these conditions has no such hit, so ``extract`` would
call it no verification message. Pieces of one or two letters ("2", "in", "в") are
not scanned for, nor are a few common words of longer keywords ("your" of "verify your email"):
they are taken as present, which keeps the scan to the telling pieces.

Without pyahocorasick (no wheel for the platform) every text is a candidate: extraction is
then exactly as slow as before, never less accurate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from inspector.extract.keywords import WEIGHTS, compiled, entries, right_ok
from inspector.extract.spelling import compact

__all__ = ["maybe_verification"]

# The starts of the nouns that end compound code words ("Bestätigungscode", "kodunuz"),
# the spellings of ``hits``'s "[ck]o[oa]?[dð]": scanned for by the same automaton, under
# _NOUN.
_NOUN_STARTS = tuple(f"{c}{o}{d}" for c in "ck" for o in ("o", "oo", "oa") for d in "dð")
_NOUN = -1
_PIECE_SPLIT = re.compile(r"[\s\-]+")
_SHORT = 2  # pieces this short are everywhere: taken as present, not scanned for


@dataclass(frozen=True, slots=True)
class _Keyword:
    pieces: frozenset[int]  # the scanned pieces, all of which must be present
    first: int | None  # scanned first piece, when it must start after a non a-z character
    last: int | None  # scanned last piece, which must end on a word boundary


@dataclass(frozen=True, slots=True)
class _Table:
    # ahocorasick.Automaton of the ASCII pieces, then of the others: end -> (id, length)
    matchers: tuple[Any, Any]
    keywords: tuple[_Keyword, ...]
    by_piece: tuple[tuple[int, ...], ...]  # piece id -> the keywords whose longest piece it is
    always: bool  # a keyword has no scanned piece: every text is a candidate
    wide_letters: re.Pattern[str]  # a letter beyond ASCII that a scanned piece holds
    nouns: frozenset[int]  # the ids found where a compound's noun may start (_NOUN_STARTS)


def maybe_verification(normalized: str, key: str) -> bool:
    """False only when ``extract`` would find no keyword in ``key`` (``fold_keys`` of
    ``normalized``) that can make it a verification message (see the module doc)."""
    table = _table()
    if table is None or table.always:
        return True
    wide = not key.isascii() and table.wide_letters.search(key) is not None
    # One pass of the automata collects every piece's ends (C speed); Python looks at the
    # few keywords whose pieces are all there, and only then at where each piece stands.
    found = list(table.matchers[0].iter(key))
    if wide:
        found += table.matchers[1].iter(key)
    if not found:
        return False
    present = {piece for _, (piece, _) in found}
    if not present.isdisjoint(table.nouns):
        present.discard(_NOUN)
        if _compound(normalized, key):
            return True
    for piece in present:
        for index in table.by_piece[piece]:
            keyword = table.keywords[index]
            if keyword.pieces.issubset(present) and _bounded(keyword, found, key):
                return True
    return False


def _bounded(keyword: _Keyword, found: list[tuple[int, tuple[int, int]]], key: str) -> bool:
    """Whether the keyword's first piece starts after a non a-z character somewhere and its
    last piece ends on a word boundary somewhere (``found``: the automata's matches)."""
    first, last = keyword.first, keyword.last
    if first is not None and not any(
        piece == first and (end < length or not "a" <= key[end - length] <= "z")
        for end, (piece, length) in found
    ):
        return False
    return last is None or any(
        piece == last and right_ok(key, end + 1) for end, (piece, _) in found
    )


def _compound(normalized: str, key: str) -> bool:
    from inspector.extract.hits import _compounds

    return bool(_compounds(normalized, key))


@cache
def _table() -> _Table | None:
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - every platform with a wheel has it
        return None
    ids: dict[str, int] = {}
    keywords: list[_Keyword] = []
    always = False
    for spelling in sorted(_pulling_spellings()):
        parts = [p for p in _PIECE_SPLIT.split(spelling) if p]
        wanted = [p for p in parts if _scanned(p)] or [p for p in parts if not _short(p)]
        scanned = [ids.setdefault(p, len(ids)) if p in wanted else None for p in parts]
        first, last = scanned[0], scanned[-1]
        pieces = frozenset(i for i in scanned if i is not None)
        always = always or not pieces
        left = first if first is not None and parts[0][0].isascii() else None
        keywords.append(_Keyword(pieces, left, last))
    # A keyword needs all its pieces, so it is looked at only when its longest one (the
    # rarest, roughly) is present, not for every "code" of the text.
    length = {number: len(text) for text, number in ids.items()}
    by_piece: list[list[int]] = [[] for _ in ids]
    for index, keyword in enumerate(keywords):
        if keyword.pieces:
            by_piece[max(keyword.pieces, key=lambda p: (length[p], p))].append(index)
    # Two automata: an ASCII text (most mail, once folded) is scanned by the small one only,
    # several times faster than one automaton with every script's first letters at its root.
    matchers = (ahocorasick.Automaton(), ahocorasick.Automaton())
    for text, number in ids.items():
        matchers[0 if text.isascii() else 1].add_word(text, (number, len(text)))
    for start in _NOUN_STARTS:  # "coð" too: it starts with an ASCII letter
        if start not in ids:  # a piece of its own ("cod"): that piece stands for it
            matchers[0].add_word(start, (_NOUN, len(start)))
    for matcher in matchers:
        matcher.make_automaton()
    # The second one only runs on a text holding a letter one of its pieces starts with, or
    # (for "bekræftelseskode") the first letter beyond ASCII such a piece has.
    letters = {next(ch for ch in text if not ch.isascii()) for text in ids if not text.isascii()}
    wide = "".join(sorted(re.escape(ch) for ch in letters))
    return _Table(
        matchers,
        tuple(keywords),
        tuple(tuple(k) for k in by_piece),
        always,
        re.compile(f"[{wide}]" if wide else "(?!)"),
        frozenset({_NOUN, *(ids[s] for s in _NOUN_STARTS if s in ids)}),
    )


def _pulling_spellings() -> set[str]:
    """Every text a pulling keyword's hit can span, as a spelling.

    A hit is a spelling of the pattern, or (``keywords._longest_bounded``) a prefix of one
    that reads as a shorter keyword when the whole one runs into a longer word: such a
    prefix may put its spaces elsewhere than the shorter keyword's own spelling ("2 fa"
    of a longer spelling for "2fa"), so every prefix of every spelling that is a pulling
    keyword counts, spelled as it is in the longer one.
    """
    by_compact = compiled().by_compact
    out: set[str] = set()
    for spelling in entries()[1]:
        # A prefix's identity is a prefix of the spelling's: its first ``kept`` characters
        # (one ``compact`` per spelling, not one per prefix: ~10 ms of every start).
        identity = compact(spelling)
        kept = 0
        for end, ch in enumerate(spelling, 1):
            if ch == "-" or ch.isspace():
                if ch in " -":
                    continue
            else:
                kept += 1
            keyword = by_compact.get(identity[:kept])
            # A spelling whose identity another kind took ("promo code") pulls nothing.
            if keyword is not None and keyword.kind in WEIGHTS:
                out.add(spelling[:end].strip(" -"))
    return out


def _short(piece: str) -> bool:
    # One or two letters of Latin, Greek or Cyrillic ("2", "in", "в") are everywhere in
    # those texts; two of another script ("کد", "验证", "인증") only where that script is.
    return len(piece) <= _SHORT and all(ord(ch) < 0x0530 for ch in piece)


def _scanned(piece: str) -> bool:
    return not _short(piece) and piece not in _COMMON


# Words of multi-word keywords that most texts hold ("verify your email", "one time code"):
# the keyword's other pieces are scanned for instead.
_COMMON = frozenset({"you", "your", "that", "one", "two", "the", "for", "and", "this", "mail"})
