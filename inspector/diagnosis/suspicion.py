"""Is a message that claims a service really from it? Pure: no I/O.

One answer used everywhere: the evidence keeps a suspicious message's code apart (it never
replaces, nor is, "your code"), the rules turn the reason into ``possible_phishing``, and no
advice about such a message says to trust it.

Evidence against the sender, strongest first:

* ``origin``: an origin-bound code (WICG sms-one-time-codes, ``@site #code``) for a domain the
  claimed service does not own: the code is meant to be typed on that site.
* ``sender_unreadable``: the e-mail names the service but no single From address can be read
  (RFC 7489 §6.6.1: DMARC cannot be applied, so nothing vouches for it).
* ``lookalike``: the From domain is not one of the service's domains, and there is evidence
  against it (``detail`` says which): its name imitates the brand's ("tiktok-login-help.com",
  "paypa1.com"), it is a personal mailbox of a mail provider (gmail.com), or it is unrelated
  and its mail did not authenticate (DMARC fail or none). A domain merely missing from the
  catalogue is no evidence: a brand's regional domain (the brand's own name under another
  public suffix: yahoo.co.jp, mercari.jp, paypal.de) that authenticates is the brand's, and an
  unrelated domain whose mail authenticates is left alone. Telling a person their real code
  is phishing harms as much as the reverse.
* ``spoofed``: the From domain is the service's (or its regional one), but DMARC fails (known
  at receipt or verified) and no ARC chain passes (RFC 8617: a forwarder could explain it).
* ``deceptive_link``: a link shows one address and leads to a look-alike of it ("yourbank.com"
  leading to "evil.yourbankk.com"), in mail nothing vouches for (no DMARC pass: a brand's
  own click-tracking domains, "paypal-communication.com", come in mail that authenticates).
  A tracking domain that merely differs ("click.sendgrid.net") is no evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector.analysis.record import MessageRecord, service_of
from inspector.auth.report import AuthReport
from inspector.extract.services import Service, owns_domain
from inspector.model import Channel

# Results inspector can stand behind: the receiving server's own (RFC 8601) or its own checks.
KNOWN_SOURCES = ("receipt", "verified")


@dataclass(frozen=True, slots=True)
class Suspicion:
    kind: str  # "origin", "sender_unreadable", "lookalike" or "spoofed"
    service: Service
    domain: str | None  # the domain the evidence is about (origin, From)
    detail: str | None = None  # the authentication explanation, when it is the evidence


def sender_confirmed(auth: AuthReport | None) -> bool:
    """DMARC passed, at receipt or verified here: the From domain is the sender's own
    (RFC 7489 §3.1 alignment). Only then may advice say to trust the sender ("Not spam",
    contacts): an unchecked or failing message may be forged."""
    return auth is not None and auth.dmarc.result == "pass" and auth.dmarc.source in KNOWN_SOURCES


def suspicion(record: MessageRecord) -> Suspicion | None:
    """Why ``record`` is probably not from the service it names, or None."""
    if not record.is_verification:
        return None
    origin = record.extraction.origin
    found = judge(
        service_of(record),
        origin_domain=origin.domain if origin is not None else None,
        email=record.channel is Channel.EMAIL,
        from_domain=record.from_domain,
        auth=record.auth,
    )
    if found is None and record.links and not sender_confirmed(record.auth):
        found = _deceptive(record)
    return found


def _deceptive(record: MessageRecord) -> Suspicion | None:
    from inspector.domains.orgdomain import org_domain

    for shown, target in record.links:
        brand = _label(org_domain(shown))
        if org_domain(target) == org_domain(shown) or len(brand) < 5:  # "mail" is in many
            continue
        if any(_imitates(label, brand) for label in target.split(".") if label):
            claimed = service_of(record) or Service(
                "unknown", record.from_domain or shown, (org_domain(shown),)
            )
            return Suspicion("deceptive_link", claimed, target, shown)
    return None


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
        evidence = lookalike_evidence(service, domain, auth)
        if evidence is not None:
            return Suspicion("lookalike", service, domain, evidence)
    if (
        auth is not None
        and auth.dmarc.result == "fail"
        and auth.dmarc.source in KNOWN_SOURCES
        and auth.arc.result != "pass"
    ):
        return Suspicion("spoofed", service, domain)
    return None


def lookalike_evidence(service: Service, domain: str, auth: AuthReport | None) -> str | None:
    """What speaks against ``domain`` sending for ``service`` (not one of its domains), or
    None when nothing does (see the module docstring)."""
    from inspector.contacts.lists import is_real_provider
    from inspector.domains.orgdomain import org_domain

    registrable = org_domain(domain)
    label = _label(registrable)
    brands = _brand_labels(service)
    if label in brands:
        # The brand's own name under another suffix: a regional domain. It is the brand's
        # when its mail authenticates; a DMARC failure is judged as for the brand's domains.
        return None
    if is_real_provider(registrable):
        return f"{registrable} is a mail provider where anyone can open a mailbox"
    # Every label left of the registrable one counts too: "tiktok.verify-login.com" puts the
    # brand where a reader looks first.
    subdomain = domain.lower().rstrip(".")[: -len(registrable)].split(".")
    labels = [label, *(x for x in subdomain if x)]
    if any(_imitates(x, b) or (x is not label and x == b) for x in labels for b in brands):
        return f"the name {domain} imitates {service.name}'s"
    if (
        auth is not None
        and auth.dmarc.source in KNOWN_SOURCES
        and auth.dmarc.result in ("fail", "none")
    ):
        return f"its mail did not authenticate (DMARC {auth.dmarc.result})"
    return None


def _label(registrable: str) -> str:
    """The registrable domain's own label, without the public suffix ("paypal.co.uk" →
    "paypal")."""
    return registrable.split(".", 1)[0]


def _brand_labels(service: Service) -> frozenset[str]:
    from inspector.domains.orgdomain import org_domain

    labels = {_label(org_domain(d)) for d in service.domains}
    labels |= {_squash(service.id), _squash(service.name)}
    labels |= {_squash(a) for a in service.aliases if len(_squash(a)) >= 4}
    return frozenset(x for x in labels if len(x) >= 3)


def _squash(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


# Characters phishers swap for look-alikes in a brand's name (UTS #39 confusables, the ASCII
# ones used in practice).
_CONFUSABLE = str.maketrans({"0": "o", "1": "l", "3": "e", "5": "s", "i": "l", "|": "l"})


def _imitates(label: str, brand: str) -> bool:
    """The label holds the brand's name with more around it ("tiktok-help", "paypalsecure"),
    or is one letter off it, or the same once look-alike characters are mapped ("paypa1",
    "rnicrosoft")."""
    if len(brand) < 4:
        return False
    squashed = label.replace("-", "")
    if brand in squashed and squashed != brand:
        return True
    folded = squashed.translate(_CONFUSABLE).replace("rn", "m").replace("vv", "w")
    if folded == brand.translate(_CONFUSABLE).replace("rn", "m").replace("vv", "w"):
        return squashed != brand
    return len(brand) >= 5 and _one_edit(squashed, brand)


def _one_edit(a: str, b: str) -> bool:
    """One letter swapped, added, dropped or replaced (Damerau-Levenshtein distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1] if diff else 0
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))
