"""``inspector watch``: the time from a message's delivery to its printed event.

A private Dovecot (from the test kit) and one ``inspector watch --format jsonl`` per mode; a
separate IMAP session APPENDs a code into Junk (reported, but it does not end the watch, so
one run yields every sample), waits for the event line, rests a random 0.2-1 s (so a poll
never lines up with the deliveries), and so on ``SAMPLES`` times. The clock starts just
before the APPEND is sent and stops when the event line is read from watch's standard
output: what a person would see.

Modes: IDLE (Dovecot as installed), polling (Dovecot offering no IDLE, ``--poll-interval``
``POLL`` s), and a Maildir on disk (``inspector watch PATH``, rename into ``new/``).
Targets: IDLE median ≤ 1 s; polling at most the poll interval + 1 s (every sample); the
Maildir's for context.
"""

from __future__ import annotations

import contextlib
import random
import secrets
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.context import Context
from benchmarks.measure import median
from benchmarks.report import Row
from testkit.dovecot import Dovecot, why_unavailable
from testkit.dovecot_config import WITHOUT_IDLE
from testkit.mail import make_message
from testkit.net import HOST
from testkit.watch import WatchProcess

NAME = "watch"
SAMPLES = 20
POLL = 2.0
IDLE_TARGET = 1.0


def _code(n: int) -> bytes:
    return make_message(
        "Your TikTok verification code",
        body=f"Your TikTok verification code is {700000 + n}. It expires in 5 minutes.",
        sent=datetime.now(UTC),
    )


def run(ctx: Context) -> list[Row]:
    why = why_unavailable()
    if why:
        return [Row(NAME, "skipped", None, note=why)]
    rng = random.Random(ctx.settings.seed)
    idle = _imap(ctx, rng, capabilities=None, extra=())
    poll = _imap(ctx, rng, capabilities=WITHOUT_IDLE, extra=("--poll-interval", str(POLL)))
    disk = _maildir(ctx, rng)
    ctx.details[NAME] = {
        "samples": SAMPLES,
        "poll_interval": POLL,
        "idle_s": [round(v, 3) for v in idle],
        "poll_s": [round(v, 3) for v in poll],
        "maildir_s": [round(v, 3) for v in disk],
    }
    return [
        _row(
            "APPEND → event, IDLE", idle, f"median ≤ {IDLE_TARGET:g} s", median(idle) <= IDLE_TARGET
        ),
        _row(
            f"APPEND → event, polling every {POLL:g} s",
            poll,
            f"max ≤ {POLL + 1:g} s",
            max(poll) <= POLL + 1,
        ),
        _row("Maildir file → event (PATH, 0.25 s look)", disk, "context", None),
    ]


def _row(metric: str, samples: list[float], target: str, ok: bool | None) -> Row:
    ordered = sorted(samples)
    p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
    return Row(
        NAME,
        f"{metric} (median of {len(samples)})",
        round(median(samples), 3),
        target=target,
        ok=ok,
        unit="s",
        note=f"min {ordered[0]:.2f} s, p90 {p90:.2f} s, max {ordered[-1]:.2f} s",
    )


def _imap(
    ctx: Context,
    rng: random.Random,
    *,
    capabilities: tuple[str, ...] | None,
    extra: tuple[str, ...],
) -> list[float]:
    server = Dovecot(password=secrets.token_urlsafe(16), capabilities=capabilities)
    server.start()
    try:
        user = server.new_user("watch")
        ctx.log(f"watch: {SAMPLES} APPENDs, {'IDLE' if capabilities is None else 'polling'}")
        process = WatchProcess(
            [
                "--host", HOST, "--port", str(server.port), "--encryption", "none",
                "--user", user, "--password-env", "BENCH_WATCH_PW", "--offline",
                "--wait", "600", *extra,
            ],
            env={"BENCH_WATCH_PW": server.password},
            command=ctx.inspector(),
        )  # fmt: skip
        try:
            process.until("started", timeout=60)
            time.sleep(1.0)  # every folder examined and idling
            samples = []
            with server.setup_client(user) as client:
                for n in range(SAMPLES):
                    raw = _code(n)
                    began = time.monotonic()
                    client.append("Junk", raw)
                    seen = process.until("message", timeout=POLL + 30)
                    samples.append(seen.at - began)
                    time.sleep(rng.uniform(0.2, 1.0))
            return samples
        finally:
            process.interrupt()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(30)  # a hang here must not hide what went wrong above
            process.stop()
    finally:
        server.stop()


def _maildir(ctx: Context, rng: random.Random) -> list[float]:
    root = Path(tempfile.mkdtemp(prefix="inspector-watch-"))
    try:
        box = root / "Maildir"
        for sub in ("cur", "new", "tmp", ".Junk/cur", ".Junk/new", ".Junk/tmp"):
            (box / sub).mkdir(parents=True)
        ctx.log(f"watch: {SAMPLES} Maildir deliveries")
        process = WatchProcess([str(box), "--offline", "--wait", "600"], command=ctx.inspector())
        try:
            process.until("started", timeout=60)
            samples = []
            for n in range(SAMPLES):
                name = f"{int(time.time())}.M{n}P1.bench"
                (box / ".Junk" / "tmp" / name).write_bytes(_code(n))
                began = time.monotonic()
                (box / ".Junk" / "tmp" / name).rename(box / ".Junk" / "new" / name)
                seen = process.until("message", timeout=30)
                samples.append(seen.at - began)
                time.sleep(rng.uniform(0.2, 1.0))
            return samples
        finally:
            process.interrupt()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(30)  # a hang here must not hide what went wrong above
            process.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
