"""Tests of inspector.extract.validity: stated lifetimes and expiry times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.extract.normalize import normalize
from inspector.extract.validity import find_validity


def _seconds(text: str) -> list[int | None]:
    return [s.validity.seconds for s in find_validity(normalize(text))]


DURATIONS = [
    ("en-expires-in", "This code expires in 10 minutes.", 600),
    ("en-valid-for", "Valid for 15 min.", 900),
    ("en-mins", "valid for 5 mins, do not share", 300),
    ("en-hours", "Verification codes expire after 48 hours.", 172800),
    ("en-h", "valid for 24h", 86400),
    ("en-next", "This code is valid for the next 10 minutes.", 600),
    ("en-seconds", "It is valid for 90 seconds.", 90),
    ("en-word", "This code is valid for ten minutes.", 600),
    ("en-an-hour", "The link expires in an hour.", 3600),
    ("en-half-hour", "Valid for half an hour.", 1800),
    ("en-within", "Use it within 30 minutes.", 1800),
    ("es", "Este código es válido por 10 minutos.", 600),
    ("es-unaccented", "codigo valido por 5 minutos", 300),
    ("pt", "O código expira em 5 minutos.", 300),
    ("fr", "Ce code est valable 15 minutes.", 900),
    ("de", "Der Code ist 5 Minuten gültig.", 300),
    ("de-abbrev", "(5 Min. gültig)", 300),
    ("de-verliert", "Der Code verliert nach 10 Minuten seine Gültigkeit.", 600),
    ("de-fuer", "Gültig für 5 Minuten", 300),
    ("it", "Il codice scade tra 10 minuti.", 600),
    ("nl", "Deze code is 10 minuten geldig.", 600),
    ("pl", "Kod jest ważny przez 5 minut.", 300),
    ("tr", "Kod 3 dakika geçerlidir.", 180),
    ("ru", "Код действителен 5 минут.", 300),
    ("ru-within", "Введите код в течение 10 минут.", 600),
    ("uk", "Код дійсний протягом 10 хвилин.", 600),
    ("ar", "صالح لمدة ١٠ دقائق", 600),
    ("fa", "این کد تا ۲ دقیقه معتبر است", 120),
    ("he", "הקוד בתוקף ל-10 דקות", 600),
    ("hi", "यह 10 मिनट के लिए मान्य है", 600),
    ("zh", "10分钟内有效", 600),
    ("zh-within-only", "请于5分钟内输入", 300),
    ("zh-numeral", "请十分鐘內認證", 600),
    ("zh-numeral-15", "十五分钟内有效", 900),
    ("zh-traditional", "15 分鐘有效", 900),
    ("ja", "有効期限は5分間です。", 300),
    ("ja-after", "10分間有効です", 600),
    ("ko", "3분 이내에 입력하세요", 180),
    ("ko-valid", "인증번호는 5분간 유효합니다", 300),
    ("vi", "het han sau 1 phut", 60),
    ("vi-accented", "Mã có hiệu lực trong 5 phút", 300),
    ("id", "Berlaku selama 5 menit.", 300),
]


@pytest.mark.parametrize(
    ("text", "seconds"), [d[1:] for d in DURATIONS], ids=[d[0] for d in DURATIONS]
)
def test_durations(text: str, seconds: int) -> None:
    found = find_validity(normalize(text))
    assert [s.validity.seconds for s in found] == [seconds]
    assert found[0].validity.source == "stated"
    assert found[0].validity.text


NO_VALIDITY = [
    ("no-context", "We sent it 5 minutes ago."),
    ("other-clause", "Delivered in 5 minutes, valid code below"),
    ("cjk-content-not-within", "内容】享30GB流量7天包"),
    ("plain-number", "Your code is 482019."),
    ("clock-is-not-hours", "code 14h30"),
]


@pytest.mark.parametrize("text", [n[1] for n in NO_VALIDITY], ids=[n[0] for n in NO_VALIDITY])
def test_no_validity(text: str) -> None:
    assert _seconds(text) == []


SENT = datetime(2024, 5, 1, 18, 50, tzinfo=UTC)  # 2:50 PM EDT
EDT = timezone(timedelta(hours=-4))
ABSOLUTE = [
    ("edt", "It expires at 2:59 PM EDT.", SENT, datetime(2024, 5, 1, 14, 59, tzinfo=EDT)),
    ("utc-24h", "Valid until 19:30 UTC", SENT, datetime(2024, 5, 1, 19, 30, tzinfo=UTC)),
    ("gmt-offset", "expires at 21:00 GMT+2", SENT, datetime(2024, 5, 1, 19, 0, tzinfo=UTC)),
    (
        "next-day",
        "expires at 12:05 AM EDT",
        datetime(2024, 5, 2, 3, 50, tzinfo=UTC),  # 11:50 PM EDT
        datetime(2024, 5, 2, 0, 5, tzinfo=EDT),
    ),
    ("sender-zone", "gültig bis 20:55 Uhr", SENT, datetime(2024, 5, 1, 20, 55, tzinfo=UTC)),
    (
        "pst",
        "Your code expires at 3:15 PM PST",
        SENT,
        datetime(2024, 5, 1, 15, 15, tzinfo=timezone(timedelta(hours=-8))),
    ),
    (
        "full-date",
        "Expiry: WED Mar 13 09:30:00 CET 2024",
        None,
        datetime(2024, 3, 13, 9, 30, tzinfo=timezone(timedelta(hours=1))),
    ),
    ("iso-date", "valid until 2024-05-02 08:00 UTC", None, datetime(2024, 5, 2, 8, 0, tzinfo=UTC)),
    ("persian", "زمان اعتبار رمز 19:00:00", SENT, datetime(2024, 5, 1, 19, 0, tzinfo=UTC)),
    ("japanese-until", "19:30まで有効", SENT, datetime(2024, 5, 1, 19, 30, tzinfo=UTC)),
    ("korean-until", "19:30까지 입력", SENT, datetime(2024, 5, 1, 19, 30, tzinfo=UTC)),
    ("spanish", "válido hasta las 19:45", SENT, datetime(2024, 5, 1, 19, 45, tzinfo=UTC)),
    (
        "spanish-vence",
        "el código vence a las 19:45",
        SENT,
        datetime(2024, 5, 1, 19, 45, tzinfo=UTC),
    ),
    ("french-h", "Le code expire à 19h30.", SENT, datetime(2024, 5, 1, 19, 30, tzinfo=UTC)),
    ("words-between", "expires today at 7:30 pm", SENT, datetime(2024, 5, 1, 19, 30, tzinfo=UTC)),
    ("no-sent-at", "It expires at 2:59 PM EDT.", None, None),
    ("bad-clock", "expires at 25:99 UTC", SENT, None),
]


@pytest.mark.parametrize(
    ("text", "sent_at", "expires_at"), [a[1:] for a in ABSOLUTE], ids=[a[0] for a in ABSOLUTE]
)
def test_absolute(text: str, sent_at: datetime | None, expires_at: datetime | None) -> None:
    found = find_validity(normalize(text), sent_at=sent_at)
    assert len(found) == 1
    validity = found[0].validity
    assert validity.expires_at == expires_at
    assert validity.seconds is None
    assert validity.source == "stated"
    assert validity.text


def test_naive_sent_at_is_taken_as_utc_for_a_stated_zone() -> None:
    found = find_validity(normalize("expires at 2:59 PM EDT"), sent_at=datetime(2024, 5, 1, 18, 50))
    assert found[0].validity.expires_at == datetime(2024, 5, 1, 18, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    "sent_at",
    [datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC), datetime.max],
    ids=["min", "max", "naive-max"],
)
def test_extreme_sent_at(sent_at: datetime) -> None:
    for text in ("expires at 11:59 PM EDT", "valid until Jan 5 10:00 UTC", "gültig bis 23:59"):
        found = find_validity(normalize(text), sent_at=sent_at)
        assert found
        assert found[0].validity.text


def test_cst_means_china_in_chinese() -> None:
    # Sent at 02:50 on 2 May in China: 20:00 CST is that evening.
    found = find_validity(normalize("有效期至 20:00 CST"), sent_at=SENT, language="zh")
    assert found[0].validity.expires_at == datetime(2024, 5, 2, 12, 0, tzinfo=UTC)
    found = find_validity(normalize("valid until 2:00 PM CST"), sent_at=SENT, language="en")
    assert found[0].validity.expires_at == datetime(2024, 5, 1, 20, 0, tzinfo=UTC)


@given(st.text(max_size=200), st.none() | st.datetimes() | st.datetimes(timezones=st.just(UTC)))
def test_never_raises(text: str, sent_at: datetime | None) -> None:
    for stated in find_validity(normalize(text), sent_at=sent_at):
        assert stated.validity.source == "stated"
        assert stated.validity.seconds is None or stated.validity.seconds > 0


_CLOCK_PIECES = [
    "expires at ",
    "valid until ",
    "12",
    ":",
    "59",
    " PM",
    " EDT",
    " Jan ",
    "2024",
    " ",
    "10",
    "分钟内",
    "minutes",
    "valid for ",
    "まで",
    "9999",
]


@given(
    st.lists(st.sampled_from(_CLOCK_PIECES), max_size=25).map("".join),
    st.none() | st.datetimes() | st.datetimes(timezones=st.timezones()),
)
def test_never_raises_on_clock_like_text(text: str, sent_at: datetime | None) -> None:
    find_validity(normalize(text), sent_at=sent_at)


_CLOCKISH = st.lists(
    st.sampled_from(
        [
            "expires at ",
            "valid until ",
            "gültig bis ",
            "2:59 PM EDT",
            "14:05",
            "10h30",
            "15時30分",
            "まで",
            "之前",
            "Mon, Jan 5 2026 ",
            " ",
            "\n",
            "code 482019. ",
            "in 10 minutes",
        ]
    )
    | st.text(alphabet="0123456789 :h.-", max_size=5),
    max_size=12,
).map("".join)


@given(_CLOCKISH)
def test_clock_gates_change_nothing(text: str) -> None:
    import re
    from unittest import mock

    from inspector.extract import validity

    sent = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    gated = find_validity(normalize(text), sent_at=sent)
    always = re.compile("")
    with (
        mock.patch.object(validity, "_CLOCK_GATE", always),
        mock.patch.object(validity, "_SUFFIX_GATE", always),
    ):
        assert find_validity(normalize(text), sent_at=sent) == gated
