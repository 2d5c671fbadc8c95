from __future__ import annotations

from benchmarks.context import Context
from benchmarks.report import Row

NAME = "imap"


def run(ctx: Context) -> list[Row]:
    return []
