"""Secrets: where they come from, and that they never show."""

from __future__ import annotations

import pickle
import sys

import pytest

from inspector.errors import UsageError
from inspector.sources.secrets import (
    Secret,
    has_line_break,
    resolve_password,
    resolve_token,
    run_secret_command,
)

CANARY = "Canary-Secret-81d2"
PY = sys.executable


def test_secret_hides_itself() -> None:
    secret = Secret(CANARY)
    assert secret.reveal() == CANARY
    for shown in (repr(secret), str(secret), f"{secret}", repr([secret]), repr({"pw": secret})):
        assert CANARY not in shown
    assert secret.redact(f"server said {CANARY}!") == "server said ***!"
    with pytest.raises(TypeError):
        pickle.dumps(secret)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("plain", False), ("a\rb", True), ("a\nb", True), ("a\0b", True), ("ünïcode", False)],
    ids=["plain", "cr", "lf", "nul", "unicode"],
)
def test_has_line_break(value: str, expected: bool) -> None:
    assert has_line_break(value) is expected


def test_command_first_line_without_a_shell(tmp_path) -> None:
    marker = tmp_path / "touched"
    # a shell would run the second command; shlex.split passes it to printf as text
    secret = run_secret_command(f"printf '{CANARY}\\nsecond' ; touch {marker}", what="cmd")
    assert secret.reveal() == CANARY
    assert not marker.exists()


@pytest.mark.parametrize(
    ("command", "fragment"),
    [
        ("/nonexistent/bin/pw", "was not found"),
        (f"{PY} -c 'import sys; print(\"{CANARY}\"); sys.exit(3)'", "exit status 3"),
        (f"{PY} -c 'pass'", "printed nothing"),
        ("'unbalanced", "not a valid command line"),
        ("", "is empty"),
    ],
    ids=["missing", "failing", "silent", "bad-quotes", "empty"],
)
def test_command_failures_are_usage_errors_without_output(command: str, fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment) as caught:
        run_secret_command(command, what="password_command")
    assert CANARY not in str(caught.value)


def test_command_timeout() -> None:
    with pytest.raises(UsageError, match=r"did not finish within 0\.5 s") as caught:
        run_secret_command(
            f"{PY} -c 'import time; print(\"{CANARY}\", flush=True); time.sleep(5)'",
            what="password_command",
            timeout=0.5,
        )
    assert caught.value.__context__ is None
    assert CANARY not in str(caught.value)


def resolve(**options: object) -> Secret:
    base: dict[str, object] = {"host": "imap.example.com", "user": "alice", "keyring_get": None}
    base.update(options)
    return resolve_password(**base)  # type: ignore[arg-type]


def test_order_explicit_command_env_keyring_prompt() -> None:
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text)
        return "typed"

    def keyring(service: str, user: str) -> str | None:
        assert (service, user) == ("inspector:imap.example.com", "alice")
        return "from-keyring"

    env = {"PW": "from-env"}
    assert resolve(password=Secret("explicit"), password_env="PW", environ=env).reveal() == (
        "explicit"
    )
    assert resolve(password_command="printf cmd", password_env="PW", environ=env).reveal() == "cmd"
    assert resolve(password_env="PW", environ=env, keyring_get=keyring).reveal() == "from-env"
    assert resolve(keyring_get=keyring, prompt=prompt).reveal() == "from-keyring"
    assert resolve(keyring_get=keyring, use_keyring=False, prompt=prompt).reveal() == "typed"
    assert asked == ["IMAP password for alice on imap.example.com: "]


def test_missing_password_says_how_to_give_one() -> None:
    with pytest.raises(UsageError, match="password_command or password_env"):
        resolve()
    with pytest.raises(UsageError, match="names NOPE, which is not set"):
        resolve(password_env="NOPE", environ={})


def test_token_command() -> None:
    assert resolve_token("printf tok").reveal() == "tok"
    with pytest.raises(UsageError, match="oauth2_token_command"):
        resolve_token("/nonexistent/token-helper")
