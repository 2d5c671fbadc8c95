"""``python -m benchmarks.without MODULE -- ARGS...``: inspector's command line as it runs where
MODULE cannot be imported (no wheel for the platform): the pure-Python fallback path.

The import is blocked the way Python itself marks a missing module (``sys.modules[name] =
None`` makes ``import name`` raise ImportError), then the CLI runs with ARGS.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] != "--":
        print("usage: python -m benchmarks.without MODULE -- ARGS...", file=sys.stderr)
        raise SystemExit(2)
    sys.modules[argv[0]] = None  # type: ignore[assignment]
    sys.argv = ["inspector", *argv[2:]]
    from inspector.cli.main import main as cli

    cli()


if __name__ == "__main__":
    main(sys.argv[1:])
