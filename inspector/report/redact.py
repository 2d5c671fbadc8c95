"""``--redact``: mask codes, addresses and numbers so a report can go to a support desk.

Masking works on the finished report: every string in it (subjects, verdict, findings) is
searched for the secrets collected from the evidence, so a code repeated in a subject or an
address quoted in advice is masked too. The last characters stay visible, which is enough to
tell codes apart when comparing with what the person typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from inspector.report.serialize import JSON

_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def mask_code(code: str) -> str:
    keep = 2 if len(code) > 4 else 1
    return "*" * (len(code) - keep) + code[-keep:]


def mask_address(address: str) -> str:
    local, _, domain = address.rpartition("@")
    if not local:
        return mask_code(address) if len(address) > 3 else "***"
    return f"{local[:1]}***@{domain}"


class Redactor:
    def __init__(self, codes: Iterable[str], addresses: Iterable[str] = ()) -> None:
        patterns: list[tuple[re.Pattern[str], str]] = []
        for code in sorted({c for c in codes if c and len(c) >= 3}, key=len, reverse=True):
            # A code may be printed split ("482 915", "482-915") in a subject or body.
            spread = r"[\s\-]?".join(re.escape(ch) for ch in code)
            patterns.append((re.compile(rf"(?<![\w]){spread}(?![\w])", re.I), mask_code(code)))
        for addr in sorted({a for a in addresses if a}, key=len, reverse=True):
            patterns.append((re.compile(re.escape(addr), re.I), mask_address(addr)))
        self._patterns = patterns

    def text(self, value: str) -> str:
        for pattern, replacement in self._patterns:
            value = pattern.sub(replacement, value)
        # Every other address (Received "for" clauses, other recipients) is masked too.
        return _ADDRESS.sub(lambda m: mask_address(m.group()), value)

    def apply(self, value: JSON) -> JSON:
        """``value`` (a serialized report) with every string in it masked."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: self.apply(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.apply(v) for v in value]
        return value
