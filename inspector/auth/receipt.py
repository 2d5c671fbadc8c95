"""Verdicts at receipt: Authentication-Results (RFC 8601), ARC-Authentication-Results
(RFC 8617 §4.1.1) and Received-SPF (RFC 7208 §9.1), split into trusted and untrusted. Pure.

Anyone can write these headers into a message before sending it, so a result only counts when
the receiving provider stamped it (RFC 8601 §5: "a header field ... added by an ADMD other
than the receiver's must not be trusted"):

* An Authentication-Results whose authserv-id belongs to the receiver (same organisational
  domain as the topmost ``by`` host, or a sibling domain of the same provider) or is listed in
  ``trust_authserv_ids``: the topmost such field, and any further ones above the receiver's
  entry hop (stacked milters). Receivers prepend their stamp, so the topmost one is theirs.
* An Authentication-Results without authserv-id (Microsoft's style): only the topmost AR of
  the message, and only above the first Received written by somebody else.
* The topmost ARC-Authentication-Results with the receiver's authserv-id (each forwarder
  prepends its set, RFC 8617 §4.2, so a lower one with that id was written by someone else).
* The topmost Received-SPF, when it sits above the first Received written by somebody else
  and its ``receiver=`` / comment host (if any) is the receiver's.

Everything else is reported as untrusted and never counted as a pass.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from email.message import Message

from inspector.auth import authres_fast
from inspector.auth.headers import Header, indexed
from inspector.auth.received import DeliveryPath
from inspector.auth.report import ReceiptResult, normalise_result

AR = "Authentication-Results"
AAR = "ARC-Authentication-Results"
RSPF = "Received-SPF"
_PLACEHOLDER = "authserv-id.invalid"
MAX_VALUE = 16384


@dataclass(frozen=True, slots=True)
class Receipt:
    trusted: tuple[ReceiptResult, ...]
    untrusted: tuple[ReceiptResult, ...]
    notes: tuple[str, ...]

    def first(self, method: str) -> ReceiptResult | None:
        """The receiver's result for ``method``: AR before AAR before Received-SPF."""
        for header in (AR, AAR, RSPF):
            for result in self.trusted:
                if result.header == header and result.method == method:
                    return result
        return None

    def all(self, method: str) -> list[ReceiptResult]:
        """Every trusted result for ``method`` from the preferred header kind present."""
        for header in (AR, AAR):
            found = [r for r in self.trusted if r.header == header and r.method == method]
            if found:
                return found
        return []


def parse_authres(
    value: str, *, header: str = AR, position: int = 0
) -> tuple[str | None, list[ReceiptResult]] | None:
    """Parse one AR (or AAR without its ``i=``) value; None when it cannot be read at all."""
    if len(value) > MAX_VALUE:  # no real stamp is this long; spare the parser
        return None
    read = authres_fast.parse(value) or _read_authres(value)
    if read is None:
        return None
    authserv_id, items = read
    policies = _dmarc_policies(value)
    results = []
    for item in items:
        # Names and results recur in every message: one string each (records stay small).
        method = sys.intern(item.method.lower())
        raw = item.result
        props = tuple(
            (sys.intern(f"{ptype}.{name}".lower()), found) for ptype, name, found in item.properties
        )
        policy = None
        if method == "dmarc":
            policy = dict(props).get("policy.dmarc") or (policies.pop(0) if policies else None)
            policy = policy.lower() if policy else None
        results.append(
            ReceiptResult(
                header=header,
                position=position,
                authserv_id=authserv_id,
                method=method,
                result=normalise_result(raw),
                raw_result=sys.intern(raw.lower()),
                reason=item.reason,
                properties=props,
                policy=policy,
            )
        )
    return authserv_id, results


def _read_authres(value: str) -> tuple[str | None, list[authres_fast.Result]] | None:
    """Any RFC 8601 value, by the ``authres`` package (the shape ``authres_fast`` does not
    read); authserv-id None for Microsoft's stamps without one."""
    import authres

    features = authres.all_features()
    authserv_id: str | None
    try:
        parsed = features.parse_value(value)
        authserv_id = parsed.authserv_id
    except Exception:  # authres raises several types on hostile input; any means "unreadable"
        if not re.match(r"^\s*[A-Za-z][\w.-]*\s*=", value):
            return None
        try:  # Microsoft omits the authserv-id: "spf=pass (sender IP is ...) ..."
            parsed = features.parse_value(f"{_PLACEHOLDER}; {value}")
        except Exception:
            return None
        authserv_id = None
    return authserv_id, [
        authres_fast.Result(
            str(item.method),
            str(item.result or ""),
            str(item.reason) if item.reason else None,
            tuple((str(p.type), str(p.name), str(p.value or "")) for p in (item.properties or [])),
        )
        for item in getattr(parsed, "results", [])
    ]


_POLICY = re.compile(r"\bdmarc\s*=[^;]*?\b(?:p|action)\s*=\s*([A-Za-z]+)", re.IGNORECASE)


def _dmarc_policies(value: str) -> list[str]:
    """Policies from comments authres drops: Gmail's "(p=REJECT sp=REJECT dis=NONE)"."""
    return [m.group(1) for m in _POLICY.finditer(value)]


def parse_received_spf(value: str, position: int = 0) -> ReceiptResult | None:
    """``result (comment) key=value; ...`` (RFC 7208 §9.1); None when there is no result."""
    words = value[:MAX_VALUE].strip().split(None, 1)
    if not words:
        return None
    raw = words[0].lower()
    rest = words[1] if len(words) > 1 else ""
    comment = None
    if rest.startswith("("):
        end = rest.find(")")
        comment, rest = (rest[1:end], rest[end + 1 :]) if end >= 0 else (rest[1:], "")
    params: list[tuple[str, str]] = []
    try:
        message = Message()
        message["Received-SPF"] = "x; " + rest
        found = message.get_params(header="Received-SPF") or []
        params = [(str(k).lower(), str(v)) for k, v in found[1:] if str(k).strip()]
    except Exception:
        params = []
    if comment:
        host = comment.split(":", 1)[0].strip()
        if host and " " not in host:
            params.append(("comment-host", host.lower()))
    return ReceiptResult(
        header=RSPF,
        position=position,
        authserv_id=dict(params).get("receiver"),
        method="spf",
        result=normalise_result(raw),
        raw_result=raw,
        reason=comment,
        properties=tuple(params),
    )


def collect(
    headers: Sequence[Header], path: DeliveryPath, trust_authserv_ids: Sequence[str] = ()
) -> Receipt:
    trusted: list[ReceiptResult] = []
    untrusted: list[ReceiptResult] = []
    notes: list[str] = []
    extra = {t.strip().lower() for t in trust_authserv_ids if t.strip()}
    entry_at = path.entry.index if path.entry else None

    def ours(authserv_id: str | None) -> bool:
        if authserv_id is None:
            return False
        return authserv_id.lower() in extra or path.is_receiver(authserv_id)

    # Authentication-Results
    seen_ours = False
    for number, (position, value) in enumerate(indexed(headers, AR)):
        parsed = parse_authres(value, position=position)
        if parsed is None:
            notes.append(f"An Authentication-Results header (field {position}) is unreadable.")
            continue
        authserv_id, results = parsed
        if authserv_id is None:
            trust = number == 0 and path.receiver_org is not None and position < path.zone_end
        elif ours(authserv_id):
            above_entry = entry_at is not None and position < entry_at
            trust = not seen_ours or above_entry or authserv_id.lower() in extra
            seen_ours = True
        else:
            trust = False
        (trusted if trust else untrusted).extend(replace(r, trusted=trust) for r in results)

    # ARC-Authentication-Results: "i=N; authserv-id; results"
    best: tuple[int, list[ReceiptResult]] | None = None
    for position, value in indexed(headers, AAR):
        match = re.match(r"^\s*i\s*=\s*(\d{1,3})\s*;(.*)$", value, re.DOTALL)
        if not match:
            notes.append(f"An ARC-Authentication-Results header (field {position}) has no i=.")
            continue
        instance = int(match.group(1))
        parsed = parse_authres(match.group(2), header=AAR, position=position)
        if parsed is None:
            notes.append(f"An ARC-Authentication-Results header (field {position}) is unreadable.")
            continue
        authserv_id, results = parsed
        results = [replace(r, instance=instance) for r in results]
        if ours(authserv_id) and best is None:  # the topmost: sets are prepended (§4.2)
            best = (instance, results)
        else:
            untrusted.extend(results)
    if best is not None:
        trusted.extend(replace(r, trusted=True) for r in best[1])

    # Received-SPF
    for number, (position, value) in enumerate(indexed(headers, RSPF)):
        spf = parse_received_spf(value, position)
        if spf is None:
            continue
        host = spf.prop("receiver", "comment-host")
        trust = (
            number == 0
            and path.receiver_org is not None
            and position < path.zone_end
            and (host is None or ours(host))
        )
        (trusted if trust else untrusted).append(replace(spf, trusted=trust))

    if untrusted and any(r.result == "pass" for r in untrusted):
        ids = sorted({r.authserv_id or r.header for r in untrusted if r.result == "pass"})
        notes.append(
            "Ignored 'pass' results stamped by " + ", ".join(ids) + ": they were not written "
            "by the receiving provider and may be forged."
        )
    return Receipt(tuple(trusted), tuple(untrusted), tuple(notes))
