"""IMAP settings: validation, presets, the account config file."""

from __future__ import annotations

import os

import pytest

from inspector.errors import UsageError
from inspector.sources.imap_config import (
    Encryption,
    config_from_account,
    is_loopback,
    load_account,
    make_config,
)
from inspector.sources.secrets import Secret


def test_preset_fills_host_and_hint() -> None:
    cfg = make_config(user="alice@gmail.com")
    assert (cfg.host, cfg.port, cfg.encryption) == ("imap.gmail.com", 993, Encryption.TLS)
    assert cfg.hint is not None
    assert "app password" in cfg.hint
    assert cfg.url == "imap://alice@gmail.com@imap.gmail.com"


def test_explicit_settings_win_and_host_hint_applies() -> None:
    cfg = make_config(user="me", host="imap.gmail.com", port=1993, encryption="TLS", timeout=3)
    assert (cfg.port, cfg.timeout) == (1993, 3.0)
    assert cfg.hint is not None
    assert cfg.url == "imap://me@imap.gmail.com:1993"


@pytest.mark.parametrize(
    ("encryption", "port"),
    [("tls", 993), ("starttls", 143), ("none", 143)],
    ids=["tls", "starttls", "none"],
)
def test_default_ports(encryption: str, port: int) -> None:
    assert make_config(user="u", host="127.0.0.1", encryption=encryption).port == port


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True),
        ("localhost", True), ("LOCALHOST.", True), ("imap.localhost", True),
        ("10.0.0.1", False), ("imap.example.com", False), ("127.0.0.1.example.com", False),
        ("localhost.example.com", False),
    ],
    ids=str,
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"user": "u", "host": "imap.example.com", "encryption": "none"}, "only allowed to a"),
        ({"user": "u@example.com"}, "No IMAP host given"),
        ({"user": ""}, "user name is required"),
        ({"user": "u\r\nA LOGOUT", "host": "h"}, "line break"),
        ({"user": "u", "host": "h\nx"}, "not a host name"),
        ({"user": "u", "host": "h", "encryption": "ssl3"}, "Unknown encryption"),
        ({"user": "u", "host": "h", "port": 0}, "not a port number"),
        ({"user": "u", "host": "h", "port": 70000}, "not a port number"),
        ({"user": "u", "host": "h", "timeout": 0}, "positive number"),
        ({"user": "u", "host": "h", "ca_file": "/nonexistent/ca.pem"}, "does not exist"),
        ({"user": "u", "host": "h", "password": Secret("a\nb")}, "line break"),
    ],
    ids=[
        "none-remote", "no-host", "no-user", "crlf-user", "bad-host", "bad-encryption",
        "port-0", "port-big", "timeout-0", "missing-ca", "crlf-password",
    ],
)  # fmt: skip
def test_refusals(options: dict[str, object], fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment):
        make_config(**options)  # type: ignore[arg-type]


CONFIG = """
[accounts.work]
host = "imap.example.com"
user = "alice"
encryption = "starttls"
password_command = "pass show mail/work"
folders = ["INBOX", "Spam"]
timeout = 10

[accounts.home]
user = "bob@gmail.com"
{extra}
"""


def write(tmp_path, extra: str = "", mode: int = 0o600):
    path = tmp_path / "config.toml"
    path.write_text(CONFIG.format(extra=extra))
    os.chmod(path, mode)
    return path


def test_load_account_and_build_config(tmp_path) -> None:
    account = load_account("work", write(tmp_path, mode=0o644))
    assert account["folders"] == ["INBOX", "Spam"]
    cfg = config_from_account(account, timeout=None, port=1143)
    assert (cfg.host, cfg.user, cfg.port, cfg.encryption) == (
        "imap.example.com", "alice", 1143, Encryption.STARTTLS,
    )  # fmt: skip
    assert cfg.password_command == "pass show mail/work"
    assert cfg.timeout == 10.0
    home = config_from_account(load_account("home", write(tmp_path)))
    assert home.host == "imap.gmail.com"


def test_password_in_a_readable_file_is_refused(tmp_path) -> None:
    path = write(tmp_path, extra='password = "Canary-in-config"', mode=0o640)
    with pytest.raises(UsageError, match="chmod 600") as caught:
        load_account("work", path)
    assert "Canary-in-config" not in str(caught.value)
    os.chmod(path, 0o600)
    account = load_account("home", path)
    assert isinstance(account["password"], Secret)
    assert "Canary-in-config" not in repr(account)
    assert config_from_account(account).password is account["password"]


@pytest.mark.parametrize(
    ("extra", "name", "fragment"),
    [
        ("", "nope", r"No \[accounts.nope\].*home, work"),
        ("hostname = 'x'", "home", "Unknown key"),
        ("port = '993'", "home", "port has the wrong type"),
        ("keyring = 1", "home", "keyring has the wrong type"),
        ("folders = [1]", "home", "list of folder names"),
        ("password = 12345", "home", "password has the wrong type"),
        ("user = ", "home", "not valid TOML"),
    ],
    ids=["missing", "unknown-key", "port-type", "bool-type", "folders-type", "pw-type", "toml"],
)
def test_bad_account_config(tmp_path, extra: str, name: str, fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment) as caught:
        load_account(name, write(tmp_path, extra=extra))
    assert "12345" not in str(caught.value)


def test_missing_config_file(tmp_path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        load_account("x", tmp_path / "absent.toml")


def test_default_path_follows_xdg(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "inspector").mkdir()
    (tmp_path / "inspector" / "config.toml").write_text('[accounts.a]\nuser = "u@gmail.com"\n')
    assert load_account("a")["user"] == "u@gmail.com"
