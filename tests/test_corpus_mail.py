"""The real-mail robustness corpus (tests/corpus/mail/): real messages from the test suites of
public MIME parsers and mail tools (sources, commits and licences in expected.json), read with
the same From, name, Subject and Date as a careful mail reader, and never a traceback.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from inspector.analysis.examine import examine_mail
from inspector.analysis.record import Options
from inspector.model import RawMail
from inspector.parse import message as mail
from inspector.parse.received import parse_date
from inspector.sources.files import read_paths

CORPUS = Path(__file__).resolve().parent / "corpus" / "mail"


def expected() -> dict[str, Any]:
    return json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def messages(monkeypatch: pytest.MonkeyPatch) -> list[RawMail]:
    monkeypatch.chdir(CORPUS)  # sources are named relative to the corpus
    paths = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file())
    paths = [p for p in paths if p != "expected.json"]
    return [item for item in read_paths(paths) if isinstance(item, RawMail)]


def reading(data: bytes) -> dict[str, str | None]:
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


def test_every_message_reads_like_a_careful_mail_reader(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    wanted = {m["message"]: m for m in expected()["messages"]}
    read = {item.source: item for item in messages(monkeypatch)}
    missing = sorted(set(wanted) - set(read))
    wrong = []
    for key, want in wanted.items():
        if key not in read:
            continue
        got = reading(read[key].data)
        for field in ("from", "from_name", "subject", "date"):
            if got[field] != want[field]:
                wrong.append(f"{key} {field}: want {want[field]!r:.60}, got {got[field]!r:.60}")
    with capsys.disabled():
        print(
            f"\nMail corpus: {len(wanted) - len({w.split()[0] for w in wrong})}/{len(wanted)} "
            f"messages read like a careful mail reader ({len(read)} messages in "
            f"{len(expected()['sources'])} public test suites)"
        )
    assert not missing, missing[:10]
    assert not wrong, wrong[:20]
    assert len(wanted) >= 1500


# Messages of the corpus that really carry a verification code (the suites hold none so far:
# bounces, newsletters, bug reports, spam, phishing). Every other one must give no code.
CARRIES_A_CODE: dict[str, str] = {}


@pytest.mark.slow
def test_no_message_breaks_the_pipeline_and_none_gets_a_false_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    options = Options(now=datetime(2026, 1, 1, tzinfo=UTC), all_messages=True)
    codes: dict[str, str | None] = {}
    for item in messages(monkeypatch):
        record = examine_mail(item, options)
        assert record is not None, item.source
        if record.code is not None or item.source in CARRIES_A_CODE:
            codes[item.source] = record.code
    with capsys.disabled():
        false = sum(1 for k, v in codes.items() if CARRIES_A_CODE.get(k) != v)
        print(f"\nMail corpus: {false} messages with a wrong or false code")
    assert codes == CARRIES_A_CODE
