"""The naive IMAP client, run as its own process: ``python -m benchmarks.naive_imap``.

What a straightforward script does: log in, EXAMINE each folder, ``SEARCH SINCE`` the window,
``FETCH BODY.PEEK[]`` every message in full (100 per command), parse each one fully with the
standard library and look for a code (the same reference extractor as the mbox baseline).
The password comes from the environment variable named by ``--password-env``.

Prints ``{"messages", "codes": [...], "fetch_seconds", "parse_seconds"}``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date

from benchmarks.naive import find_code, read_full

BATCH = 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.naive_imap")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password-env", required=True)
    parser.add_argument("--since", type=date.fromisoformat, required=True)
    parser.add_argument("--folders", default="INBOX,Junk")
    args = parser.parse_args(argv)

    from imapclient import IMAPClient

    fetch_seconds = parse_seconds = 0.0
    codes: list[str] = []
    count = 0
    with IMAPClient(args.host, port=args.port, ssl=False, timeout=120) as client:
        client.login(args.user, os.environ[args.password_env])
        for folder in args.folders.split(","):
            client.select_folder(folder, readonly=True)
            uids = client.search(["SINCE", args.since])
            for start in range(0, len(uids), BATCH):
                began = time.perf_counter()
                response = client.fetch(uids[start : start + BATCH], ["BODY.PEEK[]"])
                fetched = time.perf_counter()
                for data in response.values():
                    raw = data.get(b"BODY[]")
                    if not isinstance(raw, bytes):
                        continue
                    count += 1
                    code = find_code(*read_full(raw))
                    if code is not None:
                        codes.append(code)
                parse_seconds += time.perf_counter() - fetched
                fetch_seconds += fetched - began
    json.dump(
        {"messages": count, "codes": codes, "fetch_seconds": round(fetch_seconds, 3),
         "parse_seconds": round(parse_seconds, 3)},
        sys.stdout,
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
