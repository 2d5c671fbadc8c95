"""Parse one Received trace header and the dates in mail headers. Pure: no I/O.

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
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_tz

from inspector.model import Hop

MAX_STAMP_CHARS = 8192  # longer Received headers are read up to here (real ones are < 1 KiB)
MAX_DATE_CHARS = 256
MAX_FIELD_CHARS = 255  # a host name is at most 253 octets (RFC 1035 §2.3.4)
_KEYWORDS = frozenset({"from", "by", "via", "with", "id", "for"})
# Protocols of a local fetcher that downloaded the mail from the mailbox provider: such a hop
# is not a delivery (RFC 5321 §4.4 stamps are written by SMTP servers), so it is marked.
_RETRIEVAL = frozenset({"pop3", "pop3s", "pop", "imap", "imaps", "imap4", "imap4rev1"})
_FETCHER = re.compile(r"\b(?:fetchmail|getmail)", re.IGNORECASE)

# Zone names RFC 5322 §4.3 (obs-zone) defines; any other name means "zone unknown".
_ZONE_TAIL = re.compile(r"(?:^|\s)(?:[+-]\d{4}|UT|UTC|GMT|Z|[ECMP][SD]T)\s*$", re.IGNORECASE)
_COLON_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)\s*$")  # "+01:00": not RFC 5322, seen in the wild
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-]\d{4})\s*$", re.IGNORECASE)
_COMMENT = re.compile(r"\([^()]*\)")
_BRACKET_IP = re.compile(r"\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})(?:%[^\]]*)?\]", re.IGNORECASE)
_TOKEN_SPLIT = re.compile(r"[\s\[\]()<>@,;=]+")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from a header: ``at`` is timezone-aware (UTC) or None; ``problem`` says why."""

    at: datetime | None
    problem: str | None = None  # "missing", "unparseable" or "zone unknown (read as UTC)"


@dataclass(frozen=True, slots=True)
class ParsedReceived:
    """A Hop plus what the Hop record has no field for (used by the timeline heuristics)."""

    hop: Hop
    from_rdns: str | None = None  # host name in the TCP-info comment (what the receiver looked up)
    helo: str | None = None  # "helo=x" / "HELO x" in the TCP-info comment
    date_problem: str | None = None
    retrieval: bool = False  # a mail fetcher's hop (fetchmail/getmail over POP3/IMAP)


def parse_date(value: str | None) -> ParsedDate:
    """Read an RFC 5322 §3.3 date-time, including the obsolete forms of §4.3.

    Handles 2-digit (and 3-digit) years, named zones (EST, PDT, GMT...), missing seconds and a
    missing day-of-week through :func:`email.utils.parsedate_tz`; a trailing comment such as
    ``(PST)`` is ignored. "-0000" means UTC with the local zone unknown (§3.3), so it is read as
    UTC without complaint; a zone the RFC does not name is read as UTC and reported.
    """
    if value is None or not value.strip():
        return ParsedDate(None, "missing")
    text = _COMMENT.sub(" ", " ".join(value[:MAX_DATE_CHARS].split())).strip()
    text = _GMT_OFFSET.sub(r"\1", text)
    text = _COLON_OFFSET.sub(r"\1\2\3", text)
    try:
        fields = parsedate_tz(text)
    except Exception:  # the stdlib parser has raised on odd input in some Python versions
        fields = None
    if fields is None:
        return ParsedDate(None, "unparseable")
    year, month, day, hour, minute, second = fields[:6]
    offset = fields[9] or 0
    if 100 <= year < 1000:  # RFC 5322 §4.3: a 3-digit year is added to 1900
        year += 1900
    try:
        # A leap second (":60", allowed by §3.3) is read as :59 rather than refused.
        local = datetime(year, month, day, hour, minute, min(second, 59))
        at = (local - timedelta(seconds=offset)).replace(tzinfo=UTC)
        timezone(timedelta(seconds=offset))  # refuses offsets of a day or more
    except (ValueError, OverflowError):
        return ParsedDate(None, "unparseable")
    if offset == 0 and not _ZONE_TAIL.search(text):
        return ParsedDate(at, "zone unknown (read as UTC)")
    return ParsedDate(at, None)


def parse_received(value: str) -> Hop:
    """Parse one Received header value into a Hop (``delay_seconds`` left None)."""
    return parse_received_full(value).hop


def parse_received_full(value: str) -> ParsedReceived:
    """Parse one Received header value, keeping the TCP-info details the Hop has no field for."""
    unfolded = value.replace("\r", " ").replace("\n", " ")  # RFC 5322 §2.2.3 unfolding
    semi = unfolded.rfind(";")
    if semi >= 0:
        stamp, date = unfolded[:semi], parse_date(unfolded[semi + 1 :])
    else:
        stamp, date = unfolded, ParsedDate(None, "missing")
    clauses = _clauses(_tokens(stamp[:MAX_STAMP_CHARS]))

    from_words, from_comments = clauses.get("from", ([], []))
    from_host = _host(from_words[0]) if from_words else None
    from_ip, rdns, helo = _tcp_info(from_comments)
    if from_ip is None and from_host is not None:
        from_ip = _ip(from_host.strip("[]"))  # "from [192.0.2.1]": the domain is the literal
    by_words, _ = clauses.get("by", ([], []))
    with_words, _ = clauses.get("with", ([], []))
    id_words, _ = clauses.get("id", ([], []))
    for_words, _ = clauses.get("for", ([], []))
    protocol = with_words[0].lower() if with_words else ""
    retrieval = protocol in _RETRIEVAL or _FETCHER.search(unfolded[:MAX_STAMP_CHARS]) is not None
    hop = Hop(
        from_host=from_host,
        from_ip=from_ip,
        by_host=_host(by_words[0]) if by_words else None,
        with_protocol=_cap(" ".join(with_words[:4])) or None,
        id=_cap(id_words[0]) if id_words else None,
        for_addr=(_cap(for_words[0].strip("<>")) or None) if for_words else None,
        at=date.at,
        delay_seconds=None,
        raw=value,
    )
    return ParsedReceived(hop, rdns, helo, date.problem, retrieval)


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
            match = _BRACKET_IP.search(comment)
            found = _ip(match.group(1)) if match else None
            if found is None:
                found = next(filter(None, map(_ip, _TOKEN_SPLIT.split(comment))), None)
            if found is not None:
                ip = found
                names = [w.rstrip(".") for w in words if "." in w and "=" not in w]
                names = [w for w in names if w[:1] not in "[(" and _ip(w) is None]
                if names and names[0].lower() != "unknown":
                    rdns = _host(names[0])
    return ip, rdns, helo


def _ip(text: str) -> str | None:
    """The address in canonical form, or None; IPv4-mapped IPv6 is given as IPv4."""
    if not text or len(text) > 45 or not any(ch in text for ch in ".:"):
        return None
    if text[:5].lower() == "ipv6:":
        text = text[5:]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def _host(word: str) -> str | None:
    host = _cap(word.rstrip(".,"))
    return host or None


def _cap(text: str) -> str:
    return text[:MAX_FIELD_CHARS]
