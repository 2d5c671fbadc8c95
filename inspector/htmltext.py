"""HTML mail rendered as the plain text a person would read, for code extraction.

Codes in HTML mail sit in table cells and big-font spans; what matters is the visible text with
block boundaries kept as line breaks, so "Your code" and "482915" in neighbouring cells stay
close. Hidden content (script, style, head, and elements styled ``display:none``) is dropped:
senders pad it with preheader noise and attackers hide decoy numbers in it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_HTML_CHARS = 512 * 1024

_BLOCK = frozenset(
    (
        "address article aside blockquote br dd div dl dt fieldset figcaption figure footer "
        "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th "
        "thead title tr ul"
    ).split()
)
_SKIP = frozenset({"script", "style", "head", "template", "noscript", "svg"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0", re.I)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.out.append("\n")
        if tag in _VOID:
            return
        style = next((v or "" for k, v in attrs if k == "style"), "")
        hides = tag in _SKIP or bool(_HIDDEN.search(style)) or any(k == "hidden" for k, _ in attrs)
        if len(self._stack) < 512:  # unbalanced hostile HTML must not grow this without end
            self._stack.append((tag, hides))
            self._hidden += hides

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self.out.append("\n")
        # Pop up to the matching open tag; browsers recover from misnesting the same way.
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                for _, hides in self._stack[i:]:
                    self._hidden -= hides
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.out.append(data)


def html_to_text(html: str) -> str:
    parser = _TextParser()
    try:
        parser.feed(html[:MAX_HTML_CHARS])
        parser.close()
    except Exception:
        pass
    text = "".join(parser.out).replace("\xa0", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n[ \n]*", "\n", text)
    return text.strip()
