"""The readable text of a MIME message (RFC 2045, RFC 2046), found without building a tree.

Every message of a mailbox passes through here, so the walk works on the raw bytes: part
boundaries are found with ``bytes.find``, only the headers a walk needs are read
(Content-Type, Content-Transfer-Encoding, Content-Disposition), only text/plain and text/html
parts are decoded, with the C decoders in ``binascii``, and nothing else is copied. Parts that
are not text (images, PDFs) are skipped without decoding.

Mail is attacker-controlled: the walk is iterative (MIME nested thousands deep must not raise
RecursionError), stops after ``MAX_PARTS`` parts, and never raises.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass

from inspector.parse.htmltext import html_to_text

MAX_PARTS = 200
MAX_TEXT_CHARS = 64 * 1024
# A text part is decoded up to this many bytes: MAX_TEXT_CHARS characters of UTF-8 fit in it.
_MAX_PART_BYTES = MAX_TEXT_CHARS * 4
# Base64 and quoted-printable grow the text by a third or so; encoded text past this is cut.
_MAX_ENCODED_BYTES = _MAX_PART_BYTES * 2

_FIELD = re.compile(rb"(content-type|content-transfer-encoding|content-disposition)[ \t]*:")
_PARAM = re.compile(r"""[;\s]\s*([A-Za-z0-9_.\-]+\*?)\s*=\s*("(?:\\.|[^"\\])*"?|[^;\s]*)""")
_QUOTED_PAIR = re.compile(r"\\(.)")
_CLOSE_TAIL = re.compile(rb"[ \t]*(?:\r?\n|\r|$)")
# A file uuencoded into the text (how attachments travelled before MIME, and still do from
# some old mailers): "begin MODE NAME", lines of the uuencode alphabet (" " to "`": never a
# lower-case letter), "end". It is a file, not text to read.
_UUENCODED = re.compile(r"^begin [0-7]{3,4} [^\n]*\n(?:[ -`]*\r?\n)*(?:end[ \t\r]*(?:\n|$))?", re.M)


@dataclass(frozen=True, slots=True)
class Body:
    text: str  # text parts, then HTML parts rendered as text; capped
    truncated: bool


@dataclass(frozen=True, slots=True)
class _Part:
    ctype: str  # "type/subtype", lower case
    params: dict[str, str]
    encoding: str
    attachment: bool


# A plain part with less text than this ("View this email in your browser", "This message
# needs HTML") is a stub, not the text of its HTML twin; links do not count (a stub's one
# tracking link can be hundreds of characters).
STUB_CHARS = 300
_LINK = re.compile(r"\S+://\S*")


@dataclass(frozen=True, slots=True)
class TextParts:
    """The text parts of a message, decoded; the HTML not rendered yet (see ``body``)."""

    plain: tuple[str, ...]
    html: tuple[str, ...]
    truncated: bool
    unreadable: str | None = None  # the raw body, when the MIME walk failed

    def body(self) -> Body:
        """Every text/plain part, then text/html as text (``body_text``)."""
        if self.unreadable is not None:
            return Body(self.unreadable, True)
        text = "\n\n".join([*self.plain, *(html_to_text(h) for h in self.html)])
        if len(text) > MAX_TEXT_CHARS:
            return Body(text[:MAX_TEXT_CHARS], True)
        return Body(text, self.truncated)

    def plain_body(self) -> Body | None:
        """The plain text alone, when the message has HTML too and the plain text is more
        than a stub: what a first look reads, the HTML's rendering being most of the cost of
        a message (a plain part is the HTML's twin). None when ``body`` reads no HTML or
        the plain text is a stub: then the first look is ``body``."""
        if not self.html or self.unreadable is not None:
            return None
        text = "\n\n".join(self.plain)
        if len(text.strip()) < STUB_CHARS or len(_LINK.sub("", text).strip()) < STUB_CHARS:
            return None
        if len(text) > MAX_TEXT_CHARS:
            return Body(text[:MAX_TEXT_CHARS], True)
        return Body(text, self.truncated)


def body_text(data: bytes) -> Body:
    """The readable text of a message: every text/plain part, then text/html as text.

    Parts come in document order; a text part with ``Content-Disposition: attachment`` is not
    read (RFC 2183 §2.2: it is a file, not the message). An attached message
    (message/rfc822) is read like the message itself, as forwarded mail holds its text there.
    """
    return text_parts(data).body()


def text_parts(data: bytes) -> TextParts:
    """The decoded text parts ``body_text`` reads, before the HTML is rendered."""
    try:
        plain, html, truncated = _walk(data)
    except Exception:  # belt and braces: a malformed message is a result, never a crash
        return TextParts((), (), True, _decode(_split(data)[1], None))
    return TextParts(tuple(plain), tuple(html), truncated)


def _walk(data: bytes) -> tuple[list[str], list[str], bool]:
    plain: list[str] = []
    html: list[str] = []
    # (the entity's bytes, its default content type): RFC 2046 §5.1.5 makes message/rfc822
    # the default inside multipart/digest, text/plain everywhere else (RFC 2045 §5.2).
    stack: list[tuple[bytes, str]] = [(data, "text/plain")]
    parts = 0
    while stack:
        entity, default = stack.pop()
        parts += 1
        if parts > MAX_PARTS:
            return plain, html, True
        head, body = _split(entity)
        part = _read_part(head, default)
        if part.ctype.startswith("multipart/"):
            boundary = part.params.get("boundary")
            if not boundary:
                continue  # no boundary: the parts cannot be told apart (RFC 2046 §5.1.1)
            child_default = "message/rfc822" if part.ctype == "multipart/digest" else "text/plain"
            # One child more than the budget, so that a message over the cap is seen to be.
            # (Header bytes were read as Latin-1: encoding back gives the boundary's bytes.)
            limit = MAX_PARTS - parts + 1
            children = _split_parts(body, boundary.encode("latin-1", "replace"), limit)
            stack.extend((child, child_default) for child in reversed(children))
        elif part.ctype == "message/rfc822":
            stack.append((body, "text/plain"))
        elif part.ctype in ("text/plain", "text/html") and not part.attachment:
            text = _decode(_transfer_decode(body, part.encoding), part.params.get("charset"))
            if part.ctype == "text/plain":
                plain.append(_UUENCODED.sub("", text) if "begin " in text else text)
            else:
                html.append(text)
    return plain, html, False


def _split(data: bytes) -> tuple[bytes, bytes]:
    """Header block and body: the first empty line ends the headers (RFC 5322 §2.1)."""
    found = header_end(data, len(data))
    if found is None:
        return data, b""
    return data[: found[0]], data[found[1] :]


def header_end(data: bytes, limit: int) -> tuple[int, int] | None:
    """Where the first empty line (``\\r?\\n\\r?\\n``) within ``limit`` bytes starts and ends.

    Two ``bytes.find`` calls: a regular expression with an optional first character cannot
    skip ahead and costs ten times as much on a long header section.
    """
    lf = data.find(b"\n\n", 0, limit)
    # Only a CRLF blank line before the LF one can come first: no need to look past it.
    crlf = data.find(b"\n\r\n", 0, lf + 1 if lf >= 0 else limit)
    if lf < 0 and crlf < 0:
        return None
    if crlf < 0 or 0 <= lf < crlf:
        at, end = lf, lf + 2
    else:
        at, end = crlf, crlf + 3
    return (at - 1 if at and data[at - 1 : at] == b"\r" else at), end


def _read_part(head: bytes, default: str) -> _Part:
    """The MIME headers of one entity; the first of a repeated header counts.

    Only the three fields a walk needs are looked for (``bytes.find`` on the lower-cased
    block), rather than every line of a header section that is mostly Received and DKIM.
    """
    lower = head.lower()
    fields: dict[str, str] = {}
    # A field starts a line: only "content-" right after a line break (or at the very start)
    # is looked at, not the many inside DKIM's h= lists and other values.
    position = 0 if lower.startswith(b"content-") else _next_field(lower, 0)
    while position >= 0:
        match = _FIELD.match(lower, position)
        if match is not None:
            name = match.group(1).decode("ascii")
            end = _field_end(lower, match.end())
            if name not in fields:
                lines = head[match.end() : end].split(b"\n")
                fields[name] = " ".join(line.strip().decode("latin-1") for line in lines).strip()
            position = end
        position = _next_field(lower, position)
    ctype, params = _content_type(fields.get("content-type"), default)
    return _Part(
        ctype=ctype,
        params=params,
        encoding=fields.get("content-transfer-encoding", "").strip().lower(),
        attachment=fields.get("content-disposition", "").lower().startswith("attachment"),
    )


def _next_field(lower: bytes, start: int) -> int:
    """Where the next line starting with "content-" starts, from ``start`` on; -1 if none."""
    found = lower.find(b"\ncontent-", start)
    return found + 1 if found >= 0 else -1


def _field_end(head: bytes, start: int) -> int:
    """Where a field value ends: at the first line break not followed by white space."""
    end = head.find(b"\n", start)
    while end >= 0 and head[end + 1 : end + 2] in (b" ", b"\t"):
        end = head.find(b"\n", end + 1)
    return len(head) if end < 0 else end


def _content_type(value: str | None, default: str) -> tuple[str, dict[str, str]]:
    """Type and parameters; a value that is not ``type/subtype`` means text/plain (RFC 2045
    §5.2), as Python's own parser reads it."""
    if value is None:
        return default, {}
    ctype = value.split(";", 1)[0].strip().lower()
    if ctype.count("/") != 1:
        ctype = "text/plain"
    params: dict[str, str] = {}
    for name, raw in _PARAM.findall(value[len(value.split(";", 1)[0]) :]):
        key = name.lower().rstrip("*")
        if key in params:
            continue
        text = raw
        if raw.startswith('"'):
            text = _QUOTED_PAIR.sub(r"\1", raw[1:-1] if raw.endswith('"') else raw[1:])
        elif name.endswith("*") and "''" in raw:
            text = raw.split("''", 1)[1]  # RFC 2231 §4: charset'language'value
        params[key] = text
    return ctype, params


def _split_parts(body: bytes, boundary: bytes, limit: int) -> list[bytes]:
    """The body parts between ``--boundary`` delimiter lines (RFC 2046 §5.1.1).

    The line break before a delimiter belongs to the delimiter; the preamble and epilogue are
    dropped. A delimiter line may carry trailing white space; ``--boundary--`` closes.
    """
    marker = b"--" + boundary
    parts: list[bytes] = []
    start: int | None = None
    pos = 0
    while len(parts) < limit:
        at = body.find(marker, pos)
        if at < 0:
            break
        pos = at + len(marker)
        if at > 0 and body[at - 1 : at] not in (b"\n", b"\r"):
            continue  # not at the start of a line
        closing = body[pos : pos + 2] == b"--"
        tail = _CLOSE_TAIL.match(body, pos + 2 if closing else pos)
        if tail is None:
            continue  # "--boundaryX": another boundary that merely starts the same way
        if start is not None:
            end = at - 2 if body[at - 2 : at] == b"\r\n" else at - 1 if at > 0 else at
            parts.append(body[start : max(start, end)])
        if closing:
            return parts
        start = tail.end()
    if start is not None and len(parts) < limit:
        parts.append(body[start:])  # no closing delimiter: the last part runs to the end
    return parts


def _transfer_decode(body: bytes, encoding: str) -> bytes:
    """Undo the Content-Transfer-Encoding (RFC 2045 §6); unknown encodings stay as they are."""
    if encoding == "base64":
        return _base64(body[:_MAX_ENCODED_BYTES])
    if encoding == "quoted-printable":
        return binascii.a2b_qp(body[:_MAX_ENCODED_BYTES])
    return body[:_MAX_PART_BYTES]


def _base64(encoded: bytes) -> bytes:
    # a2b_base64 skips characters outside the alphabet (RFC 2045 §6.8 says to ignore them);
    # missing padding is common in the wild and is added rather than the part dropped.
    try:
        return binascii.a2b_base64(encoded)
    except binascii.Error:
        pass
    compact = re.sub(rb"[^A-Za-z0-9+/]", b"", encoded)
    if len(compact) % 4 == 1:  # one stray character cannot encode a byte
        compact = compact[:-1]
    try:
        return binascii.a2b_base64(compact + b"=" * (-len(compact) % 4))
    except binascii.Error:
        return b""


def _decode(raw: bytes, charset: str | None) -> str:
    raw = raw[:_MAX_PART_BYTES]
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return raw.decode(candidate)
        except (LookupError, ValueError):  # unknown charset, bad bytes, or "utf\0-8"
            continue
    return raw.decode("latin-1")
