"""Run every rule on the evidence, rank what they say on one scale, write the verdict.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from inspector.analysis.record import MessageRecord
from inspector.diagnosis import rules
from inspector.diagnosis.evidence import Context, gather
from inspector.diagnosis.verdict import verdict
from inspector.model import Finding, Freshness, Severity

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """The verdict and findings; ``listed`` are the records the report shows, in order, and
    every finding's ``messages`` index into that list."""

    verdict: str
    findings: tuple[Finding, ...]
    listed: tuple[int, ...]  # indexes into the diagnosed records
    freshness: tuple[Freshness | None, ...]  # per listed record; None without a code
    expires_at: tuple[datetime | None, ...] = field(default=())
    history: int = 0  # verification messages outside the attempt in focus

    @property
    def problem_found(self) -> bool:
        return any(f.severity in (Severity.ERROR, Severity.WARNING) for f in self.findings)


def diagnose(
    records: Sequence[MessageRecord], context: Context, *, all_messages: bool = False
) -> Diagnosis:
    """Diagnose ``records`` (in arrival order). The report lists the records in focus; with
    ``all_messages`` every record, in its place."""
    evidence = gather(records, context)
    findings = [f for rule in rules.ALL for f in rule(evidence)]
    findings.extend(context.contact_findings)
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], -f.rank))
    listed = tuple(range(len(records))) if all_messages else evidence.focus
    position = {record: place for place, record in enumerate(listed)}
    freshness: list[Freshness | None] = [None] * len(listed)
    expiry: list[datetime | None] = [None] * len(listed)
    for event_index, record_index in enumerate(evidence.event_record):
        place = position[record_index]
        freshness[place] = evidence.assessments[event_index].freshness
        expiry[place] = evidence.assessments[event_index].expires_at
    remapped = tuple(
        replace(f, messages=tuple(position[i] for i in f.messages if i in position))
        for f in findings
    )
    return Diagnosis(
        verdict=verdict(evidence, findings),
        findings=remapped,
        listed=listed,
        freshness=tuple(freshness),
        expires_at=tuple(expiry),
        history=len(evidence.history),
    )
