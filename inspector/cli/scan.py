"""``inspector scan``: diagnose a live mailbox over IMAP, read-only."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from inspector.cli.options import (
    auth_options,
    connection_options,
    diagnosis_options,
    dns_options,
    imap_config,
    output_options,
    password_prompt,
    request_from,
)
from inspector.cli.output import EXIT_REPORT_HELP, EXIT_SOURCE, emit, fail, warn
from inspector.cli.progress import Progress

if TYPE_CHECKING:
    from inspector.report.document import Mailbox
    from inspector.sources.imap import ImapConfig, ImapScan, ScanProgress


@click.command(epilog=EXIT_REPORT_HELP)
@connection_options
@diagnosis_options
@dns_options
@auth_options
@output_options
def scan(**options: object) -> int:
    """Diagnose a live mailbox over IMAP (read-only: nothing in it is changed).

    \b
    Examples:
      inspector scan --user alice@gmail.com --password-command "pass show gmail-app"
      inspector scan --account work --service tiktok --entered-code 482915
      inspector scan --user me@outlook.com --oauth2-token-command "oauth2ms --token"
      inspector scan --host imap.example.org --user alice --since 3d --format json -o r.json
    """
    from dataclasses import replace

    from inspector import app
    from inspector.diagnosis.evidence import window_start
    from inspector.sources import imap

    request = request_from(options)
    since = window_start(request.now, request.requested_at, request.since)
    request = replace(request, since=since)
    service = app.resolve_service(request.service)
    config, folders = imap_config(options)
    prompt = password_prompt()
    with Progress.on_stderr(quiet=bool(options.get("quiet"))) as progress:
        scanner = imap.scan_mailbox(
            config,
            since=since,
            sender_domains=service.domains if service else (),
            folders=folders,
            all_messages=request.all_messages,
            progress=_folder_progress(progress) if progress.enabled else None,
            prompt=prompt,
        )
        with scanner:
            outcome = app.diagnose_items(scanner, request, quota=scanner.quota)
            outcome.report = replace(
                outcome.report,
                mailbox=_mailbox(config, scanner),
                incomplete=outcome.report.incomplete or scanner.incomplete,
            )
    if outcome.result.messages_read == 0 and scanner.incomplete and not scanner.folders_scanned:
        for problem in outcome.result.problems:
            warn(problem.message)
        fail("nothing could be read from the mailbox.", EXIT_SOURCE)
    return emit(outcome, options)


def _mailbox(config: ImapConfig, scanner: ImapScan) -> Mailbox:
    from inspector.report.document import FolderEntry, Mailbox, QuotaEntry

    quota = scanner.quota
    return Mailbox(
        host=config.host,
        user=config.user,
        folders=tuple(
            FolderEntry(f.name, f.role, f.name in scanner.folders_scanned) for f in scanner.folders
        ),
        missing_folders=scanner.missing_folders,
        quota=None
        if quota is None
        else QuotaEntry(quota.resource, quota.usage, quota.limit, round(quota.ratio, 4)),
        incomplete=scanner.incomplete,
        imap_commands=scanner.command_count,
    )


def _folder_progress(progress: Progress) -> Callable[[ScanProgress], None]:
    """The IMAP scan's per-folder counts as one line: messages looked at in all folders so
    far, the folder being read, and its share done (each folder's size is known once it is
    searched; the next folders' are not, so the time left is the current folder's)."""
    finished: dict[str, int] = {}

    def show(p: ScanProgress) -> None:
        new_folder = p.folder not in finished  # drawn at once: each folder read is seen
        finished[p.folder] = p.done
        progress.update(
            sum(finished.values()),
            where=f"{p.folder} ({p.folder_index}/{p.folder_count})",
            fraction=p.done / p.total if p.total else 1.0,
            force=new_folder,
        )

    return show
