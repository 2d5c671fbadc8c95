"""ARC chains (RFC 8617) sealed in the test and verified against a loopback dnsmasq."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from inspector.auth import check_auth
from inspector.domains.dns import Resolver
from testkit.dnsmasq import DNSServer, Records

if TYPE_CHECKING:
    from tests.auth_kit import AuthKit, TestKey

NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def server(dnsmasq: Callable[[Records], DNSServer], rsa_key: TestKey) -> DNSServer:
    return dnsmasq(
        Records(
            txt={
                "sel._domainkey.example.com": [rsa_key.record],
                "arc._domainkey.forwarder.org": [rsa_key.record],
                "_dmarc.example.com": ["v=DMARC1; p=reject"],
            }
        )
    )


@pytest.fixture
def resolver(server: DNSServer) -> Resolver:
    return server.resolver()


def _forwarded(kit: AuthKit, key: TestKey) -> bytes:
    """Signed by example.com, footer added by a mailing list, then ARC-sealed by it."""
    import dkim

    original = kit.sign(kit.message(), key, domain="example.com")
    changed = original + b"-- \r\nYou are subscribed to the list.\r\n"
    stamp = (
        b"Authentication-Results: lists.forwarder.org; dkim=pass header.d=example.com;"
        b" dmarc=pass header.from=example.com\r\n"
    )
    with_stamp = stamp + changed
    seal = dkim.arc_sign(with_stamp, b"arc", b"forwarder.org", key.private, b"lists.forwarder.org")
    return b"".join(seal) + with_stamp


def test_valid_chain_passes_and_explains_a_broken_dkim(
    kit: AuthKit, rsa_key: TestKey, resolver: Resolver
) -> None:
    raw = kit.delivered(_forwarded(kit, rsa_key), ip="203.0.113.7", helo="lists.forwarder.org")
    report = check_auth(raw, resolver=resolver, now=NOW)
    assert (report.arc.result, report.arc.source, report.arc.verified) == (
        "pass",
        "verified",
        "pass",
    )
    assert report.arc.domains == ("forwarder.org",)
    (instance,) = report.arc.instances
    assert (instance.instance, instance.seal_valid, instance.signature_valid) == (1, True, True)
    assert instance.authserv_id == "lists.forwarder.org"
    assert report.dkim.result == "fail"
    assert report.dmarc.result == "fail"
    # the forwarder's own stamp is somebody else's: listed, not trusted
    assert {r.authserv_id for r in report.untrusted} == {"lists.forwarder.org"}


def test_tampered_after_sealing_fails(kit: AuthKit, rsa_key: TestKey, resolver: Resolver) -> None:
    raw = kit.delivered(_forwarded(kit, rsa_key)).replace(b"123456", b"999999")
    arc = check_auth(raw, resolver=resolver, now=NOW).arc
    assert arc.result == "fail"
    assert arc.explanation


@pytest.mark.slow
def test_dns_timeout_is_temperror(
    kit: AuthKit, rsa_key: TestKey, silent_resolver: Resolver
) -> None:
    arc = check_auth(kit.delivered(_forwarded(kit, rsa_key)), resolver=silent_resolver, now=NOW).arc
    assert arc.result == "temperror"


def test_offline_lists_the_chain_without_verifying(kit: AuthKit, rsa_key: TestKey) -> None:
    arc = check_auth(kit.delivered(_forwarded(kit, rsa_key)), resolver=None, now=NOW).arc
    assert (arc.result, arc.source, arc.verified) == ("none", None, None)
    assert [(i.instance, i.seal_domain, i.seal_valid) for i in arc.instances] == [
        (1, "forwarder.org", None)
    ]


def test_receiver_arc_stamp_is_the_receipt_verdict(kit: AuthKit, rsa_key: TestKey) -> None:
    stamp = "Authentication-Results: mx.receiver.test; arc=pass\r\n"
    arc = check_auth(kit.delivered(_forwarded(kit, rsa_key), stamps=stamp), resolver=None).arc
    assert (arc.result, arc.source, arc.receipt) == ("pass", "receipt", "pass")


def test_no_chain(kit: AuthKit, resolver: Resolver) -> None:
    arc = check_auth(kit.delivered(kit.message()), resolver=resolver, now=NOW).arc
    assert (arc.result, arc.instances) == ("none", ())
