"""``inspector scan``: diagnose a live mailbox over IMAP, read-only."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from inspector.cli.options import (
    Options,
    auth_options,
    diagnosis_options,
    dns_options,
    output_options,
    request_from,
    text,
)
from inspector.cli.output import EXIT_REPORT_HELP, EXIT_SOURCE, emit, fail, warn
from inspector.cli.progress import Progress

if TYPE_CHECKING:
    from inspector.report.document import Mailbox
    from inspector.sources.imap import ImapConfig, ImapScan, ScanProgress


@click.command(epilog=EXIT_REPORT_HELP)
@click.option("--host", help="IMAP server (default: known for the big providers from --user).")
@click.option("--user", help="Login name, usually your e-mail address.")
@click.option("--account", metavar="NAME", help="Use [accounts.NAME] from the config file.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: ~/.config/inspector/config.toml).",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), help="Port (default: 993 tls, 143 starttls)."
)
@click.option(
    "--encryption",
    type=click.Choice(["tls", "starttls", "none"]),
    help="tls (default), starttls (must upgrade, never falls back), none (loopback only).",
)
@click.option("--ca-file", type=click.Path(dir_okay=False), help="Trust this CA certificate.")
@click.option(
    "--password-command", metavar="CMD", help="Run CMD (no shell); first line = password."
)
@click.option("--password-env", metavar="NAME", help="Read the password from this variable.")
@click.option(
    "--oauth2-token-command", metavar="CMD", help="Run CMD for an OAuth2 token (XOAUTH2 login)."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    help="Seconds to wait on connect and on every read (default 30).",
)
@click.option(
    "--folders",
    metavar="NAMES",
    help="Comma-separated folders to read instead of Inbox, Junk, Trash, Archive, All Mail.",
)
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
    config, folders = _config(options)
    prompt = None
    if sys.stdin.isatty():
        import getpass

        prompt = getpass.getpass
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


def _config(options: Options) -> tuple[ImapConfig, list[str] | None]:
    from inspector.errors import UsageError
    from inspector.sources import imap

    overrides = {
        "user": options.get("user"),
        "host": options.get("host"),
        "port": options.get("port"),
        "encryption": options.get("encryption"),
        "ca_file": options.get("ca_file"),
        "timeout": options.get("timeout"),
        "password_command": options.get("password_command"),
        "password_env": options.get("password_env"),
        "oauth2_token_command": options.get("oauth2_token_command"),
    }
    listing = text(options, "folders") or ""
    folders = [f.strip() for f in listing.split(",") if f.strip()] or None
    account_name = text(options, "account")
    if account_name:
        account = imap.load_account(account_name, text(options, "config_path"))
        listed = account.get("folders")
        if folders is None and isinstance(listed, list):
            folders = [str(f) for f in listed]
        return imap.config_from_account(account, **overrides), folders
    if not options.get("user"):
        raise UsageError("give --user (and --host unless the provider is known) or --account.")
    # No account: the command line is the whole account (None values are "not given").
    return imap.config_from_account({}, **overrides), folders


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
