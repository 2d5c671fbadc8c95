"""Origin-bound one-time codes (WICG "Origin-bound one-time codes delivered via SMS").

The format (https://wicg.github.io/sms-one-time-codes/#parsing): the *last line* of the
message is ``@top-level-host #code``, optionally followed by `` @embedded-host`` (the published
draft; Apple's documentation spells the embedded sigil ``%``, accepted too, see
WICG/sms-one-time-codes#18). Exactly one U+0020 separates the fields, nothing may come before
the top-level host, tokens run to the next ASCII white space, trailing text is ignored.

``parse_origin_bound`` follows the parsing algorithm step by step. The only leniency is in
``origin_line``: mail bodies and exports usually end with a line break, which would make the
last line empty, so trailing line breaks are dropped before taking the last line.
"""

from __future__ import annotations

from inspector.model import Origin

_ASCII_WHITESPACE = "\t\n\f\r "


def _last_line(message: str) -> str:
    # "Normalize newlines" (Infra): CRLF and lone CR become LF; then strictly split on LF.
    return message.replace("\r\n", "\n").replace("\r", "\n").split("\n")[-1]


def _marked_token(line: str, position: int, marker: str) -> tuple[str, int] | None:
    """The spec's "extract a marked token": ``marker`` then a run of non-white-space."""
    if position >= len(line) or line[position] != marker:
        return None
    position += 1
    end = position
    while end < len(line) and line[end] not in _ASCII_WHITESPACE:
        end += 1
    if end == position:
        return None
    return line[position:end], end


def parse_origin_bound(message: str) -> Origin | None:
    """Parse ``message`` as an origin-bound one-time code message, or return None."""
    line = _last_line(message)
    top = _marked_token(line, 0, "@")
    if top is None:
        return None
    host, position = top
    if position >= len(line) or line[position] != " ":
        return None
    position += 1
    code = _marked_token(line, position, "#")
    if code is None:
        return None
    value, position = code
    embedded: str | None = None
    if position < len(line) and line[position] == " ":
        for sigil in ("@", "%"):
            token = _marked_token(line, position + 1, sigil)
            if token is not None:
                embedded = token[0].lower()
                break
    # Hosts are case-insensitive (URL Standard host parsing lower-cases ASCII domains).
    return Origin(domain=host.lower(), code=value, embedded=embedded)


def origin_line(body: str) -> Origin | None:
    """``parse_origin_bound`` on a message body, ignoring trailing line breaks."""
    end = len(body)
    while end and body[end - 1] in "\r\n":
        end -= 1
    start = max(body.rfind("\n", 0, end), body.rfind("\r", 0, end)) + 1
    return parse_origin_bound(body[start:end])
