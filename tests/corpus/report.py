"""Print the figures of every registered corpus: ``python -m tests.corpus.report``.

``--markdown`` prints the README's per-corpus table; ``--groups`` adds a line per language
(or other group); ``--failures`` lists the items got wrong. A corpus is added by appending a
``Corpus`` to ``CORPORA`` (its scorer returns ``scoring.Outcome``s).
"""

from __future__ import annotations

import argparse
import sys

from tests.corpus import auth, contacts, dkimpy, otp, received, robustness
from tests.corpus.scoring import Corpus, Summary, meets, summarize

CORPORA: list[Corpus] = [
    Corpus("otp", "verification codes", otp.score, target_rate=0.98, max_false_positives=0),
    Corpus("received", "Received hops, six fields each", received.outcomes, target_rate=1.0),
    Corpus("arc", "ARC chain verdicts (ARC test suite)", auth.score_arc, target_rate=1.0),
    Corpus("spf", "SPF results (RFC 7208 test suite)", auth.score_spf, target_rate=1.0),
    Corpus(
        "dkim",
        "DKIM verdicts (RFC 8463 example, dkimpy's test vectors)",
        dkimpy.score_with_rfc8463,
        target_rate=1.0,
    ),
    Corpus(
        "contacts",
        "address typos, disposable domains, phone numbers",
        contacts.score,
        target_rate=0.98,
        max_false_positives=0,
    ),
    Corpus(
        "mail",
        "real messages read like a mail reader; any code a false positive",
        robustness.outcomes,
        target_rate=1.0,
    ),
]


def run(names: list[str] | None = None) -> dict[str, Summary]:
    chosen = [c for c in CORPORA if not names or c.name in names]
    return {c.name: summarize(c.score()) for c in chosen}


def markdown(summaries: dict[str, Summary]) -> str:
    rows = [
        "| corpus | measures | items | groups | right | false positives | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for corpus in CORPORA:
        s = summaries.get(corpus.name)
        if s is None:
            continue
        t = s.total
        rows.append(
            f"| {corpus.name} | {corpus.what} | {len(s.items)} | {len(s.groups)} "
            f"| {t.right}/{t.positives} ({100 * t.rate:.1f}%) "
            f"| {t.false_positives}/{t.negatives} "
            f"| ≥{100 * corpus.target_rate:g}%, ≤{corpus.max_false_positives} FP |"
        )
    return "\n".join(rows)


def groups_table(summary: Summary) -> str:
    rows = ["| group | right | false positives |", "| --- | --- | --- |"]
    for name in sorted(summary.groups):
        g = summary.groups[name]
        right = f"{g.right}/{g.positives}" if g.positives else "-"
        fp = f"{g.false_positives}/{g.negatives}" if g.negatives else "-"
        rows.append(f"| {name} | {right} | {fp} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.corpus.report")
    parser.add_argument("corpora", nargs="*", help="names of corpora (default: all)")
    parser.add_argument("--markdown", action="store_true", help="the README table")
    parser.add_argument("--groups", action="store_true", help="a line per language/group")
    parser.add_argument("--failures", action="store_true", help="list the items got wrong")
    args = parser.parse_args(argv)
    summaries = run(args.corpora)
    if args.markdown:
        print(markdown(summaries))
    failing = False
    for corpus in CORPORA:
        s = summaries.get(corpus.name)
        if s is None:
            continue
        ok = meets(corpus, s.total)
        failing |= not ok
        if not args.markdown:
            print(
                f"{corpus.name} ({corpus.what}): {s.total.line()}{'' if ok else '  BELOW TARGET'}"
            )
        if args.groups:
            print(
                groups_table(s)
                if args.markdown
                else "\n".join(f"  {name}: {s.groups[name].line()}" for name in sorted(s.groups))
            )
        if args.failures:
            for o in s.failures:
                print(f"  FAIL {o.item} [{o.group}]: expected {o.expected!r}, got {o.got!r}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
