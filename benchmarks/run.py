"""``python -m benchmarks``: run the benchmark suite, print the table, write the results JSON.

Each benchmark prints inspector's figure next to its baseline's, measured in the same run,
and the ratio. See benchmarks/README.md for what each one measures.
"""

from __future__ import annotations

import argparse
import compileall
import shlex
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from benchmarks import (
    bench_analyze,
    bench_dns,
    bench_imap,
    bench_memory,
    bench_native,
    bench_startup,
    bench_watch,
    report,
)
from benchmarks.context import Context, Settings
from benchmarks.measure import CommandFailed
from benchmarks.report import Results, Row
from testkit.corpus import DEFAULT_SEED, PROFILES

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS: dict[str, Callable[[Context], list[Row]]] = {
    bench_startup.NAME: bench_startup.run,
    bench_analyze.NAME: bench_analyze.run,
    bench_memory.NAME: bench_memory.run,
    bench_native.NAME: bench_native.run,
    bench_dns.NAME: bench_dns.run,
    bench_imap.NAME: bench_imap.run,
    bench_watch.NAME: bench_watch.run,
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--messages",
        "-n",
        type=int,
        default=20_000,
        metavar="N",
        help="messages in the synthetic mailbox (default: 20000)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument(
        "--profiles",
        default=",".join(PROFILES),
        metavar="LIST",
        help=f"corpus profiles for analyze, memory and imap (default: {','.join(PROFILES)})",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        metavar="K",
        help="runs per measurement; figures are medians (default: 3)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only these ({', '.join(BENCHMARKS)}); repeatable or comma-separated",
    )
    parser.add_argument(
        "--big", action="store_true", help="memory at 10×N (the ~2 GB mbox) instead of 2×N"
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="also print the table as Markdown (for the project README)",
    )
    parser.add_argument(
        "--show", action="store_true", help="run nothing: print the table of the results file"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--inspector",
        default=None,
        metavar="CMD",
        help="how to start inspector (default: this checkout's "
        "'python -m inspector'; e.g. --inspector inspector)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "benchmarks" / "out",
        help="where corpora and scratch servers go (default: benchmarks/out)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=REPO / "benchmarks" / "results" / "latest.json",
        help="results file (default: benchmarks/results/latest.json)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=1800.0,
        help="seconds any one measured command may take (default: 1800)",
    )
    parser.add_argument(
        "--startup-runs",
        type=int,
        default=20,
        help="rounds of the start-up benchmark (default: 20)",
    )
    return parser.parse_args(argv)


def _selected(only: list[str] | None) -> list[str]:
    if not only:
        return list(BENCHMARKS)
    names = [n.strip() for item in only for n in item.split(",") if n.strip()]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        raise SystemExit(
            f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}"
        )
    return [n for n in BENCHMARKS if n in names]


def _merge(path: Path, fresh: Results, ran: list[str]) -> Results:
    """Keep the rows of benchmarks not run this time, when the old file measured the same
    corpus, so ``--only`` refreshes part of the table without losing the rest."""
    if not path.exists():
        return fresh
    try:
        old = report.load(path)
    except (ValueError, TypeError, KeyError):
        return fresh
    keys = ("messages", "seed", "profiles")
    same = all(old.settings.get(k) == fresh.settings.get(k) for k in keys)
    if not same:
        return fresh
    kept = [row for row in old.rows if row.bench not in ran]
    order = list(BENCHMARKS)
    fresh.rows = sorted(
        kept + fresh.rows, key=lambda r: order.index(r.bench) if r.bench in order else 99
    )
    details = {k: v for k, v in old.details.items() if k not in ran}
    details.update(fresh.details)
    commits = {k: v for k, v in old.details.get("commits", {}).items() if k not in ran}
    details["commits"] = {**commits, **fresh.details.get("commits", {})}
    fresh.details = details
    return fresh


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.show:
        results = report.load(args.results)
        print(
            report.render_markdown(results) if args.markdown else report.render_text(results.rows)
        )
        return 0
    names = _selected(args.only)
    profiles = tuple(p.strip() for p in args.profiles.split(",") if p.strip())
    unknown = [p for p in profiles if p not in PROFILES]
    if unknown or not profiles:
        raise SystemExit(f"unknown profile {', '.join(unknown)}; choose from {', '.join(PROFILES)}")
    inspector = (
        tuple(shlex.split(args.inspector))
        if args.inspector
        else (sys.executable, "-m", "inspector")
    )
    settings = Settings(
        repo=REPO,
        out=args.out.resolve(),
        messages=args.messages,
        seed=args.seed,
        runs=max(1, args.runs),
        big=args.big,
        inspector=inspector,
        python=sys.executable,
        timeout=args.timeout,
        startup_runs=max(1, args.startup_runs),
        profiles=profiles,
    )
    ctx = Context(settings)
    results = Results(
        report.machine_info(REPO),
        {
            "messages": args.messages,
            "seed": args.seed,
            "profiles": ",".join(profiles),
            "runs": settings.runs,
            "big": args.big,
            "inspector": " ".join(inspector) if args.inspector else "python -m inspector",
        },
    )
    if not args.inspector:
        # What an installed package has: compiled bytecode (pip compiles a wheel's modules
        # when it installs them). A checkout edited with PYTHONDONTWRITEBYTECODE set would
        # otherwise compile its changed modules again at every start of every timed run.
        compileall.compile_dir(REPO / "inspector", quiet=1)
    started = time.perf_counter()
    for name in names:
        ctx.log(f"== {name}")
        try:
            rows = BENCHMARKS[name](ctx)
        except Exception as exc:
            if not isinstance(exc, CommandFailed | OSError | RuntimeError | ValueError):
                ctx.log(traceback.format_exc())
            ctx.log(f"{name}: failed: {type(exc).__name__}: {exc}")
            rows = [Row(name, "error", None, ok=False, note=f"{type(exc).__name__}: {exc}"[:300])]
        results.rows += rows
        print(report.render_text(rows), end="", flush=True)
    results.details = ctx.details
    commit = results.machine.get("commit")
    results.details["commits"] = dict.fromkeys(names, commit)
    results.details["total_seconds"] = round(time.perf_counter() - started, 1)
    results = _merge(args.results, results, names)
    results.write(args.results)
    print()
    print(report.render_text(results.rows))
    if args.markdown:
        print(report.render_markdown(results))
    ctx.log(f"results written to {args.results}")
    failed = any(row.ok is False for row in results.rows if row.bench in names)
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
