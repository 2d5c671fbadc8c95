"""Rules about where the codes are and whether they still work."""

from __future__ import annotations

from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence, in_junk
from inspector.diagnosis.wording import duration, group_label, plural, when
from inspector.model import Finding, FolderRole, Freshness, Severity


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
            rank=rank.NO_CODE,
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
            rank=rank.CODE_IN_SPAM,
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
            rank=rank.CODE_IN_TRASH,
        )
    ]


def code_in_tab(ev: Evidence) -> list[Finding]:
    """Gmail files some mail under the Promotions or Updates tab, out of sight of the Inbox."""
    hits = [
        i
        for i, r in enumerate(ev.records)
        if r.is_verification and r.category and r.folder_role is not FolderRole.JUNK
    ]
    if not hits:
        return []
    first = ev.records[hits[0]]
    tab = (first.category or "").capitalize()
    return [
        Finding(
            "code_in_tab",
            Severity.WARNING,
            f"The {group_label(first)} code was filed under Gmail's {tab} tab, not the Primary "
            "inbox.",
            f"Open the {tab} tab in Gmail; move the message to Primary so later codes land there.",
            messages=tuple(hits),
            rank=rank.CODE_IN_TAB,
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
                rank=rank.EXPIRED,
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
                rank=rank.EXPIRED_IN_TRANSIT,
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
                rank=rank.SUPERSEDED,
            )
        )
    return out
