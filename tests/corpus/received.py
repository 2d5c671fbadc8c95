"""Real Received headers from many MTAs (tests/corpus/received/) and their scorer: a hop is
right when its six fields (from, from IP, by, id, for, date) all match."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inspector.parse.received import parse_received_full
from tests.corpus.scoring import Outcome

CORPUS = Path(__file__).resolve().parent / "received"
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


def outcomes() -> list[Outcome]:
    """One outcome per header, grouped by the source suite."""
    out = []
    for name, item in items():
        got = reading(item["header"])
        wrong = [f for f in FIELDS if got[f] != item["expected"][f]]
        group = item["source"].split()[0]
        out.append(Outcome(name, group, True, not wrong, None, ", ".join(wrong) or None))
    return out
