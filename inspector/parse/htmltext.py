"""HTML mail rendered as the plain text a person would read, for code extraction.

Codes in HTML mail sit in table cells and big-font spans; what matters is the visible text with
block boundaries kept as line breaks, so "Your code" and "482915" in neighbouring cells stay
close. Hidden content (script, style, head, and elements styled ``display:none``) is dropped:
senders pad it with preheader noise and attackers hide decoy numbers in it.

This is a small tag scanner, not a full HTML5 tree builder: every message of a mailbox goes
through it, and ``html.parser`` spent about 2 ms on a typical newsletter where a regex split
at the tags takes a tenth of that. It keeps what the extraction needs from the HTML tokenizer
(WHATWG HTML §13.2.5): tags start with ``<`` and a letter, comments ``<!-- -->``, declarations
and processing instructions are dropped, ``script``/``style`` content is raw text up to its end
tag, character references are decoded (``html.unescape``, the same table browsers use). A
hidden element ends at the end tag that balances it among tags of its name; one never closed
hides the rest of the document (a browser would also close it with an enclosing element: the
difference only shows on broken HTML, and errs on hiding).
"""

from __future__ import annotations

import html
import itertools
import re

MAX_HTML_CHARS = 512 * 1024

_BLOCK = frozenset(
    (
        "address article aside blockquote br dd div dl dt fieldset figcaption figure footer "
        "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th "
        "thead title tr ul"
    ).split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0", re.I)

# Comments, declarations and raw-text elements go first, in one left-to-right pass, so that a
# "<p>" inside a script or a comment is never taken for a tag (and a "<!--" inside a script
# never starts a comment). An unclosed one runs to the end, as in a browser.
# Elements whose content is never shown (``_SKIP``) go in the same pass, with their content.
_STRIP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<[!?][^>]*(?:>|\Z)"
    r"|<(script|style|head|template|noscript|svg)(?=[\s/>])"
    r"(?:[^>]*>.*?(?:</\1(?=[\s/>])[^>]*(?:>|\Z)|\Z)|.*)",
    re.S | re.I,
)
# A tag: "<", then its name with the "/" of an end tag ("/p"), then its attributes up to ">"
# (a ">" inside a quoted attribute value ends the tag early: rare in mail, and only shows some
# attribute text).
_TAG = re.compile(r"<(/?[a-zA-Z][^\s/>]*)([^>]*)(?:>|\Z)")
# What a tag leaves in the text, by its lower-cased name: a line break for a block element's
# start or end tag, nothing for any other (``_SEPS.get(name, "")``).
_SEPS = {f"{slash}{name}": "\n" for name in _BLOCK for slash in ("", "/")}
_STYLE_ATTR = re.compile(r"""(?:^|[\s/])style\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_HIDDEN_ATTR = re.compile(r"""(?:^|[\s/])hidden(?=[\s/=]|$)""", re.I)
# What an attribute list that hides must contain ("display:&#110;one" hides too).
# (Matched against lower-cased text: case-insensitive patterns are much slower to search.)
_MAYBE_HIDING = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0|hidden(?<![\w-]hidden)|&#"
)
_HIDING_WORDS = ("display", "visibility", "max-height", "hidden", "&#")  # its first words
# The white-space rule in its plainest form: runs of spaces and tabs become one space (a
# single space is left alone), then a line break with the spaces around it one line break.
# ``collapse_spaces`` applies it faster; the tests hold the two to the same result.
_SPACES = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")
_NEWLINES = re.compile(r" *\n[ \n]*")


def html_to_text(markup: str) -> str:
    """The visible text of ``markup``; never raises, reads at most ``MAX_HTML_CHARS``."""
    # split() with the tag's two groups gives text, name, attributes, text, ... at C speed;
    # Python only looks at the few tags that may hide something. Each tag's name and
    # attributes are then replaced in place by what the tag leaves in the text (slice
    # assignments and a dict lookup per tag, all in C) and the whole is joined once.
    pieces = _TAG.split(_STRIP.sub("", markup[:MAX_HTML_CHARS]))
    if len(pieces) > 1:
        # One lower() over all the names at C speed, not one call per tag (">" is in no name).
        names = ">".join(pieces[1::3]).lower().split(">")
        for index in _hiding_tags(pieces, names):
            _hide(pieces, names, index)
        pieces[1::3] = map(_SEPS.get, names, itertools.repeat(""))
        pieces[2::3] = itertools.repeat("", len(names))
    text = "".join(pieces)
    if "&" in text:
        text = html.unescape(text)
    return _join_boxes(collapse_spaces(text))


# A code drawn one character per box (a table cell or a flex item each: "<td>4</td><td>8</td>
# ..."): a person reads the row as one word, the block rule above gives a line per box.
# The pattern starts with a line break, so ``re`` only tries it at line starts.
# (A longer run is something else, a vertical list: the line after a run must not be one
# character, and ``_joined`` checks the line before.)
_BOXES = re.compile(r"\n(?:[A-Za-z0-9]\n){3,9}[A-Za-z0-9](?=\n(?![A-Za-z0-9](?:\n|$))|$)")


def _join_boxes(text: str) -> str:
    """``text`` with each run of 4-10 one-character lines joined into one line, but a run
    of consecutive numbers ("1 2 3 4 5 6 7", a calendar's first week, a list of steps)."""
    if "\n" not in text:
        return text
    joined = _BOXES.sub(_joined, "\n" + text)
    return joined[1:]


def _joined(m: re.Match[str]) -> str:
    start = m.start()
    before = m.string[start - 1 : start]
    if start >= 2 and m.string[start - 2] == "\n" and before.isascii() and before.isalnum():
        return m.group()  # the end of a longer run
    word = m.group().replace("\n", "")
    if word.isdigit() and all(int(b) - int(a) == 1 for a, b in itertools.pairwise(word)):
        return m.group()
    return "\n" + word


# White space the way a browser shows it, in passes that ``re`` can skip through in C (a
# pattern that starts with a class or an optional character is tried at every position):
# tabs, CR, FF, VT and no-break spaces become spaces, runs of spaces become one, and a line
# break with the spaces and line breaks around it becomes one line break.
# (str.replace per character, not str.translate: translate with a table runs a Python-level
# lookup per character on non-ASCII text, a hundred times slower on a long newsletter.)
_BLANKS = ("\t", "\r", "\f", "\v", "\xa0")
_BREAKS = re.compile("\n[ \n]*")


def collapse_spaces(text: str) -> str:
    """``text`` with white space collapsed: the same result as ``_SPACES`` then
    ``_NEWLINES`` (after no-break spaces become spaces), then stripped."""
    for blank in _BLANKS:
        text = text.replace(blank, " ")
    # Runs of spaces halve at each pass: str.replace finds "  " at memchr speed, where a
    # regex tries a match at every single space (~9 ns a character, most texts have no run).
    while "  " in text:
        text = text.replace("  ", " ")
    return _BREAKS.sub("\n", text.replace(" \n", "\n")).strip()


def _hiding_tags(pieces: list[str], names: list[str]) -> list[int]:
    """Indexes (into the tags) of start tags that hide their content."""
    attrs = pieces[2::3]
    joined = "\0".join(attrs).lower()  # one scan over every attribute list, not one per tag
    # Where ``_MAYBE_HIDING`` matches, found by its alternatives' first words with str.find
    # (a few microseconds on a newsletter's 8 KB of attributes, where a regex search of the
    # alternation tries every position: ~60 us); the pattern itself decides at each place.
    places = set()
    for word in _HIDING_WORDS:
        at = joined.find(word)
        while at >= 0:
            if _MAYBE_HIDING.match(joined, at) is not None:
                places.add(at)
            at = joined.find(word, at + 1)
    found: list[int] = []
    index = position = 0
    checked = -1
    for at in sorted(places):
        index += joined.count("\0", position, at)
        position = at
        if index == checked:
            continue
        checked = index
        name = names[index]
        if name[:1] != "/" and name not in _VOID and _hides(attrs[index]):
            found.append(index)
    return found


def _hide(pieces: list[str], names: list[str], index: int) -> None:
    """Blank the text inside the element opened by tag ``index``, up to its end tag.

    The end tag is the one that balances it among tags of the same name (nested <div>s in a
    hidden <div> stay hidden); an element never closed hides the rest of the document.
    (Text ``k`` of ``pieces`` is ``pieces[3 * k]``: the text before tag ``k``.)
    """
    name = names[index]
    end, depth = "/" + name, 1
    for later in range(index + 1, len(names)):
        if names[later] == name:
            depth += 1
        elif names[later] == end:
            depth -= 1
            if depth == 0:
                pieces[3 * index + 3 : 3 * later + 1 : 3] = [""] * (later - index)
                return
    pieces[3 * index + 3 :: 3] = [""] * (len(names) - index)


def _hides(attrs: str) -> bool:
    if _HIDDEN_ATTR.search(attrs):
        return True
    match = _STYLE_ATTR.search(attrs)
    if match is None:
        return False
    style = next(g for g in match.groups() if g is not None)
    return bool(_HIDDEN.search(html.unescape(style) if "&" in style else style))
