"""Running a command as a subprocess and measuring it: wall time and the child's own peak RSS.

``os.wait4`` returns the resource usage of exactly the child waited for, so the peak RSS is
that process's high-water mark (``ru_maxrss``, KiB on Linux), not the largest of all children
so far as ``getrusage(RUSAGE_CHILDREN)`` would give.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Sample:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: bytes
    stderr: str
    timed_out: bool = False


class CommandFailed(Exception):
    def __init__(self, cmd: Sequence[str], sample: Sample) -> None:
        tail = sample.stderr.strip().splitlines()[-5:]
        super().__init__(
            f"{' '.join(cmd[:4])}... exited {sample.returncode}"
            + (" (timed out)" if sample.timed_out else "")
            + (": " + " | ".join(tail) if tail else "")
        )
        self.sample = sample


def run(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float | None = None,
    ok_codes: Sequence[int] = (0,),
) -> Sample:
    """Run ``cmd`` to completion; stdout/stderr go to temporary files, not pipes, so the
    child never blocks on a full pipe and the parent can simply ``wait4`` it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        timer: threading.Timer | None = None
        fired = threading.Event()
        if timeout is not None:

            def kill() -> None:
                fired.set()
                proc.kill()

            timer = threading.Timer(timeout, kill)
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        if timer is not None:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        sample = Sample(
            seconds=seconds,
            peak_rss_mb=usage.ru_maxrss / 1024,
            returncode=proc.returncode,
            stdout=out.read(),
            stderr=err.read().decode("utf-8", "replace"),
            timed_out=fired.is_set(),
        )
    if sample.returncode not in ok_codes:
        raise CommandFailed(cmd, sample)
    return sample


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def python_env(repo: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for subprocesses: the checkout first on ``PYTHONPATH``, so the code
    measured is the code in this tree, and no debugging hooks that would slow it down."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(repo), env.get("PYTHONPATH", "")) if p)
    for name in (
        "PYTHONTRACEMALLOC",
        "PYTHONDEVMODE",
        "PYTHONASYNCIODEBUG",
        "PYTHONPROFILEIMPORTTIME",
    ):
        env.pop(name, None)
    if extra:
        env.update(extra)
    return env
