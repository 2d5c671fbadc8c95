"""Rules about whether the codes that came still work: expired, dead on arrival, replaced."""

from __future__ import annotations

from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence
from inspector.diagnosis.wording import duration, group_label, plural, when
from inspector.model import Finding, Freshness, Severity


def code_expired(ev: Evidence) -> list[Finding]:
    out = []
    for event_index in ev.newest_by_group().values():
        assessment = ev.assessments[event_index]
        record_index = ev.event_record[event_index]
        if assessment.freshness is not Freshness.EXPIRED or not ev.genuine(record_index):
            continue
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
        record_index = ev.event_record[event_index]
        if assessment.freshness is not Freshness.EXPIRED_IN_TRANSIT:
            continue
        if not ev.genuine(record_index):
            continue
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
        if assessment.freshness is Freshness.SUPERSEDED and ev.genuine(
            ev.event_record[event_index]
        ):
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
