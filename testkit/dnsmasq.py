"""A real DNS server on loopback: dnsmasq serving fixed records, never the internet.

    server = DNSServer([
        ("shop.example.com", "MX", "10 mx.shop.example.com"),
        ("mx.shop.example.com", "A", "93.184.215.14"),
        ("nomail.example.net", "MX", "0 ."),                 # null MX (RFC 7505)
        ("shop.example.com", "TXT", "v=spf1 -all"),
        ("svc.example.com", "CAA", '0 issue "ca.example"'),  # any other type: raw record
    ]).start()
    resolver = server.resolver()   # an inspector.domains.dns.Resolver pointed at it
    ...
    server.stop()

Records are ``(name, type, value)`` in zone-file syntax, or a :class:`Records` by type (see
:mod:`testkit.dns_records`).

Names under a *local zone* that have no records get NXDOMAIN; the local zones default to the
top-level labels of the record names (``com``, ``net``...) plus ``local_zones`` (``"#"``: every
name). A name outside every local zone is REFUSED, which ``inspector.domains.dns.Resolver``
reports as a ``DNSError``: a handy way to test a failing server.

``log_queries=True`` logs every question; :meth:`DNSServer.take_queries` counts them (the DNS
benchmark checks that each name is asked once per run). ``SilentServer`` is a UDP socket on
loopback that never answers, for timeout tests.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from inspector.domains.dns import PROBES, Resolver
from testkit.dns_records import Record, Records, config_line
from testkit.net import HOST, free_udp_tcp_port

__all__ = ["DNSServer", "Record", "Records", "SilentServer", "dnsmasq_binary"]

DNSMASQ_CANDIDATES = ("/usr/sbin/dnsmasq", "dnsmasq")
_QUERY = re.compile(r"query\[(\w+)\] (\S+) from ")


def dnsmasq_binary() -> str | None:
    """Path of the dnsmasq binary, or None when it is not installed.

    ``INSPECTOR_TEST_DNSMASQ`` overrides the search (a path; a missing one simulates a machine
    without dnsmasq).
    """
    override = os.environ.get("INSPECTOR_TEST_DNSMASQ")
    for candidate in (override,) if override else DNSMASQ_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


class DNSServer:
    """dnsmasq on 127.0.0.1 and a free port, serving ``records`` and nothing else."""

    host = HOST

    def __init__(
        self,
        records: Iterable[Record] | Records = (),
        *,
        local_zones: Iterable[str] = (),
        binary: str | None = None,
        log_queries: bool = False,
        probes: bool = True,
    ) -> None:
        listed = records.as_list() if isinstance(records, Records) else records
        # tuple(): records read from JSON arrive as lists
        self.records: list[Record] = [(str(n), str(t), str(v)) for n, t, v in listed]
        zones = {name.rstrip(".").rsplit(".", 1)[-1].lower() for name, _, _ in self.records}
        self.local_zones: list[str] = sorted(zones | {z.strip(".").lower() for z in local_zones})
        self.binary = binary or dnsmasq_binary()
        self.log_queries = log_queries
        # The well-known names inspector asks to check that a resolver can be trusted
        # (``inspector.domains.dns.PROBES``) exist on the real internet, so they exist here
        # too unless a test says otherwise (``probes=False``: a resolver that lies).
        self.probes = probes
        self.port = 0
        self._log_seen = 0  # characters of the query log already counted
        self._proc: subprocess.Popen[bytes] | None = None
        self._dir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port

    def config(self) -> str:
        lines = [config_line(*record) for record in self.records]
        if self.probes:
            served = {(n.rstrip(".").lower(), t.upper()) for n, t, _ in self.records}
            lines += [
                config_line(name, rdtype, f"10 mx.{name}")
                for name, rdtype in PROBES
                if (name, rdtype) not in served
            ]
        lines += [f"local=/{zone}/" for zone in self.local_zones]
        if self.log_queries:
            lines.append("log-queries")  # one "query[TYPE] NAME from ..." line per question
        return "\n".join(lines) + "\n"

    def start(self, timeout: float = 10.0) -> DNSServer:
        if self.binary is None:
            raise RuntimeError("dnsmasq is not installed (Debian: apt-get install dnsmasq-base)")
        self._dir = tempfile.TemporaryDirectory(prefix="inspector-dns-")
        workdir = Path(self._dir.name)
        conf = workdir / "dnsmasq.conf"
        conf.write_text(self.config(), encoding="utf-8")
        last_error = ""
        for _ in range(5):  # the free port can be taken between probing and binding: retry
            self.port = free_udp_tcp_port()
            log = workdir / "dnsmasq.log"
            log.unlink(missing_ok=True)
            self._proc = subprocess.Popen(
                [
                    self.binary,
                    "--keep-in-foreground",
                    "--no-resolv",
                    "--no-hosts",
                    "--bind-interfaces",
                    f"--listen-address={self.host}",
                    f"--port={self.port}",
                    f"--conf-file={conf}",
                    f"--pid-file={workdir / 'dnsmasq.pid'}",
                    f"--log-facility={log}",
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            if self._wait_ready(timeout):
                self._log_seen = 0
                self.take_queries()  # forget the readiness probes
                return self
            last_error = self._reap()
        self.stop()
        raise RuntimeError(f"dnsmasq did not start: {last_error.strip()}")

    def _wait_ready(self, timeout: float) -> bool:
        import dns.exception
        import dns.message
        import dns.query

        assert self._proc is not None
        query = dns.message.make_query("ready.invalid", "A")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                return False
            try:
                dns.query.udp(query, self.host, port=self.port, timeout=0.2)
            except (dns.exception.Timeout, OSError):
                continue
            return True  # any answer (REFUSED included) means it is serving
        return False

    def _reap(self) -> str:
        if self._proc is None:
            return ""
        if self._proc.poll() is None:
            self._proc.kill()
        _, err = self._proc.communicate(timeout=5)
        self._proc = None
        return err.decode("utf-8", "replace")

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=5)
            if self._proc.stderr is not None:
                self._proc.stderr.close()
            self._proc = None
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def take_queries(self) -> Counter[tuple[str, str]]:
        """(type, name) → number of questions logged since the last call (``log_queries``)."""
        if not self.log_queries or self._dir is None:
            return Counter()
        time.sleep(0.2)  # dnsmasq writes its log asynchronously: let it catch up
        try:
            text = (Path(self._dir.name) / "dnsmasq.log").read_text("utf-8", errors="replace")
        except OSError:
            return Counter()
        new, self._log_seen = text[self._log_seen :], len(text)
        return Counter((m.group(1), m.group(2).lower().rstrip(".")) for m in _QUERY.finditer(new))

    def resolver(self, *, budget: float = 10.0, per_query_timeout: float = 2.0) -> Resolver:
        """A fresh (empty-cache) ``inspector.domains.dns.Resolver`` that asks only this server."""
        return Resolver([self.address], budget=budget, per_query_timeout=per_query_timeout)

    def __enter__(self) -> DNSServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class SilentServer:
    """A bound UDP socket on loopback that never answers: queries to it time out."""

    host = HOST

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind((self.host, 0))
        self.port = int(self._sock.getsockname()[1])

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port

    def close(self) -> None:
        self._sock.close()

    def __enter__(self) -> SilentServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
