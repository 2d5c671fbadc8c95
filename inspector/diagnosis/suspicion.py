"""Is a message that claims a service really from it? Pure: no I/O.

One answer used everywhere: the evidence keeps a suspicious message's code apart (it never
replaces, nor is, "your code"), the rules turn the reason into ``possible_phishing``, and no
advice about such a message says to trust it.

Evidence against the sender, strongest first:

* ``origin``: an origin-bound code (WICG sms-one-time-codes, ``@site #code``) for a domain the
  claimed service does not own: the code is meant to be typed on that site.
* ``sender_unreadable``: the e-mail names the service but no single From address can be read
  (RFC 7489 §6.6.1: DMARC cannot be applied, so nothing vouches for it).
* ``lookalike``: the From domain is not one of the service's domains.
* ``spoofed``: the From domain is the service's, but DMARC fails (known at receipt or
  verified) and no ARC chain passes (RFC 8617: a forwarder could explain the failure).
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector.analysis.record import MessageRecord, service_of
from inspector.auth.report import AuthReport
from inspector.extract.services import Service, owns_domain
from inspector.model import Channel

_KNOWN = ("receipt", "verified")


@dataclass(frozen=True, slots=True)
class Suspicion:
    kind: str  # "origin", "sender_unreadable", "lookalike" or "spoofed"
    service: Service
    domain: str | None  # the domain the evidence is about (origin, From)
    detail: str | None = None  # the authentication explanation, when it is the evidence


def suspicion(record: MessageRecord) -> Suspicion | None:
    """Why ``record`` is probably not from the service it names, or None."""
    if not record.is_verification:
        return None
    origin = record.extraction.origin
    return judge(
        service_of(record),
        origin_domain=origin.domain if origin is not None else None,
        email=record.channel is Channel.EMAIL,
        from_domain=record.from_domain,
        auth=record.auth,
    )


def judge(
    service: Service | None,
    *,
    origin_domain: str | None,
    email: bool,
    from_domain: str | None,
    auth: AuthReport | None,
) -> Suspicion | None:
    """The same judgement from its parts (see the module docstring)."""
    if service is None or service.generic:
        return None
    if origin_domain is not None and not owns_domain(service, origin_domain):
        return Suspicion("origin", service, origin_domain)
    if not email:
        return None  # SMS senders are numbers and names, with no domain to check
    domain = from_domain or (auth.from_domain if auth is not None else None)
    if domain is None:
        if auth is None:
            return None
        return Suspicion("sender_unreadable", service, None, auth.dmarc.explanation)
    if service.domains and not owns_domain(service, domain):
        return Suspicion("lookalike", service, domain)
    if (
        auth is not None
        and auth.dmarc.result == "fail"
        and auth.dmarc.source in _KNOWN
        and auth.arc.result != "pass"
    ):
        return Suspicion("spoofed", service, domain)
    return None
