"""Target 5: ``inspector --version`` and ``inspector extract TEXT`` start within 150 ms of a bare
``python -c pass`` on the same machine (heavy modules must be imported lazily).

The three commands run interleaved (so a noisy moment hurts all of them alike) after two
warm-up rounds that also fill the bytecode cache; the figure is the median wall time.
"""

from __future__ import annotations

from benchmarks.context import Context
from benchmarks.measure import median, ratio
from benchmarks.report import Row

NAME = "startup"
BUDGET_MS = 150.0


def run(ctx: Context) -> list[Row]:
    commands = {
        "bare": [ctx.settings.python, "-c", "pass"],
        "version": ctx.inspector("--version"),
        "extract": ctx.inspector("extract", "Your code is 123456"),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    env = ctx.env()
    rounds = ctx.settings.startup_runs
    ctx.log(f"startup: {rounds} rounds of python -c pass / --version / extract")
    for i in range(rounds + 2):
        for name, cmd in commands.items():
            sample = ctx.run(cmd, ok_codes=(0, 1), env=env)
            if i >= 2:
                times[name].append(sample.seconds * 1000)
    bare = median(times["bare"])
    rows = []
    details: dict[str, object] = {"bare_ms": round(bare, 1), "runs": rounds}
    for name, label in (("version", "inspector --version"), ("extract", "inspector extract TEXT")):
        value = median(times[name])
        extra = value - bare
        details[f"{name}_ms"] = round(value, 1)
        rows.append(
            Row(
                NAME,
                label,
                value,
                bare,
                "python -c pass",
                ratio(value, bare),
                f"≤ +{BUDGET_MS:.0f} ms",
                extra <= BUDGET_MS,
                "ms",
                f"+{extra:.0f} ms",
            )
        )
    ctx.details[NAME] = details
    return rows
