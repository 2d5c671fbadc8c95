"""mbox files (RFC 4155): one splitter for reading in order and for handing out by offset.

Messages start at lines beginning ``From ``; writers escape such body lines as ``>From ``
(mboxo, mboxrd), and reading takes one ``>`` off again. ``MboxSplitter`` reads the file in large
blocks and finds every ``From `` with ``bytes.find`` (one pass over the bytes: the search for
the next message and the search for escaped lines are the same search). It gives each
message's ``Span`` (file offsets: its From_ line, its first byte, its end) and, when asked, its
bytes. Reading in order (one process, stdin) takes the bytes; the parallel run
(:mod:`inspector.analysis.parallel`) takes spans only and lets each worker read its own
messages with ``os.pread`` (``read_spans``), so nothing but offsets crosses a pipe. Both ends
build the message with ``mail_of``: the same bytes give the same ``RawMail``.

Not ``mmap``: it saves a copy (a search over a mapping is about as fast as read + search), but a
mailbox that shrinks while mapped (a mail client compacting it) kills the process with SIGBUS.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from inspector.model import FolderRole, RawMail, ReadProblem, SourceItem
from inspector.sources.folders import role_from_labels

# A message past this is read truncated, not refused: codes sit in the first kilobytes, and
# what lies beyond is attachments. The cap bounds memory per message.
MAX_MESSAGE_BYTES = 8 * 1024 * 1024
_CHUNK = 1024 * 1024  # the reading block (with what is carried over, ~3 of them are held)
# "From " inside bodies that are neither a boundary nor escaped cost a loop turn each; past
# this many in one message the rest of it is searched for boundaries only (hostile input).
_STRAYS = 64
_LINE_MAX = 4096  # bytes of a From_ line kept: its date is in the first few dozen

_MBOXRD_FROM = re.compile(rb"^>(>*From )", re.M)


@dataclass(frozen=True, slots=True)
class Span:
    """Where one message lies in its file: the From_ line at ``start``, the message's bytes
    from ``body`` to ``end``; ``quoted``: a ``>From `` may need unescaping."""

    start: int
    body: int
    end: int
    quoted: bool


class MboxSplitter:
    """The messages of an mbox, in order, from ``read`` (``read(n)`` -> at most n bytes).

    ``head`` is what was already read, starting at file offset ``offset`` (after the blank
    lines and byte-order mark the caller dropped); it starts with the first From_ line.
    """

    def __init__(self, read: Callable[[int], bytes], head: bytes, offset: int = 0) -> None:
        self._read = read
        stripped = head.lstrip(b"\r\n")
        self._buf = stripped
        self._base = offset + len(head) - len(stripped)  # file offset of _buf[0]
        self._pos = 0  # in _buf: where the next From_ line starts
        self._eof = False

    @property
    def offset(self) -> int:
        """The file offset where the next message's From_ line starts."""
        return self._base + self._pos

    def _more(self, drop: int) -> None:
        """Forget ``_buf[:drop]``, read the next block behind the rest."""
        data = self._read(_CHUNK)
        self._eof = not data
        self._buf = self._buf[drop:] + data
        self._base += drop
        self._pos = max(self._pos - drop, 0)

    def next(self, keep: bool) -> tuple[Span, bytes, bytes] | None:
        """The next message: its span and, with ``keep``, its From_ line and its first
        ``MAX_MESSAGE_BYTES`` bytes (else two empty strings); None at the end."""
        # The From_ line: only its start is kept, so a "line" of megabytes (hostile input)
        # is neither held nor copied over and over while its end is looked for.
        start = self._base + self._pos
        line = b""
        nl = self._buf.find(b"\n", self._pos)
        while nl < 0 and not self._eof:
            seen = len(self._buf) - self._pos
            if seen > _LINE_MAX:
                line = line or self._buf[self._pos : self._pos + _LINE_MAX]
                self._more(len(self._buf))
                seen = 0
            else:
                self._more(self._pos)
            nl = self._buf.find(b"\n", seen)
        if nl < 0:
            self._pos = len(self._buf)
            return None  # a From_ line without a message: nothing
        buf = self._buf
        from_line = (line or buf[self._pos : min(nl, self._pos + _LINE_MAX)]) if keep else b""
        body = self._base + nl + 1  # file offsets from here on: the buffer moves
        taken = nl + 1  # in buf: the first byte of the body not yet moved into pieces
        pieces: list[bytes] = []  # a long body's bytes, moved out of the buffer as it goes
        kept = 0
        blank = True  # the body so far is white space only
        quoted = False
        strays = 0
        needle = b"From "
        scan = taken
        while True:
            hit = buf.find(needle, scan)
            if hit >= 0:
                if len(needle) == 6:  # "\nFrom ": a boundary, by construction
                    end = hit + 1
                    break
                # Only a "From " starting a line after the From_ line's own line ends the
                # message: "From a\nFrom b\n" is one message whose first line is "From b".
                if self._base + hit > body:
                    before = buf[hit - 1]
                    if before == 0x0A:
                        end = hit
                        break
                    if before == 0x3E:  # ">From ": an escaped line (or text: unescape decides)
                        quoted = True
                    else:
                        strays += 1
                        if strays > _STRAYS:
                            needle, quoted = b"\nFrom ", True
                scan = hit + 1
                continue
            if self._eof:
                end = len(buf)
                break
            # Keep the last bytes: a "From " may start in them, and its byte before too.
            keep_from = max(scan, len(buf) - len(needle))
            if len(buf) - taken > _CHUNK:  # a long message: out of the buffer, bounded
                cut = max(taken, keep_from - 1)  # the byte before a "From " is looked at
                room = min(cut - taken, MAX_MESSAGE_BYTES - kept)
                if room > 0 and (keep or blank):
                    part = buf[taken : taken + room]
                    blank = blank and part.isspace()
                    if keep:
                        pieces.append(part)
                kept += max(room, 0)
                taken = cut
            drop = taken
            self._more(drop)
            buf = self._buf
            taken, scan = 0, keep_from - drop
        self._pos = end
        at_end = end == len(buf) and self._eof
        last = b""
        if keep or (at_end and blank):
            last = buf[taken : min(end, taken + max(MAX_MESSAGE_BYTES - kept, 0))]
        if at_end and blank and (not last or last.isspace()):
            # White space after the last From_ line is no message (a trailing blank line).
            return None
        span = Span(start, body, self._base + end, quoted)
        if not keep:
            return span, b"", b""
        return span, from_line, b"".join([*pieces, last]) if pieces else last


def mail_of(
    span: Span,
    from_line: bytes,
    data: bytes,
    *,
    number: int,
    name: str,
    role: FolderRole,
    folder: str | None,
) -> RawMail:
    """The message at ``span``, given its From_ line and (first) bytes."""
    headers_role = role_from_labels(data) or role
    return RawMail(
        _MBOXRD_FROM.sub(rb"\1", data) if span.quoted else data,
        source=f"{name}#{number}",
        folder=folder,
        folder_role=headers_role,
        stored_at=_mbox_date(from_line),
        truncated=span.end - span.body > MAX_MESSAGE_BYTES,
    )


@dataclass(frozen=True, slots=True)
class MboxPart:
    """Consecutive messages of an mbox file, to be read by offset (in another process):
    ``spans[i]`` is message number ``first + i`` of ``name``."""

    path: str
    identity: tuple[int, int]  # (st_dev, st_ino) when the spans were found
    name: str
    role: FolderRole
    folder: str | None
    first: int
    spans: tuple[Span, ...]

    @property
    def size(self) -> int:
        return self.spans[-1].end - self.spans[0].start if self.spans else 0

    def items(self) -> Iterator[SourceItem]:
        yield from read_spans(self)


def read_spans(part: MboxPart) -> Iterator[SourceItem]:
    """The messages of ``part``, read with ``os.pread``; a file that is gone or changed since
    its spans were found gives one problem for the messages that could not be read."""
    number = part.first
    try:
        fd = os.open(part.path, os.O_RDONLY)
    except OSError as exc:
        yield _changed(part, number, exc.strerror or str(exc))
        return
    try:
        info = os.fstat(fd)
        if (info.st_dev, info.st_ino) != part.identity:
            yield _changed(part, number, "it was replaced while it was read")
            return
        for span in part.spans:
            line = min(span.body - span.start - 1, _LINE_MAX)  # as MboxSplitter keeps it
            stop = min(span.end, span.body + MAX_MESSAGE_BYTES)
            if line == span.body - span.start - 1:
                whole = os.pread(fd, stop - span.start, span.start)
                from_line, data = whole[:line], whole[line + 1 :]
            else:  # a From_ line of more than _LINE_MAX bytes: its start, then the message
                from_line = os.pread(fd, line, span.start)
                data = os.pread(fd, stop - span.body, span.body)
            if len(from_line) < line or len(data) < stop - span.body:
                yield _changed(part, number, "it became shorter while it was read")
                return
            yield mail_of(
                span,
                from_line,
                data,
                number=number,
                name=part.name,
                role=part.role,
                folder=part.folder,
            )
            number += 1
    except OSError as exc:
        yield _changed(part, number, exc.strerror or str(exc))
    finally:
        os.close(fd)


def _changed(part: MboxPart, number: int, why: str) -> ReadProblem:
    last = part.first + len(part.spans) - 1
    which = f"message {number}" if number == last else f"messages {number} to {last}"
    return ReadProblem(
        f"{part.name}#{number}",
        f"could not read {which} of {part.name}: {why.rstrip('.').lower()}; "
        "run again once the mailbox is not being changed.",
    )


_ASCTIME = re.compile(
    rb"(?i:mon|tue|wed|thu|fri|sat|sun)\s+"
    rb"(?i:(jan)|(feb)|(mar)|(apr)|(may)|(jun)|(jul)|(aug)|(sep)|(oct)|(nov)|(dec))\s+"
    rb"(\d{1,2})\s+(\d{1,2}):(\d\d):(\d\d)\s+(\d{4})\s*"
)


def _mbox_date(from_line: bytes) -> datetime | None:
    """The delivery time in ``From sender Tue Mar  5 14:02:11 2024`` (asctime, local, no zone)."""
    fast = _asctime(from_line)
    if fast is not None:
        return fast
    parts = from_line.decode("latin-1").split(None, 2)
    if len(parts) < 3:
        return None
    try:
        parsed = datetime.strptime(" ".join(parts[2].split()[:5]), "%a %b %d %H:%M:%S %Y")
    except ValueError:
        try:
            return parsedate_to_datetime(parts[2])
        except (TypeError, ValueError, IndexError):
            return None
    # The format carries no zone; mbox writers (Gmail Takeout, Thunderbird, Postfix) use UTC
    # or local time. UTC is the honest default and is documented in the README.
    return parsed.replace(tzinfo=UTC)


def _asctime(from_line: bytes) -> datetime | None:
    """The common case of ``_mbox_date`` without ``strptime`` (20 µs a message); None when the
    line is not the plain asctime shape, and ``_mbox_date`` reads it the slow way."""
    space = from_line.find(b" ", 5)
    match = _ASCTIME.fullmatch(from_line, space + 1) if space > 0 else None
    if match is None:
        return None
    month = next(i for i in range(1, 13) if match.group(i))
    day, hour, minute, second, year = (int(match.group(i)) for i in range(13, 18))
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


class MboxFile:
    """An mbox being read: its messages in order (``messages``), and, for a regular file,
    the rest of it in parts for other processes (``take``). Both advance the same splitter,
    so whatever was taken is not read again."""

    def __init__(
        self,
        splitter: MboxSplitter,
        *,
        name: str,
        role: FolderRole,
        folder: str | None,
        path: str | None = None,
        identity: tuple[int, int] = (0, 0),
        size: int = 0,
    ) -> None:
        self._splitter = splitter
        self.name, self.role, self.folder = name, role, folder
        self.path = path  # None: not readable by offset (stdin, a pipe, CR line ends)
        self._identity = identity
        self._size = size
        self._number = 1
        self.done = False
        # A read error while parts were taken: raised where reading in order resumes, so it
        # becomes the file's problem in its place (``files.Reading``).
        self._error: OSError | None = None
        self.on_take: Callable[[int, str], None] | None = None  # (bytes, where) of each part

    @property
    def left(self) -> int:
        """Bytes not yet read (0 when not readable by offset)."""
        return max(self._size - self._splitter.offset, 0) if self.path and not self.done else 0

    def messages(self) -> Iterator[RawMail]:
        while not self.done or self._error:
            if self._error is not None:
                error, self._error = self._error, None
                raise error
            found = self._splitter.next(keep=True)
            if found is None:
                self.done = True
                return
            span, from_line, data = found
            number, self._number = self._number, self._number + 1
            yield mail_of(
                span, from_line, data, number=number, name=self.name, role=self.role,
                folder=self.folder,
            )  # fmt: skip

    def take(self, budget: int) -> MboxPart | None:
        """The next messages, about ``budget`` bytes of them (at least one), as a part to be
        read by offset; None when none are left."""
        if self.path is None or self.done:
            return None
        spans: list[Span] = []
        size = 0
        while size < budget:
            try:
                found = self._splitter.next(keep=False)
            except OSError as exc:
                self._error, found = exc, None
            if found is None:
                self.done = True
                break
            spans.append(found[0])
            size += found[0].end - found[0].start
        if not spans:
            return None
        part = MboxPart(
            self.path, self._identity, self.name, self.role, self.folder, self._number,
            tuple(spans),
        )  # fmt: skip
        self._number += len(spans)
        if self.on_take is not None:
            self.on_take(part.size, self.folder or self.name)
        return part
