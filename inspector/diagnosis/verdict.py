"""The verdict: one sentence that answers the person's question first.

"I asked at 14:19; did a code come, where, and does it work?" With a request time the
sentence starts from the request ("No code has arrived since you asked at 14:19, 6 min ago;
..." / "Your TikTok code 482915 arrived 2 min after you asked, in Junk, ..."); without one, from
the newest code. A message suspected of phishing is never "your code".
"""

from __future__ import annotations

from collections.abc import Sequence

from inspector.diagnosis.evidence import Evidence, order
from inspector.diagnosis.wording import ago, duration, folder_name, group_label, when
from inspector.model import Channel, Finding, Freshness, Severity


def verdict(evidence: Evidence, findings: Sequence[Finding]) -> str:
    ctx = evidence.context
    genuine = [i for i, record in enumerate(evidence.event_record) if evidence.genuine(record)]
    if ctx.requested_at is not None:
        answered = [
            i for i in genuine if evidence.assessments[i].freshness is not Freshness.BEFORE_REQUEST
        ]
        if not answered:
            return _nothing_since_request(evidence, findings)
        return _code_sentence(evidence, answered)
    if not genuine:
        return _nothing_found(evidence, findings)
    return _code_sentence(evidence, genuine)


def _nothing_since_request(evidence: Evidence, findings: Sequence[Finding]) -> str:
    ctx = evidence.context
    requested = ctx.requested_at
    assert requested is not None
    what = f"{ctx.service.name} code" if ctx.service else "code"
    waited = duration((ctx.now - requested).total_seconds())
    lead = f"No {what} has arrived since you asked at {when(requested, ctx.now)}, {waited} ago"
    cause = _phishing_cause(evidence) or _contact_cause(ctx.contact_findings)
    if cause is None:
        before = [
            evidence.event_record[i]
            for i, a in enumerate(evidence.assessments)
            if a.freshness is Freshness.BEFORE_REQUEST
            and evidence.genuine(evidence.event_record[i])
        ]
        if before:
            last = evidence.records[before[-1]]
            at = last.timeline.delivered_at or last.timeline.sent_at
            stamp = f" at {when(at, ctx.now)}" if at else ""
            cause = f"the last {group_label(last)} code, {last.code}, came{stamp}, before you asked"
    return f"{lead}; {cause}." if cause else f"{lead}."


def _nothing_found(evidence: Evidence, findings: Sequence[Finding]) -> str:
    ctx = evidence.context
    phishing = _phishing_cause(evidence)
    if phishing is not None:
        what = f"{ctx.service.name} " if ctx.service else ""
        return f"No genuine {what}verification code was found; {phishing}."
    not_found = next((f for f in findings if f.id == "code_not_found"), None)
    lead = not_found.message if not_found else "No verification code was found."
    cause = _contact_cause(ctx.contact_findings)
    return f"{lead.rstrip('.')}; {cause}." if cause else lead


def _code_sentence(evidence: Evidence, candidates: Sequence[int]) -> str:
    """The state of the main code among the event indexes ``candidates``."""
    ctx = evidence.context
    newest: dict[str, int] = {}
    for i in candidates:
        event = evidence.events[i]
        current = newest.get(event.group)
        if current is None or order(event) >= order(evidence.events[current]):
            newest[event.group] = i
    group = _main_group(evidence, newest)
    event_index = newest[group]
    event = evidence.events[event_index]
    record = evidence.records[evidence.event_record[event_index]]
    assessment = evidence.assessments[event_index]
    label = group_label(record)
    arrived = record.timeline.delivered_at
    where = folder_name(record)
    requested = ctx.requested_at
    if requested is not None and arrived is not None:
        after = duration((arrived - requested).total_seconds())
        head = f"Your {label} code {event.code} arrived {after} after you asked"
        head += f", in {where}," if where else ""
        head += " by SMS," if record.channel is Channel.SMS else ""
    else:
        head = f"Your newest {label} code {event.code} arrived"
        head += f" in {where}" if where else ""
        head += " by SMS" if record.channel is Channel.SMS else ""
        if arrived is not None and evidence.stale:
            head += f" {ago(arrived, ctx.now)} ({when(arrived, ctx.now)})"
        elif arrived is not None:
            head += f" at {when(arrived, ctx.now)}"
    state = _state(evidence, event_index)
    # "..., in Junk, and is valid until ..." but "..., in Junk; how long ..." (no double mark).
    sentence = (head.rstrip(",") if state[:1] in ",;" else head) + state + "."
    others = [
        g
        for g, i in newest.items()
        if g != group and evidence.assessments[i].freshness is Freshness.VALID
    ]
    if others and assessment.freshness is not Freshness.VALID:
        other = evidence.records[evidence.event_record[newest[others[0]]]]
        other_at = other.timeline.delivered_at
        at = f" from {when(other_at, ctx.now)}" if other_at else ""
        sentence += f" The {group_label(other)} code{at} is still valid."
    return sentence


def _state(evidence: Evidence, event_index: int) -> str:
    ctx = evidence.context
    assessment = evidence.assessments[event_index]
    record = evidence.records[evidence.event_record[event_index]]
    arrived = record.timeline.delivered_at
    expires = assessment.expires_at
    state = assessment.freshness
    if state is Freshness.VALID and expires is not None:
        return f" and is valid until {when(expires, ctx.now)}"
    if state is Freshness.VALID:
        return " and is still valid"
    if state is Freshness.EXPIRED_IN_TRANSIT and expires is not None and arrived is not None:
        return f", {duration((arrived - expires).total_seconds())} after it had expired"
    if state is Freshness.EXPIRED and expires is not None:
        return f" and expired {ago(expires, ctx.now)} (at {when(expires, ctx.now)})"
    if state is Freshness.EXPIRED:
        return " and has expired"
    return "; how long it stays valid is not stated"


def _main_group(evidence: Evidence, newest: dict[str, int]) -> str:
    service = evidence.context.service
    if service is not None and service.id in newest:
        return service.id
    return max(newest, key=lambda g: order(evidence.events[newest[g]]))


def _phishing_cause(evidence: Evidence) -> str | None:
    """A suspicious message in focus, said so that nobody takes its code for theirs."""
    if not evidence.suspicions:
        return None
    index = max(evidence.suspicions)
    suspected = evidence.suspicions[index]
    record = evidence.records[index]
    at = record.timeline.delivered_at or record.timeline.sent_at
    stamp = f" at {when(at, evidence.context.now)}" if at else ""
    origin = f" from {suspected.domain}" if suspected.domain else ""
    if suspected.kind == "deceptive_link":
        origin = f" whose link leads to {suspected.domain}"
    return (
        f"a message{origin} claiming to be {suspected.service.name} arrived{stamp} and is "
        "probably phishing: do not use its code"
    )


def _contact_cause(findings: Sequence[Finding]) -> str | None:
    """The likeliest reasons in the contact details (at most two), to follow the lead."""
    ranked = [f for s in (Severity.ERROR, Severity.WARNING) for f in findings if f.severity is s]
    causes = []
    for finding in ranked[:2]:
        text = finding.message.rstrip(".")
        causes.append(text[0].lower() + text[1:] if text[:1].isupper() else text)
    return "; ".join(causes) if causes else None
