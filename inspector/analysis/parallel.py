"""Spreading a large input over worker processes, in order, in bounded memory.

Analysing a message is pure CPU work in Python, so threads do not help; processes do. The
parent keeps reading the source (splitting an mbox is fast) and hands batches of messages to
a pool of workers; records come back in the order the messages were read.

* **When.** The first ``PARALLEL_AFTER`` messages are analysed in the parent; only an input
  that goes on past them starts workers, so a single message or a small folder never pays
  for starting processes. ``--jobs N`` (``Options.jobs``) sets the number of workers,
  ``--jobs 1`` keeps everything in one process, ``--jobs auto`` (the default) uses the CPUs
  this process may run on. Without the option, ``INSPECTOR_JOBS=N`` (the older way) is read.
* **DNS.** With a resolver (authentication re-checked over DNS) everything stays in one
  process: the resolver holds a socket and a per-run cache that must be shared by all
  messages, and it cannot be sent to another process. ``--offline`` runs use the pool.
* **Memory.** At most ``_IN_FLIGHT`` batches per worker are out at any time, each at most
  ``_BATCH_MESSAGES`` messages or ``_BATCH_BYTES`` bytes; the parent waits for the oldest
  batch before reading further, so memory stays flat whatever the size of the input. (No
  ``Pool.imap`` over the source: it reads ahead without limit.)
* **Interrupts.** Workers ignore SIGINT; Ctrl-C interrupts the parent, which drops the
  queued work and lets ``KeyboardInterrupt`` reach the command line (exit 130). An error in
  a worker is raised again in the parent, with the worker's traceback attached; a worker
  that dies makes the run fail with one sentence instead of waiting for ever.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from inspector.analysis.examine import analyze_item
from inspector.analysis.record import (
    MessageRecord,
    Options,
    RunResult,
    add_problem,
    add_read,
    add_record,
)
from inspector.errors import InspectorError
from inspector.model import RawMail, ReadProblem, SourceItem, TextMessage

# Messages analysed in the parent before workers are worth starting: about a tenth of a
# second of work, against some 30 ms to fork two workers.
PARALLEL_AFTER = 200
_BATCH_MESSAGES = 64
_BATCH_BYTES = 2 * 1024 * 1024
_IN_FLIGHT = 3  # batches per worker: enough to keep it busy while the parent reads
_MAX_JOBS = 64  # a typo in INSPECTOR_JOBS must not start thousands of processes (as --jobs)

Message = RawMail | TextMessage
Batch = list[Message]


def jobs(requested: int | None = None) -> int:
    """Worker processes to use: ``requested`` (``--jobs``; 0 is auto), else ``INSPECTOR_JOBS``,
    else the CPUs this process may run on."""
    if requested is not None and requested > 0:
        return min(requested, _MAX_JOBS)
    configured = os.environ.get("INSPECTOR_JOBS", "").strip() if requested is None else ""
    if configured.isdigit() and int(configured) > 0:
        return min(int(configured), _MAX_JOBS)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def threshold(options: Options, after: int | None = None) -> int | None:
    """After how many messages (``after``, else ``PARALLEL_AFTER``) to hand the rest to
    workers; None: never (a resolver, or one CPU)."""
    if options.resolver is not None or jobs(options.jobs) < 2:
        return None
    return PARALLEL_AFTER if after is None else after


def run_rest(
    items: Iterator[SourceItem],
    options: Options,
    result: RunResult,
    *,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Analyse the rest of ``items`` in worker processes, adding to ``result`` in order."""
    workers = jobs(options.jobs)
    _warm_up()
    # fork shares the parent's loaded modules and compiled keyword tables with the workers
    # (no start-up cost); elsewhere the platform's default start method is used.
    method = "fork" if sys.platform.startswith("linux") else None
    executor = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(options,),
    )
    pending: deque[Future[list[MessageRecord | None]]] = deque()

    def collect_oldest() -> None:
        try:
            records = pending.popleft().result()
        except BrokenProcessPool:
            # A worker that dies (killed, out of memory) ends the run with one sentence
            # rather than leaving it waiting for ever.
            raise InspectorError(
                "a worker process stopped unexpectedly (out of memory?); "
                "run again with --jobs 1 to use one process."
            ) from None
        for record in records:
            add_record(result, record, options)

    try:
        for batch, problems in _batches(items):
            for problem in problems:
                add_problem(result, problem)
            if not batch:
                continue
            while len(pending) >= workers * _IN_FLIGHT:
                collect_oldest()
            pending.append(executor.submit(_analyze_batch, batch))
            for item in batch:
                add_read(result, item)
            if progress is not None:
                progress(result.messages_read)
        while pending:
            collect_oldest()
    except BaseException:
        # Ctrl-C or an error: drop the queued batches; a worker finishes at most the batch it
        # holds (a few tens of milliseconds) before the executor lets the process exit.
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown()


def _batches(items: Iterator[SourceItem]) -> Iterator[tuple[Batch, list[ReadProblem]]]:
    """Consecutive messages in batches; read problems are passed along as they come."""
    batch: Batch = []
    size = 0
    problems: list[ReadProblem] = []
    for item in items:
        if isinstance(item, ReadProblem):
            problems.append(item)
            continue
        batch.append(item)
        size += len(item.data) if isinstance(item, RawMail) else len(item.body)
        if len(batch) >= _BATCH_MESSAGES or size >= _BATCH_BYTES:
            yield batch, problems
            batch, size, problems = [], 0, []
    yield batch, problems


# --------------------------------------------------------------------------------------------
# In the worker processes.

# The worker's copy of the run's options, set once by the pool's initializer (a dict, not a
# global statement: the initializer only fills it in).
_worker: dict[str, Options] = {}


def _warm_up() -> None:
    """Load the lazily built tables once, before forking, so no worker builds its own copy.

    The keyword patterns, the service catalogue and the Public Suffix List cost ~0.3 s to
    build; with fork the workers inherit them instead.
    """
    from inspector.domains.psl import public_suffix_list
    from inspector.extract import extract
    from inspector.extract.candidate import maybe_verification

    extract("Your verification code is 123456", subject="code", sender_address="a@tiktok.com")
    maybe_verification("", "")  # builds the candidate test's automaton
    public_suffix_list()


def _init_worker(options: Options) -> None:
    _worker["options"] = options
    # A parent killed outright (SIGKILL) cannot stop its workers, and forked workers hold
    # the task pipe open themselves, so they would wait on it for ever: watch the parent.
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    # Ctrl-C goes to the whole process group: the parent decides, the workers carry on
    # until it stops them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyze_batch(batch: Batch) -> list[MessageRecord | None]:
    options = _worker["options"]
    return [analyze_item(item, options) for item in batch]
