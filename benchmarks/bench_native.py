"""Item 3 of issue 17: each native library against what runs without it, as table rows.

* ``pyahocorasick`` (the candidate test's automaton, ``inspector/extract/candidate.py``):
  ``inspector analyze`` in one process on the realistic corpus with it, and with its import
  blocked (``benchmarks/without.py``): the documented fallback where no wheel exists, in which
  every text is a candidate and gets the whole keyword scan. Same codes both ways: the test is
  a shortcut, never an answer.
* selectolax (lexbor), measured and NOT adopted for HTML to text: a context row of the time to
  turn the corpus's HTML parts into text, ``html_to_text`` against selectolax's plain text
  extraction (``benchmarks/html_compare.py``). selectolax parses faster, but its text keeps
  hidden elements (preheader padding, decoy numbers) and breaks lines at inline elements; the
  walk that would add those rules runs in Python and eats the gain. Skipped when selectolax is
  not installed (``pip install selectolax``; it is no dependency of inspector).
"""

from __future__ import annotations

import json

from benchmarks.bench_analyze import analyze_cmd
from benchmarks.context import Context, compare, inspector_codes
from benchmarks.measure import median, ratio
from benchmarks.report import Row

NAME = "native"


def _profile(ctx: Context) -> str:
    return "realistic" if "realistic" in ctx.settings.profiles else ctx.settings.profiles[0]


def run(ctx: Context) -> list[Row]:
    profile = _profile(ctx)
    corpus = ctx.corpus(ctx.settings.messages, profile)
    n = corpus.messages
    expected: dict[str, str] = json.loads(corpus.expected.read_text())["codes"]
    args, env = ctx.jobs(1)
    cmd = [*analyze_cmd(ctx, str(corpus.mbox), corpus.now.isoformat(), "--offline"), *args]
    # The same command line, started through the import blocker.
    blocked = [ctx.settings.python, "-m", "benchmarks.without", "ahocorasick", "--", *cmd[3:]]
    if tuple(ctx.settings.inspector[1:]) != ("-m", "inspector"):
        blocked = []  # an installed command cannot be started through the blocker
    with_lib, without = [], []
    for i in range(ctx.settings.runs):
        ctx.log(f"native: run {i + 1}/{ctx.settings.runs}: analyze with and without pyahocorasick")
        with_lib.append(ctx.run(cmd, ok_codes=(0, 1), env=env))
        if blocked:
            without.append(ctx.run(blocked, ok_codes=(0, 1), env=env))
    rows = []
    rate = n / median([s.seconds for s in with_lib])
    if without:
        fallback = n / median([s.seconds for s in without])
        same = compare(inspector_codes(with_lib[-1].stdout), inspector_codes(without[-1].stdout))
        gain = ratio(rate, fallback)
        rows.append(
            Row(NAME, f"{profile}: candidate test, pyahocorasick, 1 process", rate, fallback,
                "without it (fallback)", gain, "> 1× and same codes",
                gain is not None and gain > 1.0 and same.ok, "msg/s",
                f"codes with vs without: {same.text()}")
        )  # fmt: skip
        ctx.details.setdefault(NAME, {})["ahocorasick"] = {
            "with_seconds": [round(s.seconds, 3) for s in with_lib],
            "without_seconds": [round(s.seconds, 3) for s in without],
            "codes_expected": len(expected),
            "same_codes": same.text(),
        }
    ctx.log("native: HTML to text, inspector and selectolax")
    sample = ctx.run(
        [ctx.settings.python, "-m", "benchmarks.html_compare", str(corpus.mbox)], rss=False
    )
    doc = json.loads(sample.stdout)
    ctx.details.setdefault(NAME, {})["html"] = doc
    parts = doc["parts"]
    mine = parts / doc["inspector_seconds"] if doc["inspector_seconds"] else None
    theirs = parts / doc["selectolax_seconds"] if doc["selectolax_seconds"] else None
    rows.append(
        Row(NAME, f"{profile}: HTML to text, {parts:,} parts ({doc['chars'] / 1e6:.0f} M chars)",
            mine, theirs if theirs is not None else "not installed",
            "selectolax (not adopted)", ratio(mine, theirs) if theirs else None, "context",
            None, "parts/s")
    )  # fmt: skip
    return rows
