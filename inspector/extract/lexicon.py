"""Multilingual keyword tables of the extraction engine (pure data).

Each table maps a language code (ISO 639-1; ``ka-Latn`` style tags are not needed) to one
fragment per line. A fragment is written naturally (accents, capitals, traditional Chinese
allowed): it is folded the same way as the text before matching (see ``normalize.fold_keys``),
a space or hyphen in it matches any run of spaces/hyphens (also none), and ``( | ) ?`` keep
their regex meaning (for inflections). A fragment must start with a letter, so the combined
pattern keeps the regex engine's first-character fast path.

Kinds:

* STRONG: names a verification / one-time code; its presence alone makes a message a
  verification message.
* WEAK: "code", "PIN", "password"...: a code only when a plausible candidate sits next to it.
* VERIFY: a link-only verification or reset ("verify your email address"): a verification
  message even without a code.
* ACTION: "sign in", "enter"...: pulls a nearby candidate up a little, decides nothing.
* NEGATIVE: contexts whose number is not a code (promo code, order number, amount, phone,
  masked card, postcode, year). A candidate right after one is rejected; a code keyword inside
  one ("code" in "promo code") does not count.
* PROMO: marketing vocabulary; with no STRONG keyword the message is a newsletter, not a
  verification message.
"""

from __future__ import annotations

STRONG: dict[str, str] = {
    # "*": shared by every language; the language is then guessed from the text.
    "*": """
        otp
        2fa code
        sms code
        sms token
        mtan
        smstan
        sms tan
        pushtan
        photo tan
        """,
    "en": """
        verification code
        verification codes
        verification pin
        verification number
        verify code
        validation code
        confirmation code
        confirm code
        security code
        authentication code
        authorization code
        auth code
        login code
        log in code
        logon code
        sign in code
        signin code
        access code
        activation code
        one time code
        one time pass code
        one time passcode
        one time password
        one time pin
        one time p/w
        single use code
        temporary code
        temporary password
        reset code
        passcode
        two factor code
        two factor authentication code
        2 step verification code
        """,
    "es": """
        código de verificación
        código de seguridad
        código de confirmación
        código de acceso
        código de activación
        código de autenticación
        código de validación
        código de un solo uso
        código temporal
        código otp
        código sms
        clave de un solo uso
        clave temporal
        clave dinámica
        clave de firma
        contraseña temporal
        contraseña de un solo uso
        contraseña dinámica
        """,
    "pt": """
        código de verificação
        código de segurança
        código de confirmação
        código de acesso
        código de ativação
        código de autenticação
        código de validação
        código de uso único
        código temporário
        senha temporária
        senha de uso único
        senha dinâmica
        token de segurança
        """,
    "fr": """
        code de vérification
        code de sécurité
        code de confirmation
        code d'authentification
        code d'accès
        code d'activation
        code de connexion
        code de validation
        code à usage unique
        code provisoire
        code temporaire
        code secret
        code sms
        mot de passe à usage unique
        mot de passe temporaire
        mot de passe unique
        """,
    "de": """
        bestätigungscode
        bestaetigungscode
        verifizierungscode
        verifikationscode
        sicherheitscode
        aktivierungscode
        authentifizierungscode
        anmeldecode
        zugangscode
        einmalcode
        einmal code
        einmalpasswort
        einmalkennwort
        einmal kennwort
        freigabecode
        prüfcode
        registrierungscode
        login code
        """,
    "it": """
        codice di verifica
        codice di sicurezza
        codice di conferma
        codice di accesso
        codice di attivazione
        codice di autenticazione
        codice di autorizzazione
        codice monouso
        codice otp
        codice temporaneo
        password monouso
        password temporanea
        password usa e getta
        """,
    "nl": """
        verificatiecode
        beveiligingscode
        bevestigingscode
        inlogcode
        toegangscode
        activatiecode
        authenticatiecode
        controlecode
        eenmalige code
        eenmalig wachtwoord
        tijdelijke code
        """,
    "pl": """
        kod weryfikacyjny
        kodem weryfikacyjnym
        kodu weryfikacyjnego
        kod potwierdzający
        kod autoryzacyjny
        kod autoryzacji
        kod jednorazowy
        kod dostępu
        kod bezpieczeństwa
        kod aktywacyjny
        kod logowania
        kod sms
        hasło jednorazowe
        hasło do autoryzacji
        hasło sms
        """,
    "tr": """
        doğrulama kodu
        doğrulama kodunuz
        doğrulama kodunu
        onay kodu
        onay kodunuz
        güvenlik kodu
        güvenlik kodunuz
        giriş kodu
        giriş kodunuz
        aktivasyon kodu
        tek kullanımlık şifre
        tek kullanımlık şifreniz
        tek kullanımlık kod
        sms şifresi
        sms şifreniz
        sms kodu
        """,
    "ru": """
        код подтверждения
        кода подтверждения
        код проверки
        код верификации
        код безопасности
        код доступа
        код активации
        код для входа
        код входа
        код авторизации
        одноразовый код
        одноразовый пароль
        сеансовый пароль
        проверочный код
        пароль для входа
        пароль для подтверждения
        смс код
        sms код
        код из смс
        parol dlya podtverzhdeniya
        kod podtverzhdeniya
        """,
    "uk": """
        код підтвердження
        код перевірки
        код безпеки
        код доступу
        код активації
        код для входу
        одноразовий код
        одноразовий пароль
        """,
    "ar": """
        رمز التحقق
        رمز التاكيد
        رمز الامان
        رمز الدخول
        رمز التفعيل
        رمز المرور لمره واحده
        رمز لمره واحده
        كود التحقق
        كود التفعيل
        كود التاكيد
        كلمه المرور لمره واحده
        كلمه مرور لمره واحده
        """,
    "fa": """
        کد تایید
        کد تأیید
        کد فعالسازی
        کد فعال سازی
        کد ورود
        کد امنیتی
        کد احراز هویت
        کد یکبار مصرف
        رمز پویا
        رمز دوم پویا
        رمز یکبار مصرف
        رمز عبور یکبار مصرف
        """,
    "he": """
        קוד אימות
        קוד האימות
        קוד הכניסה
        קוד כניסה
        קוד חד פעמי
        סיסמה חד פעמית
        סיסמא חד פעמית
        הסיסמה החד פעמית
        הסיסמא החד פעמית
        """,
    "hi": """
        सत्यापन कोड
        पुष्टिकरण कोड
        सुरक्षा कोड
        लॉगिन कोड
        ओटीपी
        वन टाइम पासवर्ड
        एक बार का पासवर्ड
        """,
    "zh": """
        验证码
        驗證碼
        校验码
        校驗碼
        动态码
        动态密码
        動態密碼
        动态口令
        确认码
        安全码
        认证码
        認證碼
        登录码
        验证代码
        验证密码
        一次性密码
        一次性验证码
        激活码
        随机码
        随机密码
        短信密码
        交易密码
        """,
    "ja": """
        認証コード
        確認コード
        認証番号
        確認番号
        承認番号
        ワンタイムパスワード
        ワンタイムパスコード
        ワンタイムコード
        セキュリティコード
        検証コード
        ログインコード
        パスコード
        認証キー
        """,
    "ko": """
        인증번호
        인증 번호
        인증코드
        인증 코드
        확인코드
        확인 코드
        보안코드
        보안 코드
        승인번호
        일회용 비밀번호
        """,
    "vi": """
        mã xác thực
        mã xác nhận
        mã xác minh
        mã kích hoạt
        mã bảo mật
        mã đăng nhập
        mã otp
        mật khẩu một lần
        """,
    "id": """
        kode verifikasi
        kode otp
        kode keamanan
        kode konfirmasi
        kode aktivasi
        kode akses
        kode masuk
        kode sekali pakai
        kata sandi sekali pakai
        """,
    "fi": """
        vahvistuskoodi(a|si|n|nne)?
        kertakäyttökoodi(a|si|n|nne)?
        turvakoodi(a|si|n)?
        tunnistuskoodi(a|si|n)?
        kirjautumiskoodi(a|si|n)?
        varmennuskoodi(a|si|n)?
        kertakäyttösalasana
        """,
    "sv": """
        verifieringskod(en)?
        engångskod(en)?
        säkerhetskod(en)?
        bekräftelsekod(en)?
        inloggningskod(en)?
        engångslösenord(et)?
        """,
    "da": """
        bekræftelseskode(n)?
        engangskode(n)?
        sikkerhedskode(n)?
        verifikationskode(n)?
        """,
    "no": """
        bekreftelseskode(n)?
        sikkerhetskode(n)?
        engangspassord(et)?
        """,
    "cs": """
        ověřovací kód
        bezpečnostní kód
        jednorázový kód
        potvrzovací kód
        overovací kód
        """,
    "ro": """
        cod de verificare
        codul de verificare
        cod de securitate
        codul de securitate
        cod de confirmare
        codul de confirmare
        """,
    "el": """
        κωδικός επαλήθευσης
        κωδικός ασφαλείας
        κωδικός μιας χρήσης
        κωδικό επαλήθευσης
        """,
    "hu": """
        ellenőrző kód
        megerősítő kód
        biztonsági kód
        egyszer használatos kód
        """,
    "ka": """
        ერთჯერადი კოდი
        ერთჯერადი კოდია
        ertjeradi kodi
        """,
    "th": """
        รหัสยืนยัน
        รหัส otp
        รหัสผ่านแบบใช้ครั้งเดียว
        """,
    "ms": """
        kod pengesahan
        kod keselamatan
        kod tac
        """,
}

WEAK: dict[str, str] = {
    "*": "2fa",
    "en": """
        code
        codes
        pin
        password
        token
        """,
    "es": "código\nclave\ncontraseña\npin",
    "pt": "código\nsenha",
    "fr": "code\nmot de passe",
    "de": "code\nkennwort\npasswort\npin\ntan",
    "it": "codice\npassword",
    "nl": "code\nwachtwoord\npincode",
    "pl": "kod\nkodu\nkodem\nhasło\nhasła",
    "tr": "kod\nkodu\nkodunuz\nşifre\nşifreniz\nşifren\nparola",
    "ru": "код\nкода\nкодом\nпароль\nпароля",
    "uk": "пароль",
    "ar": "رمز\nرمزک\nالرمز\nبرمز\nکود\nالکود\nکلمه المرور",
    "fa": "کد\nرمز\nرمز عبور",
    "he": "קוד\nהקוד\nבקוד\nלקוד\nקודך\nסיסמה\nסיסמא\nסיסמתך\nהסיסמה\nהסיסמא",
    "hi": "कोड\nपासवर्ड\nपिन",
    "zh": "密码\n口令",
    "ja": "パスワード\nコード\n暗証番号",
    "ko": "비밀번호\n코드",
    "vi": "mật khẩu",
    "id": "kode\nkata sandi\nsandi",
    "fi": "koodi(a|si|n)?\nsalasana",
    "sv": "kod(en)?",
    "da": "kode(n)?",
    "cs": "kód",
    "ro": "codul",
    "el": "κωδικός\nκωδικό",
    "hu": "kód(od|ja)?",
    "ka": "კოდი\nkodi",
    "lv": "kods",
    "th": "รหัส",
    "ms": "tac",
}

VERIFY: dict[str, str] = {
    "en": """
        verify your email
        verify your e-mail
        verify your email address
        verify your account
        verify your identity
        verify it's you
        verify that it's you
        confirm your email
        confirm your email address
        confirm your account
        confirm your registration
        confirm it's you
        activate your account
        email verification
        verification link
        reset your password
        password reset
        magic link
        sign in link
        login link
        """,
    "es": """
        verifica tu correo
        verifica tu cuenta
        confirma tu correo
        confirma tu cuenta
        restablecer tu contraseña
        restablecer la contraseña
        """,
    "pt": """
        verifique seu e-mail
        confirme seu e-mail
        confirmar seu e-mail
        redefinir sua senha
        redefinição de senha
        """,
    "fr": """
        vérifiez votre adresse
        confirmez votre adresse
        confirmer votre adresse
        activer votre compte
        réinitialiser votre mot de passe
        """,
    "de": """
        bestätigen sie ihre e-mail
        bestätige deine e-mail
        e-mail-adresse bestätigen
        e-mail bestätigen
        konto aktivieren
        passwort zurücksetzen
        """,
    "it": """
        verifica il tuo indirizzo
        conferma il tuo indirizzo
        reimposta la password
        """,
    "nl": """
        bevestig je e-mailadres
        bevestig uw e-mailadres
        wachtwoord opnieuw instellen
        """,
    "pl": "potwierdź adres e-mail\nzresetuj hasło",
    "tr": "e-posta adresinizi doğrulayın\nşifrenizi sıfırlayın",
    "ru": "подтвердите адрес\nподтвердите email\nподтвердите почту\nсброс пароля\nсбросить пароль",
    "uk": "підтвердьте адресу\nскинути пароль",
    "ar": "تاکید بریدک\nتحقق من بریدک\nاعاده تعیین کلمه المرور",
    "fa": "تایید ایمیل\nبازنشانی رمز عبور",
    "he": "אימות כתובת\nאמת את כתובת\nאיפוס סיסמה",
    "hi": "ईमेल सत्यापित\nपासवर्ड रीसेट",
    "zh": """
        验证邮箱
        验证您的邮箱
        验证你的邮箱
        确认邮箱
        重置密码
        验证电子邮件
        激活帐户
        激活账户
        """,
    "ja": "メールアドレスの確認\nメールアドレスを確認\nパスワードの再設定\nパスワードをリセット",
    "ko": "이메일 인증\n이메일 주소 확인\n비밀번호 재설정",
    "vi": "xác minh email\nxác nhận email\nđặt lại mật khẩu",
    "id": "verifikasi email\nverifikasi alamat email\nkonfirmasi email\natur ulang kata sandi",
}

ACTION: dict[str, str] = {
    "en": "sign in\nlog in\nlogin\nverify\nconfirm\nenter\nuse",
    "es": "iniciar sesión\nintroduce\nintroduzca\ningresa\ningrese",
    "pt": "digite\ninsira\nentrar",
    "fr": "saisir\nsaisissez\nentrez\nconnexion",
    "de": "anmelden\nanmeldung\neingeben\ngib\ngeben sie",
    "it": "inserisci\naccedi",
    "nl": "voer\ninloggen",
    "pl": "wpisz\nwprowadź\nlogowania",
    "tr": "giriş\ngirin\ngiriniz",
    "ru": "введите\nвход",
    "uk": "введіть\nвхід",
    "zh": "登录\n登入\n输入",
    "ja": "ログイン\n入力",
    "ko": "로그인\n입력",
    "vi": "nhập\nđăng nhập",
    "id": "masukkan",
}

# Negative contexts, by category; see the module docstring.
NEGATIVE: dict[str, dict[str, str]] = {
    "promo": {
        "en": """
            promo code
            promotional code
            promo
            coupon
            coupon code
            discount code
            voucher
            voucher code
            gift code
            gift card
            referral code
            invite code
            invitation code
            redeem code
            """,
        "de": "rabattcode\ngutscheincode\ngutschein\naktionscode",
        "es": "código promocional\ncódigo de descuento\ncupón",
        "pt": "código promocional\ncódigo de desconto\ncupom",
        "fr": "code promo\ncode de réduction\nbon de réduction",
        "it": "codice sconto\ncodice promozionale",
        "nl": "kortingscode",
        "pl": "kod rabatowy\nkupon",
        "tr": "indirim kodu\nkupon",
        "ru": "промокод\nпромо код\nкупон",
        "uk": "промокод",
        "ar": "کود خصم\nکوبون",
        "fa": "کد تخفیف",
        "he": "קוד קופון\nקוד הנחה",
        "zh": "优惠码\n优惠券\n折扣码\n兑换码\n邀请码\n推荐码",
        "ja": "クーポン\nクーポンコード\n招待コード",
        "ko": "프로모션 코드\n쿠폰\n할인 코드",
        "vi": "mã giảm giá\nmã khuyến mãi",
        "id": "kode promo\nkode voucher\nkode diskon",
    },
    "reference": {
        "en": """
            order
            order number
            order no
            order id
            tracking
            tracking number
            tracking code
            shipment
            invoice
            invoice number
            receipt
            reference
            reference number
            ref
            ticket
            case
            case number
            booking
            reservation
            customer number
            member id
            transaction id
            serial number
            model
            version
            error code
            status code
            area code
            country code
            qr code
            bar code
            source code
            sort code
            swift code
            product code
            item code
            dress code
            code of conduct
            morse code
            """,
        "de": "bestellung\nbestellnummer\nauftrag\nsendungsnummer\nrechnung\nrechnungsnummer\n"
        "kundennummer\nbuchung\nfehlercode\nvorgangsnummer",
        "fr": "commande\nnuméro de commande\nfacture\nréférence\nréservation\ncode d'erreur",
        "es": "pedido\nnúmero de pedido\nfactura\nreferencia\nreserva\ncódigo de error",
        "pt": "encomenda\nnúmero do pedido\nfatura\nreferência",
        "it": "ordine\nfattura\nriferimento\nprenotazione",
        "nl": "bestelling\nbestelnummer\nfactuur\nreferentie",
        "pl": "zamówienie\nnumer zamówienia\nfaktura",
        "tr": "sipariş\nsipariş no\nfatura",
        "ru": "заказ\nномер заказа\nнакладная",
        "uk": "замовлення",
        "ar": "رقم الطلب\nفاتوره",
        "fa": "شماره سفارش\nسفارش\nرمز ارز\nرمزارز",
        "he": "הזמנה",
        "zh": "订单\n订单号\n编号\n单号\n流水号\n交易号\n识别码\n错误代码",
        "ja": "注文番号\n受付番号\nお問い合わせ番号\nエラーコード",
        "ko": "주문번호\n주문 번호",
        "vi": "mã đơn hàng\nđơn hàng\nmã gd\nmã giao dịch\ngiao dịch",
        "id": "nomor pesanan\npesanan\nresi",
    },
    "amount": {
        "en": "amount\ntotal\nsum\nprice\nbalance\nrs\ninr",
        "de": "betrag\nsumme\ngesamt\npreis",
        "fr": "montant\nprix",
        "es": "importe\nmonto\nprecio\nvalor",
        "pt": "valor\nquantia",
        "it": "importo",
        "nl": "bedrag",
        "pl": "kwota",
        "tr": "tutar",
        "ru": "сумма\nсумму",
        "uk": "сума\nсуму",
        "ar": "مبلغ\nالمبلغ",
        "fa": "مبلغ",
        "he": "סכום",
        "hi": "राशि",
        "zh": "金额\n付款金额\n消费",
        "ja": "ご利用金額\n金額\n利用金額",
        "ko": "금액",
        "vi": "số tiền",
        "id": "jumlah\nnominal",
    },
    "phone": {
        "en": """
            call
            call us
            call us at
            phone
            tel
            telephone
            mobile
            hotline
            helpline
            fax
            sms to
            text
            """,
        "de": "telefon\nanrufen\nrufen sie",
        "fr": "téléphone\nappelez\nappeler\nappelez le",
        "es": "teléfono\nllame\nllamar\nllama",
        "pt": "telefone\nligue",
        "it": "telefono\nchiama",
        "nl": "bel\ntelefoon",
        "pl": "zadzwoń\ntelefon",
        "tr": "arayın\ntelefon",
        "ru": "звоните\nпозвоните\nтелефон\nтел",
        "uk": "телефонуйте\nзателефонуйте\nтелефон",
        "ar": "اتصل\nهاتف",
        "fa": "تماس\nتلفن",
        "he": "טלפון",
        "hi": "कॉल\nफोन",
        "zh": "电话\n热线\n拨打\n客服",
        "ja": "電話",
        "ko": "전화\n고객센터",
        "vi": "lh\ngọi\nhotline",
        "id": "hubungi\ntelepon",
    },
    "account": {
        "en": """
            ending
            ending in
            ending with
            ends in
            ends with
            last 4 digits
            last four digits
            card
            a/c
            a/c no
            acct
            account
            account no
            account number
            iban
            """,
        "de": "endziffer\nendziffern\nendet auf\nendend auf\nkarte\nkonto\nkontonummer",
        "fr": "se terminant par\ncarte\ncompte",
        "es": "terminada en\nterminación\ntarjeta\ncuenta",
        "pt": "final\ncartão\nconta",
        "it": "carta\nconto",
        "nl": "eindigend op\nkaart\nrekening",
        "pl": "karta\nkarty\nkonto",
        "tr": "kart\nhesap",
        "ru": "карта\nкарты\nкарту\nсчет\nсчета",
        "uk": "картка\nкартки\nрахунок",
        "ar": "بطاقه\nحساب",
        "fa": "کارت\nحساب",
        "he": "כרטיס\nחשבון",
        "hi": "कार्ड\nखाता",
        "zh": "尾号\n末四位\n后四位\n后四码\n卡号\n账号\n帐号\n账户\n帐户",
        "ja": "カード\n口座\n下4桁\n末尾",
        "ko": "카드\n계좌",
        "vi": "tài khoản\nsố thẻ",
        "id": "kartu\nrekening",
    },
    "postal": {
        "en": "zip\nzip code\npostal code\npostcode\npo box",
        "de": "plz\npostleitzahl",
        "fr": "code postal",
        "es": "código postal",
        "pt": "cep",
        "ru": "индекс",
        "zh": "邮编",
        "ja": "郵便番号",
    },
    "year": {
        "en": "copyright\nsince\nyear",
        "de": "jahr",
    },
}

# Marketing vocabulary (message level): see PROMO in the module docstring.
PROMO: dict[str, str] = {
    "en": """
        sale
        discount
        off your
        shop now
        checkout
        free shipping
        limited time
        deals
        """,
    "de": "rabatt\nangebot\nsale",
    "fr": "réduction\nsoldes\noffre",
    "es": "descuento\noferta",
    "pt": "desconto\npromoção",
    "it": "sconto\nofferta",
    "nl": "korting\naanbieding",
    "pl": "rabat\npromocja",
    "tr": "indirim\nkampanya",
    "ru": "скидка\nскидку\nакция",
    "uk": "знижка\nзнижку",
    "ar": "تخفیض\nخصم",
    "fa": "تخفیف",
    "he": "הנחה",
    "hi": "छूट",
    "zh": "优惠\n折扣\n促销",
    "ja": "割引\nセール",
    "ko": "할인\n세일",
    "vi": "giảm giá\nkhuyến mãi",
    "id": "diskon",
}

# Short function words used to break ties between the languages a shared keyword ("code",
# "OTP") belongs to. Written folded (lower case, no accents).
STOPWORDS: dict[str, str] = {
    "en": "your is the to this for you not and do share it of use",
    "de": "ist dein deine ihr ihre der die das nicht und fur sie zu mit diesen teile",
    "fr": "est votre le la de ne pas vous pour et ce",
    "nl": "je uw is de het niet en voor van deze jouw",
    "es": "es tu su el la de no para y con lo",
    "pt": "e seu sua o de nao para com voce",
    "it": "e il tuo di non per la con",
    "pl": "to twoj jest nie i na do",
    "tr": "bu ile ve icin kimseyle",
    "id": "anda ini dan untuk jangan",
    "vi": "ma cua quy khach la cho khong tai va de nhap",
    "ms": "anda ini dan untuk jangan",
    "fi": "on sinun ja ei",
    "sv": "din ar och inte",
    "da": "din er og ikke",
    "ro": "este tau si nu",
}
