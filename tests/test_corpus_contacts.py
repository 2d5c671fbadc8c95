"""The contacts corpus (tests/corpus/contacts, scorer in tests/corpus/contacts.py): peers' test
cases for address typos, disposable domains, address syntax and phone numbers.

Prints the figures per kind of outcome and overall (``pytest -s``; the same table as
``python -m tests.corpus.report contacts --groups``) and fails below the targets: at least 98%
of the items with something to report right, and nothing reported for a valid address or
number (no real provider "corrected", no real mailbox called disposable).
"""

from __future__ import annotations

import json

import pytest

from tests.corpus import contacts
from tests.corpus.report import CORPORA, groups_table
from tests.corpus.scoring import Summary, meets, summarize

CORPUS = next(c for c in CORPORA if c.name == "contacts")
KEYS = {"id", "kind", "input", "expected", "source"}
OPTIONAL = {"region", "suggestion", "type", "adjudicated", "peer"}


@pytest.fixture(scope="module")
def summary() -> Summary:
    return summarize(CORPUS.score())


def test_figures_meet_the_targets(summary: Summary) -> None:
    print(f"\nContacts corpus: {summary.total.line()}")
    print(groups_table(summary))
    wrong = [f"{o.item}: expected {o.expected!r}, got {o.got!r}" for o in summary.failures]
    assert meets(CORPUS, summary.total), "\n".join(wrong)


def test_corpus_is_as_large_as_promised() -> None:
    items = list(contacts.items())
    assert len(items) >= 400
    kinds = {(i["kind"], i["expected"]) for i in items}
    assert kinds == {(k, e) for k, es in contacts.EXPECTED.items() for e in es}
    assert len({i["source"].split("@")[0] for i in items}) >= 6


def test_every_item_says_where_it_comes_from() -> None:
    ids = set()
    for item in contacts.items():
        assert item["id"] not in ids, item["id"]
        ids.add(item["id"])
        assert item["source"].startswith("github:"), item["id"]
        assert "@" in item["source"], item["id"]  # the commit
        assert item["licence"], item["id"]
        assert item["expected"] in contacts.EXPECTED[item["kind"]], item["id"]
        if item["expected"] == "suggestion":
            assert item["suggestion"], item["id"]
        if item["expected"] == "not_mobile":
            assert item["type"], item["id"]
        if "adjudicated" in item:
            assert item.get("peer"), item["id"]  # what the peer itself expected


def test_files_are_utf8_json_with_the_documented_keys() -> None:
    for path in sorted(contacts.HERE.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert set(doc) == {"source", "licence", "items"}, path.name
        for item in doc["items"]:
            assert KEYS <= set(item) <= KEYS | OPTIONAL, item["id"]
