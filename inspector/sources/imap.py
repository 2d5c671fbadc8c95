"""Read a live mailbox over IMAP, read-only, streaming the messages that matter.

Per folder (see ``imap_folders`` for which ones and in what order): ``EXAMINE`` (read-only
SELECT, RFC 3501 §6.3.2), one ``UID SEARCH`` for the time window and senders, then per batch
of UIDs one ``FETCH`` of INTERNALDATE, size, BODYSTRUCTURE and the classifying headers; then,
for up to ``FLUSH_MESSAGES`` messages at a time, one ``FETCH`` of the opening of each text part
and one of the header block and the rest of the text part of the candidates only (see
``imap_sections``: attachments are never fetched). Everything is read with ``BODY.PEEK`` so
no flag changes (§6.4.5); no command that writes (STORE, COPY, MOVE, EXPUNGE, APPEND) or
SELECT is ever sent.

A failure mid-scan becomes a :class:`ReadProblem` item (and ``ImapScan.incomplete``), never a
traceback: the report can say what it could not read.

Typical use (what ``inspector scan`` does)::

    account = load_account(name) if name else {}
    config = config_from_account(account, user=user, host=host, port=port, ...)  # or make_config
    with scan_mailbox(config, since=since, sender_domains=domains,
                      folders=account.get("folders"), is_candidate=classifier,
                      progress=bar, prompt=getpass.getpass if tty else None) as scan:
        quota = scan.quota  # the fullest quota resource, for the diagnosis
        for item in scan:  # RawMail / ReadProblem
            ...
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta

from inspector.errors import UsageError
from inspector.sources.imap_config import (
    ImapConfig,
    config_from_account,
    load_account,
    make_config,
)
from inspector.sources.imap_connect import (
    ClientFactory,
    ImapClient,
    connect,
    default_client_factory,
    resolve_credentials,
)
from inspector.sources.imap_fetch import (
    DEFAULT_BATCH,
    DEFAULT_MAX_MESSAGE_BYTES,
    check_wire_value,
    normalise_domains,
)
from inspector.sources.imap_headers import default_is_candidate, default_text_is_candidate
from inspector.sources.imap_quota import MailboxQuota
from inspector.sources.imap_scan import ImapScan, ProgressCallback, ScanProgress
from inspector.sources.secrets import KeyringGet, Prompt, keyring_lookup

__all__ = [
    "ImapConfig",
    "ImapScan",
    "MailboxQuota",
    "ScanProgress",
    "config_from_account",
    "default_is_candidate",
    "default_text_is_candidate",
    "load_account",
    "make_config",
    "scan_mailbox",
]


def scan_mailbox(
    config: ImapConfig,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    sender_domains: Iterable[str] = (),
    folders: Sequence[str] | None = None,
    is_candidate: Callable[[bytes], bool] = default_is_candidate,
    text_is_candidate: Callable[[str], bool] | None = default_text_is_candidate,
    all_messages: bool = False,
    progress: ProgressCallback | None = None,
    client_factory: ClientFactory = default_client_factory,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    batch_size: int = DEFAULT_BATCH,
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
    prompt: Prompt | None = None,
    environ: Mapping[str, str] | None = None,
    keyring_get: KeyringGet | None = keyring_lookup,
    retries: int = 3,
    sleep: Callable[[float], None] = time.sleep,
) -> ImapScan:
    """Connect, log in, list the folders and read the quota; iterate the result for messages.

    Raises (before anything is read) :class:`UsageError` for bad arguments and
    :class:`SourceError` subclasses (``ConnectionFailed``, ``LoginFailed``, ``ProtocolError``)
    when the mailbox cannot be opened. ``since`` defaults to 24 hours before ``now()``.
    ``is_candidate`` judges a message on its classifying header fields, ``text_is_candidate``
    (None: headers only) on the decoded opening of its text part when the headers said no.
    """
    domains = normalise_domains(sender_domains)
    for name in folders or ():
        check_wire_value(name, "folder name")
    if batch_size < 1 or max_message_bytes < 1:
        raise UsageError("batch_size and max_message_bytes must be positive.")
    since = since if since is not None else now() - timedelta(hours=24)
    window = (_aware(since), _aware(until) if until is not None else None)

    credentials = resolve_credentials(
        config, prompt=prompt, environ=environ, keyring_get=keyring_get
    )

    def open_session() -> ImapClient:
        return connect(
            config, credentials, client_factory=client_factory, retries=retries, sleep=sleep
        )

    client = open_session()
    scan = ImapScan(
        config,
        client,
        reconnect=open_session,
        window=window,
        domains=domains,
        is_candidate=is_candidate,
        text_is_candidate=text_is_candidate,
        all_messages=all_messages,
        progress=progress,
        batch_size=batch_size,
        max_message_bytes=max_message_bytes,
        retries=retries,
        sleep=sleep,
    )
    try:
        scan._prepare(folders)
    except BaseException:
        scan.close()
        raise
    return scan


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()
