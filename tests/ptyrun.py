"""Run the CLI with its standard output and/or error on a pseudo-terminal, as a person's
shell would: what colour and progress do depends on it."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tests.conftest import ROOT


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: bytes


def run_on_tty(
    args: Sequence[str],
    *,
    stdout_tty: bool = True,
    stderr_tty: bool = False,
    env: Mapping[str, str | None] | None = None,
    timeout: float = 120,
) -> Run:
    """``inspector ARGS`` with stdout and/or stderr on a terminal (80x24), the rest piped."""
    environment = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
    environment.pop("NO_COLOR", None)
    environment.pop("COLUMNS", None)
    for key, value in (env or {}).items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    ends: dict[str, tuple[int, int]] = {}
    for name, wanted in (("stdout", stdout_tty), ("stderr", stderr_tty)):
        if wanted:
            master, slave = pty.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.set_blocking(master, False)
            ends[name] = (master, slave)
    proc = subprocess.Popen(
        [sys.executable, "-m", "inspector", *args],
        stdin=subprocess.DEVNULL,
        stdout=ends["stdout"][1] if "stdout" in ends else subprocess.PIPE,
        stderr=ends["stderr"][1] if "stderr" in ends else subprocess.PIPE,
        env=environment,
        cwd=ROOT,
    )
    for _, slave in ends.values():
        os.close(slave)
    readers = {name: master for name, (master, _) in ends.items()}
    for name in ("stdout", "stderr"):
        pipe = getattr(proc, name)
        if pipe is not None:
            os.set_blocking(pipe.fileno(), False)
            readers[name] = pipe.fileno()
    chunks: dict[str, list[bytes]] = {"stdout": [], "stderr": []}
    deadline = time.monotonic() + timeout
    open_fds = dict(readers)
    while open_fds and time.monotonic() < deadline:
        ready, _, _ = select.select(list(open_fds.values()), [], [], 0.2)
        for name, fd in list(open_fds.items()):
            if fd not in ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # a pty's master reads EIO once the child has closed it
                data = b""
            if data:
                chunks[name].append(data)
            else:
                del open_fds[name]
    proc.wait(timeout=max(deadline - time.monotonic(), 1))
    for master, _ in ends.values():
        os.close(master)
    return Run(proc.returncode, b"".join(chunks["stdout"]), b"".join(chunks["stderr"]))
