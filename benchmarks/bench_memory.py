"""Target 2: peak RSS of ``inspector analyze`` on a large realistic mbox, and per record kept.

Measured on the realistic profile (the synthetic one when it is the only profile asked for)
at N and at 2×N messages; ``--big`` measures 10×N instead (about 2 GB at N = 3,000: the
"2 GB mbox export" of the issue; generated once, then cached under benchmarks/out/).

inspector runs in one process and in its default mode (without ``--all-messages``): the
records it keeps are then the verification messages the diagnosis needs, so the growth of
peak RSS between the two sizes, divided by the growth in verification messages, is the
memory one verification record costs. Targets: ≤ 100 MB at the larger size, ≤ 2 KB a record.
"""

from __future__ import annotations

import json

from benchmarks.context import Context, corpus_key
from benchmarks.measure import median, ratio
from benchmarks.report import Row

NAME = "memory"
LIMIT_MB = 100.0
PER_RECORD_KB = 2.0
#: The corpus kinds that are verification messages, whose records the run keeps: code mails
#: and link-only confirmations ("verify your email address"; no code, still what the person
#: waits for). Dividing by the codes alone counted half the records kept.
VERIFICATION_KINDS = ("verification", "signup_link")
#: Fewer added records than this cannot be told apart from the ±1 MB noise of peak RSS.
MIN_RECORDS = 200


def _profile(ctx: Context) -> str:
    return "realistic" if "realistic" in ctx.settings.profiles else ctx.settings.profiles[0]


def _measure(ctx: Context, profile: str, messages: int) -> tuple[float, float, int]:
    """(peak RSS MB, seconds, verification messages) of one-process analyze."""
    corpus = ctx.corpus(messages, profile)
    cmd = ctx.inspector(
        "analyze", str(corpus.mbox), "--format", "json", "--now", corpus.now.isoformat(),
        "--offline",
    )  # fmt: skip
    args, env = ctx.jobs(1)
    runs = max(1, min(ctx.settings.runs, 2))
    samples = []
    for i in range(runs):
        ctx.log(f"memory: inspector analyze on {messages:,} {profile} messages ({i + 1}/{runs})")
        samples.append(ctx.run([*cmd, *args], ok_codes=(0, 1), env=env))
    kinds = json.loads(corpus.expected.read_text())["kinds"]
    kept = sum(kinds.get(kind, 0) for kind in VERIFICATION_KINDS)
    return median([s.peak_rss_mb for s in samples]), median([s.seconds for s in samples]), kept


def run(ctx: Context) -> list[Row]:
    profile = _profile(ctx)
    n = ctx.settings.messages
    factor = 10 if ctx.settings.big else 2
    small, _, small_kept = _measure(ctx, profile, n)
    big, big_seconds, big_kept = _measure(ctx, profile, n * factor)
    size_mb = ctx.details["corpora"][corpus_key(profile, n * factor)]["bytes"] / 1e6
    added = big_kept - small_kept
    per_record_kb = (big - small) * 1024 / added if added > 0 else None
    enough = added >= MIN_RECORDS
    ctx.details[NAME] = {
        "profile": profile,
        "rss_mb": {str(n): small, str(n * factor): big},
        "verification_messages": {str(n): small_kept, str(n * factor): big_kept},
        "kb_per_verification_record": per_record_kb,
        "big_seconds": round(big_seconds, 2),
        "big_mbox_mb": round(size_mb),
    }
    return [
        Row(NAME, f"{profile}: peak RSS, {n:,} msgs, 1 process", small, None, "", None,
            "context", None, "MB"),
        Row(NAME, f"{profile}: peak RSS, {n * factor:,} msgs ({size_mb:,.0f} MB), 1 process",
            big, small, f"inspector at {n:,}", ratio(big, small), f"≤ {LIMIT_MB:.0f} MB",
            big <= LIMIT_MB, "MB"),
        Row(NAME, f"{profile}: RSS per verification record ({added:,} more records)",
            per_record_kb, None, "", None, f"≤ {PER_RECORD_KB:g} KB",
            None if per_record_kb is None or not enough else per_record_kb <= PER_RECORD_KB,
            "KB", "" if enough else f"under {MIN_RECORDS} more records: RSS noise dominates"),
    ]  # fmt: skip
