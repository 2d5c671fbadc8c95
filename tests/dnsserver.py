"""A real DNS server on loopback for tests: dnsmasq serving fixed records, never the internet.

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

Records are ``(name, type, value)`` with the value in zone-file syntax. A, AAAA, MX, TXT,
CNAME (target must be served here too), PTR and SRV use dnsmasq's own options; any other
type dnspython knows is encoded to wire format and served with ``--dns-rr`` (dnsmasq then
answers NXDOMAIN, not NODATA, for other types at a name that only has such records).

Names under a *local zone* that have no records get NXDOMAIN; the local zones default to the
top-level labels of the record names (``com``, ``net``...) plus ``local_zones``. A name outside
every local zone is REFUSED, which ``inspector.domains.dns.Resolver`` reports as a
``DNSError``: a handy way to test a failing server.

TXT values are plain text (no quotes); strings longer than 255 bytes are split into several
character-strings, as a zone file would need (resolvers join them, RFC 7208 §3.3).

``SilentServer`` is a UDP socket on loopback that never answers, for timeout tests.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from inspector.domains.dns import Resolver

Record = tuple[str, str, str]

DNSMASQ_CANDIDATES = ("/usr/sbin/dnsmasq", "dnsmasq")


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


def _quote(text: str) -> str:
    """A dnsmasq config-file quoted string (its parser honours \\\\ and \\" inside quotes)."""
    if any(ord(ch) < 32 for ch in text):
        raise ValueError(f"control character in DNS test record value {text!r}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _txt_chunks(value: str) -> list[str]:
    data = value.encode("utf-8")
    if not data:
        return [""]
    chunks = []
    while data:
        piece = data[:255]
        while True:  # never cut a UTF-8 sequence in two
            try:
                text = piece.decode("utf-8")
                break
            except UnicodeDecodeError:
                piece = piece[:-1]
        chunks.append(text)
        data = data[len(piece) :]
    return chunks


def _config_line(name: str, rdtype: str, value: str) -> str:
    import dns.rdata
    import dns.rdataclass
    import dns.rdatatype

    name = name.rstrip(".")
    kind = rdtype.upper()
    if kind in ("A", "AAAA"):
        return f"host-record={name},{value}"
    if kind == "MX":
        pref, target = value.split()  # "10 mx.example.com" or the null MX "0 ."
        target = "." if target == "." else target.rstrip(".")
        return f"mx-host={name},{target},{int(pref)}"
    if kind == "TXT":
        return f"txt-record={name}," + ",".join(_quote(c) for c in _txt_chunks(value))
    if kind == "CNAME":
        return f"cname={name},{value.rstrip('.')}"
    if kind == "PTR":
        return f"ptr-record={name},{value.rstrip('.')}"
    if kind == "SRV":
        priority, weight, port, target = value.split()
        return f"srv-host={name},{target.rstrip('.')},{port},{priority},{weight}"
    number = dns.rdatatype.from_text(kind)
    rdata = dns.rdata.from_text(dns.rdataclass.IN, number, value)
    wire = rdata.to_wire() or b""  # returns the bytes when no file is given
    return f"dns-rr={name},{int(number)},{wire.hex()}"


def _free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1 (dnsmasq listens on both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = int(udp.getsockname()[1])
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
        return port
    raise RuntimeError("no free loopback port for the test DNS server")


class DNSServer:
    """dnsmasq on 127.0.0.1 and a free port, serving ``records`` and nothing else."""

    host = "127.0.0.1"

    def __init__(
        self,
        records: Iterable[Record] = (),
        *,
        local_zones: Iterable[str] = (),
        binary: str | None = None,
    ) -> None:
        self.records: list[Record] = list(records)
        zones = {name.rstrip(".").rsplit(".", 1)[-1].lower() for name, _, _ in self.records}
        self.local_zones: list[str] = sorted(zones | {z.strip(".").lower() for z in local_zones})
        self.binary = binary or dnsmasq_binary()
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._dir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port

    def config(self) -> str:
        lines = [_config_line(*record) for record in self.records]
        lines += [f"local=/{zone}/" for zone in self.local_zones]
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
            self.port = _free_port()
            log = workdir / "dnsmasq.log"
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

    host = "127.0.0.1"

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
