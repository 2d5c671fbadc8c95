"""The catalogue of services that send codes, loaded from ``inspector/data/services.toml``.

STUB: replaced by the real catalogue; the names below are the contract.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Service:
    id: str  # stable key, e.g. "tiktok"
    name: str  # display name, e.g. "TikTok"
    domains: tuple[str, ...]  # sending / owned domains (registrable domains)
    default_validity_seconds: int | None = None


def find_service(name_or_domain: str) -> Service | None:
    """Look a service up by id, display name, alias or one of its domains (case-insensitive)."""
    del name_or_domain
    return None


def service_by_id(service_id: str) -> Service | None:
    del service_id
    return None


def owns_domain(service: Service, domain: str) -> bool:
    """True when ``domain`` is one of the service's domains or a subdomain of one."""
    domain = domain.lower().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in service.domains)
