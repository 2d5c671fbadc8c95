"""What the contact checks can find wrong, as facts: one frozen dataclass per kind of problem.

A check says *what* is wrong and carries the values a sentence about it needs (the text as
typed, the address or number probably meant, the DNS reason, the country...); where the facts
decide how bad it is, they say so too (the typed domain takes no mail, the number as typed
cannot get SMS). The checks word nothing and rank nothing: ``inspector.diagnosis.rules.contacts``
turns these facts into findings, on the one rank scale of every finding.

``text`` is always the input as typed, without surrounding white space and not shortened.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias


class SmsReach(StrEnum):
    YES = "yes"  # mobile
    LIKELY = "likely"  # fixed_line_or_mobile: the plan does not tell them apart (US, CA, ...)
    UNLIKELY = "unlikely"  # VoIP: many services refuse these numbers
    NO = "no"  # fixed line, toll-free, premium rate, pager...
    UNKNOWN = "unknown"


# ---- The email address ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvalidAddress:
    """Not a usable address."""

    text: str
    why: str  # email-validator's explanation, or ours ("it is empty"), to follow a colon
    suggestion: str | None = None  # the address probably meant (``email.repair_address``)


@dataclass(frozen=True, slots=True)
class DomainTypo:
    """The domain is one slip away from a big provider's."""

    domain: str  # as typed (Unicode form)
    suggestion: str  # the whole address probably meant
    no_mail: str | None = None  # DNS's reason when the typed domain takes no mail at all


@dataclass(frozen=True, slots=True)
class DomainTakesNoMail:
    """The domain does not exist, has a null MX, or has neither MX nor a usable address."""

    domain: str
    reason: str  # ``MailDomain.reason``: names the record or its absence


@dataclass(frozen=True, slots=True)
class DeliverabilityUnknown:
    """DNS could not say whether the domain takes mail (a timeout, SERVFAIL...)."""

    domain: str
    reason: str  # the DNS error


@dataclass(frozen=True, slots=True)
class ImplicitMx:
    """No MX record: mail goes to the domain's own address record (RFC 5321 §5.1)."""

    domain: str
    reason: str


@dataclass(frozen=True, slots=True)
class NeedsSmtputf8:
    """A non-ASCII local part: only SMTPUTF8 (RFC 6531) mail systems can deliver to it."""

    address: str  # normalised


@dataclass(frozen=True, slots=True)
class DisposableDomain:
    """The domain (or a parent of it) is on the disposable-domains blocklist."""

    domain: str


@dataclass(frozen=True, slots=True)
class RoleAddress:
    """A shared or role mailbox (``support@``), or one named to discard mail (``noreply@``)."""

    address: str  # normalised
    local: str  # the local part before any +tag
    no_reply: bool


@dataclass(frozen=True, slots=True)
class PlusAddress:
    """Sub-addressing: ``base+tag@domain`` is delivered to ``base@domain``."""

    address: str  # normalised
    base: str
    tag: str
    domain: str


EmailProblem: TypeAlias = (
    InvalidAddress
    | DomainTypo
    | DomainTakesNoMail
    | DeliverabilityUnknown
    | ImplicitMx
    | NeedsSmtputf8
    | DisposableDomain
    | RoleAddress
    | PlusAddress
)


# ---- The phone number -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvalidNumber:
    """Not a number that can be dialled."""

    text: str
    why: str  # to follow a colon: "it has too few digits for a +44 (GB) number"


@dataclass(frozen=True, slots=True)
class NotMobile:
    """A valid number that SMS cannot reach (``reach`` NO) or is unlikely to (VoIP)."""

    number: str  # international format
    type: str  # ``PhoneCheck.type``: "fixed_line", "voip", ...
    reach: SmsReach


@dataclass(frozen=True, slots=True)
class NoCountryCode:
    """Neither a ``+CC`` nor a region to read the number in: it is no number yet."""

    text: str
    meant: str | None = None  # the number, should the digits start with a country code
    meant_country: str | None = None  # its country, "United Kingdom (GB)"


@dataclass(frozen=True, slots=True)
class CountryCodeAssumed:
    """Valid only because it was read in ``region``: written without its country code."""

    text: str
    region: str
    number: str  # international format


@dataclass(frozen=True, slots=True)
class CountryCodeWithoutPlus:
    """Starts with the country code, but without the ``+`` in front of it."""

    text: str
    country_code: int
    number: str  # international format


@dataclass(frozen=True, slots=True)
class CountryCodeDoubled:
    """The country code typed twice: ``+44 44 7911 ...``, ``0044 +44 7911 ...``."""

    text: str
    country_code: int
    meant: str  # the number with the country code once, international format
    as_typed: str | None = None  # what the digits spell as typed, when that is valid too
    loses_sms: bool = False  # as typed it cannot get SMS, while the number meant can


@dataclass(frozen=True, slots=True)
class TrunkPrefixKept:
    """The national trunk prefix kept after the country code: ``+44 07911 ...``."""

    text: str
    prefix: str  # "0", "8", "1"...
    number: str  # the number without it, international format
    valid_as_typed: bool  # the number works either way (phonenumbers drops the prefix)


@dataclass(frozen=True, slots=True)
class LeadingZeroDropped:
    """``+39 2 ...`` for ``+39 02 ...``: a 0 that belongs to the number was left out."""

    text: str
    country_code: int
    meant: str  # international format


@dataclass(frozen=True, slots=True)
class RegionMismatch:
    """A number of another country than the region given."""

    text: str
    region: str  # the region given
    number: str  # the number (or, without the +, the one it looks like), international
    country: str  # that number's country, "United Kingdom (GB)"
    without_plus: bool  # invalid in ``region``: its digits are ``number`` typed without the +
    # invalid in ``region``, but a valid national number of ``country`` (same digits)
    national_elsewhere: bool = False


PhoneProblem: TypeAlias = (
    InvalidNumber
    | NotMobile
    | NoCountryCode
    | CountryCodeAssumed
    | CountryCodeWithoutPlus
    | CountryCodeDoubled
    | TrunkPrefixKept
    | LeadingZeroDropped
    | RegionMismatch
)
