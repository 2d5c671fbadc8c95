"""One connection of ``inspector watch``: IDLE on one folder, or polling of several.

Read-only throughout: folders are opened with EXAMINE (RFC 3501 §6.3.2) and read with
``BODY.PEEK`` (§6.4.5); nothing is ever stored, copied, moved, expunged or appended.

**Bookkeeping.** Per folder the worker keeps UIDVALIDITY and the next UID it has not read.
UIDs only grow while UIDVALIDITY stays the same (§2.3.1.1), so after any pause (an IDLE
wake-up, a poll, a reconnect after the server restarted) ``UID SEARCH UID next:*`` names
exactly the messages not read yet; nothing that arrived meanwhile is lost. ``n:*`` always
matches the highest UID even when it is below ``n`` (§6.4.8), so results are filtered. A new
UIDVALIDITY means the UIDs were reassigned: the folder's whole window is read again and the
session drops what it already reported (by Message-ID).

**Waiting.** With one folder and IDLE offered, the worker idles (RFC 2177) and wakes on
``EXISTS``; IDLE is re-issued every ``idle_refresh`` seconds (the RFC asks for less than 29
minutes, and NAT boxes forget quiet connections). Otherwise it polls: ``STATUS (UIDNEXT
UIDVALIDITY)`` for a folder not selected (RFC 3501 §6.3.10 advises against STATUS on the
selected one, which gets NOOP and UID SEARCH instead).
"""

from __future__ import annotations

import imaplib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from inspector.errors import SourceError
from inspector.model import RawMail
from inspector.sources.imap_connect import ImapClient, close
from inspector.sources.imap_fetch import (
    HEADER_ITEM,
    as_bytes,
    as_datetime,
    as_int,
    in_window,
    item,
    message_id,
    printable,
    search_criteria,
    short_error,
)
from inspector.sources.imap_folders import Folder
from inspector.sources.imap_partial import (
    TEXT_PART_BYTES,
    TextPart,
    assemble,
    batches,
    first_text_part,
    part_items,
    sections,
)
from inspector.sources.watching import Arrival, Lost, Notice, Ready, Reconnected

log = logging.getLogger(__name__)
T = TypeVar("T")


class WatchClient(ImapClient, Protocol):
    """What a watching connection needs beyond a scan's (imapclient has all of it)."""

    def idle(self) -> object: ...
    def idle_check(self, timeout: float | None = None) -> list[object]: ...
    def idle_done(self) -> object: ...
    def noop(self) -> object: ...
    def folder_status(self, folder: str, what: Sequence[str]) -> dict[bytes, object]: ...


@dataclass(frozen=True, slots=True)
class WatchSettings:
    since: datetime  # the window's start: the backlog (and a rescan) reaches back to here
    poll_interval: float = 15.0
    idle_refresh: float = 600.0
    check_interval: float = 0.5  # how often a waiting worker looks at the stop flag
    backoff_first: float = 0.5
    backoff_max: float = 30.0
    batch_size: int = 500
    text_bytes: int = TEXT_PART_BYTES
    all_messages: bool = False


class Broken(Exception):
    """The connection is unusable."""


class Refused(Exception):
    """The server said NO/BAD to one command; the connection is fine."""


@dataclass(slots=True)
class _State:
    validity: int | None
    next_uid: int


class Worker:
    """Watches ``folders`` on one connection until ``stop`` is set (run it in a thread)."""

    def __init__(
        self,
        folders: Sequence[Folder],
        *,
        idle: bool,
        connect: Callable[[], WatchClient],
        settings: WatchSettings,
        put: Callable[[Notice], None],
        stop: threading.Event,
        is_candidate: Callable[[bytes], bool],
        url: str,
        gmail: bool = False,
        client: WatchClient | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folders = list(folders)
        self.idle = idle and len(self.folders) == 1
        self._connect = connect
        self._settings = settings
        self._put = put
        self._stop = stop
        self._is_candidate = is_candidate
        self._url = url
        self._gmail = gmail
        self._client = client
        self._clock = monotonic
        self._state: dict[str, _State] = {}
        self._selected: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.folders)

    # ------------------------------------------------------------------ the loop

    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # a thread must not die silently: say what was lost
            log.debug("watch worker failed", exc_info=True)
            self._put(Lost(self.names, f"stopped watching ({type(exc).__name__})", final=True))
        finally:
            self._close()

    def _run(self) -> None:
        attempts, lost_at = 0, None
        while not self._stop.is_set() and self.folders:
            try:
                if self._client is None:
                    attempts += 1
                    self._client = self._connect()
                changed = self._open_all()
                if lost_at is not None:
                    self._put(Reconnected(self.names, attempts, self._clock() - lost_at, changed))
                attempts, lost_at = 0, None
                while not self._stop.is_set() and self.folders:
                    self._wait_and_read()
            except (Broken, SourceError) as exc:
                self._close()
                if lost_at is None:
                    lost_at = self._clock()
                    reason = str(exc) if isinstance(exc, SourceError) else f"the server {exc}"
                    self._put(Lost(self.names, reason))
                delay = min(
                    self._settings.backoff_first * 2.0 ** max(attempts - 1, 0),
                    self._settings.backoff_max,
                )
                self._stop.wait(delay)

    def _open_all(self) -> tuple[str, ...]:
        """EXAMINE every folder: read its backlog the first time, what arrived since after a
        reconnect; the names of the folders whose UIDVALIDITY changed."""
        changed: list[str] = []
        for folder in list(self.folders):
            first = folder.name not in self._state
            try:
                if self._open(folder):
                    changed.append(folder.name)
            except Refused as exc:
                self.folders.remove(folder)
                self._put(Lost((folder.name,), f"could not be opened ({exc})", final=True))
                continue
            if first:
                self._put(Ready(folder.name))
        return tuple(changed)

    def _open(self, folder: Folder) -> bool:
        info = self._call(lambda c: c.select_folder(folder.name, readonly=True))
        self._selected = folder.name
        validity = as_int(info.get(b"UIDVALIDITY"))
        uidnext = as_int(info.get(b"UIDNEXT"))
        state = self._state.get(folder.name)
        if state is not None and state.validity == validity:
            self._read_new(folder)
            return False
        # First look, or UIDs reassigned: the window is read (again) up to UIDNEXT.
        top = uidnext if uidnext is not None else self._highest_uid() + 1
        self._state[folder.name] = _State(validity, top)
        # SINCE compares dates only: the search is a day wider, cut exactly on INTERNALDATE.
        criteria = search_criteria(self._settings.since, None, ())
        found = [u for u in self._call(lambda c: c.search(criteria)) if u < top]
        self._read(folder, sorted(found), backlog=state is None)
        self._read_new(folder)
        return state is not None

    def _highest_uid(self) -> int:
        uids = self._call(lambda c: c.search(["ALL"]))
        return max(uids, default=0)

    def _wait_and_read(self) -> None:
        if self.idle:
            self._idle_once(self.folders[0])
            return
        self._poll_once()
        self._stop.wait(self._settings.poll_interval)

    def _idle_once(self, folder: Folder) -> None:
        """IDLE until the server says EXISTS (or it is time to refresh), then read."""
        self._call(lambda c: c.idle())
        # News told before the server's "+ idling" (or with the last SEARCH) is kept by
        # imaplib apart from what idle_check returns: look there first.
        news = _pending_news(self._client)
        deadline = self._clock() + self._settings.idle_refresh
        quick, wait = 0, self._settings.check_interval
        while not news and not self._stop.is_set() and self._clock() < deadline:
            began = self._clock()
            responses = self._call(lambda c: c.idle_check(timeout=wait))
            # imapclient returns [] at EOF instead of raising: an empty answer long before
            # the timeout, again and again, is a closed connection, not a quiet one.
            quick = quick + 1 if not responses and self._clock() - began < wait / 2 else 0
            if quick >= 3:
                raise Broken("closed the connection")
            for response in responses:
                if isinstance(response, tuple) and len(response) >= 2:
                    if response[0] == b"BYE" or response[1] == b"BYE":
                        raise Broken("ended the session (BYE)")
                    news = news or response[1] in (b"EXISTS", b"RECENT")
        self._call(lambda c: c.idle_done())
        if not self._stop.is_set():
            self._read_new(folder)

    def _poll_once(self) -> None:
        for folder in list(self.folders):
            state = self._state[folder.name]
            if folder.name == self._selected:
                self._call(lambda c: c.noop())  # lets the server report new messages
                self._read_new(folder)
                continue
            name = folder.name
            status = self._call(lambda c, n=name: c.folder_status(n, ["UIDNEXT", "UIDVALIDITY"]))  # type: ignore[misc]
            uidnext = as_int(status.get(b"UIDNEXT"))
            moved = uidnext is None or uidnext > state.next_uid
            reassigned = as_int(status.get(b"UIDVALIDITY")) != state.validity
            if (moved or reassigned) and self._open(folder):
                self._put(Reconnected((name,), 0, 0.0, (name,)))

    # ------------------------------------------------------------------ reading

    def _read_new(self, folder: Folder) -> None:
        state = self._state[folder.name]
        found = self._call(lambda c: c.search(["UID", f"{state.next_uid}:*"]))
        uids = sorted(u for u in found if u >= state.next_uid)
        if uids:
            self._read(folder, uids, backlog=False)
            state.next_uid = uids[-1] + 1

    def _read(self, folder: Folder, uids: Sequence[int], *, backlog: bool) -> None:
        items = ["INTERNALDATE", "RFC822.SIZE", "BODYSTRUCTURE", HEADER_ITEM]
        if self._gmail:
            items.append("X-GM-MSGID")
        for batch in batches(uids, self._settings.batch_size):
            response = self._call(lambda c, b=batch: c.fetch(b, items))  # type: ignore[misc]
            wanted: dict[tuple[str, ...], list[tuple[int, TextPart | None, dict[bytes, object]]]]
            wanted = {}
            for uid in batch:
                data = response.get(uid)
                if data is None:
                    continue  # expunged meanwhile
                stored = as_datetime(data.get(b"INTERNALDATE"))
                if backlog and not in_window(stored, self._settings.since, None):
                    continue
                headers = as_bytes(item(data, b"BODY[HEADER"))
                if self._is_candidate(headers):
                    part = first_text_part(data.get(b"BODYSTRUCTURE"))
                    items_for = tuple(part_items(part, self._settings.text_bytes))
                    wanted.setdefault(items_for, []).append((uid, part, data))
                elif self._settings.all_messages:
                    self._emit(folder, uid, data, (headers, True), backlog)
            for fetch_items, entries in wanted.items():
                uids_now = [uid for uid, _, _ in entries]
                full = self._call(lambda c, u=uids_now, i=fetch_items: c.fetch(u, list(i)))  # type: ignore[misc]
                for uid, part, first in entries:
                    got = full.get(uid)
                    if got is None:
                        continue
                    header, mime, text = sections(got, part)
                    size = as_int(first.get(b"RFC822.SIZE"))
                    self._emit(
                        folder, uid, first, assemble(header, part, mime, text, size), backlog
                    )

    def _emit(
        self,
        folder: Folder,
        uid: int,
        first: dict[bytes, object],
        content: tuple[bytes, bool],
        backlog: bool,
    ) -> None:
        data, truncated = content
        gm = as_int(first.get(b"X-GM-MSGID"))
        key = f"gm:{gm}" if gm is not None else message_id(data)
        mail = RawMail(
            data=data,
            source=f"{self._url}/{printable(folder.name)};UID={uid}",
            folder=folder.name,
            folder_role=folder.role,
            stored_at=as_datetime(first.get(b"INTERNALDATE")),
            truncated=truncated,
            size=as_int(first.get(b"RFC822.SIZE")),
        )
        self._put(Arrival(mail, backlog, key))

    # ------------------------------------------------------------------ commands

    def _call(self, action: Callable[[WatchClient], T]) -> T:
        """Run one command; failures become :class:`Broken` or :class:`Refused`."""
        from imapclient.exceptions import ProtocolError as WireProtocolError

        client = self._client
        if client is None:
            raise Broken("the connection is closed")
        problem: str
        try:
            return action(client)
        except TimeoutError:
            problem = "did not answer in time"
        except WireProtocolError as exc:
            problem = f"sent a response that breaks the IMAP protocol ({short_error(exc)})"
        except imaplib.IMAP4.abort as exc:
            problem = f"closed the connection ({short_error(exc)})"
        except imaplib.IMAP4.error as exc:
            raise Refused(short_error(exc)) from None
        except OSError as exc:
            problem = f"dropped the connection ({exc.strerror or type(exc).__name__})"
        except (ValueError, TypeError, IndexError, KeyError) as exc:
            problem = f"sent a response that could not be read ({type(exc).__name__})"
        raise Broken(problem)

    def _close(self) -> None:
        client, self._client = self._client, None
        self._selected = None
        if client is not None:
            close(client)


def _pending_news(client: object) -> bool:
    """Whether imaplib holds an untagged EXISTS/RECENT not yet seen (and forget it)."""
    pending = getattr(getattr(client, "_imap", None), "untagged_responses", None)
    if not isinstance(pending, dict):
        return False
    found = [pending.pop(key, None) for key in ("EXISTS", "RECENT")]
    return any(found)
