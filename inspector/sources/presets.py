"""IMAP settings of the big mail providers, found from the domain of the address.

Only the host, port and encryption are filled in; the ``hint`` says what the provider demands
beyond a plain password (an app password, IMAP switched on in the web settings, OAuth2), so a
rejected login can tell the person what to do instead of just "authentication failed".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Preset:
    provider: str
    host: str
    port: int = 993
    encryption: str = "tls"  # "tls", "starttls" or "none" (see imap_config.Encryption)
    hint: str | None = None


_APP_PW_HINT = (
    "{p} accepts only an app password for IMAP (create one in the account's security settings "
    "after turning on two-step verification), or OAuth2 via oauth2_token_command."
)

_GMAIL = Preset(
    "Gmail",
    "imap.gmail.com",
    hint=_APP_PW_HINT.format(p="Gmail") + " IMAP must be enabled in Gmail's settings.",
)
_OUTLOOK = Preset(
    "Outlook.com",
    "outlook.office365.com",
    hint=(
        "Outlook.com/Hotmail no longer accept passwords over IMAP: "
        "log in with OAuth2 via oauth2_token_command."
    ),
)
_YAHOO = Preset("Yahoo Mail", "imap.mail.yahoo.com", hint=_APP_PW_HINT.format(p="Yahoo Mail"))
_AOL = Preset("AOL Mail", "imap.aol.com", hint=_APP_PW_HINT.format(p="AOL Mail"))
_ICLOUD = Preset(
    "iCloud Mail",
    "imap.mail.me.com",
    hint="iCloud Mail accepts only an app-specific password (appleid.apple.com > Sign-In and "
    "Security > App-Specific Passwords).",
)
_GMX_NET = Preset(
    "GMX",
    "imap.gmx.net",
    hint="GMX only allows IMAP once it is enabled in the web mailer's POP3/IMAP settings.",
)
_GMX_COM = Preset("GMX", "imap.gmx.com", hint=_GMX_NET.hint)
_WEB_DE = Preset(
    "WEB.DE",
    "imap.web.de",
    hint="WEB.DE only allows IMAP once it is enabled in the web mailer's POP3/IMAP settings.",
)
_YANDEX = Preset(
    "Yandex Mail",
    "imap.yandex.com",
    hint="Yandex Mail needs IMAP enabled in its settings and an app password "
    "(id.yandex.com > Security > App passwords).",
)
_MAILRU = Preset("Mail.ru", "imap.mail.ru", hint=_APP_PW_HINT.format(p="Mail.ru"))
_ZOHO = Preset(
    "Zoho Mail",
    "imap.zoho.com",
    hint="Zoho Mail needs IMAP access enabled in its settings, and an app-specific password "
    "when two-factor authentication is on.",
)
_ZOHO_EU = Preset("Zoho Mail", "imap.zoho.eu", hint=_ZOHO.hint)
_FASTMAIL = Preset(
    "Fastmail",
    "imap.fastmail.com",
    hint="Fastmail accepts only an app password for IMAP (Settings > Privacy & Security).",
)
_PROTON = Preset(
    "Proton Mail (Bridge)",
    "127.0.0.1",
    port=1143,
    encryption="starttls",
    hint="Proton Mail is read through Proton Mail Bridge running on this computer: use the "
    "password the Bridge shows (not your Proton password) and pass the Bridge's exported "
    "certificate with --ca-file.",
)
_QQ = Preset(
    "QQ Mail",
    "imap.qq.com",
    hint="QQ Mail needs IMAP enabled and an authorisation code in place of the password.",
)
_NETEASE_163 = Preset(
    "NetEase 163",
    "imap.163.com",
    hint="NetEase mail needs IMAP enabled and a client authorisation code as the password.",
)
_NETEASE_126 = Preset("NetEase 126", "imap.126.com", hint=_NETEASE_163.hint)
_TONLINE = Preset(
    "Telekom Mail",
    "secureimap.t-online.de",
    hint="t-online.de needs a separate e-mail password for mail programs (Telekom login settings).",
)

_BY_DOMAIN: dict[str, Preset] = {
    **dict.fromkeys(("gmail.com", "googlemail.com"), _GMAIL),
    **dict.fromkeys(
        (
            "outlook.com", "hotmail.com", "live.com", "msn.com", "passport.com",
            "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es",
            "live.co.uk", "live.fr", "live.de", "live.it", "outlook.fr", "outlook.de",
            "outlook.es", "outlook.it", "outlook.jp",
        ),
        _OUTLOOK,
    ),
    **dict.fromkeys(
        (
            "yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de",
            "yahoo.it", "yahoo.es", "yahoo.co.jp", "yahoo.com.br", "yahoo.ca", "yahoo.in",
        ),
        _YAHOO,
    ),
    **dict.fromkeys(("aol.com", "aim.com", "aol.co.uk", "aol.de", "aol.fr"), _AOL),
    **dict.fromkeys(("icloud.com", "me.com", "mac.com"), _ICLOUD),
    **dict.fromkeys(("gmx.net", "gmx.de", "gmx.at", "gmx.ch"), _GMX_NET),
    **dict.fromkeys(("gmx.com", "gmx.us", "gmx.co.uk", "gmx.fr", "gmx.es"), _GMX_COM),
    "web.de": _WEB_DE,
    **dict.fromkeys(
        ("yandex.com", "yandex.ru", "ya.ru", "yandex.by", "yandex.kz", "yandex.ua"), _YANDEX
    ),
    **dict.fromkeys(("mail.ru", "inbox.ru", "list.ru", "bk.ru"), _MAILRU),
    **dict.fromkeys(("zoho.com", "zohomail.com"), _ZOHO),
    "zoho.eu": _ZOHO_EU,
    **dict.fromkeys(
        ("fastmail.com", "fastmail.fm", "fastmail.net", "fastmail.org", "messagingengine.com"),
        _FASTMAIL,
    ),
    **dict.fromkeys(("proton.me", "protonmail.com", "protonmail.ch", "pm.me"), _PROTON),
    **dict.fromkeys(("qq.com", "foxmail.com"), _QQ),
    "163.com": _NETEASE_163,
    "126.com": _NETEASE_126,
    "t-online.de": _TONLINE,
}  # fmt: skip


def preset_for_address(address: str) -> Preset | None:
    """The preset for the provider of ``address`` (``user@domain``), if it is a known one."""
    _, at, domain = address.rpartition("@")
    if not at:
        return None
    return preset_for_domain(domain)


def preset_for_domain(domain: str) -> Preset | None:
    return _BY_DOMAIN.get(domain.strip().rstrip(".").lower())


def preset_for_host(host: str) -> Preset | None:
    """The preset whose IMAP host is ``host``: lets a login failure on imap.gmail.com give the
    Gmail hint even when the user name is not an address."""
    wanted = host.strip().rstrip(".").lower()
    for preset in _BY_DOMAIN.values():
        if preset.host == wanted and preset.host != "127.0.0.1":
            return preset
    return None
