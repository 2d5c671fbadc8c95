"""Links that show an address: what a reader sees and where the link leads."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.parse.links import shown_links

CASES = [
    ("shown-differs", '<a href="http://evil.yourbankk.com">yourbank.com</a>',
     (("yourbank.com", "evil.yourbankk.com"),)),
    ("scheme-and-path",
     "<a href='https://x.example/login?a=1'>https://www.bank.example/login</a>",
     (("www.bank.example", "x.example"),)),
    ("tags-and-entities",
     '<a class=b href="https://t.example/?a=1&amp;b=2"><b>Bank.Example</b></a>',
     (("bank.example", "t.example"),)),
    ("unquoted-href", "<a href=https://t.example/x>bank.example</a>",
     (("bank.example", "t.example"),)),
    ("same-host", '<a href="https://bank.example/reset">bank.example</a>', ()),
    ("words-not-an-address", '<a href="https://t.example/c">Click here</a>', ()),
    ("mailto", '<a href="mailto:a@bank.example">help.example</a>', ()),
    ("no-href", "<a name=top>bank.example</a>", ()),
]  # fmt: skip


@pytest.mark.parametrize(("html", "pairs"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_shown_links(html: str, pairs: tuple[tuple[str, str], ...]) -> None:
    assert shown_links(f"<p>Hello</p>{html}<p>Bye</p>") == pairs


@given(st.text(max_size=400))
def test_never_raises(html: str) -> None:
    for shown, target in shown_links(html):
        assert shown != target
