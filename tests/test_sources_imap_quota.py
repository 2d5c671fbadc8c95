"""Quota: the fullest resource of the inbox's quota roots."""

from __future__ import annotations

from collections import namedtuple

from inspector.sources.imap_quota import fullest

Quota = namedtuple("Quota", "quota_root resource usage limit")


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
