"""``inspector extract``: the code, validity, service and origin in one message body."""

from __future__ import annotations

import sys

import click

from inspector.cli.options import format_option
from inspector.cli.output import EXIT_EXTRACT_HELP, EXIT_OK, EXIT_PROBLEMS
from inspector.model import Validity


@click.command(name="extract", epilog=EXIT_EXTRACT_HELP)
@click.argument("text", required=False)
@format_option("text", "json")
@click.option("--subject", default="", help="The message's subject, if you have it.")
@click.option("--sender", default=None, help="The sender's address (helps name the service).")
def extract_command(text: str | None, output_format: str, subject: str, sender: str | None) -> int:
    """Find the code, validity, service and origin in one message body (TEXT or stdin).

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
        from inspector.report.document import ExtractResult
        from inspector.report.serialize import jsonable

        result = ExtractResult(
            is_verification=found.is_verification,
            code=found.code,
            valid_for_seconds=found.validity.seconds,
            service=found.service,
            origin=found.origin.domain if found.origin else None,
        )
        click.echo(json_safe(json.dumps(jsonable(result), ensure_ascii=False)))
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


def _validity_text(validity: Validity) -> str:
    from inspector.diagnosis.wording import duration

    if validity.seconds:
        return duration(validity.seconds)
    if validity.expires_at:
        return f"until {validity.expires_at.isoformat()}"
    if validity.text:
        return validity.text
    return "not stated"
