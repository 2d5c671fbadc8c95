"""The scan logic with an injected client: Gmail tabs and All Mail, throttling, UIDVALIDITY,
hostile server answers and arguments that must never reach the wire.

These behaviours need a server Dovecot cannot imitate (Gmail's X-GM-EXT-1, a throttling
Exchange), so an in-memory client that speaks imapclient's Python API stands in.
"""

from __future__ import annotations

import imaplib
import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from inspector import sources
from inspector.errors import ConnectionFailed, UsageError
from inspector.model import FolderRole, RawMail, ReadProblem
from inspector.sources.imap import make_config, scan_mailbox
from inspector.sources.secrets import Secret

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def headers(subject: str, msgid: str) -> bytes:
    return f"From: x@service.example\r\nSubject: {subject}\r\nMessage-ID: {msgid}\r\n\r\n".encode()


@dataclass
class Msg:
    subject: str
    msgid: str
    gm: int | None = None
    category: str | None = None
    when: datetime = NOW - timedelta(minutes=5)

    @property
    def raw(self) -> bytes:
        return headers(self.subject, self.msgid) + b"body\r\n"


@dataclass
class FakeServer:
    folders: list[tuple[tuple[bytes, ...], str, dict[int, Msg]]]
    caps: tuple[bytes, ...] = (b"IMAP4REV1",)
    uidvalidity: int = 7
    failures: dict[str, list[BaseException]] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    logins: int = 0

    def fail(self, method: str, *errors: BaseException) -> None:
        self.failures.setdefault(method, []).extend(errors)

    def factory(self, host: str, **kwargs: Any) -> FakeClient:
        if self.failures.get("connect"):
            raise self.failures["connect"].pop(0)
        return FakeClient(self)


class FakeClient:
    def __init__(self, server: FakeServer) -> None:
        self.server = server
        self.selected: dict[int, Msg] = {}

    def _step(self, name: str) -> None:
        self.server.calls.append(name)
        queue = self.server.failures.get(name)
        if queue:
            raise queue.pop(0)

    def capabilities(self) -> tuple[bytes, ...]:
        return self.server.caps

    def has_capability(self, capability: str) -> bool:
        return capability.encode().upper() in self.server.caps

    def starttls(self, ssl_context: object = None) -> None:
        self._step("starttls")

    def login(self, username: str, password: str) -> None:
        self._step("login")
        self.server.logins += 1

    def oauth2_login(self, user: str, access_token: str) -> None:
        self._step("oauth2_login")
        self.server.logins += 1

    def list_folders(self) -> list[tuple[tuple[bytes, ...], bytes, str]]:
        self._step("list")
        return [(flags, b"/", name) for flags, name, _ in self.server.folders]

    def select_folder(self, folder: str, readonly: bool = False) -> dict[bytes, Any]:
        assert readonly, "the scan must only EXAMINE"
        self._step("examine")
        self.selected = next(m for _, name, m in self.server.folders if name == folder)
        return {b"UIDVALIDITY": self.server.uidvalidity, b"EXISTS": len(self.selected)}

    def search(self, criteria: list[Any]) -> list[int]:
        self._step("search")
        if "X-GM-RAW" in criteria:
            tab = criteria[criteria.index("X-GM-RAW") + 1].removeprefix("category:")
            return [uid for uid, m in self.selected.items() if m.category == tab]
        return list(self.selected)

    def fetch(self, messages: list[int], data: list[str]) -> dict[int, dict[bytes, Any]]:
        self._step("fetch")
        out: dict[int, dict[bytes, Any]] = {}
        for uid in messages:
            m = self.selected[uid]
            if any(d.startswith("BODY.PEEK[]") for d in data):
                out[uid] = {b"BODY[]<0>": m.raw}
            else:
                out[uid] = {
                    b"INTERNALDATE": m.when,
                    b"RFC822.SIZE": len(m.raw),
                    b"BODY[HEADER.FIELDS (FROM SUBJECT MESSAGE-ID)]": headers(m.subject, m.msgid),
                }
                if m.gm is not None:
                    out[uid][b"X-GM-MSGID"] = m.gm
        return out

    def get_quota_root(self, mailbox: str) -> tuple[Any, list[Any]]:
        self._step("quota")
        return None, []

    def logout(self) -> None:
        self.server.calls.append("logout")

    def shutdown(self) -> None:
        self.server.calls.append("shutdown")


def config(**extra: Any):
    return make_config(
        user="alice@example.com", host="imap.example.com", password=Secret("pw"), **extra
    )


def scan(server: FakeServer, **options: Any):
    sleeps: list[float] = []
    result = scan_mailbox(
        config(),
        client_factory=server.factory,
        now=lambda: NOW,
        sleep=sleeps.append,
        keyring_get=None,
        **options,
    )
    return result, list(result), sleeps


def gmail() -> FakeServer:
    code = Msg("Your code 123456", "<a@x>", gm=1001, category="updates")
    promo = Msg("Your login code 654321", "<b@x>", gm=1002, category="promotions")
    spam = Msg("Verify 111111", "<c@x>", gm=1003)
    return FakeServer(
        folders=[
            ((b"\\HasChildren", b"\\Noselect"), "[Gmail]", {}),
            ((b"\\All", b"\\HasNoChildren"), "[Gmail]/All Mail", {1: code, 2: promo}),
            ((b"\\HasNoChildren",), "INBOX", {10: code}),
            ((b"\\Junk",), "[Gmail]/Spam", {5: spam}),
            ((b"\\Sent",), "[Gmail]/Sent Mail", {3: Msg("code 999999", "<d@x>", gm=1004)}),
            ((b"\\Important",), "[Gmail]/Important", {10: code}),
        ],
        caps=(b"IMAP4REV1", b"X-GM-EXT-1"),
    )


def test_gmail_categories_and_all_mail_dedup() -> None:
    result, items, _ = scan(gmail())
    found = [
        (m.folder, m.folder_role, m.category, m.source) for m in items if isinstance(m, RawMail)
    ]
    assert found == [
        (
            "INBOX",
            FolderRole.INBOX,
            "updates",
            "imap://alice@example.com@imap.example.com/INBOX;UID=10",
        ),
        (
            "[Gmail]/Spam",
            FolderRole.JUNK,
            None,
            "imap://alice@example.com@imap.example.com/[Gmail]/Spam;UID=5",
        ),
        (
            "[Gmail]/All Mail",
            FolderRole.ARCHIVE,
            "promotions",
            "imap://alice@example.com@imap.example.com/[Gmail]/All Mail;UID=2",
        ),
    ]
    assert result.folders_scanned == ["INBOX", "[Gmail]/Spam", "[Gmail]/All Mail"]
    assert result.gmail


@pytest.mark.parametrize("code", ["THROTTLED", "OVERQUOTA"])
def test_throttled_command_is_retried_with_backoff(code: str) -> None:
    server = gmail()
    server.fail("fetch", imaplib.IMAP4.error(f"fetch failed: [{code}] Request is throttled"))
    server.fail("fetch", imaplib.IMAP4.error(f"fetch failed: [{code}] Request is throttled"))
    result, items, sleeps = scan(server)
    assert sleeps == [1.0, 2.0]
    assert len([i for i in items if isinstance(i, RawMail)]) == 3
    assert not result.incomplete


def test_throttling_that_does_not_stop_gives_up() -> None:
    server = gmail()
    server.fail("fetch", *[imaplib.IMAP4.error("[THROTTLED] no") for _ in range(4)])
    result, items, sleeps = scan(server)
    assert sleeps == [1.0, 2.0, 4.0]
    problem = next(i for i in items if isinstance(i, ReadProblem))
    assert "INBOX" in problem.message
    assert "THROTTLED" in problem.message
    assert result.incomplete
    # a refused command loses that folder only; the others are still read
    assert {m.folder for m in items if isinstance(m, RawMail)} == {
        "[Gmail]/Spam",
        "[Gmail]/All Mail",
    }


def test_too_many_connections_at_connect_is_retried() -> None:
    server = gmail()
    server.fail("connect", imaplib.IMAP4.error("* BYE Too many simultaneous connections"))
    server.fail("login", imaplib.IMAP4.error("login failed: [UNAVAILABLE] Too many connections"))
    _, items, sleeps = scan(server)
    assert sleeps == [1.0, 2.0]
    assert len([i for i in items if isinstance(i, RawMail)]) == 3


def test_too_many_connections_forever_is_a_connection_failure() -> None:
    server = gmail()
    server.fail(
        "connect", *[imaplib.IMAP4.abort("Too many simultaneous connections") for _ in range(4)]
    )
    with pytest.raises(ConnectionFailed, match="Too many simultaneous connections"):
        scan(server)


def test_throttled_disconnect_reconnects_and_resumes() -> None:
    server = gmail()
    server.fail("fetch", imaplib.IMAP4.abort("command: FETCH => [UNAVAILABLE] too many commands"))
    result, items, sleeps = scan(server)
    assert sleeps == [1.0]
    assert server.logins == 2
    assert len([i for i in items if isinstance(i, RawMail)]) == 3
    assert not result.incomplete
    assert result.commands["LOGIN"] == 2


def test_uidvalidity_change_after_reconnect_is_a_read_problem() -> None:
    server = gmail()
    server.fail("fetch", imaplib.IMAP4.abort("[UNAVAILABLE] too many commands"))
    original = FakeClient.select_folder

    def bump(self: FakeClient, folder: str, readonly: bool = False) -> dict[bytes, Any]:
        info = original(self, folder, readonly)
        if self.server.logins > 1:
            info[b"UIDVALIDITY"] = 8
        return info

    server_factory: Callable[..., FakeClient] = server.factory

    def factory(host: str, **kwargs: Any) -> FakeClient:
        client = server_factory(host, **kwargs)
        client.select_folder = bump.__get__(client)  # type: ignore[method-assign]
        return client

    sleeps: list[float] = []
    result = scan_mailbox(config(), client_factory=factory, now=lambda: NOW, sleep=sleeps.append)
    items = list(result)
    problem = next(i for i in items if isinstance(i, ReadProblem))
    assert "UIDVALIDITY" in problem.message
    assert problem.source.endswith("/INBOX")
    assert result.incomplete


def test_folder_names_and_domains_with_line_breaks_never_reach_the_wire() -> None:
    server = gmail()
    with pytest.raises(UsageError, match="line break"):
        scan(server, folders=["INBOX\r\nA1 DELETE INBOX"])
    with pytest.raises(UsageError, match="line break"):
        scan(server, sender_domains=["x.example\r\nA1 EXPUNGE"])
    assert server.calls == []


def test_server_listed_folder_with_line_break_is_skipped() -> None:
    server = FakeServer(
        folders=[
            ((), "INBOX", {1: Msg("code 123456", "<a@x>")}),
            ((b"\\Junk",), "Junk\r\nX STORE 1:* +FLAGS \\Deleted", {1: Msg("code 1", "<b@x>")}),
        ]
    )
    _result, items, _ = scan(server)
    problem = next(i for i in items if isinstance(i, ReadProblem))
    assert "line break" in problem.message
    assert "\r" not in problem.message
    assert [m.folder for m in items if isinstance(m, RawMail)] == ["INBOX"]
    assert server.calls.count("examine") == 1


@pytest.mark.parametrize(
    "response",
    [
        {b"INTERNALDATE": b"garbage", b"RFC822.SIZE": b"x", b"BODY[HEADER.FIELDS (X)]": None},
        {b"INTERNALDATE": None},
        {},
        {b"BODY[HEADER.FIELDS (X)]": 12345, b"RFC822.SIZE": -1},
    ],
    ids=["wrong-types", "none-date", "empty", "int-headers"],
)
def test_hostile_fetch_answers_never_raise(
    response: dict[bytes, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = FakeServer(folders=[((), "INBOX", {1: Msg("code 123456", "<a@x>")})])

    def fetch(
        self: FakeClient, messages: list[int], data: list[str]
    ) -> dict[int, dict[bytes, Any]]:
        return {uid: dict(response) for uid in messages}

    monkeypatch.setattr(FakeClient, "fetch", fetch)
    _result, items, _ = scan(server, all_messages=True)
    assert all(isinstance(i, RawMail | ReadProblem) for i in items)


def test_unparseable_answer_is_a_read_problem_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = FakeServer(folders=[((), "INBOX", {1: Msg("code 123456", "<a@x>")})])

    def fetch(
        self: FakeClient, messages: list[int], data: list[str]
    ) -> dict[int, dict[bytes, Any]]:
        raise ValueError("bad literal")

    monkeypatch.setattr(FakeClient, "fetch", fetch)
    result, items, _ = scan(server)
    assert isinstance(items[-1], ReadProblem)
    assert result.incomplete


def test_oauth2_token_command_logs_in_with_xoauth2(tmp_path) -> None:
    server = gmail()
    cfg = make_config(user="alice@gmail.com", oauth2_token_command="printf 'ya29.token\\nextra'")
    assert cfg.host == "imap.gmail.com"
    result = scan_mailbox(cfg, client_factory=server.factory, now=lambda: NOW, sleep=lambda s: None)
    list(result)
    assert "oauth2_login" in server.calls
    assert "login" not in server.calls


def test_scan_iterates_once_and_closes() -> None:
    server = gmail()
    result, _, _ = scan(server)
    assert server.calls[-1] == "logout"
    with pytest.raises(UsageError):
        list(result)


@pytest.mark.parametrize(
    ("error", "fragment"),
    [
        (
            socket.gaierror(-2, "Name or service not known"),
            "could not be found (DNS lookup failed)",
        ),
        (ConnectionRefusedError(111, "Connection refused"), "refused the connection"),
        (ssl.SSLCertVerificationError(1, "x"), "could not be verified"),
        (ssl.SSLError(1, "wrong version number"), "TLS handshake"),
        (TimeoutError(), "did not answer within 30 s"),
        (OSError(113, "No route to host"), "No route to host"),
        (imaplib.IMAP4.error("* BYE go away"), "turned the connection away"),
    ],
    ids=["dns", "refused", "cert", "tls", "timeout", "oserror", "bye"],
)
def test_connect_errors_are_one_sentence(error: BaseException, fragment: str) -> None:
    server = gmail()
    server.fail("connect", error)
    with pytest.raises(ConnectionFailed) as caught:
        scan(server)
    assert fragment in str(caught.value)
    assert "imap.example.com" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_connection_lost_during_login_is_not_a_bad_password() -> None:
    server = gmail()
    server.fail("login", ConnectionResetError(104, "Connection reset by peer"))
    with pytest.raises(ConnectionFailed, match="dropped the connection during the login"):
        scan(server)


def test_non_ascii_password_uses_sasl_plain() -> None:
    server = gmail()
    server.caps += (b"AUTH=PLAIN",)
    calls: list[tuple[str, str]] = []
    FakeClient.plain_login = lambda self, user, pw: calls.append((user, pw))  # type: ignore[attr-defined]
    try:
        cfg = make_config(
            user="alice@example.com", host="imap.example.com", password=Secret("pässwört")
        )
        list(scan_mailbox(cfg, client_factory=server.factory, now=lambda: NOW))
    finally:
        del FakeClient.plain_login  # type: ignore[attr-defined]
    assert calls == [("alice@example.com", "pässwört")]
    assert "login" not in server.calls


WRITE_METHODS = re.compile(
    r"\.(add_flags|set_flags|remove_flags|add_gmail_labels|set_gmail_labels|remove_gmail_labels"
    r"|copy|move|expunge|uid_expunge|delete_messages|undelete_messages|append|multiappend"
    r"|create_folder|delete_folder|rename_folder|subscribe_folder|close_folder|store)\("
)


def test_product_code_has_no_writing_imap_call() -> None:
    """Belt and braces for the wire test: no writing command, and SELECT only read-only."""
    for path in Path(sources.__file__).parent.glob("imap*.py"):
        text = path.read_text()
        calls = [m.group(0) for m in WRITE_METHODS.finditer(text) if m.group(1) != "append"]
        assert calls == [], path
        appends = re.findall(r"(\w+)\.append\(", text)
        assert not [a for a in appends if "client" in a or a in {"c", "imap"}], path
        for select in re.findall(r"(?<!def )select_folder\([^)]*\)", text):
            assert "readonly=True" in select, (path, select)


def test_empty_folder_override_means_the_default_folders() -> None:
    result, _, _ = scan(gmail(), folders=[])
    assert result.folders_scanned == ["INBOX", "[Gmail]/Spam", "[Gmail]/All Mail"]
