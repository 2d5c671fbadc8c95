"""What each synthetic message says: one builder per kind of mail a real mailbox holds.

Shares (of all messages): newsletters 30%, personal mail 20%, receipts and shipping 17%,
notifications 22%, spam 4%, link-only sign-up confirmations 2%, verification codes 5%.
Receipts, statements and notices are full of numbers that are *not* codes (order numbers,
prices, tracking numbers, card endings, booking PINs, promo codes): the decoys.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from testkit.corpus import gen_html as h
from testkit.corpus.gen_lang import (
    CODE_TEMPLATES,
    FIRST_NAMES,
    LAST_NAMES,
    NEWSLETTERS,
    PERSONAL_DOMAINS,
    PROMO_CODES,
    SENTENCES,
)
from testkit.corpus.gen_senders import (
    NEWSLETTER_MTA,
    OWNER_NAME,
    SERVICES,
    Sender,
    personal_sender,
)


@dataclass(slots=True)
class Draft:
    kind: str
    sender: Sender
    subject: str
    lang: str = "en"
    text: str | None = None
    html: str | None = None
    files: list[tuple[str, str, int]] = field(default_factory=list)  # name, type, size
    headers: list[tuple[str, str]] = field(default_factory=list)
    code: str | None = None  # the code as shown
    folder: str = "INBOX"
    labels: str = "Inbox,Opened"
    style: str = "generic"  # multipart boundary style
    html_cte: str | None = None  # force the HTML part's transfer encoding (realistic profile)


_OWNER_FIRST = OWNER_NAME.split()[0]


def clip(text: str, size: int) -> str:
    """At most ``size`` characters, cut at a word boundary (CJK text has none: cut anywhere)."""
    if len(text) <= size:
        return text
    cut = text[:size]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


def _sentences(rng: random.Random, lang: str, n: int) -> list[str]:
    bank = SENTENCES.get(lang) or SENTENCES["en"]
    return [rng.choice(bank) for _ in range(n)]


# ---------------------------------------------------------------------------------------------
# Verification codes


def make_code(rng: random.Random, style: str) -> str:
    if style == "digits4":
        return f"{rng.randrange(10**4):04d}"
    if style == "digits8":
        return f"{rng.randrange(10**8):08d}"
    if style == "dashed":
        return f"{rng.randrange(1000):03d}-{rng.randrange(1000):03d}"
    if style in ("alnum5", "alnum6"):
        size = 5 if style == "alnum5" else 6
        letters, digits = "BCDFGHJKMNPQRTVWXY", "2346789"
        chars = [rng.choice(letters), rng.choice(digits)]
        chars += [rng.choice(letters + digits) for _ in range(size - 2)]
        rng.shuffle(chars)
        return "".join(chars)
    return f"{rng.randrange(10**6):06d}"


def verification(rng: random.Random) -> Draft:
    service = rng.choice(SERVICES)
    langs = service.langs
    lang = "en" if "en" in langs and rng.random() < 0.35 else rng.choice(langs)
    t = CODE_TEMPLATES[lang]
    code = make_code(rng, service.code_style)
    minutes = rng.choice((5, 10, 10, 15, 30, 60))
    fill = {"code": code, "service": service.name, "name": _OWNER_FIRST, "minutes": minutes}
    subject = rng.choice(t.subjects).format(**fill)
    greeting = t.greeting.format(**fill)
    validity = t.validity.format(**fill)
    ignore, signoff = t.ignore, t.signoff.format(**fill)
    if rng.random() < 0.7:
        intro = t.intro.format(**fill)
        text = f"{greeting}\n\n{intro}\n\n{code}\n\n{validity}\n\n{ignore}\n\n{signoff}\n"
        inner = [
            h.logo_row(service.name, service.domain),
            h.paragraph(greeting),
            h.paragraph(intro),
            h.code_box(code),
        ]
    else:
        sentence = t.inline.format(**fill)
        text = f"{greeting}\n\n{sentence} {validity}\n\n{ignore}\n\n{signoff}\n"
        inner = [
            h.logo_row(service.name, service.domain),
            h.paragraph(greeting),
            h.paragraph(f"{sentence} {validity}"),
        ]
    inner += [
        h.paragraph(ignore, size=13, color="#666666"),
        h.paragraph(signoff),
        h.footer(service.name, service.domain, "1 Example Plaza, Dublin 2, Ireland"),
    ]
    page = h.page(subject, "\n".join(inner), lang=lang, preheader=validity)
    shape = rng.random()
    draft = Draft("verification", service, subject, lang, code=code)
    draft.text = text if shape < 0.75 else None
    draft.html = page if shape >= 0.15 else None
    draft.style = "outlook" if service.mta == "outlook" else "generic"
    draft.labels = "Inbox,Important,Opened"
    if rng.random() < 0.08:
        draft.folder, draft.labels = "Junk", "Spam"
    return draft


def signup_link(rng: random.Random) -> Draft:
    """A confirmation link, no code: looks like verification, must yield no code."""
    service = rng.choice(SERVICES)
    token = "".join(rng.choice("abcdefghijkmnopqrstuvwxyz0123456789") for _ in range(40))
    url = f"https://www.{service.domain}/verify-email?token={token}&uid={rng.randrange(10**9)}"
    subject = f"Confirm your email address for {service.name}"
    text = (
        f"Hi {_OWNER_FIRST},\n\nPlease confirm your email address by opening this link:\n\n"
        f"{url}\n\nThe link is valid for 24 hours.\n\nThe {service.name} team\n"
    )
    inner = "\n".join(
        [
            h.logo_row(service.name, service.domain),
            h.paragraph("Please confirm your email address."),
            h.button("Confirm email", url),
            h.paragraph("The link is valid for 24 hours.", size=13),
        ]
    )
    return Draft("signup_link", service, subject, "en", text, h.page(subject, inner, lang="en"))


# ---------------------------------------------------------------------------------------------
# Newsletters, personal mail


def newsletter(rng: random.Random) -> Draft:
    name, domain, lang = rng.choice(NEWSLETTERS)
    mta, prefix, first, dkim = rng.choice(NEWSLETTER_MTA)
    sender = Sender(
        "news",
        name,
        f"newsletter@news.{domain}",
        f"bounce-{rng.randrange(10**6)}@mail.{domain}",
        mta,
        prefix,
        first,
        0.0,
        dkim or ("s1", f"news.{domain}"),
    )
    if rng.random() < 0.35:
        sender = Sender(
            sender.key, name, sender.address, sender.envelope, mta, prefix, first, 0.0, None
        )
    lines = _sentences(rng, lang, rng.randint(4, 12))
    subject = clip(lines[0], 70)
    blocks = [h.logo_row(name, domain)]
    text_lines = [
        f"{name} — view this email in your browser: https://www.{domain}/e/{rng.randrange(10**9)}",
        "",
    ]
    for i, line in enumerate(lines):
        title = clip(line.split(",")[0].rstrip("."), 60)
        blocks.append(h.article(rng, domain, title, " ".join(_sentences(rng, lang, 3))))
        text_lines += [title, line, f"https://www.{domain}/a/{i}-{rng.randrange(10**6)}", ""]
    promo = None
    if rng.random() < 0.3:
        promo = rng.choice(PROMO_CODES)
        blocks.append(h.paragraph(f"Use code {promo} at checkout for 20% off. Valid until 30/11."))
        text_lines.append(f"Use code {promo} at checkout for 20% off. Valid until 30/11.")
    blocks.append(h.footer(name, domain, "Unit 4, 221 Example Street, London EC2A 4NE"))
    text_lines.append(f"Unsubscribe: https://www.{domain}/unsubscribe?u=robin")
    draft = Draft(
        "newsletter",
        sender,
        subject,
        lang,
        "\n".join(text_lines) + "\n",
        h.page(subject, "\n".join(blocks), lang=lang, preheader=lines[-1]),
    )
    if rng.random() < 0.2:
        draft.text = None
    draft.headers = [
        (
            "List-Unsubscribe",
            f"<https://www.{domain}/unsubscribe?u=robin>, "
            f"<mailto:unsubscribe@news.{domain}?subject=unsubscribe>",
        ),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("List-Id", f"{name} <newsletter.news.{domain}>"),
        ("Precedence", "bulk"),
        (
            "X-Mailer",
            {
                "mailchimp": "MailChimp Mailer - **CID" + str(rng.randrange(10**9)) + "**",
                "sendgrid": "SendGrid",
                "ses": "Amazon SES",
            }.get(mta, "PHPMailer 6.8.0"),
        ),
    ]
    draft.labels = "Category Promotions,Opened" if rng.random() < 0.6 else "Category Updates"
    if rng.random() < 0.08:
        draft.folder, draft.labels = "Junk", "Spam"
    return draft


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    local = f"{first}.{last}".lower().replace("'", "")
    local = local.encode("ascii", "ignore").decode() or "friend"
    return (
        f"{first} {last}",
        f"{local}{rng.randrange(100) if rng.random() < 0.3 else ''}@"
        + rng.choice(PERSONAL_DOMAINS),
    )


def personal(rng: random.Random) -> Draft:
    name, addr = _person(rng)
    lang = rng.choice(
        ("en", "en", "en", "de", "fr", "es", "pt", "it", "ru", "ja", "zh", "nl", "pl", "tr", "ko")
    )
    sender = personal_sender("person", name, addr, rng.choice((-5, 0, 1, 2, 3, 9)))
    lines = _sentences(rng, lang, rng.randint(2, 6))
    subject = clip(lines[0].rstrip("."), 50)
    body = f"{rng.choice(('Hi', 'Hey', 'Hallo', 'Salut', 'Hola'))} {_OWNER_FIRST},\n\n"
    body += "\n\n".join(lines) + f"\n\n{name.split()[0]}\n"
    draft = Draft("personal", sender, subject, lang, body)
    if rng.random() < 0.3:
        draft.subject = "Re: " + subject
        quoted = "\n".join("> " + x for x in _sentences(rng, lang, 3))
        draft.text = (
            f"{body}\nOn Tue, 3 Nov 2026 at 18:42, {OWNER_NAME} <robin.fischer@gmail.com>"
            f" wrote:\n{quoted}\n"
        )
        draft.headers.append(("In-Reply-To", f"<CA+{rng.randrange(10**12)}@mail.gmail.com>"))
        draft.headers.append(("References", f"<CA+{rng.randrange(10**12)}@mail.gmail.com>"))
    if sender.mta == "google" or rng.random() < 0.3:
        draft.html = h.gmail_div(draft.text or body)
        draft.style = "google" if sender.mta == "google" else "apple"
    if rng.random() < 0.12:
        kind = rng.choice(("png", "jpg", "pdf"))
        size = rng.randint(6_000, 60_000)
        ctype = {"png": "image/png", "jpg": "image/jpeg", "pdf": "application/pdf"}[kind]
        draft.files.append((f"IMG_{rng.randrange(1000, 9999)}.{kind}", ctype, size))
    return draft
