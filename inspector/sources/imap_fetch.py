"""Pure helpers of the IMAP scan: search criteria, batching, reading FETCH responses.

Nothing here talks to a server; ``imap.py`` sends what these functions build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import SupportsIndex, SupportsInt, TypeAlias

from inspector.errors import UsageError
from inspector.sources.imap_headers import HEADER_FIELDS

#: Messages per FETCH of headers and structure (under 2 KB each): commands grow with batches,
#: not with messages.
DEFAULT_BATCH = 5000
#: Bytes read of one candidate message (a code is in the first few KB; attachments are not).
DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024
#: Bytes asked for in one FETCH of candidate bodies, so memory stays bounded.
BODY_BATCH_BYTES = 8 * 1024 * 1024

HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS ({})]".format(" ".join(f.upper() for f in HEADER_FIELDS))


def body_item(max_bytes: int) -> str:
    """A partial fetch of the whole message that does not set \\Seen (RFC 3501 §6.4.5)."""
    return f"BODY.PEEK[]<0.{max_bytes}>"


def check_wire_value(value: str, what: str) -> None:
    """Refuse a value bound for the wire that holds CR, LF or NUL: imapclient sends such
    strings as quoted strings, which cannot contain them (RFC 3501 §4.3), so they would end
    the command early and let the rest be read as a new command."""
    if any(c in value for c in "\r\n\0"):
        raise UsageError(f"The {what} {value!r} contains a line break or NUL character.")


def has_wire_breaker(value: str) -> bool:
    return any(c in value for c in "\r\n\0")


def normalise_domains(domains: Iterable[str]) -> tuple[str, ...]:
    """Sender domains as ASCII (IDNA) lower-case names; :class:`UsageError` for a bad one."""
    out: list[str] = []
    for raw in domains:
        check_wire_value(raw, "sender domain")
        name = raw.strip().strip(".").lower().removeprefix("@")
        if not name or any(c.isspace() or c in '"\\()' for c in name):
            raise UsageError(f"The sender domain {raw!r} is not a domain name.")
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            raise UsageError(f"The sender domain {raw!r} is not a domain name.") from None
        if name not in out:
            out.append(name)
    return tuple(out)


#: One SEARCH key or argument as imapclient takes them: words, dates, and nested lists (sent in
#: parentheses).
SearchKey: TypeAlias = str | date | list["SearchKey"]


def search_criteria(
    since: datetime, until: datetime | None, domains: Sequence[str]
) -> list[SearchKey]:
    """SEARCH keys for the window and senders (RFC 3501 §6.4.4).

    SINCE/BEFORE compare only the date of INTERNALDATE, in a time zone the server picks, so the
    window is widened by a day on each side here and cut exactly on INTERNALDATE afterwards.
    FROM matches a substring of the From header: ``FROM tiktok.com`` also finds
    ``no-reply@account.tiktok.com``.
    """
    criteria: list[SearchKey] = ["SINCE", _utc_date(since) - timedelta(days=1)]
    if until is not None:
        criteria += ["BEFORE", _utc_date(until) + timedelta(days=2)]
    if domains:
        criteria += from_any(domains)
    return criteria


def from_any(domains: Sequence[str]) -> list[SearchKey]:
    """``FROM a`` / ``OR FROM a FROM b`` / ``OR FROM a (OR FROM b FROM c)``..."""
    if len(domains) == 1:
        return ["FROM", domains[0]]
    rest = from_any(domains[1:])
    if len(domains) == 2:
        return ["OR", "FROM", domains[0], *rest]
    return ["OR", "FROM", domains[0], rest]  # a nested list is sent in parentheses


def _utc_date(moment: datetime) -> date:
    return aware(moment).astimezone(UTC).date()


def aware(moment: datetime) -> datetime:
    """A timezone-aware datetime with a standard ``timezone`` (imapclient's own FixedOffset
    class would leak into reports); a naive one is taken as local time, as imapclient makes it
    when ``normalise_times`` is on."""
    offset = moment.utcoffset()
    if offset is None:
        return moment.astimezone()
    return moment.replace(tzinfo=timezone(offset))


def chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def body_batches(
    candidates: Sequence[tuple[int, int | None]], max_bytes: int, max_count: int
) -> Iterator[list[int]]:
    """Group candidate UIDs (with sizes) so one FETCH asks for at most ``BODY_BATCH_BYTES``."""
    batch: list[int] = []
    budget = 0
    for uid, size in candidates:
        cost = min(size if size is not None else max_bytes, max_bytes)
        if batch and (budget + cost > BODY_BATCH_BYTES or len(batch) >= max_count):
            yield batch
            batch, budget = [], 0
        batch.append(uid)
        budget += cost
    if batch:
        yield batch


def item(data: Mapping[bytes, object], prefix: bytes) -> object:
    """The value of the response item whose name starts with ``prefix``.

    Servers echo ``BODY[HEADER.FIELDS (...)]`` with their own spelling of the field list, and
    ``BODY[]<0>`` with the origin octet, so look them up by prefix.
    """
    if prefix in data:
        return data[prefix]
    for key, value in data.items():
        if isinstance(key, bytes) and key.upper().startswith(prefix):
            return value
    return None


def as_bytes(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "replace")
    return b""


def as_int(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str | bytes | bytearray | SupportsInt | SupportsIndex):
        return None  # int() would raise TypeError
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def as_datetime(value: object) -> datetime | None:
    return aware(value) if isinstance(value, datetime) else None


_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.I | re.M)


def message_id(header_bytes: bytes) -> str | None:
    """The Message-ID (RFC 5322 §3.6.4) of a header block, whitespace removed."""
    match = _MESSAGE_ID.search(header_bytes)
    if not match:
        return None
    value = b"".join(match.group(1).split()).decode("utf-8", "replace")
    return value or None


def in_window(moment: datetime | None, since: datetime, until: datetime | None) -> bool:
    if moment is None:
        return True  # the server gave no date: keep it, the diagnosis will say it is unknown
    return moment >= since and (until is None or moment < until)


def printable(text: str) -> str:
    """Server or folder text made safe to print: every unprintable character a "?"."""
    return "".join(c if c.isprintable() else "?" for c in text)


def short_error(exc: BaseException, limit: int = 120) -> str:
    """An exception's message, printable and bounded, for a one-sentence error."""
    return printable(str(exc))[:limit]
