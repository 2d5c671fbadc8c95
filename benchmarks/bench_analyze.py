"""Target 1: ``inspector analyze --offline`` in ONE process, against a naive full parse.

One block of rows per corpus profile (``synthetic``: the benchmark corpus; ``realistic``: a
real mailbox's mix, see ``testkit/corpus/gen_realistic.py``). Both sides run as their own
processes on the same file, alternating, ``--runs`` times each; the figure is messages per
second from the median wall time (start-up included: that is what a person waits for).
inspector runs with one process (``INSPECTOR_JOBS=1``, and ``--jobs 1`` when the build has the
option), so the ratio compares one process with one process. The split-only reader runs first:
it is the floor of any mbox reader, and it puts the file in the page cache.

The scaling rows run the same command with 2 and 4 workers in the same rounds (on the
realistic profile when it is measured) and compare each with the one-process figure.
"""

from __future__ import annotations

import json
import os

from benchmarks.context import Context, compare, corpus_key, inspector_codes
from benchmarks.measure import Sample, median, ratio
from benchmarks.report import Row
from testkit.corpus import normalize_code

NAME = "analyze"
#: One-process throughput target against the naive reader, per profile.
TARGETS = {"synthetic": 10.0, "realistic": 5.0}
#: Worker counts of the scaling rows (the one-process run is their baseline).
WORKERS = (2, 4)
SCALING_TARGET = 1.8  # 2 workers on a machine with at least 2 cores


def analyze_cmd(ctx: Context, mbox: str, now: str, *extra: str) -> list[str]:
    return ctx.inspector(
        "analyze", mbox, "--format", "json", "--all-messages", "--now", now, *extra
    )  # fmt: skip


def scaling_profile(profiles: tuple[str, ...]) -> str:
    return "realistic" if "realistic" in profiles else profiles[0]


def run(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    profiles = ctx.settings.profiles
    for profile in profiles:
        scale = profile == scaling_profile(profiles)
        rows += _profile(ctx, profile, WORKERS if scale else ())
    return rows


def _profile(ctx: Context, profile: str, workers: tuple[int, ...]) -> list[Row]:
    corpus = ctx.corpus(ctx.settings.messages, profile)
    n = corpus.messages
    mbox = str(corpus.mbox)
    expected: dict[str, str] = json.loads(corpus.expected.read_text())["codes"]
    runs = ctx.settings.runs

    ctx.log(f"analyze ({profile}): split-only reader (warms the page cache)")
    split = [ctx.run(ctx.naive("split", mbox)) for _ in range(runs)]
    naive: list[Sample] = []
    mine: list[Sample] = []
    scaled: dict[int, list[Sample]] = {w: [] for w in workers}
    base = analyze_cmd(ctx, mbox, corpus.now.isoformat(), "--offline")
    one_args, one_env = ctx.jobs(1)
    for i in range(runs):
        ctx.log(f"analyze ({profile}): run {i + 1}/{runs}: naive full parse")
        naive.append(ctx.run(ctx.naive("full", mbox)))
        ctx.log(f"analyze ({profile}): run {i + 1}/{runs}: inspector analyze, one process")
        mine.append(ctx.run([*base, *one_args], ok_codes=(0, 1), env=one_env))
        for w in workers:
            ctx.log(f"analyze ({profile}): run {i + 1}/{runs}: inspector analyze, {w} workers")
            args, env = ctx.jobs(w)
            scaled[w].append(ctx.run([*base, *args], ok_codes=(0, 1), env=env))

    naive_rate = n / median([s.seconds for s in naive])
    mine_rate = n / median([s.seconds for s in mine])
    split_rate = n / median([s.seconds for s in split])
    naive_doc = json.loads(naive[-1].stdout)
    naive_codes = {k: normalize_code(v) for k, v in naive_doc["codes"].items()}
    found = inspector_codes(mine[-1].stdout)
    agree = compare(expected, found)
    naive_agree = compare(expected, naive_codes)
    speedup = ratio(mine_rate, naive_rate)
    target = TARGETS.get(profile, 10.0)
    key = corpus_key(profile, n)
    ctx.details.setdefault(NAME, {})[key] = {
        "profile": profile,
        "messages": n,
        "jobs_option": ctx.has_jobs_option(),
        "inspector_seconds": [round(s.seconds, 3) for s in mine],
        "naive_seconds": [round(s.seconds, 3) for s in naive],
        "split_seconds": [round(s.seconds, 3) for s in split],
        "inspector_rss_mb": [round(s.peak_rss_mb, 1) for s in mine],
        "naive_rss_mb": [round(s.peak_rss_mb, 1) for s in naive],
        "workers_seconds": {str(w): [round(s.seconds, 3) for s in scaled[w]] for w in workers},
        "codes": {"inspector": agree.text(), "naive": naive_agree.text()},
        "missed": sorted((k for k in expected if found.get(k) != expected[k]), key=int)[:50],
        "extra": sorted((k for k in found if k not in expected), key=int)[:50],
        "exit_codes": sorted({s.returncode for s in mine}),
    }
    rss_mine = median([s.peak_rss_mb for s in mine])
    rss_naive = median([s.peak_rss_mb for s in naive])
    ctx.details.setdefault("rss_at", {})[key] = {"inspector": rss_mine, "naive": rss_naive}
    rows = [
        Row(NAME, f"{profile}: throughput, {n:,} msgs, 1 process", mine_rate, naive_rate,
            "naive full parse", speedup, f"≥ {target:g}×",
            speedup is not None and speedup >= target, "msg/s"),
        Row(NAME, f"{profile}: codes found", agree.text(), naive_agree.text(),
            "naive full parse", None, "all, ≤ 2% extra", agree.ok),
        Row(NAME, f"{profile}: vs split-only reader", mine_rate, split_rate, "split only",
            ratio(mine_rate, split_rate), "context", None, "msg/s"),
        Row(NAME, f"{profile}: peak RSS, 1 process", rss_mine, rss_naive, "naive full parse",
            ratio(rss_mine, rss_naive), "context", None, "MB"),
    ]  # fmt: skip
    cores = os.cpu_count() or 1
    for w in workers:
        rate = n / median([s.seconds for s in scaled[w]])
        gain = ratio(rate, mine_rate)
        judged = w == 2 and cores >= 2
        rows.append(
            Row(NAME, f"{profile}: scaling, {w} workers ({cores} cores)", rate, mine_rate,
                "1 process", gain, f"≥ {SCALING_TARGET}× on ≥ 2 cores" if w == 2 else "context",
                (gain is not None and gain >= SCALING_TARGET) if judged else None, "msg/s")
        )  # fmt: skip
    return rows
