"""The public authentication test suites, all of them (tests/corpus/auth/, scorers in
tests/corpus/auth.py). Target: 100% of each suite."""

from __future__ import annotations

import pytest

from inspector.auth import check_auth
from tests.corpus import dkimpy
from tests.corpus.auth import (
    ZoneResolver,
    arc_cases,
    as_resolver,
    crlf,
    score_arc,
    score_rfc8463,
    score_spf,
)


def test_arc_suite(capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = score_arc()
    wrong = [f"{o.item}: want {o.expected}, got {o.got}" for o in outcomes if not o.ok]
    with capsys.disabled():
        print(f"\nARC suite: {len(outcomes) - len(wrong)}/{len(outcomes)}")
    assert len(outcomes) >= 170
    assert not wrong, wrong


def test_arc_inner_results_are_shown() -> None:
    """What each forwarder saw (its ARC-Authentication-Results) is part of the report."""
    cases = {name: (test, records) for name, test, records in arc_cases()}
    test, records = cases["cv_pass_i1_1"]
    zone = ZoneResolver({k: {"TXT": [v]} for k, v in records.items()})
    arc = check_auth(crlf(test["message"]), resolver=as_resolver(zone)).arc
    (instance,) = arc.instances
    assert instance.results
    assert all("=" in result for result in instance.results)


def test_rfc7208_suite(capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = score_spf()
    wrong = [f"{o.item}: want {o.expected}, got {o.got}" for o in outcomes if not o.ok]
    with capsys.disabled():
        print(f"\nRFC 7208 suite: {len(outcomes) - len(wrong)}/{len(outcomes)}")
    assert len(outcomes) >= 200
    assert not wrong, wrong


def test_rfc8463_example_verifies() -> None:
    outcomes = score_rfc8463()
    assert [(o.item, o.got) for o in outcomes] == [
        ("ed25519-sha256", "pass"),
        ("rsa-sha256", "pass"),
    ]


def test_dkimpy_vectors(capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = dkimpy.score()
    wrong = [f"{o.item}: want {o.expected}, got {o.got}" for o in outcomes if not o.ok]
    with capsys.disabled():
        print(f"\ndkimpy's DKIM vectors: {len(outcomes) - len(wrong)}/{len(outcomes)}")
    assert len(outcomes) >= 50
    assert any(o.expected != "pass" for o in outcomes)  # failures to find, too
    assert not wrong, wrong
