"""Timestamps and per-file problem reports shared by the SMS export readers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.sources.sms_common import (
    MAX_RECORD_PROBLEMS,
    FileReport,
    epoch_to_utc,
    is_blank,
    parse_timestamp,
)

T = datetime(2026, 11, 25, 14, 0, 0, tzinfo=UTC)  # 1795615200 epoch seconds

TIMESTAMPS = [
    ("2026-11-25T14:00:00Z", T),
    ("2026-11-25T14:00:00z", T),
    ("2026-11-25T14:00:00+00:00", T),
    ("2026-11-25T09:00:00-05:00", T),
    ("2026-11-25 15:00:00+01:00", T),
    ("2026-11-25T14:00:00.250Z", T.replace(microsecond=250000)),
    ("20261125T140000Z", T),
    ("  2026-11-25T14:00:00Z  ", T),
    ("1795615200", T),
    ("1795615200000", T),
    ("1795615200.5", T.replace(microsecond=500000)),
    (1795615200, T),
    (1795615200000, T),
    (1795615200.0, T),
    # Android MMS dates are seconds, SMS dates milliseconds: both read by magnitude.
    ("99999999999", datetime(5138, 11, 16, 9, 46, 39, tzinfo=UTC)),
    ("100000000000", datetime(1973, 3, 3, 9, 46, 40, tzinfo=UTC)),
]

GARBAGE = [
    None,
    True,
    "",
    "null",
    "0",
    0,
    -5,
    "-1795615200",
    "2026-11-25T14:00:00",  # no offset: refused rather than guessed
    "2026-11-25",
    "yesterday",
    "Nov 25, 2026 8:12:04 AM",
    "2026-13-45T99:00:00Z",
    "9" * 30,
    "1" * 5000,
    "1e400",
    float("nan"),
    float("inf"),
    1e308,
    10**400,
    "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+23:59",
    ["2026-11-25T14:00:00Z"],
    {"at": 1},
    "2026-11-25T14:00:00Z" + "0" * 100,
]


@pytest.mark.parametrize(("value", "expected"), TIMESTAMPS, ids=[repr(v) for v, _ in TIMESTAMPS])
def test_parse_timestamp_reads_iso_and_epoch(value: object, expected: datetime) -> None:
    got = parse_timestamp(value)
    assert got == expected
    assert got is not None
    assert got.tzinfo is UTC


@pytest.mark.parametrize("value", GARBAGE, ids=[repr(v)[:30] for v in GARBAGE])
def test_parse_timestamp_garbage_is_none(value: object) -> None:
    assert parse_timestamp(value) is None


@pytest.mark.parametrize(
    ("value", "blank"),
    [
        (None, True),
        ("", True),
        (" 0 ", True),
        ("NULL", True),
        (0, True),
        (0.0, True),
        ("1", False),
        ("x", False),
        (False, False),
        (5, False),
    ],
    ids=["none", "empty", "zero-text", "null", "zero", "zero-float", "one", "x", "false", "five"],
)
def test_is_blank(value: object, blank: bool) -> None:
    assert is_blank(value) is blank


@given(
    st.one_of(
        st.text(),
        st.from_regex(r"\A[0-9T:.+Zz -]{0,40}\Z"),
        st.integers(),
        st.floats(),
        st.none(),
        st.booleans(),
    )
)
def test_parse_timestamp_never_raises(value: object) -> None:
    got = parse_timestamp(value)
    assert got is None or got.tzinfo is UTC


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_epoch_to_utc_never_raises(value: float) -> None:
    epoch_to_utc(value)


def test_file_report_lists_the_first_problems_then_counts() -> None:
    report = FileReport("x.csv")
    problems = [report.malformed(f"#{i}", "it is broken") for i in range(MAX_RECORD_PROBLEMS + 3)]
    assert all(p is not None for p in problems[:MAX_RECORD_PROBLEMS])
    assert problems[MAX_RECORD_PROBLEMS:] == [None, None, None]
    first = problems[0]
    assert first is not None
    assert first.source == "x.csv#0"
    assert not first.fatal
    assert first.message == "Record #0 of x.csv was skipped: it is broken."
    (summary,) = report.summary()
    assert summary.message.startswith("3 more malformed records were skipped in x.csv")


def test_file_report_summarises_bad_times() -> None:
    report = FileReport("x.jsonl")
    for i in range(7):
        report.bad_time(f"#{i + 1}")
    (summary,) = report.summary()
    assert "7 messages of x.jsonl (#1, #2, #3, #4, #5…) have no usable time" in summary.message
    single = FileReport("y.jsonl")
    single.bad_time("#4")
    assert "1 message of y.jsonl (#4) has no usable time" in single.summary()[0].message
    assert FileReport("z").summary() == []
