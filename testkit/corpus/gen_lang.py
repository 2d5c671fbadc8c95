"""Words for the synthetic corpus: verification templates and everyday text in several languages.

Verification templates mirror what services really send: the code on a line of its own or
inline after a keyword, the lifetime, and the "ignore this if it was not you" line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CodeTemplate:
    lang: str
    subjects: tuple[str, ...]
    greeting: str
    intro: str  # followed by the code on its own line
    inline: str  # the code inside a sentence
    validity: str
    ignore: str
    signoff: str


CODE_TEMPLATES: dict[str, CodeTemplate] = {
    "en": CodeTemplate(
        "en",
        ("{code} is your {service} verification code", "Your {service} verification code",
         "Verify your {service} account", "Your {service} security code",
         "{service} password reset code"),
        "Hi {name},",
        "Use the code below to finish signing in to {service}:",
        "Your verification code is {code}. Enter it in the app to continue.",
        "This code expires in {minutes} minutes.",
        "If you didn't request this, you can safely ignore this email. Someone may have "
        "typed your email address by mistake.",
        "Thanks,\nThe {service} team",
    ),
    "de": CodeTemplate(
        "de",
        ("Dein {service}-Bestätigungscode", "{code} ist dein {service}-Code",
         "Bestätige deine E-Mail-Adresse bei {service}"),
        "Hallo {name},",
        "gib den folgenden Bestätigungscode ein, um die Anmeldung abzuschließen:",
        "Dein Bestätigungscode lautet {code}. Gib ihn in der App ein.",
        "Der Code ist {minutes} Minuten lang gültig.",
        "Wenn du das nicht angefordert hast, kannst du diese E-Mail ignorieren.",
        "Viele Grüße\nDein {service}-Team",
    ),
    "fr": CodeTemplate(
        "fr",
        ("Votre code de vérification {service}", "{code} est votre code {service}",
         "Confirmez votre adresse e-mail"),
        "Bonjour {name},",
        "Voici votre code de vérification :",
        "Votre code de vérification est {code}. Saisissez-le dans l'application.",
        "Ce code expire dans {minutes} minutes.",
        "Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail.",
        "Cordialement,\nL'équipe {service}",
    ),
    "es": CodeTemplate(
        "es",
        ("Tu código de verificación de {service}", "{code} es tu código de {service}",
         "Confirma tu cuenta de {service}"),
        "Hola, {name}:",
        "Usa este código para completar el inicio de sesión:",
        "Tu código de verificación es {code}. Introdúcelo en la aplicación.",
        "Este código caduca en {minutes} minutos.",
        "Si no lo solicitaste, ignora este correo.",
        "Saludos,\nEl equipo de {service}",
    ),
    "pt": CodeTemplate(
        "pt",
        ("Seu código de verificação do {service}", "{code} é o seu código do {service}"),
        "Olá, {name},",
        "Use o código abaixo para confirmar que é você:",
        "Seu código de verificação é {code}. Digite-o no aplicativo.",
        "Este código expira em {minutes} minutos.",
        "Se você não fez essa solicitação, ignore este e-mail.",
        "Atenciosamente,\nEquipe {service}",
    ),
    "it": CodeTemplate(
        "it",
        ("Il tuo codice di verifica {service}", "{code} è il tuo codice {service}"),
        "Ciao {name},",
        "ecco il tuo codice di verifica:",
        "Il tuo codice di verifica è {code}. Inseriscilo nell'app.",
        "Il codice scade tra {minutes} minuti.",
        "Se non hai richiesto tu il codice, ignora questa email.",
        "Grazie,\nIl team di {service}",
    ),
    "nl": CodeTemplate(
        "nl",
        ("Je {service}-verificatiecode", "{code} is je {service}-code"),
        "Hallo {name},",
        "Gebruik de onderstaande code om in te loggen:",
        "Je verificatiecode is {code}. Vul hem in de app in.",
        "Deze code verloopt over {minutes} minuten.",
        "Heb je dit niet aangevraagd? Negeer dan deze e-mail.",
        "Groeten,\nHet {service}-team",
    ),
    "pl": CodeTemplate(
        "pl",
        ("Twój kod weryfikacyjny {service}", "{code} to Twój kod {service}"),
        "Cześć {name},",
        "Oto Twój kod weryfikacyjny:",
        "Twój kod weryfikacyjny to {code}. Wpisz go w aplikacji.",
        "Kod wygaśnie za {minutes} minut.",
        "Jeśli to nie Ty, zignoruj tę wiadomość.",
        "Pozdrawiamy,\nZespół {service}",
    ),
    "ru": CodeTemplate(
        "ru",
        ("Код подтверждения {service}", "{code} — ваш код {service}",
         "Подтвердите вход в {service}"),
        "Здравствуйте, {name}!",
        "Ваш код подтверждения:",
        "Ваш код подтверждения: {code}. Введите его в приложении.",
        "Код действителен {minutes} минут.",
        "Если вы не запрашивали код, просто проигнорируйте это письмо.",
        "С уважением,\nКоманда {service}",
    ),
    "tr": CodeTemplate(
        "tr",
        ("{service} doğrulama kodunuz", "{code} {service} doğrulama kodunuzdur"),
        "Merhaba {name},",
        "Doğrulama kodunuz:",
        "Doğrulama kodunuz {code}. Uygulamaya girin.",
        "Bu kod {minutes} dakika geçerlidir.",
        "Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın.",
        "Teşekkürler,\n{service} Ekibi",
    ),
    "ja": CodeTemplate(
        "ja",
        ("{service} の確認コード", "【{service}】認証コードのお知らせ"),
        "{name} 様",
        "確認コードは次のとおりです:",
        "確認コードは {code} です。アプリに入力してください。",
        "このコードの有効期限は{minutes}分です。",
        "お心当たりがない場合は、このメールを無視してください。",
        "{service} チーム",
    ),
    "zh": CodeTemplate(
        "zh",
        ("您的{service}验证码", "【{service}】验证码通知"),
        "{name}，您好：",
        "您的验证码是：",
        "您的验证码为 {code}，请在应用中输入。",
        "验证码{minutes}分钟内有效。",
        "如非本人操作，请忽略本邮件。",
        "{service}团队",
    ),
    "ko": CodeTemplate(
        "ko",
        ("{service} 인증 코드", "[{service}] 인증번호 안내"),
        "{name}님, 안녕하세요.",
        "인증 코드는 다음과 같습니다:",
        "인증 코드는 {code}입니다. 앱에 입력하세요.",
        "이 코드는 {minutes}분 동안 유효합니다.",
        "요청하지 않으셨다면 이 메일을 무시하세요.",
        "{service} 드림",
    ),
}  # fmt: skip


#: Everyday sentences per language, for personal mail and newsletter articles.
SENTENCES: dict[str, tuple[str, ...]] = {
    "en": (
        "Thanks for sending the photos from the weekend, they turned out great.",
        "Are we still on for dinner on Thursday? I booked a table for seven.",
        "I've attached the draft; let me know what you think before Friday.",
        "The meeting moved to room 4021 on the second floor, same time.",
        "Our spring collection is here, with new colours and lighter fabrics.",
        "We tested twelve budget laptops so you don't have to.",
        "Five easy recipes for busy weeknights, ready in under 30 minutes.",
        "The train was delayed again, so I'll call you when I get home.",
        "Mum says hi and asks whether you're coming for the holidays.",
        "Here is everything that changed in this release, and what's coming next.",
        "Members save 20% on selected items until Sunday at midnight.",
        "Could you send me the invoice for October when you get a chance?",
    ),
    "de": (
        "Danke für die Fotos vom Wochenende, die sind richtig schön geworden.",
        "Bleibt es beim Abendessen am Donnerstag? Ich habe einen Tisch für sieben reserviert.",
        "Im Anhang findest du den Entwurf, sag mir bitte bis Freitag Bescheid.",
        "Unsere neue Kollektion ist da, mit frischen Farben und leichteren Stoffen.",
        "Fünf schnelle Rezepte für die Woche, fertig in weniger als 30 Minuten.",
        "Der Zug hatte wieder Verspätung, ich rufe dich an, wenn ich zu Hause bin.",
        "Mitglieder sparen bis Sonntag 20 % auf ausgewählte Artikel.",
    ),
    "fr": (
        "Merci pour les photos du week-end, elles sont magnifiques.",
        "On maintient le dîner de jeudi ? J'ai réservé une table pour sept heures.",
        "Je t'envoie le brouillon en pièce jointe, dis-moi ce que tu en penses.",
        "Notre nouvelle collection est arrivée, avec des couleurs plus douces.",
        "Cinq recettes faciles pour les soirs de semaine, prêtes en 30 minutes.",
        "Le train avait encore du retard, je t'appelle en rentrant.",
    ),
    "es": (
        "Gracias por las fotos del fin de semana, quedaron geniales.",
        "¿Seguimos con la cena del jueves? Reservé mesa para las siete.",
        "Te adjunto el borrador, dime qué te parece antes del viernes.",
        "Ya llegó nuestra nueva colección, con colores más frescos.",
        "Cinco recetas fáciles para cenar entre semana en menos de 30 minutos.",
    ),
    "pt": (
        "Obrigado pelas fotos do fim de semana, ficaram ótimas.",
        "Ainda vamos jantar na quinta? Reservei uma mesa para as sete.",
        "Segue em anexo o rascunho, me diga o que acha até sexta.",
        "A nova coleção chegou, com cores mais leves e tecidos frescos.",
    ),
    "it": (
        "Grazie per le foto del fine settimana, sono venute benissimo.",
        "Confermiamo la cena di giovedì? Ho prenotato per le sette.",
        "Ti allego la bozza, fammi sapere cosa ne pensi entro venerdì.",
    ),
    "nl": (
        "Bedankt voor de foto's van het weekend, ze zijn prachtig geworden.",
        "Gaat het etentje donderdag nog door? Ik heb om zeven uur gereserveerd.",
    ),
    "pl": (
        "Dzięki za zdjęcia z weekendu, wyszły świetnie.",
        "Czy kolacja w czwartek jest aktualna? Zarezerwowałem stolik na siódmą.",
    ),
    "ru": (
        "Спасибо за фотографии с выходных, они получились отличными.",
        "Ужин в четверг в силе? Я забронировал столик на семь.",
        "Прикладываю черновик, напиши, что думаешь, до пятницы.",
        "Новая коллекция уже в продаже: свежие цвета и лёгкие ткани.",
    ),
    "ja": (
        "週末の写真をありがとう。とてもよく撮れていました。",
        "木曜日の夕食の予定は変わりませんか？七時に予約しました。",
        "新しいコレクションが入荷しました。軽やかな素材と新色をお楽しみください。",
    ),
    "zh": (
        "谢谢你发来周末的照片，拍得真好。",
        "周四的晚饭还照常吗？我订了七点的位子。",
        "新品上市，清爽配色，轻盈面料，欢迎选购。",
    ),
    "tr": (
        "Hafta sonu fotoğrafları için teşekkürler, harika olmuşlar.",
        "Perşembe akşam yemeği hâlâ geçerli mi? Saat yediye masa ayırttım.",
    ),
    "ko": (
        "주말 사진 보내줘서 고마워, 정말 잘 나왔어.",
        "목요일 저녁 약속 그대로지? 일곱 시로 예약했어.",
    ),
}  # fmt: skip

FIRST_NAMES = (
    "Alice", "Ben", "Chloé", "Diego", "Emma", "Felix", "Giulia", "Hana", "Ivan", "Jonas",
    "Katarzyna", "Léa", "Mateo", "Nadia", "Olga", "Pedro", "Rin", "Sofia", "Tomás", "Wei",
    "Yusuf", "Zoë", "Márta", "Søren", "Ángel",
)  # fmt: skip
LAST_NAMES = (
    "Müller", "García", "Rossi", "Nowak", "Ivanova", "Tanaka", "Chen", "Dubois", "Silva",
    "Jansen", "Yılmaz", "Kim", "O'Brien", "Smith", "Andersen", "Kowalski", "Petrov",
)  # fmt: skip
PERSONAL_DOMAINS = (
    "gmail.com", "outlook.com", "yahoo.co.uk", "gmx.de", "orange.fr", "libero.it", "mail.ru",
    "hotmail.es", "web.de", "icloud.com", "proton.me", "yandex.ru", "naver.com", "qq.com",
)  # fmt: skip

SHOPS = (
    ("Amazon", "amazon.com", "en", "$"),
    ("Zalando", "zalando.de", "de", "€"),
    ("Fnac", "fnac.com", "fr", "€"),
    ("El Corte Inglés", "elcorteingles.es", "es", "€"),
    ("Mercado Livre", "mercadolivre.com.br", "pt", "R$"),
    ("IKEA", "ikea.com", "en", "€"),
    ("Rakuten", "rakuten.co.jp", "ja", "¥"),
    ("Ozon", "ozon.ru", "ru", "₽"),
    ("Allegro", "allegro.pl", "pl", "zł"),
    ("Bol.com", "bol.com", "nl", "€"),
)  # fmt: skip

PRODUCTS = (
    "USB-C charging cable 2 m", "Wireless mouse M185", "Stainless steel water bottle 750 ml",
    "Paperback: The Overstory", "Running socks (3 pairs)", "LED desk lamp", "AA batteries 12-pack",
    "Ceramic coffee mug", "Phone case, clear", "Notebook A5 dotted", "HDMI 2.1 cable",
    "Bluetooth speaker", "Yoga mat 6 mm", "Kitchen scale", "Wool scarf",
)  # fmt: skip

NEWSLETTERS = (
    ("The Verge", "theverge.com", "en"),
    ("Medium Daily Digest", "medium.com", "en"),
    ("Spotify", "spotify.com", "en"),
    ("Zalando", "zalando.de", "de"),
    ("Le Monde", "lemonde.fr", "fr"),
    ("El País", "elpais.com", "es"),
    ("Booking.com", "booking.com", "en"),
    ("Duolingo", "duolingo.com", "en"),
    ("Uniqlo", "uniqlo.com", "ja"),
    ("AliExpress", "aliexpress.com", "zh"),
    ("Kaspersky", "kaspersky.ru", "ru"),
    ("Decathlon", "decathlon.it", "it"),
)  # fmt: skip

PROMO_CODES = ("SAVE20", "WELCOME15", "BLACKFRIDAY", "FREESHIP", "AUTUMN25", "VIP10")
