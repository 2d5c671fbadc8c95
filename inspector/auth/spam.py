"""The provider's own spam verdict, decoded from the headers its filter wrote. Pure: no I/O.

Vendors read: SpamAssassin (X-Spam-Status/-Flag/-Score/-Level/-Report, amavis' bracketed
``tests=[RULE=score]``, Exim's X-Spam_score, Fastmail's X-Spam-hits), Microsoft Exchange
Online Protection (X-Forefront-Antispam-Report SFV/SCL/CAT/SFTY, X-MS-Exchange-Organization-
SCL, X-Microsoft-Antispam BCL), rspamd (X-Spamd-Result, X-Rspamd-Score, X-Rspamd-Action /
X-Spam-Action, X-Spam), Barracuda (X-Barracuda-Spam-Status/-Score), Proofpoint (also iCloud;
X-Proofpoint-Spam-Details), GMX/WEB.DE (X-UI-Filterresults), Yandex (X-Yandex-Spam) and
Mimecast (X-Mimecast-Spam-Score). Gmail and Yahoo write no verdict into the message.

Trust: the sender can write any of these headers itself. A verdict counts as the receiver's
(``trusted: true``) when its header sits above the receiver's entry Received hop, or when it
names a checking host of the receiver (SpamAssassin's X-Spam-Checker-Version "... on host"),
or is Microsoft's own when Microsoft received the message (Exchange appends its verdicts at the
bottom but strips or renames those coming from outside).
``trusted: false`` means it was below, in the part the sender wrote; ``null``: cannot tell
(no Received headers). Trusted verdicts are preferred.

``SpamVerdict.to_json()`` → ``{"spam": {"verdict": "spam"|"ham"|"unknown", "score": float|null,
"threshold": float|null, "reasons": [words...], "rules": [{"rule", "score", "words", "kind"}],
"source": header name|null, "vendor": str|null, "trusted": bool|null, "action": str|null,
"details": [str...], "others": [{"vendor", "verdict", "score", "source", "trusted"}]}}``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from inspector.auth.spam_parts import SpamRule, SpamVerdict, View, group
from inspector.auth.spam_vendors import (
    barracuda,
    microsoft,
    proofpoint,
    rspamd,
    simple,
    spamassassin,
)

if TYPE_CHECKING:
    from inspector.auth.headers import Header
    from inspector.auth.received import DeliveryPath

__all__ = ["SpamRule", "SpamVerdict", "decode_spam"]


# ---- Choosing -------------------------------------------------------------------------------

_STRENGTH = {"spam": 2, "ham": 1, "unknown": 0}
_TRUST = {True: 2, None: 1, False: 0}


def decode_spam(headers: Sequence[Header], *, path: DeliveryPath | None = None) -> SpamVerdict:
    """The receiving provider's spam verdict; never raises on any header content."""
    from inspector.auth.received import delivery_path
    from inspector.parse.trace import read_trace

    if path is None:
        path = delivery_path(read_trace(headers))
    view = View(headers)
    candidates: list[tuple[int, SpamVerdict]] = []
    for reader in (microsoft, rspamd, spamassassin, barracuda, proofpoint):
        try:
            found = reader(view)
        except Exception:  # a decoding slip on hostile input must not lose the message
            found = None
        if found:
            candidates.append(found)
    with contextlib.suppress(Exception):  # same: a slip loses one vendor, not the message
        candidates.extend(simple(view))
    if not candidates:
        return SpamVerdict()
    checker = view.first("X-Spam-Checker-Version")
    checker_host = group(r"\bon\s+([\w.-]+)", checker[1]) if checker else None
    verdicts = []
    for position, verdict in candidates:
        trusted: bool | None = None
        if path.entry is not None:
            trusted = position < path.entry.index
        if (
            verdict.vendor == "spamassassin"
            and checker_host
            and path.receiver_org
            and path.is_receiver(checker_host)
        ):
            trusted = True
        # Exchange Online appends its verdicts at the bottom of the header block, and renames
        # or strips those arriving from outside (X-Forefront-Antispam-Report-Untrusted,
        # X-MS-Exchange-Organization-* header firewall), so on Microsoft they are its own.
        if verdict.vendor == "microsoft" and path.is_receiver("outlook.com"):
            trusted = True
        verdicts.append(replace(verdict, trusted=trusted))
    verdicts.sort(
        key=lambda v: (_TRUST[v.trusted], _STRENGTH[v.verdict]),
        reverse=True,
    )
    best, rest = verdicts[0], tuple(verdicts[1:])
    return replace(best, others=rest)
