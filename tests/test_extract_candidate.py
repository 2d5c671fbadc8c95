"""Tests of inspector.extract.candidate: the cheap test never turns away a text the full
keyword scan would find a pulling keyword in (so ``extract`` decides exactly as before)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.extract import extract
from inspector.extract.candidate import _table, maybe_verification
from inspector.extract.hits import find_all_hits
from inspector.extract.keywords import WEIGHTS, entries
from inspector.extract.normalize import MAX_SUBJECT_CHARS, clip, fold_keys, normalize
from tests.corpus import otp

_SPELLINGS = sorted(entries()[1])


@pytest.fixture(autouse=True)
def candidate_test_from_the_first_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """``extract`` skips the candidate test for a process's first few texts; not here."""
    import inspector.extract

    monkeypatch.setattr(inspector.extract, "_FIRST_TEXTS", 0)


def _view(subject: str, body: str) -> tuple[str, str]:
    """The text and key ``extract`` scans."""
    text = normalize(clip(subject, MAX_SUBJECT_CHARS)).replace("\n", " ")
    text += "\n\n" + normalize(clip(body))
    return text, fold_keys(text)


def _pulls(text: str, key: str) -> bool:
    return any(h.kind in WEIGHTS for h in find_all_hits(text, key))


def _agrees(subject: str, body: str) -> None:
    text, key = _view(subject, body)
    if _pulls(text, key):
        assert maybe_verification(text, key), (subject, body)


def test_the_native_matcher_is_there() -> None:
    assert _table() is not None  # pyahocorasick is a dependency: no silent fallback in CI


def test_every_otp_corpus_text_is_judged_as_by_the_full_scan() -> None:
    turned_away = 0
    for item in otp.items():
        text, key = _view(item.get("subject", ""), item["text"])
        if _pulls(text, key):
            assert maybe_verification(text, key), item["id"]
        else:
            turned_away += not maybe_verification(text, key)
    assert turned_away > 0  # the look-alikes without a code word are turned away cheaply


def test_every_spelling_is_a_candidate_wherever_it_stands() -> None:
    for spelling in _SPELLINGS:
        for body in (spelling, f"Hello, {spelling}: 123456.", f"x{spelling}y", f"({spelling})"):
            _agrees("", body)
            _agrees(body, "")


def test_plain_newsletter_is_turned_away() -> None:
    body = "Our spring collection is here. Free shipping on orders over $50.\nUnsubscribe"
    text, key = _view("New arrivals", body)
    assert not maybe_verification(text, key)
    assert not extract(body, subject="New arrivals").is_verification


def test_compound_code_word_is_a_candidate() -> None:
    text, key = _view("", "Ihr Überprüfungscode lautet 123456")
    assert maybe_verification(text, key)
    assert extract("Ihr Überprüfungscode lautet 123456").code == "123456"


@pytest.mark.parametrize(
    "body",
    ["Ihr Anmeldekod lautet 1234", "Sisselogimiskood: 123456", "Your Anmeldecode is 1234"],
    ids=["kod-is-a-piece", "kood-is-a-piece", "code"],
)
def test_compound_noun_found_by_the_automaton_is_a_candidate(body: str) -> None:
    """The noun starts of compounds share the keyword automaton; where a start is a piece
    of its own ("kod", "kood"), that piece stands for it."""
    from inspector.extract.candidate import _compound

    text, key = _view("", body)
    assert _compound(text, key)  # only the compound path makes these candidates
    assert maybe_verification(text, key)


def test_service_is_still_named_for_a_text_turned_away() -> None:
    found = extract("Your order has shipped.", sender_address="no-reply@amazon.com")
    assert not found.is_verification
    assert found.service == "amazon"


_PIECES = st.sampled_from(_SPELLINGS)
_GLUE = st.sampled_from(["", " ", "-", "  ", "\n", "x", "é", "2", ":", "в", "コ", "ab"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_GLUE, _PIECES, _GLUE), min_size=1, max_size=4), st.booleans())
def test_no_keyword_hit_is_ever_missed(parts: list[tuple[str, str, str]], split: bool) -> None:
    """Keywords glued to letters, cut by separators, run into longer words: whatever the
    full scan finds, the candidate test lets through."""
    body = "".join(a + (p.replace(" ", "") if split else p) + b for a, p, b in parts)
    _agrees("", body)


def test_screen_answers_as_extract_or_defers_to_it() -> None:
    from inspector.extract import screen

    for item in otp.items():
        subject, body = item.get("subject", ""), item["text"]
        screened = screen(body, subject=subject)
        if screened is not None:
            assert screened == extract(body, subject=subject), item["id"]
    newsletter = "Spring sale: 20% off everything this weekend.\nUnsubscribe"
    assert screen(newsletter, subject="Sale") == extract(newsletter, subject="Sale")
    assert screen("Your code is 123456", subject="Verify") is None


def test_the_first_texts_of_a_process_skip_the_test_with_the_same_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import itertools

    import inspector.extract
    from inspector.extract import screen

    newsletter = "Spring sale: 20% off everything this weekend.\nUnsubscribe"
    expected = extract(newsletter, subject="Sale")
    monkeypatch.setattr(inspector.extract, "_FIRST_TEXTS", 8)
    monkeypatch.setattr(inspector.extract, "_LOOKS", itertools.count())
    assert screen(newsletter, subject="Sale") is None  # read in full instead
    assert extract(newsletter, subject="Sale") == expected
