"""What kind of SMS sender a verification text came from (pure: no I/O).

- ``short_code``: a 3-8 digit number without country code (``22395``, ``32665``) that is not
  an ordinary number of the region (Norway and Denmark have 8-digit numbers). Carriers
  route these themselves; phonenumbers' short-number metadata (ShortNumberInfo) says, per
  region, whether the code is known, is an SMS service, is carrier specific, and what it costs.
  Account holders can block short or premium codes at the carrier.
- ``long_number``: an ordinary phone number (``+1 415 555 0100``). International senders are
  often filtered by the recipient's carrier, and many countries block unregistered A2P traffic
  from long numbers.
- ``alphanumeric``: a sender ID made of letters (``TikTok``, ``VERIFY``), at most 11 characters
  in GSM (3GPP TS 23.040 §9.1.2.5). It cannot be replied to, and several countries require
  such IDs to be registered, else carriers drop or rewrite them.
- ``unknown``: anything else (empty, an e-mail address from an RCS/iMessage export, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from inspector.contacts.common import normalize_region

MAX_INPUT = 64
_ALNUM_MAX = 11  # GSM alphanumeric originator address (3GPP TS 23.040 §9.1.2.5)
_NUMBERISH = re.compile(r"[+\uff0b]?[\d\s().\-]+")  # \d: any script's digits


class SenderKind(StrEnum):
    SHORT_CODE = "short_code"
    LONG_NUMBER = "long_number"
    ALPHANUMERIC = "alphanumeric"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SenderInfo:
    sender: str
    kind: SenderKind
    normalized: str | None = None  # E.164 for long numbers, digits for short codes
    region: str | None = None  # the number's region (long numbers) or the one given (short codes)
    international: bool | None = None  # long numbers: from another country than ``region``
    known: bool | None = None  # short codes: listed in the region's short-number metadata
    sms_service: bool | None = None  # short codes: an SMS service code of the region
    carrier_specific: bool | None = None  # short codes: works only on some carriers
    premium: bool | None = None  # short codes: premium rate (often blocked by default)
    replyable: bool | None = None  # can the person answer it (STOP, HELP)
    advice: tuple[str, ...] = ()


def classify_sender(sender: str, *, region: str | None) -> SenderInfo:
    """Classify the sender field of an SMS; ``region`` is where the phone is (ISO 3166)."""
    import phonenumbers

    region = normalize_region(region)
    text = sender.strip()
    if not text or len(text) > MAX_INPUT:
        return SenderInfo(sender, SenderKind.UNKNOWN)
    if _NUMBERISH.fullmatch(text):
        digits = str(phonenumbers.normalize_digits_only(text))
        international_form = text.startswith(("+", "\uff0b")) or text.startswith("00")
        if not international_form and 3 <= len(digits) <= 8 and not _national(digits, region):
            return _short_code(sender, digits, region)
        if digits:
            return _long_number(sender, text, region)
        return SenderInfo(sender, SenderKind.UNKNOWN)
    if "@" not in text and any(ch.isalpha() for ch in text):
        return _alphanumeric(sender, text, region)
    return SenderInfo(sender, SenderKind.UNKNOWN)


def _national(digits: str, region: str | None) -> bool:
    """Are these few digits an ordinary number of ``region`` (Norway, Denmark... have 8-digit
    numbers) rather than a short code?"""
    import phonenumbers
    from phonenumbers import shortnumberinfo

    if region is None or len(digits) < 7:
        return False
    try:
        num = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(num)) and not (
        shortnumberinfo.is_valid_short_number_for_region(num, region)
    )


def _short_code(sender: str, digits: str, region: str | None) -> SenderInfo:
    import phonenumbers
    from phonenumbers import shortnumberinfo
    from phonenumbers.shortnumberinfo import ShortNumberCost

    advice = [
        "Carriers let account holders block short codes: if texts from short codes never "
        "arrive, ask the carrier to lift a premium/short code block on the line.",
        "Some prepaid, business and roaming lines cannot receive short codes at all; ask the "
        "service for a voice call or another method.",
    ]
    if region is None:
        return SenderInfo(
            sender, SenderKind.SHORT_CODE, digits, replyable=True, advice=tuple(advice)
        )
    try:
        num = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return SenderInfo(sender, SenderKind.SHORT_CODE, digits, region, advice=tuple(advice))
    known = bool(shortnumberinfo.is_valid_short_number_for_region(num, region))
    cost = shortnumberinfo.expected_cost_for_region(num, region)
    carrier_specific = bool(shortnumberinfo.is_carrier_specific_for_region(num, region))
    sms_service = bool(shortnumberinfo.is_sms_service_for_region(num, region))
    premium = None if cost == ShortNumberCost.UNKNOWN_COST else cost == ShortNumberCost.PREMIUM_RATE
    if carrier_specific:
        advice.append(
            f"{digits} works only on some {region} carriers: on another carrier, or a "
            "virtual operator of one, its texts may never arrive."
        )
    if premium:
        advice.append("It is a premium-rate code: these are blocked by default on many lines.")
    if not known:
        advice.append(
            f"{digits} is not in phonenumbers' list of {region} short codes: it may be new, "
            "carrier specific, or another country's code."
        )
    return SenderInfo(
        sender,
        SenderKind.SHORT_CODE,
        digits,
        region,
        known=known,
        sms_service=sms_service,
        carrier_specific=carrier_specific,
        premium=premium,
        replyable=True,
        advice=tuple(advice),
    )


def _long_number(sender: str, text: str, region: str | None) -> SenderInfo:
    import phonenumbers

    advice = [
        "Codes from ordinary (long) numbers are often filtered as spam by carriers and phone "
        "spam filters: check the phone's spam/unknown senders folder and blocked numbers."
    ]
    try:
        num = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        # No country code and no region: a number, but from where is unknown.
        digits = str(phonenumbers.normalize_digits_only(text))
        return SenderInfo(
            sender, SenderKind.LONG_NUMBER, digits, replyable=True, advice=tuple(advice)
        )
    if not phonenumbers.is_valid_number(num):
        digits = str(phonenumbers.normalize_digits_only(text))
        return SenderInfo(
            sender, SenderKind.LONG_NUMBER, digits, replyable=True, advice=tuple(advice)
        )
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    number_region = phonenumbers.region_code_for_number(num)
    international = None
    if region is not None:
        international = num.country_code != phonenumbers.country_code_for_region(region)
    if region == "US" and not international:
        advice.append(
            "US carriers block application texts from 10-digit numbers that are not registered "
            "(10DLC) and from unverified toll-free numbers: if codes stopped, the service's "
            "sender may have been blocked; ask it for another method."
        )
    if international:
        advice.append(
            f"The sender is in another country ({number_region or 'unknown'}): carriers often "
            "filter international A2P texts; ask the service for a voice call or an app code."
        )
    return SenderInfo(
        sender,
        SenderKind.LONG_NUMBER,
        e164,
        number_region,
        international=international,
        replyable=True,
        advice=tuple(advice),
    )


def _alphanumeric(sender: str, text: str, region: str | None) -> SenderInfo:
    advice = [
        "An alphanumeric sender ID cannot be replied to: STOP/HELP and replies go nowhere.",
        "Several countries require alphanumeric sender IDs to be registered, and carriers drop "
        "or rewrite unregistered ones: if texts never arrive, ask the service to use a "
        "registered sender or a number in your country.",
    ]
    if len(text) > _ALNUM_MAX:
        advice.append(
            f"{text!r} is longer than the 11 characters a sender ID can have: it is probably a "
            "contact name from the phone's address book, not the real sender."
        )
    return SenderInfo(
        sender,
        SenderKind.ALPHANUMERIC,
        text,
        region,
        replyable=False,
        advice=tuple(advice),
    )
