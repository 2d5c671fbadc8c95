"""Verification-message detection and code extraction (pure: no I/O).

``extract`` reads the subject and body (the caller passes the text part and the HTML part
rendered as text) and returns an ``Extraction``:

1. An origin-bound last line (``@example.com #123456``, see ``origin``) gives the code and the
   origin outright.
2. Otherwise keywords (``keywords``/``lexicon``, 20+ languages) and candidates (``codes``) are
   found in the normalised text (``normalize``), candidates that are dates, amounts, phone
   numbers, masked digits... are rejected, and the rest ranked by closeness to a code keyword
   (``rank``). Work is spent only where it can matter: no candidate is looked for without a
   keyword that can pull one, nor farther from it than it can pull (``rank.regions``), and
   the rejection rules run only on codes that would rank (most of a long newsletter is
   read once, by the keyword scan).
3. The message is a verification message when it has an origin-bound code, a strong code
   keyword ("verification code", "OTP", "验证码"...), a link-only verification phrase
   ("verify your email address": ``code`` stays None, a deliberate choice: a link-only
   verification or reset mail is still what the person is waiting for), a weak keyword
   ("code", "PIN") with a code next to it, or a code right next to a verb such as "verify" or
   "sign in" ("Use 552019 to verify your account"). Marketing vocabulary without a strong
   keyword means a newsletter: not a verification message, and its promo codes are not codes
   (a list footer's "Unsubscribe" alone is not enough, transactional mail carries it too:
   bulk mail is a newsletter when its subject names no code and it asks to verify nothing).
   Likewise a message about an event (meeting invitation, booking, door or parcel locker):
   its dial-in PIN, passcode or confirmation code is not a verification code. A message that
   names a code, carries none and says it went elsewhere ("we sent a code to your phone") is
   a notice, not a verification message: there is nothing in it to enter. A bounce report or
   a person's reply quoting earlier mail carries no code; mail through a mailing list is bulk
   mail; a password or PIN given with a user name is an account's credentials.
4. The stated validity (``validity``), else the service's published default, and the service
   (``services.identify``) complete the result.

``extract`` never raises on any ``str`` input and reads at most ``normalize.MAX_SCAN_CHARS``
of a body (plus its last line, for the origin-bound format).
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from typing import TYPE_CHECKING

from inspector.model import Candidate, Extraction, Validity

if TYPE_CHECKING:
    from inspector.extract.keywords import Hit
    from inspector.extract.validity import Stated

__all__ = ["extract", "many_texts", "screen"]

_MAX_CANDIDATES = 8
# The first text of a process skips the candidate test (it is a shortcut, never needed for
# the answer): one message, a pasted text, does not pay ~40 ms to build its automaton. Only
# the first: in a mailbox each text read in full before the automaton exists compiles the
# keyword tries of its first letters (``keywords._Parts``) on top of the whole trie.
_FIRST_TEXTS = 1
_LOOKS = itertools.count()


def many_texts() -> None:
    """Tell extraction that this process is about to read many texts (a mailbox): then no
    text takes the first-text shortcuts (no candidate test, per-letter keyword tries), which
    spare a single text the tables a mailbox builds anyway and would only add their own."""
    from inspector.extract import keywords

    for _ in range(_FIRST_TEXTS):
        next(_LOOKS)
    keywords.skip_parts()


_VALIDITY_NEAR = 120  # a validity phrase this close to the code is about it


# How far into the body a code word still names the message's purpose (about five lines).
_OPENING = 400


def extract(
    body: str,
    *,
    subject: str = "",
    sender_address: str | None = None,
    sender_name: str | None = None,
    sent_at: datetime | None = None,
    mailing_list: bool = False,
    name_service: bool = True,
) -> Extraction:
    """Decide whether a message is a verification message and find its code.

    ``body`` is the message text (text part, and the HTML part rendered as text), ``subject``
    the decoded subject, ``sender_address``/``sender_name`` the parsed From, ``sent_at`` the
    time the message was sent (used to resolve "expires at 2:59 PM EDT" to an instant),
    ``mailing_list`` whether it came through a mailing list (a List-Id field, RFC 2919): bulk
    mail, like a list footer. With ``name_service`` False, a text the cheap test finds no
    verification message is not matched against the service catalogue (``service`` None):
    for a caller that drops it.
    """
    from inspector.extract.candidate import maybe_verification
    from inspector.extract.codes import raw_candidates, reject
    from inspector.extract.hits import find_all_hits
    from inspector.extract.keywords import WEIGHTS
    from inspector.extract.language import guess_language
    from inspector.extract.normalize import MAX_SUBJECT_CHARS, clip, fold_keys, normalize
    from inspector.extract.origin import origin_line
    from inspector.extract.rank import (
        LISTED_MIN,
        MIN_SCORE,
        WITHOUT_STRONG,
        headlined,
        merge,
        regions,
        score_each,
    )
    from inspector.extract.services import identify

    origin = origin_line(body)
    subject_text = normalize(clip(subject, MAX_SUBJECT_CHARS)).replace("\n", " ")
    text = subject_text + "\n\n" + normalize(clip(body))
    body_start = len(subject_text) + 2
    key = fold_keys(text)
    if origin is None and next(_LOOKS) >= _FIRST_TEXTS and not maybe_verification(text, key):
        # No keyword that can make it one (most of a mailbox): what the full test would
        # conclude, without finding every keyword and candidate of a long newsletter.
        found = identify(sender_address, sender_name, text) if name_service else None
        return Extraction(is_verification=False, service=found.id if found else None)
    hits = _without_credentials(find_all_hits(text, key))
    # Hits never overlap: "code" inside "promo code" is already part of the negative hit.
    event = any(h.keyword.category == "event" for h in hits)
    # In a meeting invitation or a booking, "passcode"/"access code" name the event's code.
    strong = [
        h for h in hits if h.kind == "strong" and not (event and h.keyword.category == "access")
    ]
    verify = [h for h in hits if h.kind == "verify"]
    if strong and not verify and _receipt(hits) and not _states_validity(text, key):
        # A payment receipt (an amount and an order or transaction reference, nothing to
        # verify) names the card payment's authorisation code: it approves the payment at
        # the bank, nobody types it. Such a keyword is a reference there, not a code word.
        hits = [_as_reference(h) if _authorises(key, h) else h for h in hits]
        strong = [h for h in strong if not _authorises(key, h)]
    weak = [h for h in hits if h.kind == "weak"]
    promo = any(h.kind == "promo" or h.keyword.category == "promo" for h in hits)

    # Bulk mail ("unsubscribe") whose subject names no code and that asks to verify nothing
    # is a newsletter; transactional mail sent the same way says what it is in its subject.
    # Mail through a mailing list is bulk whatever its subject: people discussing passwords.
    listed = any(h.kind == "list" for h in hits) and not verify
    listed = listed and not any(h.start < body_start and h.kind in WEIGHTS for h in hits)
    listed = listed or (mailing_list and not verify)
    # Marketing, bulk mail or an event (meeting, booking, door): without a code keyword
    # proper, its numbers are promo codes, dial-in PINs and booking PINs.
    not_account = (promo or event) and not strong and origin is None
    # Only a list footer ("Reply STOP to unsubscribe" in an SMS): a code right after "code"
    # still counts ("Your Uber code is 4821. ... Reply STOP ABC to unsubscribe").
    only_listed = listed and not not_account and not strong and origin is None
    # A bounce report carries another message's numbers (and maybe its code): never a code.
    # Nor does a person's reply quoting earlier mail: a conversation, whatever it quotes.
    bounce = any(h.kind == "bounce" for h in hits) or _conversation(subject, body)
    ranked = []
    if not not_account and not bounce and any(h.kind in WEIGHTS for h in hits):
        # Nothing can pull a candidate without such a keyword; only near one can it score.
        raw = raw_candidates(text, hits, regions(text, hits, strong=bool(strong)))
        each = score_each(text, raw, hits)
        # A code none of whose occurrences scores MIN_SCORE cannot rank, whatever the
        # rejection rules say: those (dates, URLs, phones... ~20 patterns) run on the others.
        hopeful = {s.candidate.code for s in each if s.score >= MIN_SCORE}
        kept = set(reject(text, [s.candidate for s in each if s.candidate.code in hopeful], hits))
        ranked = [
            s for s in merge([s for s in each if s.candidate in kept]) if s.score >= MIN_SCORE
        ]
    in_body = [h for h in hits if h.kind in WEIGHTS and h.start >= body_start]
    if not ranked and strong and not in_body and not listed and not not_account and not bounce:
        # The subject alone names a code ("OTP Request"); the body, which does not, may
        # still hold exactly one number that can be it (``rank.headlined``).
        in_text = raw_candidates(text, hits, [(body_start, len(text))])
        ranked = headlined(text, body_start, reject(text, in_text, hits), strong[0])
    if not strong:
        # No explicit code keyword: only a candidate right next to "code"/"PIN"-like words, or
        # clearly pulled by "verify"/"sign in"-like ones ("Use 552019 to verify your account").
        ranked = [s for s in ranked if s.hit.kind == "weak" or s.score >= WITHOUT_STRONG]
    if only_listed:
        ranked = [s for s in ranked if s.hit.kind == "weak" and s.score >= LISTED_MIN]

    if strong and not ranked and not verify and origin is None:
        # A code word but no code: a verification message whose code could not be read says
        # what it is up front (subject or opening lines); a long letter that names an
        # "access code" far down (a scam's phone line, a product sheet's "OTP") is not one.
        strong = [h for h in strong if h.start < body_start + _OPENING]
    is_verification = origin is not None or bool(strong) or (bool(verify) and not not_account)
    is_verification = (is_verification or bool(ranked)) and not (bounce and origin is None)
    if is_verification and origin is None and not ranked and not verify:
        # Names a code, carries none, says it went elsewhere ("we sent a code to your
        # phone"): a notice about a verification, not the message with the code.
        is_verification = not any(h.kind == "elsewhere" for h in hits)

    candidates = tuple(
        Candidate(
            code=s.candidate.code,
            score=round(s.score, 3),
            where="subject" if s.candidate.start < body_start else "body",
        )
        for s in ranked[:_MAX_CANDIDATES]
    )
    code = ranked[0].candidate.code if ranked else None
    anchor = ranked[0].candidate.start if ranked else None
    if origin is not None:
        code = origin.code
        anchor = next((s.candidate.start for s in ranked if s.candidate.code == code), anchor)
        others = tuple(c for c in candidates if c.code != origin.code)
        candidates = (Candidate(origin.code, 1.0, "origin"), *others)

    deciding = ranked[0].hit if ranked else None
    if deciding is None:
        pool = strong or verify or weak
        deciding = pool[0] if pool else None
    language = (
        guess_language(deciding.keyword.langs, text, key)
        if deciding is not None and is_verification
        else None
    )

    service = identify(sender_address, sender_name, text)
    validity = Validity()
    if is_verification:
        validity = _validity(
            text, key, sent_at=sent_at, language=language, anchor=anchor, keywords=strong + weak
        )
        if (
            validity.source is None
            and service is not None
            and service.default_validity_seconds is not None
        ):
            validity = Validity(seconds=service.default_validity_seconds, source="service_default")
    return Extraction(
        is_verification=is_verification,
        code=code if is_verification else None,
        candidates=candidates if is_verification else (),
        validity=validity,
        service=service.id if service is not None else None,
        origin=origin,
        language=language,
    )


# A reply (RFC 5322 §3.6.5: "Re: " before the subject; the localised forms mail clients
# write, after an optional list tag such as "[ILUG]") that quotes the mail it answers (lines
# starting with ">", RFC 3676 §4.5, or "|" as some clients write; or an "Original Message"
# block): a person writing.
_REPLY = re.compile(
    r"^\s*(?:\[[^\]\n]{1,40}\]\s*)?(?:(?:fwd?|wg|tr)\s*:\s*)*"
    r"(?:re|aw|sv|vs|antw|odp|ynt|rif|res|回复|答复|返信)(?:\[\d{1,3}\])?\s*[:：]",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^[ \t]*[>|]|^-{2,}\s*Original Message\s*-{2,}", re.MULTILINE | re.IGNORECASE)


def _conversation(subject: str, body: str) -> bool:
    return _REPLY.match(subject) is not None and _QUOTED.search(body) is not None


_CREDENTIALS_NEAR = 160  # a user name this close to "password"/"PIN" is given with it


def _without_credentials(hits: list[Hit]) -> list[Hit]:
    """The hits less the weak keywords next to a user name ("User Name: ...\nPassword: 1534"):
    an account's credentials, not a code; a code keyword proper ("one-time password") stays.
    A form's labels share a language: a user name in another language than the keyword (a
    half-translated template's English warning after its Estonian "kood on: ...") is not
    given with it."""
    import bisect

    names = [h for h in hits if h.kind == "neg" and h.keyword.category == "credentials"]
    if not names:
        return hits
    starts = [h.start for h in names]

    def near_a_name(hit: Hit) -> bool:
        langs = set(hit.keyword.langs)
        i = bisect.bisect_left(starts, hit.start - _CREDENTIALS_NEAR)
        while i < len(names) and starts[i] <= hit.start + _CREDENTIALS_NEAR:
            if "*" in langs or langs & set(names[i].keyword.langs):
                return True
            i += 1
        return False

    return [h for h in hits if h.kind != "weak" or not near_a_name(h)]


def screen(
    body: str,
    *,
    subject: str = "",
    sender_address: str | None = None,
    sender_name: str | None = None,
    name_service: bool = True,
) -> Extraction | None:
    """``extract``'s answer when ``body`` cannot be a verification message (no origin-bound
    line, no keyword that can make it one: ``candidate``), else None (``extract`` must read
    it). The first, cheap look at a message. ``name_service`` as for ``extract``."""
    from inspector.extract.candidate import maybe_verification
    from inspector.extract.normalize import MAX_SUBJECT_CHARS, clip, fold_keys, normalize
    from inspector.extract.origin import origin_line
    from inspector.extract.services import identify

    if next(_LOOKS) < _FIRST_TEXTS or origin_line(body) is not None:
        return None
    text = normalize(clip(subject, MAX_SUBJECT_CHARS)).replace("\n", " ")
    text += "\n\n" + normalize(clip(body))
    if maybe_verification(text, fold_keys(text)):
        return None
    found = identify(sender_address, sender_name, text) if name_service else None
    return Extraction(is_verification=False, service=found.id if found else None)


_AUTHORISES = ("authori", "autori", "approv", "genehmig", "承認")


def _receipt(hits: list[Hit]) -> bool:
    """An amount and at least two order/transaction references: the shape of a receipt."""
    neg = [h.keyword.category for h in hits if h.kind == "neg"]
    return "amount" in neg and neg.count("reference") >= 2


def _states_validity(text: str, key: str) -> bool:
    from inspector.extract.validity import find_validity

    return bool(find_validity(text, key=key, sent_at=None, language=None))


def _authorises(key: str, hit: Hit) -> bool:
    return hit.kind == "strong" and any(a in key[hit.start : hit.end] for a in _AUTHORISES)


def _as_reference(hit: Hit) -> Hit:
    from dataclasses import replace

    return replace(hit, keyword=replace(hit.keyword, kind="neg", category="reference"))


def _validity(
    text: str,
    key: str,
    *,
    sent_at: datetime | None,
    language: str | None,
    anchor: int | None,
    keywords: list[Hit],
) -> Validity:
    from inspector.extract.validity import find_validity

    stated = find_validity(text, key=key, sent_at=sent_at, language=language)
    if not stated:
        return Validity()
    if anchor is None:
        return stated[0].validity

    def distance(s: Stated) -> int:
        return min(abs(s.start - anchor), abs(s.end - anchor))

    def about_code(s: Stated) -> bool:
        # Near the code, or in a sentence that names a code ("This code expires in...");
        # otherwise it is about something else (a data plan "valid for 7 days").
        if distance(s) <= _VALIDITY_NEAR:
            return True
        lo, hi = _sentence(text, s.start)
        return any(lo <= h.start < hi for h in keywords)

    relevant = [s for s in stated if about_code(s)]
    return min(relevant, key=distance).validity if relevant else Validity()


_SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？\n]")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the sentence around ``pos``."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, pos - 400), pos)]
    after = _SENTENCE_END.search(text, pos)
    return (ends[-1] if ends else 0), (after.start() if after is not None else len(text))
