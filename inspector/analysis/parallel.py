"""Spreading a large input over processes, in order, in bounded memory.

Analysing a message is pure CPU work in Python, so threads do not help; processes do.
``--jobs N`` means N busy processes: the parent and N - 1 forked workers. The work is cut into
tasks, analysed in the workers or in the parent, and their results are added up in the order
the tasks were cut, so the records and read problems come out in reading order.

* **What crosses the pipes.** What is being read is handed out when another process can read
  it too (``files.Reading.share``): an mbox file on disk as parts (the parent finds the
  messages' offsets, ``mbox.MboxSplitter``, one ``bytes.find`` pass; a worker reads them with
  ``os.pread``), a Maildir folder's or a folder's files as lists of paths. So only offsets,
  paths and records cross the pipes. Stdin, pipes and other streams are read by the parent
  and sent in batches of messages.
* **Why.** Before, the parent analysed the first 200 messages alone, then read and pickled
  every message for N workers. Counted with callgrind on the realistic 3,000-message corpus
  (208 MB, ``--jobs 2``): the run cost 10% more instructions than one process (reading,
  pickling, unpickling 208 MB) and the parent ran 3.6 G of 23.6 G alone before forking; now
  the overhead is 2.6% and 2.2 G run before the fork (start-up and tables). What only one
  process can do, start-up, the tables and the report (about a sixth of a one-process run),
  bounds two processes to about 1.7x one process, however well the rest is shared.
* **Who works.** A task goes to a worker while a worker has fewer than ``_IN_FLIGHT`` waiting;
  otherwise the parent analyses it itself (then collects what is done). Parts shrink towards
  the end of a file (``_part_budget``), so no process waits long for the last one.
* **When.** The first ``PARALLEL_AFTER`` messages are analysed in the parent; only an input
  that goes on past them starts workers, so a single message or a small folder never pays
  for starting processes. An mbox with at least ``PARALLEL_BYTES`` left starts them at once
  (its size is known). ``--jobs 1`` keeps everything in one process, ``--jobs auto`` (the
  default) uses the CPUs this process may run on. Without the option, ``INSPECTOR_JOBS=N``
  (the older way) is read.
* **DNS.** With a resolver (authentication re-checked over DNS) everything stays in one
  process: the resolver holds a socket and a per-run cache that must be shared by all
  messages, and it cannot be sent to another process. ``--offline`` runs use the workers.
* **Memory.** At most ``_IN_FLIGHT`` tasks per worker are out, and at most ``_AHEAD`` results
  the parent made itself wait for an older one; a task is at most ``_BATCH_MESSAGES`` messages
  or ``_BATCH_BYTES`` bytes (a part: ``_PART_MAX`` bytes of file, a message being capped as
  always), so memory stays flat whatever the size of the input. (No ``Pool.imap`` over the
  source: it reads ahead without limit.)
* **Interrupts.** Workers ignore SIGINT; Ctrl-C interrupts the parent, which drops the
  queued work and lets ``KeyboardInterrupt`` reach the command line (exit 130). An error in
  a worker is raised again in the parent, with the worker's traceback attached; a worker
  that dies makes the run fail with one sentence instead of waiting for ever.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from inspector.analysis.examine import analyze_item
from inspector.analysis.record import Options, RunResult, add_problem, add_read, add_record
from inspector.errors import InspectorError
from inspector.model import RawMail, ReadProblem, SourceItem
from inspector.sources.files import Reading
from inspector.sources.maildir import Part

if TYPE_CHECKING:
    from concurrent.futures import Future

# Messages analysed in the parent before workers are worth starting: about a tenth of a
# second of work, against some 30 ms to fork two workers.
PARALLEL_AFTER = 200
PARALLEL_BYTES = 4 * 1024 * 1024  # an mbox with this much left is worth workers at once
_BATCH_MESSAGES = 64
_BATCH_BYTES = 2 * 1024 * 1024
_PART_MIN = 256 * 1024
_PART_MAX = 4 * 1024 * 1024
_IN_FLIGHT = 3  # tasks per worker: enough to keep it busy while the parent works itself
_AHEAD = 8  # results of the parent's own tasks kept while an older task is still out
_MAX_JOBS = 64  # a typo in INSPECTOR_JOBS must not start thousands of processes (as --jobs)

Batch = list[SourceItem]  # messages and the read problems between them, in order
Task = Batch | Part


def jobs(requested: int | None = None) -> int:
    """Processes to use: ``requested`` (``--jobs``; 0 is auto), else ``INSPECTOR_JOBS``,
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


def worth_starting(items: object) -> bool:
    """Whether ``items`` is in the middle of an mbox large enough for workers right away."""
    share = items.share() if isinstance(items, Reading) else None
    return share is not None and share.left >= PARALLEL_BYTES


def run_rest(
    items: Iterator[SourceItem],
    options: Options,
    result: RunResult,
    *,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Analyse the rest of ``items`` in this process and ``jobs - 1`` workers, adding to
    ``result`` in order."""
    # Imported here: a run that never shares its work does not pay for multiprocessing.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    processes = jobs(options.jobs)
    workers = max(processes - 1, 1)
    _warm_up(options)
    # fork shares the parent's loaded modules and compiled keyword tables with the workers
    # (no start-up cost); elsewhere the platform's default start method is used.
    method = "fork" if sys.platform.startswith("linux") else None
    executor = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(options,),
    )
    pending: deque[Future[RunResult] | RunResult] = deque()

    def collect_oldest() -> None:
        oldest = pending.popleft()
        _merge(result, oldest if isinstance(oldest, RunResult) else oldest.result(), options)
        if progress is not None:
            progress(result.messages_read)

    try:
        for task in _tasks(items, processes):
            while pending and _ready(pending[0]):
                collect_oldest()
            out = sum(not _ready(p) for p in pending)
            if out < workers * _IN_FLIGHT:
                pending.append(executor.submit(_analyze_in_worker, task))
                continue
            # Every worker has enough waiting: this one the parent does itself.
            pending.append(analyze_task(task, options))
            while len(pending) > workers * _IN_FLIGHT + _AHEAD:
                collect_oldest()
        while pending:
            collect_oldest()
    except BaseException as error:
        # Ctrl-C or an error: drop the queued tasks; a worker finishes at most the task it
        # holds (a few tens of milliseconds) before the executor lets the process exit.
        executor.shutdown(wait=False, cancel_futures=True)
        if isinstance(error, BrokenProcessPool):
            # A worker that dies (killed, out of memory) ends the run with one sentence
            # rather than leaving it waiting for ever.
            raise InspectorError(
                "a worker process stopped unexpectedly (out of memory?); "
                "run again with --jobs 1 to use one process."
            ) from None
        raise
    executor.shutdown()


def _ready(slot: Future[RunResult] | RunResult) -> bool:
    return isinstance(slot, RunResult) or slot.done()


def _tasks(items: Iterator[SourceItem], processes: int) -> Iterator[Task]:
    """The rest of ``items`` cut into tasks, in order: parts of the mbox being read when it
    can be read by offset, else batches of what the parent reads."""
    reading = items if isinstance(items, Reading) else None
    batch: Batch = []
    size = 0
    while True:
        share = reading.share() if reading is not None else None
        if share is not None:
            part = share.take(_part_budget(share.left, processes))
            if part is not None:
                if batch:
                    yield batch
                    batch, size = [], 0
                yield part
                continue
        item = next(items, None)
        if item is None:
            break
        batch.append(item)
        if isinstance(item, RawMail):
            size += len(item.data)
        elif not isinstance(item, ReadProblem):
            size += len(item.body)
        if len(batch) >= _BATCH_MESSAGES or size >= _BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _part_budget(left: int, processes: int) -> int:
    """Bytes of mbox for the next part: a few parts per process of what is left, so that
    the last parts are small and every process finishes at about the same time."""
    return min(_PART_MAX, max(_PART_MIN, left // (4 * processes)))


def analyze_task(task: Task, options: Options) -> RunResult:
    """One task's messages through the checks (in a worker or in the parent). Its records
    are kept as they are: the run's list packs them once, when the result is merged
    (packed here, they would be unpacked and packed again there)."""
    part = RunResult()
    items = task if isinstance(task, list) else task.items()
    for item in items:
        if isinstance(item, ReadProblem):
            add_problem(part, item)
            continue
        add_read(part, item)
        record = analyze_item(item, options)
        if record is not None:
            part.records.append(record)
    return part


def _merge(result: RunResult, part: RunResult, options: Options) -> None:
    """Add one task's result to the run's (the tasks in order)."""
    for record in part.records:
        add_record(result, record, options)
    result.problems.extend(part.problems)
    result.messages_read += part.messages_read
    result.sources_failed += part.sources_failed
    for where, count in part.searched.items():
        result.searched[where] = result.searched.get(where, 0) + count


# --------------------------------------------------------------------------------------------
# In the worker processes.

# The worker's copy of the run's options, set once by the pool's initializer (a dict, not a
# global statement: the initializer only fills it in).
_worker: dict[str, Options] = {}


# A verification message with what a kept message's checks read (Received, DKIM, ARC and
# Authentication-Results fields, an HTML body): the warm-up runs it through the pipeline.
_WARM_UP_MAIL = b"""\
Received: from mail.tiktok.com (mail.tiktok.com [192.0.2.1]) by mx.example.com with ESMTPS
 id 1; Thu, 19 Nov 2026 10:00:01 +0000
ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.com; s=a; b=AAAA
Authentication-Results: mx.example.com; spf=pass smtp.mailfrom=tiktok.com;
 dkim=pass header.d=tiktok.com; dmarc=pass header.from=tiktok.com
DKIM-Signature: v=1; a=rsa-sha256; d=tiktok.com; s=s1; h=from:subject; bh=AAAA; b=AAAA
From: TikTok <no-reply@tiktok.com>
To: someone@example.com
Subject: 123456 is your verification code
Date: Thu, 19 Nov 2026 10:00:00 +0000
Content-Type: text/html; charset=utf-8

<p>Your verification code is <b>123456</b>. It expires in 10 minutes.</p>
"""


def _warm_up(options: Options) -> None:
    """Load the lazily imported modules and lazily built tables once, before forking, so no
    worker imports or builds its own copy.

    The keyword patterns, the service catalogue, the Public Suffix List and the modules of
    the authentication checks (dkimpy among them: ~15 ms) cost ~0.2 s to load; with fork
    the workers inherit them instead. A verification message goes through the whole
    pipeline, so whatever a kept message needs is loaded.
    """
    from inspector.domains.psl import public_suffix_list
    from inspector.extract.candidate import maybe_verification

    analyze_item(RawMail(_WARM_UP_MAIL, source="warm-up"), options)
    maybe_verification("", "")  # builds the candidate test's automaton
    public_suffix_list()
    # Everything alive now (modules, tables) leaves the collector's generations: a collection
    # in a worker would otherwise write to every one of these objects' headers and so copy
    # the pages it shares with the parent (copy-on-write), in the parent too. Measured on the
    # realistic 3,000-message corpus, --jobs 2: ~3% less wall time (medians of 8).
    gc.freeze()


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


def _analyze_in_worker(task: Task) -> RunResult:
    return analyze_task(task, _worker["options"])
