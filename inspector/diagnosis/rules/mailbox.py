"""Rules about the person's own mailbox."""

from __future__ import annotations

from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence
from inspector.model import Finding, Severity

# A provider rejects mail at its limit; from 90% one large message can be enough.
ERROR_RATIO = 0.98
WARNING_RATIO = 0.90


def mailbox_over_quota(ev: Evidence) -> list[Finding]:
    """``mailbox_over_quota`` when the mailbox is at least 90% full (error from 98%)."""
    quota = ev.context.quota
    if quota is None or quota.limit <= 0 or quota.usage < 0:
        return []
    ratio = quota.ratio
    if ratio < WARNING_RATIO:
        return []
    percent = min(int(ratio * 100), 999)  # floor: "100% full" only when it really is
    return [
        Finding(
            id="mailbox_over_quota",
            severity=Severity.ERROR if ratio >= ERROR_RATIO else Severity.WARNING,
            message=f"Mail may be rejected: your mailbox is {percent}% full.",
            advice=(
                "Delete or archive large messages (and empty Trash and Junk) so new mail, "
                "including the code, can be delivered."
            ),
            detail=f"quota usage {quota.usage} of {quota.limit}",
            rank=rank.MAILBOX_FULL,
        )
    ]
