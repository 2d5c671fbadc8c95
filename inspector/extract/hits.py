"""Every code keyword of a text: the tables' (``keywords.find_hits``) and those no table lists.

Two kinds are found here, on top of the listed keywords:

* compound code words, written as one word in Germanic, Finnic, Baltic and Hungarian texts
  ("Überprüfungscode", "autentiseringskod", "hitelesítőkódja"): a word ending in a noun for
  "code" (``lexicon_world.COMPOUND_NOUNS``) after at least four letters. STRONG when what
  comes before names a verification, a sign-in, a security check (``COMPOUND_STRONG_STEMS``),
  left out when it names another code (postcode, voucher, barcode: ``COMPOUND_OTHER_STEMS``),
  else WEAK. A camel-case identifier ("RatingCode") is no word;
* a link-verification phrase right before "code" ("email verification" + "code"): one STRONG
  keyword, not a link phrase followed by a weak word.
"""

from __future__ import annotations

import re
from functools import cache

from inspector.extract import lexicon_world
from inspector.extract.keywords import Hit, Keyword, disjoint, find_hits
from inspector.extract.normalize import fold_keys


def find_all_hits(normalized: str, key: str | None = None) -> list[Hit]:
    """``find_hits`` plus what no table lists: compound code words (``_compounds``), and a
    link-verification phrase right before "code" read as one code keyword."""
    if key is None:
        key = fold_keys(normalized)
    hits = find_hits(normalized, key)
    compounds = _compounds(normalized, key)
    if compounds:
        hits = disjoint(sorted(hits + compounds, key=lambda h: (h.start, -h.end)))
    return _verify_code(hits, key)


def _verify_code(hits: list[Hit], key: str) -> list[Hit]:
    """A link-verification phrase right before "code" names a code: "email verification"
    + "code" is one strong keyword, not a link phrase followed by a weak word."""
    out: list[Hit] = []
    for hit in hits:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == "verify"
            and hit.kind == "weak"
            and not key[last.end : hit.start].strip(" -")
        ):
            out[-1] = Hit(last.start, hit.end, _compound_keyword("strong"))
            continue
        out.append(hit)
    return out


# Where a noun for "code" may end a compound: "cod"/"kod"/"koð"/"koad" ("code", "kode",
# "kood", "koodi", "kóði", Frisian "koade"...). A character class first lets ``re`` skip to
# candidates in C; the word around each is then checked in Python (most texts hold a few
# "code"s, no compound). ``candidate._NOUN_STARTS`` spells the same starts out.
_NOUN_START = re.compile(r"[ck]o[oa]?[dð]")
_LETTER = re.compile(r"[a-zß-öø-ÿð]")
_NOUNS = frozenset(lexicon_world.COMPOUND_NOUNS)
_MIN_PREFIX = 4  # "barcode", "encode", "unicode" are no compounds


@cache
def _compound_keyword(kind: str) -> Keyword:
    return Keyword(kind, kind, ("*",), "<compound>")


def _compounds(normalized: str, key: str) -> list[Hit]:
    """Compound code words not covered by a listed keyword (``disjoint`` keeps the listed
    one when both match: it starts at the same place or earlier)."""
    found: list[Hit] = []
    pos = 0
    while (m := _NOUN_START.search(key, pos)) is not None:
        joint = m.start()
        end = joint
        while end < len(key) and _LETTER.match(key, end):
            end += 1
        pos = max(end, joint + 1)
        start = joint
        while start > 0 and _LETTER.match(key, start - 1):
            start -= 1
        if joint - start < _MIN_PREFIX or key[joint:end] not in _NOUNS:
            continue
        if normalized[joint].isupper() and normalized[joint - 1].islower():
            continue  # "RatingCode": an identifier, not a word
        prefix = key[start:joint]
        strong = any(stem in prefix for stem in lexicon_world.COMPOUND_STRONG_STEMS)
        other = lexicon_world.COMPOUND_OTHER_STEMS
        # "Gutscheincode", "postcode"; but "e-postverifiseringskode" is a verification code.
        if prefix.endswith(other) or (not strong and prefix.startswith(other)):
            continue
        if not strong and prefix.endswith("en") and key.startswith("cod", joint):
            continue  # "uuencode", "reencode": a verb, as "encode" is
        found.append(Hit(start, end, _compound_keyword("strong" if strong else "weak")))
    return found
