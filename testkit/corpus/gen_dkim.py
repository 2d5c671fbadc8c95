"""A deterministic DKIM test key and real signatures over the generated messages.

The key is derived from the corpus seed (Miller-Rabin over a seeded ``random.Random``), so the
same seed gives the same key and therefore byte-identical signed messages. It is a *test* key:
it signs synthetic mail for made-up deliveries and is published only by the benchmark's own DNS
server on loopback.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace


def _primes_below(limit: int) -> tuple[int, ...]:
    sieve = bytearray([1]) * limit
    sieve[0:2] = b"\x00\x00"
    for n in range(2, int(limit**0.5) + 1):
        if sieve[n]:
            sieve[n * n :: n] = bytearray(len(sieve[n * n :: n]))
    return tuple(n for n in range(3, limit) if sieve[n])


# Trial division first: it rejects most candidates far cheaper than a Miller-Rabin round.
_SMALL_PRIMES = _primes_below(5000)
_E = 65537


@dataclass(frozen=True, slots=True)
class RSAKey:
    n: int
    e: int
    d: int
    p: int
    q: int

    def private_pem(self) -> bytes:
        """PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2), PEM-armoured: what dkimpy reads."""
        fields = (
            0, self.n, self.e, self.d, self.p, self.q,
            self.d % (self.p - 1), self.d % (self.q - 1), pow(self.q, -1, self.p),
        )  # fmt: skip
        der = _seq(b"".join(_int(x) for x in fields))
        return _pem("RSA PRIVATE KEY", der)

    def public_b64(self) -> str:
        """SubjectPublicKeyInfo, base64: the ``p=`` of the DKIM key record (RFC 6376 §3.6.1)."""
        rsa_encryption = bytes.fromhex(
            "06092a864886f70d0101010500"
        )  # OID 1.2.840.113549.1.1.1, NULL
        public = _seq(_int(self.n) + _int(self.e))
        spki = _seq(_seq(rsa_encryption) + _tlv(0x03, b"\x00" + public))
        return base64.b64encode(spki).decode("ascii")

    def dns_txt(self) -> str:
        return f"v=DKIM1; k=rsa; p={self.public_b64()}"


def make_key(seed: int | str, bits: int = 2048) -> RSAKey:
    rng = random.Random(f"{seed}:dkim-key:{bits}")
    while True:
        p = _prime(rng, bits // 2)
        q = _prime(rng, bits - bits // 2)
        if p == q:
            continue
        phi = (p - 1) * (q - 1)
        try:
            d = pow(_E, -1, phi)
        except ValueError:  # e shares a factor with p-1 or q-1: draw again
            continue
        if p < q:
            p, q = q, p
        return RSAKey(n=p * q, e=_E, d=d, p=p, q=q)


def _prime(rng: random.Random, bits: int) -> int:
    while True:
        # Top two bits set so p*q has exactly the requested size; odd.
        candidate = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if _probable_prime(candidate, rng):
            return candidate


def _probable_prime(n: int, rng: random.Random, rounds: int = 32) -> bool:
    for small in _SMALL_PRIMES:
        if n % small == 0:
            return n == small
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 2), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _tlv(tag: int, body: bytes) -> bytes:
    size = len(body)
    if size < 0x80:
        return bytes((tag, size)) + body
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + body


def _int(value: int) -> bytes:
    body = value.to_bytes(value.bit_length() // 8 + 1, "big")  # leading 0 keeps it positive
    return _tlv(0x02, body)


def _seq(body: bytes) -> bytes:
    return _tlv(0x30, body)


def _pem(label: str, der: bytes) -> bytes:
    b64 = base64.b64encode(der).decode("ascii")
    lines = [b64[i : i + 64] for i in range(0, len(b64), 64)]
    text = f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"
    return text.encode("ascii")


# ---------------------------------------------------------------------------------------------

SIGNED_HEADERS = (b"from", b"to", b"subject", b"date", b"message-id", b"mime-version",
                  b"content-type")  # fmt: skip


@contextmanager
def _signing_clock(timestamp: int) -> Iterator[None]:
    """Make dkimpy stamp ``t=`` with the message's send time instead of the wall clock.

    ``dkim.sign`` has no timestamp parameter (only ``arc_sign`` does) and reads
    ``time.time()`` through its module; without this the corpus would differ from run to run.
    Scoped to one call in the generator, never left in place.
    """
    import dkim

    real = dkim.time
    dkim.time = SimpleNamespace(time=lambda: float(timestamp))
    try:
        yield
    finally:
        dkim.time = real


def sign(message: bytes, *, selector: str, domain: str, key_pem: bytes, timestamp: int) -> bytes:
    """The ``DKIM-Signature:`` header (folded, LF line ends) to put on top of ``message``."""
    import dkim

    with _signing_clock(timestamp):
        header: bytes = dkim.sign(
            message,
            selector.encode("ascii"),
            domain.encode("ascii"),
            key_pem,
            include_headers=list(SIGNED_HEADERS),
            linesep=b"\n",
        )
    return header
