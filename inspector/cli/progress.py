"""A progress line on stderr, for any command that reads for a while (analyze, scan, watch).

One line, rewritten in place: what is being read, how many messages so far, the rate, and
the time left when the total is known; cleared when the work ends (also on an error or
Ctrl-C), so the report that follows starts on a clean line. It is shown only when stderr is a
terminal and ``--quiet`` is not given: a log file or a pipe never gets carriage returns.

There is no drawing thread: the line is redrawn from the caller's own updates, at most ten
times a second. A thread would be copied into the analysis' worker processes when they are
forked, and a redraw is cheap enough to do inline.

Usage::

    with Progress.on_stderr(quiet=quiet) as progress:
        progress.update(done, where="INBOX", fraction=0.4)   # or total=N
        progress.note("Waiting for new mail in INBOX")       # free text (watch)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import IO

from inspector.report.sanitize import clean

_CLEAR = "\r\x1b[K"  # back to the line's start, erase to its end: the tool's own control codes


class Progress:
    """A self-rewriting status line; every method is a no-op when not ``enabled``."""

    def __init__(
        self,
        stream: IO[str] | None,
        *,
        unit: str = "messages",
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.1,
        width: int | None = None,
    ) -> None:
        self._stream = stream
        self._unit = unit
        self._clock = clock
        self._interval = interval
        self._width = width
        self._start = clock()
        self._last_draw = float("-inf")
        self._shown = False
        # The state drawn: every update changes what it names and keeps the rest.
        self.done = 0
        self.where: str | None = None
        self.total: int | None = None
        self.fraction: float | None = None
        # Where the share done started counting: it restarts when the share goes back (a
        # scan's next folder), so the time left is always that of the current part.
        self._span: tuple[float, float] = (self._start, 0.0)

    @classmethod
    def on_stderr(cls, *, quiet: bool = False, unit: str = "messages") -> Progress:
        """Drawing on stderr when it is a terminal and not ``quiet``; else a silent one."""
        stream = sys.stderr
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        return cls(stream if tty and not quiet else None, unit=unit)

    @property
    def enabled(self) -> bool:
        return self._stream is not None

    def update(
        self,
        done: int | None = None,
        *,
        where: str | None = None,
        total: int | None = None,
        fraction: float | None = None,
        force: bool = False,
    ) -> None:
        """Record progress: ``done`` messages so far, reading ``where``; the share finished
        is ``fraction`` (0..1, e.g. bytes read of the input's size) or ``done``/``total``."""
        if self._stream is None:
            return
        if done is not None:
            self.done = done
        if where is not None:
            self.where = where
        if total is not None:
            self.total = total
        now = self._clock()
        if fraction is not None:
            if self.fraction is not None and fraction < self.fraction:
                self._span = (now, fraction)
            self.fraction = fraction
        if not force and now - self._last_draw < self._interval:
            return
        self._last_draw = now
        self._draw(self._line(now))

    def note(self, message: str) -> None:
        """Show free text (already the whole line), e.g. a watch's "waiting" state."""
        if self._stream is not None:
            self._draw(clean(message))

    def clear(self) -> None:
        if self._stream is not None and self._shown:
            self._stream.write(_CLEAR)
            self._stream.flush()
            self._shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.clear()

    def _line(self, now: float) -> str:
        elapsed = max(now - self._start, 1e-9)
        unit = self._unit[:-1] if self.done == 1 and self._unit.endswith("s") else self._unit
        parts = [f"{self.done:,} {unit}"]
        rate = self.done / elapsed
        if elapsed >= 1 and self.done:
            parts.append(f"{rate:,.0f}/s")
        share, total = self.fraction, self.total
        if share is None and total:
            share = min(self.done / total, 1.0)
            parts[0] = f"{self.done:,}/{total:,} {self._unit}"
        if share is not None:
            share = min(max(share, 0.0), 1.0)
            parts.append(f"{share:.0%}")
            since, start_share = self._span
            gained, spent = share - start_share, now - since
            # The time left, once the pace is known (a second in, 1% done).
            if spent >= 1 and gained >= 0.01:
                parts.append(f"about {_clock_span(spent * (1 - share) / gained)} left")
        place = f"Reading {_tail(clean(self.where), 40)}: " if self.where else "Reading: "
        return place + ", ".join(parts)

    def _draw(self, line: str) -> None:
        assert self._stream is not None
        width = self._width or _columns(self._stream)
        if len(line) >= width:  # never wrap: a wrapped line cannot be rewritten in place
            line = line[: max(width - 2, 1)] + "…"
        self._stream.write(_CLEAR + line)
        self._stream.flush()
        self._shown = True


def _columns(stream: IO[str]) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80  # 0: a console without size
    except (OSError, ValueError):
        return 80


def _tail(text: str, limit: int) -> str:
    """The end of a long path: the file name is what changes."""
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]


def _clock_span(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
