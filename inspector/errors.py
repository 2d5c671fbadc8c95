"""The project's exceptions.

An exception means "could not check" (a source could not be read, a server could not be
reached, the user asked for something impossible). A message that is malformed, forged or
hostile is never an exception: it becomes a finding in the diagnosis.
"""

from __future__ import annotations


class InspectorError(Exception):
    """Root of every error inspector raises on purpose; ``str()`` is one readable sentence."""

    exit_code = 3


class UsageError(InspectorError):
    """The command line asks for something that cannot be done (exit 2)."""

    exit_code = 2


class SourceError(InspectorError):
    """A source (file, mailbox, server, export) could not be read (exit 3)."""

    exit_code = 3


class ConnectionFailed(SourceError):
    """A server could not be reached, refused us, or stopped answering."""


class LoginFailed(SourceError):
    """The server was reached but rejected the credentials."""


class ProtocolError(SourceError):
    """A server answered something that does not follow its protocol."""


class DNSError(InspectorError):
    """A DNS lookup could not be answered (timeout, SERVFAIL): a *temporary* failure."""
