"""Rules comparing the code the person typed with the codes that arrived."""

from __future__ import annotations

from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence
from inspector.diagnosis.wording import group_label, plural, when
from inspector.model import Finding, Freshness, Severity
from inspector.timeline.freshness import match_entered


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
        newest_state = ev.assessments[newest[event.group]].freshness
        if state is Freshness.BEFORE_REQUEST:
            requested = ev.context.requested_at
            asked = f" at {when(requested, ev.context.now)}" if requested else ""
            why = f"sent before you asked again{asked}, so it was replaced"
            advice = (
                f"Enter the code of your latest request ({newer.code}) instead."
                if newest_state is not Freshness.BEFORE_REQUEST
                else "Wait for the code of your latest request: it has not arrived yet (see "
                "the other findings)."
            )
        else:
            why = (
                f"replaced by {newer.code}"
                if state is Freshness.SUPERSEDED and newer.code != event.code
                else "no longer valid"
            )
            advice = (
                f"Enter the newest code ({newer.code}) instead."
                if newer.code != event.code
                else "Request a new code and enter it as soon as it arrives."
            )
        return [
            Finding(
                "entered_code_outdated",
                Severity.ERROR,
                f"The code you entered, {shown}, is an older {group_label(record)} "
                f"code{from_} that was {why}.",
                advice,
                messages=(ev.event_record[match.index],),
                rank=rank.ENTERED_CODE,
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
                rank=rank.ENTERED_CODE,
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
            rank=rank.ENTERED_CODE_UNKNOWN,
        )
    ]
