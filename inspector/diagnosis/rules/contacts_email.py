"""The problems of a registered email address (``EmailCheck.problems``) as findings.

Finding ids (a public contract):

- ``email_invalid`` (error): not a usable address; the library's explanation is in the message.
- ``email_domain_typo`` (error when DNS shows the typed domain takes no mail, warning otherwise):
  the domain is one slip away from a big provider's.
- ``email_domain_no_mail`` (error): the domain does not exist, has a null MX, or has neither
  MX nor address records. Not repeated when there is an ``email_domain_typo``: that finding
  already says the domain takes no mail and names the fix.
- ``email_deliverability_unknown`` (info): DNS could not answer; ``deliverable`` is null.
- ``email_implicit_mx`` (info): no MX record, mail goes to the domain's address record.
- ``email_smtputf8`` (warning): a non-ASCII local part needs SMTPUTF8 (RFC 6531).
- ``email_disposable`` (warning): a throwaway-mailbox domain. Not said of a typo domain (the
  blocklist lists gmial.com too): there the typo is the finding to show.
- ``email_role_account`` (info; warning for no-reply addresses): a shared/role mailbox.
- ``email_plus_address`` (info): sub-addressing, ``you+tag@`` is delivered to ``you@``.

Ranks: an address that cannot receive the code (every error) is ``CONTACT_UNREACHABLE``, a
risk (warning) ``CONTACT_RISK``, a note (info) ``CONTACT_NOTE``.
"""

from __future__ import annotations

from typing import assert_never

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
from inspector.diagnosis import rank
from inspector.model import Finding, Severity


def email_findings(problems: tuple[EmailProblem, ...]) -> list[Finding]:
    """One finding per problem, in the order found, less those another finding already says."""
    typo = any(isinstance(p, DomainTypo) for p in problems)
    findings = []
    for problem in problems:
        if typo and isinstance(problem, DomainTakesNoMail | DisposableDomain):
            continue
        findings.append(_finding(problem))
    return findings


def _finding(problem: EmailProblem) -> Finding:
    match problem:
        case InvalidAddress():
            return _invalid(problem)
        case DomainTypo():
            return _typo(problem)
        case DomainTakesNoMail() | DeliverabilityUnknown() | ImplicitMx():
            return _delivery(problem)
        case NeedsSmtputf8():
            return Finding(
                "email_smtputf8",
                Severity.WARNING,
                f"{problem.address} has non-ASCII characters before the @, which only mail "
                "systems supporting SMTPUTF8 (RFC 6531) can deliver",
                "Many services cannot send to such addresses at all; register an address "
                "whose part before the @ is plain ASCII.",
                rank=rank.CONTACT_RISK,
            )
        case DisposableDomain():
            return Finding(
                "email_disposable",
                Severity.WARNING,
                f"{problem.domain} is a disposable (throwaway) mail domain",
                "Many services refuse or silently drop codes to disposable addresses, and such "
                "inboxes expire; use a permanent address.",
                rank=rank.CONTACT_RISK,
            )
        case RoleAddress():
            return _role(problem)
        case PlusAddress():
            mailbox = f"{problem.base}@{problem.domain}"
            return Finding(
                "email_plus_address",
                Severity.INFO,
                f"Codes sent to {problem.address} are delivered to {mailbox} "
                "(sub-addressing, the +tag is ignored by most providers)",
                f"Look in the {mailbox} mailbox, including any folder a filter sorts "
                f"+{problem.tag} mail into; if a service rejects the '+', register the plain "
                "address.",
                rank=rank.CONTACT_NOTE,
            )
        case _:
            assert_never(problem)


def _invalid(problem: InvalidAddress) -> Finding:
    text = problem.text
    shown = text if len(text) <= 80 else text[:77] + "..."
    message = f"{shown!r} is not a valid email address: {problem.why}"
    if problem.suggestion:
        message += f"; did you mean {problem.suggestion}?"
    return Finding(
        "email_invalid",
        Severity.ERROR,
        message,
        "Codes cannot be sent to this address: correct it with the service (account settings, "
        "or sign up again with the right address).",
        rank=rank.CONTACT_UNREACHABLE,
    )


def _typo(problem: DomainTypo) -> Finding:
    domain, suggestion = problem.domain, problem.suggestion
    if problem.no_mail is not None:
        return Finding(
            "email_domain_typo",
            Severity.ERROR,
            f"{domain} does not receive mail ({problem.no_mail}): did you mean {suggestion}?",
            f"Codes sent to this address can never arrive: change it to {suggestion} with "
            "the service (account settings, or sign up again).",
            rank=rank.CONTACT_UNREACHABLE,
        )
    return Finding(
        "email_domain_typo",
        Severity.WARNING,
        f"{domain} looks like a typo: did you mean {suggestion}?",
        f"If so, codes go to someone else's mailbox or nowhere: change the address to "
        f"{suggestion} with the service.",
        rank=rank.CONTACT_RISK,
    )


def _delivery(problem: DomainTakesNoMail | DeliverabilityUnknown | ImplicitMx) -> Finding:
    if isinstance(problem, DomainTakesNoMail):
        return Finding(
            "email_domain_no_mail",
            Severity.ERROR,
            f"{problem.domain} does not receive mail: {problem.reason}",
            "Codes sent to this address can never arrive: register an address at a domain "
            "that takes mail (if the domain is yours, publish MX records for it).",
            rank=rank.CONTACT_UNREACHABLE,
        )
    if isinstance(problem, DeliverabilityUnknown):
        return Finding(
            "email_deliverability_unknown",
            Severity.INFO,
            f"Could not check whether {problem.domain} receives mail: {problem.reason}",
            "This says nothing about the address; check the network or DNS server and "
            "run the check again.",
            rank=rank.CONTACT_NOTE,
        )
    return Finding(
        "email_implicit_mx",
        Severity.INFO,
        problem.reason,
        "Mail can still be delivered, but some services refuse domains without MX "
        "records; if the domain is yours, publish an MX record.",
        rank=rank.CONTACT_NOTE,
    )


def _role(problem: RoleAddress) -> Finding:
    if problem.no_reply:
        return Finding(
            "email_role_account",
            Severity.WARNING,
            f"{problem.address} is a no-reply style address: mailboxes with such names "
            "usually discard what they receive",
            "Register an address whose inbox you read.",
            rank=rank.CONTACT_RISK,
        )
    return Finding(
        "email_role_account",
        Severity.INFO,
        f"{problem.address} is a role address ({problem.local}@), often a shared mailbox or "
        "a list that forwards to several people",
        "Codes may land in someone else's inbox or be filtered; some services refuse "
        "role addresses. A personal address is more reliable.",
        rank=rank.CONTACT_NOTE,
    )
