"""``inspector check-email`` and ``inspector check-phone``: the registered contact details."""

from __future__ import annotations

from typing import Any

import click

from inspector.cli.options import dns_options, make_resolver
from inspector.cli.output import EXIT_OK, EXIT_PROBLEMS


@click.command(name="check-email")
@click.argument("address")
@dns_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def check_email_command(address: str, output_format: str, **options: Any) -> int:
    """Check the e-mail address a service sends codes to: syntax, typos, whether it takes mail.

    \b
    Examples:
      inspector check-email alice@gmial.com
      inspector check-email bob+tiktok@example.org --offline --format json
    """
    from inspector.contacts import check_email

    result = check_email(address, resolver=make_resolver(options))
    return _emit_contact(result.to_json(), output_format, _email_lines(result.to_json()))


@click.command(name="check-phone")
@click.argument("number")
@click.option("--region", metavar="CC", help="Country the number is from (ISO 3166, e.g. GB).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def check_phone_command(number: str, region: str | None, output_format: str) -> int:
    """Check the phone number a service sends codes to: valid, mobile, entered correctly.

    \b
    Examples:
      inspector check-phone "+44 7911 123456"
      inspector check-phone "06 12 34 56 78" --region FR --format json
    """
    from inspector.contacts import check_phone

    result = check_phone(number, region=region)
    return _emit_contact(result.to_json(), output_format, _phone_lines(result.to_json()))


def _email_lines(doc: dict[str, Any]) -> list[str]:
    deliverable = {True: "yes", False: "no", None: "unknown (not checked)"}[doc["deliverable"]]
    return [
        f"address:     {doc['input']}",
        f"valid:       {'yes' if doc['valid'] else 'no'}",
        f"normalized:  {doc['normalized'] or '-'}",
        f"takes mail:  {deliverable}",
        f"mail hosts:  {', '.join(doc['mx']) or '-'}",
    ]


def _phone_lines(doc: dict[str, Any]) -> list[str]:
    return [
        f"number:      {doc['input']}",
        f"valid:       {'yes' if doc['valid'] else 'no'}",
        f"E.164:       {doc['e164'] or '-'}",
        f"type:        {(doc['type'] or 'unknown').replace('_', ' ')}",
        f"gets SMS:    {doc['can_receive_sms']}",
        f"region:      {doc['region'] or '-'}",
        f"carrier:     {doc['carrier'] or '-'}",
        f"location:    {doc['location'] or '-'}",
    ]


def _emit_contact(doc: dict[str, Any], output_format: str, lines: list[str]) -> int:
    import json

    from inspector.report.sanitize import clean, json_safe

    findings = doc["findings"]
    if output_format == "json":
        click.echo(json_safe(json.dumps(doc, ensure_ascii=False, indent=2)))
    else:
        out = [clean(line) for line in lines]
        for finding in findings:
            out.append(
                clean(f"{finding['severity'].upper()}: {finding['message']} [{finding['id']}]")
            )
            out.append(clean(f"  -> {finding['advice']}"))
        click.echo("\n".join(out))
    problem = not doc["valid"] or any(f["severity"] in ("error", "warning") for f in findings)
    return EXIT_PROBLEMS if problem else EXIT_OK
