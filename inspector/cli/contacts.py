"""``inspector check-email`` and ``inspector check-phone``: the registered contact details."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from inspector.cli.options import (
    Options,
    color_option,
    dns_options,
    format_option,
    make_resolver,
    region_option,
    text,
)
from inspector.cli.output import EXIT_CHECK_HELP, EXIT_OK, EXIT_PROBLEMS

if TYPE_CHECKING:
    from inspector.diagnosis.rules.contacts import CheckedEmail, CheckedPhone


@click.command(name="check-email", epilog=EXIT_CHECK_HELP)
@click.argument("address")
@dns_options
@format_option("text", "json")
@color_option
def check_email_command(address: str, **options: object) -> int:
    """Check the e-mail address a service sends codes to: syntax, typos, whether it takes mail.

    \b
    Examples:
      inspector check-email alice@gmial.com
      inspector check-email bob+tiktok@example.org --offline --format json
    """
    from dataclasses import replace

    from inspector.contacts.email import check_email
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
    return _emit_contact(result, options, _email_lines(result))


@click.command(name="check-phone", epilog=EXIT_CHECK_HELP)
@click.argument("number")
@region_option
@format_option("text", "json")
@color_option
def check_phone_command(number: str, **options: object) -> int:
    """Check the phone number a service sends codes to: valid, mobile, entered correctly.

    \b
    Examples:
      inspector check-phone "+44 7911 123456"
      inspector check-phone "06 12 34 56 78" --region FR --format json
    """
    from inspector.contacts.phone import check_phone
    from inspector.diagnosis.rules.contacts import judge_phone

    result = judge_phone(check_phone(number, region=text(options, "region")))
    return _emit_contact(result, options, _phone_lines(result))


def _email_lines(result: CheckedEmail) -> list[tuple[str, str]]:
    deliverable = {True: "yes", False: "no", None: "unknown (not checked)"}[result.deliverable]
    return [
        ("address", result.input),
        ("valid", "yes" if result.valid else "no"),
        ("normalized", result.normalized or "-"),
        ("takes mail", deliverable),
        ("mail hosts", ", ".join(result.mx) or "-"),
    ]


def _phone_lines(result: CheckedPhone) -> list[tuple[str, str]]:
    return [
        ("number", result.input),
        ("valid", "yes" if result.valid else "no"),
        ("E.164", result.e164 or "-"),
        ("type", (result.type or "unknown").replace("_", " ")),
        ("gets SMS", result.can_receive_sms.value),
        ("region", result.region or "-"),
        ("carrier", result.carrier or "-"),
        ("location", result.location or "-"),
    ]


def _emit_contact(
    result: CheckedEmail | CheckedPhone, options: Options, lines: list[tuple[str, str]]
) -> int:
    import json

    from inspector.model import Severity
    from inspector.report.sanitize import json_safe
    from inspector.report.serialize import jsonable

    if text(options, "output_format") == "json":
        doc = jsonable(result)
        click.echo(json_safe(json.dumps(doc, ensure_ascii=False, indent=2)))
    else:
        from inspector.cli.output import screen_for
        from inspector.report import terminal, view

        screen = screen_for(None, text(options, "color"))
        findings = [
            view.FindingDoc(id=f.id, severity=f.severity.value, message=f.message, advice=f.advice)
            for f in result.findings
        ]
        parts = [terminal.fields(lines)]
        if findings:
            parts += [terminal.text(""), terminal.finding_rows(findings)]
        click.echo(terminal.render(screen, parts), nl=False, color=screen.color)
    problem = not result.valid or any(
        f.severity in (Severity.ERROR, Severity.WARNING) for f in result.findings
    )
    return EXIT_PROBLEMS if problem else EXIT_OK
