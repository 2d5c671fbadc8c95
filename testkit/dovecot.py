"""A private Dovecot IMAP server on loopback, for the tests and the IMAP benchmark.

The server runs from its own folder with its own config (:mod:`testkit.dovecot_config`); any
user name logs in with the one password, so every test can take a fresh user and so a fresh,
empty mailbox. Needs root: mail belongs to the ``dovecot`` user (see
/work/shared/notes/dovecot.md).

Mail gets in two ways, neither of them the product's: :meth:`Dovecot.append` over a separate
setup connection (APPEND is for tests, never for the product), or :meth:`Dovecot.load_corpus`,
which writes a whole synthetic corpus straight into the Maildir (tens of thousands of
APPENDs would take minutes) and keeps it for the next run while the corpus is unchanged.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import imapclient

from testkit.corpus import Corpus, iter_stored, write_maildir_message
from testkit.corpus.maildir import folder_path
from testkit.dovecot_config import NAMED_ONLY, SPECIAL_USE, Folders, Settings, render
from testkit.net import HOST, free_port
from testkit.tls import make_ca_and_cert

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"
PASSWORD = "Canary-7f3e9b-Dovecot-pw"  # unique, so a leak is easy to grep for

Snapshot = dict[tuple[str, int], tuple[frozenset[bytes], int | None]]


def why_unavailable() -> str | None:
    """Why a private Dovecot cannot run here, or None when it can."""
    for binary in (DOVECOT, DOVEADM):
        if not (Path(binary).is_file() and os.access(binary, os.X_OK)):
            return "dovecot is not installed (Debian: apt-get install dovecot-imapd)"
    if os.geteuid() != 0:
        return "a private Dovecot needs root here (its mail belongs to the dovecot user)"
    try:
        pwd.getpwnam("dovecot")
        pwd.getpwnam("dovenull")
    except KeyError:
        return "the dovecot/dovenull system users are missing"
    return None


def available() -> bool:
    return why_unavailable() is None


class Dovecot:
    """One private Dovecot instance on 127.0.0.1.

    ``special_use=False`` offers a "Spam" folder known only by its name instead of the
    SPECIAL-USE folders (``folders`` names the folders outright); ``tls=True`` adds an
    implicit-TLS listener on :attr:`tls_port` and offers STARTTLS on the plain one, with a
    certificate from a private CA (:attr:`ca_file`); ``quota=True`` sets a 4 MB quota;
    ``capabilities`` replaces the list offered after login (``dovecot_config.WITHOUT_IDLE``: a
    server that has no IDLE); ``oauth2`` (``Introspection.dovecot_conf()``) adds the oauth2
    passdb, so XOAUTH2 and OAUTHBEARER log in with the tokens the endpoint knows.
    ``directory`` is kept after :meth:`stop` (a reusable corpus); without one a temporary
    folder is made and removed.
    """

    def __init__(
        self,
        directory: Path | None = None,
        *,
        special_use: bool = True,
        folders: Folders | None = None,
        tls: bool = False,
        quota: bool = False,
        password: str = PASSWORD,
        capabilities: tuple[str, ...] | None = None,
        oauth2: str | None = None,
    ) -> None:
        self._owns_dir = directory is None
        self.dir = directory or Path(tempfile.mkdtemp(prefix="inspector-dovecot-"))
        self.dir.mkdir(parents=True, exist_ok=True)
        self.dir.chmod(0o755)  # the dovecot user must reach the mail folder below
        self.tls = tls
        self.password = password
        self.port = free_port()
        self.tls_port = free_port() if tls else 0
        self.ca_file = str(self.dir / "ca.pem") if tls else None
        if folders is None:
            folders = SPECIAL_USE if special_use else NAMED_ONLY
        self.settings = Settings(
            self.dir,
            self.port,
            password,
            tls_port=self.tls_port,
            quota=quota,
            folders=dict(folders),
            capabilities=capabilities,
            oauth2=self.dir / "oauth2.conf.ext" if oauth2 else None,
        )
        if oauth2:
            (self.dir / "oauth2.conf.ext").write_text(oauth2)
        self._users = itertools.count(1)
        self._deliveries = itertools.count(1)
        self._master: int | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def conf(self) -> Path:
        return self.dir / "dovecot.conf"

    @property
    def log(self) -> str:
        path = self.dir / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start(self, timeout: float = 15.0) -> Dovecot:
        if self.tls and not (self.dir / "cert.pem").exists():
            make_ca_and_cert(self.dir)
        _check_traversable(self.dir)
        (self.dir / "mail").mkdir(exist_ok=True)
        _chown_tree(self.dir / "mail", "dovecot")
        self.conf.write_text(render(self.settings))
        self.conf.chmod(0o600)  # it holds the password; the master reads it as root
        # The master daemonises: give it no pipe to hold open (run() would wait on it forever).
        subprocess.run(
            [DOVECOT, "-c", str(self.conf)],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=30,
        )
        self._master = _read_pid(self.dir / "run" / "master.pid")
        if not _greets(self.port, timeout):
            log = self.log
            self.stop()
            raise RuntimeError(f"dovecot did not start listening:\n{log}")
        return self

    def restart(self, while_down: Callable[[], object] | None = None) -> None:
        """Stop every process of this server, logged-in sessions included, and start again
        on the same folder and ports (UIDVALIDITY, mail and flags survive). ``while_down``
        runs in between, e.g. :meth:`deliver` to store mail during the outage."""
        self._stop_processes()
        if while_down is not None:
            while_down()
        self.start()

    def stop(self) -> None:
        """Stop the server; remove its folder when it is a temporary one. Idempotent."""
        self._stop_processes()
        if self._owns_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def _stop_processes(self) -> None:
        master = self._master or _read_pid(self.dir / "run" / "master.pid")
        self._master = None
        if master is None or not _alive(master):
            return
        # The master exits on SIGTERM but logged-in imap processes keep serving their
        # clients: note them first and stop them too, each by its PID.
        children = _children(master)
        for pid in [master, *children]:  # the master first, so that it respawns nothing
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        _wait_gone([master, *children], 10.0, kill=True)

    # ------------------------------------------------------------------ mailboxes

    def new_user(self, prefix: str = "user") -> str:
        return f"{prefix}{next(self._users)}-{os.getpid()}"

    def maildir(self, user: str) -> Path:
        return self.dir / "mail" / user

    @contextlib.contextmanager
    def setup_client(self, user: str) -> Iterator[imapclient.IMAPClient]:
        """A plain loopback session for loading and inspecting a mailbox (not the product)."""
        client = imapclient.IMAPClient(HOST, port=self.port, ssl=False, timeout=10)
        client.login(user, self.password)
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
        """Store ``messages`` in ``folder`` in one MULTIAPPEND (RFC 3502): one round trip
        instead of one per message, which made loading a big test mailbox take seconds."""
        batch: list[dict[str, object]] = []
        for raw in messages:
            batch.append({"msg": raw, "flags": flags} | ({"date": when} if when else {}))
        if not batch:
            return
        with self.setup_client(user) as client:
            client.multiappend(folder, batch)

    def deliver(self, user: str, folder: str, raw: bytes, *, when: datetime | None = None) -> Path:
        """Store one message straight into ``user``'s Maildir as a local delivery agent
        would (in ``new/``, unseen): works while the server is down."""
        moment = when or datetime.now(UTC)
        base = folder_path(self.maildir(user), folder)
        for sub in ("cur", "new", "tmp"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        name = f"{int(moment.timestamp())}.M{next(self._deliveries)}P{os.getpid()}.testkit"
        (base / "tmp" / name).write_bytes(raw)
        (base / "tmp" / name).rename(base / "new" / name)  # maildir(5): atomic delivery
        _chown_tree(self.maildir(user), "dovecot")
        return base / "new" / name

    def snapshot(self, user: str) -> Snapshot:
        """Flags and MODSEQ (RFC 7162 CONDSTORE) of every message, read with EXAMINE.

        ``\\Recent`` is left out: it belongs to a session (RFC 3501 §2.3.2), not the message.
        """
        state: Snapshot = {}
        with self.setup_client(user) as client:
            for folder_flags, _delim, name in client.list_folders():
                if b"\\Noselect" in folder_flags:
                    continue
                client.select_folder(name, readonly=True)
                uids = client.search("ALL")
                fetched = client.fetch(uids, ["FLAGS", "MODSEQ"]) if uids else {}
                for uid, data in fetched.items():
                    flags = frozenset(f for f in data[b"FLAGS"] if f != b"\\Recent")
                    modseq = data.get(b"MODSEQ")
                    state[(name, uid)] = (flags, modseq[0] if modseq else None)
        return state

    # ------------------------------------------------------------------ corpus (benchmarks)

    def load_corpus(self, corpus: Corpus, user: str) -> float:
        """Write the corpus into ``user``'s Maildir (INBOX and Junk, INTERNALDATE = delivery
        time) unless this very corpus is there already; seconds taken, 0.0 when reused.

        Call it before :meth:`start`: Dovecot must not be indexing a folder being replaced.
        """
        marker = self.dir / f"LOADED-{user}"
        stamp = f"{corpus.root.name} {corpus.expected.stat().st_mtime_ns}"
        if marker.exists() and marker.read_text() == stamp:
            return 0.0
        started = time.perf_counter()
        marker.unlink(missing_ok=True)
        maildir = self.maildir(user)
        shutil.rmtree(maildir, ignore_errors=True)  # its Dovecot index goes with it
        for record, data in iter_stored(corpus):
            delivered = datetime.fromisoformat(str(record["delivered"]))
            index = int(str(record["index"]))
            write_maildir_message(maildir, str(record["folder"]), index, delivered, data)
        marker.write_text(stamp)
        return time.perf_counter() - started

    def warm(self, user: str, folders: Iterable[str] = ("INBOX", "Junk")) -> None:
        """Make Dovecot index ``user``'s folders and read every message file once, so that no
        timed run pays for assigning UIDs or for the disk."""
        subprocess.run(
            [DOVEADM, "-c", str(self.conf), "mailbox", "status", "-u", user,
             "messages uidnext", *folders],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        for path in self.maildir(user).rglob("*"):
            if path.is_file():
                with path.open("rb") as fh:
                    while fh.read(1 << 20):
                        pass


# ---------------------------------------------------------------------- processes


def _greets(port: int, timeout: float) -> bool:
    """Wait for the ``* OK`` greeting: a listening port alone may be a login process
    that is not ready yet."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1) as sock:
                if sock.recv(100).startswith(b"* OK"):
                    return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _children(pid: int) -> list[int]:
    """The child PIDs of ``pid`` (Linux /proc; empty when it has none or is gone)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError, ValueError):
            found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    """Running, and not a zombie waiting for its parent (it has stopped serving)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] not in ("Z", "X")


def _wait_gone(pids: list[int], timeout: float, *, kill: bool) -> None:
    deadline = time.monotonic() + timeout
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    if kill:
        for pid in pids:
            if _alive(pid):  # ours, and it did not stop when asked
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


def _check_traversable(folder: Path) -> None:
    """Fail clearly, not with a SERVERBUG at the first SELECT, when the mail processes (the
    ``dovecot`` user) cannot reach ``folder``: pytest's ``tmp_path`` is mode 0700, say."""
    for parent in folder.resolve().parents:
        if not parent.stat().st_mode & 0o001:
            raise RuntimeError(
                f"the dovecot user cannot reach {folder}: {parent} is not searchable by "
                "others; give no directory (a temporary one is made) or one under /tmp"
            )


def _chown_tree(root: Path, user: str) -> None:
    info = pwd.getpwnam(user)
    for folder, dirs, files in os.walk(root):
        os.chown(folder, info.pw_uid, info.pw_gid)
        for name in dirs + files:
            os.chown(os.path.join(folder, name), info.pw_uid, info.pw_gid)
