"""dkimpy's own test vectors (tests/corpus/auth/dkimpy/, zlib licence; see its LICENSE).

dkimpy's test suite keeps messages, keys and DNS key records as data and states for each case
whether verification must succeed. The cases are rebuilt here from that data: messages dkimpy
signed beforehand (an Exim Ed25519 signature, Gmail's signature over degenerate folding, the
RFC 8463-style double signature) are verified as they are; the others are signed now with the
suite's private keys (every header/body canonicalisation, as its tests do) and then verified
by inspector with the suite's key records, untouched or altered the way the suite alters them
(a changed body, a second From field, a broken key record). A case is right when inspector's
verdict is "pass" exactly where dkimpy's test says the signature verifies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dkim

from inspector.auth import check_auth
from tests.corpus.auth import ZoneResolver, as_resolver, score_rfc8463
from tests.corpus.scoring import Outcome

DATA = Path(__file__).resolve().parent / "auth" / "dkimpy"
CANONS = [(h, b) for h in ("simple", "relaxed") for b in ("simple", "relaxed")]
FOOTBALL = "test._domainkey.football.example.com"
SPAMMER_FROM = b'From: "Resident Evil" <sales@spammer.com>'
# Key records dkimpy's tests give inline (public keys, data): Gmail's 2012 key for the
# degenerate-folding message, the Ed25519 keys of example.net and football.example.com.
INLINE_KEYS = {
    "20120113._domainkey.gmail.com": (
        "k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1Kd87/UeJjenpabgbFwh+eBCsSTrqmwIY"
        "Yvywlbhbqoo2DymndFkbjOVIPIldNs/m40KF+yzMn1skyoxcTUGCQs8g3FgD2Ap3ZB5DekAo5wMmk4wimDO+U8Q"
        "zI3SD07y2+07wlNWwIt8svnxgdxGkVbbhzY8i+RQ9DpSVpPbF7ykQxtKXkv/ahW3KjViiAH+ghvvIhkx4xYSIc9o"
        "SwVmAl5OctMEeWUwg8Istjqz8BZeTWbf41fbNhte7Y+YqZOwq1Sd0DbvYAD9NOZK9vlfuac0598HY+vtSBczUiKE"
        "RHv1yRbcaQtZFh5wtiRrN04BLUTD21MycBX5jYchHjPY/wIDAQAB"
    ),
    "test._domainkey.example.net": (
        "v=DKIM1; k=ed25519; p=yi50DjK5O9pqbFpNHklsv9lqaS0ArSYu02qp1S0DW1Y="
    ),
    "brisbane._domainkey.football.example.com": (
        "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
    ),
}


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    group: str  # "rsa", "ed25519" or "presigned"
    message: bytes  # as verified
    key_record: str  # the selector's name → the record file or INLINE_KEYS entry
    record: str
    passes: bool  # dkimpy's test: the signature verifies


def _data(name: str) -> bytes:
    return (DATA / name).read_bytes()


def _record(name: str) -> str:
    return _data(name).decode().strip()


def _sign(
    message: bytes, selector: str, domain: str, key: str, canon: tuple[str, str], **extra: object
) -> bytes:
    algorithm = b"ed25519-sha256" if "ed25519" in key or "8032" in key else b"rsa-sha256"
    signature: bytes = dkim.sign(
        message,
        selector.encode(),
        domain.encode(),
        _data(key),
        canonicalize=(canon[0].encode(), canon[1].encode()),
        signature_algorithm=algorithm,
        **extra,
    )
    return signature + message


def _with_header(message: bytes, line: bytes, *, first: bool) -> bytes:
    head, body = message.split(b"\n\n", 1)
    return b"\n\n".join(((line + b"\n" + head) if first else (head + b"\n" + line), body))


def cases() -> Iterator[Case]:
    """Every case of dkimpy's suite that has a verification verdict."""
    example = "test._domainkey.example.com"
    football = FOOTBALL
    message, rfc = _data("test.message"), _data("rfc6376.msg")
    for h, b in CANONS:
        c = f"{h}/{b}"
        rsa = _sign(message, "test", "example.com", "test.private", (h, b))
        yield Case(f"rsa-verifies-{c}", "rsa", rsa, example, _record("test.txt"), True)
        yield Case(f"rsa-implicit-k-{c}", "rsa", rsa, example, _record("test2.txt"), True)
        yield Case(f"rsa-bad-version-{c}", "rsa", rsa, example, _record("badversion.txt"), False)
        yield Case(f"rsa-unknown-k-{c}", "rsa", rsa, example, _record("badk.txt"), False)
        yield Case(
            f"rsa-altered-body-{c}", "rsa", rsa + b"foo", example, _record("test.txt"), False
        )
        for first in (False, True):
            where = "front" if first else "end"
            forged = _with_header(rsa, SPAMMER_FROM, first=first)
            yield Case(
                f"rsa-extra-from-{where}-{c}", "rsa", forged, example, _record("test.txt"), False
            )
        extra = _with_header(rsa, b"X-Foo: bar", first=False)
        yield Case(f"rsa-unsigned-field-{c}", "rsa", extra, example, _record("test.txt"), True)
        should = _sign(
            message, "test", "example.com", "test.private", (h, b),
            include_headers=(b"from", *dkim.DKIM.SHOULD),
        )  # fmt: skip
        yield Case(f"rsa-should-fields-{c}", "rsa", should, example, _record("test.txt"), True)
        double = _sign(rfc, "test", "football.example.com", "test.private", (h, b))
        yield Case(f"rsa-rfc6376-{c}", "rsa", double, football, _record("test.txt"), True)
        ed = _sign(message, "test", "example.net", "ed25519test.key", (h, b))
        net = "test._domainkey.example.net"
        yield Case(f"ed25519-verifies-{c}", "ed25519", ed, net, INLINE_KEYS[net], True)
        yield Case(
            f"ed25519-altered-body-{c}", "ed25519", ed + b"foo", net, INLINE_KEYS[net], False
        )
        brisbane = "brisbane._domainkey.football.example.com"
        rfc8032 = _sign(rfc, "brisbane", "football.example.com", "rfc8032_7_1.key", (h, b))
        yield Case(
            f"ed25519-rfc8032-{c}", "ed25519", rfc8032, brisbane, INLINE_KEYS[brisbane], True
        )
    length = _sign(
        message, "test", "example.com", "test.private", ("relaxed", "simple"), length=True
    )
    yield Case("rsa-body-length", "rsa", length, example, _record("test.txt"), True)
    gmail = "20120113._domainkey.gmail.com"
    yield Case(
        "degenerate-folding", "presigned", _data("test2.message"), gmail, INLINE_KEYS[gmail], True
    )
    yield Case(
        "exim-ed25519",
        "presigned",
        _data("ed25519test2.msg"),
        "sed._domainkey.test.ex",
        _record("eximtest.dns"),
        True,
    )


def _zone(**records: str) -> ZoneResolver:
    """The suite's keys, with ``records`` (by name) in place of the usual ones."""
    zone = {**INLINE_KEYS, FOOTBALL: _record("test.txt"), **records}
    return ZoneResolver({name: {"TXT": [value]} for name, value in zone.items()})


def score_with_rfc8463() -> list[Outcome]:
    """The corpus report's ``dkim`` row: the RFC 8463 example and dkimpy's vectors."""
    return score_rfc8463() + score()


def score() -> list[Outcome]:
    """One outcome per case; the RFC 8463-style double signature adds one per signature."""
    outcomes = []
    for case in cases():
        raw = case.message.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        zone = _zone(**{case.key_record: case.record})
        signatures = check_auth(raw, resolver=as_resolver(zone)).dkim.signatures
        got = signatures[0].verified if signatures else "none"
        want = "pass" if case.passes else "not pass"
        ok = (got == "pass") == case.passes
        outcomes.append(Outcome(case.id, f"dkimpy-{case.group}", True, ok, want, got))
    raw = _data("rfc6376.signed.msg").replace(b"\n", b"\r\n")
    for s in check_auth(raw, resolver=as_resolver(_zone())).dkim.signatures:
        ok = s.verified == "pass"
        outcomes.append(
            Outcome(
                f"rfc6376-signed-{s.algorithm}", "dkimpy-presigned", True, ok, "pass", s.verified
            )
        )
    return outcomes
