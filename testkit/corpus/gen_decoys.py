"""Mail full of numbers that are not verification codes: receipts, statements, notices, spam."""

from __future__ import annotations

import random

from testkit.corpus import gen_html as h
from testkit.corpus.gen_content import Draft
from testkit.corpus.gen_lang import PRODUCTS, SHOPS
from testkit.corpus.gen_senders import OWNER_NAME, SHOP_MTA, Sender

_LABELS: dict[str, tuple[str, str, str, str, str]] = {
    # order number, order date, total, tracking number, "thank you for your order"
    "en": ("Order number", "Order date", "Order total", "Tracking number",
           "Thank you for your order"),
    "de": ("Bestellnummer", "Bestelldatum", "Gesamtsumme", "Sendungsnummer",
           "Vielen Dank für deine Bestellung"),
    "fr": ("Numéro de commande", "Date de commande", "Total", "Numéro de suivi",
           "Merci pour votre commande"),
    "es": ("Número de pedido", "Fecha del pedido", "Total", "Número de seguimiento",
           "Gracias por tu pedido"),
    "pt": ("Número do pedido", "Data do pedido", "Total", "Código de rastreio",
           "Obrigado pela sua compra"),
    "ja": ("注文番号", "注文日", "合計", "お問い合わせ番号", "ご注文ありがとうございます"),
    "ru": ("Номер заказа", "Дата заказа", "Итого", "Трек-номер", "Спасибо за заказ"),
    "pl": ("Numer zamówienia", "Data zamówienia", "Razem", "Numer przesyłki",
           "Dziękujemy za zamówienie"),
    "nl": ("Bestelnummer", "Besteldatum", "Totaal", "Track & trace-code",
           "Bedankt voor je bestelling"),
}  # fmt: skip


def _order_number(rng: random.Random, domain: str) -> str:
    if domain == "amazon.com":
        return f"{rng.randrange(100, 999)}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"
    if domain == "rakuten.co.jp":
        shop, day, serial = rng.randrange(10**6), rng.randrange(100, 130), rng.randrange(10**10)
        return f"{shop:06d}-20261{day}-{serial:010d}"
    if domain in ("fnac.com", "elcorteingles.es"):
        return f"FN{rng.randrange(10**4):04d}-{rng.randrange(10**4):04d}"
    return f"{rng.randrange(10**7, 10**8)}"


def _tracking(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return f"1Z{rng.randrange(10**3):03d}AA1{rng.randrange(10**10):010d}"  # UPS
    if kind == 1:
        return f"JJD{rng.randrange(10**16):016d}"  # DHL
    if kind == 2:
        return f"LX{rng.randrange(10**9):09d}DE"  # UPU S10
    return f"3SABCD{rng.randrange(10**7):07d}"  # PostNL


def _money(amount: float, currency: str) -> str:
    if currency in ("$", "¥", "R$"):
        return f"{currency}{amount:,.2f}" if currency != "¥" else f"¥{int(amount * 100):,}"
    whole = f"{amount:,.2f}".replace(",", " ").replace(".", ",")
    return f"{whole} {currency}"


def receipt(rng: random.Random) -> Draft:
    shop, domain, lang, currency = rng.choice(SHOPS)
    mta, prefix, first, tz, dkim = SHOP_MTA[domain]
    sender = Sender(
        "shop", shop, f"order-update@{domain}", f"bounces@{domain}", mta, prefix, first, tz, dkim
    )
    labels = _LABELS.get(lang, _LABELS["en"])
    order = _order_number(rng, domain)
    rows = []
    total = 0.0
    for _ in range(rng.randint(1, 5)):
        qty = rng.randint(1, 3)
        price = round(rng.uniform(2, 180), 2)
        total += qty * price
        rows.append((rng.choice(PRODUCTS), qty, _money(qty * price, currency)))
    day = rng.randint(1, 24)
    shipped = rng.random() < 0.4
    tracking = _tracking(rng) if shipped else None
    subject = (
        f"{labels[4]} — {labels[0]} {order}"
        if not shipped
        else f"Your {shop} order #{order} has shipped"
    )
    text = [
        f"{labels[4]}, {OWNER_NAME}!",
        "",
        f"{labels[0]}: {order}",
        f"{labels[1]}: {day:02d}.11.2026",
        "",
    ]
    text += [f"{qty} x {name}  {price}" for name, qty, price in rows]
    text += ["", f"{labels[2]}: {_money(total, currency)}"]
    if tracking:
        text += [f"{labels[3]}: {tracking}", f"https://track.{domain}/{tracking}"]
    text += [
        "",
        f"Delivery to: {OWNER_NAME}, Lindenstraße 12, 10969 Berlin",
        f"Questions? Call us at +49 30 {rng.randrange(10**7, 10**8)} (Mon–Fri 8–20).",
    ]
    inner = [
        h.logo_row(shop, domain),
        h.paragraph(f"{labels[4]}, {OWNER_NAME}!", size=20),
        h.paragraph(f"{labels[0]}: {order}\n{labels[1]}: {day:02d}.11.2026"),
        h.items_table(rows, labels[2], _money(total, currency)),
    ]
    if tracking:
        inner.append(h.paragraph(f"{labels[3]}: {tracking}"))
        inner.append(h.button("Track package", f"https://track.{domain}/{tracking}"))
    inner.append(h.footer(shop, domain, "Registered office: 5 Example Road, Luxembourg"))
    draft = Draft(
        "receipt",
        sender,
        subject,
        lang,
        "\n".join(text) + "\n",
        h.page(subject, "\n".join(inner), lang=lang),
    )
    draft.labels = "Category Updates,Opened"
    if rng.random() < 0.3:
        draft.files.append((f"Invoice_{order}.pdf", "application/pdf", rng.randint(8_000, 40_000)))
    return draft


_NOTICES = (
    ("bank", "Your November statement is ready",
     "Your statement for the card ending in {card} is ready. Balance: €{amount}. Minimum payment "
     "due on 28.11.2026."),
    ("bank", "Card payment of €{amount} at REWE",
     "A payment of €{amount} was made with your card ending in {card} on 12.11.2026 at 18:{mm}."),
    ("security", "New sign-in to your account",
     "We noticed a new sign-in from Chrome on Windows (IP 203.0.113.{ip}) at 14:{mm}. If this was"
     " you, there's nothing to do."),
    ("security", "We sent a verification code to your phone",
     "We sent a verification code by SMS to your phone number ending in {card}. Enter it in the "
     "app to continue. We never ask for this code by email."),
    ("security", "Two-step verification is on",
     "Two-step verification is now on for your account. Backup codes were created on 03.11.2026."),
    ("social", "{friend} commented on your photo",
     "{friend} commented: \"Looks amazing! 😍\" — 14 likes, 3 comments. Reply on the app."),
    ("dev", "[acme/widgets] Issue #{issue}: crash when saving large files (#{issue})",
     "@{friend} opened issue #{issue}: Saving a file over 2048 MB crashes with error 0x{hexv}. "
     "Steps to reproduce in build 4.{mm}.{card}."),
    ("travel", "Booking confirmation {booking}",
     "Your booking is confirmed. Confirmation number: {booking} · PIN: {card}. Check-in from 15:00"
     " on 14 Dec 2026. Hotel Aurora, Room 4{mm}."),
    ("calendar", "Invitation: Team sync @ Thu 19 Nov 2026 10:30 - 11:00 (CET)",
     "Join with Google Meet: https://meet.google.com/abc-defg-hij · Dial-in: +49 30 {booking} "
     "PIN: {pin}#"),
)  # fmt: skip


def notification(rng: random.Random) -> Draft:
    kind, subject, text = rng.choice(_NOTICES)
    fill = {
        "card": f"{rng.randrange(10**4):04d}",
        "amount": f"{rng.uniform(5, 2500):,.2f}",
        "mm": f"{rng.randrange(60):02d}",
        "ip": rng.randrange(1, 255),
        "friend": rng.choice(("Léa", "Mateo", "Hana", "Jonas", "Olga")),
        "issue": rng.randrange(100, 9999),
        "hexv": f"{rng.randrange(16**8):08X}",
        "booking": f"{rng.randrange(10**9, 10**10)}",
        "pin": f"{rng.randrange(10**9):09d}",
    }
    subject, text = subject.format(**fill), text.format(**fill)
    domain = {
        "bank": "n26.com",
        "security": "accounts.example-cloud.com",
        "social": "facebookmail.com",
        "dev": "github.com",
        "travel": "booking.com",
        "calendar": "google.com",
    }[kind]
    sender = Sender(
        "notice",
        kind.title(),
        f"no-reply@{domain}",
        f"bounce@{domain}",
        rng.choice(("postfix", "ses", "sendgrid")),
        "192.0.2",
        160,
        0.0,
        ("s1", domain) if kind in ("social", "dev", "calendar") else None,
    )
    inner = "\n".join(
        [
            h.logo_row(kind.title(), domain),
            h.paragraph(text),
            h.footer(kind.title(), domain, "PO Box 100, Example City"),
        ]
    )
    draft = Draft(
        "notification",
        sender,
        subject,
        "en",
        f"{text}\n\n--\n{domain}\n",
        h.page(subject, inner, lang="en") if rng.random() < 0.7 else None,
    )
    draft.labels = "Category Updates,Opened"
    if kind == "calendar" and rng.random() < 0.5:
        draft.files.append(("invite.ics", "text/calendar", 0))
    return draft


def spam(rng: random.Random) -> Draft:
    ref = f"GB-{rng.randrange(10**5)}/{rng.randrange(10**4)}"
    subjects = (
        f"Congratulations! You have won €{rng.randrange(100, 999)},000.00",
        "Your account will be suspended in 24 hours",
        "URGENT: unclaimed package fee 1.99 EUR",
        f"Re: Invoice {rng.randrange(10**6)} overdue",
    )
    subject = rng.choice(subjects)
    text = (
        f"Dear Customer,\n\n{subject}. Reference number: {ref}. Batch: {rng.randrange(10**6)}"
        f".\nTo claim, reply with your full name and phone number within 48 hours.\n\n"
        f"http://claim-{rng.randrange(10**4)}.example/?id={rng.randrange(10**12)}\n"
    )
    domain = f"promo{rng.randrange(100)}.example"
    sender = Sender(
        "spam",
        "Customer Service",
        f"info@{domain}",
        f"x{rng.randrange(10**6)}@{domain}",
        "postfix",
        "203.0.113",
        224,
        0.0,
        None,
    )
    draft = Draft("spam", sender, subject, "en", text, None)
    draft.folder, draft.labels = "Junk", "Spam"
    return draft
