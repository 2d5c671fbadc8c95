"""Clause keywords that an MTA ran into a neighbouring word of a Received stamp. Pure: no I/O.

RFC 5321 §4.4 separates the clauses of a ``Time-stamp-line`` with folding white space::

    ID  = CFWS "ID" FWS ( Atom / msg-id )
    For = CFWS "FOR" FWS ( Path / Mailbox )

Some real stamps drop that space: debbugs writes ``via spool by 1234-submit@bugs.debian.org
id=B1234.5678`` (the keyword joined to its value by "="), and Lockheed Martin's relay wrote
``with ESMTP id m773EPZH014730for <gcc-help@gcc.gnu.org>`` (the keyword glued to the end of
the id). Left as they are, the id is lost or swallows the keyword and the recipient is lost.
:func:`unglue` splits such words back into the keyword and its neighbour, on the tokens of
:func:`inspector.parse.received._tokens`; a well-formed stamp passes through unchanged.
"""

from __future__ import annotations

Token = tuple[bool, str]  # (is_comment, text), as the stamp tokenizer gives them


def unglue(tokens: list[Token]) -> list[Token]:
    """The tokens with a glued ``id=value`` or ``...for <mailbox>`` split at the keyword."""
    words = [text.lower() for is_comment, text in tokens if not is_comment]
    has_id, has_for = "id" in words, "for" in words
    out: list[Token] = []
    for index, (is_comment, text) in enumerate(tokens):
        if is_comment:
            out.append((is_comment, text))
            continue
        low = text.lower()
        if not has_id and low.startswith("id=") and len(text) > 3:
            # "id=B1234.5678": the ID clause with "=" in place of FWS (RFC 5321 §4.4).
            out += [(False, text[:2]), (False, text[3:])]
            has_id = True
        elif not has_for and _glued_for(low, tokens[index + 1 : index + 2]):
            # "m773EPZH014730for <a@example.com>": the For clause with no CFWS before it.
            out += [(False, text[:-3]), (False, text[-3:])]
            has_for = True
        else:
            out.append((is_comment, text))
    return out


def _glued_for(low: str, following: list[Token]) -> bool:
    """A word ending in "for" and followed by an <addr-spec> (RFC 5321 §4.4 ``Path``)."""
    if len(low) <= 3 or not low.endswith("for") or not following:
        return False
    is_comment, text = following[0]
    return not is_comment and text.startswith("<") and text.endswith(">") and "@" in text
