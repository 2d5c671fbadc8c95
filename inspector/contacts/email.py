"""Checks of the email address a person registered with a service.

Syntax and normalisation come from email-validator (IDN, Unicode normalisation, unsafe
characters, special-use and reserved domains), whose own explanation goes into the problem.
Deliverability is asked of the injected ``inspector.domains.dns.Resolver`` (see
``mailhost``), never of email-validator's own DNS code, so that tests use a loopback DNS
server and a run caches its answers. Typo suggestions are in ``typos``.

The check states facts: what is wrong is in ``EmailCheck.problems`` (types in ``problems``), in
the order found; ``inspector.diagnosis.rules.contacts`` words them as findings (``email_*``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from inspector.contacts.lists import is_disposable
from inspector.contacts.mailhost import MailDomain, MailStatus, mail_domain
from inspector.contacts.problems import (
    DeliverabilityUnknown,
    DisposableDomain,
    DomainTakesNoMail,
    DomainTypo,
    EmailProblem,
    ImplicitMx,
    InvalidAddress,
    NeedsSmtputf8,
    PlusAddress,
    RoleAddress,
)
from inspector.contacts.typos import repair_domain, suggest_domain
from inspector.domains.dns import Resolver
from inspector.report.serialize import json_meta

# Far longer than any address (RFC 5321 §4.5.3.1.3 caps a path at 256 octets): reject unparsed.
MAX_INPUT = 1024

# Local parts (lower-cased, separators . - _ removed) of shared mailboxes rather than a person's
# own: RFC 2142 names (postmaster, abuse, ...) plus the usual business ones.
ROLE_LOCAL_PARTS: frozenset[str] = frozenset(
    {
        "abuse",
        "accounts",
        "admin",
        "administrator",
        "billing",
        "contact",
        "enquiries",
        "hello",
        "help",
        "helpdesk",
        "hostmaster",
        "hr",
        "info",
        "inquiries",
        "it",
        "jobs",
        "marketing",
        "news",
        "newsletter",
        "noc",
        "office",
        "postmaster",
        "root",
        "sales",
        "security",
        "service",
        "support",
        "team",
        "webmaster",
    }
)
# Addresses that by their name discard what they receive.
NO_REPLY_LOCAL_PARTS: frozenset[str] = frozenset(
    {"noreply", "donotreply", "dontreply", "noanswer", "mailerdaemon", "nobody", "bounce"}
)

_GMAIL = ("gmail.com", "googlemail.com")


@dataclass(frozen=True, slots=True)
class EmailCheck:
    input: str
    valid: bool
    normalized: str | None = None  # email-validator's normalised form (Unicode domain, NFC)
    suggestion: str | None = None  # the address probably meant, for a typo in the domain
    deliverable: bool | None = None  # None: not checked (offline) or DNS could not answer
    mx: tuple[str, ...] = ()  # MX hosts, most preferred first
    disposable: bool = False
    role: bool = False
    # What is wrong, in the order found. Not in the JSON: the findings made of these are.
    problems: tuple[EmailProblem, ...] = field(default=(), metadata=json_meta(skip=True))


def check_email(address: str, *, resolver: Resolver | None) -> EmailCheck:
    """Check one address; ``resolver=None`` checks offline (``deliverable`` stays None)."""
    from email_validator import EmailNotValidError, validate_email

    text = address.strip()
    if not text:
        return EmailCheck(address, False, problems=(InvalidAddress(text, "it is empty"),))
    if len(text) > MAX_INPUT:
        why = f"it is {len(text)} characters long, and no address can exceed 254"
        return EmailCheck(address, False, problems=(InvalidAddress(text, why),))
    try:
        # Deliverability is ours (below): check_deliverability=False keeps the library off DNS.
        parsed = validate_email(text, check_deliverability=False)
    except (EmailNotValidError, ValueError, UnicodeError) as exc:
        suggestion = repair_address(text)
        return EmailCheck(
            address,
            False,
            suggestion=suggestion,
            problems=(InvalidAddress(text, _sentence_part(str(exc)), suggestion),),
        )

    local, domain, ascii_domain = parsed.local_part, parsed.domain, parsed.ascii_domain
    problems: list[EmailProblem] = []
    host = mail_domain(ascii_domain, resolver) if resolver is not None else None
    deliverable = host.accepts_mail if host is not None else None

    suggestion = None
    typo_domain = suggest_domain(ascii_domain)
    if typo_domain and (host is None or host.status is not MailStatus.MX):
        suggestion = f"{local}@{typo_domain}"
        no_mail = host.reason if host is not None and host.accepts_mail is False else None
        problems.append(DomainTypo(domain, suggestion, no_mail))
    if host is not None:
        problems.extend(_delivery_problems(domain, host))
    if parsed.smtputf8:
        problems.append(NeedsSmtputf8(parsed.normalized))
    disposable = is_disposable(ascii_domain)
    if disposable:
        problems.append(DisposableDomain(domain))
    base, _, tag = local.partition("+")
    squashed = base.lower().replace(".", "").replace("-", "").replace("_", "")
    no_reply = squashed in NO_REPLY_LOCAL_PARTS
    role = squashed in ROLE_LOCAL_PARTS or no_reply
    if role:
        problems.append(RoleAddress(parsed.normalized, base, no_reply))
    if base and tag:
        problems.append(PlusAddress(parsed.normalized, base, tag, domain))
    return EmailCheck(
        input=address,
        valid=True,
        normalized=parsed.normalized,
        suggestion=suggestion,
        deliverable=deliverable,
        mx=host.mx if host is not None else (),
        disposable=disposable,
        role=role,
        problems=tuple(problems),
    )


def repair_address(text: str) -> str | None:
    """For an address that is not valid syntax: the address probably meant, never the input.

    The slips repaired are the ones people make in sign-up forms: the @ typed twice
    (``alice@@gmail.com``), spaces, and a provider domain whose dot or suffix is missing or
    mistyped (``gmail,com``, ``gmailcom``, ``gmail``; see ``typos.repair_domain``).
    """
    compact = "".join(text.split())
    local, at, domain = compact.partition("@")
    domain = domain.lstrip("@")
    if not at or not local or not domain or "@" in domain:
        return None
    fixed = repair_domain(domain) or domain
    suggestion = f"{local}@{fixed}"
    if suggestion.casefold() == text.strip().casefold():
        return None
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(suggestion, check_deliverability=False)
    except (EmailNotValidError, ValueError, UnicodeError):
        return None  # a "repair" that is still no address helps nobody
    return suggestion


def _sentence_part(text: str) -> str:
    """email-validator's sentence, to follow a colon: "The part after" → "the part after"."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


def _delivery_problems(domain: str, host: MailDomain) -> list[EmailProblem]:
    if host.accepts_mail is False:
        return [DomainTakesNoMail(domain, host.reason)]
    if host.status is MailStatus.UNKNOWN:
        return [DeliverabilityUnknown(domain, host.reason)]
    if host.status is MailStatus.IMPLICIT_MX:
        return [ImplicitMx(domain, host.reason)]
    return []


def normalize_for_compare(address: str) -> str:
    """A key under which two spellings of one mailbox compare equal (never raises).

    Case is folded in the domain and, since practically every mail system treats it so, in the
    local part too (RFC 5321 §2.4 allows a server to do otherwise). The domain is put in its
    A-label (punycode) form, the ``+tag`` is removed (sub-addressing), and for Gmail the dots in
    the local part are ignored and googlemail.com is gmail.com, as Gmail itself does.
    """
    text = address.strip()
    if "<" in text:  # "Name <addr>": keep the addr
        text = text.rpartition("<")[2].partition(">")[0].strip()
    local, at, domain = text.rpartition("@")
    if not at:
        return unicodedata.normalize("NFC", text).casefold()
    domain = _canonical_domain(domain)
    local = unicodedata.normalize("NFC", local).casefold()
    base = local.partition("+")[0] or local
    if domain in _GMAIL:
        base, domain = base.replace(".", ""), "gmail.com"
    return f"{base}@{domain}"


def _canonical_domain(domain: str) -> str:
    import idna

    domain = domain.strip().rstrip(".")
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return unicodedata.normalize("NFC", domain).casefold()
