"""The HTML report as a file: self-contained, locked down by its own CSP, every message
string escaped, redaction applied. (What a browser makes of it: tests/test_browser.py.)"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from click.testing import CliRunner

from inspector.cli.main import main
from tests.conftest import FIXTURES
from tests.hostile import write_hostile

SAMPLE = FIXTURES / "sample-mailbox"
MAIL = FIXTURES / "mail"
NOW = "2026-11-25T14:20:00+00:00"


def page(*args: str) -> str:
    result = CliRunner().invoke(main, ["analyze", *args, "--offline", "--format", "html"])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_self_contained_and_locked_down() -> None:
    html = page(str(SAMPLE), "--now", NOW, "--requested-at", "14:10")
    assert html.startswith("<!DOCTYPE html>")
    # Nothing to load: the only URL is the SVG namespace, which is a name, not a fetch.
    urls = re.findall(r"[a-z]+://[^\s\"'<>]+", html)
    assert set(urls) == {"http://www.w3.org/2000/svg"}
    for marker in ("<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import"):
        assert marker not in html.lower(), marker
    assert not re.search(r"\son[a-z]+\s*=", html), "no event handler attributes"
    assert " style=" not in html, "no inline style attributes (the CSP would block them)"
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp
    policy = dict(part.strip().split(" ", 1) for part in csp.group(1).split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["form-action"] == "'none'"
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert policy["style-src"] == f"'sha256-{digest}'"


def test_verdict_findings_advice_and_timeline() -> None:
    html = page(str(SAMPLE), "--now", NOW, "--requested-at", "14:10")
    assert "<h1>Your TikTok code 482915 arrived 6 min 41 s after you asked, in Junk" in html
    assert "code_in_spam" in html
    assert "mark the message as &#x27;Not spam&#x27;" in html
    assert html.count('data-marker="message"') == 2
    assert html.count('data-marker="request"') == 1
    assert html.count('data-marker="now"') == 1
    assert ">asked 14:10<" in html
    assert ">now 14:20<" in html
    assert 'class="expiry' in html  # the validity window
    assert html.count("<tr>") == 3  # the header and two messages


def test_hops_and_slow_delays_are_drawn() -> None:
    html = page(
        str(MAIL / "inbox" / "microsoft-code-expired-in-transit-greylisted.eml"), "--now", NOW
    )
    assert 'class="hop-seg slow"' in html
    assert '<text class="delay"' in html
    assert "21 min" in html
    assert "<details><summary>" in html


def test_no_request_marker_without_a_request_time() -> None:
    html = page(str(SAMPLE), "--now", NOW)
    assert 'data-marker="request"' not in html


def test_message_text_is_escaped(tmp_path: Path) -> None:
    html = page(str(write_hostile(tmp_path)), "--now", NOW, "--all-messages")
    assert "482915" in html  # the code is found and shown
    assert "<script" not in html
    assert "<svg onload" not in html
    assert "<img" not in html
    assert "&lt;script&gt;console.log(&#x27;xss-subject&#x27;)" in html
    assert "onerror=&quot;console.log" in html  # shown as text, inert
    assert "\x1b" not in html
    assert "\\x1b]0;pwned\\x07" in html


def test_redact_applies() -> None:
    html = page(str(MAIL / "discord-superseded.mbox"), "--now", NOW, "--redact")
    assert "314159" not in html
    assert "271828" not in html
    assert "noreply@discord.com" not in html
    assert "****59" in html


def test_limit_keeps_the_newest_rows(tmp_path: Path) -> None:
    html = page(str(MAIL / "instagram-too-many-codes.mbox"), "--now", NOW, "--limit", "2")
    assert html.count('data-marker="message"') == 2
    assert "The newest 2 of 4" in html


def test_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main,
        ["analyze", str(SAMPLE), "--now", NOW, "--offline", "--format", "html", "-o", str(out)],
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_timeline_axis_stays_readable_over_a_long_span(tmp_path: Path) -> None:
    """Codes years apart (--all-messages over an old archive): a few labels, not hundreds."""
    from datetime import UTC, datetime

    from testkit.mail import make_message

    for year in (2019, 2026):
        sent = datetime(year, 11, 25, 14, 0, tzinfo=UTC)
        (tmp_path / f"{year}.eml").write_bytes(
            make_message(f"{year}11 is your TikTok code", sent=sent, message_id=f"<{year}@x>")
        )
    html = page(str(tmp_path), "--now", NOW, "--all-messages", "--since", "400w")
    assert html.count('data-marker="message"') == 2
    assert 2 <= html.count('class="tick"') <= 8
