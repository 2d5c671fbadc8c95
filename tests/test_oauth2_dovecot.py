"""OAuth2 logins against a real Dovecot: its oauth2 passdb asks the test kit's introspection
endpoint on loopback about each token. OAUTHBEARER (RFC 7628) when offered, else XOAUTH2;
for ``scan`` and ``watch`` alike."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import imapclient
import pytest

from inspector.errors import LoginFailed
from inspector.model import RawMail
from inspector.sources.imap import make_config, scan_mailbox
from inspector.sources.imap_connect import default_client_factory
from testkit.dovecot import Dovecot
from testkit.mail import make_message
from testkit.net import HOST
from testkit.oauth2 import Introspection
from testkit.watch import WatchProcess
from tests.conftest import ROOT
from tests.schemas import cli_json


@pytest.fixture
def oauth_server(
    dovecot_factory: Callable[..., Dovecot],
) -> Iterator[tuple[Dovecot, Introspection]]:
    endpoint = Introspection()
    server = dovecot_factory(oauth2=endpoint.dovecot_conf())
    server.start()
    yield server, endpoint
    endpoint.close()


def token_command(tmp_path: Path, token: str) -> tuple[str, Path]:
    """A token command that notes each run (the token must be fetched once)."""
    counter = tmp_path / "runs"
    script = tmp_path / "token.sh"
    script.write_text(f"#!/bin/sh\necho run >> {counter}\necho '{token}'\n")
    script.chmod(0o755)
    return str(script), counter


def code_mail(code: str) -> bytes:
    return make_message(
        "Your TikTok verification code",
        body=f"Your TikTok verification code is {code}. It expires in 5 minutes.",
        sent=datetime.now(UTC),
    )


def test_scan_logs_in_with_oauthbearer(
    oauth_server: tuple[Dovecot, Introspection], tmp_path: Path
) -> None:
    server, endpoint = oauth_server
    user = server.new_user("oauth-scan")
    server.append(user, "INBOX", [code_mail("424242")])
    command, counter = token_command(tmp_path, endpoint.issue(user))
    proc = subprocess.run(
        [
            sys.executable, "-m", "inspector", "scan", "--host", HOST, "--port",
            str(server.port), "--encryption", "none", "--user", user,
            "--oauth2-token-command", command, "--offline", "--format", "json",
        ],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    report = cli_json(proc.stdout, "scan")
    assert [m["code"] for m in report["messages"]] == ["424242"]
    assert f"user=<{user}>, method=OAUTHBEARER" in server.log
    assert counter.read_text().count("run") == 1


def test_watch_logs_in_every_connection_with_one_token(
    oauth_server: tuple[Dovecot, Introspection], tmp_path: Path
) -> None:
    server, endpoint = oauth_server
    user = server.new_user("oauth-watch")
    command, counter = token_command(tmp_path, endpoint.issue(user))
    process = WatchProcess(
        [
            "--host", HOST, "--port", str(server.port), "--encryption", "none", "--user", user,
            "--oauth2-token-command", command, "--offline", "--wait", "30",
        ]
    )  # fmt: skip
    try:
        started = process.until("started").event
        assert len(started["folders"]) == 4  # type: ignore[arg-type]
        server.append(user, "INBOX", [code_mail("515151")])
        assert process.until("message").event["code"] == "515151"
        assert process.wait() == 0
    finally:
        process.stop()
    assert server.log.count(f"user=<{user}>, method=OAUTHBEARER") == 4  # one per folder
    assert counter.read_text().count("run") == 1


class _XOAuth2Only:
    """imapclient as it is, but the server's AUTH=OAUTHBEARER hidden: XOAUTH2 is used."""

    def __init__(self, client: imapclient.IMAPClient) -> None:
        self._client = client

    def has_capability(self, capability: str) -> bool:
        return capability.upper() != "AUTH=OAUTHBEARER" and self._client.has_capability(capability)

    def __getattr__(self, name: str) -> object:
        return getattr(self._client, name)


def test_xoauth2_when_oauthbearer_is_not_offered(
    oauth_server: tuple[Dovecot, Introspection], tmp_path: Path
) -> None:
    server, endpoint = oauth_server
    user = server.new_user("oauth-x")
    server.append(user, "INBOX", [code_mail("626262")])
    command, _ = token_command(tmp_path, endpoint.issue(user))
    config = make_config(
        user=user, host=HOST, port=server.port, encryption="none", oauth2_token_command=command
    )

    def factory(host: str, **kw: object) -> object:
        return _XOAuth2Only(default_client_factory(host, **kw))  # type: ignore[arg-type]

    items = list(scan_mailbox(config, client_factory=factory))  # type: ignore[arg-type]
    assert [b"626262" in i.data for i in items if isinstance(i, RawMail)] == [True]
    assert f"user=<{user}>, method=XOAUTH2" in server.log


def test_a_token_the_endpoint_does_not_know_is_refused(
    oauth_server: tuple[Dovecot, Introspection], tmp_path: Path
) -> None:
    server, _ = oauth_server
    config = make_config(
        user="mallory", host=HOST, port=server.port, encryption="none",
        oauth2_token_command="printf forged-token",
    )  # fmt: skip
    with pytest.raises(LoginFailed, match="rejected the OAuth2 token"):
        scan_mailbox(config)
