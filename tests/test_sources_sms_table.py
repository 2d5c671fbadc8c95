"""The simple SMS export formats: CSV with a header row, and JSON Lines."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from inspector.model import ReadProblem, SourceItem, TextMessage
from inspector.sources.sms_table import MAX_LINE, header_columns, read_csv, read_jsonl

T = datetime(2026, 11, 25, 14, 0, 0, tzinfo=UTC)


def csv_items(text: str | bytes) -> list[SourceItem]:
    data = text.encode() if isinstance(text, str) else text
    return list(read_csv(io.BytesIO(data), "e.csv"))


def jsonl_items(text: str | bytes) -> list[SourceItem]:
    data = text.encode() if isinstance(text, str) else text
    return list(read_jsonl(io.BytesIO(data), "e.jsonl"))


def only_message(items: list[SourceItem]) -> TextMessage:
    (item,) = items
    assert isinstance(item, TextMessage), item
    return item


# --- CSV --------------------------------------------------------------------------------------

HEADERS = [
    ("received_at,sender,body", (",", ["received_at", "sender", "body"])),
    ("Received_At ; SENDER ; Body", (";", ["received_at", "sender", "body"])),
    ("body\tsender\treceived_at\tnote", ("\t", ["body", "sender", "received_at", "note"])),
    ('"received_at","sender","body"', (",", ["received_at", "sender", "body"])),
    ("sender;body", (";", ["sender", "body"])),
    ("received_at", None),
    ("date,from,text", None),
    ("", None),
]


@pytest.mark.parametrize(("line", "found"), HEADERS, ids=[h or "empty" for h, _ in HEADERS])
def test_header_columns(line: str, found: tuple[str, list[str]] | None) -> None:
    assert header_columns(line) == found


@pytest.mark.parametrize(
    "text",
    [
        "received_at,sender,body\n2026-11-25T14:00:00Z,32665,482113 is your Facebook code\n",
        "\ufeffBODY;Sender;Received_At\r\n482113 is your Facebook code;32665;1795615200\r\n",
        "note\tbody\tsender\treceived_at\nx\t482113 is your Facebook code\t 32665 \t"
        "1795615200000\n",
        "\n\nreceived_at,sender,body\n\n,,\n2026-11-25T09:00:00-05:00,32665,"
        "482113 is your Facebook code",
    ],
    ids=["comma", "semicolon-bom-crlf", "tab-extra-column", "blank-lines-no-final-newline"],
)
def test_csv_variants(text: str) -> None:
    message = only_message(csv_items(text))
    assert message.body == "482113 is your Facebook code"
    assert message.sender == "32665"
    assert message.received_at == T
    assert message.sent_at is None
    assert message.folder is None


def test_csv_optional_columns_and_quoting() -> None:
    text = (
        "received_at,sent_at,sender,recipient,body\n"
        '2026-11-25T14:00:00Z,2026-11-25T13:59:58Z,+12025550119,+12025550100,"Your code, '
        'he said, is ""771904"".\r\n\r\n@tiktok-verify.com #771904"\n'
    )
    message = only_message(csv_items(text))
    assert message.body == 'Your code, he said, is "771904".\r\n\r\n@tiktok-verify.com #771904'
    assert message.sent_at == datetime(2026, 11, 25, 13, 59, 58, tzinfo=UTC)
    assert message.recipient == "+12025550100"
    assert message.source == "e.csv#2"


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("sender,body", "received_at"),
        ("received_at;body", "sender"),
        ("received_at\tsender", "body"),
    ],
    ids=["no-received_at", "no-sender", "no-body"],
)
def test_csv_without_a_required_column_is_fatal(header: str, missing: str) -> None:
    (problem,) = csv_items(header + "\n1,2\n")
    assert isinstance(problem, ReadProblem)
    assert problem.fatal
    assert f"(missing: {missing})" in problem.message


def test_csv_short_rows_are_problems_and_reading_goes_on() -> None:
    problem, message = csv_items("received_at,sender,body\n1795615200,32665\n1795615200,1,ok\n")
    assert isinstance(problem, ReadProblem)
    assert problem.source == "e.csv#2"
    assert "it has 2 fields, the header has 3" in problem.message
    assert isinstance(message, TextMessage)
    assert message.source == "e.csv#3"


def test_csv_overlong_line_is_skipped_without_buffering_it() -> None:
    long_row = "1795615200,32665," + "x" * (MAX_LINE * 3) + "\n"
    items = csv_items("received_at,sender,body\n" + long_row + "1795615200,1,ok\n")
    problem, message = items
    assert isinstance(problem, ReadProblem)
    assert problem.source == "e.csv#2"
    # Either limit may trip first: the line length, or the csv module's field size.
    assert "longer than" in problem.message or "field limit" in problem.message
    assert only_message([message]).body == "ok"


def test_csv_overlong_line_of_short_fields_is_skipped() -> None:
    long_row = "1795615200,32665," + "x," * (MAX_LINE * 2) + "\n"
    problem, message = csv_items("received_at,sender,body\n" + long_row + "1795615200,1,ok\n")
    assert isinstance(problem, ReadProblem)
    assert f"a line is longer than {MAX_LINE} characters" in problem.message
    assert only_message([message]).source == "e.csv#3"


def test_csv_unterminated_quote_is_a_problem_not_a_crash() -> None:
    text = 'received_at,sender,body\n1795615200,1,"never closed\n' + "more text\n" * 50_000
    items = csv_items(text)
    assert items
    assert all(isinstance(i, ReadProblem | TextMessage) for i in items)
    assert any(isinstance(i, ReadProblem) for i in items)


def test_csv_invalid_utf8_is_replaced() -> None:
    message = only_message(csv_items(b"received_at,sender,body\n1795615200,1,C\xf3digo 1234\n"))
    assert message.body == "C\ufffddigo 1234"


def test_csv_bad_times_are_summarised() -> None:
    text = "received_at,sent_at,sender,body\n2026-11-25 14:00,,1,a\n1795615200,soon,1,b\n"
    first, second, summary = csv_items(text)
    assert isinstance(first, TextMessage)
    assert first.received_at is None
    assert isinstance(second, TextMessage)
    assert second.received_at == T
    assert second.sent_at is None
    assert isinstance(summary, ReadProblem)
    assert "2 messages of e.csv (#2, #3)" in summary.message


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_fields_and_types() -> None:
    line = (
        '{"Received_At": 1795615200, "sent_at": "2026-11-25T13:59:58Z", "sender": 32665, '
        '"recipient": " +12025550100 ", "body": 482113, "extra": [1, 2]}\r\n'
    )
    message = only_message(jsonl_items(line))
    assert message.body == "482113"
    assert message.sender == "32665"
    assert message.recipient == "+12025550100"
    assert message.received_at == T
    assert message.sent_at == datetime(2026, 11, 25, 13, 59, 58, tzinfo=UTC)
    assert message.source == "e.jsonl#1"


def test_jsonl_missing_received_at_is_read_without_a_time() -> None:
    message, summary = jsonl_items('{"sender": "1", "body": "x"}')
    assert isinstance(message, TextMessage)
    assert message.received_at is None
    assert isinstance(summary, ReadProblem)


def test_jsonl_lone_surrogates_become_replacement_characters() -> None:
    message = only_message(
        jsonl_items(
            '{"received_at": 1795615200, "sender": "\\ud83d", "body": "a\\ud83d\\ude0a b\\udc00"}'
        )
    )
    assert message.body == "a😊 b\ufffd"
    assert message.sender == "\ufffd"


BAD_LINES = [
    ("not json", "the line is not valid JSON"),
    ("[" * 100_000 + "]" * 100_000, "the line is not valid JSON"),
    ('{"received_at": ' + "9" * 5000 + "}", "the line is not valid JSON"),
    ('"a string"', "the line is not a JSON object"),
    ("null", "the line is not a JSON object"),
    ('{"received_at": 1795615200, "sender": "1"}', "it has no body"),
    ('{"received_at": 1795615200, "sender": "1", "body": null}', "it has no body"),
    ('{"received_at": 1795615200, "sender": "1", "body": ["x"]}', "its body is not text"),
    ('{"received_at": 1795615200, "body": "x"}', "it has no sender"),
    ('{"received_at": 1795615200, "sender": 1.5, "body": "x"}', "its sender is not text"),
    ('{"received_at": 1795615200, "sender": false, "body": "x"}', "its sender is not text"),
    ("x" * (MAX_LINE + 10), f"the line is longer than {MAX_LINE} characters"),
]


@pytest.mark.parametrize(
    ("line", "why"), BAD_LINES, ids=[b[1] + str(i) for i, b in enumerate(BAD_LINES)]
)
def test_jsonl_bad_lines_are_problems_and_reading_goes_on(line: str, why: str) -> None:
    items = jsonl_items(line + "\n\n" + '{"received_at": 1795615200, "sender": "1", "body": "ok"}')
    problem, message = items
    assert isinstance(problem, ReadProblem)
    assert problem.source == "e.jsonl#1"
    assert problem.message == f"Record #1 of e.jsonl was skipped: {why}."
    assert not problem.fatal
    assert isinstance(message, TextMessage)
    assert message.source == "e.jsonl#3"


def test_jsonl_nan_and_infinite_times_are_unknown() -> None:
    text = (
        '{"received_at": NaN, "sender": "1", "body": "a"}\n'
        '{"received_at": Infinity, "sender": "1", "body": "b"}\n'
        '{"received_at": 1e400, "sender": "1", "body": "c"}\n'
    )
    items = jsonl_items(text)
    assert [i.received_at for i in items if isinstance(i, TextMessage)] == [None, None, None]
    assert isinstance(items[-1], ReadProblem)
