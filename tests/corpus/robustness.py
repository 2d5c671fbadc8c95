"""The real-mail robustness corpus (``mail/``): real messages from public test suites and mail
corpora (sources, commits and licences in ``mail/expected.json``).

Each message is read as inspector reads it: right when its From address, the name shown for
it, Subject and Date are those a careful mail reader shows (``expected.json``, see
``mail_reference``); and none of them carries a verification code (``CARRIES_A_CODE``), so a
code found on any is a false positive. Grouped by the source directory (owner+repo).
"""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inspector.analysis.examine import examine_mail
from inspector.analysis.record import Options
from inspector.model import RawMail
from inspector.parse import message as mail
from inspector.parse.dates import parse_date
from inspector.sources.files import read_paths
from tests.corpus.scoring import Outcome

CORPUS = Path(__file__).resolve().parent / "mail"
FIELDS = ("from", "from_name", "subject", "date")

# Messages of the corpus that really carry a verification code (the sources hold none so far:
# bounces, newsletters, bug reports, mailing-list mail, spam, phishing). Every other one must
# give no code.
CARRIES_A_CODE: dict[str, str] = {}


def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    return data


def messages() -> list[RawMail]:
    """Every message, named by its path relative to the corpus (``#n`` for an mbox's n-th)."""
    with contextlib.chdir(CORPUS):
        paths = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file())
        paths = [p for p in paths if p != "expected.json"]
        return [item for item in read_paths(paths) if isinstance(item, RawMail)]


def reading(data: bytes) -> dict[str, str | None]:
    """From address (lower case), the name shown for it, Subject and Date (UTC) as read."""
    block = mail.header_block(data)
    sender = mail.sender(block)
    subject = " ".join(mail.subject(block).split()) or None
    date = block.first("date")
    parsed = parse_date(mail._raw(date)) if date is not None else None
    address = sender.address if sender and sender.address and "@" in sender.address else None
    return {
        "from": address.lower() if address else None,
        "from_name": sender.name if sender else None,
        "subject": subject,
        "date": parsed.at.isoformat() if parsed and parsed.at else None,
    }


def code(item: RawMail) -> str | None:
    """The code the whole pipeline gives the message (None: none)."""
    options = Options(now=datetime(2026, 1, 1, tzinfo=UTC), all_messages=True)
    record = examine_mail(item, options)
    if record is None:
        raise AssertionError(f"{item.source}: no record")
    return record.code


def outcomes() -> list[Outcome]:
    """Per message: read right (a positive, when expected.json lists it) and no false code
    (a negative, unless it is in ``CARRIES_A_CODE``); both under the message's name."""
    wanted = {m["message"]: m for m in expected()["messages"]}
    out = []
    for item in messages():
        group = item.source.split("/")[0]
        want = wanted.get(item.source)
        if want is not None:
            got = reading(item.data)
            wrong = [f for f in FIELDS if got[f] != want[f]]
            out.append(Outcome(item.source, group, True, not wrong, None, ", ".join(wrong) or None))
        found = code(item)
        carried = CARRIES_A_CODE.get(item.source)
        positive = carried is not None
        out.append(Outcome(item.source, group, positive, found == carried, carried, found))
    return out
