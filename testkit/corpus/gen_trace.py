"""Trace headers: 3–8 Received hops in the shapes real MTAs write (RFC 5321 §4.4), newest first.

The path is: the sender's own servers (Postfix, Exim, Exchange Online, SES, SendGrid, Gmail,
Mailchimp: 1–6 hops), the receiving provider's MX (``mx.google.com``) and its internal hop.
A few messages wait at the MX (greylisting-like) and a few carry a server with a wrong clock,
so the timeline code has something to find.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from testkit.corpus.gen_senders import OWNER, Sender

_PST = timezone(timedelta(hours=-8), "PST")


@dataclass(frozen=True, slots=True)
class Trace:
    sent_at: datetime  # the Date header, in the sender's zone
    top: list[tuple[str, str]]  # what the receiving provider stamped, newest first
    sender_hops: list[str]  # Received values inside the sender's network, oldest first
    boundary_ip: str  # the address the MX saw: what SPF is checked against


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _alnum(rng: random.Random, n: int, alphabet: str = "ABCDEFGHJKLMNPQRSTVWXYZ0123456789") -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _date(at: datetime, zone: timezone, *, google: bool = False) -> str:
    text = format_datetime(at.astimezone(zone))
    if google:
        # Google writes the day without a leading zero and the zone name in a comment.
        day = text[5:7].lstrip("0")
        text = f"{text[:5]}{day}{text[7:]} ({zone.tzname(None)})"
    return text


def _sender_hops(
    rng: random.Random, sender: Sender, count: int, times: list[datetime], zone: timezone
) -> list[str]:
    """``count`` hops inside the sender's network, oldest first."""
    org = sender.envelope_domain
    hops: list[str] = []
    for i in range(count):
        at = times[i]
        if sender.mta == "postfix":
            if i == 0:
                hop = (
                    f"from localhost (localhost [127.0.0.1])\n\tby app-{rng.randrange(1, 40)}."
                    f"{org} (Postfix) with ESMTP id {_alnum(rng, 10)}\n\tfor <{OWNER}>;"
                    f" {_date(at, zone)}"
                )
            else:
                hop = (
                    f"from app-{rng.randrange(1, 40)}.{org} (app.{org} "
                    f"[10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}])"
                    f"\n\tby smtp-out-{i}.{org} (Postfix) with ESMTPS id {_alnum(rng, 12)}"
                    f"\n\tfor <{OWNER}>; {_date(at, zone)}"
                )
        elif sender.mta == "exim":
            hop = (
                f"from [{sender.ip(i + 7)}] (helo=web{rng.randrange(1, 9)}.{org})\n\tby "
                f"mail{i + 1}.{org} with esmtpsa  (TLS1.3) tls TLS_AES_256_GCM_SHA384\n\t"
                f"(Exim 4.96)\n\t(envelope-from <{sender.envelope}>)\n\tid "
                f"{_alnum(rng, 6, 'abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789')}-"
                f"{rng.randrange(10**6):06d}-{rng.randrange(10)}{_alnum(rng, 1)}\n\tfor "
                f"{OWNER}; {_date(at, zone)}"
            )
        elif sender.mta == "outlook":
            a = f"AM{rng.randrange(1, 9)}PR{rng.randrange(10):02d}MB{rng.randrange(1000, 9999)}"
            b = f"DB{rng.randrange(1, 9)}PR{rng.randrange(10):02d}MB{rng.randrange(1000, 9999)}"
            if i == 0:
                hop = (
                    f"from {a}.eurprd04.prod.outlook.com\n ([fe80::{_hex(rng, 4)}:{_hex(rng, 4)}"
                    f"]) by {a}.eurprd04.prod.outlook.com\n ([fe80::{_hex(rng, 4)}%5]) with "
                    f"mapi id 15.20.8182.017; {_date(at, zone)}"
                )
            else:
                hop = (
                    f"from {a}.eurprd04.prod.outlook.com (2603:10a6:20b:{_hex(rng, 2)}::"
                    f"{rng.randrange(10, 99)}) by\n {b}.eurprd04.prod.outlook.com "
                    f"(2603:10a6:10:{_hex(rng, 3)}::{rng.randrange(10, 99)}) with Microsoft "
                    f"SMTP\n Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_"
                    f"SHA384) id\n 15.20.8182.20; {_date(at, zone)}"
                )
        elif sender.mta == "ses":
            hop = (
                f"from a{rng.randrange(1, 60)}-{rng.randrange(1, 250)}.smtp-out.amazonses.com "
                f"(localhost [127.0.0.1])\n\tby email-smtp-{i}.us-west-2.amazonses.com with "
                f"SMTP id {_hex(rng, 16)}-{_hex(rng, 8)}-{_hex(rng, 4)}-000000\n\t"
                f"for <{OWNER}>; {_date(at, zone)}"
            )
        elif sender.mta == "sendgrid":
            if i == 0:
                hop = (
                    f"by recvd-{_hex(rng, 10)}-{_alnum(rng, 5).lower()} with SMTP id "
                    f"recvd-{_hex(rng, 8)}-1-{_hex(rng, 8)}-{rng.randrange(10, 99)}\n"
                    f"        {_date(at, zone)}"
                )
            else:
                hop = (
                    f"from {_alnum(rng, 22)} (unknown)\n\tby geopod-ismtpd-{rng.randrange(1, 40)}"
                    f" (SG) with HTTP\n\tid {_alnum(rng, 22)}\n\tfor <{OWNER}>;\n\t"
                    f"{_date(at, zone)}"
                )
        elif sender.mta == "mailchimp":
            hop = (
                f"from localhost (localhost [127.0.0.1])\n\tby mail{rng.randrange(1, 200)}."
                f"atl{rng.randrange(11, 99)}.mcsv.net (Postfix) with ESMTP id "
                f"{_alnum(rng, 10)}\n\tfor <{OWNER}>; {_date(at, zone)}"
            )
        else:  # google: Gmail's outbound path
            hop = (
                f"by 2002:a05:{_hex(rng, 4)}:{_hex(rng, 4)}:b0:{_hex(rng, 3)}:{_hex(rng, 4)}:"
                f"{_hex(rng, 4)} with SMTP id {_alnum(rng, 24).lower()}.{rng.randrange(99)};\n"
                f"        {_date(at, _PST, google=True)}"
            )
        hops.append(hop)
    return hops


def build(rng: random.Random, sender: Sender, delivered: datetime) -> Trace:
    """A Received chain ending at ``delivered`` (UTC), plus its timing, newest first."""
    sender_count = rng.randint(1, 6)  # with the MX and its internal hop: 3–8 in all
    zone = timezone(timedelta(hours=sender.tz_hours))
    delays = [
        rng.choice((0.0, 0.0, 1.0, 1.0, 2.0, 3.0)) + rng.random() for _ in range(sender_count)
    ]
    boundary_delay = rng.random() * 3 + 0.5
    roll = rng.random()
    if roll < 0.02:
        boundary_delay = rng.uniform(300, 1200)  # deferred at the MX, accepted on retry
    final_delay = rng.random()
    total = sum(delays) + boundary_delay + final_delay
    sent_at = delivered - timedelta(seconds=total)
    times: list[datetime] = []
    at = sent_at
    for delay in delays:
        at += timedelta(seconds=delay)
        times.append(at)
    if roll > 0.99 and sender_count > 1:
        times[-1] -= timedelta(seconds=rng.uniform(120, 600))  # a sender server's clock is slow
    mx_at = times[-1] + timedelta(seconds=boundary_delay)
    hops = _sender_hops(rng, sender, sender_count, times, zone)
    ip = sender.ip(rng.randrange(14))
    helo = f"mail-{_alnum(rng, 4).lower()}.{sender.envelope_domain}"
    gid = f"{_alnum(rng, 2).lower()}{rng.randrange(1, 99)}-2002{_hex(rng, 10)}.{rng.randrange(999)}"
    boundary = (
        f"from {helo} ({helo}. [{ip}])\n        by mx.google.com with ESMTPS id {gid}\n"
        f"        for <{OWNER}>\n        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 "
        f"bits=256/256);\n        {_date(mx_at, _PST, google=True)}"
    )
    final = (
        f"by 2002:a05:7300:{_hex(rng, 4)}:b0:{_hex(rng, 3)}:{_hex(rng, 4)}:{_hex(rng, 4)} "
        f"with SMTP id {_alnum(rng, 12).lower()}csp{rng.randrange(10**7)};\n        "
        f"{_date(delivered, _PST, google=True)}"
    )
    top = [("Delivered-To", OWNER), ("Received", final)]
    top.append(
        (
            "X-Received",
            f"by 2002:a17:90b:{_hex(rng, 4)}:b0:{_hex(rng, 3)}:{_hex(rng, 4)} with "
            f"SMTP id {_alnum(rng, 10).lower()}.{rng.randrange(99)}.{_hex(rng, 8)};\n"
            f"        {_date(delivered, _PST, google=True)}",
        )
    )
    top.append(("Return-Path", f"<{sender.envelope}>"))
    top.append(("Received", boundary))
    top.append(
        (
            "Received-SPF",
            f"pass (google.com: domain of {sender.envelope} designates "
            f"{ip} as permitted sender) client-ip={ip};",
        )
    )
    return Trace(sent_at=sent_at.astimezone(zone), top=top, sender_hops=hops, boundary_ip=ip)
