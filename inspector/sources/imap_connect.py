"""Opening an authenticated IMAP session: TCP, TLS or STARTTLS, login, clear errors.

Every way of failing ends in one :class:`SourceError` subclass with one sentence that names
the host and says what to do. Secrets are revealed only as the argument of the login call and
never reach an exception: failures are turned into our own exceptions *outside* the ``except``
block, so not even ``__context__`` points back at imapclient's exception (whose arguments
could echo what was sent).
"""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from inspector.errors import ConnectionFailed, LoginFailed, UsageError
from inspector.sources.imap_config import Encryption, ImapConfig
from inspector.sources.imap_fetch import SearchKey
from inspector.sources.secrets import (
    KeyringGet,
    Prompt,
    Secret,
    has_line_break,
    keyring_lookup,
    resolve_password,
    resolve_token,
)

if TYPE_CHECKING:
    import imaplib

log = logging.getLogger(__name__)


class ImapClient(Protocol):
    """The part of ``imapclient.IMAPClient`` this package uses (a fake can implement it).

    Answers are ``object`` where they come from the server as parsed by imapclient: the
    readers in ``imap_fetch`` and ``imap_quota`` check what they got before using it.
    """

    def capabilities(self) -> Sequence[bytes]: ...
    def has_capability(self, capability: str) -> bool: ...
    def starttls(self, ssl_context: ssl.SSLContext | None = None) -> object: ...
    def login(self, username: str, password: str) -> object: ...
    def oauth2_login(self, user: str, access_token: str) -> object: ...
    def oauthbearer_login(self, identity: str, access_token: str) -> object: ...
    def plain_login(self, identity: str, password: str) -> object: ...
    def list_folders(self) -> list[tuple[tuple[bytes, ...], bytes | None, str]]: ...
    def select_folder(self, folder: str, readonly: bool = False) -> dict[bytes, object]: ...
    def search(self, criteria: list[SearchKey]) -> list[int]: ...
    def fetch(
        self, messages: Sequence[int], data: Sequence[str]
    ) -> dict[int, dict[bytes, object]]: ...
    def get_quota_root(self, mailbox: str) -> tuple[object, list[object]]: ...
    def logout(self) -> object: ...
    def shutdown(self) -> None: ...


#: Called like ``imapclient.IMAPClient(host, port=, ssl=, ssl_context=, timeout=)``.
ClientFactory = Callable[..., ImapClient]


def default_client_factory(
    host: str, *, port: int, ssl: bool, ssl_context: ssl.SSLContext | None, timeout: float
) -> ImapClient:
    import imapclient

    client = imapclient.IMAPClient(
        host, port=port, ssl=ssl, ssl_context=ssl_context, timeout=timeout
    )
    # Keep INTERNALDATE timezone-aware instead of converting to naive local time.
    client.normalise_times = False
    _cap_literals(client._imap)
    return client  # type: ignore[no-any-return]


#: No answer we ask for is bigger (bodies are fetched capped at 256 KB per message); a server
#: announcing more (``{4000000000}``) is broken or hostile.
MAX_LITERAL = 64 * 1024 * 1024


def _cap_literals(imap: imaplib.IMAP4) -> None:
    """Refuse an oversized literal before reading it.

    imaplib reads a literal with ``read(size)``, and a buffered read allocates ``size``
    bytes up front, so the announced size is checked first (RFC 3501 §4.3: the server sets
    the length). Only this connection's object is changed.
    """
    read = imap.read

    def capped(size: int) -> bytes:
        if size > MAX_LITERAL:
            raise imap.abort(f"the server announced a {size}-byte literal; refusing to read it")
        data: bytes = read(size)
        if len(data) < size:  # EOF inside the literal: the connection died mid-answer
            raise imap.abort("the connection closed in the middle of an answer")
        return data

    imap.read = capped  # type: ignore[method-assign]  # on this one connection object


def ssl_context(config: ImapConfig) -> ssl.SSLContext:
    """A verifying context (hostname and chain, system CAs or ``ca_file``)."""
    try:
        return ssl.create_default_context(cafile=config.ca_file)
    except (OSError, ssl.SSLError):
        raise UsageError(f"The CA file {config.ca_file} is not a PEM certificate.") from None


def is_throttled(text: str) -> bool:
    """The server asks us to slow down or has too many of our connections (RFC 5530
    ``[UNAVAILABLE]``, Exchange's ``[THROTTLED]``, Gmail's "Too many simultaneous connections";
    ``[OVERQUOTA]`` too: providers use it for a command budget spent, not only for storage)."""
    lowered = text.lower()
    return any(
        word in lowered
        for word in (
            "[throttled]",
            "[overquota]",
            "too many",
            "[unavailable]",
            "server unavailable",
        )
    )


@dataclass(frozen=True, slots=True)
class Credentials:
    """The resolved secret and how to present it (LOGIN, or XOAUTH2 for a token)."""

    secret: Secret
    oauth2: bool = False


def resolve_credentials(
    config: ImapConfig,
    *,
    prompt: Prompt | None = None,
    environ: Mapping[str, str] | None = None,
    keyring_get: KeyringGet | None = keyring_lookup,
) -> Credentials:
    """Fetch the password (or OAuth2 token) once; a reconnect reuses it without asking again."""
    if config.oauth2_token_command:
        secret = resolve_token(config.oauth2_token_command, timeout=config.timeout)
        oauth2 = True
    else:
        secret = resolve_password(
            host=config.host,
            user=config.user,
            password=config.password,
            password_command=config.password_command,
            password_env=config.password_env,
            use_keyring=config.use_keyring,
            environ=environ,
            prompt=prompt,
            timeout=config.timeout,
            keyring_get=keyring_get,
        )
        oauth2 = False
    if has_line_break(secret.reveal()):
        # LOGIN sends it as a quoted string, which cannot hold these (RFC 3501 §4.3).
        raise UsageError("The password or token contains a line break or NUL character.")
    return Credentials(secret, oauth2)


def connect(
    config: ImapConfig,
    credentials: Credentials,
    *,
    client_factory: ClientFactory = default_client_factory,
    retries: int = 3,
    sleep: Callable[[float], None] = time.sleep,
) -> ImapClient:
    """Connect, secure and log in; the returned client is in the authenticated state.

    Connections refused with "too many connections"/``[THROTTLED]`` are retried ``retries``
    times with exponential backoff (1 s, 2 s, 4 s...).
    """
    attempt = 0
    while True:
        try:
            return _connect_once(config, client_factory, credentials)
        except _Throttled as exc:
            if attempt >= retries:
                raise ConnectionFailed(str(exc)) from None
            delay = 2.0**attempt
            log.info("%s; retrying in %g s", exc, delay)
            sleep(delay)
            attempt += 1


class _Throttled(Exception):
    """Internal: the server turned us away for now."""


def _connect_once(
    config: ImapConfig, client_factory: ClientFactory, credentials: Credentials
) -> ImapClient:
    context = ssl_context(config) if config.encryption is not Encryption.NONE else None
    client = _open(config, client_factory, context)
    try:
        if config.encryption is Encryption.STARTTLS:
            _starttls(config, client, context)
        _login(config, client, credentials)
    except BaseException:
        _close_quietly(client)
        raise
    return client


def _where(config: ImapConfig) -> str:
    return f"{config.host}:{config.port}"


def _open(
    config: ImapConfig, client_factory: ClientFactory, context: ssl.SSLContext | None
) -> ImapClient:
    import imaplib

    where = _where(config)
    problem: str | None = None
    throttled = False
    try:
        return client_factory(
            config.host,
            port=config.port,
            ssl=config.encryption is Encryption.TLS,
            ssl_context=context,
            timeout=config.timeout,
        )
    except socket.gaierror:
        problem = f"The IMAP host {config.host} could not be found (DNS lookup failed)."
    except ConnectionRefusedError:
        problem = f"{where} refused the connection: is an IMAP server listening there?"
    except ssl.SSLCertVerificationError as exc:
        problem = _cert_problem(config, exc)
    except ssl.SSLError as exc:
        problem = (
            f"The TLS handshake with {where} failed ({_ssl_reason(exc)}): check the "
            "port and the encryption setting (tls on 993, starttls on 143)."
        )
    except TimeoutError:
        problem = f"{where} did not answer within {config.timeout:g} s."
    except imaplib.IMAP4.error as exc:
        text = str(exc)
        throttled = is_throttled(text)
        problem = f"{where} turned the connection away: {_clip(text)}."
    except OSError as exc:
        problem = f"Could not connect to {where} ({exc.strerror or type(exc).__name__})."
    if throttled:
        raise _Throttled(problem)
    raise ConnectionFailed(problem)


def _starttls(config: ImapConfig, client: ImapClient, context: ssl.SSLContext | None) -> None:
    """Upgrade or fail; never go on in plain text (RFC 3501 §6.2.1, RFC 8314 §3.3)."""
    import imaplib

    where = _where(config)
    problem: str | None = None
    try:
        offered = client.has_capability("STARTTLS")
    except (imaplib.IMAP4.error, OSError):
        offered = False
    if not offered:
        raise ConnectionFailed(
            f"{where} does not offer STARTTLS, so the login would travel unencrypted: "
            "refusing; use encryption tls (port 993) if the server has it."
        )
    try:
        client.starttls(context)
    except ssl.SSLCertVerificationError as exc:
        problem = _cert_problem(config, exc)
    except ssl.SSLError as exc:
        problem = f"The STARTTLS handshake with {where} failed ({_ssl_reason(exc)})."
    except TimeoutError:
        problem = f"{where} did not answer STARTTLS within {config.timeout:g} s."
    except (imaplib.IMAP4.error, OSError) as exc:
        problem = f"{where} refused STARTTLS ({_clip(str(exc))}); refusing to continue unencrypted."
    if problem is not None:
        raise ConnectionFailed(problem)


def _login(config: ImapConfig, client: ImapClient, credentials: Credentials) -> None:
    import imaplib

    secret = credentials.secret
    what = "OAuth2 token" if credentials.oauth2 else "password"
    where = _where(config)
    problem: str | None = None
    kind: type[Exception] = LoginFailed
    try:
        if credentials.oauth2 and client.has_capability("AUTH=OAUTHBEARER"):
            # RFC 7628, the standard; XOAUTH2 is the older Google/Microsoft spelling of it.
            client.oauthbearer_login(config.user, secret.reveal())
        elif credentials.oauth2:
            client.oauth2_login(config.user, secret.reveal())
        elif _needs_utf8(config.user, secret) and client.has_capability("AUTH=PLAIN"):
            # LOGIN's quoted strings are ASCII only; SASL PLAIN carries UTF-8 (RFC 4616).
            client.plain_login(config.user, secret.reveal())
        else:
            client.login(config.user, secret.reveal())
    except TimeoutError:
        problem, kind = (
            f"{where} did not answer the login within {config.timeout:g} s.",
            ConnectionFailed,
        )
    except imaplib.IMAP4.abort as exc:
        # Build the sentence here, raise it below: our exception must not chain this one.
        said = _clip(secret.redact(_server_text(exc)))
        kind = _Throttled if is_throttled(said) else ConnectionFailed
        problem = f"{where} closed the connection during the login ({said})."
    except imaplib.IMAP4.error as exc:
        said = _clip(secret.redact(_server_text(exc)))
        throttled = is_throttled(said)
        kind = _Throttled if throttled else LoginFailed
        problem = (
            f"{config.host} rejected the {what} for {config.user}"
            + (f" ({said})" if said else "")
            + "."
            + (f" {config.hint}" if config.hint and not throttled else "")
        )
    except UnicodeError:
        problem = (
            f"The user name or password for {config.host} has non-ASCII characters, which the "
            "server's LOGIN cannot carry (it offers no AUTH=PLAIN)."
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem, kind = (
            f"{where} dropped the connection during the login ({reason}).",
            ConnectionFailed,
        )
    if problem is not None:
        raise kind(problem)
    log.debug("logged in to %s as %s", config.host, config.user)


def _needs_utf8(user: str, secret: Secret) -> bool:
    return not (user.isascii() and secret.reveal().isascii())


def _cert_problem(config: ImapConfig, exc: ssl.SSLError) -> str:
    reason = getattr(exc, "verify_message", None) or "verification failed"
    return (
        f"The TLS certificate of {config.host} could not be verified ({reason}); if the server "
        "uses a private or self-signed CA, pass its certificate with --ca-file."
    )


def _ssl_reason(exc: ssl.SSLError) -> str:
    return str(getattr(exc, "reason", None) or "SSL error")


def _server_text(exc: BaseException) -> str:
    """The server's words inside an imaplib/imapclient error, without Python's wrapping."""
    text = str(exc)
    for prefix in ("login failed: ", "authenticate failed: ", "command: LOGIN => "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.startswith(("b'", 'b"')) and text.endswith(text[1]):
        text = text[2:-1]
    return text


def _clip(text: str, limit: int = 160) -> str:
    """Server text made safe to print: printable, one line, bounded."""
    clean = "".join(c if c.isprintable() else " " for c in text).strip()
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _close_quietly(client: ImapClient) -> None:
    try:
        client.logout()
    except Exception as exc:  # already broken: close the socket ourselves
        log.debug("logout failed: %s", type(exc).__name__)
        # imaplib closes the socket only after a LOGOUT that succeeded; a broken connection
        # would otherwise keep its socket open until garbage collection.
        try:
            client.shutdown()
        except Exception as again:
            log.debug("shutdown failed: %s", type(again).__name__)


def close(client: ImapClient) -> None:
    """Log out, ignoring a connection that is already gone."""
    _close_quietly(client)
