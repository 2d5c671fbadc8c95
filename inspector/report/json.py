"""The JSON report (``--format json``): one document, ``schema_version`` 1.

The shape is a public contract, described by ``inspector/report/schema.json`` (shipped in the
package and checked by the tests). Times are ISO 8601 with an offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from inspector import __version__
from inspector.analysis.record import MessageRecord, RunResult
from inspector.diagnosis.engine import Diagnosis
from inspector.diagnosis.evidence import Context
from inspector.model import Finding, Freshness, Hop
from inspector.report.redact import Redactor
from inspector.report.sanitize import json_safe

SCHEMA_VERSION = 1


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def hop_json(hop: Hop) -> dict[str, Any]:
    return {
        "from": hop.from_host,
        "from_ip": hop.from_ip,
        "by": hop.by_host,
        "with": hop.with_protocol,
        "at": iso(hop.at),
        "delay_seconds": hop.delay_seconds,
    }


def message_json(
    record: MessageRecord, freshness: str | None, expires_at: datetime | None
) -> dict[str, Any]:
    ext = record.extraction
    validity = ext.validity
    out: dict[str, Any] = {
        "source": record.source,
        "channel": record.channel.value,
        "folder": record.folder,
        "folder_role": record.folder_role.value,
        "category": record.category,
        "from": record.from_display,
        "to": list(record.to),
        "subject": record.subject,
        "is_verification": ext.is_verification,
        "service": ext.service,
        "code": ext.code,
        "origin": ext.origin.domain if ext.origin else None,
        "valid_for_seconds": validity.seconds,
        "validity_source": validity.source,
        "expires_at": iso(expires_at or validity.expires_at),
        "sent_at": iso(record.timeline.sent_at),
        "delivered_at": iso(record.timeline.delivered_at),
        "transit_seconds": record.timeline.transit_seconds,
        "hops": [hop_json(h) for h in record.timeline.hops],
        "freshness": freshness,
        "truncated": record.truncated,
    }
    if record.auth is not None:
        out.update(record.auth.to_json())  # "auth" and "spam"
    if record.sender is not None:
        out["sender"] = record.sender.to_json()
    return out


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "severity": finding.severity.value,
        "message": finding.message,
        "advice": finding.advice,
        "detail": finding.detail,
        "messages": list(finding.messages),
    }


def build(
    records: Sequence[MessageRecord],
    result: RunResult,
    diagnosis: Diagnosis,
    context: Context,
    *,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "inspector", "version": __version__},
        "now": iso(context.now),
        "requested_at": iso(context.requested_at),
        "verdict": diagnosis.verdict,
        "problem_found": diagnosis.problem_found,
        "incomplete": result.incomplete,
        "messages_read": result.messages_read,
        "problems": [{"source": p.source, "message": p.message} for p in result.problems],
        "messages": [
            message_json(
                records[r],
                _value(diagnosis.freshness[i]),
                diagnosis.expires_at[i] if diagnosis.expires_at else None,
            )
            for i, r in enumerate(diagnosis.listed)
        ],
        "findings": [finding_json(f) for f in diagnosis.findings],
    }
    if extra:
        doc.update(extra)
    return doc


def _value(freshness: Freshness | None) -> str | None:
    return freshness.value if freshness is not None else None


def render(doc: dict[str, Any], *, redactor: Redactor | None = None) -> str:
    return "".join(chunks(doc, redactor=redactor))


def chunks(doc: dict[str, Any], *, redactor: Redactor | None = None) -> Iterator[str]:
    """The serialised report piece by piece: a large report is never one string in memory."""
    if redactor is not None:
        doc = redactor.apply(doc)
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    for piece in encoder.iterencode(doc):
        yield json_safe(piece)  # escapes single characters, so any split point is safe
    yield "\n"
