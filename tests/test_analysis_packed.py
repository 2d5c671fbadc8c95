"""Kept records are packed (``analysis.packed``): read back equal, small, the report unchanged."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inspector import app
from inspector.analysis.examine import analyze_item
from inspector.analysis.packed import PRESET_BYTES, PackedList
from inspector.analysis.record import MessageRecord, Options, RunResult, relevant
from inspector.analysis.run import run
from inspector.model import ReadProblem
from inspector.report import json as json_report
from inspector.report.serialize import jsonable
from inspector.sources.files import read_paths

FIXTURES = Path(__file__).parent.parent / "fixtures"
NOW = datetime(2026, 11, 25, 14, 20, tzinfo=UTC)
PATHS = [str(FIXTURES / name) for name in ("mail", "auth", "sms", "sample-mailbox")]


def verification_records() -> list[MessageRecord]:
    """Every record a default run keeps, as objects (not through the run's list)."""
    options = Options(now=NOW)
    found = (
        analyze_item(item, options)
        for item in read_paths(PATHS)
        if not isinstance(item, ReadProblem)
    )
    return [
        record
        for record in found
        if isinstance(record, MessageRecord) and relevant(record, options.service)
    ]


def in_dictionary(records: list[MessageRecord]) -> int:
    """How many of the first records make the dictionary (and so stay objects)."""
    size = 0
    for count, record in enumerate(records):
        if size >= PRESET_BYTES:
            return count
        size += len(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    return len(records)


def test_packed_records_read_back_equal_in_any_order() -> None:
    records = verification_records()
    assert len(records) > 20
    packed: PackedList[MessageRecord] = PackedList()
    for record in records:
        packed.pack(record)
    assert len(packed) == len(records)
    assert list(packed) == records
    assert packed[-1] == records[-1]
    assert packed[3:6] == records[3:6]
    order = [5, 0, len(records) - 1, 5]
    assert list(packed.select(order)) == [records[i] for i in order]


def test_a_packed_record_costs_a_fraction_of_its_pickle() -> None:
    """After the first few (the dictionary), a record is kept in a few hundred bytes: what the
    ``memory`` benchmark's figure per verification record is made of."""
    records = verification_records()
    packed: PackedList[MessageRecord] = PackedList()
    for record in records:
        packed.pack(record)
    sizes = packed.packed_sizes()
    first = in_dictionary(records)
    assert len(sizes) == len(records) - first > 10
    pickled = sum(len(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)) for r in records[first:])
    assert sum(sizes) < pickled / 2
    assert sum(sizes) / len(sizes) < 500


@pytest.mark.parametrize("all_messages", [False, True], ids=["verification", "all-messages"])
def test_the_run_packs_records_only_when_the_report_does_not_list_them_all(
    all_messages: bool,
) -> None:
    result = run(read_paths(PATHS), Options(now=NOW, all_messages=all_messages))
    sizes = result.records.packed_sizes()
    if all_messages:
        assert sizes == []  # every one is decoded for the report: kept as it is
    else:
        assert len(sizes) == len(result.records) - in_dictionary(list(result.records))


def test_the_report_is_the_same_with_records_packed_or_not() -> None:
    request = app.Request(now=NOW, requested_at=datetime(2026, 11, 25, 14, 19, tzinfo=UTC))
    packed = run(read_paths(PATHS), Options(now=NOW))
    assert packed.records.packed_sizes()
    loose = RunResult(
        records=PackedList(list(packed.records)),
        problems=list(packed.problems),
        messages_read=packed.messages_read,
        sources_failed=packed.sources_failed,
        searched=dict(packed.searched),
    )
    assert not loose.records.packed_sizes()

    def report(result: RunResult) -> str:
        outcome = app.diagnose_result(result, request, service=None, resolver=None, health=None)
        return json_report.render(jsonable(outcome.report))

    assert report(packed) == report(loose)
    assert '"messages": [' in report(packed)


def test_records_after_now_are_counted_and_left_out() -> None:
    """The one pass over packed records keeps --now a cutoff."""
    result = run(read_paths(PATHS), Options(now=NOW))
    earliest = min(r.timeline.delivered_at or r.timeline.sent_at or NOW for r in result.records)
    request = app.Request(now=earliest)
    outcome = app.diagnose_result(result, request, service=None, resolver=None, health=None)
    assert outcome.report.ignored_after_now > 0
    assert all(
        (m.delivered_at or m.sent_at or earliest) <= earliest for m in outcome.report.messages
    )


def test_a_workers_share_crosses_the_pipe_and_is_packed_here_once() -> None:
    """A task's ``RunResult`` comes back pickled with its records as they are: merged, they
    join the run's records packed against the run's dictionary (packed once, here)."""
    from inspector.analysis.parallel import _merge

    records = verification_records()
    share = RunResult()
    for record in records:
        share.records.append(record)
    arrived = pickle.loads(pickle.dumps(share))
    assert arrived.records == share.records
    result = RunResult()
    result.records.pack(records[1])
    _merge(result, arrived, Options(now=NOW))
    assert result.records == [records[1], *records]
    # Packed here: all but this list's dictionary (the first records, the one before them).
    assert len(result.records.packed_sizes()) == len(records) + 1 - in_dictionary(
        [records[1], *records]
    )
