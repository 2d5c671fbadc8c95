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

    A letter-only code is random capitals ("QGFDAE"); "Password: SOLEIL" in a text that says
    "You must say 'Soleil' at the door" names a word (a name, a brand), not a code.
    """
    out = set()
    for code in codes:
        word = re.compile(rf"(?<![^\W\d_]){re.escape(code)}(?![^\W\d_])", re.IGNORECASE)
        if any(not m.group().isupper() for m in word.finditer(text)):
            out.add(code)
    return frozenset(out)


def series(text: str, codes: Iterable[str]) -> frozenset[str]:
    """The letter-and-digit ``codes`` of which the text holds a series: "Q321305", "Q310436",
    "Q198845" (articles, part numbers) are identifiers; a code is one, however repeated."""
    out = set()
    for code in codes:
        if code.isdigit() or code.isalpha() or code in out:
            continue
        pattern = re.sub(r"\d", r"\\d", re.escape(code))
        found = re.compile(rf"(?<![A-Za-z0-9]){pattern}(?![A-Za-z0-9])").findall(text)
        if len(set(found)) >= _SERIES:
            out.add(code)
    return frozenset(out)
