"""Evidence in, ranked plain-language findings and a one-line verdict out. Pure: no I/O.

The rules live in ``inspector.rules``; this module gathers the evidence they share (freshness
of every code, grouping by service), runs them, ranks what they say and writes the verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from inspector.analysis import MessageRecord
from inspector.extract.services import Service
from inspector.freshness import Assessment, CodeEvent, assess
from inspector.model import Channel, Finding, FolderRole, Freshness, Severity
from inspector.wording import ago, duration, folder_name, group_label, when

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Context:
    """What the person told us besides the mail: the clock and their own observations."""

    now: datetime
    requested_at: datetime | None = None
    entered_code: str | None = None
    service: Service | None = None
    email: str | None = None
    contact_findings: tuple[Finding, ...] = ()
    messages_read: int = 0
    since: datetime | None = None  # start of the window searched, when a source had one
    incomplete: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """The shared facts the rules look at."""

    records: Sequence[MessageRecord]
    events: tuple[CodeEvent, ...]
    event_record: tuple[int, ...]  # events[i] came from records[event_record[i]]
    assessments: tuple[Assessment, ...]
    context: Context

    def freshness_of(self, record_index: int) -> Assessment | None:
        for i, rec in enumerate(self.event_record):
            if rec == record_index:
                return self.assessments[i]
        return None

    def newest_by_group(self) -> dict[str, int]:
        """For each group, the event index of its newest code."""
        newest: dict[str, int] = {}
        for i, event in enumerate(self.events):
            current = newest.get(event.group)
            if current is None or _order(event) >= _order(self.events[current]):
                newest[event.group] = i
        return newest


@dataclass(frozen=True, slots=True)
class Diagnosis:
    verdict: str
    findings: tuple[Finding, ...]
    freshness: tuple[Freshness | None, ...]  # per record; None for messages without a code
    expires_at: tuple[datetime | None, ...] = field(default=())

    @property
    def problem_found(self) -> bool:
        return any(f.severity in (Severity.ERROR, Severity.WARNING) for f in self.findings)


def group_of(record: MessageRecord) -> str:
    """Codes that replace each other: same service, else same sender domain, else sender.

    A message that names a service but comes from (or binds its code to) a domain the service
    does not own is kept apart: a look-alike's code must not "replace" the real one. SMS
    senders are not compared, since services rotate the numbers they send from.
    """
    from inspector.extract.services import owns_domain, service_by_id

    service_id = record.extraction.service
    if service_id is None:
        return record.from_domain or (record.from_display or "unknown").casefold()
    service = service_by_id(service_id)
    if service is None or service.generic:
        return f"{service_id}:{record.from_domain or record.from_display or ''}".casefold()
    origin = record.extraction.origin
    if origin is not None and not owns_domain(service, origin.domain):
        return f"{service_id}@{origin.domain}"
    if record.from_domain and not owns_domain(service, record.from_domain):
        return f"{service_id}@{record.from_domain}"
    return service_id


def _order(event: CodeEvent) -> datetime:
    stamp = event.delivered_at or event.sent_at
    return stamp if stamp is not None else datetime.min.replace(tzinfo=UTC)


def gather(records: Sequence[MessageRecord], context: Context) -> Evidence:
    events: list[CodeEvent] = []
    owners: list[int] = []
    for index, record in enumerate(records):
        code = record.extraction.code
        if not record.is_verification or code is None:
            continue
        events.append(
            CodeEvent(
                code=code,
                group=group_of(record),
                sent_at=record.timeline.sent_at,
                delivered_at=record.timeline.delivered_at,
                validity=record.extraction.validity,
            )
        )
        owners.append(index)
    assessments = assess(events, now=context.now, requested_at=context.requested_at)
    return Evidence(records, tuple(events), tuple(owners), tuple(assessments), context)


def diagnose(records: Sequence[MessageRecord], context: Context) -> Diagnosis:
    from inspector import rules

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
    return max(newest, key=lambda g: _order(evidence.events[newest[g]]))


def _contact_cause(findings: Sequence[Finding]) -> str | None:
    """The likeliest reasons in the contact details (at most two), to follow "No code found;"."""
    ranked = [f for s in (Severity.ERROR, Severity.WARNING) for f in findings if f.severity is s]
    causes = []
    for finding in ranked[:2]:
        text = finding.message.rstrip(".")
        causes.append(text[0].lower() + text[1:] if text[:1].isupper() else text)
    return "; ".join(causes) + "." if causes else None


def in_junk(record: MessageRecord) -> bool:
    return record.folder_role is FolderRole.JUNK
