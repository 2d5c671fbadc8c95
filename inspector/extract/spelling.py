"""Spelling a keyword: inflection groups spelled out, its identity, its token trie.

The keyword tables (``lexicon``) write ``code(s)?`` and ``one-time``; these helpers turn such
fragments into plain spellings, compare them without spaces or hyphens, and build the one
regex that finds them all (``keywords``).
"""

from __future__ import annotations

import re

_GROUP = re.compile(r"\(([^()]*)\)(\??)")
SEP = r"[\s\-]*"  # a space or hyphen in a keyword matches any run of them, or none


def expand(fragment: str) -> list[str]:
    """Spell out a fragment's ``(a|b)`` / ``(a|b)?`` inflection groups as plain variants."""
    m = _GROUP.search(fragment)
    if m is None:
        return [fragment]
    options = m.group(1).split("|") + ([""] if m.group(2) else [])
    out: list[str] = []
    for option in options:
        out.extend(expand(fragment[: m.start()] + option + fragment[m.end() :]))
    return out


def compact(text: str) -> str:
    """A keyword's identity: its folded spelling without spaces or hyphens."""
    # ``str.split`` splits at exactly the characters ``\s`` matches; faster than a regex.
    return "".join(text.replace("-", "").split())


class Trie:
    __slots__ = ("children", "terminal")

    def __init__(self) -> None:
        self.children: dict[str, Trie] = {}
        self.terminal = False

    def add(self, tokens: list[str]) -> None:
        node = self
        for tok in tokens:
            node = node.children.setdefault(tok, Trie())
        node.terminal = True

    def regex(self) -> str:
        alts = []
        # Separators can match nothing: try real characters first (longest keyword wins).
        for tok in sorted(self.children, key=lambda t: (t == " ", t)):
            piece = SEP if tok == " " else re.escape(tok)
            alts.append(piece + self.children[tok].regex())
        if self.terminal:
            # The right word boundary is checked in Python (``keywords.right_ok``): a lookahead per
            # keyword made compiling the pattern cost ~100 ms at every start-up.
            alts.append("")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"


def tokens(fragment: str) -> list[str]:
    out: list[str] = []
    for ch in fragment:
        if ch in " -":
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return out
