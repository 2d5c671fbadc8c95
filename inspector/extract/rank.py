"""Rank code candidates by how close they sit to a code keyword (pure: no I/O).

A candidate's score is ``pull * shape * context``:

* ``pull``: the best, over the keywords within ``WINDOW`` characters, of the keyword's weight
  (strong 1.0, weak 0.6, link-only 0.45, action 0.3) divided by ``1 + gap / 20``, where
  ``gap`` counts the characters between keyword and candidate (white space runs count as one).
  A sentence or paragraph end, or another number, between them halves / lowers the pull: the
  keyword is then about something else.
* ``shape``: 6 digits is the most common code; 4-5 and 7-8 digits, split codes and upper-case
  alphanumerics a little less; mixed-case alphanumerics (app hashes such as ``FA9qCX9VSu``)
  and four-digit years much less.
* ``context``: directly after ``keyword:`` or ``keyword is``, inside brackets (【】, [], 「」),
  alone on its line: more likely.

The same code seen several times (subject and body, preheader and body) adds a little.

``regions`` tells where a candidate can score at all, so that ``extract`` looks for candidates
only there.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from inspector.extract.codes import RawCandidate
from inspector.extract.keywords import WEIGHTS, Hit

WINDOW = 300
_NEAREST = 4
MIN_SCORE = 0.1
# Without a code keyword in the message, the least score of a candidate not next to a
# "code"/"PIN"-like word: only one right next to "verify"/"sign in" counts.
WITHOUT_STRONG = 0.25
# In bulk mail (a list footer, no code keyword proper): only a code right after "code"-like
# words ("Your code is 4821", ~0.5 and up; one a sentence away scores less than 0.3).
LISTED_MIN = 0.4
_PULLING = frozenset(WEIGHTS)
_MAX_BONUS = 0.15  # for repetitions, see ``merge``
_MAX_FACTOR = 1.25 * 1.15 * 1.15  # tight gap, then brackets and alone on its line
_CODE_SPAN = 20  # the longest candidate ("a b c d e f g h i j" spaced out)

_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)|\n\s*\n|[。！？]")
_INTRODUCES = re.compile(r"^[^.!?。！？\n]*:\s*$")
_NUMBER = re.compile(r"\d{4,}")
_TIGHT_GAP = re.compile(
    r"^[\s:=\-–—]*(?:is|es|est|ist|lautet|è|e|é|là|to|was|wynosi|je|jest|это|:)?[\s:=\-–—]*$",
    re.IGNORECASE,
)
_OPEN = "【[「『(<«\"'〔（《"
_CLOSE = "】]」』)>»\"'〕）》"
_WORD_AND_NUMBER = re.compile(r"^[A-Za-z][a-z]{2,}\d{1,2}$|^[A-Z]{3,}\d{1,2}$|^[A-Z]\d{3}$")
_VOWEL = re.compile(r"[AEIOUYaeiouy]")
_YEAR = re.compile(r"^(?:19[5-9]\d|20\d\d)$")
_PARAGRAPH = re.compile(r"\n\s*\n")
_ANNOUNCED = 0.5  # the pull of a keyword on the code it announces (as at a 20-character gap)
_ANNOUNCE_REACH = 240  # the longest rest of a paragraph after the keyword
_COLON_REACH = 120  # the longest clause from a keyword to the colon before its code
# A sentence end after a word ("soon. Contact:"), not after an initial ("an M. Muster").
_CLAUSE_END = re.compile(r"(?<=[^\W\d_]{2})[.!?。！？]\s")


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: RawCandidate
    score: float
    hit: Hit  # the keyword that pulled it most


def _shape(c: RawCandidate, alone: bool = False) -> float:
    code = c.code
    if c.shape == "letters":
        return 0.7
    if c.shape == "spaced":
        return 0.8
    if c.shape == "short":
        return 0.7
    if c.shape == "token":  # found alone on its line only (``codes._LINE_CODE``)
        return 0.7 if alone else 0.3
    if c.shape == "split":
        return 0.95
    if c.shape == "digits":
        if _YEAR.match(code):
            return 0.35
        n = len(code)
        return 1.0 if n == 6 else 0.9 if n in (4, 5, 7, 8) else 0.75
    # alphanumeric with a digit
    if _WORD_AND_NUMBER.match(code) and _VOWEL.search(code):
        return 0.4  # "LINE4", "Win10"-like labels; "KRPJ2" (no word in it) is a code
    if _WORD_AND_NUMBER.match(code) and code[0].isupper() and len(code) == 4:
        return 0.4  # "B040"
    letters = [ch for ch in code if ch.isalpha()]
    if all(ch.isupper() for ch in letters) or all(ch.islower() for ch in letters):
        return 0.8
    if alone:
        # Mixed case on a line of its own ("=> 6YcBkp"): a generated token (Devise's
        # friendly tokens, Mastodon's sign-in codes), not a product name in a sentence.
        return 0.7
    return 0.3


def _pull(text: str, c: RawCandidate, hit: Hit) -> float:
    if hit.end <= c.start:
        gap = text[hit.end : c.start]
    elif c.end <= hit.start:
        gap = text[c.end : hit.start]
    else:
        return 0.0
    if hit.end <= c.start and _announced(text, c, gap):
        # "Your sign-in code is listed below. Please enter it...\n\nKQ7R-2DXM": the code
        # on its own line right after the paragraph that names it, however that paragraph
        # goes on (in any language: no "below" word is needed).
        return WEIGHTS[hit.kind] * _ANNOUNCED
    squeezed = _SPACES.sub(" ", gap)
    if c.end <= hit.start and squeezed.strip() == ",":
        return 0.0  # "SSL, SSH2, OTP (S/KEY)": items of a list, the keyword names another
    pull = WEIGHTS[hit.kind] / (1 + len(squeezed) / 20)
    # A sentence or paragraph end between them, unless the keyword's line ends with ":" and
    # introduces the code ("Enter this code:\n\n123456").
    if _SENTENCE_END.search(gap) and not (hit.end <= c.start and _INTRODUCES.match(gap)):
        pull *= 0.5
    numbers = len(_NUMBER.findall(gap, 0, 400)) if c.end <= hit.start else bool(_NUMBER.search(gap))
    if numbers:
        # Each number between names something closer to the keyword: a code before its
        # keyword ("482913 is your OTP") has none; a reference three lines above a footer's
        # "Do not share OTP", past a date and a telephone number, is not its code.
        pull *= 0.6 ** min(numbers, 3)
    if hit.end <= c.start and _TIGHT_GAP.match(squeezed):
        pull *= 1.25
    elif hit.end <= c.start and _colon_clause(gap):
        # "Ihre TAN für die Überweisung an M. Muster über 1.250,00 EUR lautet: 739102": the
        # first colon after the keyword, on its line, introduces what the keyword names.
        pull = max(pull, WEIGHTS[hit.kind] * _ANNOUNCED)
    return pull


def _colon_clause(gap: str) -> bool:
    return (
        len(gap) <= _COLON_REACH
        and gap.rstrip().endswith(":")
        and gap.count(":") == 1
        and "\n" not in gap
        and not _CLAUSE_END.search(gap)
    )


# What may stand before a code on a line of its own: an arrow or a bullet ("=> 6YcBkp").
_MARKERS = "=>-→•"


def _alone_on_line(text: str, c: RawCandidate) -> bool:
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line.strip().strip(_OPEN + _CLOSE + ".:`*" + _MARKERS).strip() == text[c.start : c.end]


def _announced(text: str, c: RawCandidate, gap: str) -> bool:
    """``gap`` runs from a keyword to a candidate alone on its line, and holds only the rest
    of the keyword's paragraph (no paragraph break, no other number) and the line breaks
    before the candidate's line."""
    rest = gap.rstrip().rstrip(_MARKERS).rstrip()  # the code's line may start with "=>"
    if rest == gap or "\n" not in gap[len(rest) :] or len(rest) > _ANNOUNCE_REACH:
        return False
    if _PARAGRAPH.search(rest) or _NUMBER.search(rest):
        return False
    return _alone_on_line(text, c)


def _context(text: str, c: RawCandidate) -> float:
    factor = 1.0
    before = text[max(0, c.start - 2) : c.start].strip()
    after = text[c.end : c.end + 2].strip()
    if before[-1:] and before[-1:] in _OPEN and after[:1] and after[:1] in _CLOSE:
        factor *= 1.15
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if line.strip() == text[c.start : c.end].strip():
        factor *= 1.15
    return factor


def regions(text: str, hits: list[Hit], *, strong: bool) -> list[tuple[int, int]]:
    """The parts of ``text`` where a candidate can be kept, in text order (may overlap).

    ``score`` looks at keywords starting within ``WINDOW`` of a candidate, so a candidate
    elsewhere scores nothing and need not be looked for. Without a strong keyword (``strong``
    False) a "verify"/"sign in"-like word keeps only a candidate scoring ``WITHOUT_STRONG``,
    however repeated: within a few words of it (``_reach``), which on a long newsletter full
    of "use" and "login" is far less text to read.
    """
    out: list[tuple[int, int]] = []
    for hit in hits:
        if hit.kind not in _PULLING:
            continue
        lo, hi = hit.start - WINDOW, hit.start + WINDOW
        if not strong and hit.kind != "weak":
            run = _squeezed_run(WEIGHTS[hit.kind])
            after = run.match(text, hit.end)
            before = run.match(text[max(0, lo) : hit.start][::-1])
            hi = min(hi, after.end() if after is not None else hit.end)
            lo = max(lo, hit.start - (before.end() if before is not None else 0))
        out.append((max(0, lo - _CODE_SPAN), min(len(text), hi + _CODE_SPAN)))
    out.sort()
    return out


@cache
def _squeezed_run(weight: float) -> re.Pattern[str]:
    """Text up to the longest gap (white space runs count as one, as in ``_pull``) at which
    ``weight`` can still pull a candidate to ``WITHOUT_STRONG`` with the best shape and
    context and the most repetition bonus."""
    least_pull = (WITHOUT_STRONG - _MAX_BONUS) / _MAX_FACTOR
    reach = int(20 * (weight / least_pull - 1)) + 1
    return re.compile(rf"(?:\s+|\S){{0,{reach}}}")


def score(text: str, candidates: list[RawCandidate], hits: list[Hit]) -> list[Scored]:
    """Score every candidate; best first, ties broken by position (earlier first)."""
    return merge(score_each(text, candidates, hits))


def score_each(text: str, candidates: list[RawCandidate], hits: list[Hit]) -> list[Scored]:
    """Each candidate's own score (no repetition bonus), in the candidates' order; a
    candidate no keyword pulls is left out."""
    pulling = [h for h in hits if h.kind in _PULLING]
    starts = [h.start for h in pulling]
    scored: list[Scored] = []
    for c in candidates:
        # The nearest few keywords on each side (a farther one rarely pulls more, and this
        # bounds the work on keyword-dense texts).
        mid = bisect.bisect_left(starts, c.start)
        lo = max(bisect.bisect_left(starts, c.start - WINDOW), mid - _NEAREST)
        hi = min(bisect.bisect_right(starts, c.end + WINDOW), mid + _NEAREST)
        best, best_hit = 0.0, None
        for hit in pulling[lo:hi]:
            p = _pull(text, c, hit)
            if p > best:
                best, best_hit = p, hit
        if best_hit is None:
            continue
        shape = _shape(c, c.shape in ("alnum", "token") and _alone_on_line(text, c))
        scored.append(Scored(c, best * shape * _context(text, c), best_hit))
    return scored


def merge(scored: list[Scored]) -> list[Scored]:
    """One entry per code: its best occurrence, plus a little for each repetition."""
    by_code: dict[str, list[Scored]] = {}
    for s in scored:
        by_code.setdefault(s.candidate.code, []).append(s)
    merged = []
    for seen in by_code.values():
        best = max(seen, key=lambda s: (s.score, -s.candidate.start))
        bonus = min(0.15, 0.05 * (len(seen) - 1)) if best.score >= MIN_SCORE else 0.0
        merged.append(Scored(best.candidate, best.score + bonus, best.hit))
    merged.sort(key=lambda s: (-s.score, s.candidate.start))
    return merged


# A body this short is a message of a few sentences (an SMS-like mail), not a letter.
_HEADLINED_BODY = 600
_HEADLINED = 0.3  # the score of the one number a headline names


def headlined(text: str, body_start: int, candidates: list[RawCandidate], hit: Hit) -> list[Scored]:
    """The one number of a short body whose subject alone names a code (``hit``, a strong
    keyword in the subject): "OTP Request" over "... for Pre-Registration 4734996507 is
    700873 and is valid for 3 minutes", where the body's own code word was mistyped or
    mistranslated ("TP", "SMS"). ``candidates`` are the body's, rejects removed; only when
    exactly one of them is a plain 4-8 digit number (no year) is it taken."""
    if len(text) - body_start > _HEADLINED_BODY:
        return []
    numbers = {
        c.code: c
        for c in candidates
        if c.start >= body_start
        and c.shape == "digits"
        and 4 <= len(c.code) <= 8
        and not _YEAR.match(c.code)
    }
    if len(numbers) != 1:
        return []
    (only,) = numbers.values()
    return [Scored(only, _HEADLINED, hit)]
