"""Tests of inspector.analysis.examine: what the headers tell the extraction."""

from __future__ import annotations

from datetime import UTC, datetime

from inspector.analysis.examine import examine_mail
from inspector.analysis.record import Options
from inspector.model import RawMail

_OPTIONS = Options(now=datetime(2026, 1, 1, tzinfo=UTC), all_messages=True)


def _mail(*extra: str) -> bytes:
    head = [
        "From: Dave <dave@example.org>",
        "To: ilug@example.org",
        "Subject: [ILUG] HDD password",
        "Date: Mon, 29 Jul 2002 10:00:00 +0100",
        *extra,
    ]
    body = "How do I remove the HDD password from an Acer Travelmate 201T?\r\n"
    return ("\r\n".join(head) + "\r\n\r\n" + body).encode()


def test_mail_through_a_mailing_list_is_bulk() -> None:
    # A List-Id (RFC 2919): people on a list discussing passwords, not a code sent to one.
    listed = examine_mail(
        RawMail(_mail("List-Id: Irish Linux Users <ilug.example.org>"), "a"), _OPTIONS
    )
    assert listed is not None
    assert listed.code is None
    direct = examine_mail(RawMail(_mail(), "b"), _OPTIONS)
    assert direct is not None
    assert direct.code == "201T"
