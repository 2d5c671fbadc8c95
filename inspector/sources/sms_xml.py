"""Stream the XML backups written by the Android app "SMS Backup & Restore" (SyncTech).

The file is one ``<smses>`` element holding ``<sms>`` and ``<mms>`` elements. Field meanings,
from the app's documentation ("Fields in XML Backup Files", synctech.com.au), which says values
are copied as-is from Android's telephony database (``android.provider.Telephony``):

- ``sms``: ``address`` the other party (for a received SMS: the sender's number or alphanumeric
  sender ID), ``date`` when the phone stored it (Java epoch milliseconds, phone clock),
  ``date_sent`` the SMS-centre timestamp of the message (TP-SCTS, 3GPP TS 23.040 §9.2.3.11;
  0 when unknown), ``type`` 1 received, 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued,
  ``body`` the text. ``readable_date`` and ``contact_name`` are display-only and ignored.
- ``mms``: ``msg_box`` 1 received, 2 sent, 3 draft, 4 outbox; ``date`` (and ``date_sent``) in
  milliseconds or, as Android stores MMS times, seconds; ``sub`` the subject ("null" if none);
  ``<part ct="text/plain" text="...">`` the text parts; ``<addr address=... type=...>`` with
  the MMS header field codes of OMA-WAP-MMS-ENC: 137 From, 151 To, 130 Cc, 129 Bcc.

Only received messages are yielded: a code someone *sent* never explains a missing one.

Safety. The parser is expat, fed in chunks, with a target that keeps only the message being read,
so memory does not grow with the file. Every DOCTYPE is refused before its first declaration is
read: SMS Backup & Restore never writes one, and entities are the only way XML can expand
(billion laughs, quadratic blowup) or reach outside the file (external entities). That holds on
every expat version, whatever the protections of the one Python was built with (expat >= 2.4.0
also caps the amplification factor). Expat before 2.6.0 re-scans an unfinished token on every
feed (CVE-2023-52425), which makes one huge attribute cost quadratic time; the feed size doubles
while no element completes, which keeps that linear, and a record larger than
``MAX_RECORD_BYTES`` ends the reading.

Repair. Android's XML serializer (kxml's ``KXmlSerializer``) writes a character outside the
Basic Multilingual Plane (most emoji) as two character references to UTF-16 surrogates,
``&#55357;&#56832;``. Backups of this format made with it carry them: the Signal and Silence
"plaintext backups", and older files of SMS Backup & Restore by their users' reports. XML 1.0
§4.1 allows references only to characters matching ``Char`` (§2.2), which excludes surrogates,
so expat would stop at the first emoji. Before parsing, such a pair is rewritten to the one
reference it stands for (``&#128512;``), and any other reference to a non-``Char`` (a lone
surrogate, a control character) to U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from inspector.model import ReadProblem, SourceItem, TextMessage
from inspector.sources.sms_common import FileReport, is_blank, parse_timestamp

BASE_CHUNK = 64 * 1024
MAX_CHUNK = 8 * 1024 * 1024
# An MMS can carry its media base64-encoded in one attribute; carriers cap MMS at a few MB, so
# 64 MiB without a single element boundary is no message a phone received.
MAX_RECORD_BYTES = 64 * 1024 * 1024

_RECEIVED = "1"  # sms/@type and mms/@msg_box: Telephony.TextBasedSmsColumns.MESSAGE_TYPE_INBOX
_ADDR_FROM = "137"  # OMA-WAP-MMS-ENC header field "From"
_ADDR_TO = "151"  # "To"
_NO_ADDRESS = frozenset({"", "null", "insert-address-token"})  # placeholders Android stores


# UTF-16 surrogate numbers as decimal or hex character references (XML 1.0 §4.1): high
# D800-DBFF (55296-56319), low DC00-DFFF (56320-57343).
_HIGH = (
    rb"0{0,8}(?:55(?:29[6-9]|[3-9]\d\d)|56(?:[0-2]\d\d|3[01]\d))"
    rb"|[xX]0{0,8}[dD][89abAB][0-9a-fA-F]{2}"
)
_LOW = (
    rb"0{0,8}(?:56(?:3[2-9]\d|[4-9]\d\d)|57(?:[0-2]\d\d|3[0-3]\d|34[0-3]))"
    rb"|[xX]0{0,8}[dD][c-fC-F][0-9a-fA-F]{2}"
)
_CHAR_REF = re.compile(
    rb"&#(" + _HIGH + rb");&#(" + _LOW + rb");|&#([0-9]{1,12}|[xX][0-9a-fA-F]{1,12});"
)
_HIGH_AT_END = re.compile(rb"&#(?:" + _HIGH + rb");\Z")
_TAIL = 48  # longer than any (pair of) reference(s) the pattern matches


def _number(ref: bytes) -> int:
    return int(ref[1:], 16) if ref[:1] in b"xX" else int(ref)


def _is_xml_char(code: int) -> bool:
    """XML 1.0 §2.2 ``Char``."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _fix_ref(match: re.Match[bytes]) -> bytes:
    high, low, single = match.groups()
    if high is not None:
        code = 0x10000 + ((_number(high) - 0xD800) << 10) + (_number(low) - 0xDC00)
        return b"&#%d;" % code
    return match[0] if _is_xml_char(_number(single)) else b"&#xFFFD;"


class _RefRepair:
    """Rewrites invalid character references in a byte stream fed in arbitrary chunks."""

    def __init__(self) -> None:
        self._carry = b""

    def feed(self, chunk: bytes) -> bytes:
        data = self._carry + chunk
        # Hold back a possibly unfinished reference (or the first half of a pair) at the end.
        cut = data.find(b"&", max(0, len(data) - _TAIL))
        if cut >= 0:
            pair_start = _HIGH_AT_END.search(data, max(0, cut - _TAIL), cut)
            if pair_start is not None:
                cut = pair_start.start()
            data, self._carry = data[:cut], data[cut:]
        else:
            self._carry = b""
        return _CHAR_REF.sub(_fix_ref, data)

    def flush(self) -> bytes:
        data, self._carry = self._carry, b""
        return _CHAR_REF.sub(_fix_ref, data)


class _Refused(Exception):
    """Raised from inside the parser callbacks to stop reading a file we will not read."""


@dataclass(slots=True)
class _Record:
    kind: str  # "sms" or "mms"
    index: int  # 1-based position among the file's sms/mms elements
    attrib: dict[str, str]
    texts: list[str] = field(default_factory=list)
    senders: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)


class _Target:
    """ElementTree parser target keeping only the message being read: no tree is built."""

    def __init__(self) -> None:
        self.depth = 0
        self.events = 0
        self.count = 0
        self.current: _Record | None = None
        self.done: list[_Record] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.events += 1
        self.depth += 1
        if self.depth == 1:
            if tag != "smses":
                raise _Refused(f"its root element is <{tag[:40]}>, not <smses>")
        elif self.depth == 2:
            if tag in ("sms", "mms"):
                self.count += 1
                self.current = _Record(tag, self.count, attrib)
        elif self.current is not None and self.current.kind == "mms":
            self._mms_child(self.current, tag, attrib)

    @staticmethod
    def _mms_child(record: _Record, tag: str, attrib: dict[str, str]) -> None:
        if tag == "part":
            if attrib.get("ct", "").lower() == "text/plain" and "text" in attrib:
                record.texts.append(attrib["text"])
        elif tag == "addr":
            address = attrib.get("address", "").strip()
            if address.lower() in _NO_ADDRESS:
                return
            if attrib.get("type") == _ADDR_FROM:
                record.senders.append(address)
            elif attrib.get("type") == _ADDR_TO:
                record.recipients.append(address)

    def end(self, tag: str) -> None:
        del tag
        self.events += 1
        if self.depth == 2 and self.current is not None:
            self.done.append(self.current)
            self.current = None
        self.depth -= 1

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        del name, pubid, system
        raise _Refused("it declares a DOCTYPE, which SMS Backup & Restore never writes")

    def close(self) -> None:
        return None


def read_android_xml(
    stream: BinaryIO, name: str, *, max_record_bytes: int = MAX_RECORD_BYTES
) -> Iterator[SourceItem]:
    """Yield a ``TextMessage`` per received SMS/MMS with text, and ``ReadProblem``s."""
    from xml.etree.ElementTree import ParseError, XMLParser

    target = _Target()
    # Safe against the XML attacks S314 is about: _Target.doctype refuses any DTD (module doc).
    parser = XMLParser(target=target)  # noqa: S314
    repair = _RefRepair()
    report = FileReport(name)
    chunk_size = BASE_CHUNK
    unfinished = 0  # bytes fed since the last element boundary
    while True:
        chunk = stream.read(chunk_size)
        events = target.events
        failure: str | None = None
        try:
            if chunk:
                parser.feed(repair.feed(chunk))
            else:
                parser.feed(repair.flush())
                parser.close()
        except _Refused as refusal:
            failure = f"{name} was not read: {refusal}"
        except ParseError as error:
            failure = f"{name} is not well-formed XML ({error}); messages after that were not read"
        except (ValueError, LookupError) as error:
            # pyexpat's handling of the XML declaration's encoding: unknown (LookupError), not
            # a text codec, multi-byte (ValueError) or failing to decode (UnicodeError).
            failure = f"{name} names an encoding the XML parser cannot use ({str(error)[:120]})"
        for record in target.done:
            yield from _items(record, name, report)
        target.done.clear()
        if failure is None and chunk and target.events == events:
            unfinished += len(chunk)
            chunk_size = min(chunk_size * 2, MAX_CHUNK)
            if unfinished > max_record_bytes:
                after = f" after message #{target.count}" if target.count else ""
                failure = (
                    f"{name} has a record larger than {max_record_bytes // (1024 * 1024)} MiB"
                    f"{after}; no SMS is that large, so reading stopped there"
                )
        elif target.events != events:
            unfinished = 0
            chunk_size = BASE_CHUNK
        if failure is not None:
            yield ReadProblem(source=name, message=failure + ".", fatal=target.count == 0)
            break
        if not chunk:
            break
    yield from report.summary()


def _items(record: _Record, name: str, report: FileReport) -> Iterator[SourceItem]:
    label = f"#{record.index}"
    attrib = record.attrib
    box = attrib.get("type" if record.kind == "sms" else "msg_box")
    if box is None:
        what = "type" if record.kind == "sms" else "msg_box"
        problem = report.malformed(label, f"the <{record.kind}> has no {what} attribute")
        if problem is not None:
            yield problem
        return
    if box.strip() != _RECEIVED:
        return
    if record.kind == "sms":
        if "body" not in attrib:
            problem = report.malformed(label, "the received <sms> has no body attribute")
            if problem is not None:
                yield problem
            return
        body = attrib["body"]
        sender = _address(attrib.get("address"))
        recipient = None
    else:
        if not record.texts:
            return  # picture/audio only: no text, no code
        body = "\n".join(record.texts)
        subject = attrib.get("sub", "").strip()
        if subject and subject.lower() != "null":
            body = f"{subject}\n{body}"
        sender = record.senders[0] if record.senders else _address(attrib.get("address"))
        recipient = record.recipients[0] if len(record.recipients) == 1 else None
    received_at = parse_timestamp(attrib.get("date"))
    sent_raw = attrib.get("date_sent")
    sent_at = None if is_blank(sent_raw) else parse_timestamp(sent_raw)
    if received_at is None or (sent_at is None and not is_blank(sent_raw)):
        report.bad_time(label)
    yield TextMessage(
        body=body,
        source=f"{name}{label}",
        sender=sender,
        received_at=received_at,
        sent_at=sent_at,
        recipient=recipient,
        folder="inbox",
    )


def _address(value: str | None) -> str:
    """The ``address`` attribute as a sender; "" when absent or a group ("a~b~c")."""
    if value is None:
        return ""
    value = value.strip()
    if value.lower() in _NO_ADDRESS or "~" in value:
        return ""
    return value
