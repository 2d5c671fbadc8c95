"""Spans of a normalised text that hold no code: URLs, e-mail addresses, domains, dates,
years, IBANs, phone numbers, postcodes (pure: no I/O).

``Blocked`` answers "does this candidate overlap one?" in O(log n). It is built only in
windows around the candidates asked about (``widen``), and each pattern is run only where it
can match: some start with a digit and look back after it (``re`` skips to a pattern's first
character in C unless it starts with a look-behind or ``\\b``), some are gated on what every
match holds. ``_BLOCKS`` is the definition; the tests check the fast forms against it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_MONTHS = (
    "jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[eé]v(?:rier)?|mar(?:ch|s|zo)?|m[aä]rz|"
    "apr(?:il)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|jun[ei]?|juin|junio|jul[iy]?|juil(?:let)?|"
    "julio|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sep(?:t(?:ember|embre|iembre)?)?|oct(?:ober|obre)?|"
    "okt(?:ober)?|nov(?:ember|embre|iembre)?|dec(?:ember)?|d[eé]c(?:embre)?|dez(?:ember)?|dic(?:iembre)?|"
    "ene(?:ro)?"
)
# (name, pattern, gate): ``gate``, when given, is something every match contains, found
# fast (it starts with a literal or a digit): a pattern whose gate is not in a window is not run
# there. The month names are gated on the lower-cased window.
_BLOCKS: tuple[tuple[str, str, str | None], ...] = (
    ("url", r"(?:https?://|www\.)\S+", None),
    # Every pattern starts where its run of characters starts (the look-behinds), so a long
    # run is tried once, not from each of its positions: no quadratic work on hostile input.
    ("email", r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", "@"),
    # Labels of at most 63 characters (RFC 1035 §2.3.4) keep the backtracking bounded.
    (
        "domain",
        r"(?<![\w.@\-])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\b",
        r"\.[A-Za-z]{2}",
    ),
    ("date", r"\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}日?", None),
    ("date", r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)", None),
    ("date", r"\d{2,4}\s?年(?:\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?)?", None),
    ("date", r"\d{1,2}\s?月\s?\d{1,2}\s?日", None),
    (
        "date",
        rf"(?i:\b(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+)?(?:{_MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}\b)",
        "month",
    ),
    (
        "date",
        rf"(?i:\b(?:{_MONTHS})\.?\s+\d{{1,2}}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s+[A-Za-z]{{2,5}})?\s+\d{{4}}\b)",
        "month",
    ),
    ("year", r"(?:©|\([cC]\))\s?(?:\d{4}\s?[-–]\s?)?\d{4}", None),
    # IBAN (ISO 13616): country, check digits, then groups of 4, often spaced.
    ("iban", r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", r"\d\d ?[A-Z0-9]{4}"),
    # An international number (ITU-T E.123: "+" then the country code), also typed "+ 882...".
    ("phone", r"\+ ?\d{1,3}[\s.\-]?\(?\d{1,4}\)?(?:[\s.\-]?\d{2,4}){2,4}", None),
    ("phone", r"\(\d{2,4}\)\s?\d{3,4}[\s.\-]?\d{3,4}", None),
    ("phone", r"(?<![\w\-])\d+(?:[ .\-]\d{2,}){2,}(?![\w\-])", r"\d[ .\-]\d\d"),
    ("postcode", rf"\b(?:{_US_STATES})\s\d{{5}}(?:-\d{{4}})?\b", r"\d{5}"),
    ("postcode", r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b", r"\d[A-Z]{2}\b"),
    ("postcode", r"\b[A-Z]\d[A-Z]\s\d[A-Z]\d\b", r"\d[A-Z]\d\b"),
    ("postcode", r"〒\s?\d{3}-?\d{4}", None),
)
# Every month of ``_MONTHS`` starts with one of these (lower case).
_MONTH_GATE = (
    "jan|feb|f[eé]v|mar|m[aä]r|apr|avr|abr|ma[iy]|jun|jui|jul|aug|ao[uû]|ago|sep|oct|okt|nov|"
    "dec|d[eé]c|dez|dic|ene"
)

_LETTER = re.compile(r"[A-Za-z]")


# Faster equivalents of some ``_BLOCKS`` patterns (same matches): ``re`` skips in C to the
# first character of a pattern, unless it starts with a look-behind or ``\b``; these start
# with a digit and check what comes before it afterwards. (pattern, offset: where the
# block starts, relative to the match).
_FASTER: dict[str, tuple[str, int]] = {
    # IBAN: from the check digits, the country looked back at.
    r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b": (
        r"\d{2}(?<=\b[A-Z]{2}\d{2})(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b",
        -2,
    ),
    r"(?<![\w\-])\d+(?:[ .\-]\d{2,}){2,}(?![\w\-])": (
        r"\d(?<![\w\-]\d)\d*(?:[ .\-]\d{2,}){2,}(?![\w\-])",
        0,
    ),
    # US ZIP: from the digits, "WA " looked back at.
    rf"\b(?:{_US_STATES})\s\d{{5}}(?:-\d{{4}})?\b": (
        rf"\d{{5}}(?<=\b(?:{_US_STATES})\s\d{{5}})(?:-\d{{4}})?\b",
        -3,
    ),
}
# The month-name dates, run on the lower-cased window after the character before it: "\W"
# there does what "\b" (not after a letter or digit) does in the case-insensitive pattern.
_MONTH_DATES = (
    rf"\W(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+)?(?:{_MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}\b",
    rf"\W(?:{_MONTHS})\.?\s+\d{{1,2}}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s+[a-z]{{2,5}})?\s+\d{{4}}\b",
)


@dataclass(frozen=True, slots=True)
class _Block:
    name: str
    pattern: re.Pattern[str]
    gate: re.Pattern[str] | None
    offset: int  # the block starts this far from the match
    # Run on "the character before" + the lower-cased window (month names); ``exact`` is the
    # case-insensitive pattern itself, for a window lower-casing changes the length of.
    exact: re.Pattern[str] | None = None


@cache
def _blocks() -> tuple[_Block, ...]:
    out = []
    months = iter(_MONTH_DATES)
    for name, rx, gate in _BLOCKS:
        if gate == "month":
            out.append(
                _Block(name, re.compile(next(months)), re.compile(_MONTH_GATE), 0, re.compile(rx))
            )
            continue
        faster, offset = _FASTER.get(rx, (rx, 0))
        out.append(_Block(name, re.compile(faster), re.compile(gate) if gate else None, offset))
    return tuple(out)


Span = tuple[int, int]

# A block overlapping a candidate starts at most this far before it or ends this far after it
# unless it is one run of non-space characters (URL, e-mail address, domain): windows reach
# this far, then on to white space. Dates and phone numbers with spaces are shorter.
_BLOCK_MARGIN = 100


class Blocked:
    """The spans of a text that hold no code (URLs, dates, phones...), for overlap tests.

    ``windows``: only these parts of the text are searched (each widened by
    ``_BLOCK_MARGIN`` and on to white space, so every block overlapping a position inside a
    window is found whole); None: the whole text.
    """

    def __init__(self, text: str, windows: list[Span] | None = None) -> None:
        spans: list[tuple[int, int, str]] = []
        ranges = [(0, len(text))] if windows is None else widen(text, windows, _BLOCK_MARGIN)
        for lo, hi in ranges:
            # The character before the window, then the window, lower-cased (same length, or
            # the month patterns run case-insensitively on the window as they are).
            lowered = (text[lo - 1] if lo else " ") + text[lo:hi]
            lowered = lowered.lower() if len(lowered.lower()) == len(lowered) else ""
            for block in _blocks():
                if block.exact is not None:
                    self._months(spans, text, (lo, hi), block, lowered)
                    continue
                if block.gate is not None and block.gate.search(text, lo, hi) is None:
                    continue
                for m in block.pattern.finditer(text, lo, hi):
                    if block.name == "domain" and not _LETTER.search(
                        m.group(), 0, m.group().rfind(".")
                    ):
                        continue  # "1234.Valid" is a number and a sentence without a space
                    spans.append((m.start() + block.offset, m.end(), block.name))
        spans.sort()
        self._starts = [s for s, _, _ in spans]
        # For each prefix of the sorted spans, the one reaching furthest right: a candidate
        # overlaps some span iff the furthest-reaching span starting before its end reaches
        # past its start. O(log n) per question, however long the spans.
        self._reach: list[tuple[int, str]] = []
        best: tuple[int, str] = (-1, "")
        for _, e, name in spans:
            if e > best[0]:
                best = (e, name)
            self._reach.append(best)

    @staticmethod
    def _months(
        spans: list[tuple[int, int, str]], text: str, span: Span, block: _Block, low: str
    ) -> None:
        lo, hi = span
        if not low and block.exact is not None:  # lower-casing changed the length ("İ")
            spans.extend((m.start(), m.end(), "date") for m in block.exact.finditer(text, lo, hi))
            return
        if block.gate is not None and block.gate.search(low) is None:
            return
        # ``low[0]`` is the character before the window: a match's start is after it.
        spans.extend(
            (lo + m.start(), lo + m.end() - 1, "date") for m in block.pattern.finditer(low)
        )

    def reason(self, start: int, end: int) -> str | None:
        """The name of a blocked span overlapping ``[start, end)``, if any."""
        i = bisect.bisect_left(self._starts, end) - 1
        if i >= 0 and self._reach[i][0] > start:
            return self._reach[i][1]
        return None


_SPACE = re.compile(r"\s")


def widen(text: str, windows: list[Span], margin: int) -> list[Span]:
    """``windows`` (in text order) widened by ``margin`` and on to white space, merged.

    A regex run from ``lo`` to ``hi`` (``finditer(text, lo, hi)``) then finds every match it
    finds in the whole text around the windows: look-behinds see the text before ``lo``, no
    token is cut at ``hi`` and look-aheads see past it. Each character is looked at a bounded
    number of times, however many windows.
    """
    out: list[Span] = []
    n = len(text)
    for start, end in windows:
        lo, hi = max(0, start - margin), min(n, end + margin)
        floor = out[-1][1] if out else 0
        if lo > floor:  # back to the start of the run of non-space characters
            lo = max(text.rfind(" ", floor, lo), text.rfind("\n", floor, lo), floor - 1) + 1
        if hi < n and not (out and hi <= out[-1][1]):  # on to the end of the run
            space = _SPACE.search(text, hi)
            hi = space.start() if space is not None else n
        # Two characters more: look-aheads ("not followed by ' 7'") see the real text there.
        hi = min(n, hi + 2)
        if out and lo <= out[-1][1]:
            previous = out.pop()
            lo, hi = previous[0], max(hi, previous[1])
        out.append((lo, max(lo, hi)))
    return out
