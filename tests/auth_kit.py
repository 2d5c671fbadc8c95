"""Fixtures for the authentication tests: test DKIM keys and signing helpers.

Its fixtures are imported into tests/conftest.py (the loopback dnsmasq is a fixture there).
Test modules reach the helpers through the ``kit`` fixture rather than importing this module
(importing a plugin before pytest loads it defeats assertion rewriting and warns); types can
be imported under ``TYPE_CHECKING``. Keys are generated at test time (RSA 2048 with the openssl
CLI, Ed25519 with PyNaCl) and their public halves are served by dnsmasq; nothing here reaches
the internet.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class TestKey:
    algorithm: bytes  # dkimpy signature_algorithm
    private: bytes  # what dkim.sign() takes
    record: str  # the DKIM key record to publish

    __test__ = False  # not a test class, despite the name


def _rsa_key(directory: Path) -> TestKey:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to make an RSA test key")
    path = directory / "rsa.pem"
    subprocess.run(
        [openssl, "genrsa", "-traditional", "-out", str(path), "2048"],
        check=True,
        capture_output=True,
    )
    public = subprocess.run(
        [openssl, "rsa", "-in", str(path), "-pubout", "-outform", "DER"],
        check=True,
        capture_output=True,
    ).stdout
    return TestKey(
        b"rsa-sha256",
        path.read_bytes(),
        "v=DKIM1; k=rsa; p=" + base64.b64encode(public).decode("ascii"),
    )


def _ed25519_key() -> TestKey:
    import nacl.encoding
    import nacl.signing

    key = nacl.signing.SigningKey.generate()
    private = key.encode(encoder=nacl.encoding.Base64Encoder)
    public = key.verify_key.encode(encoder=nacl.encoding.Base64Encoder).decode("ascii")
    return TestKey(b"ed25519-sha256", private, "v=DKIM1; k=ed25519; p=" + public)


@pytest.fixture(scope="session")
def rsa_key(tmp_path_factory: pytest.TempPathFactory) -> TestKey:
    return _rsa_key(tmp_path_factory.mktemp("rsa"))


@pytest.fixture(scope="session")
def other_rsa_key(tmp_path_factory: pytest.TempPathFactory) -> TestKey:
    """A second RSA key: the one published after a "rotation"."""
    return _rsa_key(tmp_path_factory.mktemp("rsa2"))


@pytest.fixture(scope="session")
def ed25519_key() -> TestKey:
    return _ed25519_key()


def sign(
    message: bytes,
    key: TestKey,
    *,
    domain: str,
    selector: str = "sel",
    length: bool = False,
    include_headers: list[bytes] | None = None,
) -> bytes:
    """The message with a DKIM-Signature by ``key`` prepended (the way a signer adds it)."""
    import dkim

    header = dkim.sign(
        message,
        selector.encode(),
        domain.encode(),
        key.private,
        signature_algorithm=key.algorithm,
        length=length,
        include_headers=include_headers,
    )
    return bytes(header) + message


def message(
    *,
    from_: str = "Example <no-reply@example.com>",
    subject: str = "Your verification code",
    body: str = "Your code is 123456.\r\n",
    extra: str = "",
) -> bytes:
    """A small RFC 5322 message with CRLF line ends; ``extra`` are more header lines."""
    text = (
        f"From: {from_}\r\nTo: user@example.org\r\nSubject: {subject}\r\n"
        "Date: Mon, 01 Jan 2024 10:00:00 +0000\r\nMessage-ID: <abc@example.com>\r\n"
        f"{extra}\r\n{body}"
    )
    return text.encode("utf-8")


def delivered(
    signed: bytes,
    *,
    ip: str = "192.0.2.10",
    helo: str = "mail.example.com",
    return_path: str = "bounce@example.com",
    receiver: str = "mx.receiver.test",
    stamps: str = "",
) -> bytes:
    """``signed`` as the receiver stores it: Return-Path, its Received hop and its stamps."""
    top = (
        f"Return-Path: <{return_path}>\r\n"
        f"{stamps}"
        f"Received: from {helo} ({helo} [{ip}])\r\n\tby {receiver} with ESMTPS id 1a2b3c\r\n"
        "\tfor <user@example.org>; Mon, 01 Jan 2024 10:00:05 +0000\r\n"
    )
    return top.encode("utf-8") + signed


class AuthKit:
    """The helpers above, handed to tests by the ``kit`` fixture."""

    message = staticmethod(message)
    delivered = staticmethod(delivered)
    sign = staticmethod(sign)


@pytest.fixture(scope="session")
def kit() -> AuthKit:
    return AuthKit()
