"""What every command shares on the way out: exit codes, one-sentence errors, writing reports.

Exit codes: 0 no problem found, 1 problems found, 2 usage error, 3 could not read the source
(or could not check), 130 interrupted. Each command lists its own in ``--help`` (the
``EXIT_*_HELP`` epilogs below).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from inspector.app import Outcome
    from inspector.cli.options import Options
    from inspector.report.terminal import Screen

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_SOURCE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def _exit_help(*lines: tuple[int, str]) -> str:
    # "\b" keeps click from re-flowing the list into one paragraph.
    rows = [f"  {code:<3}  {meaning}" for code, meaning in lines]
    return "\b\nExit codes:\n" + "\n".join(rows)


_USAGE = (EXIT_USAGE, "usage error (a bad option or value)")
_INTERRUPTED = (EXIT_INTERRUPTED, "interrupted (Ctrl-C)")
EXIT_REPORT_HELP = _exit_help(
    (EXIT_OK, "no problem found"),
    (EXIT_PROBLEMS, "problems found (an error or warning finding)"),
    _USAGE,
    (EXIT_SOURCE, "could not read the source (or found no code with parts unreadable)"),
    _INTERRUPTED,
)
EXIT_CHECK_HELP = _exit_help(
    (EXIT_OK, "no problem found"),
    (EXIT_PROBLEMS, "a problem found (an error or warning finding)"),
    _USAGE,
    _INTERRUPTED,
)
EXIT_EXTRACT_HELP = _exit_help(
    (EXIT_OK, "a code was found"), (EXIT_PROBLEMS, "no code was found"), _USAGE, _INTERRUPTED
)
EXIT_SCHEMA_HELP = _exit_help((EXIT_OK, "the schema was printed"), (EXIT_USAGE, "unknown NAME"))


def fail(message: str, code: int, debug: bool = False) -> NoReturn:
    """Print ``message`` as one sanitised line on stderr (the traceback too with ``debug``)."""
    from inspector.report.sanitize import clean

    if debug:
        import traceback

        traceback.print_exc()
    click.echo(f"inspector: error: {clean(message)}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    from inspector.report.sanitize import clean

    click.echo(f"inspector: warning: {clean(message)}", err=True)


def emit(outcome: Outcome, options: Options) -> int:
    """Render the outcome's report as the options say (``--format``, ``-o``, ``--color``,
    ``--limit``, ``--all-messages``); the exit code."""
    from inspector.cli.options import text
    from inspector.report.serialize import jsonable

    output_format = text(options, "output_format") or "text"
    output = text(options, "output")
    every = bool(options.get("all_messages"))
    limit = options.get("limit")
    rows = limit if isinstance(limit, int) else (None if every else DEFAULT_ROWS)
    doc = jsonable(outcome.report)  # one document, rendered as JSON, text or HTML
    if outcome.redactor is not None:
        doc = outcome.redactor.apply(doc)
    rendered: Iterable[str]
    if output_format == "json":
        from inspector.report import json as json_report

        rendered = json_report.chunks(doc)
    elif output_format == "html":
        from inspector.report import html as html_report

        rendered = [html_report.render(doc, limit=rows, every_message=every)]
    else:
        from inspector.report import text as text_report

        screen = screen_for(output, text(options, "color"))
        rendered = [text_report.render(doc, screen, limit=rows, every_message=every)]
    write(rendered, output)
    return exit_code(outcome)


DEFAULT_ROWS = 20  # the timeline's rows unless --limit or --all-messages


def screen_for(output: str | None, color: str | None, stream: IO[str] | None = None) -> Screen:
    """Width and colour for text going to ``output`` (stdout when None or "-").

    Width: COLUMNS, else the terminal's, else 80. Colour: ``always``, ``never``, or (auto) only
    when writing to a terminal and NO_COLOR is unset or empty (https://no-color.org) and TERM
    is not ``dumb``. The environment is read here and nowhere else.
    """
    import os

    from inspector.report.terminal import Screen

    to_file = bool(output) and output != "-"
    target = None if to_file else (stream or sys.stdout)
    tty = target is not None and _isatty(target)
    columns = os.environ.get("COLUMNS", "")
    if columns.strip().isdigit() and int(columns) > 0:
        width = int(columns)
    else:
        width = terminal_columns(target) if tty and target is not None else 80
    if color == "always":
        colored = True
    elif color == "never":
        colored = False
    else:
        colored = tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    return Screen(width=width, color=colored)


def terminal_columns(stream: IO[str]) -> int:
    """The terminal's width, else 80 (a terminal that reports 0 columns, a serial console,
    has no width to go by)."""
    import os

    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, ValueError):
        return 80


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


# A diagnosis that found no code while something went unread cannot say the code never came.
_NO_CODE = frozenset({"code_not_found", "no_code_after_request"})


def exit_code(outcome: Outcome) -> int:
    """0 no problem, 1 problems found, 3 when something could not be read and no code was
    found (the code may sit in what was skipped)."""
    report = outcome.report
    if report.skipped and any(f.id in _NO_CODE for f in report.findings):
        return EXIT_SOURCE
    return EXIT_PROBLEMS if outcome.diagnosis.problem_found else EXIT_OK


def write(rendered: Iterable[str], output: str | None) -> None:
    """Write the pieces to stdout, or atomically to a file (a temporary name, then renamed)."""
    if not output or output == "-":
        stream = sys.stdout
        for block in _blocks(rendered):
            stream.write(block)
        stream.flush()
        return
    from pathlib import Path

    from inspector.errors import InspectorError

    target = Path(output)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.writelines(_blocks(rendered))
        tmp.replace(target)
    except OSError as exc:
        raise InspectorError(f"could not write the report to {output}: {exc.strerror}.") from None


_BLOCK_CHARS = 1 << 20


def _blocks(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces joined into blocks of about a megabyte: a few large writes, not one per
    piece, and never the whole of a large report in memory at once."""
    pending: list[str] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= _BLOCK_CHARS:
            yield "".join(pending)
            pending.clear()
            size = 0
    if pending:
        yield "".join(pending)
