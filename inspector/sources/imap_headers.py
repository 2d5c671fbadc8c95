"""The headers fetched for every message, and the cheap default "might be a code" test.

Only candidates are downloaded in full; everything else is judged on a few header fields
(``BODY.PEEK[HEADER.FIELDS (...)]``, RFC 3501 §6.4.5): who sent it, to whom, when, and the
subject. The diagnosis never needs more about a message that is not a code.
"""

from __future__ import annotations

import re
from email.header import decode_header, make_header

# Only what the candidate test and a listing need. Trace and authentication headers
# (Received, DKIM-Signature, Authentication-Results, spam verdicts) come with the full fetch of
# the candidates; fetching them for every message would cost more bytes than it tells.
HEADER_FIELDS: tuple[str, ...] = ("From", "To", "Subject", "Date", "Message-ID")

_WORDS = (
    # English
    "code", "verif", "otp", "one-time", "one time", "passcode", "password", "pin", "2fa",
    "two-factor", "two factor", "sign in", "sign-in", "signin", "log in", "login", "confirm",
    "security", "authenticat", "activation", "activate",
    # a few other languages (substrings, so inflections match)
    "código", "codigo", "verifica", "bestätig", "anmelde", "sicherheit", "vérif",
    "connexion", "mot de passe", "conferma", "accesso", "codice", "wachtwoord", "inlog",
    "kod", "weryfik", "doğrulama", "şifre", "код", "подтвержд", "пароль", "вход", "验证",
    "驗證", "校验", "登录", "確認", "認証", "ワンタイム", "인증", "mã", "xác minh", "رمز",
    "تحقق", "קוד", "अंक", "सत्यापन",
)  # fmt: skip
_SENDER_WORDS = ("noreply", "no-reply", "no_reply", "verify", "security", "account", "auth")
_DIGITS = re.compile(r"(?<!\d)\d(?:[ -]?\d){3,7}(?!\d)")
_FIELD = re.compile(rb"^(subject|from):[ \t]*(.*(?:\r?\n[ \t].*)*)", re.I | re.M)


def header_values(header_bytes: bytes) -> dict[str, str]:
    """Decoded ``subject`` and ``from`` of a header block (RFC 2047 words decoded)."""
    found: dict[str, str] = {}
    for match in _FIELD.finditer(header_bytes[:65536]):
        key = match.group(1).decode("ascii").lower()
        if key in found:
            continue
        raw = re.sub(rb"\r?\n[ \t]", b" ", match.group(2)).decode("utf-8", "replace").strip()
        try:
            found[key] = str(make_header(decode_header(raw)))
        except (ValueError, LookupError, UnicodeError, AssertionError):
            found[key] = raw  # undecodable encoded-words: keep them as they are
    return found


def default_is_candidate(header_bytes: bytes) -> bool:
    """A cheap, generous test: could this message carry a verification code?

    True when the subject has a code-ish word in a common language or a 4-8 digit number,
    or the sender looks like an automated account address. False negatives cost a missed
    code; false positives only one partial download, so it errs on the side of yes.
    """
    values = header_values(header_bytes)
    subject = values.get("subject", "").casefold()
    sender = values.get("from", "").casefold()
    if _DIGITS.search(subject):
        return True
    if any(word in subject for word in _WORDS):
        return True
    if any(word in sender for word in _SENDER_WORDS):
        return True
    return _known_sender(sender)


_ADDRESS_DOMAIN = re.compile(r"@([\w.-]+\.[a-z]{2,})", re.I)


def _known_sender(sender: str) -> bool:
    """Mail from a service in the catalogue (``inspector/data/services.toml``) is worth a look."""
    from inspector.extract.services import service_for_domain

    match = _ADDRESS_DOMAIN.search(sender)
    return match is not None and service_for_domain(match.group(1)) is not None
