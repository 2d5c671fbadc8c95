"""Code candidates in a normalised text, and the rules that reject what is not a code.

A candidate is one of (positions are in the normalised text):

* a run of 4-10 ASCII letters/digits with at least one digit (``123456``, ``AAAA1A``), not
  glued to other letters or digits: ``G-123456`` gives ``123456``, ``验证码123456`` gives
  ``123456``;
* a split code: two equal groups of 3 or 4 digits (or upper-case letters and digits) joined
  by one space or hyphen (``123 456``, ``123-456``), returned without the separator;
* right after a code keyword and a colon or line break only: 4-10 capital letters
  (``TeamViewer code: QGFDAE``), 5-10 letters in a case no word has (``Code:\\nuIQHZx``)
  or 4-10 single characters separated by spaces (``TAN\\n a u 8 k u f``), since some
  senders use letter-only or spaced-out codes.

Rejected (``rejection`` says why): parts of URLs, e-mail addresses and domain names; dates and
parts of larger numbers (``10.04.2024``, ``1,555,000``, ``169.00``, ``12:00``); phone numbers
and chains of digit groups; amounts (a currency sign or code next to the number, ``%``);
masked card/account digits (``XX1245``, ``57******2``, ``•••• 1234``); IBANs; postcodes; numbers
with units (``30GB``); hexadecimal numbers (``0x200``), field labels (``debug1:``), a PIN keyed
in on a telephone (``439461#``), numbers on a line of program text; numbers right after a
negative keyword (order, amount, card ending, promo code, phone...; see
``lexicon_context.NEGATIVE``) or after "code #"; and what ``names`` finds naming something
(host labels, words, series of identifiers). The URL, date, phone... spans are found by
``blocks``.

``raw_candidates`` can be limited to regions of the text, and ``Blocked`` (the URL, date,
phone... spans) is built only in windows around the candidates it is asked about; both give
exactly what a pass over the whole text gives there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspector.extract.amounts import CURRENCY_AFTER, CURRENCY_BEFORE, UNIT_SUFFIX
from inspector.extract.blocks import Blocked, Span, widen
from inspector.extract.keywords import Hit
from inspector.extract.names import host_labels, series, written_as_words
from inspector.extract.negatives import negative_before


@dataclass(frozen=True, slots=True)
class RawCandidate:
    code: str
    start: int
    end: int
    shape: str  # "digits", "split", "alnum", "letters", "spaced", "short" (3 digits), "token"


_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{4,10}(?![A-Za-z0-9])")
_SPLIT = re.compile(
    r"(?<![A-Za-z0-9])(?<!\d[ \-])"
    r"(?:(\d{3})[ \-](\d{3})|(\d{4})[ \-](\d{4})"
    r"|([A-Z0-9]{4})-([A-Z0-9]{4})|([A-Z0-9]{3})-([A-Z0-9]{3}))"
    r"(?![A-Za-z0-9])(?![ \-]\d)"
)
# Alone on its line only (anchored at line starts, so the scan is cheap): upper-case letters
# in two equal halves joined by a hyphen ("WDJB-MJHT", RFC 8628 6.1 user codes; a heading
# such as "TERMS-GUIDE" has unequal halves), or digits spaced out ("7 3 9 1 0 2").
# Also alone on its line, after an arrow or a bullet or not: a random token of the URL-safe
# base64 alphabet holding "-" or "_" ("X4-RqQ", "bw_U79": Devise's friendly tokens, Yii's
# random strings; about a sixth of such 6-character codes have one), see ``_random_token``.
_LINE_CODE = re.compile(
    r"^[ \t]*(?:(?P<code>(?:[A-Z]{4}-[A-Z]{4}|[A-Z]{3}-[A-Z]{3}|[A-Z]{5}-[A-Z]{5})"
    r"|(?:\d ){3,9}\d)|(?:(?:[=-]>|[→•])[ \t]*)?(?P<token>[A-Za-z0-9_-]{6,12}))[ \t]*$",
    re.MULTILINE,
)
_TOKEN_SEPARATORS = re.compile(r"[-_]")
# A CSS colour ("color:#000000;"): hex digits after "#" in a declaration.
_CSS_BEFORE = re.compile(r"[a-z-]+\s*:\s*#$", re.I)
# A code glued to the next word ("650027on sinu...", "595654er"): the digits are the code.
_GLUED = re.compile(r"^(\d{4,10})[A-Za-zß-ÿ][a-zß-ÿ]+$")
# A word glued to a number ("call1333", "[11street]"): neither a code nor holding one; a
# letters-and-digits code mixes them or writes its letters in capitals.
_WORD_NUMBER = re.compile(r"^(?:[a-z]{4,}\d+|\d+[a-z]{4,})$")
# Capitals then a hyphen and digits ("EAQC-919420", "PQRJ - 178573"): a prefix, the code
# is the digits.
_PREFIX_OF_DIGITS = re.compile(r"[ \t]?[-–][ \t]?\d{4,10}(?![A-Za-z0-9])")
# A number someone is told to text or call ("text the word MIX to 85069") is a short code.
_SEND_TO = re.compile(r"\b(?:text|txt|sms|send|reply|call)\b[^.!?\n]{0,40}\bto\s*$", re.I)

# Three digits right after a code keyword, a ":" or "is" ("Your verification code is 482"):
# shorter than any other candidate, so only where the text plainly calls it the code.
_SHORT = re.compile(
    r"[ \t]*(?:[:=]|\b(?:is|es|est|ist|lautet|è|é|là|je|jest|это)\b)?[ \t:]*\n?[ \t]*"
    r"(?P<short>\d{3})(?![\dA-Za-z]|[.,:/]\d|\s?%|[ \-]\d)"
)

# After a code keyword: optional ":" / "=", at most one line break, the code (module doc):
# letters in a case no word has are a capital after a small letter or smalls after two caps.
# Capitals may come in two equal halves joined by a hyphen ("code: WDJB-MJHT", RFC 8628 6.1
# user codes); a code never ends where "-" or "_" goes on with a letter or digit ("WDJB" of
# "WDJB-MJHTX", "uIQHZ" of the token "uIQHZ_x" are pieces of something longer).
_TIGHT = re.compile(
    r"[ \t]*(?P<sep>[:=]?)[ \t]*(?P<nl>\n?)[ \t]*"
    r"(?:(?P<letters>[A-Z]{4}-[A-Z]{4}|[A-Z]{3}-[A-Z]{3}|[A-Z]{5}-[A-Z]{5}|[A-Z]{4,10}"
    r"|(?=[A-Za-z]*[a-z][A-Z]|[A-Z]{2,}[a-z])[A-Za-z]{5,10})"
    r"|(?P<spaced>(?:[A-Za-z0-9] ){3,9}[A-Za-z0-9]))(?![A-Za-z0-9]|[-_][A-Za-z0-9]|_)"
)

_MASK = "*•●∙·⋅×"
_MASKED_TOKEN = re.compile(r"^(?:[Xx]{2,}\d+|\d+[Xx]{2,}|\d*[Xx]{3,}\d*)$")
# Digits joined to more digits by ".", ",", ":", "/" or "-" ("1,555,000", "01-2434321", a
# phone number with its area code): a split code ("123-456") is found whole before this.
_BIGGER_NUMBER_BEFORE = re.compile(r"\d[.,:/\-]$")
_BIGGER_NUMBER_AFTER = re.compile(r"^[.,:/\-]\d")
# A piece of a longer name joined by "-", "_" or "/" on both sides ("ISO-2022-JP"), or of a
# token holding a path ("12583-16/Ss-IZaXqmZao"): an identifier, not a code.
_JOINED_BEFORE = re.compile(r"[A-Za-z0-9][-_/]$")
_JOINED_AFTER = re.compile(r"^[-_/][A-Za-z0-9]")
_PATH_TOKEN = re.compile(r"[A-Za-z0-9]/[A-Za-z0-9]")
# C notation ("0x200", "0x4151c931"): a hexadecimal number of a program or a device.
_HEX_LITERAL = re.compile(r"^0x[0-9a-f]+$")
# A line of program text: an assignment, comparison, call statement or preprocessor line.
_PROGRAM_LINE = re.compile(
    r"\)\s*;\s*$|[-+*/|&]=|==|->|&&|\|\||^\s*#\s*(?:include|define)\b|\{\s*$", re.MULTILINE
)


def rejection(
    text: str,
    start: int,
    end: int,
    code: str,
    *,
    blocked: Blocked,
    hits: list[Hit],
    hit_ends: list[int] | None = None,
) -> str | None:
    """Why the candidate ``text[start:end]`` is not a code, or None when it may be one."""
    reason = blocked.reason(start, end)
    if reason is not None:
        return reason
    before = text[max(0, start - 8) : start]
    after = text[end : end + 8]
    if _is_mask(before[-1:]) or _is_mask(after[:1]) or before.endswith(("...", "…")):
        return "masked"
    if before[-1:] == " " and _is_mask(before[-2:-1]):  # "•••• 1234"
        return "masked"
    if _MASKED_TOKEN.match(code):
        return "masked"
    if _BIGGER_NUMBER_BEFORE.search(before) or _BIGGER_NUMBER_AFTER.match(after):
        return "part of a larger number"
    if CURRENCY_BEFORE.search(before) or CURRENCY_AFTER.match(after):
        return "amount"
    if _encoded_line(text, start, end):
        return "encoded data"
    if _JOINED_AFTER.match(after) and (
        _JOINED_BEFORE.search(before) or _PATH_TOKEN.search(_token(text, start, end))
    ):
        return "part of a name"
    if UNIT_SUFFIX.match(code) and not code.isdigit():
        return "unit"
    if _HEX_LITERAL.match(code):
        return "hexadecimal"
    if after[:1] == ":" and any(ch.islower() for ch in code) and not code.isdigit():
        return "label"  # "debug1: ...": the name of a field, not its value
    if _WORD_NUMBER.match(code):
        return "word and number"
    if after[:1] == "#":
        return "keypad"  # "pin 439461#": keyed in on a telephone, a dial-in's PIN
    if _program_line(text, start):
        return "program text"
    if _SEND_TO.search(text[max(0, start - 60) : start]):
        return "phone"
    closes = after[:1] != "" and after[:1] in ";}\"'"
    if before.endswith("#") and (_CSS_BEFORE.search(before) or closes):
        return "colour"
    if hit_ends is None:
        hit_ends = [h.end for h in hits]
    neg = negative_before(text, start, end, hits, hit_ends)
    if neg is not None:
        return neg
    return None


_LINE_REACH = 200  # program lines are short: only this much each way is looked at


def _program_line(text: str, start: int) -> bool:
    lo = text.rfind("\n", max(0, start - _LINE_REACH), start) + 1 or max(0, start - _LINE_REACH)
    hi = text.find("\n", start, start + _LINE_REACH)
    line = text[lo : hi if hi >= 0 else start + _LINE_REACH]
    return _PROGRAM_LINE.search(line) is not None


_ENCODED_LINE = 40  # an ASCII line this long without a space is encoded data (uuencode, base64)


def _encoded_line(text: str, start: int, end: int) -> bool:
    lo = max(0, start - 200)
    lo = max(lo, text.rfind("\n", lo, start) + 1)
    hi = text.find("\n", end, end + 200)
    line = text[lo : hi if hi >= 0 else end + 200]
    return len(line.strip()) >= _ENCODED_LINE and line.isascii() and len(line.split()) == 1


def _token(text: str, start: int, end: int) -> str:
    """The white-space-delimited word around ``text[start:end]`` (at most 40 more each way)."""
    head = _WORD_TAIL.search(text, max(0, start - 40), start)
    tail = _WORD_HEAD.match(text, end, end + 40)
    return (head.group() if head else "") + text[start:end] + (tail.group() if tail else "")


_WORD_TAIL = re.compile(r"\S*$")
_WORD_HEAD = re.compile(r"\S*")


def _is_mask(ch: str) -> bool:
    return ch != "" and ch in _MASK


def find_candidates(
    text: str, hits: list[Hit], regions: list[Span] | None = None
) -> list[RawCandidate]:
    """Every plausible code in ``text`` (normalised), in text order, rejects removed.

    ``regions`` (in text order): only candidates overlapping them are wanted (see
    ``rank.regions``: elsewhere none can score); None: the whole text.
    """
    return reject(text, raw_candidates(text, hits, regions), hits)


def raw_candidates(
    text: str, hits: list[Hit], regions: list[Span] | None = None
) -> list[RawCandidate]:
    """``find_candidates`` before ``reject``: what looks like a code, in text order."""
    raw: list[RawCandidate] = []
    taken = bytearray(len(text))  # positions already used by a candidate, even a rejected one

    def add(candidate: RawCandidate) -> None:
        raw.append(candidate)
        taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)

    for hit in hits:
        if hit.kind in ("strong", "weak"):
            tight = _tight_after(text, hit)
            if tight is not None:
                add(tight)
    # Widened by more than a split code's length: a code overlapping a region is found whole.
    ranges = [(0, len(text))] if regions is None else widen(text, regions, 16)
    for lo, hi in ranges:
        for m in _SPLIT.finditer(text, lo, hi):
            if _overlaps(taken, m.start(), m.end()):
                continue
            code = "".join(g for g in m.groups() if g)
            if any(c.isdigit() for c in code):
                add(RawCandidate(code, m.start(), m.end(), "split"))
    if "\n" in text:
        for lo, hi in ranges:
            for m in _LINE_CODE.finditer(text, text.rfind("\n", 0, lo) + 1, hi):
                if m.group("token") is not None:
                    start, end = m.span("token")
                    if _random_token(m.group("token")) and not _overlaps(taken, start, end):
                        add(RawCandidate(m.group("token"), start, end, "token"))
                    continue
                start, end = m.span("code")
                if not _overlaps(taken, start, end):
                    shape = "spaced" if m.group("code")[0].isdigit() else "letters"
                    code = m.group("code").replace(" ", "").replace("-", "")
                    add(RawCandidate(code, start, end, shape))
    # A code glued to the code keyword before it ("OTP634809", "รหัสOTP634809") or to a
    # printed escape sequence ("\\n\\n270395").
    keyword_ends = {h.end for h in hits if h.kind in ("strong", "weak")}
    for lo, hi in ranges:
        for m in _TOKEN.finditer(text, lo, hi):
            if _overlaps(taken, m.start(), m.end()):
                continue
            code = m.group()
            glued = _GLUED.match(code)
            cut = _after_keyword(text, m.start(), m.end(), keyword_ends)
            if code.isdigit():
                add(RawCandidate(code, m.start(), m.end(), "digits"))
            elif cut is not None:
                add(RawCandidate(text[cut : m.end()], cut, m.end(), "digits"))
            # (Not the visible digits of a masked code, "5738xx": never a code of their own.)
            elif (
                glued is not None and not UNIT_SUFFIX.match(code) and not _MASKED_TOKEN.match(code)
            ):
                digits = glued.group(1)
                add(RawCandidate(digits, m.start(), m.start() + len(digits), "digits"))
            elif any(c.isdigit() for c in code):
                add(RawCandidate(code, m.start(), m.end(), "alnum"))
    raw.sort(key=lambda c: c.start)
    return raw


def _random_token(token: str) -> bool:
    """A generated URL-safe token, not a name: one or two "-"/"_" between letters or digits,
    small letters and capitals or digits ("X4-RqQ", "bw-U79"; not "x-mailer", "2026-11-20",
    "COVID-19", "a--b")."""
    pieces = _TOKEN_SEPARATORS.split(token)
    if not 2 <= len(pieces) <= 3 or sum(map(len, pieces)) < 4:
        return False
    if "" in pieces[1:-1]:
        return False  # two separators in a row
    return (
        any(c.islower() for c in token)
        and any(c.isupper() or c.isdigit() for c in token)
        and not token.isdigit()
    )


def reject(text: str, candidates: list[RawCandidate], hits: list[Hit]) -> list[RawCandidate]:
    """The ``candidates`` (in text order) that ``rejection`` lets through."""
    if not candidates:
        return []
    hit_ends = [h.end for h in hits]
    blocked = Blocked(text, [(c.start, c.end) for c in candidates])
    # Only a candidate with a letter can be a host name's label (digit-only ones are not).
    named = any(not c.code.isdigit() for c in candidates) and "." in text
    names = host_labels(text) if named else frozenset()
    letters = [c.code for c in candidates if c.shape == "letters"]
    words = written_as_words(text, letters) | series(text, [c.code for c in candidates])
    return [
        c
        for c in candidates
        if c.code.lower() not in names
        and c.code not in words
        and rejection(text, c.start, c.end, c.code, blocked=blocked, hits=hits, hit_ends=hit_ends)
        is None
    ]


def _after_keyword(text: str, start: int, end: int, keyword_ends: set[int]) -> int | None:
    """Where the digits of a token glued to a code keyword ("OTP|634809") or to an escape
    sequence printed as text ("\\n|270395", a template's bug) start, or None."""
    if (
        start
        and text[start - 1] == "\\"
        and text[start] in "ntr"
        and text[start + 1 : end].isdigit()
    ):
        return start + 1 if end - start > 4 else None
    for cut in range(start + 1, end - 3):
        if cut in keyword_ends and text[cut:end].isdigit():
            return cut
    return None


def _overlaps(taken: bytearray, start: int, end: int) -> bool:
    return any(taken[start:end])


def _tight_after(text: str, hit: Hit) -> RawCandidate | None:
    """A letter-only, spaced-out or 3-digit code directly after a keyword and ":" or a line
    break (a 3-digit one also after "is": "Your verification code is 482")."""
    # Only a code keyword proper ("verification code", "OTP") makes 3 digits a code: after
    # a bare "code" they are as often a count, a room or an extension.
    short = _SHORT.match(text, hit.end) if hit.keyword.category == "strong" else None
    if short is not None:
        return RawCandidate(short.group("short"), short.start("short"), short.end("short"), "short")
    m = _TIGHT.match(text, hit.end)
    if m is None:
        return None
    separated = bool(m.group("sep") or m.group("nl"))
    letters = m.group("letters")
    if letters is not None:
        if not separated or _PREFIX_OF_DIGITS.match(text, m.end("letters")):
            return None  # "OTP: PQRJ - 178573": the capitals are the digits' prefix
        code = letters.replace("-", "")
        return RawCandidate(code, m.start("letters"), m.end("letters"), "letters")
    spaced = m.group("spaced")
    code = spaced.replace(" ", "")
    if not separated and not any(c.isdigit() for c in code):
        return None
    if code.isalpha() and not code.isupper() and not separated:
        return None
    return RawCandidate(code, m.start("spaced"), m.end("spaced"), "spaced")
