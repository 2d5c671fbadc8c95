"""Clause keywords run into a neighbouring word of a Received stamp (RFC 5321 §4.4 wants FWS)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.parse.received import _tokens, parse_received
from inspector.parse.stamp_words import unglue


@pytest.mark.parametrize(
    ("stamp", "want_id", "want_for"),
    [
        pytest.param(
            "via spool by 691896-submit@bugs.debian.org id=B691896.13541424145158"
            " (code B ref 691896); Wed, 28 Nov 2012 22:42:02 +0000",
            "B691896.13541424145158",
            None,
            id="debbugs-id-equals",
        ),
        pytest.param(
            "from a.example (relay.example [192.0.2.16])by mx.example (LM-6) with ESMTP"
            " id m773EPZH014730for <gcc-help@gcc.gnu.org>; Wed, 6 Aug 2008 21:14:25 -0600",
            "m773EPZH014730",
            "gcc-help@gcc.gnu.org",
            id="for-glued-to-sendmail-id",
        ),
        pytest.param(
            "from a.example (localhost [127.0.0.1])by  b.example (Postfix) with ESMTP"
            " id 846CF2117for  <list@example.net>; Mon,  7 Aug 2006 17:48:07 +0200",
            "846CF2117",
            "list@example.net",
            id="for-glued-to-postfix-id",
        ),
        pytest.param(
            "from a.example by b.example with ESMTP id ABC123 for <x@example.com>;"
            " Mon, 1 Jan 2024 10:00:00 +0000",
            "ABC123",
            "x@example.com",
            id="well-formed-unchanged",
        ),
        pytest.param(
            "from a.example by b.example with ESMTP id Xfor <x@example.com>"
            " for <y@example.com>; Mon, 1 Jan 2024 10:00:00 +0000",
            "Xfor",
            "y@example.com",
            id="a-real-for-clause-wins",
        ),
        pytest.param(
            "from a.example by b.example with ESMTP id Xfor (comment) <x@example.com>;"
            " Mon, 1 Jan 2024 10:00:00 +0000",
            "Xfor",
            None,
            id="no-split-without-an-adjacent-mailbox",
        ),
        pytest.param(
            "from a.example by b.example with ESMTP id A1 id=B2; Mon, 1 Jan 2024 10:00:00 +0000",
            "A1",
            None,
            id="a-real-id-clause-wins",
        ),
    ],
)
def test_glued_keywords_are_split(stamp: str, want_id: str | None, want_for: str | None) -> None:
    hop = parse_received(stamp)
    assert (hop.id, hop.for_addr) == (want_id, want_for)


_atom = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.-", min_size=1, max_size=12)


@given(_atom, _atom, _atom, _atom)
def test_a_well_spaced_stamp_is_left_as_it_is(host: str, by: str, queue: str, user: str) -> None:
    stamp = f"from {host} by {by} with ESMTP id {queue} for <{user}@example.com>"
    tokens = _tokens(stamp)
    assert unglue(tokens) == tokens


@given(st.text(alphabet="ABCDEF0123456789", min_size=1, max_size=14), _atom)
def test_a_glued_for_reads_like_the_spaced_one(queue: str, user: str) -> None:
    tail = "; Mon, 1 Jan 2024 10:00:00 +0000"
    glued = parse_received(f"from a.example by b.example id {queue}for <{user}@x.example>{tail}")
    spaced = parse_received(f"from a.example by b.example id {queue} for <{user}@x.example>{tail}")
    want = (queue, f"{user}@x.example")
    assert (glued.id, glued.for_addr) == (spaced.id, spaced.for_addr) == want
