"""The evidence every rule looks at: the person's context, the attempt in focus, each code's
freshness and group. Pure: no I/O. The rules (``inspector.diagnosis.rules``) read it;
``engine`` runs them.

**Focus.** The diagnosis is about the code the person is waiting for, not about every code a
mailbox ever received:

* with ``requested_at``: the codes from the window start (``since``, else 24 hours before the
  request) on; those sent before the request are context (``before_request``), only a later
  one can be "your code";
* else with a service: every code of that service;
* else the codes that arrived in the window before ``now`` (``since``, else 24 hours); when
  that window holds none (one saved message from last week), the newest code's group, and the
  verdict says how old it is (``stale``).

Every other verification message is history: counted, listed only with ``--all-messages``,
never the subject of an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from inspector.analysis.record import MessageRecord
from inspector.diagnosis.suspicion import Suspicion, suspicion
from inspector.domains.dns import Health
from inspector.extract.services import Service, owns_domain, service_by_id
from inspector.model import Finding, FolderRole
from inspector.sources.imap_quota import MailboxQuota
from inspector.timeline.freshness import Assessment, CodeEvent, assess

# Without --since, how far back from the request (or now) codes are part of the attempt.
DEFAULT_WINDOW = timedelta(hours=24)


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
    since: datetime | None = None  # start of the window, when given
    incomplete: bool = False
    searched: tuple[str, ...] = ()  # the folders and sources that were read
    dns: Health | None = None  # the resolver's health, when DNS was allowed

    @property
    def window_start(self) -> datetime:
        return window_start(self.now, self.requested_at, self.since)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The shared facts the rules look at."""

    records: Sequence[MessageRecord]
    focus: tuple[int, ...]  # indexes of the records the diagnosis is about
    history: tuple[int, ...]  # verification messages outside the focus, not diagnosed
    events: tuple[CodeEvent, ...]
    event_record: tuple[int, ...]  # events[i] came from records[event_record[i]]
    assessments: tuple[Assessment, ...]
    suspicions: dict[int, Suspicion]  # record index -> why it is probably not from its service
    context: Context
    stale: bool = False  # nothing in the window: the newest (older) code is diagnosed

    def focused(self) -> Iterator[tuple[int, MessageRecord]]:
        """(index, record) of every record in focus, in arrival order."""
        for index in self.focus:
            yield index, self.records[index]

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

    def genuine(self, record_index: int) -> bool:
        """Not suspected of being a look-alike or spoofed message."""
        return record_index not in self.suspicions


def window_start(now: datetime, requested_at: datetime | None, since: datetime | None) -> datetime:
    """``since``, else 24 hours before the request (or now): codes from before it are history."""
    if since is not None:
        return since
    return min(requested_at or now, now) - DEFAULT_WINDOW


def group_of(record: MessageRecord, suspected: Suspicion | None = None) -> str:
    """Codes that replace each other: same service, else same sender domain, else sender.

    A message suspected of not coming from the service it names (a look-alike domain, an
    origin-bound code for another site, a DMARC failure) is kept apart: its code must not
    "replace" the real one. SMS senders are not compared, since services rotate the numbers
    they send from.
    """
    service_id = record.extraction.service
    if service_id is None:
        return record.from_domain or (record.from_display or "unknown").casefold()
    service = service_by_id(service_id)
    if service is None or service.generic:
        return f"{service_id}:{record.from_domain or record.from_display or ''}".casefold()
    if suspected is not None:
        return f"{service_id}?{suspected.kind}@{suspected.domain or ''}"
    if record.from_domain and not owns_domain(service, record.from_domain):
        return f"{service_id}@{record.from_domain}"
    return service_id


def order(event: CodeEvent) -> datetime:
    stamp = event.delivered_at or event.sent_at
    return stamp if stamp is not None else datetime.min.replace(tzinfo=UTC)


def arrival(record: MessageRecord) -> datetime | None:
    return record.timeline.delivered_at or record.timeline.sent_at


def gather(records: Sequence[MessageRecord], context: Context) -> Evidence:
    codes = [i for i, r in enumerate(records) if r.is_verification]
    focus, stale = _focus(records, codes, context)
    chosen = set(focus)
    history = tuple(i for i in codes if i not in chosen)
    suspicions = {i: s for i in focus if (s := suspicion(records[i])) is not None}
    events: list[CodeEvent] = []
    owners: list[int] = []
    for index in focus:
        record = records[index]
        code = record.extraction.code
        if not record.is_verification or code is None:
            continue
        events.append(
            CodeEvent(
                code=code,
                group=group_of(record, suspicions.get(index)),
                sent_at=record.timeline.sent_at,
                delivered_at=record.timeline.delivered_at,
                validity=record.extraction.validity,
            )
        )
        owners.append(index)
    assessments = assess(events, now=context.now, requested_at=context.requested_at)
    return Evidence(
        records,
        focus,
        history,
        tuple(events),
        tuple(owners),
        tuple(assessments),
        suspicions,
        context,
        stale,
    )


def _focus(
    records: Sequence[MessageRecord], codes: list[int], context: Context
) -> tuple[tuple[int, ...], bool]:
    if context.service is not None and context.requested_at is None:
        return tuple(codes), False
    start = context.window_start
    inside = tuple(i for i in codes if _at_or_after(arrival(records[i]), start))
    if inside or context.requested_at is not None or not codes:
        return inside, False
    # Nothing in the window: the newest code's group, so its state can still be told.
    newest = max(codes, key=lambda i: (_stamp(records[i]), i))
    group = group_of(records[newest], suspicion(records[newest]))
    same = tuple(i for i in codes if group_of(records[i], suspicion(records[i])) == group)
    return same, True


def _at_or_after(moment: datetime | None, start: datetime) -> bool:
    # A message of unknown time cannot be placed outside the window: it stays in view.
    return moment is None or moment >= start


def _stamp(record: MessageRecord) -> datetime:
    moment = arrival(record)
    return moment if moment is not None else datetime.min.replace(tzinfo=UTC)


def in_junk(record: MessageRecord) -> bool:
    return record.folder_role is FolderRole.JUNK
