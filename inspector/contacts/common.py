"""Small helpers shared by the contact checks."""

from __future__ import annotations

from collections.abc import Iterable

from inspector.errors import UsageError
from inspector.model import Finding, Severity

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

# A finding of a contact check in JSON: no message indexes or detail (it has neither).
FINDING_KEYS = ("id", "severity", "message", "advice")


def by_severity(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Errors first, then warnings, then notes; the order of discovery within a severity."""
    return tuple(sorted(findings, key=lambda f: _ORDER[f.severity]))


def normalize_region(region: str | None) -> str | None:
    """``region`` as an upper-case ISO 3166 code phonenumbers knows, None when not given.

    Raises ``UsageError``: the region is the caller's option, not attacker-controlled input.
    """
    import phonenumbers

    if region is None or not region.strip():
        return None
    code = region.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise UsageError(f"unknown region {region!r}: give a two-letter country code like GB or US")
    return code
