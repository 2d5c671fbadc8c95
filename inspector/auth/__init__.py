"""Authentication (SPF, DKIM, DMARC, ARC) and spam verdicts of one e-mail message.

Two views of each method:

* **at receipt** (works offline): what the receiving provider stamped in Authentication-
  Results (RFC 8601), ARC-Authentication-Results (RFC 8617) and Received-SPF (RFC 7208 §9.1).
  Only stamps by the receiver count (see ``inspector.auth.receipt``); the rest are listed as
  ``untrusted`` and never count as a pass.
* **verified now** (needs the injected ``Resolver``): DKIM signatures re-verified with dkimpy,
  SPF re-evaluated with pyspf for the receiver's entry hop, DMARC evaluated from the published
  policy, ARC chains verified. ``resolver=None`` (``--offline``) opens no connection at all.

Where both exist the receiver's verdict is the headline ``result`` (it is what the provider
acted on) and a disagreement is explained (a key rotated since delivery is "passed at
receipt; key since changed", not a forgery; a DNS timeout is ``temperror``, never ``fail``).

An ``AuthReport`` in JSON (a report message's ``"auth"``; its verdict is the message's
``"spam"``) is::

    {
      "spf":   {"result", "source", "domain", "identity": "mailfrom"|"helo", "ip", "helo",
                "receipt", "verified", "explanation", "lookups"},
      "dkim":  {"result", "source", "domains": [d=...], "explanation",
                "signatures": [{"domain", "selector", "algorithm", "result", "source",
                                "receipt", "verified", "partial", "body_length", "appended",
                                "expired", "timestamp", "identity", "explanation"}]},
      "dmarc": {"result", "source", "from_domain", "org_domain", "record_domain", "policy",
                "subdomain_policy", "disposition", "adkim", "aspf", "pct", "dkim_aligned",
                "spf_aligned", "receipt", "verified", "explanation"},
      "arc":   {"result", "source", "domains", "receipt", "verified", "explanation",
                "instances": [{"instance", "seal_domain", "signature_domain", "cv",
                               "seal_valid", "signature_valid", "authserv_id"}]},
      "from_domain", "envelope_from", "receiver": {"host", "org_domain"},
      "trusted":   [{"header", "position", "authserv_id", "method", "result", "raw_result",
                     "reason", "properties": {...}, "instance", "policy"}],
      "untrusted": [same shape: stamps written by somebody else; possibly forged],
      "notes": [str], "offline": bool, "truncated": bool
    }

``result`` is one of ``pass fail softfail neutral none temperror permerror policy``;
``source`` is ``"receipt"``, ``"verified"`` or null (nothing known); ``receipt`` and
``verified`` are the two views (null when not available). ``spam`` is documented in
``inspector.auth.spam``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from inspector.auth.report import (
    ArcCheck,
    AuthReport,
    DkimCheck,
    DkimSignature,
    DmarcCheck,
    ReceiptResult,
    SpfCheck,
)
from inspector.auth.spam import SpamRule, SpamVerdict, decode_spam
from inspector.domains.dns import Resolver

if TYPE_CHECKING:
    from inspector.parse.fields import HeaderBlock
    from inspector.parse.trace import Trace

__all__ = [
    "ArcCheck",
    "AuthReport",
    "DkimCheck",
    "DkimSignature",
    "DmarcCheck",
    "ReceiptResult",
    "SpamRule",
    "SpamVerdict",
    "SpfCheck",
    "check_auth",
    "decode_spam",
]


def check_auth(
    raw: bytes,
    *,
    block: HeaderBlock | None = None,
    trace: Trace | None = None,
    resolver: Resolver | None,
    trust_authserv_ids: Sequence[str] = (),
    now: datetime | None = None,
    truncated: bool = False,
) -> AuthReport:
    """Authentication and spam verdicts of one message (RFC 5322 bytes, headers and body).

    ``resolver=None`` means offline: only verdicts at receipt, no network at all.
    ``truncated=True`` says ``raw`` was cut short: body-dependent checks say so instead of
    reporting a failure. Never raises on message content.

    ``block`` and ``trace`` are the message's parsed header fields and Received path when the
    caller has them already (``inspector.parse.fields.header_block(raw)`` and
    ``inspector.parse.trace.read_trace(block.unfolded)``); they are read from ``raw`` when not
    given. ``raw`` itself is only read again by DKIM and ARC verification, which must hash
    the exact bytes (RFC 6376 §3.4, RFC 8617 §5).
    """
    from inspector.auth.arc import check_arc
    from inspector.auth.dkim_verify import check_dkim
    from inspector.auth.dmarc import check_dmarc
    from inspector.auth.headers import author, envelope_sender
    from inspector.auth.receipt import collect
    from inspector.auth.received import delivery_path
    from inspector.auth.spf_eval import check_spf
    from inspector.parse.fields import header_block
    from inspector.parse.trace import read_trace

    now = now or datetime.now(UTC)
    if block is None:
        block = header_block(raw)
    headers = block.unfolded
    if trace is None:
        trace = read_trace(headers)
    body = raw[block.body_at :]
    path = delivery_path(trace)
    receipt = collect(headers, path, trust_authserv_ids)
    sender = author(headers)
    envelope = envelope_sender(headers)
    notes = list(receipt.notes)
    if path.receiver_host is None:
        notes.append("No Received header names the receiving provider; no stamp is trusted.")
    if truncated:
        notes.append("The message was truncated when read; body checks were not possible.")

    spf = check_spf(
        ip=path.connecting_ip,
        envelope_from=envelope,
        helo=path.helo,
        resolver=resolver,
        receipt=receipt,
        now=now,
    )
    # A signature is judged at the moment it was checked on delivery (RFC 6376 §3.5 x=): the
    # newest Received stamp, else now.
    delivered = next((hop.hop.at for hop in trace.hops if hop.hop.at is not None), None)
    dkim = check_dkim(
        raw,
        headers,
        body,
        resolver=resolver,
        receipt=receipt,
        now=now,
        delivered_at=delivered,
        truncated=truncated,
    )
    dmarc = check_dmarc(author=sender, spf=spf, dkim=dkim, resolver=resolver, receipt=receipt)
    arc = check_arc(raw, headers, resolver=resolver, receipt=receipt)
    spam = decode_spam(headers, path=path)
    return AuthReport(
        spf=spf,
        dkim=dkim,
        dmarc=dmarc,
        arc=arc,
        spam=spam,
        from_domain=sender.domain,
        envelope_from=envelope,
        receiver=path.receiver_host,
        receiver_org=path.receiver_org,
        trusted=receipt.trusted,
        untrusted=receipt.untrusted,
        notes=tuple(notes),
        offline=resolver is None,
        truncated=truncated,
    )
