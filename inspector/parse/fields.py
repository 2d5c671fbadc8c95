"""The header section of a message, split into fields once (RFC 5322 §2.2, §3.6). Pure: no I/O.

This is the one header parser of the project: its ``HeaderBlock`` serves code extraction
(subject, sender, date), the delivery timeline (the Received fields, see
:mod:`inspector.parse.trace`) and the authentication checks (``HeaderBlock.unfolded``). Only
DKIM and ARC verification read the raw bytes again, because dkimpy must hash the header
fields exactly as they were sent (RFC 6376 §3.4.1).

Where the project used to have two parsers that disagreed, these are the choices made:

* **Lines that are neither a field nor a continuation are skipped**, with their continuation
  lines; the fields after them are kept. RFC 5322 §2.1 ends the header section only at the
  first empty line (which is also where :mod:`inspector.parse.mime` starts the body), so a
  stray line is a malformed line *inside* the header section, not the start of the body.
  Python's ``email`` parser stops there instead, which would leave the fields below it
  neither headers nor body.
* **White space before the colon is accepted** (``Subject : x``): RFC 5322 §4.5 (obs-optional,
  ``field-name *WSP ":"``) is obsolete syntax a reader must still accept (§4).
* **Text is UTF-8 (RFC 6532 §3.2), else the charset the message declares for its text, else
  Windows-1252, line by line** (:func:`inspector.parse.words.decode_bytes`): a legacy 8-bit
  header keeps its characters instead of turning into U+FFFD, and one odd line does not
  garble the others.
* **Values are kept as written** (folding line breaks included) in ``fields``, which is what
  extraction decodes; ``unfolded`` gives them unfolded the RFC 5322 §2.2.3 way (each line
  break before white space removed, the white space kept) and trimmed, which is what the
  authentication checks compare and parse. It is computed on first use: most messages of a
  mailbox are never authenticated.
* **A stray line break at the very top is skipped**, not read as an empty header section:
  RFC 5322 §3.6 requires Date and From, so a message without header fields is not mail, while
  a saved file that starts with a blank line is common.
* **The header section is read up to ``MAX_HEADER_BYTES``**; no real header section is near
  that size, and a hostile one must not cost more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from inspector.parse.mime import header_end
from inspector.parse.words import decode_bytes

__all__ = ["MAX_HEADER_BYTES", "HeaderBlock", "header_block", "split"]

MAX_HEADER_BYTES = 256 * 1024

# RFC 5322 §3.6.8: a field name is printable US-ASCII except ":" (obsolete syntax, §4.5, allows
# white space before the colon).
_FIELD_NAME = re.compile(r"([\x21-\x39\x3b-\x7e]+)[ \t]*:")
# A line break not followed by white space starts the next field (RFC 5322 §2.2.3).
_FIELD_START = re.compile(r"\n(?![ \t])")
_FOLD = re.compile(r"\r*\n")


@dataclass(frozen=True)
class HeaderBlock:
    """The header fields of one message in order: (lower-case name, value as written) pairs.

    ``size`` is the length of the header section in bytes, ``body_at`` the offset where the
    body starts (the length of the message when it has none). ``malformed`` counts the lines
    skipped as neither a field nor a continuation: a defect of the message (RFC 5322 §2.2),
    recorded instead of ending the header section there.
    """

    fields: tuple[tuple[str, str], ...]
    size: int
    body_at: int
    malformed: int = 0

    def first(self, name: str) -> str | None:
        """The value of the topmost field called ``name`` (lower case), as written."""
        return next((value for key, value in self.fields if key == name), None)

    def get_all(self, name: str) -> list[str]:
        """The values of every field called ``name`` (lower case), topmost first, as written."""
        return [value for key, value in self.fields if key == name]

    @cached_property
    def unfolded(self) -> tuple[tuple[str, str], ...]:
        """(lower-case name, value unfolded and trimmed) pairs, in order (RFC 5322 §2.2.3)."""
        return tuple((key, _unfold(value)) for key, value in self.fields)


def split(data: bytes) -> tuple[bytes, bytes]:
    """Header section and body: the first empty line ends the header section (RFC 5322 §2.1)."""
    head, body_at = _head(data)
    return head, data[body_at:]


def header_block(data: bytes) -> HeaderBlock:
    """Split the header section of a message into fields, with string operations only."""
    head, body_at = _head(data)
    if head.isascii():
        text = head.decode("ascii")
    else:
        fallback = _declared_charset(data[: body_at + 8192])
        text = "\n".join(_text(line, fallback) for line in head.split(b"\n"))
    fields: list[tuple[str, str]] = []
    malformed = 0
    for field in _FIELD_START.split(text):
        name = _FIELD_NAME.match(field)
        if name is None:
            # An mbox "From " line or a stray line break at the top are how saved mail
            # starts; any other such line is a defect (module doc).
            if field.strip() and not (not fields and field.startswith("From ")):
                malformed += 1
            continue
        value = field[name.end() :].lstrip(" \t").rstrip("\r\n")
        fields.append((name.group(1).lower(), value))
    return HeaderBlock(tuple(fields), len(head), body_at, malformed)


def _head(data: bytes) -> tuple[bytes, int]:
    found = header_end(data, MAX_HEADER_BYTES)
    if found is None:
        return data[:MAX_HEADER_BYTES], len(data)
    return data[: found[0]], found[1]


def _text(line: bytes, fallback: str | None) -> str:
    if line.isascii():
        return line.decode("ascii")
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(line, fallback)


_CHARSET = re.compile(rb"charset\s*=\s*\"?([A-Za-z0-9_.:+-]{1,40})", re.IGNORECASE)


def _declared_charset(start: bytes) -> str | None:
    """The charset the message declares for its text (the first ``charset=``, top-level or
    of the first part): what mail readers assume for raw 8-bit header text that is not
    UTF-8 (a Korean subject in EUC-KR next to a body declared EUC-KR)."""
    match = _CHARSET.search(start)
    return match.group(1).decode("ascii") if match else None


def _unfold(value: str) -> str:
    # Every line break left inside a value is followed by white space (the split above made
    # sure of that), so removing the breaks is exactly RFC 5322 §2.2.3 unfolding.
    if "\n" in value:
        value = _FOLD.sub("", value)
    return value.strip(" \t\r\n")
