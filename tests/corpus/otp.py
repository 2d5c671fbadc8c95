"""The OTP corpus: real verification texts and look-alikes, scored by ``extract``.

Each ``otp/*.json`` file holds one source: ``source`` and ``licence`` for the file, then
``items``, each with ``id``, ``lang`` (ISO 639-1), ``channel`` ("sms" or "email"),
``subject``, ``text``, ``code`` (the code a person would type, or null for a text that
carries none) and ``source`` (repository@commit:path or URL); ``template`` is true where a
published template's placeholder was filled with a realistic code.

An item with a code is right when ``extract`` returns exactly that code; an item without one
is right when ``extract`` returns no code (whether it calls the text a verification message
does not count: a link-only verification mail is one, and has no code).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inspector.extract import extract
from tests.corpus.scoring import Outcome

HERE = Path(__file__).resolve().parent / "otp"


def items() -> Iterator[dict[str, Any]]:
    for path in sorted(HERE.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for item in doc["items"]:
            yield {"file": path.name, "licence": doc["licence"], **item}


def score() -> list[Outcome]:
    outcomes = []
    for item in items():
        got = extract(item["text"], subject=item.get("subject", "")).code
        expected = item["code"]
        outcomes.append(
            Outcome(
                item=item["id"],
                group=item["lang"],
                positive=expected is not None,
                ok=got == expected,
                expected=expected,
                got=got,
            )
        )
    return outcomes
