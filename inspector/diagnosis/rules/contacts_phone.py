"""The problems of a registered phone number (``PhoneCheck.problems``) as findings.

Finding ids (a public contract):

- ``phone_invalid`` (error): not a number that can be dialled; the reason is in the message.
- ``phone_missing_country_code`` (error without a region, warning with one).
- ``phone_trunk_prefix`` (error when the number only works without it, warning otherwise).
- ``phone_country_code_doubled`` (error; a warning when the number as typed is valid and no
  worse for SMS than the one meant).
- ``phone_leading_zero_dropped`` (error): +39 2... for +39 02... (Italy keeps its 0).
- ``phone_region_mismatch`` (error when the number is invalid in the region, warning otherwise).
- ``phone_not_mobile`` (error for fixed line, toll-free, premium...; warning for VoIP).

Ranks: a number that cannot receive the code (every error) is ``CONTACT_UNREACHABLE``, a risk
(warning) ``CONTACT_RISK``.
"""

from __future__ import annotations

from typing import assert_never

from inspector.contacts.problems import (
    CountryCodeAssumed,
    CountryCodeDoubled,
    CountryCodeWithoutPlus,
    InvalidNumber,
    LeadingZeroDropped,
    NoCountryCode,
    NotMobile,
    PhoneProblem,
    RegionMismatch,
    SmsReach,
    TrunkPrefixKept,
)
from inspector.diagnosis import rank
from inspector.model import Finding, Severity

# The advice for a number that, as registered, reaches someone else or nobody.
_CORRECT_IT = (
    "Correct the number with the service, written with its country code (e.g. +44 7911 "
    "123456): codes sent to the number as registered go to someone else or nowhere."
)
_TYPE_WORDS = {
    "fixed_line": "a landline (fixed-line) number",
    "toll_free": "a toll-free number",
    "premium_rate": "a premium-rate number",
    "shared_cost": "a shared-cost number",
    "pager": "a pager number",
    "uan": "a universal access (company switchboard) number",
    "voicemail": "a voicemail-access number",
}


def phone_findings(problems: tuple[PhoneProblem, ...]) -> list[Finding]:
    """One finding per problem, in the order found."""
    return [_finding(problem) for problem in problems]


def _finding(problem: PhoneProblem) -> Finding:
    match problem:
        case InvalidNumber():
            return Finding(
                "phone_invalid",
                Severity.ERROR,
                f"{_shown(problem.text)!r} is not a valid phone number: {problem.why}",
                "Codes cannot be sent to it: correct the number with the service, written with "
                "its country code (+44 7911 123456).",
                rank=rank.CONTACT_UNREACHABLE,
            )
        case NotMobile():
            return _not_mobile(problem)
        case NoCountryCode() | CountryCodeAssumed() | CountryCodeWithoutPlus():
            return _missing_country_code(problem)
        case CountryCodeDoubled():
            return _doubled(problem)
        case TrunkPrefixKept():
            return _trunk_prefix(problem)
        case LeadingZeroDropped():
            return Finding(
                "phone_leading_zero_dropped",
                Severity.ERROR,
                f"{_shown(problem.text)!r} lacks the leading 0 that +{problem.country_code} "
                "numbers keep after the country code (it is no trunk prefix there); the number "
                f"is probably {problem.meant}",
                _CORRECT_IT,
                rank=rank.CONTACT_UNREACHABLE,
            )
        case RegionMismatch():
            return _region_mismatch(problem)
        case _:
            assert_never(problem)


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _not_mobile(problem: NotMobile) -> Finding:
    if problem.reach is SmsReach.UNLIKELY:
        return Finding(
            "phone_not_mobile",
            Severity.WARNING,
            f"{problem.number} is a VoIP (internet phone) number: many services refuse "
            "them or their codes are never delivered",
            "Register a mobile number from a carrier (with a SIM); if the service took the "
            "number, check the VoIP provider's SMS settings.",
            rank=rank.CONTACT_RISK,
        )
    return Finding(
        "phone_not_mobile",
        Severity.ERROR,
        f"{problem.number} is {_TYPE_WORDS.get(problem.type, problem.type)}: SMS codes cannot "
        "arrive there",
        "Register a mobile number, or pick the voice-call option if the service has one.",
        rank=rank.CONTACT_UNREACHABLE,
    )


def _missing_country_code(
    problem: NoCountryCode | CountryCodeAssumed | CountryCodeWithoutPlus,
) -> Finding:
    shown = _shown(problem.text)
    if isinstance(problem, CountryCodeAssumed):
        return Finding(
            "phone_missing_country_code",
            Severity.WARNING,
            f"{shown!r} was entered without its country code; read as a {problem.region} "
            f"number it is {problem.number}",
            "Register it with its country code (+...): a service in another country reads "
            "a number without one as its own, and the code goes to a stranger or nowhere.",
            rank=rank.CONTACT_RISK,
        )
    if isinstance(problem, CountryCodeWithoutPlus):
        return Finding(
            "phone_missing_country_code",
            Severity.WARNING,
            f"{shown!r} starts with the country code {problem.country_code} but has no + "
            f"in front of it; it is {problem.number}",
            f"Register it as {problem.number}: without the +, many services read the "
            "country code as part of a national number.",
            rank=rank.CONTACT_RISK,
        )
    message = f"{shown!r} has no country code, so it cannot be told which country it is in"
    if problem.meant is not None:
        message += (
            f" (if it starts with one, it is {problem.meant}, a number of {problem.meant_country})"
        )
    return Finding(
        "phone_missing_country_code",
        Severity.ERROR,
        message,
        "Write the number with + and its country code (e.g. +44 7911 123456), or give the "
        "region it belongs to.",
        rank=rank.CONTACT_UNREACHABLE,
    )


def _doubled(problem: CountryCodeDoubled) -> Finding:
    shown, code = _shown(problem.text), problem.country_code
    if problem.as_typed is None:
        return Finding(
            "phone_country_code_doubled",
            Severity.ERROR,
            f"{shown!r} has the country code +{code} twice; the number is probably {problem.meant}",
            _CORRECT_IT,
            rank=rank.CONTACT_UNREACHABLE,
        )
    # As typed it is a number too (+49 49 151... is a landline in Leer): an error only when
    # that number cannot get the code and the one meant could.
    return Finding(
        "phone_country_code_doubled",
        Severity.ERROR if problem.loses_sms else Severity.WARNING,
        f"{shown!r} has the country code +{code} twice: as typed it is {problem.as_typed}, but "
        f"the number meant is probably {problem.meant}",
        _CORRECT_IT,
        rank=rank.CONTACT_UNREACHABLE if problem.loses_sms else rank.CONTACT_RISK,
    )


def _trunk_prefix(problem: TrunkPrefixKept) -> Finding:
    shown = _shown(problem.text)
    if not problem.valid_as_typed:
        return Finding(
            "phone_trunk_prefix",
            Severity.ERROR,
            f"{shown!r} keeps the national trunk prefix {problem.prefix} after the country "
            f"code; the number is {problem.number}",
            _CORRECT_IT,
            rank=rank.CONTACT_UNREACHABLE,
        )
    return Finding(
        "phone_trunk_prefix",
        Severity.WARNING,
        f"{shown!r} keeps the national trunk prefix {problem.prefix} after the country "
        f"code; written internationally the number is {problem.number}",
        f"Register it as {problem.number}: some services send to the digits as typed, "
        "and that number does not exist.",
        rank=rank.CONTACT_RISK,
    )


def _region_mismatch(problem: RegionMismatch) -> Finding:
    if problem.national_elsewhere:
        return Finding(
            "phone_region_mismatch",
            Severity.ERROR,
            f"{_shown(problem.text)!r} is not a valid {problem.region} number; as a national "
            f"number of another country it is {problem.number}",
            _CORRECT_IT,
            rank=rank.CONTACT_UNREACHABLE,
        )
    if problem.without_plus:
        return Finding(
            "phone_region_mismatch",
            Severity.ERROR,
            f"{_shown(problem.text)!r} is not a valid {problem.region} number; it looks like "
            f"{problem.number}, a number of {problem.country}, typed without the +",
            _CORRECT_IT,
            rank=rank.CONTACT_UNREACHABLE,
        )
    return Finding(
        "phone_region_mismatch",
        Severity.WARNING,
        f"{problem.number} is a number of {problem.country}, not of {problem.region}",
        "If the number is meant to be a local one, the country code is wrong; correct "
        "it with the service.",
        rank=rank.CONTACT_RISK,
    )
