"""ARC (RFC 8617): the chain of seals forwarders add, verified with dkimpy's ``ARC``.

A valid chain tells what an intermediary (a mailing list, a forwarding mailbox) saw before it
changed the message: its ARC-Authentication-Results. The receiver's own ``arc=`` stamp is the
receipt verdict; re-verification uses the same ``KeyLookup`` as DKIM, so a DNS timeout is
``temperror``, not ``fail``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from inspector.auth.dkim_verify import KeyLookup, silent_logger
from inspector.auth.headers import Header, indexed
from inspector.auth.receipt import Receipt
from inspector.auth.report import ArcCheck, ArcInstance
from inspector.domains.dns import Resolver


def _seal_tags(value: str) -> dict[str, str]:
    tags: dict[str, str] = {}
    for part in value.split(";"):
        key, sep, val = part.partition("=")
        if sep:
            tags.setdefault(key.strip().lower(), re.sub(r"\s+", "", val))
    return tags


def _listed(headers: Sequence[Header]) -> list[ArcInstance]:
    """The instances as the seals state them (no verification; works offline)."""
    found: dict[int, ArcInstance] = {}
    for _, value in indexed(headers, "ARC-Seal"):
        tags = _seal_tags(value)
        number = tags.get("i", "")
        if not re.fullmatch(r"[0-9]{1,3}", number) or int(number) in found:
            continue
        found[int(number)] = ArcInstance(
            int(number), tags.get("d") or None, None, tags.get("cv") or None, None, None
        )
    signatures: dict[str, str | None] = {}
    for _, value in indexed(headers, "ARC-Message-Signature"):
        tags = _seal_tags(value)
        signatures.setdefault(tags.get("i", ""), tags.get("d") or None)
    authserv: dict[str, str] = {}
    seen: dict[str, tuple[str, ...]] = {}
    for _, value in indexed(headers, "ARC-Authentication-Results"):
        match = re.match(r"^\s*i\s*=\s*(\d{1,3})\s*;\s*([^\s;]+)", value)
        if match:
            authserv.setdefault(match.group(1), match.group(2).lower())
            seen.setdefault(match.group(1), _inner_results(value[match.end() :]))
    out = []
    for key in sorted(found, reverse=True):
        item, number = found[key], str(key)
        out.append(
            ArcInstance(
                item.instance,
                item.seal_domain,
                signatures.get(number),
                item.chain_status,
                None,
                None,
                authserv.get(number),
                seen.get(number, ()),
            )
        )
    return out


_RESINFO = re.compile(r"^\s*([a-z][a-z0-9-]*)\s*=\s*([a-z]+)", re.IGNORECASE)


def _inner_results(text: str) -> tuple[str, ...]:
    """The "method=result" of each resinfo in an ARC-Authentication-Results value (RFC 8601 §2.2),
    in order: what the intermediary saw before it changed the message."""
    found = []
    for part in re.sub(r"\([^()]*\)", " ", text).split(";")[:20]:
        match = _RESINFO.match(part)
        if match:
            found.append(f"{match.group(1).lower()}={match.group(2).lower()}")
    return tuple(found)


# RFC 8617 §4.2.1: at most 50 ARC sets; more is a broken or hostile chain.
MAX_SETS = 50
_ARC_FIELDS = ("ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results")


def structure_fault(headers: Sequence[Header]) -> str | None:
    """Why the chain's structure is invalid (RFC 8617 §5.2 steps 2-3), or None.

    Each set holds exactly one AS, one AMS and one AAR; instances run 1..N without gaps or
    repeats (N <= 50); the newest seal must not say cv=fail, the first says cv=none and the
    others cv=pass. One of these failing makes the chain "fail", whatever the signatures say.
    """
    present = [(name, value) for name in _ARC_FIELDS for _, value in indexed(headers, name)]
    if not present:
        return None
    counts: dict[tuple[str, int], int] = {}
    seals: dict[int, str] = {}
    for name, value in present:
        if name == "ARC-Authentication-Results":
            match = re.match(r"\s*i\s*=\s*([0-9]+)\s*;", value)
            number = match.group(1) if match else ""
        else:
            number = _seal_tags(value).get("i", "")
        if not re.fullmatch(r"[0-9]{1,3}", number) or int(number) < 1:
            return f"an {name} header has no valid instance (i=) tag"
        counts[(name, int(number))] = counts.get((name, int(number)), 0) + 1
        if name == "ARC-Seal":
            seals[int(number)] = _seal_tags(value).get("cv", "").lower()
    highest = max(number for _, number in counts)
    if highest > MAX_SETS:
        return f"the chain has {highest} sets; at most {MAX_SETS} are allowed"
    if seals.get(highest) == "fail":
        return f"the newest seal (i={highest}) reports cv=fail"
    for number in range(1, highest + 1):
        for name in _ARC_FIELDS:
            seen = counts.get((name, number), 0)
            if seen != 1:
                what = "missing" if seen == 0 else f"present {seen} times"
                return f"{name} i={number} is {what}"
        cv = seals.get(number, "")
        expected = "none" if number == 1 else "pass"
        if cv != expected:
            return f"ARC-Seal i={number} says cv={cv or '(nothing)'}, not cv={expected}"
    return None


def check_arc(
    raw: bytes, headers: Sequence[Header], *, resolver: Resolver | None, receipt: Receipt
) -> ArcCheck:
    stamped = receipt.first("arc")
    receipt_result = stamped.result if stamped else None
    listed = _listed(headers)
    verified = explanation = None
    instances = tuple(listed)
    fault = structure_fault(headers)
    if resolver is not None and fault is not None:
        verified, explanation = "fail", f"The ARC chain is invalid: {fault} (RFC 8617 §5.2)."
    elif resolver is not None and listed:
        verified, explanation, instances = _verify(raw, resolver, listed)
    elif resolver is not None:
        verified = "none"
    if receipt_result is not None:
        result, source = receipt_result, "receipt"
        if verified is not None and verified not in (receipt_result, "none"):
            explanation = f"The receiver said {receipt_result}; now {verified}: {explanation}"
    elif verified is not None:
        result, source = verified, "verified"
    else:
        result, source = "none", None
        if listed:
            explanation = "Not verified (offline) and no verdict from the receiver."
    return ArcCheck(result, source, receipt_result, verified, instances, explanation)


def _verify(
    raw: bytes, resolver: Resolver, listed: list[ArcInstance]
) -> tuple[str, str | None, tuple[ArcInstance, ...]]:
    import dkim

    lookup = KeyLookup(resolver)
    data: list[dict[str, object]] = []  # dkimpy's result per ARC set
    try:
        verifier = dkim.ARC(raw, logger=silent_logger(), minkey=1024)
        status, data, reason = verifier.verify(dnsfunc=lookup)
    except Exception as exc:  # dkimpy on a malformed chain or header block
        status, reason = b"fail", str(exc)
    by_number = {item.instance: item for item in listed}
    instances = []
    for entry in data:
        number = entry.get("instance")
        known = by_number.get(number) if isinstance(number, int) else None
        instances.append(
            ArcInstance(
                instance=number if isinstance(number, int) else 0,
                seal_domain=_text(entry.get("as-domain")) or (known.seal_domain if known else None),
                signature_domain=_text(entry.get("ams-domain")),
                chain_status=_text(entry.get("cv")),
                seal_valid=bool(entry["as-valid"]) if "as-valid" in entry else None,
                signature_valid=bool(entry["ams-valid"]) if "ams-valid" in entry else None,
                authserv_id=known.authserv_id if known else None,
                results=known.results if known else (),
            )
        )
    seen = {i.instance for i in instances}
    instances.extend(i for i in listed if i.instance not in seen)
    instances.sort(key=lambda i: -i.instance)
    if status == b"pass":
        return "pass", None, tuple(instances)
    if "temperror" in lookup.outcomes.values():
        return (
            "temperror",
            "An ARC key could not be fetched (DNS temporary failure).",
            tuple(instances),
        )
    if status == b"none":
        return "none", None, tuple(instances)
    return "fail", f"The ARC chain does not validate: {reason}.", tuple(instances)


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace").lower() or None
    return str(value).lower() if value else None
