"""Small hand-made messages for the tests (the large synthetic corpus is testkit.corpus)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, make_msgid


def make_message(
    subject: str,
    *,
    sender: str = "TikTok <no-reply@account.tiktok.com>",
    to: str = "alice@example.com",
    body: str = "Hello",
    sent: datetime | None = None,
    message_id: str | None = None,
    extra_headers: str = "",
) -> bytes:
    """A small RFC 5322 message (CRLF line ends)."""
    sent = sent or datetime.now(UTC) - timedelta(minutes=5)
    head = (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n"
        f"Date: {format_datetime(sent)}\r\n"
        f"Message-ID: {message_id or make_msgid(domain='account.tiktok.com')}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"{extra_headers}"
    )
    return (head + "\r\n" + body.replace("\n", "\r\n") + "\r\n").encode("utf-8")
