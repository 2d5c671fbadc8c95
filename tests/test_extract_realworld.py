"""The kinds of failure found on real-world mail (issue 16), one test per kind.

The texts are written for these tests in the shapes the real ones have; the real ones are in
tests/corpus/otp (see test_corpus_otp).
"""

from __future__ import annotations

import pytest

from inspector.extract import extract

CODES = [
    # A code announced before it, on its own line, whatever the paragraph says in between.
    (
        "announced-en",
        "Sign in to Acme",
        "Use the code below to sign in to your account:\n\n482913\n\n"
        "If you didn't request this, ignore this email.\n\n"
        "Acme Inc, 1600 Amphitheatre Parkway, Mountain View, CA 94043",
        "482913",
    ),
    (
        "announced-listed-below",
        "",
        "Your sign-in code is listed below. Please enter it in your open browser window.\n\n"
        "KWTM-PZXR\n\nThank you for using Forum365!\nforum365.net",
        "KWTMPZXR",
    ),
    (
        "announced-es",
        "",
        "Usa este código para verificar tu cuenta:\n\n593021\n\n"
        "Equipo Acme, Calle Mayor 12, 28013 Madrid",
        "593021",
    ),
    ("after-colon-es", "", "Usa este código para verificar tu cuenta: 593021", "593021"),
    # A long katakana compound keyword glued to the katakana word before it (app + one-time
    # passcode) is still the keyword; only a short one ("コード") needs its own boundary.
    (
        "katakana-compound-glued",
        "",
        "ショッピングアプリワンタイムパスコード「730164」は5分間有効です。",
        "730164",
    ),
    ("tan-lautet", "", "Ihre TAN für die Überweisung an M. Muster lautet: 739102", "739102"),
    (
        "tan-amount",
        "",
        "Ihre TAN für die Überweisung von 1.250,00 EUR an DE89 3704 0044 0532 0130 00 "
        "lautet: 739102",
        "739102",
    ),
    # Compound code words of languages that write them as one word.
    ("compound-de", "", "946360 ist dein Überprüfungscode.", "946360"),
    ("compound-sv", "", "847901 är din autentiseringskod", "847901"),
    ("compound-hu", "", "224946 a Nextcloud-hitelesítőkódja", "224946"),
    ("compound-is", "", "504885 er auðkenningarkóðinn þinn", "504885"),
    # Keywords of smaller languages and other scripts.
    ("ca", "", "El vostre codi d'autenticació és 441277", "441277"),
    ("eu", "", "Zure autentifikazio kodea 212025 da.", "212025"),
    ("lt", "", "477430 yra jūsų tapatybės nustatymo kodas", "477430"),
    ("sw", "", "834133 ni nambari yako ya kuthibitisha.", "834133"),
    ("ug", "", "464080 سىزنىڭ دەلىللەش كودىڭىز", "464080"),
    ("bn", "", "[6399] আপনার যাচাইকরণ কোড।", "6399"),
    ("sr-otp", "", "Ваш ОТП токен је 190054", "190054"),
    # A code glued to the next word.
    ("glued-lower", "", "650027on sinu autentimiskood", "650027"),
    ("glued-title", "", "Your code:482913Do not share it", "482913"),
    # A code glued after its keyword; a word glued to a number is neither (a sender tag
    # "[11street]"); capitals before a hyphen and the digits are the reference's prefix.
    ("glued-after-keyword", "", "Shop 11006 OTP634809 Ref:VBAP", "634809"),
    ("sender-tag-digits", "", "[11street] รหัสยืนยันของคุณคือ 784329", "784329"),
    ("letters-prefix", "", "OTP: PQRJ - 178573 (valid 3 minutes)", "178573"),
    # A sender's label that is also an account word: the sentence says what the number is.
    ("label-then-is-your-code", "", "Account: 968413 is your Acme verification code.", "968413"),
    ("letters-prefix-glued", "", "Your code:\nEAQC-919420", "919420"),
    # Line breaks a template printed as text ("\\n"): the escape's letter is not the code's.
    (
        "printed-escapes",
        "Verify email",
        "Please verify your email address by entering the following code.\\n\\n270395\\n\\n.",
        "270395",
    ),
    ("kk-accusative", "", "Келесі кодты енгізіңіз:\n\n270395", "270395"),
    # A prefix joined by a hyphen is the sender's mark, not part of a name.
    ("google-prefix", "", "G-482913 is your Google verification code.", "482913"),
    # An authorisation code that asks to be typed, even next to an amount and a reference.
    (
        "authorisation-otp",
        "",
        "Authorization code for transaction ID 12345 of INR 500 at order 99: 482913. "
        "Valid for 5 minutes.",
        "482913",
    ),
    ("compound-anmelde", "", "Dein Anmeldecode lautet 482913", "482913"),
    # An opt-out line does not turn a code message into bulk mail.
    (
        "reply-stop",
        "",
        "Your Uber code is 4821. Never share it. Reply STOP ABC to unsubscribe.",
        "4821",
    ),
    # Three digits and letters that the text plainly calls the code.
    ("three-digits", "", "Your verification code is 482. It expires in 10 minutes.", "482"),
    ("letters", "", "Your verification code: QGFDAE", "QGFDAE"),
    # A brand with digits is a name, not the code.
    ("brand-digits", "", "1Password: your verification code is 482913", "482913"),
    ("email-verification-code", "", "Your email verification code is 551920", "551920"),
    (
        "spaced-alone",
        "Verify your email",
        "Hi Anna,\n\nEnter this code to verify your email address:\n\n7 3 9 1 0 2\n\n"
        "Thanks,\nThe Team\nPO Box 1234, Springfield",
        "739102",
    ),
    # A code word whose last words name another code elsewhere ("approval code": a card
    # payment's) is still the code word when the whole phrase is listed.
    ("login-approval-code", "", "Here is your login approval code:938429", "938429"),
    ("th-loanword-code", "", "โค้ด Shopee ของคุณคือ 418250 อย่าแชร์ให้ใคร", "418250"),
    # Generated mixed-case tokens (Devise's friendly tokens) on a line of their own.
    (
        "mixed-case-token-own-line",
        "",
        "Please enter the security code below on the sign in challenge page:\n\n=> 6YcBkp\n",
        "6YcBkp",
    ),
    ("mixed-case-token-bare-line", "Sign in", "Your sign-in code:\n\nCCb6aJ\n\nThanks", "CCb6aJ"),
    # "One-time password" (OpenProject's SMS) in Catalan, Czech, Hungarian, Korean,
    # Lithuanian, Malay, Slovak and Slovene.
    ("ca-one-time-password", "", "La contrasenya d'un sol ús és 418250", "418250"),
    ("cs-one-time-password", "", "Jednorázové heslo: 418250", "418250"),
    ("hu-one-time-password", "", "Az egyszeri jelszavad: 418250", "418250"),
    ("ko-one-time-password", "", "일회용 암호는 418250입니다.", "418250"),
    ("lt-one-time-password", "", "Vienkartinis slaptažodis yra 418250", "418250"),
    ("ms-one-time-password", "", "Kata laluan satu kali anda ialah 418250", "418250"),
    ("sk-one-time-password", "", "Vaše jednorazové heslo je 418250", "418250"),
    ("sl-one-time-password", "", "Enkratno geslo je 418250", "418250"),
    # Letters only, in a case no word has, after "Code:" (Yii's random strings, HumHub).
    ("random-case-letters", "", "Utilice el siguiente código.\n\nCódigo:\nuIQHZx", "uIQHZx"),
    ("caps-then-small", "", "Kód:\nYHTtkp", "YHTtkp"),
    # Frisian compounds on "koade", Guarani and Kabyle code words (Mozilla accounts' mails).
    ("fy-compound", "", "Dit is jo autentikaasjekoade:\n\n418250", "418250"),
    ("gn-code-word", "", "Eiporu ko ayvu ñemoneĩrã:\n\n418250", "418250"),
    ("kab-code-word", "", "Seqdec tangalt-a n usentem:\n\n418250", "418250"),
    # A code announced by its paragraph on a line of its own after an arrow: a bare "code"
    # word is enough ("enter the code below on the sign-in page:\n\n=> hj3tHB").
    (
        "announced-after-arrow",
        "",
        "Pokud jste to vy, zadejte níže uvedený kód na přihlašovací stránce s výzvou:\n\n=> hj3tHB",
        "hj3tHB",
    ),
    ("tr-accusative", "", "Lütfen aşağıdaki güvenlik kodunu girin:\n\n=> qgz9Br", "qgz9Br"),
    ("ckb-password", "", "تێپەڕوشەی پاراستن بۆ پەڕەی بەرنگاری دابین بکە:\n\n=> z16Csz", "z16Csz"),
    # "Security code" in Persian, Vietnamese and Icelandic (a compound, accusative).
    ("fa-security-code", "", "لطفاً رمز امنیتی زیر را وارد کنید:\n\n=> 418250", "418250"),
    ("vi-security-code", "", "Hãy nhập mã an toàn bên dưới:\n\n=> 418250", "418250"),
    ("is-security-code", "", "Skaltu setja inn öryggiskóðann neðst:\n\n=> 418250", "418250"),
    (
        "announced-de-footer",
        "Dein Code",
        "Hier ist dein Bestätigungscode:\n\n482913\n\nMusterstraße 12, 10115 Berlin",
        "482913",
    ),
    # Random tokens of the URL-safe base64 alphabet (Devise's friendly tokens, Yii's random
    # strings): "-" and "_" are characters of the code, which is taken whole.
    (
        "token-hyphen-after-arrow",
        "Sign-in attempt",
        "Please enter the security code below on the sign-in challenge page:\n\n=> X4-RqQ\n\n"
        "IP: 203.0.113.24\nBrowser: Firefox on Linux",
        "X4-RqQ",
    ),
    (
        "token-underscore-after-code-label",
        "Your login verification code",
        "Please use the following code to proceed.\n\nCode:\nbw_U79",
        "bw_U79",
    ),
    (
        "token-leading-hyphen",
        "Your login verification code",
        "Please use the following code to proceed.\n\nCode:\n-wcU79",
        "-wcU79",
    ),
    (
        "token-letters-trailing-underscore",
        "Your login verification code",
        "Please use the following code to proceed.\n\nCode:\nuIQHZ_",
        "uIQHZ_",
    ),
    # Bank OTP words: the Arabic "secret number" to confirm a purchase, the Persian
    # "confidential number" and the glued "one-time password" (Arabic kaf) after the code.
    (
        "ar-secret-number",
        "",
        "الرقم السري لتأكيد شراء عبر الانترنت: 5821\nمبلغ 56.78 SAR\nبطاقة *0007",
        "5821",
    ),
    (
        "fa-confidential-number-glued-otp",
        "",
        "توجه نمایید كه عدد محرمانه: 1234567 یكباررمز شما جهت تایید انتقال وجه می باشد.",
        "1234567",
    ),
    (
        "vi-recovery-code",
        "",
        "Mã khôi phục Acme của bạn là 958373.\n\nSử dụng mã này để đặt lại mật khẩu.",
        "958373",
    ),
    (
        "vi-your-code",
        "",
        "Mã của bạn là 143505.",
        "143505",
    ),
    # Only the subject names the code; the short body's one number is it (its own code word
    # mistyped or mistranslated).
    (
        "subject-names-the-code",
        "Pre-Registration 47349965077995: OTP Request",
        "Dear Ravi Kumar, TP for Pre-Registration 47349965077995 is 700873 and is valid for "
        "3 minutes. (Generated on 23-09-2025 at 03:58:03 Hrs)",
        "700873",
    ),
    # RFC 8628 6.1 user code after a code label: the two halves, not the first one.
    ("user-code-halves", "", "Your verification code:\nWDJB-MJHT", "WDJBMJHT"),
    ("user-code-halves-inline", "", "Your code: WDJB-MJHT", "WDJBMJHT"),
]


@pytest.mark.parametrize(
    ("subject", "body", "code"), [c[1:] for c in CODES], ids=[c[0] for c in CODES]
)
def test_code_found(subject: str, body: str, code: str) -> None:
    result = extract(body, subject=subject)
    assert result.is_verification
    assert result.code == code


# Code words of languages first met in Appwrite's translated sign-in mails (a test text of
# each language's shape; the mails themselves are in tests/corpus/otp/appwrite.json).
SCRIPT_CODES = [
    ("gu", "નીચેનો ચકાસણી કોડ દાખલ કરો:\n\n418250\n\nWindows 11 પર Chrome 131.0"),
    ("pa", "ਹੇਠਾਂ ਦਿੱਤਾ ਵੈਰੀਫਿਕੇਸ਼ਨ ਕੋਡ ਦਰਜ ਕਰੋ:\n\n418250\n\nAndroid 14"),
    ("or", "ତଳେ ଥିବା ପ୍ରମାଣୀକରଣ କୋଡ ଲେଖନ୍ତୁ:\n\n418250"),
    ("kn", "ನಿಮ್ಮ ಪರಿಶೀಲನಾ ಕೋಡ್: 418250"),
    ("te", "మీ ధృవీకరణ కోడ్ 418250. ఇది 15 నిమిషాల్లో గడువు తీరుతుంది."),
    ("ta", "உங்கள் சரிபார்ப்பு குறியீடு 418250. அது 15 நிமிடங்களில் காலாவதியாகும்."),
    ("ml", "നിങ്ങളുടെ സ്ഥിരീകരണ കോഡ് 418250 ആണ്."),
    ("si", "ඔබේ සත්‍යාපන කේතය 418250 වේ."),
    ("sd", "توهان جو تصديقي ڪوڊ 418250 آهي."),
    ("km", "លេខកូដផ្ទៀងផ្ទាត់របស់អ្នកគឺ 418250។ វានឹងផុតកំណត់ក្នុងរយៈពេល 15 នាទី។"),
    ("lo", "ກະລຸນາປ້ອນລະຫັດຕໍ່ໄປນີ້ເພື່ອເຂົ້າສູ່ລະບົບ:\n\n418250\n\nລະຫັດນີ້ຈະໝົດອາຍຸພາຍໃນ 5 ນາທີ."),
    ("lo-strong", "ລະຫັດຢືນຢັນຂອງທ່ານແມ່ນ 418250"),
    ("sa", "भवतः सत्यापनकोडम् 418250 अस्ति।"),
    ("eo", "Via kontrolkodo estas 418250. Ĝi eksvalidiĝos post 15 minutoj."),
    ("fo", "Tín váttanarkota er 418250."),
    ("la", "Codex verificationis tuus est 418250."),
    ("sn", "Kodhi yekusimbisa: 418250. Ichapera mumaminitsi gumi nemashanu."),
]


@pytest.mark.parametrize("body", [c[1] for c in SCRIPT_CODES], ids=[c[0] for c in SCRIPT_CODES])
def test_code_word_of_another_script_or_language(body: str) -> None:
    result = extract(body)
    assert result.is_verification
    assert result.code == "418250"


NO_CODE = [
    ("bare-code-3-digits", "", "your code is 123"),
    (
        "order",
        "Your order #482913",
        "Thanks for your purchase! Order number: 482913. Total: $59.00",
    ),
    ("purchase-code", "", "Your purchase code is 48291375. Keep it for your records."),
    ("voucher", "", "Your voucher code is SAVE2024, use it at checkout for 20% off"),
    ("reward", "", "Your reward code: 482913. Redeem it in the app."),
    ("donation", "", "Thank you for your donation! Donation code 4829137."),
    ("claim-code", "", "You have won a £900 prize! Call 09061701461. Claim code KL341."),
    ("identifier-code", "", "Call 08719180248 Identifier Code: 45239 Expires 07/11/04"),
    ("text-to", "", 'Simply text the password "MIX" to 85069 to verify.'),
    # A bill's customer or service-charge code, Thai promo and quantity words.
    ("service-charge-code", "", "Service charge code 670169737, please pay before 01/07"),
    ("lo-customer-code", "", "ລະຫັດລູກຄ້າ 670169737 ກະລຸນາຊຳລະກ່ອນ 01/07"),
    ("card-ending-then-code-word", "", "Your card ending 4821 verification code expired"),
    ("th-bill", "", "แจ้งค่าบริการรหัส123456789 กรุณาชำระก่อน 01/07"),
    ("th-promo", "", "ใส่โค้ด SALE150 ลดสูงสุด 150 บาท วันนี้เท่านั้น"),
    ("th-quantity", "", "ฉันมีโค้ดมาให้ ทำตามที่บอกแล้วจะได้รับเพชรจำนวน 3000 เม็ด"),
    ("pence", "", "Claim your prize now. Valid 12hrs 150p pm"),
    ("case-number", "Case 02948172", "Your case number is 02948172. Our team will contact you."),
    (
        "dns-error",
        "Delivery Status Notification (Failure)",
        "Your message wasn't delivered to bob@example.org because the domain couldn't be "
        "found. DNS Error: 16578478 DNS type 'mx' lookup of example.org responded with code "
        "NXDOMAIN",
    ),
    (
        "dsn-with-returned-code",
        "Undelivered Mail Returned to Sender",
        "This is the mail system at host mx.example.com.\n\n"
        "Reporting-MTA: dns; mx.example.com\nX-Postfix-Queue-ID: 4F2A13C9D1\n"
        "Final-Recipient: rfc822; bob@example.org\nAction: failed\nStatus: 5.1.1\n"
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n\n"
        "Subject: Your verification code\n\nYour verification code is 482913",
    ),
    (
        "brand-in-domain",
        "[Studio54 Members] Password Changed",
        "Hello from Studio54 Members!\n\nYour password has been changed.\n\n"
        "Thank you for using Studio54 Members!\nmembers.studio54.club",
    ),
    (
        "css-colour",
        "",
        '<div style="color:#000000;background:#ffffff">Hi</div> Your code has expired.',
    ),
    (
        "recovery-codes-notice",
        "New Recovery Codes Generated",
        "A new set of Two-Factor Authentication recovery codes has been generated.\n\n"
        "- IP address: 203.0.113.45\n- Date: 2025-03-14 09:26:53",
    ),
    # A piece of a name or path: "code" nearby does not make it one.
    ("name-piece", "", "My code expects the input in ISO-2022-JP, as richtext does."),
    ("reference-path", "", "Internal reference code for the message is 12583-16/Ss-IZaXqmZao"),
    # "コード" inside a katakana loanword ("エンコード": encode) is no code word.
    ("katakana-encode", "", "MIMEとヘッダのエンコードに関するRFCが出ました。RFC1343は..."),
    # A file uuencoded into the text (no "begin" line left: a Sun mailtool attachment).
    (
        "uuencoded-lines",
        "Bug report",
        "I have attached, in uuencode format, a screen dump.\n\n"
        'M\'YV064RIJ02@H*J" ?@4!("@("C)4AO"$N=XFV( 8Q;CJ,9"_[*,RS-;)[:8,C,4GX\n',
    ),
    # A card receipt's authorisation or approval code approves a payment; nobody types it.
    (
        "receipt-authorisation-nl",
        "Ogone NIEUWE order PAYID: 951597484 / orderID: 456123",
        "Referentie van de bestelling : 456123\nStatus : 25 Geautoriseerd\n"
        "Autorisatiecode : 9873211\nTotaal : 148.43 EUR\nAanrekeningmethode : VISA",
    ),
    # A word after "Code:" is no code, capitalised or not.
    ("word-after-code-label", "", "Code:\nExpired\n\nRequest a new one in the app."),
    # Numbers in bank alerts: a payee reference three lines above the footer "Do not Share
    # OTP" (past a date and a telephone number), an agent's "code ID", a masked code.
    (
        "reference-above-otp-footer",
        "",
        "LKR 5,000.00 credited to AC **8758 for PICKME - 37419306\n22/05/2026 23:36:52\n"
        "To Inq Call 0112303050\nGet protected -Do not Share OTP",
    ),
    (
        "code-id-is-an-identifier",
        "",
        "You withdrew 50.00MT in the Agent with code ID 123456, Name JOHN DOE at 18:06:25.",
    ),
    ("masked-code-glued-mask", "", "5738xx is your OTP for txn of Rs. INR 2.07 at FamApp."),
    # Names with "-" or "_" alone on a line are no tokens: no capital or digit, a date, no
    # small letter, two separators in a row.
    (
        "hyphenated-names-alone",
        "",
        "Enter the code below:\n\nx-mailer\n\n2026-11-20\n\nCOVID-19\n\nab--cd\n",
    ),
    # Mixed case inside a sentence stays a name, not a code.
    ("mixed-case-in-a-sentence", "", "Your code works on the new MacBook2 and iPhone15 too."),
    (
        "receipt-approval",
        "Your receipt",
        "Merchant: Corner Shop\nApproval code: 123456\nTotal: $12.00",
    ),
]


@pytest.mark.parametrize(("subject", "body"), [n[1:] for n in NO_CODE], ids=[n[0] for n in NO_CODE])
def test_no_code(subject: str, body: str) -> None:
    assert extract(body, subject=subject).code is None


NOT_VERIFICATION = [
    # A telephone's "access code" (the international dialling prefix) is no code word.
    (
        "dialling-prefix",
        "Business proposal",
        "Dear friend,\nTel No: Your Intl. Access Code + 873 7626 92484\n"
        "Fax No: Your international access code + 873 7626 92485\nI write to ask your help.",
    ),
    # A code word far down a long letter (a product sheet naming OTP as a protocol) does not
    # make it a verification message when it carries no code.
    (
        "code-word-far-down",
        "CuteFTP Pro 3.0 released",
        "We are pleased to announce the new release of our file transfer client.\n" * 8
        + "Connect and transfer data securely using SSL, SSH2, OTP (S/KEY) and HTTPS.",
    ),
]


@pytest.mark.parametrize(
    ("subject", "body"), [n[1:] for n in NOT_VERIFICATION], ids=[n[0] for n in NOT_VERIFICATION]
)
def test_not_a_verification_message(subject: str, body: str) -> None:
    result = extract(body, subject=subject)
    assert not result.is_verification
    assert result.code is None


def test_a_code_word_up_front_without_a_readable_code_is_still_a_verification() -> None:
    # The code is an image, or in a part that could not be read: still the message.
    assert extract("Your one-time passcode:\n\n[image]", subject="Sign in").is_verification


def test_camel_case_identifier_is_no_compound_keyword() -> None:
    from inspector.extract.hits import find_all_hits
    from inspector.extract.normalize import normalize

    assert find_all_hits(normalize("RatingCode 482913")) == []
    assert [h.kind for h in find_all_hits(normalize("Gutscheincode 482913"))] == ["neg"]


# A half-translated template: the code line in the reader's language, the warning after it
# still in English ("... knows your username and your password"). A user name in another
# language than the code word does not make that code word an account's credentials.
HALF_TRANSLATED = [
    ("et", "Teie autentimise kood on: 40718263", "40718263"),
    ("fi", "Tunnistautumisen koodisi on: 615204", "615204"),
    ("uz", "Autentifikatsiya kodingiz: 93028174", "93028174"),
]
_ENGLISH_WARNING = (
    "\n\nIf you did not try to sign in, somebody else knows your username and your password:"
    " change your password now."
)


@pytest.mark.parametrize(
    ("body", "code"),
    [(h[1] + _ENGLISH_WARNING, h[2]) for h in HALF_TRANSLATED],
    ids=[h[0] for h in HALF_TRANSLATED],
)
def test_code_word_of_another_language_than_the_user_name(body: str, code: str) -> None:
    assert extract(body, subject="Login attempt").code == code


@pytest.mark.parametrize(
    "body",
    ["Benutzername: jdoe\nPasswort: 1534", "Your user name: jdoe\nYour password: 7391"],
    ids=["de", "en"],
)
def test_user_name_and_password_of_one_language_are_credentials(body: str) -> None:
    assert extract(body, subject="Your account").code is None


# A licence key's name in another language: Spanish "clave" (a PIN, a password) in "clave de
# licencia" names the product's key, as "license key" does in English.
LICENCE_KEYS = [
    ("es", "Clave de licencia: RLYV4-Z8E1-1075-HCYI-1628-QQL8\nAsientos: 5"),
    ("es-product", "Tu clave de producto es 7KQ2M-99XPT-4HD8W-31RVB."),
    ("en", "License Key: RLYV4-Z8E1-1075-HCYI-1628-QQL8\nSeats: 5"),
]


@pytest.mark.parametrize("body", [k[1] for k in LICENCE_KEYS], ids=[k[0] for k in LICENCE_KEYS])
def test_licence_key_is_no_code(body: str) -> None:
    assert extract(body, subject="Licencia").code is None
