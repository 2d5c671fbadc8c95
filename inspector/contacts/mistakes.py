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

Each mistake found is a fact of ``problems`` with the number probably meant; the findings are
worded in ``inspector.diagnosis.rules.contacts``. Inputs longer than ``MAX_INPUT`` are never
parsed: phonenumbers is slow on long hostile input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.contacts.problems import (
    CountryCodeAssumed,
    CountryCodeDoubled,
    CountryCodeWithoutPlus,
    LeadingZeroDropped,
    NoCountryCode,
    PhoneProblem,
    RegionMismatch,
    TrunkPrefixKept,
)

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

MAX_INPUT = 64


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


def _code(num: PhoneNumber) -> int:
    """The country calling code of a parsed number (phonenumbers types it optional)."""
    return num.country_code or 0


def _country(num: PhoneNumber) -> str:
    import phonenumbers
    from phonenumbers import geocoder

    code = phonenumbers.region_code_for_number(num) or "ZZ"
    name = geocoder.country_name_for_number(num, "en")
    return f"{name} ({code})" if name else code


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


def repairs(
    text: str, region: str | None, num: PhoneNumber | None
) -> list[tuple[str, PhoneProblem]]:
    """For a number that is not valid as typed: each mistake that explains it, with the E.164 of
    the number that was probably meant. ``num`` is the parse of ``text`` (None if it failed)."""
    import phonenumbers

    found: list[tuple[str, PhoneProblem]] = []
    doubled = _doubled(text)
    if doubled is not None:
        found.append((_e164(doubled), CountryCodeDoubled(text, _code(doubled), _intl(doubled))))
    split = _trunk_split(text, num) if num is not None else None
    fixed = _parse_valid(f"+{num.country_code}{split[1]}") if num and split else None
    if split and fixed is not None:
        found.append((_e164(fixed), TrunkPrefixKept(text, split[0], _intl(fixed), False)))
    dropped = _leading_zero_dropped(num) if num is not None else None
    if dropped is not None:
        found.append((_e164(dropped), LeadingZeroDropped(text, _code(dropped), _intl(dropped))))
    if region and _international_digits(text) is None:
        meant = _parse_valid("+" + digits_of(text))
        if meant is not None and meant.country_code != phonenumbers.country_code_for_region(region):
            mismatch = RegionMismatch(text, region, _intl(meant), _country(meant), True)
            found.append((_e164(meant), mismatch))
        elif meant is None:
            elsewhere = _national_elsewhere(text, region)
            if elsewhere:
                shown = ", ".join(f"{_intl(n)} ({_country(n)})" for n in elsewhere[:3])
                mismatch = RegionMismatch(text, region, shown, "", False, True)
                # Only one reading is a suggestion; several are for the person to choose.
                found.append((_e164(elsewhere[0]) if len(elsewhere) == 1 else "", mismatch))
    return found


def _national_elsewhere(text: str, region: str) -> list[PhoneNumber]:
    """The mobile numbers ``text`` spells as a national number of other countries, written
    with that country's trunk prefix (``06 12 34 56 78`` given with region GB is a French, an
    Algerian or a Moroccan mobile): one per country, at most three. The trunk prefix is the
    sign the number was written for inside a country; a bare local number matches too many."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    digits = digits_of(text)
    mobile = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    found: dict[str, PhoneNumber] = {}
    for other in sorted(phonenumbers.SUPPORTED_REGIONS):
        code = phonenumbers.country_code_for_region(other)
        if other == region or phonenumbers.region_code_for_country_code(code) != other:
            continue
        prefix = _national_prefix(code)
        if not prefix or not digits.startswith(prefix):
            continue
        try:
            num = phonenumbers.parse(text, other)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in mobile:
            found.setdefault(_e164(num), num)
    return list(found.values())[:3]


def doubled_but_valid(
    text: str, num: PhoneNumber, international: str
) -> tuple[str, CountryCodeDoubled] | None:
    """``+49 49 151 ...``: the country code typed twice can still spell a valid number (here a
    landline in Leer, area code 491). When dropping the repeat gives a valid number too, say
    so; it is worse when that number is a mobile and the typed one cannot receive SMS."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    meant = _doubled(text)
    if meant is None or _e164(meant) == _e164(num):
        return None
    mobile = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    worse = phonenumbers.number_type(num) not in mobile and (
        phonenumbers.number_type(meant) in mobile
    )
    return _e164(meant), CountryCodeDoubled(text, _code(meant), _intl(meant), international, worse)


def missing_country_code(text: str) -> tuple[str | None, NoCountryCode]:
    """A number with neither ``+CC`` nor a region to read it in: (suggestion, problem)."""
    meant = _parse_valid("+" + digits_of(text))
    if meant is None:
        return None, NoCountryCode(text)
    return _e164(meant), NoCountryCode(text, _intl(meant), _country(meant))


def entry_mistakes(
    text: str, region: str | None, num: PhoneNumber, international: str
) -> list[PhoneProblem]:
    """Mistakes in how a number that *is* valid was written (it may still be misread)."""
    import phonenumbers
    from phonenumbers import CountryCodeSource

    found: list[PhoneProblem] = []
    source = num.country_code_source
    # A default country is only ever the region given: without one, no number parses so.
    if source == CountryCodeSource.FROM_DEFAULT_COUNTRY and region is not None:
        found.append(CountryCodeAssumed(text, region, international))
    elif source == CountryCodeSource.FROM_NUMBER_WITHOUT_PLUS_SIGN:
        found.append(CountryCodeWithoutPlus(text, _code(num), international))
    split = _trunk_split(text, num)
    nsn = phonenumbers.national_significant_number(num)
    if split is not None and split[1] == nsn:
        found.append(TrunkPrefixKept(text, split[0], international, True))
    if region and num.country_code != phonenumbers.country_code_for_region(region):
        found.append(RegionMismatch(text, region, international, _country(num), False))
    return found
