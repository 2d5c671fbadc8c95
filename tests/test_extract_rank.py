"""Tests of inspector.extract.rank: candidates ordered by closeness to a code keyword."""

from __future__ import annotations

import pytest

from inspector.extract.codes import find_candidates
from inspector.extract.keywords import find_hits
from inspector.extract.normalize import normalize
from inspector.extract.rank import score


def _ranked(text: str) -> list[str]:
    normalized = normalize(text)
    hits = find_hits(normalized)
    return [s.candidate.code for s in score(normalized, find_candidates(normalized, hits), hits)]


ORDER = [
    ("closer-wins", "Reference 7781 and then your verification code: 551920", "551920"),
    (
        "keyword-after",
        "551920 is your code. Ticket 7781 was closed long ago in another topic",
        "551920",
    ),
    ("six-digits-over-year", "verification code 2024 551920", "551920"),
    ("sentence-end-between", "Your code is 551920. Room 7781 is booked for you", "551920"),
    ("brackets", "7781 验证码 【551920】", "551920"),
    ("standalone-line", "Your verification code\n\n551920\n\nSee 7781 for details", "551920"),
    ("colon-introduces", "Enter this code to sign in:\n\n551920\n\nFooter 7781 here", "551920"),
    ("strong-over-weak", "PIN 7781. Your one-time password is 551920.", "551920"),
    ("hash-last", "<#> 551920 is your OTP. Never share it. FA9qCX9VSu", "551920"),
]


@pytest.mark.parametrize(("text", "best"), [o[1:] for o in ORDER], ids=[o[0] for o in ORDER])
def test_best_candidate(text: str, best: str) -> None:
    assert _ranked(text)[0] == best


def test_no_keyword_no_score() -> None:
    assert _ranked("Call me at 551920 tomorrow") == []


def _score_of(text: str, code: str) -> float:
    normalized = normalize(text)
    hits = find_hits(normalized)
    ranked = score(normalized, find_candidates(normalized, hits), hits)
    return next(s.score for s in ranked if s.candidate.code == code)


def test_repetition_merges_and_helps() -> None:
    once = "Your code is 551920."
    twice = "Your code is 551920.\n\n551920"
    assert _ranked(twice) == ["551920"]
    assert _score_of(twice, "551920") > _score_of(once, "551920")


def test_scores_are_sorted() -> None:
    normalized = normalize("code 7781, OTP 551920, PIN 4820")
    hits = find_hits(normalized)
    scores = [s.score for s in score(normalized, find_candidates(normalized, hits), hits)]
    assert scores == sorted(scores, reverse=True)
