"""Tests of inspector.extract.amounts: what marks a number as an amount or a quantity."""

from __future__ import annotations

import pytest

from inspector.extract.amounts import CURRENCY_AFTER, CURRENCY_BEFORE, UNIT_SUFFIX


@pytest.mark.parametrize(
    ("before", "after", "amount"),
    [
        ("Total: $", "", True),
        ("", " EUR today", True),
        ("Pay ", " руб", True),
        ("Your code is ", ". Do not share it", False),
    ],
    ids=["dollar-sign", "currency-code-after", "rouble", "code"],
)
def test_currency_next_to_a_number(before: str, after: str, amount: bool) -> None:
    assert bool(CURRENCY_BEFORE.search(before) or CURRENCY_AFTER.match(after)) is amount


@pytest.mark.parametrize(
    ("token", "unit"),
    [("30GB", True), ("5min", True), ("2nd", True), ("100USD", True), ("4829KQ", False)],
    ids=["gigabytes", "minutes", "ordinal", "currency", "code"],
)
def test_unit_glued_to_a_number(token: str, unit: bool) -> None:
    assert bool(UNIT_SUFFIX.match(token)) is unit
