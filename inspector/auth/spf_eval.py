"""SPF (RFC 7208) for the connecting IP of the receiver's entry hop, with pyspf.

pyspf does every DNS lookup through one method, ``query.dns``; ``_ResolverQuery`` overrides it
to ask the shared ``Resolver`` instead of pyspf's module-level ``DNSLookup``, so no global is
patched and lookups are cached and budgeted with the rest of the run. pyspf itself still
counts the DNS-querying terms (at most 10, RFC 7208 §4.6.4) in ``check_lookups``; the override
keeps its void-lookup count (at most 2 answers that are NXDOMAIN or empty, same section).
A ``DNSError`` becomes pyspf's ``TempError``, i.e. ``temperror`` (RFC 7208 §2.6.6).
"""

from __future__ import annotations

import ipaddress
import re
from datetime import datetime
from functools import lru_cache
from typing import Any

from inspector.auth.headers import domain_of
from inspector.auth.receipt import Receipt
from inspector.auth.report import SpfCheck, normalise_result
from inspector.domains.dns import Resolver
from inspector.errors import DNSError

MAX_VOID_LOOKUPS = 2  # RFC 7208 §4.6.4


@lru_cache(maxsize=1)
def _query_class() -> type[Any]:  # Any: a subclass of pyspf's spf.query, which is untyped
    import spf

    class ResolverQuery(spf.query):  # type: ignore[misc]
        """spf.query whose DNS goes through inspector's Resolver."""

        resolver: Resolver

        def dns(
            self,
            name: str,
            qtype: str,
            cnames: object = None,
            ignore_void: bool = False,
        ) -> list[object]:  # TXT: [[bytes]], MX: [(pref, host)], A/AAAA/PTR: [str]
            del cnames  # dnspython follows CNAME chains inside the resolver
            name = str(name or "").rstrip(".").lower()
            if not name:
                raise spf.PermError("empty domain name in SPF evaluation")
            if not _askable(name):
                return []  # no DNS name can be this: no answer, as pyspf does (RFC 7208 §4.3)
            try:
                answer = self.resolver.query(name, qtype)
            except DNSError as exc:
                raise spf.TempError(f"DNS {exc}") from exc
            records = list(answer.records) if answer.status == "ok" else []
            result: list[object]
            if qtype in ("TXT", "SPF"):
                result = [[r.encode("utf-8", "replace")] for r in records]
            elif qtype == "MX":
                result = []
                for record in records:
                    pref, _, host = record.partition(" ")
                    if re.fullmatch(r"[0-9]{1,5}", pref):
                        result.append((int(pref), host.rstrip(".")))
            elif qtype == "PTR":
                result = [r.rstrip(".") for r in records]
            else:  # A, AAAA
                result = list(records)
            if not result and not ignore_void:
                self.void_lookups += 1
                if self.void_lookups > MAX_VOID_LOOKUPS:
                    raise spf.PermError(f"Void lookup limit of {MAX_VOID_LOOKUPS} exceeded")
            return result

    return ResolverQuery


def _askable(name: str) -> bool:
    """Can DNS be asked about ``name``? RFC 7208 §7.1 lets a domain-spec hold any visible
    character (``a:foo:bar/baz.example.com``), and DNS labels may hold any octet (RFC 2181
    §11): only the length limits of RFC 1035 §2.3.4 and plain ASCII (after IDNA) apply."""
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except (UnicodeError, ValueError):
            return False
    labels = name.split(".")
    return (
        len(name) <= 253
        and all(0 < len(label) <= 63 for label in labels)
        and all(ch.isprintable() for ch in name)
    )


def evaluate(
    ip: str, sender: str, helo: str, resolver: Resolver, now: datetime
) -> tuple[str, str | None, int | None]:
    """(result, explanation, lookups) for one SPF check_host() (RFC 7208 §4)."""
    import spf

    try:
        query = _query_class()(i=ip, s=sender, h=helo, strict=True, timeout=5)
    except spf.PermError as exc:
        return "permerror", f"SPF cannot be evaluated: {exc}", None
    except Exception as exc:  # pyspf on hostile input (bad IP, odd names)
        return "permerror", f"SPF cannot be evaluated: {exc}", None
    query.resolver = resolver
    query.t = str(int(now.timestamp()))  # the %{t} macro, from the injected clock
    try:
        result, _code, explanation = query.check()
    except Exception as exc:  # e.g. AssertionError on runaway recursion in strict mode
        return "permerror", f"SPF evaluation failed: {exc}", getattr(query, "lookups", None)
    # pyspf gives "" when the record has no exp= and the result needs no reason.
    said = str(explanation or "").strip() or None
    return normalise_result(str(result)), said, getattr(query, "lookups", None)


def check_spf(
    *,
    ip: str | None,
    envelope_from: str | None,
    helo: str | None,
    resolver: Resolver | None,
    receipt: Receipt,
    now: datetime,
) -> SpfCheck:
    stamped = receipt.first("spf")
    if envelope_from is None and stamped is not None:  # no Return-Path: use what was stamped
        mailfrom = stamped.prop("smtp.mailfrom", "envelope-from")
        envelope_from = mailfrom if mailfrom and "@" in mailfrom else envelope_from
    if ip is None and stamped is not None:
        ip = stamped.prop("client-ip")
    if ip is not None:
        try:
            ip = str(ipaddress.ip_address(ip))
        except ValueError:
            ip = None
    if envelope_from:
        identity, domain = "mailfrom", domain_of(envelope_from)
    else:  # null sender: SPF checks the HELO identity (RFC 7208 §2.4)
        identity, domain = "helo", (helo.lower().rstrip(".") if helo else None)
    if stamped is not None and stamped.prop("smtp.mailfrom"):
        stamped_domain = domain_of(stamped.prop("smtp.mailfrom")) or stamped.prop("smtp.mailfrom")
        domain = domain or stamped_domain
    verified = explanation = None
    lookups = None
    if resolver is not None:
        if ip is None:
            explanation = "Not re-checked: the connecting IP is not in the Received headers."
        elif not domain:
            explanation = "Not re-checked: neither an envelope sender nor a HELO name is known."
        else:
            verified, explanation, lookups = evaluate(
                ip, envelope_from or "", helo or domain, resolver, now
            )
    receipt_result = stamped.result if stamped else None
    if receipt_result is not None:
        result, source = receipt_result, "receipt"
        if verified is not None and verified != receipt_result:
            explanation = _disagreement(receipt_result, verified, explanation)
    elif verified is not None:
        result, source = verified, "verified"
    else:
        result, source = "none", None
        explanation = explanation or "Not re-checked (offline) and no verdict from the receiver."
    return SpfCheck(
        result=result,
        source=source,
        domain=domain,
        identity=identity,
        ip=ip,
        helo=helo,
        receipt=receipt_result,
        verified=verified,
        explanation=explanation,
        lookups=lookups,
    )


def _disagreement(receipt: str, verified: str, explanation: str | None) -> str:
    why = f" ({explanation.rstrip('.')})" if explanation else ""  # never an empty "()"
    if verified == "temperror":
        return f"{receipt.capitalize()} at receipt; cannot be re-checked now{why}."
    return (
        f"{receipt.capitalize()} at receipt, {verified} now: the SPF record has probably "
        f"changed since delivery{why}."
    )
