"""SMS exports through the whole diagnosis: every scenario of the fixtures, in every format."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from inspector.cli.main import main
from tests.conftest import FIXTURES
from tests.schemas import cli_json

SMS = FIXTURES / "sms"
NOW = "2026-11-25T14:00:00+00:00"


def analyze(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["analyze", *args, "--offline", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    doc: dict[str, Any] = cli_json(result.stdout, "analyze")
    return doc


@pytest.fixture(params=["android-backup.xml", "export.csv", "export.jsonl"])
def export(request: pytest.FixtureRequest) -> dict[str, Any]:
    return analyze(str(SMS / request.param), "--now", NOW)


def by_code(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["code"]: m for m in doc["messages"]}


def test_every_message_is_an_sms_without_auth(export: dict[str, Any]) -> None:
    assert {m["channel"] for m in export["messages"]} == {"sms"}
    assert all("auth" not in m and m["sender"]["kind"] for m in export["messages"])


@pytest.mark.parametrize(
    ("code", "freshness"),
    [
        ("4821", "expired"),
        ("204851", "expired_in_transit"),
        ("582913", "superseded"),
        ("307468", "valid"),
    ],
    ids=["expired", "expired-in-transit", "superseded-across-sender-numbers", "fresh"],
)
def test_freshness(export: dict[str, Any], code: str, freshness: str) -> None:
    assert by_code(export)[code]["freshness"] == freshness


@pytest.mark.parametrize(
    "finding",
    [
        "code_expired",
        "code_expired_in_transit",
        "code_superseded",
        "possible_phishing",
        "sms_short_code",
        "delivery_delayed",
    ],
)
def test_findings(export: dict[str, Any], finding: str) -> None:
    assert finding in {f["id"] for f in export["findings"]}


def test_phishing_origin_does_not_replace_the_real_code(export: dict[str, Any]) -> None:
    phishing = next(f for f in export["findings"] if f["id"] == "possible_phishing")
    [index] = phishing["messages"]
    assert export["messages"][index]["origin"] == "tiktok-verify.com"
    assert by_code(export)["307468"]["freshness"] == "valid"


def test_sender_kinds(export: dict[str, Any]) -> None:
    kinds = {m["code"]: m["sender"]["kind"] for m in export["messages"]}
    assert kinds["482113"] == "short_code"
    assert kinds["882614"] == "alphanumeric"
    assert kinds["307468"] == "long_number"


def test_mail_and_sms_in_one_run() -> None:
    doc = analyze(
        str(FIXTURES / "mail" / "inbox" / "google-code-expired.eml"),
        str(SMS / "export.csv"),
        "--now",
        NOW,
    )
    assert {m["channel"] for m in doc["messages"]} == {"email", "sms"}
    google = next(m for m in doc["messages"] if m["service"] == "google")
    assert google["freshness"] == "expired"
    assert "The TikTok code from 13:57 is still valid." in doc["verdict"]


def test_service_filter_spans_channels() -> None:
    doc = analyze(str(SMS / "android-backup.xml"), "--now", NOW, "--service", "tiktok")
    assert {m["service"] for m in doc["messages"]} == {"tiktok"}
    assert doc["verdict"].startswith("Your newest TikTok code 307468 arrived by SMS at 13:57")
