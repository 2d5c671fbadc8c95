"""The text report as a person reads it: the answer first, fitted to the screen, coloured
only where colour can be seen, and nothing from a message able to drive the terminal."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector.cli.main import main
from inspector.report.terminal import Screen
from inspector.report.text import render
from tests.conftest import FIXTURES
from tests.hostile import write_hostile
from tests.schemas import cli_json

SAMPLE = FIXTURES / "sample-mailbox"
MAIL = FIXTURES / "mail"
NOW = "2026-11-25T14:20:00+00:00"
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the tool's own styling: colour and weight, nothing else


def analyze(*args: str, columns: int = 100, **env: str | None) -> str:
    runner = CliRunner(env={"COLUMNS": str(columns), "NO_COLOR": None, **env})
    result = runner.invoke(main, ["analyze", *args, "--offline"])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def report_json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["analyze", *args, "--offline", "--format", "json"])
    doc: dict[str, object] = cli_json(result.stdout, "analyze")
    return doc


CASES = [
    [str(SAMPLE), "--now", NOW],
    [str(SAMPLE), "--now", "2026-11-25T14:25+00:00", "--requested-at", "14:19"],
    [str(SAMPLE), "--now", NOW, "--all-messages", "--email", "alice@gmial.com"],
    [str(MAIL), "--now", NOW, "--all-messages"],
    [str(MAIL / "inbox" / "microsoft-code-expired-in-transit-greylisted.eml"), "--now", NOW],
]


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 132])
@pytest.mark.parametrize("args", CASES, ids=["sample", "request", "contacts", "all", "grey"])
def test_no_line_is_wider_than_the_screen(args: list[str], columns: int) -> None:
    out = analyze(*args, columns=columns)
    too_wide = [line for line in out.splitlines() if len(line) > columns]
    assert not too_wide, too_wide


def test_the_report_starts_with_the_verdict_and_ends_with_one_footer_line() -> None:
    doc = report_json(str(SAMPLE), "--now", NOW)
    out = analyze(str(SAMPLE), "--now", NOW, columns=300)
    lines = out.splitlines()
    assert lines[0] == doc["verdict"]
    assert lines[2] == "Findings"
    assert lines[-1] == "Read 5 messages (INBOX 4, Junk 1); nothing skipped. Times are UTC."
    timeline = out.index("Verification messages (2 of 5 read)")
    assert out.index("[code_in_spam]") < timeline < out.index("Read 5 messages")


def test_width_falls_back_to_80_without_columns_or_terminal() -> None:
    result = CliRunner(env={"COLUMNS": None}).invoke(
        main, ["analyze", str(SAMPLE), "--now", NOW, "--offline"]
    )
    widths = [len(line) for line in result.stdout.splitlines()]
    assert max(widths) <= 80
    assert max(widths) > 70  # and uses it


def test_no_colour_when_not_a_terminal_unless_always() -> None:
    plain = analyze(str(SAMPLE), "--now", NOW)
    assert "\x1b" not in plain
    coloured = analyze(str(SAMPLE), "--now", NOW, "--color", "always", NO_COLOR="1")
    assert "\x1b[" in coloured  # --color always wins over NO_COLOR
    assert [line.rstrip() for line in SGR.sub("", coloured).splitlines()] == plain.splitlines()


def test_timeline_shows_verification_messages_only_up_to_the_limit() -> None:
    mbox = str(MAIL / "instagram-too-many-codes.mbox")  # 4 Instagram codes
    out = analyze(mbox, "--now", NOW, "--since", "1d")
    assert out.count("Instagram ") >= 4
    limited = analyze(mbox, "--now", NOW, "--limit", "2")
    rows = [line for line in limited.splitlines() if re.match(r"\d\d:\d\d +- +Instagram", line)]
    assert len(rows) == 2
    assert "the newest 2; --limit N or --all-messages shows more" in " ".join(limited.split())
    everything = analyze(str(SAMPLE), "--now", NOW, "--all-messages")
    assert "All 5 messages listed" in everything
    assert "Verification messages" not in analyze(str(SAMPLE), "--now", NOW, "--all-messages")


def test_times_in_the_zone_of_now_with_date_and_year_when_not_today() -> None:
    out = analyze(str(SAMPLE), "--now", "2026-11-25T15:20+01:00")
    assert "15:16" in out  # 14:16 UTC in +01:00
    assert "14:16" not in out
    assert out.rstrip().endswith("Times are UTC+01:00.")
    assert out.count("UTC+01:00") == 1  # the zone is said once
    next_day = analyze(str(SAMPLE), "--now", "2026-11-26T09:00+00:00", "--since", "2d")
    assert "Nov 25 14:16" in next_day
    next_year = analyze(str(SAMPLE), "--now", "2027-01-05T09:00+00:00", "--since", "8w")
    assert "2026-11-25 14:16" in next_year


def test_when_keeps_the_hour_two_digits_and_drops_the_days_zero() -> None:
    from datetime import UTC, datetime

    from inspector.diagnosis.wording import when

    now = datetime(2026, 11, 25, 14, 20, tzinfo=UTC)
    assert when(datetime(2026, 11, 25, 7, 5, tzinfo=UTC), now) == "07:05"
    assert when(datetime(2026, 11, 5, 7, 51, tzinfo=UTC), now) == "Nov 5 07:51"
    assert when(datetime(2025, 11, 5, 7, 51, tzinfo=UTC), now) == "2025-11-05 07:51"


def test_untrusted_text_cannot_reach_the_terminal(tmp_path: Path) -> None:
    """Escape sequences, rich markup and emoji codes from a message print as inert text,
    with colour on too: the only escape sequences are the tool's own SGR styling."""
    hostile = write_hostile(tmp_path)
    short = tmp_path / "short.eml"  # a sender short enough to be shown whole
    sender = '"[b]T[/b]:smile:\x1b]0;t\x07" <noreply@account.tiktok.com>'
    short.write_bytes(
        hostile.read_bytes().replace(
            b"From: ", b"From: " + sender.encode() + b"\r\nX-Old-From: ", 1
        )
    )
    for colour in ("never", "always"):
        for path in (hostile, short):
            out = analyze(str(path), "--now", NOW, "--color", colour, columns=200)
            assert "\x1b" not in SGR.sub("", out), colour
            assert "\x07" not in out
            assert "482915" in out
        plain = SGR.sub("", out)
        assert "[b]T[/b]:smile:" in plain  # markup and emoji codes printed as written
        assert "\\x1b]0;t\\x07" in plain  # the sender's escape sequence shown escaped


def test_untrusted_folder_name_is_cleaned(tmp_path: Path) -> None:
    root = tmp_path / "Maildir"
    shutil.copytree(SAMPLE, root)
    os.rename(root / ".Junk", root / ".Junk\x1b]0;x\x07")
    out = analyze(str(root), "--now", NOW, "--color", "always", columns=200)
    assert "\x1b]" not in out
    assert "\\x1b]0;x\\x07" in SGR.sub("", out)


def test_render_is_pure_given_a_screen() -> None:
    doc = report_json(str(SAMPLE), "--now", NOW)
    narrow = render(doc, Screen(width=50, color=False))
    assert max(len(line) for line in narrow.splitlines()) <= 50
    assert "\x1b" in render(doc, Screen(width=50, color=True))


def test_contact_checks_wrap_and_colour_alike() -> None:
    runner = CliRunner(env={"COLUMNS": "50", "NO_COLOR": None})
    result = runner.invoke(main, ["check-email", "alice@gmial.com", "--offline"])
    assert max(len(line) for line in result.stdout.splitlines()) <= 50
    assert "\x1b" not in result.stdout
    coloured = runner.invoke(
        main, ["check-phone", "020 7946 0018", "--region", "GB", "--color", "always"]
    )
    assert "\x1b[" in coloured.stdout
