"""Small pieces of plain language shared by the diagnosis and the reports."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from inspector.extract.services import service_by_id
from inspector.model import Channel, FolderRole

if TYPE_CHECKING:
    from inspector.analysis.record import MessageRecord

_FOLDER_WORDS = {
    FolderRole.INBOX: "your Inbox",
    FolderRole.JUNK: "Junk",
    FolderRole.TRASH: "Trash",
    FolderRole.ARCHIVE: "the archive",
}


def when(moment: datetime, now: datetime) -> str:
    """A time as the person reads it: in the zone of ``now``, with the date when not today."""
    local = moment.astimezone(now.tzinfo)
    if local.date() == now.date():
        return local.strftime("%H:%M")
    if local.year == now.year:  # "Nov 5 07:51": the day without its zero, the hour with it
        return f"{local:%b} {local.day} {local:%H:%M}"
    return local.strftime("%Y-%m-%d %H:%M")


def duration(seconds: float) -> str:
    """``95`` → "1 min 35 s"; coarse units for long spans, since precision is not the point."""
    seconds = abs(seconds)
    if seconds < 60:
        return f"{round(seconds)} s"
    minutes = seconds / 60
    if minutes < 10:
        whole = int(minutes)
        rest = round(seconds - whole * 60)
        return f"{whole} min {rest} s" if rest else f"{whole} min"
    if minutes < 120:
        return f"{round(minutes)} min"
    hours = minutes / 60
    if hours < 48:
        return f"{hours:.1f} h".replace(".0 h", " h")
    return f"{hours / 24:.1f} days".replace(".0 days", " days")


def ago(moment: datetime, now: datetime) -> str:
    delta = (now - moment).total_seconds()
    if delta < 0:
        return f"in {duration(delta)}"
    return f"{duration(delta)} ago"


def group_label(record: MessageRecord) -> str:
    """The service's name, else the sender's domain, else "verification"."""
    service_id = record.extraction.service
    service = service_by_id(service_id) if service_id else None
    if service is not None:
        return service.name
    return record.from_domain or record.from_display or "verification"


def folder_name(record: MessageRecord) -> str | None:
    if record.channel is Channel.SMS:
        return None
    if record.folder_role in _FOLDER_WORDS:
        return _FOLDER_WORDS[record.folder_role]
    return f"the folder {record.folder}" if record.folder else None


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
