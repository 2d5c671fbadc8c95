"""Run ``inspector watch --format jsonl`` as a subprocess and read its events as they come.

Shared by the tests and the ``watch`` benchmark: each event line is stamped with the
monotonic time it was read, so "APPEND to printed event" can be measured from outside, the
way a person sees it.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from testkit.dovecot import PASSWORD, Dovecot
from testkit.net import HOST

ROOT = Path(__file__).resolve().parent.parent

Event = dict[str, object]


@dataclass
class Seen:
    event: Event
    at: float  # time.monotonic() when the line was read


@dataclass
class WatchProcess:
    """``inspector watch`` running; :meth:`next` hands out events in order."""

    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    command: Sequence[str] = (sys.executable, "-m", "inspector")
    events: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), **self.env}
        self.proc = subprocess.Popen(
            [*self.command, "watch", *self.args, "--format", "jsonl"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        self._lines: queue.Queue[Seen | None] = queue.Queue()
        self.stderr = ""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.strip():
                self._lines.put(Seen(json.loads(line), time.monotonic()))
        self._lines.put(None)

    def next(self, timeout: float = 20.0) -> Seen:
        item = self._lines.get(timeout=timeout)
        if item is None:
            raise EOFError(f"inspector watch ended; stderr: {self._stderr()}")
        self.events.append(item)
        return item

    def until(
        self, kind: str, timeout: float = 20.0, where: Callable[[Event], bool] = lambda e: True
    ) -> Seen:
        """The next event of ``kind`` (those before it are kept in :attr:`events`)."""
        deadline = time.monotonic() + timeout
        while True:
            seen = self.next(max(0.01, deadline - time.monotonic()))
            if seen.event.get("event") == kind and where(seen.event):
                return seen

    def interrupt(self) -> None:
        self.proc.send_signal(signal.SIGINT)  # what Ctrl-C sends

    def wait(self, timeout: float = 30.0) -> int:
        code = self.proc.wait(timeout)
        while True:  # the events printed before the end
            try:
                item = self._lines.get(timeout=5)
            except queue.Empty:
                break
            if item is None:
                break
            self.events.append(item)
        return code

    def _stderr(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None:
            return ""
        self.stderr = self.stderr or self.proc.stderr.read()
        return self.stderr

    def kinds(self) -> list[str]:
        return [str(s.event.get("event")) for s in self.events]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def watch_dovecot(
    server: Dovecot,
    user: str,
    *extra: str,
    port: int | None = None,
    wait: float = 30.0,
    command: Sequence[str] = (sys.executable, "-m", "inspector"),
) -> WatchProcess:
    """``inspector watch`` on ``user``'s mailbox of the kit's Dovecot (plain loopback IMAP)."""
    args = [
        "--host", HOST, "--port", str(port or server.port), "--encryption", "none",
        "--user", user, "--password-env", "TESTKIT_IMAP_PW", "--wait", str(wait), *extra,
    ]  # fmt: skip
    return WatchProcess(args, env={"TESTKIT_IMAP_PW": PASSWORD}, command=command)
