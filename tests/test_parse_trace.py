"""One Received parse per message, and one answer to where it entered the receiving provider."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import inspector.parse.fields
import inspector.parse.trace
from inspector.analysis.examine import examine_mail
from inspector.analysis.record import Options
from inspector.auth.received import delivery_path
from inspector.model import RawMail
from inspector.parse.fields import header_block
from inspector.parse.received import ParsedReceived
from inspector.parse.trace import MAX_HOPS, is_internal_ip, read_trace
from inspector.timeline.delivery import border_hop, build_timeline

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DATE = "Mon, 1 Jan 2024 10:00:00 +0000"


def trace_of(*received: str) -> inspector.parse.trace.Trace:
    return read_trace([("Received", value) for value in received])


def border_both_ways(*received: str) -> tuple[int | None, int | None]:
    """(the timeline's border hop, auth's entry hop), both as header positions (0 = topmost)."""
    trace = trace_of(*received)
    timeline = build_timeline(trace, date=DATE)
    border = border_hop(timeline.hops)
    path = delivery_path(trace)
    return (
        None if border is None else len(received) - 1 - border,
        None if path.entry is None else path.entry.index,
    )


def test_a_kept_message_is_split_once_and_each_received_parsed_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = {"head": 0, "received": 0}
    split, parse = inspector.parse.fields._head, inspector.parse.trace.parse_received_full

    def counted_split(data: bytes) -> tuple[bytes, int]:
        calls["head"] += 1
        return split(data)

    def counted_parse(value: str) -> ParsedReceived:
        calls["received"] += 1
        return parse(value)

    data = (FIXTURES / "auth" / "microsoft-authresults-without-id.eml").read_bytes()
    received = len(header_block(data).get_all("received"))
    monkeypatch.setattr(inspector.parse.fields, "_head", counted_split)
    monkeypatch.setattr(inspector.parse.trace, "parse_received_full", counted_parse)
    options = Options(now=datetime(2024, 3, 6, tzinfo=UTC), all_messages=True)
    record = examine_mail(RawMail(data, source="m.eml"), options)
    assert record is not None
    assert record.auth is not None  # authentication ran, on the same parse
    assert record.auth.receiver_org == "outlook.com"
    assert calls == {"head": 1, "received": received}


def test_read_trace_keeps_positions_and_caps_the_hops() -> None:
    fields = [("From", "a@b.example"), ("Received", "by x.example; " + DATE)] * (MAX_HOPS + 5)
    trace = read_trace(fields)
    assert trace.count == MAX_HOPS + 5
    assert len(trace.hops) == MAX_HOPS
    assert trace.positions[:2] == (1, 3)
    assert trace.field_count == len(fields)


GMAIL_MX = (
    "from mail.example.com (mail.example.com. [192.0.2.1]) by mx.google.com with ESMTPS id a1;"
    f" {DATE}"
)
FETCHMAIL = (
    "from pop.gmail.com [142.250.1.1] by laptop.home.example with POP3 (fetchmail-6.4.37)"
    f" for <me@localhost> (single-drop); {DATE}"
)
GOOGLE_RELAY = (
    "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com"
    f" with SMTPS id d9; {DATE}"
)
MAILGUN = f"from app.sender.example (app.sender.example [198.51.100.1]) by smtp.mailgun.org; {DATE}"
ABOVE_RECEIVER = f"from relay.example (relay.example [203.0.113.5]) by [10.1.2.3]; {DATE}"
RECEIVER_MX = f"from a.example (a.example [192.0.2.1]) by mx.receiver.example; {DATE}"
THIS_NETWORK = f"from x.sender.example (x.sender.example [0.1.2.3]) by mx.receiver.example; {DATE}"


@pytest.mark.parametrize(
    ("received", "entry"),
    [
        # A fetcher's hop is not a delivery: the border is Gmail's MX (the timeline used to
        # stop at the fetcher when its host had a dotted name).
        ((FETCHMAIL, GMAIL_MX), 1),
        # The path changes provider without an outside "from": no clear border (auth used to
        # take Mailgun's hop and check SPF for an IP that never connected to Google).
        ((GOOGLE_RELAY, MAILGUN), None),
        # Hops above the receiver's first named hop are its own (auth used to take this one).
        ((ABOVE_RECEIVER, RECEIVER_MX), 1),
        # 0.0.0.0/8 is on the one internal-network list (the timeline's list lacked it).
        ((THIS_NETWORK, RECEIVER_MX), 1),
    ],
    ids=["fetchmail", "provider-change", "above-receiver", "this-network"],
)
def test_timeline_and_auth_give_one_answer(received: tuple[str, ...], entry: int | None) -> None:
    assert border_both_ways(*received) == (entry, entry)


@pytest.mark.parametrize(
    ("address", "internal"),
    [
        ("10.1.2.3", True), ("172.31.0.1", True), ("192.168.1.1", True), ("100.64.0.1", True),
        ("127.0.0.1", True), ("169.254.1.1", True), ("0.1.2.3", True), ("::1", True),
        ("fd00::1", True), ("fe80::1", True), ("192.0.2.1", False), ("2001:db8::1", False),
        ("8.8.8.8", False), ("junk", False),
    ],
)  # fmt: skip
def test_internal_networks(address: str, internal: bool) -> None:
    assert is_internal_ip(address) is internal


_NAMES = ["mx.google.com", "mail-sor-f41.google.com", "mx.receiver.example", "a.example",
          "smtp.mailgun.org", "localhost", "DB5P.mail.protection.outlook.com", "x.office365.com",
          "[10.1.2.3]", "[192.0.2.7]", "2002:a05:7300::1", "laptop.home.example"]  # fmt: skip
_IPS = ["", "[192.0.2.1]", "[10.0.0.5]", "[127.0.0.1]", "[2001:db8::25]", "[198.51.100.7]"]


@st.composite
def _stamp(draw: st.DrawFn) -> str:
    by = draw(st.sampled_from(_NAMES))
    protocol = draw(st.sampled_from(["ESMTPS", "SMTP", "POP3", "HTTPS"]))
    if draw(st.booleans()):
        return f"by {by} with {protocol} id x; {DATE}"
    name, rdns = draw(st.sampled_from(_NAMES)), draw(st.sampled_from(["", *_NAMES]))
    ip = draw(st.sampled_from(_IPS))
    comment = f" ({rdns} {ip})" if rdns or ip else ""
    return f"from {name}{comment} by {by} with {protocol} id x; {DATE}"


@settings(max_examples=300, deadline=None)
@given(st.lists(_stamp(), max_size=6))
def test_the_border_is_one_answer_on_any_path(received: list[str]) -> None:
    timeline_border, auth_entry = border_both_ways(*received)
    assert timeline_border == auth_entry
