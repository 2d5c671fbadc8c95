"""A private Dovecot IMAP server on loopback for the tests, and a wire-recording TCP proxy.

The server runs from a temporary folder with its own config (see shared notes: as root it
needs ``default_login_user = dovenull``, ``first_valid_uid = 1`` and mail owned by the
``dovecot`` user). Any user name logs in with :data:`PASSWORD` (a static passdb), so every
test takes a fresh user and so a fresh, empty mailbox.

Messages are loaded with a separate setup connection (APPEND is allowed in tests, never in
the product). :class:`WireProxy` sits between the product and the server to record every
byte the client sends and to cut or stall the connection on cue.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import select
import shutil
import socket
import struct
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, make_msgid
from pathlib import Path

import imapclient

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
PASSWORD = "Canary-7f3e9b-Dovecot-pw"  # unique, so a leak is easy to grep for
HOST = "127.0.0.1"


def available() -> bool:
    return Path(DOVECOT).is_file() and os.access(DOVECOT, os.X_OK) and os.geteuid() == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _make_ca_and_cert(folder: Path) -> None:
    """A private CA and a server certificate for 127.0.0.1/localhost signed by it."""

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=folder)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
        "/CN=inspector test CA", "-keyout", "ca.key", "-out", "ca.pem",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
        "-keyout", "key.pem", "-out", "server.csr")  # fmt: skip
    (folder / "ext.cnf").write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\n"
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
    )
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-out", "cert.pem", "-extfile", "ext.cnf")  # fmt: skip


class Dovecot:
    """One private Dovecot instance. ``tls=True`` adds an implicit-TLS listener and offers
    STARTTLS on the plain one; ``special_use=False`` has a "Spam" folder known only by name."""

    def __init__(self, *, special_use: bool = True, tls: bool = False, quota: bool = False):
        self.special_use = special_use
        self.tls = tls
        self.quota = quota
        self.dir = Path(tempfile.mkdtemp(prefix="inspector-dovecot-"))
        self.dir.chmod(0o755)  # the dovecot user must reach the mail folder below
        self.port = free_port()
        self.tls_port = free_port() if tls else 0
        self.ca_file = str(self.dir / "ca.pem") if tls else None
        self.proc_started = False
        self._users = itertools.count(1)

    # ------------------------------------------------------------------ lifecycle

    @property
    def conf(self) -> Path:
        return self.dir / "dovecot.conf"

    @property
    def log(self) -> str:
        path = self.dir / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _config(self) -> str:
        d = self.dir
        if self.special_use:
            mailboxes = """
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }"""
        else:
            mailboxes = """
  mailbox Spam {
    auto = subscribe
  }
  mailbox Newsletters {
    auto = subscribe
  }"""
        ssl = "ssl = no"
        imaps = "  inet_listener imaps {\n    port = 0\n  }"
        if self.tls:
            ssl = f"ssl = yes\nssl_cert = <{d}/cert.pem\nssl_key = <{d}/key.pem"
            if Path("/usr/share/dovecot/dh.pem").exists():
                ssl += "\nssl_dh = </usr/share/dovecot/dh.pem"
            imaps = (
                f"  inet_listener imaps {{\n    address = {HOST}\n    port = {self.tls_port}\n"
                "    ssl = yes\n  }"
            )
        quota = ""
        if self.quota:
            quota = """
mail_plugins = $mail_plugins quota
protocol imap {
  mail_plugins = $mail_plugins imap_quota
}
plugin {
  quota = count:User quota
  quota_rule = *:storage=4M
  quota_vsizes = yes
}"""
        return f"""
base_dir = {d}/run
listen = {HOST}
protocols = imap
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
# fast failing logins: no 2 s delay, no growing per-IP penalty (tests log in wrongly on purpose)
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
log_path = {d}/dovecot.log
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
first_valid_uid = 1
mail_location = maildir:{d}/mail/%u
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={d}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = {HOST}
    port = {self.port}
  }}
{imaps}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /{mailboxes}
}}
{quota}
"""

    def start(self) -> None:
        if self.tls:
            _make_ca_and_cert(self.dir)
        (self.dir / "mail").mkdir()
        shutil.chown(self.dir / "mail", "dovecot", "dovecot")
        self.conf.write_text(self._config())
        # The master daemonises: give it no pipe to hold open (run() would wait on it forever).
        subprocess.run(
            [DOVECOT, "-c", str(self.conf)],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=30,
        )
        self.proc_started = True
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), 1):
                return
            time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start listening:\n{self.log}")

    def stop(self) -> None:
        if self.proc_started:
            pid_file = self.dir / "run" / "master.pid"
            with contextlib.suppress(OSError, ValueError):
                pid = int(pid_file.read_text().strip())
                os.kill(pid, 15)
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    os.kill(pid, 0)  # raises once the master has exited
                    time.sleep(0.05)
            self.proc_started = False
        shutil.rmtree(self.dir, ignore_errors=True)

    # ------------------------------------------------------------------ mailboxes

    def new_user(self, prefix: str = "user") -> str:
        return f"{prefix}{next(self._users)}-{os.getpid()}"

    @contextlib.contextmanager
    def setup_client(self, user: str) -> Iterator[imapclient.IMAPClient]:
        """A plain loopback session for loading and inspecting a mailbox (not the product)."""
        client = imapclient.IMAPClient(HOST, port=self.port, ssl=False, timeout=10)
        client.login(user, PASSWORD)
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.logout()

    def append(
        self,
        user: str,
        folder: str,
        messages: Iterable[bytes],
        *,
        when: datetime | None = None,
        flags: tuple[bytes, ...] = (),
    ) -> None:
        with self.setup_client(user) as client:
            for raw in messages:
                client.append(folder, raw, flags=flags, msg_time=when)

    def snapshot(self, user: str) -> dict[tuple[str, int], tuple[frozenset[bytes], int | None]]:
        """Flags and MODSEQ (RFC 7162 CONDSTORE) of every message, read with EXAMINE.

        ``\\Recent`` is left out: it belongs to a session (RFC 3501 §2.3.2), not the message.
        """
        state: dict[tuple[str, int], tuple[frozenset[bytes], int | None]] = {}
        with self.setup_client(user) as client:
            for _flags, _delim, name in client.list_folders():
                if b"\\Noselect" in _flags:
                    continue
                client.select_folder(name, readonly=True)
                uids = client.search("ALL")
                fetched = client.fetch(uids, ["FLAGS", "MODSEQ"]) if uids else {}
                for uid, data in fetched.items():
                    flags = frozenset(f for f in data[b"FLAGS"] if f != b"\\Recent")
                    modseq = data.get(b"MODSEQ")
                    state[(name, uid)] = (flags, modseq[0] if modseq else None)
        return state


def make_message(
    subject: str,
    *,
    sender: str = "TikTok <no-reply@account.tiktok.com>",
    to: str = "alice@example.com",
    body: str = "Hello",
    sent: datetime | None = None,
    message_id: str | None = None,
    extra_headers: str = "",
) -> bytes:
    """A small RFC 5322 message (CRLF line ends)."""
    sent = sent or datetime.now(UTC) - timedelta(minutes=5)
    head = (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n"
        f"Date: {format_datetime(sent)}\r\n"
        f"Message-ID: {message_id or make_msgid(domain='account.tiktok.com')}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"{extra_headers}"
    )
    return (head + "\r\n" + body.replace("\n", "\r\n") + "\r\n").encode("utf-8")


# ---------------------------------------------------------------------- wire proxy

_COMMAND = re.compile(rb"^[A-Za-z0-9.+-]+ (?:UID )?([A-Za-z]+)", re.M)


class WireProxy:
    """A loopback TCP proxy that records what the client sends and can break on cue.

    ``arm(trigger, mode)``: once the client sends bytes containing ``trigger``, ``"cut"``
    forwards ``after`` more bytes of the server's answer then resets both connections;
    ``"stall"`` stops forwarding the server's answer (the client waits until it times out).
    """

    def __init__(self, target_port: int, target_host: str = HOST) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((HOST, 0))
        self.listener.listen(8)
        self.port = int(self.listener.getsockname()[1])
        self.sent = bytearray()  # everything the client sent, all connections
        self.trigger: bytes | None = None
        self.mode = "pass"
        self.after = 0
        self.fired = threading.Event()
        self._closing = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def arm(self, trigger: bytes, mode: str, after: int = 0) -> None:
        self.trigger, self.mode, self.after = trigger, mode, after

    def commands(self) -> list[str]:
        """The command names the client sent (``UID FETCH`` counts as ``FETCH``)."""
        return [m.group(1).decode().upper() for m in _COMMAND.finditer(bytes(self.sent))]

    def close(self) -> None:
        self._closing = True
        with contextlib.suppress(OSError):
            self.listener.close()
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.close()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, client: socket.socket, upstream: socket.socket) -> None:
        budget: int | None = None  # bytes of server answer still allowed after the trigger
        try:
            while not self._closing:
                ready, _, _ = select.select([client, upstream], [], [], 0.2)
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    if sock is client:
                        self.sent += data
                        upstream.sendall(data)
                        if self.trigger and self.trigger in data and budget is None:
                            budget = self.after
                            self.fired.set()
                        continue
                    if budget is None or self.mode == "pass":
                        client.sendall(data)
                    elif self.mode == "stall":
                        continue  # swallow: the client hears nothing more
                    else:  # cut
                        client.sendall(data[:budget])
                        budget -= min(budget, len(data))
                        if budget == 0:
                            _reset(client)
                            return
        except OSError:
            return
        finally:
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.close()


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), like a middlebox dropping the connection."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
