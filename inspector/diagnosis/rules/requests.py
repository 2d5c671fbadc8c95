"""Rules about how the codes were requested and where they were sent."""

from __future__ import annotations

from datetime import timedelta

from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence
from inspector.diagnosis.wording import duration, group_label, plural
from inspector.model import Finding, Severity

# Requesting this many codes for one service within the span is what rate limits punish.
BURST_COUNT = 3
BURST_SPAN = timedelta(minutes=15)


def too_many_codes(ev: Evidence) -> list[Finding]:
    out = []
    by_group: dict[str, list[int]] = {}
    for i, event in enumerate(ev.events):
        by_group.setdefault(event.group, []).append(i)
    for indexes in by_group.values():
        stamped = sorted(
            (t, i) for i in indexes if (t := ev.events[i].delivered_at or ev.events[i].sent_at)
        )
        best: list[int] = []
        start = 0
        for end in range(len(stamped)):
            while stamped[end][0] - stamped[start][0] > BURST_SPAN:
                start += 1
            if end - start + 1 > len(best):
                best = [i for _, i in stamped[start : end + 1]]
        if len(best) < BURST_COUNT:
            continue
        first, last = ev.events[best[0]], ev.events[best[-1]]
        span = (last.delivered_at or last.sent_at) - (first.delivered_at or first.sent_at)  # type: ignore[operator]
        record = ev.records[ev.event_record[best[-1]]]
        out.append(
            Finding(
                "too_many_codes",
                Severity.WARNING,
                f"{len(best)} {group_label(record)} codes were sent within "
                f"{duration(span.total_seconds())}; services slow down or block codes after "
                "repeated requests.",
                "Wait 15–30 minutes before asking again, then request one code and use only it.",
                messages=tuple(ev.event_record[i] for i in best),
                rank=rank.TOO_MANY_CODES,
            )
        )
    return out


def recipient_mismatch(ev: Evidence) -> list[Finding]:
    email = ev.context.email
    if not email:
        return []
    from inspector.contacts.email import normalize_for_compare

    mine = normalize_for_compare(email)
    wrong: list[int] = []
    others: set[str] = set()
    for i, record in ev.focused():
        addresses = [a for a in record.to if "@" in a]
        if not record.is_verification or not addresses:
            continue  # undisclosed recipients / Bcc: nothing to compare
        if all(normalize_for_compare(a) != mine for a in addresses):
            wrong.append(i)
            others.update(addresses)
    if not wrong:
        return []
    shown = ", ".join(sorted(others)[:3])
    return [
        Finding(
            "recipient_mismatch",
            Severity.WARNING,
            f"{plural(len(wrong), 'code')} {'was' if len(wrong) == 1 else 'were'} addressed to "
            f"{shown}, not to {email}.",
            "Check which address the service has on file: the codes go to that address, "
            "which may be an old one or forwarded here.",
            messages=tuple(wrong),
            rank=rank.RECIPIENT_MISMATCH,
        )
    ]
