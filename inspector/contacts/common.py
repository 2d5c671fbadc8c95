"""Small helpers shared by the contact checks."""

from __future__ import annotations

from inspector.errors import UsageError


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
