"""Why no code came since the request: the likely causes, ordered by the evidence at hand.

The default order is how often each cause is behind a missing code: the service sends to an
address or number that is not the one being watched, a filter holds the message, the message
is slow, the service stopped sending after too many requests. Evidence moves a cause up: a
contact check that failed, earlier codes that went to Junk, a request made moments ago, a
burst of earlier requests.
"""

from __future__ import annotations

from collections.abc import Sequence

from inspector.diagnosis.evidence import Evidence, in_junk
from inspector.diagnosis.wording import plural
from inspector.model import Severity

# Most codes arrive within a minute; a request younger than this may simply be in transit.
JUST_ASKED_SECONDS = 120
# Earlier requests within the day that make a service's rate limit likely.
BURST = 3


def likely_causes(ev: Evidence, earlier: Sequence[int]) -> str:
    """The causes as one sentence of numbered parts, the most likely first."""
    ctx = ev.context
    waited = (ctx.now - ctx.requested_at).total_seconds() if ctx.requested_at else None
    contact = [f for f in ctx.contact_findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    junk = [i for i in earlier if in_junk(ev.records[i])]
    causes: list[tuple[float, str]] = []

    if contact:
        text = contact[0].message.rstrip(".")
        causes.append(
            (0.0, f"the contact details as registered: {text}; {contact[0].advice.rstrip('.')}")
        )
    elif ctx.email is not None:
        causes.append(
            (
                3.0,
                "the service may have another address on file than the one checked "
                f"({ctx.email}): look in its account settings",
            )
        )
    else:
        causes.append(
            (
                1.0,
                "the service sends to another address or number than the one you are "
                "watching: check it in the account settings (add --email or --phone to check "
                "it here)",
            )
        )
    spam = (
        "a spam filter or a mail rule is holding it: look in Spam/Junk and in your filters "
        "and forwarding rules"
    )
    if junk:
        spam += f" ({plural(len(junk), 'earlier code')} went to Junk)"
    causes.append((0.5 if junk else 2.0, spam))
    delay = (
        "the message is still on its way: codes usually take seconds, but a slow sender or "
        "greylisting at your provider can hold them for minutes; wait a few minutes before "
        "asking again"
    )
    causes.append((-1.0 if waited is not None and waited < JUST_ASKED_SECONDS else 2.5, delay))
    limit = (
        "the service stopped sending after repeated requests (rate limit): wait 15-30 "
        "minutes, then request one code and use only it"
    )
    if len(earlier) >= BURST:
        limit += f" ({plural(len(earlier), 'code')} came before this request)"
    causes.append((0.8 if len(earlier) >= BURST else 4.0, limit))

    ordered = [text for _, text in sorted(causes, key=lambda pair: pair[0])]
    return "; ".join(f"({n}) {text}" for n, text in enumerate(ordered, 1)) + "."
