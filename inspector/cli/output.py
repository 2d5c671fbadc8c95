"""What every command shares on the way out: exit codes, one-sentence errors, writing reports.

Exit codes: 0 no problem found, 1 problems found, 2 usage error, 3 could not read the source
(or could not check), 130 interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from inspector.app import Outcome

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_SOURCE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


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


def emit(outcome: Outcome, output_format: str, output: str | None) -> int:
    """Render the outcome's report to ``output`` (stdout when None or "-"); the exit code."""
    from inspector.report import json as json_report
    from inspector.report import text as text_report
    from inspector.report.serialize import jsonable

    doc = jsonable(outcome.report)  # one document, rendered as JSON or text
    if outcome.redactor is not None:
        doc = outcome.redactor.apply(doc)
    if output_format == "json":
        rendered: Iterable[str] = json_report.chunks(doc)
    else:
        rendered = [text_report.render(doc)]
    write(rendered, output)
    return exit_code(outcome)


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
        for piece in rendered:
            stream.write(piece)
        stream.flush()
        return
    from pathlib import Path

    from inspector.errors import InspectorError

    target = Path(output)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.writelines(rendered)
        tmp.replace(target)
    except OSError as exc:
        raise InspectorError(f"could not write the report to {output}: {exc.strerror}.") from None
