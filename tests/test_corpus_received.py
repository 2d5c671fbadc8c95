"""Real Received headers from many MTAs (tests/corpus/received/, scorer in
tests/corpus/received.py): every hop read right. Target: 100%.
"""

from __future__ import annotations

import pytest

from tests.corpus.received import items, score


def test_the_corpus_is_large_and_varied() -> None:
    corpus = items()
    assert len(corpus) >= 250
    sources = {item["source"].split()[0] for _, item in corpus}
    assert len(sources) >= 5


def test_every_real_hop_is_read_right(capsys: pytest.CaptureFixture[str]) -> None:
    right, total, misses = score()
    with capsys.disabled():
        print(f"\nReceived corpus: {right}/{total} hops right ({100 * right / total:.1f}%)")
    assert not misses, misses[:20]
