"""Maildir folders (and Maildir++ subfolders): one message a file, read in order or by path.

A folder's files are a ``FileList``: read in order one after the other, or, in the parallel
run (:mod:`inspector.analysis.parallel`), handed out as ``FilesPart`` lists of paths that a
worker reads itself, so that file contents never cross a pipe. Plain folders of files use
the same list (``files.Reading``), with their own way to read one file.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Protocol

from inspector.model import FolderRole, RawMail, ReadProblem, SourceItem
from inspector.sources.folders import role_from_path
from inspector.sources.mbox import MAX_MESSAGE_BYTES

# A file's size is not asked before it is handed out: its share of a part is this guess.
_FILE_GUESS = 32 * 1024


class Part(Protocol):
    """Messages another process can read itself (a part of an mbox, a list of files)."""

    @property
    def size(self) -> int: ...

    def items(self) -> Iterator[SourceItem]: ...


class Share(Protocol):
    """What is being read, when the rest of it can be handed out in parts."""

    on_take: Callable[[int, str], None] | None  # told (bytes, where) of each part taken

    @property
    def left(self) -> int: ...

    def take(self, budget: int) -> Part | None: ...


@dataclass(frozen=True, slots=True)
class FilesPart:
    """Consecutive message files of one Maildir folder."""

    paths: tuple[str, ...]
    folder: str
    role: FolderRole

    @property
    def size(self) -> int:
        return len(self.paths) * _FILE_GUESS

    def items(self) -> Iterator[SourceItem]:
        for path in self.paths:
            yield from read_maildir_file(Path(path), self.folder, self.role)


class FileList:
    """Files read one after the other (``items``) or handed out (``take``), in one order.

    Files are handed out only between two files: the rest of a file of many messages (an
    SMS export, an mbox read as a stream) must come before what follows it. ``single``: each
    file gives exactly one item (a Maildir message or the problem reading it), so the file
    is over once its item is out; else the reader says so (``file_done``) when it knows.
    """

    def __init__(
        self,
        paths: list[Path],
        read: Callable[[Path], Iterator[SourceItem]],
        part: Callable[[tuple[str, ...]], Part],
        *,
        single: bool,
    ) -> None:
        self._paths = deque(paths)
        self._read = read
        self._part = part
        self._single = single
        self._open = False  # a file is being read and may give more items
        self.on_take: Callable[[int, str], None] | None = None  # (bytes, where) of each part
        self.where = ""

    @property
    def left(self) -> int:
        return 0 if self._open else len(self._paths) * _FILE_GUESS

    def file_done(self) -> None:
        """The file being read gives no more items (its last one is about to be out)."""
        self._open = False

    def items(self) -> Iterator[SourceItem]:
        while self._paths:
            self._open = True
            for item in self._read(self._paths.popleft()):
                if self._single:
                    self._open = False
                yield item
            self._open = False

    def take(self, budget: int) -> Part | None:
        count = min(max(budget // _FILE_GUESS, 1), len(self._paths))
        if self._open or not count:
            return None
        part = self._part(tuple(str(self._paths.popleft()) for _ in range(count)))
        if self.on_take is not None:
            self.on_take(part.size, self.where)
        return part


def is_maildir(path: Path) -> bool:
    try:
        return (path / "cur").is_dir() and (path / "new").is_dir()
    except OSError:  # a folder we may not look into: not readable as a Maildir
        return False


def read_maildir(root: Path, shares: list[Share]) -> Iterator[SourceItem]:
    """Every folder of a Maildir; a folder that cannot be read is reported by its own path and
    the others are still read (an unreadable .Junk must not hide the Inbox). Each folder's
    files are on top of ``shares`` while they are read."""
    folders: list[tuple[Path, str]] = [(root, "INBOX")]
    try:
        subdirs = sorted(p for p in root.iterdir() if p.name.startswith(".") and _is_dir(p))
    except OSError as exc:
        yield unreadable(root, exc, "its subfolders")
        subdirs = []
    # Maildir++: a subfolder ".Junk" or ".INBOX.Spam" is a mailbox; the dots separate levels.
    for path in subdirs:
        if is_maildir(path):
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
                entries = sorted_files(path / sub)
            except OSError as exc:
                yield unreadable(path / sub, exc, "the messages in it")
                continue
            read = partial(read_maildir_file, folder=folder, role=role)
            part = partial(FilesPart, folder=folder, role=role)
            files = FileList(entries, read, part, single=True)
            files.where = folder
            yield from shared(files, shares)


def shared(files: FileList, shares: list[Share]) -> Iterator[SourceItem]:
    """The items of ``files``, with ``files`` on top of ``shares`` meanwhile."""
    shares.append(files)
    try:
        yield from files.items()
    finally:
        shares.remove(files)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def unreadable(path: Path, exc: OSError, what: str) -> ReadProblem:
    why = exc.strerror.lower() if exc.strerror else str(exc)
    return ReadProblem(
        str(path), f"could not read the folder {path}: {why}; {what} were not checked."
    )


def read_maildir_file(path: Path, folder: str, role: FolderRole) -> Iterator[SourceItem]:
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


def sorted_files(directory: Path) -> list[Path]:
    """The message files of ``directory``; raises OSError when it cannot be listed."""
    with os.scandir(directory) as it:
        return sorted(Path(e.path) for e in it if e.is_file() and not e.name.startswith("."))
