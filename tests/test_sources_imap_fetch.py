"""Search criteria, batching and reading FETCH answers (pure helpers)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.errors import UsageError
from inspector.sources.imap_fetch import (
    BODY_BATCH_BYTES,
    body_batches,
    chunks,
    in_window,
    item,
    message_id,
    normalise_domains,
    search_criteria,
)

SINCE = datetime(2026, 3, 1, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("domains", "expected"),
    [
        ((), ["SINCE", date(2026, 2, 28)]),
        (("a.com",), ["SINCE", date(2026, 2, 28), "FROM", "a.com"]),
        (("a.com", "b.com"), ["SINCE", date(2026, 2, 28), "OR", "FROM", "a.com", "FROM", "b.com"]),
        (
            ("a.com", "b.com", "c.com"),
            [
                "SINCE",
                date(2026, 2, 28),
                "OR",
                "FROM",
                "a.com",
                ["OR", "FROM", "b.com", "FROM", "c.com"],
            ],
        ),
    ],
    ids=["none", "one", "two", "three"],
)
def test_search_criteria(domains: tuple[str, ...], expected: list[object]) -> None:
    assert search_criteria(SINCE, None, domains) == expected


def test_window_is_widened_for_server_time_zones() -> None:
    local = datetime(2026, 3, 1, 23, 0, tzinfo=timezone(timedelta(hours=-8)))  # 2 Mar 07:00 UTC
    assert search_criteria(local, local + timedelta(hours=1), ()) == [
        "SINCE", date(2026, 3, 1), "BEFORE", date(2026, 3, 4),
    ]  # fmt: skip


def test_in_window_is_exact() -> None:
    assert in_window(SINCE, SINCE, None)
    assert not in_window(SINCE - timedelta(seconds=1), SINCE, None)
    assert not in_window(SINCE, SINCE - timedelta(hours=1), SINCE)
    assert in_window(None, SINCE, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(["TikTok.com."], ("tiktok.com",)), (["@x.example", "x.example"], ("x.example",)),
     (["bücher.example"], ("xn--bcher-kva.example",))],
    ids=["case-dot", "at-dup", "idna"],
)  # fmt: skip
def test_normalise_domains(raw: list[str], expected: tuple[str, ...]) -> None:
    assert normalise_domains(raw) == expected


@pytest.mark.parametrize("bad", ["a b.com", 'x".com', "", "a\r\nb", "a\0b"], ids=repr)
def test_bad_domains(bad: str) -> None:
    with pytest.raises(UsageError):
        normalise_domains([bad])


def test_chunks_and_body_batches() -> None:
    assert [list(c) for c in chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    big = BODY_BATCH_BYTES // 4
    batches = list(body_batches([(i, big * 10) for i in range(10)], big, 500))
    assert [len(b) for b in batches] == [4, 4, 2]
    assert list(body_batches([(i, 10) for i in range(5)], 100, 2)) == [[0, 1], [2, 3], [4]]


def test_item_by_prefix() -> None:
    data = {b"BODY[HEADER.FIELDS (FROM)]": b"h", b"BODY[]<0>": b"b"}
    assert item(data, b"BODY[HEADER") == b"h"
    assert item(data, b"BODY[]") == b"b"
    assert item(data, b"RFC822.SIZE") is None


def test_message_id() -> None:
    assert message_id(b"Subject: x\r\nMessage-ID:\r\n <a@b>\r\n") == "<a@b>"
    assert message_id(b"Subject: x\r\n") is None


@given(st.binary(max_size=500))
def test_message_id_never_raises(data: bytes) -> None:
    result = message_id(data)
    assert result is None or isinstance(result, str)


def test_as_datetime_uses_standard_timezones() -> None:
    from imapclient.fixed_offset import FixedOffset

    from inspector.sources.imap_fetch import as_datetime

    moment = as_datetime(datetime(2026, 3, 1, 12, 0, tzinfo=FixedOffset(-300)))
    assert moment is not None
    assert moment.tzinfo == timezone(timedelta(hours=-5))
    assert as_datetime(b"garbage") is None
    naive = as_datetime(datetime(2026, 3, 1, 12, 0))
    assert naive is not None
    assert naive.tzinfo is not None
