"""Spam verdicts of Microsoft, rspamd, Barracuda, Proofpoint and a few simple flags.

Split from ``inspector.auth.spam`` (which has SpamAssassin, the shared types and the choice
between vendors); each reader returns ``(header position, verdict)`` or nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from inspector.auth.spam_parts import (
    SpamRule,
    SpamVerdict,
    View,
    group,
    number,
    report_scores,
    rule_named,
    status_line,
)
from inspector.auth.spam_rules import MS_CAT, MS_SFTY, MS_SFV

# ---- Microsoft ------------------------------------------------------------------------------


def _pairs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in text.split(";"):
        key, sep, value = item.partition(":")
        if sep and key.strip():
            out.setdefault(key.strip().upper(), value.strip())
    return out


def microsoft(view: View) -> tuple[int, SpamVerdict] | None:
    report = view.first("X-Forefront-Antispam-Report")
    org_scl = view.first("X-MS-Exchange-Organization-SCL")
    antispam = view.first("X-Microsoft-Antispam")
    anchor = report or org_scl
    if anchor is None:
        return None
    fields = _pairs(report[1]) if report else {}
    scl = number(fields.get("SCL")) if "SCL" in fields else None
    if scl is None and org_scl:
        scl = number(org_scl[1])
    details: list[str] = []
    verdict = "unknown"
    sfv = fields.get("SFV", "").upper()
    if sfv in MS_SFV:
        verdict, words = MS_SFV[sfv]
        details.append(f"{words} (SFV:{sfv})")
    category = fields.get("CAT", "").upper()
    if category in MS_CAT and category != "NONE":
        details.append(f"classified as {MS_CAT[category]} (CAT:{category})")
        if verdict == "unknown" and category not in ("AMP", "SAP", "FTBP", "OSPM"):
            verdict = "spam"  # an allow (SFV:SKA/SFE/SKN) already decided "ham" above
    if scl is not None:
        if scl < 0:
            details.append("SCL -1: the message skipped spam filtering")
        elif scl >= 9:
            details.append(f"SCL {scl:g}: high-confidence spam")
        elif scl >= 5:
            details.append(f"SCL {scl:g}: spam")
        else:
            details.append(f"SCL {scl:g}: not spam")
        if verdict == "unknown":
            verdict = "spam" if scl >= 5 else "ham"
    safety = fields.get("SFTY", "")
    if safety:
        details.append(MS_SFTY.get(safety, f"safety tip {safety}") + f" (SFTY:{safety})")
    if antispam:
        bcl = number(_pairs(antispam[1]).get("BCL"))
        if bcl is not None and bcl >= 4:
            level = "many" if bcl >= 8 else "some"
            details.append(f"bulk mail with {level} complaints (BCL {bcl:g})")
    source = "X-Forefront-Antispam-Report" if report else "X-MS-Exchange-Organization-SCL"
    return anchor[0], SpamVerdict(
        verdict,
        scl,
        5.0 if scl is not None else None,
        (),
        source,
        "microsoft",
        action=category or None,
        details=tuple(details),
    )


# ---- rspamd ---------------------------------------------------------------------------------

_SPAM_ACTIONS = {"reject", "soft reject", "rewrite subject", "add header", "quarantine"}
_HAM_ACTIONS = {"no action", "greylist"}


def rspamd(view: View) -> tuple[int, SpamVerdict] | None:
    result = view.first("X-Spamd-Result")
    score_h = view.first("X-Rspamd-Score")
    action_h = view.first("X-Rspamd-Action") or view.first("X-Spam-Action")
    flag = view.first("X-Spam")
    anchor = result or score_h or action_h or flag
    if anchor is None:
        return None
    verdict, score, threshold, rules = "unknown", None, None, []
    if result:
        source = "X-Spamd-Result"
    elif score_h:
        source = "X-Rspamd-Score"
    elif action_h:
        source = "X-Rspamd-Action" if view.first("X-Rspamd-Action") else "X-Spam-Action"
    else:
        source = "X-Spam"
    if result:
        text = result[1]
        head = re.match(r"\s*[\w-]+:\s*(true|false)\s*\[\s*(-?[\d.]+)\s*/\s*(-?[\d.]+)", text, re.I)
        if head:
            verdict = "spam" if head.group(1).lower() == "true" else "unknown"
            score, threshold = number(head.group(2)), number(head.group(3))
        for match in re.finditer(r"([A-Z][A-Z0-9_]{1,80})\((-?[\d.]+)\)", text):
            rule = rule_named(match.group(1), number(match.group(2)))
            if rule:
                rules.append(rule)
    if score is None and score_h:
        score = number(score_h[1])
    action = action_h[1].strip().lower() if action_h else None
    if action in _SPAM_ACTIONS:
        verdict = "spam"
    elif action in _HAM_ACTIONS and verdict == "unknown":
        verdict = "ham"
    if flag and verdict == "unknown":
        verdict = "spam" if flag[1].strip().lower().startswith("yes") else "ham"
    if verdict == "unknown" and score is not None and threshold is not None:
        verdict = "spam" if score >= threshold else "ham"
    return anchor[0], SpamVerdict(
        verdict, score, threshold, tuple(rules), source, "rspamd", action=action
    )


# ---- Others ---------------------------------------------------------------------------------


def barracuda(view: View) -> tuple[int, SpamVerdict] | None:
    status = view.first("X-Barracuda-Spam-Status")
    score_h = view.first("X-Barracuda-Spam-Score")
    anchor = status or score_h
    if anchor is None:
        return None
    verdict, score, threshold = "unknown", None, None
    rules: list[SpamRule] = []
    if status:
        verdict, score, threshold, rules = status_line(status[1], "score", "tag_level")
    if score is None and score_h:
        score = number(score_h[1])
    source = "X-Barracuda-Spam-Status" if status else "X-Barracuda-Spam-Score"
    return anchor[0], SpamVerdict(verdict, score, threshold, tuple(rules), source, "barracuda")


def proofpoint(view: View) -> tuple[int, SpamVerdict] | None:
    details_h = view.first("X-Proofpoint-Spam-Details")
    if details_h is None:
        return None
    fields = dict(re.findall(r"([a-z_]+)=(\S+)", details_h[1].lower()))
    rule = fields.get("rule", "")
    verdict = "unknown"
    if rule.startswith("notspam") or rule == "safe":
        verdict = "ham"
    elif rule:
        verdict = "spam"
    details = [f"Proofpoint rule '{rule}'"] if rule else []
    if fields.get("phishscore", "0") not in ("0", ""):
        details.append(f"phishing score {fields['phishscore']}")
    score = number(fields.get("spamscore") or fields.get("score"))
    return details_h[0], SpamVerdict(
        verdict,
        score,
        None,
        (),
        "X-Proofpoint-Spam-Details",
        "proofpoint",
        action=rule or None,
        details=tuple(details),
    )


def simple(view: View) -> list[tuple[int, SpamVerdict]]:
    found = []
    ui = view.first("X-UI-Filterresults")  # GMX / WEB.DE: "notjunk:1;V03:K0:..." / "junk:..."
    if ui:
        head = ui[1].strip().lower()
        verdict = "ham" if head.startswith("notjunk") else "spam" if head.startswith("junk") else ""
        found.append(
            (ui[0], SpamVerdict(verdict or "unknown", None, None, (), "X-UI-Filterresults", "gmx"))
        )
    yandex = view.first("X-Yandex-Spam")  # observed: 1 = clean, 4 = spam
    if yandex:
        value = yandex[1].strip()
        verdict = {"1": "ham", "4": "spam"}.get(value, "unknown")
        found.append((yandex[0], SpamVerdict(verdict, None, None, (), "X-Yandex-Spam", "yandex")))
    mimecast = view.first("X-Mimecast-Spam-Score")
    if mimecast:
        found.append(
            (
                mimecast[0],
                SpamVerdict(
                    "unknown", number(mimecast[1]), None, (), "X-Mimecast-Spam-Score", "mimecast"
                ),
            )
        )
    return found


def spamassassin(view: View) -> tuple[int, SpamVerdict] | None:
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
        score = number(group(r"(-?\d+(?:[.,]\d+)?)", score_h[1]))
    if score is None and level and set(level[1].strip()) <= {"*", "+"} and level[1].strip():
        score = float(len(level[1].strip()))
    if hits and not rules:  # Fastmail: "ALL_TRUSTED -1, BAYES_00 -1.9, LANGUAGES en, ..."
        for item in hits[1].split(","):
            parts = item.split()
            if len(parts) == 2 and number(parts[1]) is not None:
                rule = rule_named(parts[0], number(parts[1]))
                if rule:
                    rules.append(rule)
    report = view.first("X-Spam-Report")
    if report and rules:
        scores = report_scores(report[1])
        rules = [replace(r, score=scores.get(r.rule, r.score)) for r in rules]
    if verdict == "unknown" and score is not None and threshold is not None:
        verdict = "spam" if score >= threshold else "ham"
    return anchor[0], SpamVerdict(
        verdict, score, threshold, tuple(rules), source, "spamassassin", action=None
    )
