"""Checks of the email address a person registered with a service.

Syntax and normalisation come from email-validator (IDN, Unicode normalisation, unsafe
characters, special-use and reserved domains), whose own explanation goes into the finding.
Deliverability is asked of the injected ``inspector.domains.dns.Resolver`` (see
``mailhost``), never of email-validator's own DNS code, so that tests use a loopback DNS
server and a run caches its answers. Typo suggestions are in ``typos``.

Finding ids (a public contract):

- ``email_invalid`` (error): not a usable address; the library's explanation is in the message.
- ``email_domain_typo`` (error when DNS shows the typed domain takes no mail, warning otherwise):
  the domain is one slip away from a big provider's.
- ``email_domain_no_mail`` (error): the domain does not exist, has a null MX, or has neither
  MX nor address records. Not repeated when ``email_domain_typo`` is an error: that finding
  already says the domain takes no mail and names the fix.
- ``email_deliverability_unknown`` (info): DNS could not answer; ``deliverable`` is null.
- ``email_implicit_mx`` (info): no MX record, mail goes to the domain's address record.
- ``email_smtputf8`` (warning): a non-ASCII local part needs SMTPUTF8 (RFC 6531).
- ``email_disposable`` (warning): a throwaway-mailbox domain.
- ``email_role_account`` (info; warning for no-reply addresses): a shared/role mailbox.
- ``email_plus_address`` (info): sub-addressing, ``you+tag@`` is delivered to ``you@``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from inspector.contacts.common import FINDING_KEYS, by_severity
from inspector.contacts.mailhost import MailDomain, MailStatus, mail_domain
from inspector.contacts.typos import repair_domain, suggest_domain
from inspector.domains.dns import Resolver
from inspector.model import Finding, Severity
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
    findings: tuple[Finding, ...] = field(default=(), metadata=json_meta(keys=FINDING_KEYS))


def check_email(address: str, *, resolver: Resolver | None) -> EmailCheck:
    """Check one address; ``resolver=None`` checks offline (``deliverable`` stays None)."""
    from email_validator import EmailNotValidError, validate_email

    text = address.strip()
    if not text:
        return EmailCheck(address, False, findings=(_invalid(text, "it is empty"),))
    if len(text) > MAX_INPUT:
        why = f"it is {len(text)} characters long, and no address can exceed 254"
        return EmailCheck(address, False, findings=(_invalid(text, why),))
    try:
        # Deliverability is ours (below): check_deliverability=False keeps the library off DNS.
        parsed = validate_email(text, check_deliverability=False)
    except (EmailNotValidError, ValueError, UnicodeError) as exc:
        suggestion = repair_address(text)
        return EmailCheck(
            address,
            False,
            suggestion=suggestion,
            findings=(_invalid(text, _sentence_part(str(exc)), suggestion),),
        )

    local, domain, ascii_domain = parsed.local_part, parsed.domain, parsed.ascii_domain
    findings: list[Finding] = []
    host = mail_domain(ascii_domain, resolver) if resolver is not None else None
    deliverable = host.accepts_mail if host is not None else None

    suggestion = None
    typo_domain = suggest_domain(ascii_domain)
    if typo_domain and (host is None or host.status is not MailStatus.MX):
        suggestion = f"{local}@{typo_domain}"
        findings.append(_typo(domain, suggestion, host))
    if host is not None:
        findings.extend(_delivery_findings(domain, host, typo_reported=suggestion is not None))

    if parsed.smtputf8:
        findings.append(
            Finding(
                "email_smtputf8",
                Severity.WARNING,
                f"{parsed.normalized} has non-ASCII characters before the @, which only mail "
                "systems supporting SMTPUTF8 (RFC 6531) can deliver",
                "Many services cannot send to such addresses at all; register an address "
                "whose part before the @ is plain ASCII.",
            )
        )
    disposable = is_disposable(ascii_domain)
    # The blocklist also lists typo domains (gmial.com): then the typo is the finding to show.
    if disposable and suggestion is None:
        findings.append(
            Finding(
                "email_disposable",
                Severity.WARNING,
                f"{domain} is a disposable (throwaway) mail domain",
                "Many services refuse or silently drop codes to disposable addresses, and such "
                "inboxes expire; use a permanent address.",
            )
        )
    base, _, tag = local.partition("+")
    squashed = base.lower().replace(".", "").replace("-", "").replace("_", "")
    role = squashed in ROLE_LOCAL_PARTS or squashed in NO_REPLY_LOCAL_PARTS
    if squashed in NO_REPLY_LOCAL_PARTS:
        findings.append(
            Finding(
                "email_role_account",
                Severity.WARNING,
                f"{parsed.normalized} is a no-reply style address: mailboxes with such names "
                "usually discard what they receive",
                "Register an address whose inbox you read.",
            )
        )
    elif role:
        findings.append(
            Finding(
                "email_role_account",
                Severity.INFO,
                f"{parsed.normalized} is a role address ({base}@), often a shared mailbox or "
                "a list that forwards to several people",
                "Codes may land in someone else's inbox or be filtered; some services refuse "
                "role addresses. A personal address is more reliable.",
            )
        )
    if base and tag:
        findings.append(
            Finding(
                "email_plus_address",
                Severity.INFO,
                f"Codes sent to {parsed.normalized} are delivered to {base}@{domain} "
                "(sub-addressing, the +tag is ignored by most providers)",
                f"Look in the {base}@{domain} mailbox, including any folder a filter sorts "
                f"+{tag} mail into; if a service rejects the '+', register the plain address.",
            )
        )
    return EmailCheck(
        input=address,
        valid=True,
        normalized=parsed.normalized,
        suggestion=suggestion,
        deliverable=deliverable,
        mx=host.mx if host is not None else (),
        disposable=disposable,
        role=role,
        findings=by_severity(findings),
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


def _invalid(text: str, why: str, suggestion: str | None = None) -> Finding:
    shown = text if len(text) <= 80 else text[:77] + "..."
    message = f"{shown!r} is not a valid email address: {why}"
    if suggestion:
        message += f"; did you mean {suggestion}?"
    return Finding(
        "email_invalid",
        Severity.ERROR,
        message,
        "Codes cannot be sent to this address: correct it with the service (account settings, "
        "or sign up again with the right address).",
    )


def _typo(domain: str, suggestion: str, host: MailDomain | None) -> Finding:
    if host is not None and host.accepts_mail is False:
        return Finding(
            "email_domain_typo",
            Severity.ERROR,
            f"{domain} does not receive mail ({host.reason}): did you mean {suggestion}?",
            f"Codes sent to this address can never arrive: change it to {suggestion} with "
            "the service (account settings, or sign up again).",
        )
    return Finding(
        "email_domain_typo",
        Severity.WARNING,
        f"{domain} looks like a typo: did you mean {suggestion}?",
        f"If so, codes go to someone else's mailbox or nowhere: change the address to "
        f"{suggestion} with the service.",
    )


def _delivery_findings(domain: str, host: MailDomain, *, typo_reported: bool) -> list[Finding]:
    if host.accepts_mail is False:
        if typo_reported:
            return []  # the typo finding (an error) already says so
        return [
            Finding(
                "email_domain_no_mail",
                Severity.ERROR,
                f"{domain} does not receive mail: {host.reason}",
                "Codes sent to this address can never arrive: register an address at a domain "
                "that takes mail (if the domain is yours, publish MX records for it).",
            )
        ]
    if host.status is MailStatus.UNKNOWN:
        return [
            Finding(
                "email_deliverability_unknown",
                Severity.INFO,
                f"Could not check whether {domain} receives mail: {host.reason}",
                "This says nothing about the address; check the network or DNS server and "
                "run the check again.",
            )
        ]
    if host.status is MailStatus.IMPLICIT_MX:
        return [
            Finding(
                "email_implicit_mx",
                Severity.INFO,
                f"{host.reason}",
                "Mail can still be delivered, but some services refuse domains without MX "
                "records; if the domain is yours, publish an MX record.",
            )
        ]
    return []


def is_disposable(domain: str) -> bool:
    """Is ``domain`` (or a parent of it) on the disposable-domains blocklist?"""
    from disposable_email_domains import blocklist

    labels = domain.lower().rstrip(".").split(".")
    return any(".".join(labels[i:]) in blocklist for i in range(len(labels) - 1))


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
