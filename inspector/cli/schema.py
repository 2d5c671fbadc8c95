"""``inspector schema NAME``: print the JSON Schema of a command's ``--format json`` output."""

from __future__ import annotations

import click

from inspector.cli.output import EXIT_OK, EXIT_SCHEMA_HELP, EXIT_USAGE, fail
from inspector.report.schemas import COMMANDS


@click.command(name="schema", epilog=EXIT_SCHEMA_HELP)
@click.argument("name", type=click.Choice(list(COMMANDS)), metavar="NAME")
def schema_command(name: str) -> int:
    """Print the JSON Schema (draft 2020-12) of NAME's --format json output.

    NAME is a command: analyze and scan print the same report (scan adds "mailbox").

    \b
    Examples:
      inspector schema analyze > report.schema.json
      inspector schema check-email
    """
    from inspector.report.schemas import schema_text

    try:
        text = schema_text(name)
    except FileNotFoundError:
        fail(f"this build of inspector ships no schema for {name}.", EXIT_USAGE)
    click.echo(text, nl=False)
    return EXIT_OK
