"""The mailbox rule: mailbox_over_quota from the live mailbox's quota."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from inspector.diagnosis.evidence import Context, gather
from inspector.diagnosis.rules.mailbox import mailbox_over_quota
from inspector.model import Finding, Severity
from inspector.sources.imap_quota import MailboxQuota

NOW = datetime(2026, 11, 25, 14, 20, tzinfo=UTC)


def quota_finding(usage: int, limit: int) -> Finding | None:
    quota = MailboxQuota("", "STORAGE", usage, limit)
    found = mailbox_over_quota(gather([], Context(now=NOW, quota=quota)))
    return found[0] if found else None


@pytest.mark.parametrize(
    ("usage", "limit", "severity", "percent"),
    [
        (50, 100, None, None),
        (899, 1000, None, None),
        (90, 100, Severity.WARNING, 90),
        (979, 1000, Severity.WARNING, 97),
        (98, 100, Severity.ERROR, 98),
        (995, 1000, Severity.ERROR, 99),
        (120, 100, Severity.ERROR, 120),
        (5, 0, None, None),
        (-1, 100, None, None),
    ],
    ids=["half", "just-under", "warning", "97", "error", "99", "over", "no-limit", "negative"],
)
def test_quota_finding(usage: int, limit: int, severity: Severity | None, percent: int | None):
    finding = quota_finding(usage, limit)
    if severity is None:
        assert finding is None
        return
    assert finding is not None
    assert finding.id == "mailbox_over_quota"
    assert finding.severity is severity
    assert finding.message == f"Mail may be rejected: your mailbox is {percent}% full."
