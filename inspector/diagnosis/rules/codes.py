"""Rules about whether a code came and where it went: nothing at all, nothing since the
request, Junk, Trash, a Gmail tab, and the older codes left out of the diagnosis."""

from __future__ import annotations

from inspector.analysis.record import MessageRecord
from inspector.diagnosis import rank
from inspector.diagnosis.evidence import Evidence, arrival, in_junk
from inspector.diagnosis.rules.causes import likely_causes
from inspector.diagnosis.suspicion import sender_confirmed
from inspector.diagnosis.wording import duration, group_label, plural, when
from inspector.model import Finding, FolderRole, Freshness, Severity


def code_not_found(ev: Evidence) -> list[Finding]:
    """No verification message at all (without a request time: see ``no_code_after_request``)."""
    ctx = ev.context
    if ctx.requested_at is not None or any(r.is_verification for r in ev.records):
        return []
    what = f"{ctx.service.name} verification message" if ctx.service else "verification message"
    where = f"since {when(ctx.since, ctx.now)}" if ctx.since else "in what was read"
    read = f" ({plural(ctx.messages_read, 'message')} read)"
    return [
        Finding(
            "code_not_found",
            Severity.ERROR,
            f"No {what} was found in any folder {where}{read}.",
            "Check that the service has your current address or number, then request a new "
            "code and wait a few minutes; look in every folder, including Spam, and check "
            "forwarding rules and filters that could move or delete it.",
            rank=rank.NO_CODE,
        )
    ]


def no_code_after_request(ev: Evidence) -> list[Finding]:
    """Nothing genuine (of ``--service``, when given) arrived between the request and now."""
    ctx = ev.context
    requested = ctx.requested_at
    if requested is None:
        return []
    after = [i for i in answers(ev) if ev.genuine(i)]
    if after:
        return []
    label = f"{ctx.service.name} code" if ctx.service else "verification code"
    searched = ", ".join(ctx.searched[:8]) + (", …" if len(ctx.searched) > 8 else "")
    where = f" in {searched}" if searched else ""
    message = (
        f"No {label} has arrived since you asked at {when(requested, ctx.now)}, "
        f"{duration((ctx.now - requested).total_seconds())} ago "
        f"({plural(ctx.messages_read, 'message')} read{where})."
    )
    earlier = [i for i in ev.event_record if i not in set(answers(ev))]  # arrival order
    detail = None
    if earlier:
        last = ev.records[earlier[-1]]
        at = arrival(last)
        place = f" in {last.folder}" if last.folder else ""
        stamp = f" at {when(at, ctx.now)}" if at else ""
        detail = (
            f"The last {group_label(last)} code before your request, {last.code}, "
            f"arrived{stamp}{place}."
        )
    return [
        Finding(
            "no_code_after_request",
            Severity.ERROR,
            message,
            "Likely causes, most likely first: " + likely_causes(ev, earlier),
            messages=tuple(earlier[-1:]),
            detail=detail,
            rank=rank.NO_CODE,
        )
    ]


def answers(ev: Evidence) -> list[int]:
    """Records in focus whose code was sent at or after the request (all, without one)."""
    out = []
    for event_index, record_index in enumerate(ev.event_record):
        if ev.assessments[event_index].freshness is not Freshness.BEFORE_REQUEST:
            out.append(record_index)
    return out


def code_in_spam(ev: Evidence) -> list[Finding]:
    """Genuine codes in Junk/Spam, one finding per service (or sender), newest first."""
    newest_records = {ev.event_record[i] for i in ev.newest_by_group().values()}
    groups: dict[str, list[int]] = {}
    for i, record in ev.focused():
        if record.is_verification and in_junk(record) and ev.genuine(i):
            groups.setdefault(group_label(record).casefold(), []).append(i)
    out = []
    for indexes in groups.values():
        newest = indexes[-1]  # records are in arrival order
        record = ev.records[newest]
        label = group_label(record)
        at = arrival(record)
        stamp = f" from {when(at, ev.context.now)}" if at else ""
        if len(indexes) == 1:
            what = f"code {record.code}" if record.code else "verification message"
            message = f"The {label} {what}{stamp} is in your {record.folder or 'Junk'} folder."
        else:
            code = f", the newest ({record.code}){stamp}" if record.code else ""
            message = f"{plural(len(indexes), label + ' verification message')} are in "
            message += f"Junk/Spam{code}."
        current = newest in newest_records and _is_current(ev, newest)
        confirmed = all(sender_confirmed(ev.records[i].auth) for i in indexes)
        out.append(
            Finding(
                "code_in_spam",
                Severity.ERROR if current else Severity.WARNING,
                message,
                _spam_advice(record) if confirmed else _unconfirmed_advice(label),
                messages=tuple(indexes),
                rank=rank.CODE_IN_SPAM,
            )
        )
    return out


def _spam_advice(record: MessageRecord) -> str:
    sender = record.from_address or record.from_display or "the sender"
    return (
        f"Look in your Spam/Junk folder and mark the message as 'Not spam'; add {sender} "
        "to your contacts so future codes reach the Inbox."
    )


def _unconfirmed_advice(label: str) -> str:
    """Advice that cannot hurt when nothing proves who sent the message: a forged one in
    Junk must not be trusted, nor taught to the filter as good mail."""
    return (
        f"Look in your Spam/Junk folder, but nothing here proves the message comes from "
        f"{label}: use it only if you asked {label} for it just now, and enter a code or "
        f"follow a link only in {label}'s own app or site. Mark it 'Not spam' only once you "
        "are sure of the sender."
    )


def _is_current(ev: Evidence, record_index: int) -> bool:
    """The code the person is waiting for: not one from before the request."""
    state = ev.freshness_of(record_index)
    return state is None or state.freshness is not Freshness.BEFORE_REQUEST


def code_in_trash(ev: Evidence) -> list[Finding]:
    trash = [
        i
        for i, r in ev.focused()
        if r.is_verification and r.folder_role is FolderRole.TRASH and ev.genuine(i)
    ]
    if not trash:
        return []
    return [
        Finding(
            "code_in_trash",
            Severity.WARNING,
            f"{plural(len(trash), 'verification message')} went straight to Trash.",
            "Check your mail filters and rules: one may be deleting these messages on arrival.",
            messages=tuple(trash),
            rank=rank.CODE_IN_TRASH,
        )
    ]


def code_in_tab(ev: Evidence) -> list[Finding]:
    """Gmail files some mail under the Promotions or Updates tab, out of sight of the Inbox."""
    hits = [
        i
        for i, r in ev.focused()
        if r.is_verification and r.category and not in_junk(r) and ev.genuine(i)
    ]
    if not hits:
        return []
    first = ev.records[hits[0]]
    tab = (first.category or "").capitalize()
    return [
        Finding(
            "code_in_tab",
            Severity.WARNING,
            f"The {group_label(first)} code was filed under Gmail's {tab} tab, not the Primary "
            "inbox.",
            f"Open the {tab} tab in Gmail; move the message to Primary so later codes land there.",
            messages=tuple(hits),
            rank=rank.CODE_IN_TAB,
        )
    ]


def older_codes(ev: Evidence) -> list[Finding]:
    """One line for the verification messages outside the attempt in focus."""
    if not ev.history:
        return []
    labels = {_label_key(ev.records[i]) for i in ev.history}
    services = plural(len(labels), "service")
    older = plural(len(ev.history), "older verification message")
    return [
        Finding(
            "older_codes",
            Severity.INFO,
            f"{older} from {services} {'was' if len(ev.history) == 1 else 'were'} not "
            "diagnosed: they are from before the attempt in question.",
            "Widen the window with --since (e.g. --since 7d) to include them, or list them "
            "with --all-messages.",
            rank=rank.HISTORY,
        )
    ]


def _label_key(record: MessageRecord) -> str:
    return group_label(record).casefold()
