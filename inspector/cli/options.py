"""Command-line options shared by the commands: one set of decorators, not copies."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, ClassVar, TypeGuard, TypeVar

import click

if TYPE_CHECKING:
    from inspector.app import Request
    from inspector.domains.dns import Resolver

F = TypeVar("F", bound=Callable[..., object])

#: A command's parsed options by parameter name, as click passes them (``**options``). Their
#: types are the options' own (str, bool, datetime, ...); the readers below narrow them.
Options = Mapping[str, object]


class When(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """An ISO 8601 time (``2026-11-25T14:02:00+01:00``) or a clock time today (``14:02``).

    A time without an offset is local time, like the clock on the person's wall.
    """

    name = "TIME"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                clock = time.fromisoformat(text)
            except ValueError:
                self.fail(
                    f"{text!r} is not a time; use ISO 8601 like 2026-11-25T14:02+01:00 or 14:02",
                    param,
                    ctx,
                )
            parsed = datetime.combine(datetime.now().date(), clock)
        return parsed if parsed.tzinfo else parsed.astimezone()


WHEN = When()


class Since(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A TIME, or a span back from now: ``90m``, ``24h``, ``3d``, ``2w``."""

    name = "TIME|SPAN"
    _UNITS: ClassVar[dict[str, int]] = {"m": 60, "h": 3600, "d": 86400, "w": 604800}

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime | timedelta:
        import re

        if isinstance(value, (datetime, timedelta)):
            return value
        match = re.fullmatch(r"\s*(\d{1,6})\s*([mhdw])\s*", str(value).lower())
        if match:
            return timedelta(seconds=int(match.group(1)) * self._UNITS[match.group(2)])
        return WHEN.convert(value, param, ctx)


SINCE = Since()


def _compose(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


diagnosis_options = _compose(
    click.option(
        "--service",
        metavar="NAME_OR_DOMAIN",
        help="Only diagnose codes from this service (e.g. tiktok, google.com).",
    ),
    click.option(
        "--now", type=WHEN, help="Diagnose as if it were this time (default: the current time)."
    ),
    click.option(
        "--requested-at",
        type=WHEN,
        help="When you asked for the code (codes sent before it are old).",
    ),
    click.option("--entered-code", metavar="CODE", help="The code you typed that was refused."),
    click.option("--email", metavar="ADDR", help="The e-mail address registered with the service."),
    click.option("--phone", metavar="NUMBER", help="The phone number registered with the service."),
    click.option(
        "--region",
        metavar="CC",
        help="Your country (ISO 3166 code, e.g. GB) for phone numbers without +country code.",
    ),
)

output_options = _compose(
    click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Report format.",
    ),
    click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True, allow_dash=True),
        help="Write the report to this file instead of standard output.",
    ),
    click.option("--redact", is_flag=True, help="Mask codes and addresses, to share the report."),
    click.option(
        "--all-messages",
        is_flag=True,
        help="List every message read in the report, not only verification messages.",
    ),
)


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


def moment(options: Options, name: str) -> datetime | None:
    """A ``WHEN`` option; None when not given."""
    value = options.get(name)
    return value if isinstance(value, datetime) else None


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

    return Request(
        now=moment(options, "now") or datetime.now().astimezone(),
        service=text(options, "service"),
        requested_at=moment(options, "requested_at"),
        entered_code=text(options, "entered_code"),
        email=text(options, "email"),
        phone=text(options, "phone"),
        region=text(options, "region"),
        all_messages=bool(options.get("all_messages")),
        redact=bool(options.get("redact")),
        resolver=make_resolver(options),
        trust_authserv_ids=tuple(str(v) for v in repeated(options, "trust_authserv_ids")),
    )
