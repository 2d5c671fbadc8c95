"""``inspector check-email`` and ``inspector check-phone``: the registered contact details."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from inspector.cli.options import dns_options, make_resolver
from inspector.cli.output import EXIT_OK, EXIT_PROBLEMS

if TYPE_CHECKING:
    from inspector.diagnosis.rules.contacts import CheckedEmail, CheckedPhone


@click.command(name="check-email")
@click.argument("address")
@dns_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def check_email_command(address: str, output_format: str, **options: object) -> int:
    """Check the e-mail address a service sends codes to: syntax, typos, whether it takes mail.

    \b
    Examples:
      inspector check-email alice@gmial.com
      inspector check-email bob+tiktok@example.org --offline --format json
    """
    from dataclasses import replace

    from inspector.contacts import check_email
    from inspector.diagnosis.rules.contacts import by_severity, judge_email
    from inspector.diagnosis.rules.dns import unreliable_finding

    resolver = make_resolver(options)
    health = resolver.health() if resolver is not None else None
    if health is not None and not health.ok:
        # A resolver that lies must not make a real domain "take no mail": check offline.
        result = judge_email(check_email(address, resolver=None))
        result = replace(
            result, findings=by_severity([*result.findings, unreliable_finding(health)])
        )
    else:
        result = judge_email(check_email(address, resolver=resolver))
    return _emit_contact(result, output_format, _email_lines(result))


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
    from inspector.diagnosis.rules.contacts import judge_phone

    result = judge_phone(check_phone(number, region=region))
    return _emit_contact(result, output_format, _phone_lines(result))


def _email_lines(result: CheckedEmail) -> list[str]:
    deliverable = {True: "yes", False: "no", None: "unknown (not checked)"}[result.deliverable]
    return [
        f"address:     {result.input}",
        f"valid:       {'yes' if result.valid else 'no'}",
        f"normalized:  {result.normalized or '-'}",
        f"takes mail:  {deliverable}",
        f"mail hosts:  {', '.join(result.mx) or '-'}",
    ]


def _phone_lines(result: CheckedPhone) -> list[str]:
    return [
        f"number:      {result.input}",
        f"valid:       {'yes' if result.valid else 'no'}",
        f"E.164:       {result.e164 or '-'}",
        f"type:        {(result.type or 'unknown').replace('_', ' ')}",
        f"gets SMS:    {result.can_receive_sms.value}",
        f"region:      {result.region or '-'}",
        f"carrier:     {result.carrier or '-'}",
        f"location:    {result.location or '-'}",
    ]


def _emit_contact(result: CheckedEmail | CheckedPhone, output_format: str, lines: list[str]) -> int:
    import json

    from inspector.model import Severity
    from inspector.report.sanitize import clean, json_safe
    from inspector.report.serialize import jsonable

    if output_format == "json":
        doc = jsonable(result)
        click.echo(json_safe(json.dumps(doc, ensure_ascii=False, indent=2)))
    else:
        out = [clean(line) for line in lines]
        for finding in result.findings:
            severity = finding.severity.value.upper()
            out.append(clean(f"{severity}: {finding.message} [{finding.id}]"))
            out.append(clean(f"  -> {finding.advice}"))
        click.echo("\n".join(out))
    problem = not result.valid or any(
        f.severity in (Severity.ERROR, Severity.WARNING) for f in result.findings
    )
    return EXIT_PROBLEMS if problem else EXIT_OK
