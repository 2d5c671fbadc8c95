"""Tests of inspector.analysis.run: a run over a mailbox in one process."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

import inspector.extract
from inspector.analysis.record import Options
from inspector.analysis.run import run
from inspector.extract import keywords
from inspector.model import RawMail

NOW = datetime(2026, 11, 25, 14, 20, tzinfo=UTC)


def _mail(number: int, body: str) -> RawMail:
    data = (
        f"From: Shop <news@shop.example>\nTo: a@example.com\nSubject: Note {number}\n"
        f"Date: Wed, 25 Nov 2026 14:0{number}:00 +0000\n\n{body}\n"
    ).encode()
    return RawMail(data, source=f"box.mbox#{number}")


def test_a_mailbox_takes_no_single_text_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh process reading a mailbox builds the whole keyword trie, not the per-letter
    tries a single short text is read with (they would be built on top of it)."""
    monkeypatch.setattr(inspector.extract, "_LOOKS", itertools.count())
    monkeypatch.setattr(keywords, "_TEXTS", itertools.count())

    def no_parts(text: str) -> None:
        raise AssertionError("a mailbox text went by per-letter tries")

    monkeypatch.setattr(keywords, "_Parts", no_parts)
    mails = [_mail(1, "Your code is 482915"), _mail(2, "New arrivals this week.")]
    result = run(mails, Options(now=NOW, jobs=1))
    assert result.messages_read == 2
    assert [r.code for r in result.records] == ["482915"]
