"""The text report (``--format text``): the answer first, the evidence after.

1. the verdict sentence (and, when something could not be read, that it is incomplete);
2. the findings, most important first, each with its advice;
3. a timeline of the verification messages (the newest 20 unless ``--limit``; every message
   read with ``--all-messages``);
4. one footer line: what was read, what was skipped, the time zone of every time shown.

It is rendered from the same document as the JSON report, so both always agree and
``--redact`` applies to both. Times are 24-hour, in the zone of ``--now``, with the date only
when not today and the year only when not this year. Width and colour come in a ``Screen``;
every string from a message is cleaned and never read as markup (``inspector.report.terminal``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from inspector.report import terminal, view
from inspector.report.serialize import JSON
from inspector.report.terminal import Screen, joined, text
from inspector.report.view import DEFAULT_LIMIT, ContactsDoc, MessageDoc, ReportDoc

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

_STATE_STYLE = {
    "valid": "green",
    "expired": "red",
    "expired_in_transit": "red",
    "superseded": "dim",
    "before_request": "dim",
    "unknown": "yellow",
}
_WHERE_STYLE = {"junk": "red", "trash": "yellow"}
_SKIPPED_SHOWN = 5


def render(
    document: JSON,
    screen: Screen | None = None,
    *,
    limit: int | None = DEFAULT_LIMIT,
    every_message: bool = False,
) -> str:
    """The text of a serialized report (redacted or not: one document, two renderings).

    ``limit`` caps the timeline's rows (the newest are kept; None: all); ``every_message``
    lists every message in the document, not only the verification messages.
    """
    doc = cast("ReportDoc", document)  # made by jsonable(Report): the shape is the schema's
    screen = screen or Screen()
    now = datetime.fromisoformat(doc["now"])
    blank = text("")
    items: list[RenderableType] = [text(doc["verdict"], "bold")]
    items += _skipped(doc)
    findings = doc["findings"]
    if findings:
        items += [blank, text("Findings", "bold underline")]
        items.append(terminal.finding_rows(findings, [f["detail"] for f in findings]))
    else:
        items += [blank, text("No problems found.", "green")]
    items += [blank, *_timeline(doc, now, limit, every_message, screen.width)]
    items += _contacts(doc)
    late = view.ignored_line(doc, now)
    if late:
        items += [blank, text(late)]
    items += [blank, text(view.footer(doc, now), "dim")]
    return terminal.render(screen, items)


def _skipped(doc: ReportDoc) -> list[RenderableType]:
    """What could not be read, said right under the verdict: it may change the answer."""
    notice = view.incomplete_notice(doc)
    if notice is None:
        return []
    skipped = doc["skipped"]
    out: list[RenderableType] = [text(notice, "yellow")]
    for problem in skipped[:_SKIPPED_SHOWN]:
        out.append(joined("  - ", problem["why"]))
    if len(skipped) > _SKIPPED_SHOWN:
        rest = len(skipped) - _SKIPPED_SHOWN
        out.append(text(f"  ... and {rest} more (--format json lists them all)"))
    return out


def _timeline(
    doc: ReportDoc, now: datetime, limit: int | None, every_message: bool, width: int
) -> list[RenderableType]:
    shown, total = view.timeline_rows(doc, limit, every_message)
    if not shown:
        read = view.count(doc["messages_read"], "message")
        return [text(f"No verification message among the {read} read.")]
    heading = joined((view.timeline_title(doc, len(shown), total, every_message), "bold underline"))
    if len(shown) < total:
        heading.append_text(
            joined((f" - the newest {len(shown)}; --limit N or --all-messages shows more", "dim"))
        )
    return [heading, _table(shown, now, width)]


_HEADERS = ("Arrived", "Where", "Service", "Code", "State", "Took", "From")
_CAPS = (None, 16, 16, 12, None, None, 60)  # the longest a cell may be, in columns
_SERVICE, _TOOK, _FROM = 2, 5, 6
_GAP = 2
_MIN_FROM = 12  # a sender cut shorter than this says nothing


def _table(messages: list[MessageDoc], now: datetime, width: int) -> Table:
    """One row per message. The sender gets what is left of the line; on a narrow screen
    the sender, then the transit time, then the service are left out before the time, the
    place, the code or its state are ever cut."""
    from rich.table import Table

    rows = [_row(msg, now) for msg in messages]
    widths = [
        min(max(len(_HEADERS[i]), *(len(row[i][0]) for row in rows)), _CAPS[i] or width)
        for i in range(len(_HEADERS))
    ]
    shown = list(range(len(_HEADERS)))

    def needed() -> int:
        fixed = sum(widths[i] for i in shown if i != _FROM)
        return fixed + _GAP * (len(shown) - 1) + (_MIN_FROM if _FROM in shown else 0)

    for column in (_FROM, _TOOK, _SERVICE):
        if needed() <= width:
            break
        shown.remove(column)
    if _FROM in shown:
        widths[_FROM] = min(widths[_FROM], width - needed() + _MIN_FROM)
    # Bold headers as styled text, not a header style: a style would cover the padding too,
    # and the trailing blanks could not be trimmed from the line.
    table = Table(box=None, pad_edge=False, padding=(0, _GAP, 0, 0), header_style="")
    for i in shown:
        header = text(_HEADERS[i], "bold")
        table.add_column(header, no_wrap=True, overflow="ellipsis", max_width=widths[i])
    for row in rows:
        cells = [_sender(row[i][0], widths[i]) if i == _FROM else row[i][0] for i in shown]
        styles = [row[i][1] for i in shown]
        table.add_row(
            *(text(_cut(c, widths[i]), st) for i, c, st in zip(shown, cells, styles, strict=True))
        )
    return table


def _sender(value: str, limit: int) -> str:
    """``Name <address>`` when it fits, else the address: the name is the part anyone can
    fake, and the service column already names the service."""
    if len(value) > limit and value.endswith(">") and "<" in value:
        return value[value.rindex("<") + 1 : -1]
    return value


def _row(msg: MessageDoc, now: datetime) -> list[tuple[str, str]]:
    """The cells of one message: (text, style)."""
    state = msg["freshness"] or "-"
    return [
        (view.arrived(msg, now), ""),
        (view.place(msg), _WHERE_STYLE.get(msg["folder_role"], "")),
        (view.service_name(msg["service"]), ""),
        (msg["code"] or "-", "bold"),
        (state.replace("_", " "), _STATE_STYLE.get(state, "")),
        (view.took(msg), ""),
        (msg["from"] or "?", ""),
    ]


def _cut(value: str, limit: int) -> str:
    from inspector.report.sanitize import clean

    value = clean(value)  # measured as it will print: escapes make it longer
    return value if len(value) <= limit else value[: max(limit - 1, 0)] + "…"


def _contacts(doc: ReportDoc) -> list[RenderableType]:
    out: list[RenderableType] = []
    contacts = doc.get("contacts") or ContactsDoc()
    email = contacts.get("email")
    if email:
        state = "valid" if email["valid"] else "invalid"
        out += [text(""), joined("Registered address: ", email["input"], f" ({state})")]
    phone = contacts.get("phone")
    if phone:
        kind = (phone["type"] or "unknown type").replace("_", " ")
        out += [text(""), joined("Registered phone: ", phone["input"], f" ({kind})")]
    return out
