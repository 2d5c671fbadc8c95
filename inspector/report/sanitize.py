"""The one sanitiser every printed string goes through.

Mail is written by strangers: a subject can carry ESC sequences that retitle the terminal or
write to the clipboard (OSC 52), BEL, or bidi overrides that make ``evil.com`` read as
``moc.live``. Such characters are shown escaped (``\\x1b``, ``\\u202e``), never emitted raw.
"""

from __future__ import annotations

import re

# C0 controls except none (tab and newline are escaped too: a field is one line), DEL, C1
# controls, bidi embeddings/overrides (U+202A–202E), isolates (U+2066–2069), marks that
# reorder text (U+200E/F, U+061C), line/paragraph separators, and BOM/zero-width no-break.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with every unsafe character replaced by a visible escape."""
    return _UNSAFE.sub(_escape, text)


# In JSON output only the characters JSON itself leaves raw need escaping (json.dumps already
# escapes C0 controls); the result still decodes to the original strings.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def json_safe(serialized: str) -> str:
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", serialized)
