"""Command-line options shared by the commands: one set of decorators, not copies."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeGuard, TypeVar

import click

from inspector.cli.times import WHEN, TimeSpec, resolve_times

if TYPE_CHECKING:
    from inspector.app import Request
    from inspector.domains.dns import Resolver
    from inspector.sources.imap import ImapConfig

F = TypeVar("F", bound=Callable[..., object])

#: A command's parsed options by parameter name, as click passes them (``**options``). Their
#: types are the options' own (str, bool, TimeSpec, ...); the readers below narrow them.
Options = Mapping[str, object]


def _compose(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


service_option = click.option(
    "--service",
    metavar="NAME_OR_DOMAIN",
    help="Only diagnose codes from this service (e.g. tiktok, google.com).",
)

requested_at_option = click.option(
    "--requested-at",
    type=WHEN,
    help="When you asked for the code: only a code sent after it can be yours.",
)

region_option = click.option(
    "--region",
    metavar="CC",
    help="Your country (ISO 3166 code, e.g. GB), for phone numbers without +country code.",
)

contact_options = _compose(
    click.option("--email", metavar="ADDR", help="The e-mail address registered with the service."),
    click.option("--phone", metavar="NUMBER", help="The phone number registered with the service."),
    region_option,
)

diagnosis_options = _compose(
    service_option,
    click.option(
        "--now",
        type=WHEN,
        help="Diagnose as of this time; later mail is left out (default: the current time).",
    ),
    requested_at_option,
    click.option(
        "--since",
        type=WHEN,
        metavar="TIME|SPAN",
        help="Start of the window looked at (default: 24h before the request, else before now).",
    ),
    click.option("--entered-code", metavar="CODE", help="The code you typed that was refused."),
    contact_options,
)


def format_option(
    *formats: str,
    help: str = "Output format: text to read, json for programs (inspector schema COMMAND).",
) -> Callable[[F], F]:
    """``--format``: the same option on every command; the choices (first = default) are its own."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(formats),
        default=formats[0],
        show_default=True,
        help="Output format: text to read; json (jsonl: one event per line) for programs, "
        "described by inspector schema COMMAND.",
    )


color_option = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output; auto: only on a terminal, and never when NO_COLOR is set.",
)

# Progress is a line on stderr, shown only when stderr is a terminal.
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Show no progress line on stderr.")

output_file_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    callback=lambda ctx, param, value: _writable(value),
    help="Write the report to this file instead of standard output.",
)

redact_option = click.option(
    "--redact", is_flag=True, help="Mask codes and addresses, to share the report."
)

all_messages_option = click.option(
    "--all-messages",
    is_flag=True,
    help="List every message read in the report, not only the codes of the attempt in focus.",
)


class _Jobs(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """``--jobs``: a number of processes, or ``auto`` (0: every CPU this process may use)."""

    name = "N|auto"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        word = str(value).strip().lower()
        if word == "auto":
            return 0
        if not (word.isdigit() and 1 <= int(word) <= MAX_JOBS):
            self.fail(f"give a number of processes from 1 to {MAX_JOBS}, or auto.", param, ctx)
        return int(word)


MAX_JOBS = 64  # a typo must not start thousands of processes

jobs_option = click.option(
    "-j",
    "--jobs",
    type=_Jobs(),
    metavar="N|auto",
    help="Processes to analyse with, this one included (default auto: one per CPU, once an "
    "input goes past 200 messages or is an mbox of 4 MB or more; 1: one process).",
)

output_options = _compose(
    format_option("text", "json", "html"),
    output_file_option,
    color_option,
    redact_option,
    all_messages_option,
    click.option(
        "--limit",
        type=click.IntRange(min=1),
        metavar="N",
        help="Rows of the timeline in text and HTML (default: the newest 20; "
        "all with --all-messages).",
    ),
    quiet_option,
)
"""The report options of ``analyze`` and ``scan``."""


connection_options = _compose(
    click.option("--host", help="IMAP server (default: known for the big providers from --user)."),
    click.option("--user", help="Login name, usually your e-mail address."),
    click.option("--account", metavar="NAME", help="Use [accounts.NAME] from the config file."),
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="Config file (default: ~/.config/inspector/config.toml).",
    ),
    click.option(
        "--port", type=click.IntRange(1, 65535), help="Port (default: 993 tls, 143 starttls)."
    ),
    click.option(
        "--encryption",
        type=click.Choice(["tls", "starttls", "none"]),
        help="tls (default), starttls (must upgrade, never falls back), none (loopback only).",
    ),
    click.option("--ca-file", type=click.Path(dir_okay=False), help="Trust this CA certificate."),
    click.option(
        "--password-command", metavar="CMD", help="Run CMD (no shell); first line = password."
    ),
    click.option("--password-env", metavar="NAME", help="Read the password from this variable."),
    click.option(
        "--oauth2-token-command",
        metavar="CMD",
        help="Run CMD for an OAuth2 token (OAUTHBEARER or XOAUTH2 login).",
    ),
    click.option(
        "--timeout",
        type=click.FloatRange(min=1),
        help="Seconds to wait on connect and on every read (default 30).",
    ),
    click.option(
        "--folders",
        metavar="NAMES",
        help="Comma-separated folders to read instead of Inbox, Junk, Trash, Archive, All Mail.",
    ),
)
"""The IMAP connection and secret options of ``scan`` and ``watch`` (read by ``imap_config``)."""


def imap_config(options: Options) -> tuple[ImapConfig, list[str] | None]:
    """The IMAP settings and the ``--folders`` override from ``connection_options``."""
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


def password_prompt() -> Callable[[str], str] | None:
    """The hidden prompt when someone is at the terminal; None when run from a script."""
    import sys

    if not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass


class Server(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A DNS server: ``IP``, ``IP:PORT`` or ``[IPv6]:PORT``."""

    name = "IP[:PORT]"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, int]:
        from inspector.domains.dns import parse_server

        if isinstance(value, tuple):
            return value  # already converted (click converts defaults again)
        try:
            return parse_server(str(value))
        except ValueError as exc:
            self.fail(f"{value!r} is not a DNS server address ({exc})", param, ctx)


dns_options = _compose(
    click.option(
        "--offline",
        is_flag=True,
        help="Use no network at all: no DNS lookups, authentication verdicts at receipt only.",
    ),
    click.option(
        "--resolver",
        "resolvers",
        type=Server(),
        multiple=True,
        help="DNS server to ask (repeatable; default: the system's resolvers).",
    ),
    click.option(
        "--dns-timeout",
        type=click.FloatRange(min=0.1, max=600),
        default=20.0,
        show_default=True,
        metavar="SECONDS",
        help="Total time all DNS lookups of the run may take; a dead resolver cannot hang it.",
    ),
)

auth_options = _compose(
    click.option(
        "--trust-authserv-id",
        "trust_authserv_ids",
        multiple=True,
        metavar="ID",
        help="Also trust Authentication-Results stamped with this authserv-id (repeatable).",
    ),
)


def text(options: Options, name: str) -> str | None:
    """A string option; None when not given."""
    value = options.get(name)
    return value if isinstance(value, str) else None


def timespec(options: Options, name: str) -> TimeSpec | None:
    """A ``WHEN`` option as typed; None when not given."""
    value = options.get(name)
    return value if isinstance(value, TimeSpec) else None


def repeated(options: Options, name: str) -> tuple[object, ...]:
    """A ``multiple=True`` option's values (click gives a tuple)."""
    value = options.get(name)
    return tuple(value) if isinstance(value, tuple | list) else ()


def _is_server(value: object) -> TypeGuard[tuple[str, int]]:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], int)
    )


def make_resolver(options: Options) -> Resolver | None:
    """The run's one resolver, or None with ``--offline``."""
    if options.get("offline"):
        return None
    from inspector.domains.dns import Resolver

    budget = options.get("dns_timeout")
    timeout = float(budget) if isinstance(budget, int | float) and budget else 20.0
    servers = [s for s in repeated(options, "resolvers") if _is_server(s)]
    return Resolver(servers or None, budget=timeout, per_query_timeout=min(3.0, timeout))


def request_from(options: Options) -> Request:
    """The core's ``Request`` from the parsed diagnosis, DNS and output options."""
    from inspector.app import Request

    now, requested_at, since = resolve_times(
        timespec(options, "now"), timespec(options, "requested_at"), timespec(options, "since")
    )
    return Request(
        now=now,
        service=text(options, "service"),
        requested_at=requested_at,
        since=since,
        entered_code=text(options, "entered_code"),
        email=text(options, "email"),
        phone=text(options, "phone"),
        region=text(options, "region"),
        all_messages=bool(options.get("all_messages")),
        redact=bool(options.get("redact")),
        resolver=make_resolver(options),
        trust_authserv_ids=tuple(str(v) for v in repeated(options, "trust_authserv_ids")),
        jobs=jobs if isinstance(jobs := options.get("jobs"), int) else None,
    )


def _writable(value: str | None) -> str | None:
    """Refuse an ``-o`` destination that cannot be written before anything is read (exit 2).

    click's ``writable=True`` only checks a file that exists; a missing folder or a read-only
    folder would otherwise fail after a long run.
    """
    import os
    from pathlib import Path

    if not value or value == "-":
        return value
    target = Path(value)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise click.BadParameter(f"the folder {str(folder)!r} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise click.BadParameter(f"the folder {str(folder)!r} is not writable.")
    return value
