"""The pieces every spam-verdict reader shares: the verdict types, a view of the headers and
small tolerant number and rule readers. Pure: no I/O.

The JSON shape of ``SpamVerdict`` (``inspector.report.serialize``) is documented in
``inspector.auth.spam``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from inspector.auth.spam_rules import describe
from inspector.report.serialize import json_meta

Header = tuple[str, str]  # (name as written, unfolded value)

MAX_REASONS = 8
MAX_VALUE = 8192


@dataclass(frozen=True, slots=True)
class SpamRule:
    rule: str
    score: float | None
    words: str
    kind: str  # "bad", "good", "info" or "unknown"


# The other vendors' verdicts are summed up in JSON: who said what, and how sure.
_OTHER_KEYS = ("vendor", "verdict", "score", "source", "trusted")


@dataclass(frozen=True, slots=True)
class SpamVerdict:
    verdict: str = "unknown"  # "spam", "ham" or "unknown"
    score: float | None = None
    threshold: float | None = None
    # Why it scored as it did, in words (``details`` then the rules, see ``reasons``).
    reasons: tuple[str, ...] = field(init=False)
    rules: tuple[SpamRule, ...] = ()
    source: str | None = None  # the header the verdict was read from
    vendor: str | None = None
    trusted: bool | None = None
    action: str | None = None
    details: tuple[str, ...] = ()
    others: tuple[SpamVerdict, ...] = field(default=(), metadata=json_meta(keys=_OTHER_KEYS))

    def __post_init__(self) -> None:
        object.__setattr__(self, "reasons", reasons_of(self.rules, self.details))  # frozen: once


def reasons_of(rules: Sequence[SpamRule], details: Sequence[str]) -> tuple[str, ...]:
    """Why a message scored as it did, in words: scoring rules first, highest score first."""
    scored = [
        r
        for r in rules
        if r.score is not None and (r.score >= 0.5 or (r.score > 0 and r.kind == "bad"))
    ]
    if scored:
        picked = sorted(scored, key=lambda r: -(r.score or 0.0))
    else:
        picked = [r for r in rules if r.score is None and r.kind in ("bad", "unknown")]
    words = [f"{r.words} ({r.rule})" for r in picked[:MAX_REASONS]]
    return tuple(details) + tuple(words)


def number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        number = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def rule_named(name: str, score: float | None) -> SpamRule | None:
    name = name.strip().strip("[],")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]{0,80}", name):
        return None
    words, kind = describe(name)
    return SpamRule(name, score, words, kind)


class View:
    """The headers of one message, by lower-case name, with their positions."""

    def __init__(self, headers: Sequence[Header]) -> None:
        self.by_name: dict[str, list[tuple[int, str]]] = {}
        for position, (name, value) in enumerate(headers):
            # Real verdict headers are a few hundred bytes; the cap keeps every regex below
            # linear-time territory on a hostile multi-megabyte header.
            self.by_name.setdefault(name.lower(), []).append((position, value[:MAX_VALUE]))

    def first(self, name: str) -> tuple[int, str] | None:
        found = self.by_name.get(name.lower())
        return found[0] if found else None


def tests(text: str) -> list[SpamRule]:
    """Rules from ``tests=A,B`` or amavis' ``tests=[A=1.2, B=-0.1]``."""
    match = re.search(r"\btests=\[([^\]]*)\]", text) or re.search(
        r"\btests=(.*?)(?=\s+[A-Za-z_]+=|$)", text
    )
    if not match:
        return []
    rules = []
    for item in re.split(r"[,\s]+", match.group(1)):
        name, _, score = item.partition("=")
        rule = rule_named(name, number(score) if score else None)
        if rule:
            rules.append(rule)
    return rules


def report_scores(text: str) -> dict[str, float]:
    """``3.5 BAYES_99 BODY: ...`` pairs from X-Spam-Report (SpamAssassin's report template)."""
    scores: dict[str, float] = {}
    for match in re.finditer(r"(?<![\w.])(-?\d{1,3}(?:\.\d+)?)\s+([A-Z][A-Z0-9_]{2,})\b", text):
        value = number(match.group(1))
        if value is not None:
            scores.setdefault(match.group(2), value)
    return scores


def status_line(
    text: str, score_key: str, threshold_key: str
) -> tuple[str, float | None, float | None, list[SpamRule]]:
    """A "Yes, score=6.1 required=5.0 tests=A,B" line (SpamAssassin and its descendants)."""
    word = re.match(r"\s*(yes|no)\b", text, re.IGNORECASE)
    verdict = "unknown" if not word else "spam" if word.group(1).lower() == "yes" else "ham"
    score = number(group(rf"\b(?:{score_key})=(-?[\d.]+)", text))
    threshold = number(group(rf"\b{threshold_key}=(-?[\d.]+)", text))
    return verdict, score, threshold, tests(text)


def group(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text, re.IGNORECASE)
    return match.group(1) if match else None
