"""Tests of inspector.extract.rank: candidates ordered by closeness to a code keyword."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.extract.codes import RawCandidate, find_candidates
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


def test_score_is_merge_of_score_each() -> None:
    from inspector.extract.rank import merge, score_each

    normalized = normalize("Use 551920 to sign in. Code 4821, code 4821 again.")
    hits = find_hits(normalized)
    found = find_candidates(normalized, hits)
    assert score(normalized, found, hits) == merge(score_each(normalized, found, hits))


REGIONS = [
    # "code" starts at 401: WINDOW (300) either side, plus the longest code (20).
    ("strong-window", "x" * 400 + " code " + "y" * 400, True, [(81, 721)]),
    # "use" at 400-403 without a code keyword: 80 characters either side (white space runs
    # counting as one), the farthest it can pull a code to WITHOUT_STRONG; plus 20.
    ("action-near-only", "a " * 200 + "use 551920 " + "b " * 200, False, [(300, 503)]),
    ("action-white-space", "\n" * 300 + "use" + " " * 150 + "551920", False, [(0, 459)]),
]


@pytest.mark.parametrize(
    ("text", "strong", "expected"), [r[1:] for r in REGIONS], ids=[r[0] for r in REGIONS]
)
def test_regions(text: str, strong: bool, expected: list[tuple[int, int]]) -> None:
    from inspector.extract.rank import regions

    hits = [h for h in find_hits(text) if h.kind != "neg"]
    assert regions(text, hits, strong=strong) == expected


_WITH_ACTIONS = st.lists(
    st.sampled_from(
        [
            "use ",
            "sign in ",
            "verify ",
            "enter ",
            "code ",
            "PIN ",
            "verification code ",
            "551920",
            "551920 ",
            "4821",
            "K7PX2Q",
            "Order ",
            " ",
            "\n",
            "\n\n",
            ". ",
            ": ",
            "     ",
            "x" * 30,
            "lorem ipsum ",
        ]
    ),
    max_size=40,
).map("".join)


@given(_WITH_ACTIONS)
def test_regions_keep_every_candidate_that_ranks(text: str) -> None:
    # Reading candidates only in ``regions`` changes nothing that extract keeps.
    from inspector.extract.rank import MIN_SCORE, WITHOUT_STRONG, regions

    normalized = normalize(text)
    hits = find_hits(normalized)
    strong = any(h.kind == "strong" for h in hits)

    def kept(found: list[RawCandidate]) -> list[tuple[str, float]]:
        ranked = [s for s in score(normalized, found, hits) if s.score >= MIN_SCORE]
        if not strong:
            ranked = [s for s in ranked if s.hit.kind == "weak" or s.score >= WITHOUT_STRONG]
        return [(s.candidate.code, round(s.score, 9)) for s in ranked]

    everywhere = find_candidates(normalized, hits)
    near = find_candidates(normalized, hits, regions(normalized, hits, strong=strong))
    assert kept(near) == kept(everywhere)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Use the code below to finish signing in to Steam:\nKRPJ2\nThanks", "KRPJ2"),
        ("Your code: B7KQ9", "B7KQ9"),
    ],
    ids=["letters-then-one-digit", "mixed"],
)
def test_consonant_codes_ending_in_a_digit_are_codes(text: str, code: str) -> None:
    from inspector.extract import extract

    assert extract(text).code == code


HEADLINED = [
    ("one-number", "Dear Ravi, TP for Pre-Registration 47349965077995 is 700873.", "700873"),
    ("two-numbers", "Dear Ravi, application 482913 was received; slot 730194.", None),
    ("only-a-year", "Dear Ravi, see you in 2026.", None),
    ("long-body", "Dear Ravi, TP is 700873.\n" + "We are glad to have you with us. " * 30, None),
]


@pytest.mark.parametrize(
    ("body", "code"), [h[1:] for h in HEADLINED], ids=[h[0] for h in HEADLINED]
)
def test_headlined_takes_the_one_number_of_a_short_body(body: str, code: str | None) -> None:
    from inspector.extract.rank import headlined

    subject = "OTP Request"
    text = normalize(subject) + "\n\n" + normalize(body)
    body_start = len(subject) + 2
    hits = find_hits(text)
    subject_hit = next(h for h in hits if h.start < body_start)
    found = headlined(text, body_start, find_candidates(text, hits), subject_hit)
    assert [s.candidate.code for s in found] == ([code] if code else [])
