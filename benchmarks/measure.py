"""Running a command as a subprocess and measuring it: wall time and its own peak RSS.

Peak RSS needs care. A child's ``ru_maxrss`` starts at its parent's RSS at fork time (Linux
folds the forked address space's high-water mark into the child's across ``exec``), so a
benchmark runner holding 30 MB would see every child "use" at least 30 MB. The command is
therefore started from a tiny launcher (``python -S``, about 8 MB) that spawns it, waits for
it with ``os.wait4`` and reports exactly that process's ``ru_maxrss``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import sys
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


# Spawns argv[2:], waits for it, writes its ru_maxrss (KiB) to the file argv[1], and exits
# with its exit code (128 + signal when it was killed).
_LAUNCHER = """
import os, sys
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def run(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float | None = None,
    ok_codes: Sequence[int] = (0,),
    rss: bool = True,
) -> Sample:
    """Run ``cmd`` to completion; stdout/stderr go to temporary files, not pipes, so the
    child never blocks on a full pipe. ``rss=False`` skips the launcher (start-up timing,
    where its few milliseconds would count)."""
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file,
    ):
        argv = list(cmd)
        if rss:
            argv = [sys.executable, "-S", "-c", _LAUNCHER, rss_file.name, *argv]
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True
        )
        timer: threading.Timer | None = None
        fired = threading.Event()
        if timeout is not None:

            def kill() -> None:
                fired.set()
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)  # the launcher and what it started

            timer = threading.Timer(timeout, kill)
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        if timer is not None:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak_kib = float(usage.ru_maxrss)
        if rss:
            text = rss_file.read().strip()
            peak_kib = float(text) if text else float("nan")
        out.seek(0)
        err.seek(0)
        sample = Sample(
            seconds=seconds,
            peak_rss_mb=peak_kib / 1024,
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
