"""The diagnosis rules: each looks at the shared evidence and returns findings. Pure: no I/O.

Finding ids are a public contract (JSON consumers and tests depend on them); severities say
what the person must act on: ``error`` explains why the code failed, ``warning`` is a likely
contributor, ``info`` is context.
"""

from __future__ import annotations

from collections.abc import Callable

from inspector.diagnosis.evidence import Evidence
from inspector.diagnosis.rules.auth import authentication, possible_phishing
from inspector.diagnosis.rules.codes import (
    code_in_spam,
    code_in_tab,
    code_in_trash,
    code_not_found,
    no_code_after_request,
    older_codes,
)
from inspector.diagnosis.rules.delivery import clock_skew, delivery_delayed, greylisting_suspected
from inspector.diagnosis.rules.dns import dns_unreliable
from inspector.diagnosis.rules.entered import entered_code
from inspector.diagnosis.rules.mailbox import mailbox_over_quota
from inspector.diagnosis.rules.requests import recipient_mismatch, too_many_codes
from inspector.diagnosis.rules.sms import sms_sender
from inspector.diagnosis.rules.state import code_expired, code_expired_in_transit, code_superseded
from inspector.model import Finding

Rule = Callable[[Evidence], list[Finding]]

ALL: tuple[Rule, ...] = (
    possible_phishing,
    code_not_found,
    no_code_after_request,
    code_in_spam,
    code_in_trash,
    code_in_tab,
    code_expired,
    code_expired_in_transit,
    code_superseded,
    entered_code,
    delivery_delayed,
    greylisting_suspected,
    clock_skew,
    too_many_codes,
    recipient_mismatch,
    sms_sender,
    authentication,
    mailbox_over_quota,
    dns_unreliable,
    older_codes,
)
