"""Saved mail read from disk or stdin: .eml files, folders of them, mbox, Maildir, SMS exports.

Everything streams: one message is in memory at a time, whatever the size of the mailbox.
What a file is gets decided from its first bytes, not its name, so a mailbox exported as
``backup.txt`` still reads. A file that is not mail becomes a ``ReadProblem`` and the run goes
on with the rest.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from inspector.model import FolderRole, RawMail, ReadProblem, SourceItem, TextMessage
from inspector.sources.folders import role_from_path
from inspector.sources.maildir import (
    FileList,
    Share,
    is_maildir,
    read_maildir,
    shared,
    unreadable,
)
from inspector.sources.mbox import MAX_MESSAGE_BYTES, MboxFile, MboxSplitter

__all__ = ["MAX_MESSAGE_BYTES", "Reading", "read_paths", "sniff"]

SNIFF_BYTES = 4096

_HEADER_LINE = re.compile(rb"^[\x21-\x39\x3b-\x7e]{1,76}:")


def read_paths(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Reading:
    """Stream every message of every path; ``-`` reads stdin."""
    return Reading(paths, stdin)


class Reading:
    """The items of ``read_paths``, in order; besides, ``share()`` is what is being read when
    the rest of it can be handed out: the parallel run takes parts of it for its workers to
    read themselves (an mbox file on disk by offset, :mod:`inspector.sources.mbox`; a folder's
    files by path, :mod:`inspector.sources.maildir`), and reading goes on after them.

    ``observe``, when set, is told ``(bytes, where)`` for every message read and every part
    taken (a progress line: parts are read elsewhere, but they are done with here).
    """

    def __init__(self, paths: Iterable[str], stdin: BinaryIO | None) -> None:
        self._shares: list[Share] = []  # what is being read, innermost last
        self._items = self._read_all(paths, stdin)
        self.observe: Callable[[int, str], None] | None = None

    def __iter__(self) -> Reading:
        return self

    def __next__(self) -> SourceItem:
        item = next(self._items)
        if self.observe is not None:
            if isinstance(item, RawMail):
                self.observe(item.size or len(item.data), item.folder or _file_of(item.source))
            elif isinstance(item, TextMessage):
                self.observe(len(item.body), _file_of(item.source))
        return item

    def _file_done(self) -> None:
        """A file of a folder gives its last item: the files after it may be handed out."""
        if self._shares and isinstance(self._shares[-1], FileList):
            self._shares[-1].file_done()

    def _took(self, size: int, where: str) -> None:
        if self.observe is not None:
            self.observe(size, where)

    def share(self) -> Share | None:
        """What is being read, when the rest of it can be handed out in parts: an mbox file
        on disk, a Maildir folder's or a folder's files."""
        if not self._shares or self._shares[-1].left <= 0:
            return None  # only the innermost: what comes next in reading order
        share = self._shares[-1]
        share.on_take = self._took
        return share

    def _read_all(self, paths: Iterable[str], stdin: BinaryIO | None) -> Iterator[SourceItem]:
        for path in paths:
            if path == "-":
                if stdin is None:
                    yield ReadProblem("stdin", "stdin is not available to read from.", fatal=True)
                    continue
                # Not by offset even when stdin is a regular file: its name is no path.
                yield from self._read_stream(
                    stdin, "stdin", FolderRole.OTHER, None, by_offset=False
                )
                continue
            yield from self._read_path(Path(path))

    def _read_path(self, path: Path) -> Iterator[SourceItem]:
        try:
            if path.is_dir():
                if is_maildir(path):
                    yield from read_maildir(path, self._shares)
                else:
                    yield from self._read_tree(path)
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
                yield from self._read_stream(fh, str(path), role, folder)
        except OSError as exc:
            yield ReadProblem(
                str(path), f"could not read {path}: {exc.strerror or exc}.", fatal=True
            )

    def _read_stream(
        self,
        fh: BinaryIO,
        name: str,
        role: FolderRole,
        folder: str | None,
        *,
        by_offset: bool = True,
    ) -> Iterator[SourceItem]:
        head = fh.read(SNIFF_BYTES)
        crlf = b"\r" in head and b"\n" not in head
        if crlf:
            # Classic Mac line ends (CR only): every parser here splits lines at LF.
            fh = cast("BinaryIO", _CrToLf(fh))
            head = head.replace(b"\r", b"\n")
        head = _clean_start(head)
        kind = sniff(head)
        if kind == "mbox":
            mbox = _mbox_file(fh, head, name, role, folder, by_offset=by_offset and not crlf)
            self._shares.append(mbox)
            try:
                yield from mbox.messages()
            finally:
                mbox.done = True
                self._shares.remove(mbox)
        elif kind == "eml":
            rest = fh.read(MAX_MESSAGE_BYTES - len(head))
            more = fh.read(1)
            self._file_done()
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
            self._file_done()
            yield ReadProblem(
                name,
                f"{name} {what}; give .eml files, mbox files, Maildir folders or SMS exports.",
                fatal=True,
            )

    def _read_tree(self, root: Path) -> Iterator[SourceItem]:
        failed: list[OSError] = []  # os.walk reports a folder it cannot list here, then goes on
        for dirpath, dirnames, filenames in os.walk(root, onerror=failed.append):
            while failed:
                error = failed.pop()
                yield unreadable(Path(error.filename or dirpath), error, "the messages in it")
            dirnames.sort()
            here = Path(dirpath)
            if here != root and is_maildir(here):
                dirnames.clear()
                yield from read_maildir(here, self._shares)
                continue
            names = [name for name in sorted(filenames) if not name.startswith(".")]
            files = FileList(
                [here / name for name in names], self._read_path, TreePart, single=False
            )
            files.where = str(here)
            yield from shared(files, self._shares)
        for error in failed:
            yield unreadable(Path(error.filename or root), error, "the messages in it")


@dataclass(frozen=True, slots=True)
class TreePart:
    """Consecutive files of a folder, each read as ``read_paths`` reads it."""

    paths: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.paths) * 32 * 1024  # as maildir.FilesPart: a guess, not asked

    def items(self) -> Iterator[SourceItem]:
        return Reading(self.paths, None)


def _file_of(source: str) -> str:
    return source.partition("#")[0]


def _mbox_file(
    fh: BinaryIO, head: bytes, name: str, role: FolderRole, folder: str | None, *, by_offset: bool
) -> MboxFile:
    """The mbox in ``fh`` (``head`` already read from it); readable by offset in other
    processes when ``fh`` is a regular file read as it is (not stdin, not CR line ends)."""
    path: str | None = None
    identity, size, offset = (0, 0), 0, 0
    if by_offset:
        try:
            info = os.fstat(fh.fileno())
            if stat.S_ISREG(info.st_mode):
                path, identity, size = name, (info.st_dev, info.st_ino), info.st_size
                offset = fh.tell() - len(head)  # the caller only dropped bytes before head
        except (AttributeError, OSError, ValueError):  # not a real file (a test's BytesIO)
            path = None
    splitter = MboxSplitter(fh.read, head, offset)
    return MboxFile(
        splitter, name=name, role=role, folder=folder, path=path, identity=identity, size=size
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
