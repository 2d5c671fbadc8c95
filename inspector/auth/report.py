"""Result types of the authentication checks; the JSON shape is documented in ``inspector.auth``.

Result words are RFC 8601 §2.7's: ``pass fail softfail neutral none temperror permerror
policy``. ``source`` says where the headline ``result`` comes from: ``"receipt"`` (the
receiving provider's own Authentication-Results, trusted), ``"verified"`` (checked again now,
with DNS) or ``None`` (nothing known).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from inspector.auth.spam import SpamVerdict

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
    properties: tuple[tuple[str, str], ...] = ()  # ("header.d", "example.com"), ...
    instance: int | None = None  # ARC i=
    policy: str | None = None  # DMARC policy the stamp mentions (p=REJECT, policy.dmarc=...)
    trusted: bool = False

    def prop(self, *names: str) -> str | None:
        for name in names:
            for key, value in self.properties:
                if key == name:
                    return value
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "header": self.header,
            "position": self.position,
            "authserv_id": self.authserv_id,
            "method": self.method,
            "result": self.result,
            "raw_result": self.raw_result,
            "reason": self.reason,
            "properties": dict(self.properties),
            "instance": self.instance,
            "policy": self.policy,
        }


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

    def to_json(self) -> dict[str, Any]:
        return {
            "result": self.result,
            "source": self.source,
            "domain": self.domain,
            "identity": self.identity,
            "ip": self.ip,
            "helo": self.helo,
            "receipt": self.receipt,
            "verified": self.verified,
            "explanation": self.explanation,
            "lookups": self.lookups,
        }


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

    def to_json(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "selector": self.selector,
            "algorithm": self.algorithm,
            "result": self.result,
            "source": self.source,
            "receipt": self.receipt,
            "verified": self.verified,
            "partial": self.partial,
            "body_length": self.body_length,
            "appended": self.appended,
            "expired": self.expired,
            "timestamp": self.timestamp,
            "identity": self.identity,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class DkimCheck:
    result: str = "none"
    source: str | None = None
    signatures: tuple[DkimSignature, ...] = ()
    explanation: str | None = None

    @property
    def domains(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.domain for s in self.signatures if s.domain))

    def passing_domains(self) -> tuple[str, ...]:
        return tuple(s.domain for s in self.signatures if s.domain and s.result == "pass")

    def to_json(self) -> dict[str, Any]:
        return {
            "result": self.result,
            "source": self.source,
            "domains": list(self.domains),
            "signatures": [s.to_json() for s in self.signatures],
            "explanation": self.explanation,
        }


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

    def to_json(self) -> dict[str, Any]:
        return {
            "result": self.result,
            "source": self.source,
            "from_domain": self.from_domain,
            "org_domain": self.org_domain,
            "record_domain": self.record_domain,
            "policy": self.policy,
            "subdomain_policy": self.subdomain_policy,
            "disposition": self.disposition,
            "adkim": self.adkim,
            "aspf": self.aspf,
            "pct": self.pct,
            "dkim_aligned": list(self.dkim_aligned),
            "spf_aligned": self.spf_aligned,
            "receipt": self.receipt,
            "verified": self.verified,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class ArcInstance:
    instance: int
    seal_domain: str | None
    signature_domain: str | None
    chain_status: str | None  # cv= of this seal
    seal_valid: bool | None
    signature_valid: bool | None
    authserv_id: str | None = None  # from this instance's ARC-Authentication-Results

    def to_json(self) -> dict[str, Any]:
        return {
            "instance": self.instance,
            "seal_domain": self.seal_domain,
            "signature_domain": self.signature_domain,
            "cv": self.chain_status,
            "seal_valid": self.seal_valid,
            "signature_valid": self.signature_valid,
            "authserv_id": self.authserv_id,
        }


@dataclass(frozen=True, slots=True)
class ArcCheck:
    result: str = "none"
    source: str | None = None
    receipt: str | None = None
    verified: str | None = None
    instances: tuple[ArcInstance, ...] = ()
    explanation: str | None = None

    @property
    def domains(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.seal_domain for i in self.instances if i.seal_domain))

    def to_json(self) -> dict[str, Any]:
        return {
            "result": self.result,
            "source": self.source,
            "domains": list(self.domains),
            "receipt": self.receipt,
            "verified": self.verified,
            "instances": [i.to_json() for i in self.instances],
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class AuthReport:
    spf: SpfCheck = field(default_factory=SpfCheck)
    dkim: DkimCheck = field(default_factory=DkimCheck)
    dmarc: DmarcCheck = field(default_factory=DmarcCheck)
    arc: ArcCheck = field(default_factory=ArcCheck)
    spam: SpamVerdict = field(default_factory=SpamVerdict)
    from_domain: str | None = None
    envelope_from: str | None = None  # "" = null sender, None = unknown
    receiver: str | None = None  # host named by the top Received "by"
    receiver_org: str | None = None
    trusted: tuple[ReceiptResult, ...] = ()
    untrusted: tuple[ReceiptResult, ...] = ()
    notes: tuple[str, ...] = ()
    offline: bool = False  # no resolver: only verdicts at receipt
    truncated: bool = False  # body-dependent checks were not possible

    def to_json(self) -> dict[str, Any]:
        auth: Mapping[str, Any] = {
            "spf": self.spf.to_json(),
            "dkim": self.dkim.to_json(),
            "dmarc": self.dmarc.to_json(),
            "arc": self.arc.to_json(),
            "from_domain": self.from_domain,
            "envelope_from": self.envelope_from,
            "receiver": {"host": self.receiver, "org_domain": self.receiver_org},
            "trusted": [r.to_json() for r in self.trusted],
            "untrusted": [r.to_json() for r in self.untrusted],
            "notes": list(self.notes),
            "offline": self.offline,
            "truncated": self.truncated,
        }
        return {"auth": dict(auth), **self.spam.to_json()}
