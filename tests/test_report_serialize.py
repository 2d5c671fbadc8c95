"""The one serializer: what each ``json_meta`` declaration does, and the report's key order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum

import pytest
from click.testing import CliRunner

from inspector.auth.report import ArcCheck, ArcInstance, DkimCheck, DkimSignature
from inspector.auth.spam import SpamRule, SpamVerdict
from inspector.cli.main import main
from inspector.report.serialize import json_meta, jsonable
from tests.conftest import FIXTURES
from tests.schemas import cli_json


class Colour(StrEnum):
    RED = "red"


@dataclass(frozen=True, slots=True)
class Leaf:
    a: int
    b: str = "b"
    c: bool = False


@dataclass(frozen=True, slots=True)
class Node:
    when: datetime
    colour: Colour
    items: tuple[Leaf, ...]
    host: str | None = field(default=None, metadata=json_meta(key="where.host"))
    internal: str = field(default="x", metadata=json_meta(skip=True))
    org: str | None = field(default=None, metadata=json_meta(key="where.org"))
    maybe: Leaf | None = field(default=None, metadata=json_meta(optional=True))
    null: Leaf | None = None
    props: tuple[tuple[str, str], ...] = field(default=(), metadata=json_meta(pairs=True))
    view: tuple[Leaf, ...] = field(default=(), metadata=json_meta(keys=("c", "a")))
    renamed: int = field(default=0, metadata=json_meta(key="from"))


def test_every_declaration() -> None:
    when = datetime(2026, 11, 25, 14, 20, tzinfo=timezone(timedelta(hours=1)))
    node = Node(
        when,
        Colour.RED,
        (Leaf(1),),
        host="mx.example",
        props=(("k", "1"), ("j", "2"), ("k", "3")),
        view=(Leaf(2, c=True),),
        renamed=7,
    )
    assert jsonable(node) == {
        "when": "2026-11-25T14:20:00+01:00",
        "colour": "red",
        "items": [{"a": 1, "b": "b", "c": False}],
        "where": {"host": "mx.example", "org": None},
        "null": None,
        "props": {"k": "3", "j": "2"},
        "view": [{"c": True, "a": 2}],
        "from": 7,
    }
    order = list(jsonable(node))
    assert order == ["when", "colour", "items", "where", "null", "props", "view", "from"]


def test_enum_values_are_plain() -> None:
    out = jsonable([Colour.RED])
    assert out == ["red"]
    assert type(out[0]) is str


def test_unknown_types_are_refused() -> None:
    with pytest.raises(TypeError, match="bytes"):
        jsonable(b"raw")


def test_computed_fields_follow_their_inputs() -> None:
    dkim = DkimCheck(
        "pass",
        "receipt",
        (
            DkimSignature("a.example", "s", "rsa-sha256", "pass", "receipt"),
            DkimSignature("b.example", "s", "rsa-sha256", "fail", "receipt"),
            DkimSignature("a.example", "t", "rsa-sha256", "pass", "receipt"),
        ),
    )
    assert dkim.domains == ("a.example", "b.example")
    data = jsonable(dkim)
    assert isinstance(data, dict)
    assert list(data) == ["result", "source", "domains", "signatures", "explanation"]
    arc = ArcCheck(instances=(ArcInstance(1, "seal.example", "sig.example", "none", True, True),))
    assert jsonable(arc)["instances"][0]["cv"] == "none"
    assert arc.domains == ("seal.example",)
    rule = SpamRule("BAYES_99", 3.5, "spam probability 99-100%", "bad")
    verdict = SpamVerdict("spam", 6.0, 5.0, (rule,), "X-Spam-Status", others=(SpamVerdict(),))
    assert verdict.reasons == ("spam probability 99-100% (BAYES_99)",)
    spam = jsonable(verdict)
    assert isinstance(spam, dict)
    assert spam["others"] == [
        {"vendor": None, "verdict": "unknown", "score": None, "source": None, "trusted": None}
    ]


MESSAGE_KEYS = [
    "source", "channel", "folder", "folder_role", "category", "from", "to", "subject",
    "is_verification", "service", "code", "origin", "valid_for_seconds", "validity_source",
    "expires_at", "sent_at", "delivered_at", "transit_seconds", "hops", "freshness",
    "truncated",
]  # fmt: skip


def test_report_key_order() -> None:
    result = CliRunner().invoke(
        main,
        [
            "analyze", str(FIXTURES / "auth"), str(FIXTURES / "sms" / "export.csv"),
            "--now", datetime(2026, 11, 25, 14, 20, tzinfo=UTC).isoformat(), "--offline",
            "--all-messages", "--format", "json", "--email", "a@example.org",
        ],
    )  # fmt: skip
    doc = cli_json(result.stdout, "analyze")
    assert list(doc) == [
        "schema_version", "tool", "now", "requested_at", "verdict", "problem_found",
        "incomplete", "messages_read", "ignored_after_now", "searched", "skipped", "messages",
        "findings", "contacts",
    ]  # fmt: skip
    email = [m for m in doc["messages"] if m["channel"] == "email"]
    sms = [m for m in doc["messages"] if m["channel"] == "sms"]
    assert email
    assert sms
    for message in email:
        assert list(message) in (MESSAGE_KEYS, [*MESSAGE_KEYS, "auth", "spam"])
        for hop in message["hops"]:
            assert list(hop) == ["from", "from_ip", "by", "with", "at", "delay_seconds"]
    for message in sms:
        assert list(message) == [*MESSAGE_KEYS, "sender"]
    assert any("auth" in m for m in email)
    auth = next(m["auth"] for m in email if "auth" in m)
    assert list(auth["receiver"]) == ["host", "org_domain"]
    assert "spam" not in auth
    for finding in doc["findings"]:
        assert list(finding) == ["id", "severity", "message", "advice", "detail", "messages"]
    assert list(doc["contacts"]) == ["email"]
    for finding in doc["contacts"]["email"]["findings"]:
        assert list(finding) == ["id", "severity", "message", "advice"]
