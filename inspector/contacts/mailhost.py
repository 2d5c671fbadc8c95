"""Does a domain take mail? MX, null MX and the A/AAAA fallback, asked of the injected resolver.

The rules, in order:

1. MX records (RFC 5321 §5.1). A lone ``0 .`` record is a null MX (RFC 7505 §3): the domain
   states it accepts no mail. Null entries are ignored when real MX hosts are listed too.
2. No MX records (NODATA): the domain itself is the implicit MX if it has an A or AAAA record
   (RFC 5321 §5.1), but only a globally reachable address counts (a private or loopback address
   cannot be reached by the sender; the rule email-validator applies as well).
3. An implicit MX whose SPF record is exactly ``v=spf1 -all`` (RFC 7208 §5.1: the domain sends
   nothing) is taken as a domain not used for mail, as email-validator does.
4. NXDOMAIN: the domain does not exist.

A ``DNSError`` (timeout, SERVFAIL, the run's DNS budget spent) gives ``unknown``: a temporary
failure of the check says nothing about the address.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum

from inspector.domains.dns import Resolver
from inspector.errors import DNSError


class MailStatus(StrEnum):
    MX = "mx"  # has MX hosts
    IMPLICIT_MX = "implicit_mx"  # no MX; mail goes to the domain's own address
    NULL_MX = "null_mx"  # RFC 7505: explicitly takes no mail
    NO_MAIL = "no_mail"  # exists, but no MX and no usable address (or SPF "-all" only)
    NXDOMAIN = "nxdomain"  # the domain does not exist
    UNKNOWN = "unknown"  # DNS could not answer


@dataclass(frozen=True, slots=True)
class MailDomain:
    domain: str
    status: MailStatus
    mx: tuple[str, ...] = ()  # MX hosts, most preferred first
    reason: str = ""  # one sentence: why the status (names the record or the DNS error)

    @property
    def accepts_mail(self) -> bool | None:
        if self.status is MailStatus.UNKNOWN:
            return None
        return self.status in (MailStatus.MX, MailStatus.IMPLICIT_MX)


def mail_domain(domain: str, resolver: Resolver) -> MailDomain:
    """Look up whether ``domain`` (ASCII/A-label form) accepts mail; never raises on DNS errors."""
    try:
        return _lookup(domain, resolver)
    except DNSError as exc:
        return MailDomain(domain, MailStatus.UNKNOWN, reason=str(exc))


def _lookup(domain: str, resolver: Resolver) -> MailDomain:
    answer = resolver.query(domain, "MX")
    if answer.status == "nxdomain":
        return MailDomain(domain, MailStatus.NXDOMAIN, reason=f"{domain} does not exist in DNS")
    if answer.status == "ok":
        records = resolver.mx(domain)
        hosts = tuple(host for _, host in records if host)  # "0 ." parses to an empty host
        if hosts:
            return MailDomain(domain, MailStatus.MX, hosts, f"{domain} has MX records")
        return MailDomain(
            domain,
            MailStatus.NULL_MX,
            reason=f"{domain} publishes a null MX record (RFC 7505): it accepts no mail",
        )
    # NODATA for MX: the implicit MX of RFC 5321 §5.1.
    if not (
        _has_global_address(domain, "A", resolver) or _has_global_address(domain, "AAAA", resolver)
    ):
        return MailDomain(
            domain,
            MailStatus.NO_MAIL,
            reason=f"{domain} has no MX record and no public address to deliver mail to",
        )
    if _spf_rejects_all(domain, resolver):
        return MailDomain(
            domain,
            MailStatus.NO_MAIL,
            reason=(
                f"{domain} has no MX record and its SPF record is 'v=spf1 -all': "
                "the domain is not used for mail"
            ),
        )
    return MailDomain(
        domain,
        MailStatus.IMPLICIT_MX,
        reason=f"{domain} has no MX record; mail goes to its address record (RFC 5321 §5.1)",
    )


def _has_global_address(domain: str, rdtype: str, resolver: Resolver) -> bool:
    for record in resolver.query(domain, rdtype).records:
        try:
            if ipaddress.ip_address(record).is_global:
                return True
        except ValueError:
            continue
    return False


def _spf_rejects_all(domain: str, resolver: Resolver) -> bool:
    try:
        records = resolver.txt(domain)
    except DNSError:
        return False  # unknown: keep the implicit MX rather than guess
    return any(r.strip().lower() == "v=spf1 -all" for r in records)
