"""The JSON report (``--format json``): one document, ``schema_version`` 1.

The shape is a public contract, described by ``inspector/report/report.schema.json`` (shipped in the
package and checked by the tests) and typed by ``inspector.report.document``. Times are
ISO 8601 with an offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime

from inspector.analysis.record import MessageRecord, RunResult
from inspector.diagnosis.engine import Diagnosis
from inspector.diagnosis.evidence import Context
from inspector.model import Freshness
from inspector.report.document import Contacts, MessageEntry, Report, Searched, Skipped
from inspector.report.redact import Redactor
from inspector.report.sanitize import json_safe
from inspector.report.serialize import JSON


def message_entry(
    record: MessageRecord, freshness: Freshness | None, expires_at: datetime | None
) -> MessageEntry:
    ext = record.extraction
    validity = ext.validity
    return MessageEntry(
        source=record.source,
        channel=record.channel,
        folder=record.folder,
        folder_role=record.folder_role,
        category=record.category,
        from_display=record.from_display,
        to=record.to,
        subject=record.subject,
        is_verification=ext.is_verification,
        service=ext.service,
        code=ext.code,
        origin=ext.origin.domain if ext.origin else None,
        valid_for_seconds=validity.seconds,
        validity_source=validity.source,
        expires_at=expires_at or validity.expires_at,
        sent_at=record.timeline.sent_at,
        delivered_at=record.timeline.delivered_at,
        transit_seconds=record.timeline.transit_seconds,
        hops=record.timeline.hops,
        freshness=freshness,
        truncated=record.truncated,
        auth=record.auth,
        spam=record.auth.spam if record.auth is not None else None,
        sender=record.sender,
    )


def build(
    records: Sequence[MessageRecord],
    result: RunResult,
    diagnosis: Diagnosis,
    context: Context,
    *,
    contacts: Contacts | None = None,
    ignored_after_now: int = 0,
) -> Report:
    return Report(
        now=context.now,
        requested_at=context.requested_at,
        verdict=diagnosis.verdict,
        problem_found=diagnosis.problem_found,
        incomplete=result.incomplete,
        messages_read=result.messages_read,
        ignored_after_now=ignored_after_now,
        searched=tuple(Searched(where, count) for where, count in result.searched.items()),
        skipped=tuple(Skipped(p.source, p.message) for p in result.problems),
        messages=tuple(
            message_entry(
                records[r],
                diagnosis.freshness[i],
                diagnosis.expires_at[i] if diagnosis.expires_at else None,
            )
            for i, r in enumerate(diagnosis.listed)
        ),
        findings=tuple(diagnosis.findings),
        contacts=contacts,
    )


def render(doc: JSON, *, redactor: Redactor | None = None) -> str:
    return "".join(chunks(doc, redactor=redactor))


def chunks(doc: JSON, *, redactor: Redactor | None = None) -> Iterator[str]:
    """The serialised report piece by piece: a large report is never one string in memory.

    Every top-level member is on its own line, and so is each item of a top-level list (one
    message, one finding per line): the C encoder, which the standard library uses only
    without ``indent``, writes each piece, so a report of 100,000 messages costs no more
    than the encoding of its values.
    """
    if redactor is not None:
        doc = redactor.apply(doc)
    if not isinstance(doc, dict):
        yield json_safe(_encode(doc)) + "\n"
        return
    yield "{"
    for number, (key, value) in enumerate(doc.items()):
        head = f"{',' if number else ''}\n  {_encode(key)}: "
        if isinstance(value, list) and value:
            yield head + "["
            last = len(value) - 1
            for index, item in enumerate(value):
                yield f"\n    {json_safe(_encode(item))}{',' if index < last else ''}"
            yield "\n  ]"
        else:
            yield head + json_safe(_encode(value))
    yield "\n}\n" if doc else "}\n"


# json_safe escapes single characters, so each piece can be made safe on its own.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
