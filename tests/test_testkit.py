"""The test kit itself: what the other tests and the benchmarks rely on it to do."""

from __future__ import annotations

import imaplib
import json
from collections.abc import Callable
from pathlib import Path

import dns.message
import dns.query
import pytest
from imapclient import IMAPClient

from testkit.corpus import count_messages, generate
from testkit.dnsmasq import DNSServer
from testkit.dovecot import Dovecot
from testkit.mail import make_message
from testkit.net import HOST
from testkit.wireproxy import CommandCounter, WireProxy


def test_command_counter_skips_literals_and_keeps_uid_commands() -> None:
    counter = CommandCounter()
    stream = (
        b"a1 LOGIN {5}\r\nalice {8}\r\nx1 FETCH\r\n"  # a password that looks like a command
        b"a2 UID FETCH 1:* (FLAGS)\r\n"
        b"a3 APPEND INBOX {12+}\r\nb1 STORE 1\r\n\r\n"
        b"DONE\r\n"
    )
    names = [name for byte in range(len(stream)) for name in counter.feed(stream[byte : byte + 1])]
    assert names == ["LOGIN", "UID FETCH", "APPEND"]


def test_proxy_records_and_counts_commands(dovecot: Dovecot, wire_proxy) -> None:
    user = dovecot.new_user("proxy")
    dovecot.append(user, "INBOX", [make_message("one"), make_message("two")])
    proxy: WireProxy = wire_proxy(dovecot.port)
    client = IMAPClient(HOST, port=proxy.port, ssl=False, timeout=10)
    client.login(user, dovecot.password)
    client.select_folder("INBOX", readonly=True)
    client.fetch(client.search("ALL"), ["BODY.PEEK[]"])
    client.logout()
    assert {"LOGIN", "EXAMINE", "SEARCH", "FETCH"} <= set(proxy.commands())
    assert dovecot.password.encode() in proxy.sent
    counts = proxy.take()
    assert counts.connections == 1
    assert counts.commands["UID FETCH"] == 1
    assert counts.bytes_down > 2 * len(make_message("one"))
    assert proxy.take().total_commands == 0  # take() starts afresh


def test_restart_ends_logged_in_sessions_and_keeps_the_mail(
    dovecot_factory: Callable[..., Dovecot],
) -> None:
    server = dovecot_factory(special_use=False).start()
    user = server.new_user("restart")
    server.append(user, "Spam", [make_message("kept")], flags=(b"\\Flagged",))
    before = server.snapshot(user)
    client = IMAPClient(HOST, port=server.port, ssl=False, timeout=5)
    client.login(user, server.password)
    validity = client.select_folder("Spam")[b"UIDVALIDITY"]
    server.restart()
    with pytest.raises((imaplib.IMAP4.abort, OSError)):
        client.noop()  # an imap process that survived the restart would still answer
    assert server.snapshot(user) == before
    with server.setup_client(user) as fresh:
        assert fresh.select_folder("Spam")[b"UIDVALIDITY"] == validity


@pytest.mark.slow
def test_corpus_loaded_from_its_manifest(
    dovecot_factory: Callable[..., Dovecot], tmp_path: Path
) -> None:
    corpus = generate(tmp_path / "corpus", 40, 7, jobs=1)
    server = dovecot_factory(folders={"Junk": "\\Junk"})  # tmp_path: mode 0700
    assert server.load_corpus(corpus, "bench") > 0
    assert server.load_corpus(corpus, "bench") == 0.0  # the same corpus is reused
    folders = count_messages(server.maildir("bench"))
    assert sum(folders.values()) == 40
    server.start()
    server.warm("bench")
    with server.setup_client("bench") as client:
        for name, count in folders.items():
            assert client.select_folder(name, readonly=True)[b"EXISTS"] == count
    manifest = [json.loads(line) for line in corpus.manifest.read_text().splitlines()]
    assert folders["Junk"] == sum(1 for record in manifest if record["folder"] == "Junk")


def test_dns_query_log_counts_each_question(dns_server: Callable[..., DNSServer]) -> None:
    server = dns_server([("shop.example.com", "TXT", "v=spf1 -all")], log_queries=True)
    for _ in range(2):
        query = dns.message.make_query("shop.example.com", "TXT")
        dns.query.udp(query, server.host, port=server.port, timeout=2)
    query = dns.message.make_query("other.example.com", "A")
    dns.query.udp(query, server.host, port=server.port, timeout=2)
    assert server.take_queries() == {
        ("TXT", "shop.example.com"): 2,
        ("A", "other.example.com"): 1,
    }
    assert not server.take_queries()
