"""Parse one Received trace header (its date: ``dates``). Pure: no I/O.

The grammar is RFC 5321 §4.4 (``Time-stamp-line``)::

    Stamp = From-domain By-domain Opt-info [CFWS] ";" FWS date-time
    Opt-info = [Via] [With] [ID] [For] [Additional-Registered-Clauses]

Real MTAs bend it in every direction (qmail's ``(qmail 123 invoked from network)``, Microsoft's
``with Microsoft SMTP Server (version=TLS1_2, ...)``, Exim's ``(Exim 4.96)``, comments that
contain the word "with"), so the parser is tolerant rather than strict: it splits the stamp
into words and comments (RFC 5322 §3.2.2 CFWS, nested, with quoted-pairs), treats the bare
words ``from by via with id for`` as clause keywords, and takes the date after the last ";"
(RFC 5322 §3.6.7). Every header is attacker-controlled, so nothing here raises and all work is
bounded by the caps below.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime

from inspector.model import Hop
from inspector.parse.dates import MAX_DATE_CHARS, MONTHS, ParsedDate, parse_date
from inspector.parse.stamp_words import unglue

MAX_STAMP_CHARS = 8192  # longer Received headers are read up to here (real ones are < 1 KiB)
MAX_FIELD_CHARS = 255  # a host name is at most 253 octets (RFC 1035 §2.3.4)
_KEYWORDS = frozenset({"from", "by", "via", "with", "id", "for"})
# Protocols of a local fetcher that downloaded the mail from the mailbox provider: such a hop
# is not a delivery (RFC 5321 §4.4 stamps are written by SMTP servers), so it is marked.
_RETRIEVAL = frozenset({"pop3", "pop3s", "pop", "imap", "imaps", "imap4", "imap4rev1"})
_FETCHER = re.compile(r"\b(?:fetchmail|getmail)", re.IGNORECASE)
_BRACKET_IP = re.compile(r"\[(?:IPv6:)?([0-9A-Fa-f:.]{2,51})(?:%[^\]]*)?\]", re.IGNORECASE)
# "192.0.2.1:25": an address with the client's port (XMail, ecelerity, some proxies).
_IPV4_PORT = re.compile(r"(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}")
_HELO_LITERAL = re.compile(r"\b(?:helo|ehlo)[= ]\s*\[[^\]]*\]", re.IGNORECASE)
_LITERAL_PORT = re.compile(r"\[([^\]]{2,51})\](?::\d{1,5})?")
# Where a stamp without ";" keeps its date (RFC 5321 §4.4 requires the ";"): at its end, in
# RFC 5322, asctime or ISO form.
_TRAILING_DATE = re.compile(
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}\s+(?:{MONTHS})[a-z]*\s+\d{{2,4}}\s+\d{{1,2}}:\d\d"
    rf"|(?:{MONTHS})[a-z]*\s+\d{{1,2}}\s+\d{{1,2}}:\d\d(?::\d\d)?\s+\d{{4}}"
    rf"|\d{{4}}-\d\d-\d\d[ T]\d\d:\d\d)"
    rf"[^;]*$",
    re.IGNORECASE,
)
_TOKEN_SPLIT = re.compile(r"[\s\[\]()<>@,;=]+")


@dataclass(frozen=True, slots=True)
class ParsedReceived:
    """A Hop plus what the Hop record has no field for (used by the timeline heuristics)."""

    hop: Hop
    from_rdns: str | None = None  # host name in the TCP-info comment (what the receiver looked up)
    helo: str | None = None  # "helo=x" / "HELO x" in the TCP-info comment
    date_problem: str | None = None
    retrieval: bool = False  # a mail fetcher's hop (fetchmail/getmail over POP3/IMAP)


def parse_received(value: str) -> Hop:
    """Parse one Received header value into a Hop (``delay_seconds`` left None)."""
    return parse_received_full(value).hop


def parse_received_full(value: str) -> ParsedReceived:
    """Parse one Received header value, keeping the TCP-info details the Hop has no field for."""
    unfolded = value.replace("\r", " ").replace("\n", " ")  # RFC 5322 §2.2.3 unfolding
    stamp, date_text, trailing_for = _stamp_date_for(unfolded)
    date = parse_date(date_text) if date_text is not None else ParsedDate(None, "missing")
    stamp = stamp.strip()
    if stamp[:6].lower() == "(from ":
        # "(from localhost [192.0.2.1]) by ...": the whole from clause written as a comment;
        # sendmail's "(from www@localhost)" names the submitting user, not a host.
        closing = stamp.find(")")
        if closing > 0 and "@" not in stamp[6:closing].split(" ", 1)[0]:
            stamp = stamp[1:closing] + " " + stamp[closing + 1 :]
    clauses = _clauses(unglue(_tokens(stamp[:MAX_STAMP_CHARS])))

    from_words, from_comments = clauses.get("from", ([], []))
    from_host = _host(from_words[0]) if from_words else None
    from_ip, rdns, helo = _tcp_info(from_comments)
    if from_ip is None and from_host is not None:
        # "from [192.0.2.1]" (or "[192.0.2.1]:50999"): the domain is the literal
        literal = _LITERAL_PORT.fullmatch(from_host)
        from_ip = _ip(literal.group(1) if literal else from_host.strip("[]"))
    if from_ip is None:
        # "from host [192.0.2.1] by ..." (Exim 3, GMX): the literal outside a comment.
        from_ip = next((ip for w in from_words[1:] if (ip := _ip(w.strip("[]()")))), None)
    by_words, _ = clauses.get("by", ([], []))
    with_words, _ = clauses.get("with", ([], []))
    id_words, _ = clauses.get("id", ([], []))
    for_words, _ = clauses.get("for", ([], []))
    protocol = with_words[0].lower() if with_words else ""
    retrieval = protocol in _RETRIEVAL or _FETCHER.search(unfolded[:MAX_STAMP_CHARS]) is not None
    hop = Hop(
        from_host=from_host,
        from_ip=from_ip,
        by_host=_host(by_words[0].strip("<>")) if by_words else None,
        with_protocol=_cap(" ".join(with_words[:4])) or None,
        id=_cap(id_words[0].strip("<>").rstrip(",")) or None if id_words else None,
        for_addr=(_cap(for_words[0].strip("<>").rstrip(";,")) or None)
        if for_words
        else trailing_for,
        at=date.at,
        delay_seconds=None,
        raw=value,
    )
    return ParsedReceived(hop, rdns, helo, date.problem, retrieval)


def received_date(value: str) -> datetime | None:
    """The timestamp of one Received value, as ``parse_received_full`` reads it, without
    parsing the rest: what the arrival time of a message that is only listed needs."""
    date_text = _stamp_date_for(value.replace("\r", " ").replace("\n", " "))[1]
    return parse_date(date_text).at if date_text is not None else None


def _stamp_date_for(unfolded: str) -> tuple[str, str | None, str | None]:
    """(stamp, date text, trailing "for" address) of an unfolded Received value."""
    stamp, date_text = _split_date(unfolded)
    trailing_for = None
    if date_text is not None:
        # "...; Thu, 20 Mar 03 10:06:43 +0100 for <asrg@ietf.org>": a clause after the date.
        head, found, tail = date_text.partition(" for ")
        if found and "@" in tail:
            date_text, trailing_for = head, tail.strip().strip("<>").split()[0]
    return stamp, date_text, trailing_for


def _split_date(unfolded: str) -> tuple[str, str | None]:
    """(stamp, date text): the date follows the last ";" (RFC 5321 §4.4); without one, a date
    at the end of the stamp is taken as it (SendGrid writes it right after the id)."""
    semi = unfolded.rfind(";")
    if semi >= 0:
        return unfolded[:semi], unfolded[semi + 1 :]
    tail = unfolded[-MAX_DATE_CHARS:]
    match = _TRAILING_DATE.search(tail)
    if match is None:
        return unfolded, None
    cut = len(unfolded) - len(tail) + match.start()
    return unfolded[:cut], unfolded[cut:]


def is_ip_literal(host: str | None) -> bool:
    """True for "192.0.2.1", "[192.0.2.1]", "[IPv6:2001:db8::1]" and bare IPv6 addresses."""
    if not host:
        return False
    inner = host.strip("[]")
    if inner[:5].lower() == "ipv6:":
        inner = inner[5:]
    return _ip(inner) is not None


# --------------------------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[bool, str]]:
    """Split a stamp into (is_comment, text) tokens; CFWS per RFC 5322 §3.2.2.

    Comments nest and may hold quoted-pairs; an unclosed comment runs to the end. Quoted
    strings and <angle-addr> stay one word even when they hold spaces.
    """
    tokens: list[tuple[bool, str]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "(":
            depth, j = 1, i + 1
            while j < n and depth:
                if text[j] == "\\":
                    j += 1
                elif text[j] == "(":
                    depth += 1
                elif text[j] == ")":
                    depth -= 1
                j += 1
            tokens.append((True, text[i + 1 : j - 1 if depth == 0 else j]))
            i = j
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] != "(":
                closer = {'"': '"', "<": ">", "[": "]"}.get(text[j])
                if closer is not None:
                    end = text.find(closer, j + 1)
                    j = n if end < 0 else end
                j += 1
            tokens.append((False, text[i:j]))
            i = j
    return tokens


def _clauses(tokens: list[tuple[bool, str]]) -> dict[str, tuple[list[str], list[str]]]:
    """Group tokens by clause keyword: keyword -> (words up to the first comment, comments).

    Words before any keyword (qmail's bare comment stamps, garbage) are dropped; a keyword seen
    twice keeps its first clause, which is the one RFC 5321 §4.4 defines.
    """
    clauses: dict[str, tuple[list[str], list[str]]] = {}
    current: tuple[list[str], list[str]] | None = None
    words_open = False
    for is_comment, text in tokens:
        keyword = text.lower()
        if not is_comment and keyword in _KEYWORDS:
            if keyword in clauses:
                current = None  # a repeated clause is ignored
            else:
                current = clauses[keyword] = ([], [])
                words_open = True
            continue
        if current is None:
            continue
        if is_comment:
            current[1].append(text)
            words_open = False  # "with esmtps (TLS1.3) tls ...": the protocol ends at a comment
        elif not words_open and text.startswith("[") and text.endswith("]"):
            # "(EHLO homepc) [192.0.2.1]": an address literal after a comment is TCP-info too.
            current[1].append(text)
        elif words_open:
            current[0].append(text)
    return clauses


def _tcp_info(comments: list[str]) -> tuple[str | None, str | None, str | None]:
    """(ip, rdns, helo) from the from-clause comments (RFC 5321 §4.4 TCP-info).

    A bracketed literal wins over a bare address (qmail's "(198.51.100.7)", Microsoft's
    "(2603:10a6:208:15a::20)"); the host name next to the address is the reverse-DNS name the
    receiving server looked up, which is better evidence than the HELO name.
    """
    ip = rdns = helo = None
    for comment in comments:
        words = comment.split()
        for index, word in enumerate(words):
            low = word.lower()
            if low.startswith("helo="):
                helo = helo or _host(word[5:])
            elif low in {"helo", "ehlo"} and index + 1 < len(words):
                helo = helo or _host(words[index + 1])
        if ip is None:
            # "helo=[10.0.0.27]" is what the client said, not where it connected from.
            where = _HELO_LITERAL.sub(" ", comment)
            match = _BRACKET_IP.search(where)
            found = _ip(match.group(1)) if match else None
            if found is None:
                found = next(filter(None, map(_ip, _TOKEN_SPLIT.split(where))), None)
            if found is not None:
                ip = found
                names = [w.rstrip(".") for w in words if "." in w and "=" not in w]
                names = [w for w in names if w[:1] not in "[(" and _ip(w) is None]
                if names and names[0].lower() != "unknown":
                    rdns = _host(names[0])
    return ip, rdns, helo


def _ip(text: str) -> str | None:
    """The address in canonical form, or None; IPv4-mapped IPv6 is given as IPv4."""
    if not text or len(text) > 51 or not any(ch in text for ch in ".:"):
        return None
    if text[:5].lower() == "ipv6:":
        text = text[5:]
    with_port = _IPV4_PORT.fullmatch(text)
    if with_port is not None:
        text = with_port.group(1)
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def _host(word: str) -> str | None:
    host = _cap(word.rstrip(".,;"))
    return host or None


def _cap(text: str) -> str:
    return text[:MAX_FIELD_CHARS]
