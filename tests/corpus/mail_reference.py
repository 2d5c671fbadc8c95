"""The reference reading of the real-mail robustness corpus (tests/corpus/mail/expected.json).

The reference is Python's email package with ``policy.default``: the From address and the name
shown for it, the Subject and the Date. Where it reads against RFC 5322/2047 the entry in
expected.json is adjudicated by hand with the reason, and this script keeps that entry as it is.

    python -m tests.corpus.mail_reference            # list where inspector and the reference differ
    python -m tests.corpus.mail_reference --add      # add the messages expected.json lacks

``--add`` writes the reference for new messages only; every difference it lists must then be
reviewed: fix inspector where the reference is right, adjudicate where it is not.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import sys
from datetime import UTC
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "mail"
FIELDS = ("from", "from_name", "subject", "date")  # as in tests.corpus.robustness


def reference(data: bytes) -> dict[str, str | None]:
    """What the stdlib reads; any field it fails on is None (and then reviewed by hand)."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    out: dict[str, str | None] = dict.fromkeys(FIELDS)
    try:
        header = msg["from"]
        addresses = list(header.addresses) if header is not None else []
        if len(addresses) == 1:
            spec = addresses[0].addr_spec
            out["from"] = spec.lower() if "@" in spec else None
            out["from_name"] = addresses[0].display_name or None
    except Exception:  # the reference fails on some real mail: that is reviewed by hand
        pass
    try:
        subject = msg["subject"]
        out["subject"] = " ".join(str(subject).split()) or None if subject is not None else None
    except Exception:
        pass
    try:
        date = msg["date"]
        at = date.datetime if date is not None else None
        if at is not None:
            at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
            out["date"] = at.isoformat()
    except Exception:
        pass
    # Undecodable bytes come back as surrogate escapes: shown as U+FFFD, as a reader shows them.
    return {k: _printable(v) for k, v in out.items()}


def _printable(value: str | None) -> str | None:
    if value is None:
        return None
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--add", action="store_true", help="add new messages to expected.json")
    args = parser.parse_args(argv)

    from tests.corpus.robustness import expected, messages, reading

    data: dict[str, Any] = expected()
    known = {m["message"]: m for m in data["messages"]}
    items = messages()
    added = 0
    differ = 0
    for item in items:
        ref = reference(item.data)
        got = reading(item.data)
        entry = known.get(item.source)
        if entry is None:
            # A fixture the reference reads nothing from (a bare MIME part) is left out.
            if not args.add or not any(ref.values()):
                continue
            entry = {"message": item.source, **ref}
            data["messages"].append(entry)
            known[item.source] = entry
            added += 1
        for field in FIELDS:
            if got[field] != entry[field]:
                differ += 1
                print(f"{item.source} {field}: want {entry[field]!r} got {got[field]!r}")
    if args.add:
        text = json.dumps(data, ensure_ascii=False, indent=0)
        (CORPUS / "expected.json").write_text(text, encoding="utf-8")
    print(f"{len(items)} messages, {added} added, {differ} differences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
