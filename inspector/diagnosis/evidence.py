"""The evidence every rule looks at: the person's context, each code's freshness, groups.

Pure: no I/O. The rules (``inspector.diagnosis.rules``) read it; ``engine`` runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from inspector.analysis.record import MessageRecord
from inspector.extract.services import Service
from inspector.model import Finding, FolderRole, Severity
from inspector.sources.imap_quota import MailboxQuota
from inspector.timeline.freshness import Assessment, CodeEvent, assess

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
    quota: MailboxQuota | None = None  # the fullest quota resource of a live mailbox
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
            if current is None or order(event) >= order(self.events[current]):
                newest[event.group] = i
        return newest


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


def order(event: CodeEvent) -> datetime:
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


def in_junk(record: MessageRecord) -> bool:
    return record.folder_role is FolderRole.JUNK
