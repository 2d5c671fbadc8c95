"""The header fields as the authentication checks read them (RFC 5322 §3.6). Pure: no I/O.

The fields come from the project's one header parser (:mod:`inspector.parse.fields`): a
``Header`` is one entry of ``HeaderBlock.unfolded``, a (name, value) pair with the value
unfolded (RFC 5322 §2.2.3) and trimmed. Names are compared without regard to case, so a
hand-written sequence of pairs works as well. Every header is attacker-controlled, so nothing
here raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import getaddresses

from inspector.domains.orgdomain import normalise

Header = tuple[str, str]  # (name, unfolded value without the leading space)


def values(headers: Sequence[Header], name: str) -> list[str]:
    """Values of every field called ``name`` (case-insensitive), topmost first."""
    wanted = name.lower()
    return [value for field, value in headers if field.lower() == wanted]


def indexed(headers: Sequence[Header], name: str) -> list[tuple[int, str]]:
    """(position, value) of every field called ``name``; position 0 is the topmost field."""
    wanted = name.lower()
    return [(i, value) for i, (field, value) in enumerate(headers) if field.lower() == wanted]


@dataclass(frozen=True, slots=True)
class Author:
    """The RFC 5322 From of a message, as far as DMARC can use it (RFC 7489 §6.6.1)."""

    domain: str | None  # None when DMARC cannot be evaluated
    address: str | None
    display_name: str | None
    problem: str | None = None  # why DMARC cannot be evaluated, one sentence


def author(headers: Sequence[Header]) -> Author:
    """The single author domain, or the reason there is none (two From fields, a list, junk)."""
    froms = values(headers, "From")
    if not froms:
        return Author(None, None, None, "The message has no From header.")
    if len(froms) > 1:
        return Author(
            None,
            None,
            None,
            f"The message has {len(froms)} From headers; DMARC cannot tell which one is "
            "the author (RFC 7489 §6.6.1).",
        )
    try:
        addresses = [a for a in getaddresses([froms[0]]) if any(a)]
    except Exception:  # the stdlib parser on hostile input: treat as unparseable
        addresses = []
    if len(addresses) != 1:
        what = "no readable address" if not addresses else f"{len(addresses)} addresses"
        return Author(None, None, None, f"The From header has {what}; DMARC cannot be applied.")
    name, address = addresses[0]
    local, at, domain = address.rpartition("@")
    domain = normalise(domain)
    if not at or not local or not domain or not _DOMAIN.match(domain):
        return Author(None, address or None, name or None, "The From address has no usable domain.")
    return Author(domain, address, name or None)


_DOMAIN = re.compile(r"^[^\s@()<>\[\]\\,;:\"]+\.[^\s@()<>\[\]\\,;:\".]+$")


def envelope_sender(headers: Sequence[Header]) -> str | None:
    """The RFC 5321 MAIL FROM recorded by the final delivery in Return-Path (RFC 5322 §3.6.7).

    ``""`` is the null sender (``<>``, bounces and some notification systems); ``None`` means
    there is no Return-Path at all.
    """
    paths = values(headers, "Return-Path")
    if not paths:
        return None
    value = paths[0].strip()
    match = re.search(r"<([^<>]*)>", value)
    address = (match.group(1) if match else value).strip()
    if address.startswith("@") and ":" in address:  # source route, RFC 5321 §4.1.2
        address = address.split(":", 1)[1]
    return address


def domain_of(address: str | None) -> str | None:
    if not address or "@" not in address:
        return None
    domain = normalise(address.rpartition("@")[2])
    return domain or None
