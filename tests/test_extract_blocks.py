"""Tests of inspector.extract.blocks: the spans of a text that hold no code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.extract.blocks import Blocked, widen
from inspector.extract.keywords import find_hits
from inspector.extract.normalize import normalize
from tests.strategies import CODE_LIKE

WIDEN = [
    # The end is two characters past the run: look-aheads see real text.
    ("to-white-space", "aaa bbbb cccc dddd", [(6, 7)], 0, [(4, 10)]),
    ("margin-then-run", "aaa bbbb cccc dddd", [(6, 7)], 3, [(0, 15)]),
    ("apart", "ab cd ef gh ij", [(0, 1), (12, 13)], 0, [(0, 4), (12, 14)]),
    ("merged", "ab cd ef gh ij", [(0, 1), (4, 5), (12, 13)], 1, [(0, 14)]),
    ("at-ends", "abcdef", [(2, 3)], 0, [(0, 6)]),
    ("one-long-run", "x" * 50 + " y", [(10, 11), (30, 31)], 0, [(0, 52)]),
]


@pytest.mark.parametrize(
    ("text", "windows", "margin", "expected"),
    [w[1:] for w in WIDEN],
    ids=[w[0] for w in WIDEN],
)
def test_widen(
    text: str, windows: list[tuple[int, int]], margin: int, expected: list[tuple[int, int]]
) -> None:
    assert widen(text, windows, margin) == expected


_CODE_LIKE = CODE_LIKE


@given(_CODE_LIKE)
def test_blocks_in_windows_are_the_blocks_of_the_whole_text(text: str) -> None:
    # Blocks are searched only around candidates; for a candidate the answer is the same.
    from inspector.extract.codes import raw_candidates

    normalized = normalize(text)
    raw = raw_candidates(normalized, find_hits(normalized))
    whole = Blocked(normalized)
    windowed = Blocked(normalized, [(c.start, c.end) for c in raw])
    for c in raw:
        assert windowed.reason(c.start, c.end) == whole.reason(c.start, c.end), c


def _block_reason_by_definition(text: str, start: int, end: int) -> str | None:
    """``Blocked.reason`` with every pattern run on the whole text, no gates."""
    import re

    from inspector.extract.blocks import _BLOCKS, _LETTER

    spans = []
    for name, rx, _gate in _BLOCKS:
        for m in re.finditer(rx, text):
            if name == "domain" and not _LETTER.search(m.group(), 0, m.group().rfind(".")):
                continue
            spans.append((m.start(), m.end(), name))
    spans.sort()
    best: tuple[int, str] = (-1, "")
    for s, e, name in spans:
        if s >= end:
            break
        if e > best[0]:
            best = (e, name)
    return best[1] if best[0] > start else None


_BLOCKY = st.lists(
    st.sampled_from(
        [
            "Jan 5 2024",
            "5 MARCH 2024",
            "März 12 2023",
            "déc. 2024",
            "Sep 3 14:05 UTC 2024",
            "may",
            "2024",
            " ",
            "\n",
            "x@y.example ",
            "a.b.cd",
            "WA 98052",
            "SW1A 1AA",
            "K1A 0B1",
            "DE89 3704 0044 0532 0130 00",
            "12 34 56",
            "123-456",
            "İ",
            "ı",
            "ſ",
        ]
    )
    | st.text(alphabet="0123456789 -.:/ABCXYZabcxyz", max_size=6),
    max_size=30,
).map("".join)


@pytest.mark.slow
@given(_BLOCKY)
def test_gated_blocks_match_their_definition(text: str) -> None:
    normalized = normalize(text)
    blocked = Blocked(normalized)
    for start in range(len(normalized)):
        for end in (start + 1, min(len(normalized), start + 6)):
            expected = _block_reason_by_definition(normalized, start, end)
            assert blocked.reason(start, end) == expected, (start, end)


def test_every_faster_pattern_replaces_a_block() -> None:
    from inspector.extract.blocks import _BLOCKS, _FASTER

    assert set(_FASTER) <= {rx for _, rx, _ in _BLOCKS}
