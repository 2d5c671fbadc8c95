"""Tests for inspector.timeline.delivery and inspector.parse.received: hops, dates, delays."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.parse.dates import parse_date
from inspector.parse.received import is_ip_literal, parse_received_full
from inspector.timeline.delivery import (
    MAX_HOPS,
    border_hop,
    build_timeline,
    is_greylisting,
    parse_received,
)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# Real-looking headers, one per MTA shape (documentation IPs, provider names kept real where the
# provider matters). Values are as they appear after "Received:", folding included.

GMAIL_FINAL = """by 2002:a05:7300:d48b:b0:10c:3f1e:9e1a with SMTP id ab11csp3194210dyb;
        Tue, 5 Mar 2024 06:02:14 -0800 (PST)"""
GMAIL_MX = """from o3.email.tiktok.com (o3.email.tiktok.com. [198.51.100.23])
        by mx.google.com with ESMTPS id u12-20020a05621414c0c00b0068f9b4c2a1esi12.345.2024.03.05
        for <alice@gmail.com>
        (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128);
        Tue, 05 Mar 2024 06:02:13 -0800 (PST)"""
# SendGrid's own stamps have no ";" and a Go-formatted date (with fractions and a monotonic
# reading): the date is still read.
SENDGRID_FILTER = """by filterdrecv-656998cfdd-xk7pv with SMTP id filterdrecv-656998cfdd-xk7pv-1-65E
        2024-03-05 14:02:12.486 +0000 UTC m=+1832171.274625719"""
SENDGRID_API = """from MTAxNDQ5Nw (unknown)
\tby geopod-ismtpd-3 (SG) with HTTP
\tid 6pU5ZxLQSvKJ6pT2o8kR1w
\tTue, 05 Mar 2024 14:02:12.227 +0000 (UTC)"""
GMAIL_FROM_GMAIL = """from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])
        by mx.google.com with SMTPS id d9443c01a7336-1dd2f5a2b1csor1234567ad.12.2024.03.05
        for <alice@gmail.com>
        (Google Transport Security);
        Tue, 05 Mar 2024 06:02:13 -0800 (PST)"""
GMAIL_SENDER_SIDE = """by mail-sor-f41.google.com with SMTP id d9443c01a7336-1dd2f5a2b1cso1234;
        Tue, 05 Mar 2024 06:02:12 -0800 (PST)"""

OUTLOOK_MAILBOX = """from AM0PR02MB5555.eurprd02.prod.outlook.com (2603:10a6:208:15a::20)
 by DB9PR02MB6666.eurprd02.prod.outlook.com with HTTPS; Tue, 5 Mar 2024
 14:02:11 +0000"""
OUTLOOK_HUB = """from DU2PR04CA0123.eurprd04.prod.outlook.com (2603:10a6:10:234::8) by
 AM0PR02MB5555.eurprd02.prod.outlook.com (2603:10a6:208:15a::20) with
 Microsoft SMTP Server (version=TLS1_2,
 cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7362.22; Tue, 5 Mar
 2024 14:02:10 +0000"""
OUTLOOK_FRONTEND = """from DB5PEPF00014B8A.eurprd02.prod.outlook.com
 (2603:10a6:10:234:cafe::2b) by DU2PR04CA0123.outlook.office365.com
 (2603:10a6:10:234::8) with Microsoft SMTP Server (version=TLS1_2,
 cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7362.22 via Frontend
 Transport; Tue, 5 Mar 2024 14:02:10 +0000"""
OUTLOOK_EDGE = """from a7-12.smtp-out.eu-west-1.amazonses.com (192.0.2.12) by
 DB5PEPF00014B8A.mail.protection.outlook.com (10.167.8.198) with Microsoft SMTP
 Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id
 15.20.7362.11 via Frontend Transport; Tue, 5 Mar 2024 14:02:09 +0000"""

POSTFIX_FINAL = """from localhost (localhost [127.0.0.1])
\tby mail.example.org (Postfix) with ESMTP id 4TqBd83Lrkz4x9Y
\tfor <bob@example.org>; Tue,  5 Mar 2024 15:07:24 +0100 (CET)"""
POSTFIX_AMAVIS = """from mx.example.org ([127.0.0.1])
\tby localhost (mail.example.org [127.0.0.1]) (amavis, port 10024) with ESMTP
\tid 8sKq2Xo1lT4m for <bob@example.org>;
\tTue,  5 Mar 2024 15:07:21 +0100 (CET)"""
POSTFIX_MX_GREYLISTED = """from out-12.smtp.bank.example (out-12.smtp.bank.example [203.0.113.12])
\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)
\t(No client certificate requested)
\tby mx.example.org (Postfix) with ESMTPS id 4TqBd42Kx9z4x9X
\tfor <bob@example.org>; Tue,  5 Mar 2024 15:07:20 +0100 (CET)"""
POSTFIX_SENDER_PICKUP = """by out-12.smtp.bank.example (Postfix, from userid 1001)
\tid 4TqB7Q0N1Pz1Xv; Tue,  5 Mar 2024 14:02:08 +0000 (UTC)"""
POSTFIX_IPV6_UNKNOWN = """from helo.sender.example (unknown [IPv6:2001:db8:5::9])
\tby mx.example.org (Postfix) with ESMTP id 4TqBd42Kx9z4x9X
\tfor <bob@example.org>; Tue,  5 Mar 2024 15:07:20 +0100"""

EXIM_MX_GREYLISTED = """from [203.0.113.45] (helo=mta-07.shop.example)
\tby mx.receiver.example with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384
\t(Exim 4.96)
\t(envelope-from <bounce-7731@shop.example>)
\tid 1rXyZ-000abc-2Q
\tfor alice@receiver.example;
\tTue, 05 Mar 2024 14:16:02 +0000"""
EXIM_SENDER = """from [10.20.0.7] (helo=app-3.internal)
\tby mta-07.shop.example with esmtp (Exim 4.95)
\t(envelope-from <bounce-7731@shop.example>)
\tid 1rXykl-0007Ab-3c
\tfor alice@receiver.example;
\tTue, 05 Mar 2024 14:00:58 +0000"""
EXIM_RDNS_PORT = """from mta-07.shop.example ([203.0.113.45]:41622 helo=mta-07.shop.example)
\tby mx.receiver.example with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384
\t(Exim 4.96)
\tid 1rXyZ-000abc-2Q; Tue, 05 Mar 2024 14:16:02 +0000"""

SENDMAIL_MX = """from mail.sender.example (mail.sender.example [198.51.100.9])
\tby mx1.receiver.example (8.17.1/8.17.1) with ESMTPS id 425E2BxQ012345
\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT)
\tfor <alice@receiver.example>; Tue, 5 Mar 2024 09:02:11 -0500 (EST)"""
SENDMAIL_SUBMIT = """(from www@localhost)
\tby mail.sender.example (8.15.2/8.15.2/Submit) id 425E2A6u004321;
\tTue, 5 Mar 2024 15:02:10 +0100"""
SENDMAIL_OBSOLETE = """from relay.old.example by mail.receiver.example (8.9.3/8.9.3)
\twith SMTP id JAA01234; Tue, 5 Mar 96 09:02 EST"""

QMAIL_LOCAL = "(qmail 28512 invoked by uid 89); 5 Mar 2024 14:02:12 -0000"
QMAIL_NETWORK = "(qmail 12345 invoked from network); 5 Mar 2024 14:02:11 -0000"
QMAIL_SMTP = """from unknown (HELO mail.sender.example) (198.51.100.7)
  by mx.receiver.example with SMTP; 5 Mar 2024 14:02:11 -0000"""

YAHOO_BARE_IP = """from 10.217.151.75
 by atlas322.free.mail.ne1.yahoo.com with HTTPS; Tue, 5 Mar 2024 14:02:14 +0000"""

CRLF_FOLDED = (
    "from mail.sender.example (mail.sender.example\r\n [198.51.100.9])\r\n\tby"
    " mx.receiver.example with ESMTP id ABC123;\r\n Tue, 5 Mar 2024\r\n 14:02:11 +0000"
)
GARBAGE_DATE = "from a.example (a.example [192.0.2.1]) by b.example with SMTP; yesterday-ish"
NO_SEMICOLON = "from a.example (a.example [192.0.2.1]) by b.example with SMTP id X1"

FIELDS = ("from_host", "from_ip", "by_host", "with_protocol", "id", "for_addr", "at")

PARSE_CASES = [
    (
        GMAIL_FINAL,
        (
            None,
            None,
            "2002:a05:7300:d48b:b0:10c:3f1e:9e1a",
            "SMTP",
            "ab11csp3194210dyb",
            None,
            utc(2024, 3, 5, 14, 2, 14),
        ),
    ),
    (
        GMAIL_MX,
        (
            "o3.email.tiktok.com",
            "198.51.100.23",
            "mx.google.com",
            "ESMTPS",
            "u12-20020a05621414c0c00b0068f9b4c2a1esi12.345.2024.03.05",
            "alice@gmail.com",
            utc(2024, 3, 5, 14, 2, 13),
        ),
    ),
    (
        SENDGRID_FILTER,
        (
            None,
            None,
            "filterdrecv-656998cfdd-xk7pv",
            "SMTP",
            "filterdrecv-656998cfdd-xk7pv-1-65E",
            None,
            utc(2024, 3, 5, 14, 2, 12),
        ),
    ),
    (
        OUTLOOK_MAILBOX,
        (
            "AM0PR02MB5555.eurprd02.prod.outlook.com",
            "2603:10a6:208:15a::20",
            "DB9PR02MB6666.eurprd02.prod.outlook.com",
            "HTTPS",
            None,
            None,
            utc(2024, 3, 5, 14, 2, 11),
        ),
    ),
    (
        OUTLOOK_FRONTEND,
        (
            "DB5PEPF00014B8A.eurprd02.prod.outlook.com",
            "2603:10a6:10:234:cafe::2b",
            "DU2PR04CA0123.outlook.office365.com",
            "Microsoft SMTP Server",
            "15.20.7362.22",
            None,
            utc(2024, 3, 5, 14, 2, 10),
        ),
    ),
    (
        OUTLOOK_EDGE,
        (
            "a7-12.smtp-out.eu-west-1.amazonses.com",
            "192.0.2.12",
            "DB5PEPF00014B8A.mail.protection.outlook.com",
            "Microsoft SMTP Server",
            "15.20.7362.11",
            None,
            utc(2024, 3, 5, 14, 2, 9),
        ),
    ),
    (
        POSTFIX_MX_GREYLISTED,
        (
            "out-12.smtp.bank.example",
            "203.0.113.12",
            "mx.example.org",
            "ESMTPS",
            "4TqBd42Kx9z4x9X",
            "bob@example.org",
            utc(2024, 3, 5, 14, 7, 20),
        ),
    ),
    (
        POSTFIX_SENDER_PICKUP,
        (
            None,
            None,
            "out-12.smtp.bank.example",
            None,
            "4TqB7Q0N1Pz1Xv",
            None,
            utc(2024, 3, 5, 14, 2, 8),
        ),
    ),
    (
        POSTFIX_IPV6_UNKNOWN,
        (
            "helo.sender.example",
            "2001:db8:5::9",
            "mx.example.org",
            "ESMTP",
            "4TqBd42Kx9z4x9X",
            "bob@example.org",
            utc(2024, 3, 5, 14, 7, 20),
        ),
    ),
    (
        EXIM_MX_GREYLISTED,
        (
            "[203.0.113.45]",
            "203.0.113.45",
            "mx.receiver.example",
            "esmtps",
            "1rXyZ-000abc-2Q",
            "alice@receiver.example",
            utc(2024, 3, 5, 14, 16, 2),
        ),
    ),
    (
        EXIM_RDNS_PORT,
        (
            "mta-07.shop.example",
            "203.0.113.45",
            "mx.receiver.example",
            "esmtps",
            "1rXyZ-000abc-2Q",
            None,
            utc(2024, 3, 5, 14, 16, 2),
        ),
    ),
    (
        SENDMAIL_MX,
        (
            "mail.sender.example",
            "198.51.100.9",
            "mx1.receiver.example",
            "ESMTPS",
            "425E2BxQ012345",
            "alice@receiver.example",
            utc(2024, 3, 5, 14, 2, 11),
        ),
    ),
    (
        SENDMAIL_SUBMIT,
        (
            None,
            None,
            "mail.sender.example",
            None,
            "425E2A6u004321",
            None,
            utc(2024, 3, 5, 14, 2, 10),
        ),
    ),
    (
        SENDMAIL_OBSOLETE,
        (
            "relay.old.example",
            None,
            "mail.receiver.example",
            "SMTP",
            "JAA01234",
            None,
            utc(1996, 3, 5, 14, 2),
        ),
    ),
    (QMAIL_NETWORK, (None, None, None, None, None, None, utc(2024, 3, 5, 14, 2, 11))),
    (
        QMAIL_SMTP,
        (
            "unknown",
            "198.51.100.7",
            "mx.receiver.example",
            "SMTP",
            None,
            None,
            utc(2024, 3, 5, 14, 2, 11),
        ),
    ),
    (
        YAHOO_BARE_IP,
        (
            "10.217.151.75",
            "10.217.151.75",
            "atlas322.free.mail.ne1.yahoo.com",
            "HTTPS",
            None,
            None,
            utc(2024, 3, 5, 14, 2, 14),
        ),
    ),
    (
        CRLF_FOLDED,
        (
            "mail.sender.example",
            "198.51.100.9",
            "mx.receiver.example",
            "ESMTP",
            "ABC123",
            None,
            utc(2024, 3, 5, 14, 2, 11),
        ),
    ),
    (GARBAGE_DATE, ("a.example", "192.0.2.1", "b.example", "SMTP", None, None, None)),
    (NO_SEMICOLON, ("a.example", "192.0.2.1", "b.example", "SMTP", "X1", None, None)),
    ("", (None, None, None, None, None, None, None)),
]
PARSE_IDS = [
    "gmail-final-ipv6-by", "gmail-mx", "sendgrid-no-semicolon", "outlook-https",
    "outlook-frontend-mss", "outlook-edge", "postfix-tls-comments", "postfix-pickup",
    "postfix-ipv6-unknown-rdns", "exim-literal-helo", "exim-rdns-port", "sendmail-esmtps",
    "sendmail-submit", "sendmail-obsolete-date", "qmail-network", "qmail-smtp", "yahoo-bare-ip",
    "crlf-folded", "garbage-date", "no-semicolon", "empty",
]  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), PARSE_CASES, ids=PARSE_IDS)
def test_parse_received(value: str, expected: tuple[object, ...]) -> None:
    hop = parse_received(value)
    assert tuple(getattr(hop, name) for name in FIELDS) == expected
    assert hop.raw == value
    assert hop.delay_seconds is None


@pytest.mark.parametrize(
    ("value", "rdns", "helo"),
    [
        (GMAIL_MX, "o3.email.tiktok.com", None),
        (POSTFIX_MX_GREYLISTED, "out-12.smtp.bank.example", None),
        (POSTFIX_IPV6_UNKNOWN, None, None),
        (EXIM_MX_GREYLISTED, None, "mta-07.shop.example"),
        (QMAIL_SMTP, None, "mail.sender.example"),
    ],
    ids=["gmail", "postfix", "postfix-unknown", "exim", "qmail"],
)
def test_tcp_info_names(value: str, rdns: str | None, helo: str | None) -> None:
    parsed = parse_received_full(value)
    assert (parsed.from_rdns, parsed.helo) == (rdns, helo)


@pytest.mark.parametrize(
    ("value", "at", "problem"),
    [
        ("Tue, 05 Mar 2024 14:02:11 +0000", utc(2024, 3, 5, 14, 2, 11), None),
        ("Tue, 05 Mar 2024 06:02:11 -0800 (PST)", utc(2024, 3, 5, 14, 2, 11), None),
        ("5 Mar 2024 14:02:11 -0000", utc(2024, 3, 5, 14, 2, 11), None),
        ("Tue, 5 Mar 97 09:02 EST", utc(1997, 3, 5, 14, 2), None),
        ("Tue, 5 Mar 24 09:02:11 EDT", utc(2024, 3, 5, 13, 2, 11), None),
        ("5 Mar 124 14:02:11 GMT", utc(2024, 3, 5, 14, 2, 11), None),
        ("Tue, 5 Mar 2024 15:02:11 +01:00", utc(2024, 3, 5, 14, 2, 11), None),
        ("Tue, 5 Mar 2024 15:02:11 GMT+0100", utc(2024, 3, 5, 14, 2, 11), None),
        ("Sat, 31 Dec 2016 23:59:60 +0000", utc(2016, 12, 31, 23, 59, 59), None),
        ("Tue, 5 Mar 2024 14:02:11 CET", utc(2024, 3, 5, 14, 2, 11), "zone unknown (read as UTC)"),
        ("Tue, 5 Mar 2024 14:02:11", utc(2024, 3, 5, 14, 2, 11), "zone unknown (read as UTC)"),
        ("Tue,\r\n 5 Mar 2024\r\n 14:02:11 +0000", utc(2024, 3, 5, 14, 2, 11), None),
        ("31 Feb 2024 14:02:11 +0000", None, "unparseable"),
        ("5 Mar 2024 14:02:11 +9999", None, "unparseable"),
        ("5 Mar 99999 14:02:11 +0000", None, "unparseable"),
        # Not RFC 5322, but what some MTAs write (SendGrid, Go programs): read, zone and all.
        ("2024-03-05T14:02:11Z", utc(2024, 3, 5, 14, 2, 11), None),
        ("yesterday", None, "unparseable"),
        ("   ", None, "missing"),
        (None, None, "missing"),
    ],
    ids=[
        "rfc5322", "comment-zone", "minus-zero", "2-digit-year-est-no-seconds", "edt",
        "3-digit-year", "colon-offset", "gmt-offset", "leap-second", "unknown-zone-name",
        "no-zone", "folded", "feb-31", "huge-offset", "huge-year", "iso-8601", "word", "blank",
        "none",
    ],
)  # fmt: skip
def test_parse_date(value: str | None, at: datetime | None, problem: str | None) -> None:
    parsed = parse_date(value)
    assert (parsed.at, parsed.problem) == (at, problem)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("192.0.2.1", True), ("[192.0.2.1]", True), ("[IPv6:2001:db8::1]", True),
        ("2002:a05:7300:d48b:b0:10c:3f1e:9e1a", True), ("mx.google.com", False), ("", False),
        (None, False),
    ],
    ids=["v4", "v4-literal", "v6-literal", "v6-bare", "name", "empty", "none"],
)  # fmt: skip
def test_is_ip_literal(host: str | None, expected: bool) -> None:
    assert is_ip_literal(host) is expected


# --------------------------------------------------------------------------------------------
# Whole paths (header order: newest first, as in the message).

GMAIL_PATH = [GMAIL_FINAL, GMAIL_MX, SENDGRID_FILTER, SENDGRID_API]
OUTLOOK_PATH = [OUTLOOK_MAILBOX, OUTLOOK_HUB, OUTLOOK_FRONTEND, OUTLOOK_EDGE]
POSTFIX_GREYLIST_PATH = [
    POSTFIX_FINAL, POSTFIX_AMAVIS, POSTFIX_MX_GREYLISTED, POSTFIX_SENDER_PICKUP,
]  # fmt: skip
EXIM_GREYLIST_PATH = [EXIM_MX_GREYLISTED, EXIM_SENDER]
SENDMAIL_PATH = [SENDMAIL_MX, SENDMAIL_SUBMIT]
QMAIL_PATH = [QMAIL_LOCAL, QMAIL_SMTP]
GMAIL_INTERNAL_PATH = [GMAIL_FINAL, GMAIL_FROM_GMAIL, GMAIL_SENDER_SIDE]


def stamp(by: str, when: str, source: str = "relay.sender.example [198.51.100.1]") -> str:
    name, ip = source.split()
    return f"from {name} ({name} {ip}) by {by} with ESMTP id X; {when}"


PATH_CASES = [
    # (received, date, expected delays oldest first, transit, skew, greylisting seconds, border)
    (GMAIL_PATH, "Tue, 05 Mar 2024 14:02:11 +0000", [1.0, 0.0, 1.0, 1.0], 3.0, None, None, 2),
    (OUTLOOK_PATH, "Tue, 5 Mar 2024 14:02:08 +0000", [1.0, 1.0, 0.0, 1.0], 3.0, None, None, 0),
    (POSTFIX_GREYLIST_PATH, "Tue, 05 Mar 2024 14:02:08 +0000",
     [0.0, 312.0, 1.0, 3.0], 316.0, None, 312.0, 1),
    (EXIM_GREYLIST_PATH, "Tue, 05 Mar 2024 14:00:57 +0000", [1.0, 904.0], 905.0, None, 904.0, 1),
    (SENDMAIL_PATH, "Tue, 5 Mar 2024 15:02:09 +0100", [1.0, 1.0], 2.0, None, None, 1),
    (QMAIL_PATH, "Tue, 5 Mar 2024 14:02:10 +0000", [1.0, 1.0], 2.0, None, None, 0),
    (GMAIL_INTERNAL_PATH, "Tue, 5 Mar 2024 14:02:12 +0000", [0.0, 1.0, 1.0], 2.0, None, None,
     None),
    # Clock skew across midnight: -30 s, never "repaired" to +86370 s.
    (
        [stamp("mx.receiver.example", "Tue, 5 Mar 2024 23:59:40 +0000"),
         stamp("relay.sender.example", "Wed, 6 Mar 2024 00:00:10 +0000",
               "app.sender.example [10.0.0.5]")],
        "Tue, 5 Mar 2024 23:59:30 +0000", [40.0, -30.0], 10.0, -30.0, None, 1,
    ),
    # Multi-day delay: stuck in a queue over a weekend.
    (
        [stamp("mx.receiver.example", "Mon, 4 Mar 2024 08:15:03 +0000"),
         stamp("relay.sender.example", "Fri, 1 Mar 2024 23:50:01 +0000",
               "app.sender.example [10.0.0.5]")],
        "Fri, 1 Mar 2024 23:50:00 +0000", [1.0, 203102.0], 203103.0, None, None, 1,
    ),
    # Greylisting-sized wait, but every hop is slow: a congested path, not greylisting.
    (
        [stamp("mail.receiver.example", "Tue, 5 Mar 2024 14:10:00 +0000", "localhost [127.0.0.1]"),
         stamp("mx.receiver.example", "Tue, 5 Mar 2024 14:08:00 +0000"),
         stamp("relay.sender.example", "Tue, 5 Mar 2024 14:02:00 +0000",
               "app.sender.example [10.0.0.5]")],
        "Tue, 5 Mar 2024 14:02:00 +0000", [0.0, 360.0, 120.0], 480.0, None, None, 1,
    ),
    # Two hours at the border: longer than any greylisting retry window.
    (
        [stamp("mx.receiver.example", "Tue, 5 Mar 2024 16:02:01 +0000"),
         stamp("relay.sender.example", "Tue, 5 Mar 2024 14:02:01 +0000",
               "app.sender.example [10.0.0.5]")],
        "Tue, 5 Mar 2024 14:02:00 +0000", [1.0, 7200.0], 7201.0, None, None, 1,
    ),
]  # fmt: skip
PATH_IDS = [
    "gmail-sendgrid", "outlook-ses", "postfix-greylisted", "exim-greylisted", "sendmail",
    "qmail", "gmail-to-gmail-internal", "clock-skew-midnight", "multi-day", "slow-everywhere",
    "too-long-for-greylisting",
]  # fmt: skip


@pytest.mark.parametrize(
    ("received", "date", "delays", "transit", "skew", "greylisting", "border"),
    PATH_CASES,
    ids=PATH_IDS,
)
def test_paths(
    received: list[str],
    date: str,
    delays: list[float | None],
    transit: float,
    skew: float | None,
    greylisting: float | None,
    border: int | None,
) -> None:
    timeline = build_timeline(received, date=date)
    assert [hop.delay_seconds for hop in timeline.hops] == delays
    assert timeline.sent_at_source == "date"
    assert timeline.transit_seconds == transit
    assert timeline.clock_skew_seconds == skew
    assert timeline.greylisting_suspected is (greylisting is not None)
    assert timeline.greylisting_seconds == greylisting
    assert border_hop(timeline.hops) == border
    assert timeline.delivered_at == timeline.hops[-1].at
    assert [hop.raw for hop in timeline.hops] == received[::-1]
    assert any("clock skew" in note for note in timeline.notes) is (skew is not None)
    assert any("greylisting" in note for note in timeline.notes) is (greylisting is not None)


def test_gmail_path_notes_hops_without_timestamp() -> None:
    timeline = build_timeline(GMAIL_PATH, date="Tue, 05 Mar 2024 14:02:11 +0000")
    # SendGrid's stamps without ";" (a Go date after the id) and with fractional seconds
    # are read: no hop of this path lacks its timestamp.
    assert not [note for note in timeline.notes if "timestamp" in note]
    assert all(hop.at is not None for hop in timeline.hops)


@pytest.mark.parametrize(
    ("date", "dkim", "sent_at", "source", "note"),
    [
        (None, 1709647330, utc(2024, 3, 5, 14, 2, 10), "dkim", "Date header missing"),
        ("yesterday-ish", 1709647330, utc(2024, 3, 5, 14, 2, 10), "dkim",
         "Date header unparseable: 'yesterday-ish'"),
        ("yesterday-ish", None, None, None, "Date header unparseable: 'yesterday-ish'"),
        (None, None, None, None, "Date header missing"),
        (None, 10**5000, None, None, "DKIM t=(huge) is not a usable time"),
        (None, -5, None, None, "DKIM t=-5 is not a usable time"),
        ("Tue, 5 Mar 2024 14:02:09 +0000", 1709647330, utc(2024, 3, 5, 14, 2, 9), "date", None),
        ("Tue, 5 Mar 2024 14:02:09 CET", None, utc(2024, 3, 5, 14, 2, 9), "date",
         "Date header zone unknown (read as UTC): 'Tue, 5 Mar 2024 14:02:09 CET'"),
    ],
    ids=["missing-dkim", "garbage-dkim", "garbage-alone", "missing-alone", "dkim-huge",
         "dkim-negative", "date-wins-over-dkim", "date-unknown-zone"],
)  # fmt: skip
def test_sent_at(
    date: str | None, dkim: int | None, sent_at: datetime | None, source: str | None, note: str
) -> None:
    timeline = build_timeline([QMAIL_SMTP], date=date, dkim_timestamp=dkim)
    assert (timeline.sent_at, timeline.sent_at_source) == (sent_at, source)
    if note is not None:
        assert note in timeline.notes
    if sent_at is None:
        assert timeline.hops[0].delay_seconds is None
        assert timeline.transit_seconds is None
    else:
        assert timeline.transit_seconds == (utc(2024, 3, 5, 14, 2, 11) - sent_at).total_seconds()


def test_hop_with_garbage_timestamp_in_the_middle() -> None:
    received = [
        stamp("mx.receiver.example", "Tue, 5 Mar 2024 14:02:20 +0000"),
        stamp("relay2.sender.example", "sometime on tuesday"),
        stamp("relay1.sender.example", "Tue, 5 Mar 2024 14:02:05 +0000"),
    ]
    timeline = build_timeline(received, date="Tue, 5 Mar 2024 14:02:00 +0000")
    # The step after the unreadable hop is measured from the last hop that has a time.
    assert [hop.delay_seconds for hop in timeline.hops] == [5.0, None, 15.0]
    assert "hop 2 (by relay2.sender.example): timestamp unparseable" in timeline.notes
    assert timeline.transit_seconds == 20.0


@pytest.mark.parametrize(
    ("received", "stored_at", "delivered", "note"),
    [
        ([], utc(2024, 3, 5, 14, 3), utc(2024, 3, 5, 14, 3), "no Received headers"),
        ([], datetime(2024, 3, 5, 14, 3), utc(2024, 3, 5, 14, 3), "no Received headers"),
        ([], datetime(2024, 3, 5, 15, 3, tzinfo=timezone(timedelta(hours=1))),
         utc(2024, 3, 5, 14, 3), "no Received headers"),
        ([NO_SEMICOLON, QMAIL_SMTP], utc(2024, 3, 5, 14, 3), utc(2024, 3, 5, 14, 3),
         "the newest hop has no timestamp; delivery time taken from the mailbox"),
        ([NO_SEMICOLON, QMAIL_SMTP], None, utc(2024, 3, 5, 14, 2, 11),
         "the newest hop has no timestamp; delivery time is the newest one found"),
        ([QMAIL_SMTP], utc(2024, 3, 9), utc(2024, 3, 5, 14, 2, 11), None),
    ],
    ids=["stored-only", "stored-naive", "stored-offset", "newest-unstamped-stored",
         "newest-unstamped-no-store", "hop-wins-over-stored"],
)  # fmt: skip
def test_delivered_at(
    received: list[str], stored_at: datetime | None, delivered: datetime, note: str | None
) -> None:
    timeline = build_timeline(received, date="Tue, 5 Mar 2024 14:02:00 +0000", stored_at=stored_at)
    assert timeline.delivered_at == delivered
    assert timeline.transit_seconds == (delivered - utc(2024, 3, 5, 14, 2)).total_seconds()
    if note is not None:
        assert note in timeline.notes


def test_stored_before_date_is_clock_skew() -> None:
    timeline = build_timeline(
        [], date="Tue, 5 Mar 2024 14:02:00 +0000", stored_at=utc(2024, 3, 5, 14, 0)
    )
    assert timeline.transit_seconds == -120.0
    assert timeline.clock_skew_seconds == -120.0


def test_hop_cap_keeps_the_newest() -> None:
    received = [
        stamp(f"hop{n}.example.net", f"Tue, 5 Mar 2024 14:{n // 60:02d}:{n % 60:02d} +0000")
        for n in range(150, 0, -1)
    ]
    timeline = build_timeline(received, date="Tue, 5 Mar 2024 14:00:00 +0000")
    assert len(timeline.hops) == MAX_HOPS
    assert timeline.hops[-1].by_host == "hop150.example.net"
    assert timeline.hops[0].by_host == "hop51.example.net"
    assert timeline.notes[0] == "150 Received headers; only the newest 100 were read"


def test_notes_are_capped() -> None:
    received = [stamp(f"h{n}.example", "garbage") for n in range(60)]
    timeline = build_timeline(received, date=None)
    assert len(timeline.notes) == 20
    assert timeline.notes[-1].startswith("... and ")


@pytest.mark.parametrize(
    ("border", "others", "expected"),
    [
        (300.0, [0.0, 1.0, 2.0], True),
        (60.0, [], True),
        (4000.0, [30.0, -30.0], True),
        (59.0, [0.0], False),
        (4001.0, [0.0], False),
        (300.0, [31.0], False),
        (300.0, [-31.0], False),
        (None, [0.0], False),
    ],
    ids=["typical", "minimum", "maximum", "too-short", "too-long", "slow-elsewhere",
         "skewed-elsewhere", "unknown"],
)  # fmt: skip
def test_is_greylisting(border: float | None, others: list[float], expected: bool) -> None:
    assert is_greylisting(border, others) is expected


# --------------------------------------------------------------------------------------------
# Hostile input never raises.

HEADERISH = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(
            ["from", "by", "with", "id", "for", "via", "(", ")", "[", "]", "<", ">", ";", '"',
             "\\", "[IPv6:", "::1", "192.0.2.1", "helo=", "HELO", "\r\n ", " ", "Tue, 5 Mar 2024",
             "14:02:11", "+0000", "-9999", "EST", "99999", "60:60:60", "mx.example.org"]
        ),
        max_size=40,
    ).map("".join),
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(HEADERISH)
def test_parse_received_never_raises(value: str) -> None:
    hop = parse_received(value)
    assert hop.raw == value
    assert hop.at is None or hop.at.tzinfo is not None


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    st.lists(HEADERISH, max_size=8),
    st.one_of(st.none(), HEADERISH),
    st.one_of(st.none(), st.integers()),
    st.one_of(st.none(), st.datetimes(), st.datetimes(timezones=st.timezones())),
)
def test_build_timeline_never_raises(
    received: list[str], date: str | None, dkim: int | None, stored_at: datetime | None
) -> None:
    timeline = build_timeline(received, date=date, dkim_timestamp=dkim, stored_at=stored_at)
    assert len(timeline.hops) == len(received)
    assert timeline.clock_skew_seconds is None or timeline.clock_skew_seconds < 0
    assert border_hop(timeline.hops) is None or border_hop(timeline.hops) in range(len(received))


@pytest.mark.parametrize(
    "value",
    [
        "Tue, 3 Nov 2026 14:02:07 +0100",
        "3 Nov 2026 14:02:07 -0000",
        "Fri, 20 Nov 2026 08:03:12 +0000 (UTC)",
        "Tue, 3 Nov 2026 14:02:60 +0530 (IST)",
        "Tue, 31 Feb 2026 14:02:07 +0100",
        "Sun, 00 Nov 2026 14:02:07 +0100",
        "Tue, 3 Nov 2026 14:02:07 +2400",
        "Tue, 3 Nov 2026 14:02:07 +0000",
    ],
)
def test_common_date_form_reads_as_the_general_path(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The direct read of the usual form gives what the general path gives, problems too."""
    from inspector.parse import dates

    fast = dates.parse_date(value)
    monkeypatch.setattr(dates, "_COMMON_DATE", re.compile(r"(?!)"))
    assert fast == dates.parse_date(value)
