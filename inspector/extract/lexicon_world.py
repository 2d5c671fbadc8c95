"""Keywords of the languages ``lexicon`` does not cover, or covers thinly (pure data).

The format and the kinds are ``lexicon``'s (``keywords`` merges both). Most languages need
only their word for "code" (WEAK: it counts with a code next to it) and a few set phrases
("verification code", "sign-in code"...: STRONG). Compounds written as one word
("Überprüfungscode", "autentiseringskod", "hitelesítőkód") are found by the compound rule in
``keywords`` (``COMPOUND_STEMS`` here), not listed one by one.

Short words that are also words of other languages stay out ("mã" folds to "ma", Welsh and
Romanian "cod" is English "COD"): their set phrases are listed instead.

Case endings matter where a language glues them to the noun (Turkish, Hungarian, Baltic,
Slavic, Georgian, Uyghur): each common form is listed, since a keyword must end on a word
boundary.
"""

from __future__ import annotations

STRONG: dict[str, str] = {
    "en": (
        "sign in code; sign-in code; one time verification code; security pin; mfa code; "
        "2 step code; two step code; verification token; otp token; login approval code"
    ),
    "es": (
        "código de inicio de sesión; código de restablecimiento; código de un solo uso; "
        "código de autorización; código de ingreso; código de acceso único"
    ),
    "pt": (
        "código de login; código de redefinição; código de acesso único; código de início de sessão"
    ),
    "fr": "code de réinitialisation; code d'identification; code de vérification unique",
    "it": "codice di reimpostazione; codice di login; codice di accesso monouso",
    "de": "überprüfungscode; mobiletan",
    "ca": (
        "codi de verificació; codi d'autenticació; codi d'inici de sessió; codi de seguretat; "
        "codi de restabliment; codi de confirmació; codi d'un sol ús; contrasenya d'un sol ús"
    ),
    "eu": (
        "egiaztapen kodea; egiaztatze kodea; egiaztapen-kodea; autentifikazio kodea; "
        "saioa hasteko kodea; berrezartze kodea; segurtasun kodea"
    ),
    "gl": "código de verificación; código de inicio de sesión; código de restabelecemento",
    "ast": "códigu de verificación; códigu d'aniciu de sesión",
    "ro": (
        "cod de autentificare; codul de autentificare; codul de conectare; cod de conectare; "
        "codul de resetare; cod de resetare; cod unic"
    ),
    "hu": "hitelesítő kód; ellenőrző kódod; bejelentkezési kód; visszaállító kód",
    "cs": "přihlašovací kód; ověřovací kód; kód pro obnovení; kód pro přihlášení",
    "sk": (
        "overovací kód; prihlasovací kód; bezpečnostný kód; overovací kód; kód na overenie; "
        "jednorazové heslo; jednorazový kód"
    ),
    "sl": (
        "potrditvena koda; overitvena koda; varnostna koda; koda za prijavo; koda za potrditev; "
        "enkratno geslo; enkratna koda"
    ),
    "hr": (
        "kod za potvrdu; kôd za potvrdu; kôd za provjeru; kod za provjeru; verifikacijski kod; "
        "kod za prijavu; kôd za prijavu; jednokratni kod; kod za verifikaciju; "
        "kôd za verifikaciju; kod za poništavanje"
    ),
    "sr": "код за потврду; кôд за потврђивање; код за пријаву; верификациони код",
    "mk": "код за потврда; верификациски код; код за најава",
    "bg": (
        "код за потвърждение; код за вход; код за потвърждаване; код за влизане; "
        "еднократна парола; временната парола; временна парола; код за нулиране"
    ),
    "be": "код пацверджання; код для ўваходу",
    "ru": "код для сброса; код сброса; код для входа в систему",
    "uk": "код для скидання; код входу",
    "et": (
        "kinnituskood; kinnituskoodi; autentimiskood; sisselogimiskood; turvakood; ühekordne kood"
    ),
    "lv": (
        "verifikācijas kods; verifikācijas kodu; apstiprinājuma kods; apstiprinājuma kodu; "
        "pieteikšanās kods; pieteikšanās kodu; vienreizējais kods"
    ),
    "lt": (
        "patvirtinimo kodas; patvirtinimo kodą; prisijungimo kodas; prisijungimo kodą; "
        "autentifikavimo kodas; tapatybės nustatymo kodas; vienkartinis kodas; "
        "vienkartinis slaptažodis; vienkartinį slaptažodį"
    ),
    "is": "staðfestingarkóði; staðfestingarkóðinn; auðkenningarkóði; auðkenningarkóðinn",
    "ga": (
        "cód fíoraithe; chód fíoraithe; cód fíordheimhnithe; chód fíordheimhnithe; "
        "cód logála isteach"
    ),
    "cy": "cod dilysu; cod mewngofnodi",
    "sq": "kodi i verifikimit; kodin e verifikimit; kodi i hyrjes; kodi i konfirmimit",
    "mt": "kodiċi ta' verifika",
    "az": "təsdiq kodu; təsdiqləmə kodu; doğrulama kodunuz; giriş kodu",
    "tr": "doğrulama kodunuzdur; onay kodunuzdur; giriş kodunuzdur",
    "uz": "tasdiqlash kodi; tasdiqlash kodingiz; kirish kodi",
    "kk": "растау коды; растау кодыңыз; кіру коды",
    "ky": "ырастоо коду; кирүү коду; текшерүү коду",
    "mn": "баталгаажуулах код; нэвтрэх код",
    "ka": "ვერიფიკაციის კოდი; დადასტურების კოდი; ავტორიზაციის კოდი; შესვლის კოდი",
    "hy": "հաստատման կոդ; հաստատման կոդը; մուտքի կոդ",
    "hi": "पुष्टि संख्या; सत्यापन संख्या; लॉगिन कोड",
    "bn": "যাচাইকরণ কোড; যাচাই কোড; ওটিপি; ভেরিফিকেশন কোড",
    "ur": "تصدیقی کوڈ; تصدیق کا کوڈ; او ٹی پی",
    "ps": "تاييد کوډ; تایید کوډ",
    "ug": "دەلىللەش كودى; دەلىللەش كودىڭىز; دەلىللەش كودىنى",
    "sw": (
        "msimbo wa uthibitishaji; msimbo wako wa uthibitishaji; msimbo wa kuthibitisha; "
        "nambari ya kuthibitisha; nambari yako ya kuthibitisha; msimbo wa kuingia"
    ),
    "so": "koodhka xaqiijinta; koodhkaaga xaqiijinta; koodhka gelitaanka",
    "tl": "verification code ng",
    "zh": "认证代码; 授权认证代码; 授权码; 登录验证码; 身份验证码; 短信验证码",
    "ja": "ワンタイムパスワード; 確認用コード; 本人確認コード; ログイン用コード",
    "ko": "인증 번호; 로그인 코드; 재설정 코드",
    "th": "รหัสยืนยันตัวตน; รหัสเข้าสู่ระบบ; รหัสผ่านครั้งเดียว; รหัสยืนยันสิทธิ์",
    "am": "የማረጋገጫ ኮድ",
    "ne": "प्रमाणीकरण कोड",
    # Scripts of South and South-East Asia (spelled as the apps' translators do, loanwords
    # such as "verification code" written out in the script included).
    "gu": "ચકાસણી કોડ; વેરિફિકેશન કોડ; પુષ્ટિકરણ કોડ",
    "pa": "ਵੈਰੀਫਿਕੇਸ਼ਨ ਕੋਡ; ਪੁਸ਼ਟੀਕਰਨ ਕੋਡ; ਤਸਦੀਕ ਕੋਡ; ਪੁਸ਼ਟੀ ਕੋਡ",
    "or": "ପ୍ରମାଣୀକରଣ କୋଡ; ଯାଞ୍ଚ କୋଡ",
    "kn": "ದೃಢೀಕರಣ ಕೋಡ್; ಪರಿಶೀಲನಾ ಕೋಡ್; ವೆರಿಫಿಕೇಶನ್ ಕೋಡ್",
    "te": "ధ్రువీకరణ కోడ్; ధృవీకరణ కోడ్; వెరిఫికేషన్ కోడ్",
    "ta": "சரிபார்ப்பு குறியீடு; சரிபார்ப்பு குறியீட்டை; சரிபார்ப்புக் குறியீடு; உறுதிப்படுத்தல் குறியீடு",
    "ml": "സാധൂകരണ കോഡ്; സ്ഥിരീകരണ കോഡ്; വെരിഫിക്കേഷൻ കോഡ്; പരിശോധനാ കോഡ്",
    "si": "සත්‍යාපන කේතය; සත්‍යාපන කේතයක්; තහවුරු කිරීමේ කේතය",
    "sa": "विश्वासनीयकोडम्; सत्यापनकोडम्",
    "sd": "ويريفڪيشن ڪوڊ; تصديقي ڪوڊ",
    "km": "លេខកូដផ្ទៀងផ្ទាត់; កូដផ្ទៀងផ្ទាត់",
    # Central Kurdish (Sorani): "verification code", "protection password" (Mastodon's).
    "ckb": "کۆدی پشتڕاستکردنەوە; تێپەڕوشەی پاراستن",
    # Guarani ("the word for confirming") and Kabyle ("the confirmation code"): Mozilla's.
    "gn": "ayvu ñemoneĩrã",
    "kab": "tangalt n usentem",
    # Lao, as Thai: "verification code", "OTP code", "one-time password".
    "lo": "ລະຫັດຢືນຢັນ; ລະຫັດ otp; ລະຫັດຜ່ານຄັ້ງດຽວ",
    # Smaller European and African languages.
    "eo": (
        "kontrolkodo; kontrolkodon; konfirmkodo; konfirmkodon; kontrola kodo; kontrolan kodon; "
        "ensaluta kodo; ensalutan kodon"
    ),
    "fo": "váttanarkoda; váttanarkodu; váttanarkota; váttanarkotu; váttanarkotan; váttanarkotuna",
    "la": "codicem verificationis; codex verificationis",
    "sn": "kodhi yekusimbisa; kodhi yokusimbisa",
}

WEAK: dict[str, str] = {
    "af": "kode",
    "ca": "codi",
    "eu": "kodea; kode",
    "ast": "códigu",
    "sc": "còdighe",
    "ia": "codice",
    "ht": "kòd",
    "ga": "cód; chód",
    "mt": "kodiċi",
    "et": "kood; koodi; koodiga",
    "lv": "kods; kodu; koda",
    "lt": "kodas; kodą; kodo",
    "sl": "koda; kodo; kode",
    "sk": "kód; kódu; kódom",
    "cs": "kódu; kódem",
    "hr": "kod; kôd; koda; kodom; šifra; šifru; šifre",
    "sr": "код; кôд; кода; кодом; шифра; шифру; отп",
    "mk": "код; кодот; отп",
    "bg": "код; кода; кодът; отп",
    "uk": "код; коду; кодом",
    "ru": "коду",
    "be": "код",
    "kk": "код; коды; кодыңыз; кодты; кодын",
    "ky": "код; коду; кодуңуз",
    "mn": "код",
    "uz": "kod; kodi; kodingiz",
    "az": "kod; kodu; kodunuz",
    "tr": "kodunuzdur; kodudur; kodunuzu; şifrenizdir; şifredir",
    "hu": "kódod; kódja; kódot; kódját",
    "ro": "codul tău; codul dvs",
    "is": "kóði; kóðinn; kóða; kóðann",
    "sq": "kod; kodi; kodin",
    "sw": "msimbo",
    "so": "koodh; koodhka; koodhkaaga; koodhkan; koodhkii",
    "ka": "კოდ; კოდია; კოდს; კოდით; კოდის",
    "hy": "կոդ; կոդը",
    "bn": "কোড",
    "ur": "کوڈ",
    "ps": "کوډ",
    "ug": "كود; كودى; كودىڭىز; كودىنى",
    "am": "ኮድ",
    "ne": "कोड",
    "gu": "કોડ",
    "pa": "ਕੋਡ",
    "or": "କୋଡ",
    "kn": "ಕೋಡ್",
    "te": "కోడ్",
    "ta": "குறியீடு; குறியீட்டை",
    "ml": "കോഡ്",
    "si": "කේතය; කේතයක්",
    "sd": "ڪوڊ",
    "km": "លេខកូដ",
    "lo": "ລະຫັດ",
    "ckb": "کۆد; کۆدی; تێپەڕوشە; تێپەڕوشەی",
    "fy": "koade",
    "kab": "tangalt",
    "eo": "kodo; kodon",
    "fo": "kota; kotu; kotan; kotuna",
    "sn": "kodhi",
    "el": "κωδικού; κωδικό σας",
    "zh": "代码",
    "th": "โค้ด",
}

# The compound rule (see ``keywords``): a word that ends in one of these nouns for "code"
# (after at least four letters, so "barcode" or "encode" do not count) is a code keyword of a
# language that writes compounds as one word; STRONG when what comes before names a
# verification, a sign-in, a security check..., else WEAK. Folded spellings (lower case, no
# accents; see ``normalize.fold_keys``).
COMPOUND_NOUNS = (
    "code", "codes", "codenummer", "kode", "koden", "kod", "koden", "koder", "kood", "koodi",
    "koodia", "koodin", "koodisi", "koodiga", "kodja", "kodod", "kodot", "kodjat", "koði",
    "koðinn", "koða", "koðann", "kodu", "kodas", "kods", "koade",
)  # fmt: skip
COMPOUND_STRONG_STEMS = (
    "verif", "authent", "autent", "autorisa", "autoriza", "bestatig", "bestaetig", "uberprufung",
    "pruf", "bekraft", "bekreft", "bevestig", "anmelde", "inlog", "login", "logon", "signin",
    "sicherheit", "security", "sikkerhed", "sikkerhet", "sakerhet", "einmal", "engang",
    "kertakaytto", "vahvist", "tunnist", "varmennu", "kinnitus", "hitelesit", "ellenor",
    "megerosit", "aktivier", "activat", "aktivasi", "confirm", "auðkenn", "staðfest",
    "registrier", "freigabe", "identifi", "oryggis", "befestig",
)  # fmt: skip
# Compounds that name another code: a postcode, a promo or voucher code, a barcode, an error
# or status code, program source... (their numbers are not verification codes).
COMPOUND_OTHER_STEMS = (
    "post", "zip", "promo", "rabatt", "gutschein", "aktions", "korting", "kupon", "coupon",
    "voucher", "rabat", "geschenk", "gift", "referral", "einladung", "invite", "qr", "bar",
    "quell", "source", "fehler", "error", "status", "tracking", "sendungs", "country",
    "lander", "vorwahl", "area", "farb", "color", "colour", "dress", "morse", "short",
    "trans", "geo", "html", "program", "abhol", "tilbuds", "kampanj",
    "erbjudande", "aanbieding", "hex", "unicode", "ascii", "bank", "sort", "swift", "iban",
    "produkt", "product", "artikel", "item", "kunden", "customer", "bestell", "order",
)  # fmt: skip
