"""DMARC (RFC 7489): policy discovery, identifier alignment and the result.

The policy is the ``v=DMARC1`` TXT record at ``_dmarc.<From domain>``, else at
``_dmarc.<organisational domain>`` (§6.6.3). A message passes when an SPF or a DKIM pass is
aligned with the From domain (§3.1: relaxed = same organisational domain, strict = equal).
Messages with no single From domain cannot be evaluated (§6.6.1): ``permerror``, never pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from inspector.auth.headers import Author
from inspector.auth.receipt import Receipt
from inspector.auth.report import DkimCheck, DmarcCheck, ReceiptResult, SpfCheck
from inspector.domains.dns import Resolver
from inspector.domains.orgdomain import aligned, is_dns_name, org_domain
from inspector.errors import DNSError

_POLICIES = ("none", "quarantine", "reject")


@dataclass(frozen=True, slots=True)
class Policy:
    record_domain: str
    p: str | None
    sp: str | None
    adkim: str
    aspf: str
    pct: int
    record: str


def parse_record(text: str, record_domain: str) -> Policy | str:
    """A Policy, or the reason the record is unusable (RFC 7489 §6.3, §6.6.3 step 6)."""
    tags: dict[str, str] = {}
    for part in text.split(";"):
        key, sep, value = part.partition("=")
        if sep:
            tags.setdefault(key.strip().lower(), value.strip())
    if tags.get("v", "").upper() != "DMARC1":
        return "the record does not start with v=DMARC1"
    p = tags.get("p", "").lower() or None
    if p not in _POLICIES:
        if tags.get("rua"):  # §6.6.3 step 6: a report address makes it act as p=none
            p = "none"
        else:
            return f"the record has no valid p= tag ({tags.get('p', 'missing')})"
    sp = tags.get("sp", "").lower() or None
    sp = sp if sp in _POLICIES else None
    adkim = "s" if tags.get("adkim", "r").lower() == "s" else "r"
    aspf = "s" if tags.get("aspf", "r").lower() == "s" else "r"
    pct_text = tags.get("pct", "100")
    pct = min(100, int(pct_text)) if re.fullmatch(r"[0-9]{1,3}", pct_text) else 100
    return Policy(record_domain, p, sp, adkim, aspf, pct, text)


def fetch_policy(resolver: Resolver, from_domain: str) -> Policy | str | None:
    """The policy, the reason it is unusable, or None when no domain publishes one.

    Raises DNSError on a temporary failure.
    """
    candidates = [from_domain]
    organisational = org_domain(from_domain)
    if organisational != from_domain:
        candidates.append(organisational)
    if not is_dns_name(f"_dmarc.{from_domain}"):
        return f"{from_domain!r} is not a valid DNS name"
    for domain in candidates:
        answer = resolver.query(f"_dmarc.{domain}", "TXT")
        records = [r for r in answer.records if re.match(r"^\s*v\s*=\s*DMARC1\s*(;|$)", r, re.I)]
        if len(records) > 1:  # §6.6.3 step 4: more than one record means no policy
            return f"_dmarc.{domain} publishes {len(records)} DMARC records"
        if records:
            return parse_record(records[0], domain)
    return None


def check_dmarc(
    *,
    author: Author,
    spf: SpfCheck,
    dkim: DkimCheck,
    resolver: Resolver | None,
    receipt: Receipt,
) -> DmarcCheck:
    stamped = receipt.first("dmarc")
    receipt_result = stamped.result if stamped else None
    if author.domain is None:
        # §6.6.1: no single author domain. A receiver's "pass" cannot stand either.
        return DmarcCheck(
            result="permerror",
            source="verified",
            receipt=receipt_result,
            explanation=author.problem,
        )
    from_domain = author.domain
    base = DmarcCheck(from_domain=from_domain, org_domain=org_domain(from_domain))
    if resolver is None:
        if stamped is None:
            return replace(base, explanation="Not evaluated (offline) and no verdict at receipt.")
        disposition = stamped.policy if stamped.policy in _POLICIES else None
        return replace(
            base,
            result=stamped.result,
            source="receipt",
            receipt=stamped.result,
            disposition=disposition,
        )
    try:
        policy = fetch_policy(resolver, from_domain)
    except DNSError as exc:
        return _combine(base, stamped, "temperror", f"The DMARC policy could not be fetched: {exc}")
    if policy is None:
        return _combine(base, stamped, "none", f"{from_domain} publishes no DMARC policy.")
    if isinstance(policy, str):
        return _combine(base, stamped, "permerror", f"The DMARC policy is unusable: {policy}.")

    dkim_ok = tuple(
        dict.fromkeys(
            d for d in dkim.passing_domains() if aligned(d, from_domain, strict=policy.adkim == "s")
        )
    )
    spf_ok = (
        spf.result == "pass"
        and spf.domain is not None
        and aligned(spf.domain, from_domain, strict=policy.aspf == "s")
    )
    subdomain = policy.record_domain != from_domain
    disposition = (policy.sp or policy.p) if subdomain else policy.p
    verified = "pass" if dkim_ok or spf_ok else "fail"
    notes = []
    if verified == "fail" and policy.pct < 100:
        disposition, sampled = _sampled(disposition or "none", policy.pct)
        notes.append(sampled)
    temporary = spf.result == "temperror" or any(s.result == "temperror" for s in dkim.signatures)
    if verified == "fail" and temporary:
        # An SPF or DKIM answer is missing for now, not negative: no verdict yet (§6.6.2).
        verified = "temperror"
        notes.append("SPF or a DKIM key could not be checked (DNS temporary failure).")
    elif verified == "fail":
        notes.append(_why_fail(spf, dkim, from_domain, policy))
    checked = replace(
        base,
        record_domain=policy.record_domain,
        policy=policy.p,
        subdomain_policy=policy.sp,
        disposition=disposition,
        adkim=policy.adkim,
        aspf=policy.aspf,
        pct=policy.pct,
        dkim_aligned=dkim_ok,
        spf_aligned=spf_ok,
    )
    return _combine(checked, stamped, verified, " ".join(notes) or None)


# RFC 7489 §6.6.4: a failing message outside the pct= sample gets the next less strict policy.
_LESSER = {"reject": "quarantine", "quarantine": "none", "none": "none"}


def _sampled(policy: str, pct: int) -> tuple[str, str]:
    """(disposition, note) under ``pct`` < 100 (RFC 7489 §6.6.4). A receiver samples each
    message at random; with pct=0 the policy never applies, otherwise it may or may not."""
    lesser = _LESSER.get(policy, "none")
    if pct <= 0:
        return lesser, (
            f"The policy {policy} is published with pct=0: it applies to no message, so "
            f"receivers use {lesser} (RFC 7489 §6.6.4)."
        )
    return policy, (
        f"The policy {policy} applies to {pct}% of failing mail (pct={pct}); this message may "
        f"have been treated as {lesser} instead (RFC 7489 §6.6.4)."
    )


def _why_fail(spf: SpfCheck, dkim: DkimCheck, from_domain: str, policy: Policy) -> str:
    parts = []
    if spf.result == "pass" and spf.domain:
        mode = "strict" if policy.aspf == "s" else "relaxed"
        parts.append(
            f"SPF passed for {spf.domain}, which is not aligned ({mode}) with {from_domain}"
        )
    else:
        parts.append(f"SPF did not pass ({spf.result})")
    passing = dkim.passing_domains()
    if passing:
        mode = "strict" if policy.adkim == "s" else "relaxed"
        names = ", ".join(dict.fromkeys(passing))
        parts.append(f"DKIM passed for {names}, not aligned ({mode}) with {from_domain}")
    else:
        parts.append(f"no DKIM signature passed ({dkim.result})")
    return "DMARC fails: " + "; ".join(parts) + "."


def _combine(
    checked: DmarcCheck, stamped: ReceiptResult | None, verified: str, explanation: str | None
) -> DmarcCheck:
    """The receiver's verdict is the headline when there is one; ours is shown beside it."""
    disposition = checked.disposition
    if stamped is not None and disposition is None and stamped.policy in _POLICIES:
        disposition = stamped.policy
    if stamped is None:
        return replace(
            checked,
            result=verified,
            source="verified",
            verified=verified,
            disposition=disposition,
            explanation=explanation,
        )
    if verified != stamped.result:
        now = f"now {verified}" + (f": {explanation}" if explanation else "")
        explanation = f"The receiver said {stamped.result}; {now}"
    return replace(
        checked,
        result=stamped.result,
        source="receipt",
        receipt=stamped.result,
        verified=verified,
        disposition=disposition,
        explanation=explanation,
    )
