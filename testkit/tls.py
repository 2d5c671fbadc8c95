"""A private certificate authority and a loopback server certificate signed by it (openssl).

Tests of certificate checking need a CA the system does not trust: a client is refused until
it is given ``ca.pem``, and accepted for both ``127.0.0.1`` and ``localhost`` once it is.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def make_ca_and_cert(folder: Path) -> None:
    """Write ``ca.pem``/``ca.key`` and ``cert.pem``/``key.pem`` (127.0.0.1, localhost)."""

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=folder)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
        "/CN=inspector test CA", "-keyout", "ca.key", "-out", "ca.pem",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
        "-keyout", "key.pem", "-out", "server.csr")  # fmt: skip
    (folder / "ext.cnf").write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\n"
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
    )
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-out", "cert.pem", "-extfile", "ext.cnf")  # fmt: skip
