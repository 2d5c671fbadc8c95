from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.parse.htmltext import html_to_text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Your code</p><p><b>482915</b></p>", "Your code\n482915"),
        ("<table><tr><td>Code</td></tr><tr><td>1234</td></tr></table>", "Code\n1234"),
        ("<style>p{color:red}</style><p>x</p>", "x"),
        ("<div style='display:none'>order 9999999</div><p>visible</p>", "visible"),
        ("<p>a&nbsp;&amp;&#x42;</p>", "a &B"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<script>document.write('<p>9999</p>')</script><p>ok</p>", "ok"),
        ("<!-- <p>1111</p> --><p>ok</p>", "ok"),
        ("<script><!-- </script><p>ok</p>", "ok"),
        ("<P>Your code</P><TD>482915</TD>", "Your code\n482915"),
        ("<div hidden>decoy 1111</div><p>real 2222</p>", "real 2222"),
        ('<span style="display&#58;none">1111</span>2222', "2222"),
        ('<span style="DISPLAY: NONE">1111</span>2222', "2222"),
        ("<div style='display:none'><div>a</div>1111</div>2222", "2222"),
        ("<div style='max-height:0;overflow:hidden'>pre</div>body", "body"),
        ("<div style='overflow:hidden'>shown</div>", "shown"),
        ("<head><title>t</title></head><body>b</body>", "b"),
        ("a < b and c > d", "a < b and c > d"),
        ("<img src=x hidden>text", "text"),
        ("<div style='display:none'>never closed", ""),
        ("<svg><text>1111</text></svg>2222", "2222"),
        # A code drawn one character per box: one word, as a person reads the row.
        (
            "<p>Code:</p><table><tr>"
            + "<td></td>".join(f"<td>{c}</td>" for c in "48Z913")
            + "</tr></table><p>Valid 10 min</p>",
            "Code:\n48Z913\nValid 10 min",
        ),
        ("".join(f"<div>{c}</div>" for c in "1234567"), "1\n2\n3\n4\n5\n6\n7"),
        ("".join(f"<div>{c}</div>" for c in "abc"), "a\nb\nc"),
        ("".join(f"<div>{c}</div>" for c in "abcdefghijk"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk"),
    ],
    ids=[
        "blocks",
        "table",
        "style-dropped",
        "hidden-dropped",
        "entities",
        "unbalanced",
        "script-is-raw-text",
        "comment",
        "comment-start-inside-script",
        "upper-case-tags",
        "hidden-attribute",
        "entity-in-style",
        "upper-case-style",
        "nested-in-hidden",
        "preheader",
        "overflow-hidden-is-visible",
        "head",
        "bare-angle-brackets",
        "void-hidden-hides-nothing",
        "unclosed-hidden-hides-the-rest",
        "svg",
        "code-in-boxes",
        "counting-boxes",
        "three-boxes",
        "eleven-boxes",
    ],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


@given(st.text(max_size=2000))
def test_never_raises(html: str) -> None:
    assert isinstance(html_to_text(html), str)


@given(st.text(alphabet="<>/!-='\" abcpdivstyle:none&#;", max_size=400))
def test_never_raises_on_markup_soup(html: str) -> None:
    assert isinstance(html_to_text(html), str)


def test_huge_input_is_capped_and_fast() -> None:
    assert len(html_to_text("<p>x</p>" * 200_000)) < 200_000


# The renderer that used html.parser, as the oracle for well-formed HTML: on properly nested
# markup the tag scanner must give the same text.
_BLOCK = set(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead "
    "title tr ul".split()
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0", re.I)


class _Reference(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.out.append("\n")
        if tag in {"br", "hr", "img"}:
            return
        style = next((v or "" for k, v in attrs if k == "style"), "")
        hides = tag in {"script", "style", "head"} or bool(_HIDDEN.search(style))
        self.stack.append((tag, hides))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self.out.append("\n")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if not any(hides for _, hides in self.stack):
            self.out.append(data)


def reference(html: str) -> str:
    parser = _Reference()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.out).replace("\xa0", " "))
    return _reference_boxes(re.sub(r" *\n[ \n]*", "\n", text).strip())


def _reference_boxes(text: str) -> str:
    """Each maximal run of 4-10 one-character lines (ASCII letters, digits) joined into one
    line, unless it is a run of consecutive numbers."""
    out: list[str] = []
    run: list[str] = []
    for line in [*text.split("\n"), None]:
        if line is not None and len(line) == 1 and line.isascii() and line.isalnum():
            run.append(line)
            continue
        word = "".join(run)
        counting = word.isdigit() and all(int(b) - int(a) == 1 for a, b in itertools.pairwise(word))
        out.extend([word] if 4 <= len(run) <= 10 and not counting else run)
        run = []
        if line is not None:
            out.append(line)
    return "\n".join(out)


_text = st.text(alphabet="abc XYZ 123 é验&;#\n", max_size=12).map(lambda s: s.replace("&", "&amp;"))


@st.composite
def element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    tag = draw(st.sampled_from(["p", "div", "span", "td", "b", "a", "li", "style", "script"]))
    style = draw(st.sampled_from(["", "color:red", "display:none", "text-decoration:none"]))
    attrs = f' style="{style}"' if style else ""
    inner = "".join(draw(st.lists(children, max_size=3)))
    if tag in {"style", "script"}:
        inner = inner.replace("<", " ")
    return f"<{tag}{attrs}>{inner}</{tag}>"


well_formed = st.recursive(_text, lambda inner: element(inner), max_leaves=12)


@pytest.mark.slow
@given(st.lists(well_formed, max_size=4).map("".join))
def test_same_text_as_html_parser_on_well_formed_html(html: str) -> None:
    assert html_to_text(html) == reference(html)


@pytest.mark.parametrize(
    "html",
    ["<a\x00b>x</a\x00b>", "<İ>x</İ>", "<p\u0130>y", "<a>>b<c"],
    ids=["nul-in-name", "dotted-capital-i", "name-lower-grows", "stray-gt"],
)
def test_odd_tag_names(html: str) -> None:
    assert isinstance(html_to_text(html), str)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\r\n\f\v\xa0\u2003ab", max_size=40))
def test_white_space_collapses_as_the_two_patterns_did(text: str) -> None:
    from inspector.parse.htmltext import _NEWLINES, _SPACES, collapse_spaces

    expected = _NEWLINES.sub("\n", _SPACES.sub(" ", text.replace("\xa0", " "))).strip()
    assert collapse_spaces(text) == expected
