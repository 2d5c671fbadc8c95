"""Writing messages straight into a Maildir, the way Dovecot would have stored them.

Used by the generator (``--maildir``) and by the Dovecot launcher when it loads a corpus:
writing files is far faster than APPENDing tens of thousands of messages one by one.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path


def write_maildir_message(
    root: Path, folder: str, index: int, delivered: datetime, data: bytes, *, seen: bool = True
) -> Path:
    """A file in ``cur/`` named and timestamped the way Dovecot writes them (maildir(5))."""
    base = folder_path(root, folder)
    for sub in ("cur", "new", "tmp"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    stamp = int(delivered.timestamp())
    name = f"{stamp}.M{index}P1.bench,S={len(data)}:2,{'S' if seen else ''}"
    path = base / "cur" / name
    path.write_bytes(data)
    # Dovecot takes INTERNALDATE (what SEARCH SINCE compares) from the file's mtime.
    os.utime(path, (stamp, stamp))
    return path


def folder_path(root: Path, folder: str) -> Path:
    """Where a folder lives in a Maildir++ tree: INBOX is the root, others are ``.Name``."""
    return root if folder == "INBOX" else root / f".{folder}"


def count_messages(root: Path, folders: tuple[str, ...] = ("INBOX", "Junk")) -> dict[str, int]:
    """Messages in ``cur/`` of each folder (0 for a folder that does not exist)."""
    counts = {}
    for name in folders:
        cur = folder_path(root, name) / "cur"
        counts[name] = sum(1 for _ in cur.iterdir()) if cur.is_dir() else 0
    return counts
