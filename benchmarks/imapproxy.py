"""A loopback TCP proxy in front of the IMAP server that counts what crosses it.

Client → server: every tagged command (RFC 3501 §2.2.1: ``tag SP command ...``), by name,
skipping literals (``{n}``/``{n+}``, §4.3) so message data or a password sent as a literal is
never mistaken for a command, nor counted twice. Server → client: every byte.

Plain TCP only: it is meant for ``--encryption none`` to a Dovecot on loopback, and a client
that switched on COMPRESS=DEFLATE could not be counted (the private Dovecot does not offer it).
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from collections import Counter
from dataclasses import dataclass, field

_LITERAL = re.compile(rb"\{(\d+)\+?\}\r?$")


@dataclass(slots=True)
class Counts:
    commands: Counter[str] = field(default_factory=Counter)
    bytes_down: int = 0
    bytes_up: int = 0
    connections: int = 0

    @property
    def total_commands(self) -> int:
        return sum(self.commands.values())


class CommandCounter:
    """Parses a client→server byte stream incrementally into command names."""

    def __init__(self) -> None:
        self._buf = b""
        self._skip = 0  # literal bytes still to pass over
        self._continuation = False  # the next line continues a command (after a literal)

    def feed(self, data: bytes) -> list[str]:
        found: list[str] = []
        self._buf += data
        while True:
            if self._skip:
                taken = min(self._skip, len(self._buf))
                self._buf = self._buf[taken:]
                self._skip -= taken
                if self._skip:
                    return found
            end = self._buf.find(b"\n")
            if end < 0:
                return found
            line, self._buf = self._buf[:end], self._buf[end + 1 :]
            if not self._continuation:
                name = _command_name(line)
                if name:
                    found.append(name)
            literal = _LITERAL.search(line)
            self._continuation = literal is not None
            if literal:
                self._skip = int(literal.group(1))


def _command_name(line: bytes) -> str | None:
    parts = line.strip().split(None, 3)
    # A tagged command has a tag and a command word; a bare line ("DONE", a SASL response
    # in base64) is not a command.
    if len(parts) < 2 or not parts[1].isalpha():
        return None
    name = parts[1].upper().decode("ascii", "replace")
    if name == "UID" and len(parts) > 2:
        name += " " + parts[2].upper().decode("ascii", "replace")
    return name


class CountingProxy:
    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self._lock = threading.Lock()
        self._counts = Counts()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._stopped = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> CountingProxy:
        self._listener.listen(16)
        thread = threading.Thread(target=self._accept, name="imap-proxy", daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def take(self) -> Counts:
        """The counts since the last call, and start afresh."""
        with self._lock:
            counts, self._counts = self._counts, Counts()
        return counts

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=30)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._counts.connections += 1
            for src, dst, up in ((client, server, True), (server, client, False)):
                t = threading.Thread(target=self._pump, args=(src, dst, up), daemon=True)
                t.start()

    def _pump(self, src: socket.socket, dst: socket.socket, upstream: bool) -> None:
        counter = CommandCounter() if upstream else None
        try:
            while True:
                data = src.recv(262144)
                if not data:
                    break
                # Count before forwarding: once the client has its answer it may exit and the
                # benchmark read the counts.
                names = counter.feed(data) if counter is not None else []
                with self._lock:
                    if upstream:
                        self._counts.bytes_up += len(data)
                        self._counts.commands.update(names)
                    else:
                        self._counts.bytes_down += len(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
