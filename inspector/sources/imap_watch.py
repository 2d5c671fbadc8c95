"""Watch a live mailbox for new messages: every code-bearing folder at once, read-only.

The folders are the ones ``scan`` reads (``imap_folders``: Inbox, Junk/Spam, Trash, Archive,
All Mail). With IDLE (RFC 2177) each folder gets its own connection, up to
``max_connections``: IDLE only reports on the selected mailbox, and a client that selects
folders in turn would miss news of the others. Past the cap, the remaining folders share one
polling connection; without IDLE one connection polls them all (see ``imap_worker``).

The secret is read once (:func:`resolve_credentials`): every connection and every reconnect
reuses it, so a password command runs, and a prompt asks, a single time.

Typical use (what ``inspector watch`` does)::

    with watch_mailbox(config, WatchSettings(since=start), prompt=getpass.getpass) as watch:
        watch.start()
        while (notice := watch.get(timeout=1.0)) is not None: ...
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import cast

from inspector.errors import ConnectionFailed, ProtocolError
from inspector.sources.imap_config import ImapConfig
from inspector.sources.imap_connect import (
    ClientFactory,
    Credentials,
    close,
    connect,
    default_client_factory,
    resolve_credentials,
)
from inspector.sources.imap_fetch import check_wire_value
from inspector.sources.imap_folders import Folder, choose_folders
from inspector.sources.imap_headers import default_is_candidate
from inspector.sources.imap_worker import WatchClient, WatchSettings, Worker
from inspector.sources.secrets import KeyringGet, Prompt, keyring_lookup
from inspector.sources.watching import Mailbag, Notice, WatchedFolder

#: Connections held at once; providers cap them per account (Gmail: 15, many others: 10 per
#: address) and the person's own mail client needs some too.
DEFAULT_MAX_CONNECTIONS = 5


class MailboxWatch:
    """A mailbox being watched; iterate :meth:`get` for :data:`Notice` values."""

    def __init__(
        self,
        config: ImapConfig,
        folders: Sequence[Folder],
        *,
        workers: Sequence[Worker],
        missing: Sequence[str],
        stop: threading.Event,
        bag: Mailbag,
    ) -> None:
        self.config = config
        self.missing_folders = tuple(missing)
        self._folders = tuple(folders)
        self._workers = tuple(workers)
        self._stop = stop
        self._bag = bag
        self._threads: list[threading.Thread] = []
        method = {name: ("idle" if w.idle else "poll") for w in workers for name in w.names}
        self._watched = tuple(
            WatchedFolder(f.name, f.role, method[f.name], f.all_mail) for f in folders
        )

    @property
    def description(self) -> str:
        return f"{self.config.user}@{self.config.host}:{self.config.port}"

    @property
    def folders(self) -> tuple[WatchedFolder, ...]:
        return self._watched

    def start(self) -> None:
        for number, worker in enumerate(self._workers, 1):
            thread = threading.Thread(target=worker.run, name=f"watch-{number}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def get(self, timeout: float) -> Notice | None:
        return self._bag.get(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        """Ask every worker to end (each leaves IDLE and logs out) and wait for them."""
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout)

    def __enter__(self) -> MailboxWatch:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def watch_mailbox(
    config: ImapConfig,
    settings: WatchSettings,
    *,
    folders: Sequence[str] | None = None,
    max_connections: int = DEFAULT_MAX_CONNECTIONS,
    use_idle: bool = True,
    is_candidate: Callable[[bytes], bool] = default_is_candidate,
    client_factory: ClientFactory = default_client_factory,
    prompt: Prompt | None = None,
    environ: Mapping[str, str] | None = None,
    keyring_get: KeyringGet | None = keyring_lookup,
) -> MailboxWatch:
    """Log in, choose the folders and plan the connections (nothing is read yet).

    Raises :class:`SourceError` subclasses when the mailbox cannot be reached, before any
    thread starts.
    """
    for name in folders or ():
        check_wire_value(name, "folder name")
    credentials = resolve_credentials(
        config, prompt=prompt, environ=environ, keyring_get=keyring_get
    )

    def open_session() -> WatchClient:
        return _open(config, credentials, client_factory)

    first = open_session()
    try:
        idle = use_idle and bool(first.has_capability("IDLE"))
        gmail = bool(first.has_capability("X-GM-EXT-1"))
        listing = first.list_folders()
    except Exception as exc:
        close(first)
        raise ConnectionFailed(
            f"{config.host} failed when asked for the list of folders ({type(exc).__name__})."
        ) from None
    chosen, missing = choose_folders(listing, folders or None)
    if not chosen:
        close(first)
        raise ProtocolError(f"{config.host} lists no folder that can be watched.")
    stop, bag = threading.Event(), Mailbag()

    def worker(group: Sequence[Folder], idles: bool, client: WatchClient | None) -> Worker:
        return Worker(
            group,
            idle=idles,
            connect=open_session,
            settings=settings,
            put=bag.put,
            stop=stop,
            is_candidate=is_candidate,
            url=config.url,
            gmail=gmail,
            client=client,
        )

    groups = plan(chosen, idle=idle, max_connections=max_connections)
    workers = [
        worker(group, idle and len(group) == 1, first if n == 0 else None)
        for n, group in enumerate(groups)
    ]
    return MailboxWatch(config, chosen, workers=workers, missing=missing, stop=stop, bag=bag)


def plan(folders: Sequence[Folder], *, idle: bool, max_connections: int) -> list[list[Folder]]:
    """Which folders share a connection: one each with IDLE (the most telling folders first:
    they are already in reading order), the rest together on one polling connection."""
    if not idle:
        return [list(folders)]
    cap = max(1, max_connections)
    if len(folders) <= cap:
        return [[f] for f in folders]
    return [[f] for f in folders[: cap - 1]] + [list(folders[cap - 1 :])]


def _open(config: ImapConfig, credentials: Credentials, factory: ClientFactory) -> WatchClient:
    # imapclient's IMAPClient has every WatchClient method; a fake passes its own.
    return cast("WatchClient", connect(config, credentials, client_factory=factory, retries=1))
