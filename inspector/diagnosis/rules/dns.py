"""The rule about the DNS resolver itself: a resolver that cannot be trusted is said so, and
none of its answers is used (no domain "does not exist" because a broken resolver said so)."""

from __future__ import annotations

from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence
from inspector.domains.dns import Health
from inspector.model import Finding, Severity


def dns_unreliable(ev: Evidence) -> list[Finding]:
    health = ev.context.dns
    return [unreliable_finding(health)] if health is not None and not health.ok else []


def unreliable_finding(health: Health) -> Finding:
    """``dns_unreliable``: which resolver failed how, and that DNS-based checks are unknown."""
    lying = health.problem is not None and "answered that" in health.problem
    how = health.problem or "gave no usable answer"
    return Finding(
        "dns_unreliable",
        Severity.WARNING if lying else Severity.INFO,
        f"{health.described[0].upper()}{health.described[1:]} cannot be trusted: {how}. "
        "Checks that need DNS (signatures re-verified now, whether a domain takes mail) are "
        "left unknown; the verdicts stamped at delivery are still used.",
        "Use another resolver (--resolver 1.1.1.1, or your provider's), or check the network "
        "connection, and run again; --offline skips DNS altogether.",
        rank=rank.DNS,
    )
