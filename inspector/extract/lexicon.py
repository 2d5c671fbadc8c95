"""Multilingual keyword tables of the extraction engine (pure data).

Each table maps a language code (ISO 639-1; ``"*"``: every language) to its fragments,
separated by ``;``. A fragment is written naturally (accents, capitals, traditional Chinese
allowed): it is folded the same way as the text before matching (see ``normalize.fold_keys``),
a space or hyphen in it matches any run of spaces/hyphens (also none), and ``(a|b)`` /
``(a|b)?`` spell inflections out (``koodi(a|si)?`` is koodi, koodia, koodisi).

Kinds:

* STRONG: names a verification / one-time code; its presence alone makes a message a
  verification message.
* ACCESS: "passcode", "access code", "confirmation code": STRONG, except in a message about a
  meeting, booking or door (``lexicon_context.EVENT``), where they name that event's code.
* WEAK: "code", "PIN", "password"...: a code only when a plausible candidate sits next to it.
* VERIFY: a link-only verification or reset ("verify your email address"): a verification
  message even without a code.
* ACTION: "sign in", "verify", "enter"...: pulls a nearby candidate a little; alone, only a
  candidate right next to it counts ("Use 552019 to verify your account").

The negative contexts and marketing words are in ``lexicon_context``.
"""

from __future__ import annotations

STRONG: dict[str, str] = {
    # "*": shared by every language; the language is then guessed from the text.
    "*": "otp; 2fa code; sms code; sms token; mtan; smstan; sms tan; pushtan; photo tan",
    "en": (
        "verification code; verification codes; verification pin; verification number; "
        "verify code; validation code; security code; "
        "authentication code; authorization code; auth code; login code; log in code; "
        "logon code; sign in code; signin code; activation code; one time code; "
        "one time pass code; one time passcode; one time password; one time pin; one time p/w; "
        "single use code; temporary code; temporary password; reset code; password reset code; "
        "two factor code; two factor authentication code; 2 step verification code"
    ),
    "es": (
        "código de verificación; código de seguridad; "
        "código de activación; código de autenticación; código de validación; "
        "código de un solo uso; código temporal; código otp; código sms; clave de un solo uso; "
        "clave temporal; clave dinámica; clave de firma; contraseña temporal; "
        "contraseña de un solo uso; contraseña dinámica"
    ),
    "pt": (
        "código de verificação; código de segurança; "
        "código de ativação; código de autenticação; código de validação; código de uso único; "
        "código temporário; senha temporária; senha de uso único; senha dinâmica; "
        "token de segurança"
    ),
    "fr": (
        "code de vérification; code de sécurité; code d'authentification; "
        "code d'activation; code de connexion; code de validation; "
        "code à usage unique; code provisoire; code temporaire; code secret; code sms; "
        "mot de passe à usage unique; mot de passe temporaire; mot de passe unique"
    ),
    "de": (
        "verifizierungscode; verifikationscode; "
        "sicherheitscode; aktivierungscode; authentifizierungscode; anmeldecode; "
        "einmalcode; einmal code; einmalpasswort; einmalkennwort; einmal kennwort; freigabecode; "
        "prüfcode; registrierungscode; login code"
    ),
    "it": (
        "codice di verifica; codice di sicurezza; "
        "codice di attivazione; codice di autenticazione; codice di autorizzazione; "
        "codice monouso; codice otp; codice temporaneo; password monouso; password temporanea; "
        "password usa e getta"
    ),
    "nl": (
        "verificatiecode; beveiligingscode; inlogcode; "
        "activatiecode; authenticatiecode; controlecode; eenmalige code; eenmalig wachtwoord; "
        "tijdelijke code"
    ),
    "pl": (
        "kod weryfikacyjny; kodem weryfikacyjnym; kodu weryfikacyjnego; kod potwierdzający; "
        "kod autoryzacyjny; kod autoryzacji; kod jednorazowy; kod bezpieczeństwa; "
        "kod aktywacyjny; kod logowania; kod sms; hasło jednorazowe; hasło do autoryzacji; "
        "hasło sms"
    ),
    "tr": (
        "doğrulama kodu; doğrulama kodunuz; doğrulama kodunu; onay kodu; onay kodunuz; "
        "güvenlik kodu; güvenlik kodunuz; güvenlik kodunu; giriş kodu; giriş kodunuz; "
        "aktivasyon kodu; "
        "tek kullanımlık şifre; tek kullanımlık şifreniz; tek kullanımlık kod; sms şifresi; "
        "sms şifreniz; sms kodu"
    ),
    "ru": (
        "код подтверждения; кода подтверждения; код проверки; код верификации; код безопасности; "
        "код активации; код для входа; код входа; код авторизации; одноразовый код; "
        "одноразовый пароль; сеансовый пароль; проверочный код; пароль для входа; "
        "пароль для подтверждения; смс код; sms код; код из смс; parol dlya podtverzhdeniya; "
        "kod podtverzhdeniya"
    ),
    "uk": (
        "код підтвердження; код перевірки; код безпеки; код активації; "
        "код для входу; одноразовий код; одноразовий пароль"
    ),
    "ar": (
        "رمز التحقق; رمز التاكيد; رمز الامان; رمز الدخول; رمز التفعيل; رمز المرور لمره واحده; "
        "رمز لمره واحده; كود التحقق; كود التفعيل; كود التاكيد; كلمه المرور لمره واحده; "
        "كلمه مرور لمره واحده"
    ),
    "fa": (
        "کد تایید; کد تأیید; کد فعالسازی; کد فعال سازی; کد ورود; کد امنیتی; کد احراز هویت; "
        "کد یکبار مصرف; رمز پویا; رمز دوم پویا; رمز یکبار مصرف; رمز عبور یکبار مصرف; رمز امنیتی; "
        "یکباررمز"
    ),
    "he": (
        "קוד אימות; קוד האימות; קוד הכניסה; קוד כניסה; קוד חד פעמי; סיסמה חד פעמית; "
        "סיסמא חד פעמית; הסיסמה החד פעמית; הסיסמא החד פעמית"
    ),
    "hi": (
        "सत्यापन कोड; पुष्टिकरण कोड; सुरक्षा कोड; लॉगिन कोड; ओटीपी; वन टाइम पासवर्ड; एक बार का पासवर्ड"
    ),
    "zh": (
        "验证码; 驗證碼; 校验码; 校驗碼; 动态码; 动态密码; 動態密碼; 动态口令; 确认码; 安全码; "
        "认证码; 認證碼; 登录码; 验证代码; 验证密码; 一次性密码; 一次性验证码; 激活码; 随机码; "
        "随机密码; 短信密码; 交易密码"
    ),
    "ja": (
        "認証コード; 確認コード; 認証番号; 確認番号; 承認番号; ワンタイムパスワード; "
        "ワンタイムパスコード; ワンタイムコード; セキュリティコード; 検証コード; ログインコード; "
        "認証キー"
    ),
    "ko": (
        "인증번호; 인증 번호; 인증코드; 인증 코드; 확인코드; 확인 코드; 보안코드; 보안 코드; "
        "승인번호; 일회용 비밀번호; 일회용 암호"
    ),
    "vi": (
        "mã xác thực; mã xác nhận; mã xác minh; mã kích hoạt; mã bảo mật; mã an toàn; "
        "mã đăng nhập; mã otp; mật khẩu một lần"
    ),
    "id": (
        "kode verifikasi; kode otp; kode keamanan; kode konfirmasi; kode aktivasi; "
        "kode masuk; kode sekali pakai; kata sandi sekali pakai"
    ),
    "fi": (
        "vahvistuskoodi(a|si|n|nne)?; kertakäyttökoodi(a|si|n|nne)?; turvakoodi(a|si|n)?; "
        "tunnistuskoodi(a|si|n)?; kirjautumiskoodi(a|si|n)?; varmennuskoodi(a|si|n)?; "
        "kertakäyttösalasana"
    ),
    "sv": (
        "verifieringskod(en)?; engångskod(en)?; säkerhetskod(en)?; bekräftelsekod(en)?; "
        "inloggningskod(en)?; engångslösenord(et)?"
    ),
    "da": "bekræftelseskode(n)?; engangskode(n)?; sikkerhedskode(n)?; verifikationskode(n)?",
    "no": "bekreftelseskode(n)?; sikkerhetskode(n)?; engangspassord(et)?",
    "cs": (
        "ověřovací kód; bezpečnostní kód; jednorázový kód; potvrzovací kód; overovací kód; "
        "jednorázové heslo"
    ),
    "ro": (
        "cod de verificare; codul de verificare; cod de securitate; codul de securitate; "
        "cod de confirmare; codul de confirmare"
    ),
    "el": "κωδικός επαλήθευσης; κωδικός ασφαλείας; κωδικός μιας χρήσης; κωδικό επαλήθευσης",
    "hu": (
        "ellenőrző kód; megerősítő kód; biztonsági kód; egyszer használatos kód; "
        "egyszeri jelszó; egyszeri jelszavad; egyszeri jelszava; egyszeri jelszót"
    ),
    "ka": "ერთჯერადი კოდი; ერთჯერადი კოდია; ertjeradi kodi",
    "th": "รหัสยืนยัน; รหัส otp; รหัสผ่านแบบใช้ครั้งเดียว",
    "ms": "kod pengesahan; kod keselamatan; kod tac; kata laluan satu kali",
}


# Strong everywhere but in a message about an event (a meeting, a booking, a door or locker: see
# ``lexicon_context.EVENT``), where the same words name the meeting passcode, the door's access
# code or the booking's confirmation code: not a verification code.
ACCESS: dict[str, str] = {
    "en": "passcode; access code; confirmation code; confirm code",
    "es": "código de acceso; código de confirmación",
    "pt": "código de acesso; código de confirmação",
    "fr": "code d'accès; code de confirmation",
    "de": "zugangscode; bestätigungscode; bestaetigungscode",
    "it": "codice di accesso; codice di conferma",
    "nl": "toegangscode; bevestigingscode",
    "pl": "kod dostępu",
    "ru": "код доступа",
    "uk": "код доступу",
    "ja": "パスコード",
    "id": "kode akses",
}


WEAK: dict[str, str] = {
    "*": "2fa",
    "en": "code; codes; pin; password; token",
    "es": "código; clave; contraseña; pin",
    "pt": "código; senha",
    "fr": "code; mot de passe",
    "de": "code; kennwort; passwort; pin; tan",
    "it": "codice; password",
    "nl": "code; wachtwoord; pincode",
    "pl": "kod; kodu; kodem; hasło; hasła",
    "tr": "kod; kodu; kodunu; kodunuz; şifre; şifreniz; şifren; parola",
    "ru": "код; кода; кодом; пароль; пароля",
    "uk": "пароль",
    "ar": "رمز; رمزک; الرمز; برمز; کود; الکود; کلمه المرور; الرقم السري",
    "fa": "کد; رمز; رمز عبور; عدد محرمانه",
    "he": "קוד; הקוד; בקוד; לקוד; קודך; סיסמה; סיסמא; סיסמתך; הסיסמה; הסיסמא",
    "hi": "कोड; पासवर्ड; पिन",
    "zh": "密码; 口令",
    "ja": "パスワード; コード; 暗証番号",
    "ko": "비밀번호; 코드",
    "vi": "mã của bạn; mã khôi phục; mật khẩu",
    "id": "kode; kata sandi; sandi",
    "fi": "koodi(a|si|n)?; salasana",
    "sv": "kod(en)?",
    "da": "kode(n)?",
    "cs": "kód",
    "ro": "codul",
    "el": "κωδικός; κωδικό",
    "hu": "kód(od|ja)?",
    "ka": "კოდი; kodi",
    "lv": "kods",
    "th": "รหัส",
    "ms": "tac",
}


VERIFY: dict[str, str] = {
    "en": (
        "verify your email; verify your e-mail; verify your email address; verify your account; "
        "verify your identity; verify it's you; verify that it's you; confirm your email; "
        "confirm your email address; confirm your account; confirm your registration; "
        "confirm it's you; activate your account; email verification; verification link; "
        "reset your password; password reset; magic link; sign in link; login link"
    ),
    "es": (
        "verifica tu correo; verifica tu cuenta; confirma tu correo; confirma tu cuenta; "
        "restablecer tu contraseña; restablecer la contraseña"
    ),
    "pt": (
        "verifique seu e-mail; confirme seu e-mail; confirmar seu e-mail; redefinir sua senha; "
        "redefinição de senha"
    ),
    "fr": (
        "vérifiez votre adresse; confirmez votre adresse; confirmer votre adresse; "
        "activer votre compte; réinitialiser votre mot de passe"
    ),
    "de": (
        "bestätigen sie ihre e-mail; bestätige deine e-mail; e-mail-adresse bestätigen; "
        "e-mail bestätigen; konto aktivieren; passwort zurücksetzen"
    ),
    "it": "verifica il tuo indirizzo; conferma il tuo indirizzo; reimposta la password",
    "nl": "bevestig je e-mailadres; bevestig uw e-mailadres; wachtwoord opnieuw instellen",
    "pl": "potwierdź adres e-mail; zresetuj hasło",
    "tr": "e-posta adresinizi doğrulayın; şifrenizi sıfırlayın",
    "ru": (
        "подтвердите адрес; подтвердите email; подтвердите почту; сброс пароля; сбросить пароль"
    ),
    "uk": "підтвердьте адресу; скинути пароль",
    "ar": "تاکید بریدک; تحقق من بریدک; اعاده تعیین کلمه المرور",
    "fa": "تایید ایمیل; بازنشانی رمز عبور",
    "he": "אימות כתובת; אמת את כתובת; איפוס סיסמה",
    "hi": "ईमेल सत्यापित; पासवर्ड रीसेट",
    "zh": (
        "验证邮箱; 验证您的邮箱; 验证你的邮箱; 确认邮箱; 重置密码; 验证电子邮件; 激活帐户; 激活账户"
    ),
    "ja": "メールアドレスの確認; メールアドレスを確認; パスワードの再設定; パスワードをリセット",
    "ko": "이메일 인증; 이메일 주소 확인; 비밀번호 재설정",
    "vi": "xác minh email; xác nhận email; đặt lại mật khẩu",
    "id": "verifikasi email; verifikasi alamat email; konfirmasi email; atur ulang kata sandi",
}


ACTION: dict[str, str] = {
    "en": "sign in; log in; login; verify; confirm; enter; use",
    "es": "iniciar sesión; introduce; introduzca; ingresa; ingrese",
    "pt": "digite; insira; entrar",
    "fr": "saisir; saisissez; entrez; connexion",
    "de": "anmelden; anmeldung; eingeben; gib; geben sie",
    "it": "inserisci; accedi",
    "nl": "voer; inloggen",
    "pl": "wpisz; wprowadź; logowania",
    "tr": "giriş; girin; giriniz",
    "ru": "введите; вход",
    "uk": "введіть; вхід",
    "zh": "登录; 登入; 输入",
    "ja": "ログイン; 入力",
    "ko": "로그인; 입력",
    "vi": "nhập; đăng nhập",
    "id": "masukkan",
}
