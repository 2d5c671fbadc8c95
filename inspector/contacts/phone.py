"""Checks of the phone number a person registered with a service (pure: no I/O).

phonenumbers (libphonenumber's metadata) parses the number and says whether it is possible and
valid, of which type (mobile, fixed line, VoIP, ...), in which region, and, where its metadata
has them, the carrier the number range was first given to and a location. On top of that this
module recognises the usual entry mistakes (``mistakes``): a missing country code, the national
trunk prefix kept after the country code (+44 07...), the country code typed twice, a number
from another region than expected, too few or too many digits.

The check states facts: what is wrong is in ``PhoneCheck.problems`` (types in ``problems``), in
the order found; ``inspector.diagnosis.rules.contacts`` words them as findings (``phone_*``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from inspector.contacts.common import normalize_region
from inspector.contacts.mistakes import (
    MAX_INPUT,
    digits_of,
    doubled_but_valid,
    entry_mistakes,
    missing_country_code,
    repairs,
)
from inspector.contacts.problems import InvalidNumber, NotMobile, PhoneProblem, SmsReach
from inspector.report.serialize import json_meta

if TYPE_CHECKING:
    from phonenumbers import NumberParseException, PhoneNumber


# phonenumbers.PhoneNumberType values → our names, and whether an SMS code can arrive.
_TYPES: dict[int, tuple[str, SmsReach]] = {
    0: ("fixed_line", SmsReach.NO),
    1: ("mobile", SmsReach.YES),
    2: ("fixed_line_or_mobile", SmsReach.LIKELY),
    3: ("toll_free", SmsReach.NO),
    4: ("premium_rate", SmsReach.NO),
    5: ("shared_cost", SmsReach.NO),
    6: ("voip", SmsReach.UNLIKELY),
    7: ("personal_number", SmsReach.UNKNOWN),  # forwards to another number, SMS varies
    8: ("pager", SmsReach.NO),
    9: ("uan", SmsReach.NO),
    10: ("voicemail", SmsReach.NO),
    99: ("unknown", SmsReach.UNKNOWN),
}


@dataclass(frozen=True, slots=True)
class PhoneCheck:
    input: str
    valid: bool
    e164: str | None = None
    national: str | None = None  # national format, e.g. "07911 123456"
    international: str | None = None  # e.g. "+44 7911 123456"
    region: str | None = None  # ISO 3166 region of the number (or of its country code)
    type: str | None = None  # "mobile", "fixed_line", ... (None when not valid)
    can_receive_sms: SmsReach = SmsReach.UNKNOWN
    carrier: str | None = None  # carrier the range was allocated to (the number may be ported)
    location: str | None = None
    suggestion: str | None = None  # E.164 of the number probably meant, after an entry mistake
    # What is wrong, in the order found. Not in the JSON: the findings made of these are.
    problems: tuple[PhoneProblem, ...] = field(default=(), metadata=json_meta(skip=True))


def check_phone(number: str, *, region: str | None) -> PhoneCheck:
    """Check one number; ``region`` (ISO 3166 alpha-2) is where it is dialled from, if known.

    Raises ``UsageError`` for an unknown ``region`` (that is the caller's option, not input).
    """
    import phonenumbers

    region = normalize_region(region)
    text = number.strip()
    if len(text) > MAX_INPUT:
        return _invalid(number, f"it is {len(text)} characters long; no phone number is", None)
    if not digits_of(text):
        return _invalid(number, "it contains no digits", None)
    parsed = _parse(text, region)
    if isinstance(parsed, phonenumbers.NumberParseException):
        return _unparsed(number, text, region, parsed)
    if not phonenumbers.is_valid_number(parsed):
        return _invalid_parsed(number, text, region, parsed)
    return _valid(number, text, region, parsed)


def _parse(text: str, region: str | None) -> PhoneNumber | NumberParseException:
    import phonenumbers

    try:
        parsed: PhoneNumber | NumberParseException = phonenumbers.parse(
            text, region, keep_raw_input=True
        )
    except phonenumbers.NumberParseException as exc:
        parsed = exc
    if text.startswith("00") and (
        isinstance(parsed, phonenumbers.NumberParseException)
        or not phonenumbers.is_valid_number(parsed)
    ):
        # 00 is the international prefix almost everywhere (ITU-T E.164), but not in the
        # region given (011 in North America, 010 in Japan...) or no region was given.
        try:
            alternative = phonenumbers.parse("+" + text[2:], None, keep_raw_input=True)
        except phonenumbers.NumberParseException:
            return parsed
        if phonenumbers.is_valid_number(alternative) or isinstance(
            parsed, phonenumbers.NumberParseException
        ):
            return alternative
    return parsed


def _valid(original: str, text: str, region: str | None, num: PhoneNumber) -> PhoneCheck:
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    type_name, reach = _TYPES.get(phonenumbers.number_type(num), ("unknown", SmsReach.UNKNOWN))
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    international = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    problems = entry_mistakes(text, region, num, international)
    doubled = doubled_but_valid(text, num, international)
    if doubled is not None:
        problems.append(doubled[1])
    if reach in (SmsReach.NO, SmsReach.UNLIKELY):
        problems.append(NotMobile(international, type_name, reach))
    carrier, location = _carrier_and_location(num)
    return PhoneCheck(
        input=original,
        valid=True,
        e164=e164,
        national=phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL),
        international=international,
        region=phonenumbers.region_code_for_number(num),
        type=type_name,
        can_receive_sms=reach,
        carrier=carrier,
        location=location,
        suggestion=doubled[0] if doubled is not None else None,
        problems=tuple(problems),
    )


def _carrier_and_location(num: PhoneNumber) -> tuple[str | None, str | None]:
    # Imported here: the prefix data modules are slow to import (about 0.3 s).
    from phonenumbers import carrier, geocoder

    return carrier.name_for_number(num, "en") or None, (
        geocoder.description_for_number(num, "en") or None
    )


def _invalid_parsed(original: str, text: str, region: str | None, num: PhoneNumber) -> PhoneCheck:
    import phonenumbers

    region_of_code = phonenumbers.region_code_for_country_code(num.country_code or 0)
    found = repairs(text, region, num)
    if found:
        return PhoneCheck(
            original,
            False,
            region=region_of_code if region_of_code != "ZZ" else None,
            suggestion=found[0][0] or None,
            problems=tuple(problem for _, problem in found),
        )
    reason = _reason(num)
    return _invalid(original, reason, region_of_code if region_of_code != "ZZ" else None)


def _reason(num: PhoneNumber) -> str:
    import phonenumbers
    from phonenumbers import ValidationResult

    where = phonenumbers.region_code_for_country_code(num.country_code or 0)
    plan = f"+{num.country_code}" + (f" ({where})" if where not in ("ZZ", "001") else "")
    why = phonenumbers.is_possible_number_with_reason(num)
    if why == ValidationResult.TOO_SHORT:
        return f"it has too few digits for a {plan} number"
    if why == ValidationResult.TOO_LONG:
        return f"it has too many digits for a {plan} number"
    if why == ValidationResult.INVALID_LENGTH:
        return f"no {plan} number has that many digits"
    if why == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        if num.country_code_source == phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY:
            return f"it is a local number without its area code ({plan})"
        return f"it has too few digits for a {plan} number (an area code missing?)"
    if why == ValidationResult.INVALID_COUNTRY_CODE:
        return f"+{num.country_code} is not a country calling code"
    return f"no {plan} number starts like this (not in the numbering plan)"


def _unparsed(
    original: str, text: str, region: str | None, exc: NumberParseException
) -> PhoneCheck:
    import phonenumbers

    error_type = exc.error_type
    found = repairs(text, region, None)
    if found:
        return PhoneCheck(
            original,
            False,
            suggestion=found[0][0] or None,
            problems=tuple(problem for _, problem in found),
        )
    if error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
        if region is None and not text.lstrip().startswith("+"):
            suggestion, problem = missing_country_code(text)
            return PhoneCheck(original, False, suggestion=suggestion, problems=(problem,))
        return _invalid(original, "the digits after the + are not a country calling code", None)
    reasons = {
        phonenumbers.NumberParseException.NOT_A_NUMBER: "it does not look like a phone number",
        phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "too few digits follow the "
        "international prefix",
        phonenumbers.NumberParseException.TOO_SHORT_NSN: "it has too few digits",
        phonenumbers.NumberParseException.TOO_LONG: "it has too many digits",
    }
    return _invalid(original, reasons.get(error_type, str(exc)), None)


def _invalid(original: str, why: str, region: str | None) -> PhoneCheck:
    return PhoneCheck(
        original, False, region=region, problems=(InvalidNumber(original.strip(), why),)
    )
