from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector import mail, prefilter
from inspector.extract import extract
from inspector.extract.keywords import _entries
from inspector.extract.normalize import MAX_SUBJECT_CHARS, clip, fold_keys, normalize

FIXTURES = Path(__file__).parent.parent / "fixtures"


def extract_says(subject: str, body: str) -> bool:
    return extract(body, subject=subject).is_verification


@given(st.text(max_size=300), st.text(max_size=1500))
def test_keyword_view_is_extracts_view(subject: str, body: str) -> None:
    subject_text = normalize(clip(subject, MAX_SUBJECT_CHARS)).replace("\n", " ")
    expected = fold_keys(subject_text + "\n\n" + normalize(clip(body)))
    assert prefilter.keyword_view(subject, body) == expected


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Your TikTok code", "Your verification code is 482915.", True),
        ("", "Use 552019 to verify your account", True),
        ("Weekly deals", "Use promo code SAVE20 at checkout. Unsubscribe", False),
        ("Dinner", "See you at 7, bring the wine.", False),
        ("", "Your login code: 4821\n\n@example.com #4821", True),
        ("验证码", "您的验证码是 604217", True),
        ("", "הקוד שלך הוא 123456", True),
        ("", "Your 2FA code: 123456", True),
        ("", "Ihr Bestätigungscode lautet 123456", True),
        ("Big sale", "50% off everything, this weekend only", False),
    ],
    ids=[
        "strong",
        "verify-verb",
        "newsletter",
        "personal",
        "origin-bound",
        "chinese",
        "hebrew-prefix-letter",
        "2fa",
        "german",
        "sale",
    ],
)
def test_could_be_verification(subject: str, body: str, expected: bool) -> None:
    assert prefilter.could_be_verification(subject, body) is expected
    assert extract_says(subject, body) is expected  # the table is about extract's answer


def fixture_messages() -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for path in sorted(FIXTURES.rglob("*")):
        if not path.is_file() or path.suffix in {".xml", ".csv", ".jsonl"}:
            continue
        if path.suffix == ".mbox":
            box = mailbox.mbox(path, create=False)
            out += [(f"{path.name}#{i}", box.get_bytes(k)) for i, k in enumerate(box.keys())]
        else:
            out.append((path.name, path.read_bytes()))
    return out


@pytest.mark.parametrize(("name", "data"), fixture_messages(), ids=lambda v: str(v)[:40])
def test_never_says_no_to_a_verification_fixture(name: str, data: bytes) -> None:
    subject = mail.subject(mail.header_block(data))
    body = mail.body_text(data).text
    if extract_says(subject, body):
        assert prefilter.could_be_verification(subject, body)


# Generated messages made of keywords of every kind and language, codes, promo words, glued or
# spaced, mixed with noise: whenever extract finds a verification message, so must the filter.
_FRAGMENTS = sorted({entry.fragment for entry in _entries()})
_noise = st.sampled_from(
    [" ", "\n", ". ", ", ", "-", "", "123456", "G-482915", "x", "é", "ab", "2", ":", "\n\n", "«"]
)
_piece = st.one_of(
    st.sampled_from(_FRAGMENTS),
    st.sampled_from(_FRAGMENTS).map(lambda f: f.replace(" ", "")),
    st.sampled_from(_FRAGMENTS).map(str.upper),
    _noise,
    st.text(max_size=4),
)
_text = st.lists(_piece, max_size=14).map("".join)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(_text, _text)
def test_never_says_no_when_extract_says_yes(subject: str, body: str) -> None:
    if extract_says(subject, body):
        assert prefilter.could_be_verification(subject, body)


def test_anchor_words_cover_keywords_of_up_to_nine_words() -> None:
    # ``_first_runs`` enumerates the separators of at most eight gaps.
    assert max(len(f.replace("-", " ").split()) for f in _FRAGMENTS) <= 9
