"""The command line: parse options, call the core, render, exit. Nothing else lives here.

Exit codes: 0 no problem found, 1 problems found, 2 usage error, 3 could not read the source
(or could not check), 130 interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NoReturn

import click

from inspector import __version__
from inspector.options import (
    auth_options,
    diagnosis_options,
    dns_options,
    make_resolver,
    output_options,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_SOURCE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class _Group(click.Group):
    """Turns every failure into one readable sentence and the documented exit code."""

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        debug = "--debug" in sys.argv[1:]
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            _fail("interrupted.", EXIT_INTERRUPTED, debug)
        except KeyboardInterrupt:
            _fail("interrupted.", EXIT_INTERRUPTED, debug)
        except click.ClickException as exc:
            exc.show()
            sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head); not an error worth a message
            sys.exit(EXIT_OK)
        except Exception as exc:
            from inspector.errors import InspectorError

            if isinstance(exc, InspectorError):
                _fail(str(exc), exc.exit_code, debug)
            _fail(
                f"internal error ({type(exc).__name__}); run again with --debug for details "
                "and report it.",
                EXIT_SOURCE,
                debug,
            )
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def _fail(message: str, code: int, debug: bool) -> NoReturn:
    from inspector.report.sanitize import clean

    if debug:
        import traceback

        traceback.print_exc()
    click.echo(f"inspector: error: {clean(message)}", err=True)
    sys.exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="inspector")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
def main(debug: bool) -> None:
    """Find out why a verification code never arrived, arrived late, or does not work."""
    if debug:
        import logging

        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@diagnosis_options
@dns_options
@auth_options
@output_options
def analyze(paths: tuple[str, ...], **options: Any) -> int:
    """Diagnose saved mail: .eml files, folders of them, mbox, Maildir, SMS exports, or - (stdin).

    \b
    Examples:
      inspector analyze ~/Downloads/code.eml
      inspector analyze Takeout.mbox --service tiktok --entered-code 482915
      inspector analyze ~/Maildir --now 2026-11-25T14:20 --format json -o report.json
    """
    from inspector import app
    from inspector.sources.files import read_paths

    request = _request(options)
    items = read_paths(paths, stdin=sys.stdin.buffer)
    outcome = app.diagnose_items(items, request)
    if outcome.nothing_read:
        for problem in outcome.result.problems:
            _warn(problem.message)
        _fail("nothing could be read from the given paths.", EXIT_SOURCE, False)
    return _emit(outcome, options)


def _request(options: dict[str, Any]) -> Any:
    from inspector.app import Request

    now: datetime = options.get("now") or datetime.now().astimezone()
    return Request(
        now=now,
        service=options.get("service"),
        requested_at=options.get("requested_at"),
        entered_code=options.get("entered_code"),
        email=options.get("email"),
        phone=options.get("phone"),
        region=options.get("region"),
        all_messages=bool(options.get("all_messages")),
        redact=bool(options.get("redact")),
        resolver=make_resolver(options),
        trust_authserv_ids=tuple(options.get("trust_authserv_ids") or ()),
    )


def _emit(outcome: Any, options: dict[str, Any]) -> int:
    from inspector.report import json as json_report
    from inspector.report import text as text_report

    doc = outcome.document
    if outcome.redactor is not None:
        doc = outcome.redactor.apply(doc)
    if options.get("output_format") == "json":
        rendered: Iterable[str] = json_report.chunks(doc)
    else:
        rendered = [text_report.render(doc)]
    _write(rendered, options.get("output"))
    return EXIT_PROBLEMS if outcome.diagnosis.problem_found else EXIT_OK


def _write(rendered: Iterable[str], output: str | None) -> None:
    if not output or output == "-":
        stream = click.get_text_stream("stdout")
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


def _warn(message: str) -> None:
    from inspector.report.sanitize import clean

    click.echo(f"inspector: warning: {clean(message)}", err=True)


@main.command(name="extract")
@click.argument("text", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option("--subject", default="", help="The message's subject, if you have it.")
@click.option("--sender", default=None, help="The sender's address (helps name the service).")
def extract_command(text: str | None, output_format: str, subject: str, sender: str | None) -> int:
    """Find the code, validity, service and origin in one message body (TEXT or stdin).

    Exits 0 when a code was found and 1 when none was.

    \b
    Examples:
      inspector extract "Your TikTok code is 482915. It expires in 5 minutes."
      pbpaste | inspector extract --format json
    """
    import json

    from inspector.extract import extract
    from inspector.extract.services import service_by_id
    from inspector.report.sanitize import clean, json_safe

    if text is None:
        data = sys.stdin.buffer.read(1024 * 1024)
        text = data.decode("utf-8", "replace")
    found = extract(text, subject=subject, sender_address=sender)
    if output_format == "json":
        doc = {
            "is_verification": found.is_verification,
            "code": found.code,
            "valid_for_seconds": found.validity.seconds,
            "service": found.service,
            "origin": found.origin.domain if found.origin else None,
        }
        click.echo(json_safe(json.dumps(doc, ensure_ascii=False)))
    else:
        service = service_by_id(found.service) if found.service else None
        lines = [
            f"verification: {'yes' if found.is_verification else 'no'}",
            f"code:         {found.code or '-'}",
            f"valid for:    {_validity_text(found.validity)}",
            f"service:      {service.name if service else found.service or '-'}",
            f"origin:       {found.origin.domain if found.origin else '-'}",
        ]
        click.echo("\n".join(clean(line) for line in lines))
    return EXIT_OK if found.code else EXIT_PROBLEMS


def _validity_text(validity: Any) -> str:
    from inspector.wording import duration

    if validity.seconds:
        return duration(validity.seconds)
    if validity.expires_at:
        return f"until {validity.expires_at.isoformat()}"
    if validity.text:
        return str(validity.text)
    return "not stated"


# The other commands register themselves on ``main``.
from inspector import cli_contacts, cli_scan  # noqa: E402

__all__ = ["cli_contacts", "cli_scan", "main"]
