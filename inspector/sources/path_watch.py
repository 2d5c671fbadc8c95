"""Watch a Maildir, or a folder of .eml files, for messages that appear.

Polling, not a file-watching library: listing a folder whose modification time changed costs
microseconds, works the same on every system and on network shares (where inotify sees
nothing), and adds no dependency. Only folders whose mtime moved are listed again; the
benchmark (``python -m benchmarks --only watch``) measures the latency this gives.

A Maildir delivers atomically (``tmp/`` then a rename into ``new/``, maildir(5)), so a new
file there is read at once. A loose file may still be being written: it is read once its size
and mtime are the same on two looks in a row. A message a mail client later moves from
``new/`` to ``cur/`` (adding flags after ``:2,``) keeps its unique name before the colon and is
not read again.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from inspector.model import FolderRole, RawMail
from inspector.sources.files import MAX_MESSAGE_BYTES
from inspector.sources.folders import role_from_path
from inspector.sources.watching import Arrival, Notice, Ready, WatchedFolder

_MAILDIR_TIME = re.compile(r"(\d{9,11})\.")
_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.I | re.M)


class PathWatch:
    """A folder on disk being watched (the ``WatchSource`` of ``inspector watch PATH``)."""

    def __init__(
        self,
        path: str,
        *,
        since: datetime,
        interval: float = 0.25,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.root = Path(path)
        self._since = since
        self._interval = interval
        self._clock = monotonic
        self._sleep = sleep
        self.maildir = _is_maildir(self.root)
        self._dirs: dict[Path, tuple[str, FolderRole]] = {}
        self._mtimes: dict[Path, int] = {}
        self._known: set[str] = set()
        self._unsettled: dict[Path, tuple[int, int]] = {}
        self._pending: list[Notice] = []
        self._next_look = 0.0
        self._find_dirs()

    @property
    def description(self) -> str:
        return str(self.root)

    @property
    def folders(self) -> tuple[WatchedFolder, ...]:
        seen: dict[str, WatchedFolder] = {}
        for name, role in self._dirs.values():
            seen.setdefault(name, WatchedFolder(name, role, "scan"))
        return tuple(seen.values())

    def start(self) -> None:
        """Read what is there (the backlog, from the window start on)."""
        for directory in list(self._dirs):
            for entry in self._list(directory):
                self._see(entry, backlog=True, settle=False)
        for folder in self.folders:
            self._pending.append(Ready(folder.name))
        self._next_look = self._clock() + self._interval

    def get(self, timeout: float) -> Notice | None:
        deadline = self._clock() + max(0.0, timeout)
        while True:
            if self._pending:
                return self._pending.pop(0)
            now = self._clock()
            if now >= self._next_look:
                self._look()
                self._next_look = now + self._interval
                continue
            if now >= deadline:
                return None
            self._sleep(max(0.0, min(self._next_look, deadline) - now))

    def stop(self) -> None:
        self._pending.clear()

    # ------------------------------------------------------------------ looking

    def _find_dirs(self) -> None:
        if self.maildir:
            self._add_maildir(self.root, "INBOX", FolderRole.INBOX)
            for sub in sorted(self.root.iterdir()):
                if sub.name.startswith(".") and _is_maildir(sub):
                    name = sub.name.lstrip(".")
                    self._add_maildir(sub, name, role_from_path(Path(*name.split("."))))
            return
        for folder, dirs, _files in os.walk(self.root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            here = Path(folder)
            if here not in self._dirs:
                name = str(here.relative_to(self.root)) if here != self.root else here.name
                self._dirs[here] = (name, role_from_path(here / "x.eml"))

    def _add_maildir(self, folder: Path, name: str, role: FolderRole) -> None:
        for sub in ("new", "cur"):
            self._dirs[folder / sub] = (name, role)

    def _look(self) -> None:
        changed = {d for d in list(self._dirs) if self._changed(d)}
        if not self.maildir and changed:
            known = set(self._dirs)
            self._find_dirs()  # perhaps a new subfolder of .eml files
            changed |= {d for d in self._dirs if d not in known and self._changed(d)}
        for directory in list(self._dirs):
            if directory in changed or any(p.parent == directory for p in self._unsettled):
                for entry in self._list(directory):
                    self._see(entry, backlog=False, settle=not self.maildir)

    def _changed(self, directory: Path) -> bool:
        try:
            mtime = directory.stat().st_mtime_ns
        except OSError:
            return False
        before = self._mtimes.get(directory)
        self._mtimes[directory] = mtime
        return before != mtime

    def _list(self, directory: Path) -> Iterator[os.DirEntry[str]]:
        try:
            with os.scandir(directory) as entries:
                found = [e for e in entries if not e.name.startswith(".") and e.is_file()]
        except OSError:
            return iter(())
        return iter(sorted(found, key=lambda e: e.name))

    def _see(self, entry: os.DirEntry[str], *, backlog: bool, settle: bool) -> None:
        unique = entry.name.split(":", 1)[0] if self.maildir else entry.path
        if unique in self._known:
            return
        path = Path(entry.path)
        if settle:
            try:
                stat = entry.stat()
            except OSError:
                return
            shape = (stat.st_size, stat.st_mtime_ns)
            if self._unsettled.get(path) != shape:
                self._unsettled[path] = shape  # still being written, perhaps: look again
                return
            del self._unsettled[path]
        self._known.add(unique)
        mail = self._read(path)
        if mail is None:
            return
        stored = mail.stored_at
        if backlog and stored is not None and stored < self._since:
            return
        self._pending.append(Arrival(mail, backlog, _message_id(mail.data)))

    def _read(self, path: Path) -> RawMail | None:
        name, role = self._dirs.get(path.parent, (path.parent.name, FolderRole.OTHER))
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_MESSAGE_BYTES)
                truncated = bool(fh.read(1))
            mtime = path.stat().st_mtime
        except OSError:
            return None
        match = _MAILDIR_TIME.match(path.name) if self.maildir else None
        stamp = int(match.group(1)) if match else mtime
        return RawMail(
            data,
            source=str(path),
            folder=name,
            folder_role=role,
            stored_at=datetime.fromtimestamp(stamp, tz=UTC),
            truncated=truncated,
        )


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def _message_id(data: bytes) -> str | None:
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    match = _MESSAGE_ID.search(head)
    if not match:
        return None
    return b"".join(match.group(1).split()).decode("utf-8", "replace") or None
