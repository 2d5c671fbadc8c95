"""The progress line: on a terminal only, rewritten in place, cleared at the end; the colour
decision on a real terminal (pty)."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from inspector.cli.progress import Progress
from testkit.mail import make_message
from tests.conftest import FIXTURES
from tests.ptyrun import run_on_tty

NOW = "2026-11-25T14:20:00+00:00"
SAMPLE = FIXTURES / "sample-mailbox"
CLEAR = "\r\x1b[K"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def progress(width: int = 100) -> tuple[Progress, io.StringIO, Clock]:
    stream, clock = io.StringIO(), Clock()
    return Progress(stream, clock=clock, width=width), stream, clock


def last_line(stream: io.StringIO) -> str:
    return stream.getvalue().rsplit(CLEAR, 1)[-1]


def test_counts_rate_share_and_time_left() -> None:
    bar, stream, clock = progress()
    bar.update(0, where="INBOX", fraction=0.0)
    assert last_line(stream) == "Reading INBOX: 0 messages, 0%"
    clock.now += 2
    bar.update(500, fraction=0.25)
    assert last_line(stream) == "Reading INBOX: 500 messages, 250/s, 25%, about 0:06 left"
    clock.now += 0.05  # within the redraw interval: state kept, nothing drawn
    bar.update(510)
    assert last_line(stream).startswith("Reading INBOX: 500 messages")
    clock.now += 1
    bar.update(where="Junk", fraction=0.1)  # the share went back: a new part, a new pace
    assert "about" not in last_line(stream)
    assert last_line(stream).startswith("Reading Junk: 510 messages")


def test_one_message_is_singular() -> None:
    bar, stream, _ = progress()
    bar.update(1, where="INBOX", fraction=0.0)
    assert last_line(stream) == "Reading INBOX: 1 message, 0%"


def test_total_instead_of_a_share() -> None:
    bar, stream, clock = progress()
    clock.now += 4
    bar.update(1000, total=4000)
    assert last_line(stream) == "Reading: 1,000/4,000 messages, 250/s, 25%, about 0:12 left"


def test_cleared_on_exit_even_on_error_and_never_wider_than_the_terminal() -> None:
    bar, stream, _ = progress(width=30)

    def interrupted() -> None:
        with bar:
            bar.update(7, where="/very/long/path/" + "x" * 80 + "/cur/1795594503.M8P4242")
            assert len(last_line(stream)) < 30
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert stream.getvalue().endswith(CLEAR)


def test_untrusted_folder_names_are_cleaned() -> None:
    bar, stream, _ = progress()
    bar.update(1, where="Junk\x1b]0;pwned\x07")
    assert "\x07" not in stream.getvalue()
    assert "\\x1b]0;pwned\\x07" in stream.getvalue()


def test_silent_when_disabled() -> None:
    bar = Progress(None)
    bar.update(5, where="INBOX")
    bar.note("waiting")
    bar.clear()
    assert not bar.enabled


def test_note_shows_free_text_for_watch() -> None:
    bar, stream, _ = progress()
    bar.note("Waiting for new mail in INBOX (3 so far)")
    assert last_line(stream) == "Waiting for new mail in INBOX (3 so far)"


def write_mbox(path: Path, count: int) -> Path:
    start = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
    with path.open("wb") as out:
        for i in range(count):
            sent = start + timedelta(seconds=30 * i)
            subject = f"{100000 + i} is your TikTok code" if i % 50 == 0 else f"Newsletter {i}"
            message = make_message(subject, sent=sent, body="Hello\n" * 20)
            stamp = format_datetime(sent).replace(",", "")
            out.write(f"From sender@example.com {stamp}\n".encode() + message + b"\n")
    return path


@pytest.fixture(scope="module")
def mbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_mbox(tmp_path_factory.mktemp("progress") / "big.mbox", 1500)


def test_analyze_shows_progress_on_a_terminal_and_clears_it(mbox: Path) -> None:
    run = run_on_tty(
        ["analyze", str(mbox), "--now", NOW, "--offline"], stdout_tty=False, stderr_tty=True
    )
    assert run.returncode in (0, 1), run.stderr
    err = run.stderr.decode()
    assert re.search(r"Reading .*big\.mbox: [\d,]+ messages", err)
    assert "%" in err  # the file's size is known: the share read is shown
    assert err.endswith(CLEAR)  # nothing left behind
    report = run.stdout.decode()
    assert report.startswith("Your newest TikTok code")
    assert "\x1b" not in report  # stdout is not a terminal: no colour


@pytest.mark.parametrize("args", [["--quiet"], ["-q"]], ids=["quiet", "q"])
def test_quiet_or_no_terminal_shows_none(mbox: Path, args: list[str]) -> None:
    command = ["analyze", str(mbox), "--now", NOW, "--offline"]
    quiet = run_on_tty([*command, *args], stdout_tty=False, stderr_tty=True)
    assert quiet.stderr == b""
    piped = run_on_tty(command, stdout_tty=False, stderr_tty=False)
    assert piped.stderr == b""


def test_colour_on_a_terminal_unless_no_color_or_never() -> None:
    command = ["analyze", str(SAMPLE), "--now", NOW, "--offline"]
    on_tty = run_on_tty(command)
    assert b"\x1b[" in on_tty.stdout
    assert on_tty.stdout.decode().startswith("\x1b[1mYour newest TikTok code")
    assert (
        max(
            len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in on_tty.stdout.decode().splitlines()
        )
        <= 80
    )
    assert b"\x1b" not in run_on_tty(command, env={"NO_COLOR": "1"}).stdout
    assert b"\x1b" in run_on_tty(command, env={"NO_COLOR": ""}).stdout  # empty = unset
    assert b"\x1b" not in run_on_tty([*command, "--color", "never"]).stdout
    assert b"\x1b" not in run_on_tty(command, env={"TERM": "dumb"}).stdout
    assert b"\x1b[" in run_on_tty([*command, "--color", "always"], env={"NO_COLOR": "1"}).stdout
