from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.report.sanitize import clean, json_safe

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def is_unsafe(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F or ch in BIDI or ch in "\u2028\u2029"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]52;c;ZXZpbA==\x07", "\\x1b]52;c;ZXZpbA==\\x07"),
        ("evil\u202egpj.exe", "evil\\u202egpj.exe"),
        ("line\nbreak", "line\\x0abreak"),
        ("\x9b31m", "\\x9b31m"),
        ("plain ünïcødé 验证码", "plain ünïcødé 验证码"),
    ],
    ids=["osc52-bel", "rlo", "newline", "c1-csi", "harmless"],
)
def test_clean(raw: str, shown: str) -> None:
    assert clean(raw) == shown


@given(st.text())
def test_clean_leaves_no_unsafe_character(text: str) -> None:
    out = clean(text)
    assert not any(is_unsafe(ch) for ch in out)
    assert not any(unicodedata.category(ch) == "Cc" for ch in out)


@given(st.text())
def test_json_safe_keeps_the_strings(text: str) -> None:
    serialized = json_safe(json.dumps({"s": text}, ensure_ascii=False))
    assert json.loads(serialized)["s"] == text
    assert not any(is_unsafe(ch) for ch in serialized.replace("\n", ""))
