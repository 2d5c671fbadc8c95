"""The public authentication test suites (tests/corpus/auth/) and their scorers.

* the ARC test suite's chain-validation cases (ValiMail arc_test_suite, MIT);
* the openspf.org RFC 7208 SPF test suite (as shipped with pyspf, BSD);
* the RFC 8463 example: one Ed25519 and one RSA signature over the same message.

DNS comes from each suite's own zone data through an in-memory resolver (the same interface
as inspector's ``Resolver``): no network.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import yaml

from inspector.auth import check_auth
from inspector.auth.spf_eval import evaluate
from inspector.domains.dns import Answer, Resolver
from inspector.errors import DNSError
from tests.corpus.scoring import Outcome

CORPUS = Path(__file__).resolve().parent / "auth"


class ZoneResolver:
    """A resolver answering from a suite's zone data: {name: {TYPE: [values]}}."""

    def __init__(self, zone: dict[str, dict[str, list[str]]], timeouts: set[str] = frozenset()):
        self.zone = {name.lower().rstrip("."): types for name, types in zone.items()}
        self.timeouts = timeouts
        self.queries = 0

    def query(self, name: str, rdtype: str, depth: int = 0) -> Answer:
        self.queries += 1
        key = name.lower().rstrip(".")
        types = self.zone.get(key)
        if (key, rdtype) in self.timeouts:
            raise DNSError(f"DNS lookup of {rdtype} {name} timed out")
        if types is None:
            return Answer("nxdomain")
        if types.get(rdtype):
            return Answer("ok", tuple(types[rdtype]))
        if types.get("CNAME") and depth < 8:  # a CNAME loop ends as a resolver ends it
            return self.query(types["CNAME"][0], rdtype, depth + 1)
        return Answer("nodata")

    def txt(self, name: str) -> list[str]:
        return list(self.query(name, "TXT").records)

    def mx(self, name: str) -> list[tuple[int, str]]:
        return []


def as_resolver(zone: ZoneResolver) -> Resolver:
    return cast("Resolver", zone)


def crlf(text: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def arc_cases() -> list[tuple[str, dict[str, Any], dict[str, str]]]:
    docs = yaml.safe_load_all((CORPUS / "arc-draft-validation-tests.yml").read_text())
    return [
        (f"{name}", test, doc.get("txt-records", {}))
        for doc in docs
        for name, test in doc["tests"].items()
    ]


def expected_cv(test: dict[str, Any]) -> str:
    # Three cases leave cv blank: chains whose newest seal says cv=fail, or whose first seal
    # is not cv=none. RFC 8617 §5.2 steps 2-3 make those "fail".
    return str(test.get("cv") or "").strip().lower() or "fail"


def score_arc() -> list[Outcome]:
    """One outcome per chain-validation case: the chain's verdict (RFC 8617 §5.2)."""
    outcomes = []
    for name, test, records in arc_cases():
        zone = ZoneResolver({k: {"TXT": [v]} for k, v in records.items()})
        arc = check_auth(crlf(test["message"]), resolver=as_resolver(zone)).arc
        got, want = arc.verified or "none", expected_cv(test)
        outcomes.append(Outcome(name, "arc_test_suite", True, got == want, want, got))
    return outcomes


def spf_zone(data: dict[str, list[Any]], section: str) -> ZoneResolver:
    """The suite's zone data as records. Its driver conventions: type SPF is also served as
    TXT (RFC 7208 has no SPF RR any more) except in the "Record lookup" section that tests
    exactly that; TIMEOUT makes the name time out, but not a TXT lookup of a name that has
    TXT records; a TXT of NONE means no TXT record."""
    zone: dict[str, dict[str, list[str]]] = {}
    timeouts: set[str] = set()
    for name, records in data.items():
        key = name.lower().rstrip(".")
        types = zone.setdefault(key, {})
        timeout = False
        for record in records or []:
            if record == "TIMEOUT":
                timeout = True
                continue
            for rdtype, value in record.items():
                if rdtype == "TXT" and value == "NONE":
                    continue
                if rdtype in ("TXT", "SPF"):
                    value = "".join(value) if isinstance(value, list) else value
                elif rdtype == "MX":
                    value = f"{value[0]} {value[1]}"
                types.setdefault(rdtype, []).append(str(value))
        if section != "Record lookup" and "SPF" in types and "TXT" not in types:
            types["TXT"] = types["SPF"]
        if timeout:
            for rdtype in ("TXT", "SPF", "A", "AAAA", "MX", "PTR"):
                if not (rdtype == "TXT" and types.get("TXT")):
                    timeouts.add((key, rdtype))
    return ZoneResolver(zone, cast("set[str]", timeouts))


def score_spf() -> list[Outcome]:
    """One outcome per RFC 7208 test: the result (and a "fail" explanation where given)."""
    outcomes = []
    for doc in yaml.safe_load_all((CORPUS / "rfc7208-tests.yml").read_text()):
        zone = spf_zone(doc["zonedata"], doc["description"])
        for name, test in doc["tests"].items():
            allowed = test["result"] if isinstance(test["result"], list) else [test["result"]]
            result, explanation, _ = evaluate(
                test["host"], test["mailfrom"], test["helo"], as_resolver(zone),
                datetime(2024, 1, 1, tzinfo=UTC),
            )  # fmt: skip
            said = test.get("explanation")
            ok = result in allowed and not (
                result == "fail" and said not in (None, "DEFAULT") and explanation != said
            )
            outcomes.append(
                Outcome(name, doc["description"], True, ok, f"{allowed} {said or ''}".strip(),
                        f"{result} {explanation or ''}".strip())
            )  # fmt: skip
    return outcomes


def score_rfc8463() -> list[Outcome]:
    """The RFC 8463 example's two signatures (Ed25519 and RSA): both pass."""
    keys = json.loads((CORPUS / "rfc8463-keys.json").read_text())["txt"]
    zone = ZoneResolver({name: {"TXT": [value]} for name, value in keys.items()})
    raw = crlf((CORPUS / "rfc8463-example.eml").read_text())
    dkim = check_auth(raw, resolver=as_resolver(zone)).dkim
    return [
        Outcome(s.algorithm, "rfc8463", True, s.verified == "pass", "pass", s.verified)
        for s in dkim.signatures
    ]
