"""Run every rule on the evidence, rank what they say on one scale, write the verdict.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from inspector.analysis.record import MessageRecord
from inspector.diagnosis import rules
from inspector.diagnosis.evidence import Context, Evidence, gather, order
from inspector.diagnosis.wording import ago, duration, folder_name, group_label, when
from inspector.model import Channel, Finding, Freshness, Severity

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Diagnosis:
    verdict: str
    findings: tuple[Finding, ...]
    freshness: tuple[Freshness | None, ...]  # per record; None for messages without a code
    expires_at: tuple[datetime | None, ...] = field(default=())

    @property
    def problem_found(self) -> bool:
        return any(f.severity in (Severity.ERROR, Severity.WARNING) for f in self.findings)


def diagnose(records: Sequence[MessageRecord], context: Context) -> Diagnosis:
    evidence = gather(records, context)
    findings = [f for rule in rules.ALL for f in rule(evidence)]
    findings.extend(context.contact_findings)
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], -f.rank))
    freshness: list[Freshness | None] = [None] * len(records)
    expiry: list[datetime | None] = [None] * len(records)
    for event_index, record_index in enumerate(evidence.event_record):
        freshness[record_index] = evidence.assessments[event_index].freshness
        expiry[record_index] = evidence.assessments[event_index].expires_at
    return Diagnosis(
        verdict=verdict(evidence, findings),
        findings=tuple(findings),
        freshness=tuple(freshness),
        expires_at=tuple(expiry),
    )


def verdict(evidence: Evidence, findings: Sequence[Finding]) -> str:
    """One sentence: the state of the newest code, or why there is none."""
    ctx = evidence.context
    if not evidence.events:
        not_found = next((f for f in findings if f.id == "code_not_found"), None)
        lead = not_found.message if not_found else "No verification code was found."
        cause = _contact_cause(ctx.contact_findings)
        return f"{lead.rstrip('.')}; {cause}" if cause else lead
    newest = evidence.newest_by_group()
    group = _main_group(evidence, newest)
    event_index = newest[group]
    event = evidence.events[event_index]
    record = evidence.records[evidence.event_record[event_index]]
    assessment = evidence.assessments[event_index]
    label = group_label(record)
    arrived = record.timeline.delivered_at
    where = folder_name(record)
    head = f"Your newest {label} code {event.code} arrived"
    head += f" in {where}" if where else ""
    head += " by SMS" if record.channel is Channel.SMS else ""
    head += f" at {when(arrived, ctx.now)}" if arrived else ""
    expires = assessment.expires_at
    state = assessment.freshness
    if state is Freshness.VALID and expires is not None:
        tail = f" and is valid until {when(expires, ctx.now)}"
    elif state is Freshness.VALID:
        tail = " and is still valid"
    elif state is Freshness.EXPIRED_IN_TRANSIT and expires is not None and arrived is not None:
        tail = f", {duration((arrived - expires).total_seconds())} after it had expired"
    elif state is Freshness.EXPIRED and expires is not None:
        tail = f" and expired {ago(expires, ctx.now)} (at {when(expires, ctx.now)})"
    elif state is Freshness.EXPIRED:
        tail = " and has expired"
    else:
        tail = "; how long it stays valid is not stated"
    sentence = head + tail + "."
    others = [
        g
        for g, i in newest.items()
        if g != group and evidence.assessments[i].freshness is Freshness.VALID
    ]
    if others and state is not Freshness.VALID:
        i = newest[others[0]]
        other = evidence.records[evidence.event_record[i]]
        other_at = other.timeline.delivered_at
        at = f" from {when(other_at, ctx.now)}" if other_at else ""
        sentence += f" The {group_label(other)} code{at} is still valid."
    return sentence


def _main_group(evidence: Evidence, newest: dict[str, int]) -> str:
    service = evidence.context.service
    if service is not None and service.id in newest:
        return service.id
    return max(newest, key=lambda g: order(evidence.events[newest[g]]))


def _contact_cause(findings: Sequence[Finding]) -> str | None:
    """The likeliest reasons in the contact details (at most two), to follow "No code found;"."""
    ranked = [f for s in (Severity.ERROR, Severity.WARNING) for f in findings if f.severity is s]
    causes = []
    for finding in ranked[:2]:
        text = finding.message.rstrip(".")
        causes.append(text[0].lower() + text[1:] if text[:1].isupper() else text)
    return "; ".join(causes) + "." if causes else None
