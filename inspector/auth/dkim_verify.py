"""DKIM signatures (RFC 6376): each one re-verified with dkimpy and set against the receipt.

Key lookups go through the injected ``Resolver`` (``KeyLookup`` is dkimpy's ``dnsfunc``), so a
run asks for a key once and a timeout becomes ``temperror`` (RFC 6376 §6.1.2: TEMPFAIL), never
``fail``. dkimpy folds "key missing", "DNS timeout" and "bad signature" into one ``False``; the
lookup records what DNS said so the three can be told apart again.

The expiry (``x=``) and the signing time (``t=``) are judged against the injected clock instead
of dkimpy's ``time.time()``: ``_verifier_class`` validates the other tags exactly as dkimpy
does and lets the cryptographic check run, so "expired but intact" differs from "forged".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from inspector.auth.headers import Header, indexed
from inspector.auth.receipt import Receipt
from inspector.auth.report import DkimCheck, DkimSignature, ReceiptResult
from inspector.domains.dns import Resolver
from inspector.domains.orgdomain import is_dns_name
from inspector.errors import DNSError

_SLOP = 36000  # dkimpy's allowance for signers with wrong clocks (10 hours)


class KeyLookup:
    """dkimpy ``dnsfunc`` backed by the shared resolver; remembers what each lookup found."""

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver
        self.outcomes: dict[str, str] = {}  # name → "ok", "nxdomain", "nodata", "temperror"
        self.records: dict[str, str] = {}

    def __call__(self, name: bytes | str, timeout: float = 5.0) -> bytes | None:
        import dkim

        del timeout  # the shared resolver owns timeouts and the run's budget
        text = name.decode("ascii", "replace") if isinstance(name, bytes) else name
        key = text.lower().rstrip(".")
        if not is_dns_name(key):  # d= or s= that no DNS name can have: no key, not a timeout
            self.outcomes[key] = "invalid"
            return None
        try:
            answer = self._resolver.query(key, "TXT")
        except DNSError as exc:
            self.outcomes[key] = "temperror"
            raise dkim.DnsTimeoutError(str(exc)) from exc
        if answer.status != "ok" or not answer.records:
            self.outcomes[key] = answer.status if answer.status != "ok" else "nodata"
            return None
        records = list(answer.records)
        # RFC 6376 §3.6.2.2: with several TXT records, use one that is a key record.
        record = next((r for r in records if re.search(r"(^|;)\s*p\s*=", r)), records[0])
        self.outcomes[key] = "ok"
        self.records[key] = record
        return record.encode("utf-8", "replace")


@lru_cache(maxsize=1)
def silent_logger() -> logging.Logger:
    """dkimpy logs every failed signature at ERROR; those are results here, not errors."""
    logger = logging.getLogger("inspector.auth.dkimpy")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    return logger


@lru_cache(maxsize=1)
def _verifier_class() -> type[Any]:  # Any: a subclass of dkimpy's dkim.DKIM, which is untyped
    import dkim
    from dkim.util import InvalidTagValueList, parse_tag_value

    class Verifier(dkim.DKIM):  # type: ignore[misc]
        """dkim.DKIM whose header preparation leaves x=/t= to the caller's clock."""

        def verify_headerprep(self, idx: int = 0) -> object:  # False, or dkimpy's 3-tuple
            sigheaders = [(x, y) for x, y in self.headers if x.lower() == b"dkim-signature"]
            if len(sigheaders) <= idx:
                return False
            try:
                sig = parse_tag_value(sigheaders[idx][1])
            except InvalidTagValueList as exc:
                raise dkim.MessageFormatError(exc) from exc
            self.signature_fields = sig
            dkim.validate_signature_fields({k: v for k, v in sig.items() if k not in (b"x", b"t")})
            self.domain = sig[b"d"]
            self.selector = sig[b"s"]
            include = [x.lower() for x in re.split(rb"\s*:\s*", sig[b"h"])]
            self.include_headers = tuple(include)
            return sig, include, sigheaders

    return Verifier


def _tags(value: str) -> dict[str, str] | None:
    """The tag list (RFC 6376 §3.2) read exactly as dkimpy's ``parse_tag_value`` reads it,
    without importing dkimpy: with dnspython that import costs some 40 ms, and a run without
    DNS reads the tags only. None where dkimpy refuses the list."""
    tags: dict[bytes, bytes] = {}
    specs = value.encode("utf-8", "replace").strip().split(b";")
    if not specs[-1]:
        specs.pop()  # a trailing ";" is allowed
    for spec in specs:
        key, equals, text = spec.partition(b"=")
        key = key.strip()
        if not equals or _TAG_NAME.match(key) is None or key in tags:
            return None
        tags[key] = text.strip()
    return {
        k.decode("ascii", "replace").lower(): v.decode("utf-8", "replace") for k, v in tags.items()
    }


_TAG_NAME = re.compile(rb"^[a-zA-Z](\w)*")


def _int(text: str | None) -> int | None:
    text = re.sub(r"\s+", "", text or "")
    return int(text) if re.fullmatch(r"[0-9]{1,20}", text) else None


def _canonical_body_length(body: bytes, c_value: str) -> int | None:
    from dkim.canonicalization import CanonicalizationPolicy

    try:
        policy = CanonicalizationPolicy.from_c_value(c_value.encode("ascii", "replace"))
        # dkimpy hashes the body with CRLF line ends whatever the stored form (RFC 6376 §3.4)
        return len(policy.canonicalize_body(re.sub(rb"\r?\n", b"\r\n", body)))
    except Exception:  # an invalid c= is reported by the verification itself
        return None


def _match_receipt(tags: dict[str, str], pool: list[ReceiptResult]) -> ReceiptResult | None:
    """The receiver's result for this signature: by header.b prefix, else by d= (and s=)."""
    b_value = re.sub(r"\s+", "", tags.get("b", ""))
    domain = tags.get("d", "").lower().rstrip(".")
    selector = tags.get("s", "").lower()
    for result in pool:
        prefix = result.prop("header.b")
        if prefix and len(prefix) >= 8 and b_value.startswith(prefix):
            pool.remove(result)
            return result
    for result in pool:
        if result.prop("header.b"):
            continue
        d = (result.prop("header.d") or result.prop("header.i") or "").lower()
        d = d.rpartition("@")[2].rstrip(".")
        s = (result.prop("header.s") or "").lower()
        if d == domain and (not s or s == selector):
            pool.remove(result)
            return result
    return None


def check_dkim(
    raw: bytes,
    headers: Sequence[Header],
    body: bytes,
    *,
    resolver: Resolver | None,
    receipt: Receipt,
    now: datetime,
    delivered_at: datetime | None = None,
    truncated: bool = False,
) -> DkimCheck:
    pool = list(receipt.all("dkim"))
    values = indexed(headers, "DKIM-Signature")
    verify: Callable[[int], tuple[str, str | None]] | None = None
    if resolver is not None and values:
        verify = _verification(raw, resolver, len(values))
    signatures = []
    for number, (_, value) in enumerate(values):
        tags = _tags(value)
        if tags is None:
            unreadable = DkimSignature(
                domain=None,
                selector=None,
                algorithm=None,
                result="permerror",
                source="verified" if verify else None,
                verified="permerror" if verify else None,
                explanation="The DKIM-Signature header is not a valid tag list.",
            )
            signatures.append(unreadable)
            continue
        signatures.append(
            _one(
                tags,
                pool,
                verify,
                number,
                body=body,
                now=now,
                delivered_at=delivered_at,
                truncated=truncated,
            )
        )
    for leftover in pool:  # the receiver reported a signature the message no longer carries
        domain = (leftover.prop("header.d") or leftover.prop("header.i") or "").rpartition("@")
        signatures.append(
            DkimSignature(
                domain[2] or None,
                leftover.prop("header.s"),
                leftover.prop("header.a"),
                leftover.result,
                "receipt",
                receipt=leftover.result,
                explanation="Reported at receipt; the message no longer carries this signature.",
            )
        )
    return _aggregate(tuple(signatures), receipt)


def _verification(
    raw: bytes, resolver: Resolver, expected: int
) -> Callable[[int], tuple[str, str | None]]:
    """A function verifying signature ``i`` → (result, explanation)."""
    import dkim

    lookup = KeyLookup(resolver)
    try:
        verifier = _verifier_class()(raw, logger=silent_logger(), minkey=1024)
    except Exception:  # dkimpy rejects header blocks with stray lines
        return lambda _i: ("permerror", "The header block is malformed; dkimpy cannot read it.")
    found = sum(1 for name, _ in verifier.headers if name.lower() == b"dkim-signature")
    if found != expected:
        return lambda _i: ("permerror", "The header block is malformed; dkimpy cannot read it.")

    def run(index: int) -> tuple[str, str | None]:
        body_changed = False
        try:
            ok = bool(verifier.verify(idx=index, dnsfunc=lookup))
        except dkim.ValidationError as exc:
            if "body hash mismatch" not in str(exc):
                return "permerror", f"The signature is malformed: {exc}."
            ok, body_changed = False, True
        except dkim.KeyFormatError as exc:
            return "permerror", f"The key is unusable: {exc}."
        except Exception as exc:  # dkimpy on hostile input; the signature cannot be checked
            return "permerror", f"The signature cannot be checked: {exc}."
        name = (verifier.selector + b"._domainkey." + verifier.domain).decode("ascii", "replace")
        name = name.lower().rstrip(".")
        outcome = lookup.outcomes.get(name)
        if ok:
            return "pass", None
        if outcome == "temperror":
            return "temperror", f"The key at {name} could not be fetched (DNS temporary failure)."
        if outcome in ("nxdomain", "nodata"):
            return "permerror", f"No key is published at {name} (key missing)."
        if outcome == "invalid":
            return "permerror", f"{name!r} is not a valid DNS name (bad d= or s=)."
        record = lookup.records.get(name, "")
        if re.search(r"(^|;)\s*p\s*=\s*(;|$)", record):
            return "permerror", f"The key at {name} is revoked (empty p=)."
        if body_changed:
            return "fail", "The body was changed after signing (body hash mismatch)."
        try:
            dkim.evaluate_pk(name.encode(), record.encode("utf-8", "replace"))
        except Exception as exc:
            return "permerror", f"The key record at {name} is unusable: {exc}."
        return "fail", "The signature does not match the signed headers or the published key."

    return run


def _one(
    tags: dict[str, str],
    pool: list[ReceiptResult],
    verify: Callable[[int], tuple[str, str | None]] | None,
    index: int,
    *,
    body: bytes,
    now: datetime,
    truncated: bool,
    delivered_at: datetime | None = None,
) -> DkimSignature:
    domain = tags.get("d", "").lower().rstrip(".") or None
    length = _int(tags.get("l"))
    appended = None
    if length is not None and not truncated:
        total = _canonical_body_length(body, tags.get("c", "simple/simple"))
        appended = max(0, total - length) if total is not None else None
    expires, signed = _int(tags.get("x")), _int(tags.get("t"))
    stamp = int(now.timestamp())
    expired = expires is not None and expires < stamp - _SLOP
    notes: list[str] = []
    if length is not None:
        notes.append(f"Signs only the first {length} bytes of the body (l=).")
        if appended:
            notes.append(f"{appended} bytes of text were added after the signed part.")
    if expired and expires is not None:
        when = datetime.fromtimestamp(expires, UTC).strftime("%Y-%m-%d %H:%M UTC")
        notes.append(f"The signature expired on {when} (x=).")
    if signed is not None and signed > stamp + _SLOP:
        notes.append("The signing time (t=) is in the future.")

    receipt = _match_receipt(tags, pool)
    verified = explanation = None
    if verify is not None:
        verified, explanation = verify(index)
        if truncated and verified == "fail":
            verified, explanation = None, "Not checked: the message was truncated when read."
    result, source, why = _headline(receipt.result if receipt else None, verified, explanation)
    if why:
        notes.insert(0, why)
    invalid = _never_valid(tags, expires, signed, delivered_at)
    if invalid is not None and result == "pass":
        # Whoever said "pass", these signatures must not count (RFC 6376 §3.5, RFC 8301 §3.1):
        # DMARC must not pass on them either.
        result = "permerror" if "rsa-sha1" in invalid or "before" in invalid else "fail"
        source = "verified" if verified is not None else source
        notes.insert(0, invalid)
    return DkimSignature(
        domain=domain,
        selector=tags.get("s") or None,
        algorithm=tags.get("a") or None,
        result=result,
        source=source,
        receipt=receipt.result if receipt else None,
        verified=verified,
        partial=length is not None,
        body_length=length,
        appended=appended,
        expired=expired,
        timestamp=signed,
        identity=tags.get("i") or None,
        explanation=" ".join(notes) or None,
    )


def _never_valid(
    tags: dict[str, str], expires: int | None, signed: int | None, delivered_at: datetime | None
) -> str | None:
    """Why this signature can never count as a pass, or None."""
    if (tags.get("a") or "").strip().lower() == "rsa-sha1":
        return "The signature uses rsa-sha1, which verifiers must not accept (RFC 8301 §3.1)."
    if expires is not None and signed is not None and expires < signed:
        return "The signature expires (x=) before it was made (t=) (RFC 6376 §3.5)."
    if (
        expires is not None
        and delivered_at is not None
        and expires < int(delivered_at.timestamp()) - _SLOP
    ):
        when = datetime.fromtimestamp(expires, UTC).strftime("%Y-%m-%d %H:%M UTC")
        return f"The signature had expired (x= {when}) when the message was delivered."
    return None


def _headline(
    receipt: str | None, verified: str | None, explanation: str | None
) -> tuple[str, str | None, str | None]:
    """(result, source, explanation): the receiver's word counts; disagreements explained."""
    if receipt is None and verified is None:
        return "none", None, explanation or "Not verified (offline) and no verdict at receipt."
    if receipt is None:
        return verified or "none", "verified", explanation
    if verified is None or verified == receipt:
        return receipt, "receipt", explanation if verified is None else None
    if receipt == "pass":
        if verified == "temperror":
            why = "Passed at receipt; it cannot be re-checked now (DNS temporary failure)."
        elif explanation and "body" in explanation:
            why = "Passed at receipt; the body was changed after delivery."
        else:
            why = f"Passed at receipt; key since changed. Now: {explanation}"
        return "pass", "receipt", why
    if verified == "pass":
        why = (
            f"The receiver said {receipt} but it verifies now: the key was probably "
            "unavailable at receipt, or the receiver's copy differed."
        )
        return receipt, "receipt", why
    return receipt, "receipt", f"The receiver said {receipt}; now {verified}: {explanation}"


def _aggregate(signatures: tuple[DkimSignature, ...], receipt: Receipt) -> DkimCheck:
    if not signatures:
        stamped = receipt.first("dkim")
        if stamped is not None:
            return DkimCheck(stamped.result, "receipt", (), "The message is not DKIM-signed.")
        return DkimCheck("none", None, (), "The message is not DKIM-signed.")
    for wanted in ("pass", "fail", "temperror", "permerror", "policy", "neutral", "softfail"):
        for signature in signatures:
            if signature.result == wanted:
                return DkimCheck(wanted, signature.source, signatures)
    return DkimCheck("none", signatures[0].source, signatures)
