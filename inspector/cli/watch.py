"""``inspector watch``: wait for the code together with the person, and say the moment it lands."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

import click

from inspector.cli.options import (
    Options,
    all_messages_option,
    auth_options,
    connection_options,
    contact_options,
    dns_options,
    format_option,
    imap_config,
    make_resolver,
    output_file_option,
    password_prompt,
    redact_option,
    repeated,
    requested_at_option,
    service_option,
    text,
    timespec,
)
from inspector.cli.output import warn

if TYPE_CHECKING:
    from inspector.app import Request
    from inspector.sources.watching import WatchSource
    from inspector.watch.events import Event

#: Seconds between two looks at a mailbox without IDLE, and at a folder on disk.
IMAP_POLL, PATH_POLL = 15.0, 0.25


@click.command()
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False))
@connection_options
@service_option
@requested_at_option
@contact_options
@click.option(
    "--wait",
    type=click.FloatRange(min=1, max=86400),
    default=300.0,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait in all for the code.",
)
@click.option(
    "--poll-interval",
    type=click.FloatRange(min=0.05, max=3600),
    metavar="SECONDS",
    help=f"Seconds between looks when IDLE is missing (default {IMAP_POLL:g}; "
    f"{PATH_POLL:g} for a PATH).",
)
@dns_options
@auth_options
@format_option("text", "jsonl")
@output_file_option
@redact_option
@all_messages_option
def watch(path: str | None, **options: object) -> int:
    """Wait for a code to arrive, live: over IMAP (read-only), or in a Maildir or folder PATH.

    Every verification message that lands is reported at once: where it went, whether it is
    authentic, how long it took and how long it stays valid. Ends when the code (of --service)
    is in a normal folder and looks fine (exit 0), or after --wait with the diagnosis of
    what did not come (exit 1); exit 3 when the mailbox cannot be reached.

    \b
    Examples:
      inspector watch --user alice@gmail.com --password-command "pass show gmail-app"
      inspector watch --account work --service tiktok --wait 600 --format jsonl
      inspector watch ~/Maildir --requested-at 14:05
    """
    from inspector.watch.session import Clocks, Session

    request = _request(options)
    poll = options.get("poll_interval")
    given = options.get("wait")
    wait = float(given) if isinstance(given, int | float) else 300.0
    source, kind, recipient = _source(path, options, request, poll)
    output = text(options, "output")
    stream, close = _open(output)
    try:
        emit = _printer(stream, text(options, "output_format") or "text", request)
        session = Session(
            source,
            request,
            wait=wait,
            kind=kind,
            emit=emit,
            warn=warn,
            clocks=Clocks(now=_now),
            recipient=recipient,
        )
        finished = session.run()
    finally:
        if close:
            stream.close()
    return finished.exit_code


def _request(options: Options) -> Request:
    from inspector.app import Request
    from inspector.cli.times import resolve_times

    now, requested, _ = resolve_times(None, timespec(options, "requested_at"), None)
    return Request(
        now=now,
        service=text(options, "service"),
        requested_at=requested or now,
        email=text(options, "email"),
        phone=text(options, "phone"),
        region=text(options, "region"),
        all_messages=bool(options.get("all_messages")),
        redact=bool(options.get("redact")),
        resolver=make_resolver(options),
        trust_authserv_ids=tuple(str(v) for v in repeated(options, "trust_authserv_ids")),
    )


def _source(
    path: str | None, options: Options, request: Request, poll: object
) -> tuple[WatchSource, str, str | None]:
    from inspector.diagnosis.evidence import window_start

    since = window_start(request.now, request.requested_at, None)
    interval = float(poll) if isinstance(poll, int | float) else None
    if path is not None:
        from inspector.sources.path_watch import PathWatch

        return PathWatch(path, since=since, interval=interval or PATH_POLL), "path", None
    from inspector.sources.imap_watch import watch_mailbox
    from inspector.sources.imap_worker import WatchSettings

    config, folders = imap_config(options)
    settings = WatchSettings(
        since=since,
        poll_interval=interval or IMAP_POLL,
        all_messages=request.all_messages,
    )
    source = watch_mailbox(config, settings, folders=folders, prompt=password_prompt())
    return source, "imap", config.user


def _open(output: str | None) -> tuple[TextIO, bool]:
    """Standard output, or the ``-o`` file (events are appended as they happen)."""
    if not output or output == "-":
        return sys.stdout, False
    from inspector.errors import InspectorError

    try:
        return open(output, "w", encoding="utf-8"), True
    except OSError as exc:
        raise InspectorError(f"could not write the events to {output}: {exc.strerror}.") from None


def _printer(stream: TextIO, output_format: str, request: Request) -> Callable[[Event], None]:
    from inspector.watch import render

    width = min(shutil.get_terminal_size((100, 24)).columns, 120)
    codes: set[str] = set()
    addresses: set[str] = {a for a in (request.email, request.phone) if a}

    def emit(event: Event) -> None:
        redactor = None
        if request.redact:
            from inspector.report.redact import Redactor

            code = getattr(event, "code", None)
            sender = getattr(event, "from_address", None)
            codes.update(c for c in (code,) if isinstance(c, str))
            addresses.update(a for a in (sender,) if isinstance(a, str))
            redactor = Redactor(codes, addresses)
        doc = render.to_json(event, redactor)
        piece = render.jsonl(doc) if output_format == "jsonl" else render.text(doc, width)
        stream.write(piece)
        stream.flush()  # each event the moment it happens: someone is waiting for it

    return emit


def _now() -> datetime:
    return datetime.now().astimezone()
