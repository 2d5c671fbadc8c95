"""Checks of the contact details a code is sent to: the email address, the phone number, and
the kind of SMS sender a code came from. Pure except for the injected DNS resolver.

The checks return facts (``problems``); the findings are made of them by the diagnosis rules
(``inspector.diagnosis.rules.contacts``), like every other finding.

Heavy libraries (email-validator, phonenumbers, the disposable-domain list) are imported inside
the functions that need them, so importing this package stays cheap.
"""

from __future__ import annotations

from inspector.contacts.email import EmailCheck, check_email, normalize_for_compare
from inspector.contacts.phone import PhoneCheck, check_phone
from inspector.contacts.problems import SmsReach
from inspector.contacts.sender import SenderInfo, SenderKind, classify_sender

__all__ = [
    "EmailCheck",
    "PhoneCheck",
    "SenderInfo",
    "SenderKind",
    "SmsReach",
    "check_email",
    "check_phone",
    "classify_sender",
    "normalize_for_compare",
]
