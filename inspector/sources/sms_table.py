"""Read the simple SMS export formats: CSV with a header row, and JSON Lines.

The format itself is documented in ``inspector.sources.sms``. Both readers stream line by line
with a cap on the line length, so neither a huge file nor one endless line grows memory.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from inspector.model import ReadProblem, SourceItem, TextMessage
from inspector.sources.sms_common import FileReport, is_blank, parse_timestamp

REQUIRED = ("received_at", "sender", "body")
OPTIONAL = ("sent_at", "recipient")
DELIMITERS = (",", ";", "\t")  # spreadsheets write ";" where "," is the decimal comma
# A concatenated SMS is at most 255 parts of 153 characters (3GPP TS 23.040 §9.2.3.24.1): about
# 39,000 characters. A line 25 times longer is no message; it is skipped, not buffered.
MAX_LINE = 1024 * 1024


class _Lines:
    """Iterate the lines of a text stream, each cut at ``limit`` characters.

    ``cut`` tells that a line was cut since the flag was last cleared (the rest of that line is
    read and dropped), and ``number`` is the number of physical lines read so far.
    """

    def __init__(self, text: io.TextIOBase, limit: int = MAX_LINE) -> None:
        self._text = text
        self._limit = limit
        self.number = 0
        self.cut = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._text.readline(self._limit)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) >= self._limit and not line.endswith(("\n", "\r")):
            self.cut = True
            rest = line
            while rest and not rest.endswith(("\n", "\r")):
                rest = self._text.readline(self._limit)
            line += "\n"
        return line


def _text(stream: BinaryIO) -> io.TextIOWrapper:
    # newline="" keeps "\r\n" inside quoted CSV fields as written (csv module documentation).
    return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")


def header_columns(line: str) -> tuple[str, list[str]] | None:
    """The delimiter and lower-cased column names of a header line naming 2+ of our fields."""
    best: tuple[int, str, list[str]] | None = None
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            continue
        names = [cell.strip().lower() for cell in cells]
        known = sum(1 for field in REQUIRED if field in names)
        if known >= 2 and (best is None or known > best[0]):
            best = (known, delimiter, names)
    return None if best is None else (best[1], best[2])


def read_csv(stream: BinaryIO, name: str) -> Iterator[SourceItem]:
    """Yield a ``TextMessage`` per data row; ``#N`` is the line the row starts on."""
    lines = _Lines(_text(stream))
    header = next((line for line in lines if line.strip()), "")
    found = header_columns(header)
    missing = [f for f in REQUIRED if found is None or f not in found[1]]
    if found is None or missing or lines.cut:
        yield ReadProblem(
            source=name,
            message=f"{name} was not read: its header row must name the columns "
            f"{', '.join(REQUIRED)} (missing: {', '.join(missing) or 'none'}).",
            fatal=True,
        )
        return
    delimiter, names = found
    columns = {n: names.index(n) for n in (*REQUIRED, *OPTIONAL) if n in names}
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    report = FileReport(name)
    while True:
        start = lines.number + 1
        lines.cut = False
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problem = report.malformed(f"#{start}", f"it is not valid CSV ({error})")
            if problem is not None:
                yield problem
            continue
        if not any(cell.strip() for cell in row):
            continue
        label = f"#{start}"
        if lines.cut:
            why = f"a line is longer than {MAX_LINE} characters"
        elif len(row) <= max(columns[f] for f in REQUIRED):
            why = f"it has {len(row)} fields, the header has {len(names)}"
        else:
            fields = {f: row[i] for f, i in columns.items() if i < len(row)}
            yield from _message(fields, name, label, report)
            continue
        problem = report.malformed(label, why)
        if problem is not None:
            yield problem
    yield from report.summary()


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[SourceItem]:
    """Yield a ``TextMessage`` per JSON object line; ``#N`` is the line number."""
    lines = _Lines(_text(stream))
    report = FileReport(name)
    for line in lines:
        label = f"#{lines.number}"
        if lines.cut:
            lines.cut = False
            why: str | None = f"the line is longer than {MAX_LINE} characters"
        elif not line.strip():
            continue
        else:
            why = None
            try:
                record = json.loads(line)
            except (ValueError, RecursionError):
                why = "the line is not valid JSON"
            else:
                if not isinstance(record, dict):
                    why = "the line is not a JSON object"
                else:
                    fields = {str(k).lower(): v for k, v in record.items()}
                    yield from _message(fields, name, label, report)
        if why is not None:
            problem = report.malformed(label, why)
            if problem is not None:
                yield problem
    yield from report.summary()


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_field(value: object) -> str | None:
    """A string, or an integer written without quotes (a short code or code in JSON)."""
    if isinstance(value, str):
        # JSON can escape a lone UTF-16 surrogate ("\\ud83d"); no output encoding accepts one.
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _message(
    fields: Mapping[str, object], name: str, label: str, report: FileReport
) -> Iterator[SourceItem]:
    sender = _text_field(fields.get("sender"))
    body = _text_field(fields.get("body"))
    recipient = _text_field(fields.get("recipient"))
    if body is None or sender is None:
        if body is None:
            why = "it has no body" if fields.get("body") is None else "its body is not text"
        else:
            why = "it has no sender" if fields.get("sender") is None else "its sender is not text"
        problem = report.malformed(label, why)
        if problem is not None:
            yield problem
        return
    received_raw = fields.get("received_at")
    sent_raw = fields.get("sent_at")
    received_at = parse_timestamp(received_raw)
    sent_at = parse_timestamp(sent_raw)
    if received_at is None or (sent_at is None and not is_blank(sent_raw)):
        report.bad_time(label)
    yield TextMessage(
        body=body,
        source=f"{name}{label}",
        sender=sender.strip(),
        received_at=received_at,
        sent_at=sent_at,
        recipient=(recipient.strip() or None) if recipient is not None else None,
    )
