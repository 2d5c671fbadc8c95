"""dnsmasq on loopback serving the corpus's DKIM/SPF/DMARC records, logging every query.

Only the given records exist; any other name under their top-level domains gets NXDOMAIN
(``local=/tld/``), so nothing is ever forwarded to a real resolver. ``log-queries`` writes one
``query[TYPE] NAME from 127.0.0.1`` line per question, which is how queries are counted.
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

BINARIES = ("/usr/sbin/dnsmasq", "dnsmasq")
_QUERY = re.compile(r"query\[(\w+)\] (\S+) from ")


def binary() -> str | None:
    import shutil

    for candidate in BINARIES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _txt(name: str, value: str) -> str:
    # A TXT character-string holds at most 255 bytes (RFC 1035 §3.3.14): split long keys.
    chunks = [value[i : i + 255] for i in range(0, len(value), 255)] or [""]
    return f"txt-record={name}," + ",".join(_quote(c) for c in chunks)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        port = int(udp.getsockname()[1])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
        tcp.bind(("127.0.0.1", port))  # dnsmasq listens on TCP too: fail early if taken
    return port


class Dnsmasq:
    def __init__(self, records: Iterable[list[str]], workdir: Path) -> None:
        self.records = [(name.rstrip("."), kind, value) for name, kind, value in records]
        self.workdir = workdir
        self.log = workdir / "dnsmasq.log"
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._seen = 0

    def config(self) -> str:
        lines = [_txt(name, value) for name, kind, value in self.records if kind == "TXT"]
        zones = sorted({name.rsplit(".", 1)[-1].lower() for name, _, _ in self.records})
        lines += [f"local=/{zone}/" for zone in zones]
        lines += ["log-queries", f"log-facility={self.log}"]
        return "\n".join(lines) + "\n"

    def start(self) -> Dnsmasq:
        exe = binary()
        if exe is None:
            raise RuntimeError("dnsmasq is not installed")
        self.workdir.mkdir(parents=True, exist_ok=True)
        conf = self.workdir / "dnsmasq.conf"
        conf.write_text(self.config(), encoding="utf-8")
        self.log.unlink(missing_ok=True)
        self.port = free_port()
        self._proc = subprocess.Popen(
            [exe, "--keep-in-foreground", "--no-resolv", "--no-hosts", "--bind-interfaces",
             "--listen-address=127.0.0.1", f"--port={self.port}", f"--conf-file={conf}",
             f"--pid-file={self.workdir / 'dnsmasq.pid'}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        if not self._wait_ready():
            self.stop()
            raise RuntimeError("dnsmasq did not start")
        self.take_queries()  # forget the readiness probes
        return self

    def _wait_ready(self, timeout: float = 10.0) -> bool:
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
                dns.query.udp(query, "127.0.0.1", port=self.port, timeout=0.2)
            except (dns.exception.Timeout, OSError):
                continue
            return True
        return False

    def take_queries(self) -> Counter[tuple[str, str]]:
        """(type, name) → count of the queries logged since the last call."""
        time.sleep(0.2)  # let dnsmasq flush its log
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return Counter()
        new, self._seen = text[self._seen :], len(text)
        return Counter((m.group(1), m.group(2).lower().rstrip(".")) for m in _QUERY.finditer(new))

    def stop(self) -> None:
        if self._proc is None:
            return
        self._proc.terminate()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=5)
        self._proc = None
