"""MIME assembly by hand, byte for byte the way mail clients and ESPs write it.

Building the text directly (rather than through ``email.message``) keeps generation fast and
lets the corpus use every encoding real mail uses: RFC 2047 B and Q encoded-words in several
charsets, quoted-printable and base64 bodies, 8bit UTF-8, nested multiparts (RFC 2045/2046).
"""

from __future__ import annotations

import base64
import binascii
import random
from dataclasses import dataclass, field
from email.charset import QP, Charset
from email.header import Header

_LATIN1_LANGS = {"en", "de", "fr", "es", "pt", "it", "nl"}


def encode_header(rng: random.Random, name: str, text: str) -> str:
    """``text`` as an RFC 2047 header value when it is not ASCII, folded at 76 columns."""
    if text.isascii():
        return text
    charset = Charset("utf-8")
    roll = rng.random()
    if roll < 0.25:
        try:
            text.encode("iso-8859-1")
            charset = Charset("iso-8859-1")
        except UnicodeEncodeError:
            pass
    elif roll < 0.5:
        charset.header_encoding = QP
    folded = Header(text, charset, header_name=name).encode(linesep="\n")
    return str(folded)


def address(rng: random.Random, name: str | None, addr: str) -> str:
    if not name:
        return addr
    if name.isascii():
        special = any(c in name for c in ',.;:@()<>"[]')
        shown = '"' + name.replace('"', "") + '"' if special else name
        return f"{shown} <{addr}>"
    return f"{encode_header(rng, 'From', name)} <{addr}>"


def b64_lines(data: bytes) -> str:
    text = base64.b64encode(data).decode("ascii")
    return "\n".join(text[i : i + 76] for i in range(0, len(text), 76)) + "\n"


@dataclass(slots=True)
class Part:
    """One MIME entity: its headers (without the blank line) and its encoded body."""

    headers: list[str]
    body: str
    children: list[Part] = field(default_factory=list)
    boundary: str | None = None

    def render(self) -> str:
        head = "\n".join(self.headers) + "\n\n"
        if self.boundary is None:
            return head + self.body
        chunks = [head, "This is a multi-part message in MIME format.\n\n"]
        for child in self.children:
            chunks.append(f"--{self.boundary}\n")
            chunks.append(child.render())
            if not chunks[-1].endswith("\n"):
                chunks.append("\n")
            chunks.append("\n")
        chunks.append(f"--{self.boundary}--\n")
        return "".join(chunks)


def text_part(
    rng: random.Random, subtype: str, text: str, lang: str, *, cte: str | None = None
) -> Part:
    """A text/plain or text/html part in an encoding chosen the way senders choose them
    (or in ``cte`` when given)."""
    if cte is not None:
        charset = "utf-8"
    elif text.isascii():
        cte = "7bit" if rng.random() < 0.6 else "quoted-printable"
        charset = "us-ascii" if subtype == "plain" and rng.random() < 0.3 else "utf-8"
    else:
        cte = rng.choice(("quoted-printable", "quoted-printable", "base64", "8bit"))
        charset = "utf-8"
        if cte != "8bit" and lang in _LATIN1_LANGS and rng.random() < 0.2:
            try:
                text.encode("iso-8859-1")
                charset = "iso-8859-1"
            except UnicodeEncodeError:
                pass
    data = text.encode(charset)
    if cte == "quoted-printable":
        body = binascii.b2a_qp(data, quotetabs=False, istext=True).decode("ascii")
    elif cte == "base64":
        body = b64_lines(data)
    else:
        body = data.decode(charset)
    if not body.endswith("\n"):
        body += "\n"
    headers = [f'Content-Type: text/{subtype}; charset="{charset}"']
    headers.append(f"Content-Transfer-Encoding: {cte}")
    return Part(headers, body)


def attachment(filename: str, ctype: str, data: bytes, *, inline_id: str | None = None) -> Part:
    disposition = "inline" if inline_id else "attachment"
    headers = [
        f'Content-Type: {ctype}; name="{filename}"',
        f'Content-Disposition: {disposition}; filename="{filename}"',
        "Content-Transfer-Encoding: base64",
    ]
    if inline_id:
        headers.append(f"Content-ID: <{inline_id}>")
    return Part(headers, b64_lines(data))


def boundary(rng: random.Random, style: str) -> str:
    hexdigits = "0123456789abcdef"
    if style == "google":
        return "000000000000" + "".join(rng.choice(hexdigits) for _ in range(12))
    if style == "outlook":
        core = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(24))
        return f"_000_{core}_"
    if style == "apple":
        parts = ["".join(rng.choice("ABCDEF0123456789") for _ in range(n)) for n in (8, 4, 4, 12)]
        return "Apple-Mail=_" + "-".join(parts)
    return f"----=_Part_{rng.randrange(10**6)}_{rng.randrange(10**9)}.{rng.randrange(10**12)}"


def multipart(rng: random.Random, subtype: str, children: list[Part], style: str) -> Part:
    bound = boundary(rng, style)
    headers = [f'Content-Type: multipart/{subtype};\n\tboundary="{bound}"']
    return Part(headers, "", children, bound)


# ---------------------------------------------------------------------------------------------
# Small binary blobs that start like the files they claim to be.


def pdf_blob(rng: random.Random, size: int) -> bytes:
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    stream = b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % size
    tail = b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return head + stream + rng.randbytes(size) + tail


def png_blob(rng: random.Random, size: int) -> bytes:
    ihdr = b"\x00\x00\x00\rIHDR" + rng.randbytes(13) + rng.randbytes(4)
    idat = size.to_bytes(4, "big") + b"IDAT" + rng.randbytes(size) + rng.randbytes(4)
    return b"\x89PNG\r\n\x1a\n" + ihdr + idat + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def jpeg_blob(rng: random.Random, size: int) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + rng.randbytes(size) + b"\xff\xd9"
