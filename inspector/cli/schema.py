"""``inspector schema NAME``: print the JSON Schema of a command's ``--format json`` output."""

from __future__ import annotations

import click

from inspector.cli.output import EXIT_OK, EXIT_SCHEMA_HELP
from inspector.report.schemas import available, schema_text


@click.command(name="schema", epilog=EXIT_SCHEMA_HELP)
@click.argument("name", type=click.Choice(available()), metavar="NAME")
def schema_command(name: str) -> int:
    """Print the JSON Schema (draft 2020-12) of NAME's --format json output.

    NAME is a command: analyze and scan print the same report (scan adds "mailbox").

    \b
    Examples:
      inspector schema analyze > report.schema.json
      inspector schema check-email
    """
    click.echo(schema_text(name), nl=False)
    return EXIT_OK
