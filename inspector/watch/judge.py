"""One message that landed, judged the moment it lands: the ``message`` event, and whether
the wait is over. Pure: no I/O (the clock's reading comes in the context).

The judgement is the diagnosis of every message seen so far (``inspector.diagnosis``, the
same rules and the same anchor on the request time as ``scan --requested-at``), read for the
one message: its freshness, its expiry, and the findings that name it. A newer code of the
same service names the older ones in ``code_superseded``: that finding goes with the newer
code's event, since it is the news the newer code brings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from inspector.analysis.record import MessageRecord
from inspector.diagnosis.engine import Diagnosis, diagnose
from inspector.diagnosis.evidence import Context, group_of
from inspector.diagnosis.suspicion import suspicion
from inspector.diagnosis.wording import duration, folder_name, group_label, when
from inspector.model import Finding, FolderRole, Freshness, Severity
from inspector.watch.events import AuthOut, FindingOut, HopOut, MessageEvent

_MEANING = {
    FolderRole.INBOX: "your Inbox: where codes belong",
    FolderRole.JUNK: "Junk/Spam: your provider took it for spam",
    FolderRole.TRASH: "Trash: a filter or rule deleted it on arrival",
    FolderRole.ARCHIVE: "an archive (All Mail): it skipped the Inbox, a filter may move codes",
    FolderRole.OTHER: "a folder of your own: a filter or rule moved it there",
}
_NOT_USABLE = frozenset(
    {
        Freshness.BEFORE_REQUEST,
        Freshness.EXPIRED,
        Freshness.EXPIRED_IN_TRANSIT,
        Freshness.SUPERSEDED,
    }
)
_KNOWN = ("receipt", "verified")
# About the wait as a whole, not about one message: said once, when the wait is over.
_ABOUT_THE_WAIT = frozenset({"no_code_after_request", "code_not_found", "older_codes"})


def folder_meaning(role: FolderRole, category: str | None = None) -> str:
    if category and role is FolderRole.INBOX:
        return f"Gmail's {category.capitalize()} tab: out of sight of the Primary inbox"
    return _MEANING[role]


def judge(
    records: Sequence[MessageRecord],
    index: int,
    context: Context,
    *,
    backlog: bool = False,
) -> MessageEvent:
    """The event for ``records[index]`` (``records`` in arrival order, all seen so far)."""
    diagnosis = diagnose(records, context, all_messages=True)  # listed == every record
    record = records[index]
    now, requested = context.now, context.requested_at
    freshness = diagnosis.freshness[index]
    expires = diagnosis.expires_at[index] if diagnosis.expires_at else None
    expires = expires or record.extraction.validity.expires_at
    findings = _about(diagnosis, records, index)
    suspected = suspicion(record) is not None
    auth = _auth(record)
    arrived = record.timeline.delivered_at
    since_request = (arrived - requested).total_seconds() if arrived and requested else None
    left = (expires - now).total_seconds() if expires is not None else None
    ends = (
        record.is_verification
        and record.code is not None
        and not suspected
        and record.folder_role not in (FolderRole.JUNK, FolderRole.TRASH)
        and freshness not in _NOT_USABLE
        and (auth is None or auth.verdict != "fail")
        and not any(f.severity is Severity.ERROR for f in findings)
    )
    hops = tuple(
        HopOut(h.from_host, h.by_host, h.at, h.delay_seconds) for h in record.timeline.hops
    )
    return MessageEvent(
        at=now,
        backlog=backlog,
        folder=record.folder,
        folder_role=record.folder_role,
        folder_meaning=folder_meaning(record.folder_role, record.category),
        category=record.category,
        source=record.source,
        from_display=record.from_display,
        from_address=record.from_address,
        subject=record.subject,
        is_verification=record.is_verification,
        service=record.extraction.service,
        code=record.code,
        sent_at=record.timeline.sent_at,
        delivered_at=arrived,
        since_request_seconds=since_request,
        transit_seconds=record.timeline.transit_seconds,
        hops=hops,
        valid_for_seconds=record.extraction.validity.seconds,
        expires_at=expires,
        seconds_left=left,
        freshness=freshness,
        authentication=auth,
        suspicious=suspected,
        findings=tuple(finding_out(f) for f in findings),
        ends_watch=ends,
        summary=_summary(record, freshness, suspected, since_request, (expires, now)),
    )


def finding_out(finding: Finding) -> FindingOut:
    return FindingOut(finding.id, finding.severity, finding.message, finding.advice, finding.detail)


def _about(diagnosis: Diagnosis, records: Sequence[MessageRecord], index: int) -> list[Finding]:
    """The findings that name ``records[index]``, and the ``code_superseded`` it causes."""
    record = records[index]
    group = group_of(record, suspicion(record)) if record.is_verification else None
    out = []
    for finding in diagnosis.findings:
        if finding.id in _ABOUT_THE_WAIT:
            continue
        if index in finding.messages:
            out.append(finding)
        elif finding.id == "code_superseded" and group is not None and finding.messages:
            older = records[finding.messages[0]]
            if group_of(older, suspicion(older)) == group and index == _newest(records, group):
                out.append(finding)
    return out


def _newest(records: Sequence[MessageRecord], group: str) -> int | None:
    found = None
    for i, r in enumerate(records):
        if r.is_verification and r.code and group_of(r, suspicion(r)) == group:
            found = i
    return found


def _auth(record: MessageRecord) -> AuthOut | None:
    auth = record.auth
    if auth is None:
        return None
    checks = (auth.spf, auth.dkim, auth.dmarc)
    known = [c for c in checks if c.source in _KNOWN]
    dmarc_pass = auth.dmarc.result == "pass" and auth.dmarc.source in _KNOWN
    some_pass = any(c.result == "pass" for c in known) and not any(
        c.result in ("softfail", "permerror") for c in known
    )
    if any(c.result == "fail" for c in known):
        verdict = "fail"
    else:
        verdict = "pass" if dmarc_pass or some_pass else "unknown"
    source = "verified" if any(c.source == "verified" for c in known) else None
    source = source or ("receipt" if known else None)
    return AuthOut(verdict, auth.spf.result, auth.dkim.result, auth.dmarc.result, source)


def _summary(
    record: MessageRecord,
    freshness: Freshness | None,
    suspected: bool,
    since_request: float | None,
    validity: tuple[datetime | None, datetime],
) -> str:
    """One sentence: what landed, where, how long after the request, how long it works."""
    expires, now = validity
    if not record.is_verification:
        return f"A message without a code arrived in {folder_name(record) or 'a folder'}."
    label = group_label(record)
    code = f" {record.code}" if record.code else ""
    place = folder_name(record) or "a folder"
    lead = f"{'A message claiming to be a ' if suspected else 'Your '}{label} code{code}"
    after = ""
    if since_request is not None:
        after = (
            f" {duration(since_request)} after you asked"
            if since_request >= 0
            else f" {duration(since_request)} before you asked"
        )
    text = f"{lead} arrived{after} in {place}"
    if suspected:
        return text + ": it is probably not from " + label + " (see below)."
    if freshness is Freshness.BEFORE_REQUEST:
        return text + "; it was sent before your request, so it is an older code."
    if freshness is Freshness.SUPERSEDED:
        return text + "; a newer code has replaced it."
    if expires is not None:
        left = (expires - now).total_seconds()
        if left <= 0:
            return text + f"; it expired at {when(expires, now)}."
        return text + f" and is valid until {when(expires, now)} ({duration(left)} left)."
    return text + "; how long it stays valid is not stated."
