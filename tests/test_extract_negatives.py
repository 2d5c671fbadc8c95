"""A number right after a negative keyword (``extract.negatives``)."""

from __future__ import annotations

import pytest

from inspector.extract.hits import find_all_hits
from inspector.extract.negatives import negative_before
from inspector.extract.normalize import fold_keys, normalize

CASES = [
    ("order-number", "Order #: 482913 shipped", "482913", "reference"),
    ("code-number-sign", "Code # CY0795 applies", "CY0795", "reference"),
    ("account-label", "Account: 968413 Balance 12", "968413", "account"),
    ("account-called-the-code", "Account: 968413 is your verification code.", "968413", None),
    (
        "account-colon-introduces-code",
        "Use the code below to sign in to your account:\n\n482913",
        "482913",
        None,
    ),
    ("no-keyword", "Your verification code is 482913", "482913", None),
]


@pytest.mark.parametrize(
    ("text", "number", "category"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_negative_before(text: str, number: str, category: str | None) -> None:
    normalized = normalize(text)
    hits = find_all_hits(normalized, fold_keys(normalized))
    start = normalized.index(number)
    end = start + len(number)
    assert negative_before(normalized, start, end, hits, [h.end for h in hits]) == category
