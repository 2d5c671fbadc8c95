"""Which bytes of a message a scan fetches besides its classifying headers (pure helpers).

A scan reads a message in up to three steps, every one with ``BODY.PEEK`` (RFC 3501 §6.4.5),
so no flag changes:

1. for every message: INTERNALDATE, RFC822.SIZE, ``BODYSTRUCTURE`` (§7.4.2) and the
   classifying header fields;
2. for every message with an inline text part: the opening ``OPENING_BYTES`` of the top-level
   part that holds it (``BODY.PEEK[n]<0.P>``), which the candidate test reads decoded;
3. for the candidates: the whole header block (``BODY.PEEK[HEADER]``) and the rest of that
   part, capped (``BODY.PEEK[n]<P.cap>``).

The part is the top-level one that holds the first inline ``text/plain`` part, else the first
inline ``text/html`` one (``imap_partial.first_text_part``): ``1`` for a single-part message
(§6.4.5: such a message has only part 1, its body) and for nearly every multipart one, whose
first part is the text or the ``multipart/alternative`` of plain and HTML. Fetching the
top-level part rather than the exact leaf keeps one FETCH per step for nearly all messages of
a folder; attachments are other top-level parts and never cross the wire. A message whose
only text is an attachment, or that has no text at all, is judged on its headers.

The message handed to the analysis is the header block with the part's own MIME fields (from
the BODYSTRUCTURE) in place of the top-level ones, then the part. A single-part message read
whole is the message itself, byte for byte, so DKIM can still verify it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from inspector.sources.imap_fetch import as_bytes, body_batches, body_item, item
from inspector.sources.imap_partial import exact_item, first_text_part

#: Bytes of the text part's opening that every message with one pays for the candidate test:
#: a greeting and the sentence with the code, in plain text.
OPENING_BYTES = 1024
#: Bytes read of the text part of a candidate (the code is in its first few KB).
TEXT_CAP = 64 * 1024

_TOP_MIME = re.compile(
    rb"^(content-type|content-transfer-encoding):[^\n]*\n(?:[ \t][^\n]*\n)*", re.I | re.M
)
_TOKEN_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\]')


@dataclass(frozen=True, slots=True)
class Section:
    """The top-level part to read: its number, whether it is the whole body of a single-part
    message, its MIME header fields (rebuilt from the BODYSTRUCTURE) and its size."""

    number: int
    single: bool
    mime: bytes
    size: int | None

    @property
    def opening_item(self) -> str:
        return f"BODY.PEEK[{self.number}]<0.{OPENING_BYTES}>"

    def rest_item(self, cap: int) -> str:
        """The rest of the part after the opening, up to ``cap`` bytes of it in all."""
        return f"BODY.PEEK[{self.number}]<{OPENING_BYTES}.{max(1, cap - OPENING_BYTES)}>"

    @property
    def name(self) -> bytes:
        return f"BODY[{self.number}]".encode()


def plan(structure: object) -> Section | None:
    """The section to read of a message with this BODYSTRUCTURE (as imapclient parses it);
    None when it has no inline text part or the structure cannot be read."""
    part = first_text_part(structure)
    if part is None or not isinstance(structure, tuple):
        return None
    if part.whole_body:
        return Section(1, True, mime_fields(structure), part.size)
    top = part.section.split(".", 1)[0]
    if not top.isdigit() or not isinstance(structure[0], list):
        return None
    number = int(top)
    children = structure[0]
    if not 1 <= number <= len(children):
        return None
    node = children[number - 1]
    return Section(number, False, mime_fields(node), _size(node))


def readable(structure: object) -> bool:
    """Whether a BODYSTRUCTURE answer is there and has the shape imapclient gives it."""
    return isinstance(structure, tuple) and len(structure) >= 2


def mime_fields(node: object) -> bytes:
    """``Content-Type`` (with its parameters) and ``Content-Transfer-Encoding`` of one part
    of a BODYSTRUCTURE (RFC 3501 §7.4.2), as header lines ending in CRLF."""
    if not isinstance(node, tuple) or not node:
        return b""
    if isinstance(node[0], list):  # multipart: (children, subtype, params, ...)
        ctype = f"multipart/{_text(node[1] if len(node) > 1 else b'mixed')}"
        params = node[2] if len(node) > 2 else None
        encoding = ""
    else:  # (type, subtype, params, id, description, encoding, size, ...)
        ctype = f"{_text(node[0])}/{_text(node[1] if len(node) > 1 else b'plain')}"
        params = node[2] if len(node) > 2 else None
        encoding = _text(node[5]) if len(node) > 5 else ""
    line = f"Content-Type: {ctype.lower()}"
    if isinstance(params, tuple | list):
        for key, value in zip(params[0::2], params[1::2], strict=False):
            line += f'; {_text(key).lower()}="{_text(value)}"'
    lines = [line]
    if encoding:
        lines.append(f"Content-Transfer-Encoding: {encoding.lower()}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8", "replace")


def opening_message(section: Section, opening: bytes) -> bytes:
    """The part's MIME fields and its opening: what ``body_text`` decodes for the test."""
    return section.mime + b"\r\n" + opening


def assemble(header: bytes, section: Section, text: bytes, size: int | None) -> tuple[bytes, bool]:
    """``(message bytes, truncated)``: the header block, then the part read."""
    header = _with_blank_line(header)
    if section.single:
        data = header + text
        return data, size is None or len(data) < size
    # The top-level Content-Type says multipart/...: the part's own fields replace it.
    head = _TOP_MIME.sub(b"", header.replace(b"\r\n", b"\n")).replace(b"\n", b"\r\n")
    head = head.rstrip(b"\r\n") + b"\r\n" + section.mime + b"\r\n"
    return head + text, True


@dataclass(slots=True)
class Seen:
    """One message after step 1, and what the later steps add."""

    uid: int
    headers: bytes  # the classifying header fields
    stored: datetime | None
    size: int | None
    section: Section | None  # the top-level part holding its text, when it has one
    structured: bool  # the server gave a usable BODYSTRUCTURE
    candidate: bool
    opening: bytes = b""


def groups(seen: Sequence[Seen]) -> list[list[Seen]]:
    """Messages that one FETCH can serve (the same items), in UID order within each."""
    groups: dict[tuple[bool, int | None], list[Seen]] = {}
    for one in seen:
        key = (one.structured, one.section.number if one.section is not None else None)
        groups.setdefault(key, []).append(one)
    return list(groups.values())


def cost(seen: Seen) -> int | None:
    if not seen.structured or seen.section is None:
        return seen.size if not seen.structured else 0
    return seen.section.size


def content(seen: Seen, data: Mapping[bytes, object]) -> tuple[bytes, bool]:
    """The message handed on, and whether it is cut short (see ``imap_sections``)."""
    if not seen.structured:
        body = as_bytes(item(data, b"BODY[]"))
        return body, seen.size is not None and len(body) < seen.size
    header = as_bytes(item(data, b"BODY[HEADER]"))
    if seen.section is None:
        return header or seen.headers, True
    text = seen.opening + exact_item(data, seen.section.name)
    return assemble(header or seen.headers, seen.section, text, seen.size)


#: FETCH of some UIDs with some items, as the scan runs it (counted, retried, errors mapped).
Fetch = Callable[[Sequence[int], list[str]], Mapping[int, Mapping[bytes, object]]]


def read_openings(
    fetch: Fetch, pending: Sequence[Seen], test: Callable[[str], bool], max_count: int
) -> None:
    """Step 2: ``BODY.PEEK[n]<0.P>`` of every message with a text part, one FETCH per part
    number (nearly always 1); a message the headers did not pick becomes a candidate when the
    opening, decoded, passes ``test``."""
    from inspector.parse.mime import body_text

    for group in groups([s for s in pending if s.section is not None]):
        section = group[0].section
        assert section is not None
        uids = [s.uid for s in group]
        for start in range(0, len(uids), max_count):
            answer = fetch(uids[start : start + max_count], [section.opening_item])
            for seen in group:
                if seen.uid in answer:
                    seen.opening = exact_item(answer[seen.uid], section.name)
        for seen in group:
            if not seen.candidate and seen.opening:
                text = body_text(opening_message(section, seen.opening)).text
                seen.candidate = bool(test(text))


def read_candidates(
    fetch: Fetch, wanted: Sequence[Seen], *, max_bytes: int, max_count: int, after_opening: bool
) -> dict[int, tuple[bytes, bool]]:
    """Step 3: the header block and the rest of the text part of each candidate (all of it,
    capped, when step 2 did not run); the whole message (capped) only when the server gave
    no usable BODYSTRUCTURE. ``(message bytes, truncated)`` by UID."""
    out: dict[int, tuple[bytes, bool]] = {}
    cap = min(max_bytes, TEXT_CAP)
    for group in groups(wanted):
        first = group[0]
        section = first.section
        if not first.structured:
            items = [body_item(max_bytes)]
        elif section is None:
            items = ["BODY.PEEK[HEADER]"]
        elif not after_opening:
            items = ["BODY.PEEK[HEADER]", f"BODY.PEEK[{section.number}]<0.{cap}>"]
        else:
            items = ["BODY.PEEK[HEADER]", section.rest_item(cap)]
        costs = [(s.uid, cost(s)) for s in group]
        for batch in body_batches(costs, max_bytes, max_count):
            answer = fetch(batch, items)
            for seen in group:
                data = answer.get(seen.uid)
                if data is not None:
                    out[seen.uid] = content(seen, data)
    return out


def _with_blank_line(block: bytes) -> bytes:
    if block.endswith(b"\r\n\r\n") or block.endswith(b"\n\n"):
        return block
    return block.rstrip(b"\r\n") + b"\r\n\r\n"


def _text(value: object) -> str:
    """A BODYSTRUCTURE atom as a string safe inside a header line (no CR/LF, no quotes)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return _TOKEN_UNSAFE.sub("", value) if isinstance(value, str) else ""


def _size(node: object) -> int | None:
    if isinstance(node, tuple) and node and isinstance(node[0], list):
        sizes = [_size(child) for child in node[0]]
        known = [s for s in sizes if s is not None]
        return sum(known) if known else None
    size = node[6] if isinstance(node, tuple) and len(node) > 6 else None
    return size if isinstance(size, int) and not isinstance(size, bool) else None
