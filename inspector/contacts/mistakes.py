"""The usual mistakes made typing a phone number into a sign-up form (pure: no I/O).

- Missing country code: ``07911 123456`` is only a number once someone knows the country; a
  service abroad reads it as one of its own numbers, or cannot use it.
- National trunk prefix kept after the country code: ``+44 07911 123456``. The trunk prefix
  (``0`` in most of Europe, ``1`` in North America, ``8`` in Russia) is dialled only inside
  the country (ITU-T E.164 §6; phonenumbers' metadata knows each region's prefix). Italy,
  San Marino and the Vatican keep their leading zero after +39 (``+39 06 ...`` is right):
  phonenumbers marks that zero as part of the number (``italian_leading_zero``), so it never
  shows up as a trunk prefix here.
- The reverse, for Italy and its neighbours: the leading 0 dropped (``+39 2 ...`` for
  ``+39 02 ...``), because it was taken for a trunk prefix.
- Country code typed twice: ``+44 44 7911 123456``, ``0044 +44 7911 123456``.
- A number of another region than the one given, e.g. a number typed with its country code
  but without the ``+`` (``447911123456`` read in the US).
- Too few or too many digits: ``is_possible_number_with_reason``.

Inputs longer than ``MAX_INPUT`` are never parsed: phonenumbers is slow on long hostile input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.model import Finding, Severity

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

MAX_INPUT = 64

_ADVICE = (
    "Correct the number with the service, written with its country code (e.g. +44 7911 "
    "123456): codes sent to the number as registered go to someone else or nowhere."
)


def digits_of(text: str) -> str:
    """The ASCII digits of ``text`` (other scripts' digits converted, as phonenumbers does)."""
    import phonenumbers

    return str(phonenumbers.normalize_digits_only(text))


def _international_digits(text: str) -> str | None:
    """The digits after a leading ``+`` or ``00``; None when there is no international prefix."""
    stripped = text.strip()
    if stripped.startswith(("+", "\uff0b")):  # fullwidth plus, as phonenumbers accepts
        return digits_of(stripped[1:])
    if stripped.startswith("00"):
        return digits_of(stripped)[2:]
    return None


def _parse_valid(e164: str) -> PhoneNumber | None:
    import phonenumbers

    try:
        num = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    return num if phonenumbers.is_valid_number(num) else None


def _intl(num: PhoneNumber) -> str:
    import phonenumbers

    return str(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def _e164(num: PhoneNumber) -> str:
    import phonenumbers

    return str(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164))


def _country(num: PhoneNumber) -> str:
    import phonenumbers
    from phonenumbers import geocoder

    code = phonenumbers.region_code_for_number(num) or "ZZ"
    name = geocoder.country_name_for_number(num, "en")
    return f"{name} ({code})" if name else code


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 40 else text[:37] + "..."


def _national_prefix(country_code: int) -> str | None:
    import phonenumbers

    main = phonenumbers.region_code_for_country_code(country_code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, main)
    return meta.national_prefix if meta is not None else None


def _doubled(text: str) -> PhoneNumber | None:
    """``+44 44 ...`` or ``0044 +44 ...``: the number with the country code once, if valid."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    digits = _international_digits(text)
    if not digits:
        return None
    for size in (1, 2, 3):
        code = digits[:size]
        if len(code) < size or int(code) not in COUNTRY_CODE_TO_REGION_CODE:
            continue
        rest = digits[size:]
        rest = rest[2:] if rest.startswith("00") else rest
        if rest.startswith(code) and len(rest) > size:
            return _parse_valid("+" + rest)
    return None


def _trunk_split(text: str, num: PhoneNumber) -> tuple[str, str] | None:
    """(trunk prefix, digits after it) when the digits after +CC start with the trunk prefix."""
    digits = _international_digits(text)
    code = str(num.country_code)
    if digits is None or not digits.startswith(code):
        return None
    after = digits[len(code) :]
    prefix = _national_prefix(num.country_code or 0)
    if not prefix or not after.startswith(prefix):
        return None
    return prefix, after[len(prefix) :]


def _leading_zero_dropped(num: PhoneNumber) -> PhoneNumber | None:
    """+39 2 ... for +39 02 ...: where the plan has no trunk prefix (Italy, San Marino, the
    Vatican), the leading 0 belongs to the number and must stay after the country code."""
    import phonenumbers

    code = num.country_code or 0
    if num.italian_leading_zero or _national_prefix(code) is not None:
        return None
    meant = _parse_valid(f"+{code}0{phonenumbers.national_significant_number(num)}")
    return meant if meant is not None and meant.italian_leading_zero else None


def repairs(text: str, region: str | None, num: PhoneNumber | None) -> list[tuple[str, Finding]]:
    """For a number that is not valid as typed: each mistake that explains it, with the E.164 of
    the number that was probably meant. ``num`` is the parse of ``text`` (None if it failed)."""
    import phonenumbers

    found: list[tuple[str, Finding]] = []
    doubled = _doubled(text)
    if doubled is not None:
        found.append(
            (
                _e164(doubled),
                Finding(
                    "phone_country_code_doubled",
                    Severity.ERROR,
                    f"{_shown(text)!r} has the country code +{doubled.country_code} twice; "
                    f"the number is probably {_intl(doubled)}",
                    _ADVICE,
                ),
            )
        )
    split = _trunk_split(text, num) if num is not None else None
    fixed = _parse_valid(f"+{num.country_code}{split[1]}") if num and split else None
    if split and fixed is not None:
        found.append(
            (
                _e164(fixed),
                Finding(
                    "phone_trunk_prefix",
                    Severity.ERROR,
                    f"{_shown(text)!r} keeps the national trunk prefix {split[0]} after the "
                    f"country code; the number is {_intl(fixed)}",
                    _ADVICE,
                ),
            )
        )
    dropped = _leading_zero_dropped(num) if num is not None else None
    if dropped is not None:
        found.append(
            (
                _e164(dropped),
                Finding(
                    "phone_leading_zero_dropped",
                    Severity.ERROR,
                    f"{_shown(text)!r} lacks the leading 0 that +{dropped.country_code} numbers "
                    f"keep after the country code (it is no trunk prefix there); the number is "
                    f"probably {_intl(dropped)}",
                    _ADVICE,
                ),
            )
        )
    if region and _international_digits(text) is None:
        meant = _parse_valid("+" + digits_of(text))
        if meant is not None and meant.country_code != phonenumbers.country_code_for_region(region):
            found.append(
                (
                    _e164(meant),
                    Finding(
                        "phone_region_mismatch",
                        Severity.ERROR,
                        f"{_shown(text)!r} is not a valid {region} number; it looks like "
                        f"{_intl(meant)}, a number of {_country(meant)}, typed without the +",
                        _ADVICE,
                    ),
                )
            )
    return found


def doubled_but_valid(
    text: str, num: PhoneNumber, international: str
) -> tuple[str, Finding] | None:
    """``+49 49 151 ...``: the country code typed twice can still spell a valid number (here a
    landline in Leer, area code 491). When dropping the repeat gives a valid number too, say
    so; it is an error when that number is a mobile and the typed one cannot receive SMS."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    meant = _doubled(text)
    if meant is None or _e164(meant) == _e164(num):
        return None
    mobile = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    worse = phonenumbers.number_type(num) not in mobile and (
        phonenumbers.number_type(meant) in mobile
    )
    return (
        _e164(meant),
        Finding(
            "phone_country_code_doubled",
            Severity.ERROR if worse else Severity.WARNING,
            f"{_shown(text)!r} has the country code +{meant.country_code} twice: as typed it is "
            f"{international}, but the number meant is probably {_intl(meant)}",
            _ADVICE,
        ),
    )


def missing_country_code(text: str) -> tuple[str | None, Finding]:
    """A number with neither ``+CC`` nor a region to read it in: (suggestion, finding)."""
    meant = _parse_valid("+" + digits_of(text))
    message = f"{_shown(text)!r} has no country code, so it cannot be told which country it is in"
    if meant is not None:
        message += f" (if it starts with one, it is {_intl(meant)}, a number of {_country(meant)})"
    return (
        _e164(meant) if meant is not None else None,
        Finding(
            "phone_missing_country_code",
            Severity.ERROR,
            message,
            "Write the number with + and its country code (e.g. +44 7911 123456), or give the "
            "region it belongs to.",
        ),
    )


def entry_findings(
    text: str, region: str | None, num: PhoneNumber, international: str
) -> list[Finding]:
    """Mistakes in how a number that *is* valid was written (it may still be misread)."""
    import phonenumbers
    from phonenumbers import CountryCodeSource

    findings: list[Finding] = []
    source = num.country_code_source
    if source == CountryCodeSource.FROM_DEFAULT_COUNTRY:
        findings.append(
            Finding(
                "phone_missing_country_code",
                Severity.WARNING,
                f"{_shown(text)!r} was entered without its country code; read as a {region} "
                f"number it is {international}",
                "Register it with its country code (+...): a service in another country reads "
                "a number without one as its own, and the code goes to a stranger or nowhere.",
            )
        )
    elif source == CountryCodeSource.FROM_NUMBER_WITHOUT_PLUS_SIGN:
        findings.append(
            Finding(
                "phone_missing_country_code",
                Severity.WARNING,
                f"{_shown(text)!r} starts with the country code {num.country_code} but has no + "
                f"in front of it; it is {international}",
                "Register it as " + international + ": without the +, many services read the "
                "country code as part of a national number.",
            )
        )
    split = _trunk_split(text, num)
    nsn = phonenumbers.national_significant_number(num)
    if split is not None and split[1] == nsn:
        findings.append(
            Finding(
                "phone_trunk_prefix",
                Severity.WARNING,
                f"{_shown(text)!r} keeps the national trunk prefix {split[0]} after the country "
                f"code; written internationally the number is {international}",
                f"Register it as {international}: some services send to the digits as typed, "
                "and that number does not exist.",
            )
        )
    if region and num.country_code != phonenumbers.country_code_for_region(region):
        findings.append(
            Finding(
                "phone_region_mismatch",
                Severity.WARNING,
                f"{international} is a number of {_country(num)}, not of {region}",
                "If the number is meant to be a local one, the country code is wrong; correct "
                "it with the service.",
            )
        )
    return findings
