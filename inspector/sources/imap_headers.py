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

_DIGITS = re.compile(r"(?<!\d)\d(?:[ -]?\d){3,7}(?!\d)")
_FIELD = re.compile(rb"^(subject|from):[ \t]*(.*(?:\r?\n[ \t].*)*)", re.I | re.M)
_PULLING = frozenset({"strong", "weak", "verify", "action"})
_ABOUT_ELSE = frozenset({"reference", "amount", "promo"})
# Mailboxes that send nothing but codes and alerts (not "noreply": newsletters use it too).
_CODE_SENDER = re.compile(r"(verif|security|otp|auth|2fa|login|signin|code)[\w.+-]*@", re.I)


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
    """Could this message carry a verification code? Judged on Subject and From only.

    Yes when the subject holds a code keyword in any language the extractor knows (the same
    keyword tables, so the two never disagree on what a code word is), when the sender is a
    service of the catalogue (their codes sometimes hide behind subjects like "Access from
    new device") or a mailbox named for codes (security@, verify@), or when a short subject
    carries a 4-8 digit number ("482915"). A false
    no costs a missed code and a false yes one capped download, so it leans to yes.
    """
    from inspector.extract.hits import find_all_hits
    from inspector.extract.normalize import fold_keys, normalize

    values = header_values(header_bytes)
    subject = normalize(values.get("subject", "")[:512])
    hits = find_all_hits(subject, fold_keys(subject))
    if any(hit.kind in _PULLING for hit in hits):
        return True
    sender = values.get("from", "")
    if _CODE_SENDER.search(sender):
        return True
    # An order, invoice, tracking number or price in the subject says what the mail is about.
    if any(hit.kind == "neg" and hit.keyword.category in _ABOUT_ELSE for hit in hits):
        return False
    if _DIGITS.search(subject) and len(subject.split()) <= 8:
        return True
    return _known_sender(sender)


def default_text_is_candidate(text: str) -> bool:
    """Could a message its headers did not pick carry a code after all? Judged on the
    opening of its text part, decoded, with the extractor's keyword tables (every language
    they know): yes for a strong code keyword ("验证码", "security code", "Bestätigungscode"),
    or a plain "code" word ("code", "código", "код") with a 4-8 digit number and no promo
    wording. A subject like "账户安全验证" says nothing a table knows; the text does.
    """
    from inspector.extract.hits import find_all_hits
    from inspector.extract.normalize import fold_keys, normalize

    opening = normalize(text[:_OPENING_CHARS])
    hits = find_all_hits(opening, fold_keys(opening))
    kinds = {hit.kind for hit in hits}
    if "strong" in kinds:
        return True
    return "weak" in kinds and "promo" not in kinds and _DIGITS.search(opening) is not None


_OPENING_CHARS = 4096
_ADDRESS_DOMAIN = re.compile(r"@([\w.-]+\.[a-z]{2,})", re.I)


def _known_sender(sender: str) -> bool:
    """Mail from a service in the catalogue (``inspector/data/services.toml``) is worth a look."""
    from inspector.extract.services import service_for_domain

    match = _ADDRESS_DOMAIN.search(sender)
    return match is not None and service_for_domain(match.group(1)) is not None
