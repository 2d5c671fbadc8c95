"""The contacts corpus: peers' test cases for addresses and phone numbers, scored offline.

Each ``contacts/*.json`` file holds one source: ``source`` and ``licence`` for the file, then
``items``, each with ``id``, ``kind`` ("email" or "phone"), ``input`` (as typed), ``region``
(phones: the country the form assumes, or null), ``expected`` and ``source``
(``github:owner/repo@commit:path``). ``adjudicated`` gives the reason where the expected outcome
differs from the peer's own (``peer`` says what the peer expected or how the case was made).

``expected`` is one of:

- ``valid``: nothing to report. The address is valid, not disposable and gets no correction;
  the number is valid and no region mismatch is reported. These are the *negative* items: a
  problem reported for one is a false positive (e.g. a real provider "corrected").
- ``invalid``: the check says the address or number is not valid.
- ``suggestion``: an address whose domain is a typo; right when the suggested address has one
  of the domains in ``suggestion``.
- ``disposable``: a throwaway-mail domain; right when it is reported as disposable and no
  "correction" is offered for it (except one to a domain in ``suggestion``, where given).
- ``region_mismatch``: a number that is not valid in ``region`` but is in another country;
  right when a region mismatch is reported.
- ``not_mobile``: a valid number of type ``type`` (fixed_line, voip, toll_free...) that cannot
  (or hardly) get an SMS; right when the check gives that type.

Items are grouped as ``kind:expected``. Checks run offline (``resolver=None``): whether a domain
takes mail is DNS's answer, not the corpus's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inspector.contacts.email import check_email
from inspector.contacts.phone import check_phone
from inspector.contacts.problems import RegionMismatch
from tests.corpus.scoring import Outcome

HERE = Path(__file__).resolve().parent / "contacts"
EXPECTED = {
    "email": {"valid", "invalid", "suggestion", "disposable"},
    "phone": {"valid", "invalid", "region_mismatch", "not_mobile"},
}


def items() -> Iterator[dict[str, Any]]:
    for path in sorted(HERE.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for item in doc["items"]:
            yield {"file": path.name, "licence": doc["licence"], **item}


def _email(item: dict[str, Any]) -> tuple[bool, str]:
    check = check_email(item["input"], resolver=None)
    suggested = check.suggestion.rpartition("@")[2].lower() if check.suggestion else None
    if not check.valid:
        got = "invalid" + (f" -> {suggested}" if suggested else "")
    elif suggested:
        got = f"suggestion {suggested}" + (" (disposable)" if check.disposable else "")
    else:
        got = "disposable" if check.disposable else "valid"
    expected = item["expected"]
    if expected == "valid":
        return check.valid and not suggested and not check.disposable, got
    if expected == "invalid":
        return not check.valid, got
    if expected == "suggestion":
        return suggested in {d.lower() for d in item["suggestion"]}, got
    # Disposable: reported so, and no "correction" unless the item accepts one (a typo trap one
    # slip from a provider, see its ``adjudicated``).
    accepted = {d.lower() for d in item.get("suggestion", [])}
    return check.valid and check.disposable and (not suggested or suggested in accepted), got


def _phone(item: dict[str, Any]) -> tuple[bool, str]:
    check = check_phone(item["input"], region=item.get("region"))
    mismatch = any(isinstance(p, RegionMismatch) for p in check.problems)
    if mismatch:
        got = "region_mismatch"
    elif check.valid:
        got = f"valid {check.type}"
    else:
        got = "invalid"
    expected = item["expected"]
    if expected == "valid":
        return check.valid and not mismatch, got
    if expected == "invalid":
        return not check.valid, got
    if expected == "region_mismatch":
        return mismatch, got
    return check.valid and check.type == item["type"], got  # not_mobile


def score() -> list[Outcome]:
    outcomes = []
    for item in items():
        ok, got = (_email if item["kind"] == "email" else _phone)(item)
        expected = item["expected"]
        shown = expected
        if expected == "suggestion":
            shown = f"suggestion {'/'.join(item['suggestion'])}"
        elif expected == "not_mobile":
            shown = f"valid {item['type']}"
        outcomes.append(
            Outcome(
                item=f"{item['id']} {item['input']!r}"
                + (f" ({item['region']})" if item.get("region") else ""),
                group=f"{item['kind']}:{expected}",
                positive=expected != "valid",
                ok=ok,
                expected=shown,
                got=got,
            )
        )
    return outcomes
