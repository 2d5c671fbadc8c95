"""The streaming part of an IMAP scan: folder by folder, batch by batch (see ``imap.py``)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import TypeVar

from inspector.errors import ConnectionFailed, ProtocolError, UsageError
from inspector.model import FolderRole, RawMail, ReadProblem, SourceItem
from inspector.sources.imap_config import ImapConfig
from inspector.sources.imap_connect import ImapClient, close, is_throttled
from inspector.sources.imap_fetch import (
    HEADER_ITEM,
    SearchKey,
    as_bytes,
    as_datetime,
    as_int,
    chunks,
    has_wire_breaker,
    in_window,
    item,
    message_id,
    printable,
    search_criteria,
    short_error,
)
from inspector.sources.imap_folders import Folder, choose_folders
from inspector.sources.imap_quota import MailboxQuota, fullest
from inspector.sources.imap_sections import (
    Seen,
    plan,
    read_candidates,
    read_openings,
    readable,
)

log = logging.getLogger(__name__)

#: Messages whose steps 2 and 3 wait for one another (about 2 KB each while they wait).
FLUSH_MESSAGES = 5000
#: Gmail tabs worth naming in the report: a code filed under them is easy to overlook.
GMAIL_CATEGORIES = ("promotions", "updates")


@dataclass(frozen=True, slots=True)
class ScanProgress:
    folder: str
    folder_index: int  # 1-based
    folder_count: int
    done: int  # messages of this folder looked at so far
    total: int  # messages of this folder in the search result


ProgressCallback = Callable[[ScanProgress], None]
T = TypeVar("T")


class _Broken(Exception):
    """The connection is unusable (reset, closed, timed out, unparseable)."""


class _Refused(Exception):
    """The server answered NO/BAD to one command; the connection is still fine."""


class ImapScan:
    """The messages of one mailbox, streamed: iterate once for :data:`SourceItem` values.

    ``quota`` and ``folders`` are known as soon as :func:`scan_mailbox` returns;
    ``folders_scanned``, ``incomplete`` and ``commands`` fill in while iterating. The
    connection is closed when iteration ends (or by :meth:`close` / ``with``).
    """

    def __init__(
        self,
        config: ImapConfig,
        client: ImapClient,
        *,
        reconnect: Callable[[], ImapClient],
        window: tuple[datetime, datetime | None],
        domains: Sequence[str],
        is_candidate: Callable[[bytes], bool],
        text_is_candidate: Callable[[str], bool] | None,
        all_messages: bool,
        progress: ProgressCallback | None,
        batch_size: int,
        max_message_bytes: int,
        retries: int,
        sleep: Callable[[float], None],
    ) -> None:
        self.config = config
        self._client: ImapClient | None = client
        self._reconnect = reconnect
        self._since, self._until = window
        self._domains = tuple(domains)
        self._is_candidate = is_candidate
        self._text_is_candidate = text_is_candidate
        self._all_messages = all_messages
        self._progress = progress
        self._batch = batch_size
        self._max_bytes = max_message_bytes
        self._retries = retries
        self._sleep = sleep
        self.commands: Counter[str] = Counter({"LOGIN": 1})
        self.quota: MailboxQuota | None = None
        self.folders: tuple[Folder, ...] = ()
        self.missing_folders: tuple[str, ...] = ()
        self.folders_scanned: list[str] = []
        self.incomplete = False
        self.gmail = False
        self._started = False
        self._selected: tuple[str, int | None] | None = None
        self._seen_ids: set[str] = set()

    # ---------------------------------------------------------------- public

    @property
    def command_count(self) -> int:
        return sum(self.commands.values())

    def __iter__(self) -> Iterator[SourceItem]:
        if self._started:
            raise UsageError("An IMAP scan can be iterated only once.")
        self._started = True
        return self._items()

    def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            self.commands["LOGOUT"] += 1
            close(client)

    def __enter__(self) -> ImapScan:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ImapScan {self.config.url} folders={len(self.folders)}>"

    # ---------------------------------------------------------------- setup

    def _prepare(self, wanted: Sequence[str] | None) -> None:
        try:
            # Capabilities come with the LOGIN reply (RFC 3501 §7.2.1), so these are free.
            self.gmail = bool(self._call(None, lambda c: c.has_capability("X-GM-EXT-1")))
            has_quota = bool(self._call(None, lambda c: c.has_capability("QUOTA")))
            listing = self._call("LIST", lambda c: c.list_folders())
        except (_Broken, _Refused) as exc:
            raise ConnectionFailed(
                f"{self.config.host} {exc} when asked for the list of folders."
            ) from None
        chosen, missing = choose_folders(listing, wanted or None)  # [] means the default set
        self.folders, self.missing_folders = tuple(chosen), tuple(missing)
        if not self.folders and not self.missing_folders:
            raise ProtocolError(f"{self.config.host} lists no folder that can be read.")
        if has_quota:
            try:
                _roots, quotas = self._call("GETQUOTAROOT", lambda c: c.get_quota_root("INBOX"))
                self.quota = fullest(quotas)
            except _Refused:
                self.quota = None  # a server may list QUOTA yet refuse it for this account
            except _Broken as exc:
                raise ConnectionFailed(
                    f"{self.config.host} {exc} when asked for the quota."
                ) from None

    # ---------------------------------------------------------------- commands

    def _call(self, command: str | None, action: Callable[[ImapClient], T]) -> T:
        """Run one command, counting it; retry [THROTTLED]; map failures to _Broken/_Refused."""
        import imaplib

        from imapclient.exceptions import ProtocolError as WireProtocolError

        attempt = 0
        while True:
            if self._client is None:
                raise _Broken("the connection is closed")
            if command is not None:
                self.commands[command] += 1
            failure: str | None = None
            broken = False
            try:
                return action(self._client)
            except TimeoutError:
                failure = f"did not answer within {self.config.timeout:g} s"
                broken = True
            except WireProtocolError as exc:
                failure = f"sent a response that breaks the IMAP protocol ({short_error(exc)})"
                broken = True
            except imaplib.IMAP4.abort as exc:
                failure = f"closed the connection ({short_error(exc)})"
                broken = True
            except imaplib.IMAP4.error as exc:
                failure = f"refused {command or 'a command'} ({short_error(exc)})"
            except OSError as exc:
                failure = f"dropped the connection ({exc.strerror or type(exc).__name__})"
                broken = True
            except (ValueError, TypeError, IndexError, KeyError) as exc:
                failure = f"sent a response that could not be read ({type(exc).__name__})"
                broken = True
            if not is_throttled(failure) or attempt >= self._retries:
                raise (_Broken if broken else _Refused)(failure)
            self._sleep(2.0**attempt)
            attempt += 1
            if broken:
                self._resume()

    def _resume(self) -> None:
        """After a throttled disconnect: log in again and re-open the folder being read.

        UIDs only mean the same messages while UIDVALIDITY stays the same (RFC 3501 §2.3.1.1);
        a change can only show on a new EXAMINE, so it is checked here.
        """
        old, self._client = self._client, None
        if old is not None:
            close(old)
        try:
            self._client = self._reconnect()
        except ConnectionFailed as exc:
            raise _Broken(f"could not reconnect ({exc})") from None
        self.commands["LOGIN"] += 1
        if self._selected is None:
            return
        name, validity = self._selected
        info = self._call("EXAMINE", lambda c: c.select_folder(name, readonly=True))
        if as_int(info.get(b"UIDVALIDITY")) != validity:
            raise _Refused(
                "changed its UIDVALIDITY while it was read, so its UIDs mean other messages now"
            )

    # ---------------------------------------------------------------- scanning

    def _items(self) -> Iterator[SourceItem]:
        try:
            for name in self.missing_folders:
                yield ReadProblem(
                    f"{self.config.url}/{printable(name)}",
                    f"The folder {printable(name)} does not exist on {self.config.host} or cannot "
                    "be opened; check the folder name.",
                )
            for index, folder in enumerate(self.folders, 1):
                source = f"{self.config.url}/{printable(folder.name)}"
                try:
                    yield from self._scan_folder(folder, index, source)
                except _Refused as exc:
                    self.incomplete = True
                    yield ReadProblem(
                        source,
                        f"The folder {printable(folder.name)} was not read completely: "
                        f"{self.config.host} {exc}.",
                    )
                except _Broken as exc:
                    self.incomplete = True
                    yield ReadProblem(
                        source,
                        f"{self.config.host} {exc} while {printable(folder.name)} was being read; "
                        "the results are incomplete.",
                    )
                    return
                self.folders_scanned.append(folder.name)
        finally:
            self._selected = None
            self.close()

    def _scan_folder(self, folder: Folder, index: int, source: str) -> Iterator[SourceItem]:
        if has_wire_breaker(folder.name):
            raise _Refused("has a name with a line break, which cannot be sent safely")
        self._selected = None  # a reconnect before this EXAMINE has no UIDs to protect
        info = self._call("EXAMINE", lambda c: c.select_folder(folder.name, readonly=True))
        self._selected = (folder.name, as_int(info.get(b"UIDVALIDITY")))
        criteria = search_criteria(self._since, self._until, self._domains)
        uids = sorted(self._call("SEARCH", lambda c: c.search(criteria)))
        categories = self._gmail_categories(folder, criteria)
        self._report(folder, index, 0, len(uids))
        # Steps 2 and 3 (see imap_sections) wait for up to FLUSH_MESSAGES messages, so that
        # one FETCH serves the candidates of many header batches.
        pending: list[Seen] = []
        for done, batch in enumerate(chunks(uids, self._batch), 1):
            pending += self._classify(folder, batch)
            self._report(folder, index, min(done * self._batch, len(uids)), len(uids))
            if len(pending) >= FLUSH_MESSAGES:
                yield from self._flush(folder, source, pending, categories)
                pending = []
        yield from self._flush(folder, source, pending, categories)

    def _gmail_categories(self, folder: Folder, criteria: list[SearchKey]) -> dict[int, str]:
        """Gmail files mail under tabs that are not folders; X-GM-RAW finds them (one SEARCH
        per tab, only where the tabs live: the inbox and All Mail)."""
        if not self.gmail or folder.role not in (FolderRole.INBOX, FolderRole.ARCHIVE):
            return {}
        found: dict[int, str] = {}
        for name in GMAIL_CATEGORIES:
            query = [*criteria, "X-GM-RAW", f"category:{name}"]
            for uid in self._call("SEARCH", lambda c, q=query: c.search(q)):  # type: ignore[misc]
                found.setdefault(uid, name)
        return found

    def _classify(self, folder: Folder, batch: Sequence[int]) -> list[Seen]:
        """Step 1: dates, sizes, structure and classifying headers of a batch (RFC 3501
        §6.4.5, §7.4.2); the messages worth a further look, with what is known of them."""
        items = ["INTERNALDATE", "RFC822.SIZE", "BODYSTRUCTURE", HEADER_ITEM]
        if self.gmail:
            items.append("X-GM-MSGID")
        response = self._call("FETCH", lambda c: c.fetch(batch, items))
        kept: list[Seen] = []
        for uid in batch:
            data = response.get(uid)
            if data is None:
                continue  # expunged by another client since the SEARCH
            stored = as_datetime(data.get(b"INTERNALDATE"))
            if not in_window(stored, self._since, self._until):
                continue
            headers = as_bytes(item(data, b"BODY[HEADER"))
            if self._duplicate(folder, data, headers):
                continue
            structure = data.get(b"BODYSTRUCTURE")
            seen = Seen(
                uid,
                headers,
                stored,
                as_int(data.get(b"RFC822.SIZE")),
                plan(structure),
                readable(structure),
                bool(self._is_candidate(headers)),
            )
            may_read = seen.section is not None and self._text_is_candidate is not None
            if seen.candidate or may_read or self._all_messages:
                kept.append(seen)
        return kept

    def _flush(
        self, folder: Folder, source: str, pending: Sequence[Seen], categories: Mapping[int, str]
    ) -> Iterator[SourceItem]:
        """Steps 2 and 3: the text part's opening, the candidate test on it, then the header
        block and the rest of the part of the candidates; the messages, in UID order."""
        if not pending:
            return
        reading = self._text_is_candidate
        if reading is not None:
            read_openings(self._fetch, pending, reading, FLUSH_MESSAGES)
        contents = read_candidates(
            self._fetch,
            [s for s in pending if s.candidate],
            max_bytes=self._max_bytes,
            max_count=self._batch,
            after_opening=reading is not None,
        )
        for seen in pending:
            if not seen.candidate and not self._all_messages:
                continue
            content = contents.get(seen.uid) if seen.candidate else None
            data, truncated = content if content is not None else (seen.headers, True)
            yield RawMail(
                data=data,
                source=f"{source};UID={seen.uid}",
                folder=folder.name,
                folder_role=folder.role,
                stored_at=seen.stored,
                truncated=truncated,
                category=categories.get(seen.uid),
                size=seen.size,
            )

    def _fetch(self, uids: Sequence[int], items: list[str]) -> Mapping[int, Mapping[bytes, object]]:
        return self._call("FETCH", lambda c: c.fetch(uids, items))

    def _duplicate(self, folder: Folder, data: Mapping[bytes, object], headers: bytes) -> bool:
        """A \\All folder repeats the others: skip what an earlier folder already gave.

        Gmail's X-GM-MSGID is assigned by the server and cannot be forged; Message-ID is the
        fallback. Only \\All folders are deduplicated, so a forged Message-ID can at worst
        hide a copy that was already reported from its real folder.
        """
        key = as_int(data.get(b"X-GM-MSGID"))
        ident = f"gm:{key}" if key is not None else message_id(headers)
        if ident is None:
            return False
        if folder.all_mail:
            return ident in self._seen_ids
        self._seen_ids.add(ident)
        return False

    def _report(self, folder: Folder, index: int, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(ScanProgress(folder.name, index, len(self.folders), done, total))
