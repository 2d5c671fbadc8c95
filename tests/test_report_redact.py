from __future__ import annotations

import pytest

from inspector.report.redact import Redactor, mask_address, mask_code


@pytest.mark.parametrize(
    ("code", "masked"),
    [("482915", "****15"), ("F7K2Q", "***2Q"), ("5820", "***0")],
    ids=["six", "alnum", "four"],
)
def test_mask_code(code: str, masked: str) -> None:
    assert mask_code(code) == masked


def test_mask_address() -> None:
    assert mask_address("alice@gmail.com") == "a***@gmail.com"


def test_redactor_masks_everywhere_including_split_codes() -> None:
    redactor = Redactor(["482915"], ["alice@example.net"])
    doc = {
        "subject": "482 915 is your code",
        "findings": [{"message": "The code 482915 went to alice@example.net"}],
        "n": 3,
        "other": "mail for bob@example.org",
    }
    out = redactor.apply(doc)
    assert out["subject"] == "****15 is your code"
    assert out["findings"][0]["message"] == "The code ****15 went to a***@example.net"
    assert out["other"] == "mail for b***@example.org"
    assert out["n"] == 3


def test_redactor_does_not_mask_inside_longer_numbers() -> None:
    assert Redactor(["1234"]).text("order 9912345") == "order 9912345"
