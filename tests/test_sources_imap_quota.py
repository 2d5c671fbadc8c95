"""Quota: the fullest resource and the mailbox_over_quota finding."""

from __future__ import annotations

from collections import namedtuple

import pytest

from inspector.model import Severity
from inspector.sources.imap_quota import fullest, quota_finding

Quota = namedtuple("Quota", "quota_root resource usage limit")


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


def test_fullest_resource_wins_and_junk_is_ignored() -> None:
    quotas = [
        Quota("User quota", "STORAGE", 100, 1000),
        Quota("User quota", "MESSAGE", 95, 100),
        Quota("User quota", "STORAGE", "x", 10),
        Quota("Other", "STORAGE", 1, 0),
        object(),
    ]
    best = fullest(quotas)
    assert best is not None
    assert (best.resource, best.usage, best.limit, best.ratio) == ("MESSAGE", 95, 100, 0.95)
    assert fullest([]) is None
