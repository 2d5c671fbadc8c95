"""Rules about who really sent a code: authentication, spam verdicts, look-alikes."""

from __future__ import annotations

from inspector.analysis.record import service_of
from inspector.diagnosis.evidence import Evidence
from inspector.extract.services import owns_domain
from inspector.model import Finding, Severity


def authentication(ev: Evidence) -> list[Finding]:
    """``auth_failed``, ``possible_phishing`` and ``spam_verdict`` for each checked message."""
    from inspector.diagnosis.rules.auth_findings import auth_findings

    out: list[Finding] = []
    for i, record in enumerate(ev.records):
        if record.auth is None:
            continue
        out.extend(
            auth_findings(
                i,
                auth=record.auth,
                spam=record.auth.spam,
                claimed_service=service_of(record),
                from_domain=record.from_domain,
                folder_role=record.folder_role,
            )
        )
    return out


def origin_mismatch(ev: Evidence) -> list[Finding]:
    """An origin-bound code (``@site #code``) for a domain the claimed service does not own.

    The WICG sms-one-time-codes format binds a code to the site that may use it; a message
    that says "TikTok" but binds its code to another domain wants it typed there.
    """
    out = []
    for i, record in enumerate(ev.records):
        origin = record.extraction.origin
        service = service_of(record)
        if origin is None or service is None or owns_domain(service, origin.domain):
            continue
        out.append(
            Finding(
                "possible_phishing",
                Severity.ERROR,
                f"The message claims to be from {service.name} but binds its code to "
                f"{origin.domain}, which is not one of {service.name}'s domains.",
                f"Do not enter this code on {origin.domain} or anywhere else; request a new "
                f"code in the {service.name} app or on its website.",
                messages=(i,),
                rank=100,
            )
        )
    return out
