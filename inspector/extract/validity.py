"""Stated validity of a code: "expires in 10 minutes", "10分钟内有效", "expires at 2:59 PM EDT".

Two forms are read, both in the keyword view (``fold_keys``: lower case, no accents) so one
spelling per word covers "válido"/"valido", "gültig"/"gultig", 分鐘/分钟:

* a duration: a number (digits, or a number word: "ten", "zehn", 十) and a unit, with a
  validity word ("valid", "expires", "gültig", "有效", "действителен"...) within a few words
  before or after; gives ``Validity.seconds``;
* a clock time after an expiry phrase ("expires at", "valid until", "gültig bis", "hasta las",
  "زمان اعتبار"), or before a "まで"/"까지"/"之前" ending, with optional date, AM/PM and time
  zone abbreviation; resolved against ``sent_at`` into ``Validity.expires_at``.

A time without a date is taken on the day the message was sent, in the stated zone (else the
zone of ``sent_at``), and moved to the next day when it would fall well before the sending. A
full date with a zone needs no ``sent_at``. Without enough to place it in time, ``expires_at``
stays None and only ``text`` records the phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache

from inspector.extract.normalize import fold_keys
from inspector.model import Validity

# Unit words (folded) -> seconds.
_UNITS: dict[int, str] = {
    1: "seconds|second|secs|sec|segundos|segundo|secondes|seconde|sekunden|sekunde|secondi|"
    "secondo|sekundy|sekund|saniye|секунды|секунду|секунд|сек|ثانیه|ثوانی|ثوان|שניות|שנייה|"
    "सेकंड|秒钟|秒|초|giay|detik",
    60: "minutes|minute|mins|min|minutos|minuto|minuten|minuti|minuut|minuty|minut|dakika|"
    "минуты|минуту|минута|минут|мин|хвилини|хвилину|хвилина|хвилин|хв|دقیقه|دقایق|דקות|דקה|"
    "मिनट|分钟|分间|分|분|phut|menit|perc",
    3600: "hours|hour|hrs|hr|h|horas|hora|heures|heure|stunden|stunde|std|ore|ora|uur|godziny|"
    "godzin|godzina|saat|часа|часов|час|години|годину|година|годин|ساعات|ساعت|ساعه|שעות|שעה|"
    "घंटे|घंटा|小时|钟头|时间|시간|gio|jam|ora",
    86400: "days|day|dias|dia|jours|jour|tage|tag|giorni|giorno|dagen|dag|dni|dzien|gun|"
    "дня|дней|день|дні|днів|доби|روز|یوم|ایام|ימים|יום|दिन|天|일|ngay|hari",
}
_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "sixty": 60,
    "un": 1,
    "une": 1,
    "uno": 1,
    "una": 1,
    "um": 1,
    "uma": 1,
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "cinq": 5,
    "dix": 10,
    "quinze": 15,
    "trente": 30,
    "cinco": 5,
    "diez": 10,
    "dez": 10,
    "quince": 15,
    "treinta": 30,
    "trinta": 30,
    "funf": 5,
    "zehn": 10,
    "funfzehn": 15,
    "dreissig": 30,
    "dreißig": 30,
    "cinque": 5,
    "dieci": 10,
    "quindici": 15,
    "trenta": 30,
    "een": 1,
    "vijf": 5,
    "tien": 10,
    "vijftien": 15,
    "dertig": 30,
    "пять": 5,
    "десять": 10,
    "пятнадцать": 15,
    "тридцать": 30,
}
_CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}  # fmt: skip
_CONTEXT = (
    r"valid|validity|expire|expires|expired|expiry|expiration|within|for the next|active|"
    r"valido|valida|vigencia|vence|caduca|expira|durante|validade|"
    r"valable|pendant|durant|gultig|gultigkeit|lauft|verfallt|verliert|innerhalb|"
    r"scade|validita|entro|geldig|verloopt|vervalt|binnen|wazny|wazne|wazna|wygasa|"
    r"gecerli|gecerlidir|suresi|icinde|действителен|действительна|действително|действует|"
    r"истекает|истечет|в течение|дійсний|дійсна|діє|спливає|протягом|"
    r"صالح|صالحه|ینتهی|تنتهی|خلال|معتبر|اعتبار|منقضی|בתוקף|תקף|תקפה|יפוג|"
    r"मान्य|वैध|समाप्त|有效|过期|失效|有効|期限|유효|만료|"
    r"hieu luc|het han|trong vong|berlaku|kedaluwarsa|dalam|vada|ervenyes"
)
_ABSOLUTE_CONTEXT = (
    r"expires at|expires on|expire at|expires|expiring at|valid until|valid till|valid thru|"
    r"expiration date|expiration time|expiry date|expiry time|expiration|expiry|until|before|"
    r"gultig bis|bis|lauft um|expire a|expire le|valable jusqu'a|jusqu'a|avant|"
    r"valido hasta|valida hasta|hasta las|hasta|vence a las|vence as|vence a|caduca a las|"
    r"expira a las|expira as|expira a|valido ate|ate as|ate|fino alle|fino a|scade alle|"
    r"geldig tot|tot|wazny do|do godziny|действителен до|действует до|до|дійсний до|"
    r"حتی|تا|زمان اعتبار|اعتبار|עד|het han luc|truoc|berlaku hingga|sampai|"
    r"有效期至|截至|截止|至"
)
_TIME_SUFFIX = r"まで|까지|之前|以前|前|तक"
_TZ_HOURS: dict[str, float] = {
    "utc": 0, "gmt": 0, "ut": 0, "z": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "met": 1,
    "cest": 2, "mest": 2, "eet": 2, "eest": 3, "msk": 3, "trt": 3, "ast": -4, "adt": -3,
    "gst": 4, "pkt": 5, "ist": 5.5, "npt": 5.75, "ict": 7, "wib": 7, "sgt": 8, "hkt": 8,
    "pht": 8, "awst": 8, "jst": 9, "kst": 9, "acst": 9.5, "aest": 10, "aedt": 11,
    "nzst": 12, "nzdt": 13, "hst": -10, "akst": -9, "akdt": -8, "pst": -8, "pdt": -7,
    "mst": -7, "mdt": -6, "cst": -6, "cdt": -5, "est": -5, "edt": -4, "nst": -3.5,
    "brt": -3, "art": -3, "irst": 3.5, "irdt": 4.5, "wat": 1, "cat": 2, "eat": 3,
}  # fmt: skip
_MONTHS = {
    "jan": 1, "feb": 2, "fev": 2, "mar": 3, "mrz": 3, "apr": 4, "avr": 4, "abr": 4, "may": 5,
    "mai": 5, "jun": 6, "jui": 7, "jul": 7, "aug": 8, "aou": 8, "ago": 8, "sep": 9, "oct": 10,
    "okt": 10, "nov": 11, "dec": 12, "dez": 12, "dic": 12, "ene": 1, "gen": 1, "juin": 6,
}  # fmt: skip
_WINDOW_BEFORE = 40
_WINDOW_AFTER = 25


@dataclass(frozen=True, slots=True)
class Stated:
    """One validity phrase: where it is and what it says."""

    start: int
    end: int
    validity: Validity


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    units = "|".join(_UNITS.values())
    words = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    number = rf"(?P<num>\d{{1,4}}|(?<![a-z])(?:{words})(?![a-z])|[十{''.join(_CJK_DIGITS)}]{{1,3}})"
    duration = re.compile(
        rf"(?:(?P<half>half an? hour|half[\s\-]hour|halbe stunde|полчаса|半小时)|{number}[\s.\-]*"
        rf"(?P<unit>{units})(?![a-z\u0400-\u04ff\u0600-\u06ff\u05d0-\u05ea0-9])\.?"
        # "10分钟内", "5분 이내": a suffix that alone says "within".
        rf"(?P<within>\s*(?:内|以内|이내|以内に))?)"
    )
    context = re.compile(rf"(?:{_CONTEXT})")
    tz = "|".join(sorted(_TZ_HOURS, key=len, reverse=True))
    clock = (
        r"(?P<date>(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
        r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|"
        r"[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|\d{1,2}\.?\s+[a-z]{3,9}\.?(?:\s+\d{4})?)"
        r"[,\s]+(?:at\s+|um\s+|a\s+|à\s+)?)?"
        r"(?P<h>\d{1,2})\s?[:h時时]\s?(?P<m>\d{2})(?:[:](?P<s>\d{2}))?(?:\s*(?P<ampm>[ap]\.?m\.?))?"
        rf"(?:\s*(?P<tz>(?:utc|gmt)\s?[+-]\d{{1,2}}(?::?\d{{2}})?|(?:{tz})(?![a-z])))?"
        r"(?:\s*uhr)?(?:\s+(?P<year>\d{4}))?"
    )
    # Up to two short words may sit between the phrase and the time ("expires today at").
    absolute = re.compile(
        rf"(?<![a-z])(?:{_ABSOLUTE_CONTEXT})[\s:,]*(?:[^\s\d:]{{1,8}}[\s:,]+){{0,2}}?{clock}"
    )
    before_suffix = re.compile(rf"{clock}\s*(?:{_TIME_SUFFIX})")
    return duration, context, absolute, before_suffix


# Something every match of a clock pattern holds, found fast (it starts with a digit): most
# texts have no time of day, and the clock patterns are tried at every position.
_CLOCK_GATE = re.compile(r"\d\s?[:h時时]\s?\d\d")
_SUFFIX_GATE = re.compile(_TIME_SUFFIX)


def _number(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if raw in _NUMBER_WORDS:
        return _NUMBER_WORDS[raw]
    if all(ch in _CJK_DIGITS or ch == "十" for ch in raw):
        return _cjk_number(raw)
    return None


def _cjk_number(raw: str) -> int | None:
    """一..九十九 as written in validity phrases (十 = 10, 十五 = 15, 三十 = 30)."""
    if "十" not in raw:
        return _CJK_DIGITS.get(raw) if len(raw) == 1 else None
    tens, _, ones = raw.partition("十")
    t = _CJK_DIGITS.get(tens, 0) if tens else 1
    o = _CJK_DIGITS.get(ones, 0) if ones else 0
    if (tens and tens not in _CJK_DIGITS) or (ones and ones not in _CJK_DIGITS):
        return None
    return t * 10 + o


def _unit_seconds(unit: str) -> int:
    for seconds, words in _UNITS.items():
        if unit in words.split("|"):
            return seconds
    return 60


def find_validity(
    normalized: str,
    *,
    key: str | None = None,
    sent_at: datetime | None = None,
    language: str | None = None,
) -> list[Stated]:
    """Every stated validity in ``normalized``, in text order."""
    if key is None:
        key = fold_keys(normalized)
    duration, context, absolute, before_suffix = _patterns()
    found: list[Stated] = []
    for m in duration.finditer(key):
        seconds = _duration_seconds(m)
        if seconds is None or seconds <= 0 or seconds > 31 * 86400:
            continue
        lo = max(0, m.start() - _WINDOW_BEFORE)
        hi = min(len(key), m.end() + _WINDOW_AFTER)
        before = _same_sentence_tail(key[lo : m.start()])
        after = _same_sentence_head(key[m.end() : hi])
        ctx_before = list(context.finditer(before))
        ctx_after = context.search(after)
        if not ctx_before and ctx_after is None and not m.group("within"):
            continue
        start = m.start() - len(before) + ctx_before[-1].start() if ctx_before else m.start()
        end = m.end() + ctx_after.end() if ctx_after is not None and not ctx_before else m.end()
        text = normalized[start:end].strip(" .,;:")
        found.append(Stated(start, end, Validity(seconds=seconds, source="stated", text=text)))
    clocks = _CLOCK_GATE.search(key) is not None
    for rx in (absolute, before_suffix):
        if not clocks or (rx is before_suffix and _SUFFIX_GATE.search(key) is None):
            continue
        for m in rx.finditer(key):
            if any(s.start <= m.start() < s.end for s in found):
                continue
            expires_at = _resolve(m, sent_at, language)
            text = normalized[m.start() : m.end()].strip()
            validity = Validity(expires_at=expires_at, source="stated", text=text)
            found.append(Stated(m.start(), m.end(), validity))
    found.sort(key=lambda s: s.start)
    return found


# A validity word must be in the same clause as the duration.
_SENTENCE = re.compile(r"[.!?](?:\s|$)|[。！？\n,;，；、【】\[\]()]")


def _same_sentence_tail(before: str) -> str:
    ends = [m.end() for m in _SENTENCE.finditer(before)]
    return before[ends[-1] :] if ends else before


def _same_sentence_head(after: str) -> str:
    m = _SENTENCE.search(after)
    return after if m is None else after[: m.start()]


def _duration_seconds(m: re.Match[str]) -> int | None:
    if m.group("half"):
        return 1800
    n = _number(m.group("num"))
    if n is None:
        return None
    return n * _unit_seconds(m.group("unit"))


def _zone(m: re.Match[str], sent_at: datetime | None, language: str | None) -> tzinfo | None:
    raw = m.group("tz")
    if raw:
        raw = raw.replace(" ", "")
        offset = re.match(r"(?:utc|gmt)([+-])(\d{1,2})(?::?(\d{2}))?$", raw)
        if offset is not None:
            sign = -1 if offset.group(1) == "-" else 1
            minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
            return timezone(sign * timedelta(minutes=minutes))
        hours = _TZ_HOURS.get(raw)
        if raw == "cst" and language == "zh":
            hours = 8  # China Standard Time
        if hours is not None:
            return timezone(timedelta(minutes=round(hours * 60)), raw.upper())
    if sent_at is not None and sent_at.tzinfo is not None:
        return sent_at.tzinfo
    return None


def _resolve(m: re.Match[str], sent_at: datetime | None, language: str | None) -> datetime | None:
    """The instant of an absolute expiry match, or None when it cannot be placed."""
    try:
        return _place(m, sent_at, language)
    except (ValueError, OverflowError):  # a date that does not exist, or out of range
        return None


def _place(m: re.Match[str], sent_at: datetime | None, language: str | None) -> datetime | None:
    hour, minute = int(m.group("h")), int(m.group("m"))
    second = int(m.group("s") or 0)
    ampm = (m.group("ampm") or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    zone = _zone(m, sent_at, language)
    date = _date(m.group("date"), m.group("year"), sent_at, zone)
    if date is not None:
        if zone is None:
            return None
        return datetime(date[0], date[1], date[2], hour, minute, second, tzinfo=zone)
    if sent_at is None:
        return None
    local = _local(sent_at, zone)
    expires = local.replace(hour=hour, minute=minute, second=second, microsecond=0)
    if expires < local - timedelta(minutes=10):
        expires += timedelta(days=1)
    return expires


def _local(sent_at: datetime, zone: tzinfo | None) -> datetime:
    """``sent_at`` on the clock of ``zone`` (a naive ``sent_at`` is taken as UTC then)."""
    if zone is None:
        return sent_at
    if sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=UTC)
    return sent_at.astimezone(zone)


def _date(
    raw: str | None, year_raw: str | None, sent_at: datetime | None, zone: tzinfo | None
) -> tuple[int, int, int] | None:
    if not raw:
        return None
    raw = raw.strip(" ,")
    iso = re.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", raw)
    if iso is not None:
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    dmy = re.search(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", raw)
    if dmy is not None:
        a, b, y = int(dmy.group(1)), int(dmy.group(2)), int(dmy.group(3))
        # Day first (most of the world) unless that cannot be a date.
        return (y, a, b) if b > 12 else (y, b, a)
    named = re.search(r"([a-z]{3,9})\.?\s+(\d{1,2})|(\d{1,2})\.?\s+([a-z]{3,9})", raw)
    if named is None:
        return None
    word = named.group(1) or named.group(4)
    day = int(named.group(2) or named.group(3))
    month = _MONTHS.get(word[:4]) or _MONTHS.get(word[:3])
    if month is None:
        return None
    year_match = re.search(r"\d{4}", raw)
    if year_match is not None:
        year = int(year_match.group())
    elif year_raw:
        year = int(year_raw)
    elif sent_at is not None:
        year = _local(sent_at, zone).year
    else:
        return None
    return year, month, day
