"""Tests for inspector.timeline.freshness: code lifetimes, superseding, what was typed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.model import Freshness, Validity
from inspector.timeline.freshness import (
    Assessment,
    CodeEvent,
    EnteredMatch,
    assess,
    expiry,
    issued_at,
    match_entered,
    normalise_code,
    one_edit,
)

F = Freshness


def at(minute: int, second: int = 0) -> datetime:
    """5 March 2024, 14:mm:ss UTC (minutes past 59 roll over into the next hours)."""
    return datetime(2024, 3, 5, 14, tzinfo=UTC) + timedelta(minutes=minute, seconds=second)


def code(
    value: str = "123456",
    *,
    group: str = "tiktok",
    sent: datetime | None = None,
    delivered: datetime | None = None,
    seconds: int | None = 600,
    expires_at: datetime | None = None,
) -> CodeEvent:
    return CodeEvent(value, group, sent, delivered, Validity(seconds, expires_at, "stated"))


ASSESS_CASES = [
    # (events, now, requested_at, expected [(freshness, expires_at, superseded_by), ...])
    ([code(sent=at(0), delivered=at(1))], at(5), None, [(F.VALID, at(10), None)]),
    ([code(sent=at(0), delivered=at(1))], at(11), None, [(F.EXPIRED, at(10), None)]),
    ([code(sent=at(0), delivered=at(1))], at(10), None, [(F.EXPIRED, at(10), None)]),
    ([code(sent=at(0), delivered=at(12))], at(13), None, [(F.EXPIRED_IN_TRANSIT, at(10), None)]),
    # Multi-day delay: arrived two days late, long dead.
    ([code(sent=at(0), delivered=at(2 * 24 * 60))], at(3 * 24 * 60), None,
     [(F.EXPIRED_IN_TRANSIT, at(10), None)]),
    ([code(sent=at(0), delivered=at(1), seconds=None, expires_at=at(3))], at(2), None,
     [(F.VALID, at(3), None)]),
    ([code(sent=None, delivered=at(1))], at(5), None, [(F.VALID, at(11), None)]),
    ([code(sent=at(0), delivered=at(1), seconds=None)], at(5), None, [(F.UNKNOWN, None, None)]),
    ([code(sent=at(0), delivered=at(1), seconds=0)], at(5), None, [(F.UNKNOWN, None, None)]),
    ([code(sent=at(0), delivered=at(1), seconds=10**20)], at(5), None,
     [(F.UNKNOWN, None, None)]),
    # A new code replaces the old one, even while the old one is still within its lifetime.
    ([code("111111", sent=at(0), delivered=at(1)), code("222222", sent=at(2), delivered=at(3))],
     at(4), None, [(F.SUPERSEDED, at(10), 1), (F.VALID, at(12), None)]),
    # The older code was delayed and arrived after the newer one: issue order decides.
    ([code("111111", sent=at(0), delivered=at(9)), code("222222", sent=at(2), delivered=at(3))],
     at(9), None, [(F.SUPERSEDED, at(10), 1), (F.VALID, at(12), None)]),
    # Different services do not replace each other; group names are case-insensitive.
    ([code("111111", sent=at(0), delivered=at(1)),
      code("222222", group="bank.example", sent=at(2), delivered=at(3)),
      code("333333", group="TikTok", sent=at(3), delivered=at(3))],
     at(4), None,
     [(F.SUPERSEDED, at(10), 2), (F.VALID, at(12), None), (F.VALID, at(13), None)]),
    # The person asked for a new code at 14:05; every code that arrived is from before it,
    # and each keeps its own expiry (none is "superseded" by itself).
    ([code("111111", sent=at(0), delivered=at(1)), code("222222", sent=at(2), delivered=at(3))],
     at(6), at(5), [(F.BEFORE_REQUEST, at(10), None), (F.BEFORE_REQUEST, at(12), None)]),
    ([code("111111", sent=at(0), delivered=at(1)), code("222222", sent=at(6), delivered=at(7))],
     at(8), at(5), [(F.BEFORE_REQUEST, at(10), None), (F.VALID, at(16), None)]),
    # A code sent at the very second of the request answers it.
    ([code(sent=at(5), delivered=at(6))], at(7), at(5), [(F.VALID, at(15), None)]),
    # Before the request wins over expired: that code was never the one awaited.
    ([code(sent=at(0), delivered=at(1))], at(20), at(15), [(F.BEFORE_REQUEST, at(10), None)]),
    # Two codes after the request: the older one is superseded by the newer, not "before".
    ([code("111111", sent=at(0), delivered=at(1)), code("222222", sent=at(6), delivered=at(7)),
      code("333333", sent=at(8), delivered=at(9))],
     at(10), at(5),
     [(F.BEFORE_REQUEST, at(10), None), (F.SUPERSEDED, at(16), 2), (F.VALID, at(18), None)]),
    # A code of unknown time cannot be shown to answer the request.
    ([code(sent=None, delivered=None)], at(7), at(5), [(F.BEFORE_REQUEST, None, None)]),
    # Naive datetimes are UTC.
    ([code(sent=at(0).replace(tzinfo=None), delivered=at(1).replace(tzinfo=None))],
     at(5).replace(tzinfo=None), None, [(F.VALID, at(10), None)]),
    # Aware in another zone.
    ([code(sent=at(60).astimezone(timezone(timedelta(hours=5))), delivered=at(61))],
     at(62), None, [(F.VALID, at(70), None)]),
    # Events without any time are the oldest of their group; among them, the caller's order.
    ([code("111111", sent=None, delivered=None), code("222222", sent=at(2), delivered=at(3))],
     at(4), None, [(F.SUPERSEDED, None, 1), (F.VALID, at(12), None)]),
    ([code("111111", seconds=None), code("222222", seconds=None)], at(4), None,
     [(F.SUPERSEDED, None, 1), (F.UNKNOWN, None, None)]),
    ([], at(0), None, []),
]  # fmt: skip
ASSESS_IDS = [
    "valid", "expired", "expired-at-the-second", "expired-in-transit", "multi-day-in-transit",
    "stated-clock-time", "no-sent-time", "unknown-validity", "zero-seconds", "huge-seconds",
    "superseded", "delayed-older-code", "groups", "all-before-request", "newest-after-request",
    "sent-at-the-request", "expired-and-before-request", "superseded-after-request",
    "untimed-with-request", "naive", "other-zone", "untimed-is-oldest", "untimed-order",
    "no-events",
]  # fmt: skip


@pytest.mark.parametrize(("events", "now", "requested", "expected"), ASSESS_CASES, ids=ASSESS_IDS)
def test_assess(
    events: list[CodeEvent],
    now: datetime,
    requested: datetime | None,
    expected: list[tuple[Freshness, datetime | None, int | None]],
) -> None:
    results = assess(events, now=now, requested_at=requested)
    assert [(r.freshness, r.expires_at, r.superseded_by) for r in results] == expected


def test_assess_flags() -> None:
    events = [
        code("111111", sent=at(0), delivered=at(11)),  # dead on arrival, and replaced
        code("222222", sent=at(12), delivered=at(13)),
    ]
    first, second = assess(events, now=at(14), requested_at=at(12))
    assert first == Assessment(
        F.BEFORE_REQUEST, at(10), None, arrived_expired=True, before_request=True
    )
    assert second == Assessment(F.VALID, at(22), None)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (code(sent=at(0), delivered=at(1)), at(10)),
        (code(sent=None, delivered=at(1)), at(11)),
        (code(sent=None, delivered=None), None),
        (code(sent=at(0), seconds=None, expires_at=at(3).replace(tzinfo=None)), at(3)),
        (code(sent=at(0), seconds=-60), None),
        (code(sent=datetime.max.replace(tzinfo=UTC), seconds=600), None),
    ],
    ids=["sent", "delivered", "no-time", "naive-expires-at", "negative", "overflow"],
)
def test_expiry(event: CodeEvent, expected: datetime | None) -> None:
    assert expiry(event) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("123456", "123456"),
        (" 123 456 ", "123456"),
        ("123-456", "123456"),
        ("123–456", "123456"),
        ("123.456", "123456"),
        ("１２３４５６", "123456"),
        ("١٢٣٤٥٦", "123456"),
        ("१२३४५६", "123456"),
        ("12\u200b3456", "123456"),
        ("AbC-12d", "abc12d"),
        ("G-123456", "123456"),
        ("FB-12345", "12345"),
        ("AB-CD12", "abcd12"),
        ("", ""),
    ],
    ids=[
        "plain", "spaces", "dash", "en-dash", "dot", "full-width", "arabic-indic", "devanagari",
        "zero-width-space", "alphanumeric-case", "google-prefix", "facebook-prefix",
        "letters-after-dash-kept", "empty",
    ],
)  # fmt: skip
def test_normalise_code(typed: str, expected: str) -> None:
    assert normalise_code(typed) == expected


@pytest.mark.parametrize(
    ("typed", "real", "expected"),
    [
        ("123457", "123456", "one character differs"),
        ("124356", "123456", "two neighbouring characters are swapped"),
        ("12356", "123456", "one character missing"),
        ("1234566", "123456", "one character too many"),
        ("0123456", "123456", "one character too many"),
        ("23456", "123456", "one character missing"),
        ("123456", "123456", None),
        ("654321", "123456", None),
        ("125436", "123456", None),
        ("1234", "123456", None),
        ("", "1", "one character missing"),
    ],
    ids=[
        "substitution", "transposition", "missing", "extra-at-end", "extra-at-start",
        "missing-first", "equal", "reversed", "distant-swap", "two-missing", "empty",
    ],
)  # fmt: skip
def test_one_edit(typed: str, real: str, expected: str | None) -> None:
    assert one_edit(typed, real) == expected


OLD_NEW = [code("111111", sent=at(0), delivered=at(1)), code("222222", sent=at(2), delivered=at(3))]
OLD_NEW_OTHER = [*OLD_NEW, code("333333", group="bank", sent=at(2), delivered=at(3), seconds=None)]
RESENT = [code("222222", sent=at(0), delivered=at(1)), code("222222", sent=at(2), delivered=at(3))]
PREFIXED = [code("G-482913", group="google", sent=at(0), delivered=at(1))]
EXPIRED = [code("222222", sent=at(0), delivered=at(1))]
SHORT = [code("123", sent=at(0), delivered=at(1))]
ALNUM = [code("X7KQ2P", sent=at(0), delivered=at(1))]

MATCH_CASES = [
    # (entered, events, now, requested_at, kind, index)
    ("222222", OLD_NEW, at(4), None, "exact", 1),
    ("222 222", OLD_NEW, at(4), None, "exact", 1),
    ("２２２２２２", OLD_NEW, at(4), None, "exact", 1),
    ("333-333", OLD_NEW_OTHER, at(4), None, "exact", 2),
    ("222222", RESENT, at(4), None, "exact", 1),
    ("482913", PREFIXED, at(4), None, "exact", 0),
    ("g-482913", PREFIXED, at(4), None, "exact", 0),
    ("x7kq2p", ALNUM, at(4), None, "exact", 0),
    ("111111", OLD_NEW, at(4), None, "outdated", 0),
    ("222222", EXPIRED, at(30), None, "outdated", 0),
    ("222222", OLD_NEW, at(6), at(5), "outdated", 1),
    ("222223", OLD_NEW, at(4), None, "typo", 1),
    ("222222 2", OLD_NEW, at(4), None, "typo", 1),
    ("33333", OLD_NEW_OTHER, at(4), None, "typo", 2),
    ("X7QK2P", ALNUM, at(4), None, "typo", 0),
    ("111112", OLD_NEW, at(4), None, "mismatch", None),  # a typo of the old code only
    ("124", SHORT, at(4), None, "mismatch", None),
    ("999999", OLD_NEW, at(4), None, "mismatch", None),
    (" - ", OLD_NEW, at(4), None, "mismatch", None),
    ("222222", [], at(4), None, "mismatch", None),
]  # fmt: skip
MATCH_IDS = [
    "exact", "exact-spaces", "exact-full-width", "exact-other-group", "exact-resent-same-code",
    "exact-without-prefix", "exact-prefix-lowercase", "exact-alphanumeric-case",
    "outdated-superseded", "outdated-expired", "outdated-before-request", "typo-substitution",
    "typo-extra", "typo-missing-unknown-validity", "typo-transposition", "mismatch-old-typo",
    "mismatch-too-short-for-typo", "mismatch", "mismatch-blank", "mismatch-no-events",
]  # fmt: skip


@pytest.mark.parametrize(
    ("entered", "events", "now", "requested", "kind", "index"), MATCH_CASES, ids=MATCH_IDS
)
def test_match_entered(
    entered: str,
    events: list[CodeEvent],
    now: datetime,
    requested: datetime | None,
    kind: str,
    index: int | None,
) -> None:
    result = match_entered(entered, events, assess(events, now=now, requested_at=requested))
    assert (result.kind, result.index) == (kind, index)
    assert result.detail


def test_match_prefers_valid_over_unknown() -> None:
    events = [
        code("222222", group="bank", sent=at(3), delivered=at(3), seconds=None),
        code("222222", sent=at(0), delivered=at(1)),
    ]
    result = match_entered("222222", events, assess(events, now=at(4)))
    assert (result.kind, result.index) == ("exact", 1)


def test_match_tolerates_short_assessments() -> None:
    # Only the first event has an assessment: the second one is not considered at all.
    assessments = assess(OLD_NEW[:1], now=at(4))
    assert match_entered("222222", OLD_NEW, assessments) == EnteredMatch(
        "mismatch", None, "matches none of the codes that arrived"
    )
    assert match_entered("111111", OLD_NEW, assessments).index == 0


# --------------------------------------------------------------------------------------------
# Properties.

MOMENTS = st.one_of(
    st.none(),
    st.datetimes(),
    st.datetimes(timezones=st.timezones()),
)
EVENTS = st.lists(
    st.builds(
        CodeEvent,
        code=st.text(max_size=12),
        group=st.sampled_from(["a", "A", "b", "ß", "ss", ""]),
        sent_at=MOMENTS,
        delivered_at=MOMENTS,
        validity=st.builds(
            Validity,
            seconds=st.one_of(st.none(), st.integers()),
            expires_at=MOMENTS,
        ),
    ),
    max_size=8,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(EVENTS, st.datetimes(timezones=st.none() | st.timezones()), MOMENTS)
def test_assess_properties(
    events: list[CodeEvent], now: datetime, requested: datetime | None
) -> None:
    results = assess(events, now=now, requested_at=requested)
    assert len(results) == len(events)
    current: dict[str, int] = {}
    for index, (event, result) in enumerate(zip(events, results, strict=True)):
        if result.freshness not in (F.SUPERSEDED, F.BEFORE_REQUEST):
            group = event.group.casefold()
            assert group not in current, "two codes of one group are both current"
            current[group] = index
        if result.superseded_by is not None:
            replacement = events[result.superseded_by]
            assert replacement.group.casefold() == event.group.casefold()
            assert result.superseded_by != index
        # Only a code issued at or after the request can be anything but "before_request".
        issued = issued_at(event)
        request = None if requested is None else requested.replace(tzinfo=requested.tzinfo or UTC)
        expected_before = request is not None and (issued is None or issued < request)
        assert (result.freshness is F.BEFORE_REQUEST) == expected_before
        assert result.before_request == expected_before


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20), EVENTS, st.datetimes())
def test_match_entered_never_raises(entered: str, events: list[CodeEvent], now: datetime) -> None:
    result = match_entered(entered, events, assess(events, now=now))
    assert result.kind in {"exact", "outdated", "typo", "mismatch"}
    assert result.index is None or 0 <= result.index < len(events)
    if result.kind in {"exact", "outdated"}:
        assert result.index is not None
        assert normalise_code(events[result.index].code) == normalise_code(entered)
