"""Real Received headers from many MTAs (tests/corpus/received/): every hop read right.

Each corpus item is one real header with the expected reading (see the files' "source" and
"note"); the score is the share of hops whose six fields all match. Target: 100%.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector.parse.received import parse_received_full

CORPUS = Path(__file__).resolve().parent / "corpus" / "received"
FIELDS = ("from", "from_ip", "by", "id", "for", "at")


def items() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CORPUS.glob("*.json")):
        for n, item in enumerate(json.loads(path.read_text(encoding="utf-8"))["items"]):
            out.append((f"{path.stem}-{n}", item))
    return out


def reading(header: str) -> dict[str, str | None]:
    hop = parse_received_full(header).hop

    def host(value: str | None) -> str | None:
        return (value or "").lower().strip("[]").rstrip(".") or None

    return {
        "from": host(hop.from_host),
        "from_ip": hop.from_ip,
        "by": host(hop.by_host),
        "id": hop.id,
        "for": hop.for_addr,
        "at": hop.at.isoformat() if hop.at else None,
    }


def score() -> tuple[int, int, list[str]]:
    right, misses = 0, []
    corpus = items()
    for name, item in corpus:
        got = reading(item["header"])
        wrong = [f for f in FIELDS if got[f] != item["expected"][f]]
        if wrong:
            misses.append(f"{name}: {', '.join(wrong)}")
        else:
            right += 1
    return right, len(corpus), misses


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
