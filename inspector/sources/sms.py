"""Read SMS exports: Android "SMS Backup & Restore" XML, or the simple CSV / JSON Lines format.

``sniff_sms`` tells the format from the first bytes of a file (never from its name);
``read_sms`` streams the *received* messages as ``TextMessage`` items, with a ``ReadProblem``
for each record it had to skip and a fatal one for a file it cannot read at all.

Android: the XML backup of the app "SMS Backup & Restore" is read as written (received SMS, and
the text parts of received MMS). See ``inspector.sources.sms_xml``.

The simple SMS export format
----------------------------
For any other phone or carrier (an iPhone backup, a carrier's web export, a spreadsheet),
convert the received messages to CSV or JSON Lines with these fields:

============  ========  ==========================================================================
field         required  meaning
============  ========  ==========================================================================
received_at   yes       when the phone received the message
sender        yes       the number, short code (``32665``) or alphanumeric sender ID (``Google``)
                        shown as the sender
body          yes       the message text
sent_at       no        when the message was sent (the SMS-centre time stamp), if the export has it
recipient     no        the number the message was sent to (yours: useful with two SIMs)
============  ========  ==========================================================================

- CSV: UTF-8 (a byte-order mark is fine), a header row naming the columns, one row per message.
  Columns are matched by name, in any order and any case; other columns are ignored. The
  delimiter is ``,``, ``;`` or a tab. Quote a field containing the delimiter, a quote or a line
  break as RFC 4180 says (``"..."``, a quote doubled).
- JSON Lines: UTF-8, one JSON object per line (https://jsonlines.org); blank lines are ignored.
  ``sender`` and ``body`` may also be numbers.
- Times: ISO 8601 / RFC 3339 *with* a UTC offset (``2026-11-25T14:00:00Z``,
  ``2026-11-25T09:00:00-05:00``), or Unix epoch seconds (``1795615200``) or milliseconds
  (``1795615200000``; any value of 10^11 or more is milliseconds), in JSON also as numbers.
  Empty (or 0) means unknown. A time without an offset is not used, as it would be off by your
  time zone: the message is read without it and a warning says so.
- List only messages you received: a sent message cannot be told apart in this format.
- ``export.csv#5`` names the row starting on line 5 (the spreadsheet's row number),
  ``export.jsonl#5`` line 5, ``backup.xml#5`` the fifth ``<sms>``/``<mms>`` of a backup.

Example (CSV)::

    received_at,sent_at,sender,body
    2026-11-25T13:57:10Z,2026-11-25T13:57:08Z,+12025550177,"[TikTok] 307468 is your code"

Example (JSON Lines)::

    {"received_at": "2026-11-25T13:59:05Z", "sender": "32665", "body": "482113 is your code"}
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from inspector.model import ReadProblem, SourceItem
from inspector.sources.sms_table import REQUIRED, header_columns

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# How many leading bytes ``sniff_sms`` needs: enough for an XML prolog or a header line.
SNIFF_BYTES = 8192

_SMSES = re.compile(r"<smses[\s/>]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def sniff_sms(head: bytes) -> str | None:
    """The SMS export format of a file from its first bytes (``SNIFF_BYTES`` suffice).

    Returns "android_xml", "csv", "jsonl", or None for anything else. Never raises.
    """
    if _is_android_xml(head):
        return "android_xml"
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    first = next((line.strip() for line in _LINE_BREAK.split(text) if line.strip()), "")
    if not first or "\x00" in first:
        return None
    if first.startswith("{"):
        lowered = first.lower()
        return "jsonl" if sum(f'"{f}"' in lowered for f in REQUIRED) >= 2 else None
    return "csv" if header_columns(first) is not None else None


def _is_android_xml(head: bytes) -> bool:
    """An XML prolog (declaration, comments, processing instructions) then ``<smses``."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="ignore")
    else:
        # Latin-1 never fails and keeps ASCII markup where it is, whatever the encoding.
        text = head.decode("latin-1").removeprefix(codecs.BOM_UTF8.decode("latin-1"))
    text = text.removeprefix("\ufeff")
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            if end < 0:
                return False
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return False
            pos = end + 3
        elif text.startswith("<!DOCTYPE", pos):
            # Claimed so that reading refuses it with a clear reason rather than "unknown".
            return _SMSES.search(text, pos) is not None
        else:
            return _SMSES.match(text + " ", pos) is not None


def read_sms(path: Path | BinaryIO, name: str) -> Iterator[SourceItem]:
    """Stream the received messages of an SMS export at ``path`` (or an open binary stream).

    ``name`` labels the items ("backup.xml" gives sources like "backup.xml#17"). The format is
    sniffed from the content. Never raises for bad input or I/O errors: they become
    ``ReadProblem`` items (``fatal=True`` when nothing of the file could be read).
    """
    if isinstance(path, os.PathLike):  # a Path, or any other path object
        try:
            with Path(path).open("rb") as stream:
                yield from _read(stream, name)
        except OSError as error:  # from open() only: _read reports its own read errors
            yield ReadProblem(name, f"{name} could not be opened: {error.strerror}.", fatal=True)
    else:
        yield from _read(path, name)


def _read(stream: BinaryIO, name: str) -> Iterator[SourceItem]:
    count = 0
    try:
        head = _read_head(stream, SNIFF_BYTES)
        kind = sniff_sms(head)
        if kind is None:
            yield ReadProblem(
                name,
                f"{name} is not an SMS export inspector can read: expected an XML backup of "
                "SMS Backup & Restore, or CSV / JSON Lines with the fields "
                f"{', '.join(REQUIRED)}.",
                fatal=True,
            )
            return
        reader = _reader(kind)
        # The buffered reader is closed with the readers' text wrappers; closing it does not
        # close ``stream``, which belongs to the caller.
        joined = io.BufferedReader(_Prefixed(head, stream))
        for item in reader(joined, name):
            count += 1
            yield item
    except OSError as error:
        yield ReadProblem(
            name,
            f"reading {name} failed after {count} items: {error.strerror or error}.",
            fatal=count == 0,
        )


def _reader(kind: str) -> Callable[[BinaryIO, str], Iterator[SourceItem]]:
    # Imported here so that loading this module (for sniffing) stays cheap.
    if kind == "android_xml":
        from inspector.sources.sms_xml import read_android_xml

        return read_android_xml
    from inspector.sources.sms_table import read_csv, read_jsonl

    return read_csv if kind == "csv" else read_jsonl


def _read_head(stream: BinaryIO, size: int) -> bytes:
    parts: list[bytes] = []
    got = 0
    while got < size:
        part = stream.read(size - got)
        if not part:
            break
        parts.append(part)
        got += len(part)
    return b"".join(parts)


class _Prefixed(io.RawIOBase):
    """A raw stream giving ``head`` and then the rest of ``stream`` (which may not seek)."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(target), len(self._head))
            target[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(target))
        target[: len(data)] = data
        return len(data)
