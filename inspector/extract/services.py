"""The catalogue of services that send codes, loaded from ``inspector/data/services.toml``.

The TOML file is read on first use and cached (``inspector --version`` never reads it). Each
``[[service]]`` has ``id``, ``name``, ``aliases`` (other names people type or messages use),
``domains`` (registrable domains the service sends from / owns), and optionally
``default_validity_seconds`` (only where the service states it publicly), ``text_names``
(case-sensitive names to look for in a message, when the display name alone is too common a
word) and ``generic = true`` (a pattern such as "a bank", not one organisation: it owns no
domain, so never use it to call a sender a look-alike).

Identification (``identify``) trusts, in order: the sender's domain (exact or a subdomain of a
listed domain: ``tiktok-security.com`` is *not* TikTok's), the sender's display name, then the
text. A look-alike sender can still be identified as the service it claims to be by name or
text; the caller compares with ``owns_domain`` to flag it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Service:
    id: str  # stable key, e.g. "tiktok"
    name: str  # display name, e.g. "TikTok"
    domains: tuple[str, ...]  # sending / owned domains (registrable domains)
    default_validity_seconds: int | None = None
    aliases: tuple[str, ...] = ()
    text_names: tuple[str, ...] = ()  # case-sensitive names to find in a message's text
    generic: bool = False  # a pattern ("a bank"), owns no domain


@dataclass(frozen=True, slots=True)
class _Catalogue:
    services: tuple[Service, ...]
    by_id: dict[str, Service]
    by_key: dict[str, Service]  # id, folded name and aliases
    by_domain: dict[str, Service]
    text_names: _Names | None  # case-sensitive, in a message's text
    by_text_name: dict[str, Service]
    display_names: _Names | None  # case-folded, for display names


def _fold(name: str) -> str:
    """Names compared without case, spaces, dots, hyphens: "Epic Games" == "epic-games"."""
    return re.sub(r"[\s.\-_'’]+", "", name.casefold())


def _str_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


@cache
def _catalogue() -> _Catalogue:
    import tomllib

    from inspector import data_text

    raw = data_text("services.toml")
    data = tomllib.loads(raw)
    services: list[Service] = []
    for entry in data.get("service", []):
        validity = entry.get("default_validity_seconds")
        services.append(
            Service(
                id=str(entry["id"]),
                name=str(entry["name"]),
                domains=tuple(d.lower().rstrip(".") for d in _str_tuple(entry.get("domains"))),
                default_validity_seconds=int(validity) if validity is not None else None,
                aliases=_str_tuple(entry.get("aliases")),
                text_names=_str_tuple(entry.get("text_names")),
                generic=bool(entry.get("generic", False)),
            )
        )
    by_key: dict[str, Service] = {}
    by_domain: dict[str, Service] = {}
    by_text_name: dict[str, Service] = {}
    display: dict[str, Service] = {}
    for service in services:
        for key in (service.id, service.name, *service.aliases):
            by_key.setdefault(_fold(key), service)
        for domain in service.domains:
            by_domain.setdefault(domain, service)
        for name in service.text_names or (service.name, *service.aliases):
            if _distinctive(name):
                by_text_name.setdefault(name, service)
        for name in (service.name, *service.aliases):
            if _distinctive(name) and not service.generic:
                display.setdefault(name.casefold(), service)
    return _Catalogue(
        services=tuple(services),
        by_id={service.id: service for service in services},
        by_key=by_key,
        by_domain=by_domain,
        text_names=_Names.of(list(by_text_name)),
        by_text_name=by_text_name,
        display_names=_Names.of(list(display)),
    )


def _distinctive(name: str) -> bool:
    """Long enough to look for in free text: "QQ", "IG" and "X" are not, "抖音" is."""
    return len(name) >= (3 if name.isascii() else 2)


@dataclass(frozen=True, slots=True)
class _Names:
    """Names to find in a text, whole words only ("Uber" is not in "Uberall").

    One alternation: ``re`` skips in C to the characters its branches start with, then tries
    the branches there (one branch per first character keeps that a handful of names, not
    ~100); ``_matches`` checks the left side. (Names starting with a lower-case letter,
    "bank" and "iCloud", were once looked for after a non-letter, ``[^a-z]bank``: that class
    matches every character of a Cyrillic or Chinese text, ~8 us a kilobyte.)
    """

    pattern: re.Pattern[str]

    @staticmethod
    def of(names: list[str]) -> _Names | None:
        return _Names(_alternation(names)) if names else None


def _alternation(names: list[str]) -> re.Pattern[str]:
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):  # the longest name at a position wins
        by_first.setdefault(name[0], []).append(re.escape(name[1:]))
    branches = "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in by_first.items())
    # Nothing glued on the right; the left side is checked by ``_matches`` (a look-behind in
    # front would make ``re`` try the alternation at every position).
    return re.compile(rf"(?:{branches})(?![^\W_])")


def _names_in(names: _Names, text: str) -> Iterator[tuple[int, str]]:
    """(start, name) of each name in ``text`` not glued to a letter or digit, in text order,
    the longest at a place, none overlapping an earlier one."""
    return _matches(names.pattern, text)


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start and text[start - 1].isalnum():
            pos = start + 1
            continue
        yield start, m.group()
        pos = max(m.end(), start + 1)


def all_services() -> tuple[Service, ...]:
    return _catalogue().services


def service_by_id(service_id: str) -> Service | None:
    """The service whose ``id`` is ``service_id`` (exact, lower case), if any."""
    return _catalogue().by_id.get(service_id)


def _domain_of(value: str) -> str:
    value = value.strip().lower()
    value = re.sub(r"^[a-z][a-z0-9+.\-]*://", "", value)  # a URL: keep the host
    value = value.split("/", 1)[0]
    if "@" in value:
        value = value.rsplit("@", 1)[1]
    return value.strip("<>[] ").rstrip(".")


def service_for_domain(domain: str) -> Service | None:
    """The service owning ``domain`` or one of its parent domains."""
    domain = _domain_of(domain)
    by_domain = _catalogue().by_domain
    labels = domain.split(".")
    for i in range(len(labels) - 1):
        service = by_domain.get(".".join(labels[i:]))
        if service is not None:
            return service
    return None


def find_service(name_or_domain: str) -> Service | None:
    """Look a service up by id, display name, alias or one of its domains (case-insensitive)."""
    value = name_or_domain.strip()
    if not value:
        return None
    service = _catalogue().by_key.get(_fold(value))
    if service is not None:
        return service
    if "." in value or "@" in value:
        return service_for_domain(value)
    return None


def owns_domain(service: Service, domain: str) -> bool:
    """True when ``domain`` is one of the service's domains or a subdomain of one."""
    domain = domain.lower().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in service.domains)


_BRACKETED = re.compile(r"^\W{0,3}[\[【「(<]\s*(?:#\]\s*\[)?([^\]】」)>\n]{2,40})[\]】」)>]")


def identify(sender_address: str | None, sender_name: str | None, text: str) -> Service | None:
    """The service a message comes from (or claims to): sender domain, display name, text."""
    if sender_address:
        service = service_for_domain(sender_address)
        if service is not None:
            return service
    catalogue = _catalogue()
    if sender_name and catalogue.display_names is not None:
        # Display names are matched case-folded (the catalogue's are stored so).
        m = next(_names_in(catalogue.display_names, sender_name[:200].casefold()), None)
        if m is not None:
            return _by_display(m[1])
    return _from_text(text[:8000])


def _by_display(name: str) -> Service | None:
    return _catalogue().by_key.get(_fold(name))


def _from_text(text: str) -> Service | None:
    catalogue = _catalogue()
    if catalogue.text_names is None:
        return None
    # An SMS tag at the start ("[TikTok]", "【抖音】") names the sender outright.
    tag = _BRACKETED.match(text.lstrip())
    if tag is not None:
        m = next(_names_in(catalogue.text_names, tag.group(1)), None)
        if m is not None:
            return catalogue.by_text_name[m[1]]
    counts: dict[str, tuple[int, int]] = {}
    for start, name in _names_in(catalogue.text_names, text):
        service = catalogue.by_text_name[name]
        n, first = counts.get(service.id, (0, start))
        counts[service.id] = (n + 1, first)
    if not counts:
        return None
    # A named service beats the generic patterns; then most mentions, then first mention.
    specific = {k: v for k, v in counts.items() if not catalogue.by_id[k].generic}
    pool = specific or counts
    best = min(pool, key=lambda k: (-pool[k][0], pool[k][1]))
    return catalogue.by_id[best]
