"""The pipeline: source items in, per-message evidence out, one message at a time.

Only verification messages (and look-alikes claiming to be one) are kept after a message has
been looked at, so memory stays flat however large the mailbox; ``all_messages`` keeps every
message for reports that want them all.

A message is read in two stages so that a mailbox costs what its few verification messages
cost. Every message gets its header fields split, its body text found (a byte-level MIME walk)
and the code extraction, whose no-keyword path is cheap; only a message that is kept gets its
delivery timeline and authentication checks. With ``all_messages`` every message is kept.

A large input is spread over worker processes (:mod:`inspector.parallel`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from inspector import mail
from inspector.dns import Resolver
from inspector.extract import extract
from inspector.extract.services import Service, owns_domain, service_by_id
from inspector.model import (
    Channel,
    Extraction,
    FolderRole,
    RawMail,
    ReadProblem,
    SourceItem,
    TextMessage,
    Timeline,
)
from inspector.timeline import build_timeline, sent_time


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """Everything inspector learnt about one message."""

    source: str
    channel: Channel
    folder: str | None
    folder_role: FolderRole
    from_display: str | None
    from_address: str | None
    from_domain: str | None
    to: tuple[str, ...]
    subject: str | None
    extraction: Extraction
    timeline: Timeline
    category: str | None = None
    truncated: bool = False
    from_count: int = 1
    auth: Any = None  # inspector.auth.AuthReport once authentication checks ran
    spam: Any = None  # inspector.auth.SpamVerdict
    sender: Any = None  # inspector.contacts.SenderInfo, for SMS

    @property
    def is_verification(self) -> bool:
        return self.extraction.is_verification

    @property
    def code(self) -> str | None:
        return self.extraction.code


@dataclass(frozen=True, slots=True)
class Options:
    """What the pipeline needs to know besides the messages; side effects are passed in."""

    now: datetime
    resolver: Resolver | None = None
    service: Service | None = None
    all_messages: bool = False
    trust_authserv_ids: tuple[str, ...] = ()
    region: str | None = None


@dataclass(slots=True)
class RunResult:
    records: list[MessageRecord] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    messages_read: int = 0
    sources_failed: int = 0
    incomplete: bool = False


def run(
    items: Iterable[SourceItem],
    options: Options,
    *,
    progress: Callable[[int], None] | None = None,
    parallel_after: int | None = None,
) -> RunResult:
    """Analyse every item; after ``parallel_after`` messages (default: see
    :mod:`inspector.parallel`) the rest goes to worker processes, in the same order."""
    from inspector import parallel

    result = RunResult()
    iterator = iter(items)
    threshold = parallel.threshold(options, parallel_after)
    for item in iterator:
        if isinstance(item, ReadProblem):
            add_problem(result, item)
            continue
        result.messages_read += 1
        add_record(result, analyze_item(item, options), options)
        if progress is not None:
            progress(result.messages_read)
        if threshold is not None and result.messages_read >= threshold:
            parallel.run_rest(iterator, options, result, progress=progress)
            break
    return result


def add_problem(result: RunResult, problem: ReadProblem) -> None:
    result.problems.append(problem)
    result.sources_failed += problem.fatal
    result.incomplete = result.incomplete or not problem.fatal


def add_record(result: RunResult, record: MessageRecord | None, options: Options) -> None:
    if record is not None and (options.all_messages or _relevant(record, options.service)):
        result.records.append(record)


def analyze_item(item: RawMail | TextMessage, options: Options) -> MessageRecord | None:
    """The record of one message, or None for mail that cannot be a verification message
    (unless ``all_messages``: then always a record)."""
    if isinstance(item, RawMail):
        return examine_mail(item, options)
    return analyze_sms(item, options)


def _relevant(record: MessageRecord, service: Service | None) -> bool:
    return _relevant_parts(record.extraction, record.from_domain, service)


def _relevant_parts(
    extraction: Extraction, from_domain: str | None, service: Service | None
) -> bool:
    if not extraction.is_verification:
        return False
    if service is None:
        return True
    if extraction.service == service.id:
        return True
    return from_domain is not None and owns_domain(service, from_domain)


def examine_mail(raw: RawMail, options: Options) -> MessageRecord | None:
    """One message through the two stages; None when it is not kept (see the module doc)."""
    block = mail.header_block(raw.data)
    body = mail.body_text(raw.data)
    sender = mail.sender(block)
    extraction = extract(
        body.text,
        subject=mail.subject(block),
        sender_address=sender.address if sender else None,
        sender_name=sender.name if sender else None,
        sent_at=sent_time(*mail.sent_fields(block)),
    )
    from_domain = sender.domain if sender else None
    if not options.all_messages and not _relevant_parts(extraction, from_domain, options.service):
        return None  # not reported: the rest of its headers, timeline and auth are not needed
    head = mail.headers(raw.data, block)
    timeline = build_timeline(
        head.received, date=head.date, dkim_timestamp=head.dkim_timestamp, stored_at=raw.stored_at
    )
    if head.greylist_seconds and not timeline.greylisting_suspected:
        timeline = replace(
            timeline, greylisting_suspected=True, greylisting_seconds=head.greylist_seconds
        )
    auth = spam = None
    if extraction.is_verification:
        auth, spam = _authenticate(raw, options)
    return MessageRecord(
        source=raw.source,
        channel=Channel.EMAIL,
        folder=raw.folder,
        folder_role=raw.folder_role,
        from_display=sender.display() if sender else None,
        from_address=sender.address if sender else None,
        from_domain=from_domain,
        to=tuple(a.address or "(unparseable)" for a in head.to),
        subject=head.subject or None,
        extraction=extraction,
        timeline=timeline,
        category=raw.category,
        truncated=raw.truncated or body.truncated or head.to_truncated,
        from_count=head.from_count,
        auth=auth,
        spam=spam,
    )


def _authenticate(raw: RawMail, options: Options) -> tuple[Any, Any]:
    """Authentication (at receipt, and re-verified when a resolver is given) and spam verdict."""
    from inspector.auth import check_auth

    report = check_auth(
        raw.data,
        resolver=options.resolver,
        trust_authserv_ids=options.trust_authserv_ids,
        now=options.now,
        truncated=raw.truncated,
    )
    return report, report.spam


def analyze_sms(sms: TextMessage, options: Options) -> MessageRecord:
    from inspector.contacts import classify_sender

    timeline = _sms_timeline(sms.sent_at, sms.received_at)
    extraction = extract(
        sms.body, sender_address=None, sender_name=sms.sender, sent_at=timeline.sent_at
    )
    return MessageRecord(
        source=sms.source,
        channel=Channel.SMS,
        folder=sms.folder,
        folder_role=FolderRole.INBOX,
        from_display=sms.sender,
        from_address=None,
        from_domain=None,
        to=(sms.recipient,) if sms.recipient else (),
        subject=None,
        extraction=extraction,
        timeline=timeline,
        sender=classify_sender(sms.sender, region=options.region),
    )


def _sms_timeline(sent_at: datetime | None, received_at: datetime | None) -> Timeline:
    """An SMS has one hop: the network's send time (``date_sent``) to the phone's receipt."""
    transit = skew = None
    notes: tuple[str, ...] = ()
    if sent_at is not None and received_at is not None:
        transit = (received_at - sent_at).total_seconds()
        if transit < 0:
            # The phone's clock and the network's disagree; never report a negative delay.
            skew, transit = transit, None
            notes = ("the phone received the SMS before the network says it was sent",)
    return Timeline(
        sent_at=sent_at,
        sent_at_source="sms" if sent_at else None,
        delivered_at=received_at,
        transit_seconds=transit,
        clock_skew_seconds=skew,
        notes=notes,
    )


def service_of(record: MessageRecord) -> Service | None:
    return service_by_id(record.extraction.service) if record.extraction.service else None
