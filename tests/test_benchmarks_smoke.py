"""Smoke test of the benchmark corpus generator (testkit.corpus): deterministic, codes really
in the messages, DKIM signatures that verify against the published records. A 50-message
corpus, yet generating it twice takes a second or two: marked slow."""

from __future__ import annotations

import email
import email.policy
import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from benchmarks.naive import find_code, html_text
from testkit.corpus import Corpus, generate, iter_stored

pytestmark = pytest.mark.slow

SEED = 20261120
MESSAGES = 50


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return generate(tmp_path_factory.mktemp("a"), MESSAGES, SEED, jobs=1)


def _text(data: bytes) -> str:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    parts = []
    for part in msg.walk():
        if part.get_content_type() in ("text/plain", "text/html") and not part.is_attachment():
            text = part.get_content()
            parts.append(html_text(text) if part.get_content_type() == "text/html" else text)
    return str(msg["subject"]) + "\n" + "\n".join(parts)


def test_same_seed_gives_the_same_bytes(corpus: Corpus, tmp_path: Path) -> None:
    again = generate(tmp_path, MESSAGES, SEED, jobs=1)
    for name in ("corpus.mbox", "expected.json", "manifest.jsonl", "dns-records.json"):
        assert (corpus.root / name).read_bytes() == (again.root / name).read_bytes(), name


def test_expected_codes_are_in_their_messages(corpus: Corpus) -> None:
    expected = json.loads(corpus.expected.read_text())
    assert expected["codes"], "a 50-message corpus holds at least one verification message"
    stored = {int(str(record["index"])): data for record, data in iter_stored(corpus)}
    assert len(stored) == MESSAGES
    for index, detail in expected["details"].items():
        text = _text(stored[int(index)])
        assert detail["shown"] in text, index
        assert find_code(str(text.split("\n", 1)[0]), text) == detail["shown"], index
    for index, data in stored.items():
        if str(index) not in expected["codes"]:
            assert find_code("", _text(data)) is None, index  # decoys stay decoys


def test_dkim_signatures_verify(corpus: Corpus) -> None:
    import dkim

    records = {name: value for name, _, value in json.loads(corpus.dns_records.read_text())}

    def dnsfunc(name: bytes, timeout: int = 5) -> bytes:
        return records[name.decode().rstrip(".")].encode()

    signed = [data for record, data in iter_stored(corpus) if record["dkim"]]
    assert signed
    for data in signed[:5]:
        assert dkim.verify(data, dnsfunc=dnsfunc)


def test_realistic_profile_is_bulk_mail_and_attachments(tmp_path: Path) -> None:
    realistic = generate(tmp_path, 120, SEED, jobs=1, profile="realistic")
    expected = json.loads(realistic.expected.read_text())
    assert expected["profile"] == "realistic"
    kinds = expected["kinds"]
    assert kinds["newsletter"] > kinds.get("verification", 0)
    html_only = attachments = 0
    stored = {int(str(record["index"])): data for record, data in iter_stored(realistic)}
    for data in stored.values():
        msg = email.message_from_bytes(data, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        types = [part.get_content_type() for part in msg.walk()]
        html_only += "text/html" in types and "text/plain" not in types
        attachments += any(part.is_attachment() for part in msg.walk())
    assert html_only >= 20
    assert attachments >= 10
    for index, detail in expected["details"].items():
        assert detail["shown"] in _text(stored[int(index)]), index
