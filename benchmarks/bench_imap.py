"""Target 3: ``inspector scan`` against a local Dovecot, against a naive IMAP client.

Dovecot holds the corpus in INBOX and Junk; the window is the 30 days before the corpus's
``now`` (every message is in it). Both clients go through a counting proxy, alternately,
``--runs`` times each, with the Maildir files in the page cache and Dovecot's index built
before the first timed run. Targets: ≥ 10× the naive client's messages/s, at most
``10 + N/500`` IMAP commands, at most 10% of the naive client's bytes received.

When this build of inspector has no ``scan`` command, the naive client is still measured (so
the harness and the baseline are known to work) and inspector's rows say "skipped".
"""

from __future__ import annotations

import json
import secrets
from datetime import timedelta

from benchmarks.context import Context, compare_sets, corpus_key, inspector_codes
from benchmarks.measure import CommandFailed, Sample, median, ratio
from benchmarks.report import Row
from testkit.corpus import Corpus, count_messages
from testkit.dovecot import Dovecot, why_unavailable
from testkit.wireproxy import Counts, WireProxy

NAME = "imap"
USER = "bench"
# The benchmark's mailbox: INBOX and Junk hold the corpus (Trash stays empty).
FOLDERS = {"Junk": "\\Junk", "Trash": "\\Trash"}
PASSWORD_ENV = "BENCH_IMAP_PASSWORD"
WINDOW = timedelta(days=30)


def scan_available(ctx: Context) -> bool:
    try:
        ctx.run(ctx.inspector("scan", "--help"))
    except CommandFailed:
        return False
    return True


def run(ctx: Context) -> list[Row]:
    why = why_unavailable()
    if why:
        return [Row(NAME, "skipped", None, note=why)]
    rows: list[Row] = []
    for profile in ctx.settings.profiles:
        rows += _profile(ctx, profile)
    return rows


def _analyze_codes(ctx: Context, corpus: Corpus) -> list[str]:
    """The codes ``inspector analyze`` finds in the same messages (the mbox of the corpus)."""
    from benchmarks.bench_analyze import analyze_cmd

    cmd = analyze_cmd(ctx, str(corpus.mbox), corpus.now.isoformat(), "--offline")
    return list(inspector_codes(ctx.run(cmd, ok_codes=(0, 1)).stdout).values())


def _profile(ctx: Context, profile: str) -> list[Row]:
    corpus = ctx.corpus(ctx.settings.messages, profile)
    expected = list(json.loads(corpus.expected.read_text())["codes"].values())
    # The loaded Maildir is kept under the output folder and reused while the corpus is the same.
    server = Dovecot(
        ctx.settings.out / f"imap-{corpus.root.name}",
        folders=FOLDERS,
        password=secrets.token_urlsafe(16),
    )
    ctx.log("imap: loading the corpus into Dovecot's Maildir")
    loaded = server.load_corpus(corpus, USER)
    try:
        server.start()
        proxy = WireProxy(server.port)
        try:
            return _measure(ctx, server, corpus, proxy, expected, loaded, profile)
        finally:
            proxy.close()
    finally:
        server.stop()


def _measure(
    ctx: Context,
    server: Dovecot,
    corpus: Corpus,
    proxy: WireProxy,
    expected: list[str],
    loaded: float,
    profile: str,
) -> list[Row]:
    since = (corpus.now - WINDOW).date()
    folders = count_messages(server.maildir(USER))
    window = sum(folders.values())
    env = ctx.env({PASSWORD_ENV: server.password})
    naive_cmd = [
        ctx.settings.python, "-m", "benchmarks.naive_imap", "--port", str(proxy.port),
        "--user", USER, "--password-env", PASSWORD_ENV, "--since", since.isoformat(),
    ]  # fmt: skip
    scan_cmd = ctx.inspector(
        "scan", "--host", "127.0.0.1", "--port", str(proxy.port), "--encryption", "none",
        "--user", USER, "--password-env", PASSWORD_ENV,
        "--since", (corpus.now - WINDOW).isoformat(), "--now", corpus.now.isoformat(),
        "--format", "json", "--all-messages",
    )  # fmt: skip
    has_scan = scan_available(ctx)
    ctx.log("imap: indexing the Maildir and warming the page cache with its files")
    server.warm(USER)
    naive: list[tuple[Sample, Counts]] = []
    mine: list[tuple[Sample, Counts]] = []
    for i in range(ctx.settings.runs):
        ctx.log(f"imap: run {i + 1}/{ctx.settings.runs}: naive client")
        naive.append((ctx.run(naive_cmd, env=env), proxy.take()))
        if has_scan:
            ctx.log(f"imap: run {i + 1}/{ctx.settings.runs}: inspector scan")
            mine.append((ctx.run(scan_cmd, ok_codes=(0, 1), env=env), proxy.take()))

    naive_doc = json.loads(naive[-1][0].stdout)
    naive_rate = window / median([s.seconds for s, _ in naive])
    naive_cmds = naive[-1][1].total_commands
    naive_mb = naive[-1][1].bytes_down / 1e6
    naive_agree = compare_sets(expected, naive_doc["codes"])
    limit = 10 + window // 500
    details: dict[str, object] = {
        "folders": folders,
        "load_seconds": round(loaded, 1) if loaded else "reused",
        "since": since.isoformat(),
        "naive_seconds": [round(s.seconds, 3) for s, _ in naive],
        "naive_fetch_parse_seconds": [naive_doc["fetch_seconds"], naive_doc["parse_seconds"]],
        "naive_commands": dict(naive[-1][1].commands),
        "naive_bytes_down": naive[-1][1].bytes_down,
        "scan_available": has_scan,
    }
    ctx.details.setdefault(NAME, {})[corpus_key(profile, corpus.messages)] = details
    p = f"{profile}: "
    if not has_scan:
        note = "skipped: inspector scan not available"
        return [
            Row(NAME, f"{p}throughput, {window:,} msgs", None, naive_rate, "naive IMAP client",
                None, "≥ 10×", None, "msg/s", note),
            Row(NAME, f"{p}IMAP commands", None, naive_cmds, "naive IMAP client", None,
                f"≤ {limit}", None, "", note),
            Row(NAME, f"{p}bytes received", None, naive_mb, "naive IMAP client", None,
                "≤ 10% of naive", None, "MB", note),
            Row(NAME, f"{p}codes found", None, naive_agree.text(), "naive IMAP client", None,
                "all, ≤ 2% extra", None, "", note),
        ]  # fmt: skip
    scan_doc = json.loads(mine[-1][0].stdout)
    found = [str(m["code"]) for m in scan_doc.get("messages", []) if m.get("code")]
    agree = compare_sets(expected, found)
    rate = window / median([s.seconds for s, _ in mine])
    cmds = mine[-1][1].total_commands
    mb = mine[-1][1].bytes_down / 1e6
    ctx.log("imap: inspector analyze on the same messages (its codes are scan's reference)")
    analyzed = _analyze_codes(ctx, corpus)
    same = compare_sets(analyzed, found)
    details.update(
        scan_seconds=[round(s.seconds, 3) for s, _ in mine],
        scan_commands=dict(mine[-1][1].commands),
        scan_bytes_down=mine[-1][1].bytes_down,
        scan_rss_mb=[round(s.peak_rss_mb, 1) for s, _ in mine],
        codes_vs_analyze=same.text(),
        missed_vs_analyze=sorted(set(analyzed) - set(found))[:50],
    )
    speedup = ratio(rate, naive_rate)
    share = ratio(mb, naive_mb)
    return [
        Row(NAME, f"{p}throughput, {window:,} msgs", rate, naive_rate, "naive IMAP client",
            speedup, "≥ 10×", speedup is not None and speedup >= 10, "msg/s"),
        Row(NAME, f"{p}IMAP commands", cmds, naive_cmds, "naive IMAP client",
            ratio(cmds, naive_cmds), f"≤ {limit} (10 + N/500)", cmds <= limit),
        Row(NAME, f"{p}bytes received", mb, naive_mb, "naive IMAP client", share, "≤ 10% of naive",
            share is not None and share <= 0.10, "MB"),
        Row(NAME, f"{p}codes found", agree.text(), naive_agree.text(), "naive IMAP client", None,
            "all, ≤ 2% extra", agree.ok),
        Row(NAME, f"{p}codes vs analyze, same messages", same.text(), len(set(analyzed)),
            "analyze's codes", None, "same codes", same.found == same.expected and not same.extra),
    ]  # fmt: skip
