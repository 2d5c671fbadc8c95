"""The diagnosis rules: each looks at the shared evidence and returns findings. Pure: no I/O.

Finding ids are a public contract (JSON consumers and tests depend on them); severities say
what the person must act on: ``error`` explains why the code failed, ``warning`` is a likely
contributor, ``info`` is context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from inspector.diagnosis import Evidence, in_junk
from inspector.freshness import match_entered
from inspector.model import Finding, FolderRole, Freshness, Severity
from inspector.wording import duration, group_label, plural, when

Rule = Callable[[Evidence], list[Finding]]

# A transit longer than this is worth telling; most codes arrive within seconds.
DELAY_WARNING_SECONDS = 5 * 60
# Requesting this many codes for one service within the span is what rate limits punish.
BURST_COUNT = 3
BURST_SPAN = timedelta(minutes=15)


def code_not_found(ev: Evidence) -> list[Finding]:
    if any(r.is_verification for r in ev.records):
        return []
    ctx = ev.context
    what = f"{ctx.service.name} verification message" if ctx.service else "verification message"
    where = f"since {when(ctx.since, ctx.now)}" if ctx.since else "in what was read"
    read = f" ({plural(ctx.messages_read, 'message')} read)"
    return [
        Finding(
            "code_not_found",
            Severity.ERROR,
            f"No {what} was found in any folder {where}{read}.",
            "Check that the service has your current address or number, then request a new "
            "code and wait a few minutes; look in every folder, including Spam, and check "
            "forwarding rules and filters that could move or delete it.",
            rank=100,
        )
    ]


def code_in_spam(ev: Evidence) -> list[Finding]:
    junk = [i for i, r in enumerate(ev.records) if r.is_verification and in_junk(r)]
    if not junk:
        return []
    newest_records = {ev.event_record[i] for i in ev.newest_by_group().values()}
    newest_in_junk = [i for i in junk if i in newest_records]
    first = ev.records[(newest_in_junk or junk)[0]]
    label = group_label(first)
    sender = first.from_address or first.from_display or "the sender"
    if len(junk) == 1:
        code = f" {first.code}" if first.code else ""
        at = first.timeline.delivered_at
        message = f"The {label} code{code}"
        message += f" from {when(at, ev.context.now)}" if at else ""
        message += f" is in your {first.folder or 'Junk'} folder."
    else:
        message = f"{plural(len(junk), 'verification message')} are in Junk/Spam."
    return [
        Finding(
            "code_in_spam",
            Severity.ERROR if newest_in_junk else Severity.WARNING,
            message,
            f"Look in your Spam/Junk folder and mark the message as 'Not spam'; add {sender} "
            "to your contacts so future codes reach the Inbox.",
            messages=tuple(junk),
            rank=90,
        )
    ]


def code_in_trash(ev: Evidence) -> list[Finding]:
    trash = [
        i
        for i, r in enumerate(ev.records)
        if r.is_verification and r.folder_role is FolderRole.TRASH
    ]
    if not trash:
        return []
    return [
        Finding(
            "code_in_trash",
            Severity.WARNING,
            f"{plural(len(trash), 'verification message')} went straight to Trash.",
            "Check your mail filters and rules: one may be deleting these messages on arrival.",
            messages=tuple(trash),
            rank=60,
        )
    ]


def code_expired(ev: Evidence) -> list[Finding]:
    out = []
    for event_index in ev.newest_by_group().values():
        assessment = ev.assessments[event_index]
        if assessment.freshness is not Freshness.EXPIRED:
            continue
        record_index = ev.event_record[event_index]
        record = ev.records[record_index]
        expired = assessment.expires_at
        at = f" at {when(expired, ev.context.now)}" if expired else ""
        seconds = record.extraction.validity.seconds
        window = f" (it was valid for {duration(seconds)})" if seconds else ""
        out.append(
            Finding(
                "code_expired",
                Severity.ERROR,
                f"Your newest {group_label(record)} code {record.code} expired{at}{window}.",
                "Request a new code and enter it as soon as it arrives"
                + (f", within {duration(seconds)}." if seconds else "."),
                messages=(record_index,),
                rank=80,
            )
        )
    return out


def code_expired_in_transit(ev: Evidence) -> list[Finding]:
    out = []
    for event_index, assessment in enumerate(ev.assessments):
        if assessment.freshness is not Freshness.EXPIRED_IN_TRANSIT:
            continue
        record_index = ev.event_record[event_index]
        record = ev.records[record_index]
        arrived, expired = record.timeline.delivered_at, assessment.expires_at
        late = ""
        if arrived and expired:
            late = f", {duration((arrived - expired).total_seconds())} after it expired"
        at = f" arrived at {when(arrived, ev.context.now)}" if arrived else " arrived"
        out.append(
            Finding(
                "code_expired_in_transit",
                Severity.ERROR,
                f"The {group_label(record)} code {record.code}{at}{late}: it was dead on arrival.",
                "Request a new code; if it happens again, the delay is on the way to you (see "
                "the delivery findings) and the service's support can send by another channel.",
                messages=(record_index,),
                rank=85,
            )
        )
    return out


def code_superseded(ev: Evidence) -> list[Finding]:
    by_group: dict[str, list[int]] = {}
    for event_index, assessment in enumerate(ev.assessments):
        if assessment.freshness is Freshness.SUPERSEDED:
            by_group.setdefault(ev.events[event_index].group, []).append(event_index)
    newest = ev.newest_by_group()
    out = []
    for group, old in by_group.items():
        latest = ev.events[newest[group]]
        record = ev.records[ev.event_record[newest[group]]]
        codes = ", ".join(ev.events[i].code for i in old[:5])
        out.append(
            Finding(
                "code_superseded",
                Severity.WARNING,
                f"{plural(len(old), 'older ' + group_label(record) + ' code')} ({codes}) "
                f"{'was' if len(old) == 1 else 'were'} replaced by the newest one, "
                f"{latest.code}; only the newest works.",
                "Enter only the code from the newest message; every new request cancels the "
                "codes sent before it.",
                messages=tuple(ev.event_record[i] for i in old),
                rank=50,
            )
        )
    return out


def entered_code(ev: Evidence) -> list[Finding]:
    entered = ev.context.entered_code
    if not entered or not ev.events:
        return []
    match = match_entered(entered, ev.events, ev.assessments)
    if match.kind == "exact":
        return []
    shown = entered.strip()
    newest = ev.newest_by_group()
    if match.kind == "outdated" and match.index is not None:
        event = ev.events[match.index]
        record = ev.records[ev.event_record[match.index]]
        newer = ev.events[newest[event.group]]
        at = record.timeline.delivered_at
        from_ = f" from {when(at, ev.context.now)}" if at else ""
        state = ev.assessments[match.index].freshness
        why = (
            f"replaced by {newer.code}"
            if state is Freshness.SUPERSEDED and newer.code != event.code
            else "no longer valid"
        )
        return [
            Finding(
                "entered_code_outdated",
                Severity.ERROR,
                f"The code you entered, {shown}, is an older {group_label(record)} "
                f"code{from_} that was {why}.",
                f"Enter the newest code ({newer.code}) instead"
                if newer.code != event.code
                else "Request a new code and enter it as soon as it arrives.",
                messages=(ev.event_record[match.index],),
                rank=95,
            )
        ]
    if match.kind == "typo" and match.index is not None:
        event = ev.events[match.index]
        detail = f" ({match.detail})" if match.detail else ""
        return [
            Finding(
                "entered_code_typo",
                Severity.ERROR,
                f"The code you entered, {shown}, differs from the newest code {event.code} by "
                f"one character{detail}.",
                f"Enter {event.code} exactly; copy and paste it if you can.",
                messages=(ev.event_record[match.index],),
                rank=95,
            )
        ]
    return [
        Finding(
            "entered_code_mismatch",
            Severity.WARNING,
            f"The code you entered, {shown}, matches none of the "
            f"{plural(len(ev.events), 'code')} found.",
            "Check that you are reading the message for this sign-in (service and time), and "
            "that the code came from the channel you are looking at (SMS or e-mail).",
            rank=70,
        )
    ]


def delivery_delayed(ev: Evidence) -> list[Finding]:
    slow = [
        (r.timeline.transit_seconds, i)
        for i, r in enumerate(ev.records)
        if r.is_verification
        and r.timeline.transit_seconds is not None
        and r.timeline.transit_seconds > _delay_threshold(r.extraction.validity.seconds)
    ]
    if not slow:
        return []
    worst_seconds, worst = max(slow)
    record = ev.records[worst]
    hop = max(
        (h for h in record.timeline.hops if h.delay_seconds is not None),
        key=lambda h: h.delay_seconds or 0.0,
        default=None,
    )
    where = ""
    if hop is not None and hop.delay_seconds and hop.delay_seconds >= worst_seconds / 2:
        where = f"; {duration(hop.delay_seconds)} of it before {hop.by_host or 'one server'}"
        where += " accepted it"
    return [
        Finding(
            "delivery_delayed",
            Severity.WARNING,
            f"The {group_label(record)} code took {duration(worst_seconds)} to arrive{where}.",
            "Slow delivery eats into the code's validity: ask for the code only when you are "
            "ready to type it, and if your provider delays mail from new senders, allow-list "
            "the service's address.",
            messages=tuple(sorted(i for _, i in slow)),
            rank=40,
        )
    ]


def _delay_threshold(validity: int | None) -> float:
    if validity:
        return min(DELAY_WARNING_SECONDS, validity / 2)
    return DELAY_WARNING_SECONDS


def greylisting_suspected(ev: Evidence) -> list[Finding]:
    hits = [
        i
        for i, r in enumerate(ev.records)
        if r.is_verification and r.timeline.greylisting_suspected
    ]
    if not hits:
        return []
    seconds = ev.records[hits[0]].timeline.greylisting_seconds
    held = f" for {duration(seconds)}" if seconds else ""
    return [
        Finding(
            "greylisting_suspected",
            Severity.WARNING,
            f"Your mail server appears to have held the message{held} before accepting it "
            "(greylisting: first delivery attempts are refused and retried later).",
            "Ask your mail administrator to exempt the service's sending domain from "
            "greylisting; until then expect each code to arrive several minutes late.",
            messages=tuple(hits),
            rank=45,
        )
    ]


def clock_skew(ev: Evidence) -> list[Finding]:
    hits = [
        i
        for i, r in enumerate(ev.records)
        if r.is_verification
        and r.timeline.clock_skew_seconds is not None
        and r.timeline.clock_skew_seconds < -60
    ]
    if not hits:
        return []
    skew = min(ev.records[i].timeline.clock_skew_seconds or 0.0 for i in hits)
    return [
        Finding(
            "clock_skew",
            Severity.INFO,
            f"The servers' clocks disagree by up to {duration(skew)}: a later hop is stamped "
            "earlier than the one before it, so delivery times are approximate.",
            "Nothing to do for you; the delays shown may be off by that much.",
            messages=tuple(hits),
            rank=10,
        )
    ]


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
                rank=30,
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
    for i, record in enumerate(ev.records):
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
            rank=75,
        )
    ]


ALL: tuple[Rule, ...] = (
    code_not_found,
    code_in_spam,
    code_in_trash,
    code_expired,
    code_expired_in_transit,
    code_superseded,
    entered_code,
    delivery_delayed,
    greylisting_suspected,
    clock_skew,
    too_many_codes,
    recipient_mismatch,
)
