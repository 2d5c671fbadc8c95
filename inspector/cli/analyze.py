"""``inspector analyze``: diagnose saved mail and SMS exports."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

import click

from inspector.cli.options import (
    auth_options,
    diagnosis_options,
    dns_options,
    jobs_option,
    output_options,
    request_from,
)
from inspector.cli.output import EXIT_REPORT_HELP, EXIT_SOURCE, emit, fail, warn
from inspector.cli.progress import Progress


@click.command(epilog=EXIT_REPORT_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@diagnosis_options
@dns_options
@auth_options
@output_options
@jobs_option
def analyze(paths: tuple[str, ...], **options: object) -> int:
    """Diagnose saved mail: .eml files, folders of them, mbox, Maildir, SMS exports, or - (stdin).

    \b
    Examples:
      inspector analyze ~/Downloads/code.eml
      inspector analyze Takeout.mbox --service tiktok --entered-code 482915
      inspector analyze ~/Maildir --now 2026-11-25T14:20 --format json -o report.json
      inspector analyze ~/Maildir --requested-at 14:05 --format html -o report.html
      inspector analyze Takeout.mbox --jobs 1
    """
    from inspector import app
    from inspector.sources.files import read_paths

    request = request_from(options)
    items = read_paths(paths, stdin=sys.stdin.buffer)
    with Progress.on_stderr(quiet=bool(options.get("quiet"))) as progress:
        if progress.enabled:
            # Told by the reading itself, not by wrapping it: the parallel run takes parts of
            # an mbox from the reading directly (analysis.parallel), and they count too.
            items.observe = _tracker(progress, input_size(paths))
        outcome = app.diagnose_items(items, request, progress=progress.update)
    if outcome.nothing_read:
        for problem in outcome.result.problems:
            warn(problem.message)
        fail("nothing could be read from the given paths.", EXIT_SOURCE)
    return emit(outcome, options)


def _tracker(progress: Progress, total_bytes: int | None) -> Callable[[int, str], None]:
    """What tells ``progress`` where reading is and how far through the input's bytes (the
    message count comes from the run itself)."""
    done = 0

    def read(size: int, where: str) -> None:
        nonlocal done
        done += size
        progress.where = where
        if total_bytes:
            progress.update(fraction=done / total_bytes)

    return read


def input_size(paths: Iterable[str], budget: float = 1.0) -> int | None:
    """The bytes under ``paths``, or None when unknown (stdin) or too slow to add up: a
    folder tree whose listing takes longer than ``budget`` seconds is not worth an estimate."""
    import os
    import time

    deadline = time.monotonic() + budget
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            if not os.path.isdir(path):
                total += os.path.getsize(path)
                continue
            for folder, _, names in os.walk(path):
                if time.monotonic() > deadline:
                    return None
                for name in names:
                    try:
                        total += os.path.getsize(os.path.join(folder, name))
                    except OSError:
                        continue
        except OSError:
            continue
    return total or None
