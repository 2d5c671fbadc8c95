"""Reading a new message cheaply: its headers and its first text part, nothing else.

``inspector watch`` reads every message that lands while someone waits, so it fetches only
what the diagnosis needs: the classifying header fields of every new message (the same
``BODY.PEEK[HEADER.FIELDS (...)]`` as ``scan``), and for a candidate its whole header block and
the first text part its BODYSTRUCTURE names (RFC 3501 §6.4.5, §7.4.2): ``BODY.PEEK[HEADER]``,
``BODY.PEEK[n.MIME]`` and ``BODY.PEEK[n]<0.cap>``. Attachments never cross the wire.

The message handed on is the header block with the part's own MIME header fields in place of
the top-level Content-Type, then the part: the parser reads it like any message. It is marked
truncated (body hashes cannot be checked on it), except for a single-part message read whole,
which is the message itself, byte for byte, so DKIM can still be verified.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Bytes read of the first text part: a code sits in its first few hundred bytes.
TEXT_PART_BYTES = 64 * 1024

_TOP_MIME = re.compile(
    rb"^(content-type|content-transfer-encoding):[^\n]*\n(?:[ \t][^\n]*\n)*", re.I | re.M
)


@dataclass(frozen=True, slots=True)
class TextPart:
    """Where the first text part is: its section (``"1.2"``; ``"TEXT"`` for a single-part
    message) and its size in octets as the server counts it, when known."""

    section: str
    size: int | None

    @property
    def whole_body(self) -> bool:
        return self.section == "TEXT"


def first_text_part(structure: object) -> TextPart | None:
    """The first ``text/plain`` part of a BODYSTRUCTURE (as imapclient parses it), else the
    first ``text/html``; None when the message has no text part outside attachments."""
    if _is_multipart(structure):
        found = _walk(structure, "")
        plain = next((p for kind, p in found if kind == b"plain"), None)
        html = next((p for kind, p in found if kind == b"html"), None)
        return plain or html
    if _leaf_kind(structure) in (b"plain", b"html"):
        return TextPart("TEXT", _leaf_size(structure))
    return None


def _is_multipart(node: object) -> bool:
    return isinstance(node, tuple) and bool(node) and isinstance(node[0], list)


def _walk(node: object, prefix: str) -> list[tuple[bytes, TextPart]]:
    """(subtype, part) of every inline text leaf, depth first (RFC 3501 §6.4.5 numbering)."""
    out: list[tuple[bytes, TextPart]] = []
    if not isinstance(node, tuple) or not node or not isinstance(node[0], list):
        return out
    for number, child in enumerate(node[0], 1):
        section = f"{prefix}{number}"
        if _is_multipart(child):
            out.extend(_walk(child, section + "."))
            continue
        kind = _leaf_kind(child)
        if kind is not None:
            out.append((kind, TextPart(section, _leaf_size(child))))
    return out


def _leaf_kind(node: object) -> bytes | None:
    """``plain``/``html`` for an inline text leaf, else None."""
    if not isinstance(node, tuple) or len(node) < 7:
        return None
    major, minor = _lower(node[0]), _lower(node[1])
    if major != b"text" or minor not in (b"plain", b"html"):
        return None
    # body-fld-dsp follows body-fld-md5 (and body-fld-lines for text): index 9.
    disposition = node[9] if len(node) > 9 else None
    if isinstance(disposition, tuple) and disposition and _lower(disposition[0]) == b"attachment":
        return None
    return minor


def _leaf_size(node: object) -> int | None:
    size = node[6] if isinstance(node, tuple) and len(node) > 6 else None
    return size if isinstance(size, int) and not isinstance(size, bool) else None


def _lower(value: object) -> bytes:
    if isinstance(value, bytes):
        return value.lower()
    if isinstance(value, str):
        return value.lower().encode("ascii", "replace")
    return b""


def part_items(part: TextPart | None, cap: int = TEXT_PART_BYTES) -> list[str]:
    """The FETCH items for a candidate: the header block and the text part, with PEEK so that
    \\Seen is never set (RFC 3501 §6.4.5)."""
    items = ["BODY.PEEK[HEADER]"]
    if part is None:
        return items
    if part.whole_body:
        return [*items, f"BODY.PEEK[TEXT]<0.{cap}>"]
    return [*items, f"BODY.PEEK[{part.section}.MIME]", f"BODY.PEEK[{part.section}]<0.{cap}>"]


def assemble(
    header: bytes, part: TextPart | None, mime: bytes, text: bytes, size: int | None
) -> tuple[bytes, bool]:
    """``(message bytes, truncated)`` from what :func:`part_items` fetched."""
    header = _with_blank_line(header)
    if part is None:
        return header, True
    if part.whole_body:
        data = header + text
        return data, size is None or len(data) < size
    # The top-level Content-Type says multipart/...: the part's own fields replace it.
    head = _TOP_MIME.sub(b"", header.replace(b"\r\n", b"\n")).replace(b"\n", b"\r\n")
    head = head.rstrip(b"\r\n") + b"\r\n" + _with_blank_line(mime).lstrip(b"\r\n")
    return head + text, True


def _with_blank_line(block: bytes) -> bytes:
    if block.endswith(b"\r\n\r\n") or block.endswith(b"\n\n"):
        return block
    return block.rstrip(b"\r\n") + b"\r\n\r\n"


def sections(data: dict[bytes, object], part: TextPart | None) -> tuple[bytes, bytes, bytes]:
    """``(header, mime, text)`` out of one FETCH answer (servers echo ``<0>`` origins and
    their own spelling, so items are looked up by prefix)."""
    from inspector.sources.imap_fetch import as_bytes, item

    header = as_bytes(item(data, b"BODY[HEADER]"))
    if part is None:
        return header, b"", b""
    if part.whole_body:
        return header, b"", as_bytes(item(data, b"BODY[TEXT]"))
    mime = as_bytes(item(data, f"BODY[{part.section}.MIME]".encode()))
    text = exact_item(data, f"BODY[{part.section}]".encode())
    return header, mime, text


def exact_item(data: Mapping[bytes, object], name: bytes) -> bytes:
    """The item ``name`` or ``name<origin>``, never ``name.MIME`` (a prefix of it)."""
    from inspector.sources.imap_fetch import as_bytes

    for key, value in data.items():
        if isinstance(key, bytes) and (key.upper() == name or key.upper().startswith(name + b"<")):
            return as_bytes(value)
    return b""


def batches(uids: Sequence[int], size: int) -> list[list[int]]:
    return [list(uids[i : i + size]) for i in range(0, len(uids), size)]
