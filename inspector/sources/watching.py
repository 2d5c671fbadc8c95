"""What a watched source reports while ``inspector watch`` waits, whatever the source is.

A watched source (a live mailbox: ``imap_watch``; a folder on disk: ``path_watch``) is started,
then hands out :data:`Notice` values one at a time from :meth:`WatchSource.get` until it is
stopped. Its threads (if any) stay inside it: the caller sees one queue.
"""

from __future__ import annotations

import queue
from dataclasses import dataclass
from typing import Protocol

from inspector.model import FolderRole, RawMail


@dataclass(frozen=True, slots=True)
class WatchedFolder:
    """A folder being watched, its role, and how news of it arrives."""

    name: str
    role: FolderRole
    method: str  # "idle" (RFC 2177), "poll" (STATUS/UID SEARCH), "scan" (a folder on disk)
    all_mail: bool = False  # RFC 6154 \All: repeats the other folders' messages


@dataclass(frozen=True, slots=True)
class Arrival:
    """One message read from a watched folder.

    ``backlog``: it was there before the watch began (the window before the request, read for
    context); ``key``: an identity that is the same for the copies of one message in several
    folders (Gmail's X-GM-MSGID, else the Message-ID), so it is reported once.
    """

    item: RawMail
    backlog: bool
    key: str | None


@dataclass(frozen=True, slots=True)
class Ready:
    """The backlog of ``folder`` has been read: from now on, every arrival is new."""

    folder: str


@dataclass(frozen=True, slots=True)
class Lost:
    """The connection watching ``folders`` broke (or a folder could not be opened)."""

    folders: tuple[str, ...]
    reason: str
    final: bool = False  # no retry: the folder is gone, or the login is refused for good


@dataclass(frozen=True, slots=True)
class Reconnected:
    """Watching ``folders`` again after ``attempts`` tries and ``offline_seconds``; every
    message that arrived meanwhile is read (UIDNEXT bookkeeping), and a folder whose
    UIDVALIDITY changed (RFC 3501 §2.3.1.1) was read again over the whole window."""

    folders: tuple[str, ...]
    attempts: int
    offline_seconds: float
    uidvalidity_changed: tuple[str, ...] = ()


Notice = Arrival | Ready | Lost | Reconnected


class WatchSource(Protocol):
    """A source ``inspector watch`` can wait on."""

    @property
    def description(self) -> str: ...  # "alice@imap.example.com:993", "~/Maildir"
    @property
    def folders(self) -> tuple[WatchedFolder, ...]: ...
    def start(self) -> None: ...
    def get(self, timeout: float) -> Notice | None: ...
    def stop(self) -> None: ...


class Mailbag:
    """The one queue a source's threads put notices into (a thin wrapper for typing)."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Notice] = queue.Queue()

    def put(self, notice: Notice) -> None:
        self._queue.put(notice)

    def get(self, timeout: float) -> Notice | None:
        try:
            return self._queue.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None
