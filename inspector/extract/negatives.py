"""A number right after a negative keyword: an order, an amount, a card's last digits.

``negative_before`` is the last of ``codes.rejection``'s tests: the keyword before a
candidate, across a gap of a few signs or "no."/"number" ("Order #", "Card ending: ",
"Phone number:"), names what the number is. Two "account" phrasings are the exception: a
colon that introduces the code a line names, and a sentence that calls the number the code.
"""

from __future__ import annotations

import bisect
import re

from inspector.extract.keywords import Hit

_REFERENCE_GAP = re.compile(r"^\s*(?:#|(?:id|no|nr)\b\.?)\s*[:#]?\s*$", re.I)
_NEG_GAP = re.compile(r"^[\s:#№.\-=*()]{0,4}$|^[\s:]*(?:no|nr|number|num|id|#)\.?[\s:#]*$", re.I)


def negative_before(
    text: str, start: int, end: int, hits: list[Hit], hit_ends: list[int]
) -> str | None:
    """The category of a negative keyword right before ``start`` ("Order #", "ending")."""
    i = bisect.bisect_right(hit_ends, start) - 1
    if i < 0:
        return None
    hit = hits[i]
    gap = text[hit.end : start]
    if hit.kind == "weak" and _REFERENCE_GAP.match(gap):
        # "Code # CY0795", "Agent with code ID 123456": the number sign or "ID"/"No." names
        # a reference number or an identifier, not a code to type.
        return "reference"
    if hit.kind != "neg" or not _NEG_GAP.match(gap):
        return None
    introduces = ":" in gap or "\n" in gap  # "...to your account:" ends the clause
    if hit.keyword.category == "account" and introduces and _code_word_on_line(text, hits, i):
        # "Use the code below to sign in to your account:\n\n482913": the colon introduces
        # the code the line names, not an account number.
        return None
    if hit.keyword.category == "account" and _called_the_code(text, end, hits, hit_ends):
        # "Account: 968413 is your Samsung account verification code.": the sentence says
        # what the number is; "Account:" was the sender's label.
        return None
    return hit.keyword.category


_IS_THE = re.compile(r"[ \t]+(?:is|ist|est|es|è|é|là|je|jest|это)[ \t]")
_CALLED_REACH = 60
_CLAUSE_BREAK = re.compile(r"\n|[.!?;。！？](?:\s|$)")


def _called_the_code(text: str, end: int, hits: list[Hit], hit_ends: list[int]) -> bool:
    """``text[end:]`` says "is ... code": a code keyword proper ends the clause on its line."""
    if _IS_THE.match(text, end) is None:
        return False
    for hit in hits[bisect.bisect_right(hit_ends, end) :]:
        if hit.start > end + _CALLED_REACH or _CLAUSE_BREAK.search(text, end, hit.start):
            return False
        if hit.kind == "strong":
            return True
    return False


def _code_word_on_line(text: str, hits: list[Hit], i: int) -> bool:
    """A code keyword before ``hits[i]`` on its line."""
    line_start = text.rfind("\n", 0, hits[i].start) + 1
    for hit in reversed(hits[:i]):
        if hit.start < line_start:
            return False
        if hit.kind in ("strong", "weak"):
            return True
    return False
