"""Target 1: ``inspector analyze --offline`` over the synthetic mbox, against a naive full parse.

Both run as their own processes on the same file, alternating, ``--runs`` times each; the
figure is messages per second from the median wall time (start-up included: that is what a
person waits for). The split-only reader is run first: it is the floor of any mbox reader,
and it puts the file in the page cache so neither side pays for the disk.
"""

from __future__ import annotations

import json

from benchmarks.context import Context, compare, inspector_codes
from benchmarks.measure import Sample, median, ratio
from benchmarks.report import Row
from testkit.corpus import normalize_code

NAME = "analyze"


def analyze_cmd(ctx: Context, mbox: str, now: str, *extra: str) -> list[str]:
    return ctx.inspector(
        "analyze", mbox, "--format", "json", "--all-messages", "--now", now, *extra
    )  # fmt: skip


def run(ctx: Context) -> list[Row]:
    corpus = ctx.corpus(ctx.settings.messages)
    n = corpus.messages
    mbox = str(corpus.mbox)
    expected: dict[str, str] = json.loads(corpus.expected.read_text())["codes"]

    ctx.log("analyze: split-only reader (warms the page cache)")
    split = [ctx.run(ctx.naive("split", mbox)) for _ in range(ctx.settings.runs)]
    naive: list[Sample] = []
    mine: list[Sample] = []
    cmd = analyze_cmd(ctx, mbox, corpus.now.isoformat(), "--offline")
    for i in range(ctx.settings.runs):
        ctx.log(f"analyze: run {i + 1}/{ctx.settings.runs}: naive full parse")
        naive.append(ctx.run(ctx.naive("full", mbox)))
        ctx.log(f"analyze: run {i + 1}/{ctx.settings.runs}: inspector analyze --offline")
        mine.append(ctx.run(cmd, ok_codes=(0, 1)))

    naive_rate = n / median([s.seconds for s in naive])
    mine_rate = n / median([s.seconds for s in mine])
    split_rate = n / median([s.seconds for s in split])
    naive_doc = json.loads(naive[-1].stdout)
    naive_codes = {k: normalize_code(v) for k, v in naive_doc["codes"].items()}
    found = inspector_codes(mine[-1].stdout)
    agree = compare(expected, found)
    naive_agree = compare(expected, naive_codes)
    speedup = ratio(mine_rate, naive_rate)
    ctx.details[NAME] = {
        "messages": n,
        "inspector_seconds": [round(s.seconds, 3) for s in mine],
        "naive_seconds": [round(s.seconds, 3) for s in naive],
        "split_seconds": [round(s.seconds, 3) for s in split],
        "inspector_rss_mb": [round(s.peak_rss_mb, 1) for s in mine],
        "naive_rss_mb": [round(s.peak_rss_mb, 1) for s in naive],
        "codes": {"inspector": agree.text(), "naive": naive_agree.text()},
        "missed": sorted((k for k in expected if found.get(k) != expected[k]), key=int)[:50],
        "extra": sorted((k for k in found if k not in expected), key=int)[:50],
        "exit_codes": sorted({s.returncode for s in mine}),
    }
    rss_mine = median([s.peak_rss_mb for s in mine])
    rss_naive = median([s.peak_rss_mb for s in naive])
    ctx.details.setdefault("rss_at", {})[str(n)] = {"inspector": rss_mine, "naive": rss_naive}
    return [
        Row(
            NAME,
            f"throughput, {n:,} msgs",
            mine_rate,
            naive_rate,
            "naive full parse",
            speedup,
            "≥ 10×",
            speedup is not None and speedup >= 10,
            "msg/s",
        ),
        Row(
            NAME,
            "codes found",
            agree.text(),
            naive_agree.text(),
            "naive full parse",
            None,
            "all, ≤ 2% extra",
            agree.ok,
        ),
        Row(
            NAME,
            "vs split-only reader",
            mine_rate,
            split_rate,
            "split only",
            ratio(mine_rate, split_rate),
            "context",
            None,
            "msg/s",
        ),
        Row(
            NAME,
            "peak RSS",
            rss_mine,
            rss_naive,
            "naive full parse",
            ratio(rss_mine, rss_naive),
            "context",
            None,
            "MB",
        ),
    ]
