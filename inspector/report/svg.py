"""The HTML report's picture: an inline SVG timeline of the verification messages.

One lane per message, on one time axis: the send time, each hop of the delivery path (a
slow hop drawn thick and labelled with its delay), the arrival and the folder it landed in,
the window in which the code is valid, and two lines across every lane: when the code was
requested and "now". Every time is shown in the zone of ``--now``.

Markers are counted by the browser tests: one ``data-marker="message"`` per message drawn,
one ``data-marker="request"`` when the request time is known, one ``data-marker="now"``.
Text from messages only ever appears as escaped element content (``esc``), never in an
attribute that could load or run anything.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from inspector.diagnosis.wording import duration, when
from inspector.report import view
from inspector.report.sanitize import clean
from inspector.report.view import MessageDoc

WIDTH = 960
LEFT = 250  # the lanes' labels
RIGHT = 110  # room for the last arrival's folder label
TOP = 34  # the request and now labels
LANE = 48
BOTTOM = 26  # the axis labels
SLOW_HOP = 60.0  # seconds: a hop this slow is drawn thick and labelled
_STEPS = [timedelta(minutes=m) for m in (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720)] + [
    timedelta(days=d) for d in (1, 2, 7, 14, 30, 91, 182, 365)
]
_MAX_TICKS = 8


def esc(value: str) -> str:
    """Untrusted text for element content or a quoted attribute: cleaned, then escaped."""
    return html.escape(clean(value), quote=True)


@dataclass(frozen=True, slots=True)
class _Scale:
    start: datetime
    end: datetime

    def x(self, moment: datetime) -> float:
        span = (self.end - self.start).total_seconds()
        share = (moment - self.start).total_seconds() / span
        return LEFT + min(max(share, 0.0), 1.0) * (WIDTH - LEFT - RIGHT)

    def inside(self, moment: datetime) -> bool:
        return self.start <= moment <= self.end


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _hop_times(msg: MessageDoc) -> list[tuple[datetime, float | None, str | None]]:
    """The hops' stamps that can be drawn: near the arrival (a stamp days off is a wrong
    server clock, reported elsewhere as clock skew, and would squash the picture)."""
    anchor = view.arrival(msg)
    out = []
    for hop in msg["hops"]:
        at = _time(hop["at"])
        if at is None or anchor is None or abs((at - anchor).total_seconds()) > 86400:
            continue
        out.append((at, hop["delay_seconds"], hop["by"]))
    return out


def _scale(messages: Sequence[MessageDoc], requested: datetime | None, now: datetime) -> _Scale:
    moments = [now] + ([requested] if requested else [])
    for msg in messages:
        moments += [t for t in (_time(msg["sent_at"]), view.arrival(msg)) if t]
        moments += [at for at, _, _ in _hop_times(msg)]
    start, end = min(moments), max(moments)
    # An expiry shortly after the rest is worth the room; a code valid for a day is not.
    reach = max((end - start) * 0.5, timedelta(minutes=10))
    for msg in messages:
        expires = _time(msg["expires_at"])
        if expires and end < expires <= end + reach:
            end = expires
    span = max(end - start, timedelta(minutes=10))
    pad = span * 0.04
    middle = start + (end - start) / 2
    if end - start < span:  # too short to read: centred in ten minutes
        start, end = middle - span / 2, middle + span / 2
    return _Scale(start - pad, end + pad)


def _ticks(scale: _Scale, now: datetime) -> list[datetime]:
    span = scale.end - scale.start
    step = next((s for s in _STEPS if span / s <= _MAX_TICKS), _STEPS[-1])
    local = scale.start.astimezone(now.tzinfo)
    first = local.replace(minute=0, second=0, microsecond=0)
    if step >= timedelta(days=1):
        first = first.replace(hour=0)
    ticks = []
    moment = first
    while moment <= scale.end:
        if moment >= scale.start:
            ticks.append(moment)
        moment += step
    every = -(-len(ticks) // _MAX_TICKS)  # years of mail: thin the labels out, never crowd
    return ticks[::every]


def timeline(
    messages: Sequence[MessageDoc], requested: datetime | None, now: datetime, title: str
) -> str:
    """The SVG element (a string of markup) for ``messages`` in arrival order."""
    scale = _scale(messages, requested, now)
    bottom = TOP + LANE * max(len(messages), 1)
    height = bottom + BOTTOM
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}"'
        ' role="img" aria-labelledby="timeline-title">',
        f'<title id="timeline-title">{esc(title)}</title>',
        '<g class="axis">',
    ]
    for tick in _ticks(scale, now):
        x = scale.x(tick)
        out.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{bottom + 4}"/>')
        out.append(
            f'<text class="tick" x="{x:.1f}" y="{bottom + 18}">{esc(when(tick, now))}</text>'
        )
    out.append("</g>")
    for i, msg in enumerate(messages):
        out.append(_lane(msg, i, scale, now))
    if not messages:
        out.append(
            f'<text class="empty" x="{LEFT}" y="{TOP + LANE / 2 + 4}">'
            "No verification message to draw.</text>"
        )
    if requested is not None:
        out.append(_line("request", scale.x(requested), f"asked {when(requested, now)}", bottom))
    out.append(_line("now", scale.x(now), f"now {when(now, now)}", bottom))
    out.append("</svg>")
    return "\n".join(out)


def _line(kind: str, x: float, label: str, bottom: int) -> str:
    """A vertical line across every lane, with its marker and label at the top."""
    anchor = "end" if kind == "request" else "start"
    shift = -5 if kind == "request" else 5
    return (
        f'<g class="{kind}" data-marker="{kind}">'
        f'<line x1="{x:.1f}" y1="{TOP - 18}" x2="{x:.1f}" y2="{bottom}"/>'
        f'<path class="flag" d="M{x:.1f} {TOP - 18} l-5 -8 h10 z"/>'
        f'<text x="{x + shift:.1f}" y="{TOP - 24}" text-anchor="{anchor}">{esc(label)}</text>'
        "</g>"
    )


def _lane(msg: MessageDoc, index: int, scale: _Scale, now: datetime) -> str:
    top = TOP + index * LANE
    mid = top + LANE / 2
    role = msg["folder_role"] if msg["folder_role"] in view.ROLES else "other"
    state = msg["freshness"] or "none"
    parts = [
        f'<g class="lane role-{role} state-{state}">',
        f'<rect class="band{" odd" if index % 2 else ""}" x="0" y="{top}" width="{WIDTH}"'
        f' height="{LANE}"/>',
        f'<text class="label" x="8" y="{mid - 4:.1f}">{esc(view.arrived(msg, now))}  '
        f"{esc(view.service_name(msg['service']))}</text>",
        f'<text class="code" x="8" y="{mid + 13:.1f}">{esc(msg["code"] or "no code")}'
        f'<tspan class="state"> {esc(state.replace("_", " "))}</tspan></text>',
    ]
    sent = _time(msg["sent_at"])
    arrived = view.arrival(msg)
    expires = _time(msg["expires_at"])
    origin = sent or arrived
    if expires is not None and origin is not None:
        begin, end = scale.x(origin), scale.x(expires)
        cut = "" if scale.inside(expires) else " cut"
        parts.append(
            f'<rect class="expiry{cut}" x="{begin:.1f}" y="{mid - 12:.1f}"'
            f' width="{max(end - begin, 1):.1f}" height="24" rx="3">'
            f"<title>valid until {esc(when(expires, now))}</title></rect>"
        )
    parts += _path(msg, sent=sent, arrived=arrived, mid=mid, scale=scale, now=now)
    if arrived is not None:
        x = scale.x(arrived)
        where = view.place(msg)
        parts.append(
            f'<circle class="arrival" data-marker="message" cx="{x:.1f}" cy="{mid:.1f}" r="7">'
            f"<title>arrived {esc(when(arrived, now))} in {esc(where)}</title></circle>"
        )
        if where != "-":
            parts.append(
                f'<text class="where" x="{x + 11:.1f}" y="{mid + 4:.1f}">{esc(where)}</text>'
            )
    else:  # no time at all: drawn at the start, marked as unknown
        parts.append(
            f'<circle class="arrival unknown" data-marker="message" cx="{LEFT}" cy="{mid:.1f}"'
            ' r="7"><title>arrival time unknown</title></circle>'
        )
    parts.append("</g>")
    return "".join(parts)


def _path(
    msg: MessageDoc,
    *,
    sent: datetime | None,
    arrived: datetime | None,
    mid: float,
    scale: _Scale,
    now: datetime,
) -> list[str]:
    """The send time and the hops to the arrival: one segment per hop, its delay on hover,
    the slow ones thick and labelled."""
    parts: list[str] = []
    points: list[tuple[datetime, float | None, str]] = [(sent, None, "sent")] if sent else []
    points += [(at, delay, f"by {by}" if by else "a server") for at, delay, by in _hop_times(msg)]
    if arrived is not None and (not points or points[-1][0] != arrived):
        points.append((arrived, None, "stored"))
    previous: datetime | None = None
    for n, (at, delay, what) in enumerate(points):
        x = scale.x(at)
        if previous is not None:
            wait = delay if delay is not None else (at - previous).total_seconds()
            slow = " slow" if wait >= SLOW_HOP else ""
            x0 = scale.x(previous)
            parts.append(
                f'<line class="hop-seg{slow}" x1="{x0:.1f}" y1="{mid:.1f}" x2="{x:.1f}"'
                f' y2="{mid:.1f}"><title>hop {n}, {esc(what)}: {esc(duration(wait))}</title></line>'
            )
            if slow:
                parts.append(
                    f'<text class="delay" x="{(x0 + x) / 2:.1f}" y="{mid - 16:.1f}">'
                    f"{esc(duration(wait))}</text>"
                )
        if n and at != arrived:
            parts.append(
                f'<circle class="hop" cx="{x:.1f}" cy="{mid:.1f}" r="3">'
                f"<title>{esc(when(at, now))} {esc(what)}</title></circle>"
            )
        previous = at
    if sent is not None:
        parts.append(
            f'<circle class="sent" cx="{scale.x(sent):.1f}" cy="{mid:.1f}" r="4">'
            f"<title>sent {esc(when(sent, now))}</title></circle>"
        )
    return parts
