"""Coverage-guided fuzzing of everything that reads attacker-controlled bytes (atheris).

Run on demand (not in CI; hypothesis covers the same entry points in every test run):

    pip install atheris
    python fuzz/fuzz_inspector.py -atheris_runs=200000            # seeded from fixtures/
    python fuzz/fuzz_inspector.py fuzz/corpus -max_total_time=3600  # keep a corpus

Only inspector's own errors (``InspectorError``) may escape; anything else is a bug, and
libFuzzer saves the input that caused it as ``crash-*``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from inspector.auth import check_auth
    from inspector.errors import InspectorError
    from inspector.extract import extract
    from inspector.parse import message as mail
    from inspector.parse.trace import read_trace
    from inspector.sources.files import read_paths
    from inspector.timeline.delivery import build_timeline

ROOT = Path(__file__).resolve().parent.parent


def one_input(data: bytes) -> None:
    try:
        block = mail.header_block(data)
        head = mail.headers(data, block)
        body = mail.body_text(data)
        trace = read_trace(block.unfolded)
        timeline = build_timeline(trace, date=head.date, dkim_timestamp=head.dkim_timestamp)
        extract(body.text, subject=head.subject, sent_at=timeline.sent_at)
        check_auth(data, block=block, trace=trace, resolver=None)
        for _ in read_paths(["-"], stdin=io.BytesIO(data)):
            pass
    except InspectorError:
        pass


def seeded_corpus() -> list[str]:
    """``fuzz/corpus`` seeded with the fixtures, unless the command line names a corpus."""
    if any(not arg.startswith("-") for arg in sys.argv[1:]):
        return []
    corpus = ROOT / "fuzz" / "corpus"
    corpus.mkdir(exist_ok=True)
    for number, path in enumerate(sorted((ROOT / "fixtures").rglob("*"))):
        if path.is_file() and path.stat().st_size < 1_000_000:
            (corpus / f"seed-{number}").write_bytes(path.read_bytes())
    return [str(corpus)]


if __name__ == "__main__":
    atheris.Setup(sys.argv + seeded_corpus(), one_input)
    atheris.Fuzz()
