"""The core of every command, free of click: turn a request into a report document.

``cli.py`` parses options into a ``Request`` and renders what comes back; everything with a
side effect (the clock, the resolver, the sources) arrives here already built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from inspector.analysis.record import MessageRecord, Options, RunResult
from inspector.analysis.run import run
from inspector.diagnosis.engine import Diagnosis, diagnose
from inspector.diagnosis.evidence import Context
from inspector.domains.dns import Health, Resolver
from inspector.errors import UsageError
from inspector.extract.services import Service, find_service
from inspector.model import Finding, SourceItem
from inspector.report import json as json_report
from inspector.report.document import Contacts, Report
from inspector.report.redact import Redactor
from inspector.sources.imap_quota import MailboxQuota

_ZERO = timedelta(0)


@dataclass(frozen=True, slots=True)
class Request:
    now: datetime
    service: str | None = None
    requested_at: datetime | None = None
    entered_code: str | None = None
    email: str | None = None
    phone: str | None = None
    region: str | None = None
    all_messages: bool = False
    redact: bool = False
    resolver: Resolver | None = None
    trust_authserv_ids: tuple[str, ...] = ()
    since: datetime | None = None
    # Worker processes: None when not given (INSPECTOR_JOBS, else auto), 0 auto, N exactly.
    jobs: int | None = None


@dataclass(slots=True)
class Outcome:
    report: Report
    diagnosis: Diagnosis
    result: RunResult
    redactor: Redactor | None = None

    @property
    def nothing_read(self) -> bool:
        return self.result.messages_read == 0 and bool(self.result.problems)


def resolve_service(name: str | None) -> Service | None:
    if not name:
        return None
    service = find_service(name)
    if service is None:
        raise UsageError(
            f"unknown service {name!r}; give a name like 'tiktok' or one of its domains "
            "like 'tiktok.com'."
        )
    return service


def diagnose_items(
    items: Iterable[SourceItem],
    request: Request,
    *,
    progress: Callable[[int], None] | None = None,
    quota: MailboxQuota | None = None,
) -> Outcome:
    service = resolve_service(request.service)
    if request.region:
        from inspector.contacts.common import normalize_region

        normalize_region(request.region)  # an unknown region is a usage error, said once
    # Before any DNS-based verdict: a resolver that does not answer sensibly is not used.
    resolver, health = probe(request)
    options = Options(
        now=request.now,
        resolver=resolver,
        service=service,
        all_messages=request.all_messages,
        trust_authserv_ids=request.trust_authserv_ids,
        region=request.region,
        jobs=request.jobs,
    )
    result = run(items, options, progress=progress)
    return diagnose_result(
        result, request, service=service, resolver=resolver, health=health, quota=quota
    )


def probe(request: Request) -> tuple[Resolver | None, Health | None]:
    """The resolver to use (None when DNS is off, or when it does not answer sensibly: then
    no DNS-based verdict is made) and its health, probed once per run."""
    health = request.resolver.health() if request.resolver is not None else None
    return (request.resolver if health is None or health.ok else None), health


def diagnose_result(
    result: RunResult,
    request: Request,
    *,
    service: Service | None,
    resolver: Resolver | None,
    health: Health | None,
    quota: MailboxQuota | None = None,
    contacts: tuple[list[Finding], Contacts | None] | None = None,
) -> Outcome:
    """The diagnosis and report of messages already read (``watch`` reads them itself);
    ``contacts``: the contact checks when already made."""
    # --now is a cutoff: what arrived after it did not exist yet at that moment. One pass,
    # one record decoded at a time (``RunResult.records`` are packed): the records stay
    # packed, in arrival order (ties in reading order), for the diagnosis to read.
    ignored = 0
    keys: list[tuple[tuple[int, datetime], int]] = []
    for index, record in enumerate(result.records):
        if _after(record, request.now):
            ignored += record.is_verification
        else:
            keys.append((_arrival(record), index))
    keys.sort()
    records = result.records.select(index for _, index in keys)
    contact_findings, checked = contacts or check_contacts(request, resolver)
    context = Context(
        now=request.now,
        requested_at=request.requested_at,
        entered_code=request.entered_code,
        service=service,
        email=request.email,
        contact_findings=tuple(contact_findings),
        quota=quota,
        messages_read=result.messages_read,
        since=request.since,
        incomplete=result.incomplete,
        searched=tuple(result.searched),
        dns=health,
    )
    diagnosis = diagnose(records, context, all_messages=request.all_messages)
    report = json_report.build(
        records,
        result,
        diagnosis,
        context,
        contacts=checked,
        ignored_after_now=ignored,
    )
    redactor = _redactor(records, request) if request.redact else None
    return Outcome(report, diagnosis, result, redactor)


def _after(record: MessageRecord, now: datetime) -> bool:
    stamp = record.timeline.delivered_at or record.timeline.sent_at
    return stamp is not None and stamp > now


def _arrival(record: MessageRecord) -> tuple[int, datetime]:
    stamp = record.timeline.delivered_at or record.timeline.sent_at
    if stamp is None:
        return (1, datetime.min)
    return (0, stamp.replace(tzinfo=None) - (stamp.utcoffset() or _ZERO))


def check_contacts(
    request: Request, resolver: Resolver | None
) -> tuple[list[Finding], Contacts | None]:
    """Contact checks join the diagnosis when ``--email``/``--phone`` are given: the checks
    state the facts, the contact rules make the findings (ranked with all the others)."""
    if not request.email and not request.phone:
        return [], None
    findings: list[Finding] = []
    email = phone = None
    if request.email:
        from inspector.contacts.email import check_email
        from inspector.diagnosis.rules.contacts import judge_email

        email = judge_email(check_email(request.email, resolver=resolver))
        findings.extend(email.findings)
    if request.phone:
        from inspector.contacts.phone import check_phone
        from inspector.diagnosis.rules.contacts import judge_phone

        phone = judge_phone(check_phone(request.phone, region=request.region))
        findings.extend(phone.findings)
    return findings, Contacts(email, phone)


def _redactor(records: Iterable[MessageRecord], request: Request) -> Redactor:
    codes: list[str] = []
    addresses: list[str] = []
    for record in records:
        codes.extend(c.code for c in record.extraction.candidates)
        if record.extraction.code:
            codes.append(record.extraction.code)
        if record.from_address:
            addresses.append(record.from_address)
        addresses.extend(record.to)
    if request.entered_code:
        codes.append(request.entered_code.strip())
    for value in (request.email, request.phone):
        if value:
            addresses.append(value)
    return Redactor(codes, addresses)
