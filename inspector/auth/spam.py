"""The provider's own spam verdict, decoded from the headers its filter wrote. Pure: no I/O.

Vendors read: SpamAssassin (X-Spam-Status/-Flag/-Score/-Level/-Report, amavis' bracketed
``tests=[RULE=score]``, Exim's X-Spam_score, Fastmail's X-Spam-hits), Microsoft Exchange
Online Protection (X-Forefront-Antispam-Report SFV/SCL/CAT/SFTY, X-MS-Exchange-Organization-
SCL, X-Microsoft-Antispam BCL), rspamd (X-Spamd-Result, X-Rspamd-Score, X-Rspamd-Action /
X-Spam-Action, X-Spam), Barracuda (X-Barracuda-Spam-Status/-Score), Proofpoint (also iCloud;
X-Proofpoint-Spam-Details), GMX/WEB.DE (X-UI-Filterresults), Yandex (X-Yandex-Spam) and
Mimecast (X-Mimecast-Spam-Score). Gmail and Yahoo write no verdict into the message.

Trust: the sender can write any of these headers itself. A verdict counts as the receiver's
(``trusted: true``) when its header sits above the receiver's entry Received hop, or when it
names a checking host of the receiver (SpamAssassin's X-Spam-Checker-Version "... on host"),
or is Microsoft's own when Microsoft received the message (Exchange appends its verdicts at the
bottom but strips or renames those coming from outside).
``trusted: false`` means it was below, in the part the sender wrote; ``null``: cannot tell
(no Received headers). Trusted verdicts are preferred.

``SpamVerdict.to_json()`` → ``{"spam": {"verdict": "spam"|"ham"|"unknown", "score": float|null,
"threshold": float|null, "reasons": [words...], "rules": [{"rule", "score", "words", "kind"}],
"source": header name|null, "vendor": str|null, "trusted": bool|null, "action": str|null,
"details": [str...], "others": [{"vendor", "verdict", "score", "source", "trusted"}]}}``.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from inspector.auth.spam_rules import describe

if TYPE_CHECKING:
    from inspector.auth.headers import Header
    from inspector.auth.received import DeliveryPath

MAX_REASONS = 8
MAX_VALUE = 8192


@dataclass(frozen=True, slots=True)
class SpamRule:
    rule: str
    score: float | None
    words: str
    kind: str  # "bad", "good", "info" or "unknown"

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "score": self.score, "words": self.words, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class SpamVerdict:
    verdict: str = "unknown"  # "spam", "ham" or "unknown"
    score: float | None = None
    threshold: float | None = None
    rules: tuple[SpamRule, ...] = ()
    source: str | None = None  # the header the verdict was read from
    vendor: str | None = None
    trusted: bool | None = None
    action: str | None = None
    details: tuple[str, ...] = ()
    others: tuple[SpamVerdict, ...] = ()

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why it scored as it did, in words: scoring rules first, highest score first."""
        scored = [
            r
            for r in self.rules
            if r.score is not None and (r.score >= 0.5 or (r.score > 0 and r.kind == "bad"))
        ]
        if scored:
            picked = sorted(scored, key=lambda r: -(r.score or 0.0))
        else:
            picked = [r for r in self.rules if r.score is None and r.kind in ("bad", "unknown")]
        words = [f"{r.words} ({r.rule})" for r in picked[:MAX_REASONS]]
        return tuple(self.details) + tuple(words)

    def to_json(self) -> dict[str, Any]:
        return {
            "spam": {
                "verdict": self.verdict,
                "score": self.score,
                "threshold": self.threshold,
                "reasons": list(self.reasons),
                "rules": [r.to_json() for r in self.rules],
                "source": self.source,
                "vendor": self.vendor,
                "trusted": self.trusted,
                "action": self.action,
                "details": list(self.details),
                "others": [
                    {
                        "vendor": o.vendor,
                        "verdict": o.verdict,
                        "score": o.score,
                        "source": o.source,
                        "trusted": o.trusted,
                    }
                    for o in self.others
                ],
            }
        }


def _float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        number = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _rule(name: str, score: float | None) -> SpamRule | None:
    name = name.strip().strip("[],")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]{0,80}", name):
        return None
    words, kind = describe(name)
    return SpamRule(name, score, words, kind)


class _View:
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


# ---- SpamAssassin and friends ---------------------------------------------------------------


def _tests(text: str) -> list[SpamRule]:
    """Rules from ``tests=A,B`` or amavis' ``tests=[A=1.2, B=-0.1]``."""
    match = re.search(r"\btests=\[([^\]]*)\]", text) or re.search(
        r"\btests=(.*?)(?=\s+[A-Za-z_]+=|$)", text
    )
    if not match:
        return []
    rules = []
    for item in re.split(r"[,\s]+", match.group(1)):
        name, _, score = item.partition("=")
        rule = _rule(name, _float(score) if score else None)
        if rule:
            rules.append(rule)
    return rules


def _report_scores(text: str) -> dict[str, float]:
    """``3.5 BAYES_99 BODY: ...`` pairs from X-Spam-Report (SpamAssassin's report template)."""
    scores: dict[str, float] = {}
    for match in re.finditer(r"(?<![\w.])(-?\d{1,3}(?:\.\d+)?)\s+([A-Z][A-Z0-9_]{2,})\b", text):
        value = _float(match.group(1))
        if value is not None:
            scores.setdefault(match.group(2), value)
    return scores


def _spamassassin(view: _View) -> tuple[int, SpamVerdict] | None:
    status = view.first("X-Spam-Status")
    flag = view.first("X-Spam-Flag")
    score_h = view.first("X-Spam-Score") or view.first("X-Spam_score")
    level = view.first("X-Spam-Level") or view.first("X-Spam_bar")
    hits = view.first("X-Spam-hits")
    named = (
        ("X-Spam-Status", status),
        ("X-Spam-Flag", flag),
        ("X-Spam-Score", score_h),
        ("X-Spam-hits", hits),
    )
    source, anchor = next(((n, h) for n, h in named if h is not None), ("", None))
    if anchor is None:
        return None
    verdict, score, threshold = "unknown", None, None
    rules: list[SpamRule] = []
    if status:
        verdict, score, threshold, rules = status_line(status[1], "score|hits", "required")
    if flag and verdict == "unknown":
        verdict = "spam" if flag[1].strip().lower().startswith("yes") else "ham"
    if score is None and score_h:
        score = _float(_group(r"(-?\d+(?:[.,]\d+)?)", score_h[1]))
    if score is None and level and set(level[1].strip()) <= {"*", "+"} and level[1].strip():
        score = float(len(level[1].strip()))
    if hits and not rules:  # Fastmail: "ALL_TRUSTED -1, BAYES_00 -1.9, LANGUAGES en, ..."
        for item in hits[1].split(","):
            parts = item.split()
            if len(parts) == 2 and _float(parts[1]) is not None:
                rule = _rule(parts[0], _float(parts[1]))
                if rule:
                    rules.append(rule)
    report = view.first("X-Spam-Report")
    if report and rules:
        scores = _report_scores(report[1])
        rules = [replace(r, score=scores.get(r.rule, r.score)) for r in rules]
    if verdict == "unknown" and score is not None and threshold is not None:
        verdict = "spam" if score >= threshold else "ham"
    return anchor[0], SpamVerdict(
        verdict, score, threshold, tuple(rules), source, "spamassassin", action=None
    )


def status_line(
    text: str, score_key: str, threshold_key: str
) -> tuple[str, float | None, float | None, list[SpamRule]]:
    """A "Yes, score=6.1 required=5.0 tests=A,B" line (SpamAssassin and its descendants)."""
    word = re.match(r"\s*(yes|no)\b", text, re.IGNORECASE)
    verdict = "unknown" if not word else "spam" if word.group(1).lower() == "yes" else "ham"
    score = _float(_group(rf"\b(?:{score_key})=(-?[\d.]+)", text))
    threshold = _float(_group(rf"\b{threshold_key}=(-?[\d.]+)", text))
    return verdict, score, threshold, _tests(text)


def _group(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text, re.IGNORECASE)
    return match.group(1) if match else None


# ---- Choosing -------------------------------------------------------------------------------

_STRENGTH = {"spam": 2, "ham": 1, "unknown": 0}
_TRUST = {True: 2, None: 1, False: 0}


def decode_spam(headers: Sequence[Header], *, path: DeliveryPath | None = None) -> SpamVerdict:
    """The receiving provider's spam verdict; never raises on any header content."""
    from inspector.auth.received import delivery_path
    from inspector.auth.spam_vendors import barracuda, microsoft, proofpoint, rspamd, simple

    if path is None:
        path = delivery_path(headers)
    view = _View(headers)
    candidates: list[tuple[int, SpamVerdict]] = []
    for reader in (microsoft, rspamd, _spamassassin, barracuda, proofpoint):
        try:
            found = reader(view)
        except Exception:  # a decoding slip on hostile input must not lose the message
            found = None
        if found:
            candidates.append(found)
    with contextlib.suppress(Exception):  # same: a slip loses one vendor, not the message
        candidates.extend(simple(view))
    if not candidates:
        return SpamVerdict()
    checker = view.first("X-Spam-Checker-Version")
    checker_host = _group(r"\bon\s+([\w.-]+)", checker[1]) if checker else None
    verdicts = []
    for position, verdict in candidates:
        trusted: bool | None = None
        if path.entry is not None:
            trusted = position < path.entry.index
        if (
            verdict.vendor == "spamassassin"
            and checker_host
            and path.receiver_org
            and path.is_receiver(checker_host)
        ):
            trusted = True
        # Exchange Online appends its verdicts at the bottom of the header block, and renames
        # or strips those arriving from outside (X-Forefront-Antispam-Report-Untrusted,
        # X-MS-Exchange-Organization-* header firewall), so on Microsoft they are its own.
        if verdict.vendor == "microsoft" and path.is_receiver("outlook.com"):
            trusted = True
        verdicts.append(replace(verdict, trusted=trusted))
    verdicts.sort(
        key=lambda v: (_TRUST[v.trusted], _STRENGTH[v.verdict]),
        reverse=True,
    )
    best, rest = verdicts[0], tuple(verdicts[1:])
    return replace(best, others=rest)
