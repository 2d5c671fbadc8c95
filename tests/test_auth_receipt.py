"""Verdicts at receipt: which Authentication-Results are the receiver's (RFC 8601 §5)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.auth.headers import Header
from inspector.auth.receipt import Receipt, collect, parse_authres, parse_received_spf
from inspector.auth.received import DeliveryPath, ReceivedHop, delivery_path, received_hop
from inspector.parse.fields import header_block
from inspector.parse.received import parse_received_full
from inspector.parse.trace import read_trace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "auth"


def _headers(name: str) -> tuple[tuple[str, str], ...]:
    return header_block((FIXTURES / name).read_bytes()).unfolded


def _split(text: str) -> tuple[tuple[str, str], ...]:
    return header_block(text.encode()).unfolded


def _path(headers: Sequence[Header]) -> DeliveryPath:
    return delivery_path(read_trace(headers))


def parse_hop(index: int, value: str) -> ReceivedHop:
    return received_hop(index, parse_received_full(value))


def _receipt(name: str, trust: tuple[str, ...] = ()) -> Receipt:
    headers = _headers(name)
    return collect(headers, _path(headers), trust)


def _receipt_text(text: str) -> Receipt:
    headers = _split(text)
    return collect(headers, _path(headers), ())


def test_gmail_layout() -> None:
    receipt = _receipt("gmail-receipt-pass.eml")
    assert [(r.header, r.method, r.result) for r in receipt.trusted] == [
        ("Authentication-Results", "dkim", "pass"),
        ("Authentication-Results", "spf", "pass"),
        ("Authentication-Results", "dmarc", "pass"),
        ("ARC-Authentication-Results", "dkim", "pass"),
        ("ARC-Authentication-Results", "spf", "pass"),
        ("ARC-Authentication-Results", "dmarc", "pass"),
        ("Received-SPF", "spf", "pass"),
    ]
    first = receipt.first("dmarc")
    assert first is not None
    assert first.policy == "reject"
    assert not receipt.untrusted


def test_second_stamp_with_the_receivers_id_below_its_own_is_untrusted() -> None:
    receipt = _receipt("postfix-stacked-stamps.eml")
    assert [(r.method, r.result) for r in receipt.untrusted] == [("dmarc", "pass")]
    assert any("may be forged" in n for n in receipt.notes)


def test_gmail_path() -> None:
    path = _path(_headers("gmail-receipt-pass.eml"))
    assert (path.receiver_host, path.receiver_org) == ("mx.google.com", "google.com")
    assert (path.connecting_ip, path.helo) == ("192.0.2.1", "mail.example.com")


def test_microsoft_layout() -> None:
    receipt = _receipt("microsoft-authresults-without-id.eml")
    trusted = {(r.header, r.method, r.result, r.authserv_id) for r in receipt.trusted}
    assert ("Authentication-Results", "spf", "pass", None) in trusted
    assert ("Authentication-Results", "compauth", "pass", None) in trusted
    assert ("ARC-Authentication-Results", "dmarc", "pass", "mx.microsoft.com") in trusted
    assert ("Received-SPF", "spf", "pass", "protection.outlook.com") in trusted
    assert not receipt.untrusted
    path = _path(_headers("microsoft-authresults-without-id.eml"))
    assert (path.receiver_org, path.connecting_ip) == ("outlook.com", "192.0.2.1")


def test_stacked_milter_stamps_are_trusted_and_later_ones_are_not() -> None:
    receipt = _receipt("postfix-stacked-stamps.eml")
    assert [(r.method, r.result) for r in receipt.trusted] == [
        ("dmarc", "fail"),
        ("spf", "fail"),
        ("dkim", "fail"),
    ]
    assert [(r.method, r.result, r.trusted) for r in receipt.untrusted] == [
        ("dmarc", "pass", False)
    ]


def test_foreign_authserv_id_is_untrusted() -> None:
    receipt = _receipt("forged-authresults.eml")
    assert not receipt.trusted
    assert {(r.method, r.result) for r in receipt.untrusted} == {
        ("dkim", "pass"),
        ("spf", "pass"),
        ("dmarc", "pass"),
    }
    assert receipt.first("dmarc") is None


def test_configured_authserv_id_is_trusted() -> None:
    receipt = _receipt("forged-authresults.eml", trust=("MX.Google.com",))
    assert {r.method for r in receipt.trusted} == {"dkim", "spf", "dmarc"}


def test_without_received_headers_nothing_is_trusted() -> None:
    receipt = _receipt_text("Authentication-Results: mx.google.com; dmarc=pass\nFrom: a@b.c\n\nx\n")
    assert not receipt.trusted
    assert len(receipt.untrusted) == 1


def test_unreadable_stamp_is_a_note() -> None:
    text = (
        "Received: from a (a [192.0.2.1]) by mx.receiver.test; x\nAuthentication-Results: ;;;\n\n"
    )
    receipt = _receipt_text(text)
    assert not receipt.trusted
    assert any("unreadable" in n for n in receipt.notes)


HOPS = [
    (
        "from mail.example.com (mail.example.com. [192.0.2.1]) by mx.google.com with ESMTPS id x;"
        " Mon, 1 Jan 2024 10:00:00 -0800",
        ("mail.example.com", "mail.example.com", "192.0.2.1", "mx.google.com"),
    ),
    (
        "from sender.example.net (unknown [198.51.100.7]) by mail.example.org (Postfix) with ESMTP"
        " id 4A; Mon, 1 Jan 2024 10:00:00 +0000",
        ("sender.example.net", None, "198.51.100.7", "mail.example.org"),
    ),
    (
        "from [192.0.2.5] (helo=laptop) by smtp.example.org with esmtpsa (Exim 4.96) id 1r;"
        " Mon, 01 Jan 2024 10:00:00 +0000",
        ("192.0.2.5", None, "192.0.2.5", "smtp.example.org"),
    ),
    (
        "from mail.example.com (192.0.2.1) by AM6EUR05FT012.mail.protection.outlook.com"
        " (10.233.240.160) with Microsoft SMTP Server id 15.20; Mon, 1 Jan 2024 18:00:05 +0000",
        ("mail.example.com", None, "192.0.2.1", "am6eur05ft012.mail.protection.outlook.com"),
    ),
    (
        "from host.example ([IPv6:2001:db8::25]) by mx.example.org; Mon, 1 Jan 2024 10:00:00 +0000",
        ("host.example", None, "2001:db8::25", "mx.example.org"),
    ),
    (
        "by 2002:a05:6504:1234:b0:2c1:abcd:1234 with SMTP id x12csp; Mon, 1 Jan 2024 10:00:07",
        (None, None, None, "2002:a05:6504:1234:b0:2c1:abcd:1234"),
    ),
    ("garbage", (None, None, None, None)),
]


@pytest.mark.parametrize(
    ("value", "expected"),
    HOPS,
    ids=["gmail", "postfix", "exim", "microsoft", "ipv6", "internal", "junk"],
)
def test_parse_hop(value: str, expected: tuple[str | None, ...]) -> None:
    hop = parse_hop(0, value)
    assert (hop.helo, hop.rdns, hop.ip, hop.by) == expected


def test_fetchmail_hop_does_not_hide_the_receiver() -> None:
    text = (
        "Received: from pop.gmail.com [142.250.1.1] by laptop.home with POP3 (fetchmail-6.4.37)"
        " for <me@localhost> (single-drop); Mon, 01 Jan 2024 10:05:00 +0000\n"
        "Received: by 2002:a05:6504:1234::1 with SMTP id x1; Mon, 1 Jan 2024 10:00:07 -0800\n"
        "Received: from mail.example.com (mail.example.com. [192.0.2.1]) by mx.google.com with"
        " ESMTPS id a1; Mon, 01 Jan 2024 10:00:05 -0800\n"
        "Authentication-Results: mx.google.com; dmarc=pass header.from=example.com\n\nx\n"
    )
    headers = _split(text)
    path = _path(headers)
    assert (path.receiver_org, path.connecting_ip) == ("google.com", "192.0.2.1")
    assert [r.method for r in collect(headers, path).trusted] == ["dmarc"]


def test_forged_helo_does_not_make_a_hop_internal() -> None:
    text = (
        "Received: from mx.google.com (evil.example.net [203.0.113.9]) by mx.google.com;"
        " Mon, 1 Jan 2024 10:00:00 +0000\n"
        "Received: from a.example.com (a.example.com [192.0.2.1]) by evil.example.net; x\n\nx\n"
    )
    headers = _split(text)
    assert _path(headers).connecting_ip == "203.0.113.9"


RSPF = [
    (
        "pass (google.com: domain of a@b.com designates 192.0.2.1 as permitted sender)"
        " client-ip=192.0.2.1;",
        ("pass", "192.0.2.1", "google.com"),
    ),
    (
        "SoftFail (protection.outlook.com: domain of transitioning b.com discourages use of"
        " 192.0.2.1 as permitted sender) receiver=protection.outlook.com; client-ip=192.0.2.1",
        ("softfail", "192.0.2.1", "protection.outlook.com"),
    ),
    ("None", ("none", None, None)),
    ("weird", ("none", None, None)),
]


@pytest.mark.parametrize(("value", "expected"), RSPF, ids=["gmail", "outlook", "none", "junk"])
def test_received_spf(value: str, expected: tuple[str | None, ...]) -> None:
    parsed = parse_received_spf(value)
    assert parsed is not None
    assert (parsed.result, parsed.prop("client-ip"), parsed.prop("receiver", "comment-host")) == (
        expected
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_header_parsers_never_raise(value: str) -> None:
    parse_authres(value)
    parse_authres("mx.example.com; " + value)
    parse_received_spf(value)
    parse_hop(0, value)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "Received",
                    "Authentication-Results",
                    "ARC-Authentication-Results",
                    "Received-SPF",
                    "From",
                ]
            ),
            st.text(max_size=120),
        ),
        max_size=8,
    ),
    st.lists(st.text(max_size=20), max_size=2),
)
def test_collect_never_raises(headers: list[tuple[str, str]], trust: list[str]) -> None:
    receipt = collect(headers, _path(headers), trust)
    assert all(r.trusted for r in receipt.trusted)
    assert not any(r.trusted for r in receipt.untrusted)
