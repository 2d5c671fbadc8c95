"""The one DNS resolver every check shares: injected, cached per run, and on a time budget.

Checks never create their own resolver: the CLI builds one (or none, with ``--offline``) and
passes it in, so tests can point it at a DNS server on loopback and a run never asks the same
question twice. A temporary failure (timeout, SERVFAIL, the budget spent) raises ``DNSError``:
callers turn it into ``temperror``/``unknown``, never into a failure of the thing checked.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from inspector.errors import DNSError


@dataclass(frozen=True, slots=True)
class Answer:
    """The records of one lookup; ``status`` is "ok", "nxdomain" or "nodata"."""

    status: str
    records: tuple[str, ...] = ()


# Names that exist for as long as e-mail does: a resolver that cannot find their mail servers is
# broken (a captive portal, a filtering resolver that answers NXDOMAIN for everything, no
# network), and nothing it says about other domains can be believed. Two, from different
# operators, so one outage is not taken for a broken resolver.
PROBES: tuple[tuple[str, str], ...] = (("gmail.com", "MX"), ("outlook.com", "MX"))


@dataclass(frozen=True, slots=True)
class Health:
    """Whether the resolver can be trusted; ``problem`` says which one failed how."""

    ok: bool
    servers: tuple[str, ...]
    problem: str | None = None  # "answered that gmail.com does not exist", ...

    @property
    def described(self) -> str:
        """The resolver in words, for a finding: "the DNS server 127.0.0.1:5353"."""
        if not self.servers:
            return "the system's DNS resolver"
        many = len(self.servers) > 1
        return f"the DNS server{'s' if many else ''} {', '.join(self.servers)}"


def parse_server(spec: str) -> tuple[str, int]:
    """``IP``, ``IP:PORT``, ``[IPv6]:PORT`` or a bare IPv6 address → (address, port)."""
    import ipaddress

    spec = spec.strip()
    host, port = spec, 53
    if spec.startswith("["):
        host, _, rest = spec[1:].partition("]")
        if rest.startswith(":"):
            port = int(rest[1:])
    elif spec.count(":") == 1:
        host, _, port_text = spec.partition(":")
        port = int(port_text)
    ipaddress.ip_address(host)  # ValueError names the bad address
    if not 0 < port < 65536:
        raise ValueError(f"port {port} out of range")
    return host, port


class Resolver:
    """A caching stub resolver with a total time budget for the whole run."""

    def __init__(
        self,
        servers: Sequence[tuple[str, int]] | None = None,
        *,
        budget: float = 20.0,
        per_query_timeout: float = 3.0,
        clock: Callable[[], float] = time.monotonic,
        probes: Sequence[tuple[str, str]] = PROBES,
    ) -> None:
        import dns.resolver

        if servers:
            resolver = dns.resolver.Resolver(configure=False)
            resolver.nameservers = [host for host, _ in servers]
            # dnspython has one port for all servers; the first one's port wins.
            resolver.port = servers[0][1]
        else:
            resolver = dns.resolver.Resolver()
        resolver.cache = None  # our own cache below also remembers failures and NXDOMAIN
        self._resolver = resolver
        self._budget = budget
        self._per_query = per_query_timeout
        self._clock = clock
        self._deadline: float | None = None
        self._cache: dict[tuple[str, str], Answer | DNSError] = {}
        self._health: Health | None = None
        self._probes = probes
        self._servers = tuple(
            f"{host}:{port}" if port != 53 else host for host, port in (servers or ())
        ) or tuple(str(s) for s in resolver.nameservers)
        self.queries = 0  # lookups actually sent (cache misses), for tests and benchmarks

    def health(self) -> Health:
        """Ask the ``probes`` once per run: does this resolver answer sensibly?

        Trusted as soon as one probe resolves. Every probe "does not exist" or "has no mail
        servers" means the resolver lies; every probe failing means it cannot answer.
        """
        if self._health is None:
            problems: list[str] = []
            for name, rdtype in self._probes:
                try:
                    answer = self.query(name, rdtype)
                except DNSError as exc:
                    problems.append(str(exc))
                    continue
                if answer.status == "ok" and answer.records:
                    self._health = Health(True, self._servers)
                    break
                what = "does not exist" if answer.status == "nxdomain" else "has no mail servers"
                problems.append(f"answered that {name} {what}")
            else:
                self._health = Health(False, self._servers, "; ".join(problems) or None)
        return self._health

    def remaining(self) -> float:
        """Seconds left in the run's budget (the clock starts at the first lookup)."""
        if self._deadline is None:
            return self._budget
        return max(0.0, self._deadline - self._clock())

    def query(self, name: str, rdtype: str) -> Answer:
        key = (name.lower().rstrip("."), rdtype.upper())
        cached = self._cache.get(key)
        if cached is None:
            cached = self._lookup(*key)
            self._cache[key] = cached
        if isinstance(cached, DNSError):
            raise cached
        return cached

    def _lookup(self, name: str, rdtype: str) -> Answer | DNSError:
        import dns.exception
        import dns.resolver

        if self._deadline is None:
            self._deadline = self._clock() + self._budget
        left = self.remaining()
        if left <= 0:
            return DNSError(f"DNS budget spent before looking up {rdtype} {name}")
        self.queries += 1
        try:
            answer = self._resolver.resolve(
                name, rdtype, lifetime=min(self._per_query, left), search=False
            )
        except dns.resolver.NXDOMAIN:
            return Answer("nxdomain")
        except dns.resolver.NoAnswer:
            return Answer("nodata")
        except dns.resolver.NoNameservers:
            return DNSError(f"no DNS server could answer {rdtype} {name} (SERVFAIL)")
        except dns.exception.Timeout:
            return DNSError(f"DNS lookup of {rdtype} {name} timed out")
        except dns.exception.DNSException as exc:
            return DNSError(f"DNS lookup of {rdtype} {name} failed: {exc}")
        return Answer("ok", tuple(_text(rr) for rr in answer))

    def txt(self, name: str) -> list[str]:
        """TXT records of ``name``, each record's strings joined (RFC 7208 §3.3)."""
        return list(self.query(name, "TXT").records)

    def mx(self, name: str) -> list[tuple[int, str]]:
        out = []
        for rec in self.query(name, "MX").records:
            pref, _, host = rec.partition(" ")
            out.append((int(pref), host.rstrip(".").lower()))
        return sorted(out)


def _text(rr: object) -> str:
    strings = getattr(rr, "strings", None)
    if strings is not None:  # TXT: join the character-strings without separators
        return b"".join(strings).decode("utf-8", "replace")
    return str(rr)
