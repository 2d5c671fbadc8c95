"""Result types of the authentication checks; the JSON shape is documented in ``inspector.auth``.

Result words are RFC 8601 §2.7's: ``pass fail softfail neutral none temperror permerror
policy``. ``source`` says where the headline ``result`` comes from: ``"receipt"`` (the
receiving provider's own Authentication-Results, trusted), ``"verified"`` (checked again now,
with DNS) or ``None`` (nothing known).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector.auth.spam import SpamVerdict
from inspector.report.serialize import json_meta

RESULTS = ("pass", "fail", "softfail", "neutral", "none", "temperror", "permerror", "policy")

# Vendor spellings folded to the RFC 8601 words (RFC 8601 §2.7.1-2.7.3; "hardfail" is the
# RFC 5451 spelling, "temperr"/"permerr" appear in older milters, Microsoft writes
# "bestguesspass" when a domain publishes no record).
_ALIASES = {
    "hardfail": "fail",
    "temperr": "temperror",
    "permerr": "permerror",
    "error": "temperror",
    "bestguesspass": "none",
    "invalid": "permerror",
}


def normalise_result(word: str | None) -> str:
    """An RFC 8601 result word for whatever a header said; unknown words become ``none``."""
    text = (word or "").strip().lower()
    text = _ALIASES.get(text, text)
    return text if text in RESULTS else "none"


@dataclass(frozen=True, slots=True)
class ReceiptResult:
    """One method's result as stamped in a header (RFC 8601 resinfo, RFC 7208 §9.1)."""

    header: str  # "Authentication-Results", "ARC-Authentication-Results" or "Received-SPF"
    position: int  # of the header field, 0 = topmost
    authserv_id: str | None
    method: str  # "spf", "dkim", "dmarc", "arc", ...
    result: str  # normalised
    raw_result: str
    reason: str | None = None
    # ("header.d", "example.com"), ...; an object in JSON
    properties: tuple[tuple[str, str], ...] = field(default=(), metadata=json_meta(pairs=True))
    instance: int | None = None  # ARC i=
    policy: str | None = None  # DMARC policy the stamp mentions (p=REJECT, policy.dmarc=...)
    # Not in JSON: a stamp is listed under the report's "trusted" or "untrusted".
    trusted: bool = field(default=False, metadata=json_meta(skip=True))

    def prop(self, *names: str) -> str | None:
        for name in names:
            for key, value in self.properties:
                if key == name:
                    return value
        return None


@dataclass(frozen=True, slots=True)
class SpfCheck:
    result: str = "none"
    source: str | None = None
    domain: str | None = None  # the domain SPF was (or would be) checked for
    identity: str | None = None  # "mailfrom", or "helo" for the null sender (RFC 7208 §2.4)
    ip: str | None = None
    helo: str | None = None
    receipt: str | None = None  # the receiver's trusted result, if any
    verified: str | None = None  # our evaluation now, if done
    explanation: str | None = None
    lookups: int | None = None  # DNS-querying terms used (limit 10, RFC 7208 §4.6.4)


@dataclass(frozen=True, slots=True)
class DkimSignature:
    domain: str | None
    selector: str | None
    algorithm: str | None
    result: str
    source: str | None
    receipt: str | None = None
    verified: str | None = None
    partial: bool = False  # l= covers only part of the body (RFC 6376 §3.5, §8.2)
    body_length: int | None = None  # the l= value
    appended: int | None = None  # canonical body bytes after l= (text added after signing)
    expired: bool = False  # x= is in the past (RFC 6376 §3.5)
    timestamp: int | None = None  # t= (seconds since the epoch), when present
    identity: str | None = None  # i=
    explanation: str | None = None


@dataclass(frozen=True, slots=True)
class DkimCheck:
    result: str = "none"
    source: str | None = None
    domains: tuple[str, ...] = field(init=False)  # d= of the signatures, first seen first
    signatures: tuple[DkimSignature, ...] = ()
    explanation: str | None = None

    def __post_init__(self) -> None:
        domains = tuple(dict.fromkeys(s.domain for s in self.signatures if s.domain))
        object.__setattr__(self, "domains", domains)  # frozen: set once, here

    def passing_domains(self) -> tuple[str, ...]:
        return tuple(s.domain for s in self.signatures if s.domain and s.result == "pass")


@dataclass(frozen=True, slots=True)
class DmarcCheck:
    result: str = "none"
    source: str | None = None
    from_domain: str | None = None
    org_domain: str | None = None
    record_domain: str | None = None  # where the policy record was found
    policy: str | None = None  # p=
    subdomain_policy: str | None = None  # sp=
    disposition: str | None = None  # the policy that applies to this From domain
    adkim: str = "r"
    aspf: str = "r"
    pct: int = 100
    dkim_aligned: tuple[str, ...] = ()  # d= domains that passed and align with From
    spf_aligned: bool = False
    receipt: str | None = None
    verified: str | None = None
    explanation: str | None = None


@dataclass(frozen=True, slots=True)
class ArcInstance:
    instance: int
    seal_domain: str | None
    signature_domain: str | None
    chain_status: str | None = field(metadata=json_meta(key="cv"))  # cv= of this seal
    seal_valid: bool | None
    signature_valid: bool | None
    authserv_id: str | None = None  # from this instance's ARC-Authentication-Results
    # What that intermediary saw (its ARC-Authentication-Results, RFC 8617 §4.1.1):
    # "spf=pass", "dkim=pass", "dmarc=fail", ...
    results: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArcCheck:
    result: str = "none"
    source: str | None = None
    domains: tuple[str, ...] = field(init=False)  # the seals' d=, first seen first
    receipt: str | None = None
    verified: str | None = None
    instances: tuple[ArcInstance, ...] = ()
    explanation: str | None = None

    def __post_init__(self) -> None:
        domains = tuple(dict.fromkeys(i.seal_domain for i in self.instances if i.seal_domain))
        object.__setattr__(self, "domains", domains)  # frozen: set once, here


@dataclass(frozen=True, slots=True)
class AuthReport:
    spf: SpfCheck = field(default_factory=SpfCheck)
    dkim: DkimCheck = field(default_factory=DkimCheck)
    dmarc: DmarcCheck = field(default_factory=DmarcCheck)
    arc: ArcCheck = field(default_factory=ArcCheck)
    # In JSON a sibling of "auth" in the message (``inspector.report.document.MessageEntry``).
    spam: SpamVerdict = field(default_factory=SpamVerdict, metadata=json_meta(skip=True))
    from_domain: str | None = None
    envelope_from: str | None = None  # "" = null sender, None = unknown
    # host named by the top Received "by"; JSON "receiver": {"host", "org_domain"}
    receiver: str | None = field(default=None, metadata=json_meta(key="receiver.host"))
    receiver_org: str | None = field(default=None, metadata=json_meta(key="receiver.org_domain"))
    trusted: tuple[ReceiptResult, ...] = ()
    untrusted: tuple[ReceiptResult, ...] = ()
    notes: tuple[str, ...] = ()
    offline: bool = False  # no resolver: only verdicts at receipt
    truncated: bool = False  # body-dependent checks were not possible
