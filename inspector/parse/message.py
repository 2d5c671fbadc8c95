"""Reading one RFC 5322 message: the headers the checks need, and the text a person would read.

Mail is attacker-controlled, so nothing here raises on bad input: a header that does not parse
gives ``None`` (and, for addresses, ``unparseable``), and every size is capped before work is
done on it. Parsing is split so a caller can classify a message cheaply and only pay for the
rest on the few that matter: ``header_block()`` (the project's one header parser, see
:mod:`inspector.parse.fields`) splits the header fields (every message), ``subject()`` decodes
one field, ``headers()`` parses addresses and the rest (candidates only), ``body_text()`` (see
:mod:`inspector.parse.mime`) finds the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from inspector.parse.fields import MAX_HEADER_BYTES, HeaderBlock, header_block, split
from inspector.parse.mime import MAX_PARTS, MAX_TEXT_CHARS, Body, TextParts, body_text, text_parts
from inspector.parse.words import decode_words

__all__ = [
    "MAX_HEADER_BYTES",
    "MAX_PARTS",
    "MAX_TEXT_CHARS",
    "Address",
    "Body",
    "HeaderBlock",
    "Headers",
    "TextParts",
    "body_text",
    "header_block",
    "headers",
    "split",
    "subject",
    "text_parts",
]

# Caps that keep hostile messages cheap. A verification message is a few KB; anything beyond
# these limits is not where a code hides.
MAX_HEADER_VALUE = 16 * 1024
MAX_ADDRESSES = 50


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
            return self.name or "(unparseable)"
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
    dkim_timestamp: int | None  # t= of the first DKIM-Signature (RFC 6376 §3.5)
    gmail_labels: tuple[str, ...]  # X-Gmail-Labels of a Google Takeout mbox
    header_bytes: int
    greylist_seconds: float | None = None  # X-Greylist stamped by the receiver's greylister


def subject(block: HeaderBlock) -> str:
    """The decoded Subject (RFC 2047 encoded words), or ""."""
    return _unstructured(block, "subject")


def sender(block: HeaderBlock) -> Address | None:
    """The first From, parsed strictly (what the cheap stage needs besides the subject)."""
    froms = block.get_all("from")
    return _one_address(_raw(froms[0])) if froms else None


def sent_fields(block: HeaderBlock) -> tuple[str | None, int | None]:
    """The Date header and the DKIM ``t=`` tag: what the send time is read from."""
    date = block.first("date")
    return (_raw(date) if date is not None else None), _dkim_t(block.get_all("dkim-signature"))


def headers(
    data: bytes,
    block: HeaderBlock | None = None,
    *,
    known: tuple[Address | None, str] | None = None,
) -> Headers:
    """Every header the checks use; pass ``block`` when ``header_block`` already ran, and
    ``known`` = (``sender(block)``, ``subject(block)``) when those were read already."""
    if block is None:
        block = header_block(data)
    froms = block.get_all("from")
    if known is not None:
        from_, subject_text = known
    else:
        from_ = _one_address(_raw(froms[0])) if froms else None
        subject_text = subject(block)
    to, truncated = _address_list([_raw(v) for v in block.get_all("to")])
    labels = _unstructured(block, "x-gmail-labels")
    date = block.first("date")
    message_id = block.first("message-id")
    return Headers(
        subject=subject_text,
        from_=from_,
        from_count=len(froms),
        to=to,
        to_truncated=truncated,
        date=_raw(date) if date is not None else None,
        message_id=_raw(message_id).strip() or None if message_id else None,
        dkim_timestamp=_dkim_t(block.get_all("dkim-signature")),
        gmail_labels=tuple(x.strip() for x in labels.split(",") if x.strip()),
        header_bytes=block.size,
        greylist_seconds=_greylist(block),
    )


_GREYLIST = re.compile(r"delayed\s+(?:(\d+)\s+seconds|for\s+(\d+):(\d\d):(\d\d))\s+by\s", re.I)


def _greylist(block: HeaderBlock) -> float | None:
    """The delay a greylister (postgrey, milter-greylist) says it imposed.

    Only a header above the last Received counts: one below every Received header was
    written by the sender, not by a server on the way (RFC 5321 §4.4: trace headers are
    prepended, so the receiver's own stamps sit above the sender's).
    """
    names = [name for name, _ in block.fields]
    if "x-greylist" not in names or "received" not in names:
        return None
    last_received = len(names) - 1 - names[::-1].index("received")
    for position, (name, value) in enumerate(block.fields):
        if name != "x-greylist" or position > last_received:
            continue
        match = _GREYLIST.search(_raw(value))
        if match:
            if match.group(1):
                return float(match.group(1))
            h, m, s = (int(match.group(i)) for i in (2, 3, 4))
            return float(h * 3600 + m * 60 + s)
    return None


def _raw(value: str) -> str:
    """A header value as text for display and address parsing: each fold becomes one space.

    Not ``HeaderBlock.unfolded`` (RFC 5322 §2.2.3, which keeps a folded tab as a tab): what is
    shown and extracted stays as it always was, and the tests pin it against Python's parser.
    """
    text = value[:MAX_HEADER_VALUE]
    if "\n" not in text and "\r" not in text:
        return text  # one line (most fields): nothing to replace
    return _FOLDING.sub(" ", text).replace("\r", " ").replace("\n", " ")


_FOLDING = re.compile(r"\r?\n[ \t]")


def _unstructured(block: HeaderBlock, name: str) -> str:
    value = block.first(name)
    if value is None:
        return ""
    return decode_words(_raw(value)).strip()


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


# The shapes nearly all mail uses, in RFC 5322 §3.4 terms: an addr-spec with a dot-atom local
# part and domain, alone or in angle brackets after a display name that is one quoted-string
# or plain atoms separated by single spaces. A value of exactly this shape means the same to
# Python's header parser; anything else (comments, encoded words, groups, lists, obsolete
# forms, non-ASCII) goes to that parser.
_ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
_ADDR_SPEC = rf"{_ATEXT}(?:\.{_ATEXT})*@{_LABEL}(?:\.{_LABEL})*"
_SIMPLE_MAILBOX = re.compile(
    rf"[ \t]*(?:(?P<bare>{_ADDR_SPEC})"
    rf"""|(?:"(?P<quoted>[^"\\\r\n]*)"|(?P<atoms>{_ATEXT}(?: {_ATEXT})*))?"""
    rf"[ \t]*<(?P<spec>{_ADDR_SPEC})>)[ \t]*"
)


_LOOSE_ANGLE = re.compile(
    rf"[ \t]*(?P<name>[^<>()\",;\[\]\\\r\n]{{1,200}}?)[ \t]*<(?P<spec>{_ADDR_SPEC})>[ \t]*"
)
_PHRASE_BARE = re.compile(
    rf"[ \t]*(?P<name>(?:[^\s<>()\",;@\[\]\\]+[ \t]+){{1,10}})(?P<spec>{_ADDR_SPEC})[ \t]*"
)
_ADDR_COMMENT = re.compile(
    rf"[ \t]*<?(?P<spec>{_ADDR_SPEC})>?[ \t]*\((?P<comment>[^()\\\r\n]{{1,200}})\)[ \t]*"
)


def _parse_addresses(name: str, raw: str) -> list[Address] | None:
    from email import errors

    commented = _ADDR_COMMENT.fullmatch(raw)
    if commented is not None:
        # "nsb@bellcore.com (Nathaniel Borenstein)": the old form, where the comment is the
        # name mail readers show (RFC 822 §6.1, RFC 5322 §3.4 obs-mailbox via CFWS).
        comment = " ".join(commented.group("comment").split())
        return [Address(decode_words(comment).strip() or None, commented.group("spec"))]
    simple = _SIMPLE_MAILBOX.fullmatch(raw)
    if simple is not None:
        if simple.group("bare"):
            return [Address(None, simple.group("bare"))]
        # The shape fixes the address; only then is the name decoded (RFC 2047 §5: encoded
        # words in a phrase, and in quotes too, as every mail reader decodes them).
        display = decode_words(simple.group("quoted") or simple.group("atoms") or "").strip()
        return [Address(display or None, simple.group("spec"))]
    loose = _LOOSE_ANGLE.fullmatch(raw) or _PHRASE_BARE.fullmatch(raw)
    if loose is not None:
        # The name unquoted though it holds "@" or "." (``jane@home <jane@example.com>``),
        # or no angle brackets at all (``Big Bug bb@bug.com``): mail readers show the
        # address the way below; Python's parser makes a quoted local part of the name.
        # Unquoted, the name is words separated by folding white space (RFC 5322 §3.2.5):
        # a run of blanks between them reads as one space.
        display = decode_words(" ".join(loose.group("name").split())).strip()
        return [Address(display or None, loose.group("spec"))]
    import email.policy  # only for what the patterns above do not read (~7 ms to import)

    try:
        header = email.policy.default.header_factory(name, raw)
        defects = getattr(header, "defects", ())
        serious = [
            d
            for d in defects
            if isinstance(d, errors.InvalidHeaderDefect) and str(d) not in _BENIGN_DEFECTS
        ]
        addresses = list(getattr(header, "addresses", ()))
        if serious:
            # A display name with no usable address ("Postmaster <>", "Name <local>"): the
            # name is still what a mail reader shows; the address stays unknown.
            null = [str(d) for d in serious] in (
                ["null addr-spec in angle-addr"],
                ["addr-spec local part with no domain"],
            )
            if null and len(addresses) == 1 and addresses[0].display_name:
                return [Address(addresses[0].display_name, None)]
            return None
        result = []
        for addr in addresses:
            if not addr.username or not addr.domain:
                return None
            result.append(Address(addr.display_name or None, addr.addr_spec))
        return result
    except Exception:
        return None


# RFC 2047 slips every mail reader decodes anyway (an encoded word inside quotes, §5(3); no
# space after one): they say nothing against the address itself.
_BENIGN_DEFECTS = frozenset(
    {
        "encoded word inside quoted string",
        "missing trailing whitespace after encoded-word",
        "missing whitespace before encoded word",
    }
)


_DKIM_T = re.compile(r"(?:^|;)\s*t\s*=\s*(\d{1,12})\s*(?:;|$)")


def _dkim_t(signatures: Sequence[str]) -> int | None:
    for sig in signatures:
        match = _DKIM_T.search(_raw(sig))
        if match:
            return int(match.group(1))
    return None
