"""The ``inspector`` command group: every failure becomes one sentence and an exit code.

Commands live one per module (``analyze``, ``extract``, ``scan``, ``watch``, ``contacts``,
``schema``) and are registered here; nothing else lives here.
"""

from __future__ import annotations

import importlib
import sys
from functools import cache
from typing import Any, NoReturn

import click

from inspector import __version__
from inspector.cli.output import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REPORT_HELP,
    EXIT_SOURCE,
    EXIT_USAGE,
    fail,
)

# Each command's module is imported only when that command runs (or --help lists them all):
# ``inspector extract TEXT`` need not import analyze, scan and watch (~10 ms of start-up).
_COMMANDS = {
    "analyze": ("inspector.cli.analyze", "analyze"),
    "check-email": ("inspector.cli.contacts", "check_email_command"),
    "check-phone": ("inspector.cli.contacts", "check_phone_command"),
    "extract": ("inspector.cli.extract", "extract_command"),
    "scan": ("inspector.cli.scan", "scan"),
    "schema": ("inspector.cli.schema", "schema_command"),
    "watch": ("inspector.cli.watch", "watch"),
}


@cache
def _command(name: str) -> click.Command:
    module, attribute = _COMMANDS[name]
    command: click.Command = getattr(importlib.import_module(module), attribute)
    return debug_option(command)


class _Group(click.Group):
    """Turns every failure into one readable sentence and the documented exit code; loads
    each command on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return _command(cmd_name) if cmd_name in _COMMANDS else None

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:  # Any: forwarded to click's main as is
        debug = "--debug" in sys.argv[1:]
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            fail("interrupted.", EXIT_INTERRUPTED, debug)
        except KeyboardInterrupt:
            fail("interrupted.", EXIT_INTERRUPTED, debug)
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
                fail(str(exc), exc.exit_code, debug)
            fail(
                f"internal error ({type(exc).__name__}); run again with --debug for details "
                "and report it.",
                EXIT_SOURCE,
                debug,
            )
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def _debug(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:
        import logging

        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
    return value


# Accepted before or after the command name (``inspector --debug scan`` = ``inspector scan
# --debug``): people add it to the end of the command that just failed.
debug_option = click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_debug,
    help="Show tracebacks and debug logging.",
)


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_REPORT_HELP + "\n\nEach command lists its own in its --help.",
)
@click.version_option(__version__, "-V", "--version", prog_name="inspector")
@debug_option
def main() -> None:
    """Find out why a verification code never arrived, arrived late, or does not work."""
