"""A deterministic, realistic synthetic mailbox: ``python -m testkit.corpus --messages N``.

Writes to the output folder:

- ``corpus.mbox``: a Google-Takeout-style mbox (``From `` lines, ``X-Gmail-Labels``), messages
  in delivery order over the 20 days before ``--base-time``;
- ``manifest.jsonl``: per message its index, folder, delivery time and byte range in the mbox
  (what the IMAP benchmark loads into Dovecot);
- ``expected.json``: message index → the verification code it carries, and details;
- ``dkim-private.pem``, ``dns-records.json``: the test key that signed ~40% of the messages and
  every DKIM/SPF/DMARC record the DNS benchmark serves;
- ``Maildir/`` with ``--maildir`` (INBOX plus ``.Junk``).

The same ``--seed``, ``--messages`` and ``--base-time`` give byte-identical files. Each message
is built from its own ``random.Random(f"{seed}:message:{index}")``, so the first N messages of
a larger corpus equal a corpus of N, and generation runs in parallel.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from testkit.corpus.gen_dkim import make_key
from testkit.corpus.gen_message import Generated, build, org_domain
from testkit.corpus.gen_realistic import PROFILES
from testkit.corpus.maildir import write_maildir_message

GENERATOR_VERSION = 4
DEFAULT_SEED = 20261120
DEFAULT_BASE_TIME = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SPAN = timedelta(days=20)
_CHUNK = 250
_FROM_LINE = re.compile(rb"^(>*From )", re.M)


@dataclass(frozen=True, slots=True)
class Corpus:
    root: Path
    messages: int
    seed: int
    base_time: datetime
    profile: str = "synthetic"  # or "realistic" (see gen_realistic)

    @property
    def mbox(self) -> Path:
        return self.root / "corpus.mbox"

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.jsonl"

    @property
    def expected(self) -> Path:
        return self.root / "expected.json"

    @property
    def dns_records(self) -> Path:
        return self.root / "dns-records.json"

    @property
    def maildir(self) -> Path:
        return self.root / "Maildir"

    @property
    def now(self) -> datetime:
        """The ``--now`` to diagnose the corpus with: just after its last delivery."""
        return self.base_time + timedelta(minutes=5)


def delivery_time(rng: random.Random, index: int, messages: int, base: datetime) -> datetime:
    start = base - SPAN
    return start + (index - 1 + rng.random()) * SPAN / messages


def _build_chunk(args: tuple[int, int, int, int, str, bytes, str]) -> list[Generated]:
    first, last, messages, seed, base_iso, key_pem, profile = args
    base = datetime.fromisoformat(base_iso)
    out = []
    for index in range(first, last):
        when = delivery_time(random.Random(f"{seed}:time:{index}"), index, messages, base)
        out.append(build(index, seed, when.replace(microsecond=0), key_pem, profile))
    return out


def iter_messages(
    messages: int,
    seed: int = DEFAULT_SEED,
    base_time: datetime = DEFAULT_BASE_TIME,
    *,
    key_pem: bytes | None = None,
    jobs: int = 1,
    profile: str = "synthetic",
) -> Iterator[Generated]:
    """Every message of the corpus in order, built on ``jobs`` processes."""
    pem = key_pem if key_pem is not None else make_key(seed).private_pem()
    chunks = [
        (
            first,
            min(first + _CHUNK, messages + 1),
            messages,
            seed,
            base_time.isoformat(),
            pem,
            profile,
        )
        for first in range(1, messages + 1, _CHUNK)
    ]
    if jobs <= 1 or len(chunks) == 1:
        for chunk in chunks:
            yield from _build_chunk(chunk)
        return
    # A bounded window of chunks in flight: Executor.map would submit them all at once and
    # could buffer the whole corpus in memory when writing falls behind.
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[Generated]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_build_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def mbox_entry(msg: Generated) -> tuple[bytes, bytes]:
    """The ``From `` line plus Takeout headers, and the escaped message (mboxrd, RFC 4155)."""
    stamp = msg.delivered.strftime("%a %b %d %H:%M:%S %Y")
    thread = 1780000000000000000 + msg.index * 7919
    prefix = (
        f"From {msg.envelope} {stamp}\nX-GM-THRID: {thread}\nX-Gmail-Labels: {msg.labels}\n"
    ).encode()
    return prefix, _FROM_LINE.sub(rb">\1", msg.data)


def generate(
    out: Path,
    messages: int,
    seed: int = DEFAULT_SEED,
    base_time: datetime = DEFAULT_BASE_TIME,
    *,
    maildir: bool = False,
    jobs: int = 0,
    profile: str = "synthetic",
) -> Corpus:
    if profile not in PROFILES:
        raise ValueError(f"unknown corpus profile {profile!r}; choose from {', '.join(PROFILES)}")
    out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(out, messages, seed, base_time, profile)
    (out / "DONE").unlink(missing_ok=True)
    key = make_key(seed)
    (out / "dkim-private.pem").write_bytes(key.private_pem())
    jobs = jobs or os.cpu_count() or 1
    codes: dict[str, str] = {}
    details: dict[str, dict[str, str]] = {}
    kinds: dict[str, int] = {}
    pairs: set[tuple[str, str]] = set()
    spf: dict[str, str] = {}
    dmarc: set[str] = set()
    signed = 0
    offset = 0
    with corpus.mbox.open("wb") as mbox, corpus.manifest.open("w") as manifest:
        for msg in iter_messages(
            messages, seed, base_time, key_pem=key.private_pem(), jobs=jobs, profile=profile
        ):
            prefix, data = mbox_entry(msg)
            mbox.write(prefix + data + b"\n")
            start = offset + len(prefix)
            offset += len(prefix) + len(data) + 1
            record = {
                "index": msg.index,
                "folder": msg.folder,
                "kind": msg.kind,
                "delivered": msg.delivered.isoformat(),
                "offset": start,
                "length": len(data),
                "envelope_domain": msg.envelope.rpartition("@")[2],
                "from_domain": msg.from_domain,
                "dkim": f"{msg.dkim[0]}._domainkey.{msg.dkim[1]}" if msg.dkim else None,
            }
            manifest.write(json.dumps(record) + "\n")
            kinds[msg.kind] = kinds.get(msg.kind, 0) + 1
            spf[msg.envelope.rpartition("@")[2]] = msg.spf_block
            dmarc.add(org_domain(msg.from_domain))
            if msg.dkim:
                signed += 1
                pairs.add(msg.dkim)
            if msg.code is not None:
                codes[str(msg.index)] = normalize_code(msg.code)
                details[str(msg.index)] = {
                    "shown": msg.code,
                    "service": msg.service or "",
                    "lang": msg.lang,
                    "folder": msg.folder,
                }
            if maildir:
                write_maildir_message(
                    corpus.maildir, msg.folder, msg.index, msg.delivered, msg.data
                )
    expected = {
        "generator_version": GENERATOR_VERSION,
        "profile": profile,
        "seed": seed,
        "messages": messages,
        "base_time": base_time.isoformat(),
        "now": corpus.now.isoformat(),
        "bytes": offset,
        "kinds": dict(sorted(kinds.items())),
        "dkim_signed": signed,
        "dkim_pairs": sorted(f"{s}._domainkey.{d}" for s, d in pairs),
        "codes": codes,
        "details": details,
    }
    corpus.expected.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
    records = dns_records(key.dns_txt(), pairs, spf, dmarc)
    corpus.dns_records.write_text(json.dumps(records, indent=1) + "\n")
    (out / "DONE").write_text(_stamp(messages, seed, base_time, maildir, profile))
    return corpus


def _stamp(
    messages: int, seed: int, base_time: datetime, maildir: bool, profile: str = "synthetic"
) -> str:
    fields: list[object] = [GENERATOR_VERSION, messages, seed, base_time.isoformat(), maildir]
    if profile != "synthetic":  # the synthetic stamp is unchanged, so cached corpora stay valid
        fields.append(profile)
    return json.dumps(fields)


def ensure_corpus(
    root: Path,
    messages: int,
    seed: int = DEFAULT_SEED,
    base_time: datetime = DEFAULT_BASE_TIME,
    *,
    maildir: bool = False,
    profile: str = "synthetic",
) -> tuple[Corpus, float]:
    """The corpus under ``root``, generated unless an identical one is there; (corpus, seconds).

    ``corpus-N-SEED`` for the synthetic profile, ``corpus-PROFILE-N-SEED`` for another."""
    name = f"corpus-{messages}-{seed}"
    out = root / (name if profile == "synthetic" else f"corpus-{profile}-{messages}-{seed}")
    done = out / "DONE"
    stamps = (
        _stamp(messages, seed, base_time, maildir, profile),
        _stamp(messages, seed, base_time, True, profile),
    )
    if done.exists() and done.read_text() in stamps:
        return Corpus(out, messages, seed, base_time, profile), 0.0
    started = time.perf_counter()
    corpus = generate(out, messages, seed, base_time, maildir=maildir, profile=profile)
    return corpus, time.perf_counter() - started


def normalize_code(code: str) -> str:
    """Codes compare without separators and case: ``123-456`` and ``123456`` are one code."""
    return re.sub(r"[\s\-]", "", code).upper()


def iter_stored(corpus: Corpus) -> Iterator[tuple[dict[str, object], bytes]]:
    """(manifest record, message bytes as delivered) for every message, read back from disk."""
    with corpus.manifest.open() as manifest, corpus.mbox.open("rb") as mbox:
        for line in manifest:
            record = json.loads(line)
            mbox.seek(int(record["offset"]))
            data = mbox.read(int(record["length"]))
            yield record, re.sub(rb"^>(>*From )", rb"\1", data, flags=re.M)


def dns_records(
    dkim_txt: str, pairs: set[tuple[str, str]], spf: dict[str, str], dmarc: set[str]
) -> list[list[str]]:
    """Every record a verifier of this corpus could ask about, as [name, type, value].

    The DKIM key of each (selector, domain) pair (RFC 6376 §3.6.2.1), the SPF record of each
    envelope domain (RFC 7208 §4.4), the DMARC record of each From organisational domain
    (RFC 7489 §6.1).
    """
    records = [[f"{s}._domainkey.{d}", "TXT", dkim_txt] for s, d in sorted(pairs)]
    records += [[d, "TXT", f"v=spf1 ip4:{block} -all"] for d, block in sorted(spf.items())]
    records += [
        [f"_dmarc.{d}", "TXT", f"v=DMARC1; p=reject; rua=mailto:dmarc@{d}"] for d in sorted(dmarc)
    ]
    return records
