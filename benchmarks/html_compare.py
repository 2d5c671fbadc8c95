"""``python -m benchmarks.html_compare MBOX``: HTML to text, inspector's against selectolax's.

Every text/html part of the mailbox (found with inspector's MIME walk, not timed) is turned
into text by ``inspector.parse.htmltext.html_to_text`` and, when selectolax is installed, by
``selectolax.lexbor.LexborHTMLParser(markup).body.text(separator="\\n")`` (lexbor, a C HTML5
parser). Prints one JSON document: ``{"parts", "chars", "inspector_seconds",
"selectolax_seconds"}`` (``selectolax_seconds`` null when it is not installed). Best of three
passes each, so the figure is the work, not a noisy moment.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from inspector.model import RawMail
from inspector.parse.htmltext import html_to_text
from inspector.parse.mime import text_parts
from inspector.sources.files import read_paths


def _best(convert: Callable[[str], object], parts: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for markup in parts:
            convert(markup)
        best = min(best, time.perf_counter() - started)
    return best


def _selectolax() -> Callable[[str], object] | None:
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        return None

    def convert(markup: str) -> object:
        tree = LexborHTMLParser(markup)
        return tree.body.text(separator="\n") if tree.body is not None else ""

    return convert


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m benchmarks.html_compare MBOX", file=sys.stderr)
        return 2
    parts = [
        markup
        for item in read_paths(argv)
        if isinstance(item, RawMail)
        for markup in text_parts(item.data).html
    ]
    other = _selectolax()
    result = {
        "parts": len(parts),
        "chars": sum(map(len, parts)),
        "inspector_seconds": _best(html_to_text, parts),
        "selectolax_seconds": _best(other, parts) if other is not None else None,
    }
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
