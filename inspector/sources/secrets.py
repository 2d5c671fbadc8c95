"""Passwords and tokens: where they come from, and how they are kept out of every output.

A secret lives in a :class:`Secret` whose ``repr``/``str`` hide it, so it cannot leak through a
log line, an exception message, a dataclass repr or a traceback that shows locals. It is
revealed only at the moment it is handed to the IMAP login call.

Order of the sources (the first one configured wins): an explicit ``password`` (a private
config file), ``password_command``, ``password_env``, the system keyring (when the optional
``keyring`` package is installed), then an interactive hidden prompt.
"""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
from collections.abc import Callable, Mapping
from typing import NoReturn

from inspector.errors import UsageError

log = logging.getLogger(__name__)

#: keyring service name prefix: ``keyring set inspector:imap.example.com alice``
KEYRING_SERVICE_PREFIX = "inspector:"

Prompt = Callable[[str], str]
KeyringGet = Callable[[str, str], "str | None"]


class Secret:
    """A password or token that never shows itself: ``repr``/``str`` print ``'***'``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself; pass it straight to the call that needs it, keep no copy."""
        return self._value

    def redact(self, text: str) -> str:
        """``text`` with every occurrence of the secret replaced by ``***``."""
        return text.replace(self._value, "***") if self._value else text

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        # Pickling would write the secret to wherever the pickle goes.
        raise TypeError("a Secret cannot be pickled")


def has_line_break(value: str) -> bool:
    """True when ``value`` holds CR, LF or NUL: imaplib sends LOGIN arguments as quoted
    strings (RFC 3501 §4.3), which cannot carry them, so such a value would break the command."""
    return any(c in value for c in "\r\n\0")


def run_secret_command(command: str, *, what: str, timeout: float = 30.0) -> Secret:
    """Run ``command`` without a shell (``shlex.split``) and return the first line of its output.

    Raises :class:`UsageError` when the command cannot be run, fails, times out or prints
    nothing. The messages never include the command's output (it may be the secret).
    """
    try:
        argv = shlex.split(command)
    except ValueError:
        raise UsageError(f"{what} is not a valid command line (unbalanced quotes).") from None
    if not argv:
        raise UsageError(f"{what} is empty.")
    problem: str | None = None
    try:
        done = subprocess.run(
            argv, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError:
        problem = f"{what} could not be run: {argv[0]} was not found."
    except PermissionError:
        problem = f"{what} could not be run: {argv[0]} is not executable."
    except subprocess.TimeoutExpired:
        # TimeoutExpired carries the partial output: never chain it.
        problem = f"{what} did not finish within {timeout:g} s."
    except OSError as exc:
        problem = f"{what} could not be run ({exc.strerror or type(exc).__name__})."
    if problem is not None:
        raise UsageError(problem)
    if done.returncode != 0:
        raise UsageError(f"{what} ({argv[0]}) failed with exit status {done.returncode}.")
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    value = lines[0] if lines else ""
    if not value:
        raise UsageError(f"{what} ({argv[0]}) printed nothing.")
    return Secret(value)


def keyring_lookup(service: str, user: str) -> str | None:
    """The default keyring reader: ``None`` when the package or a backend is missing."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        value = keyring.get_password(service, user)
    except Exception as exc:  # no backend, locked store, D-Bus trouble: all mean "not there"
        log.debug("keyring lookup failed: %s", type(exc).__name__)
        return None
    return value if isinstance(value, str) else None


def resolve_password(
    *,
    host: str,
    user: str,
    password: Secret | None = None,
    password_command: str | None = None,
    password_env: str | None = None,
    use_keyring: bool = True,
    environ: Mapping[str, str] | None = None,
    keyring_get: KeyringGet | None = keyring_lookup,
    prompt: Prompt | None = None,
    timeout: float = 30.0,
) -> Secret:
    """Find the password for ``user`` on ``host`` (see the module docstring for the order).

    ``prompt`` is called with a prompt text and must return what the person typed without
    echoing it (``getpass.getpass``); ``None`` means "not interactive": then a missing password
    is a :class:`UsageError` that says how to provide one.
    """
    if password is not None:
        return password
    if password_command:
        return run_secret_command(password_command, what="password_command", timeout=timeout)
    if password_env:
        env = os.environ if environ is None else environ
        value = env.get(password_env)
        if not value:
            raise UsageError(f"password_env names {password_env}, which is not set or empty.")
        return Secret(value)
    if use_keyring and keyring_get is not None:
        value = keyring_get(KEYRING_SERVICE_PREFIX + host, user)
        if value:
            return Secret(value)
    if prompt is not None:
        typed = prompt(f"IMAP password for {user} on {host}: ")
        if typed:
            return Secret(typed)
    raise UsageError(
        f"No password for {user} on {host}: set password_command or password_env, "
        f"store it with `keyring set {KEYRING_SERVICE_PREFIX}{host} {user}`, "
        "or run interactively to be asked."
    )


def resolve_token(command: str, *, timeout: float = 30.0) -> Secret:
    """An OAuth2 access token from ``oauth2_token_command`` (its first output line)."""
    return run_secret_command(command, what="oauth2_token_command", timeout=timeout)
