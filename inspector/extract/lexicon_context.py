"""Keyword tables for what is *not* a code (pure data); the format is ``lexicon``'s.

* NEGATIVE: contexts whose number is not a code (promo code, order number, amount, phone,
  masked card, postcode, year). A candidate right after one is rejected; a code keyword inside
  one ("code" in "promo code") does not count. Category "event" also marks the whole message
  as being about a meeting, booking or door (see ``lexicon.ACCESS``).
* ELSEWHERE: "we sent it to your phone": a message naming a code it does not carry is then a
  notice, not a verification message.
* LIST_FOOTER: "unsubscribe": bulk mail, a newsletter unless its subject names a code.
* PROMO: marketing vocabulary; with no STRONG keyword the message is a newsletter, not a
  verification message, and its promo codes are not codes.
* BOUNCE: a delivery status notification: its numbers are never the person's code.
* STOPWORDS: function words that tell languages sharing a keyword apart.
"""

from __future__ import annotations

# Negative contexts, by category.
NEGATIVE: dict[str, dict[str, str]] = {
    "promo": {
        "en": (
            "promo code; promotional code; promo; coupon; coupon code; discount code; voucher; "
            "voucher code; gift code; gift card; referral code; invite code; invitation code; "
            "redeem code; claim code; prize code; bonus code; reward code; identifier code; "
            "redemption code; donation code; offer code; priority code; rep code; "
            "sales rep code; registration code; license key; licence key; product key"
        ),
        "de": "rabattcode; gutscheincode; gutschein; aktionscode",
        "es": (
            "código promocional; código de descuento; cupón; clave de licencia; "
            "clave de producto; clave del producto"
        ),
        "pt": "código promocional; código de desconto; cupom",
        "fr": "code promo; code de réduction; bon de réduction",
        "it": "codice sconto; codice promozionale",
        "nl": "kortingscode",
        "pl": "kod rabatowy; kupon",
        "tr": "indirim kodu; kupon",
        "ru": "промокод; промо код; купон",
        "uk": "промокод",
        "ar": "کود خصم; کوبون",
        "fa": "کد تخفیف",
        "he": "קוד קופון; קוד הנחה",
        "zh": "优惠码; 优惠券; 折扣码; 兑换码; 邀请码; 推荐码",
        "ja": "クーポン; クーポンコード; 招待コード",
        "ko": "프로모션 코드; 쿠폰; 할인 코드",
        "vi": "mã giảm giá; mã khuyến mãi",
        "id": "kode promo; kode voucher; kode diskon",
        "th": "ส่วนลด; โค้ดส่วนลด; ลดสูงสุด; โค้ดลับ; คูปอง; โปรโมชั่น",
    },
    "reference": {
        "en": (
            "order; order number; order no; order id; tracking; tracking number; tracking code; "
            "shipment; invoice; invoice number; receipt; reference; reference number; ref; "
            "ticket; case; case number; booking; reservation; customer number; member id; "
            "transaction id; serial number; model; version; error code; status code; area code; "
            "country code; dialing code; dialling code; international access code; "
            "intl access code; intl. access code; country access code; qr code; bar code; "
            "source code; sort code; swift code; product code; "
            "item code; dress code; code of conduct; morse code; purchase code; "
            "purchase number; order code; transaction code; receipt number; error; dns error; "
            "smtp error; error number; queue id; diagnostic code; reply code; response code; "
            "exit code; return code; protocol number; reference code; approval code; "
            "approval number; approval no; bug; bug number; customer code; billing code; "
            "service charge code"
        ),
        "de": (
            "bestellung; bestellnummer; auftrag; sendungsnummer; rechnung; rechnungsnummer; "
            "kundennummer; buchung; fehlercode; vorgangsnummer"
        ),
        "fr": "commande; numéro de commande; facture; référence; réservation; code d'erreur; "
        "numéro de suivi; code de suivi",
        "es": "pedido; número de pedido; factura; referencia; reserva; código de error; "
        "código de seguimiento; número de seguimiento",
        "pt": "encomenda; número do pedido; fatura; referência; código de rastreio; "
        "código de rastreamento",
        "it": "ordine; fattura; riferimento; prenotazione; codice di tracciamento",
        "nl": "bestelling; bestelnummer; factuur; referentie; track & trace code; trackingcode",
        "pl": "zamówienie; numer zamówienia; faktura",
        "tr": "sipariş; sipariş no; fatura",
        "ru": "заказ; номер заказа; накладная",
        "uk": "замовлення",
        "ar": "رقم الطلب; فاتوره",
        "fa": "شماره سفارش; سفارش; رمز ارز; رمزارز",
        "he": "הזמנה",
        "zh": "订单; 订单号; 编号; 单号; 流水号; 交易号; 识别码; 错误代码",
        "ja": "注文番号; 受付番号; お問い合わせ番号; エラーコード",
        "ko": "주문번호; 주문 번호",
        "vi": "mã đơn hàng; đơn hàng; mã gd; mã giao dịch; giao dịch",
        # A bill's "service charge code" and customer code, a parcel, a booking number.
        "th": "ค่าบริการรหัส; รหัสลูกค้า; หมายเลขลูกค้า; หมายเลขการจอง; พัสดุ; เลขพัสดุ",
        "lo": "ລະຫັດລູກຄ້າ",
        "id": "nomor pesanan; pesanan; resi",
    },
    "amount": {
        "en": "amount; total; sum; price; balance; rs; inr",
        "de": "betrag; summe; gesamt; preis",
        "fr": "montant; prix",
        "es": "importe; monto; precio; valor",
        "pt": "valor; quantia",
        "it": "importo",
        "nl": "bedrag; totaal",
        "pl": "kwota",
        "tr": "tutar",
        "ru": "сумма; сумму",
        "uk": "сума; суму",
        "ar": "مبلغ; المبلغ",
        "fa": "مبلغ",
        "he": "סכום",
        "hi": "राशि",
        "zh": "金额; 付款金额; 消费",
        "ja": "ご利用金額; 金額; 利用金額",
        "ko": "금액",
        "vi": "số tiền",
        "id": "jumlah; nominal",
        "th": "จำนวน; จำนวนเงิน; ยอดเงิน; ยอดรวม",
    },
    "phone": {
        "en": (
            "call; call us; call us at; phone; tel; telephone; mobile; hotline; helpline; fax; "
            "sms to; text"
        ),
        "de": "telefon; anrufen; rufen sie",
        "fr": "téléphone; appelez; appeler; appelez le",
        "es": "teléfono; llame; llamar; llama",
        "pt": "telefone; ligue",
        "it": "telefono; chiama",
        "nl": "bel; telefoon",
        "pl": "zadzwoń; telefon",
        "tr": "arayın; telefon",
        "ru": "звоните; позвоните; телефон; тел",
        "uk": "телефонуйте; зателефонуйте; телефон",
        "ar": "اتصل; هاتف",
        "fa": "تماس; تلفن",
        "he": "טלפון",
        "hi": "कॉल; फोन",
        "zh": "电话; 热线; 拨打; 客服",
        "ja": "電話",
        "ko": "전화; 고객센터",
        "vi": "lh; gọi; hotline",
        "id": "hubungi; telepon",
    },
    "account": {
        "en": (
            "ending; ending in; ending with; ends in; ends with; last 4 digits; "
            "last four digits; card; a/c; a/c no; acct; account; account no; account number; "
            "iban"
        ),
        "de": "endziffer; endziffern; endet auf; endend auf; karte; konto; kontonummer",
        "fr": "se terminant par; carte; compte",
        "es": "terminada en; terminación; tarjeta; cuenta",
        "pt": "final; cartão; conta",
        "it": "carta; conto",
        "nl": "eindigend op; kaart; rekening",
        "pl": "karta; karty; konto",
        "tr": "kart; hesap",
        "ru": "карта; карты; карту; счет; счета",
        "uk": "картка; картки; рахунок",
        "ar": "بطاقه; حساب",
        "fa": "کارت; حساب",
        "he": "כרטיס; חשבון",
        "hi": "कार्ड; खाता",
        "zh": "尾号; 末四位; 后四位; 后四码; 卡号; 账号; 帐号; 账户; 帐户",
        "ja": "カード; 口座; 下4桁; 末尾",
        "ko": "카드; 계좌",
        "vi": "tài khoản; số thẻ",
        "id": "kartu; rekening",
    },
    "postal": {
        "en": "zip; zip code; postal code; postcode; po box",
        "de": "plz; postleitzahl",
        "fr": "code postal",
        "es": "código postal",
        "pt": "cep",
        "ru": "индекс",
        "zh": "邮编",
        "ja": "郵便番号",
    },
    "year": {
        "en": "copyright; since; year",
        "de": "jahr",
    },
    # "Code" in another sense: program text, law, and a person's code (a verification text
    # says "your code", never "his code"); "code" inside one pulls no candidate.
    "sense": {
        "en": (
            "kernel code; machine code; program code; code base; "
            "codebase; code review; code snippet; html code; javascript code; python code; "
            "shellcode; shell code; bytecode; bytecodes; opcode; us code; u.s. code; "
            "united states code; code of federal regulations; penal code; civil code; "
            "criminal code; tax code; "
            "building code; his code; her code; their code"
        ),
        "de": "quellcode; programmcode; maschinencode",
        "fr": "code source; code pénal; code civil; code de la route",
        "es": "código fuente; código penal; código civil",
        "pt": "código fonte; código-fonte; código penal; código civil",
        "it": "codice sorgente; codice penale; codice civile",
        "ru": "исходный код; программный код",
        "zh": "源代码; 源码",
        "ja": "ソースコード",
    },
    # A user name given with it: a weak keyword ("password", "PIN") next to one names that
    # account's credentials, not a one-time code (see ``extract``).
    "credentials": {
        "en": "user name; username; login name; login id; user id; userid",
        "de": "benutzername; benutzerkennung",
        "fr": "nom d'utilisateur; identifiant",
        "es": "nombre de usuario",
        "pt": "nome de usuário; nome de utilizador",
        "it": "nome utente",
        "nl": "gebruikersnaam",
        "pl": "nazwa użytkownika",
        "ru": "имя пользователя",
        "zh": "用户名",
        "ja": "ユーザー名; ユーザーid",
    },
    # A message about an event: a meeting (its ID, dial-in and passcode), a booking or stay
    # (confirmation number, check-in), a door, gate or parcel locker. Its numbers open that
    # event, not an account: the PIN of a dial-in or of a hotel booking is no verification
    # code, and "passcode"/"access code" there (``lexicon.ACCESS``) are not code keywords.
    "event": {
        "en": (
            "meeting id; meeting number; meeting passcode; meeting password; meeting pin; "
            "meeting code; conference id; conference pin; conference code; participant code; "
            "participant pin; attendee pin; host key; host pin; moderator pin; webinar id; "
            "dial in; dial in number; dial by your location; join by phone; join zoom meeting; "
            "zoom meeting; join with google meet; google meet; microsoft teams meeting; "
            "teams meeting; webex meeting; calendar invitation; google calendar; "
            "booking confirmation; booking confirmed; booking is confirmed; your booking; "
            "booking number; booking reference; booking pin; reservation confirmation; "
            "reservation confirmed; reservation is confirmed; your reservation; "
            "reservation number; check in; your stay; room number; door code; "
            "door pin; gate code; entry code; entrance code; key code; keypad code; lockbox; "
            "key box; key safe; parcel locker; locker; pickup code; pick up code; "
            "collection code; boarding pass; e-ticket; wifi password; wi-fi password; "
            "alarm code"
        ),
        "de": (
            "meeting-id; besprechungs-id; konferenz-id; einwahlnummer; einwahl; "
            "buchungsbestätigung; ihre buchung; deine buchung; buchungsnummer; "
            "reservierungsbestätigung; ihre reservierung; türcode; tür-code; schließfach; "
            "packstation; abholcode"
        ),
        "fr": (
            "id de réunion; numéro de conférence; confirmation de réservation; "
            "votre réservation; numéro de réservation; code de la porte; code porte; "
            "digicode; consigne; code de retrait"
        ),
        "es": (
            "id de reunión; confirmación de reserva; tu reserva; su reserva; "
            "número de reserva; código de la puerta; casillero; taquilla; código de recogida"
        ),
        "pt": (
            "id da reunião; confirmação de reserva; sua reserva; número da reserva; "
            "código da porta; código de retirada"
        ),
        "it": (
            "id riunione; conferma di prenotazione; la tua prenotazione; "
            "numero di prenotazione; codice della porta; codice di ritiro"
        ),
        "nl": (
            "vergader-id; boekingsbevestiging; je boeking; uw boeking; "
            "reserveringsbevestiging; je reservering; uw reservering; deurcode; pakketkluis; "
            "ophaalcode"
        ),
        "pl": "potwierdzenie rezerwacji; twoja rezerwacja; kod do drzwi; paczkomat; kod odbioru",
        "ru": (
            "идентификатор конференции; подтверждение бронирования; ваше бронирование; "
            "номер бронирования; код домофона; постамат; код получения"
        ),
        "zh": "会议号; 会议密码; 预订确认; 取件码; 取餐码; 门禁密码",
        "ja": "会議id; ミーティングid; 予約確認; ご予約; 受取番号",
        "ko": "회의 id; 예약 확인; 예약번호; 픽업 코드",
    },
}


# A delivery status notification (bounce report, RFC 3464) or a mail system's failure notice:
# it reports on another message, and whatever code that message held was never the
# person's to enter (its numbers are queue ids, SMTP and DNS error numbers, dates).
BOUNCE: dict[str, str] = {
    "en": (
        "reporting-mta; final-recipient; original-recipient; diagnostic-code; remote-mta; "
        "x-postfix-queue-id; delivery status notification; undelivered mail returned to sender; "
        "mail delivery failed; mail delivery subsystem; returning message to sender; "
        "could not be delivered to one or more recipients; your message wasn't delivered to; "
        "delivery to the following recipient failed; delivery has failed to these recipients; "
        "this is the mail system at host; message delivery has been delayed"
    ),
    "de": "unzustellbar; konnte nicht zugestellt werden; nicht zustellbar",
    "fr": "message non remis; n'a pas pu être remis",
    "es": "no se pudo entregar el mensaje; mensaje no entregado",
}


# The footer of bulk mail. Transactional mail sent through mailing services carries it too, so
# alone it does not make a newsletter: only with no code keyword in the subject and no
# link-only verification phrase anywhere (see ``extract``).
LIST_FOOTER: dict[str, str] = {
    "en": "unsubscribe; manage preferences; email preferences; manage your email preferences",
    "de": "abbestellen; newsletter abmelden; vom newsletter abmelden",
    "fr": "se désabonner; désabonner; se désinscrire; désinscrire",
    "es": "darse de baja; cancelar suscripción; cancelar la suscripción",
    "pt": "descadastrar; cancelar inscrição; cancelar assinatura",
    "it": "annulla iscrizione; disiscriviti",
    "nl": "uitschrijven",
    "pl": "wypisz się; zrezygnuj z subskrypcji",
    "tr": "abonelikten çık",
    "ru": "отписаться; отказаться от рассылки",
    "zh": "退订; 取消订阅",
    "ja": "配信停止; 購読解除",
    "ko": "수신거부; 구독 취소",
}


# Phrases saying a code went to another channel ("we sent a code to your phone"). A message
# that names a code, carries none and says this is a notice about a verification, not one.
ELSEWHERE: dict[str, str] = {
    "en": (
        "to your phone; to your mobile; to your mobile phone; to your phone number; "
        "to your mobile number; to your number; by sms; via sms; by text; via text; "
        "by text message; via text message; in a text message; as a text message; "
        "authenticator app"
    ),
    "de": (
        "per sms; an ihre handynummer; an ihr handy; an ihre mobilnummer; "
        "an deine handynummer; an dein handy; authenticator-app"
    ),
    "fr": "par sms; sur votre téléphone; sur votre mobile; à votre numéro",
    "es": "por sms; a tu teléfono; a su teléfono; a tu móvil; a su móvil; a tu celular",
    "pt": "por sms; para o seu celular; para seu celular; para o seu telemóvel",
    "it": "via sms; tramite sms; al tuo cellulare; al tuo numero",
    "nl": "per sms; naar je telefoon; naar uw telefoon; naar je mobiele nummer",
    "pl": "sms-em; na twój telefon; na twój numer",
    "tr": "sms ile; telefonunuza; cep telefonunuza",
    "ru": "по смс; в смс; на ваш телефон; на ваш номер; на номер телефона",
    "zh": "发送到您的手机; 发送至您的手机; 已发送至手机",
    "ja": "携帯電話に送信; ショートメッセージで送信",
    "ko": "문자로 발송; 휴대폰으로 발송; 휴대폰으로 전송",
}


# Marketing vocabulary (message level).
PROMO: dict[str, str] = {
    "en": "sale; discount; off your; % off; percent off; off with code; shop now; checkout; "
    "free shipping; limited time; deals; newsletter; register now",
    "de": "rabatt; angebot; sale",
    "fr": "réduction; soldes; offre",
    "es": "descuento; oferta",
    "pt": "desconto; promoção",
    "it": "sconto; offerta",
    "nl": "korting; aanbieding",
    "pl": "rabat; promocja",
    "tr": "indirim; kampanya",
    "ru": "скидка; скидку; акция",
    "uk": "знижка; знижку",
    "ar": "تخفیض; خصم",
    "fa": "تخفیف",
    "he": "הנחה",
    "hi": "छूट",
    "zh": "优惠; 折扣; 促销",
    "ja": "割引; セール",
    "ko": "할인; 세일",
    "vi": "giảm giá; khuyến mãi",
    "id": "diskon",
}


# Short function words used to break ties between the languages a shared keyword ("code",
# "OTP") belongs to. Written folded (lower case, no accents), separated by spaces.
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
