"""``inspector analyze``: diagnose saved mail and SMS exports."""

from __future__ import annotations

import sys

import click

from inspector.cli.options import (
    auth_options,
    diagnosis_options,
    dns_options,
    output_options,
    request_from,
    text,
)
from inspector.cli.output import EXIT_SOURCE, emit, fail, warn


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@diagnosis_options
@dns_options
@auth_options
@output_options
def analyze(paths: tuple[str, ...], **options: object) -> int:
    """Diagnose saved mail: .eml files, folders of them, mbox, Maildir, SMS exports, or - (stdin).

    \b
    Examples:
      inspector analyze ~/Downloads/code.eml
      inspector analyze Takeout.mbox --service tiktok --entered-code 482915
      inspector analyze ~/Maildir --now 2026-11-25T14:20 --format json -o report.json
    """
    from inspector import app
    from inspector.sources.files import read_paths

    request = request_from(options)
    items = read_paths(paths, stdin=sys.stdin.buffer)
    outcome = app.diagnose_items(items, request)
    if outcome.nothing_read:
        for problem in outcome.result.problems:
            warn(problem.message)
        fail("nothing could be read from the given paths.", EXIT_SOURCE)
    return emit(outcome, text(options, "output_format") or "text", text(options, "output"))
