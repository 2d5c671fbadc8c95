"""A scripted IMAP server on loopback, for answers no real server would give.

It speaks just enough IMAP4rev1 (RFC 3501) to let a client log in, list folders, EXAMINE and
SEARCH; what it answers to FETCH is up to the test: a ``{4000000000}`` literal, a literal cut
short by EOF, a malformed FETCH line, or silence.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable

FetchReply = Callable[[bytes, socket.socket], None]

GREETING = b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] scripted server ready\r\n"


class ScriptedServer:
    def __init__(self, on_fetch: FetchReply) -> None:
        self._on_fetch = on_fetch
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(4)
        self.port = int(self._sock.getsockname()[1])
        self.commands: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._sock.close()

    def _serve(self) -> None:
        try:
            conn, _ = self._sock.accept()
        except OSError:
            return
        with conn:
            conn.sendall(GREETING)
            buffer = b""
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                buffer += chunk
                while b"\r\n" in buffer:
                    line, buffer = buffer.split(b"\r\n", 1)
                    if not self._answer(line, conn):
                        return

    def _answer(self, line: bytes, conn: socket.socket) -> bool:
        match = re.match(rb"(\S+) (?:UID )?(\S+)", line)
        if not match:
            return True
        tag, command = match.group(1), match.group(2).upper()
        self.commands.append(command)
        replies = {
            b"CAPABILITY": b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n",
            b"LIST": b'* LIST () "/" INBOX\r\n',
            b"EXAMINE": b"* 1 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n",
            b"SEARCH": b"* SEARCH 1\r\n",
        }
        if command == b"FETCH":
            self._on_fetch(tag, conn)
            return False
        if command == b"LOGOUT":
            conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
            return False
        conn.sendall(replies.get(command, b"") + tag + b" OK done\r\n")
        return True
