"""A real DNS server for the test suite: dnsmasq on 127.0.0.1 serving fixed records.

``DnsServer(records, directory).start()`` writes a dnsmasq configuration (TXT records split
into 255-byte character-strings, RFC 1035 §3.3.14), starts dnsmasq on a free loopback port
and waits until it answers. Every name the records do not define is NXDOMAIN (``local=/#/``),
so nothing is ever forwarded to the internet. ``silent_udp_server()`` is a loopback socket
that never answers, for timeout tests.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from inspector.dns import Resolver

DNSMASQ = shutil.which("dnsmasq") or "/usr/sbin/dnsmasq"


def dnsmasq_available() -> bool:
    return os.access(DNSMASQ, os.X_OK)


@dataclass(frozen=True)
class Records:
    """Records to serve; names without a trailing dot, TXT values as one string each."""

    txt: Mapping[str, Sequence[str]] = field(default_factory=dict)
    a: Mapping[str, Sequence[str]] = field(default_factory=dict)  # IPv4 or IPv6 addresses
    mx: Mapping[str, Sequence[tuple[int, str]]] = field(default_factory=dict)
    ptr: Mapping[str, str] = field(default_factory=dict)  # "4.3.2.1.in-addr.arpa" -> host


def split_txt(value: str, size: int = 255) -> list[str]:
    """A TXT value as character-strings of at most ``size`` bytes (resolvers join them)."""
    data = value.encode("utf-8")
    return [data[i : i + size].decode("utf-8") for i in range(0, len(data), size)] or [""]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _config(records: Records) -> str:
    lines = ["local=/#/"]  # authoritative NXDOMAIN for everything not listed below
    for name, values in records.txt.items():
        for value in values:
            lines.append(f"txt-record={name}," + ",".join(_quote(s) for s in split_txt(value)))
    for name, addresses in records.a.items():
        for address in addresses:
            lines.append(f"host-record={name},{address}")
    for name, exchanges in records.mx.items():
        for preference, host in exchanges:
            lines.append(f"mx-host={name},{host},{preference}")
    for name, host in records.ptr.items():
        lines.append(f"ptr-record={name},{host}")
    return "\n".join(lines) + "\n"


def _free_port(attempts: int = 50) -> int:
    """A loopback port free for both UDP and TCP (dnsmasq binds both)."""
    for _ in range(attempts):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = int(udp.getsockname()[1])
            try:
                with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                    tcp.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError("no free loopback port for dnsmasq")


class DnsServer:
    def __init__(self, records: Records, directory: Path) -> None:
        self.records = records
        self.directory = directory
        self.host = "127.0.0.1"
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, attempts: int = 5) -> DnsServer:
        config = self.directory / "dnsmasq.conf"
        config.write_text(_config(self.records), encoding="utf-8")
        last_error = ""
        for _ in range(attempts):
            self.port = _free_port()
            command = [
                DNSMASQ,
                "--keep-in-foreground",
                f"--conf-file={config}",
                "--no-resolv",
                "--no-hosts",
                "--no-poll",
                "--bind-interfaces",
                f"--listen-address={self.host}",
                f"--port={self.port}",
                "--pid-file=",
                f"--log-facility={self.directory / 'dnsmasq.log'}",
            ]
            if os.geteuid() == 0:  # dnsmasq would switch to "nobody" and lose the log file
                command.append("--user=root")
            self._process = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            if self._wait_ready():
                return self
            last_error = self._stop_process()
        raise RuntimeError(f"dnsmasq did not start: {last_error}")

    def _wait_ready(self, timeout: float = 5.0) -> bool:
        import dns.exception
        import dns.message
        import dns.query

        deadline = time.monotonic() + timeout
        probe = dns.message.make_query("probe.invalid", "A")
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                return False
            try:
                dns.query.udp(probe, self.host, port=self.port, timeout=0.2)
                return True
            except (dns.exception.Timeout, OSError):
                time.sleep(0.05)
        return False

    def _stop_process(self) -> str:
        process, self._process = self._process, None
        if process is None:
            return ""
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        if process.stderr:
            process.stderr.close()
        return stderr.strip()

    def stop(self) -> None:
        self._stop_process()

    def resolver(self, *, budget: float = 10.0, per_query_timeout: float = 2.0) -> Resolver:
        return Resolver(
            [(self.host, self.port)], budget=budget, per_query_timeout=per_query_timeout
        )

    def __enter__(self) -> DnsServer:
        return self.start() if self._process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def silent_udp_server() -> Iterator[tuple[str, int]]:
    """A bound loopback UDP socket nobody reads: every query to it times out."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        yield "127.0.0.1", int(udp.getsockname()[1])
