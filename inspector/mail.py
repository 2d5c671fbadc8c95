"""Reading one RFC 5322 message: the headers the checks need, and the text a person would read.

Mail is attacker-controlled, so nothing here raises on bad input: a header that does not parse
gives ``None`` (and, for addresses, ``unparseable``), and every size is capped before work is
done on it. Parsing is split in two so a caller can classify a message from its headers alone
and only pay for the body of the few that matter (``headers()`` then ``body_text()``).
"""

from __future__ import annotations

import email.parser
import email.policy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import Message

from inspector.htmltext import html_to_text

# Caps that keep hostile messages cheap. A verification message is a few KB; anything beyond
# these limits is not where a code hides.
MAX_HEADER_BYTES = 256 * 1024
MAX_HEADER_VALUE = 16 * 1024
MAX_ADDRESSES = 50
MAX_PARTS = 200
MAX_TEXT_CHARS = 64 * 1024

_HEADER_END = re.compile(rb"\r?\n\r?\n")


@dataclass(frozen=True, slots=True)
class Address:
    name: str | None
    address: str | None  # None when the header was there but could not be parsed safely

    @property
    def domain(self) -> str | None:
        if not self.address or "@" not in self.address:
            return None
        return self.address.rpartition("@")[2].lower().rstrip(".") or None

    def display(self) -> str:
        if self.address is None:
            return "(unparseable)"
        return f"{self.name} <{self.address}>" if self.name else self.address


@dataclass(frozen=True, slots=True)
class Headers:
    """The parsed headers of one message (RFC 5322 §3.6), decoded (RFC 2047)."""

    subject: str
    from_: Address | None
    from_count: int  # more than one From header makes DMARC unevaluable (RFC 7489 §6.6.1)
    to: tuple[Address, ...]
    to_truncated: bool
    date: str | None
    message_id: str | None
    received: tuple[str, ...]  # newest first, as in the message
    dkim_timestamp: int | None  # t= of the first DKIM-Signature (RFC 6376 §3.5)
    gmail_labels: tuple[str, ...]  # X-Gmail-Labels of a Google Takeout mbox
    header_bytes: int
    greylist_seconds: float | None = None  # X-Greylist stamped by the receiver's greylister


def split(data: bytes) -> tuple[bytes, bytes]:
    """Header block and body: the first empty line ends the header section (RFC 5322 §2.1)."""
    match = _HEADER_END.search(data, 0, MAX_HEADER_BYTES)
    if match is None:
        if len(data) <= MAX_HEADER_BYTES:
            return data, b""
        return data[:MAX_HEADER_BYTES], b""
    return data[: match.start()], data[match.end() :]


_parser = email.parser.BytesHeaderParser(policy=email.policy.compat32)


def headers(data: bytes) -> Headers:
    head, _ = split(data)
    msg = _parser.parsebytes(head + b"\n\n")
    subject = _unstructured(msg, "Subject")
    froms = msg.get_all("From") or []
    from_ = _one_address(_raw(froms[0])) if froms else None
    to, truncated = _address_list([_raw(v) for v in (msg.get_all("To") or [])])
    received = tuple(_raw(v) for v in (msg.get_all("Received") or [])[:200])
    labels = _unstructured(msg, "X-Gmail-Labels")
    return Headers(
        subject=subject,
        from_=from_,
        from_count=len(froms),
        to=to,
        to_truncated=truncated,
        date=_raw(msg["Date"]) if msg["Date"] is not None else None,
        message_id=_raw(msg["Message-ID"]).strip() or None if msg["Message-ID"] else None,
        received=received,
        dkim_timestamp=_dkim_t(msg.get_all("DKIM-Signature") or []),
        gmail_labels=tuple(x.strip() for x in labels.split(",") if x.strip()),
        header_bytes=len(head),
        greylist_seconds=_greylist(msg),
    )


_GREYLIST = re.compile(r"delayed\s+(?:(\d+)\s+seconds|for\s+(\d+):(\d\d):(\d\d))\s+by\s", re.I)


def _greylist(msg: Message) -> float | None:
    """The delay a greylister (postgrey, milter-greylist) says it imposed.

    Only a header above the last Received counts: one below every Received header was
    written by the sender, not by a server on the way (RFC 5321 §4.4: trace headers are
    prepended, so the receiver's own stamps sit above the sender's).
    """
    names = [name.lower() for name in msg]
    if "x-greylist" not in names or "received" not in names:
        return None
    last_received = len(names) - 1 - names[::-1].index("received")
    for position, (name, value) in enumerate(msg.items()):
        if name.lower() != "x-greylist" or position > last_received:
            continue
        match = _GREYLIST.search(_raw(value))
        if match:
            if match.group(1):
                return float(match.group(1))
            h, m, s = (int(match.group(i)) for i in (2, 3, 4))
            return float(h * 3600 + m * 60 + s)
    return None


def _raw(value: object) -> str:
    """A header value as text, unfolded; compat32 hands back str or Header objects."""
    text = str(value)[:MAX_HEADER_VALUE]
    return re.sub(r"\r?\n[ \t]", " ", text).replace("\r", " ").replace("\n", " ")


def _unstructured(msg: Message, name: str) -> str:
    value = msg[name]
    if value is None:
        return ""
    raw = _raw(value)
    try:
        return str(email.policy.default.header_factory(name, raw)).strip()
    except Exception:  # a hostile encoded-word must not stop the run
        return raw.strip()


def _one_address(raw: str) -> Address:
    """Exactly one mailbox, or unparseable: never guess a second address out of garbage.

    Python's permissive parser turns ``alice@example.org)<bob@example.org>`` into two
    addresses (CVE-2023-27043); any defect or a count other than one is "unparseable".
    """
    addresses = _parse_addresses("From", raw)
    if addresses is None or len(addresses) != 1:
        return Address(None, None)
    return addresses[0]


def _address_list(values: list[str]) -> tuple[tuple[Address, ...], bool]:
    out: list[Address] = []
    truncated = False
    for value in values:
        raw = value
        if len(raw) >= MAX_HEADER_VALUE or raw.count("@") > MAX_ADDRESSES:
            truncated = True
            # Keep only the first few comma-separated pieces: enough to compare recipients.
            raw = ",".join(raw[:4096].split(",")[:MAX_ADDRESSES][:-1])
        parsed = _parse_addresses("To", raw)
        out.extend(parsed if parsed is not None else [Address(None, None)])
        if len(out) >= MAX_ADDRESSES:
            return tuple(out[:MAX_ADDRESSES]), True
    return tuple(out), truncated


def _parse_addresses(name: str, raw: str) -> list[Address] | None:
    from email import errors

    try:
        header = email.policy.default.header_factory(name, raw)
        defects = getattr(header, "defects", ())
        if any(isinstance(d, errors.InvalidHeaderDefect) for d in defects):
            return None
        result = []
        for addr in getattr(header, "addresses", ()):
            if not addr.username or not addr.domain:
                return None
            result.append(Address(addr.display_name or None, addr.addr_spec))
        return result
    except Exception:
        return None


_DKIM_T = re.compile(r"(?:^|;)\s*t\s*=\s*(\d{1,12})\s*(?:;|$)")


def _dkim_t(signatures: Sequence[object]) -> int | None:
    for sig in signatures:
        match = _DKIM_T.search(_raw(sig))
        if match:
            return int(match.group(1))
    return None


# --------------------------------------------------------------------------------------------
# Body


@dataclass(frozen=True, slots=True)
class Body:
    text: str  # text parts, then HTML parts rendered as text; capped
    truncated: bool


def body_text(data: bytes) -> Body:
    """The readable text of a message: every text/plain part, then text/html as text."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
    except (RecursionError, Exception):
        return Body(_decode(split(data)[1], None), True)
    plain: list[str] = []
    html: list[str] = []
    truncated = False
    parts = 0
    stack: list[Message] = [msg]
    # An explicit stack instead of Message.walk(): walk() recurses, and MIME nested thousands
    # deep would raise RecursionError.
    while stack:
        part = stack.pop()
        parts += 1
        if parts > MAX_PARTS:
            truncated = True
            break
        try:
            payload = part.get_payload()
        except Exception:  # a charset like "utf\0-8" makes even the raw payload raise
            continue
        if isinstance(payload, list):
            stack.extend(reversed([p for p in payload if isinstance(p, Message)]))
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html") or _is_attachment(part):
            continue
        try:
            raw = part.get_payload(decode=True)
        except Exception:
            continue
        if not isinstance(raw, bytes):
            continue
        text = _decode(raw, part.get_content_charset())
        (plain if ctype == "text/plain" else html).append(text)
    chunks = plain + [html_to_text(h) for h in html]
    text = "\n\n".join(chunks)
    if len(text) > MAX_TEXT_CHARS:
        text, truncated = text[:MAX_TEXT_CHARS], True
    return Body(text, truncated)


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("Content-Disposition", "")).lower()
    return disposition.startswith("attachment")


def _decode(raw: bytes, charset: str | None) -> str:
    raw = raw[: MAX_TEXT_CHARS * 4]
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return raw.decode(candidate)
        except (LookupError, ValueError):  # unknown charset, bad bytes, or "utf\0-8"
            continue
    return raw.decode("latin-1")
