"""SMS exports: sniffing, dispatch, the fixture exports, and hostile input."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.model import RawMail, ReadProblem, SourceItem, TextMessage
from inspector.sources.sms import SNIFF_BYTES, read_sms, sniff_sms

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sms"


def at(hms: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-25T{hms}+00:00").astimezone(UTC)


# The received messages of every full export fixture, in file order of export.csv / .jsonl.
# (sender, received_at, sent_at, recipient, words of the body)
EXPECTED = [
    ("+12025550155", at("13:12:04"), at("13:12:02"), None, "Your Uber code: 4821."),
    ("+12025550188", at("13:40:18"), None, None, "save me a seat 😊"),
    ("+12025550142", at("13:48:12"), at("13:31:40"), None, "Instagram code is 204851"),
    ("+12025550163", at("13:54:02"), at("13:54:00"), None, "[TikTok] 582913 is your"),
    ("+12025550177", at("13:57:10"), at("13:57:08"), None, "[TikTok] 307468 is your"),
    (
        "+12025550119",
        at("13:58:30"),
        at("13:58:28"),
        "+12025550100",
        "code is 771904. Do not share it.\n\n@tiktok-verify.com #771904",
    ),
    ("32665", at("13:59:05"), at("13:59:03"), None, "482113 is your Facebook code"),
    ("Microsoft", at("13:59:40"), at("13:59:38"), None, "Use 882614 as Microsoft"),
]


def read(path: Path) -> list[SourceItem]:
    return list(read_sms(path, path.name))


def messages(items: list[SourceItem]) -> list[TextMessage]:
    return [item for item in items if isinstance(item, TextMessage)]


def problems(items: list[SourceItem]) -> list[ReadProblem]:
    return [item for item in items if isinstance(item, ReadProblem)]


# --- sniffing -------------------------------------------------------------------------------

SNIFF = [
    ("android-backup.xml", "android_xml"),
    ("android-backup-truncated.xml", "android_xml"),
    ("android-backup-emoji-surrogates.xml", "android_xml"),
    ("android-backup-billion-laughs.xml", "android_xml"),
    ("android-calls-backup.xml", None),
    ("export.csv", "csv"),
    ("export-malformed-records.csv", "csv"),
    ("export.jsonl", "jsonl"),
    ("export-malformed-records.jsonl", "jsonl"),
]


@pytest.mark.parametrize(("fixture", "kind"), SNIFF, ids=[f for f, _ in SNIFF])
def test_sniff_fixtures(fixture: str, kind: str | None) -> None:
    assert sniff_sms((FIXTURES / fixture).read_bytes()[:SNIFF_BYTES]) == kind


HEADS = [
    (b"<smses count='0'/>", "android_xml"),
    (b"\xef\xbb\xbf<?xml version='1.0'?>\r\n<smses>", "android_xml"),
    ("<?xml version='1.0' encoding='UTF-16'?><smses>".encode("utf-16"), "android_xml"),
    (b"<?xml version='1.0'?><!-- a <comment> --><?pi x?>\n<smses\n count='1'>", "android_xml"),
    (b"<smses", "android_xml"),
    (b"<?xml version='1.0'?><smsesx>", None),
    (b"<?xml version='1.0'?><html><smses>", None),
    (b"<?xml version='1.0'?><!-- unfinished comment <smses>", None),
    (b"<?xml version='1.0'?><calls count='1'>", None),
    (b"received_at,sender,body\r\n", "csv"),
    (b"\xef\xbb\xbfReceived_At;Sender;Body;Extra\n", "csv"),
    (b"\n\nbody\tsender\treceived_at\n", "csv"),
    (b'"received_at","sent_at","sender","body"\n', "csv"),
    (b"sender,body\n", "csv"),  # read then refused with "missing received_at"
    (b"date,from,text\n", None),
    (b"received_at\n", None),
    (b'{"received_at": 1, "sender": "x", "body": "y"}\n', "jsonl"),
    (b'{"sender": "x", "body": "y"', "jsonl"),
    (b'{"time": 1, "from": "x", "text": "y"}\n', None),
    (b"From MAILER-DAEMON Thu Nov 25 14:00:00 2026\nReceived: by x\n", None),
    (b"Received: from a.example (a.example [192.0.2.1])\r\nSubject: x,sender,body\r\n", None),
    (b"received_at,\x00sender,body\n", None),
    (b"", None),
    (b"   \n\n", None),
    (b"\x89PNG\r\n\x1a\n\x00\x00", None),
]


@pytest.mark.parametrize(("head", "kind"), HEADS, ids=[repr(h[:30]) for h, _ in HEADS])
def test_sniff_heads(head: bytes, kind: str | None) -> None:
    assert sniff_sms(head) == kind


@given(st.binary(max_size=SNIFF_BYTES))
def test_sniff_never_raises(head: bytes) -> None:
    assert sniff_sms(head) in (None, "android_xml", "csv", "jsonl")


# --- the three export formats give the same messages ----------------------------------------


@pytest.mark.parametrize("fixture", ["android-backup.xml", "export.csv", "export.jsonl"])
def test_full_exports_yield_the_received_messages(fixture: str) -> None:
    items = read(FIXTURES / fixture)
    assert problems(items) == []
    got = sorted(messages(items), key=lambda m: (m.received_at is None, m.received_at))
    want = sorted(EXPECTED, key=lambda e: e[1])
    assert len(got) == len(want)
    for message, (sender, received_at, sent_at, recipient, words) in zip(got, want, strict=True):
        assert message.sender == sender
        assert message.received_at == received_at
        assert message.sent_at == sent_at
        assert message.recipient == recipient
        assert words in message.body
        assert message.source.startswith(f"{fixture}#")


def test_android_backup_labels_records_by_position_and_skips_sent_and_media() -> None:
    items = messages(read(FIXTURES / "android-backup.xml"))
    # #2 is the sent SMS, #9 the picture-only MMS.
    assert [m.source.rsplit("#", 1)[1] for m in items] == ["1", "3", "4", "5", "6", "7", "8", "10"]
    assert all(m.folder == "inbox" for m in items)
    assert not any("Uber code never showed up" in m.body for m in items)


def test_csv_labels_records_by_starting_line() -> None:
    items = messages(read(FIXTURES / "export.csv"))
    # The phishing row holds a quoted line break, so the rows after it start 2 lines later.
    assert [m.source for m in items][-3:] == ["export.csv#7", "export.csv#10", "export.csv#11"]


def test_jsonl_labels_records_by_line() -> None:
    items = messages(read(FIXTURES / "export.jsonl"))
    assert [m.source for m in items] == [f"export.jsonl#{i}" for i in range(1, 9)]


# --- damaged and refused files ---------------------------------------------------------------


def test_truncated_backup_keeps_what_was_read() -> None:
    items = read(FIXTURES / "android-backup-truncated.xml")
    assert [m.sender for m in messages(items)] == ["+12025550177", "32665"]
    (problem,) = problems(items)
    assert not problem.fatal
    assert problem.source == "android-backup-truncated.xml"
    assert "not well-formed XML" in problem.message
    assert "line 7" in problem.message


def test_surrogate_pair_references_are_repaired() -> None:
    items = read(FIXTURES / "android-backup-emoji-surrogates.xml")
    assert problems(items) == []
    first, second = messages(items)
    assert first.body.endswith("save me a seat 😊")
    assert second.body.startswith("🔑 [TikTok] 307468")


def test_billion_laughs_is_refused() -> None:
    (problem,) = read(FIXTURES / "android-backup-billion-laughs.xml")
    assert isinstance(problem, ReadProblem)
    assert problem.fatal
    assert "DOCTYPE" in problem.message


@pytest.mark.parametrize("fixture", ["android-calls-backup.xml"])
def test_unknown_format_is_a_fatal_problem(fixture: str) -> None:
    (problem,) = read(FIXTURES / fixture)
    assert isinstance(problem, ReadProblem)
    assert problem.fatal
    assert problem.source == fixture
    assert "not an SMS export" in problem.message


def test_malformed_csv_records() -> None:
    items = read(FIXTURES / "export-malformed-records.csv")
    assert [(m.source, m.received_at) for m in messages(items)] == [
        ("export-malformed-records.csv#2", at("13:57:10")),
        ("export-malformed-records.csv#4", None),
        ("export-malformed-records.csv#5", None),
        ("export-malformed-records.csv#7", at("13:59:05")),
    ]
    skipped, times = problems(items)
    assert skipped.source == "export-malformed-records.csv#3"
    assert "2 fields, the header has 4" in skipped.message
    assert times.source == "export-malformed-records.csv"
    assert "(#4, #5)" in times.message
    assert not any(p.fatal for p in problems(items))


def test_malformed_jsonl_records() -> None:
    items = read(FIXTURES / "export-malformed-records.jsonl")
    assert [m.source.rsplit("#")[1] for m in messages(items)] == ["1", "6", "8"]
    *skipped, times = problems(items)
    assert [(p.source.partition("#")[2], p.message.partition(": ")[2]) for p in skipped] == [
        ("2", "the line is not valid JSON."),
        ("3", "the line is not a JSON object."),
        ("4", "it has no body."),
        ("5", "its sender is not text."),
    ]
    assert times.source == "export-malformed-records.jsonl"
    assert "1 message of export-malformed-records.jsonl (#6) has no usable time" in times.message


# --- paths and streams ------------------------------------------------------------------------


class OneByteAtATime(io.RawIOBase):
    """A non-seekable stream that returns one byte per read, like a slow pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._pos >= len(self._data) or len(buffer) == 0:
            return 0
        buffer[0] = self._data[self._pos]
        self._pos += 1
        return 1


@pytest.mark.parametrize("fixture", ["android-backup.xml", "export.csv", "export.jsonl"])
def test_streams_read_like_paths(fixture: str) -> None:
    data = (FIXTURES / fixture).read_bytes()
    from_path = read(FIXTURES / fixture)
    from_bytes = list(read_sms(io.BytesIO(data), fixture))
    from_pipe = list(read_sms(OneByteAtATime(data), fixture))  # type: ignore[arg-type]
    assert from_bytes == from_path
    assert from_pipe == from_path


def test_stream_is_not_closed() -> None:
    stream = io.BytesIO((FIXTURES / "export.jsonl").read_bytes())
    assert len(list(read_sms(stream, "export.jsonl"))) == len(EXPECTED)
    assert not stream.closed


def test_missing_file_is_a_fatal_problem(tmp_path: Path) -> None:
    (problem,) = list(read_sms(tmp_path / "nope.xml", "nope.xml"))
    assert isinstance(problem, ReadProblem)
    assert problem.fatal
    assert problem.message.startswith("nope.xml could not be opened")


class FailingStream(io.RawIOBase):
    def __init__(self, data: bytes, fail_after: int) -> None:
        self._data = data
        self._pos = 0
        self._fail_after = fail_after

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._pos >= self._fail_after:
            raise OSError(5, "Input/output error")
        n = min(len(buffer), self._fail_after - self._pos, len(self._data) - self._pos)
        buffer[:n] = self._data[self._pos : self._pos + n]
        self._pos += n
        return n


def test_io_error_midway_is_a_problem_after_the_messages_read() -> None:
    data = (FIXTURES / "export.jsonl").read_bytes() * 400  # about 400 KB
    items = list(read_sms(FailingStream(data, 100_000), "export.jsonl"))  # type: ignore[arg-type]
    *read_ok, problem = items
    assert 100 < len(read_ok) < 400 * len(EXPECTED)
    assert all(isinstance(m, TextMessage) for m in read_ok)
    assert isinstance(problem, ReadProblem)
    assert not problem.fatal
    assert "Input/output error" in problem.message


def test_io_error_at_once_is_fatal() -> None:
    (problem,) = list(read_sms(FailingStream(b"", 0), "x"))  # type: ignore[arg-type]
    assert isinstance(problem, ReadProblem)
    assert problem.fatal


# --- hostile input ----------------------------------------------------------------------------

PREFIXES = [
    b"",
    b"<smses>",
    b"<?xml version='1.0'?><smses count='1'><sms type='1' body='x' date='1' address='",
    b"<smses><mms msg_box='1'><parts><part ct='text/plain' text='",
    b"received_at,sender,body\n",
    b"received_at;sender;body;sent_at;recipient\n2026-11-25T14:00:00Z;",
    b'{"received_at": 1, "sender": "x", "body": "y"}\n',
    b'{"received_at": "',
]


def check_items(items: Iterator[SourceItem]) -> None:
    for item in items:
        assert isinstance(item, TextMessage | ReadProblem)
        assert not isinstance(item, RawMail)
        if isinstance(item, TextMessage):
            for value in (item.body, item.sender, item.recipient or ""):
                value.encode("utf-8")  # printable: no lone surrogates
            for moment in (item.received_at, item.sent_at):
                assert moment is None or moment.tzinfo is UTC


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(st.sampled_from(PREFIXES), st.binary(max_size=2000))
def test_read_never_raises_on_arbitrary_bytes(prefix: bytes, tail: bytes) -> None:
    check_items(read_sms(io.BytesIO(prefix + tail), "hostile"))


TEXTY = st.lists(
    st.sampled_from(
        [
            *"<>/=\"' &#;x0123456789abcdef\n\r,{}[]:\\\t",
            *("sms", "mms", "smses", "type", "body", "date", "part", "addr", "received_at"),
            *("sender", "&#55357;", "&#56842;", "&#xD83D;", "&#0;", "\ud83d", "\x00", "é", "😊"),
        ]
    ),
    max_size=100,
).map("".join)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(st.sampled_from(PREFIXES), TEXTY)
def test_read_never_raises_on_structured_garbage(prefix: bytes, tail: str) -> None:
    check_items(read_sms(io.BytesIO(prefix + tail.encode("utf-8", "surrogatepass")), "hostile"))
