"""A private Dovecot on loopback holding the corpus in INBOX and Junk (Maildir).

Messages are written straight into the Maildir ``cur/`` folders (mtime = delivery time, which
Dovecot reports as INTERNALDATE) instead of being APPENDed one by one; ``doveadm mailbox
status`` then makes Dovecot index them once, before anything is timed. The loaded mail folder
is kept under ``benchmarks/out/`` and reused while the corpus is unchanged.

Needs root (the mail belongs to the ``dovecot`` user, as in /work/shared/notes/dovecot.md).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import time
from datetime import datetime
from pathlib import Path

from benchmarks.generate import Corpus, iter_stored, write_maildir_message

USER = "bench"

_CONFIG = """base_dir = {dir}/run
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = {dir}/dovecot.log
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
first_valid_uid = 1
mail_location = maildir:{dir}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/users
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={dir}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
namespace inbox {{
  inbox = yes
  mailbox Junk {{
    special_use = \\Junk
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
}}
"""


def available() -> str | None:
    """Why Dovecot cannot be used here, or None when it can."""
    if shutil.which("dovecot") is None or shutil.which("doveadm") is None:
        return "dovecot is not installed (Debian: apt-get install dovecot-imapd)"
    if os.geteuid() != 0:
        return "a private Dovecot needs root here (its mail belongs to the dovecot user)"
    try:
        pwd.getpwnam("dovecot")
        pwd.getpwnam("dovenull")
    except KeyError:
        return "the dovecot/dovenull system users are missing"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Dovecot:
    def __init__(self, workdir: Path, corpus: Corpus) -> None:
        self.dir = workdir
        self.corpus = corpus
        self.port = 0
        self.password = secrets.token_urlsafe(16)
        self.folders: dict[str, int] = {}
        self.conf = workdir / "dovecot.conf"

    def load(self) -> float:
        """Write the corpus into the Maildir unless this corpus is already there; seconds."""
        marker = self.dir / "LOADED"
        stamp = f"{self.corpus.root.name} {self.corpus.expected.stat().st_mtime_ns}"
        if marker.exists() and marker.read_text() == stamp:
            self.folders = _count(self.dir / "mail" / USER)
            return 0.0
        started = time.perf_counter()
        if self.dir.exists():
            shutil.rmtree(self.dir)
        maildir = self.dir / "mail" / USER
        for record, data in iter_stored(self.corpus):
            folder = str(record["folder"])
            delivered = datetime.fromisoformat(str(record["delivered"]))
            write_maildir_message(maildir, folder, int(str(record["index"])), delivered, data)
        self.folders = _count(maildir)
        marker.write_text(stamp)
        return time.perf_counter() - started

    def start(self) -> Dovecot:
        (self.dir / "run").mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        self.conf.write_text(_CONFIG.format(dir=self.dir, port=self.port))
        users = self.dir / "users"
        users.write_text(f"{USER}:{{PLAIN}}{self.password}\n")
        info = pwd.getpwnam("dovecot")
        users.chmod(0o600)  # a throw-away password, readable by Dovecot's auth process only
        os.chown(users, info.pw_uid, info.pw_gid)
        for root, dirs, files in os.walk(self.dir / "mail"):
            os.chown(root, info.pw_uid, info.pw_gid)
            for name in dirs + files:
                os.chown(os.path.join(root, name), info.pw_uid, info.pw_gid)
        # dovecot daemonises: the master keeps inherited pipes open, so never capture them.
        subprocess.run(
            ["dovecot", "-c", str(self.conf)],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        break
            except OSError:
                time.sleep(0.1)
        else:
            self.stop()
            raise RuntimeError(f"dovecot did not answer; see {self.dir / 'dovecot.log'}")
        # Let Dovecot scan the Maildirs and assign UIDs now, not inside a timed run.
        subprocess.run(
            ["doveadm", "-c", str(self.conf), "mailbox", "status", "-u", USER,
             "messages uidnext", "INBOX", "Junk"],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        return self

    def warm(self) -> None:
        """Read every message file once so no timed run pays for the disk."""
        for path in (self.dir / "mail").rglob("*"):
            if path.is_file():
                with path.open("rb") as fh:
                    while fh.read(1 << 20):
                        pass

    def stop(self) -> None:
        pidfile = self.dir / "run" / "master.pid"
        try:
            pid = int(pidfile.read_text().strip())
        except (OSError, ValueError):
            return
        subprocess.run(["doveadm", "-c", str(self.conf), "stop"], capture_output=True, timeout=30)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # the master we started did not stop when asked


def _count(maildir: Path) -> dict[str, int]:
    counts = {}
    for name, path in (("INBOX", maildir), ("Junk", maildir / ".Junk")):
        cur = path / "cur"
        counts[name] = sum(1 for _ in cur.iterdir()) if cur.is_dir() else 0
    return counts
