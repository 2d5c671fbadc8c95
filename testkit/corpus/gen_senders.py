"""Who sends the synthetic mail, through which kind of MTA, from which addresses.

IP addresses come from the documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24,
203.0.113.0/24), so nothing here points at a real host. The DKIM (selector, domain) pairs are
few on purpose: the DNS benchmark counts one query per distinct pair.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The mailbox owner: the corpus reads like a Google Takeout export of this account.
OWNER_NAME = "Robin Fischer"
OWNER = "robin.fischer@gmail.com"


@dataclass(frozen=True, slots=True)
class Sender:
    key: str
    name: str
    address: str
    envelope: str  # Return-Path (RFC 5321 MAIL FROM): the SPF domain
    mta: str  # postfix | exim | outlook | ses | sendgrid | google | mailchimp
    ip_prefix: str  # first three octets of the sender's /24-ish block
    ip_first: int  # first host number of its block (a /28)
    tz_hours: float
    dkim: tuple[str, str] | None = None  # (selector, d=)
    langs: tuple[str, ...] = ("en",)
    code_style: str = "digits6"  # digits6 | digits4 | digits8 | dashed | alnum6 | alnum5

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]

    @property
    def envelope_domain(self) -> str:
        return self.envelope.rpartition("@")[2]

    @property
    def spf_block(self) -> str:
        return f"{self.ip_prefix}.{self.ip_first}/28"

    def ip(self, n: int) -> str:
        return f"{self.ip_prefix}.{self.ip_first + 1 + n % 14}"


def _s(*args: object, **kwargs: object) -> Sender:
    return Sender(*args, **kwargs)  # type: ignore[arg-type]


ALL_LANGS = ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "tr", "ja", "zh", "ko")

#: Services that send verification codes.
SERVICES: tuple[Sender, ...] = (
    _s("tiktok", "TikTok", "register@account.tiktok.com", "bounce@account.tiktok.com",
       "postfix", "203.0.113", 16, 8, ("s1", "account.tiktok.com"), ALL_LANGS),
    _s("google", "Google", "no-reply@accounts.google.com", "bounce@accounts.google.com",
       "google", "198.51.100", 32, -8, ("20230601", "accounts.google.com"), ALL_LANGS),
    _s("microsoft", "Microsoft account team",
       "account-security-noreply@accountprotection.microsoft.com",
       "msa@accountprotection.microsoft.com", "outlook", "198.51.100", 48, -8,
       ("selector1", "accountprotection.microsoft.com"), ("en", "de", "fr", "es", "it", "ja"),
       "digits6"),
    _s("amazon", "Amazon.com", "account-update@amazon.com", "bounces@amazon.com", "ses",
       "203.0.113", 32, -8, ("rjs2ktvwpnjlpnmzdbsmmhcoqqhghjmm", "amazon.com"),
       ("en", "de", "fr", "es", "it", "ja")),
    _s("instagram", "Instagram", "security@mail.instagram.com", "bounce@mail.instagram.com",
       "postfix", "203.0.113", 48, -8, ("s1", "mail.instagram.com"), ALL_LANGS),
    _s("discord", "Discord", "noreply@discord.com", "bounces@em.discord.com", "sendgrid",
       "192.0.2", 16, -8, ("s1", "discord.com"), ("en", "de", "fr", "es", "pt", "ru", "pl")),
    _s("paypal", "PayPal", "service@paypal.de", "bounce@paypal.de", "exim", "192.0.2", 32, 1,
       ("pp-dkim1", "paypal.de"), ("de", "en"), "digits6"),
    _s("steam", "Steam", "noreply@steampowered.com", "noreply@steampowered.com", "postfix",
       "192.0.2", 48, -8, None, ("en", "de", "ru", "pt"), "alnum5"),
    _s("epic", "Epic Games", "help@acct.epicgames.com", "bounce@acct.epicgames.com",
       "sendgrid", "192.0.2", 64, -5, None, ("en", "fr", "es", "pl"), "alnum6"),
    _s("whatsapp", "WhatsApp", "noreply@whatsapp.com", "bounce@whatsapp.com", "postfix",
       "203.0.113", 64, -8, None, ("en", "pt", "es", "it", "tr"), "dashed"),
    _s("alipay", "支付宝", "service@mail.alipay.com", "service@mail.alipay.com", "postfix",
       "198.51.100", 64, 8, None, ("zh",), "digits6"),
    _s("yandex", "Яндекс ID", "noreply@id.yandex.ru", "noreply@id.yandex.ru", "exim",
       "198.51.100", 80, 3, None, ("ru",), "digits6"),
    _s("line", "LINE", "no-reply@line.me", "no-reply@line.me", "postfix", "198.51.100", 96, 9,
       None, ("ja",), "digits4"),
    _s("kakao", "Kakao", "noreply@kakaocorp.com", "noreply@kakaocorp.com", "postfix",
       "198.51.100", 112, 9, None, ("ko",), "digits6"),
    _s("revolut", "Revolut", "no-reply@revolut.com", "bounce@revolut.com", "ses",
       "203.0.113", 80, 0, None, ("en", "pl", "it", "fr"), "digits8"),
)  # fmt: skip

#: Shops sending receipts and shipping notices (keyed by shop domain in gen_lang.SHOPS).
SHOP_MTA: dict[str, tuple[str, str, int, float, tuple[str, str] | None]] = {
    "amazon.com": ("ses", "203.0.113", 32, -8, ("rjs2ktvwpnjlpnmzdbsmmhcoqqhghjmm", "amazon.com")),
    "zalando.de": ("postfix", "203.0.113", 96, 1, ("s2048", "zalando.de")),
    "fnac.com": ("exim", "203.0.113", 112, 1, None),
    "elcorteingles.es": ("postfix", "203.0.113", 128, 1, None),
    "mercadolivre.com.br": ("sendgrid", "192.0.2", 80, -3, None),
    "ikea.com": ("mailchimp", "192.0.2", 96, 1, ("k2", "mcsv.net")),
    "rakuten.co.jp": ("postfix", "198.51.100", 128, 9, None),
    "ozon.ru": ("exim", "198.51.100", 144, 3, None),
    "allegro.pl": ("postfix", "198.51.100", 160, 1, None),
    "bol.com": ("outlook", "198.51.100", 176, 1, None),
}  # fmt: skip

#: Newsletter senders mostly go through an ESP (Mailchimp, SendGrid, SES).
NEWSLETTER_MTA: tuple[tuple[str, str, int, tuple[str, str] | None], ...] = (
    ("mailchimp", "192.0.2", 96, ("k2", "mcsv.net")),
    ("sendgrid", "192.0.2", 112, None),
    ("ses", "192.0.2", 128, None),
    ("postfix", "192.0.2", 144, None),
)

#: Personal mail providers: how their outbound path looks, and whether they sign.
PERSONAL_MTA: dict[str, tuple[str, str, int, float, tuple[str, str] | None]] = {
    "gmail.com": ("google", "198.51.100", 192, -8, ("20230601", "gmail.com")),
    "outlook.com": ("outlook", "198.51.100", 208, -8, ("selector1", "outlook.com")),
    "icloud.com": ("postfix", "198.51.100", 224, -8, None),
}
PERSONAL_DEFAULT = ("postfix", "198.51.100", 240, 1.0, None)


def personal_sender(key: str, name: str, address: str, tz_hours: float) -> Sender:
    domain = address.rpartition("@")[2]
    mta, prefix, first, _tz, dkim = PERSONAL_MTA.get(domain, PERSONAL_DEFAULT)
    return Sender(key, name, address, address, mta, prefix, first, tz_hours, dkim)
