"""What it takes to reach one IMAP mailbox: host, port, encryption, credentials' whereabouts.

Settings come from the command line, from ``[accounts.NAME]`` in
``~/.config/inspector/config.toml`` (same keys), and from a provider preset chosen by the
domain of the user's address. The config holds where the secret is, never the secret itself
(except a ``password`` from a private config file, kept in a :class:`Secret`).
"""

from __future__ import annotations

import ipaddress
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from inspector.errors import UsageError
from inspector.sources.presets import preset_for_address, preset_for_host
from inspector.sources.secrets import Secret, has_line_break

DEFAULT_TIMEOUT = 30.0


class Encryption(StrEnum):
    TLS = "tls"  # implicit TLS from the first byte (RFC 8314), port 993
    STARTTLS = "starttls"  # plain connection upgraded with STARTTLS (RFC 3501 §6.2.1), port 143
    NONE = "none"  # no encryption at all: only allowed to a loopback address


DEFAULT_PORTS = {Encryption.TLS: 993, Encryption.STARTTLS: 143, Encryption.NONE: 143}

#: keys accepted in ``[accounts.NAME]``
ACCOUNT_KEYS = frozenset(
    {
        "host", "user", "port", "encryption", "ca_file", "timeout", "password",
        "password_command", "password_env", "oauth2_token_command", "keyring", "folders",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ImapConfig:
    """A validated connection config; build it with :func:`make_config`."""

    host: str
    user: str
    port: int
    encryption: Encryption = Encryption.TLS
    ca_file: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    password: Secret | None = None  # only from a private config file or a test
    password_command: str | None = None
    password_env: str | None = None
    oauth2_token_command: str | None = None
    use_keyring: bool = True
    hint: str | None = None  # what the provider needs beyond a password (presets)

    @property
    def url(self) -> str:
        """``imap://user@host`` (RFC 5092 style), the prefix of every item's ``source``."""
        port = "" if self.port == DEFAULT_PORTS[self.encryption] else f":{self.port}"
        return f"imap://{self.user}@{self.host}{port}"


def is_loopback(host: str) -> bool:
    """``host`` is a loopback IP literal or ``localhost`` (no DNS: a name could lie)."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True  # RFC 6761 §6.3: localhost names resolve to loopback
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def make_config(
    *,
    user: str,
    host: str | None = None,
    port: int | None = None,
    encryption: str | Encryption | None = None,
    ca_file: str | None = None,
    timeout: float | None = None,
    password: Secret | None = None,
    password_command: str | None = None,
    password_env: str | None = None,
    oauth2_token_command: str | None = None,
    use_keyring: bool = True,
) -> ImapConfig:
    """Validate settings and fill the gaps from the provider preset of ``user``'s domain.

    Raises :class:`UsageError` with one sentence for anything that cannot work: no host and no
    preset, an unknown encryption, a bad port, ``none`` towards a non-loopback host, a line
    break in a value that goes on the wire, a missing CA file.
    """
    user = user.strip()
    if not user:
        raise UsageError("An IMAP user name is required.")
    if has_line_break(user):
        raise UsageError("The IMAP user name contains a line break or NUL character.")
    preset = preset_for_address(user)
    if host is None or not host.strip():
        if preset is None:
            raise UsageError(
                f"No IMAP host given and none is known for {user!r}: pass --host "
                "(or set host in the account config)."
            )
        host = preset.host
        port = preset.port if port is None else port
        encryption = encryption or preset.encryption
    host = host.strip()
    if has_line_break(host) or any(c.isspace() for c in host):
        raise UsageError(f"The IMAP host {host!r} is not a host name.")
    if preset is None or preset.host != host:
        preset = preset_for_host(host) or preset
    try:
        enc = Encryption(str(encryption or Encryption.TLS).lower())
    except ValueError:
        raise UsageError(f"Unknown encryption {encryption!r}: use tls, starttls or none.") from None
    if enc is Encryption.NONE and not is_loopback(host):
        raise UsageError(
            f"Refusing an unencrypted IMAP connection to {host}: encryption none is only "
            "allowed to a loopback address (127.0.0.1, ::1, localhost); use tls or starttls."
        )
    port = DEFAULT_PORTS[enc] if port is None else port
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise UsageError(f"The IMAP port {port!r} is not a port number (1-65535).")
    if ca_file is not None:
        if not Path(ca_file).expanduser().is_file():
            raise UsageError(f"The CA file {ca_file} does not exist.")
        ca_file = str(Path(ca_file).expanduser())
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise UsageError(f"The timeout {timeout!r} must be a positive number of seconds.")
    if password is not None and has_line_break(password.reveal()):
        raise UsageError("The password contains a line break or NUL character.")
    return ImapConfig(
        host=host,
        user=user,
        port=port,
        encryption=enc,
        ca_file=ca_file,
        timeout=float(timeout),
        password=password,
        password_command=password_command or None,
        password_env=password_env or None,
        oauth2_token_command=oauth2_token_command or None,
        use_keyring=use_keyring,
        hint=preset.hint if preset else None,
    )


def default_config_path() -> Path:
    """``$XDG_CONFIG_HOME/inspector/config.toml``, else ``~/.config/inspector/config.toml``."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "inspector" / "config.toml"


def load_account(name: str, path: str | os.PathLike[str] | None = None) -> dict[str, object]:
    """The ``[accounts.NAME]`` table of the config file, checked for unknown keys and types.

    Refuses (:class:`UsageError`, with the fix) a file that holds a ``password`` while being
    readable by group or others. A ``password`` value is returned wrapped in a :class:`Secret`.
    """
    import tomllib

    file = Path(path) if path is not None else default_config_path()
    try:
        raw = file.read_bytes()
        mode = file.stat().st_mode
    except FileNotFoundError:
        raise UsageError(f"The config file {file} does not exist.") from None
    except OSError as exc:
        raise UsageError(f"The config file {file} cannot be read ({exc.strerror}).") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"The config file {file} is not valid TOML ({exc}).") from None
    accounts = data.get("accounts")
    if not isinstance(accounts, dict) or not isinstance(accounts.get(name), dict):
        known = sorted(accounts) if isinstance(accounts, dict) else []
        listing = ", ".join(known) if known else "none"
        raise UsageError(f"No [accounts.{name}] in {file} (accounts there: {listing}).")
    if _holds_password(accounts) and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UsageError(
            f"{file} contains a password but is readable by other users: run "
            f"`chmod 600 {file}`, or better replace password by password_command or "
            "password_env."
        )
    account: dict[str, object] = dict(accounts[name])
    unknown = sorted(set(account) - ACCOUNT_KEYS)
    if unknown:
        raise UsageError(
            f"Unknown key(s) in [accounts.{name}] of {file}: {', '.join(unknown)} "
            f"(known: {', '.join(sorted(ACCOUNT_KEYS))})."
        )
    _check_types(account, name)
    if "password" in account:
        account["password"] = Secret(str(account["password"]))
    return account


def config_from_account(account: Mapping[str, object], **overrides: object) -> ImapConfig:
    """An :class:`ImapConfig` from a :func:`load_account` table; ``overrides`` (non-None values,
    e.g. from the command line) win over the file."""
    merged = {k: v for k, v in account.items() if k != "folders"}
    merged.update({k: v for k, v in overrides.items() if v is not None})
    if "keyring" in merged:
        merged["use_keyring"] = merged.pop("keyring")
    if "user" not in merged:
        raise UsageError("The account config has no user.")
    return make_config(**merged)  # type: ignore[arg-type]


def _holds_password(accounts: Mapping[str, object]) -> bool:
    return any(isinstance(a, dict) and "password" in a for a in accounts.values())


_TYPES: dict[str, type | tuple[type, ...]] = {
    "host": str,
    "user": str,
    "port": int,
    "encryption": str,
    "ca_file": str,
    "timeout": (int, float),
    "password": str,
    "password_command": str,
    "password_env": str,
    "oauth2_token_command": str,
    "keyring": bool,
    "folders": list,
}


def _check_types(account: Mapping[str, object], name: str) -> None:
    for key, value in account.items():
        wanted = _TYPES[key]
        bad_bool = isinstance(value, bool) and wanted is not bool
        if bad_bool or not isinstance(value, wanted):
            # Never echo the value: it may be the password.
            raise UsageError(f"[accounts.{name}] {key} has the wrong type.")
    folders = account.get("folders")
    if isinstance(folders, list) and not all(isinstance(f, str) for f in folders):
        raise UsageError(f"[accounts.{name}] folders must be a list of folder names.")
