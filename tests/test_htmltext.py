from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.htmltext import html_to_text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Your code</p><p><b>482915</b></p>", "Your code\n482915"),
        ("<table><tr><td>Code</td></tr><tr><td>1234</td></tr></table>", "Code\n1234"),
        ("<style>p{color:red}</style><p>x</p>", "x"),
        ("<div style='display:none'>order 9999999</div><p>visible</p>", "visible"),
        ("<p>a&nbsp;&amp;&#x42;</p>", "a &B"),
        ("<p>unclosed <b>bold", "unclosed bold"),
    ],
    ids=["blocks", "table", "style-dropped", "hidden-dropped", "entities", "unbalanced"],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


@given(st.text(max_size=2000))
def test_never_raises(html: str) -> None:
    assert isinstance(html_to_text(html), str)
