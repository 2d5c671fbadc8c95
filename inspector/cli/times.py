"""The TIME options (``--now``, ``--requested-at``, ``--since``): what a person types for a time.

Accepted, in every TIME option:

* ISO 8601: ``2026-11-25T14:02:00+01:00``, ``2026-11-25 14:02``, ``2026-11-25``;
* a clock time ``HH:MM[:SS]``: on the date of ``--now``;
* a span back from ``--now``: ``10m``, ``90s``, ``2h``, ``3d``, ``1w``, also ``10m ago``.

A time without a zone takes the zone of ``--now`` (the local zone only when ``--now`` is not
given). ``--now`` itself is resolved against the real clock. Options are parsed one at a time
by click, so each becomes a ``TimeSpec`` first and is resolved once ``--now`` is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import click

_SPAN = re.compile(r"(\d{1,7})\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|wk|wks)(?:\s+ago)?")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


@dataclass(frozen=True, slots=True)
class TimeSpec:
    """One TIME as typed, not yet placed against ``--now``."""

    text: str
    moment: datetime | None = None  # ISO 8601, naive or with its zone
    clock: time | None = None
    span: timedelta | None = None

    def resolve(self, now: datetime) -> datetime:
        """The moment meant, in ``now``'s zone when the text gave none (``now`` is aware)."""
        if self.span is not None:
            return now - self.span
        if self.clock is not None:
            moment = datetime.combine(now.date(), self.clock.replace(tzinfo=None))
            zone = self.clock.tzinfo or now.tzinfo
            return moment.replace(tzinfo=zone)
        assert self.moment is not None
        return self.moment if self.moment.tzinfo else self.moment.replace(tzinfo=now.tzinfo)


def parse_time(text: str) -> TimeSpec | None:
    """The TimeSpec of ``text``, or None when it is no time at all."""
    cleaned = " ".join(text.strip().split())
    span = _SPAN.fullmatch(cleaned.lower())
    if span:
        unit = span.group(2)[0]
        return TimeSpec(cleaned, span=timedelta(seconds=int(span.group(1)) * _UNIT_SECONDS[unit]))
    try:
        return TimeSpec(cleaned, moment=datetime.fromisoformat(cleaned.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return TimeSpec(cleaned, clock=time.fromisoformat(cleaned))
    except ValueError:
        return None


class When(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A TIME: ISO 8601, a clock time, or a span back from ``--now`` (see the module doc)."""

    name = "TIME"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> TimeSpec:
        if isinstance(value, TimeSpec):
            return value
        spec = parse_time(str(value))
        if spec is None:
            self.fail(
                f"{str(value).strip()!r} is not a time; use ISO 8601 like "
                "2026-11-25T14:02+01:00, a clock time like 14:02, or a span back like 10m",
                param,
                ctx,
            )
        return spec


WHEN = When()


def resolve_times(
    now: TimeSpec | None, requested_at: TimeSpec | None, since: TimeSpec | None
) -> tuple[datetime, datetime | None, datetime | None]:
    """``--now``, ``--requested-at`` and ``--since`` as moments; the last two may not be later
    than ``--now`` (``click.UsageError``, exit 2, naming both times)."""
    clock = datetime.now().astimezone()
    moment = now.resolve(clock) if now is not None else clock
    requested = requested_at.resolve(moment) if requested_at is not None else None
    start = since.resolve(moment) if since is not None else None
    for option, spec, value in (
        ("--requested-at", requested_at, requested),
        ("--since", since, start),
    ):
        if value is not None and spec is not None and value > moment:
            raise click.UsageError(
                f"{option} {spec.text} ({_shown(value)}) is later than --now "
                f"({_shown(moment)}); give a time before it."
            )
    return moment, requested, start


def _shown(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="seconds")
