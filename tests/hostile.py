"""A verification message written to attack whoever reads the report: script tags, event
handlers and ``javascript:`` URLs for the HTML report; escape sequences, rich markup and
emoji codes for the terminal. Its code must still be found (it is a real TikTok code)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from testkit.mail import make_message

NOW = "2026-11-25T14:20:00+00:00"
SUBJECT = (
    "<script>console.log('xss-subject');alert('subject')</script> 482915 is your TikTok code "
    "<img src=x onerror=\"console.log('xss-img');alert('img')\"> javascript:alert('url') "
    "\x1b]0;pwned\x07 \x1b[31m [bold red]markup[/] :smile:"
)
SENDER = (
    "\"<svg onload=alert('svg')> [link=javascript:alert(1)]Tik[/link] \x1b[5m\" "
    "<noreply@account.tiktok.com>"
)
BODY = (
    "Your TikTok code is 482915. <a href=\"javascript:alert('body')\">Open</a>\n"
    "It expires in 5 minutes."
)


def write_hostile(folder: Path) -> Path:
    path = folder / "hostile.eml"
    sent = datetime(2026, 11, 25, 14, 18, tzinfo=UTC)
    path.write_bytes(make_message(SUBJECT, sender=SENDER, body=BODY, sent=sent))
    return path
