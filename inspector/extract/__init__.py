"""Verification-message detection and code extraction (pure: no I/O).

STUB: the real engine replaces this module's body; the signature is the contract.
"""

from __future__ import annotations

from datetime import datetime

from inspector.model import Extraction


def extract(
    body: str,
    *,
    subject: str = "",
    sender_address: str | None = None,
    sender_name: str | None = None,
    sent_at: datetime | None = None,
) -> Extraction:
    """Decide whether a message is a verification message and find its code.

    ``body`` is the message text (text part, and the HTML part rendered as text), ``subject``
    the decoded subject, ``sender_address``/``sender_name`` the parsed From, ``sent_at`` the
    time the message was sent (used to resolve "expires at 2:59 PM EDT" to an instant).
    """
    del body, subject, sender_address, sender_name, sent_at
    return Extraction(is_verification=False)
