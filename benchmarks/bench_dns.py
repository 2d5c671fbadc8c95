"""Target 4: DNS lookups are cached per run, and verification costs at most 2× ``--offline``.

dnsmasq on loopback serves the corpus's DKIM keys and SPF/DMARC records and logs every
query. ``inspector analyze --resolver 127.0.0.1:PORT`` and ``--offline`` run alternately.
The query target is "each (type, name) asked at most once per run"; the baseline column is
what a naive verifier asks: per verification message one DKIM key per signature, one SPF and
one DMARC record (dkimpy and pyspf called message by message, no cache).
"""

from __future__ import annotations

import json
from collections import Counter

from benchmarks.bench_analyze import analyze_cmd
from benchmarks.context import Context
from benchmarks.measure import median, ratio
from benchmarks.report import Row
from testkit.corpus import org_domain
from testkit.dnsmasq import DNSServer, dnsmasq_binary

NAME = "dns"


def naive_lookups(manifest_lines: list[str]) -> tuple[int, int]:
    """(queries a per-message verifier makes, distinct names among them) over the
    verification messages, the ones inspector authenticates."""
    total = 0
    names: set[str] = set()
    for line in manifest_lines:
        record = json.loads(line)
        if record["kind"] != "verification":
            continue
        wanted = [f"spf:{record['envelope_domain']}", f"dmarc:{org_domain(record['from_domain'])}"]
        if record.get("dkim"):
            wanted.append(f"dkim:{record['dkim']}")
        total += len(wanted)
        names.update(wanted)
    return total, len(names)


def run(ctx: Context) -> list[Row]:
    if dnsmasq_binary() is None:
        return [Row(NAME, "skipped", None, note="dnsmasq is not installed")]
    corpus = ctx.corpus(ctx.settings.messages)
    records = json.loads(corpus.dns_records.read_text())
    naive_total, distinct = naive_lookups(corpus.manifest.read_text().splitlines())
    server = DNSServer(records, log_queries=True).start()
    try:
        now = corpus.now.isoformat()
        online = analyze_cmd(ctx, str(corpus.mbox), now, "--resolver", f"127.0.0.1:{server.port}")
        offline = analyze_cmd(ctx, str(corpus.mbox), now, "--offline")
        t_on: list[float] = []
        t_off: list[float] = []
        per_run: list[Counter[tuple[str, str]]] = []
        for i in range(ctx.settings.runs):
            ctx.log(f"dns: run {i + 1}/{ctx.settings.runs}: --offline, then --resolver")
            t_off.append(ctx.run(offline, ok_codes=(0, 1)).seconds)
            server.take_queries()
            t_on.append(ctx.run(online, ok_codes=(0, 1)).seconds)
            per_run.append(server.take_queries())
    finally:
        server.stop()
    queries = per_run[-1]
    total = sum(queries.values())
    repeated = {f"{k[0]} {k[1]}": n for k, n in queries.items() if n > 1}
    slowdown = ratio(median(t_on), median(t_off))
    ctx.details[NAME] = {
        "resolver_seconds": [round(t, 3) for t in t_on],
        "offline_seconds": [round(t, 3) for t in t_off],
        "queries_per_run": [sum(c.values()) for c in per_run],
        "distinct_per_run": [len(c) for c in per_run],
        "repeated": dict(sorted(repeated.items())[:50]),
        "by_type": dict(Counter(kind for kind, _ in queries.elements())),
        "naive_queries": naive_total,
        "distinct_names_needed": distinct,
        "records_served": len(records),
    }
    if total == 0:
        note = "no DNS queries made: verification not in this build"
        query_ok = None
    else:
        note = f"{len(repeated)} names asked twice or more" if repeated else "each name once"
        query_ok = not repeated
    return [
        Row(NAME, "DNS queries per run", total, naive_total, "per-message verifier",
            ratio(total, naive_total), "each (type, name) once", query_ok, "", note),
        Row(NAME, "analyze time, DNS on", median(t_on), median(t_off), "--offline", slowdown,
            "≤ 2×", slowdown is not None and slowdown <= 2 if total else None, "s"),
    ]  # fmt: skip
