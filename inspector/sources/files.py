"""Saved mail read from disk or stdin: .eml files, folders of them, mbox, Maildir, SMS exports.

Everything streams: one message is in memory at a time, whatever the size of the mailbox.
What a file is gets decided from its first bytes, not its name, so a mailbox exported as
``backup.txt`` still reads. A file that is not mail becomes a ``ReadProblem`` and the run goes
on with the rest.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO, cast

from inspector.model import FolderRole, RawMail, ReadProblem, SourceItem
from inspector.sources.folders import role_from_labels, role_from_path

# A message past this is read truncated, not refused: codes sit in the first kilobytes, and
# what lies beyond is attachments. The cap bounds memory per message.
MAX_MESSAGE_BYTES = 8 * 1024 * 1024
SNIFF_BYTES = 4096
_CHUNK = 1024 * 1024

_HEADER_LINE = re.compile(rb"^[\x21-\x39\x3b-\x7e]{1,76}:")
_MBOXRD_FROM = re.compile(rb"^>(>*From )", re.M)


def read_paths(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[SourceItem]:
    """Stream every message of every path; ``-`` reads stdin."""
    for path in paths:
        if path == "-":
            if stdin is None:
                yield ReadProblem("stdin", "stdin is not available to read from.", fatal=True)
                continue
            yield from _read_stream(stdin, "stdin", FolderRole.OTHER, None)
            continue
        yield from _read_path(Path(path))


def _read_path(path: Path) -> Iterator[SourceItem]:
    try:
        if path.is_dir():
            if _is_maildir(path):
                yield from _read_maildir(path)
            else:
                yield from _read_tree(path)
            return
        if not path.exists():
            yield ReadProblem(str(path), f"{path} does not exist; check the path.", fatal=True)
            return
        role = role_from_path(path)
        # A folder name is worth reporting only when it told us something (Junk/, Spam.mbox).
        folder = (
            (path.parent.name if path.suffix else path.name)
            if role is not FolderRole.OTHER
            else None
        )
        with path.open("rb") as fh:
            yield from _read_stream(fh, str(path), role, folder)
    except OSError as exc:
        yield ReadProblem(str(path), f"could not read {path}: {exc.strerror or exc}.", fatal=True)


def _read_stream(
    fh: BinaryIO, name: str, role: FolderRole, folder: str | None
) -> Iterator[SourceItem]:
    head = fh.read(SNIFF_BYTES)
    if b"\r" in head and b"\n" not in head:
        # Classic Mac line ends (CR only): every parser here splits lines at LF.
        fh = cast("BinaryIO", _CrToLf(fh))
        head = head.replace(b"\r", b"\n")
    head = _clean_start(head)
    kind = sniff(head)
    if kind == "mbox":
        yield from _read_mbox(fh, head, name, role, folder)
    elif kind == "eml":
        rest = fh.read(MAX_MESSAGE_BYTES - len(head))
        more = fh.read(1)
        yield RawMail(
            head + rest,
            source=name,
            folder=folder,
            folder_role=role,
            truncated=bool(more),
        )
    elif kind is not None:
        from inspector.sources import sms

        yield from sms.read_sms(cast("BinaryIO", _Prefixed(head, fh)), name)
    else:
        what = "is empty" if not head else "is not an e-mail message, mailbox or SMS export"
        yield ReadProblem(
            name,
            f"{name} {what}; give .eml files, mbox files, Maildir folders or SMS exports.",
            fatal=True,
        )


_LEADING_BLANK = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:[ \t]*\r?\n)*")


def _clean_start(head: bytes) -> bytes:
    """Without a byte-order mark and the blank (or blank-looking) lines before the first
    header: a saved message often starts with them, and a header section cannot (RFC 5322 §2.1
    ends it at the first empty line)."""
    match = _LEADING_BLANK.match(head)
    if match and match.end():
        head = head[match.end() :]
    indented = re.match(rb"[ \t]+(?=[\x21-\x39\x3b-\x7e]{1,76}:)", head)
    # " From: ..." as the very first line: a field indented by mistake (it cannot be a
    # continuation: nothing comes before it).
    return head[indented.end() :] if indented else head


class _CrToLf:
    """A binary stream with every CR turned into LF (for messages saved with CR line ends)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def read(self, size: int = -1) -> bytes:
        return self._raw.read(size).replace(b"\r", b"\n")


def sniff(head: bytes) -> str | None:
    """``"mbox"``, ``"eml"``, an SMS export kind, or None for anything else."""
    from inspector.sources import sms

    # SMS exports first: a JSON Lines record ('{"received_at": ...') also looks like a header.
    kind = sms.sniff_sms(head)
    if kind is not None:
        return kind
    stripped = head.lstrip(b"\r\n")
    if stripped.startswith(b"From "):
        return "mbox"
    if _HEADER_LINE.match(stripped):
        return "eml"
    return None


class _Prefixed:
    """A binary stream whose first bytes were already read for sniffing."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self._rest.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            if len(data) < size:
                data += self._rest.read(size - len(data))
            return data
        return self._rest.read(size)


# --------------------------------------------------------------------------------------------
# mbox (RFC 4155): messages start at lines beginning "From "; writers escape such body lines.


def _read_mbox(
    fh: BinaryIO, head: bytes, name: str, role: FolderRole, folder: str | None
) -> Iterator[SourceItem]:
    for number, (from_line, raw, truncated) in enumerate(_split_mbox(fh, head), 1):
        headers_role = role_from_labels(raw) or role
        # The regex walks every line: run it only when it can match.
        data = _MBOXRD_FROM.sub(rb"\1", raw) if b">From " in raw else raw
        yield RawMail(
            data,
            source=f"{name}#{number}",
            folder=folder,
            folder_role=headers_role,
            stored_at=_mbox_date(from_line),
            truncated=truncated,
        )


def _split_mbox(fh: BinaryIO, head: bytes) -> Iterator[tuple[bytes, bytes, bool]]:
    """Yield (From_ line, message bytes, truncated) reading the file in large chunks.

    Searching whole chunks for ``\\nFrom `` is what makes this fast; only the current message
    (capped at MAX_MESSAGE_BYTES) is ever held. ``pos`` walks through the chunk: slicing off
    each message would copy the rest of the chunk once per message.
    """
    buf = head.lstrip(b"\r\n")
    pos = 0
    pending: list[bytes] = []
    pending_size = 0
    truncated = False
    from_line: bytes | None = None
    eof = False
    while True:
        if from_line is None:
            nl = buf.find(b"\n", pos)
            while nl < 0 and not eof:
                more = fh.read(_CHUNK)
                eof = not more
                buf, pos = buf[pos:] + more, 0
                nl = buf.find(b"\n")
            if nl < 0:
                return
            from_line, pos = buf[pos:nl], nl + 1
        cut = buf.find(b"\nFrom ", pos)
        if cut >= 0 or eof:
            end = cut + 1 if cut >= 0 else len(buf)
            piece = buf[pos:end]
            if pending_size + len(piece) > MAX_MESSAGE_BYTES:
                piece, truncated = piece[: max(0, MAX_MESSAGE_BYTES - pending_size)], True
            pending.append(piece)
            message = b"".join(pending)
            if message.strip() or cut >= 0:
                yield from_line, message, truncated
            pending, pending_size, truncated = [], 0, False
            if cut < 0:
                return
            pos = end
            from_line = None
            continue
        # No boundary in the buffer: keep all but a tail that could hold a split "\nFrom ".
        tail = max(pos, len(buf) - 5)
        piece = buf[pos:tail]
        if pending_size + len(piece) > MAX_MESSAGE_BYTES:
            piece, truncated = piece[: max(0, MAX_MESSAGE_BYTES - pending_size)], True
        if piece:
            pending.append(piece)
            pending_size += len(piece)
        more = fh.read(_CHUNK)
        eof = not more
        buf, pos = buf[tail:] + more, 0


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


# --------------------------------------------------------------------------------------------
# Maildir (and Maildir++ subfolders) and plain folders of .eml files.


def _is_maildir(path: Path) -> bool:
    try:
        return (path / "cur").is_dir() and (path / "new").is_dir()
    except OSError:  # a folder we may not look into: not readable as a Maildir
        return False


def _read_maildir(root: Path) -> Iterator[SourceItem]:
    """Every folder of a Maildir; a folder that cannot be read is reported by its own path and
    the others are still read (an unreadable .Junk must not hide the Inbox)."""
    folders: list[tuple[Path, str]] = [(root, "INBOX")]
    try:
        subdirs = sorted(p for p in root.iterdir() if p.name.startswith(".") and _is_dir(p))
    except OSError as exc:
        yield _unreadable(root, exc, "its subfolders")
        subdirs = []
    # Maildir++: a subfolder ".Junk" or ".INBOX.Spam" is a mailbox; the dots separate levels.
    for path in subdirs:
        if _is_maildir(path):
            folders.append((path, path.name.lstrip(".")))
        elif not os.access(path, os.R_OK | os.X_OK):
            yield ReadProblem(
                str(path),
                f"could not read the folder {path}: permission denied; the messages in it "
                "were not checked.",
            )
    for path, folder in folders:
        role = role_from_path(Path(*folder.split("."))) if folder != "INBOX" else FolderRole.INBOX
        for sub in ("new", "cur"):
            try:
                entries = _sorted_files(path / sub)
            except OSError as exc:
                yield _unreadable(path / sub, exc, "the messages in it")
                continue
            for entry in entries:
                yield from _read_maildir_file(entry, folder, role)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _unreadable(path: Path, exc: OSError, what: str) -> ReadProblem:
    why = exc.strerror.lower() if exc.strerror else str(exc)
    return ReadProblem(
        str(path), f"could not read the folder {path}: {why}; {what} were not checked."
    )


def _read_maildir_file(path: Path, folder: str, role: FolderRole) -> Iterator[SourceItem]:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_MESSAGE_BYTES)
            truncated = bool(fh.read(1))
    except OSError as exc:
        yield ReadProblem(str(path), f"could not read {path}: {exc.strerror or exc}.")
        return
    yield RawMail(
        data,
        source=str(path),
        folder=folder,
        folder_role=role,
        stored_at=_maildir_time(path.name),
        truncated=truncated,
    )


def _maildir_time(filename: str) -> datetime | None:
    """Maildir file names start with the delivery time in Unix seconds."""
    match = re.match(r"(\d{9,11})\.", filename)
    if not match:
        return None
    return datetime.fromtimestamp(int(match.group(1)), tz=UTC)


def _sorted_files(directory: Path) -> list[Path]:
    """The message files of ``directory``; raises OSError when it cannot be listed."""
    with os.scandir(directory) as it:
        return sorted(Path(e.path) for e in it if e.is_file() and not e.name.startswith("."))


def _read_tree(root: Path) -> Iterator[SourceItem]:
    failed: list[OSError] = []  # os.walk reports a folder it cannot list here, then goes on
    for dirpath, dirnames, filenames in os.walk(root, onerror=failed.append):
        while failed:
            error = failed.pop()
            yield _unreadable(Path(error.filename or dirpath), error, "the messages in it")
        dirnames.sort()
        here = Path(dirpath)
        if here != root and _is_maildir(here):
            dirnames.clear()
            yield from _read_maildir(here)
            continue
        for filename in sorted(filenames):
            if filename.startswith("."):
                continue
            yield from _read_path(here / filename)
    for error in failed:
        yield _unreadable(Path(error.filename or root), error, "the messages in it")
