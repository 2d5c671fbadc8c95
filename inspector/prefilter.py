"""Could this message be a verification message? A cheap, conservative answer (pure: no I/O).

Reading a mailbox, most messages are newsletters, receipts and personal mail; the full
extraction (``inspector.extract.extract``) costs about a millisecond a message, mostly in
scanning every position of the text with the keyword pattern. ``could_be_verification``
answers "no" only when ``extract`` would certainly say ``is_verification=False`` on the same
subject and body, and does so in a fraction of that time.

The rule. ``extract`` calls a message a verification message only when it has an
origin-bound last line, or a keyword hit of kind strong, verify, weak or action
(``keywords.WEIGHTS``) that is not cancelled by marketing vocabulary: a promo hit without a
strong hit makes it a newsletter (documented in :mod:`inspector.extract`). So the answer is
"yes" when

1. the body has an origin-bound last line (``origin.origin_line``), or
2. the keyword hits include a strong one, or
3. they include a verify/weak/action one and no promo one.

What ``find_hits`` would report is worked out only where it can matter:

* The keyword view (``fold_keys(normalize(...))``) is built exactly as ``extract`` builds it,
  with the same tables applied faster (``_translate``).
* Every hit of a keyword that starts with a letter starts a run of letters of one script that
  is one of a fixed set of "anchor" words (``_tables``): the first word of a keyword, or of
  a longer keyword it may be cut out of, with the separators between its words present or
  absent (the pattern allows ``[\\s-]*`` there). The left word boundary ``find_hits``
  checks makes the run start where the hit starts; Hebrew and Arabic prefix letters are
  stripped as ``find_hits`` allows. A keyword that does not start with a letter ("2fa",
  "验证码") is looked for at its first character, when its second one follows.
* At each such place, the keyword ``find_hits`` would report if its scan stops there is
  computed with ``find_hits``' own helpers (``_keyword_at``). Whether an earlier hit covers
  the place is not checked: that can only add keywords, so rules 2 and 3 say "yes" more often.
* A promo hit is only believed when ``find_hits`` itself reports it: no hit can span a
  character that is in no keyword and is no separator (".", ",", ":", most digits...:
  ``_BARRIER_CANDIDATES``), and the boundary checks at such a character come out the same,
  so ``find_hits`` on the stretch between two of them gives exactly the hits of the whole
  text there. Only the stretches around promo words are scanned.

Property tests check that the answer is "yes" whenever ``extract`` finds a verification
message, on generated messages and on the fixtures.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from inspector.extract import keywords, normalize

__all__ = ["could_be_verification", "keyword_view"]

_PULLING = frozenset(keywords.WEIGHTS)
# One run per script: a run of Latin letters followed by Cyrillic ones is two words, as the
# right boundary check (``keywords._right_ok``) sees it.
_RUN = re.compile("|".join(f"[{letters}]+" for letters in keywords._SCRIPT_LETTERS))
# Letters of any of those scripts: one class scans faster; the rare non-ASCII word it returns
# is split by script afterwards (``_words``).
_ANY_RUN = re.compile(f"[{''.join(keywords._SCRIPT_LETTERS)}]+")
_SEMITIC = re.compile(r"[\u0590-\u06ff]")
_NOT_LATIN = re.compile(f"[{''.join(keywords._SCRIPT_LETTERS[1:])}]")
_OTHER_BREAKS = re.compile(r"[\r\u2028\u2029\x85\x0b\x0c]")
_MAX_OCCURRENCES = 64  # per anchor word; past this the whole text is scanned
# Characters that may end a stretch, if no keyword contains them (checked in ``_tables``).
_BARRIER_CANDIDATES = '.,:;!?()[]{}<>|"*#=+&@_~^$%€£¥§°/\\013456789'


@dataclass(frozen=True, slots=True)
class _Tables:
    pulling: frozenset[str]  # anchor words of the strong/verify/weak/action keywords
    promo: frozenset[str]  # first words of the promo keywords (for finding one, not all)
    unanchored: re.Pattern[str] | None  # first characters of keywords not starting a word
    barrier: re.Pattern[str]
    normalize_chars: re.Pattern[str]
    key_chars: re.Pattern[str]


def could_be_verification(subject: str, body: str) -> bool:
    """False only if ``extract(body, subject=subject)`` is certainly not a verification."""
    from inspector.extract.origin import origin_line

    if origin_line(body) is not None:
        return True
    key = keyword_view(subject, body)
    tables = _tables()
    words = _words(key)
    starts: list[int] = []
    for word in words & tables.pulling:
        if not _occurrences(key, word, starts):
            return True  # an anchor word everywhere: not worth the precision
    if tables.unanchored is not None:
        starts.extend(m.start() for m in tables.unanchored.finditer(key, 0, len(key)))
    pulling = False
    for start in starts:
        keyword = _keyword_at(key, start)
        if keyword is None or keyword.kind not in _PULLING:
            continue
        if keyword.kind == "strong":
            return True  # (or it is covered by a longer hit: then a candidate for nothing)
        pulling = True
    if not pulling:
        return False
    # A verify/weak/action keyword may make it a verification message, unless marketing
    # vocabulary makes it a newsletter. Only a promo hit that ``find_hits`` itself reports
    # may say no, so the stretches around promo words are scanned exactly.
    promo_words = words & tables.promo
    near = _hits_near(key, promo_words) if promo_words else None
    return not any(_is_promo(hit) for hit in near or ())


def _occurrences(key: str, word: str, into: list[int]) -> bool:
    """Append where ``word`` is a whole run in ``key``; False when too often to check."""
    found = _run_pattern(word).finditer(key)
    into.extend(m.start() for m in itertools.islice(found, _MAX_OCCURRENCES))
    return next(found, None) is None


@cache
def _run_pattern(word: str) -> re.Pattern[str]:
    """``word`` as a whole run of its script's letters (literal first: fast to search for)."""
    if _SEMITIC.match(word):
        return re.compile(re.escape(word))  # may follow glued prefix letters: any occurrence
    letters = next(
        (f"[{chars}]" for chars in keywords._SCRIPT_LETTERS if re.match(f"[{chars}]", word)),
        "[^\\s\\S]",
    )
    escaped = re.escape(word)
    return re.compile(f"{escaped}(?<!{letters}{escaped})(?!{letters})")


def _keyword_at(key: str, start: int) -> keywords.Keyword | None:
    """The keyword ``find_hits`` reports at ``start`` if its scan stops there (else none).

    The scan examines every position no earlier hit covers, so a hit that starts at
    ``start`` is this one; whether an earlier hit covers ``start`` is not checked, which
    only makes the answer more often "yes".
    """
    compiled = keywords._compiled()
    match = compiled.combined.match(key, start)
    if match is None or not keywords._left_ok(key, start):
        return None
    end = keywords._longest_bounded(compiled, key, start, match.end())
    return compiled.by_compact.get(keywords._compact(key[start:end])) if end else None


def keyword_view(subject: str, body: str) -> str:
    """``fold_keys`` of the text ``extract`` reads: subject, blank line, body (normalised)."""
    subject_text = _normalize(normalize.clip(subject, normalize.MAX_SUBJECT_CHARS))
    text = subject_text.replace("\n", " ") + "\n\n" + _normalize(normalize.clip(body))
    return _fold(text)


def _is_promo(hit: keywords.Hit) -> bool:
    return hit.kind == "promo" or hit.keyword.category == "promo"


def _words(key: str) -> set[str]:
    words = set(_ANY_RUN.findall(key))
    if _NOT_LATIN.search(key):  # a run may mix scripts: "codeкод" is the runs "code", "код"
        for word in [w for w in words if not w.isascii()]:
            words.update(_RUN.findall(word))
    if _SEMITIC.search(key):
        # Up to three glued prefix letters (the, and, in...) may precede a Hebrew or Arabic
        # keyword (``keywords._left_ok``); the word without them is what a keyword starts.
        for word in list(words):
            for cut in range(1, 4):
                if len(word) <= cut or word[cut - 1] not in keywords._PREFIX_LETTERS:
                    break
                words.add(word[cut:])
    return words


def _hits_near(key: str, found: set[str]) -> list[keywords.Hit] | None:
    """``find_hits`` on the stretches between barriers that hold a word of ``found``."""
    barriers = [m.start() for m in _tables().barrier.finditer(key)]
    spans: list[tuple[int, int]] = []
    for word in found:
        position = key.find(word)
        count = 0
        while position >= 0:
            count += 1
            if count > _MAX_OCCURRENCES:
                return None
            index = bisect.bisect_left(barriers, position)
            start = barriers[index - 1] + 1 if index else 0
            end = barriers[index] if index < len(barriers) else len(key)
            spans.append((start, end))
            position = key.find(word, end)
    hits: list[keywords.Hit] = []
    covered = -1
    for start, end in sorted(set(spans)):
        if start < covered:
            continue  # the same stretch again (stretches never overlap otherwise)
        stretch = key[start:end]
        hits.extend(keywords.find_hits(stretch, stretch))
        covered = end
    return hits


# --------------------------------------------------------------------------------------------
# The keyword view, fast. ``str.translate`` with a dict looks up every character of a
# non-ASCII text in Python (~70 ns each); a regular expression finds the few characters the
# tables change and only those are looked up. The result is the same string.


def _normalize(text: str) -> str:
    # CRLF is nearly every line break in mail: replace() handles it at C speed, and the
    # regular expression only runs when another kind of break is left.
    text = text.replace("\r\n", "\n")
    if _OTHER_BREAKS.search(text):
        text = normalize._LINE_BREAKS.sub("\n", text)
    text = text.replace("\uff0c", ", ")
    return _translate(unicodedata.normalize("NFKC", text), normalize._table(), "normalize")


def _fold(normalized: str) -> str:
    lowered = normalized.lower()
    if len(lowered) != len(normalized):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in normalized)
    return _translate(lowered, normalize._key_table(), "key")


def _translate(text: str, table: dict[int, str | None] | dict[int, str], which: str) -> str:
    if text.isascii():
        return text.translate(table)  # CPython caches ASCII look-ups: already fast
    tables = _tables()
    pattern = tables.normalize_chars if which == "normalize" else tables.key_chars
    return pattern.sub(lambda m: table[ord(m.group())] or "", text)


def _char_class(chars: Iterable[int]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "]")


# --------------------------------------------------------------------------------------------
# Tables derived from the keyword list, once per process.


@cache
def _tables() -> _Tables:
    entries = keywords._entries()
    compact_pulling = {_compact(kw.fragment) for kw in entries if kw.kind in _PULLING}
    pulling: set[str] = set()
    unanchored: dict[str, set[str]] = {}
    for entry in entries:
        compact = _compact(entry.fragment)
        # A hit may be a keyword cut out of a longer one's match (``_longest_bounded``):
        # every keyword that starts with a pulling keyword's letters gives anchors.
        if not any(compact[:n] in compact_pulling for n in range(1, len(compact) + 1)):
            continue
        if keywords._IS_WORD_LETTER.match(entry.fragment):
            # It starts with a letter: the left boundary makes the hit start where its run
            # starts, so the run is where to look.
            pulling.update(run for run in _first_runs(entry.fragment) if run)
        else:
            # "2fa", "2 step...", "验证码": the first character, when the next one follows.
            rest = entry.fragment[1:].lstrip(" -")
            unanchored.setdefault(entry.fragment[0], set()).add(rest[:1])
    promo = {
        run
        for entry in entries
        if entry.kind == "promo" or entry.category == "promo"
        for run in _first_runs(entry.fragment)
        if run
    }
    fragment_chars = {ch for entry in entries for ch in entry.fragment}
    barriers = [ch for ch in _BARRIER_CANDIDATES if ch not in fragment_chars]
    return _Tables(
        pulling=frozenset(pulling),
        promo=frozenset(promo),
        unanchored=_starts_pattern(unanchored),
        barrier=re.compile("[" + "".join(map(re.escape, barriers)) + "]"),
        normalize_chars=_char_class(normalize._table()),
        key_chars=_char_class(normalize._key_table()),
    )


def _starts_pattern(starts: dict[str, set[str]]) -> re.Pattern[str] | None:
    """Where a keyword not starting with a letter may start: its first character, followed
    (across separators) by its second one."""
    alternatives = []
    for first, seconds in sorted(starts.items()):
        if "" in seconds:  # a one-character keyword
            alternatives.append(re.escape(first))
        else:
            follow = "".join(map(re.escape, sorted(seconds)))
            alternatives.append(f"{re.escape(first)}(?=[\\s\\-]*[{follow}])")
    return re.compile("|".join(alternatives)) if alternatives else None


def _compact(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text)


def _first_runs(fragment: str) -> set[str | None]:
    """The letter run a match of ``fragment`` starts with, for every choice of separators.

    Between the words of a keyword the pattern allows any white space or hyphens, or none
    (``keywords._SEP``); a missing separator glues two words into one run. None stands for a
    match with no letters of a space-separated script at all.
    """
    words = fragment.replace("-", " ").split()
    runs: set[str | None] = set()
    # Only the separators before the first run ends matter; eight words cover every keyword.
    for glue in itertools.product(("", " "), repeat=min(len(words) - 1, 8)):
        text = words[0] + "".join(sep + word for sep, word in zip(glue, words[1:], strict=False))
        match = _RUN.search(text)
        runs.add(match.group() if match else None)
    return runs
