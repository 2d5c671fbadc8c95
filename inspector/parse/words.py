"""Encoded words (RFC 2047) and legacy charsets in headers, decoded the way mail readers do.

Real mail bends RFC 2047 in every direction, and a header that is not decoded loses the
subject or the sender's name the person would recognise. The decoder here never gives up:

* adjacent encoded words in one charset are joined *as bytes* before decoding, so a character
  split across two words (ISO-2022-JP escape sequences, UTF-8 multi-byte characters) comes
  out whole, and the white space between them is dropped (§6.2);
* an encoded word may be glued to text or to another encoded word (§5 forbids it; senders do
  it), may carry raw 8-bit characters in its Q text, may lack base64 padding;
* charsets: RFC 2231 language suffixes (``utf-8*en``) are dropped, the bidi variants
  ``iso-8859-8-i``/``-e`` and ``iso-8859-6-i``/``-e`` read as their base charset (RFC 1556),
  unknown names fall back to UTF-8, then Windows-1252;
* raw 8-bit text outside encoded words is UTF-8 (RFC 6532), else the charset the message
  declares for its text, else Windows-1252 (what a mail reader assumes for Western mail).

Pure: no I/O; never raises.
"""

from __future__ import annotations

import binascii
import codecs
import re

_ENCODED = re.compile(r"=\?([^?\s]{0,60})\?([BbQq])\?([^?\s]*)\?=")
_WHITE = re.compile(r"[ \t\r\n]+")
_BIDI = re.compile(r"^(iso-?8859-?[68])-?[ie]$", re.IGNORECASE)
# Names mail uses that Python's codec registry does not know, and charsets that a superset
# reads better (GB2312 mail routinely carries GBK/GB18030 characters; KS C 5601 is CP949).
_ALIASES = {
    "unknown-8bit": "utf-8",
    "x-unknown": "utf-8",
    "x-user-defined": "windows-1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "euc-kr": "cp949",
    "x-euc-jp": "euc_jp",
    "x-sjis": "cp932",
    "shift_jis": "cp932",
    "iso-2022-jp": "iso2022_jp_ext",
}
_WINDOWS = re.compile(r"^(?:windows|win|x-cp)-?(\d{3,4})$")


def codec(charset: str | None) -> str | None:
    """A Python codec for a MIME charset name, or None when there is none."""
    if not charset:
        return None
    name = charset.strip().strip('"').split("*", 1)[0].lower()
    name = _ALIASES.get(name, name)
    windows = _WINDOWS.match(name)
    if windows:
        name = f"cp{windows.group(1)}"  # windows-874, windows-1251 ... are Python's cpNNN
    bidi = _BIDI.match(name)
    if bidi:
        name = bidi.group(1)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, charset: str | None) -> str:
    """``data`` in ``charset``, else UTF-8, else Windows-1252, else Latin-1: always text.

    When the declared charset fails on a few bytes (a vendor extension of ISO-2022-JP, say),
    the text is still that charset: it is decoded with those bytes replaced, unless it is
    8-bit data that is valid UTF-8 (a mislabelled message).
    """
    name = codec(charset)
    if name == "ascii":
        name = None  # 8-bit text under a US-ASCII label: the label is wrong, not the text
    if name is not None:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            pass
    if name is None or not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if name is not None:
        return data.decode(name, "replace")
    try:
        return data.decode("windows-1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_words(text: str) -> str:
    """``text`` with every encoded word decoded (see the module docstring)."""
    if "=?" not in text:
        return text
    out: list[str] = []
    run = bytearray()
    run_charset = ""
    in_run = False  # an encoded word was the last thing read (it may have decoded to nothing)
    position = 0
    for match in _ENCODED.finditer(text):
        between = text[position : match.start()]
        charset, kind, payload = match.groups()
        data = _payload(kind, payload, charset)
        if in_run and not between.strip():
            # §6.2: white space between two encoded words is not text. In one charset the
            # bytes are joined, so a character split across the words comes out whole.
            if codec(charset) == codec(run_charset):
                run.extend(data)
            else:
                out.append(decode_bytes(bytes(run), run_charset))
                run, run_charset = bytearray(data), charset
        else:
            if run:
                out.append(decode_bytes(bytes(run), run_charset))
            out.append(between)
            run, run_charset = bytearray(data), charset
        in_run = True
        position = match.end()
    if run:
        out.append(decode_bytes(bytes(run), run_charset))
    out.append(text[position:])
    return "".join(out)


def _payload(kind: str, payload: str, charset: str) -> bytes:
    if kind in "Bb":
        ascii_part = re.sub(r"[^A-Za-z0-9+/]", "", payload)
        ascii_part += "=" * (-len(ascii_part) % 4)  # padding left out by the sender
        try:
            return binascii.a2b_base64(ascii_part)
        except (binascii.Error, ValueError):
            return payload.encode("utf-8", "replace")
    # Q (§4.2): "_" is a space; raw 8-bit characters (seen in the wild) stand for themselves.
    pieces = []
    for chunk in re.split(r"([^\x00-\x7f]+)", payload):
        if not chunk:
            continue
        if chunk.isascii():
            pieces.append(binascii.a2b_qp(chunk.encode("ascii"), header=True))
        else:
            pieces.append(chunk.encode(codec(charset) or "utf-8", "replace"))
    return b"".join(pieces)


def unfold_spaces(text: str) -> str:
    """Runs of white space (folding included) as one space, trimmed."""
    return _WHITE.sub(" ", text).strip()
