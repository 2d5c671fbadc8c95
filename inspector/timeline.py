"""Delivery timeline from Received headers (RFC 5321 §4.4, RFC 5322 §3.6.7). Pure: no I/O.

STUB: replaced by the real parser; the signatures are the contract.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from inspector.model import Hop, Timeline


def parse_received(value: str) -> Hop:
    """Parse one Received header value into a Hop (``delay_seconds`` left None)."""
    return Hop(None, None, None, None, None, None, None, None, value)


def build_timeline(
    received: Sequence[str],
    *,
    date: str | None,
    dkim_timestamp: int | None = None,
    stored_at: datetime | None = None,
) -> Timeline:
    """Build the timeline; ``received`` in header order (newest first, as in the message)."""
    del received, date, dkim_timestamp, stored_at
    return Timeline()
