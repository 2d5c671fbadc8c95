"""The OTP corpus (tests/corpus/otp): real verification texts and look-alikes.

Prints the figures per language and overall (``pytest -s``; the same table as
``python -m tests.corpus.report otp --groups``) and fails below the targets: at least 98% of
the codes right and no code at all on a text that carries none.
"""

from __future__ import annotations

import json

import pytest

from tests.corpus import otp
from tests.corpus.report import CORPORA, groups_table
from tests.corpus.scoring import meets, summarize

CORPUS = next(c for c in CORPORA if c.name == "otp")


@pytest.fixture(scope="module")
def summary():  # type: ignore[no-untyped-def]
    return summarize(CORPUS.score())


def test_figures_meet_the_targets(summary) -> None:  # type: ignore[no-untyped-def]
    print(f"\nOTP corpus: {summary.total.line()}")
    print(groups_table(summary))
    wrong = [f"{o.item}: expected {o.expected!r}, got {o.got!r}" for o in summary.failures]
    assert meets(CORPUS, summary.total), "\n".join(wrong)
    assert summary.total.false_positives == 0, "\n".join(wrong)


def test_corpus_is_as_large_as_promised() -> None:
    items = list(otp.items())
    with_code = [i for i in items if i["code"] is not None]
    languages = {i["lang"] for i in with_code}
    assert len(with_code) >= 400
    assert len(languages) >= 50
    assert len(items) - len(with_code) >= 80


def test_every_item_says_where_it_comes_from() -> None:
    ids = set()
    for item in otp.items():
        assert item["id"] not in ids, item["id"]
        ids.add(item["id"])
        assert item["source"], item["id"]
        assert item["licence"], item["id"]
        assert item["channel"] in ("sms", "email"), item["id"]
        assert len(item["lang"]) in (2, 3), item["id"]
        if item["code"] is not None:
            # The expected code is in the text (separators aside).
            plain = "".join(item["text"].split()).replace("-", "").replace("`", "")
            assert item["code"] in plain, item["id"]


def test_files_are_utf8_json_with_the_documented_keys() -> None:
    for path in sorted(otp.HERE.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert set(doc) == {"source", "licence", "items"}, path.name
        for item in doc["items"]:
            assert {"id", "lang", "channel", "subject", "text", "code", "source"} <= set(item)
