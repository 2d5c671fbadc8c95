"""Typo suggestions for the domains of the big mail providers. Pure: no I/O.

A verification code sent to ``you@gmial.com`` never reaches ``you@gmail.com``. This module
proposes the provider domain a mistyped domain was most probably meant to be; the caller decides
whether to show it (``check_email`` drops the suggestion when DNS shows the typed domain has its
own MX records: then it is a real mail domain, however close it looks).

The provider list (``PROVIDERS``) holds the consumer mail domains that most sign-ups use: Gmail,
Yahoo, Microsoft (Hotmail/Outlook/Live/MSN), Apple (iCloud/me/mac), AOL, Proton, GMX/web.de,
Mail.ru/Yandex, QQ/163, the large ISPs (Comcast, AT&T, Verizon, Orange, Free, La Poste,
T-Online, Libero) and Zoho. Their country variants (yahoo.co.uk, hotmail.fr, ...) are listed too,
so a correctly typed variant is never "corrected" into another one. ``KNOWN_REAL`` adds real mail
domains that sit within the distance rule of a provider (ymail.com, email.com, mail.com, ...).

The distance rule. A domain is split at its first dot into a *name* (``gmail``) and a *suffix*
(``com``, ``co.uk``); distances are Damerau-Levenshtein in its optimal-string-alignment form (an
adjacent transposition such as ``gmial`` counts as one edit):

- the suffix may be off by at most one edit (``.con``, ``.cmo``, ``.comm``, ``.co.k``), but a
  *different two-letter country code* is not a typo (``yahoo.fi`` is not ``yahoo.fr``), except
  the notorious typo TLDs ``.co``, ``.cm``, ``.om`` for ``.com`` and ``.ne`` for ``.net``;
- the name may only differ when the provider's name has at least 5 characters (``aol``, ``gmx``,
  ``live``, ``qq`` are too short: one edit turns them into unrelated real domains, so only their
  suffix is corrected);
- the name may be off by 2 for longer names (``hotmail``, ``outlook``, ``googlemail``); for names
  of 5 or 6 characters (``gmail``, ``yahoo``, ``icloud``) by 1, or by 2 when its first letter is
  right (``gml``, ``gmiel``: sign-up typos rarely miss the first letter, while another first
  letter makes another word, ``email``); one slip in the name plus one in the suffix
  (``gmial.con``) is always a typo;
- a domain that is a real domain of its own is corrected only when it is *one* slip from a
  provider, and for short names with the provider's first letter: a domain on HubSpot's list of
  free providers (made of what people typed at sign-up, so typos such as ``hitmail.com`` are on
  it too) or on a disposable list (blocklists also collect typo traps, ``gmial.com``; ``tmail.com``
  is a throwaway service, not gmail). The allowlist of domains wrongly taken for disposable ones
  (``lists``) is never corrected;
- ties go to the more widely used provider (the order of ``PROVIDERS``).

Slips outside that rule are handled as well: the suffix typed twice (``gmail.com.com``); a big
.com provider's exact name under .net or .org (``gmail.net``); a top-level domain that does not
exist (not on the Public Suffix List), which no mail can reach: a provider's name before it is
that provider (``gmail.vop``), any other domain gets the .com/.net/.org one slip away
(``company.cmo``); and, for inputs that are not even valid syntax, the dot left out or typed as
a comma (``gmailcom``, ``gmail,com``; see ``repair_domain``).
"""

from __future__ import annotations

from inspector.contacts.lists import is_allowlisted, is_disposable, is_real_provider

# Most used first: ties in distance go to the earlier entry.
PROVIDERS: tuple[str, ...] = (
    "gmail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "icloud.com",
    "aol.com",
    "live.com",
    "msn.com",
    "googlemail.com",
    "me.com",
    "mac.com",
    "protonmail.com",
    "proton.me",
    "gmx.com",
    "gmx.net",
    "gmx.de",
    "web.de",
    "mail.ru",
    "yandex.ru",
    "yandex.com",
    "qq.com",
    "163.com",
    "126.com",
    "comcast.net",
    "att.net",
    "sbcglobal.net",
    "bellsouth.net",
    "verizon.net",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "t-online.de",
    "libero.it",
    "zoho.com",
    # Country variants: listed so that a correct variant is never rewritten into another one.
    "yahoo.co.uk",
    "yahoo.fr",
    "yahoo.de",
    "yahoo.es",
    "yahoo.it",
    "yahoo.ca",
    "yahoo.co.in",
    "yahoo.com.br",
    "yahoo.co.jp",
    "hotmail.co.uk",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.es",
    "hotmail.it",
    "hotmail.com.br",
    "outlook.fr",
    "outlook.de",
    "outlook.es",
    "outlook.it",
    "live.co.uk",
    "live.fr",
    "protonmail.ch",
    "gmx.at",
    "gmx.ch",
)

# Real mail domains one edit away from a provider: never "corrected".
KNOWN_REAL: frozenset[str] = frozenset(
    {
        "ymail.com",
        "rocketmail.com",
        "email.com",
        "mail.com",
        "cloud.com",
        "yandex.ua",
        "yandex.by",
        "yandex.kz",
        "pm.me",
        "aol.de",
        "aim.com",
        "hotmail.ca",
        "live.ca",
    }
)

# Two-letter suffixes that are real country codes but also the classic slips for .com / .net.
_TYPO_CCTLDS: frozenset[tuple[str, str]] = frozenset(
    {("com", "co"), ("com", "cm"), ("com", "om"), ("net", "ne")}
)

# The generic TLDs that a TLD which does not exist was most likely meant to be.
_COMMON_TLDS: tuple[str, ...] = ("com", "net", "org")

_KNOWN: frozenset[str] = frozenset(PROVIDERS) | KNOWN_REAL
_BY_SQUASHED: dict[str, str] = {p.replace(".", ""): p for p in PROVIDERS}


def osa_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), capped at ``limit + 1``.

    The cap keeps hostile input cheap: strings whose lengths differ by more than ``limit``
    are not compared at all.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[len(b)], limit + 1)


def _suffix_typo_ok(typed: str, meant: str) -> bool:
    """Is ``typed`` (one edit from ``meant``) a slip rather than another real country code?"""
    typed_tld = typed.rsplit(".", 1)[-1]
    meant_tld = meant.rsplit(".", 1)[-1]
    if typed_tld == meant_tld or len(typed_tld) != 2 or not typed_tld.isalpha():
        return True
    return (meant_tld, typed_tld) in _TYPO_CCTLDS


def suggest_domain(domain: str) -> str | None:
    """The provider domain ``domain`` is probably a typo of, or None (see the module docstring)."""
    domain = domain.strip().lower().rstrip(".")
    if not domain or domain in _KNOWN or len(domain) > 64 or is_allowlisted(domain):
        return None
    # HubSpot's list of free providers is made of the domains people typed at sign-up, so it
    # also holds typos of the big providers (hitmail.com, hotmail.co); a throwaway-mail service
    # is a real domain, but blocklists collect typo traps too (gmial.com). Either is corrected
    # only when it is one slip away from a provider (for short names, with its first letter).
    cautious = is_real_provider(domain) or is_disposable(domain)
    for provider in PROVIDERS:  # "gmail.com.com": the suffix typed twice
        if domain == f"{provider}.{provider.partition('.')[2]}":
            return provider
    name, dot, suffix = domain.partition(".")
    if not dot:
        return None
    best = _nearest_provider(name, suffix, cautious)
    if best is not None:
        return best
    if is_real_provider(domain):
        return None
    return _generic_tld_swapped(name, suffix) or (None if cautious else _unknown_tld_typo(domain))


def _nearest_provider(name: str, suffix: str, cautious: bool) -> str | None:
    best: tuple[int, int] | None = None  # (distance, index in PROVIDERS)
    for index, provider in enumerate(PROVIDERS):
        p_name, _, p_suffix = provider.partition(".")
        d_suffix = osa_distance(suffix, p_suffix, 1)
        if d_suffix > 1 or (d_suffix == 1 and not _suffix_typo_ok(suffix, p_suffix)):
            continue
        if len(p_name) < 5:  # short names: only the suffix is corrected
            if name != p_name:
                continue
            d_name, limit = 0, 0
        else:
            limit = _name_limit(name, p_name, cautious)
            d_name = osa_distance(name, p_name, limit)
            if d_name > limit or (
                cautious and d_name and len(p_name) <= 6 and name[:1] != p_name[:1]
            ):
                # A listed domain whose first letter differs from a short name (tmail, qmail)
                # is a name of its own; the typo traps on such lists keep it (gmial, yaho).
                continue
        # Two slips at once, one in the name and one in the suffix ("gmial.con"), are one
        # more than the name alone may have: still a typo of a name this long.
        allowed = max(limit, 2 if d_name == 1 and d_suffix == 1 else 0, 1)
        if cautious:
            allowed = 1
        total = d_name + d_suffix
        if 0 < total <= allowed and (best is None or total < best[0]):
            best = (total, index)
    return PROVIDERS[best[1]] if best else None


def _name_limit(name: str, p_name: str, cautious: bool) -> int:
    """How many slips the name may have: 2 for long names (hotmail, outlook); for names of 5 or
    6 letters 1, or 2 when the first letter is right (gml, yaooh, gmiel: real sign-up typos
    rarely miss the first letter, and a different first letter makes another word: email)."""
    if len(p_name) > 6:
        return 2
    return 2 if not cautious and name[:1] == p_name[:1] and len(name) >= 3 else 1


def _generic_tld_swapped(name: str, suffix: str) -> str | None:
    """``gmail.net``, ``yahoo.org``: a big provider's exact name under the other generic TLD.
    Only .com providers, and only names of 5 letters or more (``gmx.net`` is GMX's own)."""
    meant = f"{name}.com"
    if suffix in ("net", "org") and len(name) >= 5 and meant in PROVIDERS:
        return meant
    return None


def _unknown_tld_typo(domain: str) -> str | None:
    """``company.cmo``: a top-level domain that does not exist (not on the Public Suffix
    List) and is one slip from .com, .net or .org (in that order for ties). No mail can reach a
    TLD that is not delegated, so any domain, not only a provider's, is corrected."""
    from inspector.domains.psl import public_suffix_list

    rest, dot, tld = domain.rpartition(".")
    # Letters and digits only (a digit for a letter, "c0m", is a slip too); punycode TLDs
    # (xn--) are left alone.
    if not dot or not rest or not tld.isascii() or not tld.isalnum():
        return None
    if public_suffix_list().publicsuffix(domain, accept_unknown=False) is not None:
        return None
    # A provider's own name before it (gmail.vop, hotmail.c): that provider, however far off.
    named = next((p for p in PROVIDERS if p.partition(".")[0] == rest), None)
    if named is not None:
        return named
    for meant in _COMMON_TLDS:
        if osa_distance(tld, meant, 1) == 1:
            return f"{rest}.{meant}"
    return None


def repair_domain(domain: str) -> str | None:
    """For a domain that is not even valid syntax: the provider it was meant to be, if obvious.

    Handles a comma for the dot (``gmail,com``), doubled or stray dots and spaces, and the dot
    left out (``gmailcom``); then applies ``suggest_domain``.
    """
    text = domain.strip().lower().replace(",", ".").replace(" ", "")
    if len(text) > 64:
        return None
    while ".." in text:
        text = text.replace("..", ".")
    text = text.strip(".")
    if text in _BY_SQUASHED:
        return _BY_SQUASHED[text]
    if text in PROVIDERS:
        return text
    if "." not in text:
        # The suffix left out ("gmail"): the provider of that name, else of a name one slip
        # away ("gmial"); ".com" first, the suffix most providers use.
        named = next((p for p in PROVIDERS if p.partition(".")[0] == text), None)
        return named or suggest_domain(f"{text}.com")
    return suggest_domain(text)
