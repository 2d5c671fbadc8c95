"""The run: every source item through :mod:`inspector.analysis.examine`, in order.

A large input is spread over worker processes (:mod:`inspector.analysis.parallel`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from inspector.analysis import parallel
from inspector.analysis.examine import analyze_item
from inspector.analysis.record import Options, RunResult, add_problem, add_read, add_record
from inspector.extract import many_texts
from inspector.model import ReadProblem, SourceItem


def run(
    items: Iterable[SourceItem],
    options: Options,
    *,
    progress: Callable[[int], None] | None = None,
    parallel_after: int | None = None,
) -> RunResult:
    """Analyse every item; after ``parallel_after`` messages (default: see
    :mod:`inspector.analysis.parallel`), or at once in a large mbox file, the rest is shared
    with worker processes, in the same order."""
    many_texts()  # a mailbox: the shortcuts for a single text would cost, not save
    result = RunResult()
    iterator = iter(items)
    threshold = parallel.threshold(options, parallel_after)
    for item in iterator:
        if isinstance(item, ReadProblem):
            add_problem(result, item)
            continue
        add_read(result, item)
        add_record(result, analyze_item(item, options), options)
        if progress is not None:
            progress(result.messages_read)
        if threshold is not None and (
            result.messages_read >= threshold or parallel.worth_starting(iterator)
        ):
            parallel.run_rest(iterator, options, result, progress=progress)
            break
    return result
