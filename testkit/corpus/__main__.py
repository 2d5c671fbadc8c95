"""``python -m testkit.corpus --messages N --out DIR``: write one corpus and say what it holds."""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime
from pathlib import Path

from testkit.corpus import generator
from testkit.corpus.gen_realistic import PROFILES
from testkit.corpus.generator import DEFAULT_BASE_TIME, DEFAULT_SEED, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m testkit.corpus",
        description=generator.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--base-time", type=datetime.fromisoformat, default=DEFAULT_BASE_TIME)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/corpus"))
    parser.add_argument("--maildir", action="store_true", help="also write a Maildir")
    parser.add_argument(
        "--profile",
        choices=PROFILES,
        default="synthetic",
        help="synthetic (the benchmark corpus) or realistic (a real mailbox's mix)",
    )
    parser.add_argument("--jobs", type=int, default=0, help="processes (default: all cores)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = generate(
        args.out,
        args.messages,
        args.seed,
        args.base_time,
        maildir=args.maildir,
        jobs=args.jobs,
        profile=args.profile,
    )
    expected = json.loads(corpus.expected.read_text())
    print(
        f"{args.messages} messages, {expected['bytes'] / 1e6:.1f} MB, "
        f"{len(expected['codes'])} codes, {expected['dkim_signed']} DKIM-signed in "
        f"{time.perf_counter() - started:.1f} s -> {corpus.root}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
