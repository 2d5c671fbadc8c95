"""STUB until the SMS export reader lands: recognises nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from inspector.model import SourceItem


def sniff_sms(head: bytes) -> str | None:
    del head
    return None


def read_sms(stream: BinaryIO, name: str) -> Iterator[SourceItem]:
    del stream, name
    return iter(())
