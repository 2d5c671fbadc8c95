"""End-to-end tests of ``inspector.extract.extract`` on realistic messages.

Every text here was written for these tests (services' usual wording, invented codes).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.extract import extract
from inspector.extract.normalize import fold_code_view

SENT = datetime(2024, 5, 1, 21, 0, tzinfo=UTC)

# (language, message, expected code, expected validity seconds)
LANGUAGES = [
    ("en", "Your Discord verification code is 804213. It expires in 10 minutes.", "804213", 600),
    (
        "es",
        "Tu código de verificación de WhatsApp es 381-906. No compartas este código.",
        "381906",
        None,
    ),
    ("pt", "Seu código de verificação do Nubank é 552817. Ele expira em 5 minutos.", "552817", 300),
    ("fr", "Votre code de vérification Uber est 7391. Il expire dans 10 minutes.", "7391", 600),
    ("de", "Ihr Sicherheitscode lautet 482 913. Er ist 15 Minuten gültig.", "482913", 900),
    (
        "it",
        "Il tuo codice di verifica è 660317. Non condividerlo. Il codice scade tra 10 minuti.",
        "660317",
        600,
    ),
    (
        "nl",
        "Je verificatiecode voor Bol.com is 914205. Deze code is 10 minuten geldig.",
        "914205",
        600,
    ),
    (
        "pl",
        "Twój kod weryfikacyjny Allegro to 739 104. Kod jest ważny przez 5 minut.",
        "739104",
        300,
    ),
    ("tr", "Trendyol doğrulama kodunuz: 561238. Kod 3 dakika geçerlidir.", "561238", 180),
    (
        "ru",
        "Код подтверждения: 4821. Никому не сообщайте его. Код действителен 5 минут.",
        "4821",
        300,
    ),
    (
        "uk",
        "Ваш код підтвердження Monobank: 902716. Код дійсний протягом 10 хвилин.",
        "902716",
        600,
    ),
    (
        "ar",
        "رمز التحقق الخاص بك هو ٤٨٢٩١٣. لا تشارك هذا الرمز مع أي شخص. صالح لمدة ١٠ دقائق.",
        "482913",
        600,
    ),
    ("fa", "کد تایید شما در دیجی‌کالا: ۵۲۷۱۹۰ این کد تا ۲ دقیقه معتبر است.", "527190", 120),
    ("he", "קוד האימות שלך ל-Wolt הוא 639402. הקוד בתוקף ל-10 דקות.", "639402", 600),
    ("hi", "आपका सत्यापन कोड ७१८२०४ है। यह 10 मिनट के लिए मान्य है।", "718204", 600),
    ("zh", "【京东】验证码：539104，您正在登录，5分钟内有效，请勿泄露。", "539104", 300),
    ("zh", "【LINE Pay】您的驗證碼為 284617，請於10分鐘內輸入。", "284617", 600),
    ("ja", "【メルカリ】認証番号は 829403 です。有効期限は10分です。", "829403", 600),
    (
        "ko",
        "[Web발신] [카카오] 인증번호 [482019]를 입력해주세요. 3분 이내에 입력하세요.",
        "482019",
        180,
    ),
    ("vi", "Mã xác thực Zalo của bạn là 402913. Mã có hiệu lực trong 5 phút.", "402913", 300),
    ("vi", "Ma OTP cua Quy khach la 771204, het han sau 2 phut.", "771204", 120),
    ("id", "Kode verifikasi Tokopedia kamu: 628194. Berlaku selama 5 menit.", "628194", 300),
    ("fi", "Vahvistuskoodisi on 318204. Älä jaa sitä.", "318204", None),
    ("sv", "Din engångskod är 551920. Dela den inte med någon.", "551920", None),
    ("el", "Ο κωδικός επαλήθευσης σας είναι 662019.", "662019", None),
]


@pytest.mark.parametrize(
    ("language", "message", "code", "seconds"),
    LANGUAGES,
    ids=[f"{i:02d}-{row[0]}" for i, row in enumerate(LANGUAGES)],
)
def test_languages(language: str, message: str, code: str, seconds: int | None) -> None:
    result = extract(message)
    assert result.is_verification
    assert result.code == code
    assert result.language == language
    assert result.validity.seconds == seconds
    if seconds is not None:
        assert result.validity.source == "stated"
        assert result.validity.text


SHAPES = [
    ("six-digits", "Your verification code is 804213.", "804213"),
    ("four-digits", "Your code is 4821", "4821"),
    ("ten-digits", "رمز:4820193375", "4820193375"),
    ("split-space", "Instagram code 482 913. Do not share.", "482913"),
    ("split-hyphen", "Your OTP: 381-906", "381906"),
    ("split-four", "Security code: 4821 9034", "48219034"),
    ("alnum-upper", "Bestätigungscode K7PX2Q", "K7PX2Q"),
    ("alnum-lower", "Your login code: a9x3kd", "a9x3kd"),
    ("prefixed", "Google: your code is G-482019", "482019"),
    ("lenticular", "【抖音】验证码【482019】，5分钟内有效。", "482019"),
    ("square", "Your verification code is [482019].", "482019"),
    ("corner", "ワンタイムパスワード「482019」をご入力ください。", "482019"),
    ("full-width", "Your code is １２３４５６", "123456"),
    ("arabic-indic", "رمز التحقق: ٤٨٢٩١٣", "482913"),
    ("persian-digits", "کد تایید: ۵۲۷۱۹۰", "527190"),
    ("devanagari-digits", "आपका ओटीपी ७१८२०४ है", "718204"),
    ("letters-after-colon", "Your TeamViewer security code: QWKDPR", "QWKDPR"),
    ("letters-next-line", "One-time password:\nZXRTQW\n", "ZXRTQW"),
    ("spaced-out", "TAN:\n 7 k 2 m 9 x\nBitte prüfen.", "7k2m9x"),
    ("code-first", "8841 is the security code for your Microsoft account", "8841"),
    (
        "standalone-line",
        "Enter this code to sign in:\n\nK7PX2Q\n\nThis code expires soon.",
        "K7PX2Q",
    ),
]


@pytest.mark.parametrize(("message", "code"), [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_code_shapes(message: str, code: str) -> None:
    result = extract(message)
    assert result.is_verification
    assert result.code == code


# The number in each message is not a code; the message may still hold a real one.
REJECTED = [
    ("date", "Your code: 8402. Sent 12/05/2024.", "8402", "2024"),
    ("iso-date", "Verification code 551920 requested on 2024-05-01.", "551920", "2024"),
    ("chinese-date", "您于2024年11月02日申请的验证码为 661203。", "661203", "2024"),
    ("year-copyright", "Your code: 8402\n\n© 2024 Example Inc.", "8402", "2024"),
    ("time", "Your OTP is 771204 (requested 14:35:10).", "771204", "1435"),
    (
        "phone-plus",
        "Your verification code is 4820. Call +44 20 7946 0958 for help.",
        "4820",
        "0958",
    ),
    ("phone-us", "OTP 48201934. Not you? Call 1-800-555-0199.", "48201934", "0199"),
    ("phone-keyword", "Ma OTP 123098. LH 18001090 neu can ho tro.", "123098", "18001090"),
    ("price-dollar", "Your one-time password for the $4999 purchase is 661023.", "661023", "4999"),
    ("price-code", "OTP 663014 for payment of 6000000 VND.", "663014", "6000000"),
    ("price-decimal", "校验码4471，支付金额88.50元。", "4471", "88"),
    ("amount-keyword", "Betrag 2500 – Ihre mTAN lautet 661204.", "661204", "2500"),
    ("order", "Order #58203: your verification code is 4820.", "4820", "58203"),
    ("vietnamese-ref", "ma GD 4410 va ma OTP 802246 tai web.", "802246", "4410"),
    ("masked-xx", "OTP for card XX1245 is 482019.", "482019", "XX1245"),
    ("masked-stars", "QQ账号57******2申请修改密码，验证码802246。", "802246", "2"),
    ("masked-bullets", "Card •••• 4821: your security code is 661023.", "661023", "4821"),
    ("card-ending", "Your OTP is 482019 for the card ending 5678.", "482019", "5678"),
    ("last-digits", "轉入帳號後四碼3391，交易OTP密碼7712345。", "7712345", "3391"),
    ("us-postcode", "Security code: 4821\n\nOne Example Way, Redmond, WA 98052", "4821", "98052"),
    (
        "uk-postcode",
        "Your code is 661023. Example Ltd, 1 High St, London SW1A 1AA",
        "661023",
        "SW1A",
    ),
    ("url", "Your code is 661023. Details: https://example.com/r/884120", "661023", "884120"),
    ("email-address", "Code 661023 was sent to user4820@example.com", "661023", "4820"),
    ("domain", "Сеансовый пароль e-bank4820.by: 661023.", "661023", "4820"),
    ("unit", "Your code is 661023. Enjoy 30GB of data.", "661023", "30GB"),
    (
        "promo-next-to-code",
        "Your verification code is 552901.\n\nUse promo code WELCOME10.",
        "552901",
        "WELCOME10",
    ),
    (
        "iban",
        "Ihre mTAN für 1.250,00 EUR an DE89 3704 0044 0532 0130 00 lautet 739102.",
        "739102",
        "DE89",
    ),
    ("app-hash", "<#> 482019 is your OTP. Never share it. FA+9qCX9VSu", "482019", "FA9qCX9VSu"),
]


@pytest.mark.parametrize(
    ("message", "code", "not_code"), [r[1:] for r in REJECTED], ids=[r[0] for r in REJECTED]
)
def test_rejected_numbers(message: str, code: str, not_code: str) -> None:
    result = extract(message)
    assert result.code == code
    assert not_code not in {c.code for c in result.candidates}


NOT_VERIFICATION = [
    ("no-keyword", "Your table for 4 is booked for 19:30. Reference 884120."),
    ("barcode", "Scan the barcode 482019 at the till"),
    ("unicode", "The unicode 482019 is not assigned"),
    ("vscode", "Open vscode 48201934 times a day"),
    ("encode", "encode 482019 as base64"),
    ("footpath", "take the footpath 482019 metres north"),
    ("hebrew-word", "בנקודת החלוקה 482019"),
    ("short-code", "Your code is 481."),
    (
        "newsletter",
        "Spring Sale! Get 20% off everything with code SPRING20. Shop now. Ends 31 March.",
    ),
    ("newsletter-de", "Nur heute: 15 % Rabatt mit dem Gutscheincode SOMMER15 auf alles!"),
    ("order-shipped", "Your order 58203 has shipped! Track it at https://example.com/t/58203"),
    ("invoice", "Hello, here is the invoice for March. Total: 4820 EUR"),
    ("receipt", "Thanks for your purchase. Your receipt number is 48201934."),
    ("crypto-not-password", "سایت رمز ارز: قیمت امروز 12421"),
]


@pytest.mark.parametrize(
    "message", [n[1] for n in NOT_VERIFICATION], ids=[n[0] for n in NOT_VERIFICATION]
)
def test_not_verification(message: str) -> None:
    result = extract(message)
    assert not result.is_verification
    assert result.code is None
    assert result.candidates == ()


def test_link_only_verification_is_verification_without_code() -> None:
    # Documented choice: a "verify your e-mail" message is a verification message (so the
    # diagnosis can reason about it), it just carries no code.
    result = extract(
        "Hi Sam, please confirm your email address by clicking the button below.\n\n"
        "Confirm email\n\nThis link expires in 24 hours."
    )
    assert result.is_verification
    assert result.code is None
    assert result.validity.seconds == 86400


def test_promo_code_in_verification_message_is_not_the_code() -> None:
    result = extract("Your verification code is 552901. Use promo code SAVE20 at checkout.")
    assert result.code == "552901"


def test_subject_code() -> None:
    result = extract(
        "Enter it in the app to continue.", subject="Instagram: 482019 is the code to sign in"
    )
    assert result.code == "482019"
    assert result.candidates[0].where == "subject"


def test_subject_keyword_body_code() -> None:
    result = extract("\n\n  661023  \n\nThanks, the team", subject="Your verification code")
    assert result.code == "661023"
    assert result.candidates[0].where == "body"


def test_repeated_code_ranks_first() -> None:
    result = extract("Code: 4821\nYour code is 551920 and again 551920.")
    assert result.code == "551920"
    assert [c.code for c in result.candidates] == ["551920", "4821"]


def test_candidates_best_first() -> None:
    result = extract("Your verification code is 804213. Reference 2 of order 7712 follows.")
    scores = [c.score for c in result.candidates]
    assert scores == sorted(scores, reverse=True)
    assert result.code == result.candidates[0].code


def test_origin_bound_code_wins() -> None:
    body = "Your code for the ExampleCo app is 551920.\n\n@shop.example.com #747723 @pay.example"
    result = extract(body)
    assert result.code == "747723"
    assert result.origin is not None
    assert result.origin.domain == "shop.example.com"
    assert result.origin.embedded == "pay.example"
    assert result.candidates[0].where == "origin"
    assert result.is_verification


HTML_MAIL = (
    "Microsoft account\n\nSecurity code\n\nPlease use the following security code for the "
    "Microsoft account jo*****@example.com.\n\nSecurity code: 4821\n\nIf you don't recognize the "
    "Microsoft account jo*****@example.com, you can click here to remove your email address.\n\n"
    "Thanks,\nThe Microsoft account team\n\nPrivacy Statement\n"
    "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052\n© 2024 Microsoft"
)


def test_rendered_html_mail() -> None:
    result = extract(
        HTML_MAIL,
        subject="Microsoft account security code",
        sender_address="account-security-noreply@accountprotection.microsoft.com",
    )
    assert result.code == "4821"
    assert result.service == "microsoft"
    assert result.language == "en"


def test_service_default_validity() -> None:
    result = extract(
        "Your Amazon one-time password: 482019. Do not share it.",
        sender_address="account-update@amazon.com",
    )
    assert result.service == "amazon"
    assert result.validity.source == "service_default"
    assert result.validity.seconds == 600


def test_stated_validity_beats_service_default() -> None:
    result = extract(
        "Your Amazon one-time password: 482019. It expires in 3 minutes.",
        sender_address="account-update@amazon.com",
    )
    assert result.validity.source == "stated"
    assert result.validity.seconds == 180


def test_unknown_validity_is_unknown() -> None:
    result = extract("Your code is 482019.", sender_address="noreply@example.org")
    assert result.validity.source is None
    assert result.validity.seconds is None
    assert result.service is None


def test_absolute_expiry_resolved_against_sent_at() -> None:
    sent = datetime(2024, 5, 1, 18, 50, tzinfo=UTC)  # 2:50 PM EDT
    result = extract("Use 482019 to sign in. The code expires at 2:59 PM EDT.", sent_at=sent)
    assert result.validity.expires_at == datetime(2024, 5, 1, 18, 59, tzinfo=UTC)
    assert result.validity.source == "stated"


def test_absolute_expiry_without_sent_at_keeps_text() -> None:
    result = extract("Use 482019 to sign in. The code expires at 2:59 PM EDT.")
    assert result.validity.expires_at is None
    assert result.validity.text == "expires at 2:59 PM EDT"


def test_validity_far_from_code_is_not_the_codes() -> None:
    filler = "Unrelated plan details follow. " * 12
    result = extract(f"验证码：539104。{filler}流量使用有效期7天。")
    assert result.code == "539104"
    assert result.validity.seconds is None


def test_phishing_lookalike_named_but_not_owned() -> None:
    from inspector.extract.services import find_service, owns_domain

    result = extract(
        "TikTok: 482019 is your login code",
        sender_address="security@tiktok-security.com",
        sender_name="TikTok",
    )
    assert result.service == "tiktok"
    service = find_service("tiktok")
    assert service is not None
    assert not owns_domain(service, "tiktok-security.com")


def test_huge_body_is_capped_and_fast() -> None:
    body = "Your verification code is 482019.\n" + ("Lorem ipsum 2024 dolor sit amet. " * 32000)
    assert len(body) > 1_000_000
    start = time.perf_counter()
    result = extract(body)
    assert time.perf_counter() - start < 2.0
    assert result.code == "482019"


@pytest.mark.parametrize(
    "body",
    [
        "1 " * 200_000,
        "a-" * 200_000,
        "code " * 100_000,
        "۱۲۳" * 100_000,
        "@" * 300_000 + " #1",
        "12:" * 100_000,
        "(" * 100_000 + "123456",
        "verification code 1 2 3 4 " * 20_000,
        "expires at " * 30_000,
        "Jan " * 50_000 + "2024",
        "a.a-" * 50_000,
        "x" * 100_000 + "@example.com",
        "debug1: password " * 30_000,
        " ".join(f"A{i:05d} code" for i in range(40_000)),
        "user name password " * 30_000,
    ],
    ids=[
        "digits",
        "hyphens",
        "keywords",
        "persian",
        "at-signs",
        "colons",
        "parens",
        "spaced",
        "expiry",
        "months",
        "dotted",
        "email",
        "labels",
        "series",
        "credentials",
    ],
)
def test_pathological_inputs_are_fast(body: str) -> None:
    start = time.perf_counter()
    extract(body, subject=body[:5000])
    assert time.perf_counter() - start < 2.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.text(max_size=80))
def test_never_raises_and_code_comes_from_input(body: str, subject: str) -> None:
    result = extract(body, subject=subject, sender_address=subject, sender_name=subject)
    if result.code is not None:
        assert result.is_verification
        assert (
            result.code in fold_code_view(body)
            or result.code in fold_code_view(subject)
            or (result.origin is not None and result.code in body)
        )


@pytest.mark.parametrize(
    "text",
    ["\ud800code 482019\udfff", "\x00OTP\x00 482019", "İİİ OTP 482019", "\u2028OTP\u2029482019"],
    ids=["lone-surrogates", "nul", "dotted-capital-i", "unicode-line-separators"],
)
def test_odd_characters(text: str) -> None:
    result = extract(text, subject=text, sender_address=text, sender_name=text)
    assert result.code == "482019"


_OTP_WORDS = [
    "code ", "OTP ", "验证码", "код ", "expires in 5 minutes", "© ", "$", "call ",
    "expires at 11:59 PM EDT", "valid until Jan 5 ", "2024", "\n@example.com #", " @x.example",
]  # fmt: skip
_OTP_ALPHABET = st.sampled_from([*"0123456789 :-.,\n#@[]【】XAbcé", *_OTP_WORDS])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_OTP_ALPHABET, max_size=60).map("".join),
    st.none() | st.datetimes() | st.datetimes(timezones=st.timezones()),
)
def test_never_raises_on_code_like_text(body: str, sent_at: datetime | None) -> None:
    result = extract(body, sent_at=sent_at)
    if result.code is not None:
        assert result.code in fold_code_view(body) or result.origin is not None
