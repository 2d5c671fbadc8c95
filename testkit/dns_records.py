"""DNS records for the kit's dnsmasq, and how each becomes a dnsmasq config line.

Records are ``(name, type, value)`` with the value in zone-file syntax. A, AAAA, MX, TXT,
CNAME (target must be served too), PTR and SRV use dnsmasq's own options; any other type
dnspython knows is encoded to wire format and served with ``dns-rr`` (dnsmasq then answers
NXDOMAIN, not NODATA, for other types at a name that only has such records).

TXT values are plain text (no quotes); strings longer than 255 bytes are split into several
character-strings, as a zone file would need (resolvers join them, RFC 7208 §3.3).
:class:`Records` is the same thing by type, as mappings, which reads better in the auth tests.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Record = tuple[str, str, str]


@dataclass(frozen=True)
class Records:
    """Records to serve; names without a trailing dot, TXT values as one string each."""

    txt: Mapping[str, Sequence[str]] = field(default_factory=dict)
    a: Mapping[str, Sequence[str]] = field(default_factory=dict)  # IPv4 or IPv6 addresses
    mx: Mapping[str, Sequence[tuple[int, str]]] = field(default_factory=dict)
    ptr: Mapping[str, str] = field(default_factory=dict)  # "4.3.2.1.in-addr.arpa" -> host

    def as_list(self) -> list[Record]:
        out: list[Record] = [(n, "TXT", v) for n, values in self.txt.items() for v in values]
        for name, addresses in self.a.items():
            for address in addresses:
                kind = "AAAA" if ipaddress.ip_address(address).version == 6 else "A"
                out.append((name, kind, address))
        out += [(n, "MX", f"{p} {h}") for n, exchanges in self.mx.items() for p, h in exchanges]
        out += [(n, "PTR", h) for n, h in self.ptr.items()]
        return out


def quote(text: str) -> str:
    """A dnsmasq config-file quoted string (its parser honours \\\\ and \\" inside quotes)."""
    if any(ord(ch) < 32 for ch in text):
        raise ValueError(f"control character in DNS test record value {text!r}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def txt_chunks(value: str) -> list[str]:
    """``value`` as character-strings of at most 255 bytes (RFC 1035 §3.3.14)."""
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


def config_line(name: str, rdtype: str, value: str) -> str:
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
        return f"txt-record={name}," + ",".join(quote(c) for c in txt_chunks(value))
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
