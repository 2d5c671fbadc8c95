"""A hostile or broken IMAP server: every failure is a clear problem, never a traceback."""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import time
import tracemalloc
import warnings

import pytest

from inspector.model import RawMail, ReadProblem
from inspector.sources.imap import make_config, scan_mailbox
from testkit.imapscript import ScriptedServer
from tests.schemas import cli_json

HEADERS = b"From: a@example.com\r\nSubject: Your code 123456\r\n\r\n"


def huge_literal(tag: bytes, conn: socket.socket) -> None:
    conn.sendall(b"* 1 FETCH (UID 1 RFC822.SIZE 10 BODY[HEADER.FIELDS (FROM)] {4000000000}\r\n")
    conn.sendall(b"From: a@example.com\r\n")


def eof_in_literal(tag: bytes, conn: socket.socket) -> None:
    conn.sendall(b"* 1 FETCH (UID 1 RFC822.SIZE 10 BODY[HEADER.FIELDS (FROM)] {500}\r\n")
    conn.sendall(HEADERS)  # far fewer than 500 bytes, then the connection closes


def malformed_fetch(tag: bytes, conn: socket.socket) -> None:
    conn.sendall(b'* 1 FETCH (UID one INTERNALDATE "garbage" BODY[ ((( \r\n')
    conn.sendall(tag + b" OK done\r\n")


def reset_mid_fetch(tag: bytes, conn: socket.socket) -> None:
    conn.sendall(b"* 1 FETCH (UID 1 ")
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")


@pytest.fixture
def env() -> dict[str, str]:
    return {"IMAP_PW": "Canary-imap-0c1d"}


@pytest.mark.parametrize(
    "reply",
    [huge_literal, eof_in_literal, malformed_fetch, reset_mid_fetch],
    ids=["literal-4000000000", "eof-inside-literal", "malformed-fetch", "reset-mid-fetch"],
)
def test_broken_answers_become_problems(reply: object, env: dict[str, str]) -> None:
    server = ScriptedServer(reply)  # type: ignore[arg-type]
    config = make_config(
        user="alice", host="127.0.0.1", port=server.port, encryption="none",
        password_env="IMAP_PW", timeout=3,
    )  # fmt: skip
    tracemalloc.start()
    start = time.monotonic()
    try:
        with scan_mailbox(config, environ=env) as scan:
            items = list(scan)
            incomplete = scan.incomplete
    finally:
        server.close()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.monotonic() - start < 3 + 1
    assert peak < 50 * 1024 * 1024, "an announced literal must not be allocated"
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert problems or not [i for i in items if isinstance(i, RawMail)]
    if reply is not malformed_fetch:
        assert incomplete
        assert problems
    assert all("Canary" not in p.message for p in problems)
    del scan, items, problems
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    leaked = [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaked, "a broken connection's socket must be closed, not left to the GC"


def test_cli_reports_incomplete_without_traceback(env: dict[str, str]) -> None:
    server = ScriptedServer(eof_in_literal)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "inspector", "scan", "--host", "127.0.0.1", "--port",
             str(server.port), "--encryption", "none", "--user", "alice", "--password-env",
             "IMAP_PW", "--timeout", "3", "--offline", "--format", "json"],
            capture_output=True, text=True, timeout=60, env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    finally:
        server.close()
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (1, 3)
    if proc.returncode == 1:
        assert cli_json(proc.stdout, "scan")["incomplete"] is True


def test_password_command_canary_never_printed(tmp_path: object) -> None:
    canary = "Cmd-Canary-93e1f0"
    server = ScriptedServer(eof_in_literal)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "inspector", "--debug", "scan", "--host", "127.0.0.1",
             "--port", str(server.port), "--encryption", "none", "--user", "alice",
             "--password-command", f"echo {canary}", "--timeout", "3", "--offline"],
            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    finally:
        server.close()
    assert canary not in proc.stdout + proc.stderr
