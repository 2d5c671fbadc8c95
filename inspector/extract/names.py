"""Candidates that name something: a label of a host name in the text ("forum365.net"), a
word the text also writes in lower case ("Password: SOLEIL" ... "say 'Soleil'"), one of a
series of identifiers ("Q321305", "Q310436", "Q198845"). None of them is a code (pure: no
I/O); ``codes.reject`` leaves them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Host names in the text: a candidate that is one of their labels ("forum365.net",
# "members.studio54.club") is the sender's name, not a code.
_HOST = re.compile(r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-])")
_SERIES = 3  # this many different identifiers of one pattern make a list of them


def host_labels(text: str) -> frozenset[str]:
    """The labels of the host names in ``text`` (a name like "forum365" is not a code)."""
    # Host names are written in lower case ("Code:1234.Valid" holds none); a label that is
    # only digits names nothing.
    return frozenset(
        label
        for m in _HOST.finditer(text)
        for label in m.group().split(".")[:-1]
        if not label.isdigit()
    )


def written_as_words(text: str, codes: Iterable[str]) -> frozenset[str]:
    """The letter-only ``codes`` that the text also writes as an ordinary word.

    A letter-only code is random capitals ("QGFDAE") or random case ("uIQHZx"); "Password:
    SOLEIL" in a text that says "You must say 'Soleil' at the door" names a word (a name, a
    brand), not a code. The code's own spelling is no word, wherever it stands.
    """
    out = set()
    for code in codes:
        word = re.compile(rf"(?<![^\W\d_]){re.escape(code)}(?![^\W\d_])", re.IGNORECASE)
        if any(m.group() != code and not m.group().isupper() for m in word.finditer(text)):
            out.add(code)
    return frozenset(out)


def series(text: str, codes: Iterable[str]) -> frozenset[str]:
    """The letter-and-digit ``codes`` of which the text holds a series: "Q321305", "Q310436",
    "Q198845" (articles, part numbers) are identifiers; a code is one, however repeated."""
    mixed = {c for c in codes if not c.isdigit() and not c.isalpha()}
    wanted = {_pattern(c) for c in mixed}
    if not wanted:
        return frozenset()
    # One pass over the text's tokens (the same as a candidate's), whatever the codes.
    seen: dict[str, set[str]] = {}
    for m in _TOKEN.finditer(text):
        pattern = _pattern(m.group())
        if pattern in wanted:
            seen.setdefault(pattern, set()).add(m.group())
    return frozenset(c for c in mixed if len(seen.get(_pattern(c), ())) >= _SERIES)


_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{4,10}(?![A-Za-z0-9])")
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")


def _pattern(code: str) -> str:
    return code.translate(_DIGITS_AS_ZERO)
