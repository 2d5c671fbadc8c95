"""Target 2: peak RSS of ``inspector analyze`` stays under 150 MB and flat as the mailbox grows.

Measured at N and at 2×N by default; ``--big`` measures 10×N instead (about 2.2 GB at the
default N: the "2 GB mbox export" of the issue; generating it takes a few minutes and the
disk space once, then it is cached under benchmarks/out/).
"""

from __future__ import annotations

from benchmarks.bench_analyze import analyze_cmd
from benchmarks.context import Context
from benchmarks.measure import median, ratio
from benchmarks.report import Row

NAME = "memory"
LIMIT_MB = 150.0
FLAT = 1.25  # RSS at k×N over RSS at N: "flat in N" allows this much for bookkeeping


def _rss(ctx: Context, messages: int) -> tuple[float, float]:
    corpus = ctx.corpus(messages)
    cmd = analyze_cmd(ctx, str(corpus.mbox), corpus.now.isoformat(), "--offline")
    runs = max(1, min(ctx.settings.runs, 2))
    samples = []
    for i in range(runs):
        ctx.log(f"memory: inspector analyze on {messages:,} messages ({i + 1}/{runs})")
        samples.append(ctx.run(cmd, ok_codes=(0, 1)))
    return median([s.peak_rss_mb for s in samples]), median([s.seconds for s in samples])


def run(ctx: Context) -> list[Row]:
    n = ctx.settings.messages
    factor = 10 if ctx.settings.big else 2
    known = ctx.details.get("rss_at", {}).get(str(n))
    if known:
        small, naive_small = known["inspector"], known["naive"]
    else:
        small, _ = _rss(ctx, n)
        corpus = ctx.corpus(n)
        ctx.log("memory: naive full parse (for comparison)")
        naive_small = ctx.run(ctx.naive("full", str(corpus.mbox))).peak_rss_mb
    big, big_seconds = _rss(ctx, n * factor)
    size_mb = ctx.details["corpora"][str(n * factor)]["bytes"] / 1e6
    flat = ratio(big, small)
    ctx.details[NAME] = {
        "rss_mb": {str(n): small, str(n * factor): big},
        "naive_rss_mb_at_n": naive_small,
        "big_seconds": round(big_seconds, 2),
        "big_mbox_mb": round(size_mb),
    }
    ok = big < LIMIT_MB and flat is not None and flat <= FLAT
    return [
        Row(
            NAME,
            f"peak RSS, {n:,} msgs",
            small,
            naive_small,
            "naive full parse",
            ratio(small, naive_small),
            f"< {LIMIT_MB:.0f} MB",
            small < LIMIT_MB,
            "MB",
        ),
        Row(
            NAME,
            f"peak RSS, {n * factor:,} msgs ({size_mb:,.0f} MB)",
            big,
            small,
            f"inspector at {n:,}",
            flat,
            f"< {LIMIT_MB:.0f} MB, ≤ {FLAT}× (flat)",
            ok,
            "MB",
        ),
    ]
