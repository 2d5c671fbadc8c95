"""Links whose visible text is an address: what a reader sees and where the link leads.

A phishing message shows one address ("yourbank.com") and links to another
("evil.yourbankk.com"); the diagnosis judges the pairs (``diagnosis.suspicion``). Only anchors
whose visible text is itself a web address count: "Click here" shows no address to compare.
"""

from __future__ import annotations

import re
from html import unescape

# An anchor with an href (HTML 4.01 §12.2); the text may hold tags ("<b>bank.com</b>").
_ANCHOR = re.compile(
    r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(.*?)</a\s*>""",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")
# A visible address: an optional http(s) scheme, a host name of two labels or more, a path.
_SHOWN = re.compile(r"(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,63})(?:[:/?#]\S*)?", re.IGNORECASE)
_TARGET = re.compile(r"https?://([^/?#:\s]+)", re.IGNORECASE)
_MAX_ANCHORS = 200  # a verification message has a handful; a newsletter is not judged


def shown_links(html: str) -> tuple[tuple[str, str], ...]:
    """(host shown, host linked) for each anchor showing an address that is not the one it
    links to, lower case, in document order."""
    pairs: list[tuple[str, str]] = []
    for n, m in enumerate(_ANCHOR.finditer(html)):
        if n >= _MAX_ANCHORS:
            break
        href = unescape(m.group(1) or m.group(2) or m.group(3) or "").strip()
        shown = _SHOWN.fullmatch(unescape(_TAG.sub("", m.group(4))).strip())
        target = _TARGET.match(href)
        if shown is None or target is None:
            continue
        pair = (shown.group(1).lower().rstrip("."), target.group(1).lower().rstrip("."))
        if pair[0] != pair[1] and pair not in pairs:
            pairs.append(pair)
    return tuple(pairs)
