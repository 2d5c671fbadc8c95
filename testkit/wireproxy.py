"""A loopback TCP proxy in front of a server: records, counts, and breaks on cue.

One proxy serves the tests and the IMAP benchmark:

- :attr:`WireProxy.sent` keeps every byte the client sent (all connections), so a test can
  assert that a password or a ``BODY[`` (a fetch that sets ``\\Seen``) never crossed the wire;
- :meth:`WireProxy.commands` lists the IMAP commands the client sent, and :meth:`WireProxy.take`
  hands out command counts and bytes in each direction since the last call (the benchmark);
- :meth:`WireProxy.arm` cuts (RST) or stalls the connection once the client sends a trigger.

Commands are parsed from the client's stream as RFC 3501 §2.2.1 tagged lines, skipping
literals (``{n}``/``{n+}``, §4.3) so that message data or a password sent as a literal is never
taken for a command. After STARTTLS the stream is encrypted and only :attr:`sent` is meaningful.
"""

from __future__ import annotations

import contextlib
import re
import select
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass, field

from testkit.net import HOST

_LITERAL = re.compile(rb"\{(\d+)\+?\}\r?$")
_CHUNK = 262144  # large reads: the benchmark pushes hundreds of MB through the proxy


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
    """Parses a client→server byte stream incrementally into command names
    (``UID FETCH`` stays ``UID FETCH``)."""

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


class WireProxy:
    """Listens on 127.0.0.1:``port`` (a free one) and forwards to ``target_host:target_port``.

    ``arm(trigger, mode)``: once the client sends bytes containing ``trigger``, ``"cut"``
    forwards ``after`` more bytes of the server's answer then resets both connections;
    ``"stall"`` stops forwarding the server's answer (the client waits until it times out).
    """

    def __init__(self, target_port: int, target_host: str = HOST) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((HOST, 0))
        self.listener.listen(16)
        self.port = int(self.listener.getsockname()[1])
        self.sent = bytearray()  # everything the client sent, all connections
        self.trigger: bytes | None = None
        self.mode = "pass"
        self.after = 0
        self.fired = threading.Event()
        self._closing = False
        self._sockets: list[socket.socket] = []
        self._names: list[str] = []  # every command name, in the order seen
        self._counts = Counts()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name="wire-proxy", daemon=True)
        self._thread.start()

    def arm(self, trigger: bytes, mode: str, after: int = 0) -> None:
        self.trigger, self.mode, self.after = trigger, mode, after

    def commands(self) -> list[str]:
        """The command names the client sent (``UID FETCH`` counts as ``FETCH``)."""
        with self._lock:
            return [name.removeprefix("UID ") for name in self._names]

    def take(self) -> Counts:
        """The counts since the last call, and start afresh."""
        with self._lock:
            counts, self._counts = self._counts, Counts()
        return counts

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
            try:
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                client.close()  # as a dead server looks to the client
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets += [client, upstream]
                self._counts.connections += 1
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, client: socket.socket, upstream: socket.socket) -> None:
        counter = CommandCounter()
        budget: int | None = None  # bytes of server answer still allowed after the trigger
        try:
            while not self._closing:
                ready, _, _ = select.select([client, upstream], [], [], 0.2)
                for sock in ready:
                    data = sock.recv(_CHUNK)
                    if not data:
                        return
                    # Count before forwarding: once the client has its answer it may exit and
                    # the benchmark read the counts.
                    if sock is client:
                        names = counter.feed(data)
                        with self._lock:
                            self.sent += data
                            self._names += names
                            self._counts.commands.update(names)
                            self._counts.bytes_up += len(data)
                        upstream.sendall(data)
                        if self.trigger and self.trigger in data and budget is None:
                            budget = self.after
                            self.fired.set()
                        continue
                    with self._lock:
                        self._counts.bytes_down += len(data)
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
