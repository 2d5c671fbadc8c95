"""Organisational domains and DMARC identifier alignment (RFC 7489 §3.1, §3.2). Pure: no I/O.

The organisational domain is the registrable domain by the Public Suffix List (the list ships
with ``publicsuffixlist``, so this works offline): ``a.example.co.uk`` → ``example.co.uk``.
Both the ICANN and the private sections are honoured, so ``x.github.io`` and ``y.github.io``
are different organisations, as they are different owners.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

# Mailbox providers that stamp headers under more than one registrable domain (their Received
# ``by`` host and their authserv-id differ: Outlook mail is received by *.outlook.com and
# sealed as mx.microsoft.com). A result stamped under a sibling domain is the same provider, and
# a hop between two of them stays inside it. The project's one provider-family table: the
# receiving border (``inspector.parse.trace``) and the receipt checks both read it.
PROVIDER_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"google.com", "gmail.com", "googlemail.com"}),
    frozenset(
        {"outlook.com", "microsoft.com", "office365.com", "hotmail.com", "live.com"}
        | {"exchangelabs.com", "msn.com"}
    ),
    frozenset({"yahoo.com", "yahoodns.net", "yahoo.net", "aol.com", "yahoo.co.jp"}),
    frozenset({"icloud.com", "me.com", "mac.com", "apple.com"}),
    frozenset({"yandex.net", "yandex.ru", "yandex.com"}),
    frozenset({"mail.ru", "corp.mail.ru"}),
    frozenset({"gmx.net", "gmx.de", "gmx.com", "web.de", "kundenserver.de", "ui-portal.de"}),
    frozenset({"zoho.com", "zohomail.com", "zoho.eu"}),
    frozenset({"fastmail.com", "fastmail.fm", "messagingengine.com"}),
    frozenset({"protonmail.ch", "protonmail.com", "proton.me"}),
)


def normalise(domain: str) -> str:
    """Lower-case, no surrounding dots or whitespace (``Example.COM.`` → ``example.com``)."""
    return domain.strip().strip(".").lower()


_LABEL = re.compile(r"[A-Za-z0-9_-]{1,63}")


def is_dns_name(name: str) -> bool:
    """True when DNS can be asked about ``name``: LDH/underscore labels of 1-63 octets, at
    most 253 in all (RFC 1035 §2.3.4); non-ASCII names count after IDNA encoding."""
    name = name.rstrip(".")
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except (UnicodeError, ValueError):
            return False
    if not name or len(name) > 253:
        return False
    return all(_LABEL.fullmatch(label) for label in name.split("."))


def is_ip_literal(host: str) -> bool:
    host = host.strip("[]")
    if host.lower().startswith("ipv6:"):
        host = host[5:]
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


# A few hundred names: the relays and receivers every message of a mailbox shares (its
# provider's, its services') stay in; a bigger cache would only fill with the names of one
# message each (a sender's own outbound host), memory that grows with the mailbox.
@lru_cache(maxsize=256)
def org_domain(domain: str) -> str:
    """The organisational (registrable) domain of ``domain`` (RFC 7489 §3.2).

    A name that is itself a public suffix, an IP literal or not a valid name is returned
    normalised but unchanged: it is its own organisation.
    """
    name = normalise(domain)
    if not name or is_ip_literal(name) or ".." in name:
        return name
    try:
        from inspector.domains.psl import private_suffix  # lazy: loading the list costs ~20 ms

        private = private_suffix(name)
    except Exception:  # the PSL library must never take a hostile name down with it
        private = None
    return str(private) if private else name


def aligned(identifier: str, from_domain: str, *, strict: bool) -> bool:
    """Identifier alignment (RFC 7489 §3.1.1, §3.1.2): strict = exact, relaxed = same org."""
    a, b = normalise(identifier), normalise(from_domain)
    if not a or not b:
        return False
    if strict:
        return a == b
    return org_domain(a) == org_domain(b)


def same_provider(host_a: str, host_b: str) -> bool:
    """True when two hosts belong to one organisation or one known provider family."""
    a, b = org_domain(host_a), org_domain(host_b)
    if not a or not b:
        return False
    if a == b:
        return True
    return any(a in family and b in family for family in PROVIDER_FAMILIES)
