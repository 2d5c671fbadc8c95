"""STUB until the contacts checks land: only what the diagnosis needs."""

from __future__ import annotations


def normalize_for_compare(address: str) -> str:
    local, _, domain = address.strip().rpartition("@")
    return f"{local.split('+', 1)[0].casefold()}@{domain.casefold().rstrip('.')}"
