"""The rules about the registered contact details: what the contact checks found, as findings.

The checks (``inspector.contacts``) state facts, ``EmailCheck.problems`` and
``PhoneCheck.problems``; ``contacts_email`` and ``contacts_phone`` word them, each finding
with its rank on the scale of every other finding (``inspector.diagnosis.rank``): an address or
number that cannot receive the code comes right after "no code came at all", a risk among the
likely contributors, a note with the context.

``inspector check-email``/``check-phone`` and the diagnosis (``Context.contact_findings``, the
report's ``contacts``) both show a check as ``CheckedEmail``/``CheckedPhone``: the check's
facts and, last, its findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from inspector.contacts.email import EmailCheck
from inspector.contacts.phone import PhoneCheck
from inspector.diagnosis.rules.contacts_email import email_findings
from inspector.diagnosis.rules.contacts_phone import phone_findings
from inspector.model import Finding, Severity
from inspector.report.serialize import json_meta

# A finding of a contact check in JSON: no message indexes or detail (it has neither).
FINDING_KEYS = ("id", "severity", "message", "advice")

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class CheckedEmail(EmailCheck):
    """An address check with the findings made of its problems (the JSON's ``findings``)."""

    findings: tuple[Finding, ...] = field(default=(), metadata=json_meta(keys=FINDING_KEYS))


@dataclass(frozen=True, slots=True)
class CheckedPhone(PhoneCheck):
    """A number check with the findings made of its problems (the JSON's ``findings``)."""

    findings: tuple[Finding, ...] = field(default=(), metadata=json_meta(keys=FINDING_KEYS))


def judge_email(check: EmailCheck) -> CheckedEmail:
    findings = by_severity(email_findings(check.problems))
    return CheckedEmail(**_values(check, EmailCheck), findings=findings)


def judge_phone(check: PhoneCheck) -> CheckedPhone:
    findings = by_severity(phone_findings(check.problems))
    return CheckedPhone(**_values(check, PhoneCheck), findings=findings)


def by_severity(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Errors first, then warnings, then notes; the order found within a severity.

    Within one check a severity has one rank, so this is the rank order too; a finding added
    to a check's own list (``dns_unreliable`` in check-email) keeps its place after them.
    """
    return tuple(sorted(findings, key=lambda f: _ORDER[f.severity]))


def _values(check: object, kind: type[EmailCheck | PhoneCheck]) -> dict[str, Any]:
    """The fields ``kind`` declares (not a judged check's findings), to build on them."""
    # Any: each value keeps its field's type; the constructor takes them by name.
    return {f.name: getattr(check, f.name) for f in fields(kind)}
