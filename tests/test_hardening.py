"""Hostile input end to end: what an attacker can put in a message must not hurt the reader.

Each test is one promise of SECURITY.md; the caps are stated in the test names' neighbours.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from email.header import Header
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.schemas import cli_json

NOW = "2026-11-25T14:20:00+00:00"
TIME_CAP = 30.0  # seconds for any single hostile message, start-up included
MEMORY_CAP_MB = 200  # peak RSS of the child process


# The child reports its own peak RSS (RUSAGE_CHILDREN would be the maximum over all children).
_MEASURED = (
    # VmHWM is this process image's own peak; ru_maxrss would carry the parent's across exec.
    "import atexit, os, sys\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as fh:\n"
    "        kb = next(line.split()[1] for line in fh if line.startswith('VmHWM'))\n"
    "    os.write(int(os.environ['PEAK_FD']), kb.encode())\n"
    "atexit.register(_peak)\n"
    "sys.argv = ['inspector', *sys.argv[1:]]\n"
    "from inspector.cli.main import main\n"
    "main()\n"
)


def run(
    *args: str, stdin: bytes | None = None
) -> tuple[subprocess.CompletedProcess[bytes], float, float]:
    """Run the CLI in a child; return it, its wall time and its peak RSS in MB."""
    read_end, write_end = os.pipe()
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _MEASURED, *args],
            input=stdin,
            capture_output=True,
            timeout=120,
            pass_fds=(write_end,),
            env={**os.environ, "PEAK_FD": str(write_end)},
        )
    finally:
        os.close(write_end)
    elapsed = time.monotonic() - start
    with os.fdopen(read_end, "rb") as fh:
        peak_kb = int(fh.read() or b"0")
    return proc, elapsed, peak_kb / 1024


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def verification(subject: str = "Your code", body: str = "Your code is 482915.") -> bytes:
    return (
        f"From: TikTok <noreply@account.tiktok.com>\r\nTo: a@example.com\r\nSubject: {subject}\r\n"
        f"Date: Wed, 25 Nov 2026 14:17:02 +0000\r\n\r\n{body}\r\n"
    ).encode()


def test_terminal_escapes_in_an_encoded_subject_are_never_printed_raw(tmp_path: Path) -> None:
    evil = "Code 482915 \x1b]52;c;ZXZpbA==\x07 \u202egnp.exe\nInjected: line"
    subject = Header(evil, "utf-8").encode()
    path = write(tmp_path, "evil.eml", verification(subject=subject) + b"")
    proc, _, _ = run("analyze", str(path), "--now", NOW, "--offline", "--all-messages")
    out = proc.stdout.decode()
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in out
    assert "\nInjected" not in out
    # JSON keeps the original string, validly escaped.
    proc, _, _ = run(
        "analyze", str(path), "--now", NOW, "--offline", "--all-messages", "--format", "json"
    )
    doc = cli_json(proc.stdout, "analyze")
    # Header decoding unfolds the line break (RFC 5322 §2.2.3); everything else is kept.
    assert doc["messages"][0]["subject"] == evil.replace("\n", " ")
    assert "\u202e" not in proc.stdout.decode()


def test_folder_names_from_paths_are_sanitised(tmp_path: Path) -> None:
    folder = tmp_path / "Junk\x1b[31m"
    folder.mkdir()
    write(folder, "a.eml", verification())
    proc, _, _ = run("analyze", str(tmp_path), "--now", NOW, "--offline", "--all-messages")
    assert b"\x1b" not in proc.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: verification(body="x" * (100 * 1024 * 1024)), id="100MB-message"),
        pytest.param(
            lambda: (
                b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                + b"".join(
                    b"--b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                    for _ in range(10_000)
                )
            ),
            id="mime-nested-10000",
        ),
        pytest.param(
            lambda: (
                b"Content-Type: multipart/mixed; boundary=Z\r\n\r\n"
                + b"--Z\r\nContent-Type: text/plain\r\n\r\np\r\n" * 100_000
                + b"--Z--\r\n"
            ),
            id="100000-parts",
        ),
        pytest.param(lambda: verification(subject="A" * (1024 * 1024)), id="1MB-header-line"),
        pytest.param(
            lambda: (
                b"To: "
                + b", ".join(b"u%d@example.com" % i for i in range(100_000))
                + b"\r\n"
                + verification()
            ),
            id="to-100000-addresses",
        ),
    ],
)
def test_resource_limits(tmp_path: Path, make: object) -> None:
    data = make()  # type: ignore[operator]
    path = write(tmp_path, "hostile.eml", data)
    proc, elapsed, peak_mb = run(
        "analyze", str(path), "--now", NOW, "--offline", "--format", "json"
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert b"Traceback" not in proc.stderr
    assert elapsed < TIME_CAP
    assert peak_mb < MEMORY_CAP_MB
    cli_json(proc.stdout, "analyze")


@pytest.mark.slow
def test_big_message_is_reported_truncated(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "big.eml",
        verification(body="Your code is 482915.\r\n" + "y" * (10 * 1024 * 1024)),
    )
    proc, _, _ = run(
        "analyze", str(path), "--now", NOW, "--offline", "--format", "json", "--all-messages"
    )
    assert cli_json(proc.stdout, "analyze")["messages"][0]["truncated"] is True


def test_phone_of_10000_characters(tmp_path: Path) -> None:
    proc, elapsed, _ = run("check-phone", "1" * 10_000, "--format", "json")
    assert proc.returncode == 1
    assert elapsed < TIME_CAP
    assert "phone_invalid" in {f["id"] for f in cli_json(proc.stdout, "check-phone")["findings"]}


def test_input_files_are_never_modified(tmp_path: Path) -> None:
    paths = sorted(p for p in FIXTURES.rglob("*") if p.is_file())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    run("analyze", str(FIXTURES), "--now", NOW, "--offline", "-o", str(tmp_path / "r.json"))
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    assert before == after


def test_offline_opens_no_socket(tmp_path: Path) -> None:
    """Run the whole analysis in a child whose socket module refuses to make sockets."""
    guard = tmp_path / "sitecustomize.py"
    guard.write_text(
        "import socket\n"
        "class _NoSocket(socket.socket):\n"
        "    def __init__(self, *a, **k):\n"
        "        raise RuntimeError('a socket was opened')\n"
        "socket.socket = _NoSocket\n"
        "def _refuse(*a, **k):\n"
        "    raise RuntimeError('a socket was opened')\n"
        "socket.create_connection = _refuse\n"
    )
    env = {
        "PYTHONPATH": f"{tmp_path}:{Path(__file__).resolve().parent.parent}",
        "PATH": "/usr/bin:/bin",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "inspector", "analyze", str(FIXTURES / "mail"),
         str(FIXTURES / "auth"), "--now", NOW, "--offline", "--email", "alice@gmial.com",
         "--format", "json"],
        capture_output=True, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]
    assert b"socket was opened" not in proc.stderr
    cli_json(proc.stdout, "analyze")


@pytest.mark.slow
def test_black_holed_resolver_stays_within_the_dns_budget(tmp_path: Path) -> None:
    import socket

    from testkit.mail import make_message

    for i in range(100):
        write(
            tmp_path,
            f"m{i}.eml",
            make_message(f"{100000 + i} is your code", message_id=f"<m{i}@x>"),
        )
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as hole:
        hole.bind(("127.0.0.1", 0))  # receives queries, never answers
        port = hole.getsockname()[1]
        proc, elapsed, _ = run(
            "analyze", str(tmp_path), "--resolver", f"127.0.0.1:{port}", "--dns-timeout", "3",
            "--format", "json",
        )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert elapsed < 3 + 10  # the budget, plus start-up and the work itself
    cli_json(proc.stdout, "analyze")
